"""The history window: weekly chart, sortable and filterable session table, detail pane
with segments, safety events and editable notes, delete with undo, CSV/JSON export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QDate, QEvent, QItemSelection, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.atomic import write_text_atomic
from soleus_coach.gui.common.actions import HISTORY_ACTIONS, ActionId, make_actions
from soleus_coach.gui.common.plain import message_box, plain_label
from soleus_coach.gui.history.runs_pane import RunsPanel, load_notes_text
from soleus_coach.gui.history.sessions_model import (
    UID_ROLE,
    HistoryModel,
    local_datetime_text,
    pain_text,
)
from soleus_coach.gui.history.weekly_chart import WeeklyChart
from soleus_coach.history import export, words
from soleus_coach.history.records import SessionRecord, utc_now
from soleus_coach.history.run_store import Unit, bucket_starts
from soleus_coach.history.store import HistoryStore, StoreWriteError
from soleus_coach.protocol.describe import format_duration
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import isolate, one_line, shown

CHART_WEEKS = 8
#: A period of this many days or more is charted by month.
CHART_MONTHS_FROM_DAYS = 365


def _local_midnight(day: QDate) -> datetime:
    return datetime(day.year(), day.month(), day.day()).astimezone().astimezone(UTC)


class HistoryWindow(QWidget):
    def __init__(self, store: HistoryStore, *, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("History — Soleus Coach"))
        self.store = store
        self._today = today
        self._undo: SessionRecord | None = None
        self._current: SessionRecord | None = None

        self.banner = plain_label()
        self.banner.setObjectName("historyBanner")
        self.banner.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 6px; }")
        self.banner.hide()
        self.chart = WeeklyChart()
        self.runs = RunsPanel(store)
        self.runs.changed.connect(self.reload)
        self.load_notes = plain_label()
        self.load_notes.setObjectName("loadNotes")
        self.load_notes.hide()

        self.routine = QComboBox()
        self.routine.setObjectName("routineFilter")
        self.routine.setAccessibleName(self.tr("Routine"))
        # Routine names come from files: the box is as wide as 24 characters, not the longest.
        self.routine.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.routine.setMinimumContentsLength(24)
        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        self.period.setAccessibleName(self.tr("Period"))
        for text, days in ((self.tr("All time"), 0), (self.tr("Last 7 days"), 7),
                           (self.tr("Last 4 weeks"), 28), (self.tr("Last 12 weeks"), 84),
                           (self.tr("Last 12 months"), 365), (self.tr("Custom dates"), -1)):
            self.period.addItem(text, days)
        self.since_edit = QDateEdit()
        self.until_edit = QDateEdit()
        for edit, name in ((self.since_edit, self.tr("From")), (self.until_edit, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.count_label = plain_label(word_wrap=False)
        self.count_label.setObjectName("historyCount")

        self.model = HistoryModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.ROUTINE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = {HistoryModel.DATE: metrics.horizontalAdvance("Wed 30 Sep 2026, 07:30") + 16}
        for col in range(self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            widths[col] = max(widths.get(col, 0), metrics.horizontalAdvance(title) + 32, 80)
            if col != HistoryModel.ROUTINE:
                header.resizeSection(col, widths[col])
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._reselect)

        self.detail_title = plain_label()
        self.detail_title.setObjectName("historyDetailTitle")
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.detail_title.setFont(font)
        self.detail_meta = plain_label()
        self.detail_meta.setObjectName("historyDetailMeta")
        self.segments = QPlainTextEdit()
        self.segments.setObjectName("historySegments")
        self.segments.setReadOnly(True)
        self.segments.setAccessibleName(self.tr("Steps done in this session"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("historyNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(self.tr("Notes about this session (how it felt, the run "
                                              "before it…)"))
        self.notes.setMaximumHeight(90)
        self.save_notes_button = QPushButton(self.tr("Save &notes"))
        self.save_notes_button.clicked.connect(self.save_notes)
        self.delete_button = QPushButton(self.tr("&Delete session"))
        self.delete_button.setObjectName("deleteSession")
        self.delete_button.clicked.connect(self.delete_current)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.detail_meta)
        dl.addWidget(self.segments, 1)
        notes_label = QLabel(self.tr("N&otes:"))
        notes_label.setBuddy(self.notes)
        dl.addWidget(notes_label)
        dl.addWidget(self.notes)
        row = QHBoxLayout()
        row.addWidget(self.save_notes_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        dl.addLayout(row)

        self.undo_label = plain_label(word_wrap=False)
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setObjectName("undoDelete")
        self.undo_button.clicked.connect(self.undo_delete)
        self.export_csv_button = QPushButton(self.tr("Export &CSV…"))
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.export_json_button = QPushButton(self.tr("Export &JSON…"))
        self.export_json_button.clicked.connect(lambda: self.export("json"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("&Routine:"), self.routine),
                              (self.tr("&Period:"), self.period),
                              (self.tr("F&rom:"), self.since_edit),
                              (self.tr("&To:"), self.until_edit)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            filters.addWidget(lab)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QSplitter(Qt.Orientation.Vertical)  # the runs beside the sessions
        left.addWidget(self.table)
        left.addWidget(self.runs)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_label)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_csv_button)
        bottom.addWidget(self.export_json_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.chart)
        layout.addWidget(self.load_notes)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.actions_by_id = make_actions(self, HISTORY_ACTIONS, {
            ActionId.HISTORY_DELETE: self.delete_current,
            ActionId.HISTORY_UNDO: self.undo_delete, ActionId.HISTORY_CLOSE: self.close})
        self.notes.installEventFilter(self)
        self.routine.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.period.currentIndexChanged.connect(lambda _i: self._apply_period())
        self.since_edit.dateChanged.connect(lambda _d: self._dates_edited())
        self.until_edit.dateChanged.connect(lambda _d: self._dates_edited())
        self._setting_dates = False
        self._hide_undo()
        self.resize(980, 680)
        self.reload()

    # ----------------------------------------------------------------- loading

    def reload(self) -> None:
        """Re-read the history (after a session ended, or an undo)."""
        selected = self._current.uid if self._current else None
        current = self.routine.currentData()
        self.routine.blockSignals(True)
        self.routine.clear()
        self.routine.addItem(self.tr("All routines"), None)
        for pid, name in self.store.routines():
            self.routine.addItem(isolate(one_line(name)), pid)
        found = self.routine.findData(current)
        self.routine.setCurrentIndex(max(0, found))
        self.routine.blockSignals(False)
        weeks = self.store.weekly(self._today(), CHART_WEEKS)  # the load notes' pain trend
        today = self._today()
        notes = load_notes_text(self.store, today, [w.mean_pain_after for w in weeks],
                                _local_midnight(QDate(today.year, today.month, today.day)
                                                .addDays(1)))
        self.load_notes.setText(notes)
        self.load_notes.setVisible(bool(notes))
        problems = [n.text for n in self.store.notices if not self.store.persistent]
        self.banner.setText("\n".join(problems))
        self.banner.setVisible(bool(problems))
        self._apply_period()
        if selected is None or not self.select(selected):
            self._select_first()

    def _apply_period(self) -> None:
        days = self.period.currentData()
        if days == -1:
            self._apply_filter()
            return
        today = self._today()
        until = QDate(today.year, today.month, today.day)
        if days == 0:  # the first and last day of anything on record
            span = self.store.activity_span()
            if span is not None:
                since = QDate(span[0].year, span[0].month, span[0].day)
                until = max(until, QDate(span[1].year, span[1].month, span[1].day))
            else:
                since = until
        else:
            since = until.addDays(-(days - 1))
        self._setting_dates = True
        self.since_edit.setDate(since)
        self.until_edit.setDate(until)
        self._setting_dates = False
        self._apply_filter()

    def _dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(-1))
        self.period.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        all_time = self.period.currentData() == 0
        since = None if all_time else _local_midnight(self.since_edit.date())
        until = None if all_time else _local_midnight(self.until_edit.date().addDays(1))
        first, last = self.since_edit.date().toPython(), self.until_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        self._chart(first, max(first, last))
        # first: the session shown next names its runs
        self.runs.set_period(None if all_time else first, None if all_time else last)
        self.model.set_filter(self.routine.currentData(), since, until)
        shown, total = self.model.matching_count(), self.model.total_count()
        self.count_label.setText(fill_in(self.tr("%1 of %2 sessions"), shown, total)
                                 if shown != total else
                                 self.tr("%n session(s)", "", total))

    def _chart(self, first: date, last: date) -> None:
        """The chart of the period: weeks, or months for a year or more; and whether runs
        older than its first bar exist."""
        unit: Unit = "month" if (last - first).days + 1 >= CHART_MONTHS_FROM_DAYS else "week"
        starts = bucket_starts(first, last, unit)
        older = self.store.first_run_day(before=starts[0]) if starts else None
        self.chart.set_period(unit, self.store.session_buckets(first, last, unit),
                              self.store.run_buckets(first, last, unit), older)

    def review_not_sure(self) -> None:
        """All time, and only the runs marked "not sure", the first selected (from an
        import's summary)."""
        self.period.setCurrentIndex(self.period.findData(0))
        self.runs.review_not_sure()

    def _reselect(self) -> None:
        """After a filter or sort: keep the session shown if it is still listed."""
        if self._current is None or not self.select(self._current.uid):
            self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show(None)

    def select(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._save_notes_if_changed()
        indexes = selected.indexes()
        uid = indexes[0].data(UID_ROLE) if indexes else None
        self._show(None if uid is None else self.store.session(uid))

    def current_uid(self) -> str | None:
        return self._current.uid if self._current else None

    # ----------------------------------------------------------------- detail

    def _show(self, rec: SessionRecord | None) -> None:
        self._current = rec
        for w in (self.notes, self.save_notes_button, self.delete_button):
            w.setEnabled(rec is not None)
        if rec is None:
            empty = not self.model.total_count()
            self.detail_title.setText(self.tr("No sessions yet") if empty
                                      else self.tr("No sessions match"))
            self.detail_meta.setText(self.tr("Finished routines appear here, with your pain "
                                             "check-ins.") if empty else "")
            self.segments.setPlainText("")
            self.notes.setPlainText("")
            return
        self.detail_title.setText(rec.protocol_name)
        ended = local_datetime_text(rec.ended_at) if rec.ended_at else "…"
        lines = [
            f"{local_datetime_text(rec.started_at)} – {ended}",
            fill_in(self.tr("%1 · active %2, paused %3"), self._status(rec),
                    format_duration(rec.active_s), format_duration(rec.paused_s)),
        ]
        if rec.before is not None or rec.after is not None:
            line = fill_in(self.tr("Pain before → after: %1"),
                           pain_text(rec.before.pain if rec.before else None,
                                     rec.after.pain if rec.after else None))
            flags = sorted({*(rec.before.flags if rec.before else ()),
                            *(rec.after.flags if rec.after else ())})
            if flags:
                line += " · " + ", ".join(words.flag(f) for f in flags)
            lines.append(line)
        if rec.leg:
            lines.append(fill_in(self.tr("Injured leg: %1"), words.leg(rec.leg)))
        day = rec.started_at.astimezone().date()
        self.runs.show_day(day)
        if self.runs.day_text(day):
            lines.append(self.runs.day_text(day))
        self.detail_meta.setText("\n".join(lines))
        text = [fill_in(self.tr("Steps (%1 done, %2 skipped):"), rec.done_segments,
                        sum(1 for s in rec.segments if s.outcome == "skipped"))]
        for s in rec.segments:
            place = words.segment_place(s.kind, s.side, s.rep)
            text.append(f"  {shown(s.label)}{f' ({place})' if place else ''}  "
                        f"{format_duration(s.actual_s)} / {format_duration(s.planned_s)}  "
                        f"{words.outcome(s.outcome)}")
        if rec.events:
            text.append("")
            text.append(self.tr("Safety notes:"))
            text.extend(f"  {local_datetime_text(e.at)}  {words.event(e.kind, e.detail)}"
                        for e in rec.events)
        self.segments.setPlainText("\n".join(text))
        self.notes.setPlainText(rec.notes)
        self.notes.document().setModified(False)

    def _status(self, rec: SessionRecord) -> str:
        return self.model.status_text(rec.status)

    # ----------------------------------------------------------------- editing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the window, as it closes a dialog (a key no child took: the notes and
        the date fields keep theirs)."""
        if (event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.close()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._save_notes_if_changed()
        return False

    def _save_notes_if_changed(self) -> None:
        if self._current is not None and self.notes.document().isModified():
            self.save_notes()

    def save_notes(self) -> bool:
        rec = self._current
        if rec is None:
            return False
        text = self.notes.toPlainText()
        try:
            self.store.set_notes(rec.uid, text)
        except StoreWriteError as exc:
            self._error(str(exc))
            return False
        rec.notes = text
        self.notes.document().setModified(False)
        self.undo_label.setText(self.tr("Notes saved."))
        self.undo_label.show()
        return True

    def delete_current(self) -> None:
        rec = self._current
        if rec is None or self.notes.hasFocus():
            return
        try:
            removed = self.store.delete(rec.uid)
        except StoreWriteError as exc:
            self._error(str(exc))
            return
        self._undo = removed
        self._current = None
        row = self.table.currentIndex().row()
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self.undo_label.setText(self.tr("Deleted the session of %1.").replace(
            "%1", local_datetime_text(rec.started_at)))
        self.undo_label.show()
        self.undo_button.show()
        QTimer.singleShot(60_000, self._hide_undo)

    def undo_delete(self) -> None:
        rec = self._undo
        if rec is None:
            return
        try:
            self.store.save(rec)
        except StoreWriteError as exc:
            self._error(str(exc))
            return
        self._undo = None
        self._hide_undo()
        self._current = None
        self.reload()
        self.select(rec.uid)

    def _hide_undo(self) -> None:
        if self._undo is None:
            self.undo_button.hide()
        self.undo_label.setText("")

    def export(self, fmt: str, path: Path | None = None) -> bool:
        if path is None:
            stamp = self._today().isoformat()
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export history"), str(Path.home() / f"soleus-history-{stamp}"
                                                     f".{fmt}"),
                self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("JSON files (*.json)"))
            if not name:
                return False
            path = Path(name)
        def write(fh: TextIO) -> int:
            records = self.store.all_sessions()
            runs = self.store.runs(descending=False)
            return (export.write_csv(records, fh, runs) if fmt == "csv"
                    else export.write_json(records, fh, exported_at=utc_now(), runs=runs))

        try:  # the file dialog has asked before an existing file is replaced
            n = write_text_atomic(path, write, replace=True, newline="")
        except OSError as exc:
            self._error(fill_in(self.tr("Could not write %1: %2"), path,
                                exc.strerror or exc))
            return False
        self.undo_label.setText(self.tr("Exported %n session(s) to ", "", n) + str(path))
        self.undo_label.show()
        return True

    def _error(self, text: str) -> None:
        message_box(self, QMessageBox.Icon.Warning, self.tr("History"), text,
                    name="historyError").open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_notes_if_changed()
        super().closeEvent(event)
