"""Every action a person can take, taken the way a person takes it, and what it must change.

One table, :data:`ROWS`: for each action of the actions table (menus, the session's keys,
the editor's, the history's) and of the tray's menu, where the app must be for it
(``prepare``), what it must have changed (``effect``) and how to close what it opened
(``answer``). Each row is then

* triggered through its live menu (``QAction.trigger()`` on the action the menu holds), on a
  fresh profile (the first start's questions answered first) and on a populated one (a
  history with sessions, runs and a red flag; routines of the user's own);
* pressed as its keys, every key it is bound to, through ``qtbot`` (Qt's shortcut map);
* silenced (its handler cut off) and triggered again: then its effect must *not* happen.
  That is the mutation check of the wiring: a row whose effect would be seen anyway cannot
  pass, and a handler made to do nothing is caught.

A new action without a row fails :func:`test_every_action_has_a_row`. Any unhandled
exception (pytest-qt fails the test on one raised in a slot), any error box, and any log
record at ERROR fail the row.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.checkin import CheckIn
from soleus_coach.editing import Kind
from soleus_coach.gui.common.actions import SPECS, ActionId, bound_keys
from soleus_coach.gui.history.run_dialogs import WatchedFolderDialog
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.checkin_dialog import CheckInDialog
from soleus_coach.gui.session.finish_page import FinishPage
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.gui.session.safety_dialogs import FirstRunDialog
from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog
from soleus_coach.history.records import SegmentRecord, SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.runs import Run, Source
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, minimal_protocol, write_protocol
from tests.runfiles import Track, gpx

NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


# ----------------------------------------------------------------------------- the app


@dataclass
class App:
    qtbot: QtBot
    win: MainWindow
    data: Path
    clock: FakeClock
    files: Path  # where the file dialogs' answers are
    opened: list[QUrl] = field(default_factory=list)  # what was handed to the desktop

    @property
    def history_window(self) -> QWidget:
        hw = self.win.history_window
        assert hw is not None
        return hw

    @property
    def editor(self) -> QWidget:
        assert self.win.editors.editors, "no editor open"
        return self.win.editors.editors[-1]

    def visible(self, kind: type[QWidget], name: str | None = None) -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and (
                    name is None or widget.objectName() == name):
                return widget
        return None


def populate(data: Path, files: Path) -> None:
    """A profile in use: sessions (the last with a red flag after it), runs, and routines of
    the user's own."""
    store = open_store(data / "history.sqlite3")
    for i, pain in enumerate((3, 2, 8)):
        rec = SessionRecord(uid=f"s{i}", protocol_id="post-run-soleus",
                            protocol_name="Post-run soleus recovery", protocol_digest="d",
                            started_at=NOW - timedelta(days=3 - i), planned_s=1450,
                            status=Status.COMPLETED, active_s=1400, leg="right",
                            after=CheckIn(pain=pain, swelling=pain > 5))
        rec.ended_at = rec.started_at + timedelta(seconds=1400)
        rec.segments = [SegmentRecord(0, "hold", "Bent-knee wall stretch", "right", 1, 30, 30,
                                      "completed", rec.started_at + timedelta(seconds=40))]
        store.save(rec)
    for i in range(3):
        start = NOW - timedelta(days=5 + i)
        store.add_run(Run(start=start, distance_m=8000.0 + 1000 * i, moving_s=2700.0,
                          elapsed_s=2800.0, climb_m=40.0, source=Source.MANUAL))
    store.close()
    write_protocol(data / "protocols", "mine.json",
                   minimal_protocol(id="mine", name="My own routine"))


def make_app(qtbot: QtBot, data: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, *,
             populated: bool) -> App:
    files = tmp / "files"
    files.mkdir()
    if populated:
        SettingsStore(data / "settings.json").save(Settings(
            first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.RIGHT))
        populate(data, files)
    clock = FakeClock()
    win = MainWindow(app_services(data, clock, now=lambda: NOW.astimezone(),
                                  today=lambda: NOW.date()))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    app = App(qtbot, win, data, clock, files)
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: app.opened.append(url) or True))
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    qtbot.waitUntil(lambda: win.library is not None and win.home.loaded, timeout=3000)
    if not populated:  # a first start: the notice, then the set-up, as a person answers them
        notice = wait_dialog(app, FirstRunDialog)
        qtbot.keyClick(notice, Qt.Key.Key_Return)
        setup = wait_dialog(app, SetupDialog)
        qtbot.keyClick(setup, Qt.Key.Key_R)
        qtbot.keyClick(setup, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: win.safety_dialog is None, timeout=3000)
    activate(app, win)
    return app


def wait_dialog(app: App, kind: type[QDialog]) -> QDialog:
    app.qtbot.waitUntil(lambda: isinstance(app.win.safety_dialog, kind), timeout=3000)
    dialog = app.win.safety_dialog
    assert isinstance(dialog, kind)
    app.qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def activate(app: App, widget: QWidget) -> None:
    widget.activateWindow()
    app.qtbot.waitUntil(widget.isActiveWindow, timeout=3000)


def start(app: App, protocol_id: str = "post-run-soleus") -> None:
    """A routine started and running, its questions answered (pain 2, no flags; the right
    leg)."""
    win = app.win
    activate(app, win)
    assert win.start_session(protocol_id)
    for _ in range(5):
        dialog = win.safety_dialog
        if isinstance(dialog, CheckInDialog):
            app.qtbot.keyClick(dialog, Qt.Key.Key_2)
            app.qtbot.keyClick(dialog, Qt.Key.Key_Return)
        elif isinstance(dialog, LegQuestion):
            app.qtbot.keyClick(dialog, Qt.Key.Key_R)
        else:
            break
    app.qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
    activate(app, win)


def segment_kind(app: App) -> SegmentKind:
    assert app.win.session is not None
    return app.win.session.controller.engine.segment.kind


def to_kind(app: App, kind: SegmentKind, *, min_elapsed: float = 0.0) -> None:
    """Skip ahead (as Right does) to the first segment of ``kind``; then let a few seconds
    pass in it."""
    screen = app.win.session
    assert screen is not None
    for _ in range(60):
        if segment_kind(app) is kind:
            break
        screen.controller.skip()
    assert segment_kind(app) is kind
    if min_elapsed:
        app.clock.advance(min_elapsed)
        screen.controller.process()


def to_finish(app: App) -> FinishPage:
    """Skip (as Right does) through the rest of the routine to its finish page."""
    screen = app.win.session
    assert screen is not None
    for _ in range(80):
        if app.win.flow.finish_page is not None and app.win.flow.finish_page.isVisible():
            break
        screen.controller.skip()
    finish = app.win.flow.finish_page
    assert finish is not None
    app.qtbot.waitUntil(finish.isVisible)
    return finish


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, *, open_file: Path | None = None,
                        open_files: list[Path] | None = None, save_file: Path | None = None,
                        folder: Path | None = None) -> None:
    """The desktop's file dialogs, answered as a person would pick."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(open_file or ""), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(p) for p in open_files or []], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(save_file or ""), "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder or "")))


def close_dialogs(app: App) -> None:
    """Close whatever dialog an action opened (Esc, as a person would)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    app.qtbot.wait(1)


# ----------------------------------------------------------------------------- the rows


@dataclass(frozen=True)
class Row:
    #: Where the action lives: "window" (its menus), "session" (the Session menu and the
    #: session's keys), "editor", "history" (keys only: a window without menus), "tray".
    where: str
    #: What must have changed once it ran (False before it ran, and when silenced).
    effect: Callable[[App], bool]
    prepare: Callable[[App], None] = lambda app: None
    answer: Callable[[App], None] = close_dialogs
    #: Waits for what the action started in the background (nothing, by default).
    settle: Callable[[App], None] = lambda app: None


def open_history(app: App) -> None:
    app.win.actions_by_id[ActionId.HISTORY].trigger()
    hw = app.history_window
    app.qtbot.waitExposed(hw)
    activate(app, hw)


def history_with_selection(app: App) -> None:
    open_history(app)
    hw = app.win.history_window
    assert hw is not None
    hw.table.selectRow(0)  # type: ignore[attr-defined]
    hw.table.setFocus()  # type: ignore[attr-defined]


def history_count(app: App) -> int:
    return app.win.history.count()


def open_editor(app: App) -> None:
    app.win.editors.new_action.trigger()
    editor = app.editor
    app.qtbot.waitExposed(editor)
    activate(app, editor)
    app.qtbot.waitUntil(lambda: editor.checked, timeout=3000)  # type: ignore[attr-defined]


def editor_with_steps(app: App) -> None:
    """A valid routine of two rest steps in a new editor, the second one selected."""
    open_editor(app)
    ed = app.editor
    for field_name, text in (("name", "Crawl routine"), ("summary", "Made by the crawl.")):
        ed._edit_routine(field_name, text)  # type: ignore[attr-defined]
    ed.routine_pane.show_fields(ed.draft)  # type: ignore[attr-defined]
    ed.kind_combo.setCurrentIndex(ed.kind_combo.findData(Kind.REST))  # type: ignore[attr-defined]
    for name in ("First rest", "Second rest"):
        ed.actions_by_id[ActionId.EDITOR_ADD].trigger()  # type: ignore[attr-defined]
        ed._edit_step("name", name)  # type: ignore[attr-defined]
    ed.step_list.setCurrentRow(1)  # type: ignore[attr-defined]
    ed.check_now()  # type: ignore[attr-defined]
    activate(app, ed)
    ed.step_list.setFocus()  # type: ignore[attr-defined]  # keys go to the editor, not a field


def steps(app: App) -> int:
    return len(app.editor.draft.steps)  # type: ignore[attr-defined]




def edited(app: App) -> None:
    """The editor with steps; the draft as it is then is remembered."""
    editor_with_steps(app)
    remember("draft", app.editor.draft)  # type: ignore[attr-defined]


def undone(app: App) -> None:
    edited(app)
    app.editor.actions_by_id[ActionId.EDITOR_UNDO].trigger()  # type: ignore[attr-defined]






_MEMO: dict[str, object] = {}


def remember(key: str, value: object) -> None:
    _MEMO[key] = value


def seen(key: str) -> object:
    return _MEMO.get(key)


def session_index(app: App) -> int:
    assert app.win.session is not None
    return app.win.session.controller.engine.index


def prepare_hold(app: App) -> None:
    start(app)
    to_kind(app, SegmentKind.HOLD, min_elapsed=3)
    remember("index", session_index(app))
    assert app.win.session is not None
    remember("duration", app.win.session.controller.engine.duration())


def prepare_shorter_hold(app: App) -> None:
    """A hold that can be made longer (the bundled one starts at its longest): shortened
    first, as ↓ does."""
    prepare_hold(app)
    assert app.win.session is not None
    app.win.session.controller.adjust_hold(-5)
    remember("duration", app.win.session.controller.engine.duration())


def prepare_back(app: App) -> None:
    start(app)
    to_kind(app, SegmentKind.HOLD)
    remember("index", session_index(app))


def prepare_self_paced(app: App) -> None:
    doc = minimal_protocol(id="paced", name="Paced")
    doc["format"] = 2
    doc["when"] = "any"
    doc["steps"] = [{"kind": "strength", "name": "Heel raise", "sets": 1, "reps": 3,
                     "rest_s": 10, "self_paced": "rep", "sides": "none",
                     "instructions": ["Up and down."]}]
    write_protocol(app.data / "protocols", "paced.json", doc)
    app.win.reload_library()
    start(app, "paced")
    to_kind(app, SegmentKind.SET)
    remember("reps", 0)


def reps_done(app: App) -> int:
    assert app.win.session is not None
    return app.win.session.controller.engine.reps_done


def page_is(app: App, name: str) -> bool:
    return app.win.pages.currentWidget() is {"home": app.win.home,
                                             "library": app.win._library_page}[name]


def go_library(app: App) -> None:
    app.win.show_library()


def run_count(app: App) -> int:
    return app.win.history.run_count()


def import_runs_prepare(app: App) -> None:
    gpx_file = app.files / "run.gpx"
    gpx_file.write_text(gpx(Track(start=NOW - timedelta(days=1), distance_m=7000)),
                        encoding="utf-8")
    remember("runs", run_count(app))


def runs_imported(app: App) -> bool:
    return run_count(app) > seen("runs")  # type: ignore[operator]


def runs_read(app: App) -> None:
    """The files are read in a worker thread: wait until it is done (at once, when the
    action did not start one)."""
    app.qtbot.waitUntil(lambda: not getattr(app.win.runs_ui, "_busy", False), timeout=30000)




def import_prepare(app: App) -> None:
    write_protocol(app.files, "crawled.json", minimal_protocol(id="crawled", name="Crawled"))


def routine_file_added(app: App) -> None:
    write_protocol(app.win.services.user_protocols_dir, "added.json",
                   minimal_protocol(id="added", name="Added by hand"))
    app.win.library_watcher.blockSignals(True)  # type: ignore[attr-defined]


def tray_prepare(state: str) -> Callable[[App], None]:
    def prepare(app: App) -> None:
        from dataclasses import replace

        app.win.apply_settings(replace(app.win.settings, reminder_on=True))  # keeps the tray
        if state == "session":
            start(app, "ice-timer")
            to_kind(app, SegmentKind.ICE)
        app.win.companions.sync()
        assert app.win.tray is not None
        remember("paused", False)
    return prepare


def paused(app: App) -> bool:
    return app.win.session is not None and app.win.session.state is State.PAUSED


def stop_asked(app: App) -> bool:
    box = app.visible(QMessageBox, "stopConfirm")
    return box is not None


def editor_saved(app: App) -> bool:
    return any(app.win.services.user_protocols_dir.glob("crawl-routine*.json"))




EXPORTED = "exported.json"


def file_written(name: str) -> Callable[[App], bool]:
    return lambda app: (app.files / name).is_file() or (app.files / name).with_suffix(
        ".zip").is_file()


ROWS: dict[ActionId, Row] = {
    # ---- the window's menus
    ActionId.IMPORT: Row("window", lambda app: app.win.library.get("crawled") is not None,
                         import_prepare),
    ActionId.NEW_ROUTINE: Row("window", lambda app: bool(app.win.editors.editors),
                              answer=lambda app: [e.close() for e in app.win.editors.editors]),
    ActionId.OPEN_FOLDER: Row("window", lambda app: any(
        u.toLocalFile() == str(app.win.services.user_protocols_dir) for u in app.opened)),
    ActionId.RELOAD: Row("window", lambda app: app.win.library.get("added") is not None,
                         routine_file_added),
    ActionId.IMPORT_RUNS: Row("window", runs_imported, import_runs_prepare, settle=runs_read),
    ActionId.ADD_RUN: Row("window", lambda app: app.visible(QDialog, "manualRun") is not None),
    ActionId.IMPORT_RUNS_FOLDER: Row("window", runs_imported, import_runs_prepare,
                                     settle=runs_read),
    ActionId.WATCHED_FOLDER: Row("window",
                                 lambda app: app.visible(WatchedFolderDialog) is not None),
    ActionId.QUIT: Row("window", lambda app: not app.win.isVisible(),
                       answer=lambda app: None),
    ActionId.HOME: Row("window", lambda app: page_is(app, "home"), go_library),
    ActionId.ALL_ROUTINES: Row("window", lambda app: page_is(app, "library")),
    ActionId.FULLSCREEN: Row("window", lambda app: app.win.isFullScreen(),
                             answer=lambda app: app.win.showNormal()),
    ActionId.MUTE: Row("window", lambda app: not app.win.settings.sound_on),
    ActionId.HISTORY: Row("window", lambda app: app.win.history_window is not None
                          and app.win.history_window.isVisible(),
                          answer=lambda app: app.win.history_window.close()  # type: ignore[union-attr]
                          if app.win.history_window else None),
    ActionId.SETTINGS: Row("window", lambda app: app.visible(QDialog, "settingsDialog")
                           is not None),
    ActionId.SHORTCUTS: Row("window", lambda app: app.visible(QDialog, "shortcutHelp")
                            is not None),
    ActionId.SAFETY_NOTICE: Row("window", lambda app: app.visible(QDialog, "firstRunNotice")
                                is not None),
    ActionId.ABOUT: Row("window", lambda app: app.visible(QDialog, "aboutDialog") is not None),
    # ---- a routine, running
    ActionId.PAUSE: Row("session", paused, prepare_hold),
    ActionId.SKIP: Row("session", lambda app: session_index(app) > seen("index"),  # type: ignore[operator]
                       prepare_hold),
    ActionId.BACK: Row("session", lambda app: session_index(app) < seen("index"),  # type: ignore[operator]
                       prepare_back),
    ActionId.LONGER: Row("session", lambda app: app.win.session is not None and
                         app.win.session.controller.engine.duration() > seen("duration"),  # type: ignore[operator]
                         prepare_shorter_hold),
    ActionId.SHORTER: Row("session", lambda app: app.win.session is not None and
                          app.win.session.controller.engine.duration() < seen("duration"),  # type: ignore[operator]
                          prepare_hold),
    ActionId.HURTS: Row("session", lambda app: app.visible(QDialog, "itHurts") is not None,
                        prepare_hold),
    ActionId.STOP: Row("session", stop_asked, prepare_hold),
    ActionId.REP_DONE: Row("session", lambda app: reps_done(app) > 0, prepare_self_paced),
    ActionId.COMPACT: Row("session", lambda app: app.win.companions.compact_shown,
                          prepare_hold,
                          answer=lambda app: app.win.companions.show_full()),
    # ---- the editor
    ActionId.EDITOR_SAVE: Row("editor", editor_saved, editor_with_steps),
    ActionId.EDITOR_UNDO: Row("editor", lambda app: app.editor.draft != seen("draft"),  # type: ignore[attr-defined]
                              edited),
    ActionId.EDITOR_REDO: Row("editor", lambda app: app.editor.draft == seen("draft"),  # type: ignore[attr-defined]
                              undone),
    ActionId.EDITOR_ADD: Row("editor", lambda app: steps(app) == 3, editor_with_steps),
    ActionId.EDITOR_DUPLICATE: Row("editor", lambda app: steps(app) == 3, editor_with_steps),
    ActionId.EDITOR_REMOVE: Row("editor", lambda app: steps(app) == 1, editor_with_steps),
    ActionId.EDITOR_UP: Row("editor", lambda app: app.editor.current == 0,  # type: ignore[attr-defined]
                            editor_with_steps),
    ActionId.EDITOR_DOWN: Row("editor", lambda app: app.editor.current == 1,  # type: ignore[attr-defined]
                              lambda app: (editor_with_steps(app),
                                           app.editor.step_list.setCurrentRow(0))),  # type: ignore[attr-defined]
    ActionId.EDITOR_TRY: Row("editor", lambda app: app.win.flow.busy, editor_with_steps),
    ActionId.EDITOR_CLOSE: Row("editor", lambda app: not app.win.editors.editors or
                               app.visible(QMessageBox, "closeQuestion") is not None,
                               editor_with_steps),  # unsaved: it asks first
    ActionId.EDITOR_EXPORT: Row("editor", file_written(EXPORTED), editor_with_steps),
    ActionId.EDITOR_ROUNDS: Row("editor", lambda app: app.visible(QDialog) is not None
                                and app.visible(QDialog).objectName() == "makeRoundsDialog",
                                editor_with_steps),
    ActionId.EDITOR_TRANSLATIONS: Row(
        "editor", lambda app: any(e.translations_window is not None
                                  and e.translations_window.isVisible()
                                  for e in app.win.editors.editors), editor_with_steps),
    ActionId.EDITOR_PRINT: Row("editor", lambda app: app.visible(QDialog) is not None
                               and type(app.visible(QDialog)).__name__ == "QPrintDialog",
                               editor_with_steps),
    # ---- the history window
    ActionId.HISTORY_DELETE: Row("history", lambda app: history_count(app) == 2,
                                 history_with_selection),
    ActionId.HISTORY_UNDO: Row("history", lambda app: history_count(app) == 3,
                               lambda app: (history_with_selection(app),
                                            app.history_window.delete_current())),  # type: ignore[attr-defined]
    ActionId.HISTORY_CLOSE: Row("history", lambda app: not app.history_window.isVisible(),
                                open_history),
}

#: The tray's menu, at rest and during a routine (its entries act through the window).
TRAY_ROWS: dict[tuple[str, ActionId], Row] = {
    ("rest", ActionId.SHOW): Row("tray", lambda app: app.win.isVisible() and
                                 not app.win.isMinimized(),
                                 lambda app: (tray_prepare("rest")(app),
                                              app.win.showMinimized())),
    ("rest", ActionId.START_AFTER): Row("tray", lambda app: app.win.flow.busy,
                                        tray_prepare("rest")),
    ("rest", ActionId.START_BEFORE): Row("tray", lambda app: app.win.flow.busy,
                                         tray_prepare("rest")),
    ("rest", ActionId.QUIT): Row("tray", lambda app: not app.win.isVisible(),
                                 tray_prepare("rest"), answer=lambda app: None),
    ("session", ActionId.PAUSE): Row("tray", paused, tray_prepare("session")),
    ("session", ActionId.STOP): Row("tray", stop_asked, tray_prepare("session")),
    ("session", ActionId.COMPACT): Row("tray", lambda app: app.win.companions.compact_shown,
                                       tray_prepare("session"),
                                       answer=lambda app: app.win.companions.show_full()),
    ("session", ActionId.SHOW): Row("tray", lambda app: app.win.isVisible() and
                                    not app.win.isMinimized(),
                                    lambda app: (tray_prepare("session")(app),
                                                 app.win.showMinimized())),
}


# ----------------------------------------------------------------------------- how to reach


def menu_actions(menu_bar_owner: QWidget) -> Iterator[QAction]:
    """Every action in the window's menus (and their sub-menus), as a person sees them."""
    bar = menu_bar_owner.menuBar()  # type: ignore[attr-defined]
    stack = [a.menu() for a in bar.actions() if a.menu() is not None]
    while stack:
        menu = stack.pop()
        assert isinstance(menu, QMenu)
        for act in menu.actions():
            if act.menu() is not None:
                stack.append(act.menu())
            elif not act.isSeparator():
                yield act


def the_action(app: App, row: Row, action: ActionId) -> tuple[QWidget, QAction]:
    """The live action a person would use, and the window it is in."""
    name = f"action_{action.value}"
    if row.where == "window":
        owner: QWidget = app.win
    elif row.where == "session":
        owner = app.win
        for act in app.win.session_menu.actions():
            if act.objectName() == name:
                assert app.win.session_menu.isEnabled()
                return app.win.session, act  # type: ignore[return-value]
        raise AssertionError(f"{action} is not in the Session menu")
    elif row.where == "editor":
        owner = app.editor
    else:
        assert row.where == "history"
        hw = app.history_window
        act = hw.actions_by_id[action]  # type: ignore[attr-defined]
        return hw, act
    for act in menu_actions(owner):
        if act.objectName() == name:
            return owner, act
    raise AssertionError(f"{action} is in none of the menus")


def tray_action(app: App, action: ActionId) -> QAction:
    from soleus_coach.gui.tray import menu_entries

    tray = app.win.tray
    assert tray is not None and tray.menu is not None
    acts = [a for a in tray.menu.actions() if not a.isSeparator()]
    entries = tray.entries
    assert len(acts) == len(entries)
    for act, entry in zip(acts, entries, strict=True):
        if entry.action is action:
            assert act.isEnabled(), f"{action} is greyed in the tray's menu"
            return act
    raise AssertionError(f"{action} not in the tray's menu: {[e.action for e in entries]}"
                         f" ({menu_entries.__name__})")


def press(app: App, target: QWidget, key: QKeySequence) -> None:
    combo = key[0]
    widget = QApplication.focusWidget() or target
    if widget.window() is not target.window():
        widget = target
    app.qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


class Failures(logging.Handler):
    """Log records at ERROR (a traceback the app caught and logged)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def failures() -> Iterator[Failures]:
    handler = Failures()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


def no_error_shown(app: App, failures: Failures) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            assert widget.icon() is not QMessageBox.Icon.Critical, widget.text()
            assert "went wrong" not in widget.text(), widget.text()
    assert not failures.records, [r.getMessage() for r in failures.records]


def run_row(app: App, row: Row, trigger: Callable[[], None],
            monkeypatch: pytest.MonkeyPatch) -> bool:
    answer_file_dialogs(monkeypatch, open_file=app.files / "crawled.json",
                        open_files=[app.files / "run.gpx"],
                        save_file=app.files / EXPORTED, folder=app.files)
    row.prepare(app)
    assert not row.effect(app), "the effect is there before the action: a row that proves nothing"
    trigger()
    app.qtbot.wait(5)
    row.settle(app)
    done = row.effect(app)
    row.answer(app)
    return done


# ----------------------------------------------------------------------------- the tests


def test_every_action_has_a_row() -> None:
    help_only = {s.id for s in SPECS.values() if s.help_only}
    tray_only = {a for (_state, a) in TRAY_ROWS} - set(SPECS)
    assert set(ROWS) == set(SPECS) - help_only, "an action without a row in ROWS"
    assert tray_only == {ActionId.SHOW, ActionId.START_AFTER, ActionId.START_BEFORE}


#: Rows about sessions in the history: a fresh profile has none to delete.
NEEDS_SESSIONS = {ActionId.HISTORY_DELETE, ActionId.HISTORY_UNDO}


def _profiles() -> list[Any]:
    """Every row on a fresh and on a populated profile, but those of :data:`NEEDS_SESSIONS`
    on the populated one only."""
    return [pytest.param(action, populated, id=f"{action}-{'populated' if populated else 'fresh'}")
            for action in sorted(ROWS, key=str) for populated in (False, True)
            if populated or action not in NEEDS_SESSIONS]


@pytest.mark.parametrize(("action", "populated"), _profiles())
def test_the_menu_entry_does_what_it_says(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failures: Failures, action: ActionId, populated: bool) -> None:
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=populated)
    row = ROWS[action]

    def trigger() -> None:
        _owner, act = the_action(app, row, action)
        assert act.isEnabled(), f"{action} is greyed"
        act.trigger()

    assert run_row(app, row, trigger, monkeypatch), f"{action}: nothing happened"
    no_error_shown(app, failures)


@pytest.mark.parametrize("action", sorted(a for a in ROWS if SPECS[a].keys or SPECS[a].standard),
                         ids=str)
def test_every_key_does_what_the_menu_does(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failures: Failures, action: ActionId) -> None:
    row = ROWS[action]
    for key in bound_keys(SPECS[action]):
        if key.toString() in ("Open", "Help", "Close", "Undo", "Redo", "Delete"):
            continue  # a keyboard's own Open or Help key: no such key in a test
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir()
        folder = tmp_path / f"{action.value}-{abs(hash(key.toString()))}"
        folder.mkdir()
        app = make_app(qtbot, data_dir, folder, monkeypatch, populated=True)

        def trigger(app: App = app, key: QKeySequence = key) -> None:
            owner, _act = the_action(app, row, action)
            activate(app, owner.window())
            press(app, owner, key)

        assert run_row(app, row, trigger, monkeypatch), \
            f"{key.toString()} ({action}): nothing happened"
        no_error_shown(app, failures)
        app.win.close()


@pytest.mark.parametrize("action", sorted(ROWS, key=str), ids=str)
def test_a_silenced_action_is_caught(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        action: ActionId) -> None:
    """The mutation check: with the action's handler cut off, its row must fail."""
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
    row = ROWS[action]

    def trigger() -> None:
        _owner, act = the_action(app, row, action)
        act.triggered.disconnect()  # the handler made to do nothing
        act.trigger()

    assert not run_row(app, row, trigger, monkeypatch), \
        f"{action}: its effect happened with its handler cut off: the row proves nothing"


@pytest.mark.parametrize("state,action", sorted(TRAY_ROWS), ids=lambda v: str(v))
def test_the_trays_menu_does_what_it_says(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failures: Failures, state: str, action: ActionId) -> None:
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
    row = TRAY_ROWS[(state, action)]
    assert run_row(app, row, lambda: tray_action(app, action).trigger(), monkeypatch), \
        f"tray ({state}) {action}: nothing happened"
    no_error_shown(app, failures)


@pytest.mark.parametrize("state,action", sorted(TRAY_ROWS), ids=lambda v: str(v))
def test_a_silenced_tray_entry_is_caught(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        state: str, action: ActionId) -> None:
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
    row = TRAY_ROWS[(state, action)]

    def trigger() -> None:
        act = tray_action(app, action)
        act.triggered.disconnect()
        act.trigger()

    assert not run_row(app, row, trigger, monkeypatch)


def test_enter_on_home_starts_the_routine_of_the_moment(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one help-only key (Start, Enter): the home page's own key, not an action."""
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
    app.win.home.primary_button().setFocus()
    qtbot.keyClick(app.win.home, Qt.Key.Key_Return)
    assert app.win.flow.busy  # its check-in (the last one had a red flag) is asked
    assert isinstance(app.win.safety_dialog, CheckInDialog)


def test_the_tray_at_rest_after_a_routine_offers_the_routines_and_quit(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With reminders on, the tray stays after a routine: it must be the tray at rest (no
    Pause, no Stop, no "Ice the calf: 0:00"), after a stop and after the end alike."""
    for ending in ("stop", "finish"):
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir()
        folder = tmp_path / ending
        folder.mkdir()
        app = make_app(qtbot, data_dir, folder, monkeypatch, populated=True)
        tray_prepare("session")(app)
        screen = app.win.session
        assert screen is not None
        if ending == "stop":
            screen.controller.stop()
        else:
            app.clock.advance(10_000)
            screen.controller.process()
        qtbot.keyClick(app.win.flow.finish_page, Qt.Key.Key_Escape)  # type: ignore[arg-type]
        if app.win.flow.finish_page is not None:  # advice shown: Enter goes home
            qtbot.keyClick(app.win.flow.finish_page, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda app=app: app.win.flow.state is FlowState.IDLE)
        tray = app.win.tray
        assert tray is not None and tray.menu is not None
        texts = [a.text() for a in tray.menu.actions()]
        assert [e.action for e in tray.entries] == [ActionId.SHOW, ActionId.START_AFTER,
                                                    ActionId.START_BEFORE, ActionId.QUIT]
        assert "Pause" not in texts and "0:00" not in tray.tooltip, (texts, tray.tooltip)
        assert "Soleus Coach" in tray.tooltip
        tray_action(app, ActionId.QUIT).trigger()
        assert not app.win.isVisible()


def test_settings_and_quit_have_keys_on_every_platform() -> None:
    """A platform's standard Preferences and Quit keys may be empty (Linux): the keys Help
    lists are bound whatever the platform."""
    for action, key in ((ActionId.SETTINGS, "Ctrl+,"), (ActionId.QUIT, "Ctrl+Q"),
                        (ActionId.IMPORT, "Ctrl+O"), (ActionId.SHORTCUTS, "F1")):
        assert QKeySequence(key) in bound_keys(SPECS[action])
    redo = [k.toString() for k in bound_keys(SPECS[ActionId.EDITOR_REDO])]
    assert "Ctrl+Y" in redo and "Ctrl+Shift+Z" in redo


def test_help_lists_the_keys_bound_and_nothing_else(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
    start(app)
    open_editor(app)
    bound = {}
    for owner in (app.win, app.editor):
        for act in owner.findChildren(QAction):
            if act.objectName().startswith("action_"):
                bound[act.objectName()[7:]] = [k.toString() for k in act.shortcuts()]
    for action_id, keys in bound.items():
        expected = [k.toString() for k in bound_keys(SPECS[ActionId(action_id)])]
        assert keys == expected, (action_id, keys, expected)
    app.win.actions_by_id[ActionId.SHORTCUTS].trigger()
    dialog = app.visible(QDialog, "shortcutHelp")
    assert dialog is not None
    listed = dialog.text()  # type: ignore[attr-defined]
    for needle in ("Ctrl+,", "Ctrl+Q", "Ctrl+Shift+Z / Ctrl+Y", "F11", "Alt+↑"):
        assert needle in listed, needle
