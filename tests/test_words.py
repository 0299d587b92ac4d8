"""The words a person reads at the moments that matter, in English and in German, written out
here as they must read: not looked up through ``texts``, ``tr()`` or the translation files the
screen itself uses, so a text lost on its way to the screen (a wrong context, an untranslated
string, a constant swapped for another) fails here.

Each is read from the real window after the real entry point: the "it hurts" key in a
stretch's hold and in a heel drop's set, a routine run to its end, the history window opened
from its menu.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common import i18n
from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.history.records import EventRecord, SessionRecord, Status
from soleus_coach.history.store import open_store
from soleus_coach.session.engine import State
from soleus_coach.session.plan import SegmentKind
from tests.test_first_hour import NOW, SETTLED, to_segment, window

WORDS = {
    "en": {
        "finished": "Routine complete. Well done!",
        "hurt in a stretch": "Hold ended. Sharp pain means stop.",
        "hurt in a stretch, ice ahead": ["Stop the exercises, go on to the ice",
                                         "Stop the routine",
                                         "Continue gently (bend the front knee less)"],
        "hurt in a set": "Set ended. Loading may be uncomfortable, up to 5 out of 10, but "
                         "sharp pain or pain above 5 out of 10 means stop for today.",
        "history": "It hurt during Heel drop (left leg): stopped the exercises, went on to "
                   "the ice",
        "safety notes": "Safety notes:",
    },
    "de": {
        "finished": "Routine geschafft. Gut gemacht!",
        "hurt in a stretch": "Dehnung beendet. Stechender Schmerz heißt: aufhören.",
        "hurt in a stretch, ice ahead": ["Übungen beenden, weiter mit dem Eis",
                                         "Routine beenden",
                                         "Sanft weitermachen (vorderes Knie weniger beugen)"],
        "hurt in a set": "Satz beendet. Belastung darf unangenehm sein, bis 5 von 10; "
                         "stechender Schmerz oder Schmerz über 5 von 10 heißt: für heute "
                         "aufhören.",
        "history": "Schmerz während Heel drop (linkes Bein): Übungen beendet, weiter mit dem "
                   "Eis",
        "safety notes": "Sicherheitshinweise:",
    },
}


@pytest.fixture(params=sorted(WORDS))
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.install(qapp, "en")


def open_window(qtbot: QtBot, data: Path, language: str) -> MainWindow:
    return window(qtbot, data, {**SETTLED, "language": language})


def hurt_dialog_words(qtbot: QtBot, win: MainWindow, routine: str,
                      kind: SegmentKind) -> tuple[str, list[str]]:
    """Start ``routine``, go to its first ``kind`` segment and press H, as a person does."""
    assert win.start_session(routine)
    qtbot.waitUntil(lambda: win.session is not None and win.session.state is State.RUNNING,
                    timeout=5000)
    to_segment(win, kind)
    screen = win.session
    assert screen is not None
    qtbot.keyClick(screen, Qt.Key.Key_H)
    dialog = screen.hurt_dialog
    assert dialog is not None
    body = dialog.findChild(QLabel, "itHurtsBody")
    assert body is not None
    return body.text(), [b.text() for b in dialog.buttons.values()]


def test_it_hurts_in_a_stretch_reads(qtbot: QtBot, data_dir: Path, language: str) -> None:
    win = open_window(qtbot, data_dir, language)
    body, buttons = hurt_dialog_words(qtbot, win, "post-run-soleus", SegmentKind.HOLD)
    assert body == WORDS[language]["hurt in a stretch"]
    assert buttons == WORDS[language]["hurt in a stretch, ice ahead"]


def test_it_hurts_in_a_strength_set_reads(qtbot: QtBot, data_dir: Path, language: str) -> None:
    win = open_window(qtbot, data_dir, language)
    body, _buttons = hurt_dialog_words(qtbot, win, "soleus-strength", SegmentKind.SET)
    assert body == WORDS[language]["hurt in a set"]


def test_the_finish_page_reads(qtbot: QtBot, data_dir: Path, language: str) -> None:
    win = open_window(qtbot, data_dir, language)
    assert win.start_session("calf-stretch-only")
    qtbot.waitUntil(lambda: win.session is not None and win.session.state is State.RUNNING,
                    timeout=5000)
    screen = win.session
    assert screen is not None
    while screen.state is State.RUNNING:
        qtbot.keyClick(screen, Qt.Key.Key_Right)  # on to the end, as the Right key goes
    page = win.flow.finish_page
    assert page is not None and page.isVisible()
    title = page.findChild(QLabel, "finishTitle")
    assert title is not None and title.text() == WORDS[language]["finished"]


def test_an_it_hurts_line_in_the_history_reads(qtbot: QtBot, data_dir: Path,
                                               language: str) -> None:
    store = open_store(data_dir / "history.sqlite3")
    rec = SessionRecord(uid="hurt", protocol_id="x", protocol_name="Heel drops",
                        protocol_digest="d", started_at=NOW - timedelta(hours=5),
                        planned_s=600, status=Status.STOPPED, active_s=100)
    rec.ended_at = rec.started_at + timedelta(seconds=120)
    rec.events = [EventRecord(rec.ended_at, "it_hurts", json.dumps(
        {"at_s": 50, "choice": "to_ice", "segment": "Heel drop", "side": "left"}))]
    store.save(rec)
    store.close()
    win = open_window(qtbot, data_dir, language)
    win.actions_by_id[ActionId.HISTORY].trigger()
    history = win.history_window
    assert history is not None
    history.select("hurt")
    lines = history.segments.toPlainText().splitlines()
    notes = lines.index(WORDS[language]["safety notes"])
    assert lines[notes + 1].endswith("  " + WORDS[language]["history"]), lines[notes + 1]
