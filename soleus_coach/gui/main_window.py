"""The main window: the library of routines, menus, and the session page stacked on it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from soleus_coach import paths, texts
from soleus_coach.audio import PlayerState
from soleus_coach.cues import Cue
from soleus_coach.gui.library_page import LibraryPage
from soleus_coach.gui.memory import release_free_memory
from soleus_coach.gui.plain import message_box, question
from soleus_coach.gui.runs_ui import RunsUi
from soleus_coach.gui.sound import SoundService
from soleus_coach.gui.theme import apply_theme
from soleus_coach.protocol import Library, Protocol, ProtocolInvalid
from soleus_coach.protocol.library import ensure_user_folder, import_file
from soleus_coach.session.clock import Clock, clock_from_env
from soleus_coach.settings import Settings, SettingsStore
from soleus_coach.texts import fill_in
from soleus_coach.texts import translate as t
from soleus_coach.untrusted import one_line

# What the first paint does not need is imported when it is first used: a session and its
# dialogs, the history store, the safety rules (docs/benchmarks.md, start-up).
if TYPE_CHECKING:
    from soleus_coach.audio import PlayerStatus
    from soleus_coach.audio.player import CuePlayer
    from soleus_coach.checkin import CheckIn
    from soleus_coach.gui.checkin_dialog import CheckInDialog
    from soleus_coach.gui.history_window import HistoryWindow
    from soleus_coach.gui.safety_dialogs import GuidanceDialog, RedFlagDialog
    from soleus_coach.gui.session_screen import SessionScreen
    from soleus_coach.gui.tray import SessionTray
    from soleus_coach.history.recorder import SessionRecorder
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.safety import RedFlagDecision
    from soleus_coach.session.engine import CueDue, SegmentEnded, State
    from soleus_coach.session.plan import PlanContext


log = logging.getLogger(__name__)


def _open_history() -> HistoryStore:
    from soleus_coach.history.store import open_store

    return open_store(paths.history_db_path())


@dataclass
class Services:
    """What the window needs from the outside world; tests pass temporary folders and a
    fake clock."""

    load_library: Callable[[], Library]
    settings_store: SettingsStore
    user_protocols_dir: Path
    schema_file: Path
    assets_dir: Path
    window_state_file: Path
    clock: Callable[[], tuple[Clock, float]] = clock_from_env
    open_history: Callable[[], HistoryStore] = _open_history
    #: The cue player (tests pass one with a recording back-end); None: the real one.
    make_player: Callable[[Path], CuePlayer] | None = None
    today: Callable[[], date] = date.today
    #: Where the user's files are (shown in Help → About).
    data_dir: Path = field(default_factory=paths.data_dir)


class MainWindow(QMainWindow):
    start_requested = Signal(str)
    settings_changed = Signal(object)  # Settings
    summary_shown = Signal()  # the practice summary is up to date

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings_store.load()
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.library = services.load_library()
        self.library_page = LibraryPage(self.library)
        self.library_page.start_requested.connect(self.start_requested)
        self.start_requested.connect(self.start_session)
        self.library_page.history_requested.connect(self.show_history)
        self.session: SessionScreen | None = None
        self.recorder: SessionRecorder | None = None
        self.checkin_dialog: CheckInDialog | None = None
        self.safety_dialog: QDialog | None = None
        self.guidance_dialog: GuidanceDialog | None = None
        self.history_window: HistoryWindow | None = None
        self._history: HistoryStore | None = None
        self.sound = SoundService(services.assets_dir / "sounds", self.settings,
                                  services.make_player(services.assets_dir / "sounds")
                                  if services.make_player else None, self)
        self.sound.status_changed.connect(self._on_sound_status)
        self.sound_label = QLabel()
        self.sound_label.setObjectName("soundUnavailable")
        self.sound_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sound_label.hide()
        self.statusBar().addPermanentWidget(self.sound_label)
        self._sound_reported = False
        self._closing = False
        self.tray: SessionTray | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.library_page)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self.runs_ui = RunsUi(self, lambda: self.history, start_routine=self.start_routine,
                              on_change=self.refresh_summary, state_file=services.window_state_file)
        self._report_library()
        for problem in services.settings_store.problems:
            self.statusBar().showMessage(problem, 15000)
        self.resize(1000, 640)
        self._restore_geometry()
        self._summary_scheduled = False

    # ----------------------------------------------------------------- menus

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str = "",
                tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(slot)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            self.tr("&Import protocol…"), self.import_protocol, QKeySequence.StandardKey.Open,
            self.tr("Check a protocol file and add it to your routines"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self._action(
            self.tr("Open protocol &folder"), self.open_protocol_folder,
            tip=self.tr("Open the folder that holds your own routines")))
        file_menu.addAction(self._action(self.tr("&Reload routines"), self.reload_library,
                                         "F5"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close,
                                         QKeySequence.StandardKey.Quit))
        self.session_menu = bar.addMenu(self.tr("&Session"))
        self.session_menu.setEnabled(False)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.fullscreen_action = self._action(self.tr("&Full screen"), self.toggle_fullscreen,
                                              "F11")
        self.view_menu.addAction(self.fullscreen_action)
        self.mute_action = self._action(self.tr("&Mute sound"), self.toggle_mute, "M",
                                        self.tr("Sound cues off or on (M)"))
        self.mute_action.setCheckable(True)
        self.mute_action.setChecked(not self.settings.sound_on)
        self.view_menu.addAction(self.mute_action)
        self.history_action = self._action(
            self.tr("&History"), self.show_history, "Ctrl+H",
            self.tr("Your past sessions, pain check-ins and export"))
        self.view_menu.addAction(self.history_action)
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self._action(self.tr("&Settings…"), self.edit_settings,
                                     QKeySequence.StandardKey.Preferences))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"),
                                              self.show_shortcuts,
                                              QKeySequence.StandardKey.HelpContents))
        self.help_menu.addAction(self._action(texts.translate(texts.FIRST_RUN_HELP_ACTION),
                                              self.show_safety_notice))
        self.help_menu.addSeparator()
        self.help_menu.addAction(self._action(self.tr("&About Soleus Coach"),
                                              self.show_about))

    # ----------------------------------------------------------------- library

    def _report_library(self) -> None:
        broken = len(self.library.broken)
        if broken:
            self.statusBar().showMessage(
                self.tr("%n protocol file(s) could not be loaded; select one to see why.", "",
                        broken))

    def reload_library(self) -> None:
        self.library = self.services.load_library()
        self.library_page.set_library(self.library)
        self._report_library()

    def open_protocol_folder(self) -> None:
        folder = self.services.user_protocols_dir
        try:
            ensure_user_folder(folder, self.services.schema_file)
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Cannot create folder"),
                        self.tr("Your protocol folder could not be created:") +
                        f"\n{folder}\n{exc.strerror}").open()
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(fill_in(self.tr("Your protocols are in %1"), folder))

    def import_protocol(self, path: Path | None = None, *, replace: bool = False) -> bool:
        """Check ``path`` and copy it into the user's folder. A file of that name already
        there is replaced only after a question (answered later: False until then)."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import protocol"), "",
                                                  self.tr("Protocols (*.json)"))
            if not name:
                return False
            path = Path(name)
        try:
            target = import_file(path, self.services.user_protocols_dir,
                                 self.services.assets_dir, replace=replace)
        except FileExistsError as exc:
            box = question(self, self.tr("Replace protocol?"),
                           fill_in(self.tr("You already have a file named %1. Replace it?"),
                                   Path(str(exc)).name),
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                           QMessageBox.StandardButton.No, name="replaceProtocol")
            chosen = path
            box.finished.connect(lambda r: self.import_protocol(chosen, replace=True)
                                 if r == QMessageBox.StandardButton.Yes else None)
            box.open()
            return False
        except ProtocolInvalid as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        fill_in(self.tr("%1 has problems; nothing was copied."), path.name),
                        "\n".join(str(e) for e in exc.errors), name="importErrors").open()
            return False
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        f"{path.name}: {exc.strerror or exc}").open()
            return False
        self.reload_library()
        self.statusBar().showMessage(fill_in(self.tr("Imported %1"), target.name), 10000)
        return True

    # ----------------------------------------------------------------- sessions

    def start_session(self, protocol_id: str) -> bool:
        """Start a routine: the pain check-in first (if asked for), then the session.
        False when there is no such routine or a session is already under way."""
        from soleus_coach.gui.checkin_dialog import CheckInDialog
        from soleus_coach.safety import should_check_before

        protocol = self.library.get(protocol_id)
        if protocol is None:
            self.statusBar().showMessage(
                fill_in(self.tr("No routine with the id %1"), protocol_id), 10000)
            return False
        if self.session is not None or self.checkin_dialog is not None:
            return False
        # The sound back-end is probed now, in the background, while the check-in is
        # answered: not at start-up, where playsound3 and its imports (ssl, http, email)
        # would cost 12 MiB and 30 ms to a window that may never start a routine.
        self.sound.start()
        last = self.history.last_after_checkin()
        recheck = should_check_before(protocol.when, last)
        if not (self.settings.ask_pain_before or recheck):
            self._begin(protocol, None)
            return True
        dialog = CheckInDialog(after=False, parent=self,
                               note=t(texts.CHECK_BEFORE_BODY) if recheck else "")
        self.checkin_dialog = dialog
        dialog.finished.connect(lambda _r: self._before_answered(protocol, dialog))
        dialog.open()
        return True

    def _before_answered(self, protocol: Protocol, dialog: CheckInDialog) -> None:
        from soleus_coach.gui.safety_dialogs import RedFlagDialog
        from soleus_coach.safety import advice_for, red_flags

        self.checkin_dialog = None
        dialog.deleteLater()
        self.activateWindow()  # the keys go to the session (even without a window manager)
        checkin = dialog.result_checkin
        flags = red_flags(checkin) if checkin is not None else ()
        if not flags:
            self._begin(protocol, checkin)
            return
        advice = RedFlagDialog(advice_for(flags), parent=self)
        self.safety_dialog = advice
        advice.finished.connect(lambda _r: self._red_flag_answered(protocol, checkin, advice))
        advice.open()

    def _red_flag_answered(self, protocol: Protocol, checkin: CheckIn | None,
                           dialog: RedFlagDialog) -> None:
        """Continuing was chosen deliberately, or the routine is not started; either way the
        check-in and the choice go into the history."""
        from soleus_coach.history.recorder import declined_session
        from soleus_coach.history.store import StoreWriteError
        from soleus_coach.safety import RedFlagChoice, RedFlagDecision
        from soleus_coach.session.plan import build_plan

        self.safety_dialog = None
        dialog.deleteLater()
        self.activateWindow()
        decision = RedFlagDecision(dialog.advice.flags, dialog.choice)
        if decision.choice is RedFlagChoice.CONTINUE:
            self._begin(protocol, checkin, decision)
            return
        record = declined_session(build_plan(protocol, self.settings), digest=protocol.digest,
                                  leg=self.settings.injured_leg.value, before=checkin,
                                  event_kind=RedFlagDecision.KIND,
                                  event_detail=decision.detail)
        try:
            self.history.save(record)
        except StoreWriteError as exc:
            self._on_record_error(str(exc))
        else:
            self.statusBar().showMessage(self.tr("Not stretching today: your check-in is "
                                                 "saved in your history."), 15000)
        self.refresh_summary()

    def _begin(self, protocol: Protocol, before: CheckIn | None,
               decision: RedFlagDecision | None = None) -> None:
        from soleus_coach.gui.session_screen import SessionScreen
        from soleus_coach.gui.tray import SessionTray
        from soleus_coach.history.recorder import SessionRecorder
        from soleus_coach.safety import ItHurts, RedFlagDecision
        from soleus_coach.session.plan import build_plan

        clock, speed = self.services.clock()
        plan = build_plan(protocol, self.settings, self._plan_context(protocol, before))
        screen = SessionScreen(plan, clock, speed=speed)
        recorder = SessionRecorder(self.history, screen.controller.engine, plan,
                                   digest=protocol.digest,
                                   leg=self.settings.injured_leg.value, before=before)
        recorder.on_error = self._on_record_error
        screen.controller.set_cue_lead(self.sound.latency_s)
        screen.controller.state_changed.connect(self._silence_on_state)
        screen.controller.segment_ended.connect(self._silence_on_skip)
        if decision is not None:
            recorder.add_event(RedFlagDecision.KIND, decision.detail)
        self.recorder = recorder
        screen.closed.connect(self.close_session)
        screen.cue.connect(self._on_cue)
        screen.ended.connect(lambda state: self._on_session_ended(recorder, state))
        screen.hurt.connect(lambda event: recorder.add_event(ItHurts.KIND, event.detail))
        screen.controller.remaining_changed.connect(self._on_remaining)
        self.session = screen
        self.tray = SessionTray(self, self.windowIcon())
        self.session_menu.clear()
        for act in screen.actions_by_name.values():
            self.session_menu.addAction(act)
        self.session_menu.setEnabled(True)
        self.pages.addWidget(screen)
        self.pages.setCurrentWidget(screen)
        self.setWindowTitle(fill_in(self.tr("%1 — Soleus Coach"), one_line(protocol.name)))
        screen.start()

    def _plan_context(self, protocol: Protocol, before: CheckIn | None) -> PlanContext:
        """What the safety rules say before this routine: notices (ice safety, the hours
        since the last ice, no ice before a run) and whether heat is left out today."""
        from soleus_coach.history.records import utc_now
        from soleus_coach.safety import before_routine
        from soleus_coach.session.plan import PlanContext

        checkin = before or self._checkin_today()
        rules = before_routine(protocol, checkin=checkin, last_ice_end=self.history.last_ice_end(),
                               now=utc_now())
        return PlanContext(no_heat=rules.no_heat, notices=tuple(t(n) for n in rules.notices))

    def _checkin_today(self) -> CheckIn | None:
        """The last check-in of today, if the runner has already answered one."""
        last = self.history.sessions(limit=1)
        if not last or last[0].started_at.astimezone().date() != self.services.today():
            return None
        record = self.history.session(last[0].uid)
        return None if record is None else (record.after or record.before)

    def _on_session_ended(self, recorder: SessionRecorder, state: State) -> None:
        """Ask how the calf feels now, then store it with the session."""
        from soleus_coach.gui.checkin_dialog import CheckInDialog

        self.refresh_summary()
        if self._closing:
            return
        dialog = CheckInDialog(after=True, parent=self)
        self.checkin_dialog = dialog
        dialog.finished.connect(lambda _r: self._after_answered(recorder, dialog))
        dialog.open()

    def _after_answered(self, recorder: SessionRecorder, dialog: CheckInDialog) -> None:
        self.checkin_dialog = None
        dialog.deleteLater()
        if dialog.result_checkin is not None:
            recorder.set_after(dialog.result_checkin)
        self._guidance_after(recorder)
        if not recorder.saved:
            recorder.save()  # one more try: the disk may have space again
        if not recorder.saved:
            self._offer_copy(recorder)
        self.refresh_summary()
        self.activateWindow()
        if self.session is not None:
            self.session.setFocus()

    def _guidance_after(self, recorder: SessionRecorder) -> None:
        """Red flags after the session (see a doctor; build up gradually) and the pain trend
        over the last sessions (see a physical therapist)."""
        from soleus_coach.gui.safety_dialogs import GuidanceDialog
        from soleus_coach.safety import (
            advice_for,
            overtraining_advice,
            pain_trend_advice,
            red_flags,
        )

        rec = recorder.record
        before_flags = red_flags(rec.before) if rec.before else ()
        after_flags = red_flags(rec.after) if rec.after else ()
        parts: list[tuple[str, str]] = []
        if after_flags:
            advice = advice_for(after_flags)
            parts.append((t(advice.title), "\n".join(
                [t(advice.body), *("• " + t(r) for r in advice.reasons), t(advice.emergency)])))
            recorder.add_event("red_flag_after", json.dumps(
                {"flags": [f.value for f in after_flags]}, separators=(",", ":")))
        overtraining = overtraining_advice((*before_flags, *after_flags))
        if overtraining is not None:
            parts.append((t(overtraining.title), t(overtraining.body)))
        trend = pain_trend_advice(self.history.recent_pain_after(3))
        if trend is not None:
            parts.append((t(trend.title), t(trend.body)))
        if parts:
            box = GuidanceDialog(parts, self)
            self.guidance_dialog = box
            box.finished.connect(lambda _r: setattr(self, "guidance_dialog", None))
            box.open()

    def _on_record_error(self, message: str) -> None:
        self.statusBar().showMessage(
            fill_in(self.tr("This session could not be written to your history (%1). It is "
                            "kept and saving is tried again at every step."), message))

    def _offer_copy(self, recorder: SessionRecorder) -> None:
        box = message_box(self, QMessageBox.Icon.Warning, self.tr("Session not saved"),
                          self.tr("This session could not be written to your history:") +
                          f"\n{recorder.error}\n\n" +
                          self.tr("Save a copy as a file so that it is not lost?"))
        box.setObjectName("notSavedBox")
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda r: self._save_copy(recorder) if r ==
                             QMessageBox.StandardButton.Save else None)
        box.open()

    def _save_copy(self, recorder: SessionRecorder, path: Path | None = None) -> bool:
        from soleus_coach.history import export
        from soleus_coach.history.records import utc_now

        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save session"),
                str(Path.home() / f"soleus-session-{recorder.record.uid[:8]}.json"),
                self.tr("JSON files (*.json)"))
            if not name:
                return False
            path = Path(name)
        try:
            with path.open("w", encoding="utf-8") as fh:
                export.write_json([recorder.record], fh, exported_at=utc_now())
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not saved"),
                        f"{path}: {exc.strerror or exc}").open()
            return False
        return True

    # ----------------------------------------------------------------- history

    @property
    def history(self) -> HistoryStore:
        """The history store, opened on first use; problems are shown once."""
        if self._history is None:
            self._history = self.services.open_history()
            self._show_history_notices(self._history)
        return self._history

    def _show_history_notices(self, store: HistoryStore) -> None:
        from soleus_coach.history.store import NoticeKind

        serious = [n for n in store.notices
                   if n.kind in (NoticeKind.MOVED_ASIDE, NoticeKind.NEWER, NoticeKind.NOT_SAVED)]
        for n in store.notices:
            if n.kind is NoticeKind.RECOVERED:
                self.statusBar().showMessage(n.text, 20000)
        if serious:
            box = message_box(self, QMessageBox.Icon.Warning, self.tr("History"),
                              "\n\n".join(n.text for n in serious))
            box.setObjectName("historyNotice")
            box.open()

    def refresh_summary(self) -> None:
        s = self.history.summary(self.services.today())
        if s.total_sessions == 0:
            text = self.tr("No sessions yet. Your history and weekly progress will show here.")
        else:
            text = self.tr("This week: %n session(s)", "", s.week_sessions) + ", " + \
                self.tr("%n minute(s)", "", round(s.week_minutes))
            if s.streak_days > 1:
                text += " · " + self.tr("%n days in a row", "", s.streak_days)
        if not self.history.persistent:
            text += " · " + self.tr("history not saved to disk")
        self.library_page.practice.setText(text)
        if self.history_window is not None:
            self.history_window.reload()
        self.summary_shown.emit()

    def show_history(self) -> None:
        if self.history_window is None:
            from soleus_coach.gui.history_window import HistoryWindow

            self.history_window = HistoryWindow(self.history, today=self.services.today,
                                                parent=self)
        self.history_window.show()
        self.history_window.raise_()
        self.history_window.activateWindow()

    def _on_cue(self, event: CueDue) -> None:
        if not self.sound.cue(event) and self.session is not None:
            self.session.flash_once()
        if event.cue is Cue.ICE_OFF and self.tray is not None:
            self.tray.alert(self.tr("Ice off"),
                            self.tr("Time to take the ice off your calf."))

    def _silence_on_state(self, state: State) -> None:
        from soleus_coach.session.engine import State

        if state in (State.PAUSED, State.STOPPED):
            self.sound.silence()  # no beeps over a pause, none after a stop

    def _silence_on_skip(self, event: SegmentEnded) -> None:
        from soleus_coach.session.engine import Outcome

        if event.outcome is not Outcome.COMPLETED:
            self.sound.silence()  # skip, back: the cut-short step's sound stops with it

    def _on_sound_status(self, status: PlayerStatus) -> None:
        if status.state is PlayerState.UNAVAILABLE and not self._sound_reported:
            self._sound_reported = True  # said once, and kept at the side of the status bar
            self.sound_label.setText(status.message)
            self.sound_label.setToolTip(status.message)
            self.sound_label.show()
        if status.state is PlayerState.READY and self.session is not None:
            self.session.controller.set_cue_lead(status.latency_s)

    def toggle_mute(self) -> None:
        self.apply_settings(replace(self.settings, sound_on=not self.settings.sound_on))
        self.statusBar().showMessage(self.tr("Sound cues on") if self.settings.sound_on else
                                     self.tr("Sound cues off: the countdown flashes instead "
                                             "(M turns them on)"), 5000)

    def test_sound(self, settings: Settings) -> None:
        """Play a cue as ``settings`` would (the settings dialog's "Test sound")."""
        current = self.sound.settings
        self.sound.apply(replace(settings, sound_on=True))
        played = self.sound.play(Cue.HOLD_START)
        self.sound.apply(current)
        if not played:
            self.statusBar().showMessage(self.sound.status.message or
                                         self.tr("Sound is still starting; try again."), 8000)

    def _on_remaining(self, segment_s: float, total_s: float, _fraction: float) -> None:
        from soleus_coach.gui.session_page import format_clock

        if self.tray is not None and self.session is not None:
            self.tray.show_remaining(f"{self.session.controller.engine.segment.label}: "
                                     f"{format_clock(segment_s)}")

    def close_session(self) -> None:
        screen = self.session
        if screen is None:
            return
        self.session = None
        if self.recorder is not None:
            self.recorder.detach()
            self.recorder = None
        if self.tray is not None:
            self.tray.close()
            self.tray = None
        self.session_menu.clear()
        self.session_menu.setEnabled(False)
        self.pages.setCurrentWidget(self.library_page)
        self.pages.removeWidget(screen)
        screen.deleteLater()
        QTimer.singleShot(0, release_free_memory)  # after the screen is gone
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.library_page.view.setFocus()

    # ----------------------------------------------------------------- settings

    def edit_settings(self) -> None:
        from soleus_coach.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, on_test_sound=self.test_sound)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.value())

    def apply_settings(self, settings: Settings) -> None:
        if settings.language != self.settings.language:
            self.statusBar().showMessage(self.tr("The new language is used the next time "
                                                 "Soleus Coach starts."), 15000)
        self.settings = settings
        try:
            self.services.settings_store.save(settings)
        except OSError as exc:
            self.statusBar().showMessage(
                fill_in(self.tr("Settings could not be saved (%1); they apply until you quit."),
                        exc.strerror or exc))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.sound.apply(settings)
        self.mute_action.setChecked(not settings.sound_on)
        self.settings_changed.emit(settings)

    # ----------------------------------------------------------------- help

    def show_safety_notice(self, first_run: bool = False) -> None:
        from soleus_coach.gui.safety_dialogs import FirstRunDialog

        dialog = FirstRunDialog(self)
        self.safety_dialog = dialog

        def done(result: int) -> None:
            self.safety_dialog = None
            dialog.deleteLater()
            if first_run and result == QDialog.DialogCode.Accepted:
                self.apply_settings(replace(self.settings, first_run_acknowledged=True))

        dialog.finished.connect(done)
        dialog.open()

    def show_about(self) -> None:
        from soleus_coach.gui.about_dialog import AboutDialog

        dialog = AboutDialog(self.services.data_dir, self.services.data_dir / "logs", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("Space"), self.tr("Pause or resume")),
            (self.tr("Right arrow"), self.tr("Skip to the next step")),
            (self.tr("Left arrow"), self.tr("Back: restart this step, or the previous one "
                                            "if you are in its first 2 seconds")),
            (self.tr("Up / Down arrow"), self.tr("Hold 5 s longer / shorter (within the "
                                                 "routine's range)")),
            (self.tr("H"), self.tr("It hurts: end the hold now")),
            (self.tr("Esc"), self.tr("Stop the routine (asks first)")),
            (self.tr("Enter"), self.tr("Start the selected routine; leave a finished one")),
            (self.tr("F11"), self.tr("Full screen")),
            (self.tr("Ctrl+O"), self.tr("Import a protocol file")),
            (self.tr("F5"), self.tr("Reload routines")),
        ]
        text = "\n".join(f"{k:<18} {v}" for k, v in rows)
        box = message_box(self, QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"),
                          text)
        box.setObjectName("shortcutHelp")
        font = box.font()
        font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        box.setFont(font)
        box.open()

    # ----------------------------------------------------------------- window

    def handle_request(self, request: dict[str, str]) -> None:
        """A second launch asked for the window (and maybe a routine): come forward."""
        from soleus_coach.gui.tray import bring_forward

        bring_forward(self)
        log.info("brought forward by a second launch: %s", request)
        routine = request.get("id", "")
        if request.get("action") == "start" and routine:
            self.start_routine(routine)

    def start_routine(self, protocol_id: str) -> bool:
        """Select ``protocol_id`` in the list and start it (``--start``, from the command
        line or a second launch); says so when another routine is under way."""
        if self.session is not None or self.checkin_dialog is not None:
            self.statusBar().showMessage(
                fill_in(self.tr("A routine is already running; %1 was not started."),
                        protocol_id), 10000)
            return False
        if self.library.get(protocol_id) is None:
            self.reload_library()  # a file added a moment ago, before the watcher said so
        self.library_page.select(protocol_id)
        return self.start_session(protocol_id)

    def _watch_library(self) -> None:
        """Reload by itself when the user's protocol folder changes (after the first
        paint: nothing the window needs to show first)."""
        from soleus_coach.gui.library_watch import LibraryWatcher

        self.library_watcher = LibraryWatcher(self.services.user_protocols_dir, self)
        self.library_watcher.changed.connect(self.reload_library)

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _window_settings(self) -> QSettings:
        return QSettings(str(self.services.window_state_file), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_settings().value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._summary_scheduled:
            # The history is opened after the first paint: the routines show at once.
            self._summary_scheduled = True
            QTimer.singleShot(0, self.refresh_summary)
            QTimer.singleShot(0, self._watch_library)
            if not self.settings.first_run_acknowledged:
                QTimer.singleShot(0, lambda: self.show_safety_notice(first_run=True))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self.session is not None:
            from soleus_coach.session.engine import State

            if self.session.state in (State.RUNNING, State.PAUSED):
                self.session.controller.stop()  # recorded as stopped, with what was done
        self.sound.close()
        store = self._window_settings()
        store.setValue("geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)
