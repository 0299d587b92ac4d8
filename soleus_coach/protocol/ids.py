"""A routine's id: the name of its file (``<id>.json``) and what ``--start``, ``export`` and
``list`` call it. Made from a name, never the same as one already taken."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The longest id made from a name (the format allows more; a file name stays readable).
MAX_MADE_ID = 56


def unique_id(wanted: str, taken: Iterable[str]) -> str:
    """``wanted`` made a valid id (lower-case letters, digits, dashes) that is not taken:
    ``my-routine``, ``my-routine-2``…"""
    base = re.sub(r"[^a-z0-9]+", "-", wanted.lower()).strip("-")[:MAX_MADE_ID] or "my-routine"
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
