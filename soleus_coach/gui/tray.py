"""The tray icon while a session runs: remaining time in its tooltip, and the "ice off"
alert. Optional: many desktops have no tray (GNOME without an extension, bare X), so the
alert also raises the window and asks the desktop for attention."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from soleus_coach.gui.plain import notification, tooltip


class SessionTray:
    def __init__(self, window: QWidget, icon: QIcon) -> None:
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        #: What the tray shows and said last, as given to it (tests read these).
        self.tooltip = ""
        self.last_alert: tuple[str, str] = ("", "")
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, window)
            self.tray.activated.connect(lambda _reason: self.bring_forward())
            self.tray.show()

    @property
    def available(self) -> bool:
        return self.tray is not None

    def show_remaining(self, text: str) -> None:
        """``text`` may hold a step name from a protocol: Qt's own tray tooltip guesses
        rich text, so it goes as escaped rich text of our making (:func:`plain.tooltip`)."""
        self.tooltip = tooltip(text)
        if self.tray is not None:
            self.tray.setToolTip(self.tooltip)

    def alert(self, title: str, message: str) -> None:
        """Tell the user now, even if the window is minimised or behind others."""
        # The body of a desktop notification may be rendered as markup: escaped.
        self.last_alert = (title, notification(message))
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(*self.last_alert, QSystemTrayIcon.MessageIcon.Information,
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
