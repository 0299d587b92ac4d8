"""The routine's file on disk, watched while it is edited: another program (or another
editor) that changes it is noticed, by its content, not by a time stamp."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from soleus_coach.digest import sha256_hex
from soleus_coach.protocol.files import read_regular_file
from soleus_coach.protocol.spec import MAX_FILE_BYTES


class FileWatch(QObject):
    """The file's digest when last read or written, and a signal when it differs."""

    changed = Signal()

    def __init__(self, file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.known = self.digest_now()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.watch(file)

    def digest_now(self) -> str:
        """The digest of the file as it is now ("" without one, or unreadable)."""
        if self.file is None:
            return ""
        try:
            return sha256_hex(read_regular_file(self.file, MAX_FILE_BYTES, "routines"))
        except OSError:
            return ""

    @property
    def differs(self) -> bool:
        """Changed on disk since it was last read or written here."""
        return self.file is not None and self.digest_now() != self.known

    def watch(self, file: Path | None, digest: str | None = None) -> None:
        """Watch ``file`` (None: nothing), known as ``digest`` (default: as it is now)."""
        self.file = file
        self.known = self.digest_now() if digest is None else digest
        self._rewatch()

    def _rewatch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.file is not None and self.file.exists():
            self.watcher.addPath(str(self.file))

    def _file_changed(self, _path: str) -> None:
        if self.differs:
            self.changed.emit()
        self._rewatch()  # an editor that writes a new file and renames it: watch the new one
