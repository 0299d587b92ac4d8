"""One question at a time: the programme's questions wait their turn.

The queue never opens a question over another dialog (the first-run notice, the set-up, a
routine's own questions, a message box): it waits, and asks again when that one closes or
the window says the way is clear (:meth:`QuestionQueue.ask`). The questions themselves
(:mod:`.questions`) are built only when one is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class QuestionQueue(QObject):
    """Shows the programme's questions one at a time, never over another dialog.

    ``blocked`` says whether the window is busy with something of its own (a routine, the
    first run); any other modal dialog open blocks too, and its closing asks again."""

    asked = Signal(object)  # the dialog, when one opens

    def __init__(self, window: QWidget, blocked: Callable[[], bool],
                 next_question: Callable[[], QDialog | None],
                 answered: Callable[[QDialog], None]) -> None:
        super().__init__(window)
        self.window = window
        self._blocked = blocked
        self._next = next_question
        self._answered = answered
        self.dialog: QDialog | None = None
        self._waiting_on: set[int] = set()  # dialogs whose closing asks again

    def _other_dialog(self) -> QDialog | None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal is not self.dialog:
            return modal
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.dialog:
                return widget
        return None

    def ask(self) -> bool:
        """Open the next question if nothing else is in the way; True when one opened."""
        if self.dialog is not None or self._blocked():
            return False
        other = self._other_dialog()
        if other is not None:
            if id(other) not in self._waiting_on:
                self._waiting_on.add(id(other))
                other.finished.connect(lambda *_: self._later(id(other)))
            return False
        dialog = self._next()
        if dialog is None:
            return False
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._done(dialog))
        dialog.open()
        self.asked.emit(dialog)
        return True

    def _later(self, key: int) -> None:
        self._waiting_on.discard(key)
        QTimer.singleShot(0, self.ask)  # once the other dialog is gone for good

    def _done(self, dialog: QDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        self._answered(dialog)
        self.window.activateWindow()
        self.ask()  # the next one, if any
