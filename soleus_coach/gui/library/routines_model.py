"""Table model over the protocol library (bundled, user, and files that failed to load)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)

from soleus_coach.gui.common.plain import tooltip
from soleus_coach.gui.common.tables import Index, RowsTableModel
from soleus_coach.protocol import Entry, Library, Origin
from soleus_coach.protocol.describe import format_duration
from soleus_coach.session.plan import routine_duration_s
from soleus_coach.untrusted import shown

WHEN_LABELS = {"pre-run": QT_TRANSLATE_NOOP("ProtocolTableModel", "Before a run"),
               "post-run": QT_TRANSLATE_NOOP("ProtocolTableModel", "After a run"),
               "any": QT_TRANSLATE_NOOP("ProtocolTableModel", "Any time")}


def when_label(when: str) -> str:
    return QCoreApplication.translate("ProtocolTableModel", str(WHEN_LABELS[when]))


class ProtocolTableModel(RowsTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ProtocolTableModel", "Routine"),
               QT_TRANSLATE_NOOP("ProtocolTableModel", "When"),
               QT_TRANSLATE_NOOP("ProtocolTableModel", "Duration"),
               QT_TRANSLATE_NOOP("ProtocolTableModel", "Steps"),
               QT_TRANSLATE_NOOP("ProtocolTableModel", "Source"))
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = list(library.entries)

    def set_library(self, library: Library) -> None:
        self.beginResetModel()
        self._entries = list(library.entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, protocol_id: str) -> int | None:
        for row, e in enumerate(self._entries):
            if e.protocol is not None and e.protocol.id == protocol_id:
                return row
        return None

    def row_count(self) -> int:
        return len(self._entries)

    def headings(self) -> list[str]:
        return [self.tr(str(c)) for c in self.COLUMNS]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        col = index.column()
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The errors quote the file's values: a tooltip would render them as markup.
            if entry.protocol is None:
                return tooltip("\n".join(str(e) for e in entry.errors))
            if col == 0:  # the whole name of an elided one
                return tooltip(f"{shown(entry.protocol.name)}\n{shown(str(entry.path))}")
            return tooltip(str(entry.path))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_samples(self) -> list[list[str]]:
        """The longest texts each column shows, whatever the rows (to size the columns)."""
        return [
            [],
            [when_label(w) for w in WHEN_LABELS] + [self.tr("failed to load")],
            ["10:00:00"],
            ["100"],
            [self.tr("bundled"), self.tr("yours"), self.tr("yours (replaces bundled)"),
             self.tr("your file")],
        ]

    def _display(self, entry: Entry, col: int) -> str:
        p = entry.protocol
        if p is None:
            return (f"⚠ {shown(entry.path.name)}", self.tr("failed to load"), "", "",
                    self.tr("your file"))[col]
        if col == 0:
            return p.name
        if col == 1:
            return when_label(p.when.value)
        if col == 2:
            return format_duration(routine_duration_s(p))
        if col == 3:
            return str(len(p.steps))
        if entry.origin is Origin.USER:
            if entry.overrides_bundled:
                return self.tr("yours (replaces bundled)")
            return self.tr("yours")
        return self.tr("bundled")
