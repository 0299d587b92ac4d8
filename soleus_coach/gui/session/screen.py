"""One running session: the controller bound to the page. Created per session, then dropped.

Keyboard: the session rows of :mod:`soleus_coach.gui.common.actions` (Space pause/resume, Right
skip, Left back, Up/Down lengthen/shorten the hold, H "it hurts", Esc stop: asks first, and the
clock waits for the answer).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.actions import (
    SESSION_ACTIONS,
    SPECS,
    ActionId,
    bind_button,
    make_actions,
)
from soleus_coach.gui.common.plain import question
from soleus_coach.gui.session.controller import SessionController
from soleus_coach.gui.session.page import SessionPage
from soleus_coach.gui.session.safety_dialogs import ItHurtsDialog
from soleus_coach.safety import HurtChoice, ItHurts
from soleus_coach.session.clock import Clock
from soleus_coach.session.engine import SegmentStarted, State
from soleus_coach.session.plan import Plan, SegmentKind
from soleus_coach.session.present import SegmentText, describe, progress
from soleus_coach.texts import translate as t

HOLD_STEP_S = 5.0


class SessionScreen(QWidget):
    cue = Signal(object)  # CueDue, for the audio player and the tray
    ended = Signal(object)  # State.FINISHED or State.STOPPED
    hurt = Signal(object)  # safety.ItHurts, once the person has chosen
    compact_requested = Signal()  # C, or the offer on a long ice step

    def __init__(self, plan: Plan, clock: Clock, *, speed: float = 1.0,
                 offer_compact_s: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionScreen")
        self.plan = plan
        self.controller = SessionController(plan, clock, speed=speed, parent=self)
        self.page = SessionPage()
        self.offer_compact_s = offer_compact_s
        self.offer = self._offer_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.offer)
        layout.addWidget(self.page)
        self._stop_box: QMessageBox | None = None
        self._view: SegmentText | None = None
        self.hurt_dialog: ItHurtsDialog | None = None
        self.flashes = 0
        c, p = self.controller, self.page
        c.segment_started.connect(self._on_segment)
        c.remaining_changed.connect(p.show_remaining)
        c.remaining_changed.connect(lambda *_a: self._show_progress())
        c.rep_counted.connect(lambda _e: self._show_progress())
        c.state_changed.connect(self._on_state)
        c.cue.connect(self.cue)
        c.hold_adjusted.connect(lambda _e: self._refresh_rep())
        c.slept.connect(self._on_slept)
        c.finished.connect(self._on_finished)
        #: The session's actions (keys, the Session menu, the buttons): one handler each.
        self.session_actions = make_actions(self, SESSION_ACTIONS, {
            ActionId.PAUSE: c.toggle_pause,
            ActionId.SKIP: c.skip,
            ActionId.BACK: c.back,
            ActionId.LONGER: lambda: c.adjust_hold(HOLD_STEP_S),
            ActionId.SHORTER: lambda: c.adjust_hold(-HOLD_STEP_S),
            ActionId.HURTS: self.it_hurts,
            ActionId.STOP: self.request_stop,
            ActionId.COMPACT: self.compact_requested.emit,
            ActionId.REP_DONE: self._enter,
        })
        for button, action in ((p.back_button, ActionId.BACK), (p.pause_button, ActionId.PAUSE),
                               (p.skip_button, ActionId.SKIP), (p.longer_button, ActionId.LONGER),
                               (p.shorter_button, ActionId.SHORTER),
                               (p.hurts_button, ActionId.HURTS), (p.stop_button, ActionId.STOP)):
            bind_button(button, SPECS[action])
            button.clicked.connect(self.session_actions[action].trigger)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _offer_bar(self) -> QFrame:
        """Offered on a long ice or heat step: the small timer that stays on top."""
        bar = QFrame()
        bar.setObjectName("compactOffer")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(self.tr("A long step: keep a small timer on top of your other windows "
                              "meanwhile?"))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.offer_button = QPushButton(self.tr("Compact timer (C)"))
        self.offer_button.setObjectName("compactOfferButton")
        self.offer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.offer_button.clicked.connect(self.compact_requested)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        row.addWidget(self.offer_button)
        bar.hide()
        return bar

    def flash_once(self) -> None:
        """The visual cue for a cue that cannot be heard."""
        self.flashes += 1
        self.page.flash(True)
        # With the page as context: no call if the session is gone by then.
        QTimer.singleShot(450, self.page, lambda: self.page.flash(False))

    def prepare(self) -> None:
        """Show the first step with its full time before the clock starts (the flow may wait
        a moment for the sound, so that the first cue is heard when the clock starts)."""
        first = self.plan.segments[0]
        self.page.show_segment(describe(first))
        self.page.show_remaining(first.duration_s, self.plan.total_s, 0.0)
        self.setFocus()

    def start(self) -> None:
        self.setFocus()
        self.controller.start()

    @property
    def state(self) -> State:
        return self.controller.engine.state

    # ----------------------------------------------------------------- reactions

    def _on_segment(self, event: SegmentStarted) -> None:
        self._view = describe(event.segment)
        self.page.show_segment(self._view)
        self.page.hurts_button.setEnabled(  # whatever is being done can hurt
            event.segment.kind not in (SegmentKind.GET_READY, SegmentKind.MESSAGE))
        self._refresh_rep()
        self._show_progress()
        seg = event.segment
        self.offer.setVisible(self.offer_compact_s is not None
                              and seg.kind in (SegmentKind.ICE, SegmentKind.HEAT)
                              and event.duration_s > self.offer_compact_s)

    def _show_progress(self) -> None:
        """A counted set: which rep, which part of it (a paced set), or reps counted."""
        engine = self.controller.engine
        state = progress(engine.segment, engine.segment_elapsed_s, engine.reps_done)
        if state is not None and self.state in (State.RUNNING, State.PAUSED, State.READY):
            view = self._view
            self.page.show_progress(state, view.unit_text if view else "",
                                    view.hint if view else "")

    def _refresh_rep(self) -> None:
        """−5 s and +5 s only on a hold the routine lets the runner lengthen or shorten,
        with its range beside them (so that a greyed "+ 5 s" says why: the longest)."""
        engine = self.controller.engine
        seg = engine.segment
        rng = seg.adjustable if seg.kind is SegmentKind.HOLD else None
        self.page.show_hold_range(None if rng is None else (rng.minimum, rng.maximum),
                                  engine.duration())

    def _on_state(self, state: State) -> None:
        if state in (State.RUNNING, State.PAUSED):
            self.page.show_paused(state is State.PAUSED)

    def _on_slept(self, seconds: float) -> None:
        minutes = max(1, round(seconds / 60))
        self.page.status.setText(
            self.tr("Welcome back: the computer slept for about %n minute(s); "
                    "the timer kept counting.", "", minutes))

    def _on_finished(self, state: State) -> None:
        """The flow shows the finish page next; nothing here may act any more."""
        if self._stop_box is not None:
            self._stop_box.close()
        self.page.status.setText("")
        self.offer.hide()
        for b in (self.page.pause_button, self.page.skip_button, self.page.back_button,
                  self.page.hurts_button, self.page.stop_button, self.page.longer_button,
                  self.page.shorter_button):
            b.setEnabled(False)
        for act in self.session_actions.values():
            act.setEnabled(False)
        self.ended.emit(state)

    # ----------------------------------------------------------------- actions

    def request_stop(self) -> None:
        """Ask before stopping; the clock waits while the question is open (a runner who
        reads it for ten seconds has not held for those ten seconds)."""
        if self.state not in (State.RUNNING, State.PAUSED) or self._stop_box is not None:
            return
        paused_here = self.state is State.RUNNING
        if paused_here:
            self.controller.toggle_pause()
        box = question(self, self.tr("Stop the routine?"),
                       self.tr("Stop this routine now? What you have done so far is kept."),
                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                       QMessageBox.StandardButton.No, name="stopConfirm")
        box.finished.connect(lambda result: self._stop_answered(result, paused_here))
        self._stop_box = box
        box.open()

    def _stop_answered(self, result: int, paused_here: bool) -> None:
        self._stop_box = None
        self.setFocus()
        if result == QMessageBox.StandardButton.Yes:
            self.controller.stop()
        elif paused_here and self.state is State.PAUSED:
            self.controller.toggle_pause()

    def it_hurts(self) -> None:
        """End the step at once (recorded as hurt), hold the clock, and ask what the safety
        rules offer for this kind of step: stop (the default; where ice follows, stop the
        exercises and go on to the ice), or go on gently. The answer is emitted as
        :attr:`hurt` (for the history) and acted on."""
        from soleus_coach.safety import hurt_advice

        engine = self.controller.engine
        seg = engine.segment
        if self.hurt_dialog is not None or self.state not in (State.RUNNING, State.PAUSED):
            return
        if seg.kind in (SegmentKind.GET_READY, SegmentKind.MESSAGE):
            return  # nothing is being done yet: Esc stops
        ice = self._ice_after(engine.index)
        advice = hurt_advice(seg.step_kind, ice_ahead=ice is not None)
        at_s = engine.active_s
        self.controller.hurt()
        paused_here = self.state is State.RUNNING
        if paused_here:
            self.controller.toggle_pause()
        self.page.status.setText(t(advice.body))
        dialog = ItHurtsDialog(advice, self)
        self.hurt_dialog = dialog
        dialog.finished.connect(lambda _r: self._hurt_answered(
            dialog, ItHurts(at_s, seg.label, seg.side, dialog.choice), paused_here, ice))
        dialog.open()

    def _ice_after(self, index: int) -> int | None:
        """The first ice segment after ``index`` (the part of a routine that still makes
        sense when it hurts), unless ``index`` is in an ice step itself."""
        segments = self.plan.segments
        if segments[index].step_kind == "ice":
            return None
        return next((s.index for s in segments[index + 1:] if s.kind is SegmentKind.ICE),
                    None)

    def _hurt_answered(self, dialog: ItHurtsDialog, event: ItHurts, paused_here: bool,
                       ice: int | None) -> None:
        self.hurt_dialog = None
        dialog.deleteLater()
        self.hurt.emit(event)
        self.setFocus()
        if event.choice is HurtChoice.STOP:
            self.controller.stop()
            return
        if event.choice is HurtChoice.TO_ICE and ice is not None:
            self.controller.jump_to(ice)
        if paused_here and self.state is State.PAUSED:
            self.controller.toggle_pause()
        self.page.status.setText("" if event.choice is HurtChoice.TO_ICE
                                 else dialog.continue_button.text())  # "Continue gently…"

    def _enter(self) -> None:
        """Enter: a rep (or a set) done in a set the runner paces (elsewhere nothing: the
        finish page has its own Enter)."""
        self.controller.count_rep()

