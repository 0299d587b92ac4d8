"""The main window lists the routines; a person starts one with Enter or a double-click."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.audio import CuePlayer
from soleus_coach.gui.common.services import Services
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol import load_library
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import minimal_protocol, write_protocol


def services(data_dir: Path, user_dir: Path | None = None) -> Services:
    user = user_dir or data_dir / "protocols"
    store = SettingsStore(data_dir / "settings.json")
    if not store.path.exists():  # the first-run notice has its own tests
        store.save(Settings(first_run_acknowledged=True))
    return Services(
        load_library=lambda: load_library(paths.bundled_protocols_dir(), user,
                                          paths.assets_dir()),
        settings_store=store,
        user_protocols_dir=user,
        schema_file=paths.bundled_protocols_dir() / "schema" / "protocol.schema.json",
        assets_dir=paths.assets_dir(),
        window_state_file=data_dir / "window.ini",
        make_player=lambda sounds: CuePlayer(sounds, backends=list),  # no sound in tests
    )


def make_window(qtbot: QtBot, user_dir: Path | None = None) -> MainWindow:
    win = MainWindow(services(paths.data_dir(), user_dir))
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
    assert model.index(row, 2).data() == "24:10"  # as `soleus-coach list` says (test_cli)
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
    assert win.library_page.title.plain_text() == evil
    for label in win.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_import_of_a_bad_file_lists_its_errors_and_copies_nothing(qtbot: QtBot,
                                                                   tmp_path: Path) -> None:
    bad = write_protocol(tmp_path, "bad.json", minimal_protocol(when="lunch"))
    win = make_window(qtbot)
    assert not win.import_protocol(bad)
    box = win.findChild(QMessageBox, "importErrors")
    assert box is not None and "$.when" in box.detailedText()
    assert "nothing was copied" in box.text()
    assert not (win.services.user_protocols_dir / "bad.json").exists()


def test_import_of_a_good_file_adds_it_to_the_list(qtbot: QtBot, tmp_path: Path) -> None:
    good = write_protocol(tmp_path, "mine.json", minimal_protocol(id="mine", name="Mine"))
    win = make_window(qtbot)
    assert win.import_protocol(good)
    assert win.library_page.select("mine")
    assert win.library_page.model.index(win.library_page.view.currentIndex().row(), 4).data() \
        == "yours"


def test_settings_are_stored_and_window_geometry_remembered(qtbot: QtBot) -> None:
    win = make_window(qtbot)
    win.apply_settings(replace(win.settings, injured_leg=Leg.RIGHT, hold_s=25.0))
    win.resize(720, 530)
    win.close()
    again = make_window(qtbot)
    assert again.settings.injured_leg is Leg.RIGHT and again.settings.hold_s == 25.0
    assert (again.width(), again.height()) == (720, 530)


def test_garbage_settings_file_is_reported_in_one_line(qtbot: QtBot) -> None:
    (paths.data_dir() / "settings.json").write_text('{"hold_s": "lots", "injured_leg": "left"}')
    win = make_window(qtbot)
    assert win.settings.injured_leg is Leg.LEFT and win.settings.hold_s is None
    assert "hold_s" in win.statusBar().currentMessage()


def test_about_shows_version_licence_credits_and_opens_the_data_folder(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from soleus_coach import __version__
    from soleus_coach.gui.about_dialog import AboutDialog

    win = make_window(qtbot)
    action = next(a for a in win.help_menu.actions() if "About" in a.text())
    action.trigger()
    dialog = win.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts and "MIT" in texts and "eSpeak NG" in texts
    assert dialog.folder_label.text() == str(paths.data_dir())
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(QUrl(url).toLocalFile()) or True))
    qtbot.mouseClick(dialog.findChild(QPushButton, "openDataFolder"),
                     Qt.MouseButton.LeftButton)
    assert opened == [str(paths.data_dir())]
