"""The first hour as a new user walks it, by keys and clicks, with a picture of each step
(``docs/screenshots/walk/`` by ``make screenshots``; a temporary folder otherwise).

A first start with ``--start``: the safety notice, the set-up, the check-in, the routine to
its end, a red flag after it; the next start, which asks again; a routine shared as a zip
and imported into an empty profile; a routine customized in the editor; a run added by
hand; the history; the settings; Quit. Each picture is the window as it is then, with the
dialog in front where there is one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.plan import SegmentKind
from tests.conftest import app_services

SIZE = (1280, 800)


class Walk:
    def __init__(self, qtbot: QtBot, out: Path) -> None:
        self.qtbot = qtbot
        self.out = out
        self.n = 0
        self.pictures: list[Path] = []

    def shot(self, win: QWidget, name: str) -> QImage:
        """The window, and the dialogs in front of it where they are, as one picture."""
        QApplication.processEvents()
        image = win.grab().toImage()
        painter = QPainter(image)
        for top in QApplication.topLevelWidgets():
            if top is not win and top.isVisible() and isinstance(top, QDialog) \
                    and top.parentWidget() is not None and top.parentWidget().window() is win:
                grabbed = top.grab()
                at = win.mapFromGlobal(top.mapToGlobal(QPoint(0, 0)))
                if not win.rect().contains(at):  # offscreen: put it where a WM would
                    at = QPoint((win.width() - grabbed.width()) // 2,
                                max(40, (win.height() - grabbed.height()) // 3))
                bar = 26  # a title bar, as a window manager draws one
                frame = grabbed.rect().translated(at).adjusted(-1, -bar, 1, 1)
                painter.fillRect(frame.adjusted(4, 4, 4, 4), QColor(0, 0, 0, 60))  # shadow
                painter.fillRect(frame, QColor("#3c4a5a"))
                painter.setPen(QColor("white"))
                painter.drawText(frame.adjusted(10, 0, -10, 0).topLeft() + QPoint(0, 18),
                                 top.windowTitle())
                painter.drawPixmap(at, grabbed)
        painter.end()
        self.n += 1
        path = self.out / f"{self.n:02d}-{name}.png"
        assert image.save(str(path))
        self.pictures.append(path)
        return image

    def dialog(self, name: str) -> QDialog:
        def shown() -> QDialog | None:
            return next((w for w in QApplication.topLevelWidgets()
                         if isinstance(w, QDialog) and w.isVisible()
                         and w.objectName() == name), None)
        self.qtbot.waitUntil(lambda: shown() is not None, timeout=5000)
        dialog = shown()
        assert dialog is not None
        dialog.activateWindow()
        self.qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
        return dialog


@pytest.fixture
def out(tmp_path: Path) -> Path:
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    folder = Path(target) / "walk" if target else tmp_path / "walk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_window(qtbot: QtBot, data: Path, clock: FakeClock) -> MainWindow:
    win = MainWindow(app_services(data, clock))
    qtbot.addWidget(win)
    win.resize(*SIZE)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def test_the_first_hour(qtbot: QtBot, data_dir: Path, tmp_path: Path, out: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    walk = Walk(qtbot, out)
    clock = FakeClock()
    # ---- a first start with --start post-run-soleus (the desktop file's action)
    win = make_window(qtbot, data_dir, clock)
    win.start_routine("post-run-soleus")  # what launch() does for --start
    notice = walk.dialog("firstRunNotice")
    walk.shot(win, "safety-notice")
    qtbot.keyClick(notice, Qt.Key.Key_Return)
    setup = walk.dialog("setupDialog")
    qtbot.keyClick(setup, Qt.Key.Key_R)
    walk.shot(win, "set-up")
    qtbot.keyClick(setup, Qt.Key.Key_Return)
    checkin = walk.dialog("checkInBefore")
    qtbot.keyClick(checkin, Qt.Key.Key_3)
    walk.shot(win, "check-in")
    qtbot.keyClick(checkin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
    screen = win.session
    assert screen is not None
    walk.shot(win, "get-ready")
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # past get ready
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # past getting into position
    assert screen.controller.engine.segment.kind is SegmentKind.HOLD
    clock.advance(12)
    screen.controller.process()
    walk.shot(win, "hold")
    while screen.controller.engine.segment.kind is not SegmentKind.ICE:
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    clock.advance(60)
    screen.controller.process()
    walk.shot(win, "ice")
    clock.advance(2000)
    screen.controller.process()
    page = win.flow.finish_page
    assert page is not None
    walk.shot(win, "finish")
    qtbot.keyClick(page, Qt.Key.Key_8)  # 8/10 after: a red flag
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert "see a doctor" in page.guidance_text().lower()
    walk.shot(win, "finish-red-flag")
    qtbot.keyClick(page, Qt.Key.Key_Return)  # home
    qtbot.waitUntil(lambda: win.home.red_flag.isVisible(), timeout=3000)
    walk.shot(win, "home-after-a-red-flag")
    # ---- the next start asks again, and Esc does not skip into the stretches
    win.home.primary_button().setFocus()
    qtbot.keyClick(win.home, Qt.Key.Key_Return)
    again = walk.dialog("checkInBefore")
    walk.shot(win, "next-start-asks-again")
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not win.flow.busy)
    assert win.session is None and "was not started" in win.statusBar().currentMessage()
    walk.shot(win, "not-started")
    # ---- a routine shared as a zip, imported into an empty profile
    shared = tmp_path / "shared" / "my-strength.zip"
    shared.parent.mkdir()
    (data_dir / "protocols" / "pictures").mkdir(parents=True)
    picture = data_dir / "protocols" / "pictures" / "mine.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                       '<circle cx="5" cy="5" r="4"/></svg>', encoding="utf-8")
    doc = json.loads(Path("protocols/soleus-strength.json").read_text(encoding="utf-8"))
    doc.update(id="my-strength", name="My strength routine", translations={})
    doc["steps"][0]["illustration"] = "pictures/mine.svg"
    (data_dir / "protocols" / "my-strength.json").write_text(json.dumps(doc), "utf-8")
    win.actions_by_id[ActionId.RELOAD].trigger()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(shared), "")))
    win.actions_by_id[ActionId.ALL_ROUTINES].trigger()
    win.library_page.select("my-strength")
    qtbot.mouseClick(win.library_page.export_button, Qt.MouseButton.LeftButton)
    assert shared.is_file()
    walk.shot(win, "exported")
    close_dialogs()
    friend_data = tmp_path / "friend"
    friend_data.mkdir()
    (friend_data / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "injured_leg": "left"}), encoding="utf-8")
    friend = make_window(qtbot, friend_data, FakeClock())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(shared), "")))
    with qtbot.waitSignal(friend.routine_files.imported, timeout=10000):
        qtbot.keyClick(friend, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # Import
    assert friend.library.get("my-strength") is not None
    friend.actions_by_id[ActionId.ALL_ROUTINES].trigger()
    friend.library_page.select("my-strength")
    walk.shot(friend, "imported-by-a-friend")
    friend.close()
    # ---- a routine customized in the editor
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.library_page.select("calf-stretch-only")
    qtbot.mouseClick(win.library_page.customize_button, Qt.MouseButton.LeftButton)
    editor = win.editors.editors[-1]
    qtbot.waitExposed(editor)
    editor.resize(*SIZE)
    qtbot.waitUntil(lambda: editor.checked, timeout=3000)
    walk.shot(editor, "editor")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.file is not None, timeout=3000)
    editor.close()
    # ---- a run by hand, the history, the settings, quit
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.actions_by_id[ActionId.HOME].trigger()
    win.runs_ui.manual_action.trigger()
    manual = walk.dialog("manualRun")
    walk.shot(win, "add-a-run")
    manual.reject()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = win.history_window
    assert history is not None and history.isVisible()
    history.resize(*SIZE)
    walk.shot(history, "history")
    qtbot.keyClick(history, Qt.Key.Key_Escape)
    assert not history.isVisible()
    win.actions_by_id[ActionId.SETTINGS].trigger()
    settings = walk.dialog("settingsDialog")
    walk.shot(win, "settings")
    settings.reject()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not win.isVisible()
    assert len(walk.pictures) == 17


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
