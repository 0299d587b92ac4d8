"""One Soleus Coach per data folder: a second launch hands its request to the first."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from soleus_coach.gui import single_instance
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.single_instance import LOCK_NAME, SingleInstance, server_name
from soleus_coach.session.clock import FakeClock
from tests.conftest import app_services, wait_for_sessions


def test_the_second_instance_is_refused_and_its_request_reaches_the_first(
        qtbot: QtBot, tmp_path: Path) -> None:
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.requested, timeout=5000) as got:
            assert second.send({"action": "start", "id": "calf-stretch-only"})
        assert got.args == [{"action": "start", "id": "calf-stretch-only"}]
    finally:
        first.release()
    assert SingleInstance(tmp_path).acquire()  # released: the next one may run


def test_other_data_folders_are_other_instances(tmp_path: Path) -> None:
    a, b = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert a.acquire() and b.acquire()
    a.release()
    b.release()


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    code = ("import os, signal, sys\n"
            "from PySide6.QtCore import QLockFile\n"
            f"lock = QLockFile({str(tmp_path / LOCK_NAME)!r})\n"
            "assert lock.tryLock(0)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = subprocess.run([sys.executable, "-c", code], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert (tmp_path / LOCK_NAME).exists()  # left behind
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    instance.release()


def test_a_request_when_nobody_listens_gives_up(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(single_instance, "TIMEOUT_MS", 300)
    assert not SingleInstance(tmp_path).send({"action": "raise"})


def test_a_forwarded_start_starts_the_routine_or_says_one_is_running(
        qtbot: QtBot, data_dir: Path) -> None:
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}))
    win = MainWindow(app_services(data_dir, FakeClock()))
    qtbot.addWidget(win)
    win.show()
    win.showMinimized()
    win.handle_request({"action": "raise"})
    assert not win.isMinimized() and win.session is None
    win.handle_request({"action": "start", "id": "calf-stretch-only"})
    assert win.session is not None and win.session.plan.protocol_id == "calf-stretch-only"
    running = win.session
    win.handle_request({"action": "start", "id": "post-run-soleus"})
    assert win.session is running
    assert "already running" in win.statusBar().currentMessage()


def test_two_launches_at_once_leave_one_app_and_the_routine_runs_in_it(
        data_dir: Path) -> None:
    """Started together, either may win the lock; the other hands over and exits."""
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}))
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(data_dir),
           "QT_QPA_PLATFORM": "offscreen"}
    argvs = ([sys.executable, "-m", "soleus_coach"],
             [sys.executable, "-m", "soleus_coach", "--start", "calf-stretch-only"])
    procs = [subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for argv in argvs]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and all(p.poll() is None for p in procs):
            time.sleep(0.05)
        ended = [p for p in procs if p.poll() is not None]
        assert len(ended) == 1, "one of the two should have handed over and exited"
        _, err = ended[0].communicate()
        assert ended[0].returncode == 0 and "already running" in err, err
        rows = wait_for_sessions(data_dir / "history.sqlite3")
        assert [r.protocol_id for r in rows] == ["calf-stretch-only"]  # once, in the one left
        time.sleep(0.5)
        assert [p.poll() for p in procs].count(None) == 1  # and that one still runs
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


def test_a_peer_that_floods_without_a_newline_is_dropped_not_buffered(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """200 MB without a newline used to be kept whole in the first process's memory."""
    import socket
    import threading

    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    buffered: list[int] = []
    read = first._read

    def spy(sock: object) -> None:
        buffered.append(sock.bytesAvailable())  # type: ignore[attr-defined]
        read(sock)  # type: ignore[arg-type]

    monkeypatch.setattr(first, "_read", spy)
    assert first._server is not None
    path = first._server.fullServerName()
    sent = [0]

    def flood() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.connect(path)
            peer.settimeout(10)
            chunk = b"x" * 65536
            try:
                while sent[0] < 200 * 2**20:
                    sent[0] += peer.send(chunk)
            except OSError:  # dropped by the app: what we want
                pass

    thread = threading.Thread(target=flood)
    try:
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20000)
        assert buffered and max(buffered) <= single_instance.MAX_MESSAGE
        assert sent[0] < 200 * 2**20  # it stopped taking the data
        with qtbot.waitSignal(first.requested, timeout=5000) as got:  # others still heard
            assert SingleInstance(tmp_path).send({"action": "raise"})
        assert got.args == [{"action": "raise"}]
    finally:
        thread.join(5)
        first.release()
