"""What a screen reader and a keyboard-only user meet, walked through Qt's own accessibility
interfaces (``QAccessible.queryAccessibleInterface``, what AT-SPI reads on Linux) on the home
screen, All routines, a hold, the finish page, History, the settings and the check-in.

On each: every control has a name; Tab (pressed, as a person would) reaches every control;
the control that has the keyboard is named; no two controls of a window share an underlined
letter. On a hold: the countdown's accessible name carries its value and changes each
second, and a new step is announced.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.actions import ActionId
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from tests import test_actions as crawl

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QSlider,
            QPlainTextEdit, QTextEdit, QTabBar)


def controls(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls of ``root``'s window (inside a scroll area too)."""
    out = []
    for w in root.findChildren(QWidget):
        if isinstance(w, CONTROLS) and w.isVisibleTo(root) and w.isEnabled() \
                and w.window() is root and w.width() > 2 and w.height() > 2:
            if _part_of_another(w):
                continue
            out.append(w)
    return out


def _part_of_another(w: QWidget) -> bool:
    """A header of a view, the line edit of a spin box or combo box, a scroll bar's or a
    tab bar's arrows: reached and named through the control they belong to."""
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView | QAbstractSpinBox | QComboBox | QTabBar):
            return True
        if type(parent).__name__ in ("QScrollBar", "QCalendarWidget"):
            return True
        parent = parent.parentWidget()
    return False


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return re.sub(r"[\u2066-\u2069\u200b]", "", iface.text(QAccessible.Text.Name)).strip()


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__}:{w.objectName()}" for w in controls(root) if not name_of(w)]


def tab_walk(qtbot: QtBot, root: QWidget) -> list[QWidget]:
    """Every widget Tab gives the keyboard to, from where it is, once round."""
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow, timeout=3000)
    seen: list[QWidget] = []
    for _ in range(len(controls(root)) * 2 + 6):
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not root:
            root.setFocus()
            focus = QApplication.focusWidget() or root
        seen.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    return seen


def not_by_tab(qtbot: QtBot, root: QWidget) -> list[str]:
    reached = set(map(id, tab_walk(qtbot, root)))

    def reached_or_inside(w: QWidget) -> bool:  # a combo box's line edit, a view's viewport
        while w is not None and w is not root:
            if id(w) in reached:
                return True
            w = w.parentWidget()
        return False

    def group_reached(w: QWidget) -> bool:  # a group of choices is one Tab stop, as radio
        group = w.group() if isinstance(w, QAbstractButton) else None  # buttons are
        return group is not None and any(id(b) in reached for b in group.buttons())

    return [f"{type(w).__name__}:{w.objectName() or name_of(w)}" for w in controls(root)
            if not reached_or_inside(w) and not group_reached(w)
            and not any(id(c) in reached for c in w.findChildren(QWidget))]


def mnemonics(root: QWidget) -> list[str]:
    """The underlined letters a window shows more than once: its menus' titles and its
    visible controls and labels."""
    texts: list[str] = []
    if isinstance(root, QMainWindow):
        texts += [a.text() for a in root.menuBar().actions() if a.isVisible()]
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.window() is not root:
            continue
        if isinstance(w, QAbstractButton | QGroupBox):
            texts.append(w.text() if isinstance(w, QAbstractButton) else w.title())
        elif isinstance(w, QLabel) and w.buddy() is not None:
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
    letters = [m.group(1).lower() for t in texts for m in [re.search(r"&([^&\s])", t)] if m]
    return sorted(k for k, n in Counter(letters).items() if n > 1)


def check(qtbot: QtBot, root: QWidget, where: str) -> None:
    problems = {"unnamed": unnamed(root), "not by Tab": not_by_tab(qtbot, root),
                "letter twice": mnemonics(root)}
    focus = QApplication.focusWidget()
    if focus is not None and focus.window() is root and not name_of(focus):
        problems["focus on"] = [f"{type(focus).__name__}:{focus.objectName()}"]
    assert not any(problems.values()), f"{where}: {problems}"


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> crawl.App:
    return crawl.make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)


def test_home_and_all_routines(qtbot: QtBot, app: crawl.App) -> None:
    win = app.win
    qtbot.waitUntil(lambda: "This week" in win.home.practice.plain_text())
    check(qtbot, win, "home")
    assert "This week" in name_of(win.home.practice)  # a label says what it shows
    win.actions_by_id[ActionId.ALL_ROUTINES].trigger()
    check(qtbot, win, "all routines")


def test_a_hold_exposes_its_countdown_and_announces_each_step(
        qtbot: QtBot, app: crawl.App, monkeypatch: pytest.MonkeyPatch) -> None:
    from soleus_coach.gui.common import announce

    said: list[str] = []
    monkeypatch.setattr(announce, "_post", lambda _w, text: said.append(text))
    crawl.start(app)
    crawl.to_kind(app, SegmentKind.HOLD)
    screen = app.win.session
    assert screen is not None
    countdown = screen.page.countdown
    before = name_of(countdown)
    assert countdown.text() in before
    app.clock.advance(1.0)
    screen.controller.process()
    assert countdown.text() in name_of(countdown) and name_of(countdown) != before
    check(qtbot, app.win, "a hold")
    said.clear()
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # the next step: said
    assert said and screen.page.title.plain_text() in said[-1]


def test_the_finish_page(qtbot: QtBot, app: crawl.App) -> None:
    crawl.start(app)
    crawl.to_finish(app)
    check(qtbot, app.win, "the finish page")


def test_history_settings_and_the_check_in(qtbot: QtBot, app: crawl.App) -> None:
    crawl.open_history(app)
    history = app.history_window
    check(qtbot, history, "history")
    table = history.table  # type: ignore[attr-defined]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)  # Tab leaves the table, it does not walk its cells
    assert QApplication.focusWidget() is not table
    qtbot.keyClick(history, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not history.isVisible())
    app.win.actions_by_id[ActionId.SETTINGS].trigger()
    dialog = app.visible(QDialog, "settingsDialog")
    assert dialog is not None
    check(qtbot, dialog, "settings")
    dialog.reject()  # type: ignore[attr-defined]
    from dataclasses import replace

    from soleus_coach.gui.session.checkin_dialog import CheckInDialog

    app.win.apply_settings(replace(app.win.settings, ask_pain_before=True))
    assert app.win.start_session("post-run-soleus")
    qtbot.waitUntil(lambda: isinstance(app.win.safety_dialog, CheckInDialog), timeout=3000)
    checkin = app.win.safety_dialog
    assert checkin is not None
    check(qtbot, checkin, "the check-in")


def test_the_walk_finds_an_unnamed_control_and_a_letter_twice(qtbot: QtBot) -> None:
    """The checks can fail: a button with no text and two "&Save"s."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("", "&Save", "&Send"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert unnamed(window) and mnemonics(window) == ["s"]


def test_the_same_in_german(qtbot: QtBot, data_dir: Path, tmp_path: Path, qapp: QApplication,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Underlined letters are the translation's: German has its own clashes to avoid."""
    from soleus_coach.gui.common import i18n

    assert i18n.install(qapp, "de") == "de"
    try:
        app = crawl.make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
        win = app.win
        qtbot.waitUntil(lambda: win.home.practice.plain_text() != "")
        check(qtbot, win, "home (de)")
        win.actions_by_id[ActionId.ALL_ROUTINES].trigger()
        check(qtbot, win, "all routines (de)")
        crawl.open_history(app)
        check(qtbot, app.history_window, "history (de)")
    finally:
        i18n.install(qapp, "en")


def test_the_compact_timer(qtbot: QtBot, app: crawl.App) -> None:
    """Its countdown says its value; Tab reaches its buttons; Space on a focused button
    still pauses (as everywhere in a routine), Enter presses it."""
    crawl.start(app)
    crawl.to_kind(app, SegmentKind.HOLD)
    app.win.companions.show_compact()
    compact = app.win.companions.compact
    assert compact is not None and compact.isVisible()
    qtbot.waitUntil(lambda: compact.countdown.text() in name_of(compact.countdown))
    check(qtbot, compact, "the compact timer")
    compact.stop_button.setFocus()
    screen = app.win.session
    assert screen is not None
    qtbot.keyClick(compact.stop_button, Qt.Key.Key_Space)
    assert screen.state is State.PAUSED  # paused, not stopped
