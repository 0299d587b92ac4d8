"""Child process for the start-up benchmark: show a window, report when it first paints.

``python -m benchmarks.startup_child bare|app`` prints one JSON line:
``{"painted_at": <time.monotonic()>, "summary_at": ..., "maxrss_kib": ...}`` and exits.
``bare`` is a PySide6 ``QLabel`` window; ``app`` is ``soleus-coach`` started through its own
entry point (:func:`soleus_coach.app.main`), with a spy on the window it shows.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def _spy_class() -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        """Notes the first paint of a window; quits then, or after the summary if asked."""

        def __init__(self, wait_for_summary: bool) -> None:
            super().__init__()
            self.wait_for_summary = wait_for_summary
            self.at: float | None = None
            self.summary_at: float | None = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if (self.at is None and event.type() == QEvent.Type.Paint
                    and isinstance(obj, QWidget) and obj.isWindow()):
                self.at = time.monotonic()
                if not self.wait_for_summary:
                    QTimer.singleShot(0, QApplication.quit)
            return False

        def summary(self) -> None:
            self.summary_at = time.monotonic()
            QTimer.singleShot(0, QApplication.quit)

    return FirstPaint


def bare() -> Any:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    spy = _spy_class()(wait_for_summary=False)
    window = QLabel("Hello")
    window.resize(1000, 640)
    window.installEventFilter(spy)
    window.show()
    app.exec()
    return spy


def app() -> Any:
    from soleus_coach import app as entry
    from soleus_coach.gui import application

    spy = _spy_class()(wait_for_summary=True)
    build = application.build_main_window

    def spied_build(qapp: Any) -> Any:
        # On the window only, as for the bare one: a filter on the whole application would
        # see every object's events and make PySide6 wrap each Qt type it meets (about 150
        # Python enums built, 40-50 ms), which the app itself never does.
        window = build(qapp)
        window.installEventFilter(spy)
        window.summary_shown.connect(spy.summary)
        return window

    application.build_main_window = spied_build
    entry.main([])
    return spy


def main(kind: str) -> None:
    spy = bare() if kind == "bare" else app()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"painted_at": spy.at, "summary_at": spy.summary_at, "maxrss_kib": rss}))


if __name__ == "__main__":
    main(sys.argv[1])
