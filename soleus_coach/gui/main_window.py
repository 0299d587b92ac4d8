"""The main window: a stack of pages (home, all routines, a session, its finish) and the menus.

The window only switches pages; the sequence around a routine (check-in, red flags, the leg
question, the session, the finish page and its advice) is :class:`SessionFlow`'s, and every
shortcut is declared in :mod:`soleus_coach.gui.common.actions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from soleus_coach.audio import PlayerState
from soleus_coach.gui.common.actions import SPECS, ActionId, make_action
from soleus_coach.gui.common.plain import message_box
from soleus_coach.gui.common.services import Services
from soleus_coach.gui.common.sound import SoundService
from soleus_coach.gui.common.theme import apply_theme
from soleus_coach.gui.common.windows import bring_forward, restore_geometry, save_geometry
from soleus_coach.gui.companions import Companions
from soleus_coach.gui.history.run_intake import RunsUi
from soleus_coach.gui.library.home_page import HomePage, Moment
from soleus_coach.gui.library.routine_files import RoutineFiles
from soleus_coach.gui.reminders import ReminderService
from soleus_coach.gui.session.flow import FlowState, SessionFlow
from soleus_coach.settings import Settings
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

# What the first paint does not need is imported when it is first used: the library table,
# a session and its dialogs, the history store, the safety rules (docs/benchmarks.md).
if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from soleus_coach.audio import PlayerStatus
    from soleus_coach.gui.history.window import HistoryWindow
    from soleus_coach.gui.library.routines_page import LibraryPage
    from soleus_coach.gui.session.checkin_dialog import CheckInDialog
    from soleus_coach.gui.session.screen import SessionScreen
    from soleus_coach.gui.tray import Tray
    from soleus_coach.history.recorder import SessionRecorder
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.protocol import Library
    from soleus_coach.settings import Leg


log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    start_requested = Signal(str)
    settings_changed = Signal(object)  # Settings
    summary_shown = Signal()  # the home screen's summary is up to date
    closed = Signal()  # closed for good: the app quits (run_gui), even if the window was hidden

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings_store.load()
        self.terminating = False  # told to quit from outside: nothing may ask
        self.setWindowTitle(self.tr("Soleus Coach"))
        self._library: Library | None = None  # read after the first paint, or when needed
        self.history_window: HistoryWindow | None = None
        self._history: HistoryStore | None = None
        self._library_page: LibraryPage | None = None
        self.sound = SoundService(services.assets_dir / "sounds", self.settings,
                                  services.make_player(services.assets_dir / "sounds")
                                  if services.make_player else None, self)
        self.sound.status_changed.connect(self._on_sound_status)
        self.sound.notice.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self.sound_label = QLabel()
        self.sound_label.setObjectName("soundUnavailable")
        self.sound_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sound_label.hide()
        self.statusBar().addPermanentWidget(self.sound_label)
        self._sound_reported = False
        self.flow = SessionFlow(self, settings=lambda: self.settings,
                                history=lambda: self.history, sound=self.sound,
                                clock=services.clock)
        self.flow.page_shown.connect(self._show_page)
        self.flow.pages_closed.connect(self.go_home)
        self.flow.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.flow.history_changed.connect(self.refresh_summary)
        self.flow.leg_chosen.connect(self._remember_leg)
        self.flow.session_started.connect(self._on_session_started)
        self.flow.state_changed.connect(self._on_flow_state)
        self.companions = Companions(self, self.flow, services.window_state_file, {
            ActionId.PAUSE: self._pause_from_outside,
            ActionId.STOP: self._stop_from_outside,
            ActionId.COMPACT: lambda: self.companions.toggle_compact(),
            ActionId.SHOW: lambda: self.companions.show_full(),
            ActionId.START_AFTER: lambda: self._start_moment(Moment.AFTER),
            ActionId.START_BEFORE: lambda: self._start_moment(Moment.BEFORE),
            ActionId.QUIT: self.close,
        }, routine_names=self._routine_names,
            persistent=lambda: self.settings.reminder_on or self.settings.autostart)
        self.reminders = ReminderService(
            services.window_state_file, now=services.now, settings=lambda: self.settings,
            practised_today=self._practised_today, in_session=lambda: self.flow.busy,
            parent=self, programme=lambda: self.programme.reminder_times())
        self.reminders.reminded.connect(self._remind)
        self.home = HomePage()
        self.home.start_requested.connect(self.start_requested)
        self.home.library_requested.connect(self.show_library)
        self.home.history_requested.connect(self.show_history)
        self.home.settings_edited.connect(self.apply_settings)
        self.start_requested.connect(self.start_session)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.setCentralWidget(self.pages)
        self.home.set_settings(self.settings)
        self.first_run = self.flow.first_run
        self.flow.settings_chosen.connect(self.apply_settings)
        self.first_run.finished.connect(self._first_run_done)
        self.routine_files = RoutineFiles(self, lambda: self.services, lambda: self.library,
                                          self.reload_library, self.statusBar().showMessage)
        self._build_menus()
        from soleus_coach.gui.editor.hub import install as install_editor

        self.editors = install_editor(self)  # File → New routine; Customize, Edit, Delete
        from soleus_coach.gui.programme.hub import install as install_programme

        self.programme = install_programme(self)  # its menu, its card, questions in turn
        self.runs_ui = RunsUi(self, lambda: self.history, start_routine=self.start_routine,
                              on_change=self.refresh_summary, state_file=services.window_state_file,
                              after_run_routine=lambda: self.settings.after_run_routine,
                              open_history=self.show_history)
        for problem in services.settings_store.problems:
            self.statusBar().showMessage(problem, 15000)
        restore_geometry(self, self.services.window_state_file, "geometry", QSize(1000, 640))
        self._summary_scheduled = False

    # ----------------------------------------------------------------- collaborators

    @property
    def library(self) -> Library:
        """The routines, read and checked on first use: the home screen paints first and
        shows their names a moment later (the protocol modules are 30 ms of imports)."""
        if self._library is None:
            self._library = self.services.load_library()
            self._report_library()
        return self._library

    @property
    def library_page(self) -> LibraryPage:
        """All routines, built when first shown (not needed for the first paint)."""
        if self._library_page is None:
            from soleus_coach.gui.library.routines_page import LibraryPage

            page = LibraryPage(self.library)
            page.start_requested.connect(self.start_requested)
            page.home_requested.connect(self.go_home)
            page.use_for.connect(self._use_for)
            self.editors.attach(page)
            self.pages.addWidget(page)
            self._library_page = page
        return self._library_page

    @property
    def session(self) -> SessionScreen | None:
        return self.flow.screen

    @property
    def recorder(self) -> SessionRecorder | None:
        return self.flow.recorder

    @property
    def checkin_dialog(self) -> CheckInDialog | None:
        return self.flow.checkin_dialog

    @property
    def safety_dialog(self) -> QDialog | None:
        """The dialog in front: the safety notice, the set-up, or one of the flow's."""
        return self.first_run.dialog or self.flow.dialog

    @property
    def tray(self) -> Tray | None:
        return self.companions.tray

    # ----------------------------------------------------------------- menus

    def _build_menus(self) -> None:
        """The menus, each entry a row of :mod:`~soleus_coach.gui.common.actions` (the runs'
        entries are added by :class:`RunsUi`, New routine by the editor's hub)."""
        def act(action: ActionId, slot: Callable[[], object]) -> QAction:
            made = make_action(self, SPECS[action], slot)
            self.actions_by_id[action] = made
            return made

        self.actions_by_id: dict[ActionId, QAction] = {}
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = act(ActionId.IMPORT, self.import_protocol)
        for a in (self.import_action, act(ActionId.OPEN_FOLDER, self.open_protocol_folder),
                  act(ActionId.RELOAD, self.reload_library)):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(act(ActionId.QUIT, self.close))
        self.session_menu = bar.addMenu(self.tr("&Session"))
        self.session_menu.setEnabled(False)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.fullscreen_action = act(ActionId.FULLSCREEN, self.toggle_fullscreen)
        self.mute_action = act(ActionId.MUTE, self.toggle_mute)
        self.mute_action.setCheckable(True)
        self.mute_action.setChecked(not self.settings.sound_on)
        self.history_action = act(ActionId.HISTORY, self.show_history)
        for a in (act(ActionId.HOME, self.go_home), act(ActionId.ALL_ROUTINES, self.show_library),
                  self.fullscreen_action, self.mute_action, self.history_action):
            self.view_menu.addAction(a)
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(act(ActionId.SETTINGS, self.edit_settings))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(act(ActionId.SHORTCUTS, self.show_shortcuts))
        self.help_menu.addAction(act(ActionId.SAFETY_NOTICE, self.show_safety_notice))
        self.help_menu.addSeparator()
        self.help_menu.addAction(act(ActionId.ABOUT, self.show_about))

    # ----------------------------------------------------------------- pages

    def _show_page(self, page: QWidget) -> None:
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        page.setFocus()

    def go_home(self) -> None:
        if self.flow.busy:
            return  # a routine is under way: its pages stay
        for i in reversed(range(self.pages.count())):
            page = self.pages.widget(i)
            if page is not None and page not in (self.home, self._library_page):
                self.pages.removeWidget(page)
        self.session_menu.clear()
        self.session_menu.setEnabled(False)
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.pages.setCurrentWidget(self.home)
        self.home.primary_button().setFocus()

    def show_library(self) -> None:
        page = self.library_page
        if self.flow.busy:
            return
        self.pages.setCurrentWidget(page)
        page.view.setFocus()

    def _update_home(self) -> None:
        s = self.settings
        self.home.set_routines(s, self.library.get(s.after_run_routine),
                               self.library.get(s.before_run_routine))

    def _use_for(self, when: Moment, protocol_id: str) -> None:
        self.apply_settings(replace(self.settings, after_run_routine=protocol_id)
                            if when is Moment.AFTER else
                            replace(self.settings, before_run_routine=protocol_id))
        protocol = self.library.get(protocol_id)
        self.statusBar().showMessage(fill_in(
            self.tr("“After a run” now starts %1.") if when is Moment.AFTER else
            self.tr("“Before a run” now starts %1."),
            one_line(protocol.name if protocol else protocol_id)), 8000)

    # ----------------------------------------------------------------- library

    def _report_library(self) -> None:
        broken = len(self.library.broken)
        if broken:
            self.statusBar().showMessage(
                self.tr("%n routine file(s) could not be loaded; select one to see why.", "",
                        broken))

    def select_routine(self, protocol_id: str) -> None:
        if self._library_page is not None:
            self._library_page.select(protocol_id)

    def reload_library(self) -> None:
        self._library = None
        if self._library_page is not None:
            self._library_page.set_library(self.library)
        self._update_home()  # reads it again (and says so when a file is broken)
        self.programme.reload()  # its programmes name routines

    def open_protocol_folder(self) -> None:
        self.routine_files.open_folder()

    def import_protocol(self, path: Path | None = None) -> bool:
        """Check ``path`` (or one chosen in a file dialog) and copy it into the user's
        folder (see :meth:`RoutineFiles.import_file`)."""
        return self.routine_files.import_file(path)

    # ----------------------------------------------------------------- sessions

    def start_session(self, protocol_id: str) -> bool:
        """Start a routine through the flow (check-in, red flags, leg, session, finish).
        False when there is no such routine or one is already under way."""
        protocol = self.library.get(protocol_id)
        if protocol is None:
            self.statusBar().showMessage(
                fill_in(self.tr("No routine with the id %1"), protocol_id), 10000)
            return False
        return self.flow.start(protocol)

    def start_routine(self, protocol_id: str) -> bool:
        """``--start`` from the command line or a second launch; says so when another
        routine is under way."""
        if self.flow.busy:
            self.statusBar().showMessage(
                fill_in(self.tr("A routine is already running; %1 was not started."),
                        protocol_id), 10000)
            return False
        if self.library.get(protocol_id) is None:
            self.reload_library()  # a file added a moment ago, before the watcher said so
        return self.start_session(protocol_id)

    def _watch_library(self) -> None:
        """Reload by itself when the user's protocol folder changes (after the first
        paint: nothing the window needs to show first)."""
        from soleus_coach.gui.library.folder_watch import LibraryWatcher

        self.library_watcher = LibraryWatcher(self.services.user_protocols_dir, self)
        self.library_watcher.changed.connect(self.reload_library)

    def _on_session_started(self, screen: SessionScreen) -> None:
        screen.compact_requested.connect(self.companions.toggle_compact)
        self.session_menu.clear()
        for act in screen.session_actions.values():
            self.session_menu.addAction(act)
        self.session_menu.setEnabled(True)
        protocol = self.flow.protocol
        if protocol is not None:
            self.setWindowTitle(fill_in(self.tr("%1 — Soleus Coach"), one_line(protocol.name)))

    def _on_flow_state(self, state: FlowState) -> None:
        if state is FlowState.FINISHED:  # its keys are the finish page's now (Alt+S: Swelling)
            self.session_menu.setEnabled(False)
            if self.flow.recorder is not None:  # the programme asks about it afterwards
                self.programme.session_finished(self.flow.recorder.record)
        elif state is FlowState.IDLE and self._summary_scheduled:
            self.reminders.check()  # one may have come due during the routine: not now, though
            self.programme.ask()

    # ----------------------------------------------------------------- tray, compact, reminders

    def _pause_from_outside(self) -> None:
        if self.session is not None:
            self.session.controller.toggle_pause()

    def _stop_from_outside(self) -> None:
        """Stop from the tray or the compact timer: the full window, then its question."""
        self.companions.show_full()
        if self.session is not None:
            self.session.request_stop()

    def _start_moment(self, moment: Moment) -> None:
        self.companions.show_full()
        self.home.start(moment)

    def _routine_names(self) -> tuple[str | None, str | None]:
        s = self.settings
        after, before = (self.library.get(s.after_run_routine),
                         self.library.get(s.before_run_routine))
        return (after.name if after else None), (before.name if before else None)

    def _practised_today(self) -> bool:
        now = self.services.now()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        return self.history.count(since=midnight) > 0

    def _remind(self) -> None:
        """The daily reminder: a notification whose click starts the routine of the
        moment; with no tray, the window comes forward and says so."""
        moment = self.home.primary
        names = self._routine_names()
        name = names[0] if moment is Moment.AFTER else names[1]
        title = self.tr("Time for your calf routine")
        text = fill_in(self.tr("%1: %2. Click here to start it."),
                       self.tr("After a run") if moment is Moment.AFTER else
                       self.tr("Before a run"), name or "—")
        action = ActionId.START_AFTER if moment is Moment.AFTER else ActionId.START_BEFORE
        programme = self.programme.reminder_text()  # a programme's: what is due next
        if programme is not None:
            (title, text), action = programme, ActionId.SHOW
            self.programme.ask()  # the morning check, if it is due
        self.companions.alert(title, text, action)
        if self.companions.tray is None or not self.companions.tray.available:
            self.companions.show_full()
            self.statusBar().showMessage(
                title + " — " + self.tr("press Enter to start it."), 0)
            QApplication.alert(self, 0)

    def _remember_leg(self, leg: Leg) -> None:
        self.apply_settings(replace(self.settings, injured_leg=leg))

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
        said = [n.text for n in store.notices  # (values not ours: sessions or runs left out)
                if n.kind in (NoticeKind.RECOVERED, NoticeKind.UNREADABLE_ROWS)]
        if said:
            self.statusBar().showMessage(" ".join(said), 30000)
        if serious:
            box = message_box(self, QMessageBox.Icon.Warning, self.tr("History"),
                              "\n\n".join(n.text for n in serious))
            box.setObjectName("historyNotice")
            box.open()

    def refresh_summary(self) -> None:
        store = self.history
        last = store.sessions(limit=1)
        from soleus_coach.history.glance import glance  # (the history is read after paint)
        today = self.services.today()
        self.home.show_summary(store.summary(today), last[0] if last else None,
                               glance(store, today), persistent=store.persistent,
                               now=self.services.now(), last_checkin=store.last_checkin())
        if self.history_window is not None:
            self.history_window.reload()
        QTimer.singleShot(0, self.programme.ask)  # its card and questions: right after this
        self.summary_shown.emit()

    def show_history(self) -> HistoryWindow:
        if self.history_window is None:
            from soleus_coach.gui.history.window import HistoryWindow

            self.history_window = HistoryWindow(self.history, today=self.services.today,
                                                parent=self)
        self.history_window.show()
        self.history_window.raise_()
        self.history_window.activateWindow()
        return self.history_window

    # ----------------------------------------------------------------- sound

    def _on_sound_status(self, status: PlayerStatus) -> None:
        if status.state is PlayerState.UNAVAILABLE and not self._sound_reported:
            self._sound_reported = True  # said once, and kept at the side of the status bar
            self.sound_label.setText(status.message)
            self.sound_label.setToolTip(status.message)
            self.sound_label.show()

    def toggle_mute(self) -> None:
        self.apply_settings(replace(self.settings, sound_on=not self.settings.sound_on))
        self.statusBar().showMessage(self.tr("Sound cues on") if self.settings.sound_on else
                                     self.tr("Sound cues off: the countdown flashes instead "
                                             "(M turns them on)"), 5000)

    def test_sound(self, settings: Settings) -> None:
        """Play a cue as ``settings`` would (the settings dialog's "Test sound")."""
        if not self.sound.test(settings):
            self.statusBar().showMessage(self.sound.status.message or
                                         self.tr("Sound is still starting; try again."), 8000)

    # ----------------------------------------------------------------- settings

    def edit_settings(self) -> None:
        from soleus_coach.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, on_test_sound=self.test_sound,
                                sound=self.sound)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.value()))
        dialog.open()

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
        self._update_home()
        self._sync_desktop(settings)
        self.settings_changed.emit(settings)

    def _sync_desktop(self, settings: Settings) -> None:
        """The autostart file follows its setting; reminders and the tray are looked at."""
        from soleus_coach import desktop

        if self._summary_scheduled:
            self.reminders.check()
            self.companions.sync()
        try:
            if desktop.autostart_enabled() != settings.autostart:
                desktop.set_autostart(settings.autostart)
        except OSError as exc:
            self.statusBar().showMessage(fill_in(
                self.tr("The start with your desktop session could not be set (%1)."),
                exc.strerror or exc), 15000)

    # ----------------------------------------------------------------- help

    def show_safety_notice(self) -> None:
        """Help → Safety notice (on the first start the flow shows it: :meth:`welcome`)."""
        self.first_run.show_notice()

    def _first_run_done(self, _read: bool) -> None:
        if not self.flow.busy:
            self.activateWindow()
            self.home.primary_button().setFocus()

    def show_about(self) -> None:
        from soleus_coach.gui.about_dialog import AboutDialog

        dialog = AboutDialog(self.services.data_dir, self.services.data_dir / "logs", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from soleus_coach.gui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ----------------------------------------------------------------- window

    def handle_request(self, request: dict[str, str]) -> None:
        """A second launch asked for the window (and maybe a routine): come forward."""
        bring_forward(self)
        log.info("brought forward by a second launch: %s", request)
        routine = request.get("id", "")
        if request.get("action") == "start" and routine:
            self.start_routine(routine)

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._summary_scheduled:
            self._after_first_paint()

    def _after_first_paint(self) -> None:
        """The routines, the history and the reminder's first look come after the home
        screen has painted (or at once when started hidden in the tray)."""
        self._summary_scheduled = True
        QTimer.singleShot(0, self._update_home)  # the routines' names, then the history
        QTimer.singleShot(0, self.refresh_summary)
        QTimer.singleShot(0, self._watch_library)
        QTimer.singleShot(0, self.reminders.check)
        QTimer.singleShot(0, self.companions.sync)
        QTimer.singleShot(0, self.flow.welcome)  # the first start's questions, if due
        QTimer.singleShot(0, self.editors.reopen_kept_drafts)

    def start_hidden(self) -> None:
        """Started with the desktop session: in the tray if there is one, else minimised."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            self._after_first_paint()
        else:
            self.showMinimized()

    def terminate(self) -> None:
        """Told to quit from outside (log-out, ``kill``, Ctrl+C in a terminal): quit whatever
        is open. A running routine is recorded as stopped; an editor's unsaved changes are
        kept as a draft to open again at the next start (no question can be answered now)."""
        self.terminating = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flow.stop_now()  # a running routine is recorded as stopped, with what was done
        self.companions.close()
        self.sound.close()
        save_geometry(self, self.services.window_state_file, "geometry")
        super().closeEvent(event)
        self.closed.emit()
