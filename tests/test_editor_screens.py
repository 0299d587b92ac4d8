"""Pictures of the routine editor at 1280×800: empty, with the physio's programme typed in,
and showing a validation error; grabbed from the real window and checked for what they must
show. Written to ``$SOLEUS_COACH_SCREENSHOT_DIR`` (``make screenshots``: docs/screenshots)
when it is set."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soleus_coach.gui.editor.fields import PROBLEM_COLOUR
from soleus_coach.gui.editor.window import EditorWindow
from soleus_coach.gui.main_window import MainWindow
from tests.test_editor import checked, open_new, type_into, type_physio, window  # noqa: F401
from tests.test_real_window import share_of


def shot(editor: EditorWindow, name: str) -> QImage:
    editor.resize(1280, 800)
    QApplication.processEvents()  # the layout catches up, as it would
    image = editor.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        assert image.save(str(Path(target) / f"editor-{name}.png"))
    return image


def test_screens_of_the_editor_empty_filled_and_with_an_error(
        qtbot: QtBot, window: MainWindow) -> None:  # noqa: F811
    editor = open_new(qtbot, window)
    assert editor.no_step.isVisible() and not editor.save_button.isEnabled()
    empty = shot(editor, "empty")
    assert share_of(empty, PROBLEM_COLOUR) > 0  # the empty name and summary are marked

    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(1)  # the calf raise: sets, reps and the tempo
    editor.step_list.setFocus()
    checked(qtbot, editor)
    assert editor.form.tempo.isVisible() and editor.save_button.isEnabled()
    filled = shot(editor, "physio")
    assert share_of(filled, PROBLEM_COLOUR) == 0

    editor.step_list.setCurrentRow(2)
    type_into(qtbot, editor.form.duration_min.value_box, "25")
    checked(qtbot, editor)
    box = editor.form.field_box("duration_s")
    assert box is not None and box.problem.isVisible()
    error = shot(editor, "error")
    assert share_of(error, PROBLEM_COLOUR) > share_of(filled, PROBLEM_COLOUR)
