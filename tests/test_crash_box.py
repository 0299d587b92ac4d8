"""The crash path for real: an exception raised in a slot (a button's ``clicked``, a timer's
``timeout``) with the app's hook installed (``errors.install()``, as the app does at start),
not the hook called by hand. The user sees a plain-text box over the window they were using,
which does not block the app, and the traceback is in its details and in the log file.

pytest-qt's own capture of exceptions in slots is off for these tests
(``qt_no_exception_capture``): it would take the hook's place.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach.gui.common import errors
from soleus_coach.logs import setup_logging

SHOWN = "Something went wrong. Your history is safe; the details are in the log."
#: Markup in the message: the box must show it as it is, never as rich text.
MESSAGE = "<b>boom</b> & co"


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's hook and log file, as ``gui/application.py`` sets them up; undone after."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = setup_logging(tmp_path / "logs")
    assert path is not None
    errors.install()
    try:
        yield path
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
        root.handlers[:] = handlers
        root.setLevel(level)


def crash_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "crashBox" \
                and widget.isVisible():
            return widget
    return None


def broken() -> None:
    raise RuntimeError(MESSAGE)


def click(qtbot: QtBot, window: QWidget) -> None:
    button = QPushButton("Break it", window)
    window.layout().addWidget(button)
    button.clicked.connect(broken)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def timer(qtbot: QtBot, window: QWidget) -> None:
    QTimer.singleShot(0, broken)


@pytest.mark.qt_no_exception_capture
@pytest.mark.parametrize("raise_in", [click, timer], ids=["button", "timer"])
def test_an_error_in_a_slot_shows_a_plain_box_and_logs_the_traceback(
        qtbot: QtBot, log_file: Path, raise_in: Callable[[QtBot, QWidget], None]) -> None:
    window = QWidget()
    window.setLayout(QVBoxLayout())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)

    # A box that ran a loop of its own (exec()) would block right here: the watchdog
    # closes it, so that such a box fails the test instead of hanging it.
    QTimer.singleShot(2000, window, lambda: (box := crash_box()) is not None and box.reject())
    raise_in(qtbot, window)  # returns at once: the box does not run a loop of its own
    qtbot.waitUntil(lambda: crash_box() is not None, timeout=3000)
    box = crash_box()
    assert box is not None
    qtbot.addWidget(box)
    assert box.text() == SHOWN
    assert box.textFormat() is Qt.TextFormat.PlainText
    assert box.icon() is QMessageBox.Icon.Critical
    assert box.parentWidget() is window  # over the window in use, not somewhere on its own
    assert box.windowModality() is not Qt.WindowModality.ApplicationModal  # other windows,
    assert window.isVisible()  # the tray and the compact timer, go on working
    details = box.detailedText()
    assert details.startswith("Traceback (most recent call last):")
    assert f"RuntimeError: {MESSAGE}" in details and "in broken" in details

    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL soleus_coach: unexpected error" in logged
    assert f"RuntimeError: {MESSAGE}" in logged and "in broken" in logged

    box.accept()
    assert crash_box() is None
