"""Runs in the app as a person uses them: import from the menu's code path, a drop on the
window, a watched folder, the summary, the after-a-run offer, a run by hand, the history
window's chart, list and detail, untrusted names shown as plain text."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTime, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from soleus_coach.checkin import CheckIn
from soleus_coach.gui.history.run_dialogs import ImportSummary, ManualRunDialog
from soleus_coach.gui.history.run_intake import RunsUi
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.runs import Run, Source
from soleus_coach.session.clock import FakeClock
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, running
from tests.runfiles import Track, fit, gpx, tcx, write

TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 19, 0, tzinfo=UTC)
EVIL = "<img src=/dev/zero><a href=x>x</a>\u202eevil"


def make_window(qtbot: QtBot, data: Path) -> MainWindow:
    store = SettingsStore(data / "settings.json")
    store.save(Settings(ask_pain_before=False, first_run_acknowledged=True,
                        injured_leg=Leg.RIGHT))
    win = MainWindow(app_services(data, FakeClock(), today=lambda: TODAY,
                                  open_history=lambda: open_store(data / "history.sqlite3")))
    win.runs_ui.now = lambda: NOW
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def imported(qtbot: QtBot, ui: RunsUi, paths: list[Path]) -> list:  # type: ignore[type-arg]
    with qtbot.waitSignal(ui.finished, timeout=20000) as blocker:
        ui.import_files(paths)
    return list(blocker.args[0])


def test_menu_has_the_run_actions(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir)
    file_menu = win.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert texts.index("Import r&uns…") < texts.index("&Quit")
    assert "Import a f&older of runs…" in texts
    assert "Add a run by &hand…" in texts and "&Watched folder for runs…" in texts


def test_import_shows_a_summary_and_offers_the_routine_after_a_recent_run(
        qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    win = make_window(qtbot, data_dir)
    ui = win.runs_ui
    recent = Track(start=datetime(2026, 11, 18, 17, 5, tzinfo=UTC), distance_m=12_300,
                   elapsed_s=3700, utc_offset_s=3600)
    files = [write(tmp_path, "today.fit", fit(recent)), write(tmp_path, "today.tcx", tcx(recent)),
             write(tmp_path, "old.gpx", gpx(Track())),
             write(tmp_path, "ride.fit", fit(Track(sport="cycling", distance_m=30_000))),
             write(tmp_path, "broken.fit", b"\x0e\x10nonsense")]
    results = imported(qtbot, ui, files)
    assert [r.outcome.value for r in results] == ["imported", "duplicate", "imported",
                                                  "not_run", "failed"]
    summary = ui.summary
    assert isinstance(summary, ImportSummary) and summary.isVisible()
    assert summary.headline.text() == ("2 runs imported, 1 duplicate, 1 not run, 1 failed")
    assert not summary.review_button.isVisible()  # nothing to confirm
    lines = summary.details.toPlainText().splitlines()
    assert lines[:3] == ["Could not be read:", "  broken.fit",
                         "      damaged FIT file: no FIT header"]
    assert lines[4:7] == ["Not runs:", "  ride.fit", "      cycling"]
    assert lines[8] == "Imported:"
    assert lines[9] == "  today.fit — 2026-11-18 18:05, 12.3 km, 1:01:40, 5:01/km"
    assert lines[12:14] == ["Already in your history:",
                            "  today.tcx — 2026-11-18 18:05, 12.3 km, 1:01:40, 5:01/km"]
    offer = ui.offer
    assert isinstance(offer, QMessageBox)
    assert offer.text() == "You ran 12.3 km at 18:05 — start your post-run routine?"
    assert offer.textFormat() == Qt.TextFormat.PlainText
    summary.close()
    offer.activateWindow()
    qtbot.waitUntil(offer.isActiveWindow, timeout=2000)
    qtbot.keyClick(offer, Qt.Key.Key_Return)  # the default: start it
    assert running(qtbot, win) is not None
    assert "Post-run" in win.windowTitle()


def test_an_old_run_is_not_offered(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    ui = make_window(qtbot, data_dir).runs_ui
    with qtbot.assertNotEmitted(ui.offered):
        imported(qtbot, ui, [write(tmp_path, "old.gpx", gpx(Track()))])
    assert ui.offer is None


def test_files_dropped_on_the_window_are_imported(qtbot: QtBot, data_dir: Path,
                                                  tmp_path: Path) -> None:
    win = make_window(qtbot, data_dir)
    path = write(tmp_path, "drop.gpx", gpx(Track()))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "a.txt"))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)  # the drag comes over the window…
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.runs_ui.finished, timeout=20000):
        QApplication.sendEvent(win, drop)  # …and is let go
    assert drop.isAccepted()
    assert win.history.run_count() == 1


def test_watched_folder_imports_what_appears(qtbot: QtBot, data_dir: Path,
                                             tmp_path: Path) -> None:
    win = make_window(qtbot, data_dir)
    ui = win.runs_ui
    folder = tmp_path / "watch-export"
    write(folder / "activities", "first.gpx", gpx(Track()))
    with qtbot.waitSignal(ui.finished, timeout=20000):
        ui.set_watched_folder(folder)
    assert win.history.run_count() == 1 and ui.summary is None  # quiet: the status bar says
    assert ui.watched_folder() == folder
    ui._settle.setInterval(0)
    assert ui.watcher is not None
    with qtbot.waitSignal(ui.finished, timeout=20000):
        write(folder, "second.fit", fit(Track(start=Track().start + timedelta(days=1))))
    assert win.history.run_count() == 2
    with qtbot.waitSignal(ui.scanned, timeout=20000) as scan:
        ui.scan_watched()  # nothing new: nothing read again
    assert scan.args == [0] and win.history.run_count() == 2
    # a new window (the next start) watches the same folder
    assert RunsUi(win, lambda: win.history, start_routine=lambda _p: None,
                  state_file=data_dir / "window.ini").watched_folder() == folder


def test_a_run_added_by_hand(qtbot: QtBot, data_dir: Path) -> None:
    win = make_window(qtbot, data_dir)
    win.history.add_shoe("Pegasus")
    dialog = win.runs_ui.add_by_hand()
    assert isinstance(dialog, ManualRunDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.distance.selectAll()
    qtbot.keyClicks(dialog.distance, "10.5")
    dialog.time.setTime(QTime(0, 55, 0))
    dialog.surface.setCurrentIndex(dialog.surface.findData("trail"))
    dialog.shoes.setCurrentIndex(1)
    assert dialog.shoes.currentText() == "Pegasus (0 km)"
    qtbot.keyClick(dialog.distance, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    (run,) = win.history.runs()
    assert (run.distance_m, run.moving_s, run.shoe, run.surface.value) == (  # type: ignore
        10500, 55 * 60, "Pegasus", "trail")
    assert win.history.shoes()[0].distance_m == 10500
    again = win.runs_ui.add_by_hand()  # the same run twice: said, not stored
    again.distance.setValue(10.5)
    again.time.setTime(dialog.time.time())
    again.when.setDateTime(dialog.when.dateTime())
    again.accept()
    assert again.isVisible() and "already have this run" in again.error.text()
    again.distance.setValue(0.05)
    again.accept()
    assert "too short for a run" in again.error.text() and win.history.run_count() == 1


def seed(data: Path) -> None:
    """Four quiet weeks, then a big one with pain rising."""
    store = open_store(data / "history.sqlite3")
    monday = datetime(2026, 10, 19, 17, 0, tzinfo=UTC)
    runs = []
    for week in range(5):
        for day in (0, 2, 4):
            km = 7.0 if week < 4 else 14.0
            start = monday + timedelta(weeks=week, days=day)
            if start.date() > TODAY:
                continue
            runs.append(Run(start=start, distance_m=km * 1000, moving_s=km * 330,
                            elapsed_s=km * 330, source=Source.FIT, climb_m=km * 8,
                            utc_offset_s=0, file_name=f"w{week}d{day}.fit"))
        store.save(SessionRecord(uid=f"s{week}", protocol_id="post-run-soleus",
                                 protocol_name="Post-run soleus recovery",
                                 protocol_digest="0" * 64,
                                 started_at=monday + timedelta(weeks=week, hours=1),
                                 planned_s=1440, status=Status.COMPLETED, active_s=1440,
                                 after=CheckIn(pain=2 if week < 4 else 5)))
    runs.append(Run(start=datetime(2026, 11, 17, 6, 0, tzinfo=UTC), distance_m=4000,
                    moving_s=1400, elapsed_s=1400, source=Source.GPX, name=EVIL,
                    file_name=EVIL + ".gpx"))
    store.add_runs(runs)
    store.close()


def test_history_window_shows_runs_beside_sessions(qtbot: QtBot, data_dir: Path,
                                                   tmp_path: Path) -> None:
    seed(data_dir)
    win = make_window(qtbot, data_dir)
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    hw = win.history_window
    assert hw is not None
    chart = hw.chart
    assert chart.runs and chart.accessibleName() == "Kilometres run per week"
    bars = chart.layout_bars(600, 150)
    assert [b.value for b in bars[-5:]] == ["21", "21", "21", "21", "32"]  # km, this week
    assert all(b.pain is not None for b in bars[-5:])  # the pain line over the bars
    notes = hw.load_notes
    assert notes.isVisible() and notes.textFormat() == Qt.TextFormat.PlainText
    assert "went from 21.0 km" in notes.text() and "32.0 km this week" in notes.text()
    assert "Increasing distance too quickly is a common cause of calf pain." in notes.text()
    assert "not a diagnosis" in notes.text()
    runs = hw.runs
    assert runs.model.rowCount() == 15 and runs.title.text() == "Runs (15)"
    hw.select("s4")  # the session of 16 Nov: that day's run in bold, named in the detail
    bold = [r for r in range(runs.model.rowCount())
            if runs.model.index(r, 0).data(Qt.ItemDataRole.FontRole) is not None]
    assert [runs.model.runs[r].start.day for r in bold] == [16]
    assert "Runs that day: 14.0 km at" in hw.detail_meta.text()
    assert "Your run of 14.0 km on 2026-11-16 was much longer" in notes.text()
    row = next(i for i, r in enumerate(runs.model.runs) if r.name == EVIL)
    rect = runs.table.visualRect(runs.model.index(row, 0))
    qtbot.mouseClick(runs.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = runs.detail
    assert detail.textFormat() == Qt.TextFormat.PlainText
    shown = detail.plain_text()  # what the label holds (it shows it isolated and breakable)
    assert EVIL in shown and "4.00 km" in shown
    assert "Time 23:20 (moving)" in shown and "pace 5:50/km" in shown
    assert not any(isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText
                   and EVIL in w.text() for w in hw.findChildren(QLabel))
    assert hw.grab().width() > 0  # painted with the hostile name, nothing loaded
    qtbot.mouseClick(runs.delete_button, Qt.MouseButton.LeftButton)
    assert runs.model.rowCount() == 14 and win.history.run_count() == 14
    qtbot.mouseClick(runs.undo_button, Qt.MouseButton.LeftButton)
    assert win.history.run_count() == 15 and runs.current() is not None
    assert hw.export("csv", tmp_path / "h.csv") and hw.export("json", tmp_path / "h.json")
    rows = list(csv.DictReader((tmp_path / "h.csv").open(encoding="utf-8")))
    assert sum(r["type"] == "run" for r in rows) == 15
    assert sum(r["type"] == "session" for r in rows) == 5
    assert len(json.loads((tmp_path / "h.json").read_text())["runs"]) == 15


def test_summary_shows_hostile_names_as_plain_text(qtbot: QtBot, data_dir: Path,
                                                   tmp_path: Path) -> None:
    ui = make_window(qtbot, data_dir).runs_ui
    path = write(tmp_path, "evil.gpx", gpx(Track(name=EVIL)))
    imported(qtbot, ui, [path, write(tmp_path, "x\u202e.fit", b"junk")])
    assert ui.summary is not None
    text = ui.summary.details.toPlainText()
    # shown, not interpreted, in a plain-text editor; isolated, so it reorders nothing
    assert "  \u2068x\u202e.fit\u202c\u2069\n      damaged FIT file" in text
    assert ui.summary.headline.textFormat() == Qt.TextFormat.PlainText


def test_the_parsing_libraries_are_not_loaded_with_the_window() -> None:
    """Start-up time: gpxpy, defusedxml and fitdecode load when a file is first read."""
    import subprocess
    import sys

    code = ("import sys; import soleus_coach.gui.main_window, soleus_coach.gui.history.run_intake; "
            "print(sorted(m for m in ('gpxpy', 'fitdecode', 'defusedxml', "
            "'concurrent.futures.process') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out.strip() == "[]"
