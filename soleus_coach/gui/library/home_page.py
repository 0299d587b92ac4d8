"""The home screen: one obvious button for after a run and one for before, the sore side,
the last session, this week and the pain trend; "All routines" for the rest.

Enter starts the action of the moment (:func:`primary_moment`); everything is reachable with
Tab and the underlined letters. Routine names come from files: plain, elided, whole on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QPointF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import ElidedLabel, plain_label
from soleus_coach.gui.common.theme import warning_colour
from soleus_coach.settings import Leg, Settings
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import shown

if TYPE_CHECKING:  # the history and the routines load after the first paint
    from soleus_coach.checkin import CheckIn
    from soleus_coach.history.records import SessionRow, Summary
    from soleus_coach.protocol import Protocol


class Moment(StrEnum):
    """The home screen's two buttons (values as a protocol's "when")."""

    AFTER = "post-run"
    BEFORE = "pre-run"

#: A warm-up this recent means the runner is back from the run it warmed up for.
BACK_FROM_RUN = timedelta(hours=3)


def primary_moment(now: datetime, last: SessionRow | None, before_run_id: str) -> Moment:
    """What Enter starts: after a run, unless it is morning (before noon), or… the runner
    warmed up less than three hours ago, in which case they are back from that run."""
    now = now if now.tzinfo else now.astimezone()  # naive: local time
    if (last is not None and last.protocol_id == before_run_id
            and timedelta(0) <= now - last.started_at < BACK_FROM_RUN):
        return Moment.AFTER
    return Moment.BEFORE if now.hour < 12 else Moment.AFTER


class Sparkline(QWidget):
    """Pain after the last sessions (0–10), oldest first, as a small line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painSparkline")
        self.values: list[int] = []
        self.setMinimumSize(QSize(120, 36))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Pain after your last sessions"))

    def sizeHint(self) -> QSize:
        return QSize(160, 40)

    def set_values(self, values: Sequence[int]) -> None:
        self.values = list(values)
        text = ", ".join(str(v) for v in self.values)
        self.setAccessibleDescription(text)
        self.setToolTip(fill_in(self.tr("Pain after your last sessions, oldest first: %1"),
                                text) if text else "")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.rect().adjusted(4, 4, -4, -4)
        n = len(self.values)
        step = r.width() / max(1, n - 1)
        points = [QPointF(r.left() + (i * step if n > 1 else r.width() / 2),
                          r.bottom() - v / 10 * r.height()) for i, v in enumerate(self.values)]
        pen = QPen(self.palette().windowText().color(), 2)
        painter.setPen(pen)
        if n > 1:
            painter.drawPolyline(points)
        painter.setBrush(self.palette().windowText())
        for p in points:
            painter.drawEllipse(p, 2.5, 2.5)
        painter.end()


class RoutineButton(QPushButton):
    """A big button: the moment ("After a run"), the routine's name and its duration."""

    def __init__(self, moment: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.moment = QLabel(moment)
        self.moment.setTextFormat(Qt.TextFormat.PlainText)
        font = self.moment.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.moment.setFont(font)
        self.routine = ElidedLabel()
        self.routine.setObjectName(f"{name}Routine")
        font = self.routine.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.routine.setFont(font)
        self.duration = QLabel()
        self.duration.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(self.tr("Enter ↵"))
        self.hint.setObjectName(f"{name}Hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAccessibleName(self.tr("Press Enter to start this one"))
        self.hint.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.duration, 1)
        bottom.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.moment)
        layout.addWidget(self.routine)
        layout.addStretch(1)
        layout.addLayout(bottom)
        for label in (self.moment, self.routine, self.duration, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(260, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.minimumHeight())

    def set_primary(self, primary: bool) -> None:
        """The one Enter starts: filled with the highlight colour (white on it: 5.4:1)."""
        self.setProperty("primary", primary)
        self.hint.setVisible(primary)
        self.setStyleSheet("RoutineButton { background: palette(highlight); border: 1px solid "
                           "palette(shadow); border-radius: 6px; }"
                           "RoutineButton:focus { border: 2px solid palette(window-text); }"
                           "RoutineButton QLabel { color: palette(highlighted-text); }"
                           if primary else "")


class HomePage(QWidget):
    start_requested = Signal(str)  # protocol id
    library_requested = Signal()
    history_requested = Signal()
    settings_edited = Signal(object)  # Settings: the sore side or the pain question changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.settings = Settings()
        self.ids: dict[Moment, str | None] = {Moment.AFTER: None, Moment.BEFORE: None}
        self.primary = Moment.AFTER
        self.loaded = False  # the routines are read after the first paint
        self.after_button = RoutineButton(self.tr("After a run"), "homeAfter")
        self.before_button = RoutineButton(self.tr("Before a run"), "homeBefore")
        self.after_button.clicked.connect(lambda: self.start(Moment.AFTER))
        self.before_button.clicked.connect(lambda: self.start(Moment.BEFORE))
        buttons = QHBoxLayout()
        buttons.addWidget(self.after_button)
        buttons.addWidget(self.before_button)

        # Radio buttons, not a combo box: one click, all choices in view, and no
        # QComboBox.addItem() (its first call makes PySide6 build Python enums for 160 Qt
        # types: 40 ms before the first paint, docs/benchmarks.md).
        self.leg_group = QButtonGroup(self)
        self.leg_buttons: dict[Leg, QRadioButton] = {}
        for leg, text in ((Leg.LEFT, self.tr("Left")), (Leg.RIGHT, self.tr("Right")),
                          (Leg.BOTH, self.tr("Both")), (Leg.NOT_SURE, self.tr("Not sure"))):
            button = QRadioButton(text)
            button.setObjectName(f"homeLeg_{leg.value}")
            self.leg_group.addButton(button)
            button.clicked.connect(lambda _c=False, chosen=leg: self._leg_chosen(chosen))
            self.leg_buttons[leg] = button
        self.leg_unset = QLabel(self.tr("(not set: asked when a routine starts)"))
        self.leg_unset.setObjectName("homeLegUnset")
        self.leg_unset.setTextFormat(Qt.TextFormat.PlainText)
        leg_label = QLabel(self.tr("Sore &calf:"))
        leg_label.setTextFormat(Qt.TextFormat.PlainText)  # the mnemonic still works
        leg_label.setBuddy(self.leg_buttons[Leg.LEFT])
        self.ask_before = QCheckBox(self.tr("&Ask about pain before each routine"))
        self.ask_before.setObjectName("homeAskBefore")
        self.ask_before.toggled.connect(self._ask_changed)
        side_row = QHBoxLayout()
        side_row.addWidget(leg_label)
        for button in self.leg_buttons.values():
            side_row.addWidget(button)
        side_row.addWidget(self.leg_unset)
        side_row.addStretch(1)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.ask_before)
        ask_row.addStretch(1)

        self.red_flag = plain_label()
        self.red_flag.setObjectName("homeRedFlag")
        self.red_flag.hide()
        self.last = plain_label(self.tr("Loading your history…"))
        self.last.setObjectName("lastSession")
        self.last.setAccessibleName(self.tr("Your last session"))
        self.practice = plain_label()
        self.practice.setObjectName("practiceSummary")
        self.practice.setAccessibleName(self.tr("Your practice this week"))
        self.sparkline = Sparkline()
        self.trend_label = QLabel(self.tr("Pain after sessions (0–10):"))
        self.trend_label.setTextFormat(Qt.TextFormat.PlainText)
        trend_row = QHBoxLayout()
        trend_row.addWidget(self.trend_label)
        trend_row.addWidget(self.sparkline)
        self.trend_latest = QLabel()
        self.trend_latest.setObjectName("painLatest")
        self.trend_latest.setTextFormat(Qt.TextFormat.PlainText)
        trend_row.addWidget(self.trend_latest)
        trend_row.addStretch(1)
        for w in (self.trend_label, self.sparkline, self.trend_latest):
            w.hide()
        facts = QFrame()
        facts.setObjectName("homeFacts")
        facts_layout = QGridLayout(facts)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        facts_layout.addWidget(self.last, 0, 0)
        facts_layout.addWidget(self.practice, 1, 0)
        facts_layout.addLayout(trend_row, 2, 0)

        self.library_button = QPushButton(self.tr("All &routines…"))
        self.library_button.setObjectName("homeLibrary")
        self.library_button.setToolTip(self.tr("Every routine, with its steps; import your own"))
        self.library_button.clicked.connect(self.library_requested)
        self.history_button = QPushButton(self.tr("&History…"))
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip(self.tr("Your past sessions, pain check-ins and export "
                                               "(Ctrl+H)"))
        self.history_button.clicked.connect(self.history_requested)
        more = QHBoxLayout()
        more.addWidget(self.library_button)
        more.addWidget(self.history_button)
        more.addStretch(1)

        column = QWidget()  # a readable width on a wide screen, centred
        column.setObjectName("homeColumn")
        column.setMaximumWidth(1000)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(16)
        self._column = inner
        inner.addWidget(self.red_flag)
        inner.addLayout(buttons)
        inner.addLayout(side_row)
        inner.addLayout(ask_row)
        inner.addSpacing(8)
        inner.addWidget(facts)
        inner.addSpacing(8)
        inner.addLayout(more)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addStretch(1)
        layout.addLayout(centre)
        layout.addStretch(2)
        self.setTabOrder(self.after_button, self.before_button)

    # ----------------------------------------------------------------- content

    def add_card(self, card: QWidget) -> None:
        """A card above the two buttons (the programme's: what is due today)."""
        self._column.insertWidget(0, card)

    def set_routines(self, settings: Settings, after: Protocol | None,
                     before: Protocol | None) -> None:
        """The routines behind the two buttons (None: the chosen one is gone)."""
        from soleus_coach.session.plan import routine_duration_s  # after the first paint

        self.set_settings(settings)
        for when, button, protocol in ((Moment.AFTER, self.after_button, after),
                                       (Moment.BEFORE, self.before_button, before)):
            self.ids[when] = protocol.id if protocol else None
            self.loaded = True
            button.setEnabled(protocol is not None)
            if protocol is None:
                button.routine.setText(self.tr("Not found: choose one in All routines"))
                button.duration.setText("")
                button.setAccessibleName(button.moment.text())
                continue
            button.routine.setText(protocol.name)
            minutes = max(1, round(routine_duration_s(protocol) / 60))
            button.duration.setText(self.tr("%n min", "", minutes))
            button.setAccessibleName(f"{button.moment.text()}: {shown(protocol.name)}")

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        chosen = self.leg_buttons.get(settings.injured_leg)
        self.leg_group.setExclusive(False)  # so that "not set" can uncheck them all
        for button in self.leg_buttons.values():
            button.setChecked(button is chosen)
        self.leg_group.setExclusive(True)
        self.leg_unset.setVisible(chosen is None)
        self.ask_before.blockSignals(True)
        self.ask_before.setChecked(settings.ask_pain_before)
        self.ask_before.blockSignals(False)

    def show_summary(self, summary: Summary, last: SessionRow | None, pains: Sequence[int],
                     *, persistent: bool, now: datetime,
                     last_checkin: CheckIn | None = None) -> None:
        """The history, read after the first paint; also decides what Enter starts. Red
        flags in the last check-in are said first, above everything else."""
        self._show_red_flags(last_checkin)
        if summary.total_sessions == 0:
            text = self.tr("No sessions yet. Your history and weekly progress will show here.")
        else:
            text = self.tr("This week: %n session(s)", "", summary.week_sessions) + ", " + \
                self.tr("%n minute(s)", "", round(summary.week_minutes))
            if summary.streak_days > 1:
                text += " · " + self.tr("%n days in a row", "", summary.streak_days)
        if not persistent:
            text += " · " + self.tr("history not saved to disk")
        self.practice.setText(text)
        self.last.setText(self._last_text(last, now) if last is not None else "")
        self.last.setVisible(last is not None)
        self.sparkline.set_values(pains)
        self.trend_latest.setText(fill_in(self.tr("latest %1/10"), pains[-1]) if pains else "")
        for w in (self.trend_label, self.sparkline, self.trend_latest):
            w.setVisible(len(pains) >= 2)
        before_id = self.ids[Moment.BEFORE] or self.settings.before_run_routine
        self.set_primary(primary_moment(now, last, before_id))

    def _show_red_flags(self, checkin: CheckIn | None) -> None:
        from soleus_coach.history import words
        from soleus_coach.safety import red_flags

        flags = red_flags(checkin) if checkin is not None else ()
        self.red_flag.setVisible(bool(flags))
        if not flags:
            return
        self.red_flag.setText(fill_in(
            self.tr("Your last check-in had warning signs (%1). Please see a doctor before you "
                    "stretch; the next routine asks how your calf is first."),
            ", ".join(words.flag(f.value) for f in flags)))
        colour = warning_colour(self.palette())
        self.red_flag.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _last_text(self, row: SessionRow, now: datetime) -> str:
        from soleus_coach.history.records import Status

        now = now if now.tzinfo else now.astimezone()
        started = row.started_at.astimezone(now.tzinfo)
        locale = QLocale()
        today = now.date()
        if started.date() == today:
            day = self.tr("today")
        elif started.date() == today - timedelta(days=1):
            day = self.tr("yesterday")
        else:
            day = locale.toString(QDate(started.year, started.month, started.day),
                                  QLocale.FormatType.ShortFormat)
        clock = locale.toString(QTime(started.hour, started.minute),
                                QLocale.FormatType.ShortFormat)
        when = f"{day}, {clock}"
        status = {Status.COMPLETED: self.tr("completed"), Status.STOPPED: self.tr("stopped"),
                  Status.INTERRUPTED: self.tr("interrupted")}.get(row.status,
                                                                  self.tr("in progress"))
        text = fill_in(self.tr("Last session: %1 · %2 · %3"), when, row.protocol_name, status)
        if row.pain_before is not None or row.pain_after is not None:
            def pain(v: int | None) -> str:
                return "–" if v is None else str(v)

            text += " · " + fill_in(self.tr("pain %1 → %2"), pain(row.pain_before),
                                    pain(row.pain_after))
        return text

    def set_primary(self, moment: Moment) -> None:
        self.primary = moment
        self.after_button.set_primary(moment is Moment.AFTER)
        self.before_button.set_primary(moment is Moment.BEFORE)
        if self.isVisible():
            self.primary_button().setFocus()

    def primary_button(self) -> RoutineButton:
        return self.after_button if self.primary is Moment.AFTER else self.before_button

    # ----------------------------------------------------------------- actions

    def start(self, moment: Moment) -> None:
        if self.loaded:
            protocol_id = self.ids.get(moment)
        else:  # pressed in the moment before the names show: the chosen one all the same
            s = self.settings
            protocol_id = s.after_run_routine if moment is Moment.AFTER else \
                s.before_run_routine
        if protocol_id:
            self.start_requested.emit(protocol_id)

    def _leg_chosen(self, leg: Leg) -> None:
        if leg is not self.settings.injured_leg:
            self.settings_edited.emit(replace(self.settings, injured_leg=leg))

    def _ask_changed(self, on: bool) -> None:
        if on != self.settings.ask_pain_before:
            self.settings_edited.emit(replace(self.settings, ask_pain_before=on))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.primary_button().setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()  # the focused button, like Space
            else:
                self.start(self.primary)
            return
        super().keyPressEvent(event)
