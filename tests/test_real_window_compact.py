"""The compact timer for real: the app in an X window under Xvfb with a window manager
(openbox), on the ice step, switched to its compact timer by the C key; another application's
window is then brought to the front and the compact timer must still be seen over it, with
the same time the full window showed. Its screenshot is ``compact-over-another-window.png``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from soleus_coach.gui.common.theme import PHASE_COLOURS
from tests.test_real_window import App, share_of, shot_dir, xvfb

TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "import")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                       reason="needs Xvfb, openbox, xdotool, xprop and ImageMagick's import "
                              "(apt-get install xvfb openbox xdotool x11-utils imagemagick)"),
]

#: Another application: a plain window that fills the screen, a colour of its own.
OTHER = ("import sys\nfrom PySide6.QtWidgets import QApplication, QLabel\n"
         "app = QApplication(sys.argv[:1])\nw = QLabel('Another application')\n"
         "w.setWindowTitle('Another application')\n"
         "w.setStyleSheet('background: #d8c8a0; font-size: 40px')\n"
         "w.resize(1280, 800)\nw.move(0, 0)\nw.show()\napp.exec()\n")


@pytest.fixture(scope="module")
def wm_display() -> Iterator[str]:
    """Xvfb with openbox on it: stacking, focus and 'always on top' as a desktop has them."""
    yield from xvfb(range(140, 190), "1280x800x24", ["openbox", "--sm-disable"])


def test_the_compact_timer_stays_over_another_window(
        wm_display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "right"}),
        encoding="utf-8")
    app = App(wm_display, data, "--start", "ice-timer")
    other: subprocess.Popen[bytes] | None = None
    try:
        app.xdo("windowactivate", "--sync", app.wid)
        app.new_session(app.started)  # the routine's clock runs
        app.give_keyboard(app.wid)
        app.keys("Right", "c")  # past "get ready", onto the 20-minute ice; its compact timer
        timer = app.window("Soleus Coach timer")
        state = subprocess.run(["xprop", "-id", timer, "_NET_WM_STATE"], env=app.env,
                               capture_output=True, text=True, check=True, timeout=30).stdout
        assert "_NET_WM_STATE_ABOVE" in state, state

        other = subprocess.Popen([sys.executable, "-c", OTHER], env=app.env)
        wid = app.window("Another application")
        app.xdo("windowactivate", "--sync", wid)
        x, y, w, h = app.geometry(timer)
        assert w < 640 and h < 400, "the compact timer is small"

        def over_it(image: QImage) -> bool:
            inside = image.copy(x, y, w, h)
            return (share_of(image, "#d8c8a0") > 0.5  # the other application fills the screen,
                    and share_of(inside, "#d8c8a0") < 0.05  # but not where the timer is,
                    and share_of(inside, PHASE_COLOURS["ice"][0]) > 0.01)  # its ice countdown

        app.shot_until(shot_dir(tmp_path_factory) / "compact-over-another-window.png",
                       1280, 800, over_it, "the compact timer over another application")

        # A double-click returns to the full window (the time to the second on a fake clock
        # is checked in tests/test_compact_tray_reminders.py).
        app.xdo("mousemove", "--sync", str(x + w // 2), str(y + h // 2))
        app.xdo("click", "--repeat", "2", "--delay", "80", "1")

        def mapped(wid: str) -> bool:
            return "IsViewable" in subprocess.run(["xwininfo", "-id", wid], env=app.env,
                                                  capture_output=True, text=True,
                                                  timeout=30).stdout

        app.wait(lambda: not mapped(timer) and mapped(app.wid),
                 "the full window back, the compact timer gone")
        app.give_keyboard(app.wid)
        app.keys("c")  # and back to the compact timer: the app is closed (SIGTERM) from there
        app.window("Soleus Coach timer")
    finally:
        if other is not None:
            other.terminate()
            other.wait(10)
        app.close()  # it quits with its window hidden behind the compact timer (it used not to)
