"""Builds the QApplication and the main window. Imported only when the GUI starts."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from soleus_coach import paths, texts
from soleus_coach.gui.common import errors, i18n
from soleus_coach.gui.common.services import Services
from soleus_coach.gui.common.signals import SignalCloser
from soleus_coach.gui.common.theme import apply_theme
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.single_instance import LOCK_NAME, SingleInstance
from soleus_coach.logs import setup_logging
from soleus_coach.settings import SettingsStore

if TYPE_CHECKING:
    from soleus_coach.protocol import Library


def default_services() -> Services:
    def library() -> Library:  # in the language of the window, where a routine has it
        from soleus_coach.protocol import load_library  # after the first paint

        return load_library(paths.bundled_protocols_dir(), paths.user_protocols_dir(),
                            paths.assets_dir(), texts.language())

    return Services(
        load_library=library,
        settings_store=SettingsStore(paths.settings_path()),
        user_protocols_dir=paths.user_protocols_dir(),
        schema_file=paths.bundled_protocols_dir() / "schema" / "protocol.schema.json",
        assets_dir=paths.assets_dir(),
        window_state_file=paths.window_state_path(),
    )


def app_icon() -> QIcon:
    """The icon of the window, the tray and the task switcher, from the PNG sizes (each is
    read only when a size is first drawn)."""
    icon = QIcon()
    for png in sorted((paths.assets_dir() / "icons" / "png").glob("soleus-coach-*.png")):
        size = int(png.stem.rsplit("-", 1)[1])
        icon.addFile(str(png), QSize(size, size))
    return icon


def build_main_window(app: QApplication) -> MainWindow:
    """Everything the first paint needs, and nothing more."""
    app.setApplicationName("Soleus Coach")
    app.setApplicationDisplayName("Soleus Coach")
    app.setDesktopFileName(paths.APP_ID)
    app.setWindowIcon(app_icon())
    services = default_services()
    language = i18n.install(app, services.settings_store.load().language)
    logging.getLogger(__name__).info("language %s (system locale %s)", language,
                                     QLocale.system().name())
    window = MainWindow(services)
    apply_theme(app, window.settings.theme)
    return window


def launch(app: QApplication, start_id: str | None = None, *,
           hidden: bool = False) -> MainWindow:
    """What ``soleus-coach`` does before the event loop: logging, the error hook, the window
    shown, and the routine asked for on the command line started. The start-up benchmark
    measures this same path."""
    setup_logging(paths.log_dir())
    errors.install()
    window = build_main_window(app)
    if hidden:
        window.start_hidden()
    else:
        window.show()
    if start_id:
        window.start_routine(start_id)
    return window


def run_gui(start_id: str | None = None, argv: list[str] | None = None, *,
            hidden: bool = False) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    instance = SingleInstance(paths.data_dir())
    if not instance.acquire():
        if hidden:
            return 0  # started with the desktop session, and already running: nothing to do
        request = {"action": "start", "id": start_id} if start_id else {"action": "raise"}
        if instance.send(request):
            print("Soleus Coach is already running: its window was brought forward.",
                  file=sys.stderr)
            return 0
        print("Soleus Coach is already running but does not answer; close it first "
              f"(the lock is {paths.data_dir() / LOCK_NAME}).", file=sys.stderr)
        return 1
    closer = SignalCloser()  # before --start can start a routine
    window = launch(app, start_id, hidden=hidden)  # referenced until the loop ends
    closer.set_close(window.terminate)  # quits whatever is open (drafts are kept)
    # Closing the window quits, even when it was hidden (the compact timer or the tray shown):
    # Qt quits by itself only when the last *visible* window closes.
    window.closed.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    instance.requested.connect(window.handle_request)
    window.summary_shown.connect(instance.listen)  # after the first paint
    code = app.exec()
    closer.restore()
    instance.release()
    del window
    return code
