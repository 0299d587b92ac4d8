"""The editor's field widgets: a dose (fixed, or a range the runner may choose in), a tempo,
and the frame that shows a field's problems beside it. Thin: they show values and say when
the person changed one; the window turns that into an edit of the draft."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.plain import PlainLabel
from soleus_coach.protocol.model import Phase, Range, Tempo

#: Spin boxes take values past the format's limits on purpose: the validator says what is
#: allowed, next to the field, instead of the box silently refusing a key.
SPIN_MAX = 99999
PROBLEM_COLOUR = "#c53030"


def spin(suffix: str, *, decimals: int = 0, maximum: float = SPIN_MAX) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(decimals)
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    box.setAccelerated(True)
    box.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToNearestValue)
    box.setMinimumWidth(80)
    return box


def set_spin(box: QDoubleSpinBox, value: float) -> None:
    if box.value() != value:
        box.blockSignals(True)
        box.setValue(value)
        box.blockSignals(False)


class FieldBox(QFrame):
    """A field and, under it, its problems in red (plain text); the frame turns red too."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldBox")
        self.editor = editor
        self.problem = PlainLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.problem)

    def set_problems(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        if text == self.problem.plain_text() and self.problem.isVisibleTo(self) == bool(text):
            return
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.setStyleSheet(f"QFrame#fieldBox {{ border: 2px solid {PROBLEM_COLOUR}; "
                           "border-radius: 3px; }" if text else "")
        self.setProperty("problem", bool(text))


class DoseEdit(QWidget):
    """A dose: one value (a fixed prescription), or with "Adjustable" a default and the
    least and most the runner may choose. ``scale`` converts what is shown (minutes) to
    what is stored (seconds)."""

    changed = Signal(object)  # Range

    def __init__(self, suffix: str, *, decimals: int = 0, scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.value_box = spin(suffix, decimals=decimals)
        self.value_box.setObjectName("doseValue")
        self.adjustable = QCheckBox(self.tr("Adjustable"))
        self.adjustable.setObjectName("doseAdjustable")
        self.adjustable.setToolTip(self.tr("Let the runner choose between a least and a most "
                                           "value (in Settings, and with the arrow keys)"))
        self.min_box = spin(suffix, decimals=decimals)
        self.min_box.setObjectName("doseMin")
        self.max_box = spin(suffix, decimals=decimals)
        self.max_box.setObjectName("doseMax")
        self.from_label = QLabel(self.tr("from"))
        self.to_label = QLabel(self.tr("to"))
        for label in (self.from_label, self.to_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        # the range on a line of its own: the form's column stays narrow
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.value_box, 0, 0)
        grid.addWidget(self.adjustable, 0, 1, 1, 3)
        grid.addWidget(self.from_label, 1, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.min_box, 1, 1)
        grid.addWidget(self.to_label, 1, 2)
        grid.addWidget(self.max_box, 1, 3)
        grid.setColumnStretch(4, 1)
        self.value_box.valueChanged.connect(self._changed)
        self.min_box.valueChanged.connect(self._changed)
        self.max_box.valueChanged.connect(self._changed)
        self.adjustable.toggled.connect(self._toggled)
        self._show_range(False)
        self.setFocusProxy(self.value_box)

    def _show_range(self, on: bool) -> None:
        for w in (self.from_label, self.min_box, self.to_label, self.max_box):
            w.setVisible(on)

    def _toggled(self, on: bool) -> None:
        self._show_range(on)
        if on:
            set_spin(self.min_box, self.value_box.value())
            set_spin(self.max_box, self.value_box.value())
        self._changed()

    def value(self) -> Range:
        v = self.value_box.value() * self.scale
        if not self.adjustable.isChecked():
            return Range.fixed(v)
        return Range(v, self.min_box.value() * self.scale, self.max_box.value() * self.scale)

    def set_value(self, r: Range | None) -> None:
        r = r or Range.fixed(0)
        set_spin(self.value_box, r.default / self.scale)
        set_spin(self.min_box, r.minimum / self.scale)
        set_spin(self.max_box, r.maximum / self.scale)
        self.adjustable.blockSignals(True)
        self.adjustable.setChecked(not r.is_fixed)
        self.adjustable.blockSignals(False)
        self._show_range(not r.is_fixed)

    def _changed(self, *_args: object) -> None:
        self.changed.emit(self.value())


class TempoEdit(QWidget):
    """The parts of a rep in seconds and which movement comes first."""

    changed = Signal(object)  # Tempo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.start = QComboBox()
        self.start.setObjectName("tempoStart")
        self.start.addItem(self.tr("up first"), Phase.UP)
        self.start.addItem(self.tr("down first"), Phase.DOWN)
        self.parts: dict[Phase, QDoubleSpinBox] = {}
        for n, (phase, text) in enumerate(((Phase.UP, self.tr("up")),
                                           (Phase.DOWN, self.tr("down")),
                                           (Phase.HOLD, self.tr("hold")),
                                           (Phase.PAUSE, self.tr("pause")))):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            box = spin(" s", maximum=99)
            box.setMinimumWidth(60)
            box.setObjectName(f"tempo_{phase.value}")
            box.setAccessibleName(text)
            label.setBuddy(box)
            box.valueChanged.connect(self._changed)
            self.parts[phase] = box
            grid.addWidget(label, n // 2, 2 * (n % 2), Qt.AlignmentFlag.AlignRight)
            grid.addWidget(box, n // 2, 2 * (n % 2) + 1)
        grid.addWidget(self.start, 0, 4)
        grid.setColumnStretch(5, 1)
        self.start.currentIndexChanged.connect(self._changed)
        self.setFocusProxy(self.parts[Phase.UP])

    def value(self) -> Tempo:
        p = {ph: box.value() for ph, box in self.parts.items()}
        return Tempo.from_parts(down=p[Phase.DOWN], up=p[Phase.UP], hold=p[Phase.HOLD],
                                pause=p[Phase.PAUSE], start=Phase(self.start.currentData()))

    def set_value(self, tempo: Tempo | None) -> None:
        tempo = tempo or Tempo.from_parts(down=2, up=2)
        for phase, box in self.parts.items():
            set_spin(box, tempo.part(phase))
        self.start.blockSignals(True)
        self.start.setCurrentIndex(0 if tempo.start is Phase.UP else 1)
        self.start.blockSignals(False)

    def _changed(self, *_args: object) -> None:
        self.changed.emit(self.value())
