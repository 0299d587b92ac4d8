"""Table models over a list of rows under fixed headings: the history's sessions and runs,
and the library's routines. Qt's model API is answered once here; each model says only how
many rows it has, its headings, and what a cell shows. :class:`ReadableNames` keeps a
view's name column readable on a small window."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A flat table: :meth:`row_count` rows under :meth:`headings`."""

    def headings(self) -> Sequence[str]:
        raise NotImplementedError

    def row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headings()[section]
        return None


class ReadableNames(QObject):
    """Keeps a view's name column readable on a narrow window: when the name would get
    fewer than ``min_chars`` characters, the ``optional`` columns are hidden, last first,
    and shown again when there is room. Names elide in the middle ("Post-run … recovery")
    and the whole name is in the tooltip (the model's). Installed on the view's viewport."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, name_col: int,
                 optional: Sequence[int], min_chars: int = 18) -> None:
        super().__init__(view)
        self._view, self._header = view, header
        self._name, self._optional = name_col, list(optional)
        self._min = view.fontMetrics().averageCharWidth() * min_chars
        self._widths: dict[int, int] = {}
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self._header
        for col in self._optional:  # the width each column has when shown
            if not header.isSectionHidden(col) and header.sectionSize(col) > 0:
                self._widths[col] = header.sectionSize(col)
        width = self._view.viewport().width()
        shown = [c for c in range(header.count()) if c != self._name and
                 not header.isSectionHidden(c)]
        fixed = sum(self._widths.get(c, header.sectionSize(c)) for c in shown)
        for col in reversed(self._optional):  # hide, the last first, while the name is short
            if width - fixed >= self._min:
                break
            if not header.isSectionHidden(col):
                header.setSectionHidden(col, True)
                fixed -= self._widths.get(col, 0)
        for col in self._optional:  # show again, the first first, while there is room
            size = self._widths.get(col, 0)
            if header.isSectionHidden(col):
                if width - fixed - size < self._min:
                    break
                header.setSectionHidden(col, False)
                header.resizeSection(col, size)
                fixed += size
