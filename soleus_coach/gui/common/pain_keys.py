"""The keys of a 0–10 pain row (the check-in before a routine, the programme's questions):
a digit sets the pain, Up/Right/+ and Down/Left/− step it. One mapping for every row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_UP = (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Plus)
_DOWN = (Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Minus)


def pain_from_key(event: QKeyEvent, current: int | None) -> int | None:
    """The pain ``event`` asks for, from ``current`` (a step from nothing chosen gives 0);
    the caller keeps it within 0–10. None when the key is not the row's: Alt+S is a
    mnemonic, not a digit."""
    key = event.key()
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return None
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return key - Qt.Key.Key_0
    if key in _UP:
        return 0 if current is None else current + 1
    if key in _DOWN:
        return 0 if current is None else current - 1
    return None
