"""The editor's field widgets: a dose (fixed, or a range the runner may choose in), a tempo,
and the frame that shows a field's problems beside it. Thin: they show values and say when
the person changed one; the window turns that into an edit of the draft."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.cues import Cue
from soleus_coach.gui.common.plain import ElidedLabel, tooltip
from soleus_coach.protocol.model import Phase, Range, Tempo
from soleus_coach.untrusted import shown

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
    box.setMinimumWidth(64)
    return box


def set_spin(box: QDoubleSpinBox, value: float) -> None:
    if box.value() != value:
        box.blockSignals(True)
        box.setValue(value)
        box.blockSignals(False)


def red_text(widget: QWidget) -> None:
    """Problems in red: by the palette (a style sheet on each of twenty labels costs the
    editor's first paint a few milliseconds)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(PROBLEM_COLOUR))
    widget.setPalette(palette)


#: The frame of a field with a problem; a field without one has the same room empty.
BORDER = 2


class FieldBox(QFrame):
    """A field and, under it, its problems in red (plain text, one line: the whole text in
    its tooltip and in the list of problems); the frame turns red too. The line for the
    problem is kept empty when there is none, so nothing moves when one comes or goes (a
    click meant for one field never lands in the next). The label itself is made when
    there is a first problem to show (twenty fields, most of them never wrong: the editor
    opens faster without twenty empty labels); until then a spacer keeps its room."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldBox")
        self.editor = editor
        self._problem: ElidedLabel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(BORDER, BORDER, BORDER, BORDER)
        self._layout.setSpacing(0)
        self._layout.addWidget(editor)
        self._room = QSpacerItem(0, self.fontMetrics().height() + 2, QSizePolicy.Policy.Minimum,
                                 QSizePolicy.Policy.Fixed)
        self._layout.addItem(self._room)

    @property
    def problem(self) -> ElidedLabel:
        if self._problem is None:
            self._problem = ElidedLabel()
            self._problem.setObjectName("fieldProblem")
            self._problem.setFixedHeight(self._room.sizeHint().height())
            policy = self._problem.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            policy.setRetainSizeWhenHidden(True)
            self._problem.setSizePolicy(policy)
            red_text(self._problem)
            self._problem.hide()
            self._layout.removeItem(self._room)
            self._layout.addWidget(self._problem)
        return self._problem

    def set_problems(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        if self._problem is None and not text:
            return
        label = self.problem
        if text == label.plain_text() and label.isVisibleTo(self) == bool(text):
            return
        label.setText("; ".join(messages))
        label._plain = text  # the whole text, as the problems list says it
        label.setToolTip(tooltip(text) if text else "")
        label.setVisible(bool(text))
        self.setProperty("problem", bool(text))
        self.update()  # the red frame, drawn in the margin: the field stays where it is

    def paintEvent(self, event: QPaintEvent) -> None:
        """The red frame round a field with a problem, painted in the box's margin (a
        style sheet would give every widget inside another style, and other sizes)."""
        super().paintEvent(event)
        if self.property("problem"):
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(PROBLEM_COLOUR), BORDER))
            half = BORDER / 2
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half),
                                    3, 3)


class DoseEdit(QWidget):
    """A dose: one value (a fixed prescription), or with "Adjustable" a default and the
    least and most the runner may choose. ``scale`` converts what is shown (minutes) to
    what is stored (seconds). The range's boxes are made when first needed."""

    changed = Signal(object)  # Range

    def __init__(self, suffix: str, *, decimals: int = 0, scale: float = 1.0,
                 plural: Callable[[int], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: A count's unit for a number ("1 set", "3 sets": Qt's %n plural forms).
        self.plural = plural
        self.scale = scale
        self._suffix, self._decimals = suffix, decimals
        self.value_box = spin(suffix, decimals=decimals)
        self.value_box.setObjectName("doseValue")
        self.adjustable = QCheckBox(self.tr("Adjustable"))
        self.adjustable.setObjectName("doseAdjustable")
        self.adjustable.setToolTip(self.tr("Let the runner choose between a least and a most "
                                           "value (in Settings, and with the arrow keys)"))
        self._range: tuple[QDoubleSpinBox, QDoubleSpinBox, QLabel, QLabel] | None = None
        # the range on a line of its own: the form's column stays narrow
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(self.value_box, 0, 0)
        self._grid.addWidget(self.adjustable, 0, 1, 1, 3)
        self._grid.setColumnStretch(4, 1)
        self.value_box.valueChanged.connect(self._changed)
        self.adjustable.toggled.connect(self._toggled)
        self.setFocusProxy(self.value_box)
        self._unit(self.value_box)

    def _unit(self, box: QDoubleSpinBox) -> None:
        """The box's unit for its number, singular or plural."""
        if self.plural is not None:
            n = round(box.value())
            text = self.plural(n)
            box.setSuffix(text[len(str(n)):] if text.startswith(str(n)) else " " + text)

    def focus_chain(self) -> list[QWidget]:
        """Its widgets in the order Tab visits them."""
        chain: list[QWidget] = [self.value_box, self.adjustable]
        if self._range is not None:
            chain += [self._range[0], self._range[1]]
        return chain

    def _range_boxes(self) -> tuple[QDoubleSpinBox, QDoubleSpinBox, QLabel, QLabel]:
        if self._range is None:
            low = spin(self._suffix, decimals=self._decimals)
            low.setObjectName("doseMin")
            high = spin(self._suffix, decimals=self._decimals)
            high.setObjectName("doseMax")
            from_label, to_label = QLabel(self.tr("from")), QLabel(self.tr("to"))
            for label in (from_label, to_label):
                label.setTextFormat(Qt.TextFormat.PlainText)
            self._grid.addWidget(from_label, 1, 0, Qt.AlignmentFlag.AlignRight)
            self._grid.addWidget(low, 1, 1)
            self._grid.addWidget(to_label, 1, 2)
            self._grid.addWidget(high, 1, 3)
            low.valueChanged.connect(self._changed)
            high.valueChanged.connect(self._changed)
            for box in (low, high):
                self._unit(box)
            QWidget.setTabOrder(self.adjustable, low)
            QWidget.setTabOrder(low, high)
            self._range = (low, high, from_label, to_label)
        return self._range

    @property
    def min_box(self) -> QDoubleSpinBox:
        return self._range_boxes()[0]

    @property
    def max_box(self) -> QDoubleSpinBox:
        return self._range_boxes()[1]

    def _show_range(self, on: bool) -> None:
        if self._range is None and not on:
            return
        for w in self._range_boxes():
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
        if not r.is_fixed or self._range is not None:
            set_spin(self.min_box, r.minimum / self.scale)
            set_spin(self.max_box, r.maximum / self.scale)
        self.adjustable.blockSignals(True)
        self.adjustable.setChecked(not r.is_fixed)
        self.adjustable.blockSignals(False)
        self._show_range(not r.is_fixed)
        self.show_units()

    def show_units(self) -> None:
        for box in (self.value_box, *(self._range[:2] if self._range else ())):
            self._unit(box)

    def _changed(self, *_args: object) -> None:
        self.show_units()
        self.changed.emit(self.value())


class SoundsEdit(QWidget):
    """The author's own sound files for some cues: a list of "cue: file", a cue to choose
    and a file for it (the window asks for the file and copies it beside the routine)."""

    changed = Signal(object)  # dict[Cue, Path]
    file_requested = Signal(object)  # Cue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sounds: dict[Cue, Path] = {}
        self._labels = self._cue_labels()
        self.list = QListWidget()
        self.list.setObjectName("soundList")
        self.list.setMaximumHeight(70)
        self.cue = QComboBox()
        self.cue.setObjectName("soundCue")
        for cue in Cue:
            self.cue.addItem(self.cue_label(cue), cue.value)
        self.add = QPushButton(self.tr("Sound file…"))
        self.add.setObjectName("soundFile")
        self.add.clicked.connect(
            lambda: self.file_requested.emit(Cue(self.cue.currentData())))
        self.remove = QPushButton(self.tr("Remove sound"))
        self.remove.setObjectName("soundRemove")
        self.remove.clicked.connect(self._remove)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.list, 0, 0, 1, 2)
        grid.addWidget(self.cue, 1, 0, 1, 2)
        grid.addWidget(self.add, 2, 0)
        grid.addWidget(self.remove, 2, 1)
        self.setFocusProxy(self.cue)

    def focus_chain(self) -> list[QWidget]:
        return [self.list, self.cue, self.add, self.remove]

    def cue_label(self, cue: Cue) -> str:
        """What the cue is, in words (the file names it by its key: ``hold_start``)."""
        return self._labels.get(cue, cue.value)

    def _cue_labels(self) -> dict[Cue, str]:
        return {
            Cue.GET_READY: self.tr("Get ready"), Cue.HOLD_START: self.tr("Hold starts"),
            Cue.COUNTDOWN: self.tr("Countdown 3-2-1"), Cue.RELAX: self.tr("Relax"),
            Cue.SWITCH_LEGS: self.tr("Switch legs"), Cue.CAUTION: self.tr("Caution"),
            Cue.EXERCISE_START: self.tr("Exercise starts"), Cue.ICE_ON: self.tr("Ice on"),
            Cue.ICE_SKIN_CHECK: self.tr("Skin check"), Cue.ICE_HALFWAY: self.tr("Halfway"),
            Cue.ICE_OFF: self.tr("Ice off"), Cue.COMPLETE: self.tr("Routine complete"),
            Cue.REP: self.tr("Each rep"), Cue.COUNT: self.tr("Counting"),
            Cue.TEMPO_DOWN: self.tr("Tempo: down"), Cue.TEMPO_UP: self.tr("Tempo: up"),
            Cue.TEMPO_HOLD: self.tr("Tempo: hold"), Cue.LAST_REP: self.tr("Last rep"),
            Cue.SET: self.tr("Next set"), Cue.REST: self.tr("Rest starts"),
            Cue.HEAT_ON: self.tr("Heat on"), Cue.HEAT_OFF: self.tr("Heat off"),
            Cue.ROUND: self.tr("Next round"),
        }

    def set_value(self, sounds: Mapping[Cue, Path]) -> None:
        self.sounds = dict(sounds)
        self.list.clear()
        for cue, path in self.sounds.items():
            self.list.addItem(f"{self.cue_label(cue)}: {shown(path.name)}")
        self.list.setVisible(bool(self.sounds))
        self.remove.setEnabled(bool(self.sounds))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row < 0 and self.sounds:
            row = 0
        if 0 <= row < len(self.sounds):
            cue = list(self.sounds)[row]
            self.changed.emit({c: p for c, p in self.sounds.items() if c is not cue})


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
        grid.addWidget(self.start, 2, 0, 1, 4)  # under the parts: the form stays narrow
        grid.setColumnStretch(4, 1)
        self.start.currentIndexChanged.connect(self._changed)
        self.setFocusProxy(self.parts[Phase.UP])

    def focus_chain(self) -> list[QWidget]:
        return [*self.parts.values(), self.start]

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
