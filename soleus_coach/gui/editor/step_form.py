"""The form for one step: the fields its kind has, each in a frame that shows its problems.

The form shows a step and reports edits as ``(field, value)``; it never changes the draft
itself (the window does, through an undoable command), and it decides nothing about what is
valid (the validator does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from soleus_coach.editing import Kind, kind_of, step_value
from soleus_coach.gui.editor.fields import (
    DoseEdit,
    FieldBox,
    SoundsEdit,
    TempoEdit,
    set_spin,
    spin,
)
from soleus_coach.protocol.model import (
    ExerciseStep,
    IceStep,
    Range,
    SelfPaced,
    SideMeaning,
    Sides,
    Step,
    StrengthStep,
    StretchStep,
    Tempo,
)

#: Which fields each kind of step has, in the order the form shows them.
FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.STRETCH: ("name", "hold_s", "reps", "rest_s", "sides", "side_is", "position_s",
                   "instructions", "caution", "rest_text", "illustration", "sounds"),
    Kind.STRENGTH: ("name", "sets", "pacing", "reps", "tempo", "rep_s", "hold_s", "rest_s",
                    "sides", "side_is", "position_s", "instructions", "caution", "rest_text",
                    "illustration", "sounds"),
    Kind.EXERCISE: ("name", "sets", "pacing", "reps", "tempo", "rep_s", "duration_s",
                    "rest_s", "sides", "side_is", "position_s", "instructions", "caution",
                    "rest_text", "illustration", "sounds"),
    Kind.HEAT: ("name", "duration_min", "instructions", "caution", "sounds"),
    Kind.ICE: ("name", "duration_min", "skin_check_s", "instructions", "caution", "sounds"),
    Kind.REST: ("name", "seconds", "instructions", "sounds"),
    Kind.INSTRUCTION: ("name", "seconds", "instructions", "sounds"),
}

#: Cold this short has no skin check (the plan makes none): the field is not shown.
NO_SKIN_CHECK_S = 300.0

#: Every row the form can show, in its order.
ROWS = ("name", "sets", "pacing", "reps", "tempo", "rep_s", "hold_s", "duration_s",
        "duration_min", "seconds", "skin_check_s", "rest_s", "sides", "side_is", "position_s",
        "instructions", "caution", "rest_text", "illustration", "sounds")

#: The form's widgets that edit a field of the file under another name.
FILE_FIELD = {"duration_min": "duration_s", "seconds": "duration_s"}

PACING = ("tempo", "rep_s", "self_rep", "self_set", "timed")
#: The picture combo's last item: choose a file (copied into the routine's folder).
FROM_FILE = "from-file"


def pacing_of(step: Step) -> str:
    counting = getattr(step, "counting", None)
    if counting is None:
        return "timed"
    if counting.self_paced is not None:
        return "self_rep" if counting.self_paced is SelfPaced.REP else "self_set"
    return "rep_s" if step_value(step, "rep_s") is not None else "tempo"


def illustrations(assets: Path) -> list[Path]:
    try:
        return sorted((assets / "illustrations").glob("*.svg"))
    except OSError:
        return []


class StepForm(QWidget):
    edited = Signal(str, object)  # field of the file (or "pacing"), value
    picture_requested = Signal()  # "From a file…": the window asks for one and copies it
    sound_requested = Signal(object)  # Cue: the window asks for a file and copies it

    def __init__(self, assets: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assets = assets
        self.kind: Kind | None = None
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # narrow (an 800×600 screen): a label above its field rather than beside it
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        self.setters: dict[str, Callable[[Step], None]] = {}
        self._updating = False

    def __getattr__(self, name: str) -> Any:
        """A row's widget (``form.tempo``) made on first use: rows are made when a step
        first needs them (a stretch shows 12 of the 20), so the editor opens sooner."""
        if name in ROWS:
            self._ensure(name)
            return self.__dict__[name]
        raise AttributeError(name)

    def _ensure(self, key: str) -> FieldBox:
        if key not in self.boxes:
            getattr(self, f"_make_{key}")()
        return self.boxes[key]

    # ----------------------------------------------------------------- rows

    def _make_name(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("stepName")
        self.name.textEdited.connect(lambda t: self.edited.emit("name", t))
        self._row("name", self.tr("&Name"), self.name,
                  lambda s: self.name.setText(s.name) if self.name.text() != s.name else None)

    def _make_sets(self) -> None:
        self.sets = DoseEdit("", plural=lambda n: self.tr("%n set(s)", "", n))
        self.sets.setObjectName("stepSets")
        self.sets.changed.connect(lambda v: self.edited.emit("sets", v))
        self._row("sets", self.tr("&Sets"), self.sets,
                  lambda s: self.sets.set_value(getattr(s, "sets", None)))

    def _make_pacing(self) -> None:
        self.pacing = QComboBox()
        self.pacing.setObjectName("stepPacing")
        for key, text in zip(PACING, (self.tr("Counted reps, paced by a tempo"),
                                      self.tr("Counted reps, one count every few seconds"),
                                      self.tr("Reps at the runner's pace: Enter after each"),
                                      self.tr("Reps at the runner's pace: Enter after the set"),
                                      self.tr("Timed")), strict=True):
            self.pacing.addItem(text, key)
        self.pacing.activated.connect(
            lambda i: self.edited.emit("pacing", self.pacing.itemData(i)))
        self._row("pacing", self.tr("&Counting"), self.pacing, self._show_pacing)

    def _make_reps(self) -> None:
        self.reps = DoseEdit("", plural=lambda n: self.tr("%n rep(s)", "", n))
        self.reps.setObjectName("stepReps")
        self.reps.changed.connect(lambda v: self.edited.emit("reps", v))
        self._row("reps", self.tr("Re&ps per set"), self.reps,
                  lambda s: self.reps.set_value(step_value(s, "reps")))

    def _make_tempo(self) -> None:
        self.tempo = TempoEdit()
        self.tempo.setObjectName("stepTempo")
        self.tempo.changed.connect(lambda v: self.edited.emit("tempo", v))
        self._row("tempo", self.tr("Temp&o"), self.tempo,
                  lambda s: self.tempo.set_value(step_value(s, "tempo")))

    def _make_rep_s(self) -> None:
        self.rep_s = spin(" s", decimals=1, maximum=99)
        self.rep_s.setObjectName("stepRepSeconds")
        self.rep_s.valueChanged.connect(lambda v: self.edited.emit("rep_s", v))
        self._row("rep_s", self.tr("Sec&onds per rep"), self.rep_s,
                  lambda s: set_spin(self.rep_s, step_value(s, "rep_s") or 0))

    def _make_hold_s(self) -> None:
        self.hold_s = DoseEdit(" s")
        self.hold_s.setObjectName("stepHold")
        self.hold_s.changed.connect(lambda v: self.edited.emit("hold_s", v))
        self._row("hold_s", self.tr("&Hold"), self.hold_s,
                  lambda s: self.hold_s.set_value(getattr(s, "hold_s", None)))

    def _make_duration_s(self) -> None:
        self.duration_s = DoseEdit(" s")
        self.duration_s.setObjectName("stepDuration")
        self.duration_s.changed.connect(lambda v: self.edited.emit("duration_s", v))
        self._row("duration_s", self.tr("&Duration"), self.duration_s,
                  lambda s: self.duration_s.set_value(getattr(s, "duration_s", None)))

    def _make_duration_min(self) -> None:
        self.duration_min = DoseEdit(" min", decimals=1, scale=60)
        self.duration_min.setObjectName("stepMinutes")
        self.duration_min.changed.connect(lambda v: self.edited.emit("duration_s", v))
        self._row("duration_min", self.tr("&Duration"), self.duration_min,
                  lambda s: self.duration_min.set_value(getattr(s, "duration_s", None)))

    def _make_seconds(self) -> None:
        self.seconds = spin(" s")
        self.seconds.setObjectName("stepSeconds")
        self.seconds.valueChanged.connect(lambda v: self.edited.emit("duration_s", v))
        self._row("seconds", self.tr("&Duration"), self.seconds,
                  lambda s: set_spin(self.seconds, float(getattr(s, "duration_s", 0))))

    def _make_skin_check_s(self) -> None:
        # in minutes, as the ice's own duration is
        self.skin_check_s = spin(" min", decimals=1)
        self.skin_check_s.setObjectName("stepSkinCheck")
        self.skin_check_s.valueChanged.connect(
            lambda v: self.edited.emit("skin_check_s", round(v * 60)))
        self._row("skin_check_s", self.tr("S&kin check every"), self.skin_check_s,
                  lambda s: set_spin(self.skin_check_s,
                                     float(getattr(s, "skin_check_s", 0)) / 60))

    def _make_rest_s(self) -> None:
        self.rest_s = spin(" s")
        self.rest_s.setObjectName("stepRest")
        self.rest_s.valueChanged.connect(lambda v: self.edited.emit("rest_s", v))
        self._row("rest_s", self.tr("Rest between"), self.rest_s,
                  lambda s: set_spin(self.rest_s, float(getattr(s, "rest_s", 0))))

    def _make_sides(self) -> None:
        self.sides = QComboBox()
        self.sides.setObjectName("stepSides")
        for value, text in ((Sides.NONE, self.tr("No side (both legs together)")),
                            (Sides.BOTH, self.tr("Each leg, left first")),
                            (Sides.INJURED_FIRST, self.tr("Each leg, the sore one first")),
                            (Sides.LEFT, self.tr("Left leg only")),
                            (Sides.RIGHT, self.tr("Right leg only"))):
            self.sides.addItem(text, value)
        self.sides.activated.connect(lambda i: self.edited.emit("sides",
                                                                self.sides.itemData(i)))
        self._row("sides", self.tr("Le&gs"), self.sides,
                  lambda s: self._combo(self.sides, getattr(s, "sides", Sides.NONE)))

    def _make_side_is(self) -> None:
        self.side_is = QComboBox()
        self.side_is.setObjectName("stepSideIs")
        self.side_is.addItem(self.tr("The back leg of a staggered stance"),
                             SideMeaning.LEG_BACK)
        self.side_is.addItem(self.tr("The leg that works"), SideMeaning.WORKING_LEG)
        self.side_is.activated.connect(
            lambda i: self.edited.emit("side_is", self.side_is.itemData(i)))
        self._row("side_is", self.tr("The side is"), self.side_is,
                  lambda s: self._combo(self.side_is,
                                        getattr(s, "side_is", SideMeaning.LEG_BACK)))

    def _make_position_s(self) -> None:
        self.position_s = spin(" s")
        self.position_s.setObjectName("stepPosition")
        self.position_s.valueChanged.connect(lambda v: self.edited.emit("position_s", v))
        self._row("position_s", self.tr("Get into position"), self.position_s,
                  lambda s: set_spin(self.position_s, float(getattr(s, "position_s", 0))))

    def _make_instructions(self) -> None:
        self.instructions = QPlainTextEdit()
        self.instructions.setObjectName("stepInstructions")
        self.instructions.setPlaceholderText(self.tr("One instruction per line"))
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMinimumHeight(70)
        self.instructions.textChanged.connect(self._instructions_changed)
        self._row("instructions", self.tr("&Instructions"), self.instructions,
                  self._show_instructions)

    def _make_caution(self) -> None:
        self.caution = QLineEdit()
        self.caution.setObjectName("stepCaution")
        self.caution.setPlaceholderText(self.tr("Optional: your own caution, shown beside "
                                                "the app's"))
        self.caution.textEdited.connect(lambda t: self.edited.emit("caution", t))
        self._row("caution", self.tr("Ca&ution"), self.caution,
                  lambda s: self.caution.setText(getattr(s, "caution", ""))
                  if self.caution.text() != getattr(s, "caution", "") else None)

    def _make_rest_text(self) -> None:
        self.rest_text = QLineEdit()
        self.rest_text.setObjectName("stepRestText")
        self.rest_text.setPlaceholderText(self.tr("Optional: what to read during the rests"))
        self.rest_text.textEdited.connect(lambda t: self.edited.emit("rest_text", t))
        self._row("rest_text", self.tr("Rest te&xt"), self.rest_text,
                  lambda s: self.rest_text.setText(getattr(s, "rest_text", ""))
                  if self.rest_text.text() != getattr(s, "rest_text", "") else None)

    def _make_illustration(self) -> None:
        self.illustration = QComboBox()
        self.illustration.setObjectName("stepIllustration")
        self.illustration.setIconSize(QSize(32, 32))
        self.illustration.addItem(self.tr("No picture"), "")
        for path in illustrations(self.assets):
            self.illustration.addItem(QIcon(str(path)), path.name, str(path.resolve()))
        self.illustration.addItem(self.tr("From a file…"), FROM_FILE)
        self.illustration.activated.connect(self._picture_chosen)
        self._row("illustration", self.tr("Picture"), self.illustration,
                  self._show_illustration)

    def _make_sounds(self) -> None:
        self.sounds = SoundsEdit()
        self.sounds.setObjectName("stepSounds")
        self.sounds.changed.connect(lambda v: self.edited.emit("sounds", v))
        self.sounds.file_requested.connect(self.sound_requested)
        self._row("sounds", self.tr("Sounds"), self.sounds,
                  lambda s: self.sounds.set_value(s.sounds))


    # ----------------------------------------------------------------- building

    def _row(self, key: str, label: str, editor: QWidget, setter: Callable[[Step], None]
             ) -> None:
        box = FieldBox(editor)
        text = QLabel(label)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setBuddy(editor)
        editor.setAccessibleName(label.replace("&", ""))
        at = sum(1 for k in self.boxes if ROWS.index(k) < ROWS.index(key))
        self.layout_.insertRow(at, text, box)
        self.boxes[key] = box
        self.labels[key] = text
        self.setters[key] = setter

    @staticmethod
    def _combo(combo: QComboBox, value: Any) -> None:
        i = combo.findData(value)
        if i != combo.currentIndex():
            combo.setCurrentIndex(i)

    # ----------------------------------------------------------------- showing

    def focus_chain(self) -> list[QWidget]:
        """Every widget of the form in the order Tab visits them: the rows in the order
        they are shown (:data:`ROWS`), whichever step made them first (Qt's own order is the
        order they were made in: an Ice step after a Stretch would go from Name to
        Instructions). Hidden ones are in it too; Tab passes them by."""
        chain: list[QWidget] = []
        for key in ROWS:
            box = self.boxes.get(key)
            if box is not None:
                inner = getattr(box.editor, "focus_chain", None)
                chain += inner() if inner is not None else [box.editor]
        return chain

    def visible_fields(self) -> tuple[str, ...]:
        return tuple(k for k in self.boxes if self.layout_.isRowVisible(self.boxes[k]))

    def show_step(self, step: Step) -> None:
        """Show ``step``: the rows of its kind (and of its way of counting), its values."""
        self._updating = True
        try:
            self.kind = kind_of(step)
            wanted = set(FIELDS[self.kind])
            if isinstance(step, (StrengthStep, ExerciseStep)):
                pacing = pacing_of(step)
                wanted -= {"tempo", "rep_s", "reps", "hold_s", "duration_s"} - {
                    "tempo": {"tempo", "reps"}, "rep_s": {"rep_s", "reps"},
                    "self_rep": {"reps"}, "self_set": {"reps"},
                    "timed": {"hold_s", "duration_s"}}[pacing]
            if getattr(step, "sides", Sides.NONE) is Sides.NONE:
                wanted.discard("side_is")
            if isinstance(step, IceStep) and step.duration_s.maximum <= NO_SKIN_CHECK_S:
                wanted.discard("skin_check_s")  # no skin check in 5 minutes of cold or less
            units = getattr(step, "reps" if isinstance(step, StretchStep) else "sets", None)
            if units is not None and units.maximum <= 1:
                wanted.discard("rest_s")  # one hold or one set: no rest between
            for key in ROWS:
                if key in wanted:
                    self.layout_.setRowVisible(self._ensure(key), True)
                    self.setters[key](step)
                elif key in self.boxes:
                    self.layout_.setRowVisible(self.boxes[key], False)
            relabel = {
                "hold_s": self.tr("&Hold per set") if self.kind is Kind.STRENGTH else
                self.tr("&Hold"),
                "rest_s": self.tr("Rest between holds") if self.kind is Kind.STRETCH else
                self.tr("Rest between sets"),
                "reps": self.tr("Holds &per side") if self.kind is Kind.STRETCH else
                self.tr("Re&ps per set"),
            }
            for key, text in relabel.items():
                if key in self.labels:
                    self.labels[key].setText(text)
            if "reps" in self.boxes:  # a stretch counts holds; the others count reps
                self.reps.plural = ((lambda n: self.tr("%n hold(s)", "", n))
                                    if self.kind is Kind.STRETCH else
                                    (lambda n: self.tr("%n rep(s)", "", n)))
                self.reps.show_units()
        finally:
            self._updating = False

    def _show_pacing(self, step: Step) -> None:
        self._combo(self.pacing, pacing_of(step))

    def _show_instructions(self, step: Step) -> None:
        current = tuple(line for line in self.instructions.toPlainText().split("\n")
                        if line.strip())
        if current != step.instructions:
            self.instructions.blockSignals(True)
            self.instructions.setPlainText("\n".join(step.instructions))
            self.instructions.blockSignals(False)

    def _instructions_changed(self) -> None:
        lines = [line for line in self.instructions.toPlainText().split("\n") if line.strip()]
        self.edited.emit("instructions", tuple(lines))

    def _picture_chosen(self, i: int) -> None:
        data = self.illustration.itemData(i)
        if data == FROM_FILE:
            self.picture_requested.emit()
        else:  # the combo holds paths as text: Qt compares those, not Python objects
            self.edited.emit("illustration", Path(data) if data else None)

    def _show_illustration(self, step: Step) -> None:
        path = getattr(step, "illustration", None)
        if path is None:
            self.illustration.setCurrentIndex(0)
            return
        key = str(path.resolve())
        i = self.illustration.findData(key)
        if i < 0:  # a picture of the routine's own
            self.illustration.insertItem(self.illustration.count() - 1, path.name, key)
            i = self.illustration.findData(key)
        self.illustration.setCurrentIndex(max(0, i))

    # ----------------------------------------------------------------- problems

    def field_label(self, file_field: str) -> str:
        """A field of the file as the form names it (for the list of problems)."""
        labels = {
            "name": self.tr("&Name"), "sets": self.tr("&Sets"),
            "reps": self.tr("Re&ps per set"), "tempo": self.tr("Temp&o"),
            "rep_s": self.tr("Sec&onds per rep"), "self_paced": self.tr("&Counting"),
            "hold_s": self.tr("&Hold"), "duration_s": self.tr("&Duration"),
            "skin_check_s": self.tr("S&kin check every"), "rest_s": self.tr("Rest between"),
            "sides": self.tr("Le&gs"), "side_is": self.tr("The side is"),
            "position_s": self.tr("Get into position"),
            "instructions": self.tr("&Instructions"), "caution": self.tr("Ca&ution"),
            "rest_text": self.tr("Rest te&xt"), "illustration": self.tr("Picture"),
            "sounds": self.tr("Sounds"), "rounds": self.tr("Rounds"),
        }
        return labels[file_field].replace("&", "") if file_field in labels else ""

    def field_box(self, file_field: str) -> FieldBox | None:
        """The visible frame of a field of the file (``duration_s`` may be shown in minutes
        or seconds, ``reps`` and ``tempo`` only while counted…)."""
        for key, box in self.boxes.items():
            if FILE_FIELD.get(key, key) == file_field and self.layout_.isRowVisible(box):
                return box
        return None

    def set_problems(self, by_field: dict[str, list[str]]) -> list[str]:
        """Show each field's problems at it; returns those no visible field could show."""
        shown: set[str] = set()
        for key, box in self.boxes.items():
            field = FILE_FIELD.get(key, key)
            visible = self.layout_.isRowVisible(box)
            box.set_problems(by_field.get(field, []) if visible else [])
            if visible and field in by_field:
                shown.add(field)
        return [m for f, ms in by_field.items() if f not in shown for m in ms]


def pacing_value(step: Step, pacing: str) -> tuple[str, Any]:
    """The edit that switches ``step`` to a way of counting: (field, value)."""
    if pacing == "tempo":
        return "tempo", step_value(step, "tempo") or Tempo.from_parts(down=2, up=2)
    if pacing == "rep_s":
        return "rep_s", 2.0
    if pacing in ("self_rep", "self_set"):
        return "self_paced", SelfPaced.REP if pacing == "self_rep" else SelfPaced.SET
    return ("hold_s" if isinstance(step, StrengthStep) else "duration_s"), Range.fixed(30)


__all__ = ["FIELDS", "StepForm", "pacing_of", "pacing_value"]
