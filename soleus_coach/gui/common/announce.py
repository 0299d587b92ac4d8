"""What a screen reader is told without the focus moving: a new step ("Bent-knee wall
stretch, right leg"), said politely (after what it is saying). Qt posts it to the platform's
accessibility bridge (AT-SPI on Linux); nothing happens when no screen reader listens."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    if text:
        _post(widget, text)


def _post(widget: QWidget, text: str) -> None:
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
