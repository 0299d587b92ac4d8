"""Every text reads: WCAG contrast of at least 4.5:1, measured on screenshots of each page and
dialog in the light and the dark theme, the countdown in every phase above all."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common.theme import COUNTDOWN_COLOURS, PHASE_COLOURS, apply_theme
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import Theme
from tests.conftest import app_services, running
from tests.contrast import AA, low_contrast, low_contrast_controls, region_contrast, text_rect


@pytest.fixture(params=[Theme.LIGHT, Theme.DARK], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    style, palette = qapp.style().name(), qapp.palette()
    apply_theme(qapp, request.param)
    yield request.param
    qapp.setStyle(style or "Fusion")  # (the app's style is a proxy of Fusion, unnamed)
    qapp.setPalette(palette)


def check(widget: QWidget, where: str, seen: list[str]) -> None:
    """Text at 4.5:1; check boxes, radio buttons and pictures at 3:1."""
    QApplication.processEvents()
    image = widget.grab().toImage()
    failures = low_contrast(widget, image) + low_contrast_controls(widget, image)
    assert not failures, f"{where}: " + "; ".join(failures)
    seen.append(where)


# Pairs whose ratio is published outside this project: WCAG 2's definition (black on white
# is the largest, 21:1; a colour on itself the smallest, 1:1); the WCAG Understanding page for
# 1.4.3 and WebAIM (#777777 on white falls just short of 4.5:1, #767676 is the lightest grey
# that passes, #595959 the lightest that passes AAA at 7:1); WebAIM's checker's own example
# (pure blue on white, 8.59:1). Rounded to two places, as the checkers show them.
KNOWN_PAIRS = [
    ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
    ("#777777", "#ffffff", 4.48),
    ("#767676", "#ffffff", 4.54),
    ("#595959", "#ffffff", 7.0),
    ("#0000ff", "#ffffff", 8.59),
]


@pytest.mark.parametrize(("text", "paper", "ratio"), KNOWN_PAIRS)
def test_the_contrast_function_agrees_with_published_wcag_pairs(text: str, paper: str,
                                                                ratio: float) -> None:
    """Every contrast test here judges with ``contrast_ratio``: it is checked against
    figures that do not come from it."""
    from PySide6.QtGui import QColor

    from soleus_coach.gui.common.theme import contrast_ratio

    assert round(contrast_ratio(QColor(text), QColor(paper)), 2) == ratio
    assert round(contrast_ratio(QColor(paper), QColor(text)), 2) == ratio  # either way round


def test_the_palette_colours_meet_aa_on_paper() -> None:
    from PySide6.QtGui import QColor

    from soleus_coach.gui.common.theme import contrast_ratio

    for phase, (bg, fg) in PHASE_COLOURS.items():
        assert contrast_ratio(QColor(bg), QColor(fg)) >= AA, phase
    for phase, (light, dark) in COUNTDOWN_COLOURS.items():
        assert contrast_ratio(QColor(light), QColor("#efefef")) >= AA, phase
        assert contrast_ratio(QColor(dark), QColor(42, 45, 50)) >= AA, phase


def test_every_page_and_dialog_reads_in_light_and_dark(qtbot: QtBot, data_dir: Path,
                                                       theme: Theme) -> None:
    from soleus_coach.gui.session.checkin_dialog import CheckInDialog
    from soleus_coach.gui.session.safety_dialogs import FirstRunDialog, ItHurtsDialog, RedFlagDialog
    from soleus_coach.gui.session.setup_dialog import LegQuestion, SetupDialog
    from soleus_coach.safety import RedFlag, advice_for, hurt_advice
    from tests.test_real_window import fill_history

    fill_history(data_dir)
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "injured_leg": "right", "ask_pain_before": False}))
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    with qtbot.waitExposed(win):
        win.show()
    qtbot.waitUntil(lambda: win.home.practice.text() != "")
    seen: list[str] = []
    check(win, "home", seen)
    win.show_library()
    check(win, "all routines (the selected row included)", seen)
    view = win.library_page.view
    row = view.visualRect(view.currentIndex()).translated(view.viewport().mapTo(win, view.rect()
                                                                                .topLeft()))
    ratio, _, _ = region_contrast(win.grab().toImage(), row.adjusted(2, 2, -2, -2))
    assert ratio >= AA, f"the selected routine's row: {ratio:.2f}"
    win.go_home()
    assert win.start_session("post-run-soleus")
    screen = running(qtbot, win)
    phases = set()
    while screen.state is State.RUNNING:
        phase = screen.page.phase
        if phase not in phases:
            phases.add(phase)
            check(win, f"session, {phase}", seen)
            countdown = screen.page.countdown
            ratio, bg, fg = region_contrast(win.grab().toImage(), text_rect(countdown, win))
            assert ratio >= AA, f"countdown in {phase}: {ratio:.2f} ({fg.name()} on {bg.name()})"
        if phase == "ice" and "compact" not in phases:
            phases.add("compact")
            win.companions.show_compact()
            assert win.companions.compact is not None
            qtbot.waitExposed(win.companions.compact)
            check(win.companions.compact, "the compact timer", seen)
            win.companions.show_full()
        if phase == "hold" and "paused" not in phases:
            screen.controller.toggle_pause()
            phases.add("paused")
            check(win, "session, paused", seen)
            screen.controller.toggle_pause()
        screen.controller.skip()
    assert {"position", "hold", "rest", "ice", "paused"} <= phases
    page = win.flow.finish_page
    assert page is not None
    check(win, "finish page", seen)
    page.form.set_pain(3)
    page.form.flags["pain_at_rest"].setChecked(True)
    page.save()
    check(win, "finish page with advice", seen)
    for dialog in (FirstRunDialog(win), SetupDialog(win.settings, win),
                   LegQuestion(remember=True, parent=win),
                   RedFlagDialog(advice_for([RedFlag.SWELLING]), parent=win),
                   ItHurtsDialog(hurt_advice("strength", ice_ahead=True), win),
                   CheckInDialog(note="A note in red", parent=win)):
        assert isinstance(dialog, QDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        check(dialog, type(dialog).__name__, seen)
        dialog.close()
    from soleus_coach.gui.settings_dialog import SettingsDialog

    settings = SettingsDialog(win.settings, win)
    settings.show()
    qtbot.waitExposed(settings)
    for i in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(i)
        check(settings, f"settings, tab {i}", seen)
    settings.close()
    assert len(seen) >= 15


@pytest.mark.parametrize("picture", sorted((Path(__file__).resolve().parents[1] / "assets" /
                                            "illustrations").glob("*.svg")), ids=lambda p: p.stem)
def test_every_bundled_picture_reads_in_light_and_dark(qtbot: QtBot, theme: Theme,
                                                       picture: Path) -> None:
    """Each shape of each bundled picture (figure, wall, floor, step, arrows) at 3:1 or more
    on what it is drawn on, in either theme."""
    from soleus_coach.gui.common.illustration import IllustrationView

    host = QWidget()
    qtbot.addWidget(host)
    view = IllustrationView(host)
    view.resize(400, 300)
    assert view.show_file(picture)
    host.resize(400, 300)
    host.show()
    qtbot.waitExposed(host)
    assert low_contrast_controls(host) == []
