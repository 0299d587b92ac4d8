"""The main window: the library of routines; later pages (session, history) stack on it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from soleus_coach.gui.library_page import LibraryPage
from soleus_coach.protocol import Library


class MainWindow(QMainWindow):
    start_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Soleus Coach"))
        self.library_page = LibraryPage(library)
        self.library_page.start_requested.connect(self.start_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.library_page)
        self.setCentralWidget(self.pages)
        broken = len(library.broken)
        if broken:
            self.statusBar().showMessage(
                self.tr("%n protocol file(s) could not be loaded; select one to see why.", "",
                        broken))
        self.resize(1000, 640)
