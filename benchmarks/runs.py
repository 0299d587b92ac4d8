"""Runs at scale, each against a baseline measured in the same run.

- importing 1,000 FIT files (about three years of running) with ``soleus_coach.runs`` — read,
  checked, de-duplicated and stored in a fresh history — against reading every frame of the
  same files with fitdecode alone (the bare parse);
- opening the history window with 10,000 sessions and 2,000 runs against an empty history
  (and against one screenful: 20 sessions, 20 runs).

The FIT files are written with fit-tool (the ``test`` extra): a few templates, each copied
with its timestamps moved by whole days and its CRC recomputed, since fit-tool needs about a
millisecond per record to encode. ``python -m benchmarks.runs [--files 1000] [--records 600]
[--runs 3]``; writes docs/benchmarks/runs.md.
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


def _template(km: float, records: int, climb: float) -> tuple[bytes, list[tuple[int, str]]]:
    """A FIT activity and the offsets (with byte order) of every time field in it."""
    import fitdecode

    from tests.runfiles import Track, fit

    data = fit(Track(start=datetime(2023, 1, 2, 6, 30, tzinfo=UTC), distance_m=km * 1000,
                     elapsed_s=round(km * 330), points=records, climb_m=climb))
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
    from fitdecode.utils import compute_crc

    templates = [_template(km, records, climb) for km, climb in
                 ((5.0, 20), (8.0, 60), (10.0, 45), (12.5, 120), (16.0, 90), (21.1, 150))]
    total = 0
    for i in range(count):
        data, spots = templates[i % len(templates)]
        buf = bytearray(data)
        shift = round(i * 1.1 * 86400)
        for at, endian in spots:
            (value,) = struct.unpack_from(f"{endian}I", buf, at)
            struct.pack_into(f"{endian}I", buf, at, value + shift)
        struct.pack_into("<H", buf, len(buf) - 2, compute_crc(buf, end=len(buf) - 2))
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


def app_import(folder: Path, db: Path) -> tuple[float, int]:
    from soleus_coach.history.run_import import import_paths
    from soleus_coach.history.store import open_store
    from soleus_coach.runs.importer import Outcome

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_store(db)
    t0 = time.perf_counter()
    results = import_paths(store, [folder])
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

    out: dict[str, Any] = {"files": files, "records": records, "runs": runs}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "fit")
        folder.mkdir()
        t = time.perf_counter()
        out["files_mib"] = make_files(folder, files, records)
        out["make_s"] = time.perf_counter() - t
        paths = sorted(folder.iterdir())
        bare_parse(paths[:50])  # warm the imports and the page cache
        bare, mine = [], []
        for _ in range(runs):
            bare.append(bare_parse(paths))
            elapsed, imported = app_import(folder, Path(tmp, "import.sqlite3"))
            mine.append(elapsed)
            assert imported == files, imported
        out["bare_s"] = statistics.median(bare)
        out["import_s"] = statistics.median(mine)
        out["import_ratio"] = out["import_s"] / out["bare_s"]

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
    def ok(ratio: float) -> str:
        return "✅ met" if ratio <= 1.5 else "❌ not met"

    lines = [
        f"## Runs (`python -m benchmarks.runs --files {r['files']} --records {r['records']} "
        f"--runs {r['runs']}`)",
        "",
        f"{r['files']:,} FIT files ({r['files_mib']:.1f} MiB, {r['records']} records each, "
        "six activities from 5 to 21.1 km moved day by day), read from a warm page cache; "
        f"median of {r['runs']} alternating runs. The import is everything "
        "`soleus-coach runs import FOLDER` does: walk, read with the size cap, decode with "
        "fitdecode (CRC checked), check each run, de-duplicate and store in a new history "
        "(one transaction per 200 files). The baseline reads every frame of the same files "
        "with fitdecode alone.",
        "",
        "| figure | baseline | Soleus Coach | ratio | target |",
        "|---|---|---|---|---|",
        f"| import {r['files']:,} FIT files vs fitdecode's bare parse | {r['bare_s']:.2f} s | "
        f"{r['import_s']:.2f} s | {r['import_ratio']:.2f}× | ≤ 1.5× "
        f"{ok(r['import_ratio'])} |",
        f"| open the history window: {r['sessions']:,} sessions and {r['history_runs']:,} "
        f"runs vs an empty history | {r['open_empty_ms']:.0f} ms | {r['open_full_ms']:.0f} ms "
        f"| {r['open_ratio']:.2f}× | ≤ 1.5× {ok(r['open_ratio'])} |",
        f"| the same, vs 20 sessions and 20 runs (one screenful of each) | "
        f"{r['open_screen_ms']:.0f} ms | {r['open_full_ms']:.0f} ms | "
        f"{r['open_screen_ratio']:.2f}× | ≤ 1.5× {ok(r['open_screen_ratio'])} |",
        "",
        "FIT library: fitdecode rather than Garmin's garmin-fit-sdk. The SDK decoded a one-hour, "
        "1,800-record file in 69 ms against fitdecode's 99 ms (one measurement, this machine, "
        "`Decoder.read()` with its defaults), but its wheel also installs a top-level "
        "`tests` package that shadows this project's `tests` folder, and it gathers every "
        "message into lists where fitdecode streams frames with one typed error per kind of "
        "damage. The import's own cost over the bare parse is the run checks, the "
        "duplicate look-up (an indexed range query on the start time) and SQLite.",
        "",
        "The history window reads sessions and runs a page of 200 rows at a time; the chart, "
        "the weekly distance and the load notes are indexed queries on the start time. "
        "Against an empty history the window paints no rows at all (see the history "
        "benchmark above: 10,000 sessions alone measure about 2.4× against empty for the "
        "same reason).",
        "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--records", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--history-runs", type=int, default=2_000)
    args = parser.parse_args(argv)
    result = run(args.files, args.records, args.runs, args.sessions, args.history_runs)
    write(result)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
