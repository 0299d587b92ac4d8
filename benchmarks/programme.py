"""A programme at scale, each figure against a baseline measured in the same run.

- What the home screen asks of the programme at each look (today's plan and today's
  suggestion: ``Tracker.plan()`` + ``Tracker.suggestion()``) with a year of a loading
  programme in the history (two sessions a day with pain during, a morning check a day, a run
  every other day, every suggestion answered), against what it already asked before
  programmes (``HistoryStore.summary()`` + ``recent_pain_after(10)`` + ``sessions(limit=1)``)
  on the same file.
- The report for the physio, 8 weeks of it, laid out and written as a PDF in memory
  (``report.pdf_bytes``), against the one-page routine sheet of the same routine
  (``print_sheet.render_sheet`` on a PDF writer in memory).

``python -m benchmarks.programme [--days 365] [--runs 7]``; writes docs/benchmarks/programme.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "programme.md"
sys.path.insert(0, str(ROOT))


def _fill(db: Path, days: int) -> Any:
    from soleus_coach.programme.records import Choice
    from tests.programme_sim import MONDAY, Now, make_tracker, run, session

    now = Now(MONDAY, 7)
    tracker, store = make_tracker(db, now)
    tracker.start("soleus-loading-12-weeks")
    rng = random.Random(365)
    for n in range(days):
        day = MONDAY + timedelta(days=n)
        now.set(day, 7)
        if tracker.morning_due():
            tracker.answer_morning(rng.choice([1, 1, 2, 2, 3]), rng.random() < 0.05)
        rec = tracker.suggestion()
        if rec is not None:
            tracker.choose(rec, Choice.KEPT_GOING)
        for hour in (9, 18):
            now.set(day, hour)
            uid = session(store, "heel-drops-both-legs", now.moment, after=rng.choice([0, 1, 2]))
            tracker.answer_pain_during(uid, rng.choice([1, 2, 3]))
        if n % 2 == 0:
            now.set(day, 17)
            run(store, now.moment, rng.uniform(4, 12))
    now.set(MONDAY + timedelta(days=days), 7, 30)
    return tracker, now


def _median_ms(fn: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run(days: int, runs: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from soleus_coach.gui.library.print_sheet import render_sheet
    from soleus_coach.gui.programme.report import pdf_bytes
    from tests.programme_sim import library

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SOLEUS_COACH_DATA_DIR"] = tmp
        t0 = time.perf_counter()
        tracker, now = _fill(Path(tmp) / "history.sqlite3", days)
        fill_s = time.perf_counter() - t0
        store = tracker.store
        today = now().date()

        def home_before() -> None:
            store.summary(today)
            store.recent_pain_after(10)
            store.sessions(limit=1)

        def home_programme() -> None:
            tracker.plan()
            tracker.suggestion()

        home_before()
        home_programme()
        before_ms = _median_ms(home_before, runs)
        look_ms = _median_ms(home_programme, runs)
        data = tracker.report(today - timedelta(weeks=8), today - timedelta(days=1))
        routine = library().get("heel-drops-both-legs")
        assert routine is not None

        def sheet() -> None:
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            writer = QPdfWriter(buffer)
            writer.setResolution(300)
            render_sheet(routine, writer)
            del writer

        def report() -> None:
            pdf_bytes(data)

        sheet()
        report()
        sheet_ms = _median_ms(sheet, runs)
        report_ms = _median_ms(report, runs)
        _, layout = pdf_bytes(data)
        size = (Path(tmp) / "history.sqlite3").stat().st_size
        store.close()
    del app
    return {
        "days": days, "runs": runs, "fill_s": round(fill_s, 1),
        "history_mib": round(size / 2**20, 2),
        "home_before_ms": round(before_ms, 2), "home_with_programme_ms": round(look_ms, 2),
        "home_ratio": round(look_ms / before_ms, 2),
        "sheet_ms": round(sheet_ms, 1), "report_ms": round(report_ms, 1),
        "report_ratio": round(report_ms / sheet_ms, 2), "report_pages": layout.pages,
    }


def write(r: dict[str, Any]) -> None:
    lines = [
        f"## A programme (`python -m benchmarks.programme --days {r['days']} --runs "
        f"{r['runs']}`)",
        "",
        f"A year is {r['days']} days of the loading programme: two sessions a day with pain "
        f"during, a morning check a day, a run every other day, every suggestion answered "
        f"({r['history_mib']} MiB of history, made in {r['fill_s']} s). Medians of "
        f"{r['runs']} runs.",
        "",
        "| what | baseline | with the programme | ratio |",
        "|---|---|---|---|",
        f"| a look of the home screen | {r['home_before_ms']} ms (summary, pain trend, last "
        f"session) | {r['home_with_programme_ms']} ms more (today's plan and suggestion) | "
        f"{r['home_ratio']} |",
        f"| 8 weeks' report as a PDF ({r['report_pages']} pages) | {r['sheet_ms']} ms (a "
        f"routine's one-page sheet) | {r['report_ms']} ms | {r['report_ratio']} |",
        "",
        "The home screen looks after the first paint and after each session; the suggestion "
        "reads four weeks back whatever the length of the history.",
        "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    result = run(args.days, args.runs)
    write(result)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
