"""A programme run over simulated weeks on an injected clock, through the tracker the window
and the command line use: sessions with pain check-ins, morning checks, an ease-off offered
after a bad morning and not before, moving on offered when the phase's criterion is met, red
flags above both, reminders on the programme's days; the history keeps every answer and
choice (and a reopened store reads them back)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from soleus_coach.programme.days import DayKind
from soleus_coach.programme.records import Choice, EventKind, Rule, SuggestionKind
from soleus_coach.reminders import due_slot, slots_passed
from soleus_coach.tracker import Tracker, describe_items
from tests.programme_sim import MONDAY, Now, library, make_tracker, programmes, session

LOADING = "soleus-loading-12-weeks"


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def loading_day(tracker: Tracker, now: Now, n: int, during: int, routine: str,
                *, times: int = 2) -> None:
    """The day's loading sessions (09:00, 18:30), each with pain after 1 and ``during``."""
    for hour in (9, 18)[:times]:
        now.set(day(n), hour, 30)
        uid = session(tracker.store, routine, now.moment, after=1)
        assert tracker.pain_during_due(uid)
        tracker.answer_pain_during(uid, during)
        assert not tracker.pain_during_due(uid)  # asked once


def morning(tracker: Tracker, now: Now, n: int, pain: int, *, stiffer: bool = False) -> None:
    now.set(day(n), 7, 30)
    assert tracker.morning_due(), f"day {n}: the morning check is due"
    tracker.answer_morning(pain, stiffer)
    assert not tracker.morning_due()  # never twice a day


def test_twelve_weeks_in_three(tmp_path: Path) -> None:
    now = Now(MONDAY, 7, 0)
    tracker, store = make_tracker(tmp_path / "history.sqlite3", now)
    tracker.start(LOADING)
    plan = tracker.plan()
    assert plan is not None and plan.phase.name == "Both legs" and plan.week == 1
    assert describe_items(plan.items) == "Heel drops 0 of 2 · After-run stretch after each run"
    assert plan.next_item is not None and plan.next_item.planned.routine == \
        "heel-drops-both-legs"
    assert not tracker.morning_due()  # no loading yesterday
    loading_day(tracker, now, 0, 3, "heel-drops-both-legs")
    assert describe_items(tracker.plan().items).startswith("Heel drops 2 of 2")  # type: ignore[union-attr]
    for n in range(1, 4):  # settled mornings, mild pain during: nothing to suggest
        morning(tracker, now, n, 2)
        assert tracker.suggestion() is None
        loading_day(tracker, now, n, 3, "heel-drops-both-legs")
        assert tracker.suggestion() is None

    # Friday: nothing before the morning is answered; a bad morning eases off.
    now.set(day(4), 7, 0)
    assert tracker.morning_due() and tracker.suggestion() is None
    morning(tracker, now, 4, 4)
    ease = tracker.suggestion()
    assert ease is not None and ease.kind is SuggestionKind.EASE_OFF
    assert [(r.rule, r.values) for r in ease.reasons] == [(Rule.MORNING_HIGHER, (4.0, 2.0))]
    assert tracker.suggestion() == ease  # the same one until it is answered
    tracker.choose(ease, Choice.ACCEPTED)
    assert tracker.suggestion() is None  # one a day
    assert tracker.fewer_sets("heel-drops-both-legs") == (1, day(6))
    assert tracker.fewer_sets("post-run-soleus") == (0, None)  # a stretch is not eased
    loading_day(tracker, now, 4, 2, "heel-drops-both-legs")
    for n in (5, 6):
        morning(tracker, now, n, 2)
        assert tracker.suggestion() is None
        loading_day(tracker, now, n, 2, "heel-drops-both-legs")
    now.set(day(7), 7, 0)
    assert tracker.fewer_sets("heel-drops-both-legs") == (0, None)  # eased 3 days

    # Seven settled days after the ease-off: moving on is offered on the eighth morning.
    for n in range(7, 14):
        morning(tracker, now, n, 1)
        assert tracker.suggestion() is None, f"day {n}"
        loading_day(tracker, now, n, 2 if n % 2 else 3, "heel-drops-both-legs")
    morning(tracker, now, 14, 1)
    move = tracker.suggestion()
    assert move is not None and move.kind is SuggestionKind.MOVE_ON
    assert move.reasons[0].rule is Rule.CRITERION_MET
    assert move.reasons[0].values == (7.0, 3.0, 3.0) and move.reasons[0].days == (day(7),
                                                                                 day(13))
    tracker.choose(move, Choice.ACCEPTED)
    plan = tracker.plan()
    assert plan is not None and plan.phase.name == "One leg" and plan.week == 3
    assert [i.label for i in plan.items] == ["Heel drops", "Heel raises", "After-run stretch"]

    # Reminders on the programme's days, at its times: a morning one for the first heel
    # drops, an evening one for the rest; none once they are done.
    slots = tracker.reminder_slots(18 * 60)
    now.set(day(15), 8, 5)
    shown: frozenset[int] = frozenset()
    due = due_slot(slots, now.moment, shown_today=shown, done_today=tracker.done_today(),
                   in_session=False)
    assert due is not None and due.minute == 8 * 60 and due.needed == 1
    shown = slots_passed(slots, now.moment)
    assert due_slot(slots, now.moment, shown_today=shown, done_today=0, in_session=False) \
        is None
    now.set(day(15), 9, 0)
    session(store, "eccentric-heel-drops", now.moment, after=1)
    now.set(day(15), 18, 5)
    due = due_slot(slots, now.moment, shown_today=shown, done_today=tracker.done_today(),
                   in_session=False)
    assert due is not None and due.minute == 18 * 60 and due.needed == 3
    for routine in ("eccentric-heel-drops", "soleus-strength"):
        session(store, routine, now.moment, after=1)
    assert tracker.done_today() == 3
    assert due_slot(slots, now.moment, shown_today=frozenset(), done_today=3,
                    in_session=False) is None

    # Red flags override everything: a morning at 7/10 means rest today, see a doctor.
    morning(tracker, now, 16, 7)
    flag = tracker.suggestion()
    assert flag is not None and flag.kind is SuggestionKind.RED_FLAG
    tracker.choose(flag, Choice.ACCEPTED)
    plan = tracker.plan()
    assert plan is not None and plan.rest_today and plan.next_item is None

    # Everything answered is in the history, and reads back the same from a new store.
    mornings = store.morning_checks()
    suggestions = store.suggestions()
    events = store.programme_events()
    store.close()
    again, store2 = make_tracker(tmp_path / "history.sqlite3", now)
    assert store2.morning_checks() == mornings and len(mornings) == 15
    assert [m.pain for m in mornings][:5] == [2, 2, 2, 4, 2]
    assert [(s.kind, s.choice) for s in store2.suggestions()] == [
        (SuggestionKind.EASE_OFF, Choice.ACCEPTED), (SuggestionKind.MOVE_ON, Choice.ACCEPTED),
        (SuggestionKind.RED_FLAG, Choice.ACCEPTED)] == [(s.kind, s.choice) for s in suggestions]
    assert [e.kind for e in store2.programme_events()] == [e.kind for e in events] == [
        EventKind.START, EventKind.EASE_OFF, EventKind.PHASE]
    uids = [s.uid for s in store2.done_sessions(day(0), day(14))]
    assert len(store2.pain_during(uids)) == 28  # every loading session's answer, 14 days
    state = again.state()
    assert state is not None and state.phase == 1 and state.phase_since == day(14)
    cal = again.days(day(0), day(16))
    assert [c.day.kind for c in cal[:3]] == [DayKind.DONE] * 3
    assert cal[15].day.kind is DayKind.DONE  # day 15: all three sessions
    assert cal[16].day.kind is DayKind.OPEN and cal[16].morning is not None
    store2.close()


def test_pause_resume_and_end(tmp_path: Path) -> None:
    now = Now()
    tracker, store = make_tracker(tmp_path / "h.sqlite3", now)
    tracker.start("stretch-around-every-run")
    now.set(day(1), 7)
    tracker.pause()
    assert tracker.reminder_slots(18 * 60) == () and tracker.plan().next_item is None  # type: ignore[union-attr]
    now.set(day(4), 7)
    tracker.resume()
    now.set(day(5), 7)
    cal = tracker.days(day(0), day(5))
    assert [c.day.kind for c in cal] == [DayKind.REST, DayKind.REST, DayKind.REST,
                                         DayKind.REST, DayKind.REST, DayKind.REST]
    tracker.end()
    assert tracker.state() is None and tracker.plan() is None
    assert [c.day.kind for c in tracker.days(day(0), day(6))][-1] is DayKind.NONE  # ended
    store.close()


def test_reminders_come_on_the_programmes_days_only(tmp_path: Path) -> None:
    """Three days a week is Monday, Wednesday and Friday: no reminder on the others."""
    user = tmp_path / "programmes"
    user.mkdir()
    (user / "three.json").write_text(json.dumps({
        "format": 1, "kind": "programme", "id": "three-a-week", "name": "Three a week",
        "summary": "Heel raises on three days.",
        "phases": [{"name": "All", "load": "Body weight", "routines": [
            {"routine": "soleus-strength", "often": "days-a-week", "days": 3}]}]}))
    now = Now()
    lib = library()
    progs = programmes(lib, user)
    from soleus_coach.history.store import open_store

    store = open_store(tmp_path / "h.sqlite3")
    tracker = Tracker(store, lambda: progs, lib.get, now=now)
    tracker.start("three-a-week")
    slots = tracker.reminder_slots(18 * 60)
    reminded = []
    for n in range(14):
        now.set(day(n), 18, 30)
        if due_slot(slots, now.moment, shown_today=frozenset(),
                    done_today=tracker.done_today(), in_session=False):
            reminded.append(day(n).strftime("%a"))
    assert reminded == ["Mon", "Wed", "Fri"] * 2
    cal = tracker.days(day(0), day(6))
    assert [c.day.kind for c in cal] == [DayKind.MISSED, DayKind.REST, DayKind.MISSED,
                                         DayKind.REST, DayKind.MISSED, DayKind.REST,
                                         DayKind.REST]
    store.close()
