"""Programme → Report for the physio…: the period and the file, then the PDF
(:func:`soleus_coach.gui.programme.report.save_report`: never over the app's own files), or
the same pages on paper (Print…, through the system's print dialog)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.gui.editor.fields import red_text

if TYPE_CHECKING:
    from soleus_coach.tracker import ReportData


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    """From, to, and where; Save writes it through ``save`` (the period, the file, and
    whether to replace it: only one chosen in the file dialog, which has asked), which says
    what went wrong or "" when it is written; the dialog stays open on a problem."""

    def __init__(self, since: date, until: date, folder: Path,
                 save: Callable[[date, date, Path, bool], str],
                 parent: QWidget | None = None,
                 report: Callable[[date, date], ReportData] | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._report = report
        self.print_dialog: QPrintDialog | None = None
        self._confirmed = ""  # a file the file dialog has asked about replacing
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Report for the physio"))
        self.since = QDateEdit(_qdate(since))
        self.since.setObjectName("reportFrom")
        self.since.setCalendarPopup(True)
        self.until = QDateEdit(_qdate(until))
        self.until.setObjectName("reportTo")
        self.until.setCalendarPopup(True)
        self.path = QLineEdit(str(folder / f"calf-report-{since.isoformat()}-to-"
                                           f"{until.isoformat()}.pdf"))
        self.path.setObjectName("reportPath")
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.since)
        form.addRow(self.tr("&To:"), self.until)
        form.addRow(self.tr("&Save as:"), where)
        self.problem = PlainLabel()
        self.problem.setObjectName("reportProblem")
        red_text(self.problem)
        self.problem.hide()
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("Save PDF"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("reportSave")
        self.print_button = box.addButton(self.tr("&Print…"),
                                          QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("reportPrint")
        self.print_button.clicked.connect(self.print_report)
        self.print_button.setVisible(report is not None)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self.resize(560, 200)

    @property
    def period(self) -> tuple[date, date]:
        return _date(self.since.date()), _date(self.until.date())

    @property
    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def accept(self) -> None:
        since, until = self.period
        problem = self._save(since, until, self.target, self.path.text() == self._confirmed)
        self.say(problem)
        if not problem:
            super().accept()

    def print_report(self) -> QPrintDialog | None:
        """The system's print dialog (window-modal, not blocking); the report is printed when
        it is accepted. Returns the dialog (for tests)."""
        from soleus_coach.gui.programme.report import MARGIN_MM, render_report

        if self._report is None:
            return None
        data = self._report(*self.period)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Portrait,
                                          QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                          QPageLayout.Unit.Millimeter))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the report"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: render_report(data, printer)
                                if result == QDialog.DialogCode.Accepted else None)
        dialog._printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        self.print_dialog = dialog
        return dialog

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              self.path.text(), self.tr("PDF files (*.pdf)"))
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else f"{name}.pdf")
            self._confirmed = self.path.text()
