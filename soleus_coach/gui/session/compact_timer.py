"""The compact timer: a small frameless window that stays on top of the others while you ice,
with the step, the side, the countdown, pause and stop. Drag it anywhere; it remembers its
place. C, Enter or a double-click return to the full window.

It keeps no time: it shows the session's :class:`SessionStatus` snapshots, the same ones
the tray shows, made from the controller the full window also follows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent, QMoveEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.actions import SPECS, ActionId, bind_button
from soleus_coach.gui.common.plain import ElidedLabel
from soleus_coach.gui.common.theme import PHASE_COLOURS
from soleus_coach.gui.common.windows import window_state
from soleus_coach.texts import fill_in

if TYPE_CHECKING:
    from soleus_coach.gui.session.flow import SessionStatus

#: Where its place is kept, in the window state file (window.ini).
POS_KEY = "compact/pos"


class CompactTimer(QWidget):
    full_requested = Signal()  # C, Enter, double-click, or its ⤢ button
    action = Signal(object)  # ActionId.PAUSE or ActionId.STOP

    def __init__(self, state_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("compactTimer")
        self.setWindowTitle(self.tr("Soleus Coach timer"))
        self.setAccessibleName(self.tr("Compact timer"))
        self.state_file = state_file
        self._drag_from: QPoint | None = None
        self.frame = QFrame()
        self.frame.setObjectName("compactFrame")
        self.step = ElidedLabel()
        self.step.setObjectName("compactStep")
        self.side = QLabel()
        self.side.setObjectName("compactSide")
        self.side.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel("0:00")
        self.countdown.setObjectName("compactCountdown")
        self.countdown.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown.setAccessibleName(fill_in(self.tr("Time remaining: %1"), "0:00"))
        font = QFont(self.countdown.font())
        font.setBold(True)
        font.setPixelSize(40)
        font.setFeature(QFont.Tag("tnum"), 1)  # as the full window's: digits that stay put
        self.countdown.setFont(font)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("compactPause")
        bind_button(self.pause_button, SPECS[ActionId.PAUSE])
        self.pause_button.clicked.connect(lambda: self.action.emit(ActionId.PAUSE))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("compactStop")
        bind_button(self.stop_button, SPECS[ActionId.STOP])
        self.stop_button.clicked.connect(lambda: self.action.emit(ActionId.STOP))
        self.full_button = QPushButton(self.tr("⤢"))
        self.full_button.setObjectName("compactFull")
        bind_button(self.full_button, SPECS[ActionId.COMPACT])
        self.full_button.clicked.connect(self.full_requested)
        for b in (self.pause_button, self.stop_button, self.full_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches them; Enter presses one
            b.installEventFilter(self)  # Space still pauses, Esc still stops (as in the window)
        head = QHBoxLayout()
        head.addWidget(self.step, 1)
        head.addWidget(self.full_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.stop_button)
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(10, 6, 10, 8)
        inner.setSpacing(2)
        inner.addLayout(head)
        inner.addWidget(self.side)
        inner.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        self.setFixedWidth(240)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._phase = ""
        self.restore_place()

    # ----------------------------------------------------------------- what it shows

    def show_status(self, status: SessionStatus) -> None:
        self.step.setText(status.step)
        self.side.setText(status.side)
        self.side.setVisible(bool(status.side))
        if status.clock != self.countdown.text():
            self.countdown.setText(status.clock)  # its value in its name, as a reader hears
            self.countdown.setAccessibleName(fill_in(self.tr("Time remaining: %1"),
                                                     status.clock))
        self.pause_button.setText(self.tr("Resume") if status.paused else self.tr("Pause"))
        phase = "paused" if status.paused else status.phase
        if phase != self._phase:  # the band's colours (white or near-black on them: ≥ 4.9:1)
            self._phase = phase
            bg, fg = PHASE_COLOURS.get(phase, PHASE_COLOURS["paused"])
            self.frame.setStyleSheet(f"#compactFrame {{ background: {bg}; "
                                     f"border: 1px solid #000; border-radius: 6px; }}"
                                     f"#compactFrame QLabel {{ color: {fg}; }}")

    # ----------------------------------------------------------------- its place

    def _store(self) -> QSettings:
        return window_state(self.state_file)

    def restore_place(self) -> None:
        """Where it was last time, if that is still on a screen; else the top right corner."""
        pos = self._store().value(POS_KEY)
        screen = QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if isinstance(pos, QPoint) and (area is None or area.contains(pos)):
            self.move(pos)
        elif area is not None:
            self.move(area.right() - self.width() - 24, area.top() + 24)

    def save_place(self) -> None:
        store = self._store()
        store.setValue(POS_KEY, self.pos())
        store.sync()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if self.isVisible():
            self.save_place()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_place()
        event.ignore()  # closing it (Alt+F4) means "back to the full window"
        self.full_requested.emit()

    # ----------------------------------------------------------------- mouse and keys

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.pos()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag_from)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.full_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                isinstance(watched, QPushButton):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                watched.click()
                return True
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Escape, Qt.Key.Key_C):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_C, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.full_requested.emit()
        elif key == Qt.Key.Key_Space:
            self.action.emit(ActionId.PAUSE)
        elif key == Qt.Key.Key_Escape:
            self.action.emit(ActionId.STOP)
        else:
            super().keyPressEvent(event)
