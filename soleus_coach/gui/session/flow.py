"""Before, during and after a routine, as one object with explicit states: one question at a
time, in an order that makes sense to a person.

    IDLE ─start()─► FIRST_RUN ─► LEG ─► CHECK_IN ─► RED_FLAGS ─► STARTING ─► RUNNING ─► FINISHED
                    (the first   (if the  (if asked,  (if flags)  (until the sound       │
                    start: the   leg is   or a red                can play the          │
                    notice, then unknown) flag last               first cue)            │
                    the set-up)           time)                                          │
    IDLE ◄──────────────────────────────────────────────────────────────────────leave()─┘

Each arrow is taken only when its condition holds: no first-run questions once the notice
was read, no leg question when the settings know the leg, no check-in when it is switched
off (unless the last session had red flags: then it is asked, and cannot be skipped into
the stretches), no advice without flags. Esc on the notice, on the leg question or on a
required check-in, and "Don't stretch today", go back to IDLE: the routine is not started.
On the first start the window asks the first-run questions by themselves
(:meth:`welcome`); a routine asked for meanwhile (``--start``) waits for them.
The safety module decides (red flags, the leg question, the advice after); the dialogs and
pages only show. The window switches pages when told (:attr:`page_shown`,
:attr:`pages_closed`) and stores a remembered leg (:attr:`leg_chosen`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from soleus_coach import texts
from soleus_coach.audio import PlayerState
from soleus_coach.cues import Cue
from soleus_coach.gui.common.plain import message_box
from soleus_coach.texts import fill_in
from soleus_coach.texts import translate as t

if TYPE_CHECKING:
    from soleus_coach.audio import PlayerStatus
    from soleus_coach.checkin import CheckIn
    from soleus_coach.gui.common.sound import SoundService
    from soleus_coach.gui.session.checkin_dialog import CheckInDialog
    from soleus_coach.gui.session.finish_page import FinishPage
    from soleus_coach.gui.session.safety_dialogs import RedFlagDialog
    from soleus_coach.gui.session.screen import SessionScreen
    from soleus_coach.gui.session.setup_dialog import LegQuestion
    from soleus_coach.history.recorder import SessionRecorder
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.protocol import Protocol
    from soleus_coach.safety import RedFlagDecision
    from soleus_coach.session.clock import Clock
    from soleus_coach.session.engine import CueDue, SegmentEnded, State
    from soleus_coach.session.plan import PlanContext
    from soleus_coach.settings import Leg, Settings

log = logging.getLogger(__name__)

#: How long a routine waits for the sound back-end before its clock starts without it. The
#: probe takes 0.1–0.4 s (docs/benchmarks/audio.md); a broken back-end must not hold the
#: routine up for longer than a moment.
SOUND_WAIT_MS = 1500


@dataclass(frozen=True, slots=True)
class SessionStatus:
    """What the views of a running session show besides the page itself (the tray's tooltip
    and menu, the compact timer): a snapshot made from the controller's signals, so that no
    view keeps time of its own."""

    step: str  # the segment's label (may come from a file: untrusted)
    side: str  # "LEFT leg back", or ""
    remaining_s: float
    total_s: float
    phase: str
    paused: bool
    #: A step long enough to offer the compact timer (ice or heat over 5 minutes).
    long_step: bool = False

    @property
    def clock(self) -> str:
        from soleus_coach.gui.session.page import format_clock

        return format_clock(self.remaining_s)


#: Ice or heat steps longer than this offer the compact timer.
COMPACT_OFFER_S = 5 * 60


class FlowState(StrEnum):
    IDLE = "idle"
    FIRST_RUN = "first_run"  # the safety notice, then the set-up (dialogs)
    CHECK_IN = "check_in"  # the pain check-in before the routine (a dialog)
    RED_FLAGS = "red_flags"  # see a doctor first (a dialog)
    LEG = "leg"  # which calf hurts? (a dialog)
    STARTING = "starting"  # the session page shown; its clock waits for the sound
    RUNNING = "running"  # running or paused
    FINISHED = "finished"  # the finish page: summary, check-in after, advice


class SessionFlow(QObject):
    state_changed = Signal(object)  # FlowState
    page_shown = Signal(object)  # a QWidget for the window's page stack
    pages_closed = Signal()  # the session is over and left: the window goes home
    message = Signal(str, int)  # for the status bar: text, milliseconds (0: until replaced)
    history_changed = Signal()  # a session was written: summaries are out of date
    leg_chosen = Signal(object)  # Leg, to remember in the settings
    settings_chosen = Signal(object)  # Settings from the first run's set-up, to store
    session_started = Signal(object)  # SessionScreen, for its views (menu, tray, compact)
    status_changed = Signal(object)  # SessionStatus, or None when no session runs
    alert = Signal(str, str)  # title, message: tell the runner now (ice off)

    def __init__(self, window: QWidget, *, settings: Callable[[], Settings],
                 history: Callable[[], HistoryStore], sound: SoundService,
                 clock: Callable[[], tuple[Clock, float]]) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings
        self._history = history
        self.sound = sound
        self._clock = clock
        self.state = FlowState.IDLE
        self.protocol: Protocol | None = None
        self.screen: SessionScreen | None = None
        self.finish_page: FinishPage | None = None
        self.recorder: SessionRecorder | None = None
        self.status: SessionStatus | None = None
        #: The dialog the flow waits for, if any (check-in, red-flag advice, leg question).
        self.dialog: QDialog | None = None
        #: What a programme changes in a routine today (easing off: fewer sets, and a line
        #: to read), given by the window; None: nothing.
        self.adjust: Callable[[Protocol], tuple[int, str]] | None = None
        self.closing = False  # the window is closing: no questions after the session
        from soleus_coach.gui.session.first_run import FirstRun

        self.first_run = FirstRun(window, settings)
        self.first_run.settings_chosen.connect(self.settings_chosen)
        self.first_run.finished.connect(self._first_run_done)
        #: A routine asked for while the first-run questions were open: it starts after them.
        self._pending: Protocol | None = None
        self._sound_wait = QTimer(self)
        self._sound_wait.setSingleShot(True)
        self._sound_wait.timeout.connect(self._start_clock)
        sound.status_changed.connect(self._on_sound_status)

    def _set(self, state: FlowState) -> None:
        if state is not self.state:
            log.debug("flow: %s -> %s", self.state, state)
            self.state = state
            self.state_changed.emit(state)

    @property
    def busy(self) -> bool:
        """A routine is under way (its questions, the session or its finish page). The
        first-run questions alone are not one: a routine asked for then waits for them."""
        return self.state not in (FlowState.IDLE, FlowState.FIRST_RUN)

    # ----------------------------------------------------------------- before

    def welcome(self) -> None:
        """The first start: the safety notice, then the set-up (unless a routine's questions
        are already under way: they begin with these)."""
        if self.state is FlowState.IDLE and not self._settings().first_run_acknowledged:
            self._set(FlowState.FIRST_RUN)
            self.first_run.show_notice(first_run=True)

    def start(self, protocol: Protocol) -> bool:
        """Start ``protocol`` from its first question; False when one is under way."""
        if self.busy:
            return False
        if self.state is FlowState.FIRST_RUN:
            self._pending = protocol  # asked for during the first-run questions: after them
            return True
        self.protocol = protocol
        # The sound back-end is probed now, in the background, while the questions are
        # answered: not at start-up, where playsound3 and its imports (ssl, http, email)
        # would cost 12 MiB and 30 ms to a window that may never start a routine.
        self.sound.start()
        if not self._settings().first_run_acknowledged:
            self._set(FlowState.FIRST_RUN)
            self.first_run.show_notice(first_run=True)
            return True
        self._ask_leg()
        return True

    def _first_run_done(self, read: bool) -> None:
        if self.state is not FlowState.FIRST_RUN:
            return  # Help → Safety notice, read again: nothing follows it
        pending, self._pending = self._pending, None
        protocol = self.protocol or pending
        self._set(FlowState.IDLE)
        if protocol is None:
            self.window.activateWindow()
            return
        if not read:
            self.protocol = None
            self.message.emit(fill_in(self.tr("%1 was not started: read the safety notice "
                                              "first."), protocol.name), 10000)
            return
        if self.protocol is None:
            self.start(protocol)
        else:
            self._ask_leg()

    def _ask_check_in(self, leg: Leg) -> None:
        from soleus_coach.gui.session.checkin_dialog import CheckInDialog
        from soleus_coach.safety import should_check_before

        protocol = self.protocol
        assert protocol is not None
        recheck = should_check_before(protocol.when, self._history().last_checkin())
        if not (self._settings().ask_pain_before or recheck):
            self._after_check_in(None, leg)
            return
        dialog = CheckInDialog(after=False, parent=self.window, required=recheck,
                               note=t(texts.CHECK_BEFORE_BODY) if recheck else "")

        def answered(_result: int) -> None:
            if recheck and dialog.result_checkin is None:
                self.message.emit(fill_in(self.tr("%1 was not started: your last check-in "
                                                  "had warning signs, so it asks first."),
                                          protocol.name), 15000)
                self._not_started()
                return
            self._after_check_in(dialog.result_checkin, leg)

        self._wait_for(dialog, FlowState.CHECK_IN, answered)

    def _not_started(self) -> None:
        self.protocol = None
        self._set(FlowState.IDLE)

    def _wait_for(self, dialog: QDialog, state: FlowState,
                  answered: Callable[[int], None]) -> None:
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            self.window.activateWindow()  # keys back to the window, even without a WM
            answered(result)

        dialog.finished.connect(done)
        self._set(state)
        dialog.open()

    def _after_check_in(self, checkin: CheckIn | None, leg: Leg) -> None:
        from soleus_coach.gui.session.safety_dialogs import RedFlagDialog
        from soleus_coach.safety import advice_for, red_flags

        flags = red_flags(checkin) if checkin is not None else ()
        if not flags:
            self._begin(checkin, None, leg)
            return
        advice = RedFlagDialog(advice_for(flags), parent=self.window)
        self._wait_for(advice, FlowState.RED_FLAGS,
                       lambda _r: self._red_flag_answered(checkin, advice, leg))

    def _red_flag_answered(self, checkin: CheckIn | None, dialog: RedFlagDialog,
                           leg: Leg) -> None:
        """Continuing was chosen deliberately, or the routine is not started; either way the
        check-in and the choice go into the history."""
        from soleus_coach.history.recorder import declined_session
        from soleus_coach.history.store import StoreWriteError
        from soleus_coach.safety import RedFlagChoice, RedFlagDecision
        from soleus_coach.session.plan import build_plan

        decision = RedFlagDecision(dialog.advice.flags, dialog.choice)
        if decision.choice is RedFlagChoice.CONTINUE:
            self._begin(checkin, decision, leg)
            return
        protocol = self.protocol
        assert protocol is not None
        settings = self._settings()
        record = declined_session(build_plan(protocol, replace(settings, injured_leg=leg)),
                                  digest=protocol.digest, leg=leg.value, before=checkin,
                                  event_kind=RedFlagDecision.KIND,
                                  event_detail=decision.detail)
        try:
            self._history().save(record)
        except StoreWriteError as exc:
            self.record_error(str(exc))
        else:
            self.message.emit(self.tr("Not stretching today: your check-in is saved in your "
                                      "history."), 15000)
        self.history_changed.emit()
        self._not_started()

    def _ask_leg(self) -> None:
        from soleus_coach.gui.session.setup_dialog import LegQuestion
        from soleus_coach.safety import needs_leg_question
        from soleus_coach.settings import Leg

        protocol = self.protocol
        assert protocol is not None
        leg = self._settings().injured_leg
        if not needs_leg_question(protocol, leg):
            self._ask_check_in(leg)
            return
        question = LegQuestion(remember=leg is Leg.NONE, parent=self.window)

        def answered(_result: int) -> None:
            if question.choice is None:
                self.message.emit(fill_in(self.tr("%1 was not started."),
                                          protocol.name), 8000)
                self._not_started()
                return
            if question.remember.isChecked():
                self.leg_chosen.emit(question.choice)
            self._ask_check_in(question.choice)

        self._wait_for(question, FlowState.LEG, answered)

    @property
    def leg_question(self) -> LegQuestion | None:
        from soleus_coach.gui.session.setup_dialog import LegQuestion

        return self.dialog if isinstance(self.dialog, LegQuestion) else None

    @property
    def checkin_dialog(self) -> CheckInDialog | None:
        from soleus_coach.gui.session.checkin_dialog import CheckInDialog

        return self.dialog if isinstance(self.dialog, CheckInDialog) else None

    # ----------------------------------------------------------------- during

    def _begin(self, before: CheckIn | None, decision: RedFlagDecision | None,
               leg: Leg) -> None:
        from soleus_coach.gui.session.screen import SessionScreen
        from soleus_coach.history.recorder import SessionRecorder
        from soleus_coach.safety import ItHurts, RedFlagDecision
        from soleus_coach.session.plan import build_plan

        protocol = self.protocol
        assert protocol is not None
        clock, speed = self._clock()
        # With the system voice, the plan gains the cues only a voice says, and its phrases
        # are rendered from now on (the first before the clock starts: self.sound.ready).
        plan = self.sound.prepare(build_plan(protocol, replace(self._settings(),
                                                               injured_leg=leg),
                                             self._plan_context(protocol, before)))
        screen = SessionScreen(plan, clock, speed=speed,
                               offer_compact_s=COMPACT_OFFER_S if self._settings().compact_offer
                               else None)
        recorder = SessionRecorder(self._history(), screen.controller.engine, plan,
                                   digest=protocol.digest, leg=leg.value, before=before)
        recorder.on_error = self.record_error
        screen.controller.set_cue_lead(self.sound.latency_s)
        screen.controller.state_changed.connect(self._silence_on_state)
        screen.controller.segment_ended.connect(self._silence_on_skip)
        if decision is not None:
            recorder.add_event(RedFlagDecision.KIND, decision.detail)
        screen.cue.connect(self._on_cue)
        screen.ended.connect(self._on_ended)
        screen.hurt.connect(lambda event: recorder.add_event(ItHurts.KIND, event.detail))
        for signal in (screen.controller.remaining_changed, screen.controller.segment_started,
                       screen.controller.state_changed):
            signal.connect(self._publish_status)
        self.screen, self.recorder = screen, recorder
        screen.prepare()
        self.page_shown.emit(screen)
        self.session_started.emit(screen)
        self._set(FlowState.STARTING)
        if not self.sound.ready and not self.sound.muted:
            # The first cue ("get ready") would wait for the probe (or its phrase): the clock
            # waits instead.
            self._sound_wait.start(SOUND_WAIT_MS)
        else:
            self._start_clock()

    def _plan_context(self, protocol: Protocol, before: CheckIn | None) -> PlanContext:
        """What the safety rules say before this routine: notices (ice safety, the hours
        since the last ice, no ice before a run) and whether heat is left out today (the
        check-in just answered, or the last one of today)."""
        from soleus_coach.history.records import utc_now
        from soleus_coach.safety import before_routine
        from soleus_coach.session.plan import PlanContext

        history = self._history()
        checkin = before or history.checkin_today(date.today())
        rules = before_routine(protocol, checkin=checkin, last_ice_end=history.last_ice_end(),
                               now=utc_now())
        fewer, line = self.adjust(protocol) if self.adjust is not None else (0, "")
        return PlanContext(no_heat=rules.no_heat,
                           ice_notices=tuple(texts.translate(n) for n in rules.ice_notices),
                           notices=(line,) if line else (), fewer_sets=fewer)

    def _start_clock(self) -> None:
        self._sound_wait.stop()
        if self.state is FlowState.STARTING and self.screen is not None:
            self._set(FlowState.RUNNING)
            self.screen.start()

    def _on_sound_status(self, status: PlayerStatus) -> None:
        if status.state is PlayerState.READY and self.screen is not None:
            self.screen.controller.set_cue_lead(status.latency_s)
        if self.sound.ready and self.state is FlowState.STARTING:
            self._start_clock()

    def _on_cue(self, event: CueDue) -> None:
        if not self.sound.cue(event) and self.screen is not None:
            self.screen.flash_once()
        if event.cue is Cue.ICE_OFF:
            self.alert.emit(self.tr("Ice off"), self.tr("Time to take the ice off your calf."))

    def _silence_on_state(self, state: State) -> None:
        from soleus_coach.session.engine import State

        if state in (State.PAUSED, State.STOPPED):
            self.sound.silence()  # no beeps over a pause, none after a stop

    def _silence_on_skip(self, event: SegmentEnded) -> None:
        from soleus_coach.session.engine import Outcome

        if event.outcome is not Outcome.COMPLETED:
            self.sound.silence()  # skip, back: the cut-short step's sound stops with it

    def _publish_status(self, *_args: object) -> None:
        """A new snapshot for the tray and the compact timer, from the engine as the page
        shows it (the controller publishes once a displayed second, and at every change)."""
        from soleus_coach.session.engine import State
        from soleus_coach.session.plan import SegmentKind
        from soleus_coach.session.present import describe

        if self.screen is None or self.state not in (FlowState.STARTING, FlowState.RUNNING):
            return  # over: a last signal of the controller must not bring a session back
        engine = self.screen.controller.engine
        if engine.state in (State.FINISHED, State.STOPPED):
            return
        seg = engine.segment
        long_step = (seg.kind is SegmentKind.ICE or seg.kind.value == "heat") and \
            engine.duration() > COMPACT_OFFER_S
        self.status = SessionStatus(seg.label, describe(seg).side_text, engine.remaining_s,
                                    engine.total_remaining_s, self.screen.page.phase,
                                    engine.state is State.PAUSED, long_step)
        self.status_changed.emit(self.status)

    def stop_now(self) -> None:
        """The window is closing: a running routine is recorded as stopped, no questions."""
        from soleus_coach.session.engine import State

        self.closing = True
        if self.screen is not None and self.screen.state in (State.RUNNING, State.PAUSED):
            self.screen.controller.stop()

    # ----------------------------------------------------------------- after

    def _on_ended(self, state: State) -> None:
        """Show what was done and ask how the calf feels now, on the finish page."""
        from soleus_coach.gui.session.finish_page import FinishPage
        from soleus_coach.session.engine import State

        self.history_changed.emit()
        self.status = None
        self.status_changed.emit(None)  # the session's views close; the finish page shows
        if self.closing or self.screen is None or self.recorder is None:
            return
        page = FinishPage(self.screen.plan, self.recorder.record, state is State.FINISHED)
        page.answered.connect(self._after_answered)
        page.home_requested.connect(self.leave)
        self.finish_page = page
        self._set(FlowState.FINISHED)
        self.page_shown.emit(page)

    def _after_answered(self, checkin: CheckIn | None) -> None:
        from soleus_coach.safety import guidance_after

        recorder, page = self.recorder, self.finish_page
        assert recorder is not None and page is not None
        if checkin is not None:
            recorder.set_after(checkin)
        advice = guidance_after(recorder.record.before, checkin,
                                self._history().recent_pain_after(3))
        for item in advice:
            if item.event is not None:
                recorder.add_event(*item.event)
        if not recorder.saved:
            recorder.save()  # one more try: the disk may have space again
        if not recorder.saved:
            self._offer_copy(recorder)
        self.history_changed.emit()
        if advice:
            page.show_guidance(advice)
        else:
            self.leave()

    def leave(self) -> None:
        """Back home from the finish page (or a session closed while the window quits)."""
        if self.state is FlowState.IDLE and self.screen is None:
            return
        if self.recorder is not None:
            self.recorder.detach()
        self.recorder = None
        pages = [p for p in (self.screen, self.finish_page) if p is not None]
        self.screen = self.finish_page = None
        self.protocol = None
        self._set(FlowState.IDLE)
        self.pages_closed.emit()
        for page in pages:
            page.deleteLater()
        from soleus_coach.gui.common.memory import release_free_memory

        QTimer.singleShot(0, release_free_memory)  # after the pages are gone

    # ----------------------------------------------------------------- history problems

    def record_error(self, message: str) -> None:
        self.message.emit(fill_in(self.tr("This session could not be written to your history "
                                           "(%1). It is kept and saving is tried again at "
                                           "every step."), message), 0)

    def _offer_copy(self, recorder: SessionRecorder) -> None:
        box = message_box(self.window, QMessageBox.Icon.Warning, self.tr("Session not saved"),
                          self.tr("This session could not be written to your history:") +
                          f"\n{recorder.error}\n\n" +
                          self.tr("Save a copy as a file so that it is not lost?"))
        box.setObjectName("notSavedBox")
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda r: self.save_copy(recorder) if r ==
                             QMessageBox.StandardButton.Save else None)
        box.open()

    def save_copy(self, recorder: SessionRecorder, path: Path | None = None) -> bool:
        from soleus_coach.history import export
        from soleus_coach.history.records import utc_now

        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save session"),
                str(Path.home() / f"soleus-session-{recorder.record.uid[:8]}.json"),
                self.tr("JSON files (*.json)"))
            if not name:
                return False
            path = Path(name)
        from soleus_coach.atomic import write_text_atomic

        try:  # through the one writer: never over the history it could not be saved in
            write_text_atomic(path, lambda fh: export.write_json(
                [recorder.record], fh, exported_at=utc_now()), replace=True)
        except OSError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not saved"),
                        f"{path}: {exc.strerror or exc}").open()
            return False
        return True
