"""``soleus-coach runs import PATH...``, ``runs list [-n N]`` and ``runs confirm ID...``. No Qt.

The command line's ``runs`` verb; :mod:`soleus_coach.cli` adds :func:`add_parser` and one
dispatch line. ``import`` takes files, folders, and whole exports (a Strava or Garmin zip, or
an unpacked Strava folder); it prints one line per activity, a progress bar on a terminal,
and the counts; Ctrl+C stops after the files in hand, keeping what was stored. ``confirm``
says that runs marked "not sure" (no sport in the file) were runs, by the number ``list``
and ``import`` show, as History's "Confirm as a run" does.

It never touches a session: the history is opened without the recovery of sessions left in
progress, which belongs to the app (it may be recording one right now).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from soleus_coach import paths
from soleus_coach.runs.describe import clock, describe, pace, start_text
from soleus_coach.untrusted import for_terminal

if TYPE_CHECKING:
    from soleus_coach.history.store import HistoryStore


def confirm_hint(run_id: int | None) -> str:
    return (f"confirm it with `soleus-coach runs confirm {run_id}` or in the History window "
            "(Runs), or delete it there")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    runs = sub.add_parser("runs", help="your runs, from GPX, TCX and FIT files")
    rsub = runs.add_subparsers(dest="runs_command", metavar="ACTION", required=True)
    imp = rsub.add_parser(
        "import", help="import runs from files, folders or whole exports; one line each")
    imp.add_argument("files", nargs="+", type=Path, metavar="PATH",
                     help="GPX, TCX or FIT files (also .gz), folders to search, a Strava or "
                          "Garmin Connect export (.zip, or Strava's unpacked folder)")
    imp.add_argument("-q", "--quiet", action="store_true",
                     help="print only what needs you (not sure, failed) and the counts")
    rlist = rsub.add_parser("list", help="print the recent runs")
    rlist.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")
    confirm = rsub.add_parser("confirm", help="count runs marked “not sure” as runs")
    confirm.add_argument("ids", nargs="+", type=int, metavar="ID",
                         help="the run's number, as `runs list` shows it")


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.runs_command == "import":
        return run_import(args.files, out, quiet=args.quiet)
    if args.runs_command == "confirm":
        return run_confirm(args.ids, out)
    return run_list(max(1, args.limit), out)


class _Bar:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.on = err.isatty()
        self.total = 0
        self.done = 0

    def draw(self) -> None:
        if not self.on or not self.total:
            return
        width = 30
        filled = width * self.done // self.total
        self.err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                       f"{self.done:,}/{self.total:,} read")
        self.err.flush()

    def clear(self) -> None:
        if self.on and self.total:
            self.err.write("\r\033[K")
            self.err.flush()


def _open_for_writing() -> HistoryStore | None:
    """The history, opened as the app opens it (WAL: safe while the app is open) but without
    recovering sessions; its notices on stderr. None when it cannot be written."""
    from soleus_coach.history.store import open_store

    store = open_store(paths.history_db_path(), recover=False)
    for notice in store.notices:
        sys.stderr.write(f"soleus-coach: {notice.text}\n")
    if not store.persistent:
        store.close()
        return None
    return store


def run_import(files: list[Path], out: TextIO, *, quiet: bool = False) -> int:
    """Import into the history file. Unlike ``history export`` this writes, so it opens the
    store as the app does (WAL: safe while the app is open), without recovering sessions."""
    from soleus_coach.history.run_import import import_paths
    from soleus_coach.history.store import StoreWriteError
    from soleus_coach.runs.results import FileResult, Outcome, Summary

    store = _open_for_writing()
    if store is None:
        return 1
    bar = _Bar(sys.stderr)
    stop = threading.Event()

    def line(r: FileResult) -> None:
        if quiet and r.outcome not in (Outcome.NOT_SURE, Outcome.FAILED):
            return
        bar.clear()
        name = for_terminal(r.name)
        detail = for_terminal(r.detail)
        if r.outcome is Outcome.FAILED:
            text = f"{name}: failed: {detail}"
        elif r.outcome is Outcome.NOT_RUN:
            text = f"{name}: not a run: {detail}"
        elif r.run is None:
            text = f"{name}: {r.outcome.value}"
        elif r.outcome is Outcome.NOT_SURE:
            text = f"{name}: not sure {describe(r.run)}: {detail}; {confirm_hint(r.run.id)}"
        else:
            text = f"{name}: {r.outcome.value} {describe(r.run)}"
            if detail:
                text += f": {detail}"
        if r.notes:
            text += f" ({for_terminal('; '.join(r.notes))})"
        out.write(text + "\n")
        bar.draw()

    def listed(total: int) -> None:
        bar.total = total
        bar.draw()

    def step(done: int) -> None:
        bar.done = done
        bar.draw()

    def interrupt(_sig: int, _frame: FrameType | None) -> None:
        if stop.is_set():  # a second Ctrl+C: stop at once
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupt) \
        if threading.current_thread() is threading.main_thread() else None
    try:
        results = import_paths(store, files, progress=line, cancelled=stop.is_set,
                               listed=listed, step=step)
    except StoreWriteError as exc:
        bar.clear()
        sys.stderr.write(f"soleus-coach: {exc}\n")
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        store.close()
    bar.clear()
    s = Summary.of(results)
    if len(results) != 1 or stop.is_set():
        out.write(f"{s.imported} imported, {s.not_sure} not sure, {s.duplicate} duplicate, "
                  f"{s.not_runs} not runs, {s.failed} failed\n")
    if s.not_sure > 1:
        out.write(f"{s.not_sure} runs are marked “not sure”: confirm them with `soleus-coach "
                  "runs confirm ID...` or in the History window (Runs), or delete them "
                  "there.\n")
    if stop.is_set():
        out.write(f"Stopped: {bar.done:,} of {bar.total:,} read; what was read is stored.\n")
        return 130
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
    rows = [("ID", "STARTED", "DISTANCE", "TIME", "PACE", "SOURCE")]
    for r in runs:
        source = r.source.value + (f" {r.file_name}" if r.file_name else "")
        if r.not_sure:
            source += f"  (not sure: soleus-coach runs confirm {r.id}, or in History)"
        rows.append((str(r.id), start_text(r), f"{r.distance_m / 1000:.1f} km",
                     clock(r.time_s), pace(r.pace_s_per_km), for_terminal(source)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        cells = [c.rjust(w) if i in (0, 2, 3, 4) else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row[:5], widths, strict=True))]
        out.write("  ".join([*cells, row[5]]).rstrip() + "\n")
    return 0


def run_confirm(ids: list[int], out: TextIO) -> int:
    """Count each run ``ids`` names as a run (it was marked "not sure"): one line each; 1 if
    a number names no run. The history is opened as ``import`` opens it."""
    from soleus_coach.history.store import StoreWriteError

    store = _open_for_writing()
    if store is None:
        return 1
    code = 0
    try:
        for run_id in ids:
            found = store.run(run_id)
            if found is None:
                sys.stderr.write(f"soleus-coach: no run {run_id} (`soleus-coach runs list` "
                                 "shows their numbers)\n")
                code = 1
            elif not found.not_sure:
                out.write(f"{run_id}: already counts as a run: {describe(found)}\n")
            else:
                store.confirm_run(run_id)
                out.write(f"{run_id}: confirmed as a run: {describe(found)}\n")
    except StoreWriteError as exc:
        sys.stderr.write(f"soleus-coach: {exc}\n")
        code = 1
    finally:
        store.close()
    return code
