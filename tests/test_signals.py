"""SIGTERM (log-out, kill) and SIGINT (Ctrl+C) close the real app as the user would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from soleus_coach.gui.single_instance import SingleInstance
from soleus_coach.history.records import Status
from soleus_coach.history.store import open_snapshot
from tests.conftest import wait_for_sessions


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_session_closes_cleanly_and_records_the_session_as_stopped(
        data_dir: Path, signum: int) -> None:
    (data_dir / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}))
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen",
           "SOLEUS_COACH_TIME_SCALE": "20"}
    proc = subprocess.Popen([sys.executable, "-m", "soleus_coach", "--start",
                             "calf-stretch-only"], env=env, stderr=subprocess.PIPE, text=True)
    db = data_dir / "history.sqlite3"
    try:
        assert wait_for_sessions(db), "the session never started"
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    store = open_snapshot(db)
    (row,) = store.sessions()
    store.close()
    assert row.status is Status.STOPPED  # not "interrupted": it was closed, not killed
    assert "window.ini" in os.listdir(data_dir)  # the window's place was saved
    assert SingleInstance(data_dir).acquire()  # and the lock released
