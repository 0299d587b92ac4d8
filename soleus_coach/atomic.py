"""Write a file whole or not at all, and never over the app's own data. No Qt.

An export (or a saved routine) goes to a temporary file beside the target, is flushed to
disk, and only then renamed over the target: a full disk, a crash or an error half-way
leaves the old file as it was and no partial one. A link at the target is replaced, not
followed. The history, its journal, the settings and the window state are refused as
targets whatever name or link leads to them (``paths.is_own_data_file``).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from soleus_coach import paths

T = TypeVar("T")
NEW_FILE_MODE = 0o644


class ProtectedFile(PermissionError):
    """The target is one of the app's own data files."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is one of Soleus Coach's own data files; choose another "
                         "name")
        self.filename = str(path)
        self.strerror = "one of Soleus Coach's own data files; choose another name"


def write_text_atomic(target: Path, write: Callable[[TextIO], T], *,
                      replace: bool = False, newline: str | None = None) -> T:
    """Call ``write`` with a text file that becomes ``target`` once it has returned.

    Raises :class:`ProtectedFile`, :class:`FileExistsError` (``target`` exists and
    ``replace`` is false; a dangling link counts as existing) or any ``OSError`` of the
    writing, with ``target`` untouched in every case.
    """
    def run(fd: int) -> T:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        return result

    return _write_atomic(target, run, replace)


def write_bytes_atomic(target: Path, write: Callable[[BinaryIO], T], *,
                       replace: bool = False) -> T:
    """:func:`write_text_atomic` for a binary file (a zip of a routine and its pictures)."""
    def run(fd: int) -> T:
        with os.fdopen(fd, "w+b") as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        return result

    return _write_atomic(target, run, replace)


def _write_atomic(target: Path, run: Callable[[int], T], replace: bool) -> T:
    if paths.is_own_data_file(target):
        raise ProtectedFile(target)
    if not replace and os.path.lexists(target):
        raise FileExistsError(17, "the file exists (use --force to replace it)", str(target))
    try:  # a replaced file keeps its permissions; a new one gets the usual rw-r--r--
        mode = stat.S_IMODE(os.stat(target).st_mode) if replace else NEW_FILE_MODE
    except OSError:
        mode = NEW_FILE_MODE
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        if hasattr(os, "fchmod"):  # not on Windows
            os.fchmod(fd, mode)
        result = run(fd)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


class UnsafeTarget(OSError):
    """A target no file the user names may be written to: a link, a device, a FIFO, a
    folder, or a file in the app's protocol folders."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(13, why, str(path))


def check_target(target: Path) -> None:
    """Refuse ``target`` before anything is written: one of the app's own data files
    (:class:`ProtectedFile`), a file in the bundled or the user's protocol folders, or
    anything there that is not a regular file (a link, which would be replaced rather than
    followed; a device or FIFO, which a write could block on or never end)."""
    if paths.is_own_data_file(target):
        raise ProtectedFile(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise UnsafeTarget(target, "a link; choose the file it points to, or another name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise UnsafeTarget(target, "not a regular file (a device, a FIFO or a folder)")
    try:
        folder = target.parent.resolve()
        own = [paths.bundled_protocols_dir().resolve(), paths.user_protocols_dir().resolve()]
    except (OSError, RuntimeError):
        return
    if any(folder == d or folder.is_relative_to(d) for d in own):
        raise UnsafeTarget(target, "in Soleus Coach's protocol folder; choose another folder")
