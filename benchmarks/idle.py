"""CPU of the app left open with no session, measured from outside the process.

The real app (``python -m soleus_coach``, offscreen) is started, left to settle, and then its
CPU time (utime + stime from /proc/PID/stat) and its context switches (a wake-up of any of
its threads is one) are read before and after a quiet minute; a bare PySide6 window is
measured the same way in the same run. ``python -m benchmarks.idle [--seconds 60]``
(Linux: it reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.startup import child_env

ROOT = Path(__file__).resolve().parents[1]
BARE = ("import sys\nfrom PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication(sys.argv[:1])\nw = QLabel('Hello')\nw.show()\napp.exec()\n")


def _sample(pid: int) -> tuple[float, dict[str, int]]:
    """(CPU seconds, context switches by thread) of every thread of ``pid`` so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    switches: dict[str, int] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status", encoding="ascii") as fh:
                switches[tid] = sum(int(line.split()[1]) for line in fh if line.startswith(
                    ("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
        except FileNotFoundError:  # the thread ended between the listing and the read
            pass
    return cpu, switches


def _woken(before: dict[str, int], after: dict[str, int]) -> int:
    """Wake-ups between two samples: a thread that ended in between takes its count with
    it, so only the threads seen at the end are counted (a new one from zero)."""
    return sum(n - before.get(tid, 0) for tid, n in after.items())


def measure(argv: list[str], env: dict[str, str], seconds: float,
            settle: float = 3.0) -> dict[str, float]:
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        if proc.poll() is not None:
            raise RuntimeError(f"{argv} exited with {proc.returncode}")
        cpu0, sw0 = _sample(proc.pid)
        time.sleep(seconds)
        cpu1, sw1 = _sample(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return {"cpu_percent": 100 * (cpu1 - cpu0) / seconds,
            "wakeups_per_s": _woken(sw0, sw1) / seconds}


def run(seconds: float = 60) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as tmp2:
        env = child_env(tmp)
        bare = measure([sys.executable, "-c", BARE], env, seconds)
        app = measure([sys.executable, "-m", "soleus_coach"], env, seconds)
        # Reminders on (every day, a minute that is not now) and started as autostart does:
        # --hidden, in the tray or minimised. Its reminder timer looks at most once a minute.
        settings = Path(tmp2) / "settings.json"
        minute = (time.localtime().tm_hour * 60 + time.localtime().tm_min + 180) % (24 * 60)
        settings.write_text(json.dumps({"first_run_acknowledged": True, "reminder_on": True,
                                        "reminder_minute": minute}), encoding="utf-8")
        reminders = measure([sys.executable, "-m", "soleus_coach", "--hidden"],
                            child_env(tmp2), seconds)
    return {"seconds": seconds, "bare": bare, "app": app, "app_reminders": reminders}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    result = run(args.seconds)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
