"""Top-level windows: bring one forward (un-minimised, raised, active), and what the app
remembers of its windows between runs (their geometry, the compact timer's place, the day
the reminder came, the watched folder) in one ini file, ``window.ini``."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
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


#: Room left around a window for its title bar and borders (the window manager's), so that
#: the whole frame fits the screen's available area.
FRAME_ROOM = QSize(16, 48)


def available_area(window: QWidget) -> QRect:
    """The part of ``window``'s screen that windows may use (no panels, no dock)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Size a top-level window to ``preferred``, or to its screen's available area if that
    is smaller (less room for the frame), and centre it there: the first size of a window,
    whatever screen it opens on (a small laptop, 200 % scaling)."""
    area = available_area(window)
    room = area.size() - FRAME_ROOM
    window.resize(preferred.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room)))
    window.move(area.center() - QPoint(window.width() // 2, window.height() // 2))
    keep_on_screen(window)


def room_for_title(window: QWidget) -> None:
    """Wide enough that its title is not cut in the title bar (with room for the window
    manager's buttons), on a screen that has the room."""
    needed = window.fontMetrics().horizontalAdvance(window.windowTitle()) + 160
    window.setMinimumWidth(min(max(window.minimumWidth(), needed),
                               available_area(window).width() - FRAME_ROOM.width()))


def keep_on_screen(window: QWidget) -> None:
    """Move and shrink ``window`` into its screen's available area (a geometry kept from a
    larger screen, or from a monitor that is gone)."""
    area = available_area(window)
    room = area.size() - FRAME_ROOM
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))
    x = min(max(window.x(), area.left()), area.right() - window.width() - FRAME_ROOM.width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - window.height() - FRAME_ROOM.height()
            + 1)
    window.move(max(x, area.left()), max(y, area.top()))


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


def restore_geometry(window: QWidget, state_file: Path, key: str, first: QSize) -> None:
    """Give ``window`` the geometry kept under ``key``, if there is one; else its ``first``
    size, fitted to the screen (:func:`fit_to_screen`)."""
    fit_to_screen(window, first)
    geometry = window_state(state_file).value(key)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
        if not window.isMaximized() and not window.isFullScreen():
            keep_on_screen(window)


def save_geometry(window: QWidget, state_file: Path, key: str) -> None:
    """Keep ``window``'s geometry under ``key`` for the next run."""
    store = window_state(state_file)
    store.setValue(key, window.saveGeometry())
    store.sync()
