"""Programme → Report for the physio…: the period and the file, then the PDF
(:func:`soleus_coach.gui.programme.report.save_report`: never over the app's own files)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
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
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
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

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              self.path.text(), self.tr("PDF files (*.pdf)"))
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else f"{name}.pdf")
            self._confirmed = self.path.text()
