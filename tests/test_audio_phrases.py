"""What the coach says at each cue (soleus_coach.session.phrases): every cue of every routine
has its words, in English and in German; a step's name, side and round; numbers of any size;
what the options leave out; the cues only a voice says, fired by the engine."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from soleus_coach import paths
from soleus_coach.cues import SPOKEN_ONLY, Cue
from soleus_coach.gui.common import i18n
from soleus_coach.protocol.loader import ProtocolInvalid, load_file, parse_bytes
from soleus_coach.protocol.model import Side, SideMeaning
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import CueDue, Engine
from soleus_coach.session.phrases import (
    Line,
    Script,
    SpeechOptions,
    announcement,
    build_script,
    sample_line,
    spoken_plan,
)
from soleus_coach.session.plan import Plan, build_plan
from soleus_coach.settings import Leg, Settings
from tests.conftest import minimal_protocol_v2
from tests.test_german import ENGLISH, normalise

BUNDLED = sorted(p.stem for p in paths.bundled_protocols_dir().glob("*.json"))


def bundled(name: str, language: str = "en") -> Plan:
    protocol = load_file(paths.bundled_protocols_dir() / f"{name}.json", paths.assets_dir())
    return build_plan(protocol.localized(language), Settings(injured_leg=Leg.LEFT))


def script_of(plan: Plan, options: SpeechOptions | None = None,
              language: str = "en") -> tuple[Plan, Script]:
    options = options or SpeechOptions()
    plan = spoken_plan(plan, options)
    return plan, build_script(plan, options, language)


def said(script: Script) -> list[str]:
    return [line.text for line in script.lines]


def line_at(script: Script, cue: Cue, nth: int = 0) -> Line:
    return [line for line in script.lines if line.key[1] == cue.value][nth]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("name", BUNDLED)
def test_every_cue_of_every_bundled_routine_has_its_words(name: str) -> None:
    plan, script = script_of(bundled(name))
    keys = {line.key for line in script.lines}
    for seg in plan.segments:
        for cue in seg.cues:
            assert (seg.index, cue.cue.value, cue.variant) in keys
    for line in script.lines:
        assert line.choices, line.key  # (counts are on: even a count has its number)
        assert all(part.text for choice in line.choices for part in choice)
    assert said(script)[-1] in ("Routine complete. Well done", "Ice off", "Heat off")


@pytest.mark.parametrize("name", BUNDLED)
def test_every_bundled_routine_is_spoken_in_german_without_english(name: str,
                                                                  german: None) -> None:
    _plan, script = script_of(bundled(name, "de"), language="de")
    english = [line.text for line in script.lines for choice in line.choices
               if ENGLISH.search(normalise(" ".join(p.text for p in choice)))]
    assert english == []


def test_a_step_start_says_its_name_and_side_and_its_instructions_while_getting_ready(
        ) -> None:
    _plan, script = script_of(bundled("post-run-soleus"))
    first = script.lines[0]
    assert first.key == (0, "get_ready", "")
    assert [p.text for p in first.choices[0]][:2] == [
        "Get ready", "Bent-knee wall stretch (soleus), left leg back"]
    assert len(first.choices[0]) == 2 + 5  # and the five instructions, cut from the end
    assert [len(c) for c in first.choices] == [7, 6, 5, 4, 3, 2, 1]
    assert first.room_s == 20.0  # until "hold": get ready and getting into position
    switch = line_at(script, Cue.SWITCH_LEGS)
    assert [p.text for p in switch.choices[0]] == ["Switch legs", "right leg back"]
    assert line_at(script, Cue.HOLD_START).text == "Hold 1 of 3"
    assert line_at(script, Cue.NEXT).text == "Next: Hold 2 of 3"
    ice = line_at(script, Cue.ICE_ON)
    assert [p.text for p in ice.choices[0]] == [
        "Ice the calf", "Ice on. Keep a cloth between the ice and your skin"]
    assert line_at(script, Cue.ICE_SKIN_CHECK).text == "Check your skin"  # not its name again


def test_the_next_step_is_named_at_the_end_of_a_rest() -> None:
    doc = minimal_protocol_v2(steps=[
        {"kind": "stretch", "name": "Soleus stretch", "hold_s": 20, "reps": 1, "rest_s": 10,
         "sides": "left", "side_is": "leg-back", "instructions": ["Bend the back knee."]},
        {"kind": "rest", "name": "Walk around", "duration_s": 40},
        {"kind": "strength", "name": "Heel drop", "sets": 2, "reps": 3, "rep_s": 2,
         "rest_s": 20, "sides": "right", "side_is": "working-leg",
         "instructions": ["Lower slowly."]},
    ])
    _plan, script = script_of(build_plan(parse_bytes(json.dumps(doc).encode(), "t.json"),
                                         Settings()))
    nxt = line_at(script, Cue.NEXT)
    assert nxt.text == "Next: Heel drop, right leg"
    assert line_at(script, Cue.SET, 1).text == "Next: Set 2 of 2"


def test_a_round_is_said_before_the_step_where_the_plan_carries_one() -> None:
    """A segment of a round (issue 27) carries its ``round`` and ``rounds``."""
    plan = bundled("calf-stretch-only")
    segments = list(plan.segments)
    for i, seg in enumerate(segments):
        if seg.step_index >= 0:
            segments[i] = replace(seg, round=2, rounds=3)
    rounds = Plan(plan.protocol_id, plan.protocol_name, tuple(segments))
    _p, script = script_of(rounds)
    assert [p.text for p in script.lines[0].choices[0]][:3] == [
        "Get ready", "Round 2 of 3", "Bent-knee wall stretch (soleus), left leg back"]
    later = [line for line in script.lines if line.key[1] == "get_ready"][1]
    assert [p.text for p in later.choices[-1]] == [
        "Round 2 of 3", "Straight-knee calf stretch, left leg back"]
    _p, quiet = script_of(rounds, SpeechOptions(counts=False))
    assert not any("Round" in line.text for line in quiet.lines)
    assert announcement("Heel raise", Side.RIGHT, SideMeaning.WORKING_LEG,
                        round_of=(1, 1)) == announcement("Heel raise", Side.RIGHT)


def test_numbers_of_any_size() -> None:
    doc = minimal_protocol_v2(steps=[
        {"kind": "strength", "name": "Calf raise", "sets": 8, "reps": 45,
         "tempo": {"up": 1, "down": 1, "start": "up"}, "rest_s": 30, "sides": "none",
         "instructions": ["Up and down."]},
    ])
    plan = build_plan(parse_bytes(json.dumps(doc).encode(), "t.json"), Settings())
    _p, script = script_of(plan)
    spoken = set(said(script))
    assert {"Set 1 of 8", "Next: Set 8 of 8", "Up", "Down", "Last rep"} <= spoken
    steady = minimal_protocol_v2(steps=[
        {"kind": "strength", "name": "Calf raise", "sets": 1, "reps": 45, "rep_s": 2,
         "rest_s": 0, "sides": "none", "instructions": ["Up and down."]}])
    _p, script = script_of(build_plan(parse_bytes(json.dumps(steady).encode(), "t.json"),
                                      Settings()))
    assert {"44", "1", "Last rep"} <= set(said(script))


def test_what_the_options_leave_out() -> None:
    plan = bundled("eccentric-heel-drops")
    _p, everything = script_of(plan)
    _p, nameless = script_of(plan, SpeechOptions(names=False))
    _p, countless = script_of(plan, SpeechOptions(counts=False))
    _p, bare = script_of(plan, SpeechOptions(instructions=False))
    name = plan.segments[2].label
    assert any(name in line.text for line in everything.lines)
    assert not any(name in line.text for line in nameless.lines)
    assert nameless.lines[0].text == "Get ready"
    assert not any(any(c.isdigit() for c in line.text) for line in countless.lines
                   if line.key[1] != "countdown")
    assert all(not line.choices for line in countless.lines if line.key[1] in ("rep", "count"))
    assert len(bare.lines[0].choices) == 2 < len(everything.lines[0].choices)
    _p, silent = script_of(plan, SpeechOptions(False, False, False))
    assert not any(line.key[1] in ("next", "ten_seconds") for line in silent.lines)


def test_the_voice_adds_next_and_ten_seconds_and_the_engine_fires_them() -> None:
    plain = bundled("post-run-soleus")
    spoken, _script = script_of(plain)
    assert not any(c.cue in SPOKEN_ONLY for s in plain.segments for c in s.cues)
    added = [(s.kind.value, c.cue.value, c.due_in(s.duration_s))
             for s in spoken.segments for c in s.cues if c.cue in SPOKEN_ONLY]
    assert added.count(("rest", "next", 5.0)) == 4  # both sides' two rests
    assert added.count(("hold", "ten_seconds", 20.0)) == 6  # each 30-s hold
    assert ("ice", "ten_seconds", 1190.0) in added
    assert [(s.duration_s, len(s.cues)) for s in spoken.segments] != [
        (s.duration_s, len(s.cues)) for s in plain.segments]
    assert [s.duration_s for s in spoken.segments] == [s.duration_s for s in plain.segments]
    clock = FakeClock()
    engine = Engine(spoken, clock)
    fired: list[CueDue] = []
    engine.subscribe(lambda e: fired.append(e) if isinstance(e, CueDue) else None)
    engine.start()
    for _ in range(4000):
        clock.advance(0.5)
        engine.poll()
    assert sum(e.cue is Cue.NEXT for e in fired) == 4
    assert sum(e.cue is Cue.TEN_SECONDS for e in fired) == 7


def test_the_self_paced_reps_have_their_words_too() -> None:
    doc = minimal_protocol_v2(steps=[
        {"kind": "strength", "name": "Calf raise", "sets": 1, "reps": 12, "rest_s": 0,
         "self_paced": "rep", "sides": "none", "instructions": ["At your pace."]}])
    _p, script = script_of(build_plan(parse_bytes(json.dumps(doc).encode(), "t.json"),
                                      Settings()))
    reps = {line.key[2]: line for line in script.lines if line.key[1] == "rep"}
    assert sorted(reps, key=int) == [str(n) for n in range(1, 11)]
    assert all(line.room_s == 1.5 for line in reps.values())
    assert any(line.key[1] == "last_rep" for line in script.lines)


def test_rooms_are_the_time_to_the_next_cue() -> None:
    _plan, script = script_of(bundled("calf-stretch-only"))
    times = [line.due_s for line in script.lines]
    assert times == sorted(times)
    for line, after in zip(script.lines, script.lines[1:], strict=False):
        assert line.room_s == pytest.approx(after.due_s - line.due_s)
    assert script.lines[-1].room_s == math.inf


def test_the_sample(german: None) -> None:
    assert sample_line(SpeechOptions()).text == "Wadenheben im Sitzen, linkes Bein / " \
        "Dehnung 1 von 3"
    assert sample_line(SpeechOptions(names=False, counts=False)).text == "Halten"


NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(
    lambda s: s.strip() and s == s.strip())


@settings(max_examples=40, deadline=None)
@given(name=NAMES, instruction=NAMES)
def test_any_step_name_becomes_plain_words(name: str, instruction: str) -> None:
    doc: dict[str, Any] = minimal_protocol_v2()
    doc["steps"][0]["name"] = name.replace("\n", " ")[:80]
    doc["steps"][1]["instructions"] = [instruction]
    try:
        protocol = parse_bytes(json.dumps(doc).encode(), "t.json")
    except ProtocolInvalid:
        return  # not a valid routine (a name of spaces only): nothing to say
    _p, script = script_of(build_plan(protocol, Settings()))
    for line in script.lines:
        for choice in line.choices:
            for part in choice:
                assert part.text == " ".join(part.text.split())
                assert all(c.isprintable() for c in part.text)
                assert not any(c in part.text for c in "\u2066\u2067\u2068\u2069\u202e")
