"""The finish page: what was done, how the calf feels now, and what the safety rules advise.

Enter saves the check-in and goes home (or, when there is advice, shows it first; Enter then
goes home); Esc skips the check-in. The page only shows: the flow (``session_flow``) records
the answer and asks :mod:`soleus_coach.safety` for the advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.checkin import CheckIn
from soleus_coach.gui.common.plain import plain_label, tooltip
from soleus_coach.gui.common.theme import warning_colour
from soleus_coach.gui.session.checkin_dialog import CheckInForm
from soleus_coach.history.records import SessionRecord
from soleus_coach.history.words import recorded_label
from soleus_coach.protocol.describe import format_duration
from soleus_coach.safety import AfterAdvice
from soleus_coach.session.plan import Plan, Segment, SegmentKind
from soleus_coach.texts import fill_in
from soleus_coach.texts import translate as t

#: Segments that are the routine's work (the rest is getting ready, switching, resting).
_NOT_WORK = frozenset({SegmentKind.GET_READY, SegmentKind.POSITION, SegmentKind.REST,
                       SegmentKind.PAUSE})


@dataclass(frozen=True, slots=True)
class StepSummary:
    """One row of the summary: a step on one side."""

    label: str
    side: str | None
    kind: str
    planned: int  # holds (or applications) in the plan
    done: int
    skipped: int  # started or skipped over, not completed; the rest was never reached
    active_s: float
    planned_s: float


def summarise(plan: Plan, record: SessionRecord) -> list[StepSummary]:
    """Per step and side, in the plan's order: how many holds were done and skipped, and
    the time spent. Pure: tested without a window."""
    groups: dict[tuple[str, str | None, str], list[tuple[str, int]]] = {}
    planned_s: dict[tuple[str, str | None, str], float] = {}
    for seg in plan.segments:
        if seg.kind in _NOT_WORK:
            continue
        key = (seg.label, seg.side.value if seg.side else None, seg.kind.value)
        # each round of a step is one more of the row's (the history names the round)
        groups.setdefault(key, []).append((recorded_label(seg.label, seg.round, seg.rounds),
                                           seg.rep))
        planned_s[key] = planned_s.get(key, 0.0) + seg.duration_s
    out = []
    for key, units in groups.items():
        names = {name for name, _ in units}
        reps = [rep for _, rep in units]
        recs = [r for r in record.segments if r.label in names and (r.side, r.kind) == key[1:]]
        if any(reps):  # numbered holds: a hold done twice (Back) counts once
            done = len({(r.label, r.rep) for r in recs if r.outcome == "completed"})
            tried = len({(r.label, r.rep) for r in recs} - {(r.label, r.rep) for r in recs
                                                             if r.outcome == "completed"})
        else:
            done = sum(r.outcome == "completed" for r in recs)
            tried = sum(r.outcome != "completed" for r in recs)
        done = min(done, len(reps))
        out.append(StepSummary(key[0], key[1], key[2], len(reps), done,
                               min(tried, len(reps) - done),
                               sum(r.actual_s for r in recs), planned_s[key]))
    return out


def rounds_done(plan: Plan, record: SessionRecord) -> tuple[int, int]:
    """How many rounds were done in full, of how many, over every group of rounds (0, 0: the
    routine has none): a round is done when every step of it was. Pure: tested without a
    window."""
    groups: list[dict[int, list[Segment]]] = []  # per group: its rounds' work, by number
    last = 0
    for seg in plan.segments:
        if seg.kind in _NOT_WORK:
            continue
        if not seg.rounds:
            last = 0  # a step outside rounds: the next round 1 begins another group
            continue
        if not last or seg.round < last:
            groups.append({})
        groups[-1].setdefault(seg.round, []).append(seg)
        last = seg.round
    completed = {(r.label, r.side, r.kind, r.rep) for r in record.segments
                 if r.outcome == "completed"}
    done = sum(all((recorded_label(s.label, s.round, s.rounds), s.side.value if s.side else
                    None, s.kind.value, s.rep) in completed for s in work)
               for group in groups for work in group.values())
    return done, sum(len(group) for group in groups)


class FinishPage(QWidget):
    answered = Signal(object)  # CheckIn, or None when skipped
    home_requested = Signal()

    def __init__(self, plan: Plan, record: SessionRecord, completed: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finishPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.answer: CheckIn | None = None
        self.is_answered = False
        self.completed = completed
        self.title = title = QLabel(self.tr("Routine complete. Well done!") if completed
                                    else self.tr("Routine stopped. What you did is kept."))
        title.setObjectName("finishTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        name = plain_label(plan.protocol_name)
        name.setObjectName("finishRoutine")
        totals = QLabel(fill_in(self.tr("Active %1 · paused %2"),
                                format_duration(record.active_s),
                                format_duration(record.paused_s)))
        totals.setObjectName("finishTotals")
        totals.setTextFormat(Qt.TextFormat.PlainText)

        done, rounds = rounds_done(plan, record)
        self.rounds_line = QLabel(fill_in(self.tr("Rounds done: %1 of %2"), done, rounds))
        self.rounds_line.setObjectName("finishRounds")
        self.rounds_line.setTextFormat(Qt.TextFormat.PlainText)
        self.rounds_line.setVisible(rounds > 0)

        self.table = QTreeWidget()
        self.table.setObjectName("finishSummary")
        self.table.setAccessibleName(self.tr("What you did, per step and side"))
        self.table.setRootIsDecorated(False)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTreeView::item { padding: 3px 6px; }")
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # read row by row, by Tab
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setHeaderLabels([self.tr("Step"), self.tr("Side"), self.tr("Done"),
                                    self.tr("Time")])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.rows = summarise(plan, record)
        for row in self.rows:
            item = QTreeWidgetItem([row.label, self._side(row.side), self._done(row),
                                    format_duration(row.active_s)])
            item.setToolTip(0, tooltip(row.label))  # the whole name of an elided one
            self.table.addTopLevelItem(item)
        rows = min(len(self.rows), 8)  # a long routine scrolls
        self.table.setMaximumHeight(self.table.sizeHintForRow(0) * (rows + 1) + 12
                                    if self.rows else 60)

        before = record.before.pain if record.before is not None else None
        self.before_pain = before
        self.before_line = QLabel(fill_in(self.tr("Before the routine: pain %1/10."), before)
                                  if before is not None else "")
        self.before_line.setObjectName("finishBefore")
        self.before_line.setTextFormat(Qt.TextFormat.PlainText)
        self.before_line.setVisible(before is not None)
        self.form = CheckInForm(after=True)
        self.save_button = QPushButton(self.tr("Save and go home (Enter)"))
        self.save_button.setObjectName("finishSave")
        self.skip_button = QPushButton(self.tr("Skip (Esc)"))
        self.skip_button.setObjectName("finishSkip")
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.skip)
        self.home_button = QPushButton(self.tr("Go home (Enter)"))
        self.home_button.setObjectName("finishHome")
        self.home_button.clicked.connect(self.home_requested)
        self.home_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.skip_button, self.save_button, self.home_button):
            b.setMinimumHeight(36)  # reached by Tab; Enter presses the one that has focus
            buttons.addWidget(b)

        self.guidance = QFrame()
        self.guidance.setObjectName("finishGuidance")
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance_layout = QVBoxLayout(self.guidance)
        self.guidance.hide()
        self.saved_line = QLabel()
        self.saved_line.setObjectName("finishSaved")
        self.saved_line.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_line.setWordWrap(True)
        self.saved_line.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.guidance)  # warning signs: right under the title, plainly
        layout.addWidget(name)
        layout.addWidget(totals)
        layout.addWidget(self.rounds_line)
        layout.addWidget(self.table)
        layout.addWidget(self.before_line)
        layout.addWidget(self.form)
        layout.addWidget(self.saved_line)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setAccessibleName(title.text())

    def _side(self, side: str | None) -> str:
        return {"left": self.tr("Left"), "right": self.tr("Right")}.get(side or "", "—")

    def _done(self, row: StepSummary) -> str:
        if row.kind == SegmentKind.HOLD.value:
            text = fill_in(self.tr("%1 of %2 holds"), row.done, row.planned)
        elif row.planned > 1:
            text = fill_in(self.tr("%1 of %2"), row.done, row.planned)
        else:
            text = self.tr("done") if row.done else self.tr("not done")
        if row.skipped:
            text += ", " + self.tr("%n skipped", "", row.skipped)
        return text

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()

    # ----------------------------------------------------------------- answers

    def save(self) -> None:
        if self.is_answered:
            return
        value = self.form.value()
        self._answer(None if value.skipped else value)

    def skip(self) -> None:
        if not self.is_answered:
            self._answer(None)

    def _answer(self, checkin: CheckIn | None) -> None:
        self.is_answered = True
        self.answer = checkin
        self.form.setEnabled(False)
        self.save_button.hide()
        self.skip_button.hide()
        self.home_button.show()
        if checkin is not None and checkin.pain is not None and self.before_pain is not None:
            saved = fill_in(self.tr("Saved: pain %1 → %2/10, before the routine → now."),
                            self.before_pain, checkin.pain)
        elif checkin is not None and checkin.pain is not None:
            saved = fill_in(self.tr("Saved: pain %1/10 after the routine."), checkin.pain)
        else:
            saved = self.tr("Saved.") if checkin is not None else \
                self.tr("No check-in this time.")
        self.saved_line.setText(saved)
        self.before_line.hide()
        self.saved_line.show()
        self.form.hide()
        self.answered.emit(checkin)

    def show_guidance(self, advice: Sequence[AfterAdvice]) -> None:
        """The safety rules' advice, in their order; Enter then goes home. No "well done"
        above warning signs."""
        colour = warning_colour(self.palette())
        if self.completed and any(item.reasons for item in advice):
            self.title.setText(self.tr("Routine complete."))
            self.setAccessibleName(self.title.text())
        for i, item in enumerate(advice):
            title = QLabel(t(item.title))
            title.setObjectName(f"guidanceTitle{i}")
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            font = title.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            title.setFont(font)
            if item.reasons:  # red flags: see a doctor
                title.setStyleSheet(f"color: {colour};")
            body = QLabel("\n".join([t(item.body), *("• " + t(r) for r in item.reasons)]))
            body.setObjectName(f"guidanceBody{i}")
            body.setTextFormat(Qt.TextFormat.PlainText)
            body.setWordWrap(True)
            self.guidance_layout.addWidget(title)
            self.guidance_layout.addWidget(body)
            if item.footer is not None:  # the emergency line
                footer = QLabel(t(item.footer))
                footer.setObjectName(f"guidanceFooter{i}")
                footer.setTextFormat(Qt.TextFormat.PlainText)
                footer.setWordWrap(True)
                font = footer.font()
                font.setBold(True)
                footer.setFont(font)
                self.guidance_layout.addWidget(footer)
        self.guidance.setVisible(bool(advice))

    def guidance_text(self) -> str:
        return "\n".join(label.text() for label in self.guidance.findChildren(QLabel))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        focus = self.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focus, QPushButton) \
                and focus.isVisible() and focus.isEnabled() and focus.parent() is self:
            focus.click()  # the button Tab reached, as Space would
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.is_answered:
                self.home_requested.emit()
            else:
                self.save()
            return
        if key == Qt.Key.Key_Escape:
            if self.is_answered:
                self.home_requested.emit()
            else:
                self.skip()
            return
        if not self.is_answered and self.form.handle_key(event):
            return
        super().keyPressEvent(event)
