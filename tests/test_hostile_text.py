"""Every hostile string in every text field of a protocol and of a session, on every surface
of the window: the library (table, tooltips, detail), the session screen at every step, the
window title, the tray's tooltip and notification, the history window, message boxes. Each
surface must show the text as plain text, and none may make the window wider than the
screen it is on (a 300-character word must not push "Stop" off the window).

:func:`assert_plain` is the check that fails when a widget shows untrusted text without the
plain-text helpers of ``soleus_coach.gui.common.plain``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soleus_coach.gui.history.window import HistoryWindow
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.tray import Tray
from soleus_coach.history.store import open_store
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import Leg, Settings, SettingsStore
from soleus_coach.untrusted import lines
from tests.conftest import app_services, minimal_protocol, running, write_protocol
from tests.hostile import ALL, MARKERS, ONE_LINE, hostile_protocol, hostile_session

WIDTH, HEIGHT = 800, 600


def _model_tips(model: QAbstractItemModel) -> list[str]:
    tips = []
    try:
        columns = model.columnCount()
    except TypeError:  # a QListWidget's model: one column, its count not callable from Python
        columns = 1
    for row in range(min(model.rowCount(), 200)):
        for col in range(columns):
            tip = model.data(model.index(row, col, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            if tip:
                tips.append(str(tip))
    return tips


def assert_plain(root: QWidget) -> int:
    """No widget under ``root`` renders untrusted text as markup: every label that holds
    any is plain text (and no label in another format looks like markup), and no tooltip,
    status tip or item tooltip holds raw markup. Returns how many texts were looked at."""
    looked = 0
    for widget in [root, *root.findChildren(QWidget)]:
        tips = [widget.toolTip(), widget.statusTip(),
                *(a.toolTip() for a in widget.actions())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            tips += _model_tips(widget.model())
        for tip in tips:
            assert not any(m in tip for m in MARKERS), (widget.objectName(), tip)
        if isinstance(widget, QLabel):
            text = widget.text()
            looked += 1
            if widget.textFormat() != Qt.TextFormat.PlainText:
                assert not QtGui.mightBeRichText(text), (widget.objectName(), text)
                assert not any(m in text for m in MARKERS), (widget.objectName(), text)
    return looked


def assert_fits(win: QWidget) -> None:
    """The window can still be as small as 800×600, and the controls that matter are in it:
    the countdown, "It hurts" and "Stop" in a session; the two routine buttons at home; the
    finish page's buttons."""
    assert win.minimumSizeHint().width() <= WIDTH, win.minimumSizeHint()
    assert win.width() <= WIDTH + 1, win.width()
    widgets: list[QWidget] = []
    if isinstance(win, MainWindow):
        screen, finish = win.session, win.flow.finish_page
        if screen is not None and screen.isVisible():
            widgets += [screen.page.countdown, screen.page.hurts_button, screen.page.stop_button]
        if finish is not None and finish.isVisible():
            widgets += [b for b in (finish.save_button, finish.skip_button, finish.home_button)
                        if b.isVisible()]
        if win.home.isVisible():
            widgets += [win.home.after_button, win.home.before_button,
                        win.home.library_button]
    for widget in widgets:
        right = widget.mapTo(win, widget.rect().bottomRight())
        assert 0 < right.x() <= win.width() and 0 < right.y() <= win.height(), (
            widget.objectName(), right, win.size())


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    folder = data_dir / "protocols"
    for key, text in ONE_LINE.items():
        write_protocol(folder, f"{key}.json", hostile_protocol(key, text))
        # a broken file whose errors quote the hostile value (the tooltip of the issue)
        write_protocol(folder, f"broken-{key}.json", minimal_protocol(
            id=f"broken-{key}", when=text, steps=[{"kind": text}]))
    SettingsStore(data_dir / "settings.json").save(
        Settings(first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.LEFT))
    store = open_store(data_dir / "history.sqlite3")
    for i, text in enumerate(ALL.values()):
        store.save(hostile_session(f"h{i}", text))
    store.close()
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    win.clock = clock  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.resize(WIDTH, HEIGHT)
    with qtbot.waitExposed(win):
        win.show()
    qtbot.waitUntil(lambda: "Loading" not in win.home.last.plain_text())
    return win


def test_the_library_shows_every_hostile_routine_and_error_plainly(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.library_page
    model = page.model
    broken = [r for r in range(model.rowCount()) if model.entry(r).protocol is None]
    assert len(broken) == len(ONE_LINE)
    tips = [str(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)) for r in broken]
    assert any("&lt;img src=/dev/zero&gt;" in t for t in tips)  # quoted, escaped
    looked = 0
    for row in range(model.rowCount()):
        page.view.setCurrentIndex(model.index(row, 0))
        looked += assert_plain(window)
        assert_fits(window)
    assert looked > 100
    assert page.select("hostile-unbroken")
    assert page.title.plain_text() == "W" * 80


@pytest.mark.parametrize("key", ONE_LINE)
def test_a_hostile_routine_runs_with_its_text_plain_at_every_step(
        qtbot: QtBot, window: MainWindow, key: str) -> None:
    assert window.start_session(f"hostile-{key}")
    screen = running(qtbot, window)
    assert "\u2068" in window.windowTitle() or ONE_LINE[key][:20] in window.windowTitle()
    seen = set()
    for _ in range(40):
        seen.add(screen.page.title.plain_text())
        assert_plain(window)
        assert_fits(window)
        assert window.tray is not None
        assert not any(m in window.tray.tooltip for m in MARKERS)
        if screen.state is not State.RUNNING:
            break
        if screen.controller.engine.segment.kind.value == "ice":  # the compact timer too
            window.companions.show_compact()
            compact = window.companions.compact
            assert compact is not None and compact.isVisible()
            assert compact.step.plain_text() == ONE_LINE[key][:80]
            assert_plain(compact)
            assert compact.width() <= 240 and compact.minimumSizeHint().width() <= 240
            window.companions.show_full()
            qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    assert screen.state is State.FINISHED
    assert ONE_LINE[key][:80] in seen  # the step's name was on screen
    assert_plain(window)
    finish = window.flow.finish_page  # the summary names every step
    assert finish is not None and window.pages.currentWidget() is finish
    assert ONE_LINE[key][:80] in {row.label for row in finish.rows}
    assert_fits(window)
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    assert_plain(window)


@pytest.mark.parametrize("key", ["markup", "link", "img-dev-zero", "unbroken", "rtl-override"])
def test_hostile_routines_in_the_tray_menu_and_the_reminder_stay_plain(
        qtbot: QtBot, window: MainWindow, key: str) -> None:
    window.apply_settings(replace(window.settings, after_run_routine=f"hostile-{key}",
                                  reminder_on=True, reminder_minute=0,
                                  reminder_days=tuple(range(7))))
    tray = window.tray
    assert tray is not None
    assert any(ONE_LINE[key][:80] in e.text for e in tray.entries)
    window.home.set_primary(window.home.primary.AFTER)
    window._remind()
    message = tray.last_alert[1]
    assert not any(m in message for m in MARKERS), message


@pytest.mark.parametrize("key", ONE_LINE)
def test_hostile_routines_on_the_home_screen_stay_plain_and_fit(
        qtbot: QtBot, window: MainWindow, key: str) -> None:
    """Routine names on the two big buttons and in the last-session line."""
    window.apply_settings(replace(window.settings, after_run_routine=f"hostile-{key}",
                                  before_run_routine=f"hostile-{key}"))
    window.refresh_summary()
    home = window.home
    assert home.after_button.routine.plain_text() == ONE_LINE[key][:80]
    assert home.last.plain_text()  # the newest session, whose name is hostile too
    assert_plain(window)
    assert_fits(window)


def test_the_set_up_and_the_leg_question_are_plain_and_fit(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog

    for dialog in (SetupDialog(window.settings, window), LegQuestion(remember=True,
                                                                    parent=window)):
        dialog.show()
        assert_plain(dialog)
        assert dialog.minimumSizeHint().width() <= WIDTH
        dialog.close()


def test_a_hostile_step_name_reaches_the_tray_escaped(qtbot: QtBot, window: MainWindow) -> None:
    tray = Tray(window, window.windowIcon())
    tray.show_status("<img src=/dev/zero>: 0:30")
    assert "&lt;img src=/dev/zero&gt;" in tray.tooltip and "<img" not in tray.tooltip
    tray.alert("Ice off", "<a href='x'>Ice</a> is done")
    assert tray.last_alert[1] == "&lt;a href='x'&gt;Ice&lt;/a&gt; is done"
    tray.close()


def test_the_history_window_shows_every_hostile_session_plainly(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.show_history()
    history = window.history_window
    assert history is not None
    qtbot.waitUntil(lambda: history.model.rowCount() == len(ALL))
    model = history.model
    empty = HistoryWindow(open_store(tmp_path / "empty.sqlite3"))
    qtbot.addWidget(empty)
    narrowest = max(WIDTH, empty.minimumSizeHint().width())  # what the window needs anyway
    for row in range(model.rowCount()):
        history.table.selectRow(row)
        name = model.index(row, model.ROUTINE).data()
        assert not any(c in name for c in "\r\n\u2028\u2029\x85")  # one line in the table
        assert_plain(history)
        assert history.minimumSizeHint().width() <= narrowest
        notes = history.findChild(QPlainTextEdit, "historyNotes")
        current = history._current
        assert notes is not None and current is not None
        # Qt's text document turns every kind of line break into one: the same lines
        assert lines(notes.toPlainText()) == lines(current.notes)
        assert not notes.document().isModified()  # showing them did not change them


def test_message_boxes_quote_hostile_values_as_plain_text(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(minimal_protocol(when="<img src=/dev/zero><a href=x>y</a>")))
    assert not window.import_protocol(bad)
    box = window.findChild(QMessageBox, "importErrors")
    assert box is not None
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert informative is not None and "<img" in informative.text()
    assert informative.textFormat() == Qt.TextFormat.PlainText
    assert_plain(window)


def test_long_unbroken_instruction_keeps_countdown_hurts_and_stop_on_an_800_wide_window(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    """The outside probe's case: a 300-character word widened the window to 4,467 px."""
    doc = minimal_protocol(id="wide", name="N" * 80)
    doc["steps"][0]["instructions"] = ["I" * 300, "x" * 300]
    doc["steps"][0]["caution"] = "C" * 300
    write_protocol(data_dir / "protocols", "wide.json", doc)
    window.reload_library()
    before = window.minimumSizeHint().width()
    assert window.start_session("wide")
    running(qtbot, window)
    for _ in range(6):
        assert window.minimumSizeHint().width() <= max(before, WIDTH)
        assert_fits(window)
        qtbot.keyClick(window.session, Qt.Key.Key_Right)  # type: ignore[arg-type]


def test_settings_from_a_file_do_not_reach_a_label_as_markup(
        qtbot: QtBot, window: MainWindow) -> None:
    window.apply_settings(replace(window.settings, language="<b>x</b>"))
    assert_plain(window)


def _grab_lines(qtbot: QtBot, text: str) -> list[QImage]:
    from soleus_coach.gui.session.page import SessionPage
    from soleus_coach.session.present import SegmentText

    page = SessionPage()
    qtbot.addWidget(page)
    page.resize(WIDTH, HEIGHT)
    page.show_segment(SegmentText("hold", "Stretch", "", "", tuple(text.split("\n")), "", "",
                                  None))
    page.show()
    qtbot.waitExposed(page)
    image = page.instructions.grab().toImage()
    half = image.height() // 2
    return [image.copy(0, 0, image.width(), half), image.copy(0, half, image.width(), half)]


def test_a_right_to_left_override_in_one_instruction_does_not_reverse_the_next(
        qtbot: QtBot) -> None:
    plain = _grab_lines(qtbot, "Face the wall.\nBend the back knee.")
    evil = _grab_lines(qtbot, "\u202eFace the wall.\nBend the back knee.")
    assert evil[0] != plain[0]  # the override does reverse its own line
    assert evil[1] == plain[1]  # and only its own


def test_a_png_illustration_is_shown_and_an_svg_changed_to_point_outside_is_not(
        qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from soleus_coach.gui.common.illustration import IllustrationView

    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#ff00ff"))
    assert picture.save(str(tmp_path / "pic.png"))
    view = IllustrationView()
    qtbot.addWidget(view)
    view.resize(200, 150)
    assert view.show_file(tmp_path / "pic.png")
    shot = view.grab().toImage()
    assert shot.pixelColor(100, 75) == QColor("#ff00ff")
    svg = tmp_path / "pic.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>')
    assert view.show_file(svg)
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname"/>'
                   '</svg>')  # changed after the routine was checked
    assert not view.show_file(svg) and not view.is_showing


# ----------------------------------------------------------------------------- direction

#: The values whose letters, numbers or controls can reorder what stands around them.
BIDI = ("rtl-override", "rtl-isolate-open", "pdi-escape", "hebrew", "arabic-digits")


def _tip_text(tip: str) -> str:
    """A tooltip's words as shown: our rich text (``plain.tooltip``) read back."""
    import html
    import re

    if not QtGui.mightBeRichText(tip):
        return tip
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", tip)))


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """Every text ``root`` and its children show or say: labels, buttons, fields, titles,
    tooltips, accessible names, menu entries, combo box and tab entries, and every cell of
    every view (its text, tooltip and accessible text)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QMenu,
        QTabBar,
        QTextEdit,
    )

    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}:{widget.objectName()}"
        found = [widget.windowTitle() if widget.isWindow() else "", widget.accessibleName(),
                 widget.accessibleDescription(), _tip_text(widget.toolTip()),
                 widget.statusTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu) or widget is root:
            found += [t for a in widget.actions() for t in (a.text(), _tip_text(a.toolTip()))]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount()
            except TypeError:
                columns = 1
            for row in range(min(model.rowCount(), 200)):
                for col in range(columns):
                    index = model.index(row, col, QModelIndex())
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                 Qt.ItemDataRole.AccessibleTextRole):
                        value = model.data(index, role)
                        if isinstance(value, str):
                            found.append(_tip_text(value))
        out += [(where, text) for text in found if text]
    return out


def assert_direction_kept(root: QWidget) -> int:
    """No text under ``root`` lets a hostile value reorder the app's own words; returns how
    many texts were looked at."""
    from tests.hostile import direction_leaks

    texts = texts_of(root)
    leaks = [(where, problem) for where, text in texts
             for problem in direction_leaks(text, ALL.values())]
    assert not leaks, leaks[:5]
    return len(texts)


def test_no_hostile_value_reorders_the_apps_words_in_any_window(
        qtbot: QtBot, window: MainWindow) -> None:
    """Every window and dialog, walked with the values that carry right-to-left letters,
    numbers and controls (an unclosed isolate, a stray PDI that would close ours early):
    the home, the library with each routine, the settings, each routine's editor and each
    of its steps, a session at every step and its end, the history with each session, and
    the tray's menu."""
    from PySide6.QtWidgets import QDialog

    from soleus_coach.gui.common.actions import ActionId

    looked = 0
    window.apply_settings(replace(window.settings, after_run_routine="hostile-pdi-escape",
                                  before_run_routine="hostile-hebrew",
                                  reminder_on=True))  # (a reminder keeps the tray)
    window.refresh_summary()
    looked += assert_direction_kept(window)

    window.actions_by_id[ActionId.ALL_ROUTINES].trigger()
    page = window.library_page
    for key in BIDI:
        assert page.select(f"hostile-{key}")
        looked += assert_direction_kept(window)

    window.actions_by_id[ActionId.SETTINGS].trigger()
    dialog = window.findChild(QDialog, "settingsDialog")
    assert dialog is not None and dialog.isVisible()
    looked += assert_direction_kept(dialog)
    dialog.reject()

    for key in BIDI:
        assert page.select(f"hostile-{key}")
        qtbot.mouseClick(page.customize_button, Qt.MouseButton.LeftButton)
        editor = window.editors.editors[-1]
        steps = editor.findChild(QAbstractItemView, "stepList")
        assert steps is not None and steps.model().rowCount() >= 2
        for row in range(steps.model().rowCount()):
            steps.setCurrentIndex(steps.model().index(row, 0))
            looked += assert_direction_kept(editor)
        editor.hide()
        editor.deleteLater()

    assert window.tray is not None
    looked += assert_direction_kept(window.tray.menu)

    window.activateWindow()  # (the editors had the keyboard)
    qtbot.waitUntil(window.isActiveWindow)
    for key in BIDI:
        window.actions_by_id[ActionId.HOME].trigger()
        assert window.start_session(f"hostile-{key}")
        screen = running(qtbot, window)
        for _ in range(40):
            looked += assert_direction_kept(window)
            if screen.state is not State.RUNNING:
                break
            qtbot.keyClick(screen, Qt.Key.Key_Right)
        assert screen.state is State.FINISHED
        looked += assert_direction_kept(window)
        finish = window.flow.finish_page
        assert finish is not None
        qtbot.keyClick(finish, Qt.Key.Key_Escape)

    window.actions_by_id[ActionId.HISTORY].trigger()
    history = window.history_window
    assert history is not None
    qtbot.waitUntil(lambda: history.model.rowCount() >= len(ALL))
    for row in range(history.model.rowCount()):
        history.table.selectRow(row)
        looked += assert_direction_kept(history)
    assert looked > 2000
