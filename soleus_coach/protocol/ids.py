"""A routine's id: the name of its file (``<id>.json``) and what ``--start``, ``export`` and
``list`` call it. Made from a name, never the same as one already taken.

A name is transliterated by python-slugify (``Straße`` → ``strasse``, ``Ćwiczenia`` →
``cwiczenia``, ``Растяжка`` → ``rastiazhka``), with the rules of the routine's language on
top where a language writes a letter differently in ASCII: German's umlauts are ``ae``,
``oe``, ``ue`` (``Wadenübungen`` → ``wadenuebungen``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The longest id made from a name (the format allows more; a file name stays readable).
MAX_MADE_ID = 56

#: How a language writes some of its letters in ASCII, where that differs from the plain
#: letter (python-slugify's ``replacements``, applied before it transliterates).
LANGUAGE_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue")),
}


def slug(name: str, language: str = "") -> str:
    """``name`` as an id: lower-case ASCII letters, digits and dashes, at most
    :data:`MAX_MADE_ID` characters, cut at a word ("" when nothing of it is left)."""
    from slugify import slugify  # a few ms of tables: only when a name is made an id

    rules = LANGUAGE_RULES.get(language.replace("_", "-").split("-")[0].lower(), ())
    made = re.sub(r"[^a-z0-9-]+", "-", slugify(name, replacements=[list(r) for r in rules]))
    made = made.strip("-")
    if len(made) > MAX_MADE_ID:  # cut after a whole word (a word longer than that: within)
        cut = made[:MAX_MADE_ID + 1].rfind("-")
        made = made[:cut] if cut > 0 else made[:MAX_MADE_ID]
    return made.strip("-")


def unique_id(wanted: str, taken: Iterable[str], language: str = "") -> str:
    """``wanted`` (a name, or an id) made a valid id that is not taken: ``my-routine``,
    ``my-routine-2``…"""
    base = slug(wanted, language) or "my-routine"
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
