"""Read many activity files: walk folders, read each file into runs, count the outcomes.
No Qt and no database: :mod:`soleus_coach.history.run_import` stores what is read; the
command line calls it directly, the GUI from a worker thread.

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

from soleus_coach import texts
from soleus_coach.runs.model import Run, RunProblem
from soleus_coach.runs.parse import FileRuns, is_activity_file, read_file

#: At most this many files are read from one folder given to import (a whole disk by mistake
#: would otherwise be walked for hours).
MAX_FILES = 20_000


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
