"""A shorter soak in the test suite (``make soak`` runs 500 sessions; see benchmarks/soak.py).

Under ``CI=true`` it runs 60 sessions, elsewhere 100: enough for a per-session leak of one
QObject, timer, file or thread to show, and of 64 KiB of memory to pass the 8 MiB bound's
half. The full count's figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SESSIONS = int(os.environ.get("SOLEUS_COACH_SOAK", "60" if os.environ.get("CI") else "100"))


def test_many_sessions_leave_nothing_behind() -> None:
    # In a process of its own, as `make soak` runs: the test run's log capture and the
    # other tests' objects would blur the counts.
    proc = subprocess.run([sys.executable, "-m", "benchmarks.soak", "--sessions",
                           str(SESSIONS), "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    before, after = result["before"], result["after"]
    assert result["stored"] == SESSIONS  # every session is in the history
    for key in ("qobjects_in_window", "top_level_widgets", "timers", "fds", "threads"):
        assert after[key] == before[key], (key, before[key], after[key])
    assert after["active_timers"] == 0  # nothing ticks between sessions
    assert after["python_objects"] - before["python_objects"] < 2000
    assert after["rss_kib"] - before["rss_kib"] < 8 * 1024
