"""The reminder's schedule, on fake times: when it is due, and when the timer looks next."""

from __future__ import annotations

from datetime import date, datetime

from soleus_coach.reminders import MAX_WAKE_S, MIN_WAKE_S, Schedule, due, next_time, wake_in

WEEKDAYS = frozenset(range(5))
EVENINGS = Schedule(on=True, minute=18 * 60 + 30, days=WEEKDAYS)
WED = date(2026, 11, 18)  # a Wednesday


def at(hour: int, minute: int = 0, day: date = WED) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def test_due_once_its_time_has_passed_on_a_chosen_day() -> None:
    kw = {"last_shown": None, "practised_today": False, "in_session": False}
    assert not due(EVENINGS, at(18, 29), **kw)
    assert due(EVENINGS, at(18, 30), **kw)
    assert due(EVENINGS, at(22, 0), **kw)  # started late: still today's reminder
    assert not due(EVENINGS, at(19, 0, date(2026, 11, 21)), **kw)  # a Saturday
    assert not due(Schedule(False, 18 * 60, WEEKDAYS), at(19), **kw)


def test_never_during_a_session_never_twice_a_day_never_after_the_routine() -> None:
    assert not due(EVENINGS, at(19), last_shown=None, practised_today=False, in_session=True)
    assert not due(EVENINGS, at(19), last_shown=WED, practised_today=False, in_session=False)
    assert not due(EVENINGS, at(19), last_shown=None, practised_today=True, in_session=False)
    # the next day it is due again
    assert due(EVENINGS, at(19, 0, date(2026, 11, 19)), last_shown=WED, practised_today=False,
               in_session=False)


def test_the_next_time_skips_a_done_day_and_days_not_chosen() -> None:
    assert next_time(EVENINGS, at(9), done_today=False) == at(18, 30)
    assert next_time(EVENINGS, at(19), done_today=False) == at(19)  # passed: now
    assert next_time(EVENINGS, at(19), done_today=True) == at(18, 30, date(2026, 11, 19))
    friday = at(19, 0, date(2026, 11, 20))
    assert next_time(EVENINGS, friday, done_today=True) == at(18, 30, date(2026, 11, 23))
    assert next_time(Schedule(True, 600, frozenset()), at(9), done_today=False) is None


def test_the_timer_looks_at_most_every_quarter_hour_and_never_twice_a_minute() -> None:
    assert wake_in(EVENINGS, at(9), done_today=False) == MAX_WAKE_S
    assert wake_in(EVENINGS, at(18, 25), done_today=False) == 300
    assert wake_in(EVENINGS, at(18, 29, ), done_today=False) == MIN_WAKE_S
    assert wake_in(EVENINGS, at(19), done_today=False) == MIN_WAKE_S
    assert wake_in(EVENINGS, at(19), done_today=True) == MAX_WAKE_S
    assert wake_in(Schedule(False, 600, WEEKDAYS), at(9), done_today=False) is None
