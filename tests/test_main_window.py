"""The main window lists the routines; a person starts one with Enter or a double-click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol import load_library
from tests.conftest import minimal_protocol, write_protocol


def make_window(qtbot: QtBot, user_dir: Path | None = None) -> MainWindow:
    lib = load_library(paths.bundled_protocols_dir(), user_dir, paths.assets_dir())
    win = MainWindow(lib)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_lists_bundled_routines_with_duration(qtbot: QtBot) -> None:
    win = make_window(qtbot)
    model = win.library_page.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Post-run soleus recovery" in names
    row = names.index("Post-run soleus recovery")
    assert model.index(row, 1).data() == "After a run"
    assert model.index(row, 2).data() == "24:00"
    assert model.index(row, 3).data() == "2"


def test_selecting_shows_summary_and_steps(qtbot: QtBot) -> None:
    win = make_window(qtbot)
    page = win.library_page
    assert page.select("post-run-soleus")
    assert page.title.text() == "Post-run soleus recovery"
    assert "30-second holds" in page.summary.text()
    assert "Bent-knee wall stretch" in page.steps.toPlainText()
    assert "Ice the calf" in page.steps.toPlainText()


def test_enter_and_double_click_start_the_selected_routine(qtbot: QtBot) -> None:
    win = make_window(qtbot)
    page = win.library_page
    page.select("ice-timer")
    page.view.setFocus()
    with qtbot.waitSignal(win.start_requested) as blocker:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert blocker.args == ["ice-timer"]
    page.select("pre-run-warm-up")
    with qtbot.waitSignal(win.start_requested) as blocker:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["pre-run-warm-up"]


def test_broken_user_file_is_listed_with_its_error(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "oops.json").write_text('{"format": 1,}')
    win = make_window(qtbot, tmp_path)
    model = win.library_page.model
    rows = [r for r in range(model.rowCount()) if "oops.json" in model.index(r, 0).data()]
    assert rows and model.index(rows[0], 1).data() == "failed to load"
    win.library_page.view.setCurrentIndex(model.index(rows[0], 0))
    assert "not valid JSON" in win.library_page.steps.toPlainText()
    assert not win.library_page.start_button.isEnabled()
    assert "could not be loaded" in win.statusBar().currentMessage()


def test_protocol_text_is_shown_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    evil = "<img src=x><b>Bold</b>"
    write_protocol(tmp_path, "evil.json", minimal_protocol(id="evil", name=evil, summary=evil))
    win = make_window(qtbot, tmp_path)
    win.library_page.select("evil")
    assert win.library_page.title.text() == evil
    for label in win.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
