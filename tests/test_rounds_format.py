"""Rounds in the format: a block of steps done several times. Read, written back, checked
by the JSON Schema, run round after round by the plan (the cold cap and the longest total
over every round), said in the session's words and kept in the history; generated variants
for the expansion and the edits that keep the groups."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from soleus_coach import cli, editing, paths
from soleus_coach.editing import Kind
from soleus_coach.history.words import recorded_label
from soleus_coach.protocol import load_file
from soleus_coach.protocol.loader import ProtocolInvalid, parse_bytes
from soleus_coach.protocol.model import Rounds
from soleus_coach.protocol.write import document, dumps
from soleus_coach.session.plan import SegmentKind, build_plan
from soleus_coach.session.present import describe
from soleus_coach.settings import Settings
from tests.conftest import write_protocol

SCHEMA = json.loads((paths.bundled_protocols_dir() / "schema" / "protocol.schema.json")
                    .read_text(encoding="utf-8"))


def heat(name: str = "Warm pack", s: int = 180) -> dict[str, Any]:
    return {"kind": "heat", "name": name, "duration_s": s, "instructions": ["Warm."]}


def ice(name: str = "Cold pack", s: int = 60) -> dict[str, Any]:
    return {"kind": "ice", "name": name, "duration_s": s, "instructions": ["Cold."]}


def contrast(times: int = 3, rest: int = 30, **block: Any) -> dict[str, Any]:
    return {"format": 2, "id": "contrast", "name": "Contrast therapy",
            "summary": "Heat and cold, three times.", "when": "post-run",
            "steps": [{"kind": "instruction", "name": "Sit", "duration_s": 10,
                       "instructions": ["Sit down."]},
                      {"kind": "rounds", "times": times, "rest_between_s": rest,
                       "steps": [heat(), ice()], **block}]}


def errors(doc: dict[str, Any]) -> list[str]:
    try:
        parse_bytes(json.dumps(doc).encode(), "r.json")
    except ProtocolInvalid as exc:
        return [f"{e.location}: {e.message}" for e in exc.errors]
    return []


def test_a_rounds_block_is_read_once_and_runs_every_round_with_rests_between(
        tmp_path: Path) -> None:
    path = write_protocol(tmp_path, "contrast.json", contrast())
    jsonschema.validate(json.loads(path.read_text()), SCHEMA)
    p = load_file(path)
    assert [s.name for s in p.steps] == ["Sit", "Warm pack", "Cold pack"]  # written once
    assert p.rounds == (Rounds(1, 2, 3, 30.0),)
    plan = build_plan(p, Settings())
    work = [(s.label, s.round, s.rounds) for s in plan.segments
            if s.kind in (SegmentKind.HEAT, SegmentKind.ICE)]
    assert work == [("Warm pack", 1, 3), ("Cold pack", 1, 3), ("Warm pack", 2, 3),
                    ("Cold pack", 2, 3), ("Warm pack", 3, 3), ("Cold pack", 3, 3)]
    rests = [s for s in plan.segments if s.kind is SegmentKind.PAUSE]
    assert [r.label for r in rests] == ["Rest before round 2 of 3", "Rest before round 3 of 3"]
    assert plan.total_s == 10 + 10 + 3 * (180 + 60) + 2 * 30  # get ready, Sit, rounds, rests
    assert plan.cold_s == 180
    # what the runner reads: "Round 2 of 3", "Next: Cold pack, round 2 of 3 (60 s)"
    second = next(s for s in plan.segments if s.round == 2)
    assert describe(second).round_text == "Round 2 of 3"
    assert second.next_label == "Cold pack, round 2 of 3 (60 s)"
    assert describe(plan.segments[1]).round_text == ""  # not in a round
    # and hears: "Round two of three" near the end of what comes before each round
    said = [(seg.index, c.variant) for seg in plan.segments for c in seg.cues
            if c.cue.value == "round"]
    assert [v for _, v in said] == ["1_of_3", "2_of_3", "3_of_3"]
    assert all(plan.segments[i + 1].round == int(v[0]) or
               plan.segments[i + 1].kind is SegmentKind.HEAT for i, v in said)
    # the history keeps the round with the name
    assert recorded_label(second.label, second.round, second.rounds) == \
        "Warm pack, round 2 of 3"


def test_written_back_the_file_says_the_same_and_a_format_2_file_without_rounds_is_unchanged(
        tmp_path: Path) -> None:
    p = load_file(write_protocol(tmp_path, "contrast.json", contrast()))
    doc = document(p)
    assert doc["steps"][1] == {"kind": "rounds", "times": 3, "rest_between_s": 30,
                               "steps": [heat(), ice()]}
    jsonschema.validate(doc, SCHEMA)
    again = load_file(write_protocol(tmp_path / "b", "contrast.json", json.loads(dumps(p))))
    assert editing.equal_content(again, p)
    for bundled in sorted(paths.bundled_protocols_dir().glob("*.json")):
        original = load_file(bundled, paths.assets_dir())
        assert original.rounds == ()
        assert "rounds" not in json.dumps(document(original))


def test_the_cold_cap_and_the_longest_total_count_every_round() -> None:
    # 3 × 7 min of cold is 21 min: refused, and said with the rounds
    found = errors(contrast(times=3, rest=0, steps=[ice(s=420)]))
    assert any("add up to 21 min" in e and "3 rounds" in e and "fewer rounds" in e
               for e in found), found
    assert not errors(contrast(times=3, rest=0, steps=[ice(s=400)]))  # 20 min: allowed
    # an absurd total: 20 rounds of 10 minutes of heat and 10 of rest is 6.7 hours
    long = contrast(times=20, rest=600, steps=[heat(s=600)])
    assert any("could last" in e for e in errors(long))
    # a pre-run routine with ice in its rounds is said at the ice, inside the block
    pre = contrast()
    pre["when"] = "pre-run"
    assert any(e.startswith("$.steps[1].steps[1]:") and "before a run has no ice" in e
               for e in errors(pre))


def test_a_block_inside_a_block_an_empty_one_and_one_round_are_refused_in_words() -> None:
    nested = contrast(steps=[{"kind": "rounds", "times": 2, "steps": [heat()]}])
    assert any("rounds cannot hold rounds" in e for e in errors(nested))
    assert any(e.startswith("$.steps[1].steps:") and "add at least one step" in e
               for e in errors(contrast(steps=[])))
    assert any("$.steps[1].times" in e and "too few: at least 2" in e
               for e in errors(contrast(times=1)))


def test_a_translation_has_an_entry_per_written_step_not_per_round() -> None:
    doc = contrast()
    doc["translations"] = {"de": {"name": "Kontrast", "steps": [{}, {"name": "Wärme"},
                                                                  {"name": "Kälte"}]}}
    assert not errors(doc)
    p = parse_bytes(json.dumps(doc).encode(), "c.json").localized("de")
    assert [s.name for s in p.steps] == ["Sit", "Wärme", "Kälte"]
    doc["translations"]["de"]["steps"] = [{}] * 6  # one per step as run: wrong
    assert any("give one per step (3" in e for e in errors(doc))


def test_the_command_line_validates_and_lists_a_routine_with_rounds_at_its_whole_length(
        tmp_path: Path, data_dir: Path) -> None:
    path = write_protocol(data_dir / "protocols", "contrast.json", contrast())
    out = io.StringIO()
    assert cli.main(["validate", str(path)], out) == 0, out.getvalue()
    out = io.StringIO()
    assert cli.main(["list"], out) == 0
    line = next(x for x in out.getvalue().splitlines() if x.startswith("contrast"))
    assert "13:20" in line  # as run: every round and the rests between them counted


# --------------------------------------------------------------------------- generated


def routine(kinds: list[Kind], groups: list[tuple[int, int, int, float]]) -> Any:
    d = editing.new_routine([], "Generated", "A routine made by the test.")
    for n, kind in enumerate(kinds):
        d = editing.add_step(d, kind, f"Step {n + 1}")
        d = editing.set_step_field(d, n, "instructions", (f"Do step {n + 1}.",)) \
            if kind is not Kind.REST else d
    for first, last, times, rest in groups:
        d = editing.make_rounds(d, first % len(kinds), last % len(kinds), times, rest)
    return d


KINDS = st.lists(st.sampled_from([Kind.STRETCH, Kind.EXERCISE, Kind.HEAT, Kind.REST,
                                  Kind.INSTRUCTION]), min_size=1, max_size=6)
GROUPS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(2, 4),
                            st.sampled_from([0.0, 15.0])), max_size=3)


@settings(max_examples=60, deadline=None)
@given(KINDS, GROUPS)
def test_any_routine_with_rounds_runs_each_step_of_a_group_times_over_and_reads_back(
        kinds: list[Kind], groups: list[tuple[int, int, int, float]]) -> None:
    d = routine(kinds, groups)
    # the groups never overlap and lie within the steps
    spans = [range(g.first, g.last + 1) for g in d.rounds]
    assert all(g.last < len(d.steps) and g.count >= 1 for g in d.rounds)
    assert len({i for s in spans for i in s}) == sum(len(s) for s in spans)
    runs = [r for r in d.runs() if not r.rest_s]
    for i in range(len(d.steps)):
        g = d.round_of(i)
        assert sum(r.index == i for r in runs) == (g.times if g else 1)
    # the file says it, and reading it gives the same routine
    text, parsed, problems = editing.parse_draft(d)
    assert parsed is not None, problems
    jsonschema.validate(json.loads(text), SCHEMA)
    assert parsed.rounds == d.rounds and parsed.steps == d.steps
    # the plan runs every round: its work segments per step follow the rounds
    plan = build_plan(parsed, Settings())
    rounds_seen = {(s.step_index, s.round) for s in plan.segments if s.rounds}
    for g in d.rounds:
        assert {(i, k) for i in range(g.first, g.last + 1)
                for k in range(1, g.times + 1)} <= rounds_seen


@settings(max_examples=60, deadline=None)
@given(KINDS, GROUPS, st.lists(st.tuples(st.sampled_from(["add", "dup", "move", "remove",
                                                           "undo"]),
                                         st.integers(0, 7), st.integers(0, 7)), max_size=6))
def test_edits_keep_each_group_in_one_piece_and_its_translations_with_its_steps(
        kinds: list[Kind], groups: list[tuple[int, int, int, float]],
        edits: list[tuple[str, int, int]]) -> None:
    d = routine(kinds, groups)
    d = editing.set_translation(d, "de", "name", "Übersetzt", 0)
    for what, a, b in edits:
        n = len(d.steps)
        if what == "add":
            d = editing.add_step(d, Kind.INSTRUCTION, "New", a % (n + 1))
        elif n and what == "dup":
            d = editing.duplicate_step(d, a % n)
        elif n and what == "move":
            d = editing.move_step(d, a % n, b % n)
        elif n > 1 and what == "remove":
            d = editing.remove_step(d, a % n)
        elif n and what == "undo":
            d = editing.remove_rounds(d, a % n)
        covered = [i for g in d.rounds for i in range(g.first, g.last + 1)]
        assert len(covered) == len(set(covered)) and all(i < len(d.steps) for i in covered)
        assert all(g.count >= 1 for g in d.rounds)
        assert [g.first for g in d.rounds] == sorted(g.first for g in d.rounds)
        tr = d.translations["de"].steps
        assert not tr or len(tr) == len(d.steps)
    # the translated step is still the first of those named "Step 1"
    tr = d.translations["de"].steps
    if tr:
        assert [t.name for t in tr].count("Übersetzt") <= 1 + sum(
            1 for s in d.steps if s.name == "Step 1")


def test_the_finish_page_counts_the_rounds_of_each_group_on_their_own(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from soleus_coach.gui.session.finish_page import rounds_done
    from soleus_coach.history.records import SegmentRecord, SessionRecord

    doc = contrast()  # three rounds of heat and cold, then two of a circuit
    doc["steps"].append({"kind": "rounds", "times": 2, "rest_between_s": 0, "steps": [
        {"kind": "instruction", "name": "Lunge", "duration_s": 20, "instructions": ["Lunge."]},
        {"kind": "instruction", "name": "Walk", "duration_s": 30, "instructions": ["Walk."]}]})
    plan = build_plan(load_file(write_protocol(tmp_path, "two.json", doc)), Settings())
    at = datetime(2026, 12, 7, tzinfo=UTC)

    def done_but(missing: str) -> tuple[int, int]:
        segs = [SegmentRecord(n, s.kind.value, recorded_label(s.label, s.round, s.rounds),
                              s.side.value if s.side else None, s.rep, s.duration_s,
                              s.duration_s, "completed", at)
                for n, s in enumerate(plan.segments)]
        segs = [r if r.label != missing else SegmentRecord(
            r.seq, r.kind, r.label, r.side, r.rep, r.planned_s, 0, "skipped", at) for r in segs]
        return rounds_done(plan, SessionRecord("u", "contrast", "Contrast", "d", at, 0,
                                               segments=segs))

    assert done_but("") == (5, 5)
    assert done_but("Walk, round 2 of 2") == (4, 5)  # the circuit's second round
    assert done_but("Cold pack, round 1 of 3") == (4, 5)  # not the circuit's first with it
