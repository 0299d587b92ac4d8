"""Rounds in the editor: the steps selected made a group done several times ("Make
rounds…", Ctrl+G: a small dialog asks how many and the rest between), and the box that shows
the selected step's group (how many rounds, the rest between them, "Undo rounds").

The steps of a group are in the list once, and edited once; the preview shows every round.
Thin widgets: the window turns what they say into edits of :mod:`soleus_coach.editing`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from soleus_coach.gui.editor.fields import set_spin, spin
from soleus_coach.protocol.model import Rounds
from soleus_coach.protocol.spec import ROUNDS_MAX
from soleus_coach.texts import fill_in

#: What "Make rounds…" offers first: contrast therapy and most circuits are 3 rounds.
DEFAULT_ROUNDS = 3


def rounds_spin() -> QSpinBox:
    box = QSpinBox()
    box.setRange(2, ROUNDS_MAX)
    box.setMinimumWidth(80)
    return box


class MakeRoundsDialog(QDialog):
    """How many rounds of the selected steps, and the rest between them."""

    def __init__(self, first: int, last: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("makeRoundsDialog")
        self.setWindowTitle(self.tr("Make rounds"))
        what = (fill_in(self.tr("Steps %1 to %2 are done several times in a row."),
                        first + 1, last + 1) if last > first else
                fill_in(self.tr("Step %1 is done several times in a row."), first + 1))
        intro = QLabel(what)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.times = rounds_spin()
        self.times.setObjectName("roundsTimes")
        self.times.setValue(DEFAULT_ROUNDS)
        self.times.setSuffix(self.tr(" rounds"))
        self.rest = spin(" s", maximum=600)
        self.rest.setObjectName("roundsRest")
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self._label(self.tr("&Rounds"), self.times), self.times)
        form.addRow(self._label(self.tr("R&est between rounds"), self.rest), self.rest)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.times.setFocus()
        self.times.selectAll()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(buddy)
        buddy.setAccessibleName(text.replace("&", ""))
        return label


class RoundsBox(QGroupBox):
    """The selected step's group of rounds: how many, the rest between, Undo rounds. It
    keeps its place when the step is in no group (only disabled, with a word on how to make
    one): the list above it never jumps."""

    times_changed = Signal(int)
    rest_changed = Signal(float)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsBox")
        self.times = rounds_spin()
        self.times.setObjectName("groupTimes")
        self.times.setAccessibleName(self.tr("Rounds"))
        self.times.setSuffix(self.tr(" rounds"))
        self.rest: QDoubleSpinBox = spin(" s", maximum=600)
        self.rest.setObjectName("groupRest")
        self.rest.setAccessibleName(self.tr("Rest between rounds"))
        self.undo = QPushButton(self.tr("Undo rounds"))
        self.undo.setObjectName("undoRounds")
        self.undo.setToolTip(self.tr("Do these steps once again"))
        #: "Make rounds…" of the selected steps (the window connects it).
        self.make = QPushButton(self.tr("Make rounds…"))
        self.make.setObjectName("makeRounds")
        self.make.setToolTip(self.tr("Do the selected steps several times in a row (Ctrl+G); "
                                     "Shift+arrow keys select more"))
        rest_label = QLabel(self.tr("rest between:"))
        rest_label.setTextFormat(Qt.TextFormat.PlainText)
        rest_label.setBuddy(self.rest)
        grid = QGridLayout(self)
        grid.addWidget(self.times, 0, 0)
        grid.addWidget(self.undo, 0, 1)
        grid.addWidget(rest_label, 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.rest, 1, 1)
        grid.addWidget(self.make, 2, 0, 1, 2)
        grid.setColumnStretch(2, 1)
        self.times.valueChanged.connect(self.times_changed)
        self.rest.valueChanged.connect(self.rest_changed)
        self.undo.clicked.connect(self.undo_requested)
        self.show_group(None)

    def show_group(self, group: Rounds | None) -> None:
        """``group`` (None: the selected step is in none)."""
        if group is None:
            self.setTitle(self.tr("Rounds: select steps, then Edit → Make rounds… (Ctrl+G)"))
        else:
            self.setTitle(
                fill_in(self.tr("Rounds of steps %1 to %2"), group.first + 1, group.last + 1)
                if group.count > 1 else fill_in(self.tr("Rounds of step %1"), group.first + 1))
        for w in (self.times, self.rest, self.undo):
            w.setEnabled(group is not None)
        self.make.setText(self.tr("Make rounds…") if group is None else
                          self.tr("Change the steps…"))
        self.times.blockSignals(True)
        self.times.setValue(group.times if group is not None else self.times.minimum())
        self.times.blockSignals(False)
        set_spin(self.rest, group.rest_between_s if group is not None else 0.0)


__all__ = ["DEFAULT_ROUNDS", "MakeRoundsDialog", "RoundsBox"]
