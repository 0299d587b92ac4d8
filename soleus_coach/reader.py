"""The one reader: every file that comes from a place the user (or someone who sends the user
a file) controls is read here, and nowhere else. No Qt.

What it guarantees, whatever the path names:

- **Regular files only**, checked on the opened descriptor (``fstat``), not on the path: a
  FIFO, a device (``/dev/zero``), a socket or a folder put in the file's place, or a link to
  one, is refused before a byte is read, and the open itself never blocks (``O_NONBLOCK``).
- **A size cap while reading**: a file larger than ``limit`` is refused from its size, and a
  file that grows while it is read stops at ``limit + 1`` bytes and is refused too.
- **Links stay inside their folder** when a folder is given (``within``): the path is
  resolved, must lie inside the folder, and is then opened without following a link
  (``O_NOFOLLOW``), so a link swapped in between cannot lead out. A link loop is an error
  of that file, never a traceback.

The files it guards: settings, window state, the lock, protocols and what they name
(pictures, sounds), zip members, GPS files, the watch list, and what the editor copies in
(``tests/test_hostile_choke_points.py`` lists them and greps the code for any other
``open``, ``read_bytes`` or ``copyfile`` of them). :mod:`soleus_coach.atomic` is the one
writer.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

#: Read in pieces of this size (a cap is checked after each).
_CHUNK = 1 << 16


class NotRegularFile(OSError):
    """A FIFO, a device, a socket, a folder: never read (it could block, or never end)."""

    def __init__(self, path: Path | str, what: str = "") -> None:
        super().__init__(errno.EINVAL, f"not a regular file{f' ({what})' if what else ''}",
                         str(path))


class FileTooLarge(OSError):
    def __init__(self, message: str, path: Path | str = "") -> None:
        super().__init__(errno.EFBIG, message, str(path))

    def __str__(self) -> str:
        return str(self.strerror)


class OutsideFolder(OSError):
    """A link (or ``..``) that leads out of the folder the file must be in."""

    def __init__(self, path: Path | str, folder: Path | str) -> None:
        super().__init__(errno.EACCES, f"leads out of {folder}", str(path))


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a link")):
        if test(mode):
            return name
    return "not a plain file"


def resolve_within(path: Path, folder: Path) -> Path:
    """``path`` with every link resolved, if it lies inside ``folder`` (itself resolved);
    :class:`OutsideFolder` otherwise, ``OSError`` for a link loop."""
    try:
        real = Path(os.path.realpath(path, strict=True))
        root = Path(os.path.realpath(folder, strict=True))
    except RuntimeError as exc:  # pragma: no cover (Python < 3.13 raised this for loops)
        raise OSError(errno.ELOOP, str(exc), str(path)) from None
    if not real.is_relative_to(root):
        raise OutsideFolder(path, folder)
    return real


def read_user_file(path: Path, limit: int, what: str, *, within: Path | None = None) -> bytes:
    """The bytes of ``path``: a regular file of at most ``limit`` bytes (``what`` names the
    kind of file in the message), inside ``within`` when given.

    Raises :class:`NotRegularFile`, :class:`FileTooLarge`, :class:`OutsideFolder`, or the
    ``OSError`` of opening and reading (a link loop: ``ELOOP``)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    target: Path | str = path
    if within is not None:
        target = resolve_within(path, within)
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags)
    try:
        st = os.fstat(fd)
    except OSError:  # pragma: no cover (fstat of an open descriptor does not fail)
        os.close(fd)
        raise
    if not stat.S_ISREG(st.st_mode):  # checked before Python wraps it (a folder: EISDIR)
        os.close(fd)
        raise NotRegularFile(path, _kind(st.st_mode))
    with os.fdopen(fd, "rb", buffering=0) as fh:
        if st.st_size > limit:
            raise FileTooLarge(_too_large(st.st_size, limit, what), path)
        parts: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = fh.read(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    if size > limit:  # it grew while being read
        raise FileTooLarge(_too_large(size, limit, what), path)
    return b"".join(parts)


def open_user_file(path: Path) -> BinaryIO:
    """``path`` opened for reading as a stream, for a file too large to read whole (an
    export of every run a watch has recorded): the same guards as :func:`read_user_file`
    (a regular file, checked on the descriptor; opened without blocking), no cap. The
    caller limits what it reads."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
    except OSError:  # pragma: no cover
        os.close(fd)
        raise
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise NotRegularFile(path, _kind(st.st_mode))
    return os.fdopen(fd, "rb")


def read_user_text(path: Path, limit: int, what: str, *, within: Path | None = None) -> str:
    """:func:`read_user_file` decoded as UTF-8 (``UnicodeDecodeError`` for anything else)."""
    return read_user_file(path, limit, what, within=within).decode("utf-8")


def is_regular_or_absent(path: Path) -> bool:
    """Whether ``path`` is missing or a regular file (through links): what a store that
    opens the file itself (Qt's settings, its lock file) may be pointed at without the
    risk of blocking on a FIFO or reading a device."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return not path.is_symlink()  # a dangling link is not "absent"
    except OSError:
        return False  # a link loop, a folder we cannot see into
    return stat.S_ISREG(st.st_mode)


def _too_large(size: int, limit: int, what: str) -> str:
    return f"file is {size / 2**20:.1f} MiB; {what} may be at most {limit // 1024} KiB"
