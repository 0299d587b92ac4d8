"""The daily reminder while the app runs: one coarse single-shot timer that wakes at most once
a minute (usually once a quarter hour, or at the reminder's time), and asks the schedule in
:mod:`soleus_coach.reminders` whether to remind. The day it last reminded is kept in the
window state file, so a restart does not remind twice.

With a programme under way (and reminders on), its times replace the one daily time: the
window gives them (``programme``: the slots and the sessions done today), and the slots
reminded of today are kept in the state file too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from soleus_coach.gui.common.windows import window_state
from soleus_coach.reminders import (
    Schedule,
    Slot,
    due,
    due_slot,
    slots_passed,
    slots_wake_in,
    wake_in,
)
from soleus_coach.settings import Settings

log = logging.getLogger(__name__)

LAST_KEY = "reminders/last_shown"
SLOTS_KEY = "reminders/slots_shown"  # "YYYY-MM-DD 480,1080": a programme's slots reminded of

#: A programme's reminder times today and the sessions done of them (None: no programme).
ProgrammeTimes = Callable[[], "tuple[tuple[Slot, ...], int] | None"]


def schedule_of(settings: Settings) -> Schedule:
    return Schedule(settings.reminder_on, settings.reminder_minute,
                    frozenset(settings.reminder_days))


class ReminderService(QObject):
    reminded = Signal()  # time for the day's routine: the window says so

    def __init__(self, state_file: Path, *, now: Callable[[], datetime],
                 settings: Callable[[], Settings], practised_today: Callable[[], bool],
                 in_session: Callable[[], bool], parent: QObject | None = None,
                 programme: ProgrammeTimes | None = None) -> None:
        super().__init__(parent)
        self.state_file = state_file
        self._programme = programme
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

    def shown_slots(self, day: date) -> frozenset[int]:
        raw = str(window_state(self.state_file).value(SLOTS_KEY, "") or "")
        stamp, _, minutes = raw.partition(" ")
        if stamp != day.isoformat():
            return frozenset()
        return frozenset(int(m) for m in minutes.split(",") if m.isdigit())

    def _mark_slots(self, day: date, minutes: frozenset[int]) -> None:
        store = window_state(self.state_file)
        store.setValue(SLOTS_KEY, f"{day.isoformat()} {','.join(map(str, sorted(minutes)))}")
        store.sync()

    def _check_slots(self, slots: tuple[Slot, ...], done: int, now: datetime) -> bool:
        """A programme's times: remind of the latest one due, mark every one passed."""
        shown = self.shown_slots(now.date())
        reminded = False
        if due_slot(slots, now, shown_today=shown, done_today=done, in_session=False):
            shown = shown | slots_passed(slots, now)
            self._mark_slots(now.date(), shown)
            reminded = True
            log.info("programme reminder shown")
            self.reminded.emit()
        seconds = slots_wake_in(slots, now, shown_today=shown, done_today=done)
        if seconds is None:
            self.timer.stop()
        else:
            self.timer.start(round(seconds * 1000))
        return reminded

    def check(self) -> bool:
        """Remind if it is time (True when it did), then arm the next look. During a
        session nothing is armed: the window calls this again when the session is over."""
        schedule = schedule_of(self._settings())
        now = self._now()
        in_session = self._in_session()
        times = self._programme() if self._programme is not None and schedule.on else None
        if times is not None and times[0]:
            if in_session:
                self.timer.stop()
                return False
            return self._check_slots(times[0], times[1], now)
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
