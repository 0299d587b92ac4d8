"""Soak: many accelerated sessions in one process, and what is left behind.

One real main window (offscreen) runs every bundled routine in turn on a fake clock that
jumps straight to each wake-up, with a keyboard user who pauses, skips and goes back now and
then, skips the check-ins and leaves each finished session with Enter. Sessions are written
to a real history database. After a warm-up, it counts what a leak would make grow: resident
memory, Python objects, live QObjects, running QTimers, open file descriptors and threads.

``python -m benchmarks.soak --sessions 500`` (``make soak``); the test suite runs a shorter
soak through :func:`run` (``tests/test_soak.py``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "soak.md"
ROUTINES = ("calf-stretch-only", "post-run-soleus", "pre-run-warm-up", "ice-timer",
            "intermittent-ice")
WARM_UP = 10


def _rss_kib() -> int:
    """Current resident set (not the peak), from /proc; the peak where there is no /proc."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _fds() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return -1


def _counts(app: QApplication, window: QObject) -> dict[str, int]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    objects = len(gc.get_objects())  # before findChildren() makes wrappers for what it finds
    timers = window.findChildren(QTimer)
    return {
        "rss_kib": _rss_kib(),
        "python_objects": objects,
        "qobjects_in_window": len(window.findChildren(QObject)),
        "top_level_widgets": len(app.topLevelWidgets()),
        "timers": len(timers),
        "active_timers": sum(t.isActive() for t in timers),
        "fds": _fds(),
        "threads": threading.active_count(),
    }


def _one_session(app: QApplication, win: Any, clock: Any, routine: str,
                 rng: random.Random) -> None:
    assert win.start_session(routine), routine
    while win.flow.state.value != "running":  # its clock starts once the sound has answered
        app.processEvents()
    screen = win.session
    controller = screen.controller
    while True:
        wake = controller.engine.next_wakeup()
        if wake is None:
            break
        clock.advance(max(0.0, wake - clock.now()))
        controller.process()
        roll = rng.random()
        if roll < 0.02:
            QTest.keyClick(screen, Qt.Key.Key_Space)  # pause…
            clock.advance(rng.uniform(1, 30))
            QTest.keyClick(screen, Qt.Key.Key_Space)  # …and resume
        elif roll < 0.04:
            QTest.keyClick(screen, Qt.Key.Key_Right)  # skip
        elif roll < 0.05:
            QTest.keyClick(screen, Qt.Key.Key_Left)   # back
    if win.flow.finish_page is not None:
        win.flow.finish_page.skip()  # "how does it feel now?": skipped
    win.flow.leave()  # home (already there when there was no advice)
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()


def run(sessions: int, data_dir: Path | None = None, seed: int = 20261125) -> dict[str, Any]:
    from soleus_coach.gui.application import default_services
    from soleus_coach.gui.main_window import MainWindow
    from soleus_coach.session.clock import FakeClock

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        data = data_dir or Path(tmp)
        saved_env = os.environ.get("SOLEUS_COACH_DATA_DIR")
        os.environ["SOLEUS_COACH_DATA_DIR"] = str(data)
        (data / "settings.json").write_text(json.dumps(
            {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left"}))
        clock = FakeClock()
        from soleus_coach.audio import CuePlayer

        services = replace(default_services(), clock=lambda: (clock, 1.0),
                           make_player=lambda sounds: CuePlayer(sounds, backends=list))
        win = MainWindow(services)
        win.show()
        app.processEvents()
        rng = random.Random(seed)
        warm = min(WARM_UP, max(1, sessions // 5))
        for i in range(warm):
            _one_session(app, win, clock, ROUTINES[i % len(ROUTINES)], rng)
        _counts(app, win)  # once for nothing: the first count makes wrappers that stay
        before = _counts(app, win)
        t0 = time.perf_counter()
        for i in range(warm, sessions):
            _one_session(app, win, clock, ROUTINES[i % len(ROUTINES)], rng)
        seconds = time.perf_counter() - t0
        after = _counts(app, win)
        stored = win.history.count()
        win.close()
        win.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        if saved_env is None:
            os.environ.pop("SOLEUS_COACH_DATA_DIR", None)
        else:
            os.environ["SOLEUS_COACH_DATA_DIR"] = saved_env
    return {"sessions": sessions, "warm_up": warm, "stored": stored, "seconds": seconds,
            "before": before, "after": after}


def write_report(result: dict[str, Any]) -> str:
    b, a = result["before"], result["after"]
    n = result["sessions"] - result["warm_up"]
    rows = [
        ("resident memory", f"{b['rss_kib'] / 1024:.1f} MiB",
         f"{a['rss_kib'] / 1024:.1f} MiB",
         f"{(a['rss_kib'] - b['rss_kib']) / 1024:+.1f} MiB", "≤ +8 MiB"),
        ("Python objects", b["python_objects"], a["python_objects"],
         f"{a['python_objects'] - b['python_objects']:+d}", "≤ +2,000 (no per-session growth)"),
        ("QObjects in the window", b["qobjects_in_window"], a["qobjects_in_window"],
         f"{a['qobjects_in_window'] - b['qobjects_in_window']:+d}", "0"),
        ("top-level widgets", b["top_level_widgets"], a["top_level_widgets"],
         f"{a['top_level_widgets'] - b['top_level_widgets']:+d}", "0"),
        ("QTimers (active)", f"{b['timers']} ({b['active_timers']})",
         f"{a['timers']} ({a['active_timers']})",
         f"{a['timers'] - b['timers']:+d}", "0, none active between sessions"),
        ("open file descriptors", b["fds"], a["fds"], f"{a['fds'] - b['fds']:+d}", "0"),
        ("threads", b["threads"], a["threads"], f"{a['threads'] - b['threads']:+d}", "0"),
    ]
    lines = [
        f"### Soak: {result['sessions']} sessions (`python -m benchmarks.soak --sessions "
        f"{result['sessions']}`)",
        "",
        f"{n} sessions measured after {result['warm_up']} to warm up, in "
        f"{result['seconds']:.1f} s; {result['stored']} sessions in the history database.",
        "Resident memory is read after each session's freed memory is handed back "
        "(`soleus_coach/gui/common/memory.py`, glibc `malloc_trim`, as the app does when a session "
        "closes); without that, glibc keeps it and RSS climbed by about 0.5 MiB a session.",
        "",
        "| count | after warm-up | at the end | change | bound |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(str(c) for c in r)} |" for r in rows),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    result = run(args.sessions)
    report = write_report(result)
    print(json.dumps(result) if args.json else report)
    if args.write:
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(report, encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
