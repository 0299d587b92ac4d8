"""Runs in the window through its real entry points: File → Import runs… with a whole export
(progress, Cancel, the summary, "Review in History…", confirm), a folder import cancelled
half-way, an export dropped on the window, a watched folder's new subfolder (scanned and read
off the GUI thread), a year of runs in the chart (months, the older-runs hint, "All time"'s
real dates), and one clock in the runs list and detail."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from soleus_coach.gui.history.run_dialogs import ImportSummary
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.runs import Run, Source, importer
from soleus_coach.session.clock import FakeClock
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services
from tests.runfiles import (
    LocalZone,
    StravaActivity,
    Track,
    fit,
    garmin_export,
    gpx,
    strava_export,
    write,
)

TODAY = date(2026, 11, 18)
NOW = datetime(2026, 11, 18, 19, 0, tzinfo=UTC)


def make_window(qtbot: QtBot, data: Path, today: date = TODAY) -> MainWindow:
    store = SettingsStore(data / "settings.json")
    store.save(Settings(ask_pain_before=False, first_run_acknowledged=True,
                        injured_leg=Leg.RIGHT))
    win = MainWindow(app_services(data, FakeClock(), today=lambda: today,
                                  open_history=lambda: open_store(data / "history.sqlite3")))
    win.runs_ui.now = lambda: NOW
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
    return win


def export_with_a_doubt(tmp_path: Path) -> Path:
    """A Garmin export: eight runs, a ride, and a GPX with no type at a walker's pace."""
    files = {f"runner_{i}.fit": fit(Track(start=datetime(2026, 10, 1 + i, 7, 0, tzinfo=UTC),
                                          distance_m=6000 + 1000 * i, elapsed_s=2000 + 300 * i))
             for i in range(8)}
    files["runner_ride.fit"] = fit(Track(start=datetime(2026, 10, 20, 7, 0, tzinfo=UTC),
                                         sport="cycling", distance_m=40_000, elapsed_s=5400))
    files["runner_evening.gpx"] = gpx(Track(start=datetime(2026, 10, 21, 18, 0, tzinfo=UTC),
                                            distance_m=5000, elapsed_s=3300),
                                      sport_tag=False).encode()
    return write(tmp_path, "garmin-export.zip", garmin_export(files))


def test_file_import_of_a_whole_export_with_progress_summary_review_and_confirm(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    win = make_window(qtbot, data_dir)
    ui = win.runs_ui
    path = export_with_a_doubt(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(path)], "")))
    seen: list[tuple[int, int]] = []
    ui.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(ui.finished, timeout=30000) as blocker:
        ui.import_action.trigger()  # File → Import runs…
        progress = ui.progress
        assert isinstance(progress, QProgressDialog)
        assert progress.windowTitle() == "Importing runs"
        label = progress.findChild(QLabel)
        assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
        assert label.text().startswith("Reading garmin-export.zip…")
    results = list(blocker.args[0])
    assert len(results) == 10 and seen[-1] == (10, 10)
    assert ui.progress is None  # closed when done
    summary = ui.summary
    assert isinstance(summary, ImportSummary) and summary.isVisible()
    assert summary.headline.text() == ("8 runs imported, 1 not sure, 0 duplicates, 1 not run, "
                                       "0 failed")
    lines = summary.details.toPlainText().splitlines()
    assert lines[0] == "Not sure these are runs — confirm or delete them in History:"
    assert lines[1:3] == ["  garmin-export.zip › runner_evening.gpx — 2026-10-21 18:00, "
                          "5.0 km, 55:00, 11:00/km",
                          "      the file names no sport, and a pace of 11:00/km could be a "
                          "walk"]
    ride = lines.index("  garmin-export.zip › runner_ride.fit")
    assert lines[ride + 1] == "      cycling"
    assert summary.review_button.isVisible()
    qtbot.mouseClick(summary.review_button, Qt.MouseButton.LeftButton)
    hw = win.history_window
    assert hw is not None and hw.isVisible()
    runs = hw.runs
    assert runs.only_not_sure.isChecked() and runs.model.rowCount() == 1
    current = runs.current()
    assert current is not None and current.not_sure
    assert (round(current.distance_m), current.file_name) == (5000, "runner_evening.gpx")
    assert runs.detail.plain_text().startswith("Not sure this was a run")
    assert runs.confirm_button.isVisible()
    total_before = sum(w.distance_m for w in hw.chart.runs)
    qtbot.mouseClick(runs.confirm_button, Qt.MouseButton.LeftButton)
    assert win.history.run_count(not_sure=True) == 0
    assert sum(w.distance_m for w in hw.chart.runs) == pytest.approx(total_before + 5000)
    assert not runs.only_not_sure.isVisible()


def test_a_folder_import_cancelled_half_way_keeps_what_was_read(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "many"
    for i in range(300):
        write(folder, f"{i:03d}.gpx", gpx(Track(start=datetime(2025, 1, 1, 7, tzinfo=UTC) +
                                                timedelta(days=i), points=300)))
    win = make_window(qtbot, data_dir)
    ui = win.runs_ui
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(folder)))

    def cancel_once(done: int, _total: int) -> None:
        progress = ui.progress
        if done and progress is not None and not ui._cancel.is_set():
            button = progress.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            button.click()

    ui.progressed.connect(cancel_once)
    with qtbot.waitSignal(ui.finished, timeout=60000) as blocker:
        ui.import_folder_action.trigger()
    results = list(blocker.args[0])
    assert 0 < len(results) < 300
    assert win.history.run_count() == len(results)  # what was read is stored
    summary = ui.summary
    assert summary is not None and summary.stopped.isVisibleTo(summary)
    assert summary.stopped.plain_text().startswith(f"Stopped after {len(results)} of 300")


def test_an_export_dropped_on_the_window(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    win = make_window(qtbot, data_dir)
    path = write(tmp_path, "export_1.zip", strava_export([
        StravaActivity(1, "Run", "Morning Run", "activities/1.fit.gz", fit(Track())),
        StravaActivity(2, "Ride", "Commute", "activities/2.gpx", gpx(Track()).encode())]))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.runs_ui.finished, timeout=20000) as blocker:
        QApplication.sendEvent(win, drop)
    assert [r.outcome.value for r in blocker.args[0]] == ["imported", "not_run"]
    assert win.history.runs()[0].name == "Morning Run"


def test_a_watched_folder_imports_what_appears_in_a_new_subfolder_scanned_off_the_gui_thread(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    for name in ("scan_folder", "plan"):
        real = getattr(importer, name)

        def spy(*args: Any, _real: Any = real, **kw: Any) -> Any:
            threads.append(threading.current_thread())
            return _real(*args, **kw)

        monkeypatch.setattr(importer, name, spy)
    win = make_window(qtbot, data_dir)
    ui = win.runs_ui
    ui._settle.setInterval(0)
    folder = tmp_path / "watch"
    folder.mkdir()
    with qtbot.waitSignal(ui.scanned, timeout=20000):
        ui.set_watched_folder(folder)
    with qtbot.waitSignal(ui.finished, timeout=20000):
        write(folder / "2026" / "11", "new.fit", fit(Track()))  # a new subfolder, and a file
    assert win.history.run_count() == 1
    assert str(folder / "2026" / "11") in ui.watcher.directories()  # type: ignore[union-attr]
    with qtbot.waitSignal(ui.finished, timeout=20000):  # the subfolder is watched now
        write(folder / "2026" / "11", "next.gpx", gpx(Track(start=Track().start +
                                                            timedelta(days=1))))
    assert win.history.run_count() == 2
    assert threads and threading.main_thread() not in threads


def year_of_runs(data: Path) -> list[Run]:
    """A run every third day for 400 days before TODAY, and a session after each."""
    store = open_store(data / "history.sqlite3")
    runs = []
    for i in range(0, 400, 3):
        start = datetime(2026, 11, 17, 17, 0, tzinfo=UTC) - timedelta(days=i)
        runs.append(Run(start=start, distance_m=5000 + (i % 7) * 1000, moving_s=1800,
                        elapsed_s=1850, source=Source.FIT, utc_offset_s=0))
        store.save(SessionRecord(uid=f"s{i}", protocol_id="post-run-soleus",
                                 protocol_name="Post-run", protocol_digest="0" * 64,
                                 started_at=start + timedelta(hours=1), planned_s=1440,
                                 status=Status.COMPLETED, active_s=1440))
    store.add_runs(runs)
    store.close()
    return runs


def test_a_year_of_runs_in_the_chart(qtbot: QtBot, data_dir: Path) -> None:
    runs = year_of_runs(data_dir)
    win = make_window(qtbot, data_dir)
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    hw = win.history_window
    assert hw is not None
    first = min(r.start for r in runs).date()
    # All time: the real first and last dates, and months
    assert hw.period.currentData() == 0
    assert hw.since_edit.date().toPython() == first
    assert hw.until_edit.date().toPython() == TODAY
    chart = hw.chart
    assert chart.unit == "month" and chart.title() == "Kilometres run per month"
    assert chart.older_text() == ""
    by_month: dict[date, float] = {}
    for r in runs:
        key = r.start.date().replace(day=1)
        by_month[key] = by_month.get(key, 0) + r.distance_m / 1000
    assert [w.week_start for w in chart.runs] == sorted(by_month)
    assert [w.distance_m / 1000 for w in chart.runs] == [by_month[k] for k in sorted(by_month)]
    bars = chart.layout_bars(900, 150)
    assert len(bars) == 14 and bars[0].label == "Oct 25" and bars[3].label == "Jan 26"
    # the last 12 months: still months; the last 4 weeks: weeks, and older runs said
    hw.period.setCurrentIndex(hw.period.findData(365))
    assert chart.unit == "month" and len(chart.runs) == 13
    assert chart.older_text().startswith("Older runs, from ")
    hw.period.setCurrentIndex(hw.period.findData(28))
    assert chart.unit == "week" and chart.title() == "Kilometres run per week"
    assert len(chart.runs) == 5  # the weeks that the 28 days touch
    assert chart.older_text() == \
        f"Older runs, from {first.day} {first.strftime('%b %Y')}, are outside this period"
    assert "Older runs" in chart.accessibleDescription()
    assert hw.grab().width() > 0


@pytest.fixture
def berlin() -> Iterator[None]:
    zone = LocalZone("Europe/Berlin")
    yield
    zone.restore()


def test_one_clock_in_the_runs_list_and_detail(qtbot: QtBot, data_dir: Path, tmp_path: Path,
                                               berlin: None) -> None:
    """The watch says New York; the computer is in Berlin: the window shows the runner's
    05:42, and says which zone that is."""
    win = make_window(qtbot, data_dir)
    start = datetime(2026, 10, 4, 9, 42, tzinfo=UTC)
    twin = Track(start=start, distance_m=10_000, elapsed_s=3000, utc_offset_s=-4 * 3600)
    with qtbot.waitSignal(win.runs_ui.finished, timeout=20000):
        win.runs_ui.import_files([write(tmp_path, "twin.gpx", gpx(twin)),
                                  write(tmp_path, "twin.fit", fit(twin))])
    win.show_history()
    hw = win.history_window
    assert hw is not None
    runs = hw.runs
    assert runs.model.rowCount() == 1
    assert runs.model.index(0, 0).data() == "Sun 4 Oct 2026, 05:42"
    runs.table.selectRow(0)
    detail = runs.detail.plain_text()
    assert detail.startswith("Sun 4 Oct 2026, 05:42 · 10.00 km · UTC−04:00")
    assert "Time 50:00 (moving), elapsed 50:00, pace 5:00/km" in detail
