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
#: Runs stored per transaction: one commit (and fsync) per batch, not per file.
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


def import_paths(store: HistoryStore, paths: Iterable[Path], *,
                 progress: Callable[[FileResult], None] | None = None,
                 cancelled: Callable[[], bool] = lambda: False,
                 now: datetime | None = None) -> list[FileResult]:
    """Read every file and store its runs; results in the order of the files.

    A failure to write (disk full) stops the import with :class:`StoreWriteError`; what was
    committed before stays, and nothing stored earlier is touched.
    """
    results: list[FileResult] = []
    pending: list[tuple[Path, Run]] = []

    def flush() -> None:
        stored = store.add_runs(run for _p, run in pending)
        for (path, _run), (run, new) in zip(pending, stored, strict=True):
            result = FileResult(path, Outcome.IMPORTED if new else Outcome.DUPLICATE, run=run)
            results.append(result)
            if progress:
                progress(result)
        pending.clear()

    def report(result: FileResult) -> None:
        results.append(result)
        if progress:
            progress(result)

    for item in walk(paths):
        if cancelled():
            break
        if isinstance(item, FileResult):
            report(item)
            continue
        try:
            found: FileRuns = read_file(item, now=now)
        except RunProblem as exc:
            report(FileResult(item, Outcome.FAILED, str(exc)))
            continue
        for sport in found.other_sports:
            report(FileResult(item, Outcome.SKIPPED, sport))
        for problem in found.problems:
            report(FileResult(item, Outcome.FAILED, problem))
        pending.extend((item, run) for run in found.runs)
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()
    return results
