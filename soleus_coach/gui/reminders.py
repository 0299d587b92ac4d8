"""The daily reminder while the app runs: one coarse single-shot timer that wakes at most once
a minute (usually once a quarter hour, or at the reminder's time), and asks the schedule in
:mod:`soleus_coach.reminders` whether to remind. The day it last reminded is kept in the
window state file, so a restart does not remind twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from soleus_coach.gui.common.windows import window_state
from soleus_coach.reminders import Schedule, due, wake_in
from soleus_coach.settings import Settings

log = logging.getLogger(__name__)

LAST_KEY = "reminders/last_shown"


def schedule_of(settings: Settings) -> Schedule:
    return Schedule(settings.reminder_on, settings.reminder_minute,
                    frozenset(settings.reminder_days))


class ReminderService(QObject):
    reminded = Signal()  # time for the day's routine: the window says so

    def __init__(self, state_file: Path, *, now: Callable[[], datetime],
                 settings: Callable[[], Settings], practised_today: Callable[[], bool],
                 in_session: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state_file = state_file
        self._now, self._settings = now, settings
        self._practised_today, self._in_session = practised_today, in_session
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second is plenty
        self.timer.timeout.connect(self.check)

    def last_shown(self) -> date | None:
        raw = window_state(self.state_file).value(LAST_KEY, "")
        try:
            return date.fromisoformat(str(raw)) if raw else None
        except ValueError:
            return None

    def _mark_shown(self, day: date) -> None:
        store = window_state(self.state_file)
        store.setValue(LAST_KEY, day.isoformat())
        store.sync()

    def check(self) -> bool:
        """Remind if it is time (True when it did), then arm the next look. During a
        session nothing is armed: the window calls this again when the session is over."""
        schedule = schedule_of(self._settings())
        now = self._now()
        in_session = self._in_session()
        last = self.last_shown()
        reminded = False
        if schedule.on and not in_session:
            practised = self._practised_today()
            if due(schedule, now, last_shown=last, practised_today=practised,
                   in_session=False):
                self._mark_shown(now.date())
                last = now.date()
                reminded = True
                log.info("reminder shown")
                self.reminded.emit()
            done_today = last == now.date() or practised
            seconds = wake_in(schedule, now, done_today=done_today)
        else:
            seconds = None
        if seconds is None:
            self.timer.stop()
        else:
            self.timer.start(round(seconds * 1000))
        return reminded
