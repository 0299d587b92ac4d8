"""While you ice: the compact timer, the tray's tooltip and menu (through the model they read),
the daily reminder at fake times, and the autostart file."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach import desktop
from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.flow import FlowState, SessionStatus
from soleus_coach.gui.tray import fill_menu, menu_entries, tooltip_text
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from tests.conftest import app_services, need_tool, run_until


class Now:
    """A wall clock the test sets."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def make_window(qtbot: QtBot, data: Path, clock: FakeClock, now: Now | None = None,
                **settings: object) -> MainWindow:
    base = {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}
    (data / "settings.json").write_text(json.dumps({**base, **settings}), encoding="utf-8")
    now = now or Now(datetime(2026, 11, 18, 17, 0).astimezone())
    win = MainWindow(app_services(data, clock, now=now))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def start_ice(qtbot: QtBot, win: MainWindow, clock: FakeClock) -> None:
    assert win.start_session("ice-timer")
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    screen = win.session
    assert screen is not None
    run_until(screen, clock, clock.now() + 10)  # past "get ready"
    assert screen.controller.engine.segment.kind is SegmentKind.ICE


# ---------------------------------------------------------------- the compact timer


def test_the_compact_timer_is_offered_on_long_ice_stays_on_top_and_keeps_the_same_time(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock)
    start_ice(qtbot, win, clock)
    screen = win.session
    assert screen is not None
    assert screen.offer.isVisible()  # 20 minutes of ice: the small timer is offered
    qtbot.mouseClick(screen.offer_button, Qt.MouseButton.LeftButton)
    compact = win.companions.compact
    assert compact is not None
    qtbot.waitUntil(compact.isVisible)
    assert not win.isVisible()  # the full window steps aside
    flags = compact.windowFlags()
    for flag in (Qt.WindowType.WindowStaysOnTopHint, Qt.WindowType.FramelessWindowHint,
                 Qt.WindowType.Tool):
        assert flags & flag, flag
    for seconds in (0.4, 1, 59.3, 61, 300.7):  # to the second, as the full window shows it
        run_until(screen, clock, clock.now() + seconds)
        assert compact.countdown.text() == screen.page.countdown.text()
        assert compact.step.plain_text() == "Ice the calf"
    qtbot.keyClick(compact, Qt.Key.Key_Space)  # pause, from the compact timer
    assert screen.state is State.PAUSED and compact.pause_button.text() == "Resume"
    qtbot.keyClick(compact, Qt.Key.Key_Space)
    assert screen.state is State.RUNNING
    qtbot.keyClick(compact, Qt.Key.Key_C)  # back by key
    qtbot.waitUntil(win.isVisible)
    assert not compact.isVisible()
    qtbot.waitUntil(win.isActiveWindow)  # brought forward: its keys are back
    qtbot.keyClick(screen, Qt.Key.Key_C)  # and there again by key
    qtbot.waitUntil(compact.isVisible)
    qtbot.mouseDClick(compact.countdown, Qt.MouseButton.LeftButton)  # back by double-click
    qtbot.waitUntil(win.isVisible)
    assert not compact.isVisible()


def test_the_compact_timer_stop_asks_in_the_full_window_and_the_end_brings_it_back(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock)
    start_ice(qtbot, win, clock)
    screen = win.session
    assert screen is not None
    win.companions.show_compact()
    compact = win.companions.compact
    assert compact is not None
    qtbot.mouseClick(compact.stop_button, Qt.MouseButton.LeftButton)
    assert win.isVisible() and not compact.isVisible()
    box = screen.findChild(QMessageBox, "stopConfirm")
    assert box is not None and box.isVisible() and screen.state is State.PAUSED
    box.button(QMessageBox.StandardButton.No).click()
    win.companions.show_compact()
    run_until(screen, clock, clock.now() + 20 * 60)  # the ice is over
    assert screen.state is State.FINISHED
    assert win.isVisible() and not compact.isVisible()  # the finish page, in full
    assert win.pages.currentWidget() is win.flow.finish_page


def test_its_place_is_remembered_across_starts(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock)
    start_ice(qtbot, win, clock)
    win.companions.show_compact()
    compact = win.companions.compact
    assert compact is not None
    compact.move(QPoint(123, 234))  # dragged there
    win.companions.show_full()
    win.close()
    again = make_window(qtbot, data_dir, clock)
    start_ice(qtbot, again, clock)
    again.companions.show_compact()
    assert again.companions.compact is not None
    assert again.companions.compact.pos() == QPoint(123, 234)


# ---------------------------------------------------------------- the tray


def status(**kw: object) -> SessionStatus:
    values: dict[str, object] = {"step": "Ice the calf", "side": "", "remaining_s": 754.2,
                                 "total_s": 754.2, "phase": "ice", "paused": False}
    values.update(kw)
    return SessionStatus(**values)  # type: ignore[arg-type]


def test_the_tray_model_every_state() -> None:
    running = menu_entries(status(), compact_shown=False, after="A", before="B")
    assert [e.action for e in running] == [ActionId.PAUSE, ActionId.STOP, ActionId.COMPACT,
                                           ActionId.SHOW]
    assert [e.text for e in running][:3] == ["Pause", "Stop the routine…", "Compact timer"]
    paused = menu_entries(status(paused=True), compact_shown=True, after="A", before="B")
    assert paused[0].text == "Resume" and paused[2].text == "Full window"
    idle = menu_entries(None, compact_shown=False, after="Post-run", before=None)
    assert [(e.action, e.enabled) for e in idle] == [
        (ActionId.SHOW, True), (ActionId.START_AFTER, True), (ActionId.START_BEFORE, False),
        (ActionId.QUIT, True)]
    assert idle[1].text == "After a run: Post-run"
    assert tooltip_text(status()) == "Ice the calf: 12:35"
    assert tooltip_text(status(side="LEFT leg back", paused=True)) == \
        "Ice the calf: 12:35 · LEFT leg back · paused"
    assert tooltip_text(None) == "Soleus Coach"


def test_the_tray_tells_every_step_and_its_menu_acts(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock)
    assert win.tray is None  # no routine, no reminders: no tray
    assert win.start_session("calf-stretch-only")
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    screen = win.session
    tray = win.tray
    assert screen is not None and tray is not None
    seen = set()
    while screen.state is State.RUNNING:  # every step: its name and the page's time
        seg = screen.controller.engine.segment
        assert seg.label in tray.tooltip and screen.page.countdown.text() in tray.tooltip
        seen.add(seg.kind)
        if len(seen) == 3 and "acted" not in {str(k) for k in seen}:
            seen.add("acted")  # type: ignore[arg-type]
            menu = {e.action: e for e in tray.entries}
            assert menu[ActionId.PAUSE].text == "Pause"
            tray.triggered.emit(ActionId.PAUSE)
            assert screen.state is State.PAUSED and "paused" in tray.tooltip
            assert {e.action: e for e in tray.entries}[ActionId.PAUSE].text == "Resume"
            tray.triggered.emit(ActionId.PAUSE)
            assert screen.state is State.RUNNING
            tray.triggered.emit(ActionId.COMPACT)
            assert win.companions.compact_shown
            assert {e.action: e for e in tray.entries}[ActionId.COMPACT].text == "Full window"
            tray.triggered.emit(ActionId.SHOW)
            assert not win.companions.compact_shown and win.isVisible()
            tray.triggered.emit(ActionId.STOP)
            box = screen.findChild(QMessageBox, "stopConfirm")
            assert box is not None and box.isVisible()
            box.button(QMessageBox.StandardButton.No).click()
        run_until(screen, clock, clock.now() + 2)
        screen.controller.skip()
    assert {SegmentKind.GET_READY, SegmentKind.POSITION, SegmentKind.HOLD} <= seen
    qtbot.keyClick(win.flow.finish_page, Qt.Key.Key_Escape)
    assert win.tray is None  # the routine is over


# ---------------------------------------------------------------- reminders


def test_a_reminder_at_its_time_starts_the_routine_never_twice_never_in_a_session(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    now = Now(datetime(2026, 11, 18, 17, 0).astimezone())  # Wednesday, 17:00
    win = make_window(qtbot, data_dir, clock, now, reminder_on=True,
                      reminder_minute=18 * 60, reminder_days=[0, 1, 2, 3, 4])
    qtbot.waitUntil(lambda: win.tray is not None)  # reminders on: the tray is there
    tray = win.tray
    assert tray is not None
    assert not win.reminders.check()
    assert win.reminders.timer.isActive() and win.reminders.timer.interval() == 15 * 60_000
    now.moment = now.moment.replace(hour=17, minute=58)
    assert not win.reminders.check()
    assert win.reminders.timer.interval() == 120_000  # wakes at the reminder's time
    now.moment = now.moment.replace(hour=18, minute=1)
    assert win.reminders.check()
    title, message = tray.last_alert
    assert title == "Time for your calf routine"
    assert "After a run" in message and "Post-run soleus recovery" in message
    assert tray.alert_action is ActionId.START_AFTER
    assert not win.reminders.check()  # not twice a day, even after a restart:
    assert win.reminders.last_shown() == now.moment.date()
    tray._message_clicked()  # the notification clicked: Start
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING)
    assert win.session is not None and win.session.plan.protocol_id == "post-run-soleus"
    # the next day: due during a routine, it waits; the routine done, it is not needed
    now.moment += timedelta(days=1)
    assert not win.reminders.check()
    assert not win.reminders.timer.isActive()  # nothing armed during a session
    win.session.controller.stop()
    qtbot.keyClick(win.flow.finish_page, Qt.Key.Key_Escape)
    assert win.flow.state is FlowState.IDLE
    assert win.reminders.last_shown() != now.moment.date()
    assert win.history.count() == 1
    # (the session above was started "yesterday" by the fake clock's reckoning of the
    # history: the store stamps real time, so move "now" to the real today)
    now.moment = datetime.now().astimezone().replace(hour=23, minute=0)
    assert not win.reminders.check()  # a routine today: no reminder


def test_with_reminders_on_no_timer_wakes_more_than_once_a_minute(qtbot: QtBot,
                                                                  data_dir: Path) -> None:
    now = Now(datetime(2026, 11, 18, 18, 30).astimezone())  # due and shown: then quiet
    win = make_window(qtbot, data_dir, FakeClock(), now, reminder_on=True,
                      reminder_minute=18 * 60, reminder_days=list(range(7)))
    qtbot.waitUntil(lambda: win.reminders.last_shown() is not None)

    def short() -> list[tuple[str, int]]:
        return [(t.objectName(), t.interval()) for t in win.findChildren(QTimer)
                if t.isActive() and t.interval() < 60_000]

    # What start-up schedules runs once and stops; a timer that keeps waking does not.
    try:
        qtbot.waitUntil(lambda: not short(), timeout=3000)
    except qtbot.TimeoutError:
        raise AssertionError(f"timers still waking more than once a minute: {short()}") \
            from None
    assert [t for t in win.findChildren(QTimer) if t.isActive()]  # the reminder's own


# ---------------------------------------------------------------- autostart


def test_the_autostart_file_validates_and_follows_the_setting(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = desktop.autostart_path()
    assert path == tmp_path / "config" / "autostart" / "io.github.soleuscoach.SoleusCoach.desktop"
    win = make_window(qtbot, data_dir, FakeClock())
    from dataclasses import replace

    win.apply_settings(replace(win.settings, autostart=True))
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "--hidden" in text and "Exec=" in text
    win.apply_settings(replace(win.settings, autostart=False))
    assert not path.exists()
    copy = tmp_path / "written" / path.name  # the file as it was written, validated last
    copy.parent.mkdir()
    copy.write_text(text, encoding="utf-8")
    validate = need_tool("desktop-file-validate", "desktop-file-utils",
                         "the autostart file was not validated")
    done = subprocess.run([validate, str(copy)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_reminder_settings_are_edited_and_kept(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTime

    from soleus_coach.gui.settings_dialog import SettingsDialog
    from soleus_coach.settings import Settings

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.reminder_on.isChecked() and not dialog.reminder_time.isEnabled()
    dialog.reminder_on.setChecked(True)
    assert dialog.reminder_time.isEnabled()
    dialog.reminder_time.setTime(QTime(7, 45))
    dialog.days[5].setChecked(False)
    dialog.days[6].setChecked(False)
    dialog.autostart.setChecked(True)
    value = dialog.value()
    assert (value.reminder_on, value.reminder_minute, value.reminder_days, value.autostart) \
        == (True, 7 * 60 + 45, (0, 1, 2, 3, 4), True)


# ---------------------------------------------------------------- how they look


def _save(image: QImage, name: str) -> None:
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        assert image.save(str(Path(target) / name))


def test_the_tray_menu_rendered_from_its_model(qtbot: QtBot) -> None:
    """Xvfb has no system tray: the menu is drawn from the entries the tray would get, the
    same way (``fill_menu``), while icing and at rest, and a click on an item acts."""
    chosen: list[ActionId] = []
    shots = []
    for entries in (menu_entries(status(side="", paused=False), compact_shown=False,
                                 after="Post-run soleus & ice", before="Pre-run warm-up"),
                    menu_entries(None, compact_shown=False, after="Post-run soleus & ice",
                                 before="Pre-run warm-up")):
        menu = QMenu()
        qtbot.addWidget(menu)
        fill_menu(menu, entries, chosen.append)
        shown = [a.text().replace("&&", "&") for a in menu.actions()]
        assert shown == [e.text for e in entries]
        menu.actions()[0].trigger()
        menu.adjustSize()
        shots.append(menu.grab().toImage())
    assert chosen == [ActionId.PAUSE, ActionId.SHOW]
    tip = QLabel(tooltip_text(status()))
    tip.setTextFormat(Qt.TextFormat.PlainText)
    tip.setStyleSheet("padding: 4px; border: 1px solid #888; background: #ffffe1;")
    qtbot.addWidget(tip)
    tip.adjustSize()
    shots.insert(0, tip.grab().toImage())
    width = max(s.width() for s in shots) + 40
    height = sum(s.height() for s in shots) + 20 * (len(shots) + 1)
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#dcdcdc"))
    painter = QPainter(sheet)
    y = 20
    for shot in shots:
        painter.drawImage(20, y, shot)
        y += shot.height() + 20
    painter.end()
    assert all(s.width() > 100 and s.height() > 20 for s in shots)
    _save(sheet, "tray-menu.png")


def test_the_reminder_settings_as_shown(qtbot: QtBot) -> None:
    from soleus_coach.gui.settings_dialog import SettingsDialog
    from soleus_coach.settings import Settings

    dialog = SettingsDialog(Settings(reminder_on=True, reminder_minute=18 * 60 + 30,
                                     reminder_days=(0, 1, 2, 3, 4), autostart=True))
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.reminders_tab)
    dialog.resize(560, 460)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.reminder_time.isEnabled() and dialog.reminder_time.time().hour() == 18
    assert [d.isChecked() for d in dialog.days] == [True] * 5 + [False] * 2
    image = dialog.grab().toImage()
    assert image.width() >= 560
    _save(image, "reminder-settings.png")
