"""Runs in the history window: the runs of the period beside the sessions (those of the
selected session's day in bold), a run's detail, delete with undo, and the load notes.

Kept apart from :mod:`soleus_coach.gui.history.window`, which only places the panel. Texts
from files (activity and file names) are shown as plain text: table cells and a PlainText
label; no tooltip carries them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from soleus_coach.gui.history.sessions_model import local_datetime_text
from soleus_coach.history.store import HistoryStore, StoreWriteError
from soleus_coach.runs.describe import clock, pace
from soleus_coach.runs.model import Run
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 2


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
        self._since: datetime | None = None
        self._until: datetime | None = None
        self._headers = [self.tr("Date"), self.tr("Distance"), self.tr("Time"), self.tr("Pace"),
                         self.tr("Climb"), self.tr("Source")]

    def set_period(self, since: datetime | None, until: datetime | None) -> None:
        self._since, self._until = since, until
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.matching = self.store.run_count(since=self._since, until=self._until)
        self.runs = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[Run]:
        return self.store.runs(since=self._since, until=self._until, limit=self.PAGE,
                               offset=offset)

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
            return [lambda: local_datetime_text(r.start), lambda: f"{r.distance_m / 1000:.1f} km",
                    lambda: clock(r.moving_s), lambda: pace(r.pace_s_per_km),
                    lambda: "" if r.climb_m is None else f"{r.climb_m:.0f} m",
                    lambda: r.source.value.upper()][col]()
        if role == RUN_ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.FontRole and self.day is not None and \
                r.local_start.date() == self.day:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.DATE and col != self.SOURCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RunsPanel(QWidget):
    """Title and count, the runs table, the selected run's detail, delete and undo."""

    changed = Signal()  # a run was deleted or restored

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
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
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
        self.delete_button = QPushButton(self.tr("Delete r&un"))
        self.delete_button.setObjectName("deleteRun")
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoRun")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self._show(None)

    def set_period(self, since: datetime | None, until: datetime | None) -> None:
        self.model.set_period(since, until)
        self.title.setText(self.tr("Runs (%n)", "", self.model.matching))
        self._show(None)

    def show_day(self, day: date | None) -> None:
        """The runs of the selected session's day: bold, the first scrolled into view."""
        rows = self.model.set_day(day)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def day_text(self, day: date) -> str:
        """"Runs that day: 12.3 km at 18:05" for a session's detail; "" when none."""
        start = datetime(day.year, day.month, day.day).astimezone()
        runs = [r for r in self.store.runs(since=start - timedelta(hours=14),
                                           until=start + timedelta(hours=38))
                if r.local_start.date() == day]  # a day in any zone a file may carry
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
        if run is None:
            self.detail.setText("" if self.model.runs else self.tr(
                "No runs in this period. Import them with File → Import runs…, or drop the "
                "files on the main window."))
            return
        lines = [
            f"{local_datetime_text(run.start)} · {run.distance_m / 1000:.2f} km",
            fill_in(self.tr("Moving %1, elapsed %2, pace %3"), clock(run.moving_s),
                    clock(run.elapsed_s), pace(run.pace_s_per_km)),
        ]
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
        self.model.reload()
        self.changed.emit()

    def undo_delete(self) -> None:
        run = self._undo
        if run is None:
            return
        try:
            stored, _new = self.store.add_run(run)
        except StoreWriteError as exc:
            self.detail.setText(str(exc))
            return
        self._undo = None
        self.undo_button.hide()
        self.model.reload()
        self.changed.emit()
        if stored.id is not None:
            self.select(stored.id)


def load_notes_text(store: HistoryStore, today: date, weekly_pain: list[float | None],
                    now: datetime) -> str:
    """The load notes for the history window ("" when the pain did not rise or nothing
    stands out), each with the source's cause, and the reminder that it is no diagnosis."""
    from soleus_coach.load_notes import load_notes

    weeks = store.weekly_runs(today, 5)
    runs = store.runs(since=now - timedelta(days=50))
    notes = load_notes(weeks, runs, weekly_pain, now)
    if not notes:
        return ""
    parts = [texts.translate(texts.LOAD_TITLE)]
    parts += [f"• {n.text} {texts.translate(n.cause)}" for n in notes]
    parts.append(texts.translate(texts.LOAD_NOT_DIAGNOSIS))
    return "\n".join(parts)


__all__ = ["RUN_ID_ROLE", "RunsModel", "RunsPanel", "load_notes_text"]
