"""The session engine on a fake clock: exact timing, pause, skip/back, sleep, cues."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import paths
from soleus_coach.cues import Cue
from soleus_coach.protocol import (
    IceStep,
    Protocol,
    Range,
    RestStep,
    Sides,
    StretchStep,
    When,
    load_library,
)
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import (
    CueDue,
    Engine,
    Event,
    Outcome,
    SegmentEnded,
    SegmentStarted,
    Slept,
    State,
)
from soleus_coach.session.plan import SegmentKind, Side, build_plan
from soleus_coach.settings import Leg, Settings

START = 1000.0


def bundled(pid: str) -> Protocol:
    p = load_library(paths.bundled_protocols_dir(), None, paths.assets_dir()).get(pid)
    assert p is not None
    return p


def run_engine(protocol: Protocol, s: Settings | None = None) -> tuple[Engine, FakeClock,
                                                                          list[Event]]:
    clock = FakeClock(START)
    engine = Engine(build_plan(protocol, s or Settings()), clock)
    events: list[Event] = []
    engine.subscribe(events.append)
    return engine, clock, events


def run_to_end(engine: Engine, clock: FakeClock) -> None:
    while engine.state is State.RUNNING:
        wake = engine.next_wakeup()
        assert wake is not None and wake >= clock.now()
        clock.advance(wake - clock.now())
        engine.poll()


def cues(events: list[Event]) -> list[Cue]:
    return [e.cue for e in events if isinstance(e, CueDue)]


# --------------------------------------------------------------------------- planning


def test_post_run_plan_is_injured_leg_first_with_three_holds_per_leg() -> None:
    plan = build_plan(bundled("post-run-soleus"), Settings(injured_leg=Leg.RIGHT))
    holds = [s for s in plan.segments if s.kind is SegmentKind.HOLD]
    assert [(h.side, h.rep, h.reps) for h in holds] == [
        (Side.RIGHT, 1, 3), (Side.RIGHT, 2, 3), (Side.RIGHT, 3, 3),
        (Side.LEFT, 1, 3), (Side.LEFT, 2, 3), (Side.LEFT, 3, 3)]
    assert all(h.duration_s == 30 for h in holds)
    assert plan.segments[-1].kind is SegmentKind.ICE and plan.segments[-1].duration_s == 1200
    # get ready 10 + 2 sides × (position 10 + 3 × 30 + 2 × 10) + ice 1200
    assert plan.total_s == 10 + 2 * (10 + 90 + 20) + 1200


def test_settings_are_clamped_into_the_protocols_ranges() -> None:
    plan = build_plan(bundled("post-run-soleus"),
                      Settings(hold_s=90, reps=9, ice_s=5000, get_ready_s=5))
    holds = [s for s in plan.segments if s.kind is SegmentKind.HOLD]
    assert {h.duration_s for h in holds} == {30} and len(holds) == 2 * 4
    assert plan.segments[-1].duration_s == 1200
    assert plan.segments[0].duration_s == 5


def test_ice_is_capped_at_twenty_minutes_even_if_a_step_claims_more() -> None:
    rogue = IceStep("Ice", Range(3000, 60, 3000), 300, ("x",))
    p = Protocol("p", "P", "s", When.ANY, (rogue,))
    assert build_plan(p, Settings(ice_s=3000)).segments[-1].duration_s == 1200


def test_each_segment_says_what_comes_next() -> None:
    plan = build_plan(bundled("post-run-soleus"), Settings(injured_leg=Leg.LEFT))
    hold = next(s for s in plan.segments if s.kind is SegmentKind.HOLD)
    assert hold.next_label == "Rest (10 s)"
    last_hold = [s for s in plan.segments if s.kind is SegmentKind.HOLD][-1]
    assert last_hold.next_label == "Ice the calf (20 min)"
    assert plan.segments[-1].next_label == "Done"


# --------------------------------------------------------------------------- timing


def test_post_run_session_finishes_exactly_at_its_planned_time() -> None:
    engine, clock, events = run_engine(bundled("post-run-soleus"))
    planned = engine.planned_s
    engine.start()
    run_to_end(engine, clock)
    assert engine.state is State.FINISHED
    assert clock.now() - START == planned
    assert engine.elapsed_wall_s == planned and engine.active_s == planned
    ended = [e for e in events if isinstance(e, SegmentEnded)]
    assert len(ended) == len(engine.plan.segments)
    assert all(e.outcome is Outcome.COMPLETED for e in ended)


@pytest.mark.parametrize("seed", range(5))
def test_late_and_missed_ticks_do_not_make_the_session_drift(seed: int) -> None:
    rng = random.Random(seed)
    engine, clock, events = run_engine(bundled("post-run-soleus"))
    engine.start()
    period = 1.0
    next_tick = START + period
    while engine.state is State.RUNNING:
        if rng.random() < 0.1:  # this tick never comes
            next_tick += period
            continue
        clock.advance(max(0.0, next_tick + rng.uniform(0, 0.9) - clock.now()))
        engine.poll()
        next_tick += period
    planned_end = START + engine.planned_s
    assert engine.elapsed_wall_s == engine.planned_s  # recorded end is exact
    noticed = clock.now() - planned_end
    assert 0 <= noticed < 2 * period  # noticed at the first tick after the end
    # every cue came exactly once, in plan order
    expected = [c.cue for s in engine.plan.segments for c in s.cues]
    assert cues(events) == expected


def test_pause_time_is_excluded_and_no_cue_fires_while_paused() -> None:
    engine, clock, events = run_engine(bundled("calf-stretch-only"))
    engine.start()
    clock.advance(25)  # into the first hold (10 get ready + 10 position + 5)
    engine.poll()
    remaining = engine.remaining_s
    engine.pause()
    n = len(events)
    clock.advance(600)
    assert engine.poll() == [] and engine.next_wakeup() is None
    assert engine.remaining_s == remaining and len(events) == n + 0
    engine.resume()
    run_to_end(engine, clock)
    assert engine.paused_s == 600
    assert engine.elapsed_wall_s == engine.planned_s + 600
    assert engine.active_s == engine.planned_s


def test_skip_moves_to_the_next_segment_and_drops_the_skipped_ones_cues() -> None:
    engine, clock, events = run_engine(bundled("post-run-soleus"))
    engine.start()
    clock.advance(21)  # 1 s into the first hold
    engine.poll()
    assert engine.segment.kind is SegmentKind.HOLD
    engine.skip()
    assert engine.segment.kind is SegmentKind.REST and engine.remaining_s == 10
    skipped = [e for e in events if isinstance(e, SegmentEnded)][-1]
    assert skipped.outcome is Outcome.SKIPPED and skipped.actual_s == 1
    clock.advance(10)
    engine.poll()
    assert cues(events).count(Cue.COUNTDOWN) == 0  # the skipped hold's 3-2-1 never came
    assert cues(events)[-1] is Cue.HOLD_START


def test_back_restarts_the_segment_or_goes_to_the_previous_one() -> None:
    engine, clock, events = run_engine(bundled("post-run-soleus"))
    engine.start()
    clock.advance(35)  # 15 s into hold 1
    engine.poll()
    hold = engine.index
    engine.back()  # more than 2 s in: restart this hold
    assert engine.index == hold and engine.remaining_s == 30
    assert cues(events)[-1] is Cue.HOLD_START  # a fresh start says "hold" again
    clock.advance(1)
    engine.poll()
    engine.back()  # within 2 s of the start: previous segment
    assert engine.index == hold - 1 and engine.segment.kind is SegmentKind.POSITION
    assert engine.remaining_s == 10


def test_lengthen_and_shorten_a_hold_within_its_range() -> None:
    engine, clock, events = run_engine(bundled("post-run-soleus"))
    engine.start()
    clock.advance(21)
    engine.poll()
    engine.adjust_hold(+5)  # already at the maximum 30
    assert engine.duration() == 30
    engine.adjust_hold(-5)
    engine.adjust_hold(-5)
    engine.adjust_hold(-5)  # the minimum is 20
    assert engine.duration() == 20 and engine.remaining_s == 19
    clock.advance(16)
    engine.poll()
    assert cues(events)[-1] is Cue.COUNTDOWN  # moved with the shorter hold: 20 - 3 = 17
    clock.advance(3)
    engine.poll()
    assert engine.segment.kind is SegmentKind.REST


def test_suspend_during_ice_ends_the_ice_on_time_with_one_late_ice_off() -> None:
    engine, clock, events = run_engine(bundled("ice-timer"))
    engine.start()
    clock.advance(10 + 15 * 60)  # get ready, then 15 minutes of ice
    engine.poll()
    n = len(events)
    clock.suspend(25 * 60)  # lid closed for 25 minutes
    engine.poll()
    assert engine.state is State.FINISHED
    assert engine.elapsed_wall_s == engine.planned_s  # the ice ended when it was due
    new = events[n:]
    assert [type(e) for e in new if isinstance(e, Slept)] == [Slept]
    late = [e for e in new if isinstance(e, CueDue)]
    assert [(c.cue, c.late) for c in late] == [(Cue.ICE_OFF, True)]


def test_sleep_while_paused_counts_as_pause() -> None:
    engine, clock, _ = run_engine(bundled("ice-timer"))
    engine.start()
    clock.advance(70)
    engine.pause()
    clock.suspend(3600)
    engine.resume()
    assert engine.remaining_s == 1200 - 60
    assert engine.paused_s == 3600


def test_stop_records_the_segment_as_stopped() -> None:
    engine, clock, events = run_engine(bundled("ice-timer"))
    engine.start()
    clock.advance(40)
    engine.stop()
    assert engine.state is State.STOPPED
    last = [e for e in events if isinstance(e, SegmentEnded)][-1]
    assert last.outcome is Outcome.STOPPED and last.actual_s == 30
    assert engine.skip() == [] and engine.poll() == []


def test_cue_lead_fires_cues_early_by_the_players_latency() -> None:
    engine, clock, events = run_engine(bundled("ice-timer"))
    engine.cue_lead_s = 0.05
    engine.start()
    wake = engine.next_wakeup()
    assert wake is not None
    clock.advance(9.95)  # ICE_ON is due at 10.0
    engine.poll()
    assert cues(events)[-1] is Cue.ICE_ON
    due = [e for e in events if isinstance(e, CueDue)][-1]
    assert due.due_at == START + 10 and not due.late


def test_next_wakeup_is_the_next_displayed_second_or_cue() -> None:
    engine, clock, _ = run_engine(bundled("ice-timer"))
    engine.start()
    clock.advance(0.3)
    engine.poll()
    assert engine.next_wakeup() == pytest.approx(START + 1.0)


# --------------------------------------------------------------------------- properties

stretch_steps = st.builds(
    lambda hold, reps, rest, sides, pos: StretchStep(
        "S", Range(hold, max(5, hold - 10), hold + 10), Range(reps, 1, reps + 1), rest, sides,
        pos, ("x",)),
    st.integers(5, 40), st.integers(1, 3), st.integers(0, 15),
    st.sampled_from(list(Sides)), st.integers(0, 10))
other_steps = st.builds(lambda d: RestStep("R", d), st.integers(1, 60)) | st.builds(
    lambda d: IceStep("I", Range(d, 60, max(d, 60)), 120, ("x",)), st.integers(60, 400))
protocols = st.builds(lambda steps: Protocol("p", "P", "s", When.ANY, tuple(steps)),
                      st.lists(stretch_steps | other_steps, min_size=1, max_size=4))
actions = st.lists(st.tuples(st.sampled_from(
    ["wait", "wait", "wait", "pause", "resume", "skip", "back", "longer", "shorter", "sleep"]),
    st.floats(0, 50)), max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(protocols, actions, st.sampled_from(list(Leg)))
def test_engine_invariants_hold_under_random_actions(protocol: Protocol,
                                                     steps: list[tuple[str, float]],
                                                     leg: Leg) -> None:
    engine, clock, events = run_engine(protocol, Settings(injured_leg=leg, get_ready_s=3))
    engine.start()
    moved = False
    for name, amount in steps:
        if name in ("wait", "sleep"):
            (clock.suspend if name == "sleep" else clock.advance)(amount)
            engine.poll()
        elif name == "pause":
            engine.pause()
        elif name == "resume":
            engine.resume()
        else:
            moved = True
            {"skip": engine.skip, "back": engine.back,
             "longer": lambda: engine.adjust_hold(5),
             "shorter": lambda: engine.adjust_hold(-5)}[name]()
        assert 0 <= engine.remaining_s <= engine.duration() + 1e-9
        assert engine.total_remaining_s >= 0 and engine.paused_s >= 0
        assert engine.active_s <= engine.elapsed_wall_s + 1e-6
    if engine.state is State.PAUSED:
        engine.resume()
    run_to_end(engine, clock)
    assert engine.state is State.FINISHED
    started = [e.segment.index for e in events if isinstance(e, SegmentStarted)]
    if not moved:
        assert started == list(range(len(engine.plan.segments)))  # in order, each once
        assert engine.elapsed_wall_s == pytest.approx(engine.planned_s + engine.paused_s)
        assert engine.active_s == pytest.approx(engine.planned_s)
    late = [e for e in events if isinstance(e, CueDue) and e.late]
    assert len(late) <= sum(1 for name, _ in steps if name in ("wait", "sleep")) + 1
