"""Store the runs read from files in the history, in batches: one transaction (and fsync)
per batch of files, a :class:`FileResult` per run in the order of the files. No Qt."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from soleus_coach.history.store import HistoryStore
from soleus_coach.runs.importer import FileResult, Outcome, Read, read_paths
from soleus_coach.runs.model import Run

#: Files stored per transaction: one commit (and fsync) per batch, not per file.
BATCH = 200


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
