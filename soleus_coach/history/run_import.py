"""Store the runs read from files in the history, in batches: one transaction (and fsync)
per batch, a :class:`FileResult` per activity in the order of the files. No Qt.

The store decides duplicates (:meth:`~soleus_coach.history.run_store.RunStore.add_runs`):
the same run from a better source replaces the stored figures; a run marked "not sure" is
confirmed by a file that says it was a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from soleus_coach import texts
from soleus_coach.history.store import HistoryStore
from soleus_coach.runs.importer import Read, plan, read_all
from soleus_coach.runs.model import Run
from soleus_coach.runs.results import FileResult, Outcome
from soleus_coach.runs.sports import name_of

#: Files stored per transaction: one commit (and fsync) per batch, not per file.
BATCH = 200


def store_reads(store: HistoryStore, reads: Iterable[Read | FileResult]) -> list[FileResult]:
    """Store the runs of files read, in one transaction; a result per run, sport skipped
    and problem, in the order of the files. Raises StoreWriteError (nothing of this batch
    stored, nothing stored before touched)."""
    results: list[FileResult | None] = []
    pending: list[tuple[int, str, Run, str, tuple[str, ...]]] = []
    for read in reads:
        if isinstance(read, FileResult):
            results.append(read)
            continue
        if read.runs is None:
            results.append(FileResult(read.name, Outcome.FAILED, str(read.problem or "")))
            continue
        found = read.runs
        notes = tuple(str(n) for n in found.notes)
        results.extend(FileResult(read.name, Outcome.NOT_RUN,
                                  str(s.why) if s.why else name_of(s.sport, s.word))
                       for s in found.skipped)
        results.extend(FileResult(read.name, Outcome.FAILED, str(p)) for p in found.problems)
        for run, why in zip(found.runs, found.doubts, strict=True):
            pending.append((len(results), read.name, run, str(why) if why else "", notes))
            results.append(None)
    stored = store.add_runs(p[2] for p in pending) if pending else []
    for (i, name, _run, doubt, notes), kept in zip(pending, stored, strict=True):
        if kept.new:
            outcome = Outcome.NOT_SURE if kept.run.not_sure else Outcome.IMPORTED
            detail = doubt if kept.run.not_sure else ""
        else:
            outcome = Outcome.DUPLICATE
            detail = ""
            if kept.replaced is not None:
                detail = texts.fill(texts.RUN_BETTER_SOURCE, _run.source.value.upper(),
                                    kept.replaced.value.upper())
            elif kept.confirmed:
                detail = texts.translate(texts.RUN_SAYS_RUN)
        results[i] = FileResult(name, outcome, detail, kept.run, notes)
    return [r for r in results if r is not None]


def import_paths(store: HistoryStore, paths: Iterable[Path], *,
                 progress: Callable[[FileResult], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 now: datetime | None = None, workers: int | None = None,
                 listed: Callable[[int], None] | None = None,
                 step: Callable[[int], None] | None = None) -> list[FileResult]:
    """Find, read and store every run under ``paths``, :data:`BATCH` files per transaction;
    results in the order of the files. ``listed`` is told how many entries (files, and
    activities settled from an export's index) there are once they are found, ``step`` how
    many have been read as they are. Stops after the files in hand when ``cancelled()``
    turns true (what was read is stored). A failure to write (disk full) stops the import
    with StoreWriteError; what was committed before stays."""
    results: list[FileResult] = []
    batch: list[Read | FileResult] = []

    def flush() -> None:
        for result in store_reads(store, batch):
            results.append(result)
            if progress:
                progress(result)
        batch.clear()

    with plan(paths, cancelled=cancelled) as found:
        if listed:
            listed(len(found.entries))
        reads = read_all(found.entries, cancelled=cancelled, now=now, workers=workers)
        done = 0
        try:
            for read in reads:
                batch.append(read)
                done += 1
                if step:
                    step(done)
                if len(batch) >= BATCH:
                    flush()
        finally:
            reads.close()
        flush()
    return results
