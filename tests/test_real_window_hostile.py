"""The outside probe's case, for real: the app in an X window under Xvfb, the mouse resting
on each row of the library in turn, among them protocols that failed to load and whose
errors quote markup (``<img src=/dev/zero>`` made the app read /dev/zero until it aborted;
an ``<img>`` of a FIFO hung it). The app must survive the tooltips and still quit cleanly
on SIGTERM (a hung GUI thread could not)."""

from __future__ import annotations

import json
import os
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
    bundled = len(list((Path(__file__).resolve().parents[1] / "protocols").glob("*.json")))
    rows = bundled + len(list(folder.glob("*.json")))  # the broken ones last
    app = App(display, data)
    try:
        app.size(1280, 800)
        app.give_keyboard(app.wid)
        app.keys("alt+r")  # All routines: the first row selected (home's button is larger)
        app.shot_until(tmp_path / "all-routines.png", 1280, 800,
                       lambda image: 0.002 < share_of(image, HIGHLIGHT) < 0.02,
                       "All routines, its first row selected")
        alone = len(app.windows())
        # The list is on the left, a row every 14 px from y=81: rest on each row until its
        # tooltip opens, then move off it (onto the detail, which has none) until it closes.
        for row in range(rows):
            y = 81 + 14 * row
            app.xdo("mousemove", "--sync", "200", str(y))
            app.wait(lambda: len(app.windows()) > alone, f"the tooltip of the row at y={y}")
            app.xdo("mousemove", "--sync", "900", "400")
            app.wait(lambda: len(app.windows()) == alone, f"the tooltip at y={y} to close")
        app.xdo("mousemove", "--sync", "60", str(81 + 14 * bundled))  # the first broken one
        app.wait(lambda: len(app.windows()) > alone, "the broken routine's tooltip")
        app.shot_until(shot_dir(tmp_path_factory) / "hostile-tooltip.png", 1280, 800,
                       lambda image: share_of(image, HIGHLIGHT) > 0.0005,
                       "the window there and painted, with the tooltip")
    finally:
        app.close()  # SIGTERM: exits 0 only if its event loop still runs
