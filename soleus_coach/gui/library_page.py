"""The library page: every routine with its summary, duration and steps, and Start."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.plain import plain_label
from soleus_coach.gui.protocol_model import ProtocolTableModel, when_label
from soleus_coach.protocol import Library, Protocol
from soleus_coach.protocol.describe import describe_step, format_duration


class _ProtocolView(QTreeView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    start_requested = Signal(str)  # protocol id
    history_requested = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProtocolTableModel(library, self)
        self.view = _ProtocolView()
        self.view.setObjectName("protocolList")
        self.view.setAccessibleName(self.tr("Routines"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.view.doubleClicked.connect(lambda idx: self._start_row(idx.row()))
        self.view.activated_row.connect(self._start_row)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        self.title = plain_label()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = plain_label()
        self.meta.setObjectName("detailMeta")
        self.summary = plain_label()
        self.summary.setObjectName("detailSummary")
        self.steps = QPlainTextEdit()
        self.steps.setObjectName("detailSteps")
        self.steps.setReadOnly(True)
        self.steps.setAccessibleName(self.tr("Steps of the selected routine"))
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName(self.tr("Start the selected routine"))
        self.start_button.setToolTip(self.tr("Start the selected routine (Enter)"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_current)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.addWidget(self.title)
        dl.addWidget(self.meta)
        dl.addWidget(self.summary)
        dl.addWidget(self.steps, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        dl.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.practice = plain_label(self.tr("Loading your history…"))
        self.practice.setObjectName("practiceSummary")
        self.practice.setAccessibleName(self.tr("Your practice this week"))
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.setObjectName("historyButton")
        self.history_button.setToolTip(self.tr("Your past sessions, pain check-ins and export "
                                               "(Ctrl+H)"))
        self.history_button.clicked.connect(self.history_requested)
        top = QHBoxLayout()
        top.addWidget(self.practice, 1)
        top.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _fit_columns(self) -> None:
        """Widths from the longest text each column can hold, not from the rows:
        ResizeToContents asks the model about every row at every layout (500 routines cost
        160,000 ``data()`` calls and half a second before the first paint)."""
        header = self.view.header()
        metrics = self.view.fontMetrics()
        head_metrics = header.fontMetrics()
        for col, samples in enumerate(self.model.column_samples()):
            if col == 0:
                continue
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max([head_metrics.horizontalAdvance(title) + 24,
                         *(metrics.horizontalAdvance(t) + 16 for t in samples)])
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)

    def set_library(self, library: Library) -> None:
        current = self.current_protocol()
        self.model.set_library(library)
        row = self.model.row_of(current.id) if current else None
        self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self._show_row(self.view.currentIndex().row())

    def select(self, protocol_id: str) -> bool:
        row = self.model.row_of(protocol_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def current_protocol(self) -> Protocol | None:
        idx = self.view.currentIndex()
        return self.model.entry(idx.row()).protocol if idx.isValid() else None

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self._show_row(rows[0].row() if rows else -1)

    def _show_row(self, row: int) -> None:
        if row < 0:
            self.title.setText("")
            self.meta.setText("")
            self.summary.setText("")
            self.steps.setPlainText("")
            self.start_button.setEnabled(False)
            return
        entry = self.model.entry(row)
        p = entry.protocol
        if p is None:
            self.title.setText(entry.path.name)
            self.meta.setText(self.tr("This file could not be loaded:"))
            self.summary.setText(str(entry.path))
            self.steps.setPlainText("\n".join(str(e) for e in entry.errors))
            self.start_button.setEnabled(False)
            return
        self.title.setText(p.name)
        self.meta.setText(f"{when_label(p.when.value)} · "
                          f"{format_duration(p.default_duration_s)} · "
                          + self.tr("%n step(s)", "", len(p.steps)))
        self.summary.setText(p.summary)
        self.steps.setPlainText("\n".join(f"{i}. {describe_step(s)}"
                                          for i, s in enumerate(p.steps, 1)))
        self.start_button.setEnabled(True)

    def _start_row(self, row: int) -> None:
        p = self.model.entry(row).protocol
        if p is not None:
            self.start_requested.emit(p.id)

    def _start_current(self) -> None:
        idx = self.view.currentIndex()
        if idx.isValid():
            self._start_row(idx.row())

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
