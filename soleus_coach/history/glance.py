"""The calf at a glance, for the home screen: how the pain after sessions went over the last
weeks, and this week's running beside the routines. Plain Python, no Qt.

The trend compares the last week with the weeks before it (means of the pain after each
session, 0–10). It only describes: what to do about a rising pain is the safety module's
and the programme's business, and its words say to see a physiotherapist when pain does not
settle, never a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Protocol

from soleus_coach.history.records import local_midnight_utc
from soleus_coach.runs.model import WeekRuns

#: The days the home screen's pain chart covers.
TREND_DAYS = 28
#: "Lately" is this many days; the rest of the window is "before".
LATELY_DAYS = 7
#: A change of the mean by at least this much (on 0–10) is a change; less is steady.
CHANGE = 1.0


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    STEADY = "steady"


class _Store(Protocol):
    def pain_after_since(self, since: datetime) -> list[tuple[datetime, int]]: ...

    def weekly_runs(self, today: date, weeks: int = 8) -> list[WeekRuns]: ...


@dataclass(frozen=True, slots=True)
class PainTrend:
    first_day: date
    last_day: date
    #: (the day on this computer's calendar, pain after), oldest first.
    points: tuple[tuple[date, int], ...]
    lately: float | None  # the mean of the last LATELY_DAYS days
    before: float | None  # the mean of the days before them, in the window

    @property
    def direction(self) -> Direction | None:
        """None when there is not enough to compare (no session in one of the two parts)."""
        if self.lately is None or self.before is None:
            return None
        if self.lately >= self.before + CHANGE:
            return Direction.UP
        if self.lately <= self.before - CHANGE:
            return Direction.DOWN
        return Direction.STEADY


@dataclass(frozen=True, slots=True)
class Glance:
    trend: PainTrend
    week_runs: int
    week_distance_m: float


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def pain_trend(store: _Store, today: date, tz: tzinfo | None = None,
               days: int = TREND_DAYS) -> PainTrend:
    first = today - timedelta(days=days - 1)
    points = tuple((moment.astimezone(tz).date(), pain)
                   for moment, pain in store.pain_after_since(local_midnight_utc(first, tz)))
    split = today - timedelta(days=LATELY_DAYS - 1)
    return PainTrend(first, today, points,
                     _mean([p for d, p in points if d >= split]),
                     _mean([p for d, p in points if d < split]))


def glance(store: _Store, today: date, tz: tzinfo | None = None) -> Glance:
    """What the home screen shows of the calf and of this week's running."""
    week = store.weekly_runs(today, weeks=1)[-1]  # by each run's own clock
    return Glance(pain_trend(store, today, tz), week.runs, week.distance_m)
