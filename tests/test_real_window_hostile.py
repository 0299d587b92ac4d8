"""The outside probe's case, for real: the app in an X window under Xvfb, the mouse resting
on each row of the library in turn, among them protocols that failed to load and whose
errors quote markup (``<img src=/dev/zero>`` made the app read /dev/zero until it aborted;
an ``<img>`` of a FIFO hung it). The app must survive the tooltips and still quit cleanly
on SIGTERM (a hung GUI thread could not)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from soleus_coach.gui.common.theme import HIGHLIGHT
from tests.conftest import minimal_protocol, write_protocol
from tests.test_real_window import App, display, share_of, shot_dir  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow]


def test_hovering_broken_protocols_that_quote_markup_shows_it_as_text(
        display: str, tmp_path: Path,  # noqa: F811 (the fixture)
        tmp_path_factory: pytest.TempPathFactory) -> None:
    data = tmp_path / "data"
    folder = data / "protocols"
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    for name, when in (("a-dev-zero", "<img src=/dev/zero>"),
                       ("b-fifo", f"<img src={fifo}>"),
                       ("c-link", "<a href='file:///etc/passwd'>passwd</a>")):
        write_protocol(folder, f"{name}.json", minimal_protocol(id=name, when=when))
    assert json.loads((folder / "a-dev-zero.json").read_text())["when"].startswith("<img")
    app = App(display, data)
    try:
        app.size(1280, 800)
        app.keys("alt+r")  # All routines
        # The list is on the left: rest on each row long enough for its tooltip to open.
        for y in range(90, 370, 14):
            app.xdo("mousemove", "--sync", "200", str(y))
            time.sleep(0.9)
            assert app.proc.poll() is None, f"the app died with the mouse at y={y}"
        app.xdo("mousemove", "--sync", "200", "340")  # off the rows, then onto the first
        time.sleep(0.5)
        app.xdo("mousemove", "--sync", "60", "191")  # broken one (6th row, at 1280×800)
        time.sleep(1.5)
        image = app.shot(shot_dir(tmp_path_factory) / "hostile-tooltip.png", 1280, 800)
        assert share_of(image, HIGHLIGHT) > 0.0005  # the window is there and painted
    finally:
        app.close()  # SIGTERM: exits 0 only if its event loop still runs
