"""A programme's days: what is due, what is done, how a day went, and when to remind.
Pure functions over plain values. No SQL, no Qt.

- Twice a day is two sessions, once a day one; ``days-a-week`` is due on days spread over
  the week (3: Monday, Wednesday, Friday) and the other days are rest days.
- Routines done around runs are due once per run of the day; a day with such a session and
  no recorded run counts the session (the runner need not import their runs).
- A session counts when it was completed or did a minute or more of real work, as in the
  history's weekly figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from soleus_coach.programme.records import DoneSession
from soleus_coach.programme.state import ProgrammeState
from soleus_coach.protocol.programme import Often, Phase, Planned
from soleus_coach.reminders import Slot

#: Days of the week (0 = Monday) for "N days a week": spread out, the weekend last.
SPREAD: dict[int, tuple[int, ...]] = {
    1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
}
#: The morning reminder of a routine done twice a day (the evening one is the runner's
#: reminder time from the settings).
MORNING_MINUTE = 8 * 60


def due_count(planned: Planned, day: date, runs: int = 0) -> int:
    """How many sessions of ``planned`` are due on ``day`` (``runs``: runs recorded that
    day, for routines done around runs)."""
    if planned.often.follows_runs:
        return runs
    if planned.often is Often.DAYS_A_WEEK:
        return 1 if day.weekday() in SPREAD.get(planned.days, ()) else 0
    return planned.per_day


@dataclass(frozen=True, slots=True)
class Item:
    """One routine of today's plan: its label, how many are due and how many are done."""

    planned: Planned
    label: str
    due: int
    done: int

    @property
    def follows_runs(self) -> bool:
        return self.planned.often.follows_runs

    @property
    def complete(self) -> bool:
        return self.done >= self.due

    @property
    def open(self) -> int:
        return max(0, self.due - self.done)


def items_on(phase: Phase, day: date, sessions: Iterable[DoneSession], runs: int = 0,
             names: Mapping[str, str] | None = None) -> tuple[Item, ...]:
    """The phase's routines on ``day`` with what was done of each. A session counts for the
    first entry of its routine; around runs, a session done with no run recorded counts as
    its run."""
    done: dict[str, int] = {}
    for s in sessions:
        if s.day == day and s.counts:
            done[s.routine] = done.get(s.routine, 0) + 1
    out = []
    seen: set[str] = set()
    for planned in phase.routines:
        n = 0 if planned.routine in seen else done.get(planned.routine, 0)
        seen.add(planned.routine)
        due = due_count(planned, day, runs)
        if planned.often.follows_runs:
            due = max(due, n)
        label = planned.label or (names or {}).get(planned.routine, planned.routine)
        out.append(Item(planned, label, due, n))
    return tuple(out)


def next_up(items: Sequence[Item]) -> Item | None:
    """What is due next: the first routine not done yet that has a time of day; else one
    done around runs that is still open."""
    for item in items:
        if not item.follows_runs and not item.complete:
            return item
    return next((i for i in items if i.follows_runs and not i.complete), None)


def done_today(items: Sequence[Item]) -> int:
    """Sessions done of the routines that have a time of day (what the reminders count)."""
    return sum(min(i.done, i.due) for i in items if not i.follows_runs)


class DayKind(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    MISSED = "missed"
    REST = "rest"  # nothing was due (or the programme was paused)
    OPEN = "open"  # today, not finished yet
    NONE = "none"  # outside the programme (before it started, after it ended, future)


def day_kind(items: Sequence[Item], *, today: bool = False) -> DayKind:
    due = sum(i.due for i in items)
    done = sum(min(i.done, i.due) for i in items)
    if due == 0:
        return DayKind.DONE if any(i.done for i in items) else DayKind.REST
    if done >= due:
        return DayKind.DONE
    if today:
        return DayKind.OPEN
    return DayKind.PARTLY if done else DayKind.MISSED


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the calendar."""

    day: date
    kind: DayKind
    items: tuple[Item, ...] = ()
    phase: int = 0
    eased: bool = False


def day_of(state: ProgrammeState | None, phases: Sequence[Phase], day: date, today: date,
           sessions: Iterable[DoneSession], runs: int = 0,
           names: Mapping[str, str] | None = None) -> Day:
    """How ``day`` went in the programme run ``state``."""
    if state is None or not state.covers(day) or day > today:
        return Day(day, DayKind.NONE)
    index = state.phase_on(day)
    phase = phases[max(0, min(index, len(phases) - 1))]
    items = items_on(phase, day, sessions, runs, names)
    if state.paused_on(day):
        kind = DayKind.DONE if any(i.done for i in items) else DayKind.REST
    else:
        kind = day_kind(items, today=day == today)
    return Day(day, kind, items, index, state.easing(day) is not None)


def reminder_slots(phase: Phase, evening_minute: int) -> tuple[Slot, ...]:
    """The phase's reminder times: on each day with something due at a time of day, one in
    the evening (``evening_minute``) for all of it, and, for routines done twice a day, one
    in the morning for the first of each. No reminder on rest days, none for routines done
    around runs (they follow the runs)."""
    by_key: dict[tuple[int, int], set[int]] = {}
    for weekday in range(7):
        day = date(2024, 1, 1 + weekday)  # a Monday, and the days after it
        timed = [p for p in phase.routines if not p.often.follows_runs]
        total = sum(due_count(p, day) for p in timed)
        if total == 0:
            continue
        twice = sum(1 for p in timed if p.often is Often.TWICE_A_DAY)
        if twice and evening_minute > MORNING_MINUTE:
            by_key.setdefault((MORNING_MINUTE, twice), set()).add(weekday)
        by_key.setdefault((evening_minute, total), set()).add(weekday)
    return tuple(Slot(minute, frozenset(days), needed)
                 for (minute, needed), days in sorted(by_key.items()))
