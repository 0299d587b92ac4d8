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
