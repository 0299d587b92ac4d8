"""The compact timer for real: the app in an X window under Xvfb with a window manager
(openbox), on the ice step, switched to its compact timer by the C key; another application's
window is then brought to the front and the compact timer must still be seen over it, with
the same time the full window showed. Its screenshot is ``compact-over-another-window.png``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

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
        time.sleep(1.5)
        app.keys("Right")  # past "get ready", onto the 15-minute ice
        app.keys("c")
        timer = app.xdo("search", "--sync", "--onlyvisible", "--name",
                        "Soleus Coach timer").split()[0]
        state = subprocess.run(["xprop", "-id", timer, "_NET_WM_STATE"], env=app.env,
                               capture_output=True, text=True, check=True, timeout=30).stdout
        assert "_NET_WM_STATE_ABOVE" in state, state

        other = subprocess.Popen([sys.executable, "-c", OTHER], env=app.env)
        wid = app.xdo("search", "--sync", "--onlyvisible", "--name",
                      "Another application").split()[0]
        app.xdo("windowactivate", "--sync", wid)
        time.sleep(1.0)
        image = app.shot(shot_dir(tmp_path_factory) / "compact-over-another-window.png",
                         1280, 800)
        geometry = app.xdo("getwindowgeometry", "--shell", timer)
        g = dict(line.split("=") for line in geometry.split())
        x, y, w, h = (int(g[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
        assert w < 640 and h < 400, "the compact timer is small"
        inside = image.copy(x, y, w, h)
        assert share_of(image, "#d8c8a0") > 0.5  # the other application fills the screen...
        assert share_of(inside, "#d8c8a0") < 0.05  # ...but not where the timer is: on top
        assert share_of(inside, PHASE_COLOURS["ice"][0]) > 0.01  # its ice countdown is seen

        # A double-click returns to the full window (the time to the second on a fake clock
        # is checked in tests/test_compact_tray_reminders.py).
        app.xdo("mousemove", "--sync", str(x + w // 2), str(y + h // 2))
        app.xdo("click", "--repeat", "2", "--delay", "80", "1")
        time.sleep(1.0)
        viewable = subprocess.run(["xwininfo", "-id", timer], env=app.env, capture_output=True,
                                  text=True, timeout=30).stdout
        assert "IsUnMapped" in viewable or "IsUnviewable" in viewable, viewable
        full = subprocess.run(["xwininfo", "-id", app.wid], env=app.env, capture_output=True,
                              text=True, timeout=30).stdout
        assert "IsViewable" in full, full
        app.keys("c")  # and back to the compact timer: the app is closed (SIGTERM) from there
        app.xdo("search", "--sync", "--onlyvisible", "--name", "Soleus Coach timer")
    finally:
        if other is not None:
            other.terminate()
            other.wait(10)
        app.close()  # it quits with its window hidden behind the compact timer (it used not to)

