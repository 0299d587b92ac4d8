"""Runs at scale, each against a baseline measured in the same run.

- importing 1,000 real-sized FIT files (about three years of running: 200 KB each, one
  record a second with position, distance, altitude, speed, heart rate, cadence, power and
  running dynamics, as a watch writes them) with ``soleus_coach.runs`` — found, read in
  worker processes, judged, checked, de-duplicated and stored in a fresh history — against
  reading every frame of the same files with fitdecode in one process (the bare parse), with
  1 worker and with one per core (the scaling);
- opening the history window with 10,000 sessions and 2,000 runs against an empty history
  (and against one screenful: 20 sessions, 20 runs).

The FIT files are written with fit-tool (the ``test`` extra): six templates, each copied with
its timestamps moved by whole days and its CRC recomputed, since fit-tool needs about a
millisecond per record to encode. ``python -m benchmarks.runs [--files 1000]
[--records 4400] [--runs 1]``; writes docs/benchmarks/runs.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import struct
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "runs.md"
sys.path.insert(0, str(ROOT))

#: FIT fields of type date_time / local_date_time moved when a file is copied to another day.
TIME_FIELDS = frozenset({"timestamp", "start_time", "time_created", "local_timestamp"})


def _template(speed: float, records: int, climb: float) -> tuple[bytes, list[tuple[int, str]]]:
    """A FIT activity at ``speed`` m/s, one record a second, and the offsets (with byte
    order) of every time field in it."""
    import fitdecode

    from tests.runfiles import Track, fit

    data = fit(Track(start=datetime(2023, 1, 2, 6, 30, tzinfo=UTC),
                     distance_m=speed * (records - 1), elapsed_s=records - 1, points=records,
                     climb_m=climb, rich=True))
    spots = []
    with fitdecode.FitReader(data, keep_raw_chunks=True) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                at = frame.chunk.offset + 1  # after the record header
                for fd in frame.def_mesg.field_defs:
                    if fd.name in TIME_FIELDS and fd.size == 4:
                        spots.append((at, frame.def_mesg.endian))
                    at += fd.size
    return data, spots


def make_files(folder: Path, count: int, records: int) -> float:
    """``count`` FIT files, one run every day or so; returns their total size in MiB."""
    from soleus_coach.runs.fit import crc16

    templates = [_template(speed, records + i * 150, climb) for i, (speed, climb) in enumerate(
        ((2.6, 20), (2.8, 60), (3.0, 45), (3.1, 120), (3.3, 90), (3.5, 150)))]
    total = 0
    for i in range(count):
        data, spots = templates[i % len(templates)]
        buf = bytearray(data)
        shift = round(i * 1.1 * 86400)
        for at, endian in spots:
            (value,) = struct.unpack_from(f"{endian}I", buf, at)
            struct.pack_into(f"{endian}I", buf, at, value + shift)
        struct.pack_into("<H", buf, len(buf) - 2, crc16(buf, 0, len(buf) - 2))
        (folder / f"{i:05d}.fit").write_bytes(buf)
        total += len(buf)
    return total / 2**20


def bare_parse(files: list[Path]) -> float:
    import fitdecode

    t0 = time.perf_counter()
    for path in files:
        with fitdecode.FitReader(str(path)) as reader:
            for _frame in reader:
                pass
    return time.perf_counter() - t0


def app_import(folder: Path, db: Path, workers: int) -> tuple[float, int]:
    """Seconds for everything ``soleus-coach runs import FOLDER`` does."""
    from soleus_coach.history.run_import import import_paths
    from soleus_coach.history.store import open_store
    from soleus_coach.runs.results import Outcome

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_store(db)
    t0 = time.perf_counter()
    results = import_paths(store, [folder], workers=workers)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed, sum(r.outcome is Outcome.IMPORTED for r in results)


def fill_runs(db: Path, runs: int) -> None:
    from soleus_coach.history.store import open_store
    from soleus_coach.runs.model import Run, Source

    store = open_store(db)
    start = datetime.now(UTC) - timedelta(hours=20)
    store.add_runs(Run(start=start - timedelta(hours=13 * i), distance_m=5000 + (i % 9) * 1500,
                       moving_s=1800 + (i % 9) * 500, elapsed_s=1900 + (i % 9) * 500,
                       source=Source.FIT, climb_m=float(i % 80), utc_offset_s=3600,
                       file_name=f"{i:05d}.fit") for i in range(runs))
    store.close()


def run(files: int, records: int, runs: int, sessions: int, history_runs: int
        ) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from benchmarks.history import fill, window_open
    from soleus_coach.runs.importer import default_workers

    cores = default_workers()
    out: dict[str, Any] = {"files": files, "records": records, "runs": runs, "cores": cores}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "fit")
        folder.mkdir()
        t = time.perf_counter()
        out["files_mib"] = make_files(folder, files, records)
        out["make_s"] = time.perf_counter() - t
        paths = sorted(folder.iterdir())
        bare_parse(paths[:20])  # warm the imports and the page cache
        out["bare_s"] = bare_parse(paths)  # once: a quarter of an hour is enough to say it
        one: list[float] = []
        many: list[float] = []
        for _ in range(runs):
            for workers, times in ((1, one), (cores, many)):
                elapsed, imported = app_import(folder, Path(tmp, "import.sqlite3"), workers)
                assert imported == files, imported
                times.append(elapsed)
        out["import_1_s"] = statistics.median(one)
        out["import_s"] = statistics.median(many)
        out["import_ratio"] = out["import_s"] / out["bare_s"]
        out["import_1_ratio"] = out["import_1_s"] / out["bare_s"]
        out["scaling"] = out["import_1_s"] / out["import_s"]

        dbs = {name: Path(tmp, name) for name in ("empty", "screen", "full")}
        for path in dbs.values():
            path.mkdir()
        fill(dbs["screen"] / "history.sqlite3", 20)
        fill_runs(dbs["screen"] / "history.sqlite3", 20)
        fill(dbs["full"] / "history.sqlite3", sessions)
        fill_runs(dbs["full"] / "history.sqlite3", history_runs)
        opened: dict[str, list[float]] = {name: [] for name in dbs}
        for path in dbs.values():  # warm-up
            window_open(path / "history.sqlite3")
        for _ in range(7):
            for name, path in dbs.items():
                opened[name].append(window_open(path / "history.sqlite3"))
        med = {name: statistics.median(v) * 1000 for name, v in opened.items()}
        out.update({"sessions": sessions, "history_runs": history_runs,
                    "open_empty_ms": med["empty"], "open_screen_ms": med["screen"],
                    "open_full_ms": med["full"],
                    "open_ratio": med["full"] / med["empty"],
                    "open_screen_ratio": med["full"] / med["screen"]})
    return out


def write(r: dict[str, Any]) -> None:
    def ok(ratio: float, target: float = 1.5) -> str:
        return "✅ met" if ratio <= target else "❌ not met"

    cores = r["cores"]
    lines = [
        f"## Runs (`python -m benchmarks.runs --files {r['files']} --records {r['records']} "
        f"--runs {r['runs']}`)",
        "",
        f"{r['files']:,} FIT files ({r['files_mib']:.0f} MiB, "
        f"{r['files_mib'] * 1024 / r['files']:.0f} KiB and {r['records']:,}–"
        f"{r['records'] + 750:,} one-second records each: position, distance, altitude, "
        "speed, heart rate, cadence, power and running dynamics, as a watch writes them; six "
        "runs at 4:45 to 6:25 min/km moved day by day), read from a warm page cache. The import is "
        "everything `soleus-coach runs import FOLDER` does: walk, read each file with the size "
        "cap, check its CRC, walk its messages (counting records whose time steps back), "
        "decode the watch's summary with fitdecode, judge and check each run, de-duplicate "
        "and store in a new history (one transaction per 200 files). The baseline reads "
        "every frame of the same files with fitdecode in one process, as the import did "
        f"before. The import is measured with one worker process and with one per core "
        f"({cores} here), median of {r['runs']} alternating run(s).",
        "",
        "| figure | baseline | Soleus Coach | ratio | target |",
        "|---|---|---|---|---|",
        f"| import {r['files']:,} FIT files, {cores} worker processes, vs fitdecode's bare "
        f"parse | {r['bare_s']:.1f} s | {r['import_s']:.1f} s | {r['import_ratio']:.3f}× | "
        f"≤ 0.6× {ok(r['import_ratio'], 0.6)} |",
        f"| the same import with 1 worker process | {r['bare_s']:.1f} s | "
        f"{r['import_1_s']:.1f} s | {r['import_1_ratio']:.3f}× | |",
        f"| open the history window: {r['sessions']:,} sessions and {r['history_runs']:,} "
        f"runs vs an empty history | {r['open_empty_ms']:.0f} ms | {r['open_full_ms']:.0f} ms "
        f"| {r['open_ratio']:.2f}× | ≤ 1.5× {ok(r['open_ratio'])} |",
        f"| the same, vs 20 sessions and 20 runs (one screenful of each) | "
        f"{r['open_screen_ms']:.0f} ms | {r['open_full_ms']:.0f} ms | "
        f"{r['open_screen_ratio']:.2f}× | ≤ 1.5× {ok(r['open_screen_ratio'])} |",
        "",
        f"**Scaling with cores.** {cores} worker processes import {r['scaling']:.2f}× as fast "
        "as one. Each file is read by one worker, start to finish, and nothing is shared "
        "between workers but the queue of files (a few per worker at a time, results back in "
        "order): the work scales with the cores until the main process, which lists the "
        "files, hands them out and stores the runs in SQLite, becomes the limit — it does "
        f"about {r['import_1_s'] / r['files'] * 1000 / max(r['scaling'], 1):.1f} ms of the "
        "work per file here, so more cores keep helping up to roughly the point where the "
        "workers' share per file falls to that. With fewer than "
        "six files no process is started (starting one costs more than reading them). The "
        "bulk of the gain is the FIT walk (`soleus_coach/runs/fit.py`): fitdecode decodes "
        "every field of every record in pure Python "
        f"({r['files_mib'] / r['bare_s']:.2f} MiB/s here); the walk steps over the records by "
        "the sizes their definitions declare and hands fitdecode only the summary messages, "
        f"{r['bare_s'] / r['import_1_s']:.0f}× faster in one process.",
        "",
        "FIT library: fitdecode rather than Garmin's garmin-fit-sdk. The SDK decoded a one-hour, "
        "1,800-record file in 69 ms against fitdecode's 99 ms (one measurement, this machine, "
        "`Decoder.read()` with its defaults), but its wheel also installs a top-level "
        "`tests` package that shadows this project's `tests` folder, and it gathers every "
        "message into lists where fitdecode streams frames with one typed error per kind of "
        "damage.",
        "",
        "The history window reads sessions and runs a page of 200 rows at a time; the chart, "
        "the weekly distance and the load notes are indexed queries on the start time (runs: "
        "on their local clock). Against an empty history the window paints no rows at all "
        "(see the history benchmark above: 10,000 sessions alone measure about 2.4× against "
        "empty for the same reason).",
        "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--records", type=int, default=4400)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--history-runs", type=int, default=2_000)
    args = parser.parse_args(argv)
    result = run(args.files, args.records, args.runs, args.sessions, args.history_runs)
    write(result)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
