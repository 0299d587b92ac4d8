"""Programme → Start a programme…: the programmes (bundled and the runner's), each with its
phases, routines, how often and what moving on requires; Start begins the one chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.protocol.programme import Often, Planned, Programme
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line


class ChooseDialog(QDialog):
    make_requested = Signal()

    def __init__(self, programmes: list[Programme], routine_name: Callable[[str], str], *,
                 busy: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseProgramme")
        self.setWindowTitle(self.tr("Start a programme"))
        self.programmes = programmes
        self._name = routine_name
        self.chosen: Programme | None = None
        self.list = QListWidget()
        self.list.setObjectName("programmeList")
        for p in programmes:
            item = QListWidgetItem(one_line(p.name))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.details = PlainLabel()
        self.details.setObjectName("programmeDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumWidth(360)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addWidget(self.details, 3)
        self.busy = PlainLabel(busy)
        self.busy.setObjectName("programmeBusy")
        self.busy.setVisible(bool(busy))
        box = QDialogButtonBox()
        self.start_button = box.addButton(self.tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("programmeStart")
        self.start_button.setEnabled(not busy)
        make = QPushButton(self.tr("&Make a programme…"))
        make.setObjectName("programmeMake")
        make.clicked.connect(self._make)
        box.addButton(make, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._start)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.busy)
        layout.addWidget(box)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _i: self._start())
        if programmes:
            self.list.setCurrentRow(0)
        self.resize(760, 440)

    def _often(self, planned: Planned) -> str:
        words = {Often.AFTER_RUN: self.tr("after every run"),
                 Often.BEFORE_RUN: self.tr("before every run"),
                 Often.ONCE_A_DAY: self.tr("once a day"),
                 Often.TWICE_A_DAY: self.tr("twice a day")}
        if planned.often is Often.DAYS_A_WEEK:
            return self.tr("%n day(s) a week", "", planned.days)
        return words[planned.often]

    def describe(self, p: Programme) -> str:
        lines = [p.name, p.summary, ""]
        if p.weeks:
            lines.append(self.tr("%n week(s)", "", p.weeks))
        for n, phase in enumerate(p.phases, 1):
            lines.append(fill_in(self.tr("Phase %1: %2 (%3)"), n, phase.name, phase.load))
            for planned in phase.routines:
                label = planned.label or self._name(planned.routine)
                lines.append(f"  • {label}: {self._often(planned)}")
            if phase.move_on is not None:
                lines.append("  " + fill_in(
                    self.tr("Moving on: %1 days in a row with pain during at most %2/10 and "
                            "every next morning settled"), phase.move_on.days,
                    phase.move_on.pain_during_max))
        if p.source:
            lines += ["", fill_in(self.tr("Source: %1"), p.source)]
        return "\n".join(lines)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.programmes):
            self.details.setText(self.describe(self.programmes[row]))

    def _start(self) -> None:
        row = self.list.currentRow()
        if self.start_button.isEnabled() and 0 <= row < len(self.programmes):
            self.chosen = self.programmes[row]
            self.accept()

    def _make(self) -> None:
        self.reject()
        self.make_requested.emit()
