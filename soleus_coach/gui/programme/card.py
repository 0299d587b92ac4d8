"""The programme's card on the home screen: which programme and phase, what is due today and
what is done ("Heel drops 1 of 2 · After-run stretch done"), easing off, and the button for
what is due next. Names and loads come from files: plain text, wrapped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from soleus_coach import texts
from soleus_coach.gui.common.plain import PlainLabel, tooltip
from soleus_coach.gui.common.theme import warning_colour
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

if TYPE_CHECKING:  # the programme's core is read after the first paint
    from soleus_coach.programme.days import Item
    from soleus_coach.tracker import Today


def day_text(day: date) -> str:
    """A date the runner's way: "Thu 5 Mar" (the year when it is not this one's)."""
    fmt = "ddd d MMM" if day.year == date.today().year else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), fmt)


class ProgrammeCard(QFrame):
    start_requested = Signal(str)  # a routine id
    calendar_requested = Signal()
    report_requested = Signal()
    suggestion_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.next_routine: str | None = None
        self.title = PlainLabel()
        self.title.setObjectName("programmeTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.phase = PlainLabel()
        self.phase.setObjectName("programmePhase")
        self.today = PlainLabel()
        self.today.setObjectName("programmeToday")
        self.notice = PlainLabel()
        self.notice.setObjectName("programmeNotice")
        self.notice.setStyleSheet(f"color: {warning_colour(self.palette())}; font-weight: bold;")
        self.next_button = QPushButton()
        self.next_button.setObjectName("programmeNext")
        self.next_button.clicked.connect(self._start_next)
        self.next_button.setMinimumWidth(160)  # a long label from a file never widens the window
        self.waiting = QPushButton(self.tr("A suggestion is &waiting…"))
        self.waiting.setObjectName("programmeWaiting")
        self.waiting.clicked.connect(self.suggestion_requested)
        self.calendar_button = QPushButton(self.tr("Ca&lendar…"))
        self.calendar_button.setObjectName("programmeCalendar")
        self.calendar_button.clicked.connect(self.calendar_requested)
        self.report_button = QPushButton(self.tr("R&eport…"))
        self.report_button.setObjectName("programmeReport")
        self.report_button.setToolTip(self.tr("A PDF of this programme for your physiotherapist"))
        self.report_button.clicked.connect(self.report_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.calendar_button)
        top.addWidget(self.report_button)
        actions = QHBoxLayout()
        actions.addWidget(self.next_button)
        actions.addWidget(self.waiting)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        for w in (self.phase, self.today, self.notice):
            layout.addWidget(w)
        layout.addLayout(actions)
        self.hide()

    def show_today(self, plan: Today | None, *, waiting: bool = False) -> None:
        """Today's plan (None: no programme under way, and the card is not shown)."""
        self.setVisible(plan is not None)
        if plan is None:
            self.next_routine = None
            return
        p = plan.programme
        self.title.setText(p.name)
        weeks = fill_in(self.tr("week %1 of %2"), plan.week, p.weeks) if p.weeks else \
            fill_in(self.tr("week %1"), plan.week)
        self.phase.setText(fill_in(self.tr("Phase %1 of %2: %3 · %4 · %5"),
                                   plan.phase_index + 1, len(p.phases), plan.phase.name,
                                   plan.phase.load, weeks))
        self.today.setText(fill_in(self.tr("Today: %1"), items_text(plan.items)))
        notices = []
        if plan.state.paused:
            notices.append(self.tr("Paused: nothing is due and there are no reminders. "
                                   "Programme → Resume carries on."))
        if plan.rest_today:
            notices.append(self.tr("Rest today: see a doctor before loading your calf again."))
        if plan.easing is not None:
            from soleus_coach.safety import easing_notice

            notices.append(easing_notice(day_text(plan.easing.until), plan.easing.fewer_sets))
        if plan.weeks_over:
            notices.append(texts.fill(texts.WEEKS_OVER, p.weeks))
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        item = plan.next_item
        self.next_routine = item.planned.routine if item is not None else None
        if item is not None:
            count = fill_in(self.tr(" (%1 of %2)"), item.done + 1, item.due) \
                if item.due > 1 else ""
            label = one_line(item.label).replace("&", "&&")  # a label is not a mnemonic
            self.next_button.setText(fill_in(self.tr("&Next: %1%2 — start"), label, count))
            self.next_button.setToolTip(tooltip(item.label))
        self.next_button.setVisible(item is not None)
        self.waiting.setVisible(waiting)

    def _start_next(self) -> None:
        if self.next_routine:
            self.start_requested.emit(self.next_routine)


def items_text(items: Sequence[Item]) -> str:
    """Today's routines in one line: "Heel drops 1 of 2 · After-run stretch done"."""
    from soleus_coach.protocol.programme import Often

    parts = []
    for item in items:
        if item.follows_runs:
            if item.done:
                parts.append(fill_in(QCoreApplication.translate("ProgrammeCard", "%1 done"),
                                     item.label))
            elif item.planned.often is Often.AFTER_RUN:
                parts.append(fill_in(QCoreApplication.translate("ProgrammeCard",
                                                                "%1 after each run"),
                                     item.label))
            else:
                parts.append(fill_in(QCoreApplication.translate("ProgrammeCard",
                                                                "%1 before each run"),
                                     item.label))
        elif item.due == 0:
            parts.append(fill_in(QCoreApplication.translate("ProgrammeCard", "%1: rest day"),
                                 item.label))
        elif item.due == 1 and item.complete:
            parts.append(fill_in(QCoreApplication.translate("ProgrammeCard", "%1 done"),
                                 item.label))
        elif item.due == 1:
            parts.append(fill_in(QCoreApplication.translate("ProgrammeCard", "%1 to do"),
                                 item.label))
        else:
            parts.append(fill_in(QCoreApplication.translate("ProgrammeCard", "%1 %2 of %3"),
                                 item.label, min(item.done, item.due), item.due))
    return " · ".join(parts) if parts else QCoreApplication.translate("ProgrammeCard",
                                                                      "nothing")
