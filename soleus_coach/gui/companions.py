"""The window's companions: the tray icon and the compact timer. Both are views of the
session flow (its :class:`SessionStatus` snapshots) with no timing of their own; what they
trigger goes back as :class:`ActionId` to handlers the window gives.

The tray is there while a routine runs, and all the time when reminders or the start with
the desktop session are on (it is how a hidden window comes back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from soleus_coach.gui.common.actions import ActionId
from soleus_coach.gui.common.windows import bring_forward
from soleus_coach.gui.session.flow import FlowState, SessionFlow, SessionStatus
from soleus_coach.gui.tray import Tray, menu_entries, tooltip_text

if TYPE_CHECKING:
    from soleus_coach.gui.session.compact_timer import CompactTimer


class Companions(QObject):
    def __init__(self, window: QWidget, flow: SessionFlow, state_file: Path,
                 handlers: Mapping[ActionId, Callable[[], object]],
                 routine_names: Callable[[], tuple[str | None, str | None]],
                 persistent: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window, self.flow, self.state_file = window, flow, state_file
        self.handlers = handlers
        self._names, self._persistent = routine_names, persistent
        self.tray: Tray | None = None
        self.compact: CompactTimer | None = None
        flow.status_changed.connect(self._on_status)
        flow.state_changed.connect(self._on_state)
        flow.alert.connect(self.alert)

    # ----------------------------------------------------------------- the tray

    def sync(self) -> None:
        """Tray there or not, and its menu and tooltip up to date."""
        wanted = self.flow.busy or self._persistent()
        if wanted and self.tray is None:
            self.tray = Tray(self.window, self.window.windowIcon())
            self.tray.triggered.connect(self.trigger)
        elif not wanted and self.tray is not None:
            self.tray.close()
            self.tray.deleteLater()
            self.tray = None
        if self.tray is not None:
            status = self.flow.status
            after, before = self._names()
            self.tray.show_status(tooltip_text(status))
            self.tray.set_menu(menu_entries(status, compact_shown=self.compact_shown,
                                            after=after, before=before))

    def trigger(self, action: ActionId) -> None:
        handler = self.handlers.get(action)
        if handler is not None:
            handler()

    def alert(self, title: str, message: str, action: ActionId | None = None) -> None:
        """Tell the runner now: by the tray if there is one, and the window comes forward
        (from the compact timer too) unless the message offers an action of its own."""
        if action is None and self.compact_shown:
            self.show_full()
        if self.tray is not None:
            self.tray.alert(title, message, action)
        elif action is None:
            bring_forward(self.window)

    # ----------------------------------------------------------------- the compact timer

    @property
    def compact_shown(self) -> bool:
        return self.compact is not None and self.compact.isVisible()

    def toggle_compact(self) -> None:
        if self.compact_shown:
            self.show_full()
        elif self.flow.state in (FlowState.STARTING, FlowState.RUNNING):
            self.show_compact()

    def show_compact(self) -> None:
        from soleus_coach.gui.session.compact_timer import CompactTimer

        if self.compact is None:
            self.compact = CompactTimer(self.state_file)
            self.compact.full_requested.connect(self.show_full)
            self.compact.action.connect(self.trigger)
        if self.flow.status is not None:
            self.compact.show_status(self.flow.status)
        self.compact.restore_place()
        self.compact.show()
        self.compact.raise_()
        self.compact.activateWindow()
        self.window.hide()
        self.sync()

    def show_full(self) -> None:
        if self.compact is not None and self.compact.isVisible():
            self.compact.save_place()
            self.compact.hide()
        bring_forward(self.window)
        self.sync()

    # ----------------------------------------------------------------- the flow

    def _on_status(self, status: SessionStatus | None) -> None:
        if status is not None and self.compact is not None and self.compact.isVisible():
            self.compact.show_status(status)
        if status is None and self.compact_shown:
            self.show_full()  # the routine is over: the finish page is the window's
        self.sync()

    def _on_state(self, _state: FlowState) -> None:
        self.sync()

    def close(self) -> None:
        if self.compact is not None:
            self.compact.save_place()
            self.compact.deleteLater()
            self.compact = None
        if self.tray is not None:
            self.tray.close()
            self.tray = None
