"""The tray icon: the time in its tooltip, a menu (pause/resume, stop, compact or full window,
show; at rest: start a routine, quit), the "ice off" alert and the daily reminder.

What it shows is computed by :func:`menu_entries` and :func:`tooltip_text` from the session's
status, so tests read the model whether or not the desktop has a tray. The tray is optional:
many desktops have none (GNOME without an extension, bare X), so an alert also raises the
window and asks the desktop for attention.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.common.plain import notification, tooltip
from soleus_coach.gui.common.windows import bring_forward
from soleus_coach.texts import fill_in

if TYPE_CHECKING:
    from soleus_coach.gui.session.flow import SessionStatus


@dataclass(frozen=True, slots=True)
class MenuEntry:
    action: ActionId
    text: str
    enabled: bool = True


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate looks for this name
    return source


def _tr(text: str) -> str:
    return QApplication.translate("Tray", text)


# Literal, so that lupdate sees them; translated where shown.
APP_NAME = QT_TRANSLATE_NOOP("Tray", "Soleus Coach")
PAUSED = QT_TRANSLATE_NOOP("Tray", "paused")
PAUSE = QT_TRANSLATE_NOOP("Tray", "Pause")
RESUME = QT_TRANSLATE_NOOP("Tray", "Resume")
STOP = QT_TRANSLATE_NOOP("Tray", "Stop the routine…")
FULL = QT_TRANSLATE_NOOP("Tray", "Full window")
COMPACT = QT_TRANSLATE_NOOP("Tray", "Compact timer")
SHOW = QT_TRANSLATE_NOOP("Tray", "Show Soleus Coach")
AFTER = QT_TRANSLATE_NOOP("Tray", "After a run: %1")
BEFORE = QT_TRANSLATE_NOOP("Tray", "Before a run: %1")
QUIT = QT_TRANSLATE_NOOP("Tray", "Quit")


def tooltip_text(status: SessionStatus | None) -> str:
    """The tooltip's words (plain; :class:`Tray` escapes them): the step and its time."""
    if status is None:
        return _tr(APP_NAME)
    text = f"{status.step}: {status.clock}"
    if status.side:
        text += f" · {status.side}"
    if status.paused:
        text += " · " + _tr(PAUSED)
    return text


def menu_entries(status: SessionStatus | None, *, compact_shown: bool,
                 after: str | None, before: str | None) -> list[MenuEntry]:
    """The tray menu: a session's controls while one runs, else the two routines of the home
    screen (``after``/``before`` are their names, None when not found) and Quit."""
    if status is not None:
        return [
            MenuEntry(ActionId.PAUSE, _tr(RESUME) if status.paused else _tr(PAUSE)),
            MenuEntry(ActionId.STOP, _tr(STOP)),
            MenuEntry(ActionId.COMPACT,
                      _tr(FULL) if compact_shown else _tr(COMPACT)),
            MenuEntry(ActionId.SHOW, _tr(SHOW)),
        ]
    return [
        MenuEntry(ActionId.SHOW, _tr(SHOW)),
        MenuEntry(ActionId.START_AFTER, fill_in(_tr(AFTER), after or "—"),
                  after is not None),
        MenuEntry(ActionId.START_BEFORE, fill_in(_tr(BEFORE), before or "—"),
                  before is not None),
        MenuEntry(ActionId.QUIT, _tr(QUIT)),
    ]


class Tray(QObject):
    """The icon, its menu and its messages. ``triggered`` carries the chosen :class:`ActionId`
    (from the menu, or from clicking a message that offered one)."""

    triggered = Signal(object)  # ActionId

    def __init__(self, window: QWidget, icon: QIcon) -> None:
        super().__init__(window)
        self.window = window
        self.icon: QSystemTrayIcon | None = None
        #: What the tray shows and said last, as given to it (tests read these).
        self.tooltip = ""
        self.entries: list[MenuEntry] = []
        self.last_alert: tuple[str, str] = ("", "")
        self.alert_action: ActionId | None = None
        #: The menu, made whether or not the desktop has a tray to show it in (the same
        #: menu a person would click; tests click it).
        self.menu: QMenu | None = QMenu()
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._message_clicked)
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def show_status(self, text: str) -> None:
        """``text`` may hold a step name from a protocol: Qt's own tray tooltip guesses
        rich text, so it goes as escaped rich text of our making (:func:`plain.tooltip`)."""
        self.tooltip = tooltip(text)
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip)

    def set_menu(self, entries: list[MenuEntry]) -> None:
        """Rebuild the menu only when it changes (the status changes every second)."""
        if entries == self.entries:
            return
        self.entries = entries
        if self.menu is not None:
            fill_menu(self.menu, entries, self.triggered.emit)

    def alert(self, title: str, message: str, action: ActionId | None = None) -> None:
        """Tell the user now, even if the window is minimised or behind others. A message
        with an ``action`` does it when clicked (the reminder's Start)."""
        # The body of a desktop notification may be rendered as markup: escaped.
        self.last_alert = (title, notification(message))
        self.alert_action = action
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(*self.last_alert, QSystemTrayIcon.MessageIcon.Information,
                                  15000)
        if action is None:
            bring_forward(self.window)
            QApplication.alert(self.window, 0)

    def _message_clicked(self) -> None:
        if self.alert_action is not None:
            self.triggered.emit(self.alert_action)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Context:
            return  # the menu opens by itself
        self.triggered.emit(ActionId.SHOW)

    def close(self) -> None:
        if self.icon is not None:
            self.icon.hide()
            self.icon.deleteLater()
            self.icon = None
        if self.menu is not None:
            self.menu.deleteLater()
            self.menu = None


def fill_menu(menu: QMenu, entries: list[MenuEntry],
              chosen: Callable[[ActionId], object]) -> None:
    """``menu`` made to hold ``entries``; choosing one calls ``chosen`` with its action."""
    menu.clear()
    for entry in entries:
        # Routine names are untrusted, but a menu item shows plain text (no markup);
        # "&" would be a mnemonic: doubled.
        act = menu.addAction(entry.text.replace("&", "&&"))
        act.setEnabled(entry.enabled)
        act.triggered.connect(lambda _c=False, a=entry.action: chosen(a))
