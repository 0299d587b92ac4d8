"""The dialogs of runs: the import summary, the watched folder, a run added by hand.
Imported when one is first opened (not with the main window). Texts from files are shown
as plain text only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import plain_label
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import isolate, one_line

if TYPE_CHECKING:
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.runs.model import Run, Surface
    from soleus_coach.runs.results import FileResult


def surface_names() -> dict[Surface, str]:
    from soleus_coach.runs.model import Surface

    return {Surface.ROAD: QCoreApplication.translate("Surface", "Road"),
            Surface.TRAIL: QCoreApplication.translate("Surface", "Trail"),
            Surface.TRACK: QCoreApplication.translate("Surface", "Track"),
            Surface.TREADMILL: QCoreApplication.translate("Surface", "Treadmill"),
            Surface.SAND_GRASS: QCoreApplication.translate("Surface", "Sand or grass")}


class ImportSummary(QDialog):
    """The counts, then one line per activity, grouped: those marked "not sure" first (with
    a button to review them in History), then failures, not runs, imported and duplicates.
    Names and reasons are shown as plain text."""

    #: The runner wants to review the runs marked "not sure" (in the history window).
    review = Signal()

    def __init__(self, results: list[FileResult], headline: str,
                 parent: QWidget | None = None, *,
                 stopped: tuple[int, int] | None = None) -> None:
        from soleus_coach.runs.results import Outcome

        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle(self.tr("Runs imported"))
        self.headline = plain_label(headline)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.stopped = plain_label(fill_in(self.tr(
            "Stopped after %1 of %2: what was read is kept; import again to read the rest "
            "(what is stored already is found as duplicates)."),
            QLocale().toString(stopped[0]), QLocale().toString(stopped[1])) if stopped else "")
        self.stopped.setObjectName("importStopped")
        self.stopped.setVisible(stopped is not None)
        groups = [(Outcome.NOT_SURE, self.tr("Not sure these are runs — confirm or delete "
                                             "them in History:")),
                  (Outcome.FAILED, self.tr("Could not be read:")),
                  (Outcome.NOT_RUN, self.tr("Not runs:")),
                  (Outcome.IMPORTED, self.tr("Imported:")),
                  (Outcome.DUPLICATE, self.tr("Already in your history:"))]
        lines: list[str] = []
        for outcome, title in groups:
            mine = [r for r in results if r.outcome is outcome]
            if not mine:
                continue
            if lines:
                lines.append("")
            lines.append(title)
            for r in mine:
                what = describe_run(r.run) if r.run is not None else ""
                lines.append(f"  {isolate(one_line(r.short))}" +
                             (f" — {what}" if what else ""))
                lines.extend(f"      {isolate(one_line(x))}" for x in (r.detail, *r.notes)
                             if x)  # why, on a line of its own
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setPlainText("\n".join(lines))
        self.details.setAccessibleName(self.tr("Files read"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.review_button = buttons.addButton(self.tr("&Review in History…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button.setVisible(any(r.outcome is Outcome.NOT_SURE for r in results))
        self.review_button.clicked.connect(self._review)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.stopped)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(680, 400)

    def _review(self) -> None:
        self.review.emit()
        self.accept()


def describe_run(run: Run) -> str:
    """A run in the summary and the manual dialog: its start on its own clock, distance,
    time (the timer's) and pace."""
    from soleus_coach.runs.describe import clock, pace, start_text

    return (f"{start_text(run)}, {run.distance_m / 1000:.1f} km, "
            f"{clock(run.time_s)}, {pace(run.pace_s_per_km)}")


class WatchedFolderDialog(QDialog):
    """Choose the folder to watch (e.g. where a watch's sync tool puts its files), or stop."""

    chosen = Signal(object)  # Path | None

    def __init__(self, current: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watched folder for runs"))
        self.folder = current
        self.label = plain_label()
        self._show()
        about = plain_label(self.tr(
            "New GPX, TCX and FIT files in this folder (and its subfolders) are imported as "
            "they appear, for example where your watch's sync tool or an unzipped export puts "
            "them. The files are never changed."))
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
        self.label.setText(fill_in(self.tr("Watching: %1"), self.folder)
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
                self.shoes.addItem(fill_in(self.tr("%1 (%2 km)"), one_line(shoe.name),
                                           f"{shoe.distance_m / 1000:.0f}"), shoe.name)
        edit = self.shoes.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Type a new pair or choose one"))
        self.error = plain_label()
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
        from soleus_coach.runs.model import Run, Source, Surface

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
        from soleus_coach.runs.model import RunProblem, check_run

        try:
            run = check_run(self.value(), self.now())
            kept = self.store.add_run(run)
        except (RunProblem, StoreWriteError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if not kept.new:
            self.error.setText(fill_in(self.tr("You already have this run (%1)."),
                                       describe_run(kept.run)))
            self.error.show()
            return
        self.added.emit(kept.run)
        super().accept()
