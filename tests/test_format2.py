"""Protocol format 2: the programmes a physio writes on paper, each written without a
workaround, checked, and walked in the real window on a fake clock (the cues of every rep at
the tempo's times, sets and sides, the words on screen, self-paced reps by key); the ice of a
routine capped at 20 minutes whatever is written, set or pressed; format 1 unchanged."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soleus_coach import cli, paths, safety, texts
from soleus_coach.checkin import CheckIn
from soleus_coach.cues import Cue
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol import ProtocolInvalid, load_file, parse_bytes
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import Engine, State
from soleus_coach.session.plan import PlanContext, SegmentKind, build_plan
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import ROOT, app_services, minimal_protocol, run_until, running

FIXTURES = ROOT / "tests" / "fixtures" / "format2"
FORMAT1 = ROOT / "tests" / "fixtures" / "format1"


def load(name: str) -> Any:
    return load_file(FIXTURES / f"{name}.json", paths.assets_dir())


def test_the_five_programmes_validate_on_the_command_line() -> None:
    files = sorted(str(p) for p in FIXTURES.glob("*.json"))
    assert len(files) == 5
    out = io.StringIO()
    assert cli.main(["validate", *files], out) == 0, out.getvalue()
    assert out.getvalue().strip() == "5 file(s) valid"


# --------------------------------------------------------------------------- in the window


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    folder = data_dir / "protocols"
    folder.mkdir(parents=True)
    for path in FIXTURES.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    SettingsStore(data_dir / "settings.json").save(
        Settings(first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.RIGHT))
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    win.clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitExposed(win):
        win.show()
    return win


def start(win: MainWindow, routine: str, qtbot: QtBot
          ) -> tuple[Any, FakeClock, list[tuple[Cue, str, float]]]:
    assert win.start_session(routine)
    screen = running(qtbot, win)
    assert screen is not None
    clock: FakeClock = win.clock  # type: ignore[attr-defined]
    heard: list[tuple[Cue, str, float]] = []
    screen.cue.connect(lambda e: heard.append((e.cue, e.variant, clock.now())))
    return screen, clock, heard


def skip_to(qtbot: QtBot, screen: Any, kind: SegmentKind, *, label: str = "") -> None:
    for _ in range(80):
        seg = screen.controller.engine.segment
        if seg.kind is kind and label in seg.label:
            return
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    raise AssertionError(f"never reached {kind} {label!r}")


def test_heel_drops_pace_each_rep_at_the_tempo_and_show_set_rep_and_leg(
        qtbot: QtBot, window: MainWindow) -> None:
    screen, clock, heard = start(window, "alfredson-bent-knee", qtbot)
    page = screen.page
    skip_to(qtbot, screen, SegmentKind.SET)
    t0 = clock.now()
    assert page.side.text() == "RIGHT leg"  # the injured leg first, said as the working leg
    assert page.rep.text() == "Set 1 of 3 · Rep 1 of 15"
    assert page.countdown.text() == "1/15" and page.tempo.text() == "↓ DOWN"
    assert page.caution.text() == texts.translate(texts.LOADING_CAUTION)
    assert page.author_caution.plain_text() == "Mild pain is allowed in this programme."
    run_until(screen, clock, t0 + 1.5)
    assert page.tempo.text() == "↓ DOWN · 2"
    run_until(screen, clock, t0 + 3.5)
    assert page.tempo.text() == "↑ UP" and page.countdown.text() == "1/15"
    run_until(screen, clock, t0 + 4.5)
    assert page.rep.text() == "Set 1 of 3 · Rep 2 of 15" and page.tempo.text() == "↓ DOWN"
    run_until(screen, clock, t0 + 59.5)
    assert page.rep.text() == "Set 1 of 3 · Rep 15 of 15"
    cues = [(c, v, round(at - t0, 3)) for c, v, at in heard if at >= t0 and at < t0 + 60]
    # rep 1: down, two, three, up; … the last rep is announced as such
    assert cues[:5] == [(Cue.TEMPO_DOWN, "", 0), (Cue.COUNT, "2", 1), (Cue.COUNT, "3", 2),
                        (Cue.TEMPO_UP, "", 3), (Cue.TEMPO_DOWN, "", 4)]
    assert (Cue.LAST_REP, "", 56) in cues
    assert sum(1 for c, _, _ in cues if c is Cue.TEMPO_UP) == 15
    run_until(screen, clock, t0 + 60.5)  # the set is over: rest, "set two of three" before
    assert screen.controller.engine.segment.kind is SegmentKind.REST
    assert page.rep.text() == "After set 1 of 3"
    assert (Cue.REST, "", 60) in [(c, v, round(at - t0, 3)) for c, v, at in heard]
    run_until(screen, clock, t0 + 90.5)
    assert (Cue.SET, "2_of_3", 87) in [(c, v, round(at - t0, 3)) for c, v, at in heard]
    assert page.rep.text().startswith("Set 2 of 3")
    skip_to(qtbot, screen, SegmentKind.POSITION, label="Switch")
    assert page.side.text() == "LEFT leg"


def test_the_physios_sheet_runs_stretch_strength_and_ice_with_their_own_words(
        qtbot: QtBot, window: MainWindow) -> None:
    screen, _clock, _heard = start(window, "physio-sheet", qtbot)
    page = screen.page
    skip_to(qtbot, screen, SegmentKind.HOLD)
    assert page.side.text() == "LEFT leg back" and page.rep.text() == "Hold 1 of 3"
    assert screen.controller.engine.duration() == 45  # a fixed prescription
    assert page.caution.text() == texts.translate(texts.STRETCH_CAUTION)
    assert not page.author_caution.isVisibleTo(page)
    qtbot.keyClick(screen, Qt.Key.Key_Up)  # a fixed hold cannot be lengthened
    assert screen.controller.engine.duration() == 45
    skip_to(qtbot, screen, SegmentKind.REST)
    assert page.instructions.plain_text().endswith(texts.translate(texts.REST_STRETCH))
    assert "wall" not in page.instructions.plain_text()
    skip_to(qtbot, screen, SegmentKind.SET)
    assert page.side.text() == "" and not page.side.isVisibleTo(page)
    assert page.rep.text() == "Set 1 of 3 · Rep 1 of 12" and page.tempo.text() == "↑ UP"
    skip_to(qtbot, screen, SegmentKind.ICE)
    assert screen.controller.engine.duration() == 900
    assert page.caution.text() == texts.translate(texts.ICE_SAFETY)
    assert page.countdown.text() == "15:00"


def test_a_warm_up_counted_in_reps_takes_the_runners_own_pace_by_key(
        qtbot: QtBot, window: MainWindow) -> None:
    screen, clock, heard = start(window, "dynamic-warm-up", qtbot)
    page = screen.page
    skip_to(qtbot, screen, SegmentKind.SET, label="Heel walks")
    engine = screen.controller.engine
    assert page.tempo.text() == texts.translate(texts.PRESS_ENTER_REP)
    assert page.countdown.text() == "0/10"
    assert engine.next_wakeup() is None  # nothing to time: no timer wakes the app
    clock.advance(600)  # however long the runner takes
    screen.controller.process()
    assert engine.segment.label == "Heel walks" and engine.state is State.RUNNING
    for n in range(1, 10):
        qtbot.keyClick(screen, Qt.Key.Key_Return)
        assert page.countdown.text() == f"{n}/10"
    assert [c for c, _, _ in heard][-2:] == [Cue.REP, Cue.LAST_REP]
    assert heard[-2][1] == "8"  # the eighth rep, spoken
    qtbot.keyClick(screen, Qt.Key.Key_Return)  # the tenth: the set is done
    assert engine.segment.kind is SegmentKind.REST and page.rep.text() == "After set 1 of 2"
    skip_to(qtbot, screen, SegmentKind.SET, label="Walking lunges")
    assert page.tempo.text() == texts.translate(texts.PRESS_ENTER_SET)
    qtbot.keyClick(screen, Qt.Key.Key_Return)  # one press: the whole set
    assert engine.segment.kind is SegmentKind.MESSAGE


def test_warm_and_cold_rounds_show_heat_safety_and_the_short_cold_text(
        qtbot: QtBot, window: MainWindow) -> None:
    screen, _clock, _heard = start(window, "contrast-rounds", qtbot)
    page = screen.page
    skip_to(qtbot, screen, SegmentKind.HEAT)
    assert page.phase == "heat" and page.caution.text() == texts.translate(texts.HEAT_SAFETY)
    skip_to(qtbot, screen, SegmentKind.ICE)
    assert page.caution.text() == texts.translate(texts.ICE_SAFETY_SHORT)
    assert "5 minutes" not in page.caution.text()
    plan = screen.plan
    assert plan.cold_s == 180 and sum(1 for s in plan.segments if s.kind is SegmentKind.HEAT) == 3


def test_a_routine_in_german_shows_its_own_words_and_english_where_it_has_them(
        qtbot: QtBot, window: MainWindow) -> None:
    window.library_page.select("wadenprogramm")
    assert window.library_page.title.plain_text().startswith("Calf programme after a soleus")
    german = load("german").localized("de")
    assert german.name.startswith("Wadenprogramm") and len(german.name) > 100
    assert german.steps[0].name == "Soleus-Dehnung an der Wand"
    english = load("german").localized("en")
    assert english.steps[1].name == "Bent-knee heel raise"
    assert english.steps[2].name == "Eis"  # not translated: as written
    assert load("german").localized("fr").name == german.name  # no French: the file's own


def test_bundled_routines_come_in_english_and_german() -> None:
    from soleus_coach.protocol import load_library

    library = load_library(paths.bundled_protocols_dir(), None, paths.assets_dir())
    assert {"soleus-strength", "eccentric-heel-drops"} <= {p.id for p in library.protocols}
    for protocol in library.protocols:
        de = protocol.localized("de")
        assert de.name != protocol.name, protocol.id
        for en_step, de_step in zip(protocol.steps, de.steps, strict=True):
            assert de_step.name != en_step.name, (protocol.id, en_step.name)
            assert de_step.instructions != en_step.instructions or not en_step.instructions


# --------------------------------------------------------------------------- the rules


def _v2(steps: list[dict[str, Any]], **top: Any) -> bytes:
    return json.dumps({"format": 2, "id": "t", "name": "T", "summary": "S.", "when": "post-run",
                       "steps": steps, **top}).encode()


def _ice(minutes: float, name: str = "Ice") -> dict[str, Any]:
    return {"kind": "ice", "name": name, "duration_s": minutes * 60, "instructions": ["Cloth."]}


def _rest(seconds: float = 1) -> dict[str, Any]:
    return {"kind": "rest", "name": "Off", "duration_s": seconds}


def errors(data: bytes) -> list[str]:
    try:
        parse_bytes(data, "t.json")
    except ProtocolInvalid as exc:
        return [str(e) for e in exc.errors]
    return []


def test_ice_steps_that_add_up_past_20_minutes_are_refused_with_the_steps_named() -> None:
    found = errors(_v2([_ice(20, "A"), _rest(), _ice(20, "B"), _rest(), _ice(20, "C"),
                        _rest(), _ice(20, "D")]))
    assert len(found) == 1
    assert "the ice steps 1 ('A', up to 20 min), 3 ('B', up to 20 min), 5 ('C', up to 20 " \
           "min), 7 ('D', up to 20 min) add up to 80 min" in found[0]
    assert "at most 20 minutes of ice" in found[0]
    adjustable = dict(_ice(5), duration_s={"default": 300, "max": 900})
    assert "add up to 25 min" in errors(_v2([_ice(10), adjustable]))[0]  # the longest counts
    assert errors(_v2([_ice(10), _rest(600), _ice(10)])) == []  # 10 on / 10 off / 10 on
    assert load_file(paths.bundled_protocols_dir() / "intermittent-ice.json",
                     paths.assets_dir()).id == "intermittent-ice"


def test_a_pre_run_routine_has_no_ice_and_sides_say_what_they_mean() -> None:
    assert "has no ice" in errors(_v2([_ice(10)], when="pre-run"))[0]
    stretch = {"kind": "stretch", "name": "S", "hold_s": 30, "reps": 2, "rest_s": 5,
               "sides": "both", "instructions": ["x"]}
    assert "side_is" in errors(_v2([stretch]))[0]
    counted = {"kind": "strength", "name": "R", "sets": 2, "reps": 10, "rest_s": 30,
               "sides": "none", "instructions": ["x"]}
    assert "give exactly one of tempo" in errors(_v2([counted]))[0]
    both = dict(counted, hold_s=30, tempo={"up": 1, "down": 1})
    assert "not both" in errors(_v2([both]))[0]
    zero = dict(counted, tempo={"hold": 0})
    assert "at least 1 second" in errors(_v2([zero]))[0]
    assert "got the text" not in errors(_v2([dict(counted, reps="ten", self_paced="rep")]))[0]
    assert "a number, or an object with default" in errors(
        _v2([dict(counted, reps="ten", self_paced="rep")]))[0]


def test_the_id_rule_says_exactly_which_characters_are_allowed() -> None:
    found = errors(_v2([_ice(5)], id="Mein-Übungsplan"))
    assert "may use only lower-case ASCII letters a–z, digits 0–9 and dashes" in found[0]


_settings = st.builds(Settings, ice_s=st.none() | st.floats(60, 1200),
                      hold_s=st.none() | st.floats(5, 120), reps=st.none() | st.integers(1, 10))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(1, 20), st.integers(1, 20), st.integers(0, 300)),
                min_size=1, max_size=6), _settings, st.lists(st.sampled_from(["up", "right"]),
                                                             max_size=60))
def test_no_routine_setting_or_key_runs_more_than_20_minutes_of_cold(
        ice: list[tuple[int, int, int]], prefs: Settings, keys: list[str]) -> None:
    """Format 1 still accepts ice steps adding up past 20 minutes (four 20-minute steps with
    1-second rests validated): the plan caps them, and no key lengthens cold."""
    steps = []
    for default, top, rest in ice:
        lo, hi = sorted((default, top))
        steps.append({"kind": "ice", "name": "Ice", "instructions": ["x"],
                      "duration_s": {"default": (lo + hi) / 2 * 60, "min": lo * 60,
                                     "max": hi * 60}})
        steps.append({"kind": "rest", "name": "Off", "duration_s": max(1, rest)})
    doc = minimal_protocol(steps=steps)
    protocol = parse_bytes(json.dumps(doc).encode(), "t.json")
    plan = build_plan(protocol, prefs)
    assert plan.cold_s <= safety.ICE_HARD_MAX_S
    clock = FakeClock()
    engine = Engine(plan, clock)
    engine.start()
    cold = 0.0
    for key in keys:
        if engine.state is not State.RUNNING:
            break
        if key == "up":
            engine.adjust_hold(5)
        else:
            seg = engine.segment
            if seg.kind is SegmentKind.ICE:
                cold += engine.duration()
            engine.skip()
    assert all(engine.duration(i) <= seg.duration_s for i, seg in enumerate(plan.segments)
               if seg.kind is SegmentKind.ICE)
    assert cold <= safety.ICE_HARD_MAX_S


def test_a_capped_format_1_routine_says_so_on_its_ice() -> None:
    doc = minimal_protocol(steps=[_ice(20), _rest(), _ice(20)])
    for step in doc["steps"]:
        if step["kind"] == "ice":
            step["duration_s"] = {"default": 1200, "min": 300, "max": 1200}
    plan = build_plan(parse_bytes(json.dumps(doc).encode(), "t.json"), Settings())
    assert plan.cold_s == 1200 and [s.kind for s in plan.segments].count(SegmentKind.ICE) == 1
    (ice,) = [s for s in plan.segments if s.kind is SegmentKind.ICE]
    assert texts.translate(texts.ICE_CAPPED) in ice.notes
    assert plan.segments[0].notes == ("Starting: Test routine",)  # get ready: one line


def test_heat_is_left_out_on_a_swollen_calf_and_ice_again_soon_is_reminded() -> None:
    contrast = load("contrast")
    now = datetime(2026, 12, 2, 18, tzinfo=UTC)
    rules = safety.before_routine(contrast, checkin=CheckIn(pain=2, swelling=True),
                                  last_ice_end=now - timedelta(minutes=70), now=now)
    assert rules.no_heat
    assert texts.ICE_AGAIN_SOON in rules.ice_notices
    assert texts.ICE_CONTRAINDICATIONS in rules.ice_notices
    plan = build_plan(contrast, Settings(), PlanContext(
        rules.no_heat, tuple(texts.translate(n) for n in rules.ice_notices)))
    assert not any(s.kind is SegmentKind.HEAT for s in plan.segments)
    assert [s.label for s in plan.segments].count(texts.translate(texts.HEAT_LEFT_OUT_TITLE)) == 3
    first_ice = next(s for s in plan.segments if s.kind is SegmentKind.ICE)
    assert texts.translate(texts.ICE_AGAIN_SOON) in first_ice.notes
    later = safety.before_routine(contrast, checkin=CheckIn(pain=2), now=now,
                                  last_ice_end=now - timedelta(hours=3))
    assert not later.no_heat and texts.ICE_AGAIN_SOON not in later.ice_notices


def test_the_window_reminds_of_the_last_ice_before_another_icing(
        qtbot: QtBot, window: MainWindow) -> None:
    from soleus_coach.history.records import SegmentRecord, SessionRecord, Status

    now = datetime.now(UTC)
    rec = SessionRecord(uid="iced", protocol_id="ice-timer", protocol_name="Ice timer",
                        protocol_digest="d", started_at=now - timedelta(minutes=50),
                        planned_s=1200, status=Status.COMPLETED)
    rec.segments = [SegmentRecord(0, "ice", "Ice", None, 0, 1200, 1200, "completed",
                                  now - timedelta(minutes=30))]
    window.history.save(rec)
    screen, _, _ = start(window, "physio-sheet", qtbot)
    while screen.controller.engine.segment.kind is not SegmentKind.ICE:  # on the ice step
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert texts.translate(texts.ICE_AGAIN_SOON) in screen.page.notes.plain_text()


# --------------------------------------------------------------------------- format 1


def _plan_dump(plan: Any) -> list[dict[str, Any]]:
    return [{"kind": g.kind.value, "step": g.step_index, "label": g.label,
             "duration": g.duration_s, "side": g.side.value if g.side else None, "rep": g.rep,
             "reps": g.reps, "cues": [[c.cue.value, c.offset_s, c.from_end] for c in g.cues],
             "adjustable": [g.adjustable.default, g.adjustable.minimum, g.adjustable.maximum]
             if g.adjustable else None, "next": g.next_label} for g in plan.segments]


def test_every_format_1_fixture_loads_and_plans_exactly_as_before() -> None:
    golden = json.loads((FORMAT1 / "plans.json").read_text(encoding="utf-8"))
    variants = {"default": Settings(),
                "right-long": Settings(injured_leg=Leg.RIGHT, hold_s=25, reps=4, ice_s=400,
                                       get_ready_s=5)}
    assert len(golden) == 10
    for key, expected in golden.items():
        name, variant = key.split(":")
        protocol = load_file(FORMAT1 / name, paths.assets_dir())
        assert protocol.format == 1
        assert _plan_dump(build_plan(protocol, variants[variant])) == expected, key


def test_upgrading_a_format_1_file_keeps_its_plan(tmp_path: Path) -> None:
    for path in sorted(FORMAT1.glob("*-*.json")):
        out = io.StringIO()
        assert cli.main(["upgrade", str(path)], out) == 0
        upgraded = tmp_path / path.name
        upgraded.write_text(out.getvalue(), encoding="utf-8")
        new = load_file(upgraded, paths.assets_dir())
        old = load_file(path, paths.assets_dir())
        assert new.format == 2
        assert _plan_dump(build_plan(new, Settings())) == _plan_dump(build_plan(old, Settings()))
        assert replace(new, path=None, digest="", format=1) == replace(old, path=None,
                                                                       digest="")


def test_the_examples_in_the_authors_guide_are_valid() -> None:
    """docs/protocol-format.md: the complete example validates, and so does each step of
    the one-per-kind block (put into a routine of its own)."""
    import re

    text = (ROOT / "docs" / "protocol-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.S)
    assert len(blocks) >= 2
    parse_bytes(blocks[0].encode(), "example.json", paths.bundled_protocols_dir(),
                paths.assets_dir())
    steps = [json.loads(chunk) for chunk in blocks[1].split("\n\n") if chunk.strip()]
    kinds = {step["kind"] for step in steps}
    assert kinds == {"stretch", "strength", "exercise", "heat", "ice", "rest", "instruction"}
    for step in steps:
        when = "any" if step["kind"] != "ice" else "post-run"
        parse_bytes(_v2([step], when=when), "step.json", None, paths.assets_dir())
