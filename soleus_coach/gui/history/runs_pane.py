"""Runs in the history window: the runs of the period beside the sessions (those of the
selected session's day in bold), a run's detail, delete with undo, the runs marked "not
sure" (in italics, with a filter) to confirm or delete, and the load notes.

Every run is shown on its own clock (the offset stored with it: the file's, or the
computer's at that date), as the command line and the export show it.

Kept apart from :mod:`soleus_coach.gui.history.window`, which only places the panel. Texts
from files (activity and file names) are shown as plain text: table cells and a PlainText
label; no tooltip carries them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import texts
from soleus_coach.gui.common.plain import plain_label
from soleus_coach.gui.common.tables import Index, RowsTableModel
from soleus_coach.gui.history.run_dialogs import surface_names
from soleus_coach.history.store import HistoryStore, StoreWriteError
from soleus_coach.runs.describe import clock, offset_text, pace
from soleus_coach.runs.model import Run, computer_offset_s
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def run_start_text(run: Run) -> str:
    """The start on the run's own clock, the day and month named in the user's language."""
    local = run.local_start
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute))
    return QLocale().toString(moment, "ddd d MMM yyyy, HH:mm")


class RunsModel(RowsTableModel):
    """The runs of a period, newest first, read a page at a time as the view scrolls (as
    :class:`~soleus_coach.gui.history.sessions_model.HistoryModel` does for sessions)."""

    PAGE = 200

    DATE, DISTANCE, TIME, PACE, CLIMB, SOURCE = range(6)

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runs: list[Run] = []
        self.matching = 0
        self.day: date | None = None
        self.first_day: date | None = None
        self.last_day: date | None = None
        self.only_not_sure = False
        self._headers = [self.tr("Date"), self.tr("Distance"), self.tr("Time"), self.tr("Pace"),
                         self.tr("Climb"), self.tr("Source")]

    def set_period(self, first: date | None, last: date | None) -> None:
        """The runs of these local days (None: from the first, to the last)."""
        self.first_day, self.last_day = first, last
        self.reload()

    def set_only_not_sure(self, only: bool) -> None:
        self.only_not_sure = only
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.matching = self.store.run_count(first_day=self.first_day, last_day=self.last_day,
                                             not_sure=True if self.only_not_sure else None)
        self.runs = self._page(0)
        self.endResetModel()

    def not_sure_count(self) -> int:
        return self.store.run_count(first_day=self.first_day, last_day=self.last_day, not_sure=True)

    def _page(self, offset: int) -> list[Run]:
        return self.store.runs(first_day=self.first_day, last_day=self.last_day, limit=self.PAGE,
                               offset=offset, not_sure=True if self.only_not_sure else None)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.runs) < self.matching

    def fetchMore(self, parent: Index) -> None:
        more = self._page(len(self.runs)) if self.canFetchMore(parent) else []
        if not more:
            self.matching = len(self.runs)
            return
        self.beginInsertRows(QModelIndex(), len(self.runs), len(self.runs) + len(more) - 1)
        self.runs.extend(more)
        self.endInsertRows()

    def set_day(self, day: date | None) -> list[int]:
        """Mark the runs of ``day`` (local date); returns their rows."""
        self.day = day
        if self.runs:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.runs) - 1, len(self._headers) - 1))
        return [i for i, r in enumerate(self.runs) if r.local_start.date() == day]

    def row_of(self, run_id: int) -> int:
        """The row of a run, loading further pages if needed; -1 if not in the period."""
        while True:
            row = next((i for i, r in enumerate(self.runs) if r.id == run_id), -1)
            if row >= 0 or not self.canFetchMore(QModelIndex()):
                return row
            self.fetchMore(QModelIndex())

    def row_count(self) -> int:
        return len(self.runs)

    def headings(self) -> list[str]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.runs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [lambda: run_start_text(r), lambda: f"{r.distance_m / 1000:.1f} km",
                    lambda: clock(r.time_s), lambda: pace(r.pace_s_per_km),
                    lambda: "" if r.climb_m is None else f"{r.climb_m:.0f} m",
                    lambda: fill_in(self.tr("%1 · not sure"), r.source.value.upper())
                    if r.not_sure else r.source.value.upper()][col]()
        if role == RUN_ID_ROLE:
            return r.id
        bold = self.day is not None and r.local_start.date() == self.day
        if role == Qt.ItemDataRole.FontRole and (bold or r.not_sure):
            font = QFont()
            font.setBold(bold)
            font.setItalic(r.not_sure)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.DATE and col != self.SOURCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RunsPanel(QWidget):
    """Title and count, the runs table, the selected run's detail, delete and undo."""

    changed = Signal()  # a run was deleted, restored or confirmed

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.store = store
        self._undo: Run | None = None
        self.title = plain_label(self.tr("Runs"), word_wrap=False)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = RunsModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("runsTable")
        self.table.setAccessibleName(self.tr("Runs"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RunsModel.DATE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for col in range(1, self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(metrics.horizontalAdvance(title) + 24,
                                          metrics.horizontalAdvance("10:00/km") + 16))
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.detail = plain_label()
        self.detail.setObjectName("runDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.only_not_sure = QCheckBox()
        self.only_not_sure.setObjectName("onlyNotSure")
        self.only_not_sure.toggled.connect(self._only_not_sure)
        self.only_not_sure.hide()
        self.confirm_button = QPushButton(self.tr("&Confirm as a run"))
        self.confirm_button.setObjectName("confirmRun")
        self.confirm_button.clicked.connect(self.confirm_current)
        self.confirm_button.hide()
        self.delete_button = QPushButton(self.tr("Delete r&un"))
        self.delete_button.setObjectName("deleteRun")
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoRun")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.only_not_sure)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        top.addWidget(self.confirm_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._show(None)

    def set_period(self, first: date | None, last: date | None) -> None:
        """The runs of these local days (None: all of them)."""
        self.model.set_period(first, last)
        self._counts()
        self._show(None)

    def _counts(self) -> None:
        doubtful = self.model.not_sure_count()
        total = self.model.matching if not self.model.only_not_sure else \
            self.store.run_count(first_day=self.model.first_day,
                                     last_day=self.model.last_day)
        self.title.setText(self.tr("Runs (%n)", "", total))
        self.only_not_sure.setText(self.tr("Only the %n not sure", "", doubtful))
        self.only_not_sure.setVisible(bool(doubtful) or self.model.only_not_sure)

    def _only_not_sure(self, only: bool) -> None:
        self.model.set_only_not_sure(only)
        self._counts()
        self._show(None)
        if only and self.model.rowCount():
            self.table.selectRow(0)

    def review_not_sure(self) -> bool:
        """Show only the runs marked not sure, the first selected (from the import's
        summary); False when there are none in the period."""
        if not self.model.not_sure_count():
            return False
        self.only_not_sure.setChecked(True)
        if self.model.rowCount():
            self.table.selectRow(0)
        return True

    def show_day(self, day: date | None) -> None:
        """The runs of the selected session's day: bold, the first scrolled into view."""
        rows = self.model.set_day(day)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def day_text(self, day: date) -> str:
        """"Runs that day: 12.3 km at 18:05" for a session's detail; "" when none."""
        runs = self.store.runs(first_day=day, last_day=day, not_sure=False)
        if not runs:
            return ""
        return fill_in(self.tr("Runs that day: %1"), ", ".join(
            fill_in(self.tr("%1 km at %2"), f"{r.distance_m / 1000:.1f}",
                    r.local_start.strftime("%H:%M")) for r in reversed(runs)))

    def select(self, run_id: int) -> bool:
        row = self.model.row_of(run_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def current(self) -> Run | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.runs[rows[0].row()] if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current())

    def _show(self, run: Run | None) -> None:
        self.delete_button.setEnabled(run is not None)
        self.confirm_button.setVisible(run is not None and run.not_sure)
        if run is None:
            self.detail.setText("" if self.model.runs else self.tr(
                "No runs in this period. Import them with File → Import runs…, or drop the "
                "files on the main window."))
            return
        when = f"{run_start_text(run)} · {run.distance_m / 1000:.2f} km"
        if run.offset_s != computer_offset_s(run.start):  # run in another zone: say which
            when += f" · {offset_text(run.offset_s)}"
        lines = [
            when,
            fill_in(self.tr("Time %1 (moving), elapsed %2, pace %3"), clock(run.time_s),
                    clock(run.elapsed_s), pace(run.pace_s_per_km)),
        ]
        if run.not_sure:
            lines.insert(0, self.tr("Not sure this was a run: the file names no sport, and its "
                                    "pace or cadence could be another one. Confirm it, or "
                                    "delete it if it was not a run. Until then it is counted "
                                    "nowhere."))
        if run.climb_m is not None:
            lines.append(fill_in(self.tr("Climb: %1 m (%2 m per km)"), f"{run.climb_m:.0f}",
                                 f"{run.climb_per_km or 0:.1f}"))
        lines.append(fill_in(self.tr("Shoes: %1"), one_line(run.shoe) or "–") + " · " +
                     fill_in(self.tr("Surface: %1"), surface_names()[run.surface]
                             if run.surface else "–"))
        source = run.source.value.upper() + (f" · {run.file_name}" if run.file_name else "")
        lines.append(fill_in(self.tr("From: %1"), one_line(source)))
        if run.name:
            lines.append(one_line(run.name))
        self.detail.setText("\n".join(lines))

    def confirm_current(self) -> None:
        run = self.current()
        if run is None or run.id is None:
            return
        try:
            self.store.confirm_run(run.id)
        except StoreWriteError as exc:
            self.detail.setText(str(exc))
            return
        self._after_change()
        if not self.select(run.id) and self.model.rowCount():
            self.table.selectRow(0)

    def delete_current(self) -> None:
        run = self.current()
        if run is None or run.id is None:
            return
        try:
            self._undo = self.store.delete_run(run.id)
        except StoreWriteError as exc:
            self.detail.setText(str(exc))
            return
        self.undo_button.show()
        self._after_change()

    def _after_change(self) -> None:
        """The list and counts again; the filter of runs to confirm ends with the last."""
        if self.model.only_not_sure and not self.model.not_sure_count():
            self.only_not_sure.setChecked(False)  # reloads
        else:
            self.model.reload()
        self._counts()
        self.changed.emit()

    def undo_delete(self) -> None:
        run = self._undo
        if run is None:
            return
        try:
            stored = self.store.add_run(run).run
        except StoreWriteError as exc:
            self.detail.setText(str(exc))
            return
        self._undo = None
        self.undo_button.hide()
        self.model.reload()
        self._counts()
        self.changed.emit()
        if stored.id is not None:
            self.select(stored.id)


def load_notes_text(store: HistoryStore, today: date, weekly_pain: list[float | None],
                    now: datetime) -> str:
    """The load notes for the history window ("" when the pain did not rise or nothing
    stands out), each with the source's cause, and the reminder that it is no diagnosis."""
    from soleus_coach.load_notes import load_notes

    weeks = store.weekly_runs(today, 5)
    runs = store.runs(since=now - timedelta(days=50), not_sure=False)
    notes = load_notes(weeks, runs, weekly_pain, now)
    if not notes:
        return ""
    parts = [texts.translate(texts.LOAD_TITLE)]
    parts += [f"• {n.text} {texts.translate(n.cause)}" for n in notes]
    parts.append(texts.translate(texts.LOAD_NOT_DIAGNOSIS))
    return "\n".join(parts)


__all__ = ["RUN_ID_ROLE", "RunsModel", "RunsPanel", "load_notes_text"]
