"""Child process for the start-up benchmark: show a window, report when it first paints.

``python -m benchmarks.startup_child bare|app`` prints one JSON line:
``{"painted_at": <time.monotonic()>, "maxrss_kib": ...}`` and exits.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class _FirstPaint(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.monotonic()
            QTimer.singleShot(0, QApplication.quit)
        return False


class _FirstPaintThenSummary(_FirstPaint):
    """For the app: first paint, and then the history summary that follows it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.monotonic()
        return False

    def summary(self) -> None:
        self.summary_at = time.monotonic()
        QTimer.singleShot(0, QApplication.quit)


def main(kind: str) -> None:
    app = QApplication(sys.argv[:1])
    window: QWidget
    spy: _FirstPaint
    if kind == "bare":
        window = QLabel("Hello")
        window.resize(1000, 640)
        spy = _FirstPaint()
    else:
        from soleus_coach.gui.application import build_main_window

        main_window = build_main_window(app)
        window = main_window
        spy = _FirstPaintThenSummary()
        main_window.summary_shown.connect(spy.summary)
    window.installEventFilter(spy)
    window.show()
    app.exec()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"painted_at": spy.at, "summary_at": getattr(spy, "summary_at", None),
                      "maxrss_kib": rss}))


if __name__ == "__main__":
    main(sys.argv[1])
