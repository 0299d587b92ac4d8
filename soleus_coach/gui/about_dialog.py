"""Help → About: version, licence, where your data is (with a button to open it), credits."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import __version__
from soleus_coach.gui.common.windows import fit_to_screen
from soleus_coach.texts import fill_in


def _label(text: str, name: str = "", selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # paths can hold anything
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Soleus Coach"))
        icon = QLabel()
        icon.setPixmap(QApplication.windowIcon().pixmap(96, 96))
        title = _label(fill_in(self.tr("Soleus Coach %1"), __version__), "aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        head = QVBoxLayout()
        head.addWidget(title)
        head.addWidget(_label(self.tr(
            "Guided calf (soleus) stretching and icing routines for runners. It cannot "
            "diagnose anything: see a doctor about a swollen, bruised or very painful calf.")))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(head, 1)

        self.folder_label = _label(str(data_dir), "dataFolder", selectable=True)
        open_button = QPushButton(self.tr("&Open data folder"))
        open_button.setObjectName("openDataFolder")
        open_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_button)

        credits = "\n".join([
            self.tr("Licence: MIT. Copyright © 2026 Soleus Coach developers."),
            self.tr("Sounds: tones synthesised by tools/make_sounds.py; spoken prompts "
                    "rendered with eSpeak NG (GPL-3.0; the audio is not covered by it). "
                    "Both CC0 1.0."),
            self.tr("Illustrations and icon: drawn for Soleus Coach, CC0 1.0."),
            fill_in(self.tr("Built with Qt %1 and PySide6 %2 (LGPL-3.0), playsound3 and "
                            "platformdirs (MIT), on Python %3."),
                    qVersion(), pyside_version, platform.python_version()),
        ])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(_label(self.tr("Your routines, history, settings and log are in:")))
        layout.addLayout(folder_row)
        layout.addWidget(_label(fill_in(self.tr("Log files: %1"), log_dir),
                                "logFolder", selectable=True))
        layout.addSpacing(8)
        layout.addWidget(_label(credits, "credits"))
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(560, self.sizeHint().height()))

    def open_data_folder(self) -> bool:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
