"""Walk a whole post-run routine like a runner would: keys and clicks, a fake clock, and
check what the screen says at each step."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.audio import CuePlayer
from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.common.services import Services
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.screen import SessionScreen
from soleus_coach.gui.shortcuts_dialog import ShortcutsDialog
from soleus_coach.history import Status
from soleus_coach.protocol import load_library
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import run_until


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


#: An evening: the home screen's Enter starts the "after a run" routine.
EVENING = datetime(2026, 11, 20, 18, 0).astimezone()


def make_window(qtbot: QtBot, clock: FakeClock, data: Path,
                settings: Settings | None = None) -> MainWindow:
    store = SettingsStore(data / "settings.json")
    # The first-run notice has its own tests; the leg question too (tests/test_home.py).
    store.save(replace(settings or Settings(injured_leg=Leg.LEFT),
                       first_run_acknowledged=True))
    services = Services(
        load_library=lambda: load_library(paths.bundled_protocols_dir(), data / "protocols",
                                          paths.assets_dir()),
        settings_store=store, user_protocols_dir=data / "protocols",
        schema_file=paths.bundled_protocols_dir() / "schema" / "protocol.schema.json",
        assets_dir=paths.assets_dir(), window_state_file=data / "window.ini",
        clock=lambda: (clock, 1.0), now=lambda: EVENING,
        make_player=lambda sounds: CuePlayer(sounds, backends=list))  # no sound in tests
    win = MainWindow(services)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def start_with_enter(qtbot: QtBot, win: MainWindow, protocol_id: str,
                     pain_keys: str | None = None) -> SessionScreen:
    """All routines (from the home screen, by its mnemonic), Enter on the routine; answer
    the pain check-in with ``pain_keys`` + Enter, or skip it with Esc (None)."""
    qtbot.keyClick(win.home, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    # a mnemonic clicks its button as if pressed (an animated click: 100 ms)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win._library_page)
    win.library_page.select(protocol_id)
    qtbot.keyClick(win.library_page.view, Qt.Key.Key_Return)
    if win.checkin_dialog is not None:
        answer_checkin(qtbot, win, pain_keys)
    assert win.session is not None
    return win.session


def answer_checkin(qtbot: QtBot, win: MainWindow, keys: str | None) -> None:
    dialog = win.checkin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    if keys is None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        for k in keys:
            qtbot.keyClick(dialog, k)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert win.checkin_dialog is None
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # focus is back on the window


def text(screen: SessionScreen, name: str) -> str:
    label = screen.findChild(QLabel, name)
    assert label is not None
    return label.text() if label.isVisible() else ""


def tick(screen: SessionScreen, clock: FakeClock, seconds: float) -> None:
    """Let time pass the way the timer would: wake at each due moment."""
    run_until(screen, clock, clock.now() + seconds)


def key(qtbot: QtBot, screen: SessionScreen, k: Qt.Key) -> None:
    qtbot.keyClick(screen, k)


def test_walk_the_post_run_routine_with_the_keyboard(qtbot: QtBot, clock: FakeClock,
                                                     data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir, Settings(injured_leg=Leg.RIGHT))
    qtbot.keyClick(win.home, Qt.Key.Key_Return)  # the evening's primary action: after a run
    answer_checkin(qtbot, win, "4")
    s = win.session
    assert s is not None and s.plan.protocol_id == "post-run-soleus"
    assert text(s, "stepTitle") == "Get ready" and text(s, "countdown") == "0:10"
    assert "Post-run soleus recovery" in win.windowTitle()
    tick(s, clock, 10)
    assert text(s, "stepTitle") == "Get into position"
    assert text(s, "sideText") == "RIGHT leg back"  # the injured leg first
    assert "point of pain" in text(s, "caution")
    tick(s, clock, 10)
    assert text(s, "stepTitle") == "Bent-knee wall stretch (soleus)"
    assert text(s, "repText") == "Hold 1 of 3" and text(s, "countdown") == "0:30"
    assert text(s, "nextText") == "Next: Rest (10 s)"
    assert s.page.phase == "hold"
    tick(s, clock, 12.5)
    assert text(s, "countdown") == "0:18"  # rounded up: 17.5 s left shows 0:18

    key(qtbot, s, Qt.Key.Key_Space)  # pause
    assert s.state is State.PAUSED and s.page.phase == "paused"
    assert "Paused" in text(s, "statusText") and s.page.pause_button.text() == "Resume"
    tick(s, clock, 300)
    assert text(s, "countdown") == "0:18"  # nothing moves while paused
    key(qtbot, s, Qt.Key.Key_Space)  # resume
    assert s.state is State.RUNNING and s.page.phase == "hold"

    key(qtbot, s, Qt.Key.Key_Down)  # shorter: 30 -> 25
    assert text(s, "countdown") == "0:13"
    key(qtbot, s, Qt.Key.Key_Up)
    key(qtbot, s, Qt.Key.Key_Up)  # back to 30, the maximum: the button greys out
    assert not s.page.longer_button.isEnabled()
    assert text(s, "countdown") == "0:18"
    tick(s, clock, 17.5)
    assert text(s, "repText") == "After hold 1 of 3" and s.page.phase == "rest"
    assert text(s, "countdown") == "0:10"

    key(qtbot, s, Qt.Key.Key_Right)  # skip the rest
    assert text(s, "repText") == "Hold 2 of 3" and text(s, "countdown") == "0:30"
    tick(s, clock, 5)
    key(qtbot, s, Qt.Key.Key_Left)  # 5 s in: restart this hold
    assert text(s, "repText") == "Hold 2 of 3" and text(s, "countdown") == "0:30"
    key(qtbot, s, Qt.Key.Key_Left)  # at the start: back to the rest before it
    assert text(s, "repText") == "After hold 1 of 3" and text(s, "countdown") == "0:10"
    tick(s, clock, 10 + 30 + 10 + 30)
    assert text(s, "stepTitle") == "Switch legs"
    assert text(s, "sideText") == "LEFT leg back"
    tick(s, clock, 10)
    assert text(s, "sideText") == "LEFT leg back" and text(s, "repText") == "Hold 1 of 3"
    tick(s, clock, 30 + 10 + 30 + 10 + 30)
    assert text(s, "stepTitle") == "Ice the calf" and s.page.phase == "ice"
    assert text(s, "countdown") == "20:00" and text(s, "sideText") == ""
    assert "cloth" in text(s, "instructions")
    assert not s.page.longer_button.isEnabled()
    assert s.page.progress.value() == round(1000 * 250 / 1450)  # where we are in the plan
    tick(s, clock, 20 * 60)
    assert s.state is State.FINISHED
    finish = win.flow.finish_page
    assert finish is not None and win.pages.currentWidget() is finish
    assert "Routine complete" in finish.findChild(QLabel, "finishTitle").text()  # type: ignore[union-attr]
    summary = {(r.label, r.side): (r.done, r.skipped) for r in finish.rows}
    assert summary[("Bent-knee wall stretch (soleus)", "right")] == (3, 0)  # hold 2 redone
    assert summary[("Ice the calf", None)] == (1, 0)
    qtbot.keyClick(finish, Qt.Key.Key_2)  # how is the calf now? 2, Enter: saved, home
    qtbot.keyClick(finish, Qt.Key.Key_Return)
    assert win.session is None and win.pages.currentWidget() is win.home
    (row,) = win.history.sessions()
    assert (row.status, row.pain_before, row.pain_after) == (Status.COMPLETED, 4, 2)
    rec = win.history.session(row.uid)
    assert rec is not None and rec.leg == "right"
    # Skipped: the rest (Right), then hold 2 left twice by Back (after 5 s, then at once).
    skipped = [(g.kind, round(g.actual_s)) for g in rec.segments if g.outcome == "skipped"]
    assert skipped == [("rest", 0), ("hold", 5), ("hold", 0)]
    assert sum(g.outcome == "completed" for g in rec.segments) == len(s.plan.segments)
    assert win.home.practice.text().startswith("This week: 1 session, 24 minutes")
    assert "pain 4 → 2" in win.home.last.plain_text()


def test_stop_asks_first_the_clock_waits_and_cancel_resumes(qtbot: QtBot, clock: FakeClock,
                                                            data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    s = start_with_enter(qtbot, win, "ice-timer")
    tick(s, clock, 15)
    remaining = s.controller.engine.remaining_s
    key(qtbot, s, Qt.Key.Key_Escape)
    box = s.findChild(QMessageBox, "stopConfirm")
    assert box is not None and box.isVisible()
    assert s.state is State.PAUSED  # the question holds the clock
    tick(s, clock, 40)  # reading the question for 40 s
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert s.state is State.RUNNING
    assert s.controller.engine.remaining_s == remaining  # to the millisecond
    key(qtbot, s, Qt.Key.Key_Escape)
    box = s.findChild(QMessageBox, "stopConfirm")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert s.state is State.STOPPED
    finish = win.flow.finish_page
    assert finish is not None and win.pages.currentWidget() is finish
    assert "Routine stopped" in finish.findChild(QLabel, "finishTitle").text()  # type: ignore[union-attr]
    qtbot.keyClick(finish, Qt.Key.Key_Escape)  # no check-in; Esc again leaves
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    assert win.session is None and win.pages.currentWidget() is win.home


def test_buttons_do_what_the_keys_do(qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    s = start_with_enter(qtbot, win, "calf-stretch-only")
    qtbot.mouseClick(s.page.skip_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(s.page.skip_button, Qt.MouseButton.LeftButton)
    assert text(s, "repText") == "Hold 1 of 3"
    qtbot.mouseClick(s.page.pause_button, Qt.MouseButton.LeftButton)
    assert s.state is State.PAUSED
    qtbot.mouseClick(s.page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(s.page.hurts_button, Qt.MouseButton.LeftButton)
    assert text(s, "repText") == "After hold 1 of 3"
    assert "Sharp pain means stop" in text(s, "statusText")


def test_start_option_and_unknown_id(qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    assert not win.start_session("no-such-routine")
    assert "no-such-routine" in win.statusBar().currentMessage()
    assert win.start_session("ice-timer")
    answer_checkin(qtbot, win, None)  # Esc skips the pain check-in in one key press
    assert win.session is not None


def test_every_control_has_an_accessible_name_and_tooltip(qtbot: QtBot, clock: FakeClock,
                                                           data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    s = start_with_enter(qtbot, win, "ice-timer")
    for button in (s.page.back_button, s.page.pause_button, s.page.skip_button,
                   s.page.shorter_button, s.page.longer_button, s.page.hurts_button,
                   s.page.stop_button):
        assert button.accessibleName() and button.toolTip()
    for label in s.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_ice_runs_on_minimised_and_ice_off_brings_the_window_back(
        qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    s = start_with_enter(qtbot, win, "ice-timer")
    tick(s, clock, 10 + 60)
    win.showMinimized()
    qtbot.waitUntil(win.isMinimized)
    tick(s, clock, 10 * 60)
    assert text(s, "countdown") == "9:00"  # still counting while minimised
    tick(s, clock, 9 * 60)
    assert s.state is State.FINISHED
    qtbot.waitUntil(lambda: not win.isMinimized())
    assert win.pages.currentWidget() is win.flow.finish_page


def test_session_menu_lists_the_shortcuts_and_help_explains_them(
        qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    assert not win.session_menu.isEnabled()
    start_with_enter(qtbot, win, "ice-timer")
    shortcuts = {a.text(): a.shortcut().toString() for a in win.session_menu.actions()}
    assert shortcuts["Pause / resume"] == "Space" and shortcuts["Stop"] == "Esc"
    win.actions_by_id[ActionId.SHORTCUTS].trigger()
    box = win.findChild(ShortcutsDialog, "shortcutHelp")
    assert box is not None and "Pause or resume" in box.text() and "F11" in box.text()
