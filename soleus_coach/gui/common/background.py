"""Work off the GUI thread, its result back on it by a signal: reading a shared zip, say,
must not freeze the window (STYLE: results come back by signal, never by a shared object)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

T = TypeVar("T")


class _Result(QObject):
    done = Signal(object, object)  # the value, or None; the exception, or None


def in_background(owner: QObject, work: Callable[[], T], then: Callable[[T], object],
                  failed: Callable[[BaseException], None]) -> None:
    """Run ``work`` in Qt's thread pool; call ``then(value)`` or ``failed(exception)`` on
    the GUI thread when it is done (not at all if ``owner`` is gone by then)."""
    result = _Result(owner)

    def deliver(value: Any, error: BaseException | None) -> None:
        result.deleteLater()
        if error is None:
            then(value)
        else:
            failed(error)

    result.done.connect(deliver)

    def run() -> None:
        try:
            value = work()
        except BaseException as exc:  # handed to the GUI thread, never lost in the pool
            result.done.emit(None, exc)
        else:
            result.done.emit(value, None)

    QThreadPool.globalInstance().start(run)
