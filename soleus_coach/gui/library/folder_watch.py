"""Notice when the user's protocol folder changes: a file saved from an editor, copied in,
removed or renamed reloads the library by itself (with the file's errors shown, if any);
so does a programme file in its ``programmes`` folder.

A :class:`QFileSystemWatcher` on the folder and its ``programmes`` folder (files added,
removed, renamed) and on each file in them (saved in place); changes come in bursts (an
editor writes a temporary file, then renames it), so one reload follows the last change by
:data:`SETTLE_MS`. Before the folder exists, its parent is watched, so the folder's
creation is noticed too.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

#: Milliseconds of quiet after a change before the library is reloaded.
SETTLE_MS = 300
#: Files beyond this are not watched one by one (the folder still is).
MAX_WATCHED_FILES = 500


class LibraryWatcher(QObject):
    changed = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watcher.fileChanged.connect(self._on_change)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._fire)
        self._arm()

    def _arm(self) -> None:
        """Watch the folder, its programmes' folder and their files (or, until the folder
        exists, its parent)."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        if self.folder.is_dir():
            programmes = self.folder / "programmes"
            paths = [str(self.folder)]
            with contextlib.suppress(OSError):
                if programmes.is_dir():
                    paths.append(str(programmes))
                files = sorted(self.folder.glob("*.json")) + sorted(programmes.glob("*.json"))
                paths += [str(p) for p in files[:MAX_WATCHED_FILES]]
            self._watcher.addPaths(paths)
        elif self.folder.parent.is_dir():
            self._watcher.addPath(str(self.folder.parent))

    @property
    def watching(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def _on_change(self, path: str) -> None:
        if Path(path) == self.folder.parent and not self.folder.is_dir():
            return  # the data folder changed (settings saved…), not ours: nothing to do
        self._settle.start()

    def _fire(self) -> None:
        self._arm()  # new files, and files replaced by a rename, are watched afresh
        self.changed.emit()
