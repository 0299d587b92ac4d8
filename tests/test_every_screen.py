"""Every window, on the screens people have, in light, dark and German: nothing cut off.

In a child process per screen (Qt's offscreen platform takes a screen of any size from a
config file): 800×600 and 1366×768. On each, in light, dark and German, every window is
opened the way a person opens it (menu actions, keys) and checked: it fits the screen
(``tests/test_window_sizes.misfits``), and no button or one-line label is narrower than its
text. With ``SOLEUS_COACH_SCREENSHOT_DIR`` set (``make screenshots``) each is also saved as
``every/<screen>-<variant>/<window>.png``, and a contact sheet of each set beside them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.common.plain import ElidedLabel
from soleus_coach.session.plan import SegmentKind
from soleus_coach.settings import Theme
from tests import test_actions as crawl
from tests.test_window_sizes import misfits

SCREENS = {"800x600": (800, 600), "1366x768": (1366, 768)}
VARIANTS = ("light", "dark", "de")
CHILD = "SOLEUS_COACH_EVERY_SCREEN"


def cut_off(root: QWidget) -> list[str]:
    """Buttons and one-line labels whose text is wider than they are."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or isinstance(w, ElidedLabel) or w.width() < 4:
            continue
        if isinstance(w, QAbstractButton) and not w.icon().isNull():
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or w.pixmap() is not None
                                      or not w.text() or "\n" in w.text()):
            continue
        if not isinstance(w, QLabel | QAbstractButton) or type(w).__name__ in (
                "QToolButton", "RoutineButton"):
            continue
        text = re.sub(r"&(.)", r"\1", w.text()).split("\n")[0]
        room = w.contentsRect().width() - (8 if isinstance(w, QAbstractButton) else 0)
        if text and w.fontMetrics().horizontalAdvance(text) > room + 1:
            out.append(f"{type(w).__name__}:{w.objectName() or text[:20]!r} "
                       f"({w.fontMetrics().horizontalAdvance(text)} > {room})")
    return out


class Shots:
    def __init__(self, qtbot: QtBot, screen: str, variant: str) -> None:
        self.qtbot = qtbot
        target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
        self.folder = Path(target) / "every" / f"{screen}-{variant}" if target else None
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
        self.problems: list[str] = []
        self.taken: list[Path] = []

    def take(self, name: str, window: QWidget) -> None:
        QApplication.processEvents()
        self.problems += [f"{name}: {m}" for m in misfits()]
        self.problems += [f"{name}: cut {m}" for m in cut_off(window)]
        if self.folder is not None:
            path = self.folder / f"{name}.png"
            assert window.grab().save(str(path))
            self.taken.append(path)

    def sheet(self) -> None:
        """All of a set on one picture, to look at them together."""
        if self.folder is None or not self.taken:
            return
        images = [QImage(str(p)) for p in self.taken]
        scale, columns = 0.4, 4
        w = max(i.width() for i in images) * scale
        h = max(i.height() for i in images) * scale
        rows = (len(images) + columns - 1) // columns
        sheet = QImage(int(w * columns), int(h * rows), QImage.Format.Format_RGB32)
        sheet.fill(0x808080)
        painter = QPainter(sheet)
        for n, image in enumerate(images):
            small = image.scaled(int(image.width() * scale), int(image.height() * scale))
            painter.drawImage(int((n % columns) * w), int((n // columns) * h), small)
        painter.end()
        sheet.save(str(self.folder.parent / f"{self.folder.name}-sheet.png"))


@pytest.fixture
def variant_app(qtbot: QtBot, qapp: QApplication, data_dir: Path, tmp_path: Path,
                monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
                ) -> Iterator[crawl.App]:
    from soleus_coach.gui.common import i18n
    from soleus_coach.gui.common.theme import apply_theme

    variant = request.param
    style, palette = qapp.style().name(), qapp.palette()
    i18n.install(qapp, "de" if variant == "de" else "en")
    apply_theme(qapp, Theme.DARK if variant == "dark" else Theme.LIGHT)
    try:
        app = crawl.make_app(qtbot, data_dir, tmp_path, monkeypatch, populated=True)
        from PySide6.QtCore import QSize

        from soleus_coach.gui.common.windows import fit_to_screen

        fit_to_screen(app.win, QSize(1000, 640))  # as it opens (the crawl made it 1280×800)
        yield app
    finally:
        i18n.install(qapp, "en")
        qapp.setStyle(style or "Fusion")
        qapp.setPalette(palette)


def _each_window(app: crawl.App, shots: Shots) -> None:
    qtbot, win = app.qtbot, app.win

    def dialog_after(trigger: Callable[[], None], name: str) -> None:
        trigger()
        qtbot.waitUntil(lambda: any(isinstance(w, QDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=3000)
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QDialog) and w.isVisible())
        shots.take(name, box)
        crawl.close_dialogs(app)

    qtbot.waitUntil(lambda: win.home.practice.plain_text() != "", timeout=5000)
    shots.take("home", win)
    win.actions_by_id[ActionId.ALL_ROUTINES].trigger()
    shots.take("all-routines", win)
    for action, name in ((ActionId.SETTINGS, "settings"), (ActionId.SHORTCUTS, "shortcuts"),
                         (ActionId.ABOUT, "about"), (ActionId.ADD_RUN, "add-a-run")):
        _owner, act = crawl.the_action(app, crawl.ROWS[action], action)
        dialog_after(act.trigger, name)
    crawl.open_history(app)
    shots.take("history", app.history_window)
    app.history_window.close()
    win.editors.new_action.trigger()
    shots.take("editor", app.editor)
    app.editor.hide()
    crawl.activate(app, win)
    crawl.start(app)
    crawl.to_kind(app, SegmentKind.HOLD, min_elapsed=3)
    shots.take("session-hold", win)
    crawl.to_finish(app)
    shots.take("finish", win)


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_window_on_the_screens_people_have(tmp_path: Path, screen: str) -> None:
    width, height = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, CHILD: screen, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(Path(__file__).resolve().with_name("every_screen_child.py"))],
        env=env, capture_output=True, text=True, timeout=900,
        cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
