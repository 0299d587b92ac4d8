"""What broke in a new user's first hour, each driven the way the person drove it: the
command line's ``--start`` on a first start, Esc on a red flag's question, "it hurts" on a
heel raise, the history's words, the session screen, the totals, the import, the editor.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach import cli, paths
from soleus_coach.checkin import CheckIn
from soleus_coach.gui import application
from soleus_coach.gui.common import errors
from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.checkin_dialog import CheckInDialog
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.gui.session.safety_dialogs import FirstRunDialog
from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog
from soleus_coach.history.records import EventRecord, SegmentRecord, SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.protocol import load_file
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind, build_plan
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, minimal_protocol, running, write_protocol

NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
SETTLED = {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "right"}


def shown_dialogs() -> list[str]:
    return sorted(w.objectName() for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible())


def window(qtbot: QtBot, data: Path, settings: dict[str, object] | None = None,
           clock: FakeClock | None = None) -> MainWindow:
    if settings is not None:
        (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    win = MainWindow(app_services(data, clock or FakeClock(), now=lambda: NOW.astimezone(),
                                  today=lambda: NOW.date()))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def one_dialog(qtbot: QtBot, name: str) -> QDialog:
    """Exactly one dialog is open, ``name``, and it has the keyboard."""
    qtbot.waitUntil(lambda: shown_dialogs() == [name], timeout=3000)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.objectName() == name)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


# ----------------------------------------------------------------------------- questions


def test_a_first_start_with_start_asks_one_question_at_a_time_in_a_sensible_order(
        qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``soleus-coach --start post-run-soleus`` on a first start (the desktop file's action,
    the reminder): the notice, the set-up (Not sure), which calf for this routine, how much
    it hurts: each alone, in that order; then the routine."""
    monkeypatch.setattr(errors, "install", lambda: None)  # pytest-qt keeps the hook
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    win = application.launch(app, "post-run-soleus")  # what `soleus-coach --start` runs
    qtbot.addWidget(win)
    notice = one_dialog(qtbot, "firstRunNotice")
    assert isinstance(notice, FirstRunDialog)
    qtbot.keyClick(notice, Qt.Key.Key_Return)  # I understand
    setup = one_dialog(qtbot, "setupDialog")
    assert isinstance(setup, SetupDialog)
    qtbot.keyClick(setup, Qt.Key.Key_N)  # not sure which calf
    qtbot.keyClick(setup, Qt.Key.Key_Return)
    leg = one_dialog(qtbot, "legQuestion")  # which calf, before how much it hurts
    assert isinstance(leg, LegQuestion)
    qtbot.keyClick(leg, Qt.Key.Key_L)
    checkin = one_dialog(qtbot, "checkInBefore")
    assert isinstance(checkin, CheckInDialog)
    qtbot.keyClick(checkin, Qt.Key.Key_3)
    qtbot.keyClick(checkin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
    assert shown_dialogs() == []
    assert win.recorder is not None and win.recorder.record.leg == "left"
    stored = SettingsStore(data_dir / "settings.json").load()
    assert stored.first_run_acknowledged and stored.injured_leg is Leg.NOT_SURE
    win.close()


def test_esc_on_the_first_notice_does_not_start_the_routine_asked_for(
        qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir)
    assert win.start_routine("post-run-soleus")
    notice = one_dialog(qtbot, "firstRunNotice")
    qtbot.keyClick(notice, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shown_dialogs() == [])
    assert win.session is None and not win.flow.busy
    assert "read the safety notice first" in win.statusBar().currentMessage()


# ----------------------------------------------------------------------------- red flags


def seed_red_flag(data: Path) -> None:
    store = open_store(data / "history.sqlite3")
    rec = SessionRecord(uid="rf", protocol_id="post-run-soleus", protocol_name="Post-run",
                        protocol_digest="d", started_at=NOW - timedelta(days=1),
                        planned_s=1450, status=Status.COMPLETED, active_s=1400,
                        after=CheckIn(pain=8))
    rec.ended_at = rec.started_at + timedelta(seconds=1400)
    rec.events = [EventRecord(rec.ended_at, "red_flag_after", '{"flags":["severe_pain"]}')]
    store.save(rec)
    store.close()


def test_home_says_the_last_check_in_had_a_red_flag_and_enter_cannot_skip_it(
        qtbot: QtBot, data_dir: Path) -> None:
    seed_red_flag(data_dir)
    win = window(qtbot, data_dir, SETTLED)
    qtbot.waitUntil(lambda: win.home.red_flag.isVisible(), timeout=3000)
    text = win.home.red_flag.plain_text()
    assert "warning signs (pain of 7/10 or more)" in text and "see a doctor" in text
    qtbot.keyClick(win.home, Qt.Key.Key_Return)  # the routine of the moment
    checkin = one_dialog(qtbot, "checkInBefore")
    qtbot.keyClick(checkin, Qt.Key.Key_Return)  # nothing answered: not into the stretches
    assert checkin.isVisible() and win.session is None
    qtbot.keyClick(checkin, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shown_dialogs() == [])
    assert win.session is None and "was not started" in win.statusBar().currentMessage()


def test_the_finish_page_has_no_well_done_above_see_a_doctor_and_says_it_once(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = window(qtbot, data_dir, SETTLED, clock)
    assert win.start_session("calf-stretch-only")
    screen = running(qtbot, win)
    clock.advance(10_000)
    screen.controller.process()
    page = win.flow.finish_page
    assert page is not None and page.title.text() == "Routine complete. Well done!"
    for key in (Qt.Key.Key_8, Qt.Key.Key_Return):  # pain 8 after
        qtbot.keyClick(page, key)
    shown = page.guidance_text()
    assert page.title.text() == "Routine complete."
    assert shown.lower().count("see a doctor") == 1, shown


# ----------------------------------------------------------------------------- it hurts


def to_segment(win: MainWindow, kind: SegmentKind, label: str = "") -> None:
    screen = win.session
    assert screen is not None
    for _ in range(200):
        seg = screen.controller.engine.segment
        if seg.kind is kind and label in seg.label:
            return
        screen.controller.skip()
    raise AssertionError(f"no {kind} {label}")


def test_it_hurts_in_a_heel_raise_speaks_of_loading_and_is_recorded_as_hurt(
        qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir, SETTLED)
    assert win.start_session("soleus-strength")
    running(qtbot, win)
    to_segment(win, SegmentKind.SET)
    screen = win.session
    assert screen is not None
    qtbot.keyClick(screen, Qt.Key.Key_H)
    dialog = one_dialog(qtbot, "itHurts")
    body = dialog.findChild(QLabel, "itHurtsBody")
    assert body is not None and "5 out of 10" in body.text()
    gently = dialog.findChild(QWidget, "hurt_continue_gently")
    assert "front knee" not in body.text() + gently.text()  # type: ignore[union-attr]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the default: stop
    assert screen.state is State.STOPPED
    assert win.recorder is not None
    assert [s.outcome for s in win.recorder.record.segments if s.kind == "set"][-1] == "hurt"


def test_it_hurts_in_a_stretch_of_a_routine_with_ice_goes_on_to_the_ice(
        qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir, SETTLED)
    assert win.start_session("post-run-soleus")
    running(qtbot, win)
    to_segment(win, SegmentKind.HOLD)
    screen = win.session
    assert screen is not None
    qtbot.keyClick(screen, Qt.Key.Key_H)
    dialog = one_dialog(qtbot, "itHurts")
    assert "Hold ended. Sharp pain means stop." in \
        dialog.findChild(QLabel, "itHurtsBody").text()  # type: ignore[union-attr]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # the default here: stop the stretches, ice
    assert screen.controller.engine.segment.kind is SegmentKind.ICE
    assert screen.state is State.RUNNING
    assert win.recorder is not None
    (event,) = [e for e in win.recorder.record.events if e.kind == "it_hurts"]
    assert json.loads(event.detail)["choice"] == "to_ice"


# ----------------------------------------------------------------------------- history


def test_the_history_says_everything_in_words(qtbot: QtBot, data_dir: Path) -> None:
    seed_red_flag(data_dir)
    store = open_store(data_dir / "history.sqlite3")
    rec = SessionRecord(uid="hurt", protocol_id="x", protocol_name="Heel drops",
                        protocol_digest="d", started_at=NOW - timedelta(hours=5),
                        planned_s=600, status=Status.STOPPED, active_s=100, leg="not_sure",
                        before=CheckIn(pain=7, pain_at_rest=True))
    rec.ended_at = rec.started_at + timedelta(seconds=120)
    rec.segments = [SegmentRecord(0, "set", "Heel drop", "left", 2, 40, 12, "hurt",
                                  rec.ended_at)]
    rec.events = [
        EventRecord(rec.ended_at, "it_hurts", json.dumps(
            {"at_s": 50, "choice": "to_ice", "segment": "Heel drop", "side": "left"})),
        EventRecord(rec.ended_at, "red_flag", json.dumps(
            {"flags": ["pain_at_rest", "severe_pain"], "choice": "dont_stretch"})),
        EventRecord(rec.ended_at, "from_a_newer_version", "{oops"),
    ]
    store.save(rec)
    store.close()
    win = window(qtbot, data_dir, SETTLED)
    win.actions_by_id[ActionId.HISTORY].trigger()
    hw = win.history_window
    assert hw is not None
    for uid in ("hurt", "rf"):
        hw.select(uid)
        shown = hw.detail_meta.text() + "\n" + hw.segments.toPlainText()
        for internal in ("red_flag", "{", "_", "severe_pain", "(left 2)", "MANUAL"):
            assert internal not in shown, (internal, shown)
    hw.select("hurt")
    shown = hw.segments.toPlainText()
    assert "Heel drop (left leg, set 2)" in shown and "ended: it hurt" in shown
    assert "went on to the ice" in shown
    assert "Warning signs before the routine (pain at rest, pain of 7/10 or more): " \
           "did not stretch" in shown
    assert "A note this version cannot read" in shown
    assert "Injured leg: not sure" in hw.detail_meta.text()


# ----------------------------------------------------------------------------- the screen


def test_the_session_screen_says_nothing_it_contradicts(qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir, SETTLED)
    assert win.start_session("post-run-soleus")
    screen = running(qtbot, win)
    page = screen.page
    # Get ready: one short line, not numbered as if it were a step.
    assert screen.controller.engine.segment.kind is SegmentKind.GET_READY
    assert page.notes.plain_text() == "Starting: Post-run soleus recovery"
    assert not page.instructions.isVisible()
    to_segment(win, SegmentKind.HOLD)
    # The hold starts at its longest: "+ 5 s" greyed, with the range beside it saying why.
    assert page.hold_range.isVisible() and page.hold_range.text() == "20–30 s"
    assert not page.longer_button.isEnabled() and page.shorter_button.isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_Down)
    assert page.longer_button.isEnabled()
    to_segment(win, SegmentKind.REST)
    assert not page.side.isVisible()  # no "RIGHT leg back" while resting
    assert not page.hold_range.isVisible()
    to_segment(win, SegmentKind.ICE)
    assert "Before you use ice" in page.notes.plain_text()  # the ice's safety, on the ice


# ----------------------------------------------------------------------------- totals


def test_every_surface_gives_a_routine_the_same_duration(
        qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    """By hand: get ready 10 s + two legs × (10 s into position + 3 × 30 s + 2 × 10 s) +
    20 min of ice = 24:10. The command line, All routines, the editor's preview and the
    history's planned time all say so."""
    expected = "24:10"
    out = io.StringIO()
    assert cli.main(["list"], out) == 0
    assert expected in next(line for line in out.getvalue().splitlines()
                            if line.startswith("post-run-soleus "))
    win = window(qtbot, data_dir, SETTLED)
    page = win.library_page
    page.select("post-run-soleus")
    assert expected in page.meta.plain_text()  # type: ignore[attr-defined]
    win.editors.customize("post-run-soleus")
    editor = win.editors.editors[-1]
    editor.check_now()
    assert editor.total_label.text() == f"Total {expected}"
    protocol = load_file(paths.bundled_protocols_dir() / "post-run-soleus.json",
                         paths.assets_dir())
    assert build_plan(protocol, Settings()).total_s == 24 * 60 + 10


def test_four_times_twenty_minutes_of_ice_lists_as_twenty(tmp_path: Path,
                                                           data_dir: Path) -> None:
    doc = minimal_protocol(id="lots-of-ice", name="Lots of ice")
    ice = {"kind": "ice", "name": "Ice", "duration_s": {"default": 1200, "min": 300,
                                                          "max": 1200},
           "instructions": ["Wrap it."]}
    doc["steps"] = [ice, ice, ice, ice]
    write_protocol(data_dir / "protocols", "ice.json", doc)
    out = io.StringIO()
    assert cli.main(["list"], out) == 0
    line = next(x for x in out.getvalue().splitlines() if x.startswith("lots-of-ice"))
    assert "20:10" in line and "1:20" not in line  # get ready + the 20 min cap


# ----------------------------------------------------------------------------- sound


def test_no_word_about_missing_sound_back_ends_at_start(data_dir: Path) -> None:
    """playsound3 logs "No supported audio backends" when its own players are missing;
    ours (paplay, pw-play, aplay) are not among its, so it said so though sound worked."""
    code = ("import logging, sys; from soleus_coach.logs import setup_logging; "
            f"setup_logging(__import__('pathlib').Path({str(data_dir / 'logs')!r})); "
            "import soleus_coach.audio.backends")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={"PATH": "/nonexistent", "HOME": str(data_dir)})
    assert done.returncode == 0, done.stderr
    assert "No supported audio backends" not in done.stderr


# ----------------------------------------------------------------------------- import


def test_file_import_of_ones_own_routine_asks_replace_keep_both_or_cancel(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    write_protocol(data_dir / "protocols", "mine.json",
                   minimal_protocol(id="mine", name="Mine"))
    incoming = write_protocol(tmp_path, "mine.json",
                              minimal_protocol(id="mine", name="Mine, from my physio"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(incoming), "")))
    win = window(qtbot, data_dir, SETTLED)
    for answer, expected in (("Cancel", {"mine": "Mine"}),
                             ("&Keep both", {"mine": "Mine",
                                             "mine-2": "Mine, from my physio (imported)"}),
                             ("&Replace", {"mine": "Mine, from my physio",
                                           "mine-2": "Mine, from my physio (imported)"})):
        win.actions_by_id[ActionId.IMPORT].trigger()  # File → Import routine…
        (box,) = [b for b in win.findChildren(QMessageBox, "replaceProtocol") if b.isVisible()]
        assert "Your routine “Mine” has the same id (mine)" in box.text()
        button = next(b for b in box.buttons() if b.text() == answer)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        own = {p.id: p.name for p in win.library.protocols if p.path is not None
               and p.path.parent == data_dir / "protocols"}
        assert own == expected, answer


def test_importing_a_bundled_routines_file_never_replaces_it_nor_another_routines_picture(
        data_dir: Path, tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect/></svg>'
    other = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle/></svg>'
    (data_dir / "protocols" / "pictures").mkdir(parents=True)
    (data_dir / "protocols" / "pictures" / "calf.svg").write_bytes(svg)  # another routine's
    name = "calf-stretch-only"
    doc = json.loads((paths.bundled_protocols_dir() / f"{name}.json").read_text("utf-8"))
    doc["steps"][0]["name"] = "Stretch, my way"
    doc["steps"][0]["illustration"] = "pictures/calf.svg"
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "calf.svg").write_bytes(other)
    (tmp_path / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
    out = io.StringIO()
    assert cli.main(["import", str(tmp_path / f"{name}.json")], out) == 0, out.getvalue()
    said = out.getvalue()
    assert f"imported as {name}-2" in said and f"{name} is kept as it is" in said
    assert "pictures/calf.svg saved as pictures/calf-2.svg" in said
    assert (data_dir / "protocols" / "pictures" / "calf.svg").read_bytes() == svg
    copy = load_file(data_dir / "protocols" / f"{name}-2.json", paths.assets_dir())
    assert copy.steps[0].illustration.read_bytes() == other  # type: ignore[union-attr]
    assert not (data_dir / "protocols" / f"{name}.json").exists()
    out = io.StringIO()
    assert cli.main(["import", str(tmp_path / f"{name}.json")], out) == 0
    assert "already there" in out.getvalue()  # the same again: nothing written


def test_the_command_line_refuses_an_own_id_without_replace(data_dir: Path,
                                                             tmp_path: Path) -> None:
    write_protocol(data_dir / "protocols", "mine.json", minimal_protocol(id="mine"))
    incoming = write_protocol(tmp_path, "x.json", minimal_protocol(id="mine", name="Other"))
    out = io.StringIO()
    assert cli.main(["import", str(incoming)], out) == 1
    assert "add --replace to replace it" in out.getvalue()
    out = io.StringIO()
    assert cli.main(["import", "--replace", str(incoming)], out) == 0
    assert json.loads((data_dir / "protocols" / "mine.json").read_text())["name"] == "Other"


def test_a_zip_with_a_file_and_a_folder_of_one_name_is_refused_once(
        qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "shared.zip"
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr("r.json", json.dumps(minimal_protocol(id="r")))
        zf.writestr("p.png", b"\x89PNG")
        zf.writestr("p.png/x.svg", b"<svg/>")
    win = window(qtbot, data_dir, SETTLED)
    assert not win.import_protocol(source)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in win.findChildren(QMessageBox)))
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert [b.objectName() for b in boxes] == ["importErrors"]  # said once, not "Replace it?"
    assert not (data_dir / "protocols" / "r.json").exists()


# ----------------------------------------------------------------------------- editor


def test_naming_a_routine_like_a_bundled_one_is_said_at_once_with_customize_instead(
        qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir, SETTLED)
    win.editors.new_action.trigger()
    editor = win.editors.editors[-1]
    qtbot.waitExposed(editor)
    editor.name_edit.setFocus()
    qtbot.keyClicks(editor.name_edit, "Ice timer")
    editor.check_now()
    assert not editor.save_button.isEnabled()
    assert any("Another routine is called “Ice timer”" in p.message for p in editor.problems)
    button = editor.routine_pane.customize_instead
    assert button.isVisible() and "Customize “Ice timer” instead" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.editors.editors[-1].draft.name == "Ice timer (my version)"
