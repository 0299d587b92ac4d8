"""The real app, killed with SIGKILL mid-session, again and again: nothing is lost.

Each round starts ``python -m soleus_coach --start ROUTINE`` offscreen with a fast clock,
waits until the session has written at least one segment (or for a random moment), and kills
it. After every kill the database must pass ``PRAGMA integrity_check``, every session seen
before must still be there (completed ones unchanged), and at the next start the killed
session is listed as interrupted with its segments.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from soleus_coach.history.records import Status
from soleus_coach.history.store import open_snapshot, open_store

ROUNDS = 20
ROUTINES = ("calf-stretch-only", "post-run-soleus", "pre-run-warm-up")


def start_app(data: Path, routine: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "SOLEUS_COACH_TIME_SCALE": "150"}
    return subprocess.Popen([sys.executable, "-m", "soleus_coach", "--start", routine],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def segments_written(db: Path, uid_seen: set[str]) -> tuple[str | None, int, bool]:
    """The newest session not seen before, how many segments it has and whether it is
    complete (read through a snapshot, as the command line does)."""
    if not db.exists():
        return None, 0, False
    store = open_snapshot(db)
    try:
        for row in store.sessions(limit=1):
            if row.uid not in uid_seen:
                rec = store.session(row.uid)
                return (row.uid, 0 if rec is None else len(rec.segments),
                        row.status is Status.COMPLETED)
        return None, 0, False
    finally:
        store.close()


def test_sigkill_at_random_points_never_loses_a_session(data_dir: Path) -> None:
    (data_dir / "settings.json").write_text(json.dumps({"ask_pain_before": False,
                                                             "first_run_acknowledged": True,
                                                             "injured_leg": "left"}))
    db = data_dir / "history.sqlite3"
    rng = random.Random(20261124)
    seen: dict[str, Status] = {}
    for rnd in range(ROUNDS):
        routine = ROUTINES[rnd % len(ROUTINES)]
        proc = start_app(data_dir, routine)
        try:
            want_segments = rng.randint(1, 12)
            deadline = time.monotonic() + 30
            uid, n = None, 0
            while time.monotonic() < deadline:
                uid, n, done = segments_written(db, set(seen))
                if uid is not None and (n >= want_segments or done):
                    break
                if proc.poll() is not None:
                    pytest.fail(f"round {rnd}: the app exited: {proc.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(rng.uniform(0.01, 0.08))
            assert uid is not None, f"round {rnd}: no session row was written in 30 s"
            time.sleep(rng.uniform(0, 0.3))  # land anywhere, even mid-write
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"round {rnd}"
        conn.close()
        store = open_store(db)  # what the next start does
        try:
            assert store.integrity() == "ok"
            rows = {r.uid: r for r in store.sessions()}
            for old_uid, old_status in seen.items():
                assert old_uid in rows, f"round {rnd}: session {old_uid} lost"
                assert rows[old_uid].status is old_status
            killed = rows[uid]
            rec = store.session(uid)
            assert rec is not None
            assert len(rec.segments) >= n  # the segments seen before the kill are kept
            if killed.status is Status.COMPLETED:  # it finished before the kill landed
                assert len(rec.segments) > 0
            else:
                assert killed.status is Status.INTERRUPTED, f"round {rnd}: {killed.status}"
                assert killed.ended_at is not None
            assert rec.active_s > 0 or n == 0
            seen[uid] = killed.status
        finally:
            store.close()
    statuses = list(seen.values())
    assert len(statuses) == ROUNDS
    assert statuses.count(Status.INTERRUPTED) >= ROUNDS // 2
