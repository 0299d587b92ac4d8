"""Top-level windows: bring one forward (un-minimised, raised, active), and what the app
remembers of its windows between runs (their geometry, the compact timer's place, the day
the reminder came, the watched folder) in one ini file, ``window.ini``."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from soleus_coach.reader import is_regular_or_absent

log = logging.getLogger(__name__)


def bring_forward(window: QWidget) -> None:
    """Un-minimise, raise and activate ``window`` (the tray's click, the ice-off alert, a
    second launch of the app)."""
    if window.isMinimized() or not window.isVisible():
        window.showNormal()
    window.raise_()
    window.activateWindow()


#: The window state is a few kilobytes; a larger file is not ours.
MAX_STATE_BYTES = 1024 * 1024
#: Window-state files that could not be used nor set aside, and the private file used instead.
_REPLACED: dict[Path, Path] = {}


def window_state(state_file: Path) -> QSettings:
    """The store of window state (an ini file). Qt reads the file itself, so it is looked at
    first: a FIFO, a device or a folder in its place (or a link to one), or a huge file, is
    set aside and the state starts afresh, instead of hanging the start or filling memory."""
    if state_file in _REPLACED:
        state_file = _REPLACED[state_file]
    elif not _usable(state_file):
        set_aside(state_file, "window state that is not a plain file")
        if not _usable(state_file):  # could not be moved: a private file instead, from now on
            private = Path(tempfile.gettempdir()) / f"soleus-coach-{os.getpid()}.ini"
            _REPLACED[state_file] = private
            state_file = private
    return QSettings(str(state_file), QSettings.Format.IniFormat)


def _usable(path: Path) -> bool:
    try:
        return is_regular_or_absent(path) and (not path.exists()
                                                or path.stat().st_size <= MAX_STATE_BYTES)
    except OSError:
        return False


def set_aside(path: Path, why: str) -> None:
    """Rename ``path`` (the entry itself, never what a link points at) out of the way, as
    ``<name>.unusable``; logged, never raised."""
    target, n = path.with_name(f"{path.name}.unusable"), 2
    while os.path.lexists(target):
        target, n = path.with_name(f"{path.name}.unusable-{n}"), n + 1
    try:
        os.rename(path, target)
        log.warning("%s: %s; set aside as %s", path, why, target.name)
    except OSError as exc:
        log.warning("%s: %s, and it cannot be set aside (%s)", path, why, exc)


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
