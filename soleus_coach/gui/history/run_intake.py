"""Runs in the main window: File → Import runs…, files dropped on the window, a watched
folder, a run added by hand, the import summary and the after-a-run offer.

One object, :class:`RunsUi`, made by the main window in one line; it adds its own menu items
and event filter. Files are read in a worker thread (:class:`_ReadTask` on a private
QThreadPool) and come back by signal; the store is written on the GUI thread only, in one
transaction per chunk, so a session being recorded never meets an import mid-transaction.
Every text from a file (activity names, file names) is shown as plain text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMenu

from soleus_coach.gui.common.actions import SPECS, ActionId, make_action
from soleus_coach.gui.common.windows import window_state
from soleus_coach.reader import read_user_text
from soleus_coach.texts import fill_in

# Made with the main window: what it imports at start-up stays small (no history store, no
# run model, no parsing library); the rest is imported when first used.
if TYPE_CHECKING:
    from PySide6.QtCore import QFileSystemWatcher
    from PySide6.QtWidgets import QDialog, QMessageBox

    from soleus_coach.gui.history.run_dialogs import ManualRunDialog
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.runs.importer import FileResult, Read
    from soleus_coach.runs.model import Run

log = logging.getLogger(__name__)

#: A run imported that started this recently gets the after-a-run offer.
OFFER_WITHIN = timedelta(hours=4)
#: The routine offered after a run.
POST_RUN_ROUTINE = "post-run-soleus"
#: Files read between two deliveries to the GUI thread.
CHUNK = 50
#: A watched folder is scanned this long after its last change (a sync tool writes in bursts).
SETTLE_MS = 1500
FOLDER_KEY = "runs/watchedFolder"


def utc_now() -> datetime:
    return datetime.now(UTC)


#: The list of files a watched folder has had: a few thousand names.
SEEN_MAX_BYTES = 8 * 2**20


class _Signals(QObject):
    chunk = Signal(object)  # list[Read]
    done = Signal()


class _ReadTask(QRunnable):
    """Reads files in a pool thread; posts them back in chunks (queued to the GUI thread)."""

    def __init__(self, paths: Sequence[Path], signals: _Signals,
                 cancelled: Callable[[], bool]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.signals = signals
        self.cancelled = cancelled

    def run(self) -> None:
        from soleus_coach.runs.importer import read_paths

        batch: list[Read] = []
        try:
            for read in read_paths(self.paths, cancelled=self.cancelled):
                batch.append(read)
                if len(batch) >= CHUNK:
                    self.signals.chunk.emit(batch)
                    batch = []
            if batch:
                self.signals.chunk.emit(batch)
            self.signals.done.emit()
        except RuntimeError:  # the app quit under us: its signals object is gone
            log.info("run import abandoned at quit")
        except Exception:  # a bug must not kill the pool thread silently
            log.exception("reading runs failed")
            self.signals.done.emit()


class RunsUi(QObject):
    """The runs features of a main window. ``store`` opens the history on first use."""

    #: An import finished: every result of it (list[FileResult]).
    finished = Signal(object)
    #: The after-a-run offer was made for this run.
    offered = Signal(object)

    def __init__(self, window: QMainWindow, store: Callable[[], HistoryStore], *,
                 start_routine: Callable[[str], object],
                 on_change: Callable[[], object] = lambda: None,
                 state_file: Path | None = None,
                 now: Callable[[], datetime] = utc_now,
                 after_run_routine: Callable[[], str] = lambda: POST_RUN_ROUTINE) -> None:
        super().__init__(window)
        #: The routine the offer starts: the runner's choice for "After a run".
        self._after_run_routine = after_run_routine
        self.window = window
        self._store = store
        self._start_routine = start_routine
        self._on_change = on_change
        self._state_file = state_file
        self.now = now
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._cancel = False
        self._signals: list[_Signals] = []
        self._queue: list[tuple[list[Path], bool]] = []
        self._busy = False
        self._results: list[FileResult] = []
        self._quiet = False
        self.summary: QDialog | None = None
        self.offer: QMessageBox | None = None
        self.watcher: QFileSystemWatcher | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.scan_watched)
        self._add_actions()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        folder = self.watched_folder()
        if folder is not None:
            # after the first paint; the timer goes with this object if it goes first
            QTimer.singleShot(2000, self, lambda: self.watch(folder))

    # ----------------------------------------------------------------- menu

    def _add_actions(self) -> None:
        bar = self.window.menuBar()
        menu = bar.actions()[0].menu() if bar.actions() else None
        if not isinstance(menu, QMenu):
            menu = bar.addMenu(self.tr("&Runs"))
        before = next((a for a in menu.actions() if a.isSeparator()), None)
        self.import_action = make_action(self.window, SPECS[ActionId.IMPORT_RUNS],
                                         self.choose_files)
        self.manual_action = make_action(self.window, SPECS[ActionId.ADD_RUN], self.add_by_hand)
        self.folder_action = make_action(self.window, SPECS[ActionId.WATCHED_FOLDER],
                                         self.choose_folder)
        for act in (self.import_action, self.manual_action, self.folder_action):
            menu.insertAction(before, act)  # type: ignore[arg-type]
        menu.insertSeparator(self.import_action)

    # ----------------------------------------------------------------- importing

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import runs"), "",
            self.tr("Activity files (*.gpx *.tcx *.fit *.gpx.gz *.tcx.gz *.fit.gz);;"
                    "All files (*)"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: Sequence[Path], *, quiet: bool = False) -> None:
        """Read ``paths`` (files or folders) in the background and store their runs; then
        the summary (unless ``quiet``: the watched folder says it in the status bar)."""
        if not paths:
            return
        self._queue.append((list(paths), quiet))
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._queue:
            return
        paths, quiet = self._queue.pop(0)
        self._busy = True
        self._quiet = quiet
        self._results = []
        signals = _Signals()
        self._signals.append(signals)
        signals.chunk.connect(self._store_chunk)
        signals.done.connect(lambda: self._done(signals))
        self.window.statusBar().showMessage(self.tr("Reading runs…"))
        self.pool.start(_ReadTask(paths, signals, lambda: self._cancel))

    def _store_chunk(self, reads: list[Read]) -> None:
        from soleus_coach.history.run_import import store_reads
        from soleus_coach.history.store import StoreWriteError
        from soleus_coach.runs.importer import FileResult, Outcome

        try:
            self._results.extend(store_reads(self._store(), reads))
        except StoreWriteError as exc:
            self._results.extend(FileResult(r.path, Outcome.FAILED, str(exc)) for r in reads)
        self.window.statusBar().showMessage(
            self.tr("Reading runs… %n file(s) so far", "", len(self._results)))

    def _done(self, signals: _Signals) -> None:
        from soleus_coach.runs.importer import Outcome, Summary

        self._signals.remove(signals)
        signals.deleteLater()
        self._busy = False
        results, self._results = self._results, []
        s = Summary.of(results)
        self.window.statusBar().showMessage(self.summary_line(s), 15000)
        if s.imported:
            self._on_change()
        self.finished.emit(results)
        if not self._quiet or s.failed:
            self.show_summary(results)
        recent = [r.run for r in results if r.outcome is Outcome.IMPORTED and r.run is not None
                  and self.now() - OFFER_WITHIN <= r.run.start <= self.now()]
        if recent:
            self.offer_routine(max(recent, key=lambda run: run.start))
        self._next()

    def summary_line(self, s: object) -> str:
        from soleus_coach.runs.importer import Summary

        assert isinstance(s, Summary)
        return (self.tr("%n run(s) imported", "", s.imported) + ", " +
                self.tr("%n duplicate(s)", "", s.duplicate) + ", " +
                self.tr("%n skipped (not runs)", "", s.skipped) + ", " +
                self.tr("%n failed", "", s.failed))

    def show_summary(self, results: list[FileResult]) -> None:
        from soleus_coach.gui.history.run_dialogs import ImportSummary
        from soleus_coach.runs.importer import Summary

        dialog = ImportSummary(results, self.summary_line(Summary.of(results)), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "summary", None))
        self.summary = dialog
        dialog.open()

    # ----------------------------------------------------------------- after a run

    def offer_routine(self, run: Run) -> None:
        """"You ran 12.3 km at 18:05 — start your post-run routine?" Yes starts it; No, Esc
        and closing leave it (the offer is a convenience, never a nag)."""
        from PySide6.QtWidgets import QMessageBox

        from soleus_coach.gui.common.plain import question

        text = fill_in(self.tr("You ran %1 km at %2 — start your post-run routine?"),
                       f"{run.distance_m / 1000:.1f}", run.local_start.strftime("%H:%M"))
        box = question(self.window, self.tr("After your run"), text,
                       QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                       QMessageBox.StandardButton.Yes, name="afterRunOffer")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Start the routine"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Not now"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._offer_answered(result))
        self.offer = box
        self.offered.emit(run)
        box.open()

    def _offer_answered(self, result: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.offer = None
        if result == QMessageBox.StandardButton.Yes:
            self._start_routine(self._after_run_routine())

    # ----------------------------------------------------------------- by hand

    def add_by_hand(self) -> ManualRunDialog:
        from soleus_coach.gui.history.run_dialogs import ManualRunDialog

        dialog = ManualRunDialog(self._store(), self.now, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(lambda _run: self._on_change())
        dialog.open()
        return dialog

    # ----------------------------------------------------------------- drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While the window is being destroyed Python may already have dropped our
        # attributes; Qt can still call here then.
        if watched is not getattr(self, "window", None):
            return False
        if event.type() in (QEvent.Type.DragEnter,
                                                       QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            if self._dropped_paths(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = self._dropped_paths(event)
            if paths:
                event.acceptProposedAction()
                self.import_files(paths)
                return True
        return False

    @staticmethod
    def _dropped_paths(event: QDropEvent) -> list[Path]:
        from soleus_coach.runs.parse import is_activity_file

        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.is_dir() or is_activity_file(p)]

    # ----------------------------------------------------------------- watched folder

    def _settings(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return window_state(self._state_file)

    def watched_folder(self) -> Path | None:
        settings = self._settings()
        value = settings.value(FOLDER_KEY, "") if settings else ""
        return Path(value) if isinstance(value, str) and value else None

    def choose_folder(self) -> None:
        from soleus_coach.gui.history.run_dialogs import WatchedFolderDialog

        dialog = WatchedFolderDialog(self.watched_folder(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.set_watched_folder)
        dialog.open()

    def set_watched_folder(self, folder: Path | None) -> None:
        settings = self._settings()
        if settings is not None:
            settings.setValue(FOLDER_KEY, str(folder) if folder else "")
            settings.sync()
        if self.watcher is not None:
            self.watcher.deleteLater()
            self.watcher = None
        if folder is not None:
            self.watch(folder)
        else:
            self.window.statusBar().showMessage(self.tr("No folder is watched for runs."),
                                                8000)

    def watch(self, folder: Path) -> None:
        """Import what is new in ``folder`` now and whenever it changes."""
        from PySide6.QtCore import QFileSystemWatcher

        self.watcher = QFileSystemWatcher([str(folder)], self)
        self.watcher.directoryChanged.connect(lambda _p: self._settle.start())
        self.scan_watched()

    def _seen_file(self) -> Path | None:
        return None if self._state_file is None else \
            self._state_file.with_name("runs-watched.json")

    def scan_watched(self) -> None:
        """Import the files of the watched folder not read before (their names, sizes and
        times are kept in ``runs-watched.json``; a changed file is read again)."""
        from soleus_coach.runs.importer import walk

        folder = self.watched_folder() if self._state_file else None
        if folder is None and self.watcher is not None and self.watcher.directories():
            folder = Path(self.watcher.directories()[0])
        if folder is None:
            return
        if not folder.is_dir():
            self.window.statusBar().showMessage(
                fill_in(self.tr("The watched folder %1 is not there."), folder),
                15000)
            return
        seen_path = self._seen_file()
        seen: set[str] = set()
        if seen_path is not None:
            try:
                seen = set(json.loads(read_user_text(seen_path, SEEN_MAX_BYTES,
                                                     "lists of seen files")))
            except (OSError, ValueError, TypeError):
                seen = set()
        new: list[Path] = []
        keys = set()
        for item in walk([folder]):
            if isinstance(item, Path):
                try:
                    st = item.stat()
                except OSError:
                    continue
                key = f"{item.relative_to(folder)}|{st.st_size}|{int(st.st_mtime)}"
                keys.add(key)
                if key not in seen:
                    new.append(item)
        if seen_path is not None:
            try:
                seen_path.write_text(json.dumps(sorted(keys | seen)), encoding="utf-8")
            except OSError as exc:
                log.warning("cannot remember the watched folder's files: %s", exc)
        if new:
            self.import_files(new, quiet=True)

    # ----------------------------------------------------------------- end

    def stop(self) -> None:
        """Stop reading (the window is closing); waits for the file being read."""
        self._cancel = True
        self._queue.clear()
        self.pool.waitForDone(5000)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """For tests and benchmarks: until the pool is idle (results are still queued)."""
        return self.pool.waitForDone(timeout_ms)

