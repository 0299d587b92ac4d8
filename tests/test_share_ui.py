"""Share and print from the window: Export… and Print… on a routine in the library and in
the editor (Ctrl+E, Ctrl+P), and the exported .zip imported again through File → Import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from soleus_coach import editing, paths
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol import load_file
from tests.test_editor import CLICK, checked, open_new, svg, type_into, type_physio, window

__all__ = ["window"]  # the fixture


class SaveDialog:
    """QFileDialog.getSaveFileName answered with ``answer``; what it was asked is kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> None:
        self.asked: list[tuple[str, str]] = []
        self.answer = answer
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, _parent: object, _title: str, suggested: str, kinds: str
                 ) -> tuple[str, str]:
        self.asked.append((suggested, kinds))
        return ("" if self.answer is None else str(self.answer)), kinds


def test_export_and_print_a_routine_from_the_library(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = SaveDialog(monkeypatch, tmp_path / "shared.json")
    page = window.library_page
    page.select("post-run-soleus")
    assert page.export_button.isEnabled() and page.print_button.isEnabled()
    qtbot.mouseClick(page.export_button, CLICK)
    assert dialog.asked and dialog.asked[0][0].endswith("post-run-soleus.json")
    original = load_file(paths.bundled_protocols_dir() / "post-run-soleus.json",
                         paths.assets_dir())
    exported = load_file(tmp_path / "shared.json", paths.assets_dir())
    assert editing.equal_content(exported, original)
    assert exported.translations.keys() == original.translations.keys()
    assert "shared.json" in window.statusBar().currentMessage()

    dialog.answer = None  # cancelled: nothing written
    (tmp_path / "shared.json").unlink()
    qtbot.mouseClick(page.export_button, CLICK)
    assert not (tmp_path / "shared.json").exists()

    qtbot.mouseClick(page.print_button, CLICK)
    qtbot.waitUntil(lambda: any(isinstance(w, QPrintDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=3000)
    printing = next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QPrintDialog) and w.isVisible())
    assert printing.windowTitle() == "Print routine"
    printing.reject()


def test_the_editor_exports_a_routine_with_its_picture_as_a_zip_that_imports_again(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(0)
    picture = svg(tmp_path / "wall.svg")
    assert editor.use_picture(picture)
    checked(qtbot, editor)
    qtbot.mouseClick(editor.save_button, CLICK)
    assert editor.file is not None
    routine_id = editor.draft.id

    dialog = SaveDialog(monkeypatch, tmp_path / "out" / "for-a-friend.json")
    (tmp_path / "out").mkdir()
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialog.asked[0][0].endswith(".zip") and "*.zip" in dialog.asked[0][1]
    shared = tmp_path / "out" / "for-a-friend.zip"  # a routine with files of its own: a zip
    assert shared.is_file()
    editor.close()

    # On a friend's machine: the routine is not there; File → Import takes the zip.
    shutil.rmtree(data_dir / "protocols")
    window.reload_library()
    assert window.library.get(routine_id) is None
    with qtbot.waitSignal(window.routine_files.imported, timeout=10000):  # read off-thread
        assert not window.import_protocol(shared)  # a zip: said when it has been read
    imported = window.library.get(routine_id)
    assert imported is not None and imported.name == "My physio's programme"
    assert imported.steps[0].illustration is not None
    assert imported.steps[0].illustration.read_bytes() == picture.read_bytes()


def test_a_routine_with_problems_is_neither_exported_nor_printed(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = SaveDialog(monkeypatch, tmp_path / "never.json")
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    type_into(qtbot, editor.name_edit, "")  # selected, then deleted
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Delete)
    checked(qtbot, editor)
    assert editor.problems
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert dialog.asked == [] and not (tmp_path / "never.json").exists()
    assert not any(isinstance(w, QPrintDialog) for w in QApplication.topLevelWidgets())
    assert editor.statusBar().currentMessage()  # says why
    editor.setWindowModified(False)
    editor.undo_stack.setClean()
    editor.close()
