"""German everywhere: every page and dialog is opened under a German UI, every text a person
can read or hear from a screen reader is collected (labels, buttons, tooltips, accessible
names, menus, window titles, table headers, combo boxes, message boxes, the status bar), and
the test fails on any English word in it.

What may stay English: the bundled routines' own texts (names, steps, instructions; they come
from files), proper names and key names. Those are taken out before the check.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common import i18n
from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.shortcuts_dialog import ShortcutsDialog
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from tests.conftest import app_services, running

ROOT = Path(__file__).resolve().parents[1]

#: English words that are not also German words (checked against every German translation
#: below, so the list cannot flag good German).
ENGLISH = re.compile(r"\b(the|and|your|you|with|after|before|week|sessions?|minutes|holds?|"
                     r"back|skip|hurts|stop|resume|left|right|leg|calf|pain|ice|save|home|all|"
                     r"run|done|sure|of|to|is|are|this|that|now|today|yesterday|completed|"
                     r"stopped|steps?|side|time|help|file|view|tools|settings|quit|full|screen|"
                     r"mute|sound|history|import|reload|keyboard|shortcuts|what|when|which|how|"
                     r"for|from|off|it|its|or|by|up|down|arrow|press|only|first|last|each|every|"
                     r"more|less|longer|shorter|open|close|cancel|yes|remember|ask|asked|set|"
                     r"not found|loading|routines|compact|reminder|show|window|minimi[sz]ed"
                     r")\b", re.IGNORECASE)
#: Names that are the same in every language.
ALLOWED = ("Soleus Coach", "English", "Deutsch", "JSON", "SQLite", "PySide6", "Qt", "MIT",
           "eSpeak NG", "CC0", "Python", "pw-play", "paplay", "aplay", "pipewire-bin",
           "pulseaudio-utils", "alsa-utils", "playsound3", "OK")
CONTROL = re.compile("[\u2066-\u2069\u200b\u200e\u200f]")
#: Paths, file names, addresses: not words.
PATHS = re.compile(r"\S*[/\\]\S*|\S+\.(py|json|wav|svg|png|sqlite3|ts|qm|desktop)\b")


def normalise(text: str) -> str:
    """Text as checked: no mnemonics, isolates, markup of ours, paths or allowed names."""
    text = CONTROL.sub("", text).replace("&", "")
    text = re.sub(r"<[^>]+>", " ", text)  # our own rich text around escaped text
    text = PATHS.sub(" ", text)
    for name in ALLOWED:
        text = text.replace(name, " ")
    return text


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def test_the_english_word_list_flags_no_german_translation() -> None:
    tree = ET.parse(ROOT / "translations" / "soleus_coach_de.ts")
    for m in tree.iter("message"):
        forms = [f.text or "" for f in m.iter("numerusform")] or [m.findtext("translation") or ""]
        for text in forms:
            assert not ENGLISH.search(normalise(text)), (m.findtext("source"), text)


def _model_texts(model: QAbstractItemModel) -> list[str]:
    out = []
    try:
        columns = model.columnCount()
    except TypeError:  # a QListWidget's model: one column, its count not callable from Python
        columns = 1
    for col in range(columns):
        out.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
    for row in range(min(model.rowCount(QModelIndex()), 30)):
        for col in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, col), role)
                if isinstance(value, str):
                    out.append(value)
    return out


def ui_texts(root: QWidget) -> list[str]:
    """Every text under ``root`` that a person can read or have read to them."""
    out = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        out += [w.toolTip(), w.statusTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QMenu):  # an action is read where a menu shows it
            out += [t for a in w.actions() for t in (a.text(), a.toolTip(), a.statusTip())]
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QMessageBox):
            out += [w.text(), w.informativeText()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += _model_texts(w.model())
    return [t for t in out if t]


class Checker:
    def __init__(self, win: MainWindow) -> None:
        self.win = win
        self.seen: set[str] = set()
        self.places = 0
        # The bundled routines' own words come from their files, in English.
        self.from_files: list[str] = []
        # The routines as the window shows them (German where the files have it), and as
        # their files say them in English: a session recorded before carries that name.
        from soleus_coach import paths
        from soleus_coach.protocol import load_library

        written = load_library(paths.bundled_protocols_dir(), None, paths.assets_dir())
        for entry in (*win.library.entries, *written.entries):
            p = entry.protocol
            if p is None:
                continue
            self.from_files += [p.name, p.summary, p.source or "", p.author or ""]
            for step in p.steps:
                self.from_files += [step.name, *step.instructions,
                                    getattr(step, "caution", "") or ""]
        self.from_files = sorted({t for t in self.from_files if t}, key=len, reverse=True)

    def check_texts(self, texts: list[str], where: str) -> None:
        self.places += 1
        self._check(texts, where)

    def check(self, root: QWidget, where: str) -> None:
        self.places += 1
        texts = ui_texts(root)
        if isinstance(root, MainWindow):
            texts += [root.statusBar().currentMessage(), root.sound_label.text()]
            texts += [a.text() for a in root.menuBar().actions()]
            for a in root.menuBar().actions():
                menu = a.menu()
                if isinstance(menu, QMenu):
                    texts += [m.text() for m in menu.actions()]
                    texts += [m.statusTip() for m in menu.actions()]
        self._check(texts, where)

    def _check(self, texts: list[str], where: str) -> None:
        for text in texts:
            plain = CONTROL.sub("", text)
            for name in self.from_files:
                plain = plain.replace(name, " ")
            plain = normalise(plain)
            self.seen.add(text)
            found = ENGLISH.search(plain)
            assert found is None, f"English in {where}: {text!r} ({found.group(0)!r})"


def dialog(qtbot: QtBot, win: MainWindow, cls: type) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(win.safety_dialog, cls), timeout=3000)
    d = win.safety_dialog
    assert isinstance(d, QDialog)
    return d


def test_every_page_and_dialog_speaks_german(qtbot: QtBot, data_dir: Path,
                                              german: None) -> None:
    from soleus_coach.gui.session.checkin_dialog import CheckInDialog
    from soleus_coach.gui.session.safety_dialogs import FirstRunDialog, RedFlagDialog
    from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog
    from tests.test_real_window import fill_history

    fill_history(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"language": "de"}))
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    with qtbot.waitActive(win):
        win.show()
    c = Checker(win)
    # first run: the notice, then the set-up
    notice = dialog(qtbot, win, FirstRunDialog)
    c.check(notice, "the safety notice")
    notice.accept()
    setup = dialog(qtbot, win, SetupDialog)
    c.check(setup, "the set-up")
    setup.accept()
    qtbot.waitUntil(lambda: win.home.practice.text() != "")
    c.check(win, "the home screen")
    # all routines
    win.show_library()
    for row in range(win.library_page.model.rowCount()):
        win.library_page.view.setCurrentIndex(win.library_page.model.index(row, 0))
        c.check(win, "all routines")
    win.go_home()
    # a routine, every question on the way, and every kind of step
    assert win.start_session("post-run-soleus")
    leg = dialog(qtbot, win, LegQuestion)  # which calf first, then how much it hurts
    c.check(leg, "the leg question")
    assert isinstance(leg, LegQuestion)
    leg.choose(leg.choice or next(iter(leg.buttons)))
    checkin = win.checkin_dialog
    assert isinstance(checkin, CheckInDialog)
    c.check(checkin, "the check-in")
    checkin.set_pain(8)
    checkin.accept()
    advice = dialog(qtbot, win, RedFlagDialog)
    assert isinstance(advice, RedFlagDialog) and advice.continue_button is not None
    c.check(advice, "the red-flag advice")
    advice.continue_button.click()
    screen = running(qtbot, win)
    kinds = set()
    while screen.state is State.RUNNING:
        seg = screen.controller.engine.segment
        if seg.kind not in kinds:
            kinds.add(seg.kind)
            c.check(win, f"the session ({seg.kind.value})")
            tray = win.tray
            assert tray is not None
            c.check_texts([tray.tooltip, *(e.text for e in tray.entries)], "the tray")
            if seg.kind is SegmentKind.ICE:
                win.companions.show_compact()
                assert win.companions.compact is not None
                c.check(win.companions.compact, "the compact timer")
                c.check_texts([e.text for e in win.tray.entries], "the tray, compact")
                win.companions.show_full()
        if seg.kind is SegmentKind.HOLD and "hurt" not in kinds:  # type: ignore[comparison-overlap]
            kinds.add("hurt")  # type: ignore[arg-type]
            qtbot.keyClick(screen, Qt.Key.Key_H)
            assert screen.hurt_dialog is not None
            c.check(screen.hurt_dialog, "it hurts")
            screen.hurt_dialog.continue_button.click()
            qtbot.keyClick(screen, Qt.Key.Key_Escape)
            box = screen.findChild(QMessageBox, "stopConfirm")
            assert box is not None
            c.check(box, "the stop question")
            box.button(QMessageBox.StandardButton.No).click()
            c.check(win, "the session, paused and resumed")
        screen.controller.skip()
    page = win.flow.finish_page
    assert page is not None
    c.check(win, "the finish page")
    page.form.set_pain(3)
    page.form.flags["pain_at_rest"].setChecked(True)
    page.save()
    c.check(win, "the finish page's advice")
    qtbot.keyClick(page, Qt.Key.Key_Return)
    c.check(win, "home again")
    # the window's other dialogs
    win.edit_settings()
    settings = win.findChild(QDialog, "settingsDialog")
    assert settings is not None and settings.isVisible()
    tabs = settings.findChild(QTabWidget)
    assert tabs is not None
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        c.check(settings, f"the settings, tab {i}")
    settings.reject()
    # the reminder: its notification, and the tray at rest
    from dataclasses import replace

    win.apply_settings(replace(win.settings, reminder_on=True))
    assert win.tray is not None
    c.check_texts([win.tray.tooltip, *(e.text for e in win.tray.entries)], "the tray at rest")
    win._remind()
    c.check_texts(list(win.tray.last_alert), "the reminder")
    win.actions_by_id[ActionId.SHORTCUTS].trigger()
    box = win.findChild(ShortcutsDialog, "shortcutHelp")
    assert box is not None
    c.check(box, "Help → Keyboard shortcuts")
    c.check_texts([box.text()], "Help → Keyboard shortcuts")
    win.show_about()
    win.show_history()
    assert win.history_window is not None
    c.check(win.history_window, "the history window")
    for d in win.findChildren(QDialog):
        if d.isVisible():
            c.check(d, type(d).__name__)
    check_editor(qtbot, win, c)
    assert c.places >= 20 and len(c.seen) > 150


def check_editor(qtbot: QtBot, win: MainWindow, c: Checker) -> None:
    """The routine editor: empty, a step of every kind and every way of counting, its
    questions; Customize, Edit and Delete in the library. The validator's own messages are
    English, as on the command line (one validator): they are taken out like a file's words."""
    from soleus_coach import editing

    def allow_problems() -> None:
        c.from_files = sorted({*c.from_files, *(p.message for p in editor.problems)},
                              key=len, reverse=True)

    editor = win.editors.new_routine()
    allow_problems()
    c.check(editor, "the routine editor, empty")
    for i in range(editor.kind_combo.count()):
        editor.kind_combo.setCurrentIndex(i)
        editor.add_step()
        editor.check_now()
        allow_problems()
        c.check(editor, f"the routine editor, {editor.kind_combo.currentText()}")
        if editor.kind_combo.currentData() in (editing.Kind.STRENGTH, editing.Kind.EXERCISE):
            for k in range(editor.form.pacing.count()):
                editor.form.pacing.setCurrentIndex(k)
                editor.form.pacing.activated.emit(k)
                editor.check_now()
                allow_problems()
                c.check(editor, f"the routine editor, counting {k}")
    editor.form.hold_s.adjustable.setChecked(True)
    c.check(editor, "the routine editor, an adjustable dose")
    editor.close()
    box = editor.findChild(QMessageBox, "closeQuestion")
    assert box is not None
    c.check(box, "the editor's close question")
    box.button(QMessageBox.StandardButton.Discard).click()
    # Customize a bundled routine, save the copy: Edit and Delete are offered for it
    win.show_library()
    page = win.library_page
    page.select("ice-timer")
    page.customize_button.click()
    copy = win.editors.editors[-1]
    c.check(copy, "the routine editor, a customized routine")
    assert copy.save()
    c.check(copy, "the routine editor, saved")
    copy.close()
    c.check(win, "all routines, your own")
    page.delete_button.click()
    question = win.findChild(QMessageBox, "deleteQuestion")
    assert question is not None
    c.check(question, "the delete question")
    question.button(QMessageBox.StandardButton.Yes).click()
    notice = win.editors.deleted_notice
    c.check(notice, "the routine deleted")
    notice.close()


def test_a_history_full_of_things_speaks_german(qtbot: QtBot, data_dir: Path,
                                                german: None) -> None:
    """The screens whose words come from data: a history of 400 days (the chart by month),
    runs (one not sure), a session with warning signs after it, one ended by "it hurts",
    a note; the home's calf, History with each kind of session selected, the runs' detail,
    and the numbers and dates in German (10,0 km; 3. Nov.)."""
    from datetime import UTC, datetime, timedelta

    from soleus_coach.checkin import CheckIn
    from soleus_coach.gui.common.actions import ActionId
    from soleus_coach.history.records import EventRecord, SegmentRecord, SessionRecord, Status
    from soleus_coach.history.store import open_store
    from tests.test_runs_window import TODAY, year_of_runs

    year_of_runs(data_dir)
    store = open_store(data_dir / "history.sqlite3")
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 19, 0, tzinfo=UTC)
    for uid, after, outcome in (("flag", CheckIn(pain=7, swelling=True), "completed"),
                                ("hurt", CheckIn(pain=3), "hurt")):
        rec = SessionRecord(uid=uid, protocol_id="post-run-soleus",
                           protocol_name="Post-run soleus recovery", protocol_digest="d",
                           started_at=now - timedelta(hours=2 if uid == "flag" else 30),
                           planned_s=1440, status=Status.COMPLETED, active_s=1400,
                           leg="right", before=CheckIn(pain=2), after=after, notes="Knie ok")
        rec.ended_at = rec.started_at + timedelta(seconds=1400)
        rec.segments = [SegmentRecord(0, "hold", "Bent-knee wall stretch", "right", 1, 30, 12,
                                      outcome, rec.started_at + timedelta(seconds=40))]
        rec.events = [EventRecord(rec.started_at + timedelta(seconds=39), "it_hurts",
                                  '{"segment": "Bent-knee wall stretch", "choice": "stop"}')]
        store.save(rec)
    store.close()
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "injured_leg": "right", "language": "de"}))
    from soleus_coach.session.clock import FakeClock
    from tests.conftest import app_services

    win = MainWindow(app_services(data_dir, FakeClock(), now=lambda: now.astimezone(),
                                  today=lambda: TODAY))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    with qtbot.waitExposed(win):
        win.show()
    qtbot.waitUntil(lambda: win.home.practice.plain_text() != "", timeout=5000)
    c = Checker(win)
    c.from_files = sorted({*c.from_files, "Post-run", "Knie ok"}, key=len, reverse=True)
    c.check(win, "the home screen with a red flag and runs")
    assert win.home.red_flag.isVisible()
    assert re.search(r"\d+,\d km", win.home.practice.plain_text()), win.home.practice.text()
    win.actions_by_id[ActionId.HISTORY].trigger()
    history = win.history_window
    assert history is not None
    qtbot.waitUntil(lambda: history.model.rowCount() > 2, timeout=5000)
    for row in range(3):
        history.table.selectRow(row)
        c.check(history, f"History, session {row}")
    history.period.setCurrentIndex(history.period.findData(0))  # All time: months
    assert history.chart.unit == "month"
    c.check_texts([history.chart.title(), history.chart.accessibleDescription(),
                   *(b.label for b in history.chart.layout_bars(900, 150))],
                  "the chart by month")
    assert "km" not in history.chart.accessibleDescription() or \
        re.search(r"\d+,\d km", history.chart.accessibleDescription())
    runs = history.runs
    runs.table.selectRow(0)
    c.check(history, "History, a run selected")
    assert c.places >= 6
