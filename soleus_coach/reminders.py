"""The daily reminder's schedule. No Qt; the time comes from an injected clock.

A reminder is due on a chosen weekday once its time of day has passed, and then only if the
runner has not been reminded today, has not done a routine today, and is not doing one now:
never during a session, never twice a day, never after the day's routine is done. The GUI
(:mod:`soleus_coach.gui.reminders`) asks :func:`due` when its timer wakes and arms the next
wake-up with :func:`wake_in`, which never asks for a wake-up sooner than a minute from now.
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
