"""The main window: the library of routines, menus, and the session page stacked on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from soleus_coach.cues import Cue
from soleus_coach.gui.library_page import LibraryPage
from soleus_coach.gui.session_page import format_clock
from soleus_coach.gui.session_screen import SessionScreen
from soleus_coach.gui.settings_dialog import SettingsDialog
from soleus_coach.gui.theme import apply_theme
from soleus_coach.gui.tray import SessionTray
from soleus_coach.protocol import Library, ProtocolInvalid
from soleus_coach.protocol.library import ensure_user_folder, import_file
from soleus_coach.session.clock import Clock, clock_from_env
from soleus_coach.session.engine import CueDue
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Settings, SettingsStore


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


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                details: str = "") -> QMessageBox:
    """A parented, plain-text message box (file contents are never rendered as HTML)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
        box.setInformativeText(details.splitlines()[0] if len(details) < 300 else "")
    return box


class MainWindow(QMainWindow):
    start_requested = Signal(str)
    settings_changed = Signal(object)  # Settings

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings_store.load()
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.library = services.load_library()
        self.library_page = LibraryPage(self.library)
        self.library_page.start_requested.connect(self.start_requested)
        self.start_requested.connect(self.start_session)
        self.session: SessionScreen | None = None
        self.tray: SessionTray | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.library_page)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self._report_library()
        for problem in services.settings_store.problems:
            self.statusBar().showMessage(problem, 15000)
        self.resize(1000, 640)
        self._restore_geometry()

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
        t = self.tr
        bar = self.menuBar()
        file_menu = bar.addMenu(t("&File"))
        self.import_action = self._action(t("&Import protocol…"), self.import_protocol,
                                          QKeySequence.StandardKey.Open,
                                          t("Check a protocol file and add it to your routines"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self._action(t("Open protocol &folder"), self.open_protocol_folder,
                                         tip=t("Open the folder that holds your own routines")))
        file_menu.addAction(self._action(t("&Reload routines"), self.reload_library, "F5"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(t("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        self.session_menu = bar.addMenu(t("&Session"))
        self.session_menu.setEnabled(False)
        self.view_menu = bar.addMenu(t("&View"))
        self.fullscreen_action = self._action(t("&Full screen"), self.toggle_fullscreen, "F11")
        self.view_menu.addAction(self.fullscreen_action)
        tools = bar.addMenu(t("&Tools"))
        tools.addAction(self._action(t("&Settings…"), self.edit_settings,
                                     QKeySequence.StandardKey.Preferences))
        self.help_menu = bar.addMenu(t("&Help"))
        self.help_menu.addAction(self._action(t("&Keyboard shortcuts"), self.show_shortcuts,
                                              QKeySequence.StandardKey.HelpContents))

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
                        f"\n{folder}\n{exc.strerror}").exec()
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("Your protocols are in %1").replace(
                "%1", str(folder)))

    def import_protocol(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import protocol"), "",
                                                  self.tr("Protocols (*.json)"))
            if not name:
                return False
            path = Path(name)
        try:
            try:
                target = import_file(path, self.services.user_protocols_dir,
                                     self.services.assets_dir)
            except FileExistsError as exc:
                answer = QMessageBox.question(
                    self, self.tr("Replace protocol?"),
                    self.tr("You already have a file named %1. Replace it?").replace(
                        "%1", Path(str(exc)).name))
                if answer != QMessageBox.StandardButton.Yes:
                    return False
                target = import_file(path, self.services.user_protocols_dir,
                                     self.services.assets_dir, replace=True)
        except ProtocolInvalid as exc:
            box = message_box(self, QMessageBox.Icon.Warning, self.tr("Not imported"),
                              self.tr("%1 has problems; nothing was copied.").replace(
                                  "%1", path.name), "\n".join(str(e) for e in exc.errors))
            box.setObjectName("importErrors")
            box.open()
            return False
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        f"{path.name}: {exc.strerror or exc}").open()
            return False
        self.reload_library()
        self.statusBar().showMessage(self.tr("Imported %1").replace("%1", target.name), 10000)
        return True

    # ----------------------------------------------------------------- sessions

    def start_session(self, protocol_id: str) -> bool:
        protocol = self.library.get(protocol_id)
        if protocol is None:
            self.statusBar().showMessage(
                self.tr("No routine with the id %1").replace("%1", protocol_id), 10000)
            return False
        if self.session is not None:
            return False
        clock, speed = self.services.clock()
        screen = SessionScreen(build_plan(protocol, self.settings), clock, speed=speed)
        screen.closed.connect(self.close_session)
        screen.cue.connect(self._on_cue)
        screen.controller.remaining_changed.connect(self._on_remaining)
        self.session = screen
        self.tray = SessionTray(self, self.windowIcon())
        self.session_menu.clear()
        for act in screen.actions_by_name.values():
            self.session_menu.addAction(act)
        self.session_menu.setEnabled(True)
        self.pages.addWidget(screen)
        self.pages.setCurrentWidget(screen)
        self.setWindowTitle(f"{protocol.name} — {self.tr('Soleus Coach')}")
        screen.start()
        return True

    def _on_cue(self, event: CueDue) -> None:
        if event.cue is Cue.ICE_OFF and self.tray is not None:
            self.tray.alert(self.tr("Ice off"),
                            self.tr("Time to take the ice off your calf."))

    def _on_remaining(self, segment_s: float, total_s: float, _fraction: float) -> None:
        if self.tray is not None and self.session is not None:
            self.tray.show_remaining(f"{self.session.controller.engine.segment.label}: "
                                     f"{format_clock(segment_s)}")

    def close_session(self) -> None:
        screen = self.session
        if screen is None:
            return
        self.session = None
        if self.tray is not None:
            self.tray.close()
            self.tray = None
        self.session_menu.clear()
        self.session_menu.setEnabled(False)
        self.pages.setCurrentWidget(self.library_page)
        self.pages.removeWidget(screen)
        screen.deleteLater()
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.library_page.view.setFocus()

    # ----------------------------------------------------------------- settings

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.value())

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        try:
            self.services.settings_store.save(settings)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Settings could not be saved (%1); they apply until you quit.").replace(
                    "%1", exc.strerror or str(exc)))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.settings_changed.emit(settings)

    # ----------------------------------------------------------------- help

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

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _window_settings(self) -> QSettings:
        return QSettings(str(self.services.window_state_file), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_settings().value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        store = self._window_settings()
        store.setValue("geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)
