"""Pictures of the programme as a runner sees it: home with a programme under way, the
morning check, an ease-off suggestion and the calendar, grabbed from the real widgets and
checked for what they must show. Written to ``$SOLEUS_COACH_SCREENSHOT_DIR`` (``make
screenshots``: docs/screenshots) when it is set; the report's pages come from
tests/test_programme_report.py."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.programme.calendar import CalendarDialog
from soleus_coach.gui.programme.questions import MorningCheck, SuggestionDialog
from soleus_coach.session.clock import FakeClock
from tests.programme_sim import MONDAY, Now
from tests.test_programme_report import eight_weeks
from tests.test_programme_window import make, question
from tests.test_real_window import share_of


def shot(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> QImage:
    if size is not None:
        widget.resize(*size)
    else:  # a dialog: as it opens, with a little room (a window manager adds none here)
        widget.adjustSize()
        widget.resize(widget.width() + 40, widget.height() + 24)
    QApplication.processEvents()
    image = widget.grab().toImage()
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        assert image.save(str(Path(target) / f"programme-{name}.png"))
    return image


def test_screens_of_a_programme(qtbot: QtBot, data_dir: Path) -> None:
    tracker = eight_weeks(data_dir, weeks=3, ease=False)  # three weeks behind: the 22nd morning
    tracker.store.close()
    now = Now(MONDAY + timedelta(days=21), 7, 30)
    win = make(qtbot, data_dir, now, FakeClock())
    morning = question(qtbot, win, MorningCheck)
    assert isinstance(morning, MorningCheck)
    qtbot.keyClick(morning, Qt.Key.Key_4)
    qtbot.keyClick(morning, Qt.Key.Key_Y)
    assert morning.pain.value == 4 and morning.stiffer is True
    image = shot(morning, "morning-check")
    assert image.width() >= 560
    qtbot.keyClick(morning, Qt.Key.Key_Return)
    suggestion = question(qtbot, win, SuggestionDialog)
    assert isinstance(suggestion, SuggestionDialog)
    assert suggestion.windowTitle() == "Ease off for a few days?"
    assert "4/10" in suggestion.reasons.plain_text()
    assert "stiffer" in suggestion.reasons.plain_text()
    shot(suggestion, "ease-off")
    qtbot.mouseClick(suggestion.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.programme.queue.dialog is None)
    card = win.programme.card
    assert card.isVisible() and "Easing off until" in card.notice.plain_text()
    home = shot(win, "home", (1000, 720))
    assert (home.width(), home.height()) == (1000, 720)
    qtbot.mouseClick(card.calendar_button, Qt.MouseButton.LeftButton)
    calendar = win.programme.dialog
    assert isinstance(calendar, CalendarDialog)
    image = shot(calendar, "calendar")
    assert share_of(image, "#c6f6d5") > 0.01  # days done, in green
    assert any(c.text().endswith("✗") or "◐" in c.text() for c in calendar.cells)
    assert any(k.text() not in ("", "–") for k in calendar.km)  # the week's running
    calendar.reject()
