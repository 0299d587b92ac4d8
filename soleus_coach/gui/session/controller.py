"""The one Qt adapter around the engine: a single precise, single-shot QTimer that wakes
the app only when something is due (a cue, a segment end, the next displayed second), and
Qt signals that mirror the engine's events. No timer runs while paused or idle."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from soleus_coach.session.clock import Clock
from soleus_coach.session.engine import (
    CueDue,
    Engine,
    Event,
    HoldAdjusted,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    Slept,
    State,
    StateChanged,
)
from soleus_coach.session.plan import Plan


class SessionController(QObject):
    segment_started = Signal(object)  # SegmentStarted
    segment_ended = Signal(object)  # SegmentEnded
    state_changed = Signal(object)  # State
    cue = Signal(object)  # CueDue
    hold_adjusted = Signal(object)  # HoldAdjusted
    slept = Signal(float)  # seconds
    remaining_changed = Signal(float, float, float)  # segment s, total s, fraction done
    rep_counted = Signal(object)  # RepCounted: Enter in a self-paced set
    finished = Signal(object)  # final State: FINISHED or STOPPED

    def __init__(self, plan: Plan, clock: Clock, *, speed: float = 1.0,
                 cue_lead_s: float = 0.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = Engine(plan, clock, cue_lead_s=cue_lead_s)
        self.clock = clock
        self.speed = speed  # clock seconds per real second (SOLEUS_COACH_TIME_SCALE)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.process)
        self._shown_second = -1
        self.engine.subscribe(self._on_event)

    # ----------------------------------------------------------------- user actions

    def start(self) -> None:
        self.engine.start()
        self._after_action()

    def toggle_pause(self) -> None:
        self.engine.toggle_pause()
        self._after_action()

    def skip(self) -> None:
        self.engine.skip()
        self._after_action()

    def back(self) -> None:
        self.engine.back()
        self._after_action()

    def restart_segment(self) -> None:
        self.engine.restart_segment()
        self._after_action()

    def hurt(self) -> None:
        self.engine.hurt()
        self._after_action()

    def jump_to(self, index: int) -> None:
        self.engine.jump_to(index)
        self._after_action()

    def adjust_hold(self, delta_s: float) -> None:
        self.engine.adjust_hold(delta_s)
        self._after_action()

    def stop(self) -> None:
        self.engine.stop()
        self._after_action()

    def count_rep(self) -> bool:
        """Enter in a self-paced set; False when the segment is not one."""
        if not self.engine.count_rep():
            return False
        self._after_action()
        return True

    def set_cue_lead(self, seconds: float) -> None:
        self.engine.cue_lead_s = seconds
        self._arm()

    # ----------------------------------------------------------------- driving

    def process(self) -> None:
        """Bring the engine up to the clock, publish the display, and re-arm the timer."""
        self.engine.poll()
        self._publish_remaining(force=False)
        self._arm()

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    def _after_action(self) -> None:
        self._publish_remaining(force=True)
        self._arm()

    def _arm(self) -> None:
        wake = self.engine.next_wakeup()
        if wake is None:
            self._timer.stop()
            return
        delay_s = max(0.0, wake - self.clock.now()) / self.speed
        # +1 ms: a timer that fires a hair early would find nothing due and re-arm at 0 ms.
        self._timer.start(math.ceil(delay_s * 1000) + 1)

    def _publish_remaining(self, *, force: bool) -> None:
        e = self.engine
        second = math.ceil(e.remaining_s - 1e-9)
        if force or second != self._shown_second:
            self._shown_second = second
            self.remaining_changed.emit(e.remaining_s, e.total_remaining_s, e.progress)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, SegmentStarted):
            self._shown_second = -1
            self.segment_started.emit(event)
        elif isinstance(event, SegmentEnded):
            self.segment_ended.emit(event)
        elif isinstance(event, CueDue):
            self.cue.emit(event)
        elif isinstance(event, HoldAdjusted):
            self._shown_second = -1
            self.hold_adjusted.emit(event)
        elif isinstance(event, Slept):
            self.slept.emit(event.seconds)
        elif isinstance(event, RepCounted):
            self.rep_counted.emit(event)
        elif isinstance(event, StateChanged):
            self.state_changed.emit(event.new)
            if event.new in (State.FINISHED, State.STOPPED):
                self._timer.stop()
                self.finished.emit(event.new)
