"""One running session: the controller bound to the page. Created per session, then dropped.

Keyboard: Space pause/resume, Right skip, Left back, Up/Down lengthen/shorten the hold,
H "it hurts", Esc stop (asks first), Enter returns to the library when finished.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from soleus_coach import texts
from soleus_coach.gui.controller import SessionController
from soleus_coach.gui.plain import question
from soleus_coach.gui.safety_dialogs import ItHurtsDialog
from soleus_coach.gui.session_page import SessionPage
from soleus_coach.safety import HurtChoice, ItHurts
from soleus_coach.session.clock import Clock
from soleus_coach.session.engine import SegmentStarted, State
from soleus_coach.session.plan import Plan, SegmentKind
from soleus_coach.session.present import SegmentText, describe, progress
from soleus_coach.texts import translate as t

HOLD_STEP_S = 5.0


class SessionScreen(QWidget):
    closed = Signal()  # the user left the finished or stopped session
    cue = Signal(object)  # CueDue, for the audio player and the tray
    ended = Signal(object)  # State.FINISHED or State.STOPPED
    hurt = Signal(object)  # safety.ItHurts, once the person has chosen

    def __init__(self, plan: Plan, clock: Clock, *, speed: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionScreen")
        self.plan = plan
        self.controller = SessionController(plan, clock, speed=speed, parent=self)
        self.page = SessionPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        p.pause_button.clicked.connect(c.toggle_pause)
        p.skip_button.clicked.connect(c.skip)
        p.back_button.clicked.connect(c.back)
        p.longer_button.clicked.connect(lambda: c.adjust_hold(HOLD_STEP_S))
        p.shorter_button.clicked.connect(lambda: c.adjust_hold(-HOLD_STEP_S))
        p.stop_button.clicked.connect(self.request_stop)
        p.hurts_button.clicked.connect(self.it_hurts)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, slot in (
            ("pause", self.tr("Pause / resume"), "Space", c.toggle_pause),
            ("skip", self.tr("Skip to next step"), "Right", c.skip),
            ("back", self.tr("Back"), "Left", c.back),
            ("longer", self.tr("Longer hold"), "Up", lambda: c.adjust_hold(HOLD_STEP_S)),
            ("shorter", self.tr("Shorter hold"), "Down", lambda: c.adjust_hold(-HOLD_STEP_S)),
            ("hurts", self.tr("It hurts"), "H", self.it_hurts),
            ("stop", self.tr("Stop"), "Escape", self.request_stop),
            ("leave", self.tr("Rep done / back to routines"), "Return", self._enter),
        ):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            self.actions_by_name[name] = act
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def flash_once(self) -> None:
        """The visual cue for a cue that cannot be heard."""
        self.flashes += 1
        self.page.flash(True)
        # With the page as context: no call if the session is gone by then.
        QTimer.singleShot(450, self.page, lambda: self.page.flash(False))

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
        self._refresh_rep()
        self._show_progress()

    def _show_progress(self) -> None:
        """A counted set: which rep, which part of it (a paced set), or reps counted."""
        engine = self.controller.engine
        state = progress(engine.segment, engine.segment_elapsed_s, engine.reps_done)
        if state is not None and self.state in (State.RUNNING, State.PAUSED, State.READY):
            view = self._view
            self.page.show_progress(state, view.unit_text if view else "",
                                    view.hint if view else "")

    def _refresh_rep(self) -> None:
        engine = self.controller.engine
        seg = engine.segment
        if seg.kind is SegmentKind.HOLD and seg.adjustable is not None:
            self.page.longer_button.setEnabled(engine.duration() < seg.adjustable.maximum)
            self.page.shorter_button.setEnabled(engine.duration() > seg.adjustable.minimum)

    def _on_state(self, state: State) -> None:
        if state in (State.RUNNING, State.PAUSED):
            self.page.show_paused(state is State.PAUSED)

    def _on_slept(self, seconds: float) -> None:
        minutes = max(1, round(seconds / 60))
        self.page.status.setText(
            self.tr("Welcome back: the computer slept for about %n minute(s); "
                    "the timer kept counting.", "", minutes))

    def _on_finished(self, state: State) -> None:
        if self._stop_box is not None:
            self._stop_box.close()
        done = state is State.FINISHED
        self.page.show_segment(SegmentText(
            phase="done" if done else "paused",
            title=self.tr("Routine complete") if done else self.tr("Routine stopped"),
            side_text=self.tr("Well done") if done else "",
            rep_text="", instructions=(),
            caution="", next_text=self.tr("Press Enter to return to your routines."),
            illustration=None))
        self.page.status.setText("")
        for b in (self.page.pause_button, self.page.skip_button, self.page.back_button,
                  self.page.hurts_button, self.page.stop_button):
            b.setEnabled(False)
        self.ended.emit(state)

    # ----------------------------------------------------------------- actions

    def request_stop(self) -> None:
        if self.state not in (State.RUNNING, State.PAUSED):
            self.closed.emit()
            return
        box = question(self, self.tr("Stop the routine?"),
                       self.tr("Stop this routine now? What you have done so far is kept."),
                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                       QMessageBox.StandardButton.No, name="stopConfirm")
        box.finished.connect(lambda result: self._stop_answered(result))
        self._stop_box = box
        box.open()

    def _stop_answered(self, result: int) -> None:
        self._stop_box = None
        if result == QMessageBox.StandardButton.Yes:
            self.controller.stop()

    def it_hurts(self) -> None:
        """End the hold at once, hold the clock, and ask: stop (default) or continue gently.
        The answer is emitted as :attr:`hurt` (for the history) and acted on."""
        engine = self.controller.engine
        seg = engine.segment
        if self.hurt_dialog is not None or self.state not in (State.RUNNING, State.PAUSED):
            return
        if seg.kind not in (SegmentKind.HOLD, SegmentKind.EXERCISE, SegmentKind.POSITION):
            return
        at_s = engine.active_s
        self.controller.skip()
        paused_here = self.state is State.RUNNING
        if paused_here:
            self.controller.toggle_pause()
        self.page.status.setText(t(texts.IT_HURTS_BODY))
        dialog = ItHurtsDialog(self)
        self.hurt_dialog = dialog
        dialog.finished.connect(lambda _r: self._hurt_answered(
            dialog, ItHurts(at_s, seg.label, seg.side, dialog.choice), paused_here))
        dialog.open()

    def _hurt_answered(self, dialog: ItHurtsDialog, event: ItHurts, paused_here: bool) -> None:
        self.hurt_dialog = None
        dialog.deleteLater()
        self.hurt.emit(event)
        self.setFocus()
        if event.choice is HurtChoice.STOP:
            self.controller.stop()
            return
        if paused_here and self.state is State.PAUSED:
            self.controller.toggle_pause()
        self.page.status.setText(t(texts.IT_HURTS_CONTINUE))

    def _enter(self) -> None:
        """Enter: a rep (or a set) done in a self-paced set; leave a finished routine."""
        if self.state in (State.FINISHED, State.STOPPED):
            self.closed.emit()
        else:
            self.controller.count_rep()

