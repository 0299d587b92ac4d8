"""A routine's language and its translations in the editor: a German routine made in a German
window is saved as German, its file name readable (``wadenuebungen-…``, transliterated, not
cut to pieces); a translation into English typed in the editor's Translations window runs in
an English window, and the printed sheet follows the window's language for the app's words
and the routine's (or its translation's) for its own."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach import cli, editing
from soleus_coach.editing import Kind
from soleus_coach.gui.common import i18n
from soleus_coach.gui.library.print_sheet import layout_sheet, sheet_image
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol.ids import MAX_MADE_ID, slug, unique_id
from soleus_coach.protocol.spec import ID_PATTERN
from soleus_coach.session.clock import FakeClock
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, running, skip_to_first_hold
from tests.test_editor import checked
from tests.test_rounds_editor import shot
from tests.test_session_window import answer_checkin

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Keys as a German keyboard sends them: ASCII by QTest, "ü" as the key event with the
    letter in it (QTest knows only ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def main_window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    SettingsStore(data_dir / "settings.json").save(
        Settings(first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.RIGHT))
    win = MainWindow(app_services(data_dir, FakeClock()))
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_a_german_routine_is_saved_as_german_and_its_english_translation_runs_in_english(
        qtbot: QtBot, german: None, data_dir: Path, qapp: QApplication) -> None:
    win = main_window(qtbot, data_dir)
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    editor = win.editors.editors[-1]
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    checked(qtbot, editor)
    assert editor.language_combo.currentData() == "de"  # the window's language
    assert editor.language_combo.currentText() == "Deutsch"

    editor.name_edit.setFocus()
    type_text(qtbot, editor.name_edit, "Wadenübungen für Läufer nach dem Lauf")
    assert editor.id_edit.text() == "wadenuebungen-fuer-laeufer-nach-dem-lauf"
    editor.summary_edit.setFocus()
    qtbot.keyClicks(editor.summary_edit, "Dehnen nach dem Lauf.")
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(Kind.STRETCH))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.form.name, "Wadendehnung")
    editor.form.instructions.setFocus()
    qtbot.keyClicks(editor.form.instructions, "Ferse am Boden, hinteres Knie gebeugt.")
    checked(qtbot, editor)
    assert editor.problems == [], [p.message for p in editor.problems]

    # Routine → Übersetzungen… (Ctrl+L): English beside the German
    qtbot.keyClick(editor, Qt.Key.Key_L, CTRL)
    window = editor.translations_window
    assert window is not None and window.isVisible()
    assert window.language.currentData() == "en"
    assert window.grid_host.findChild(QLineEdit, "translation_None_name") is not None
    for (step, field), text in {(None, "name"): "Calf exercises for runners after a run",
                                (None, "summary"): "Stretching after the run.",
                                (0, "name"): "Calf stretch",
                                (0, "instructions"): "Heel down, back knee bent."}.items():
        field_editor = window.fields[(step, field)]
        field_editor.setFocus()
        qtbot.keyClicks(field_editor, text)
    original = window.grid_host.findChildren(QPlainTextEdit)
    assert original, "the instructions are typed in a box of lines"
    assert editor.draft.translations["en"].steps[0].name == "Calf stretch"
    window.resize(900, 560)
    shot(window, "editor-translations.png")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)

    path = data_dir / "protocols" / "wadenuebungen-fuer-laeufer-nach-dem-lauf.json"
    assert path.is_file(), list((data_dir / "protocols").iterdir())
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["language"] == "de" and doc["name"] == "Wadenübungen für Läufer nach dem Lauf"
    assert doc["translations"]["en"] == {
        "name": "Calf exercises for runners after a run",
        "summary": "Stretching after the run.",
        "steps": [{"name": "Calf stretch", "instructions": ["Heel down, back knee bent."]}]}
    out = io.StringIO()
    assert cli.main(["validate", str(path)], out) == 0, out.getvalue()
    editor.close()

    # the same routine in an English window: its English texts, the app's English words
    i18n.install(qapp, "en")
    win.reload_library()
    routine = win.library.get("wadenuebungen-fuer-laeufer-nach-dem-lauf")
    assert routine is not None and routine.name == "Calf exercises for runners after a run"
    sheet = layout_sheet(routine, sheet_image(routine)).texts()
    assert "Calf stretch" in sheet and "Safety" in sheet
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.library_page.select("wadenuebungen-fuer-laeufer-nach-dem-lauf")
    win.show_library()
    qtbot.mouseClick(win.library_page.start_button, Qt.MouseButton.LeftButton)
    if win.checkin_dialog is not None:
        answer_checkin(qtbot, win, None)
    screen = running(qtbot, win)
    assert screen is not None
    win.activateWindow()  # the person clicks into the main window
    qtbot.waitUntil(win.isActiveWindow)
    skip_to_first_hold(qtbot, screen)
    assert screen.page.title.plain_text() == "Calf stretch"
    assert "Heel down" in screen.page.instructions.plain_text()


def test_the_id_is_the_persons_once_typed_and_checked_against_the_others(
        qtbot: QtBot, data_dir: Path) -> None:
    win = main_window(qtbot, data_dir)
    editor = win.editors.new_routine()
    checked(qtbot, editor)
    editor.name_edit.setFocus()
    qtbot.keyClicks(editor.name_edit, "Evening")
    assert editor.id_edit.text() == "evening"
    editor.id_edit.setFocus()
    editor.id_edit.selectAll()
    qtbot.keyClicks(editor.id_edit, "calf-stretch-only")  # a bundled routine's
    checked(qtbot, editor)
    problem = editor.routine_boxes["id"].problem
    assert problem.isVisible() and "calf-stretch-only" in problem.plain_text()
    editor.id_edit.selectAll()
    qtbot.keyClicks(editor.id_edit, "Mein Abend")  # not allowed characters: the validator
    checked(qtbot, editor)
    assert "lower-case" in editor.routine_boxes["id"].problem.plain_text()
    editor.id_edit.selectAll()
    qtbot.keyClicks(editor.id_edit, "my-evening")
    editor.name_edit.setFocus()
    qtbot.keyClicks(editor.name_edit, " stretch")  # the id is the person's now
    checked(qtbot, editor)
    assert editor.id_edit.text() == "my-evening"
    assert not editor.routine_boxes["id"].problem.isVisible()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["", "en", "de", "fr", "de-AT"]))
def test_any_name_makes_a_valid_id_that_is_not_taken(name: str, language: str) -> None:
    import re

    made = slug(name, language)
    assert made == "" or re.fullmatch(ID_PATTERN, made)
    assert len(made) <= MAX_MADE_ID
    taken = {made, f"{made}-2"} if made else {"my-routine"}
    again = unique_id(name, taken, language)
    assert again not in taken and re.fullmatch(ID_PATTERN, again)


def test_german_names_are_transliterated_as_german_writes_them() -> None:
    assert slug("Wadenübungen für Läufer", "de") == "wadenuebungen-fuer-laeufer"
    assert slug("Fußgelenk Öffnen", "de-AT") == "fussgelenk-oeffnen"
    assert slug("Übung", "en") == "ubung"  # other languages: the plain letter
    assert slug("Растяжка икр") == "rastiazhka-ikr"
    long = slug("Wadenübungen für Läufer nach dem Lauf: Dehnen, Kräftigen und Kühlen", "de")
    assert long == "wadenuebungen-fuer-laeufer-nach-dem-lauf-dehnen"  # cut after a word
    d = editing.new_routine([], language="de_DE")
    assert d.language == "de-DE"
