"""The history as a person sees it: check-ins, the history window, the summary, bad files."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach.checkin import CheckIn
from soleus_coach.gui.history.window import HistoryWindow
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.checkin_dialog import CheckInDialog
from soleus_coach.history.records import EventRecord, SegmentRecord, SessionRecord, Status
from soleus_coach.history.store import HistoryStore, open_store
from soleus_coach.protocol.describe import format_duration
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, running

TODAY = date(2026, 11, 18)  # a Wednesday


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def add(store: HistoryStore, uid: str, start: datetime, *, protocol: str = "post-run-soleus",
        name: str = "Post-run soleus recovery", active_s: float = 1440,
        status: Status = Status.COMPLETED, before: int | None = None,
        after: int | None = None, **kw: object) -> SessionRecord:
    rec = SessionRecord(uid=uid, protocol_id=protocol, protocol_name=name,
                        protocol_digest="0" * 64, started_at=start, planned_s=1440,
                        leg="left", status=status, active_s=active_s, paused_s=0,
                        ended_at=start + timedelta(seconds=active_s),
                        before=None if before is None else CheckIn(pain=before),
                        after=None if after is None else CheckIn(pain=after))
    for k, v in kw.items():
        setattr(rec, k, v)
    store.save(rec)
    return rec


def make_window(qtbot: QtBot, data: Path, *, settings: Settings | None = None,
                clock: FakeClock | None = None,
                store: HistoryStore | None = None) -> MainWindow:
    settings_store = SettingsStore(data / "settings.json")
    settings_store.save(replace(settings or Settings(ask_pain_before=False),
                                first_run_acknowledged=True, injured_leg=Leg.LEFT))
    services = app_services(
        data, clock or FakeClock(), today=lambda: TODAY,
        open_history=(lambda: store) if store is not None else
        (lambda: open_store(data / "history.sqlite3")))
    win = MainWindow(services)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def open_history(qtbot: QtBot, win: MainWindow) -> HistoryWindow:
    win.activateWindow()  # a window manager would do this when a dialog closes
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    hw = win.history_window
    assert hw is not None and hw.isVisible()
    qtbot.waitUntil(hw.isActiveWindow, timeout=2000)
    return hw


def cells(hw: HistoryWindow, row: int) -> list[str]:
    return [hw.model.index(row, c).data() for c in range(hw.model.columnCount())]


@pytest.fixture
def filled(data_dir: Path) -> HistoryStore:
    store = open_store(data_dir / "history.sqlite3")
    add(store, "a", at(16), before=5, after=3,
        segments=[SegmentRecord(0, "hold", "Bent-knee wall stretch", "left", 1, 30, 30,
                                "completed", at(16)),
                  SegmentRecord(1, "rest", "Rest", "left", 1, 10, 2, "skipped", at(16))],
        events=[EventRecord(at(16), "it_hurts",
                            '{"at_s":40.0,"choice":"stop","segment":"Bent-knee wall stretch",'
                            '"side":"left"}')])
    add(store, "b", at(17), active_s=600, after=2)
    add(store, "c", at(18), protocol="ice-timer", name="Ice timer", active_s=1200,
        status=Status.STOPPED)
    add(store, "old", datetime(2026, 9, 1, 8, tzinfo=UTC), active_s=300)
    return store


# ---------------------------------------------------------------- check-in dialog


def test_checkin_is_answered_with_keys(qtbot: QtBot) -> None:
    dialog = CheckInDialog(after=True)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert dialog.pain is None  # nothing preselected
    qtbot.keyClick(dialog, Qt.Key.Key_Up)
    assert dialog.pain == 0
    qtbot.keyClick(dialog, Qt.Key.Key_9)
    qtbot.keyClick(dialog, Qt.Key.Key_Up)
    qtbot.keyClick(dialog, Qt.Key.Key_Up)  # 10 is the top
    assert dialog.pain == 10
    qtbot.keyClick(dialog.flags["bruising"], Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == CheckInDialog.DialogCode.Accepted
    assert dialog.result_checkin == CheckIn(pain=10, bruising=True)


def test_checkin_escape_skips(qtbot: QtBot) -> None:
    dialog = CheckInDialog(after=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_5)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result_checkin is None


def test_checkin_before_is_stored_with_the_session(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir, settings=Settings())
    assert win.start_session("ice-timer")
    dialog = win.checkin_dialog
    assert dialog is not None and dialog.objectName() == "checkInBefore"
    qtbot.keyClick(dialog, Qt.Key.Key_6)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    running(qtbot, win)
    (row,) = win.history.sessions()
    assert row.status is Status.IN_PROGRESS and row.pain_before == 6  # written at the start


# ---------------------------------------------------------------- summary


def test_summary_on_the_main_window(qtbot: QtBot, data_dir: Path,
                                    filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    qtbot.waitUntil(lambda: "This week" in win.home.practice.text())
    assert win.home.practice.text() == (
        "This week: 3 sessions, 54 minutes · 3 days in a row")


def test_empty_history_says_so(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: "No sessions yet" in win.home.practice.text())
    hw = open_history(qtbot, win)
    assert hw.model.rowCount() == 0 and hw.detail_title.text() == "No sessions yet"
    assert not hw.delete_button.isEnabled()


# ---------------------------------------------------------------- history window


def test_table_shows_sessions_newest_first(qtbot: QtBot, data_dir: Path,
                                          filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    assert hw.model.rowCount() == 4 and hw.count_label.text() == "4 sessions"
    first = cells(hw, 0)
    assert first[1:] == ["Ice timer", "20:00", "Stopped", ""]
    assert cells(hw, 2)[1:] == ["Post-run soleus recovery", "24:00", "Completed", "5 → 3"]
    assert cells(hw, 1)[4] == "– → 2"
    assert "18" in first[0]  # the local date is shown


def test_sort_by_clicking_a_header(qtbot: QtBot, data_dir: Path, filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    header = hw.table.horizontalHeader()
    x = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    durations = [cells(hw, r)[2] for r in range(hw.model.rowCount())]
    assert durations in (["5:00", "10:00", "20:00", "24:00"], ["24:00", "20:00", "10:00", "5:00"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    again = [cells(hw, r)[2] for r in range(hw.model.rowCount())]
    assert again == list(reversed(durations))  # a second click reverses


def test_filter_by_routine_and_period(qtbot: QtBot, data_dir: Path,
                                      filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    hw.routine.setFocus()
    hw.routine.setCurrentIndex(hw.routine.findText("Ice timer"))
    assert hw.model.rowCount() == 1 and hw.count_label.text() == "1 of 4 sessions"
    hw.routine.setCurrentIndex(0)
    hw.period.setCurrentIndex(hw.period.findText("Last 4 weeks"))
    assert hw.model.rowCount() == 3  # September is out
    assert hw.since_edit.date().toString(Qt.DateFormat.ISODate) == "2026-10-22"
    hw.since_edit.setDate(hw.since_edit.date().addDays(26))  # from 17 Nov
    assert hw.period.currentText() == "Custom dates"
    assert [cells(hw, r)[1] for r in range(hw.model.rowCount())] == [
        "Ice timer", "Post-run soleus recovery"]


def test_detail_pane_shows_segments_events_and_plain_text_notes(
        qtbot: QtBot, data_dir: Path, filled: HistoryStore) -> None:
    filled.set_notes("a", "<b>tight</b> left calf")
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    assert hw.select("a")
    assert hw.detail_title.text() == "Post-run soleus recovery"
    assert "Pain before → after: 5 → 3" in hw.detail_meta.text()
    seg_text = hw.segments.toPlainText()
    assert "Steps (1 done, 1 skipped):" in seg_text
    assert "Bent-knee wall stretch (left leg, hold 1)  0:30 / 0:30  done" in seg_text
    assert "It hurt during Bent-knee wall stretch (left leg): stopped" in seg_text
    assert hw.notes.toPlainText() == "<b>tight</b> left calf"  # shown as typed, not as HTML


def test_edit_notes_by_typing(qtbot: QtBot, data_dir: Path, filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    hw.select("b")
    hw.notes.setFocus()
    qtbot.keyClicks(hw.notes, "Felt good")
    qtbot.mouseClick(hw.save_notes_button, Qt.MouseButton.LeftButton)
    assert filled.session("b").notes == "Felt good"  # type: ignore[union-attr]
    qtbot.keyClicks(hw.notes, ", easy 5k")
    hw.select("c")  # moving to another session keeps the edit
    assert filled.session("b").notes == "Felt good, easy 5k"  # type: ignore[union-attr]


def test_delete_with_undo(qtbot: QtBot, data_dir: Path, filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    hw.select("a")
    hw.table.setFocus()
    qtbot.keyClick(hw.table, Qt.Key.Key_Delete)
    assert filled.session("a") is None and hw.model.rowCount() == 3
    assert hw.undo_button.isVisible() and "Deleted the session" in hw.undo_label.text()
    qtbot.mouseClick(hw.undo_button, Qt.MouseButton.LeftButton)
    back = filled.session("a")
    assert back is not None and len(back.segments) == 2 and len(back.events) == 1
    assert hw.model.rowCount() == 4 and hw.current_uid() == "a"
    assert not hw.undo_button.isVisible()


def test_export_from_the_window(qtbot: QtBot, data_dir: Path, filled: HistoryStore,
                                tmp_path: Path) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    assert hw.export("csv", tmp_path / "h.csv")
    rows = list(csv.DictReader((tmp_path / "h.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["old", "a", "b", "c"]
    assert hw.export("json", tmp_path / "h.json")
    data = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    assert len(data["sessions"]) == 4
    assert not hw.export("csv", tmp_path / "missing" / "h.csv")
    box = hw.findChild(QMessageBox, "historyError")
    assert box is not None and "Could not write" in box.text()


def test_chart_bars_follow_the_minutes(qtbot: QtBot, data_dir: Path,
                                       filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    hw = open_history(qtbot, win)
    weeks = hw.chart.weeks  # all time: from the week of the first session (1 Sep) to this
    assert len(weeks) == 12 and weeks[-1].week_start == date(2026, 11, 16)
    assert (weeks[0].week_start, weeks[0].sessions, weeks[0].minutes) == (date(2026, 8, 31),
                                                                           1, 5)
    assert (weeks[-1].sessions, weeks[-1].minutes) == (3, 54)
    bars = hw.chart.layout_bars(800, 150)
    assert bars[-1].rect.height() > 0 and all(b.rect.height() == 0 for b in bars[1:-1])
    assert bars[-1].value == "54" and bars[-1].pain is not None and bars[0].value == "5"
    image = hw.chart.grab().toImage()
    assert not image.isNull()


def test_history_refreshes_after_a_session(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock=clock)
    hw = open_history(qtbot, win)
    assert hw.model.rowCount() == 0
    assert win.start_session("calf-stretch-only")
    screen = running(qtbot, win)
    clock.advance(10_000)
    screen.controller.process()
    assert screen.state is State.FINISHED
    page = win.flow.finish_page
    assert page is not None and page.form.isVisible()  # how is the calf now?
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # skipped
    assert hw.model.rowCount() == 1 and cells(hw, 0)[3] == "Completed"


# ---------------------------------------------------------------- bad data


def test_corrupt_history_is_moved_aside_and_the_user_told(qtbot: QtBot, data_dir: Path) -> None:
    db = data_dir / "history.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    win = make_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "historyNotice") is not None)
    box = win.findChild(QMessageBox, "historyNotice")
    assert box is not None and "moved to" in box.text() and str(data_dir) in box.text()
    moved = list(data_dir.glob("history.sqlite3.unusable-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == b"garbage" * 1000


def test_unwritable_history_still_runs_the_session(qtbot: QtBot, data_dir: Path,
                                                   tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = open_store(blocker / "history.sqlite3")
    win = make_window(qtbot, data_dir, store=store)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "historyNotice") is not None)
    box = win.findChild(QMessageBox, "historyNotice")
    assert box is not None and "kept in memory" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # OK
    assert "not saved to disk" in win.home.practice.text()
    assert win.start_session("calf-stretch-only")
    running(qtbot, win)
    hw = open_history(qtbot, win)
    assert hw.banner.isVisible() and hw.model.rowCount() == 1  # this run's session is there


def test_full_disk_offers_to_save_a_copy(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    store = open_store(data_dir / "history.sqlite3")
    win = make_window(qtbot, data_dir, clock=clock, store=store)
    assert win.start_session("calf-stretch-only")
    plan = running(qtbot, win).plan
    recorder = win.recorder
    assert recorder is not None
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is "full" now
    recorder.record.notes = "x" * 60_000  # so that the next write needs new pages
    clock.advance(10_000)
    assert win.session is not None
    win.session.controller.process()
    assert "could not be written" in win.statusBar().currentMessage()
    page = win.flow.finish_page
    assert page is not None
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # no check-in: the session is final now
    box = win.findChild(QMessageBox, "notSavedBox")
    assert box is not None and box.isVisible()
    assert win.flow.save_copy(recorder, tmp_path / "copy.json")
    saved = json.loads((tmp_path / "copy.json").read_text(encoding="utf-8"))
    assert saved["sessions"][0]["status"] == "completed"
    assert len(saved["sessions"][0]["segments"]) == len(plan.segments)
    box.close()
    QApplication.processEvents()


def test_quitting_mid_session_records_it_as_stopped(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win = make_window(qtbot, data_dir, clock=clock)
    win.start_session("calf-stretch-only")
    running(qtbot, win)
    clock.advance(45)
    assert win.session is not None
    win.session.controller.process()
    win.close()
    (row,) = open_store(data_dir / "history.sqlite3").sessions()
    assert row.status is Status.STOPPED and row.active_s == pytest.approx(45)
    assert win.flow.finish_page is None  # no questions while quitting


def test_settings_change_does_not_lose_the_summary(qtbot: QtBot, data_dir: Path,
                                                   filled: HistoryStore) -> None:
    win = make_window(qtbot, data_dir, store=filled)
    win.apply_settings(replace(win.settings, ask_pain_before=True))
    assert SettingsStore(data_dir / "settings.json").load().ask_pain_before
    win.refresh_summary()
    assert "3 sessions" in win.home.practice.text()


def test_long_history_loads_page_by_page(qtbot: QtBot, data_dir: Path) -> None:
    store = open_store(data_dir / "history.sqlite3")
    for i in range(450):
        add(store, f"s{i:03d}", at(18) - timedelta(hours=10 * i), active_s=60 + i)
    win = make_window(qtbot, data_dir, store=store)
    hw = open_history(qtbot, win)
    assert hw.count_label.text() == "450 sessions"
    assert hw.model.rowCount() == 200  # only the first page is read
    hw.table.scrollToBottom()
    qtbot.waitUntil(lambda: hw.model.rowCount() > 200)  # the view asks for more
    assert hw.select("s449")  # anywhere in the history, loading what it needs
    assert hw.model.rowCount() == 450 and hw.current_uid() == "s449"
    hw.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # longest first, across all pages
    assert cells(hw, 0)[2] == format_duration(60 + 449)
    assert hw.model.row_at(0).uid == "s449"
