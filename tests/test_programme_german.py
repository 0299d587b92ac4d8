"""The programme speaks German in a German window: the card, the menu, the morning check,
a suggestion with its reasons, the pain during a session, the calendar, the chooser, the
maker and the report's dialog and pages (every text a person can read, checked as
tests/test_german.py checks the rest of the window)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.programme.maker import MakerDialog
from soleus_coach.gui.programme.questions import MorningCheck, PainDuring, SuggestionDialog
from soleus_coach.gui.programme.report import layout_report, report_image
from soleus_coach.protocol.programme import load_programmes
from soleus_coach.session.clock import FakeClock
from tests.conftest import app_services
from tests.programme_sim import Now
from tests.test_german import Checker, german  # noqa: F401
from tests.test_programme_window import question, settled_days


def test_the_programme_speaks_german(qtbot: QtBot, data_dir: Path,
                                     german: None) -> None:  # noqa: F811
    now = Now()
    settled_days(data_dir, now, 4)
    (data_dir / "settings.json").write_text(json.dumps({
        "language": "de", "first_run_acknowledged": True, "ask_pain_before": False,
        "injured_leg": "left"}))
    win = MainWindow(app_services(data_dir, FakeClock(), now=now, today=lambda: now().date()))
    qtbot.addWidget(win)
    win.resize(1000, 700)
    with qtbot.waitActive(win):
        win.show()
    c = Checker(win)
    # The bundled programmes' sources are in English in their files.
    for p in load_programmes(paths.bundled_programmes_dir(), None, None).programmes:
        c.from_files += [p.source, p.author]
    c.from_files = sorted(set(c.from_files), key=len, reverse=True)
    morning = question(qtbot, win, MorningCheck)
    c.check(morning, "the morning check")  # type: ignore[arg-type]
    qtbot.keyClick(morning, Qt.Key.Key_5)  # type: ignore[arg-type]
    qtbot.keyClick(morning, Qt.Key.Key_J)  # type: ignore[arg-type]
    qtbot.keyClick(morning, Qt.Key.Key_Return)  # type: ignore[arg-type]
    suggestion = question(qtbot, win, SuggestionDialog)
    assert isinstance(suggestion, SuggestionDialog)
    assert "5/10" in suggestion.reasons.plain_text()
    c.check(suggestion, "an ease-off suggestion")
    qtbot.mouseClick(suggestion.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    c.check(win, "the home screen with a programme")
    assert win.programme.card.title.plain_text() == "Soleus-Belastung, 12 Wochen"
    assert win.programme.card.today.plain_text().startswith("Heute: Fersenabsenken 0 von 2")
    win.programme._sync_menu()
    c.check_texts([a.text() for a in win.programme.menu.actions()], "the programme menu")
    uid = win.history.sessions(limit=1)[0].uid
    win.history._conn.execute("DELETE FROM pain_during WHERE session_uid = ?", (uid,))
    record = win.history.session(uid)
    assert record is not None
    win.programme.session_finished(record)  # as when a loading session has just ended
    win.programme.queue.ask()
    during = question(qtbot, win, PainDuring)
    c.check(during, "the pain during")  # type: ignore[arg-type]
    during.reject()  # type: ignore[attr-defined]
    for name in ("calendar", "start", "make", "report"):
        win.programme._sync_menu()
        found = win.programme.menu.findChild(QAction, name)
        assert found is not None
        found.trigger()
        shown = win.programme.dialog
        assert shown is not None
        if isinstance(shown, MakerDialog):  # the validator's words are English (one validator)
            c.from_files = sorted({*c.from_files, *(m for _loc, m in shown.problems)},
                                  key=len, reverse=True)
        c.check(shown, f"the {name} dialog")
        shown.reject()
    data = win.programme.tracker.report(now().date().replace(day=2), now().date())
    sheet = layout_report(data, report_image(data))
    c.check_texts(sheet.texts(), "the report")
