"""The editor window's panes: the routine (its fields and its list of steps), the selected
step's form, the review (problems and the preview), the bar with Save and Try it, and the
notice that the file changed on disk.

Panes show what the window gives them and hold the widgets a person uses; the window
connects those widgets to its edits. They decide nothing about what is valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import editing
from soleus_coach.editing import Kind, Preview, Problem
from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.gui.editor.fields import FieldBox, red_text
from soleus_coach.gui.editor.rounds import RoundsBox
from soleus_coach.gui.editor.step_form import StepForm
from soleus_coach.protocol.describe import describe_dose, format_duration
from soleus_coach.protocol.model import Protocol, When
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line, shown

#: The languages the language field offers first (a routine in another is kept as it is).
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs")


def language_name(code: str) -> str:
    """A language by its own name ("Deutsch", "italiano"), or its code when Qt does not
    know it."""
    if code == "en":  # not "American English": the language, not a country's
        return "English"
    locale = QLocale(code.replace("-", "_"))
    name = locale.nativeLanguageName()
    return name if name and locale.name() != "C" else code


def _caption(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    return label


def _bold(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class RoutinePane(QWidget):
    """The routine's own fields and its steps, with the buttons that add, duplicate,
    remove and move them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("routineName")
        self.when_combo = QComboBox()
        self.when_combo.setObjectName("routineWhen")
        for value, text in ((When.POST_RUN, self.tr("After a run")),
                            (When.PRE_RUN, self.tr("Before a run")),
                            (When.ANY, self.tr("Any time"))):
            self.when_combo.addItem(text, value)
        self.summary_edit = QLineEdit()
        self.summary_edit.setObjectName("routineSummary")
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("routineSource")
        self.source_edit.setPlaceholderText(self.tr("e.g. Prescribed by my physiotherapist"))
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("routineId")
        self.id_edit.setToolTip(self.tr("The routine's file is called this; the command line "
                                        "knows it by it (soleus-coach --start ID)"))
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("routineLanguage")
        self.language_combo.setToolTip(self.tr("The language the routine's texts are written "
                                               "in (Routine → Translations… adds another)"))
        routine = QFormLayout()
        self.boxes: dict[str, FieldBox] = {}
        for key, label, editor in (("name", self.tr("Routine na&me"), self.name_edit),
                                   ("id", self.tr("&File name"), self.id_edit),
                                   ("when", self.tr("&When"), self.when_combo),
                                   ("language", self.tr("&Language"), self.language_combo),
                                   ("summary", self.tr("Summar&y"), self.summary_edit),
                                   ("source", self.tr("Prescribed &by"), self.source_edit)):
            box = FieldBox(editor)
            editor.setAccessibleName(label.replace("&", ""))
            routine.addRow(_caption(label, editor), box)
            self.boxes[key] = box

        # A name another routine has already: say so, and offer that one instead. Its row
        # keeps its height when hidden: the list below never jumps.
        self.customize_instead = QPushButton()
        self.customize_instead.setObjectName("customizeInstead")
        room = QWidget()  # always there, the button in it or not
        room_layout = QHBoxLayout(room)
        room_layout.setContentsMargins(0, 0, 0, 0)
        room_layout.addWidget(self.customize_instead)
        room.setFixedHeight(self.customize_instead.sizeHint().height())
        self.customize_instead.hide()
        routine.addRow("", room)

        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setWordWrap(True)  # a long name wraps instead of scrolling sideways
        # a run of steps may be selected (Shift+arrows), to make them rounds
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("stepKind")
        self.kind_combo.setAccessibleName(self.tr("Kind of step to add"))
        for kind in Kind:
            self.kind_combo.addItem(self.kind_label(kind), kind)
        self.add_button = QPushButton(self.tr("&Add step"))
        self.add_button.setObjectName("addStep")
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setObjectName("duplicateStep")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeStep")
        self.up_button = QPushButton("▲")
        self.up_button.setObjectName("moveUp")
        self.up_button.setAccessibleName(self.tr("Move step up"))
        self.up_button.setToolTip(self.tr("Move the step up (Alt+Up arrow)"))
        self.rounds_box = RoundsBox()
        self.rounds_button = self.rounds_box.make
        self.down_button = QPushButton("▼")
        self.down_button.setObjectName("moveDown")
        self.down_button.setAccessibleName(self.tr("Move step down"))
        self.down_button.setToolTip(self.tr("Move the step down (Alt+Down arrow)"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.kind_combo, 1)
        add_row.addWidget(self.add_button)
        step_row = QHBoxLayout()
        for b in (self.up_button, self.down_button):
            b.setFixedWidth(b.fontMetrics().horizontalAdvance("▲") + 28)
        for b in (self.duplicate_button, self.remove_button, self.up_button, self.down_button):
            step_row.addWidget(b)
        step_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(routine)
        steps_caption = _caption(self.tr("S&teps (drag, or Alt+Up/Alt+Down, to reorder)"),
                                 self.step_list)
        steps_caption.setWordWrap(True)
        layout.addWidget(steps_caption)
        layout.addWidget(self.step_list, 1)
        layout.addLayout(step_row)
        layout.addLayout(add_row)
        layout.addWidget(self.rounds_box)

    def kind_label(self, kind: Kind) -> str:
        return {Kind.STRETCH: self.tr("Stretch"), Kind.STRENGTH: self.tr("Strength"),
                Kind.EXERCISE: self.tr("Exercise"), Kind.HEAT: self.tr("Heat"),
                Kind.ICE: self.tr("Ice"), Kind.REST: self.tr("Rest"),
                Kind.INSTRUCTION: self.tr("Message")}[kind]

    def show_fields(self, draft: Protocol) -> None:
        """The routine's fields as the draft has them (untouched where they already do:
        the person may be typing there)."""
        for editor, value in ((self.name_edit, draft.name), (self.summary_edit, draft.summary),
                              (self.source_edit, draft.source)):
            if editor.text() != value:
                editor.setText(value)
        if self.id_edit.text() != draft.id:
            self.id_edit.setText(draft.id)
        i = self.when_combo.findData(draft.when)
        if i != self.when_combo.currentIndex():
            self.when_combo.setCurrentIndex(i)
        self.show_language(draft.language)

    def show_language(self, code: str) -> None:
        """The routine's language chosen in the combo (added to it when it is not there)."""
        combo = self.language_combo
        if combo.count() == 0:
            for known in LANGUAGES:
                combo.addItem(language_name(known), known)
        i = combo.findData(code)
        if i < 0:
            combo.addItem(language_name(code), code)
            i = combo.findData(code)
        if i != combo.currentIndex():
            combo.setCurrentIndex(i)

    def row_text(self, draft: Protocol, i: int) -> str:
        step = draft.steps[i]
        kind = self.kind_label(editing.kind_of(step))
        try:
            dose = describe_dose(step)
        except (AssertionError, TypeError, ValueError, ZeroDivisionError):
            dose = "…"
        sides = getattr(step, "sides", None)
        each = self.tr(" each leg") if sides is not None and sides.legs == 2 else ""
        text = f"{i + 1}. {kind} · {shown(step.name) or '…'} — {dose}{each}"
        group = draft.round_of(i)
        if group is None:
            return text
        # the steps of a group, marked as one: "┏ 3 × ", "┃", "┗" down the side
        mark = ("┏" if i == group.first else "┗" if i == group.last else "┃")
        if i == group.first:
            head = fill_in(self.tr("%1 rounds:"), group.times)
            return f"{mark} {head} {text}"
        return f"{mark} {text}"

    def show_steps(self, draft: Protocol, current: int, problems: Sequence[Problem]) -> None:
        """One row a step, ``current`` selected, rows with problems in red; without
        emitting the list's signals (this is the draft shown, not a choice)."""
        lst = self.step_list
        lst.blockSignals(True)
        n = len(draft.steps)
        while lst.count() > n:
            lst.takeItem(lst.count() - 1)
        while lst.count() < n:
            lst.addItem(QListWidgetItem())
        for i in range(n):
            text = self.row_text(draft, i)
            item = lst.item(i)
            if item.text() != text:
                item.setText(text)
        if lst.currentRow() != current:
            lst.setCurrentRow(current)
        lst.blockSignals(False)
        self.mark_rows(problems)
        has = current >= 0
        for b in (self.duplicate_button, self.remove_button):
            b.setEnabled(has)
        self.up_button.setEnabled(current > 0)
        self.down_button.setEnabled(0 <= current < n - 1)
        self.rounds_button.setEnabled(has)
        self.rounds_box.show_group(draft.round_of(current) if has else None)

    def mark_rows(self, problems: Sequence[Problem]) -> None:
        bad = {p.step for p in problems if p.step is not None}
        for i in range(self.step_list.count()):
            item = self.step_list.item(i)
            item.setForeground(Qt.GlobalColor.darkRed if i in bad else
                               self.step_list.palette().text().color())
            item.setToolTip(self.tr("This step has problems") if i in bad else "")

    def show_clash(self, name: str | None) -> None:
        """Another routine is called ``name`` (None: none is): the button that opens that
        one in an editor of its own, to customize it instead."""
        self.customize_instead.setVisible(name is not None)
        if name is not None:
            self.customize_instead.setText(
                fill_in(self.tr("Customize “%1” instead…"), one_line(name)))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """The routine's own problems at its fields."""
        by_field: dict[str, list[str]] = {}
        for p in problems:
            if p.step is None:
                by_field.setdefault(p.field, []).append(p.message)
        for key, box in self.boxes.items():
            box.set_problems(by_field.get(key, []))
        self.mark_rows(problems)


class StepPane(QScrollArea):
    """The selected step's form under its title, or a word on how to add the first step."""

    def __init__(self, assets: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = StepForm(assets)
        self.form.setObjectName("stepForm")
        self.title = _bold(QLabel())
        self.no_step = QLabel(self.tr("No step yet: choose a kind and press “Add step”."))
        self.no_step.setTextFormat(Qt.TextFormat.PlainText)
        self.no_step.setWordWrap(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self.no_step)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner.setMinimumWidth(270)  # the widest row (the tempo) fits: no sideways scrolling


class ReviewPane(QWidget):
    """The problems of the draft (each a link to its field) and the session as it will run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setAccessibleName(self.tr("Problems"))
        self.problem_list.setWordWrap(True)
        self.problem_heading = QLabel()
        self.problem_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_heading.setWordWrap(True)
        self.total_label = _bold(QLabel())
        self.total_label.setObjectName("previewTotal")
        self.preview_text = QPlainTextEdit()
        self.preview_text.setObjectName("preview")
        self.preview_text.setReadOnly(True)
        self.preview_text.setAccessibleName(self.tr("Preview of the session"))
        self.preview_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_heading)
        layout.addWidget(self.problem_list, 1)
        preview_label = QLabel(self.tr("Preview: the session as it will run"))
        preview_label.setTextFormat(Qt.TextFormat.PlainText)
        preview_label.setWordWrap(True)
        self.total_label.setWordWrap(True)
        layout.addWidget(preview_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.preview_text, 3)

    def show_problems(self, problems: Sequence[Problem], texts: Sequence[str]) -> None:
        """Each problem as ``texts`` says it (where, then what), with where it is kept for a
        click; the heading counts them."""
        self.problem_list.clear()
        for p, text in zip(problems, texts, strict=True):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (p.step, p.field))
            item.setForeground(Qt.GlobalColor.darkRed)
            self.problem_list.addItem(item)
        n = len(problems)
        self.problem_heading.setText(self.tr("Problems: %n", "", n) if n else
                                     self.tr("No problems: the routine can be saved."))

    def problem_place(self, p: Problem, field_label: str) -> str:
        """Where a problem is, in words ("Step 2, Hold"); ``field_label`` names a step's
        field."""
        if p.step is None:
            return {"name": self.tr("Routine name"), "summary": self.tr("Summary"),
                    "when": self.tr("When"), "source": self.tr("Prescribed by"),
                    "id": self.tr("File name"), "language": self.tr("Language"),
                    "translations": self.tr("Translations"),
                    "steps": self.tr("Steps")}.get(p.field, self.tr("Routine"))
        return fill_in(self.tr("Step %1"), p.step + 1) + (f", {field_label}"
                                                          if field_label else "")

    def show_preview(self, preview: Preview | None) -> None:
        """The plan builder's timeline, a line a segment; None: no plan can be made yet."""
        if preview is None:
            self.total_label.setText(self.tr("No preview until the problems are fixed."))
            self.preview_text.setPlainText("")
            return
        self.total_label.setText(fill_in(self.tr("Total %1"), format_duration(preview.total_s)))
        side = {"left": self.tr("left"), "right": self.tr("right")}
        lines = []
        for r in preview.rows:
            extra = f" ({side[r.side]})" if r.side else ""
            if r.rounds:
                extra += " · " + fill_in(self.tr("round %1 of %2"), r.round, r.rounds)
            lines.append(f"{format_duration(r.start_s):>7}  {shown(r.label)}{extra}"
                         f"  · {format_duration(r.duration_s)}")
        self.preview_text.setPlainText("\n".join(lines))


class SaveBar(QWidget):
    """Why the routine cannot be saved yet (in red), Try it and Save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # no mnemonics: Ctrl+S and Ctrl+T (the letters are the fields')
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveRoutine")
        self.try_button = QPushButton(self.tr("Try it"))
        self.try_button.setObjectName("tryRoutine")
        self.try_button.setToolTip(self.tr("Run the routine from the selected step, then "
                                           "come back here (Ctrl+T)"))
        self.reason = PlainLabel()
        self.reason.setObjectName("saveReason")
        red_text(self.reason)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.try_button)
        layout.addWidget(self.save_button)

    def show_problem_count(self, n: int) -> None:
        self.save_button.setEnabled(n == 0)
        self.try_button.setEnabled(n == 0)
        reason = self.tr("Cannot save yet: %n problem(s), listed on the right.", "", n)
        self.reason.setText(reason if n else "")
        self.save_button.setToolTip(reason if n else self.tr("Save the routine (Ctrl+S)"))


class DiskNotice(QWidget):
    """The routine's file changed on disk: load it, or keep the version being edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diskNotice")
        layout = QHBoxLayout(self)
        notice = QLabel(self.tr("The routine's file was changed on disk since you opened it."))
        notice.setTextFormat(Qt.TextFormat.PlainText)
        notice.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Load the file"))
        self.reload_button.setObjectName("loadFromDisk")
        self.keep_button = QPushButton(self.tr("Keep my version"))
        self.keep_button.setObjectName("keepMine")
        layout.addWidget(notice, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.keep_button)
        self.setStyleSheet("QWidget#diskNotice { background: #fff3bf; }")
        self.hide()
