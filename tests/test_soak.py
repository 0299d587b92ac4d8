"""A shorter soak in the test suite (``make soak`` runs 500 sessions; see benchmarks/soak.py).

Under ``CI=true`` it runs 60 sessions, elsewhere 100: enough for a per-session leak of one
QObject, timer, file or thread to show, and of 64 KiB of memory to pass the 8 MiB bound's
half. The full count's figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import os

from benchmarks import soak

SESSIONS = int(os.environ.get("SOLEUS_COACH_SOAK", "60" if os.environ.get("CI") else "100"))


def test_many_sessions_leave_nothing_behind() -> None:
    result = soak.run(SESSIONS)
    before, after = result["before"], result["after"]
    assert result["stored"] == SESSIONS  # every session is in the history
    for key in ("qobjects_in_window", "top_level_widgets", "timers", "fds", "threads"):
        assert after[key] == before[key], (key, before[key], after[key])
    assert after["active_timers"] == 0  # nothing ticks between sessions
    assert after["python_objects"] - before["python_objects"] < 2000
    assert after["rss_kib"] - before["rss_kib"] < 8 * 1024
