"""The one writer: every file the user names (an export, ``export``/``upgrade -o``, a PDF from
Print…, a session's copy, a saved routine) is written here. No Qt.

What it guarantees, whatever the target is called:

- **Whole or not at all**: a temporary file beside the target, flushed to disk, renamed over
  the target only when complete: a full disk, a crash or an error half-way leaves the old
  file as it was and no partial one.
- **Never the app's own data**: the history (and its journal, backups), the settings, the
  window state and the lock are refused as targets by identity: the same file through a
  link, a hard link or another spelling of its path (``paths.is_own_data_file``).
- **Only plain files are replaced**: a device node (``/dev/null``), a FIFO, a socket, a
  folder or a link at the target is refused, even when replacing was asked for (``--force``).
- **Names made from a routine's name** carry no path: :func:`safe_file_name`.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from soleus_coach import paths

T = TypeVar("T")
NEW_FILE_MODE = 0o644


class UnsafeTarget(PermissionError):
    """The target is not a plain file (a device, a FIFO, a link, a folder)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a file to write; choose another name")
        self.filename = str(path)
        self.strerror = f"{kind}, not a file to write; choose another name"


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


def check_target(target: Path, *, replace: bool) -> None:
    """Raise unless ``target`` may be written: :class:`ProtectedFile` (one of the app's own
    files), :class:`UnsafeTarget` (not a plain file), :class:`FileExistsError` (it exists
    and ``replace`` is false; a dangling link counts as existing)."""
    if paths.is_own_data_file(target):
        raise ProtectedFile(target)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeTarget(target, "a link")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeTarget(target, "a folder" if stat.S_ISDIR(st.st_mode) else
                           "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or socket")
    if not replace:
        raise FileExistsError(17, "the file exists (use --force to replace it)", str(target))


def write_file_with(target: Path, produce: Callable[[Path], None], *,
                    replace: bool = False) -> None:
    """For a writer that insists on a path of its own (Qt's PDF printer): ``produce`` writes
    a temporary file beside ``target``, which then becomes ``target`` (checked as every
    target is). An empty result is an error: nothing is replaced by nothing."""
    check_target(target, replace=replace)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    try:
        produce(Path(tmp))
        if Path(tmp).stat().st_size == 0:
            raise OSError(5, "nothing was written", str(target))
        os.chmod(tmp, NEW_FILE_MODE)
        check_target(target, replace=replace)  # nothing was put in its place meanwhile
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: What a file name made from a routine's name may not hold (path separators, and what
#: Windows refuses in a name).
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def safe_file_name(name: str, suffix: str = "", limit: int = 80) -> str:
    """``name`` as one file name: no folder in it (``Documents/Taxes`` → ``Documents-Taxes``),
    no leading dot, no control character, at most ``limit`` characters, then ``suffix``."""
    stem = _UNSAFE_NAME.sub("-", name).strip(" .-")[:limit].strip(" .-") or "routine"
    return stem + suffix


def _write_atomic(target: Path, run: Callable[[int], T], replace: bool) -> T:
    check_target(target, replace=replace)
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



def check_outside_protocols(target: Path) -> None:
    """Refuse (``PermissionError``) a file in the bundled or the user's protocol folders:
    what the app writes there is a routine, never a report."""
    try:
        folder = target.parent.resolve()
        own = [paths.bundled_protocols_dir().resolve(), paths.user_protocols_dir().resolve()]
    except (OSError, RuntimeError):
        return
    if any(folder == d or folder.is_relative_to(d) for d in own):
        raise PermissionError(13, "in Soleus Coach's protocol folder; choose another folder",
                              str(target))
