"""The work of an import off the GUI thread: finding and reading files (:class:`ReadTask`)
and scanning a watched folder (:class:`ScanTask`), each a QRunnable on :class:`RunsUi`'s
pool that posts its results back by signal (queued to the GUI thread). No store here: the
GUI thread writes what comes back.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)

#: Files read between two deliveries to the GUI thread, and the longest wait between two.
CHUNK = 50
CHUNK_S = 0.25
#: Folders under a watched one that are watched too (each costs an inotify watch).
MAX_WATCHED_FOLDERS = 2000


class ReadSignals(QObject):
    listed = Signal(int)  # how many entries the import has
    chunk = Signal(object)  # list[Read | FileResult]
    done = Signal()


class ReadTask(QRunnable):
    """Finds the files and reads them (in worker processes), in a pool thread; posts them
    back in chunks (queued to the GUI thread)."""

    def __init__(self, paths: Sequence[Path], signals: ReadSignals,
                 cancel: threading.Event) -> None:
        super().__init__()
        self.paths = list(paths)
        self.signals = signals
        self.cancel = cancel

    def run(self) -> None:
        from soleus_coach.runs.importer import plan, read_all

        try:
            with plan(self.paths, cancelled=self.cancel.is_set) as found:
                self.signals.listed.emit(len(found.entries))
                batch: list[object] = []
                sent = time.monotonic()
                reads = read_all(found.entries, cancelled=self.cancel.is_set)
                try:
                    for read in reads:
                        batch.append(read)
                        if len(batch) >= CHUNK or time.monotonic() - sent >= CHUNK_S:
                            self.signals.chunk.emit(batch)
                            batch, sent = [], time.monotonic()
                finally:
                    reads.close()
                if batch:
                    self.signals.chunk.emit(batch)
            self.signals.done.emit()
        except RuntimeError:  # the app quit under us: its signals object is gone
            log.info("run import abandoned at quit")
        except Exception:  # a bug must not kill the pool thread silently
            log.exception("reading runs failed")
            self.signals.done.emit()


class ScanSignals(QObject):
    found = Signal(object, object)  # new paths to import, folders to watch


class ScanTask(QRunnable):
    """Scans a watched folder and its subfolders in a pool thread: what is new since the
    last scan (names, sizes and times are kept in ``runs-watched.json``; a changed file is
    read again), and every folder to watch."""

    def __init__(self, folder: Path, seen_path: Path | None, signals: ScanSignals) -> None:
        super().__init__()
        self.folder = folder
        self.seen_path = seen_path
        self.signals = signals

    def run(self) -> None:
        from soleus_coach.runs.importer import scan_folder

        try:
            files, folders = scan_folder(self.folder)
            seen = self._seen()
            new, keys = [], set()
            for path in files:
                try:
                    st = path.stat()
                except OSError:
                    continue
                key = f"{path.relative_to(self.folder)}|{st.st_size}|{int(st.st_mtime)}"
                keys.add(key)
                if key not in seen:  # an unpacked Strava export is imported as one folder
                    new.append(path.parent if path.name == "activities.csv" else path)
            self._remember(keys | seen)
            self.signals.found.emit(new, folders[:MAX_WATCHED_FOLDERS])
        except RuntimeError:
            log.info("watched-folder scan abandoned at quit")
        except Exception:
            log.exception("scanning the watched folder failed")
            self.signals.found.emit([], [])

    def _seen(self) -> set[str]:
        from soleus_coach.runs.model import RunProblem
        from soleus_coach.runs.parse import read_capped

        if self.seen_path is None or not self.seen_path.exists():
            return set()
        try:
            data = json.loads(read_capped(self.seen_path, 32 * 2**20))
        except (RunProblem, ValueError) as exc:
            log.warning("ignored %s: %s", self.seen_path, exc)
            return set()
        return {k for k in data if isinstance(k, str)} if isinstance(data, list) else set()

    def _remember(self, keys: set[str]) -> None:
        from soleus_coach.atomic import write_text_atomic

        if self.seen_path is None:
            return
        try:
            write_text_atomic(self.seen_path, lambda fh: fh.write(json.dumps(sorted(keys))),
                              replace=True)
        except OSError as exc:
            log.warning("cannot remember the watched folder's files: %s", exc)
