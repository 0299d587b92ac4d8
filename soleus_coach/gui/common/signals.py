"""SIGTERM and SIGINT close the window as the user would (log-out, ``kill``, Ctrl+C).

Python runs its signal handlers only between bytecodes, and inside Qt's event loop no
bytecode runs until an event calls into Python. Instead of a timer polling for signals
(which would wake the idle app), the C-level handler writes to a socket
(``signal.set_wakeup_fd``) that a :class:`QSocketNotifier` watches: the loop wakes, Python
runs the handler, which only notes the signal; the notifier's slot then closes the window
from the event loop — a running session is recorded as stopped, the window's place is
saved — and the app exits with 0.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)


class SignalCloser(QObject):
    """Installed before the window is built: a signal that arrives while ``launch`` is still
    starting a routine is kept and acted on as soon as :meth:`set_close` names the window's
    close (it used to kill the app with the routine half-recorded)."""

    def __init__(self, close: Callable[[], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = False
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._close = close
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._previous = {}
        for name in ("SIGTERM", "SIGINT"):
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._on_signal)

    def _drain(self) -> None:
        """The event loop's turn: close now, if a signal came (never from the handler)."""
        with contextlib.suppress(OSError):
            self._read.recv(512)
        if self._pending and self._close is not None:
            self._pending = False
            self._close()

    def _on_signal(self, number: int, _frame: object) -> None:
        # Python runs this between any two bytecodes of the main thread, possibly in the
        # middle of a Qt call (a slot, a widget being built): closing the window here
        # re-entered Qt and crashed it, 1 start in 100. So it only notes the signal; the
        # wake-up socket's notifier closes the window from the event loop (_drain), and a
        # timer does when the socket's byte was already read.
        log.info("%s: closing", signal.Signals(number).name)
        self._pending = True
        if self._close is not None:
            QTimer.singleShot(0, self._drain)

    def set_close(self, close: Callable[[], object]) -> None:
        self._close = close
        if self._pending:
            QTimer.singleShot(0, self._drain)

    def restore(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
