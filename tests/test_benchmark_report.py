"""docs/benchmarks.md tells the truth about the run that wrote it: a benchmark that fails is
marked failed, with why, and no figure of an earlier run is printed as this run's. Tested
with a deliberately failing benchmark (``make bench`` itself takes a quarter of an hour)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from benchmarks import run_all
from benchmarks.run_all import BENCHES, Bench, Outcome, assemble, measure

DAY = dt.date(2026, 12, 7)
OLD = "| start latency | 9.4 ms (AN OLD FIGURE) |"

SESSION = {"planned_s": 119.0, "finish_error_ms": 4.5, "cue_error_p50_ms": 3.8,
           "cue_error_p95_ms": 5.4, "cue_error_max_ms": 5.4, "cues": 14, "wakeups_per_s": 1.0,
           "cpu_percent_of_one_core": 0.36}


@pytest.fixture
def broken_benchmark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bench:
    """A benchmark that fails as the audio one does on a machine without PulseAudio; its
    section file holds the figures of an earlier run."""
    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "broken_bench.py").write_text(
        "import sys\nprint('warming up')\n"
        "sys.exit('sink.SinkUnavailable: no PulseAudio server could be started')\n",
        encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(modules))
    (tmp_path / "audio.md").write_text(f"## Audio\n\n{OLD}\n", encoding="utf-8")
    return Bench("audio", "Audio", "broken_bench", ("--trials", "12"), part="audio")


def test_a_failed_benchmark_is_marked_failed_and_its_old_figures_are_gone(
        broken_benchmark: Bench, tmp_path: Path) -> None:
    outcome = measure(broken_benchmark, parts=tmp_path)
    assert outcome.figures is None
    assert outcome.error == ("exit status 1: sink.SinkUnavailable: no PulseAudio server could "
                             "be started")
    part = (tmp_path / "audio.md").read_text(encoding="utf-8")
    assert OLD not in part  # the section file says it failed, too
    assert "❌ **Failed in the run of" in part and "no PulseAudio server" in part

    outcomes = all_ran(tmp_path)
    outcomes["audio"] = outcome
    report = assemble(outcomes, DAY, "x86_64")
    assert OLD not in report
    assert f"❌ 1 of {len(BENCHES)} benchmarks failed in this run: Audio." in report
    assert ("## Audio (`python -m benchmarks.audio --trials 12`)\n\n❌ **Failed in the run of "
            "2026-12-07**: exit status 1: sink.SinkUnavailable: no PulseAudio server could be "
            "started.") in report
    assert "## Runs: figures" in report  # the others are there, as they ran


def test_a_benchmark_that_wrote_no_report_has_failed(tmp_path: Path) -> None:
    (tmp_path / "editor.md").write_text(f"## The routine editor\n\n{OLD}\n", encoding="utf-8")
    bench = Bench("editor", "The routine editor", "benchmarks.editor", (), part="editor")
    outcome = measure(bench, parts=tmp_path, run=lambda *a: {"ratio": 1.3})
    assert outcome.figures is None and outcome.error == "it did not write editor.md"
    assert OLD not in (tmp_path / "editor.md").read_text(encoding="utf-8")


def test_a_failed_figure_section_names_its_command_and_the_rest_still_shows(
        tmp_path: Path) -> None:
    outcomes = all_ran(tmp_path)
    outcomes["startup"] = Outcome(error="exit status 1: xcb: could not connect to display")
    report = assemble(outcomes, DAY, "x86_64")
    assert ("## Start-up and memory (`python -m benchmarks.startup --runs 7`)\n\n"
            "❌ **Failed in the run of 2026-12-07**: exit status 1: xcb: could not connect "
            "to display.") in report
    assert "first paint ratio" not in report
    assert "| finish noticed after the planned end | 4.5 ms |" in report
    assert "recorded end" not in report  # 0 by construction: not a measure


def test_the_report_of_a_run_where_everything_ran_says_nothing_failed(tmp_path: Path) -> None:
    report = assemble(all_ran(tmp_path), DAY, "x86_64")
    assert "❌" not in report.replace("❌ not met", "")
    assert report.index("## A real session") < report.index("## Runs: figures") < \
        report.index("## Audio: figures")  # in the order of BENCHES


def all_ran(tmp_path: Path) -> dict[str, Outcome]:
    """Every benchmark of make bench run and written (figures made up, shapes real)."""
    outcomes: dict[str, Outcome] = {}
    for bench in BENCHES:
        if bench.part is not None:
            def run(*_args: str, bench: Bench = bench) -> dict[str, Any]:
                (tmp_path / f"{bench.part}.md").write_text(
                    f"## {bench.title}: figures\n", encoding="utf-8")
                return {}
            outcomes[bench.key] = measure(bench, parts=tmp_path, run=run)
        elif bench.key == "session":
            outcomes[bench.key] = Outcome(SESSION)
        else:
            outcomes[bench.key] = Outcome(error="not run in this test")
    outcomes["startup"] = Outcome(_startup())
    outcomes["idle"] = Outcome(_idle())
    return outcomes


def _startup() -> dict[str, float]:
    return {"bare_paint_s": 0.185, "app_paint_s": 0.369, "paint_ratio": 1.99,
            "app_complete_s": 0.411, "complete_ratio": 2.21, "bare_rss_mib": 65.3,
            "app_rss_mib": 83.0, "rss_ratio": 1.27}


def _idle() -> dict[str, dict[str, float]]:
    quiet = {"cpu_percent": 0.0, "wakeups_per_s": 0.03}
    return {"bare": {"cpu_percent": 0.0, "wakeups_per_s": 0.0}, "app": quiet,
            "app_reminders": quiet}


def test_every_benchmark_of_make_bench_is_listed_once() -> None:
    assert len({b.key for b in BENCHES}) == len(BENCHES) == 11
    assert set(run_all.SECTIONS) == {b.key for b in BENCHES if b.part is None}
