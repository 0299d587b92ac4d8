"""Every window and dialog fits the screen it opens on.

The check (:func:`misfits`): each visible top-level window lies within its screen's available
geometry, and asks for no more than it (its minimum size). It runs after every action of the
actions table (``tests/test_actions.py``: every menu entry, on a populated profile) and after
each question of a routine (check-in, red flag, it hurts, the finish page).

It runs here on the test screen, and again on the screens people have, in a child process
each (Qt's offscreen platform takes a screen of any size and scale from a config file):
800×600, 1366×768 at 100 % and 125 % and 1920×1080 at 200 % (a 960×540 screen of content),
each less a 32-pixel panel.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.windows import fit_to_screen
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.session.clock import FakeClock
from tests.conftest import app_services

#: (name, physical width, height, scale): the screens people have.
SCREENS = [("800x600", 800, 600, 1.0), ("1366x768", 1366, 768, 1.0),
           ("1366x768-125pct", 1366, 768, 1.25), ("1920x1080-200pct", 1920, 1080, 2.0)]
#: A desktop's panel takes this much of the screen's height (in logical pixels).
PANEL = 32
CHILD = "SOLEUS_COACH_SCREEN"


def misfits() -> list[str]:
    """What does not fit: every visible top-level window that is larger than, or lies
    outside, the available part of its screen, or whose minimum size is."""
    out = []
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible() or widget.isFullScreen() or widget.windowType() in (
                Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            continue  # (full screen covers the panel too, as it should)
        screen = widget.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry()
        if os.environ.get(CHILD):
            area = area.adjusted(0, 0, 0, -PANEL)
        name = f"{type(widget).__name__}:{widget.objectName()}"
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        if widget.layout() is not None and widget.layout().sizeConstraint() is not None:
            minimum = minimum.expandedTo(widget.layout().totalMinimumSize())
        if minimum.width() > area.width() or minimum.height() > area.height():
            out.append(f"{name} needs at least {minimum.width()}×{minimum.height()}, the "
                       f"screen has {area.width()}×{area.height()}")
        frame = widget.frameGeometry()
        if not area.contains(QRect(frame.topLeft(), frame.size().boundedTo(area.size()))) \
                or frame.width() > area.width() or frame.height() > area.height():
            out.append(f"{name} opens at {frame.width()}×{frame.height()}+{frame.x()}+"
                       f"{frame.y()} on a screen of {area.width()}×{area.height()}")
    return out


# ----------------------------------------------------------------------------- in this process


def test_the_main_window_opens_within_the_screen(qtbot: QtBot, data_dir: Path) -> None:
    win = MainWindow(app_services(data_dir, FakeClock()))
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    assert misfits() == []


def test_every_menu_entry_opens_a_window_that_fits(qtbot: QtBot, data_dir: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import test_actions as crawl

    seen: dict[str, list[str]] = {}
    for n, (action, row) in enumerate(sorted(crawl.ROWS.items(), key=lambda i: str(i[0]))):
        data = tmp_path / f"data{n}"
        data.mkdir()
        monkeypatch.setenv("SOLEUS_COACH_DATA_DIR", str(data))
        folder = tmp_path / f"files{n}"
        folder.mkdir()
        app = crawl.make_app(qtbot, data, folder, monkeypatch, populated=True)
        app.win.showNormal()
        fit_to_screen(app.win, QSize(1000, 640))  # (the crawl makes it 1280×800: as it opens)
        crawl.answer_file_dialogs(monkeypatch, open_file=app.files / "crawled.json",
                                  open_files=[app.files / "run.gpx"],
                                  save_file=app.files / crawl.EXPORTED, folder=app.files)
        row.prepare(app)
        _owner, act = crawl.the_action(app, row, action)
        act.trigger()
        qtbot.wait(5)
        row.settle(app)
        seen[str(action)] = misfits()
        row.answer(app)
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, QWidget) and widget is not app.win:
                widget.close()
        app.win.close()
    assert {a: m for a, m in seen.items() if m} == {}


def test_every_question_of_a_routine_fits(qtbot: QtBot, data_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The check-in, the red flag's advice, "it hurts" and the finish page."""
    from dataclasses import replace

    from soleus_coach.gui.session.checkin_dialog import CheckInDialog
    from tests import test_actions as crawl

    app = crawl.make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=False)
    win = app.win
    win.showNormal()
    fit_to_screen(win, QSize(1000, 640))  # (the crawl makes it 1280×800: as it opens)
    win.apply_settings(replace(win.settings, ask_pain_before=True))
    found: list[str] = []

    def now(where: str) -> None:
        found.extend(f"{where}: {m}" for m in misfits())

    assert win.start_session("post-run-soleus")
    qtbot.waitUntil(lambda: isinstance(win.safety_dialog, CheckInDialog), timeout=3000)
    now("check-in")
    dialog = win.safety_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_8)  # a red flag: the advice comes next
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.safety_dialog is not dialog and win.safety_dialog is not None,
                    timeout=3000)
    now("red flag")
    advice = win.safety_dialog
    assert isinstance(advice, QDialog)
    qtbot.keyClick(advice, Qt.Key.Key_Escape)  # not started
    qtbot.waitUntil(lambda: win.safety_dialog is None, timeout=3000)
    crawl.start(app)  # again, pain 2 this time
    crawl.to_kind(app, crawl.SegmentKind.HOLD, min_elapsed=3)
    crawl.activate(app, win)
    qtbot.keyClick(win.session, Qt.Key.Key_H)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    now("it hurts")
    crawl.close_dialogs(app)
    crawl.to_finish(app)
    now("finish page")
    assert found == []


# ----------------------------------------------------------------------------- other screens


def _screen_config(tmp_path: Path, width: int, height: int, scale: float) -> Path:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": round(width / scale),
        "height": round(height / scale), "logicalDpi": 96, "logicalBaseDpi": 96,
        "dpr": scale}]}), encoding="utf-8")
    return config


@pytest.mark.skipif(bool(os.environ.get(CHILD)), reason="already on one of the screens")
@pytest.mark.parametrize(("name", "width", "height", "scale"), SCREENS,
                         ids=[s[0] for s in SCREENS])
def test_on_the_screens_people_have(tmp_path: Path, name: str, width: int, height: int,
                                    scale: float) -> None:
    config = _screen_config(tmp_path, width, height, scale)
    env = {**os.environ, CHILD: name, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": "1"}
    env.pop("CI", None)  # (this very test skips itself in the child: not a skip CI must fail)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
         f"{Path(__file__).resolve()}", "-k", "not screens_people_have"],
        env=env, capture_output=True, text=True, timeout=900,
        cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_the_check_fails_on_a_window_larger_than_the_screen(qtbot: QtBot) -> None:
    big: Callable[[], QWidget] = QWidget
    widget = big()
    qtbot.addWidget(widget)
    area = (widget.screen() or QApplication.primaryScreen()).availableGeometry()
    widget.setMinimumSize(area.width() + 50, 100)
    widget.show()
    assert any("needs at least" in m for m in misfits())


# ----------------------------------------------------------------------------- names


@pytest.mark.parametrize("language", ["en", "de"])
def test_names_stay_readable_in_a_small_window(qtbot: QtBot, data_dir: Path, qapp: QApplication,
                                               language: str) -> None:
    """At 800×600 the routine's name gets at least 18 characters in All routines and in
    History (other columns make way), elides in the middle, and is whole in its tooltip; the
    History's "Routine" heading is whole."""
    from soleus_coach.gui.common import i18n
    from soleus_coach.gui.common.actions import ActionId
    from soleus_coach.history.records import SessionRecord, Status
    from soleus_coach.history.store import open_store

    store = open_store(data_dir / "history.sqlite3")
    name = "Post-run soleus recovery with a long name, both legs"
    from datetime import UTC, datetime
    store.save(SessionRecord(uid="a", protocol_id="x", protocol_name=name, protocol_digest="d",
                             started_at=datetime(2026, 11, 1, tzinfo=UTC), planned_s=60,
                             status=Status.COMPLETED))
    store.close()
    assert i18n.install(qapp, language) == language
    try:
        win = MainWindow(app_services(data_dir, FakeClock()))
        qtbot.addWidget(win)
        win.resize(800, 600)
        with qtbot.waitExposed(win):
            win.show()
        win.actions_by_id[ActionId.ALL_ROUTINES].trigger()
        view = win.library_page.view
        qtbot.waitUntil(lambda: view.header().sectionSize(0) > 0)
        room = view.fontMetrics().averageCharWidth() * 18
        assert view.header().sectionSize(0) >= room
        assert view.textElideMode() is Qt.TextElideMode.ElideMiddle
        win.actions_by_id[ActionId.HISTORY].trigger()
        history = win.history_window
        assert history is not None
        history.resize(800 - 16, 600 - 48)
        qtbot.waitUntil(lambda: history.model.rowCount() == 1)
        header = history.table.horizontalHeader()
        qtbot.waitUntil(lambda: header.sectionSize(history.model.ROUTINE) >= room)
        title = str(history.model.headerData(history.model.ROUTINE, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) + 12 <= \
            header.sectionSize(history.model.ROUTINE)
        tip = history.model.index(0, history.model.ROUTINE).data(Qt.ItemDataRole.ToolTipRole)
        assert name in tip
    finally:
        i18n.install(qapp, "en")
