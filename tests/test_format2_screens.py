"""Pictures of each kind of format-2 step as the session shows it (a counted set, a tempo
rep, a self-paced set, an isometric hold, heat, a cold round of a contrast routine), grabbed
from the real window at 1280×800 and checked for the phase colour and the words. Written to
``$SOLEUS_COACH_SCREENSHOT_DIR`` (``make screenshots``: docs/screenshots) when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.theme import PHASE_COLOURS
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.session.plan import SegmentKind
from tests.conftest import run_until
from tests.test_format2 import skip_to, start, window  # noqa: F401 (fixture)
from tests.test_real_window import share_of

CASES = [
    # name, routine, segment, label part, seconds into it, phase colour, words on screen
    ("set-tempo", "eccentric-heel-drops", SegmentKind.SET, "", 1.5, "exercise", "DOWN · 2"),
    ("set-counted", "soleus-strength", SegmentKind.SET, "one leg", 10.5, "exercise", "UP"),
    ("set-self-paced", "dynamic-warm-up", SegmentKind.SET, "Heel walks", 0, "exercise",
     "Press Enter after each rep"),
    ("heat", "contrast-rounds", SegmentKind.HEAT, "", 30, "heat", "Warm, not hot"),
    ("contrast-cold", "contrast-rounds", SegmentKind.ICE, "", 20, "ice", "Cold through"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_screens_of_format_2_steps(qtbot: QtBot, window: MainWindow,  # noqa: F811
                                   data_dir: Path, case: tuple) -> None:
    name, routine, kind, label, seconds, phase, words = case
    screen, clock, _ = start(window, routine, qtbot)
    skip_to(qtbot, screen, kind, label=label)
    run_until(screen, clock, clock.now() + seconds)
    page = screen.page
    shown = " ".join((page.tempo.text(), page.caution.text()))
    assert words in shown, shown
    QApplication.processEvents()  # the layout catches up with the new texts, as it would
    image = window.grab().toImage()
    assert share_of(image, PHASE_COLOURS[phase][0]) > 0.03
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        assert image.save(str(Path(target) / f"format2-{name}.png"))
