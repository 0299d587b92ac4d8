"""The programme in the window, driven as a person would (menu actions, keys, clicks) on an
injected clock: started from the menu, today on the home screen, the morning check asked
once a day and never over another question, an ease-off after a bad morning that takes a set
off the next routine, the pain during a loading session asked when it is over, the calendar,
the report, pause and end, a programme made in the window, reminders at its times."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.programme.calendar import CalendarDialog
from soleus_coach.gui.programme.choose import ChooseDialog
from soleus_coach.gui.programme.export import ReportDialog
from soleus_coach.gui.programme.maker import MakerDialog
from soleus_coach.gui.programme.questions import MorningCheck, PainDuring, SuggestionDialog
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.programme.records import Choice, SuggestionKind
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.plan import SegmentKind
from soleus_coach.tracker import Tracker
from tests.conftest import app_services, run_until
from tests.programme_sim import MONDAY, Now, library, programmes, session

LOADING = "soleus-loading-12-weeks"


def make(qtbot: QtBot, data: Path, now: Now, clock: FakeClock | None = None,
         **settings: object) -> MainWindow:
    base = {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}
    (data / "settings.json").write_text(json.dumps({**base, **settings}), encoding="utf-8")
    win = MainWindow(app_services(data, clock or FakeClock(), now=now,
                                  today=lambda: now().date()))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    qtbot.waitUntil(lambda: win.home.loaded)
    return win


def action(win: MainWindow, name: str) -> QAction:
    found = win.programme.menu.findChild(QAction, name)
    assert found is not None, name
    win.programme._sync_menu()
    return found


def tracker_for(data: Path, now: Now) -> Tracker:
    from soleus_coach.history.store import open_store

    lib = library(data / "protocols")
    progs = programmes(lib, data / "protocols" / "programmes")
    return Tracker(open_store(data / "history.sqlite3"), lambda: progs, lib.get, now=now)


def settled_days(data: Path, now: Now, days: int, *, morning: int = 2) -> None:
    """Days 0 … days-1 of the loading programme: heel drops twice a day (pain during 3),
    settled mornings; then the clock at the morning of the day after."""
    t = tracker_for(data, now)
    now.set(MONDAY, 7)
    t.start(LOADING)
    for n in range(days):
        day = MONDAY + timedelta(days=n)
        if n:
            now.set(day, 7)
            t.answer_morning(morning, False)
        for hour in (9, 18):
            now.set(day, hour)
            uid = session(t.store, "heel-drops-both-legs", now.moment, after=1)
            t.answer_pain_during(uid, 3)
    t.store.close()
    now.set(MONDAY + timedelta(days=days), 7, 30)


def question(qtbot: QtBot, win: MainWindow, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(win.programme.queue.dialog, kind))
    dialog = win.programme.queue.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_started_from_the_menu_the_home_screen_shows_today(qtbot: QtBot, data_dir: Path
                                                         ) -> None:
    now = Now(MONDAY, 8)
    win = make(qtbot, data_dir, now)
    assert not win.programme.card.isVisible()
    action(win, "start").trigger()
    dialog = win.programme.dialog
    assert isinstance(dialog, ChooseDialog)
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    row = names.index("Soleus loading, 12 weeks")
    dialog.list.setCurrentRow(row)
    assert "Moving on: 7 days in a row" in dialog.details.plain_text()
    assert "Heel drops: twice a day" in dialog.details.plain_text()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    card = win.programme.card
    qtbot.waitUntil(card.isVisible)
    assert card.title.plain_text() == "Soleus loading, 12 weeks"
    assert card.phase.plain_text() == ("Phase 1 of 3: Both legs · Body weight, on both legs "
                                       "· week 1 of 12")
    assert card.today.plain_text() == "Today: Heel drops 0 of 2 · After-run stretch after each run"
    assert card.next_button.text() == "&Next: Heel drops (1 of 2) — start"
    # Done: the home screen follows (after a session, the window looks again).
    t = win.programme.tracker
    session(t.store, "heel-drops-both-legs", now.moment)
    session(t.store, "post-run-soleus", now.moment)
    win.refresh_summary()
    qtbot.waitUntil(lambda: card.today.plain_text() ==
                    "Today: Heel drops 1 of 2 · After-run stretch done")
    assert card.next_button.text() == "&Next: Heel drops (2 of 2) — start"
    # Starting a second one is refused until this one ends.
    action(win, "start").trigger()
    chooser = win.programme.dialog
    assert isinstance(chooser, ChooseDialog) and not chooser.start_button.isEnabled()
    assert "under way" in chooser.busy.plain_text()
    chooser.reject()


def test_a_bad_morning_is_asked_once_offers_easing_off_and_the_next_routine_has_a_set_less(
        qtbot: QtBot, data_dir: Path) -> None:
    now = Now()
    settled_days(data_dir, now, 4)
    clock = FakeClock()
    win = make(qtbot, data_dir, now, clock)
    morning = question(qtbot, win, MorningCheck)
    assert isinstance(morning, MorningCheck)
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not win]
    assert visible == [morning]  # one question at a time
    qtbot.keyClick(morning, Qt.Key.Key_4)
    qtbot.keyClick(morning, Qt.Key.Key_N)
    qtbot.keyClick(morning, Qt.Key.Key_Return)
    suggestion = question(qtbot, win, SuggestionDialog)
    assert isinstance(suggestion, SuggestionDialog)
    assert suggestion.windowTitle() == "Ease off for a few days?"
    why = suggestion.reasons.plain_text()
    assert "4/10" in why and "2/10" in why
    qtbot.mouseClick(suggestion.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    store = win.history
    today = now().date()
    assert store.morning_check(today).pain == 4  # type: ignore[union-attr]
    assert [(s.kind, s.choice) for s in store.suggestions()] == [(SuggestionKind.EASE_OFF,
                                                                  Choice.ACCEPTED)]
    card = win.programme.card
    assert "Easing off until" in card.notice.plain_text()
    # Never asked twice a day, whatever the window does.
    win.refresh_summary()
    win.programme.ask()
    assert win.programme.queue.dialog is None
    # The next heel drops: 2 sets instead of 3, and the notice before it starts.
    qtbot.mouseClick(card.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    plan = win.session.plan  # type: ignore[union-attr]
    sets = {s.reps for s in plan.segments if s.kind is SegmentKind.SET}
    assert sets == {2}
    assert any("Easing off until" in n for n in plan.segments[0].notes)  # while getting ready
    assert "Easing off until" in win.session.page.notes.plain_text()  # type: ignore[union-attr]


def test_the_morning_check_waits_for_the_first_run_notice_and_the_set_up(
        qtbot: QtBot, data_dir: Path) -> None:
    now = Now()
    settled_days(data_dir, now, 2)
    win = make(qtbot, data_dir, now, first_run_acknowledged=False)
    qtbot.waitUntil(lambda: win.first_run.dialog is not None)
    assert win.programme.queue.dialog is None
    win.first_run.dialog.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: win.first_run.dialog is not None)  # the set-up
    assert win.programme.queue.dialog is None
    win.first_run.dialog.reject()  # type: ignore[union-attr]
    morning = question(qtbot, win, MorningCheck)
    qtbot.keyClick(morning, Qt.Key.Key_Escape)  # skipped: recorded, not asked again
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    assert win.history.morning_check(now().date()).skipped  # type: ignore[union-attr]
    win.programme.ask()
    assert win.programme.queue.dialog is None


def test_a_question_never_opens_over_another_dialog(qtbot: QtBot, data_dir: Path) -> None:
    now = Now()
    settled_days(data_dir, now, 2)
    win = make(qtbot, data_dir, now)
    morning = question(qtbot, win, MorningCheck)
    qtbot.keyClick(morning, Qt.Key.Key_Escape)
    win.history._conn.execute("DELETE FROM morning_check")  # as if the day had just begun
    box = QMessageBox(QMessageBox.Icon.Information, "Other", "Another question", parent=win)
    box.open()
    assert not win.programme.ask()
    assert win.programme.queue.dialog is None
    box.accept()
    question(qtbot, win, MorningCheck)


def test_pain_during_is_asked_when_a_loading_session_is_over(qtbot: QtBot, data_dir: Path
                                                            ) -> None:
    now = Now()
    settled_days(data_dir, now, 1, morning=1)
    clock = FakeClock()
    win = make(qtbot, data_dir, now, clock)
    morning = question(qtbot, win, MorningCheck)
    qtbot.keyClick(morning, Qt.Key.Key_1)
    qtbot.keyClick(morning, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    assert win.start_session("heel-drops-both-legs")
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    screen = win.session
    assert screen is not None
    run_until(screen, clock, clock.now() + screen.plan.total_s + 5)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.FINISHED)
    assert win.programme.queue.dialog is None  # not over the finish page's own question
    page = win.flow.finish_page
    assert page is not None
    page.answered.emit(None)
    win.flow.leave()
    during = question(qtbot, win, PainDuring)
    assert isinstance(during, PainDuring)
    qtbot.keyClick(during, Qt.Key.Key_3)
    qtbot.keyClick(during, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    uid = win.history.sessions(limit=1)[0].uid
    assert win.history.pain_during([uid])[uid].pain == 3


def test_the_calendar_shows_the_days_and_the_weeks_running(qtbot: QtBot, data_dir: Path
                                                          ) -> None:
    now = Now()
    settled_days(data_dir, now, 3)
    win = make(qtbot, data_dir, now)
    qtbot.keyClick(question(qtbot, win, MorningCheck), Qt.Key.Key_Escape)  # type: ignore[arg-type]
    qtbot.mouseClick(win.programme.card.calendar_button, Qt.MouseButton.LeftButton)
    dialog = win.programme.dialog
    assert isinstance(dialog, CalendarDialog)
    assert dialog.title.text() == "March 2026"
    texts = [c.text() for c in dialog.cells]
    first = texts.index("2 ✓")  # Monday 2 March: both heel drops done
    assert texts[first + 1].startswith("3 ✓\n☀ 2/10")
    assert texts[first + 3].startswith("5 …")  # today, not finished
    qtbot.keyClick(dialog, Qt.Key.Key_PageUp)
    assert dialog.title.text() == "February 2026"
    dialog.reject()


def test_pause_resume_and_end_from_the_menu(qtbot: QtBot, data_dir: Path) -> None:
    now = Now(MONDAY, 8)
    win = make(qtbot, data_dir, now)
    assert win.programme.start("stretch-around-every-run")
    card = win.programme.card
    action(win, "pause").trigger()
    assert "Paused" in card.notice.plain_text() and not card.next_button.isVisible()
    assert action(win, "pause").text() == "&Resume"
    action(win, "pause").trigger()
    assert not card.notice.isVisible()
    action(win, "end").trigger()
    box = win.findChild(QMessageBox, "endProgramme")
    assert box is not None and "stays in your history" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not card.isVisible())
    assert win.programme.tracker.state() is None


def test_the_report_is_written_from_the_menu_never_over_the_apps_own_files(
        qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    now = Now()
    settled_days(data_dir, now, 5)
    win = make(qtbot, data_dir, now)
    qtbot.keyClick(question(qtbot, win, MorningCheck), Qt.Key.Key_Escape)  # type: ignore[arg-type]
    action(win, "report").trigger()
    dialog = win.programme.dialog
    assert isinstance(dialog, ReportDialog)
    assert dialog.period == (MONDAY, now().date())
    settings = data_dir / "settings.json"
    before = settings.read_bytes()
    dialog.path.setText(str(settings))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "own data files" in dialog.problem.plain_text()
    assert settings.read_bytes() == before
    printing = dialog.print_report()  # QtPrintSupport's dialog, as for a routine's sheet
    assert printing is not None and printing.isVisible()
    printing.reject()
    target = tmp_path / "report.pdf"
    dialog.path.setText(str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Report saved" in win.statusBar().currentMessage()


def test_a_programme_made_in_the_window_loads_and_can_be_started(qtbot: QtBot,
                                                                 data_dir: Path) -> None:
    now = Now(MONDAY, 8)
    win = make(qtbot, data_dir, now)
    action(win, "make").trigger()
    maker = win.programme.dialog
    assert isinstance(maker, MakerDialog)
    assert not maker.save_button.isEnabled()  # no name yet: said at the field
    assert maker.boxes["$.name"].problem.isVisible()
    qtbot.keyClicks(maker.name, "My calf plan")
    qtbot.keyClicks(maker.summary, "Heel raises, then heel drops.")
    routine = maker.form.findChild(object, "routine_0")
    often = maker.form.findChild(object, "often_0")
    routine.setCurrentIndex(routine.findData("soleus-strength"))  # type: ignore[attr-defined]
    often.setCurrentIndex(often.findData("days-a-week"))  # type: ignore[attr-defined]
    qtbot.mouseClick(maker.findChild(object, "makerAddPhase"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    routine = maker.form.findChild(object, "routine_0")
    routine.setCurrentIndex(routine.findData("eccentric-heel-drops"))  # type: ignore[attr-defined]
    assert maker.save_button.isEnabled(), maker.problems
    qtbot.mouseClick(maker.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not maker.isVisible())
    path = data_dir / "protocols" / "programmes" / "my-calf-plan.json"
    doc = json.loads(path.read_text())
    assert doc["phases"][0]["routines"] == [{"routine": "soleus-strength",
                                             "often": "days-a-week", "days": 3}]
    assert doc["phases"][0]["move_on"] == {"days": 7, "pain_during_max": 3}
    assert "move_on" not in doc["phases"][1]
    assert win.programme.start("my-calf-plan")
    assert win.programme.card.title.plain_text() == "My calf plan"


@pytest.mark.parametrize("hour,minute,done,expected", [
    (8, 5, 0, "Time for Heel drops"),  # the morning's first heel drops
    (7, 30, 0, None),  # before the first time of the day
    (12, 0, 1, None),  # the morning's are done; the evening's time has not come
    (18, 30, 1, "Time for Heel drops"),
])
def test_reminders_come_at_the_programmes_times(qtbot: QtBot, data_dir: Path, hour: int,
                                                minute: int, done: int,
                                                expected: str | None) -> None:
    now = Now(MONDAY, 7)
    win = make(qtbot, data_dir, now, reminder_on=True, reminder_minute=18 * 60)
    win.programme.start(LOADING)
    for _ in range(done):
        session(win.history, "heel-drops-both-legs", now.moment)
    now.set(MONDAY, hour, minute)
    seen: list[tuple[str, str]] = []
    win.companions.alert = lambda title, text, action=None: seen.append((title, text))  # type: ignore[method-assign]
    reminded = win.reminders.check()
    assert reminded is (expected is not None)
    assert win.reminders.timer.isActive()  # the next look is armed
    if expected:
        assert seen and seen[0][0] == expected
        assert not win.reminders.check()  # not twice for the same time


@pytest.mark.parametrize("key", ["img-dev-zero", "markup", "rtl-override", "unbroken",
                                 "placeholders"])
def test_a_hostile_programme_is_shown_as_plain_text_and_never_widens_the_window(
        qtbot: QtBot, data_dir: Path, key: str) -> None:
    from tests.hostile import ONE_LINE
    from tests.test_programme_report import hostile_programme

    text = ONE_LINE[key]
    hostile_programme(data_dir / "protocols" / "programmes", text)
    now = Now(MONDAY, 8)
    win = make(qtbot, data_dir, now)
    width = win.minimumSizeHint().width()
    assert win.programme.start("hostile")
    card = win.programme.card
    assert card.title.plain_text() == text[:120]
    assert card.title.textFormat() == Qt.TextFormat.PlainText
    assert text[:80] in card.phase.plain_text() and text[:40] in card.today.plain_text()
    assert win.minimumSizeHint().width() <= max(width, 800)
    action(win, "start").trigger()
    chooser = win.programme.dialog
    assert isinstance(chooser, ChooseDialog)
    row = [p.id for p in chooser.programmes].index("hostile")
    chooser.list.setCurrentRow(row)
    assert chooser.details.plain_text().startswith(text[:120])
    chooser.reject()


@pytest.mark.parametrize("populated", [False, True])
def test_every_action_of_the_programme_menu_on_a_fresh_and_a_populated_profile(
        qtbot: QtBot, data_dir: Path, populated: bool) -> None:
    """Qt hands a slot `triggered(bool)`: each action is triggered as the menu does, with
    and without a programme under way, and whatever opens is closed again."""
    now = Now()
    if populated:
        settled_days(data_dir, now, 3)
    win = make(qtbot, data_dir, now)
    if populated:
        qtbot.keyClick(question(qtbot, win, MorningCheck), Qt.Key.Key_Escape)  # type: ignore[arg-type]
    for act in win.programme.menu.actions():
        if act.isSeparator():
            continue
        win.programme._sync_menu()
        act.trigger()
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if widget is not win and widget.isVisible() and hasattr(widget, "reject"):
                widget.reject()  # type: ignore[attr-defined]
        QApplication.processEvents()
    state = win.programme.tracker.state()
    assert (state is not None) is populated
    assert populated or win.history.morning_check(now().date()) is None


def test_an_app_left_open_overnight_asks_the_morning_check_when_it_is_brought_up(
        qtbot: QtBot, data_dir: Path) -> None:
    now = Now()
    settled_days(data_dir, now, 2)
    win = make(qtbot, data_dir, now)
    qtbot.keyClick(question(qtbot, win, MorningCheck), Qt.Key.Key_2)  # type: ignore[arg-type]
    qtbot.keyClick(win.programme.queue.dialog, Qt.Key.Key_Return)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    card = win.programme.card
    assert card.today.plain_text().startswith("Today: Heel drops 0 of 2")
    session(win.history, "heel-drops-both-legs", now.moment)
    win.refresh_summary()
    qtbot.waitUntil(lambda: card.today.plain_text().startswith("Today: Heel drops 1 of 2"))
    # evening: the window goes behind another; the night passes with the app open
    QApplication.sendEvent(win, QEvent(QEvent.Type.WindowDeactivate))
    now.set(now().date() + timedelta(days=1), 7, 45)
    QApplication.sendEvent(win, QEvent(QEvent.Type.WindowActivate))  # the runner comes back
    morning = question(qtbot, win, MorningCheck)
    assert morning is win.programme.queue.dialog
    assert card.today.plain_text().startswith("Today: Heel drops 0 of 2")  # the new day's
    qtbot.keyClick(morning, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    QApplication.sendEvent(win, QEvent(QEvent.Type.WindowActivate))  # the same day again
    assert win.programme.queue.dialog is None  # asked once a day
