"""Where the runner is in a programme: its events folded, oldest first. No SQL, no Qt.

The history keeps only events (start, pause, resume, a new phase, easing off, end), one
row each: a state is never written half, and a kill between two answers loses neither.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from soleus_coach.programme.records import EventKind, ProgrammeEvent


@dataclass(frozen=True, slots=True)
class Easing:
    since: date
    until: date  # inclusive
    fewer_sets: int


@dataclass(frozen=True, slots=True)
class ProgrammeState:
    """One run of a programme, from its start to its end (or now)."""

    programme_id: str
    name: str
    started: date
    phase: int
    phase_since: date
    paused: bool
    ended: date | None
    events: tuple[ProgrammeEvent, ...]

    @property
    def active(self) -> bool:
        return self.ended is None and not self.paused

    def easing(self, day: date) -> Easing | None:
        """The ease-off in force on ``day``, if any (the latest one accepted)."""
        found = None
        for e in self.events:
            if e.kind is EventKind.EASE_OFF and e.day <= day:
                until, fewer = _ease_detail(e.detail, e.day)
                found = Easing(e.day, until, fewer) if day <= until else None
        return found

    def last_easing(self) -> Easing | None:
        eased = [e for e in self.events if e.kind is EventKind.EASE_OFF]
        if not eased:
            return None
        until, fewer = _ease_detail(eased[-1].detail, eased[-1].day)
        return Easing(eased[-1].day, until, fewer)

    def paused_on(self, day: date) -> bool:
        """Whether the programme was paused on ``day`` (a day it was paused or resumed on
        counts as running: the runner was there)."""
        paused_from: date | None = None
        for e in self.events:
            if e.kind is EventKind.PAUSE:
                paused_from = e.day
            elif e.kind is EventKind.RESUME and paused_from is not None:
                if paused_from < day < e.day:
                    return True
                paused_from = None
        return paused_from is not None and paused_from < day

    def phase_on(self, day: date) -> int:
        phase = 0
        for e in self.events:
            if e.day > day:
                break
            if e.kind in (EventKind.START, EventKind.PHASE):
                phase = e.phase
        return phase

    def covers(self, day: date) -> bool:
        """The programme ran on ``day`` (between its start and its end)."""
        return self.started <= day and (self.ended is None or day <= self.ended)


def ease_detail(until: date, fewer_sets: int) -> str:
    return json.dumps({"until": until.isoformat(), "fewer_sets": fewer_sets},
                      separators=(",", ":"))


def _ease_detail(detail: str, day: date) -> tuple[date, int]:
    try:
        data = json.loads(detail)
        return date.fromisoformat(data["until"]), int(data["fewer_sets"])
    except (ValueError, KeyError, TypeError):
        return day + timedelta(days=2), 1


def runs_of(events: Sequence[ProgrammeEvent]) -> list[ProgrammeState]:
    """Every run of a programme in ``events`` (oldest first), each from a START to its END
    or to now. Events before the first START are ignored."""
    out: list[ProgrammeState] = []
    current: list[ProgrammeEvent] = []
    for e in sorted(events, key=lambda e: (e.at, e.id or 0)):
        if e.kind is EventKind.START:
            if current:
                out.append(_fold(current, ended=current[-1].day))
            current = [e]
        elif current:
            current.append(e)
            if e.kind is EventKind.END:
                out.append(_fold(current, ended=e.day))
                current = []
    if current:
        out.append(_fold(current, ended=None))
    return out


def current(events: Sequence[ProgrammeEvent]) -> ProgrammeState | None:
    """The programme the runner is in now (running or paused), or None."""
    runs = runs_of(events)
    return runs[-1] if runs and runs[-1].ended is None else None


def _fold(events: list[ProgrammeEvent], ended: date | None) -> ProgrammeState:
    start = events[0]
    phase, since, paused = start.phase, start.day, False
    for e in events[1:]:
        if e.kind is EventKind.PHASE:
            phase, since = e.phase, e.day
        elif e.kind is EventKind.PAUSE:
            paused = True
        elif e.kind is EventKind.RESUME:
            paused = False
    return ProgrammeState(start.programme_id, start.detail, start.day, phase, since, paused,
                          ended, tuple(events))
