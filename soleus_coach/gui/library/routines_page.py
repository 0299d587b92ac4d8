"""All routines: every routine with its summary, duration and steps; Start, and "Use for after
a run" / "before a run" to choose what the home screen's buttons start. Esc goes home."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import plain_label
from soleus_coach.gui.common.tables import ReadableNames
from soleus_coach.gui.library.home_page import Moment
from soleus_coach.gui.library.routines_model import ProtocolTableModel, when_label
from soleus_coach.protocol import Library, Origin, Protocol
from soleus_coach.protocol.describe import describe_step, format_duration, rounds_heading
from soleus_coach.session.plan import routine_duration_s


class _ProtocolView(QTreeView):
    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    start_requested = Signal(str)  # protocol id
    home_requested = Signal()
    use_for = Signal(object, str)  # Moment, protocol id: the home screen's button for it
    customize_requested = Signal(str)  # protocol id: a copy of it in the editor
    edit_requested = Signal(str)  # protocol id: the user's own, in the editor
    delete_requested = Signal(str)  # protocol id: the user's own, to the trash
    export_requested = Signal(str)  # protocol id: a .json or .zip for someone else
    print_requested = Signal(str)  # protocol id: the one-page sheet, printed or as a PDF

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProtocolTableModel(library, self)
        self.view = _ProtocolView()
        self.view.setObjectName("protocolList")
        self.view.setAccessibleName(self.tr("Routines"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        # On a narrow window the name keeps its room: Source, then Steps, When and Duration
        # make way (all of it is in the detail beside the list, the whole name in a tooltip).
        self.names = ReadableNames(self.view, header, 0, optional=(2, 1, 3, 4))
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
        self.start_button = QPushButton(self.tr("Sta&rt"))  # Alt+S is the Session menu
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName(self.tr("Start the selected routine"))
        self.start_button.setToolTip(self.tr("Start the selected routine (Enter)"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_current)
        self.after_button = QPushButton(self.tr("Use for &after a run"))
        self.after_button.setObjectName("useAfterRun")
        self.after_button.setToolTip(self.tr("The home screen's “After a run” starts this "
                                             "routine"))
        self.after_button.clicked.connect(lambda: self._use_for(Moment.AFTER))
        self.before_button = QPushButton(self.tr("Use for &before a run"))
        self.before_button.setObjectName("useBeforeRun")
        self.before_button.setToolTip(self.tr("The home screen's “Before a run” starts this "
                                              "routine"))
        self.before_button.clicked.connect(lambda: self._use_for(Moment.BEFORE))

        self.customize_button = QPushButton(self.tr("&Customize…"))
        self.customize_button.setObjectName("customizeRoutine")
        self.customize_button.setToolTip(self.tr("Open a copy of this routine in the editor"))
        self.customize_button.clicked.connect(lambda: self._emit(self.customize_requested))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editRoutine")
        self.edit_button.setToolTip(self.tr("Change your routine in the editor"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("deleteRoutine")
        self.delete_button.setToolTip(self.tr("Move your routine to the trash (asks first)"))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setObjectName("exportRoutine")
        self.export_button.setToolTip(self.tr("Save this routine as a file to share (with its "
                                              "own pictures and sounds, as a .zip)"))
        self.export_button.clicked.connect(lambda: self._emit(self.export_requested))
        self.print_button = QPushButton(self.tr("Pri&nt…"))
        self.print_button.setObjectName("printRoutine")
        self.print_button.setToolTip(self.tr("Print this routine on one page, or save the page "
                                             "as a PDF"))
        self.print_button.clicked.connect(lambda: self._emit(self.print_requested))

        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.addWidget(self.title)
        dl.addWidget(self.meta)
        dl.addWidget(self.summary)
        dl.addWidget(self.steps, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.customize_button)
        edit_row.addWidget(self.edit_button)
        edit_row.addWidget(self.delete_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.export_button)
        edit_row.addWidget(self.print_button)
        dl.addLayout(edit_row)
        row = QHBoxLayout()
        row.addWidget(self.after_button)
        row.addWidget(self.before_button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        dl.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.home_button = QPushButton(self.tr("◀ Ho&me"))
        self.home_button.setObjectName("libraryHome")
        self.home_button.setToolTip(self.tr("Back to the home screen (Esc)"))
        self.home_button.clicked.connect(self.home_requested)
        heading = QLabel(self.tr("All routines"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addWidget(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
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
            self._enable(False)
            return
        entry = self.model.entry(row)
        p = entry.protocol
        if p is None:
            self.title.setText(entry.path.name)
            self.meta.setText(self.tr("This file could not be loaded:"))
            self.summary.setText(str(entry.path))
            self.steps.setPlainText("\n".join(str(e) for e in entry.errors))
            self._enable(False)
            return
        own = entry.origin is Origin.USER
        self.title.setText(p.name)
        self.meta.setText(f"{when_label(p.when.value)} · "
                          f"{format_duration(routine_duration_s(p))} · "
                          + self.tr("%n step(s)", "", len(p.steps)))
        self.summary.setText(p.summary)
        lines = []
        for i, s in enumerate(p.steps, 1):
            head = rounds_heading(p, i - 1)  # a group of rounds begins
            lines += [head] if head else []
            lines.append(f"{i}. {describe_step(s)}")
        self.steps.setPlainText("\n".join(lines))
        self._enable(True, own)

    def _enable(self, valid: bool, own: bool = False) -> None:
        for button in (self.start_button, self.after_button, self.before_button,
                       self.customize_button, self.export_button, self.print_button):
            button.setEnabled(valid)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(valid and own)

    def _emit(self, signal: SignalInstance) -> None:
        p = self.current_protocol()
        if p is not None:
            signal.emit(p.id)

    def _use_for(self, when: Moment) -> None:
        p = self.current_protocol()
        if p is not None:
            self.use_for.emit(when, p.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.home_requested.emit()
            return
        super().keyPressEvent(event)

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
