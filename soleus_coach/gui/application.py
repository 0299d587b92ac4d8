"""Builds the QApplication and the main window. Imported only when the GUI starts."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from soleus_coach import paths
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.protocol import load_library


def run_gui(start_id: str | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Soleus Coach")
    app.setApplicationDisplayName("Soleus Coach")
    app.setDesktopFileName("soleus-coach")
    app.setStyle("Fusion")
    library = load_library(paths.bundled_protocols_dir(), paths.user_protocols_dir(),
                           paths.assets_dir())
    window = MainWindow(library)
    window.show()
    if start_id:
        window.library_page.select(start_id)
    return app.exec()
