"""Import files into the history: walk folders, read each file, store its runs in batches.
No Qt: the command line calls it directly, the GUI from a worker thread.

One :class:`FileResult` per file (per activity, for the rare file that holds several), so
that the caller can print one line each and a summary of counts.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from soleus_coach import texts
from soleus_coach.runs.model import Run, RunProblem
from soleus_coach.runs.parse import FileRuns, is_activity_file, read_file

if TYPE_CHECKING:
    from soleus_coach.history.store import HistoryStore

#: At most this many files are read from one folder given to import (a whole disk by mistake
#: would otherwise be walked for hours).
MAX_FILES = 20_000
#: Files stored per transaction: one commit (and fsync) per batch, not per file.
BATCH = 200


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"  # another sport: counted, not an error
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    outcome: Outcome
    detail: str = ""  # the reason (failed), the sport (skipped)
    run: Run | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    imported: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Summary:
        counts = dict.fromkeys(Outcome, 0)
        for r in results:
            counts[r.outcome] += 1
        return cls(counts[Outcome.IMPORTED], counts[Outcome.DUPLICATE],
                   counts[Outcome.SKIPPED], counts[Outcome.FAILED])


def walk(paths: Iterable[Path], limit: int = MAX_FILES) -> Iterator[Path | FileResult]:
    """Files to read: each path given, and the activity files under each folder given
    (sorted, links not followed). A folder with more than ``limit`` of them yields a failure
    for the rest instead of reading on."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = 0
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                file = Path(root, name)
                if not is_activity_file(file):
                    continue
                found += 1
                if found > limit:
                    yield FileResult(path, Outcome.FAILED,
                                     texts.fill(texts.RUN_TOO_MANY_FILES, limit, path))
                    return
                yield file


@dataclass(frozen=True, slots=True)
class Read:
    """One file read (off the GUI thread): its runs, or why it gave none."""

    path: Path
    runs: FileRuns | None = None
    problem: str = ""


def read_paths(paths: Iterable[Path], *, cancelled: Callable[[], bool] = lambda: False,
               now: datetime | None = None) -> Iterator[Read]:
    """Read every file (of the folders, too); touches no database, so it can run in a
    worker thread while the GUI thread keeps the store."""
    for item in walk(paths):
        if cancelled():
            return
        if isinstance(item, FileResult):
            yield Read(item.path, problem=item.detail)
            continue
        try:
            yield Read(item, read_file(item, now=now))
        except RunProblem as exc:
            yield Read(item, problem=str(exc))


def store_reads(store: HistoryStore, reads: Iterable[Read]) -> list[FileResult]:
    """Store the runs of files read, in one transaction; a result per run, sport skipped
    and problem, in the order of the files. Raises StoreWriteError (nothing of this batch
    stored, nothing stored before touched)."""
    results: list[FileResult | None] = []
    pending: list[tuple[int, Path, Run]] = []
    for read in reads:
        if read.runs is None:
            results.append(FileResult(read.path, Outcome.FAILED, read.problem))
            continue
        results.extend(FileResult(read.path, Outcome.SKIPPED, s)
                       for s in read.runs.other_sports)
        results.extend(FileResult(read.path, Outcome.FAILED, p) for p in read.runs.problems)
        for run in read.runs.runs:
            pending.append((len(results), read.path, run))
            results.append(None)
    stored = store.add_runs(run for _i, _p, run in pending) if pending else []
    for (i, path, _run), (run, new) in zip(pending, stored, strict=True):
        results[i] = FileResult(path, Outcome.IMPORTED if new else Outcome.DUPLICATE, run=run)
    return [r for r in results if r is not None]


def import_paths(store: HistoryStore, paths: Iterable[Path], *,
                 progress: Callable[[FileResult], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 now: datetime | None = None) -> list[FileResult]:
    """Read every file and store its runs, :data:`BATCH` files per transaction; results in
    the order of the files. A failure to write (disk full) stops the import with
    StoreWriteError; what was committed before stays."""
    results: list[FileResult] = []
    batch: list[Read] = []

    def flush() -> None:
        for result in store_reads(store, batch):
            results.append(result)
            if progress:
                progress(result)
        batch.clear()

    for read in read_paths(paths, cancelled=cancelled, now=now):
        batch.append(read)
        if len(batch) >= BATCH:
            flush()
    flush()
    return results
