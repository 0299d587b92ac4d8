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
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks.md"
#: The sections the benchmarks with a report of their own write.
PARTS = ROOT / "docs" / "benchmarks"


def _run(module: str, *args: str) -> dict[str, Any]:
    """Each benchmark in its own process, so one cannot warm or pollute another; the JSON
    object it prints last."""
    proc = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1800, check=False)
    if proc.returncode != 0:
        last = [line for line in proc.stderr.strip().splitlines() if line.strip()][-1:]
        raise BenchmarkFailed(f"exit status {proc.returncode}"
                              + (f": {last[0].strip()}" if last else ""))
    text = proc.stdout
    try:
        return dict(json.loads(text[text.index("{"):text.rindex("}") + 1]))
    except ValueError as exc:
        raise BenchmarkFailed(f"printed no figures ({exc})") from exc


class BenchmarkFailed(Exception):
    """A benchmark did not give its figures in this run: why, in one line."""


@dataclass(frozen=True)
class Bench:
    key: str
    #: The section's heading: what it measures, and the command that measures it.
    title: str
    module: str
    args: tuple[str, ...]
    #: The benchmark writes its own section, docs/benchmarks/<part>.md.
    part: str | None = None

    @property
    def command(self) -> str:
        return " ".join(("python -m", self.module, *self.args))


BENCHES = (
    Bench("startup", "Start-up and memory", "benchmarks.startup", ("--runs", "7")),
    Bench("session", "A real session", "benchmarks.real_session", ("--hold", "26")),
    Bench("idle", "Idle, no session", "benchmarks.idle", ("--seconds", "60")),
    Bench("protocols", "500 user protocols", "benchmarks.protocols",
          ("--count", "500", "--runs", "7"), part="protocols"),
    Bench("editor", "The routine editor", "benchmarks.editor", ("--runs", "15", "--edits", "100"),
          part="editor"),
    Bench("history", "History at scale", "benchmarks.history",
          ("--sessions", "10000", "--runs", "7"), part="history"),
    Bench("runs", "Runs", "benchmarks.runs", ("--files", "300", "--records", "4400", "--runs",
                                             "1"), part="runs"),
    Bench("programme", "A programme over a year", "benchmarks.programme",
          ("--days", "365", "--runs", "7"), part="programme"),
    Bench("soak", "Soak: 500 sessions", "benchmarks.soak", ("--sessions", "500", "--write",
                                                            "--json"), part="soak"),
    Bench("audio", "Audio", "benchmarks.audio", ("--trials", "12"), part="audio"),
    Bench("speech", "Speech", "benchmarks.speech", ("--runs", "3"), part="speech"),
)


@dataclass
class Outcome:
    """One benchmark's result in this run: its figures, or why there are none."""

    figures: dict[str, Any] | None = None
    #: Its own section (docs/benchmarks/<part>.md) as it wrote it in this run.
    part: str | None = None
    error: str = ""


def measure(bench: Bench, parts: Path = PARTS,
            run: Callable[..., dict[str, Any]] = _run) -> Outcome:
    """Run ``bench``. A failure is an outcome, not an exception: the other benchmarks still
    run, and the failed one's section says it failed. Its own section file is replaced by
    that note too, so no old figure is left to be read as this run's."""
    path = parts / f"{bench.part}.md" if bench.part else None
    started = time.time()
    try:
        figures = run(bench.module, *bench.args)
        part = None
        if path is not None:
            if not path.exists() or path.stat().st_mtime < started:
                raise BenchmarkFailed(f"it did not write {path.name}")
            part = path.read_text(encoding="utf-8").strip()
        return Outcome(figures, part)
    except (BenchmarkFailed, subprocess.TimeoutExpired, OSError) as exc:
        outcome = Outcome(error=str(exc).strip() or type(exc).__name__)
        print(f"{bench.key} benchmark failed: {outcome.error}", file=sys.stderr)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(failed_section(bench, outcome.error, dt.date.today()) + "\n",
                            encoding="utf-8")
        return outcome


def failed_section(bench: Bench, error: str, day: dt.date, level: str = "##") -> str:
    return "\n".join([
        f"{level} {bench.title} (`{bench.command}`)", "",
        f"❌ **Failed in the run of {day.isoformat()}**: {error}. No figures: those of an "
        "earlier run are not repeated here (they are in the history of this file).",
    ])


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


def startup_section(startup: dict[str, Any]) -> list[str]:
    return [
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
    ]


def session_section(session: dict[str, Any]) -> list[str]:
    return [
        f"A {session['planned_s']:.0f} s routine (two sides, two 26 s holds each) run by the "
        "real session screen and its own precise single-shot QTimer on the real clock; "
        "errors against `time.monotonic()`.",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        _row("finish noticed after the planned end", f"{session['finish_error_ms']:.1f} ms",
             "< one display tick (1000 ms)", session["finish_error_ms"] < 1000),
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
    ]


def idle_section(idle: dict[str, Any]) -> list[str]:
    quiet = idle["app"]["wakeups_per_s"] <= idle["bare"]["wakeups_per_s"] + 0.05
    quiet_reminders = (idle["app_reminders"]["wakeups_per_s"]
                       <= idle["bare"]["wakeups_per_s"] + 1 / 60 + 0.05)
    return [
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
    ]


SECTIONS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "startup": startup_section, "session": session_section, "idle": idle_section}


def assemble(outcomes: dict[str, Outcome], day: dt.date, machine: str) -> str:
    """docs/benchmarks.md from this run's outcomes, in the order of :data:`BENCHES`: the
    figures of each benchmark that ran, and for one that failed, that it failed and why."""
    failed = [b for b in BENCHES if outcomes[b.key].figures is None]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {day.isoformat()} on {machine}. Regenerate with `make bench` "
        "(`python -m benchmarks.run_all`); each benchmark can also run alone.",
        "",
    ]
    if failed:
        lines += [f"❌ {len(failed)} of {len(BENCHES)} benchmarks failed in this run: "
                  + ", ".join(b.title for b in failed) + ".", ""]
    for bench in BENCHES:
        outcome = outcomes[bench.key]
        if outcome.figures is None:
            lines += [failed_section(bench, outcome.error, day), ""]
        elif bench.part is not None:
            lines += [outcome.part or "", ""]
        else:
            lines += [f"## {bench.title} (`{bench.command}`)", "",
                      *SECTIONS[bench.key](outcome.figures), ""]
    return "\n".join(lines)


def main() -> None:
    outcomes = {bench.key: measure(bench) for bench in BENCHES}
    machine = (f"{platform.machine()}, {platform.python_implementation()} "
               f"{platform.python_version()}, {_cores()} cores, Qt offscreen")
    OUT.write_text(assemble(outcomes, dt.date.today(), machine), encoding="utf-8")
    print(f"wrote {OUT}")
    if any(o.figures is None for o in outcomes.values()):
        sys.exit(1)


def _cores() -> int:
    return os.cpu_count() or 0


if __name__ == "__main__":
    importlib.invalidate_caches()
    main()
