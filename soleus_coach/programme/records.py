"""What a programme leaves in the history: its events, the morning checks, pain during
loading, and each suggestion with the runner's choice. Plain frozen values. No SQL, no Qt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    """A change of the programme's state. Values are stable (stored)."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    PHASE = "phase"  # moved to ``phase``
    EASE_OFF = "ease_off"  # detail: {"until": "YYYY-MM-DD", "fewer_sets": n}
    END = "end"


@dataclass(frozen=True, slots=True)
class ProgrammeEvent:
    at: datetime  # when it was recorded (aware)
    day: date  # the local day it counts from
    programme_id: str
    kind: EventKind
    phase: int = 0  # the phase from then on (0-based)
    detail: str = ""  # START: the programme's name; EASE_OFF: JSON
    id: int | None = None


@dataclass(frozen=True, slots=True)
class MorningCheck:
    """The morning after loading: pain on the first steps (0–10) and whether the calf is
    stiffer than the day before. Both None: asked and skipped (never asked again that day)."""

    day: date
    at: datetime
    pain: int | None
    stiffer: bool | None

    def __post_init__(self) -> None:
        if self.pain is not None and not 0 <= self.pain <= 10:
            raise ValueError(f"pain must be 0–10, got {self.pain}")

    @property
    def skipped(self) -> bool:
        return self.pain is None and self.stiffer is None


@dataclass(frozen=True, slots=True)
class PainDuring:
    """The most pain during a loading session's exercises (0–10); None: skipped."""

    session_uid: str
    at: datetime
    pain: int | None

    def __post_init__(self) -> None:
        if self.pain is not None and not 0 <= self.pain <= 10:
            raise ValueError(f"pain must be 0–10, got {self.pain}")


@dataclass(frozen=True, slots=True)
class DoneSession:
    """A session of the history as the programme sees it."""

    uid: str
    routine: str
    started_at: datetime
    day: date  # local
    counts: bool  # completed, or a minute or more of real work
    pain_after: int | None = None
    notes: str = ""
    name: str = ""


class SuggestionKind(StrEnum):
    EASE_OFF = "ease_off"
    MOVE_ON = "move_on"
    SEE_PHYSIO = "see_physio"  # easing off again, and pain that does not settle: a physio
    RED_FLAG = "red_flag"  # red flags override everything: rest, see a doctor


class Choice(StrEnum):
    ACCEPTED = "accepted"  # eased off, moved on, rested
    KEPT_GOING = "kept_going"  # carried on as planned (or stayed in the phase)


class Rule(StrEnum):
    """Why a suggestion was made; each with the numbers it looked at."""

    PAIN_DURING = "pain_during"  # values (pain,), days (day,)
    PAIN_AFTER = "pain_after"  # values (pain,), days (day,)
    MORNING_HIGHER = "morning_higher"  # values (this morning, the one before), days (both)
    MORNING_STIFFER = "morning_stiffer"  # days (day,)
    MORNINGS_ROSE = "mornings_rose"  # values (last 7 days' mean, the 7 before), days (first
    DURING_ROSE = "during_rose"  #   and last day of the last 7)
    EASED_BEFORE = "eased_before"  # days (the day easing off was accepted,)
    CRITERION_MET = "criterion_met"  # values (days, max, highest during), days (first, last)
    RED_FLAG = "red_flag"  # flags


@dataclass(frozen=True, slots=True)
class Reason:
    rule: Rule
    values: tuple[float, ...] = ()
    days: tuple[date, ...] = ()
    flags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule.value}
        if self.values:
            out["values"] = list(self.values)
        if self.days:
            out["days"] = [d.isoformat() for d in self.days]
        if self.flags:
            out["flags"] = list(self.flags)
        return out

    @classmethod
    def from_json(cls, data: Any) -> Reason:
        if not isinstance(data, dict):
            raise ValueError("not a reason")
        values = tuple(float(v) for v in data.get("values", ()))
        days = tuple(date.fromisoformat(d) for d in data.get("days", ()))
        return cls(Rule(data["rule"]), values, days, tuple(str(f) for f in data.get("flags", ())))


def reasons_to_text(reasons: tuple[Reason, ...]) -> str:
    return json.dumps([r.to_json() for r in reasons], separators=(",", ":"))


def reasons_from_text(text: str) -> tuple[Reason, ...]:
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("not a list of reasons")
    return tuple(Reason.from_json(item) for item in data)


@dataclass(frozen=True, slots=True)
class SuggestionRecord:
    day: date
    at: datetime
    programme_id: str
    phase: int
    kind: SuggestionKind
    reasons: tuple[Reason, ...]
    choice: Choice | None = None
    chosen_at: datetime | None = None
    id: int | None = None
