"""Read many activity files: find them (folders, archives, Strava and Garmin exports), read
each in a worker process (one per core), in order. No Qt and no database:
:mod:`soleus_coach.history.run_import` stores what is read; the command line calls it
directly, the window from a worker thread.

**Listing** (:func:`plan`): files given are read as they are; folders are walked (sorted,
links not followed; a folder holding Strava's ``activities.csv`` is read as a Strava export);
zips are listed by :mod:`soleus_coach.runs.archive`. What is settled while listing (an
activity of another sport in Strava's index, an unreadable archive) is a
:class:`~soleus_coach.runs.results.FileResult` in its place.

**Reading** (:func:`read_all`): a FIT file of an hour is decoded in pure Python, so many files
are read in parallel processes (``spawn``: safe beside the window's threads, the same on every
platform), a few at a time per worker, and handed back in the order of the listing. Fewer than
:data:`PARALLEL_FROM` files are read in this process (starting a worker costs more than
reading them). A worker that dies does not lose the import: the rest is read here.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from soleus_coach import texts
from soleus_coach.runs.archive import (
    CSV_NAME,
    Budget,
    Entry,
    Item,
    Zip,
    is_archive,
    list_zip,
    strava_folder,
)
from soleus_coach.runs.model import RunProblem, Said, said
from soleus_coach.runs.parse import FileRuns, Hint, is_activity_file, parse_bytes, read_capped
from soleus_coach.runs.results import INSIDE, FileResult, Outcome, Summary

log = logging.getLogger(__name__)

#: At most this many files are read in one import (a whole disk given by mistake would
#: otherwise be walked for hours).
MAX_FILES = 20_000
#: From this many files on, they are read in worker processes.
PARALLEL_FROM = 6

__all__ = ["MAX_FILES", "FileResult", "Outcome", "Plan", "Read", "Summary", "plan", "read_all",
           "scan_folder"]


@dataclass(frozen=True, slots=True)
class Read:
    """One file read: its runs, or why it gave none."""

    name: str
    runs: FileRuns | None = None
    problem: Said | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """What a worker process needs to read one file (picklable)."""

    name: str
    path: str | None
    data: bytes | None
    hint: Hint | None
    now: datetime


def read_task(task: Task) -> Read:
    """Read one file (in a worker process, or here). Never raises for a bad file."""
    try:
        data = task.data if task.data is not None else read_capped(Path(task.path or ""))
        base = task.name.rsplit(INSIDE, 1)[-1].rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
        return Read(task.name, parse_bytes(data, base, now=task.now, hint=task.hint))
    except RunProblem as exc:
        return Read(task.name, problem=exc.said)
    except Exception:  # a bug must not end an import of a thousand files
        log.exception("reading %s failed", task.name)
        return Read(task.name, problem=said(texts.RUN_BAD_XML, "?", "internal error"))


@dataclass(slots=True)
class Plan:
    """What an import will read, in order; close it to close the archives it opened."""

    entries: list[Entry] = field(default_factory=list)
    archives: list[Zip] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(isinstance(e, Item) for e in self.entries)

    def close(self) -> None:
        for z in reversed(self.archives):
            try:
                z.close()
            except OSError:
                log.warning("could not close %s", z.label)
        self.archives.clear()

    def __enter__(self) -> Plan:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def plan(paths: Iterable[Path], *, limit: int = MAX_FILES,
         cancelled: Callable[[], bool] = lambda: False) -> Plan:
    """Everything to read under ``paths`` (see the module)."""
    out = Plan()
    budget = Budget()
    count = 0
    for path in paths:
        for entry in _entries(path, budget, out.archives, cancelled):
            if isinstance(entry, Item):
                count += 1
                if count > limit:
                    out.entries.append(FileResult(str(path), Outcome.FAILED, texts.fill(
                        texts.RUN_TOO_MANY_FILES, limit, path)))
                    return out
            out.entries.append(entry)
        if cancelled():
            break
    return out


def _entries(path: Path, budget: Budget, archives: list[Zip],
             cancelled: Callable[[], bool]) -> Iterator[Entry]:
    if not path.is_dir():
        if is_archive(path):
            yield from list_zip(path, budget, archives)
        else:
            yield Item(str(path), path=path)
        return
    for root, dirs, files in os.walk(path, followlinks=False):
        if cancelled():
            return
        dirs.sort()
        if CSV_NAME in files:  # an unpacked Strava export: what its index names, only
            dirs.clear()
            try:
                yield from strava_folder(Path(root), Path(root, CSV_NAME))
            except RunProblem as exc:
                yield FileResult(str(Path(root, CSV_NAME)), Outcome.FAILED, str(exc))
            continue
        for name in sorted(files):
            file = Path(root, name)
            if is_archive(name):
                yield from list_zip(file, budget, archives)
            elif is_activity_file(name):
                yield Item(str(file), path=file)


def scan_folder(folder: Path, *, limit: int = MAX_FILES) -> tuple[list[Path], list[Path]]:
    """A watched folder: the files and exports to import (activity files, zips, and folders
    holding a Strava ``activities.csv``), and every folder under it (to watch)."""
    found: list[Path] = []
    folders: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        folders.append(Path(root))
        if CSV_NAME in files:
            dirs.clear()
            found.append(Path(root, CSV_NAME))
            continue
        found.extend(Path(root, n) for n in sorted(files)
                     if is_activity_file(n) or is_archive(n))
        if len(found) > limit:
            break
    return found[:limit], folders


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _task(item: Item, now: datetime) -> Task | Read:
    try:
        data = item.data()
    except RunProblem as exc:
        return Read(item.name, problem=exc.said)
    return Task(item.name, None if item.path is None else str(item.path), data, item.hint, now)


def _quiet_worker() -> None:
    """A worker leaves Ctrl+C to the process that started it (which stops cleanly)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def read_all(entries: Sequence[Entry], *, workers: int | None = None,
             cancelled: Callable[[], bool] = lambda: False,
             now: datetime | None = None) -> Generator[Read | FileResult, None, None]:
    """A :class:`Read` per item and the results settled while listing, in the order of
    ``entries``; stops when ``cancelled()`` turns true."""
    now = now or datetime.now(UTC)
    n = default_workers() if workers is None else workers
    if n <= 1 or sum(isinstance(e, Item) for e in entries) < PARALLEL_FROM:
        for e in entries:
            if cancelled():
                return
            yield e if isinstance(e, FileResult) else _here(_task(e, now))
        return
    yield from _parallel(entries, n, cancelled, now)


def _here(task: Task | Read) -> Read:
    return task if isinstance(task, Read) else read_task(task)


def _parallel(entries: Sequence[Entry], workers: int, cancelled: Callable[[], bool],
              now: datetime) -> Generator[Read | FileResult, None, None]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_quiet_worker)
    window: deque[tuple[Task | Read | FileResult, Future[Read] | None]] = deque()
    job: Task | Read | FileResult
    rest = iter(entries)
    try:
        while True:
            while len(window) < workers * 4 and not cancelled():
                entry = next(rest, None)
                if entry is None:
                    break
                if isinstance(entry, FileResult):
                    window.append((entry, None))
                    continue
                job = _task(entry, now)
                future = pool.submit(read_task, job) if pool is not None and \
                    isinstance(job, Task) else None
                window.append((job, future))
            if not window or cancelled():
                return
            job, future = window.popleft()
            if future is None:
                yield job if isinstance(job, FileResult) else _here(job)
                continue
            try:
                read = future.result()
            except BrokenProcessPool:  # a worker died: read the rest here
                log.warning("a run-reading process died; reading on in this one")
                if pool is not None:
                    pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                assert isinstance(job, Task)
                read = read_task(job)
                window = deque((j, None) for j, _f in window)
            yield read
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
