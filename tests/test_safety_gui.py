"""Safety as a person meets it: first-run notice, red flags, "it hurts", ice cap, trend."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.checkin import CheckIn
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.checkin_dialog import CheckInDialog
from soleus_coach.gui.session.safety_dialogs import FirstRunDialog, RedFlagDialog
from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.safety import HurtChoice, ItHurts, RedFlag, RedFlagChoice, RedFlagDecision
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from soleus_coach.settings import SettingsStore
from tests.conftest import (
    app_services,
    minimal_protocol,
    running,
    skip_to_first_hold,
    write_protocol,
)


def make_window(qtbot: QtBot, data: Path, settings: dict[str, object] | None = None,
                clock: FakeClock | None = None) -> MainWindow:
    if settings is not None:
        (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    win = MainWindow(app_services(data, clock or FakeClock()))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


#: The notice read, the sore calf known (the leg question has its own tests: test_home.py).
ACK = {"first_run_acknowledged": True, "injured_leg": "left"}


def labels(widget: QWidget) -> str:
    return "\n".join(lb.text() for lb in widget.findChildren(QLabel))


def dialog_of(qtbot: QtBot, win: MainWindow, cls: type) -> object:
    qtbot.waitUntil(lambda: isinstance(win.safety_dialog, cls))
    dialog = win.safety_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def check_in(qtbot: QtBot, win: MainWindow, pain: str, *flags: str) -> None:
    dialog = win.checkin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, pain)
    for name in flags:
        qtbot.keyClick(dialog.flags[name], Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)


# ---------------------------------------------------------------- first run


def test_first_run_notice_is_acknowledged_once_and_reopens_from_help(
        qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir)
    dialog = dialog_of(qtbot, win, FirstRunDialog)
    assert isinstance(dialog, FirstRunDialog)
    text = labels(dialog)
    assert "blood clot" in text and "see a doctor first" in text
    assert "point of pain" in text and "emergency help" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "I understand"
    assert SettingsStore(data_dir / "settings.json").load().first_run_acknowledged
    win.close()

    again = make_window(qtbot, data_dir)
    qtbot.wait(50)
    assert again.safety_dialog is None  # not shown twice
    action = next(a for a in again.help_menu.actions() if a.text() == "&Safety notice")
    action.trigger()
    assert isinstance(again.safety_dialog, FirstRunDialog) and again.safety_dialog.isVisible()


def test_closing_the_notice_without_acknowledging_shows_it_next_time(
        qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir)
    dialog = dialog_of(qtbot, win, FirstRunDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not SettingsStore(data_dir / "settings.json").load().first_run_acknowledged


# ---------------------------------------------------------------- red flags


def test_red_flag_advice_defaults_to_not_stretching_and_is_recorded(
        qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, ACK)
    assert win.start_session("post-run-soleus")
    check_in(qtbot, win, "3", "swelling")
    dialog = dialog_of(qtbot, win, RedFlagDialog)
    assert isinstance(dialog, RedFlagDialog)
    text = labels(dialog)
    assert "Please see a doctor before stretching" in text
    assert "blood clot in a deep vein" in text  # why, in plain words
    assert dialog.dont_button.isDefault() and dialog.continue_button is not None
    assert not dialog.continue_button.isDefault() and not dialog.continue_button.autoDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter means "don't stretch today"
    assert win.session is None
    (row,) = win.history.sessions()
    rec = win.history.session(row.uid)
    assert rec is not None and rec.status is Status.STOPPED and rec.active_s == 0
    assert rec.before == CheckIn(pain=3, swelling=True)
    (event,) = rec.events
    assert event.kind == RedFlagDecision.KIND
    assert RedFlagDecision.from_detail(event.detail) == RedFlagDecision(
        (RedFlag.SWELLING,), RedFlagChoice.DONT_STRETCH)


def test_escape_also_means_not_stretching(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, ACK)
    win.start_session("calf-stretch-only")
    check_in(qtbot, win, "2", "cannot_bear_weight")
    dialog = dialog_of(qtbot, win, RedFlagDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert win.session is None
    rec = win.history.session(win.history.sessions()[0].uid)
    assert rec is not None
    assert RedFlagDecision.from_detail(rec.events[0].detail).choice is RedFlagChoice.DONT_STRETCH


def test_continuing_needs_the_explicit_button_and_is_recorded(qtbot: QtBot,
                                                              data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, ACK)
    win.start_session("calf-stretch-only")
    check_in(qtbot, win, "8")  # 8/10: too much to stretch through
    dialog = dialog_of(qtbot, win, RedFlagDialog)
    assert isinstance(dialog, RedFlagDialog) and dialog.continue_button is not None
    assert "7/10 or more" in labels(dialog)
    assert dialog.continue_button.text() == "Continue — I've been checked"
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert win.session is not None and win.session.state is State.RUNNING
    assert win.recorder is not None
    (event,) = win.recorder.record.events
    assert RedFlagDecision.from_detail(event.detail) == RedFlagDecision(
        (RedFlag.SEVERE_PAIN,), RedFlagChoice.CONTINUE)
    assert win.history.session(win.recorder.record.uid).events == [event]  # type: ignore[union-attr]


def test_last_session_flags_bring_the_check_back(qtbot: QtBot, data_dir: Path) -> None:
    store = open_store(data_dir / "history.sqlite3")
    store.save(SessionRecord(uid="x", protocol_id="post-run-soleus", protocol_name="P",
                             protocol_digest="d", started_at=datetime.now(UTC) - timedelta(1),
                             planned_s=60, status=Status.COMPLETED,
                             after=CheckIn(pain=2, bruising=True)))
    store.close()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False})
    assert win.start_session("post-run-soleus")
    dialog = win.checkin_dialog
    assert dialog is not None, "the check-in is offered although it is switched off"
    note = dialog.findChild(QLabel, "checkInNote")
    assert note is not None and "last session noted warning signs" in note.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not into the stretches: not started
    assert win.session is None and not win.flow.busy
    assert "was not started" in win.statusBar().currentMessage()
    qtbot.keyClick(dialog := next_checkin(qtbot, win), Qt.Key.Key_Return)  # nothing answered
    assert dialog.isVisible() and dialog.findChild(QLabel, "answerFirst").isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_2)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # 2/10, no flags: it starts
    assert win.session is not None


def next_checkin(qtbot: QtBot, win: MainWindow) -> CheckInDialog:
    """Start the routine again, and its check-in."""
    assert win.start_session("post-run-soleus")
    dialog = win.checkin_dialog
    assert dialog is not None
    return dialog


# ---------------------------------------------------------------- it hurts


def start_hold(qtbot: QtBot, win: MainWindow, clock: FakeClock) -> None:
    assert win.start_session("calf-stretch-only")
    s = running(qtbot, win)
    skip_to_first_hold(qtbot, s)
    clock.advance(12)
    s.controller.process()


def test_it_hurts_ends_the_hold_and_stop_is_the_default(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False}, clock)
    start_hold(qtbot, win, clock)
    s = win.session
    assert s is not None
    label = s.controller.engine.segment.label
    qtbot.keyClick(s, Qt.Key.Key_H)
    assert s.controller.engine.segment.kind is not SegmentKind.HOLD  # the hold ended
    assert s.state is State.PAUSED  # the clock waits for the answer
    dialog = s.hurt_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert "Sharp pain means stop" in labels(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # default: stop
    assert s.state is State.STOPPED
    rec = win.recorder.record if win.recorder else None
    assert rec is not None
    hurt = [ItHurts.from_detail(e.detail) for e in rec.events if e.kind == ItHurts.KIND]
    assert len(hurt) == 1 and hurt[0].choice is HurtChoice.STOP
    assert hurt[0].segment == label and hurt[0].at_s > 0
    held = [g for g in rec.segments if g.kind == "hold"]
    assert held[-1].outcome == "hurt" and round(held[-1].actual_s) == 12  # not "skipped"


def test_it_hurts_continue_gently_resumes(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False}, clock)
    start_hold(qtbot, win, clock)
    s = win.session
    assert s is not None
    qtbot.keyClick(s, Qt.Key.Key_H)
    dialog = s.hurt_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert s.state is State.RUNNING
    assert "Continue gently" in s.page.status.text()
    assert win.recorder is not None
    event = ItHurts.from_detail(win.recorder.record.events[-1].detail)
    assert event.choice is HurtChoice.CONTINUE_GENTLY


# ---------------------------------------------------------------- stretch caution and ice


def test_caution_on_every_stretch_step_and_ice_safety_on_ice(qtbot: QtBot,
                                                             data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False}, clock)
    assert win.start_session("post-run-soleus")
    s = running(qtbot, win)
    seen = set()
    while s.state is State.RUNNING:
        seg = s.controller.engine.segment
        caution = s.page.caution.text() if s.page.caution.isVisible() else ""
        if seg.kind in (SegmentKind.HOLD, SegmentKind.POSITION):
            assert "Do not stretch to the point of pain" in caution, seg.label
        if seg.kind is SegmentKind.ICE:
            assert "cloth" in caution and "numb" in caution and "20 minutes at most" in caution
        seen.add(seg.kind)
        s.controller.skip()
    assert {SegmentKind.HOLD, SegmentKind.ICE} <= seen


def test_ice_never_runs_past_20_minutes_whatever_the_settings_say(qtbot: QtBot,
                                                                 data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False, "ice_s": 3600})
    assert "ice_s" in win.statusBar().currentMessage()  # the bad value is reported
    assert win.start_session("ice-timer") and win.session is not None
    ice = [seg for seg in win.session.plan.segments if seg.kind is SegmentKind.ICE]
    assert ice and all(seg.duration_s <= 1200 for seg in ice)
    assert sum(seg.duration_s for seg in ice) == 1200


def test_a_protocol_asking_for_more_ice_is_refused(qtbot: QtBot, data_dir: Path) -> None:
    doc = minimal_protocol(id="long-ice")
    doc["steps"][1]["duration_s"] = {"default": 1800, "min": 300, "max": 3600}
    write_protocol(data_dir / "protocols", "long-ice.json", doc)
    win = make_window(qtbot, data_dir, ACK)
    assert win.library.get("long-ice") is None
    (broken,) = win.library.broken
    assert any("at most 20 min" in str(e) for e in broken.errors)
    assert not win.start_session("long-ice")


# ---------------------------------------------------------------- after the session


def finish(qtbot: QtBot, win: MainWindow, clock: FakeClock, pain: str, *flags: str) -> str:
    """Run a routine to its end, answer the check-in on the finish page; the guidance
    shown there, if any (the finish page stays until Enter when there is some)."""
    assert win.start_session("calf-stretch-only")
    running(qtbot, win)
    clock.advance(10_000)
    win.session.controller.process()
    page = win.flow.finish_page
    assert page is not None and win.pages.currentWidget() is page
    qtbot.keyClick(page, pain)
    for name in flags:
        qtbot.keyClick(page.form.flags[name], Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    guidance = ""
    if win.session is not None:  # still there: advice to read
        assert page.guidance.isVisible()
        guidance = page.guidance_text()
        qtbot.keyClick(page, Qt.Key.Key_Return)  # then home
    assert win.session is None and win.pages.currentWidget() is win.home
    return guidance


def test_rising_pain_suggests_a_physical_therapist(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False}, clock)
    assert finish(qtbot, win, clock, "2") == ""
    assert finish(qtbot, win, clock, "3") == ""
    text = finish(qtbot, win, clock, "4")  # 2, 3, 4: rising
    assert "Pain not settling" in text and "physical therapist" in text
    assert finish(qtbot, win, clock, "2") == ""  # settling again: no advice


def test_flags_after_a_session_advise_a_doctor_and_gradual_training(qtbot: QtBot,
                                                                    data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, {**ACK, "ask_pain_before": False}, clock)
    text = finish(qtbot, win, clock, "3", "pain_at_rest")
    assert "Please see a doctor" in text and "Pain while you are resting" in text
    assert "Increasing distance or frequency too quickly" in text
    rec = win.history.session(win.history.sessions()[0].uid)
    assert rec is not None and rec.events[-1].kind == "red_flag_after"
