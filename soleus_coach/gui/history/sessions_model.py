"""Table model of past sessions, and the proxy that sorts and filters it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
)

from soleus_coach.gui.common import formats
from soleus_coach.gui.common.plain import tooltip
from soleus_coach.gui.common.tables import Index, RowsTableModel
from soleus_coach.history.records import SessionRow, Status
from soleus_coach.history.store import HistoryStore, SortKey
from soleus_coach.protocol.describe import format_duration
from soleus_coach.untrusted import one_line

UID_ROLE = Qt.ItemDataRole.UserRole + 1



def local_datetime_text(moment: datetime) -> str:
    """Local date and time with the day and month named in the user's language."""
    return formats.local_date_time(moment)


def pain_text(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    return f"{'–' if before is None else before} → {'–' if after is None else after}"


class HistoryModel(RowsTableModel):
    """Sessions as table rows, read from the store a page at a time (Qt's
    ``canFetchMore``/``fetchMore``): the view asks for more as the user scrolls, so 10,000
    sessions open as fast as 20. Filtering and sorting are SQL queries on indexed columns."""

    DATE, ROUTINE, DURATION, STATUS, PAIN = range(5)
    PAGE = 200
    _ORDER: ClassVar[dict[int, SortKey]] = {DATE: "started_at", ROUTINE: "protocol_name",
                                           DURATION: "active_s", STATUS: "status",
                                           PAIN: "pain_after"}

    def __init__(self, store: HistoryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._rows: list[SessionRow] = []
        self._loaded = False
        self._matching = 0
        self._total = 0
        self._protocol_id: str | None = None
        self._since: datetime | None = None
        self._until: datetime | None = None
        self._sort_column = self.DATE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._headers = [self.tr("Date"), self.tr("Routine"), self.tr("Active time"),
                         self.tr("Status"), self.tr("Pain")]
        self._status_text = {
            Status.COMPLETED: self.tr("Completed"),
            Status.STOPPED: self.tr("Stopped"),
            Status.INTERRUPTED: self.tr("Interrupted"),
            Status.IN_PROGRESS: self.tr("In progress"),
        }

    def status_text(self, status: Status) -> str:
        return self._status_text[status]

    # ----------------------------------------------------------------- contents

    def reload(self) -> None:
        """Re-read the first page (after a change to the history, a filter or a sort)."""
        self.beginResetModel()
        self._loaded = True
        self._total = self.store.count()
        self._matching = self.store.count(protocol_id=self._protocol_id, since=self._since,
                                          until=self._until)
        self._rows = self._page(0)
        self.endResetModel()

    def set_filter(self, protocol_id: str | None, since: datetime | None,
                   until: datetime | None) -> None:
        """Keep the sessions of one routine (or all) that started in [since, until)."""
        self._protocol_id, self._since, self._until = protocol_id, since, until
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if self._loaded:  # else the first reload() sorts
            self.reload()

    def _page(self, offset: int) -> list[SessionRow]:
        return self.store.sessions(
            protocol_id=self._protocol_id, since=self._since, until=self._until,
            order=self._ORDER[self._sort_column],
            descending=self._sort_order == Qt.SortOrder.DescendingOrder,
            limit=self.PAGE, offset=offset)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._matching

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._page(len(self._rows))
        if not more:
            self._matching = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def total_count(self) -> int:
        """Sessions in the whole history."""
        return self._total

    def matching_count(self) -> int:
        """Sessions that pass the filter (not all of them are loaded yet)."""
        return self._matching

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def row_of(self, uid: str) -> int:
        """The row of a session, loading further pages if needed; -1 if filtered out."""
        start = 0
        while True:
            for i in range(start, len(self._rows)):
                if self._rows[i].uid == uid:
                    return i
            if not self.canFetchMore(QModelIndex()):
                return -1
            start = len(self._rows)
            self.fetchMore(QModelIndex())

    # ----------------------------------------------------------------- Qt model API

    def row_count(self) -> int:
        return len(self._rows)

    def headings(self) -> list[str]:
        return self._headers

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and section == self.PAIN
                and role == Qt.ItemDataRole.ToolTipRole):
            return self.tr("Pain before → after the session (0–10)")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return local_datetime_text(r.started_at)
            if col == self.ROUTINE:  # one line, whatever the history file holds
                return one_line(r.protocol_name)
            if col == self.DURATION:
                return format_duration(r.active_s)
            if col == self.STATUS:
                return self._status_text[r.status]
            if col == self.PAIN:
                return pain_text(r.pain_before, r.pain_after)
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.ROUTINE:
            return tooltip(r.protocol_name)  # the whole name of an elided one
        elif role == UID_ROLE:
            return r.uid
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DURATION, self.PAIN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
