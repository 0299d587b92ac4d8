"""The German translation: complete, chosen by the system locale or the setting, and shown
in the window (menus, table, session words, core notices)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from soleus_coach import texts
from soleus_coach.gui.common import i18n
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.session.clock import FakeClock
from tests.conftest import app_services, running, skip_to_first_hold

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")  # as the session fixture left it


def test_every_string_has_a_german_translation() -> None:
    tree = ET.parse(ROOT / "translations" / "soleus_coach_de.ts")
    messages = list(tree.iter("message"))
    assert len(messages) > 250
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation") is not None
                  and m.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert unfinished == []
    for m in messages:  # placeholders survive translation
        source = m.findtext("source") or ""
        forms = [f.text or "" for f in m.iter("numerusform")] or \
            [m.findtext("translation") or ""]
        for n in range(1, 5):
            if f"%{n}" in source:
                assert all(f"%{n}" in f for f in forms), (source, forms)
        if "%n" in source:
            assert all("%n" in f for f in forms), (source, forms)


def test_language_follows_the_system_unless_the_setting_says_otherwise() -> None:
    assert i18n.choose_language("", QLocale("de_DE")) == "de"
    assert i18n.choose_language("", QLocale("de_AT")) == "de"
    assert i18n.choose_language("en", QLocale("de_DE")) == "en"
    assert i18n.choose_language("de", QLocale("en_GB")) == "de"
    assert i18n.choose_language("", QLocale("fr_FR")) == "en"  # not translated: English


def test_the_window_speaks_german(qtbot: QtBot, data_dir: Path, german: None) -> None:
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "language": "de",
         "injured_leg": "left"}))
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["&Datei", "&Einheit", "&Ansicht", "E&xtras", "&Programm", "&Hilfe"]
    model = win.library_page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Routine", "Wann", "Dauer", "Schritte", "Herkunft"]
    assert win.library_page.start_button.text() == "&Starten"
    assert "Jederzeit" in win.library_page.meta.text() or \
        "Nach dem Lauf" in win.library_page.meta.text()
    assert win.start_session("calf-stretch-only")
    screen = running(qtbot, win)
    skip_to_first_hold(qtbot, screen)
    page = screen.page
    assert "Bein hinten" in page.side.text() and "Dehnung 1 von" in page.rep.text()
    assert page.caution.text().startswith("Dehnen Sie nie bis zum Schmerz")
    assert texts.translate(texts.SOUND_UNAVAILABLE).startswith("Kein Ton verfügbar")
