"""Plans written out by hand: an oracle for the plan builder that does not come from it.

Each routine below is small enough to plan on paper from its numbers: the segments in order,
what kind each is, its seconds, side and hold or set number, the cues with their times, and
the "Next:" line a person reads. The tables were written from the routine (and the rules in
docs/session-engine.md and docs/protocol-format.md), not printed by ``build_plan``:
``tests/fixtures/format1/plans.json`` is the other kind of check (the planner's own output,
kept as a regression guard; see docs/testing.md).

A table row is ``kind | step | kind of step | label | seconds | side | n/of | cues | next``;
a cue is ``name@seconds from the start``, or ``name@-seconds before the end`` (an end cue
moves with the segment's end when a hold is lengthened), with its variant in brackets.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from soleus_coach import paths
from soleus_coach.cues import SPOKEN_ONLY, Cue
from soleus_coach.protocol import load_file, parse_bytes
from soleus_coach.protocol.model import (
    Counting,
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Protocol,
    Range,
    RestStep,
    SideMeaning,
    Sides,
    Step,
    StrengthStep,
    StretchStep,
    Tempo,
    When,
)
from soleus_coach.session import plan as plan_module
from soleus_coach.session.plan import (
    Plan,
    PlanContext,
    ScheduledCue,
    Segment,
    SegmentKind,
    build_plan,
    routine_duration_s,
)
from soleus_coach.settings import Settings
from tests.conftest import ROOT

FORMAT1 = ROOT / "tests" / "fixtures" / "format1"


def _cue(c: ScheduledCue) -> str:
    at = f"-{c.offset_s:g}" if c.from_end else f"{c.offset_s:g}"
    return f"{c.cue.value}@{at}" + (f"[{c.variant}]" if c.variant else "")


def row(seg: Segment) -> str:
    """One segment as a table row (cues in the order they are due)."""
    cues = sorted(seg.cues, key=lambda c: (c.due_in(seg.duration_s), c.from_end))
    step = "-" if seg.step_index < 0 else str(seg.step_index)
    of = f"{seg.rep}/{seg.reps}" if seg.reps else "-"
    return " | ".join([seg.kind.value, step, seg.step_kind or "-", seg.label,
                       f"{seg.duration_s:g}", seg.side.value if seg.side else "-", of,
                       " ".join(_cue(c) for c in cues) or "-", seg.next_label])


def table(text: str) -> list[str]:
    """The rows of a hand-written table, spaces around the bars evened out."""
    return [" | ".join(cell.strip() for cell in line.split("|"))
            for line in text.strip().splitlines() if line.strip()]


def v2(doc_id: str, steps: list[dict[str, Any]], when: str = "any") -> Protocol:
    """A format-2 routine as a person writes it, read by the app's own loader."""
    doc = {"format": 2, "id": doc_id, "name": doc_id.replace("-", " ").capitalize(),
           "summary": "Written by hand.", "when": when, "steps": steps}
    return parse_bytes(json.dumps(doc).encode(), f"{doc_id}.json", None, paths.assets_dir())


def fixture(name: str) -> Protocol:
    return load_file(FORMAT1 / name, paths.assets_dir())


# ------------------------------------------------------------------ format 1 (plans.json's)

#: calf-stretch-only.json: two stretches (3 × 30 s and 2 × 30 s, 10 s rests, 10 s to get
#: into position), injured leg first: the leg is not known yet, so left first.
CALF_STRETCH_ONLY = """
get_ready | - | -       | Get ready                       | 10 | -     | -   | get_ready@0                                  | Get into position, left leg (10 s)
position  | 0 | stretch | Get into position               | 10 | left  | -   | -                                            | Bent-knee wall stretch (soleus), left leg, hold 1 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | left  | 1/3 | hold_start@0 caution@3 countdown@-3 relax@-0 | Rest (10 s)
rest      | 0 | stretch | Rest                            | 10 | left  | 1/3 | -                                            | Bent-knee wall stretch (soleus), left leg, hold 2 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | left  | 2/3 | hold_start@0 countdown@-3 relax@-0           | Rest (10 s)
rest      | 0 | stretch | Rest                            | 10 | left  | 2/3 | -                                            | Bent-knee wall stretch (soleus), left leg, hold 3 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | left  | 3/3 | hold_start@0 countdown@-3                    | Switch legs, right leg (10 s)
position  | 0 | stretch | Switch legs                     | 10 | right | -   | switch_legs@0                                | Bent-knee wall stretch (soleus), right leg, hold 1 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | right | 1/3 | hold_start@0 countdown@-3 relax@-0           | Rest (10 s)
rest      | 0 | stretch | Rest                            | 10 | right | 1/3 | -                                            | Bent-knee wall stretch (soleus), right leg, hold 2 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | right | 2/3 | hold_start@0 countdown@-3 relax@-0           | Rest (10 s)
rest      | 0 | stretch | Rest                            | 10 | right | 2/3 | -                                            | Bent-knee wall stretch (soleus), right leg, hold 3 of 3 (30 s)
hold      | 0 | stretch | Bent-knee wall stretch (soleus) | 30 | right | 3/3 | hold_start@0 countdown@-3                    | Get into position, left leg (10 s)
position  | 1 | stretch | Get into position               | 10 | left  | -   | get_ready@0                                  | Straight-knee calf stretch, left leg, hold 1 of 2 (30 s)
hold      | 1 | stretch | Straight-knee calf stretch      | 30 | left  | 1/2 | hold_start@0 caution@3 countdown@-3 relax@-0 | Rest (10 s)
rest      | 1 | stretch | Rest                            | 10 | left  | 1/2 | -                                            | Straight-knee calf stretch, left leg, hold 2 of 2 (30 s)
hold      | 1 | stretch | Straight-knee calf stretch      | 30 | left  | 2/2 | hold_start@0 countdown@-3                    | Switch legs, right leg (10 s)
position  | 1 | stretch | Switch legs                     | 10 | right | -   | switch_legs@0                                | Straight-knee calf stretch, right leg, hold 1 of 2 (30 s)
hold      | 1 | stretch | Straight-knee calf stretch      | 30 | right | 1/2 | hold_start@0 countdown@-3 relax@-0           | Rest (10 s)
rest      | 1 | stretch | Rest                            | 10 | right | 1/2 | -                                            | Straight-knee calf stretch, right leg, hold 2 of 2 (30 s)
hold      | 1 | stretch | Straight-knee calf stretch      | 30 | right | 2/2 | hold_start@0 countdown@-3 complete@-0        | Done
"""  # noqa: E501

#: ice-timer.json: 20 minutes of ice, a skin check every 5 minutes (the one at 10 minutes
#: says enough: no "halfway" on top of it), "ice off" as the last sound.
ICE_TIMER = """
get_ready | - | -   | Get ready    | 10   | - | - | get_ready@0                                                                  | Ice the calf (20 min)
ice       | 0 | ice | Ice the calf | 1200 | - | - | ice_on@0 ice_skin_check@300 ice_skin_check@600 ice_skin_check@900 ice_off@-0 | Done
"""  # noqa: E501

#: intermittent-ice.json: 10 on, 10 off, 10 on (20 minutes of cold: nothing capped).
INTERMITTENT_ICE = """
get_ready | - | -    | Get ready    | 10  | - | - | get_ready@0                            | Ice on (10 min)
ice       | 0 | ice  | Ice on       | 600 | - | - | ice_on@0 ice_skin_check@300 ice_off@-0 | Ice off (10 min)
pause     | 1 | rest | Ice off      | 600 | - | - | -                                      | Ice on again (10 min)
ice       | 2 | ice  | Ice on again | 600 | - | - | ice_on@0 ice_skin_check@300 ice_off@-0 | Done
"""  # noqa: E501


@pytest.mark.parametrize(("name", "expected", "total"), [
    ("calf-stretch-only.json", CALF_STRETCH_ONLY, 10 + 2 * (10 + 3 * 30 + 2 * 10)
     + 2 * (10 + 2 * 30 + 10)),
    ("ice-timer.json", ICE_TIMER, 10 + 1200),
    ("intermittent-ice.json", INTERMITTENT_ICE, 10 + 3 * 600),
], ids=["calf-stretch-only", "ice-timer", "intermittent-ice"])
def test_a_format_1_routine_plans_as_written_out_by_hand(name: str, expected: str,
                                                         total: int) -> None:
    protocol = fixture(name)
    plan = build_plan(protocol, Settings())
    assert [row(s) for s in plan.segments] == table(expected)
    assert plan.total_s == total == routine_duration_s(protocol)
    assert (plan.protocol_id, plan.protocol_name) == (protocol.id, protocol.name)
    assert plan.segments[0].notes == (f"Starting: {protocol.name}",)
    assert [s.index for s in plan.segments] == list(range(len(plan.segments)))


# ------------------------------------------------------------------ format 2, written here

HEEL_DROPS = [{
    "kind": "strength", "name": "Heel drop", "sets": 2, "reps": 2,
    "tempo": {"down": 3, "up": 1, "start": "down"}, "rest_s": 20, "sides": "right",
    "side_is": "working-leg", "position_s": 6, "instructions": ["Lower slowly."],
    "caution": "Mild pain only.", "illustration": "asset:illustrations/eccentric-heel-drop.svg"}]

#: 2 sets of 2 reps at 3 s down and 1 s up (8 s a set), on the right leg; "set one of two"
#: 3 s before each set (6 s to get into position leave room for it); "last one" on the
#: second rep; "rest" as a rest begins.
HEEL_DROPS_PLAN = """
get_ready | - | -        | Get ready         | 10 | -     | -   | get_ready@0 | Get into position, right leg (6 s)
position  | 0 | strength | Get into position | 6  | right | -   | set@-3[1_of_2] | Heel drop, right leg, set 1 of 2 (8 s)
set       | 0 | strength | Heel drop         | 8  | right | 1/2 | tempo_down@0 count@1[2] count@2[3] tempo_up@3 last_rep@4 count@5[2] count@6[3] tempo_up@7 | Rest (20 s)
rest      | 0 | strength | Rest              | 20 | right | 1/2 | rest@0 set@-3[2_of_2] | Heel drop, right leg, set 2 of 2 (8 s)
set       | 0 | strength | Heel drop         | 8  | right | 2/2 | tempo_down@0 count@1[2] count@2[3] tempo_up@3 last_rep@4 count@5[2] count@6[3] tempo_up@7 complete@-0 | Done
"""  # noqa: E501

MIXED = [
    {"kind": "strength", "name": "Isometric heel-raise hold", "sets": 2, "hold_s": 45,
     "rest_s": 30, "sides": "none", "position_s": 5, "instructions": ["Knees bent, heels up."],
     "caution": "Hold still.", "illustration": "asset:illustrations/bent-knee-heel-raise.svg"},
    {"kind": "exercise", "name": "Ankle rocks", "reps": 3, "rep_s": 2, "sides": "both",
     "side_is": "working-leg", "position_s": 5, "instructions": ["Knee over the toes."],
     "caution": "Small range."},
    {"kind": "heat", "name": "Warm pack", "duration_s": 180, "instructions": ["Pack on."],
     "caution": "Not hot."},
    {"kind": "instruction", "name": "Off you go", "duration_s": 6,
     "instructions": ["Start your run easy."]},
]

#: An isometric hold in 2 sets (no sides; 5 s to get into position is too short for "set
#: one of two"), ankle rocks counted "one, two" and "last one" on each leg, 3 minutes of
#: heat, and a message.
MIXED_PLAN = """
get_ready | - | -           | Get ready                 | 10  | -     | -   | get_ready@0                 | Get into position (5 s)
position  | 0 | strength    | Get into position         | 5   | -     | -   | -                           | Isometric heel-raise hold, set 1 of 2 (45 s)
hold      | 0 | strength    | Isometric heel-raise hold | 45  | -     | 1/2 | hold_start@0 countdown@-3   | Rest (30 s)
rest      | 0 | strength    | Rest                      | 30  | -     | 1/2 | rest@0 set@-3[2_of_2]       | Isometric heel-raise hold, set 2 of 2 (45 s)
hold      | 0 | strength    | Isometric heel-raise hold | 45  | -     | 2/2 | hold_start@0 countdown@-3   | Get into position, left leg (5 s)
position  | 1 | exercise    | Get into position         | 5   | left  | -   | get_ready@0                 | Ankle rocks, left leg (6 s)
set       | 1 | exercise    | Ankle rocks               | 6   | left  | -   | rep@0[1] rep@2[2] last_rep@4 | Switch legs, right leg (5 s)
position  | 1 | exercise    | Switch legs               | 5   | right | -   | switch_legs@0               | Ankle rocks, right leg (6 s)
set       | 1 | exercise    | Ankle rocks               | 6   | right | -   | rep@0[1] rep@2[2] last_rep@4 | Warm pack (3 min)
heat      | 2 | heat        | Warm pack                 | 180 | -     | -   | heat_on@0 heat_off@-0       | Off you go (6 s)
message   | 3 | instruction | Off you go                | 6   | -     | -   | complete@-0                 | Done
"""  # noqa: E501

#: The same on a day whose check-in reports swelling: the heat is left out, and says so.
MIXED_NO_HEAT_TAIL = """
set       | 1 | exercise    | Ankle rocks               | 6   | right | -   | rep@0[1] rep@2[2] last_rep@4 | No heat today (8 s)
message   | 2 | message     | No heat today             | 8   | -     | -   | -                           | Off you go (6 s)
message   | 3 | instruction | Off you go                | 6   | -     | -   | complete@-0                 | Done
"""  # noqa: E501

COLD = [
    {"kind": "exercise", "name": "March in place", "duration_s": 20, "sets": 2, "rest_s": 10,
     "sides": "left", "side_is": "working-leg", "instructions": ["March on the spot."]},
    {"kind": "exercise", "name": "Walking lunges", "reps": 8, "self_paced": "set",
     "sides": "none", "instructions": ["Eight lunges, then press Enter."]},
    {"kind": "rest", "name": "Breathe", "duration_s": 1},
    {"kind": "ice", "name": "Short ice", "duration_s": 120, "instructions": ["Cloth first."],
     "caution": "Cold, not numb."},
    {"kind": "rest", "name": "Ice off", "duration_s": 60, "instructions": ["Skin warms up."]},
    {"kind": "ice", "name": "Ice again", "duration_s": 330, "skin_check_s": 300,
     "instructions": ["Cloth again."]},
]

#: Timed marching in 2 sets on the left leg (no time to get into position: exercises start
#: at once), lunges at the runner's pace (8 reps counted as 3 s each), a 1-second rest,
#: 2 minutes of ice (long enough for "halfway"), and 5½ minutes of ice whose only skin check
#: would fall 30 s before "ice off": left out.
COLD_PLAN = """
get_ready | - | -        | Get ready      | 10  | -    | -   | get_ready@0                        | March in place, left leg, set 1 of 2 (20 s)
exercise  | 0 | exercise | March in place | 20  | left | 1/2 | exercise_start@0 countdown@-3      | Rest (10 s)
rest      | 0 | exercise | Rest           | 10  | left | 1/2 | rest@0 set@-3[2_of_2]              | March in place, left leg, set 2 of 2 (20 s)
exercise  | 0 | exercise | March in place | 20  | left | 2/2 | exercise_start@0 countdown@-3 relax@-0 | Walking lunges (8 reps)
set       | 1 | exercise | Walking lunges | 24  | -    | -   | -                                  | Breathe (1 s)
pause     | 2 | rest     | Breathe        | 1   | -    | -   | -                                  | Short ice (2 min)
ice       | 3 | ice      | Short ice      | 120 | -    | -   | ice_on@0 ice_halfway@60 ice_off@-0 | Ice off (60 s)
pause     | 4 | rest     | Ice off        | 60  | -    | -   | -                                  | Ice again (330 s)
ice       | 5 | ice      | Ice again      | 330 | -    | -   | ice_on@0 ice_halfway@165 ice_off@-0 | Done
"""  # noqa: E501


def test_heel_drops_plan_as_written_out_by_hand() -> None:
    protocol = v2("heel-drops-by-hand", HEEL_DROPS)
    plan = build_plan(protocol, Settings())
    assert [row(s) for s in plan.segments] == table(HEEL_DROPS_PLAN)
    assert plan.total_s == 10 + 6 + 8 + 20 + 8 == routine_duration_s(protocol)
    assert [s.count for s in plan.segments if s.kind is SegmentKind.SET] == [2, 2]
    assert {(s.step_index, s.side_is) for s in plan.segments} == {
        (-1, None), (0, SideMeaning.WORKING_LEG)}
    each_segment_shows_its_step(plan, protocol)


def test_a_routine_of_every_kind_plans_as_written_out_by_hand() -> None:
    protocol = v2("mixed-by-hand", MIXED)
    plan = build_plan(protocol, Settings())
    assert [row(s) for s in plan.segments] == table(MIXED_PLAN)
    assert plan.total_s == 10 + 5 + 45 + 30 + 45 + 2 * (5 + 6) + 180 + 6
    holds = [s for s in plan.segments if s.kind is SegmentKind.HOLD]
    assert [s.adjustable for s in holds] == [Range(45, 45, 45)] * 2  # ↑/↓ know its range
    assert [s.count for s in plan.segments if s.kind is SegmentKind.SET] == [3, 3]
    # Sides "none": no side to name; "both": the side is the working leg.
    assert {(s.step_index, s.side_is) for s in plan.segments} == {
        (-1, None), (0, None), (1, SideMeaning.WORKING_LEG), (2, None), (3, None)}
    each_segment_shows_its_step(plan, protocol)

    swollen = build_plan(protocol, Settings(), PlanContext(no_heat=True))
    rows = [row(s) for s in swollen.segments]
    assert rows[:8] == table(MIXED_PLAN)[:8]
    assert rows[8:] == table(MIXED_NO_HEAT_TAIL)
    left_out = swollen.segments[9]
    assert left_out.instructions[0].startswith(
        "Your check-in says the calf is swollen, so the heat is left out today")
    assert left_out.caution == ""  # no heat safety for heat that is not there


def test_sets_of_movement_a_runners_pace_and_two_ices_plan_as_written_out_by_hand() -> None:
    protocol = v2("cold-by-hand", COLD, when="post-run")
    plan = build_plan(protocol, Settings())
    assert [row(s) for s in plan.segments] == table(COLD_PLAN)
    assert plan.total_s == 10 + 20 + 10 + 20 + 24 + 1 + 120 + 60 + 330
    assert plan.cold_s == 120 + 330
    assert [s.count for s in plan.segments if s.kind is SegmentKind.SET] == [8]
    each_segment_shows_its_step(plan, protocol)
    # Nothing was capped: the ice says only what it was told to say, on the first ice.
    told = build_plan(protocol, Settings(), PlanContext(ice_notices=("Note one.", "Note two.")))
    assert [s.notes for s in told.segments if s.kind is SegmentKind.ICE] == [
        ("Note one.", "Note two."), ()]
    assert [s.notes for s in plan.segments if s.kind is SegmentKind.ICE] == [(), ()]


#: What a rest says, by the kind of step (format 1's wall stretch has its own line).
REST_WORDS = {
    ("calf-stretch-only", "stretch"): "Relax the calf; stay near the wall.",
    ("heel-drops-by-hand", "strength"): "Rest. Shake the leg out gently.",
    ("mixed-by-hand", "strength"): "Rest. Shake the leg out gently.",
    ("cold-by-hand", "exercise"): "Rest. Shake the leg out gently.",
    ("stretch-by-hand", "stretch"): "Relax the calf.",
}


def each_segment_shows_its_step(plan: Plan, protocol: Protocol) -> None:
    """Every segment of a step shows that step's instructions (a rest: what to do in it),
    the author's caution and the step's picture; a left-out step shows neither."""
    for seg in plan.segments:
        if seg.step_index < 0 or seg.step_kind == "message":
            continue
        step = protocol.steps[seg.step_index]
        where = f"{seg.label} ({seg.kind.value}, step {seg.step_index})"
        if seg.kind is SegmentKind.REST:
            assert seg.instructions == (REST_WORDS[protocol.id, seg.step_kind],), where
        else:
            assert seg.instructions == step.instructions, where
        assert seg.caution == getattr(step, "caution", ""), where
        if seg.kind is not SegmentKind.REST:
            assert seg.illustration == getattr(step, "illustration", None), where


def test_a_rest_in_a_stretch_says_relax_and_every_step_of_a_stretch_shows_it() -> None:
    protocol = v2("stretch-by-hand", [
        {"kind": "stretch", "name": "Soleus stretch", "hold_s": 9, "reps": 2, "rest_s": 5,
         "sides": "left", "side_is": "leg-back", "position_s": 4, "instructions": ["Lean."],
         "caution": "Gently.", "illustration": "asset:illustrations/soleus-wall-stretch.svg"}])
    plan = build_plan(protocol, Settings())
    each_segment_shows_its_step(plan, protocol)
    assert {(s.step_index, s.side_is) for s in plan.segments} == {
        (-1, None), (0, SideMeaning.LEG_BACK)}


# ------------------------------------------------------------------ rules at their edges


@pytest.mark.parametrize(("hold", "cues"), [
    (8, "hold_start@0 countdown@-3 relax@-0"),  # no room for the caution before the 3-2-1
    (9, "hold_start@0 caution@3 countdown@-3 relax@-0"),
])
def test_the_caution_is_said_once_only_when_it_fits_before_the_countdown(
        hold: int, cues: str) -> None:
    protocol = v2("short-holds", [
        {"kind": "stretch", "name": "Stretch", "hold_s": hold, "reps": 1, "rest_s": 0,
         "sides": "right", "side_is": "leg-back", "position_s": 0, "instructions": ["Lean."]},
        {"kind": "instruction", "name": "End", "duration_s": 2, "instructions": ["Done."]}])
    hold_row = row(build_plan(protocol, Settings()).segments[1])
    assert hold_row.split(" | ")[7] == cues


@pytest.mark.parametrize(("tempo", "reps", "cues"), [
    # A set of one rep is not announced as "last one".
    ({"up": 1, "down": 1}, 1, "tempo_up@0 tempo_down@1"),
    # A hold inside the rep is said and counted; a pause is silent.
    ({"up": 1, "hold": 2, "down": 1, "pause": 1}, 2,
     "tempo_up@0 tempo_hold@1 count@2[2] tempo_down@3 last_rep@5 tempo_hold@6 count@7[2] "
     "tempo_down@8"),
])
def test_the_tempos_words_at_their_seconds(tempo: dict[str, int], reps: int, cues: str) -> None:
    protocol = v2("tempo", [
        {"kind": "strength", "name": "Raise", "sets": 1, "reps": reps, "tempo": tempo,
         "rest_s": 0, "sides": "none", "position_s": 0, "instructions": ["Up, down."]},
        {"kind": "instruction", "name": "End", "duration_s": 2, "instructions": ["Done."]}])
    set_row = row(build_plan(protocol, Settings()).segments[1])
    assert set_row.split(" | ")[7] == cues


def _ice_plan(seconds: int, skin_check: int) -> Segment:
    step = IceStep("Ice", Range.fixed(seconds), skin_check, ("Cloth.",))
    plan = build_plan(Protocol("ice", "Ice", "s", When.POST_RUN, (step,)), Settings())
    return plan.segments[1]


@given(seconds=st.integers(30, 1200), skin_check=st.integers(60, 600))
@example(seconds=300, skin_check=60)  # five minutes: no skin check at all
@example(seconds=301, skin_check=60)  # a second more: every minute
@example(seconds=330, skin_check=300)  # a check 30 s before the end: left out
@example(seconds=331, skin_check=300)  # 31 s before: said
@example(seconds=540, skin_check=300)  # a check 30 s from halfway: no "halfway"
@example(seconds=538, skin_check=300)  # 31 s from it: both
@example(seconds=120, skin_check=300)  # two minutes: "halfway" at one
@example(seconds=119, skin_check=300)
def test_an_ices_cues_a_skin_check_every_so_often_and_halfway_never_crowded(
        seconds: int, skin_check: int) -> None:
    """Skin checks every ``skin_check_s`` while more than 30 s of ice are left, on ice of
    more than 5 minutes (a shorter cold needs none: issue 27); "halfway" on ice of 2
    minutes or more unless a skin check is within 30 s of it; "ice on" first and "ice off"
    last. So no cue between them comes within 30 s of another."""
    ice = _ice_plan(seconds, skin_check)
    checks = [k * skin_check for k in range(1, seconds // skin_check + 1)
              if seconds - k * skin_check > 30] if seconds > 300 else []
    halfway = seconds >= 120 and all(abs(c - seconds / 2) > 30 for c in checks)
    due = sorted((c.due_in(ice.duration_s), c.cue) for c in ice.cues)
    expected = sorted([(0.0, Cue.ICE_ON), (float(seconds), Cue.ICE_OFF)]
                      + [(float(c), Cue.ICE_SKIN_CHECK) for c in checks]
                      + ([(seconds / 2, Cue.ICE_HALFWAY)] if halfway else []))
    assert due == expected
    times = [t for t, _ in due]
    assert all(b - a > 30 for a, b in itertools.pairwise(times) if (a, b) != (0, seconds))


# ------------------------------------------------------------------ sounds of the author's


def _sounds(owner: str) -> dict[Cue, Path]:
    return {cue: Path(f"{owner}/{cue.value}.wav") for cue in Cue}


def test_every_cue_of_a_step_plays_the_steps_own_sound_then_the_routines() -> None:
    """A step's ``sounds`` name a file for any cue; the routine's ``sounds`` are for the
    cues a step does not name (and for "get ready" and "complete", which are no step's)."""
    tempo = Tempo.from_parts(down=2, up=1, hold=1)
    written: list[Step] = [
        StretchStep("Stretch", Range.fixed(30), Range.fixed(2), 10, Sides.BOTH, 10, ("a",)),
        StrengthStep("Drops", Range.fixed(2), 20, Sides.BOTH, 10, ("b",),
                     counting=Counting(Range.fixed(3), tempo)),
        StrengthStep("Iso", Range.fixed(2), 20, Sides.NONE, 10, ("c",), hold_s=Range.fixed(30)),
        ExerciseStep("Rocks", None, Sides.NONE, 0, ("e",),
                     counting=Counting(Range.fixed(3), Tempo.steady(2))),
        ExerciseStep("March", Range.fixed(20), Sides.BOTH, 10, ("d",), sets=Range.fixed(2),
                     rest_s=10),
        # Pauses and messages open with no cue of their own, so the "relax", "heat off"
        # and "ice off" before them are heard (a step that opens with a cue cuts them).
        RestStep("Off", 30),
        HeatStep("Heat", Range.fixed(120), ("f",)),
        RestStep("Off again", 30),
        IceStep("Ice", Range.fixed(600), 120, ("g",)),
        InstructionStep("Read", 5, ("i",)),
    ]
    steps = (*(replace(step, sounds=_sounds(f"s{i}")) for i, step in enumerate(written)),
             StretchStep("Plain", Range.fixed(30), Range.fixed(2), 10, Sides.BOTH, 10, ("h",)))
    protocol = Protocol("sounds", "Sounds", "s", When.POST_RUN, steps, sounds=_sounds("all"))
    plan = build_plan(protocol, Settings())
    seen = set()
    for seg in plan.segments:
        for c in seg.cues:
            own = (seg.step_index >= 0 and c.cue is not Cue.COMPLETE
                   and seg.step_index != len(steps) - 1)
            expected = Path(f"s{seg.step_index}/{c.cue.value}.wav") if own else \
                Path(f"all/{c.cue.value}.wav")
            assert c.sound == expected, (seg.label, seg.kind, c)
            seen.add(c.cue)
    # every cue the app has was planned, and checked, here (but those only the system voice
    # says, which take no sound: issue 29; and the round's, which needs rounds:
    # tests/test_rounds_format.py checks its sound)
    assert seen == set(Cue) - SPOKEN_ONLY - {Cue.ROUND}


# ------------------------------------------------------------------ the routine's duration


def test_a_routines_duration_is_its_plans_and_each_version_has_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "_DURATIONS", {})  # none of them measured before
    short = v2("same-id", HEEL_DROPS)
    longer = v2("same-id", [{**HEEL_DROPS[0], "sets": 3}])
    assert short.digest and longer.digest != short.digest
    for _ in range(2):  # the second time from the cache: the same answer
        assert routine_duration_s(short) == 52
        assert routine_duration_s(longer) == 52 + 20 + 8
    unsaved = Protocol("draft", "Draft", "s", When.ANY, short.steps)  # no file: no digest
    assert routine_duration_s(unsaved) == 52


def test_a_preview_has_the_same_segments_and_times_without_the_tempos_words() -> None:
    protocol = v2("heel-drops-by-hand", HEEL_DROPS)
    full = build_plan(protocol, Settings())
    preview = build_plan(protocol, Settings(), rep_cues=False)
    assert [(s.kind, s.label, s.duration_s) for s in preview.segments] == \
        [(s.kind, s.label, s.duration_s) for s in full.segments]
    assert [c.cue for s in preview.segments if s.kind is SegmentKind.SET for c in s.cues] == [
        Cue.COMPLETE]
