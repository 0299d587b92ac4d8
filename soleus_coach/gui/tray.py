"""The tray icon while a session runs: remaining time in its tooltip, and the "ice off"
alert. Optional: many desktops have no tray (GNOME without an extension, bare X), so the
alert also raises the window and asks the desktop for attention."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget


class SessionTray:
    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, window)
            self.tray.activated.connect(lambda _reason: self.bring_forward())
            self.tray.show()

    @property
    def available(self) -> bool:
        return self.tray is not None

    def show_remaining(self, text: str) -> None:
        if self.tray is not None:
            self.tray.setToolTip(text)

    def alert(self, title: str, message: str) -> None:
        """Tell the user now, even if the window is minimised or behind others."""
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information,
                                  15000)
        self.bring_forward()
        QApplication.alert(self.window, 0)

    def bring_forward(self) -> None:
        bring_forward(self.window)

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None


def bring_forward(window: QWidget) -> None:
    """Un-minimise, raise and activate ``window`` (the tray's click, the ice-off alert, a
    second launch of the app)."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
