"""Top-level windows: bring one forward (un-minimised, raised, active), and what the app
remembers of its windows between runs (their geometry, the compact timer's place, the day
the reminder came, the watched folder) in one ini file, ``window.ini``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget


def bring_forward(window: QWidget) -> None:
    """Un-minimise, raise and activate ``window`` (the tray's click, the ice-off alert, a
    second launch of the app)."""
    if window.isMinimized() or not window.isVisible():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def window_state(state_file: Path) -> QSettings:
    """The store of window state (an ini file)."""
    return QSettings(str(state_file), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, state_file: Path, key: str) -> None:
    """Give ``window`` the geometry kept under ``key``, if there is one."""
    geometry = window_state(state_file).value(key)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)


def save_geometry(window: QWidget, state_file: Path, key: str) -> None:
    """Keep ``window``'s geometry under ``key`` for the next run."""
    store = window_state(state_file)
    store.setValue(key, window.saveGeometry())
    store.sync()
