"""Runs in the main window: File → Import runs… (files, or a whole Strava or Garmin export),
a folder of runs, files dropped on the window, a watched folder, a run added by hand, the
progress and the summary of an import, and the after-a-run offer.

One object, :class:`RunsUi`, made by the main window in one line; it adds its own menu items
and event filter. Everything slow happens off the GUI thread: finding the files (walking
folders, listing archives) and reading them run in a worker thread (:class:`ReadTask` on a
private QThreadPool), which reads files in worker processes, one per core
(:func:`soleus_coach.runs.importer.read_all`); a watched folder is scanned by a
:class:`ScanTask`. Results come back by signal; the store is written on the GUI thread only,
in one transaction per chunk, so a session being recorded never meets an import
mid-transaction. An import shows a progress dialog with Cancel (what was read is kept), then
its summary. Every text from a file (activity and file names) is shown as plain text.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
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
from soleus_coach.gui.history.run_tasks import ReadSignals, ReadTask, ScanSignals, ScanTask
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

# Made with the main window: what it imports at start-up stays small (no history store, no
# run model, no parsing library); the rest is imported when first used.
if TYPE_CHECKING:
    from PySide6.QtCore import QFileSystemWatcher
    from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

    from soleus_coach.gui.history.run_dialogs import ManualRunDialog
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.runs.importer import Read
    from soleus_coach.runs.model import Run
    from soleus_coach.runs.results import FileResult, Summary

log = logging.getLogger(__name__)

#: A run imported that started this recently gets the after-a-run offer.
OFFER_WITHIN = timedelta(hours=4)
#: The routine offered after a run.
POST_RUN_ROUTINE = "post-run-soleus"
#: A watched folder is scanned this long after its last change (a sync tool writes in bursts).
SETTLE_MS = 1500
FOLDER_KEY = "runs/watchedFolder"
#: The progress dialog shows once an import has taken this long.
PROGRESS_AFTER_MS = 400


def utc_now() -> datetime:
    return datetime.now(UTC)


class RunsUi(QObject):
    """The runs features of a main window. ``store`` opens the history on first use."""

    #: An import finished: every result of it (list[FileResult]).
    finished = Signal(object)
    #: The after-a-run offer was made for this run.
    offered = Signal(object)
    #: An import's progress: entries read, entries in all (0 while they are being found).
    progressed = Signal(int, int)
    #: A watched folder was scanned: how many new files or exports it found.
    scanned = Signal(int)

    def __init__(self, window: QMainWindow, store: Callable[[], HistoryStore], *,
                 start_routine: Callable[[str], object],
                 on_change: Callable[[], object] = lambda: None,
                 state_file: Path | None = None,
                 now: Callable[[], datetime] = utc_now,
                 after_run_routine: Callable[[], str] = lambda: POST_RUN_ROUTINE,
                 open_history: Callable[[], object] = lambda: None) -> None:
        super().__init__(window)
        #: The routine the offer starts: the runner's choice for "After a run".
        self._after_run_routine = after_run_routine
        self.window = window
        self._store = store
        self._start_routine = start_routine
        self._on_change = on_change
        self._open_history = open_history
        self._state_file = state_file
        self.now = now
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # an import and a watched folder's scan
        self._cancel = threading.Event()
        self._signals: list[QObject] = []
        self._queue: list[tuple[list[Path], bool]] = []
        self._busy = False
        self._results: list[FileResult] = []
        self._quiet = False
        self._total = 0
        self._read = 0
        self._what = ""
        self._scanning = False
        self._scan_again = False
        self.summary: QDialog | None = None
        self.offer: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.watcher: QFileSystemWatcher | None = None
        self._folder: Path | None = None
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
        self.import_folder_action = make_action(self.window, SPECS[ActionId.IMPORT_RUNS_FOLDER],
                                                self.choose_folder_to_import)
        self.manual_action = make_action(self.window, SPECS[ActionId.ADD_RUN], self.add_by_hand)
        self.folder_action = make_action(self.window, SPECS[ActionId.WATCHED_FOLDER],
                                         self.choose_folder)
        for act in (self.import_action, self.import_folder_action, self.manual_action,
                    self.folder_action):
            menu.insertAction(before, act)  # type: ignore[arg-type]
        menu.insertSeparator(self.import_action)

    # ----------------------------------------------------------------- importing

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import runs"), "",
            self.tr("Activity files and exports (*.gpx *.tcx *.fit *.gpx.gz *.tcx.gz *.fit.gz "
                    "*.zip);;All files (*)"))
        if names:
            self.import_files([Path(n) for n in names])

    def choose_folder_to_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder of runs"),
                                                str(Path.home()))
        if name:
            self.import_files([Path(name)])

    def import_files(self, paths: Sequence[Path], *, quiet: bool = False) -> None:
        """Read ``paths`` (files, folders, archives) in the background and store their runs;
        a progress dialog while it takes, then the summary (unless ``quiet``: the watched
        folder says it in the status bar)."""
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
        self._total = self._read = 0
        self._cancel = threading.Event()
        signals = ReadSignals()
        self._signals.append(signals)
        signals.listed.connect(self._listed)
        signals.chunk.connect(self._store_chunk)
        signals.done.connect(lambda: self._done(signals))
        self.window.statusBar().showMessage(self.tr("Looking for runs…"))
        if not quiet:
            self._show_progress(paths)
        self.pool.start(ReadTask(paths, signals, self._cancel))

    def _show_progress(self, paths: Sequence[Path]) -> None:
        from PySide6.QtWidgets import QProgressDialog

        from soleus_coach.gui.common.plain import plain_label

        self._what = fill_in(self.tr("Reading %1…"), one_line(paths[0].name)) \
            if len(paths) == 1 else self.tr("Reading %n files and folders…", "", len(paths))
        dialog = QProgressDialog(self.window)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Importing runs"))
        label = plain_label(word_wrap=False)  # a file's name is shown as plain text
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        dialog.setLabel(label)
        dialog.setLabelText(self._what + "\n" + self.tr("Looking for activity files…"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setRange(0, 0)  # busy until the files are counted
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setMinimumWidth(480)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.progress = dialog

    def cancel(self) -> None:
        """Stop the import in hand after the files being read; what was read is stored."""
        self._cancel.set()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Stopping…"))

    def _listed(self, total: int) -> None:
        self._total = total
        if self.progress is not None and not self._cancel.is_set():
            self.progress.setRange(0, max(total, 1))
            self._update_progress()

    def _update_progress(self) -> None:
        from soleus_coach.runs.results import Summary

        text = fill_in(self.tr("%1 of %2 read"), QLocale().toString(self._read),
                       QLocale().toString(self._total))
        self.window.statusBar().showMessage(self.tr("Reading runs…") + " " + text)
        if self.progress is not None and not self._cancel.is_set():
            self.progress.setLabelText(f"{self._what}\n{text}: "
                                       f"{self.summary_line(Summary.of(self._results))}")
            self.progress.setValue(min(self._read, self._total))
        self.progressed.emit(self._read, self._total)

    def _store_chunk(self, reads: list[Read | FileResult]) -> None:
        from soleus_coach.history.run_import import store_reads
        from soleus_coach.history.store import StoreWriteError
        from soleus_coach.runs.results import FileResult, Outcome

        try:
            self._results.extend(store_reads(self._store(), reads))
        except StoreWriteError as exc:
            self._results.extend(r if isinstance(r, FileResult) else
                                 FileResult(r.name, Outcome.FAILED, str(exc)) for r in reads)
        self._read += len(reads)
        self._update_progress()

    def _done(self, signals: ReadSignals) -> None:
        from soleus_coach.runs.results import Outcome, Summary

        self._signals.remove(signals)
        signals.deleteLater()
        self._busy = False
        cancelled = self._cancel.is_set()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        results, self._results = self._results, []
        s = Summary.of(results)
        self.window.statusBar().showMessage(self.summary_line(s), 15000)
        if s.imported or s.not_sure or s.duplicate:
            self._on_change()
        self.finished.emit(results)
        if not self._quiet or s.failed or s.not_sure or cancelled:
            self.show_summary(results, stopped=(self._read, self._total) if cancelled else None)
        recent = [r.run for r in results if r.outcome is Outcome.IMPORTED and r.run is not None
                  and self.now() - OFFER_WITHIN <= r.run.start <= self.now()]
        if recent and not cancelled:
            self.offer_routine(max(recent, key=lambda run: run.start))
        self._next()

    def summary_line(self, s: Summary) -> str:
        parts = [self.tr("%n run(s) imported", "", s.imported)]
        if s.not_sure:
            parts.append(self.tr("%n not sure", "", s.not_sure))
        parts += [self.tr("%n duplicate(s)", "", s.duplicate),
                  self.tr("%n not run(s)", "", s.not_runs), self.tr("%n failed", "", s.failed)]
        return ", ".join(parts)

    def show_summary(self, results: list[FileResult],
                     stopped: tuple[int, int] | None = None) -> None:
        from soleus_coach.gui.history.run_dialogs import ImportSummary
        from soleus_coach.runs.results import Summary

        dialog = ImportSummary(results, self.summary_line(Summary.of(results)), self.window,
                               stopped=stopped)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "summary", None))
        dialog.review.connect(self._review)
        self.summary = dialog
        dialog.open()

    def _review(self) -> None:
        """The history window, showing the runs marked "not sure"."""
        window = self._open_history()
        review = getattr(window, "review_not_sure", None)
        if callable(review):
            review()

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
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
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
        """Activity files, archives and folders (no file is touched here: a name's end and
        whether it is a folder)."""
        from soleus_coach.runs.archive import is_archive
        from soleus_coach.runs.parse import is_activity_file

        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if is_activity_file(p) or is_archive(p) or p.is_dir()]

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
        self._folder = folder
        if folder is not None:
            self.watch(folder)
        else:
            self.window.statusBar().showMessage(self.tr("No folder is watched for runs."),
                                                8000)

    def watch(self, folder: Path) -> None:
        """Import what is new in ``folder`` and its subfolders now and whenever one of them
        changes."""
        from PySide6.QtCore import QFileSystemWatcher

        self._folder = folder
        self.watcher = QFileSystemWatcher([str(folder)], self)
        self.watcher.directoryChanged.connect(lambda _p: self._settle.start())
        self.scan_watched()

    def _seen_file(self) -> Path | None:
        return None if self._state_file is None else \
            self._state_file.with_name("runs-watched.json")

    def scan_watched(self) -> None:
        """Scan the watched folder off the GUI thread (:class:`ScanTask`); what is new is
        imported quietly, and new subfolders are watched too."""
        folder = self._folder or self.watched_folder()
        if folder is None:
            return
        if self._scanning:
            self._scan_again = True
            return
        if not folder.is_dir():
            self.window.statusBar().showMessage(
                fill_in(self.tr("The watched folder %1 is not there."), folder), 15000)
            return
        self._scanning = True
        signals = ScanSignals()
        self._signals.append(signals)
        signals.found.connect(lambda new, folders: self._scanned(signals, new, folders))
        self.pool.start(ScanTask(folder, self._seen_file(), signals))

    def _scanned(self, signals: ScanSignals, new: list[Path], folders: list[Path]) -> None:
        self._signals.remove(signals)
        signals.deleteLater()
        self._scanning = False
        if self.watcher is not None:
            missing = {str(f) for f in folders} - set(self.watcher.directories())
            if missing:
                self.watcher.addPaths(sorted(missing))
        self.scanned.emit(len(new))
        if new:
            self.import_files(new, quiet=True)
        if self._scan_again:
            self._scan_again = False
            self._settle.start()

    # ----------------------------------------------------------------- end

    def stop(self) -> None:
        """Stop reading (the window is closing); waits for the files being read."""
        self._cancel.set()
        self._queue.clear()
        self.pool.waitForDone(5000)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """For tests and benchmarks: until the pool is idle (results are still queued)."""
        return self.pool.waitForDone(timeout_ms)
