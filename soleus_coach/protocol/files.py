"""Reading a file a protocol names (or the protocol itself) without being tricked. No Qt."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """A FIFO, a device, a folder: never read (it could block, or never end)."""


class FileTooLarge(OSError):
    pass


def read_regular_file(path: Path, limit: int, what: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking and checked with ``fstat`` on the open file (so a FIFO put in
    its place after a check cannot hang the app). Raises :class:`NotRegularFile`,
    :class:`FileTooLarge` or the ``OSError`` of the reading."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path)
        if st.st_size > limit:
            raise FileTooLarge(f"file is {st.st_size / 1024 / 1024:.1f} MiB; {what} may be "
                               f"at most {limit // 1024} KiB")
        data = fh.read(limit + 1)
    if len(data) > limit:  # it grew while being read
        raise FileTooLarge(f"file is over {limit // 1024} KiB; {what} may be at most "
                           f"{limit // 1024} KiB")
    return data
