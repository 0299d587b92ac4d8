"""The programme in the main window: the Programme menu, the card on the home screen, the
questions in their turn, what a programme changes in a routine (easing off) and in the
reminders (its times). Installed with one call (:func:`install`); the window wires the rest
(its session flow's end, its home screen, its reminder service) in a few lines.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Protocol as Interface

from PySide6.QtCore import QEvent, QObject, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QMenu, QMenuBar, QMessageBox, QStatusBar, QWidget

from soleus_coach import paths, texts
from soleus_coach.gui.common.plain import question
from soleus_coach.gui.programme.card import ProgrammeCard, day_text, items_text
from soleus_coach.gui.programme.turns import QuestionQueue
from soleus_coach.texts import fill_in

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from soleus_coach.gui.common.services import Services
    from soleus_coach.history.records import SessionRecord
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.programme.records import SuggestionRecord
    from soleus_coach.programme.state import ProgrammeState
    from soleus_coach.protocol import Library, Protocol
    from soleus_coach.protocol.programme import Programmes
    from soleus_coach.reminders import Slot
    from soleus_coach.settings import Settings
    from soleus_coach.tracker import Tracker

log = logging.getLogger(__name__)


class Flow(Interface):
    """The window's session flow, as the programme sees it."""

    adjust: Callable[[Protocol], tuple[int, str]] | None

    @property
    def busy(self) -> bool: ...


class FirstRun(Interface):
    dialog: QDialog | None
    finished: SignalInstance  # the first start's questions are answered (or closed)


class Home(Interface):
    def add_card(self, card: QWidget) -> None: ...


class Reminders(Interface):
    def check(self) -> bool: ...


class ProgrammeHost(Interface):
    """What the programme needs of the main window (which is one)."""

    services: Services
    settings: Settings

    @property
    def flow(self) -> Flow: ...

    @property
    def first_run(self) -> FirstRun: ...

    @property
    def home(self) -> Home: ...

    @property
    def reminders(self) -> Reminders: ...

    @property
    def library(self) -> Library: ...

    @property
    def history(self) -> HistoryStore: ...

    def start_routine(self, protocol_id: str) -> bool: ...

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class ProgrammeUi(QObject):
    changed = Signal()  # started, paused, a new phase…: reminders and the home screen look again

    def __init__(self, host: ProgrammeHost, blocked: Callable[[], bool]) -> None:
        window = host.window()
        super().__init__(window)
        self.host, self.window = host, window
        self._programmes: Programmes | None = None
        self._tracker: Tracker | None = None
        self.card = ProgrammeCard()
        self.card.start_requested.connect(host.start_routine)
        self.card.calendar_requested.connect(self.show_calendar)
        self.card.report_requested.connect(self.show_report)
        self.card.suggestion_requested.connect(self._suggestion_again)
        self.queue = QuestionQueue(window, blocked, self._next_question, self._answered)
        self._pain_waiting: list[tuple[str, str]] = []  # (session uid, routine name)
        self._put_off: set[int] = set()  # suggestions closed with Esc: on the card, not asked
        self._again: int | None = None  # a put-off suggestion asked for from the card
        self._morning_now = False  # Programme → Morning check…: ask even if asked today
        self.dialog: QDialog | None = None  # the calendar, the chooser, the maker, the report
        self._build_menu(host.menuBar())
        # An app left open overnight: the first time the window is brought up on a new day,
        # the card shows that day and its questions (the morning check) are asked.
        self._day = host.services.today()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and watched is self.window:
            today = self.host.services.today()
            if today != self._day:
                self._day = today
                self.ask()  # (it shows the new day on the card first)
        return False

    # ----------------------------------------------------------------- the core

    def programmes(self) -> Programmes:
        if self._programmes is None:
            from soleus_coach.protocol.programme import load_programmes

            library = self.host.library
            self._programmes = load_programmes(
                paths.bundled_programmes_dir(), self.host.services.user_protocols_dir /
                "programmes", {p.id for p in library.protocols}, texts.language())
        return self._programmes

    @property
    def tracker(self) -> Tracker:
        if self._tracker is None:
            from soleus_coach.tracker import Tracker

            self._tracker = Tracker(self.host.history, self.programmes,
                                    lambda rid: self.host.library.get(rid),
                                    now=self.host.services.now)
        return self._tracker

    def reload(self) -> None:
        """The routines or the programme files changed: read the programmes again."""
        self._programmes = None
        self.refresh()

    # ----------------------------------------------------------------- the menu

    def _build_menu(self, bar: QMenuBar) -> None:
        self.menu = QMenu(self.tr("&Programme"), bar)
        self.menu.setObjectName("programmeMenu")
        help_menu = bar.actions()[-1]
        bar.insertMenu(help_menu, self.menu)

        def add(text: str, slot: Callable[[], object], name: str) -> QAction:
            action = self.menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        self.start_action = add(self.tr("&Start a programme…"), self.show_choose, "start")
        self.morning_action = add(self.tr("&Morning check…"), self.ask_morning, "morning")
        self.calendar_action = add(self.tr("&Calendar…"), self.show_calendar, "calendar")
        self.report_action = add(self.tr("&Report for the physio…"), self.show_report, "report")
        self.pause_action = add(self.tr("&Pause"), self.pause_or_resume, "pause")
        self.end_action = add(self.tr("&End programme…"), self.confirm_end, "end")
        self.menu.addSeparator()
        self.make_action = add(self.tr("M&ake a programme…"), self.show_maker, "make")
        self.menu.aboutToShow.connect(self._sync_menu)

    def _sync_menu(self) -> None:
        state = self.tracker.state()
        for action in (self.morning_action, self.pause_action, self.end_action):
            action.setEnabled(state is not None)
        self.pause_action.setText(self.tr("&Resume") if state is not None and state.paused
                                  else self.tr("&Pause"))

    # ----------------------------------------------------------------- today

    def refresh(self) -> None:
        """The card as the history says now."""
        try:
            plan = self.tracker.plan()
            waiting = self._waiting()
        except Exception:  # a broken programme file must never break the home screen
            log.exception("programme card")
            plan, waiting = None, None
        self.card.show_today(plan, waiting=waiting is not None)

    def _waiting(self) -> SuggestionRecord | None:
        """Today's suggestion put off with Esc (shown on the card, not asked again)."""
        today = self.tracker.today()
        found = [s for s in self.tracker.store.suggestions(since=today)
                 if s.choice is None and s.id in self._put_off]
        return found[-1] if found else None

    def adjust(self, protocol: Protocol) -> tuple[int, str]:
        """What easing off changes in ``protocol`` today: sets fewer, and the line to read."""
        fewer, until = self.tracker.fewer_sets(protocol.id)
        if not fewer or until is None:
            return 0, ""
        from soleus_coach.safety import easing_notice

        return fewer, easing_notice(day_text(until), fewer)

    def reminder_times(self) -> tuple[tuple[Slot, ...], int] | None:
        """The programme's reminder times and the sessions done of them today."""
        slots = self.tracker.reminder_slots(self.host.settings.reminder_minute)
        return (slots, self.tracker.done_today()) if slots else None

    def reminder_text(self) -> tuple[str, str] | None:
        plan = self.tracker.plan()
        if plan is None or plan.next_item is None:
            return None
        return (fill_in(self.tr("Time for %1"), plan.next_item.label),
                fill_in(self.tr("%1 today: %2. Click here to open Soleus Coach."),
                        plan.programme.name, items_text(plan.items)))

    # ----------------------------------------------------------------- questions

    def session_finished(self, record: SessionRecord) -> None:
        """A routine was recorded: ask how much the exercises hurt, if it was loading in
        the programme (once the window is free)."""
        if self.tracker.pain_during_due(record.uid):
            self._pain_waiting.append((record.uid, record.protocol_name))

    def ask(self) -> bool:
        self.refresh()
        return self.queue.ask()

    def ask_morning(self) -> None:
        """Programme → Morning check…: asked now, even if the app has asked today."""
        if self.tracker.state() is None:
            self.host.statusBar().showMessage(self.tr("No programme is under way: Programme → "
                                                      "Start a programme… begins one."), 8000)
            return
        self._morning_now = True
        self.queue.ask()

    def _next_question(self) -> QDialog | None:
        from soleus_coach.gui.programme.questions import (
            MorningCheck,
            PainDuring,
            SuggestionDialog,
        )

        t = self.tracker
        if self._pain_waiting:
            uid, name = self._pain_waiting[0]
            dialog: QDialog = PainDuring(name, self.window)
            dialog.setProperty("session", uid)
            return dialog
        if self._morning_now or t.morning_due():
            self._morning_now = False
            return MorningCheck(self.window)
        rec = t.suggestion()
        if rec is None or (rec.id in self._put_off and rec.id != self._again):
            return None
        self._again = None
        programme = t.programme()
        if programme is None:
            return None
        from soleus_coach.safety import suggestion_words

        dialog = SuggestionDialog(rec.kind, suggestion_words(rec, programme, day_text),
                                  self.window)
        dialog.setProperty("suggestion", rec.id)
        return dialog

    def _answered(self, dialog: QDialog) -> None:
        from soleus_coach.gui.programme.questions import (
            MorningCheck,
            PainDuring,
            SuggestionDialog,
        )
        from soleus_coach.programme.records import Choice

        t = self.tracker
        if isinstance(dialog, PainDuring):
            uid = str(dialog.property("session"))
            self._pain_waiting = [w for w in self._pain_waiting if w[0] != uid]
            t.answer_pain_during(uid, dialog.pain.value if dialog.answered else None)
        elif isinstance(dialog, MorningCheck):
            if dialog.answered:
                t.answer_morning(dialog.pain.value, dialog.stiffer)
            else:
                t.answer_morning(None, None)  # skipped: not asked again today
        elif isinstance(dialog, SuggestionDialog):
            rec_id = dialog.property("suggestion")
            rec = next((s for s in t.store.suggestions(since=t.today()) if s.id == rec_id),
                       None)
            if rec is not None and dialog.accepted_choice is not None:
                t.choose(rec, Choice.ACCEPTED if dialog.accepted_choice else Choice.KEPT_GOING)
                self._put_off.discard(rec_id)
                self.changed.emit()
            elif rec is not None:
                self._put_off.add(rec_id)
        self.refresh()

    def _suggestion_again(self) -> None:
        waiting = self._waiting()
        if waiting is not None:
            self._again = waiting.id
            self.queue.ask()

    # ----------------------------------------------------------------- actions

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.queue.ask()

    def show_choose(self) -> QDialog:
        from soleus_coach.gui.programme.choose import ChooseDialog

        state = self.tracker.state()
        busy = "" if state is None else fill_in(
            self.tr("%1 is under way: end it first (Programme → End programme)."),
            self._name(state))

        def name(rid: str) -> str:
            routine = self.host.library.get(rid)
            return routine.name if routine is not None else rid

        dialog = ChooseDialog(self.programmes().programmes, name, busy=busy, parent=self.window)
        dialog.accepted.connect(lambda: self.start(dialog.chosen.id) if dialog.chosen else None)
        dialog.make_requested.connect(self.show_maker)
        return self._open(dialog)

    def start(self, programme_id: str) -> bool:
        from soleus_coach.tracker import ProgrammeError

        try:
            state = self.tracker.start(programme_id)
        except ProgrammeError as exc:
            self.host.statusBar().showMessage(str(exc), 10000)
            return False
        self.host.statusBar().showMessage(fill_in(self.tr("%1 started."), self._name(state)),
                                          8000)
        self.changed.emit()
        self.refresh()
        return True

    def _name(self, state: ProgrammeState) -> str:
        """The programme's name in the runner's language (the one it started with, if its
        file is gone)."""
        programme = self.tracker.programme(state)
        return programme.name if programme is not None else state.name

    def pause_or_resume(self) -> None:
        state = self.tracker.state()
        if state is None:
            return
        if state.paused:
            self.tracker.resume()
            self.host.statusBar().showMessage(self.tr("Programme resumed."), 8000)
        else:
            self.tracker.pause()
            self.host.statusBar().showMessage(self.tr("Programme paused: nothing is due and "
                                                      "there are no reminders."), 8000)
        self.changed.emit()
        self.refresh()

    def confirm_end(self) -> QMessageBox | None:
        state = self.tracker.state()
        if state is None:
            return None
        box = question(self.window, self.tr("End programme"),
                       fill_in(self.tr("End %1? Everything you answered stays in your "
                                       "history and its report."), self._name(state)),
                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                       QMessageBox.StandardButton.No, name="endProgramme")
        box.finished.connect(lambda r: self._end() if r == QMessageBox.StandardButton.Yes
                             else None)
        box.open()
        return box

    def _end(self) -> None:
        self.tracker.end()
        self.host.statusBar().showMessage(self.tr("Programme ended."), 8000)
        self.changed.emit()
        self.refresh()

    def show_calendar(self) -> QDialog:
        from soleus_coach.gui.programme.calendar import CalendarDialog

        t = self.tracker
        return self._open(CalendarDialog(t.days, t.weekly_km, t.today(), self.window))

    def show_report(self) -> QDialog:
        from soleus_coach.gui.programme.export import ReportDialog

        t = self.tracker
        today = t.today()
        state = t.state()
        since = max(state.started, today - timedelta(weeks=8)) if state is not None else \
            today - timedelta(weeks=8)
        return self._open(ReportDialog(since, today, Path.home(), self.save_report,
                                       self.window,
                                       lambda a, b: self.tracker.report(a, b, day_text)))

    def save_report(self, since: date, until: date, target: Path, replace: bool) -> str:
        """Write the report; "" when it is written, else why not (in a line)."""
        from soleus_coach.gui.programme.report import save_report
        from soleus_coach.tracker import ProgrammeError

        try:
            sheet = save_report(self.tracker.report(since, until, day_text), target,
                                replace=replace)
        except FileExistsError:
            return self.tr("That file exists: choose another name (or choose it with "
                           "Choose… to replace it).")
        except (OSError, ProgrammeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return fill_in(self.tr("Not saved: %1"), reason)
        self.host.statusBar().showMessage(fill_in(self.tr("Report saved: %1 (%n page(s))",
                                                          "", sheet.pages), target), 15000)
        return ""

    def show_maker(self) -> QDialog:
        from soleus_coach.gui.programme.maker import MakerDialog

        routines = [(p.id, p.name) for p in self.host.library.protocols]
        taken = {p.id for p in self.programmes().programmes}
        dialog = MakerDialog(self.host.services.user_protocols_dir / "programmes", routines,
                             taken, self.window)
        dialog.saved.connect(self._made)
        return self._open(dialog)

    def _made(self, programme_id: str) -> None:
        self.reload()
        self.host.statusBar().showMessage(fill_in(
            self.tr("Programme saved (%1): Programme → Start a programme… starts it."),
            programme_id), 10000)


def install(host: ProgrammeHost) -> ProgrammeUi:
    """The Programme menu and the home screen's card; easing off reaches the routines, and
    its reminder times the reminders. Its questions wait for a routine's, the first run's
    and any other dialog."""
    ui = ProgrammeUi(host, blocked=lambda: (host.flow.busy or host.first_run.dialog is not None
                                            or not host.settings.first_run_acknowledged))
    host.home.add_card(ui.card)
    host.flow.adjust = ui.adjust
    host.first_run.finished.connect(lambda _read: ui.ask())
    ui.changed.connect(host.reminders.check)
    return ui
