"""One ckbook window per notebook (RELIABILITY #18).

The first launch on a notebook takes a ``QLockFile`` and listens on a ``QLocalServer``; a second
launch on the same notebook finds the lock held, hands its request (show the window, open a
client's card) to the first through a ``QLocalSocket`` and exits. A different notebook has its own
lock and server, so it runs beside it.

Both are named from the notebook's resolved path (symlinks and ``..`` followed), so two spellings
of one file meet, and from the user, so two people on one machine never do. They live in the
user's runtime folder (``XDG_RUNTIME_DIR``, private to the user and emptied at logout), not beside
the notebook: a first start creates the notebook's folder only later, and a read-only or shared
folder must not stop the window from opening.

A lock left by a process that crashed is stale: ``QLockFile`` sees that its process is gone and
takes it over (no age limit, so a window open for days is never mistaken for a dead one); the
stale socket file is removed before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ckbook.i18n import tr

log = logging.getLogger(__name__)

#: How long a second launch keeps trying to reach the first (it may be starting up).
CONNECT_PATIENCE_S = 5.0
#: One exchange (send the request, read the answer) may take this long.
EXCHANGE_TIMEOUT_MS = 3000
#: The longest request line the first launch reads (a request is a few dozen bytes).
MAX_REQUEST_BYTES = 4096


@dataclass(frozen=True)
class LaunchRequest:
    """What a second launch asks the running window to do."""

    open_client: int | None = None
    #: Started for the tray (start at login): nothing to bring forward.
    background: bool = False

    def to_line(self) -> bytes:
        return (
            json.dumps({"open_client": self.open_client, "background": self.background}) + "\n"
        ).encode()

    @classmethod
    def from_line(cls, line: bytes) -> LaunchRequest | None:
        """The request in ``line``, or None when it is not one (a stray client on the socket)."""
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        client = data.get("open_client")
        if client is not None and (type(client) is not int or client <= 0):
            client = None
        return cls(open_client=client, background=data.get("background") is True)


def notebook_key(location: str) -> str:
    """A short name for the notebook at ``location`` (a file path or a database URL), the same for
    every spelling of one file and different for every user."""
    is_url = "://" in location
    canonical = location if is_url else os.path.realpath(os.path.expanduser(location))
    # The uid where there is one: getpass.getuser() fails for a uid missing from /etc/passwd.
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    digest = hashlib.sha256(f"{user}\0{canonical}".encode()).hexdigest()
    return f"ckbook-{digest[:16]}"


def runtime_dir() -> Path:
    """The user's private runtime folder (falls back to the temp folder where there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return Path(location or QDir.tempPath())


class SingleInstance(QObject):
    """The running window's side: holds the lock, listens, and emits each launch's request."""

    requested = Signal(object)  # LaunchRequest

    def __init__(self, location: str, folder: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        key = notebook_key(location)
        folder = folder if folder is not None else runtime_dir()
        self.lock_path = folder / f"{key}.lock"
        self.server_name = os.fspath(folder / f"{key}.socket")
        self._lock = QLockFile(os.fspath(self.lock_path))
        # 0: stale only when its process is gone, never by age (a window stays open for weeks).
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is now the notebook's only window (or the lock cannot be
        taken at all: then the window opens unguarded rather than not at all); False when
        another ckbook holds it."""
        if self._lock.tryLock(0):
            self._listen()
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        log.warning(
            "cannot take the single-window lock %s (%s); opening anyway",
            self.lock_path,
            self._lock.error().name,
        )
        return True

    def holder(self) -> str:
        """Who holds the lock, for a message ("process 4711")."""
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and info:
            return tr("process {pid}").format(pid=info[0])
        return tr("another process")

    def _listen(self) -> None:
        # We hold the lock, so a socket file left here belongs to a process that is gone.
        QLocalServer.removeServer(self.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            log.warning("second launches cannot reach this window: %s", server.errorString())
            return
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._answer(socket)

    def _answer(self, socket: QLocalSocket) -> None:
        # A second launch writes its line as soon as it connects, so reading it here costs
        # milliseconds; one that never does is dropped after the timeout. Handled in one go (no
        # per-socket slot): nothing is left to outlive the socket.
        while not socket.canReadLine() and socket.bytesAvailable() <= MAX_REQUEST_BYTES:
            if not socket.waitForReadyRead(EXCHANGE_TIMEOUT_MS):
                break
        request = None
        if socket.canReadLine():
            request = LaunchRequest.from_line(bytes(socket.readLine(MAX_REQUEST_BYTES).data()))
        socket.write(QByteArray(b"ok\n" if request is not None else b"error\n"))
        socket.waitForBytesWritten(EXCHANGE_TIMEOUT_MS)
        socket.disconnectFromServer()
        socket.deleteLater()
        if request is not None:
            self.requested.emit(request)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def hand_over(
    server_name: str, request: LaunchRequest, patience_s: float = CONNECT_PATIENCE_S
) -> bool:
    """A second launch's side: give ``request`` to the window listening on ``server_name``.

    Retries for ``patience_s`` (the first launch may hold the lock but not listen yet); True once
    the window answered.
    """
    deadline = time.monotonic() + patience_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name)
        if socket.waitForConnected(EXCHANGE_TIMEOUT_MS):
            socket.write(QByteArray(request.to_line()))
            socket.waitForBytesWritten(EXCHANGE_TIMEOUT_MS)
            answered = socket.waitForReadyRead(EXCHANGE_TIMEOUT_MS) or socket.canReadLine()
            answer = bytes(socket.readLine().data()) if answered else b""
            socket.abort()
            if answer.strip() == b"ok":
                return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
