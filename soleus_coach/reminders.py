"""The daily reminder's schedule. No Qt; the time comes from an injected clock.

A reminder is due on a chosen weekday once its time of day has passed, and then only if the
runner has not been reminded today, has not done a routine today, and is not doing one now:
never during a session, never twice a day, never after the day's routine is done. The GUI
(:mod:`soleus_coach.gui.reminders`) asks :func:`due` when its timer wakes and arms the next
wake-up with :func:`wake_in`, which never asks for a wake-up sooner than a minute from now.

A programme has its own times instead (:class:`Slot`: twice a day is a morning and an
evening reminder, three days a week is three days): :func:`due_slot` and
:func:`slots_wake_in` are the same rules for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

#: The GUI's timer never wakes more often than this (idle cost: benchmarks/idle.py).
MIN_WAKE_S = 60.0
#: Nor sleeps longer than this: its timer does not count a suspended laptop, and the wall
#: clock may be changed; a quarter-hourly look keeps a reminder at most this late.
MAX_WAKE_S = 15 * 60.0


@dataclass(frozen=True, slots=True)
class Schedule:
    on: bool
    #: Minutes after local midnight.
    minute: int
    #: Weekdays, 0 = Monday.
    days: frozenset[int]

    @property
    def at(self) -> time:
        return time(self.minute // 60, self.minute % 60)


def due(schedule: Schedule, now: datetime, *, last_shown: date | None,
        practised_today: bool, in_session: bool) -> bool:
    """Whether to remind now (``now`` is local wall-clock time)."""
    if not schedule.on or in_session or practised_today:
        return False
    today = now.date()
    if today.weekday() not in schedule.days or last_shown == today:
        return False
    return now.time() >= schedule.at


def next_time(schedule: Schedule, now: datetime, *, done_today: bool) -> datetime | None:
    """The next moment a reminder may be due: today's time (or now, if it has passed) unless
    today is done (reminded, or a routine done), else the next chosen day's. None when
    reminders are off or no day is chosen."""
    if not schedule.on or not schedule.days:
        return None
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        if day.weekday() not in schedule.days or (ahead == 0 and done_today):
            continue
        return max(datetime.combine(day, schedule.at, tzinfo=now.tzinfo), now)
    return None


def wake_in(schedule: Schedule, now: datetime, *, done_today: bool) -> float | None:
    """Seconds until the timer should next look: within [MIN_WAKE_S, MAX_WAKE_S]; None when
    there is nothing to wait for (reminders off)."""
    moment = next_time(schedule, now, done_today=done_today)
    if moment is None:
        return None
    seconds = (moment - now).total_seconds()
    return min(MAX_WAKE_S, max(MIN_WAKE_S, seconds))


# --------------------------------------------------------------------------- programme times


@dataclass(frozen=True, slots=True)
class Slot:
    """One reminder time of a programme: at ``minute`` on ``days`` (0 = Monday), quiet once
    ``needed`` of the day's sessions are done (the morning's first heel drops: 1; the
    evening's: all of them)."""

    minute: int
    days: frozenset[int]
    needed: int = 1

    @property
    def at(self) -> time:
        return time(self.minute // 60, self.minute % 60)


def due_slot(slots: tuple[Slot, ...], now: datetime, *, shown_today: frozenset[int],
             done_today: int, in_session: bool) -> Slot | None:
    """The slot to remind of now, if any: the latest one of today whose time has passed,
    that has not been shown today (``shown_today``: their minutes) and whose sessions are
    not done yet. A slot missed while the app was closed is not shown late when a later
    one has come due (one reminder, for the latest)."""
    if in_session:
        return None
    today = now.date().weekday()
    passed = [s for s in slots if today in s.days and now.time() >= s.at]
    if not passed:
        return None
    latest = max(passed, key=lambda s: s.minute)
    if latest.minute in shown_today or done_today >= latest.needed:
        return None
    return latest


def slots_passed(slots: tuple[Slot, ...], now: datetime) -> frozenset[int]:
    """The minutes of today's slots whose time has passed (marked shown with a reminder)."""
    today = now.date().weekday()
    return frozenset(s.minute for s in slots if today in s.days and now.time() >= s.at)


def slots_next_time(slots: tuple[Slot, ...], now: datetime, *, shown_today: frozenset[int],
                    done_today: int) -> datetime | None:
    """The next moment a slot may come due: now for one that has passed and is still
    open, else the next slot's time (today or on a following day)."""
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        for slot in sorted((s for s in slots if day.weekday() in s.days),
                           key=lambda s: s.minute):
            if ahead == 0 and (slot.minute <= max(shown_today, default=-1)
                               or done_today >= slot.needed):
                continue
            return max(datetime.combine(day, slot.at, tzinfo=now.tzinfo), now)
    return None


def slots_wake_in(slots: tuple[Slot, ...], now: datetime, *, shown_today: frozenset[int],
                  done_today: int) -> float | None:
    """:func:`wake_in` for a programme's slots."""
    moment = slots_next_time(slots, now, shown_today=shown_today, done_today=done_today)
    if moment is None:
        return None
    return min(MAX_WAKE_S, max(MIN_WAKE_S, (moment - now).total_seconds()))
