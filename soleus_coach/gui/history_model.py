"""Table model of past sessions, and the proxy that sorts and filters it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from soleus_coach.cli import format_duration
from soleus_coach.history.records import SessionRow, Status

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
UID_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS_ORDER = {Status.COMPLETED: 0, Status.STOPPED: 1, Status.INTERRUPTED: 2,
                 Status.IN_PROGRESS: 3}


def local_datetime_text(moment: datetime, fmt: QLocale.FormatType =
                        QLocale.FormatType.ShortFormat) -> str:
    qdt = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(qdt.toLocalTime(), fmt)


def pain_text(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return ""
    return f"{'–' if before is None else before} → {'–' if after is None else after}"


class HistoryModel(QAbstractTableModel):
    DATE, ROUTINE, DURATION, STATUS, PAIN = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionRow] = []
        self._headers = [self.tr("Date"), self.tr("Routine"), self.tr("Active time"),
                         self.tr("Status"), self.tr("Pain before → after")]
        self._status_text = {
            Status.COMPLETED: self.tr("Completed"),
            Status.STOPPED: self.tr("Stopped"),
            Status.INTERRUPTED: self.tr("Interrupted"),
            Status.IN_PROGRESS: self.tr("In progress"),
        }

    def set_rows(self, rows: list[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def status_text(self, status: Status) -> str:
        return self._status_text[status]

    def row_at(self, row: int) -> SessionRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return local_datetime_text(r.started_at)
            if col == self.ROUTINE:
                return r.protocol_name
            if col == self.DURATION:
                return format_duration(r.active_s)
            if col == self.STATUS:
                return self._status_text[r.status]
            if col == self.PAIN:
                return pain_text(r.pain_before, r.pain_after)
        elif role == SORT_ROLE:
            if col == self.DATE:
                return r.started_at.timestamp()
            if col == self.ROUTINE:
                return r.protocol_name.casefold()
            if col == self.DURATION:
                return r.active_s
            if col == self.STATUS:
                return _STATUS_ORDER[r.status]
            if col == self.PAIN:
                return -1 if r.pain_after is None else r.pain_after
        elif role == UID_ROLE:
            return r.uid
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (self.DURATION, self.PAIN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HistoryFilter(QSortFilterProxyModel):
    """Keeps the sessions of one routine (or all) that started in [since, until)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.protocol_id: str | None = None
        self.since: float | None = None  # POSIX seconds
        self.until: float | None = None
        self.setSortRole(SORT_ROLE)

    def set_filter(self, protocol_id: str | None, since: datetime | None,
                   until: datetime | None) -> None:
        self.protocol_id = protocol_id
        self.since = None if since is None else since.timestamp()
        self.until = None if until is None else until.timestamp()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, HistoryModel)
        r = model.row_at(source_row)
        if self.protocol_id is not None and r.protocol_id != self.protocol_id:
            return False
        t = r.started_at.timestamp()
        if self.since is not None and t < self.since:
            return False
        return self.until is None or t < self.until
