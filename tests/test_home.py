"""A runner's everyday path, walked with keys and clicks on a fake clock: first run, set-up,
the home screen, a routine on the right leg, Esc that waits, and the finish page."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach.gui.library.home_page import Moment
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.gui.session.safety_dialogs import FirstRunDialog
from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog
from soleus_coach.history.records import SessionRow, Status
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind, Side
from soleus_coach.settings import Leg, SettingsStore
from tests.conftest import app_services, run_until

EVENING = datetime(2026, 11, 20, 18, 30).astimezone()
MORNING = datetime(2026, 11, 20, 7, 15).astimezone()


def make_window(qtbot: QtBot, data: Path, clock: FakeClock, settings: dict[str, object] | None
                = None, now: datetime = EVENING) -> MainWindow:
    if settings is not None:
        (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    win = MainWindow(app_services(data, clock, now=lambda: now))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def front(qtbot: QtBot, win: MainWindow, cls: type) -> object:
    qtbot.waitUntil(lambda: isinstance(win.safety_dialog, cls), timeout=3000)
    dialog = win.safety_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def test_first_run_to_the_right_leg_esc_waits_and_the_finish_page_records_pain_after(
        qtbot: QtBot, data_dir: Path) -> None:
    """The issue's walk: first run -> notice -> set-up (right calf) -> home -> "After a run"
    -> the first hold is on the RIGHT leg; Esc pauses and Cancel resumes with the same
    remaining time; the finish page records pain-after."""
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock)
    notice = front(qtbot, win, FirstRunDialog)
    qtbot.keyClick(notice, Qt.Key.Key_Return)  # "I understand"
    setup = front(qtbot, win, SetupDialog)
    assert isinstance(setup, SetupDialog) and setup.leg is Leg.NONE  # nothing chosen for them
    qtbot.keyClick(setup, Qt.Key.Key_R)  # right calf
    qtbot.keyClick(setup, Qt.Key.Key_Return)  # done (asking about pain before stays on)
    saved = SettingsStore(data_dir / "settings.json").load()
    assert saved.first_run_acknowledged and saved.injured_leg is Leg.RIGHT
    assert saved.ask_pain_before
    assert win.pages.currentWidget() is win.home
    assert win.home.leg_buttons[Leg.RIGHT].isChecked()
    qtbot.waitUntil(lambda: win.home.practice.text() != "")
    assert win.home.primary is Moment.AFTER  # evening
    qtbot.mouseClick(win.home.after_button, Qt.MouseButton.LeftButton)  # "After a run"
    dialog = win.checkin_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    qtbot.waitUntil(win.isActiveWindow)  # the keys are the window's again
    screen = win.session
    assert screen is not None and screen.plan.protocol_id == "post-run-soleus"
    holds = [s for s in screen.plan.segments if s.kind is SegmentKind.HOLD]
    assert holds[0].side is Side.RIGHT
    for _ in range(10):
        if screen.controller.engine.segment.kind is SegmentKind.HOLD:
            break
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert screen.controller.engine.segment.kind is SegmentKind.HOLD, \
        screen.controller.engine.segment
    assert screen.page.side.plain_text() == "RIGHT leg back"
    run_until(screen, clock, clock.now() + 7.5)
    remaining = screen.controller.engine.remaining_s
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    box = screen.findChild(QMessageBox, "stopConfirm")
    assert box is not None and box.isVisible() and screen.state is State.PAUSED
    clock.advance(25)  # the question is read for 25 s
    screen.controller.process()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel (the "No" button)
    assert screen.state is State.RUNNING
    assert screen.controller.engine.remaining_s == remaining
    assert screen.page.countdown.text() == "0:23"
    run_until(screen, clock, clock.now() + screen.controller.engine.total_remaining_s + 1)
    assert screen.state is State.FINISHED
    page = win.flow.finish_page
    assert page is not None and win.pages.currentWidget() is page
    qtbot.keyClick(page, Qt.Key.Key_1)  # pain after: 1
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert win.pages.currentWidget() is win.home and win.session is None
    (row,) = win.history.sessions()
    assert (row.status, row.pain_before, row.pain_after) == (Status.COMPLETED, 3, 1)
    record = win.history.session(row.uid)
    assert record is not None and record.leg == "right"
    assert "pain 3 → 1" in win.home.last.plain_text()


def test_a_routine_with_injured_leg_first_asks_which_leg_and_never_picks_one(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock, {"first_run_acknowledged": True,
                                                "ask_pain_before": False})
    assert win.settings.injured_leg is Leg.NONE
    assert win.start_session("calf-stretch-only")
    question = front(qtbot, win, LegQuestion)
    assert isinstance(question, LegQuestion) and question.remember.isChecked()
    assert win.session is None  # nothing runs while it is asked
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # not now: not started, nothing picked
    assert win.flow.state is FlowState.IDLE and win.session is None
    assert "not started" in win.statusBar().currentMessage()
    assert win.start_session("calf-stretch-only")
    question = front(qtbot, win, LegQuestion)
    qtbot.keyClick(question, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    assert win.session is not None
    first = next(s for s in win.session.plan.segments if s.side is not None)
    assert first.side is Side.RIGHT
    assert win.settings.injured_leg is Leg.RIGHT  # remembered: asked once
    assert SettingsStore(data_dir / "settings.json").load().injured_leg is Leg.RIGHT


def test_not_sure_asks_at_every_start_and_remembers_nothing(qtbot: QtBot,
                                                            data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock, {"first_run_acknowledged": True,
                                                "ask_pain_before": False,
                                                "injured_leg": "not_sure"})
    assert win.start_session("post-run-soleus")
    question = front(qtbot, win, LegQuestion)
    assert isinstance(question, LegQuestion) and not question.remember.isChecked()
    qtbot.keyClick(question, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    assert win.settings.injured_leg is Leg.NOT_SURE
    assert win.recorder is not None and win.recorder.record.leg == "left"


def test_a_routine_without_injured_leg_first_does_not_ask(qtbot: QtBot,
                                                          data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True,
                                                      "ask_pain_before": False})
    assert win.start_session("ice-timer")
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)


def test_the_sore_side_and_the_pain_question_change_on_the_home_screen(
        qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True})
    home = win.home
    assert home.leg_unset.isVisible()  # nothing chosen yet
    qtbot.keyClick(home, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Sore calf
    qtbot.waitUntil(lambda: home.leg_buttons[Leg.LEFT].hasFocus())
    qtbot.keyClick(home.leg_buttons[Leg.LEFT], Qt.Key.Key_Space)  # Left
    assert win.settings.injured_leg is Leg.LEFT and not home.leg_unset.isVisible()
    qtbot.keyClick(home, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the check box
    qtbot.waitUntil(lambda: not win.settings.ask_pain_before)
    saved = SettingsStore(data_dir / "settings.json").load()
    assert saved.injured_leg is Leg.LEFT and not saved.ask_pain_before


def test_use_for_after_a_run_changes_the_home_button_and_enter_starts_it(
        qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True,
                                                      "ask_pain_before": False})
    qtbot.waitUntil(lambda: win.home.loaded)  # the names show just after the first paint
    assert win.home.after_button.routine.plain_text() == "Post-run soleus recovery"
    qtbot.keyClick(win.home, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # All routines
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win._library_page)
    page = win.library_page
    assert page.select("ice-timer")
    qtbot.mouseClick(page.after_button, Qt.MouseButton.LeftButton)
    assert win.settings.after_run_routine == "ice-timer"
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # home
    assert win.pages.currentWidget() is win.home
    assert win.home.after_button.routine.plain_text() == "Ice timer"
    assert "20 min" in win.home.after_button.duration.text()
    qtbot.keyClick(win.home, Qt.Key.Key_Return)  # the evening's primary: after a run
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    assert win.session is not None and win.session.plan.protocol_id == "ice-timer"


def test_a_chosen_routine_that_is_gone_disables_its_button(qtbot: QtBot,
                                                           data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True,
                                                      "before_run_routine": "deleted-one"})
    qtbot.waitUntil(lambda: win.home.loaded)
    assert not win.home.before_button.isEnabled()
    assert "Not found" in win.home.before_button.routine.plain_text()
    assert win.home.after_button.isEnabled()


def row(protocol_id: str, started: datetime) -> SessionRow:
    return SessionRow("u", protocol_id, "x", started.astimezone(UTC), None, 60, 60,
                      Status.COMPLETED, None, None, False)


def test_enter_starts_the_action_of_the_moment() -> None:
    from soleus_coach.gui.library.home_page import primary_moment

    assert primary_moment(EVENING, None, "pre-run-warm-up") is Moment.AFTER
    assert primary_moment(MORNING, None, "pre-run-warm-up") is Moment.BEFORE
    # warmed up at 6:30, back from the run at 7:15: after a run
    warm_up = row("pre-run-warm-up", MORNING - timedelta(minutes=45))
    assert primary_moment(MORNING, warm_up, "pre-run-warm-up") is Moment.AFTER
    # a warm-up yesterday says nothing about this morning
    assert primary_moment(MORNING, row("pre-run-warm-up", MORNING - timedelta(days=1)),
                          "pre-run-warm-up") is Moment.BEFORE
    assert primary_moment(MORNING, row("post-run-soleus", MORNING - timedelta(minutes=30)),
                          "pre-run-warm-up") is Moment.BEFORE


def test_in_the_morning_enter_starts_the_warm_up(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True,
                                                      "ask_pain_before": False,
                                                      "injured_leg": "left"}, now=MORNING)
    qtbot.waitUntil(lambda: win.home.practice.text() != "")
    assert win.home.primary is Moment.BEFORE and win.home.before_button.hint.isVisibleTo(win)
    qtbot.keyClick(win.home, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    assert win.session is not None and win.session.plan.protocol_id == "pre-run-warm-up"


def test_the_whole_home_screen_works_with_tab_alone(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, FakeClock(), {"first_run_acknowledged": True,
                                                      "injured_leg": "left"})
    qtbot.waitUntil(lambda: win.home.practice.text() != "")
    reached = []
    for _ in range(8):
        reached.append(QApplicationFocus.name())
        qtbot.keyClick(QApplicationFocus.widget(), Qt.Key.Key_Tab)
    for name in ("homeAfter", "homeBefore", "homeLeg_left", "homeAskBefore", "homeLibrary",
                 "historyButton"):
        assert name in reached, reached


class QApplicationFocus:
    @staticmethod
    def widget() -> object:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    @staticmethod
    def name() -> str:
        w = QApplicationFocus.widget()
        return w.objectName() if w is not None else ""  # type: ignore[attr-defined]
