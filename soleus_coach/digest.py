"""SHA-256 from CPython's built-in module, as ``random`` does for SHA-512.

``hashlib`` loads OpenSSL's libcrypto for every algorithm it offers: 4 MiB of resident memory
at start-up for the one hash the app takes (of each protocol file). Same digests either way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

sha256: Callable[[bytes], Any]
try:
    from _sha2 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]  # 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:  # a Python built without them
        from hashlib import sha256


def sha256_hex(data: bytes) -> str:
    return str(sha256(data).hexdigest())
