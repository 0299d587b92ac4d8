"""One running Soleus Coach per data folder.

The first process takes a :class:`QLockFile` in the data folder and listens on a
:class:`QLocalServer`; a second launch finds the lock taken, sends its request (``raise``, or
``start ID``) to the first over a :class:`QLocalSocket` and exits. So the history database is
only ever written by one process, and clicking the launcher again brings the window forward
instead of opening a second one. A lock left by a killed process is stale and is taken over
(Qt checks whether the process that wrote it still runs).
"""

from __future__ import annotations

import getpass
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, QTimer, Signal

from soleus_coach.digest import sha256_hex
from soleus_coach.gui.common.windows import set_aside
from soleus_coach.reader import is_regular_or_absent

if TYPE_CHECKING:  # QtNetwork is imported after the first paint (or by a second launch)
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_NAME = "soleus-coach.lock"
#: A request (``{"action": "start", "id": ...}``) is far shorter than this.
MAX_MESSAGE = 4096
#: At most this many other launches talk to us at once; more are dropped at once.
MAX_CLIENTS = 8
#: A launch that has not sent its one line within this time is dropped.
IDLE_MS = 5000
#: How long a second launch waits for the first to answer (it may be starting up, and only
#: listens once its window is painted).
TIMEOUT_MS = 5000


def server_name(data_dir: Path) -> str:
    """A per-user, per-data-folder socket name (short: Unix sockets allow ~100 bytes)."""
    try:
        folder = data_dir.resolve()
    except (OSError, RuntimeError):  # a link loop: the name as given still tells them apart
        folder = data_dir.absolute()
    key = f"{getpass.getuser()}:{folder}".encode()
    return "soleus-coach-" + sha256_hex(key)[:16]


def parse_request(line: bytes) -> dict[str, str] | None:
    """A launch's request, if ``line`` is one: a flat JSON object whose ``action`` is
    ``raise`` or ``start`` and whose values are short strings; None for anything else (never
    an exception: a line of 4,000 ``[`` is just not a request)."""
    if len(line) > MAX_MESSAGE or line.count(b"{") + line.count(b"[") > 1:
        return None
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(message, dict) or message.get("action") not in ("raise", "start"):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) and len(v) <= 200
               for k, v in message.items()):
        return None
    return dict(message)


class SingleInstance(QObject):
    """``acquire()`` is True in the first process; later ones call :meth:`send`."""

    #: A second launch asked for this: ``{"action": "raise"}`` or ``{"action": "start",
    #: "id": ...}``; emitted on the GUI thread of the first process.
    requested = Signal(dict)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.name = server_name(data_dir)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    def acquire(self) -> bool:
        """True when this is the only instance (or the lock cannot be used at all: a
        read-only data folder must not stop the app; the history is then not written)."""
        problem = ""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            problem = f"cannot create {self.data_dir}: {exc.strerror}"
        lock = self.data_dir / LOCK_NAME
        if not is_regular_or_absent(lock):  # a folder, a FIFO, a link to a device
            set_aside(lock, "a lock file that is not a file")
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("single instance: %s; going on without it",
                        problem or f"cannot lock {self.data_dir / LOCK_NAME}")
        return True

    def listen(self) -> None:
        """Answer later launches (after the first paint: QtNetwork is not needed before)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a socket file left by a killed process
        if server.listen(self.name):
            server.newConnection.connect(self._on_connection)
            self._server = server
        else:
            log.warning("single instance: cannot listen on %s: %s", self.name,
                        server.errorString())

    def send(self, message: dict[str, str]) -> bool:
        """From a second launch: deliver ``message`` to the first. False when it does not
        answer in time (it may be starting or stuck)."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(TIMEOUT_MS)
        socket = QLocalSocket()
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(max(1, deadline.remainingTime())):
                break
            if deadline.hasExpired():
                return False
            QThread.msleep(50)  # not listening yet: the first one is still starting
        socket.write(json.dumps(message).encode() + b"\n")
        ok = socket.waitForBytesWritten(max(1, deadline.remainingTime()))
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        for socket in self._clients:
            socket.abort()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            if len(self._clients) >= MAX_CLIENTS:
                log.warning("single instance: too many launches at once; one dropped")
                socket.abort()
                socket.deleteLater()
                continue
            # PySide gives the socket to Python: it lives while it is in _clients, and is
            # dropped (outside its own signal) once the other side hangs up, or when it has
            # said nothing for IDLE_MS.
            self._clients.append(socket)
            QTimer.singleShot(IDLE_MS, socket, lambda s=socket: self._expire(s))
            # A request is one short line; a peer that sends more without a newline is
            # not ours, and is dropped rather than buffered (see _read).
            socket.setReadBufferSize(MAX_MESSAGE)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(
                lambda s=socket: QTimer.singleShot(0, lambda: self._drop(s)))

    def _drop(self, socket: QLocalSocket) -> None:
        if socket in self._clients:
            self._clients.remove(socket)

    def _expire(self, socket: QLocalSocket) -> None:
        if socket in self._clients:
            log.warning("single instance: dropped a launch that said nothing in time")
            socket.abort()
            self._drop(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            message = parse_request(bytes(socket.readLine(MAX_MESSAGE + 1).data()).strip())
            if message is None:
                log.warning("single instance: ignored a malformed request")
                continue
            self.requested.emit(message)
        if socket.bytesAvailable() >= MAX_MESSAGE:
            log.warning("single instance: dropped a peer that sent %d bytes without a "
                        "newline", socket.bytesAvailable())
            socket.abort()
            self._drop(socket)
