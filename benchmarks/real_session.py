"""A real session on the real clock: finish error, cue timing error, timer wake-ups and CPU.

The session screen is shown (offscreen) and driven by its own QTimer, exactly as in the app;
times are measured with ``time.monotonic()``. ``python -m benchmarks.real_session [--hold S]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from soleus_coach.gui.session.screen import SessionScreen
from soleus_coach.protocol import Protocol, Range, Sides, StretchStep, When
from soleus_coach.session.clock import SystemClock
from soleus_coach.session.engine import CueDue, State
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Settings


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run(hold_s: float = 10.0) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    step = StretchStep("Stretch", Range(hold_s, 5, 120), Range(2, 1, 4), 3, Sides.BOTH, 3,
                       ("Hold",))
    protocol = Protocol("bench", "Bench", "timing", When.ANY, (step,))
    clock = SystemClock()
    screen = SessionScreen(build_plan(protocol, Settings(get_ready_s=3)), clock)
    screen.resize(1280, 800)
    screen.show()
    engine = screen.controller.engine
    onsets: list[float] = []

    def on_cue(event: CueDue) -> None:
        onsets.append(clock.now() - event.due_at)

    screen.cue.connect(on_cue)
    wakeups = [0]
    screen.controller._timer.timeout.connect(lambda: wakeups.__setitem__(0, wakeups[0] + 1))
    finished_at: list[float] = []
    screen.controller.finished.connect(lambda _s: (finished_at.append(time.monotonic()),
                                                   app.quit()))
    QTimer.singleShot(0, screen.start)
    t0, cpu0 = time.monotonic(), _cpu()
    app.exec()
    t1, cpu1 = time.monotonic(), _cpu()
    assert engine.state is State.FINISHED
    planned = engine.planned_s
    onsets_ms = sorted(abs(x) * 1000 for x in onsets)
    return {
        "planned_s": planned,
        "finish_error_ms": ((finished_at[0] - t0) - planned) * 1000,
        "cues": len(onsets),
        "cue_error_p50_ms": statistics.median(onsets_ms),
        "cue_error_p95_ms": onsets_ms[min(len(onsets_ms) - 1, int(0.95 * len(onsets_ms)))],
        "cue_error_max_ms": onsets_ms[-1],
        "wakeups_per_s": wakeups[0] / (t1 - t0),
        "cpu_percent_of_one_core": 100 * (cpu1 - cpu0) / (t1 - t0),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hold", type=float, default=10.0, help="hold length in seconds")
    args = parser.parse_args(argv)
    result = run(args.hold)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
