"""The crash path: log the exception, then tell the user in a plain-text, non-blocking box.

Qt messages are routed into Python logging so they land in the same file.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("soleus_coach")
_qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _excepthook(kind: type[BaseException], value: BaseException,
                tb: TracebackType | None) -> None:
    log.critical("unexpected error", exc_info=(kind, value, tb))
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        sys.__excepthook__(kind, value, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "Soleus Coach",
                      "Something went wrong. Your history is safe; the details are in the log.",
                      QMessageBox.StandardButton.Ok, app.activeWindow())
    box.setTextFormat(box.textFormat().PlainText)
    box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
    box.setObjectName("crashBox")
    box.open()  # never exec(): a modal loop inside an exception hook can re-enter


def install() -> None:
    sys.excepthook = _excepthook
    qInstallMessageHandler(_qt_message)
