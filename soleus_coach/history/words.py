"""What the history holds, in the words a person reads: one table for every stored value
(statuses, outcomes, legs, check-in flags, the choices after a red flag or "it hurts", the
source of a run) and every kind of event. No Qt; translated through :mod:`soleus_coach.texts`.

Stored values stay stable ids ("pain_at_rest", "dont_stretch", "manual"); nothing shows
them. An event of a kind this version does not know, or a detail it cannot read (a newer
version's, or a damaged file's), is said as such, never as raw JSON.
"""

from __future__ import annotations

import json
from typing import Any

from soleus_coach.texts import QT_TRANSLATE_NOOP, Text, fill, translate
from soleus_coach.untrusted import one_line

# NB: literal arguments only (pyside6-lupdate reads them); context "History".
STATUS = {
    "completed": QT_TRANSLATE_NOOP("History", "completed"),
    "stopped": QT_TRANSLATE_NOOP("History", "stopped"),
    "interrupted": QT_TRANSLATE_NOOP("History", "interrupted"),
    "in_progress": QT_TRANSLATE_NOOP("History", "in progress"),
}
OUTCOME = {
    "completed": QT_TRANSLATE_NOOP("History", "done"),
    "skipped": QT_TRANSLATE_NOOP("History", "skipped"),
    "stopped": QT_TRANSLATE_NOOP("History", "stopped"),
    "hurt": QT_TRANSLATE_NOOP("History", "ended: it hurt"),
}
LEG = {
    "left": QT_TRANSLATE_NOOP("History", "left"),
    "right": QT_TRANSLATE_NOOP("History", "right"),
    "both": QT_TRANSLATE_NOOP("History", "both"),
    "not_sure": QT_TRANSLATE_NOOP("History", "not sure"),
    "none": QT_TRANSLATE_NOOP("History", "not set"),
}
FLAG = {
    "swelling": QT_TRANSLATE_NOOP("History", "swelling"),
    "bruising": QT_TRANSLATE_NOOP("History", "bruising"),
    "pain_at_rest": QT_TRANSLATE_NOOP("History", "pain at rest"),
    "cannot_bear_weight": QT_TRANSLATE_NOOP("History", "could not bear weight"),
    "severe_pain": QT_TRANSLATE_NOOP("History", "pain of 7/10 or more"),
}
RED_FLAG_CHOICE = {
    "dont_stretch": QT_TRANSLATE_NOOP("History", "did not stretch"),
    "continue": QT_TRANSLATE_NOOP("History", "went on, gently"),
}
HURT_CHOICE = {
    "stop": QT_TRANSLATE_NOOP("History", "stopped"),
    "continue_gently": QT_TRANSLATE_NOOP("History", "went on, gently"),
    "to_ice": QT_TRANSLATE_NOOP("History", "stopped the exercises, went on to the ice"),
}
SOURCE = {
    "fit": QT_TRANSLATE_NOOP("History", "watch file (FIT)"),
    "tcx": QT_TRANSLATE_NOOP("History", "TCX file"),
    "gpx": QT_TRANSLATE_NOOP("History", "GPX file"),
    "manual": QT_TRANSLATE_NOOP("History", "added by hand"),
}
#: A side as a whole phrase (an adjective agrees with its noun in German: "linkes Bein").
SIDE = {
    "left": QT_TRANSLATE_NOOP("History", "left leg"),
    "right": QT_TRANSLATE_NOOP("History", "right leg"),
    "both": QT_TRANSLATE_NOOP("History", "both legs"),
}
SIDE_REP = {
    "hold": QT_TRANSLATE_NOOP("History", "%1, hold %2"),
    "set": QT_TRANSLATE_NOOP("History", "%1, set %2"),
}
REP_ONLY = {
    "hold": QT_TRANSLATE_NOOP("History", "hold %1"),
    "set": QT_TRANSLATE_NOOP("History", "set %1"),
}
#: A step of a group done several times, as the history keeps it (its name and round).
ROUND_PLACE = QT_TRANSLATE_NOOP("History", "%1, round %2 of %3")
EVENT_IT_HURTS = QT_TRANSLATE_NOOP("History", "It hurt during %1: %2")
EVENT_RED_FLAG = QT_TRANSLATE_NOOP("History", "Warning signs before the routine (%1): %2")
EVENT_RED_FLAG_AFTER = QT_TRANSLATE_NOOP(
    "History", "Warning signs after the routine (%1): advised to see a doctor")
EVENT_UNKNOWN = QT_TRANSLATE_NOOP("History", "A note this version cannot read")
UNKNOWN_VALUE = QT_TRANSLATE_NOOP("History", "unknown")


def _word(table: dict[str, Text], value: object) -> str:
    text = table.get(str(value))
    return translate(text) if text is not None else translate(UNKNOWN_VALUE)


def status(value: str) -> str:
    return _word(STATUS, value)


def outcome(value: str) -> str:
    return _word(OUTCOME, value)


def leg(value: str) -> str:
    return _word(LEG, value)


def flag(value: str) -> str:
    return _word(FLAG, value)


def source(value: str) -> str:
    return _word(SOURCE, value)


def flags(values: object) -> str:
    """"swelling, pain at rest" from stored flag ids (anything else: "unknown")."""
    items = values if isinstance(values, list | tuple) else []
    return ", ".join(flag(str(v)) for v in items) or translate(UNKNOWN_VALUE)


def side(value: str) -> str:
    """"left leg", "right leg" ("unknown" for anything else)."""
    return _word(SIDE, value)


def segment_place(kind: str, side_value: str | None, rep: int | None) -> str:
    """Where in a routine a step was: "left leg, hold 2", "right leg", "set 3", or ""."""
    if side_value and rep and kind in SIDE_REP:
        return fill(SIDE_REP[kind], side(side_value), rep)
    if side_value:
        return side(side_value)
    if rep and kind in REP_ONLY:
        return fill(REP_ONLY[kind], rep)
    return ""


def recorded_label(label: str, round_: int, rounds: int) -> str:
    """What the history keeps as a step's name: the name, and its round in a group of rounds
    ("Heat, round 2 of 3"; the database keeps no column of its own for it)."""
    return fill(ROUND_PLACE, label, round_, rounds) if rounds else label


def _object(detail: str) -> dict[str, Any] | None:
    try:
        data = json.loads(detail)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def event(kind: str, detail: str) -> str:
    """A safety event in words (its step name, from a file, made one line)."""
    data = _object(detail)
    if data is None:
        return translate(EVENT_UNKNOWN)
    if kind == "it_hurts" and isinstance(data.get("segment"), str):
        step = one_line(data["segment"])
        where = data.get("side")
        if isinstance(where, str) and where in SIDE:
            step = f"{step} ({side(where)})"
        return fill(EVENT_IT_HURTS, step, _word(HURT_CHOICE, data.get("choice")))
    if kind == "red_flag":
        return fill(EVENT_RED_FLAG, flags(data.get("flags")),
                    _word(RED_FLAG_CHOICE, data.get("choice")))
    if kind == "red_flag_after":
        return fill(EVENT_RED_FLAG_AFTER, flags(data.get("flags")))
    return translate(EVENT_UNKNOWN)
