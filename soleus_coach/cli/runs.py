"""``soleus-coach runs import FILE...`` and ``soleus-coach runs list [-n N]``. No Qt.

The command line's ``runs`` verb; :mod:`soleus_coach.cli` adds :func:`add_parser` and one
dispatch line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from soleus_coach import paths
from soleus_coach.runs.describe import clock, describe, pace
from soleus_coach.untrusted import for_terminal


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    runs = sub.add_parser("runs", help="your runs, from GPX, TCX and FIT files")
    rsub = runs.add_subparsers(dest="runs_command", metavar="ACTION", required=True)
    imp = rsub.add_parser("import", help="import runs from files or folders; one line per file")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE",
                     help="GPX, TCX or FIT files (also .gz), or folders to search")
    rlist = rsub.add_parser("list", help="print the recent runs")
    rlist.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.runs_command == "import":
        return run_import(args.files, out)
    return run_list(max(1, args.limit), out)


def run_import(files: list[Path], out: TextIO) -> int:
    """Import into the history file. Unlike ``history export`` this writes, so it opens the
    store as the app does (WAL: safe while the app is open)."""
    from soleus_coach.history.run_import import import_paths
    from soleus_coach.history.store import StoreWriteError, open_store
    from soleus_coach.runs.importer import FileResult, Outcome, Summary

    store = open_store(paths.history_db_path())
    for notice in store.notices:
        sys.stderr.write(f"soleus-coach: {notice.text}\n")
    if not store.persistent:
        store.close()
        return 1

    def line(r: FileResult) -> None:
        name = for_terminal(str(r.path))
        if r.outcome is Outcome.FAILED:
            out.write(f"{name}: failed: {for_terminal(r.detail)}\n")
        elif r.outcome is Outcome.SKIPPED:
            out.write(f"{name}: skipped: {for_terminal(r.detail)}, not a run\n")
        elif r.run is not None:
            out.write(f"{name}: {r.outcome.value} {describe(r.run)}\n")

    try:
        results = import_paths(store, files, progress=line)
    except StoreWriteError as exc:
        sys.stderr.write(f"soleus-coach: {exc}\n")
        return 1
    finally:
        store.close()
    s = Summary.of(results)
    if len(results) != 1:
        out.write(f"{s.imported} imported, {s.duplicate} duplicate, {s.skipped} skipped "
                  f"(not runs), {s.failed} failed\n")
    return 1 if s.failed else 0


def run_list(limit: int, out: TextIO) -> int:
    from soleus_coach.history.store import open_snapshot

    store = open_snapshot(paths.history_db_path())
    for notice in store.notices:
        sys.stderr.write(f"soleus-coach: {notice.text}\n")
    runs = store.runs(limit=limit)
    store.close()
    if not runs:
        out.write(f"No runs yet ({paths.history_db_path()}).\n")
        return 0
    rows = [("STARTED", "DISTANCE", "TIME", "PACE", "SOURCE")]
    for r in runs:
        source = r.source.value + (f" {r.file_name}" if r.file_name else "")
        rows.append((r.local_start.strftime("%Y-%m-%d %H:%M"), f"{r.distance_m / 1000:.1f} km",
                     clock(r.moving_s), pace(r.pace_s_per_km), for_terminal(source)))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [c.rjust(w) if i in (1, 2, 3) else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row[:4], widths, strict=True))]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    return 0
