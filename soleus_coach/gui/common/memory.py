"""Give freed memory back to the system after a session.

A session's screen is built and torn down as a whole; glibc keeps the freed heap for reuse,
so the resident size of a window left open for days would only climb (the soak measured
+0.5 MiB per session in RSS, of which under 0.07 MiB was still in use). ``malloc_trim``
returns it. Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def release_free_memory() -> bool:
    """True when memory was handed back (glibc only)."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))
