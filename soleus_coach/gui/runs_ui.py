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
    QDateTime,
    QEvent,
    QFileSystemWatcher,
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.history.records import utc_now
from soleus_coach.runs.model import Run, RunProblem, Source, Surface, check_run

if TYPE_CHECKING:
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.runs.importer import FileResult, Read

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


def plain(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def surface_names() -> dict[Surface, str]:
    return {Surface.ROAD: QCoreApplication.translate("Surface", "Road"),
            Surface.TRAIL: QCoreApplication.translate("Surface", "Trail"),
            Surface.TRACK: QCoreApplication.translate("Surface", "Track"),
            Surface.TREADMILL: QCoreApplication.translate("Surface", "Treadmill"),
            Surface.SAND_GRASS: QCoreApplication.translate("Surface", "Sand or grass")}


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
                 now: Callable[[], datetime] = utc_now) -> None:
        super().__init__(window)
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
            QTimer.singleShot(2000, lambda: self.watch(folder))  # after the first paint

    # ----------------------------------------------------------------- menu

    def _add_actions(self) -> None:
        bar = self.window.menuBar()
        menu = bar.actions()[0].menu() if bar.actions() else None
        if not isinstance(menu, QMenu):
            menu = bar.addMenu(self.tr("&Runs"))
        before = next((a for a in menu.actions() if a.isSeparator()), None)
        self.import_action = QAction(self.tr("Import r&uns…"), self.window)
        self.import_action.setStatusTip(self.tr("Read GPX, TCX or FIT files from your watch or "
                                                "app"))
        self.import_action.triggered.connect(self.choose_files)
        self.manual_action = QAction(self.tr("Add a run by &hand…"), self.window)
        self.manual_action.triggered.connect(self.add_by_hand)
        self.folder_action = QAction(self.tr("&Watched folder for runs…"), self.window)
        self.folder_action.setStatusTip(self.tr("Import new files from a folder as they "
                                                "appear"))
        self.folder_action.triggered.connect(self.choose_folder)
        for act in (self.import_action, self.manual_action, self.folder_action):
            menu.insertAction(before, act)  # type: ignore[arg-type]
        menu.insertSeparator(self.import_action)

    # ----------------------------------------------------------------- importing

    def choose_files(self) -> None:
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
        from soleus_coach.history.store import StoreWriteError
        from soleus_coach.runs.importer import FileResult, Outcome, store_reads

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
        text = self.tr("You ran %1 km at %2 — start your post-run routine?").replace(
            "%1", f"{run.distance_m / 1000:.1f}").replace(
            "%2", run.local_start.strftime("%H:%M"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("After your run"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("afterRunOffer")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Start the routine"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Not now"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self._offer_answered(result))
        self.offer = box
        self.offered.emit(run)
        box.open()

    def _offer_answered(self, result: int) -> None:
        self.offer = None
        if result == QMessageBox.StandardButton.Yes:
            self._start_routine(POST_RUN_ROUTINE)

    # ----------------------------------------------------------------- by hand

    def add_by_hand(self) -> ManualRunDialog:
        dialog = ManualRunDialog(self._store(), self.now, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(lambda _run: self._on_change())
        dialog.open()
        return dialog

    # ----------------------------------------------------------------- drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter,
                                                       QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            if self._dropped_paths(event):
                event.acceptProposedAction()
                return True
        elif watched is self.window and event.type() == QEvent.Type.Drop:
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
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def watched_folder(self) -> Path | None:
        settings = self._settings()
        value = settings.value(FOLDER_KEY, "") if settings else ""
        return Path(value) if isinstance(value, str) and value else None

    def choose_folder(self) -> None:
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
                self.tr("The watched folder %1 is not there.").replace("%1", str(folder)),
                15000)
            return
        seen_path = self._seen_file()
        seen: set[str] = set()
        if seen_path is not None:
            try:
                seen = set(json.loads(seen_path.read_text(encoding="utf-8")))
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


class ImportSummary(QDialog):
    """Counts, then one line per file: imported, duplicate, skipped or why it failed."""

    def __init__(self, results: list[FileResult], headline: str,
                 parent: QWidget | None = None) -> None:
        from soleus_coach.runs.importer import Outcome

        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Runs imported"))
        words = {Outcome.IMPORTED: self.tr("imported"), Outcome.DUPLICATE: self.tr("duplicate"),
                 Outcome.SKIPPED: self.tr("skipped"), Outcome.FAILED: self.tr("failed")}
        self.headline = plain(headline)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        lines = []
        for r in results:
            what = r.detail if r.run is None else describe_run(r.run)
            if r.outcome is Outcome.SKIPPED:
                what = self.tr("%1, not a run").replace("%1", r.detail)
            lines.append(f"{r.path.name}: {words[r.outcome]} — {what}")
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText("\n".join(lines))
        self.details.setAccessibleName(self.tr("Files read"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(620, 360)


def describe_run(run: Run) -> str:
    from soleus_coach.runs.cli import clock, pace

    return (f"{run.local_start.strftime('%Y-%m-%d %H:%M')}, {run.distance_m / 1000:.1f} km, "
            f"{clock(run.moving_s)}, {pace(run.pace_s_per_km)}")


class WatchedFolderDialog(QDialog):
    """Choose the folder to watch (e.g. where a watch's sync tool puts its files), or stop."""

    chosen = Signal(object)  # Path | None

    def __init__(self, current: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched folder for runs"))
        self.folder = current
        self.label = plain()
        self._show()
        about = plain(self.tr("New GPX, TCX and FIT files in this folder (and its subfolders) "
                              "are imported as they appear, for example where your watch's "
                              "sync tool or an unzipped export puts them. The files are "
                              "never changed."))
        buttons = QDialogButtonBox()
        choose = buttons.addButton(self.tr("&Choose folder…"),
                                   QDialogButtonBox.ButtonRole.ActionRole)
        choose.clicked.connect(self._choose)
        self.stop_button = buttons.addButton(self.tr("&Stop watching"),
                                             QDialogButtonBox.ButtonRole.DestructiveRole)
        self.stop_button.clicked.connect(self._stop)
        self.stop_button.setEnabled(current is not None)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.label)
        layout.addWidget(buttons)

    def _show(self) -> None:
        self.label.setText(self.tr("Watching: %1").replace("%1", str(self.folder))
                           if self.folder else self.tr("No folder is watched."))

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder to watch for runs"),
                                                str(self.folder or Path.home()))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self._show()
        self.stop_button.setEnabled(True)
        self.chosen.emit(folder)

    def _stop(self) -> None:
        self.folder = None
        self._show()
        self.stop_button.setEnabled(False)
        self.chosen.emit(None)


class ManualRunDialog(QDialog):
    """A run without a file: when, how far, how long, where, in which shoes."""

    added = Signal(object)  # Run

    def __init__(self, store: HistoryStore, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualRun")
        self.setWindowTitle(self.tr("Add a run"))
        self.store = store
        self.now = now
        self.when = QDateTimeEdit()
        self.when.setAccessibleName(self.tr("Start"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = now() - timedelta(hours=1)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        self.distance = QDoubleSpinBox()
        self.distance.setAccessibleName(self.tr("Distance"))
        self.distance.setRange(0.0, 350.0)
        self.distance.setDecimals(2)
        self.distance.setSuffix(" km")
        self.distance.setValue(5.0)
        self.time = QTimeEdit()
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setDisplayFormat("H:mm:ss")
        self.time.setTime(QTime(0, 30, 0))
        self.surface = QComboBox()
        self.surface.setAccessibleName(self.tr("Surface"))
        self.surface.addItem(self.tr("Not said"), None)
        for surface, name in surface_names().items():
            self.surface.addItem(name, surface.value)
        self.shoes = QComboBox()
        self.shoes.setAccessibleName(self.tr("Shoes"))
        self.shoes.setEditable(True)
        self.shoes.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.shoes.addItem("", "")
        for shoe in store.shoes():
            if not shoe.retired:
                self.shoes.addItem(self.tr("%1 (%2 km)").replace("%1", shoe.name).replace(
                    "%2", f"{shoe.distance_m / 1000:.0f}"), shoe.name)
        edit = self.shoes.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Type a new pair or choose one"))
        self.error = plain()
        self.error.setObjectName("manualRunError")
        self.error.setStyleSheet("QLabel { color: #b3261e; }")
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("&Start:"), self.when)
        form.addRow(self.tr("&Distance:"), self.distance)
        form.addRow(self.tr("&Time:"), self.time)
        form.addRow(self.tr("S&urface:"), self.surface)
        form.addRow(self.tr("S&hoes:"), self.shoes)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add run"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> Run:
        seconds = float(QTime(0, 0).secsTo(self.time.time()))
        start = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        shoe = self.shoes.currentText()
        index = self.shoes.findText(shoe)
        if index >= 0 and self.shoes.itemData(index):
            shoe = str(self.shoes.itemData(index))
        surface = self.surface.currentData()
        return Run(start=start, distance_m=self.distance.value() * 1000, moving_s=seconds,
                   elapsed_s=seconds, source=Source.MANUAL, surface=Surface(surface)
                   if surface else None, shoe=shoe.strip()[:100])

    def accept(self) -> None:
        from soleus_coach.history.store import StoreWriteError

        try:
            run = check_run(self.value(), self.now())
            stored, new = self.store.add_run(run)
        except (RunProblem, StoreWriteError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if not new:
            self.error.setText(self.tr("You already have this run (%1).").replace(
                "%1", describe_run(stored)))
            self.error.show()
            return
        self.added.emit(stored)
        super().accept()
