"""The routine editor: its own window, keyboard first.

Left, the routine's fields and its steps; in the middle, the form of the selected step;
right, the problems and the preview. Every change is an undoable command that replaces the
draft (a frozen :class:`Protocol`) by the result of an edit function of
:mod:`soleus_coach.editing`; a moment after the last key (150 ms) the draft goes through
the one validator and the plan builder, and the problems and the timeline are shown. The
window decides nothing about what is valid, and computes no time of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QByteArray, QFileSystemWatcher, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import editing
from soleus_coach.cues import Cue
from soleus_coach.digest import sha256_hex
from soleus_coach.editing import Kind, Problem
from soleus_coach.gui.actions import EDITOR_ACTIONS, SPECS, ActionId, make_action
from soleus_coach.gui.editor.fields import FieldBox, red_text
from soleus_coach.gui.editor.step_form import StepForm, pacing_value
from soleus_coach.gui.plain import PlainLabel, message_box, question
from soleus_coach.protocol.describe import describe_dose, format_duration
from soleus_coach.protocol.library import named_files
from soleus_coach.protocol.model import Protocol, When
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

log = logging.getLogger(__name__)

#: How long after the last key the draft is checked and previewed.
CHECK_DELAY_MS = 150


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class DraftCommand(QUndoCommand):
    """One edit: the draft before and after, and the step selected before and after.
    Consecutive edits of the same field merge (typing a name is one undo)."""

    _ids: ClassVar[dict[str, int]] = {}

    def __init__(self, window: EditorWindow, before: Protocol, after: Protocol, text: str,
                 key: str | None, select: tuple[int, int]) -> None:
        super().__init__(text)
        self.window, self.before, self.after = window, before, after
        self.key = key
        self.select = select
        self.first = True  # its first redo comes from the form: the form shows it

    def id(self) -> int:
        if self.key is None:
            return -1
        return DraftCommand._ids.setdefault(self.key, len(DraftCommand._ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftCommand) or other.key != self.key:
            return False
        self.after = other.after
        self.select = (self.select[0], other.select[1])
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.window.set_draft(self.after, self.select[1], from_form=self.first)
        self.first = False

    def undo(self) -> None:
        self.window.set_draft(self.before, self.select[0], from_form=False)


class EditorWindow(QMainWindow):
    saved = Signal(object)  # the Protocol as saved (with its path)
    try_requested = Signal(object)  # a Protocol to run now

    def __init__(self, draft: Protocol, *, folder: Path, assets: Path, state_file: Path,
                 file: Path | None = None, settings: Callable[[], Any] | None = None,
                 taken_ids: Callable[[], set[str]] = set,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, gone with the app's
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("routineEditor")
        self.original = draft
        self.draft = draft
        self.folder, self.assets, self.state_file = folder, assets, state_file
        #: The file the routine is in (None until first saved).
        self.file = file
        self._settings = settings
        self._taken_ids = taken_ids
        self._disk_digest = self._digest_on_disk()
        self.problems: list[Problem] = []
        self.current = 0 if draft.steps else -1
        self._discarding = False
        #: Files this editor copied in (pictures, sounds), and those the file on disk names:
        #: a copy no saved version names is removed when the editor closes.
        self._copied: set[Path] = set()
        self._kept = set(named_files(draft))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self._build()
        self._fill_routine_fields()
        self._fill_list()
        self._show_current_step()
        self._update_title()
        #: The problems and the preview are shown (after the first paint: the preview needs
        #: the plan builder and the safety rules, 20 ms of imports the window need not wait
        #: for).
        self.checked = False
        self.problem_heading.setText(self.tr("Checking…"))
        self.save_button.setEnabled(False)
        self.try_button.setEnabled(False)
        QTimer.singleShot(0, self, self.check_now)  # not after the window is gone
        self._watch()
        self.resize(1280, 800)
        self._restore_geometry()

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        # the routine's own fields
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("routineName")
        self.name_edit.textEdited.connect(lambda t: self._edit_routine("name", t))
        self.when_combo = QComboBox()
        self.when_combo.setObjectName("routineWhen")
        for value, text in ((When.POST_RUN, self.tr("After a run")),
                            (When.PRE_RUN, self.tr("Before a run")),
                            (When.ANY, self.tr("Any time"))):
            self.when_combo.addItem(text, value)
        self.when_combo.activated.connect(
            lambda i: self._edit_routine("when", self.when_combo.itemData(i)))
        self.summary_edit = QLineEdit()
        self.summary_edit.setObjectName("routineSummary")
        self.summary_edit.textEdited.connect(lambda t: self._edit_routine("summary", t))
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("routineSource")
        self.source_edit.setPlaceholderText(self.tr("e.g. Prescribed by my physiotherapist"))
        self.source_edit.textEdited.connect(lambda t: self._edit_routine("source", t))
        routine = QFormLayout()
        self.routine_boxes: dict[str, FieldBox] = {}
        for key, label, editor in (("name", self.tr("Routine &name"), self.name_edit),
                                   ("when", self.tr("&When"), self.when_combo),
                                   ("summary", self.tr("S&ummary"), self.summary_edit),
                                   ("source", self.tr("Prescribed &by"), self.source_edit)):
            box = FieldBox(editor)
            caption = QLabel(label)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setBuddy(editor)
            editor.setAccessibleName(label.replace("&", ""))
            routine.addRow(caption, box)
            self.routine_boxes[key] = box

        # the steps
        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setWordWrap(True)  # a long name wraps instead of scrolling sideways
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.currentRowChanged.connect(self._select_row)
        self.step_list.model().rowsMoved.connect(self._dropped)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("stepKind")
        self.kind_combo.setAccessibleName(self.tr("Kind of step to add"))
        for kind in Kind:
            self.kind_combo.addItem(self.kind_label(kind), kind)
        self.add_button = QPushButton(self.tr("&Add step"))
        self.add_button.setObjectName("addStep")
        self.add_button.clicked.connect(self.add_step)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setObjectName("duplicateStep")
        self.duplicate_button.clicked.connect(self.duplicate_step)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeStep")
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button = QPushButton("▲")
        self.up_button.setObjectName("moveUp")
        self.up_button.setAccessibleName(self.tr("Move step up"))
        self.up_button.setToolTip(self.tr("Move the step up (Alt+Up arrow)"))
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button = QPushButton("▼")
        self.down_button.setObjectName("moveDown")
        self.down_button.setAccessibleName(self.tr("Move step down"))
        self.down_button.setToolTip(self.tr("Move the step down (Alt+Down arrow)"))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        add_row = QHBoxLayout()
        add_row.addWidget(self.kind_combo, 1)
        add_row.addWidget(self.add_button)
        step_row = QHBoxLayout()
        for b in (self.duplicate_button, self.remove_button, self.up_button, self.down_button):
            step_row.addWidget(b)
        step_row.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.addLayout(routine)
        steps_label = QLabel(self.tr("Ste&ps (drag, or Alt+Up/Alt+Down, to reorder)"))
        steps_label.setTextFormat(Qt.TextFormat.PlainText)
        steps_label.setBuddy(self.step_list)
        ll.addWidget(steps_label)
        ll.addWidget(self.step_list, 1)
        ll.addLayout(step_row)
        ll.addLayout(add_row)

        # the selected step
        self.form = StepForm(self.assets)
        self.form.setObjectName("stepForm")
        self.form.edited.connect(self._edit_step)
        self.form.picture_requested.connect(self.choose_picture)
        self.form.sound_requested.connect(self.choose_sound)
        self.form_title = QLabel()
        self.form_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.form_title.font()
        font.setBold(True)
        self.form_title.setFont(font)
        self.no_step = QLabel(self.tr("No step yet: choose a kind and press “Add step”."))
        self.no_step.setTextFormat(Qt.TextFormat.PlainText)
        self.no_step.setWordWrap(True)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.addWidget(self.form_title)
        ml.addWidget(self.no_step)
        ml.addWidget(self.form)
        ml.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(middle)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        middle.setMinimumWidth(460)  # the widest row (the tempo) fits: no sideways scrolling

        # problems and preview
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setAccessibleName(self.tr("Problems"))
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._jump)
        self.problem_list.itemClicked.connect(self._jump)
        self.problem_heading = QLabel()
        self.problem_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label = QLabel()
        self.total_label.setObjectName("previewTotal")
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setObjectName("preview")
        self.preview_text.setReadOnly(True)
        self.preview_text.setAccessibleName(self.tr("Preview of the session"))
        self.preview_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.problem_heading)
        rl.addWidget(self.problem_list, 1)
        preview_label = QLabel(self.tr("Preview: the session as it will run"))
        preview_label.setTextFormat(Qt.TextFormat.PlainText)
        rl.addWidget(preview_label)
        rl.addWidget(self.total_label)
        rl.addWidget(self.preview_text, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 520, 340])

        # the file changed on disk
        self.disk_notice = QWidget()
        self.disk_notice.setObjectName("diskNotice")
        dn = QHBoxLayout(self.disk_notice)
        notice = QLabel(self.tr("The routine's file was changed on disk since you opened it."))
        notice.setTextFormat(Qt.TextFormat.PlainText)
        notice.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Load the file"))
        self.reload_button.setObjectName("loadFromDisk")
        self.reload_button.clicked.connect(self.load_from_disk)
        self.keep_button = QPushButton(self.tr("&Keep my version"))
        self.keep_button.setObjectName("keepMine")
        self.keep_button.clicked.connect(self.keep_mine)
        dn.addWidget(notice, 1)
        dn.addWidget(self.reload_button)
        dn.addWidget(self.keep_button)
        self.disk_notice.setStyleSheet("QWidget#diskNotice { background: #fff3bf; }")
        self.disk_notice.hide()

        # saving
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveRoutine")
        self.save_button.clicked.connect(self.save)
        self.try_button = QPushButton(self.tr("&Try it"))
        self.try_button.setObjectName("tryRoutine")
        self.try_button.setToolTip(self.tr("Run the routine from the selected step, then "
                                           "come back here (Ctrl+T)"))
        self.try_button.clicked.connect(self.try_it)
        self.save_reason = PlainLabel()
        self.save_reason.setObjectName("saveReason")
        red_text(self.save_reason)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_reason, 1)
        bottom.addWidget(self.try_button)
        bottom.addWidget(self.save_button)

        central = QWidget()
        cl = QVBoxLayout(central)
        cl.addWidget(self.disk_notice)
        cl.addWidget(splitter, 1)
        cl.addLayout(bottom)
        self.setCentralWidget(central)
        self._build_menus()

    def _build_menus(self) -> None:
        handlers: dict[ActionId, Callable[[], object]] = {
            ActionId.EDITOR_SAVE: self.save, ActionId.EDITOR_UNDO: self.undo_stack.undo,
            ActionId.EDITOR_REDO: self.undo_stack.redo, ActionId.EDITOR_ADD: self.add_step,
            ActionId.EDITOR_DUPLICATE: self.duplicate_step,
            ActionId.EDITOR_REMOVE: self.remove_step,
            ActionId.EDITOR_UP: lambda: self.move_step(-1),
            ActionId.EDITOR_DOWN: lambda: self.move_step(1),
            ActionId.EDITOR_TRY: self.try_it, ActionId.EDITOR_CLOSE: self.close,
            ActionId.EDITOR_EXPORT: lambda: self.export(), ActionId.EDITOR_PRINT: self.print_sheet,
        }
        self.actions_by_id: dict[ActionId, QAction] = {
            spec.id: make_action(self, spec, handlers[spec.id]) for spec in EDITOR_ACTIONS}
        a = self.actions_by_id
        a[ActionId.EDITOR_UNDO].setEnabled(False)
        a[ActionId.EDITOR_REDO].setEnabled(False)
        self.undo_stack.canUndoChanged.connect(a[ActionId.EDITOR_UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.EDITOR_REDO].setEnabled)
        a[ActionId.EDITOR_REDO].setShortcuts([QKeySequence(SPECS[ActionId.EDITOR_REDO].keys),
                                              QKeySequence("Ctrl+Y")])
        bar = self.menuBar()
        routine = bar.addMenu(self.tr("&Routine"))
        for aid in (ActionId.EDITOR_SAVE, ActionId.EDITOR_TRY, ActionId.EDITOR_EXPORT,
                    ActionId.EDITOR_PRINT, ActionId.EDITOR_CLOSE):
            routine.addAction(a[aid])
        edit = bar.addMenu(self.tr("&Edit"))
        for aid in (ActionId.EDITOR_UNDO, ActionId.EDITOR_REDO, ActionId.EDITOR_ADD,
                    ActionId.EDITOR_DUPLICATE, ActionId.EDITOR_REMOVE, ActionId.EDITOR_UP,
                    ActionId.EDITOR_DOWN):
            edit.addAction(a[aid])

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def kind_label(self, kind: Kind) -> str:
        return {Kind.STRETCH: self.tr("Stretch"), Kind.STRENGTH: self.tr("Strength"),
                Kind.EXERCISE: self.tr("Exercise"), Kind.HEAT: self.tr("Heat"),
                Kind.ICE: self.tr("Ice"), Kind.REST: self.tr("Rest"),
                Kind.INSTRUCTION: self.tr("Message")}[kind]

    # ----------------------------------------------------------------- the draft

    def edit(self, new: Protocol, text: str, key: str | None = None,
             select: int | None = None, *, from_form: bool = True) -> None:
        """Make ``new`` the draft as one undoable step (merged with the last one when it
        changed the same field). ``from_form``: the fields show it already."""
        if new == self.draft:
            return
        after = self.current if select is None else select
        command = DraftCommand(self, self.draft, new, text, key, (self.current, after))
        command.first = from_form
        self.undo_stack.push(command)

    def set_draft(self, draft: Protocol, select: int, *, from_form: bool) -> None:
        """Show ``draft`` (an edit's, or one undone to): the list always, the fields only
        when the change did not come from them (the person is typing there)."""
        self.draft = draft
        self.current = min(select, len(draft.steps) - 1)
        self._fill_list()
        if not from_form:
            self._fill_routine_fields()
            self._show_current_step()
        elif 0 <= self.current < len(draft.steps):
            self.form.show_step(draft.steps[self.current])  # rows that follow a choice
        self._update_title()
        self._check_timer.start()

    def _edit_routine(self, field: str, value: Any) -> None:
        self.edit(editing.set_field(self.draft, field, value),
                  fill_in(self.tr("Change %1"), field), f"routine.{field}")

    def _edit_step(self, field: str, value: Any) -> None:
        i = self.current
        if not 0 <= i < len(self.draft.steps):
            return
        if field == "pacing":
            field, value = pacing_value(self.draft.steps[i], value)
        try:
            new = editing.set_step_field(self.draft, i, field, value)
        except ValueError:
            log.exception("the form offered a field the step does not have")
            return
        self.edit(new, fill_in(self.tr("Change %1"), field), f"step.{i}.{field}")

    def add_step(self) -> None:
        kind = Kind(self.kind_combo.currentData())  # Qt keeps a StrEnum as its str
        at = self.current + 1 if self.current >= 0 else len(self.draft.steps)
        self.edit(editing.add_step(self.draft, kind, self.kind_label(kind), at),
                  self.tr("Add step"), select=at, from_form=False)
        self.form.name.setFocus()
        self.form.name.selectAll()

    def remove_step(self) -> None:
        i = self.current
        if 0 <= i < len(self.draft.steps):
            self.edit(editing.remove_step(self.draft, i), self.tr("Remove step"),
                      select=min(i, len(self.draft.steps) - 2), from_form=False)

    def duplicate_step(self) -> None:
        i = self.current
        if 0 <= i < len(self.draft.steps):
            self.edit(editing.duplicate_step(self.draft, i), self.tr("Duplicate step"),
                      select=i + 1, from_form=False)

    def move_step(self, delta: int) -> None:
        i = self.current
        to = i + delta
        if 0 <= i < len(self.draft.steps) and 0 <= to < len(self.draft.steps):
            self.edit(editing.move_step(self.draft, i, to), self.tr("Move step"), select=to,
                      from_form=False)
            self.step_list.setFocus()

    def _dropped(self, _parent: Any, start: int, _end: int, _dest: Any, row: int) -> None:
        """A row dragged to another place: the same edit as Alt+Up/Down."""
        to = row if row < start else row - 1
        if to != start:
            QTimer.singleShot(0, self, lambda: self.edit(editing.move_step(self.draft, start, to),
                                                   self.tr("Move step"), select=to,
                                                   from_form=False))

    def choose_picture(self) -> None:
        """A picture of the author's own: chosen in a file dialog, copied beside the
        routine (the format reads only files in the routine's folder)."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "",
                                              self.tr("Pictures (*.svg *.png)"))
        if name:
            self.use_picture(Path(name))
        elif 0 <= self.current < len(self.draft.steps):
            self.form.show_step(self.draft.steps[self.current])  # the combo as it was

    def use_picture(self, source: Path) -> bool:
        """Copy ``source`` into the routine's ``pictures`` folder (under a free name) and
        make it the selected step's picture; the validator then checks the file itself."""
        target = self._copy_in(source, "pictures")
        if target is None:
            return False
        self._edit_step("illustration", target)
        if 0 <= self.current < len(self.draft.steps):
            self.form.show_step(self.draft.steps[self.current])
        return True

    def choose_sound(self, cue: Cue) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a sound"), "",
                                              self.tr("Sounds (*.wav *.ogg *.mp3)"))
        if name:
            self.use_sound(cue, Path(name))

    def use_sound(self, cue: Cue, source: Path) -> bool:
        """Copy ``source`` into the routine's ``sounds`` folder and play it for ``cue`` in
        the selected step."""
        if not 0 <= self.current < len(self.draft.steps):
            return False
        target = self._copy_in(source, "sounds")
        if target is None:
            return False
        sounds = {**self.draft.steps[self.current].sounds, cue: target}
        self._edit_step("sounds", sounds)
        self.form.show_step(self.draft.steps[self.current])
        return True

    def _copy_in(self, source: Path, subfolder: str) -> Path | None:
        """``source`` copied beside the routine (the format reads only files in the
        routine's folder), under a name no other file there has."""
        import shutil

        folder = (self.file.parent if self.file is not None else self.folder) / subfolder
        target = folder / source.name
        n = 2
        while target.exists() and not _same_file(target, source):
            target = folder / f"{source.stem}-{n}{source.suffix}"
            n += 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(source, target)
                self._copied.add(target)
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("File not copied"),
                        f"{source.name}: {exc.strerror or exc}", name="copyFailed").open()
            return None
        return target

    # ----------------------------------------------------------------- showing

    def _fill_routine_fields(self) -> None:
        d = self.draft
        for editor, value in ((self.name_edit, d.name), (self.summary_edit, d.summary),
                              (self.source_edit, d.source)):
            if editor.text() != value:
                editor.setText(value)
        i = self.when_combo.findData(d.when)
        if i != self.when_combo.currentIndex():
            self.when_combo.setCurrentIndex(i)

    def row_text(self, i: int) -> str:
        step = self.draft.steps[i]
        kind = self.kind_label(editing.kind_of(step))
        try:
            dose = describe_dose(step)
        except (AssertionError, TypeError, ValueError, ZeroDivisionError):
            dose = "…"
        sides = getattr(step, "sides", None)
        each = self.tr(" each leg") if sides is not None and sides.legs == 2 else ""
        return f"{i + 1}. {kind} · {one_line(step.name) or '…'} — {dose}{each}"

    def _fill_list(self) -> None:
        lst = self.step_list
        lst.blockSignals(True)
        n = len(self.draft.steps)
        while lst.count() > n:
            lst.takeItem(lst.count() - 1)
        while lst.count() < n:
            lst.addItem(QListWidgetItem())
        for i in range(n):
            text = self.row_text(i)
            item = lst.item(i)
            if item.text() != text:
                item.setText(text)
        if lst.currentRow() != self.current:
            lst.setCurrentRow(self.current)
        lst.blockSignals(False)
        self._mark_rows()
        has = self.current >= 0
        for b in (self.duplicate_button, self.remove_button):
            b.setEnabled(has)
        self.up_button.setEnabled(self.current > 0)
        self.down_button.setEnabled(0 <= self.current < n - 1)

    def _select_row(self, row: int) -> None:
        if row != self.current:
            self.current = row
            self._show_current_step()
            self._fill_list()

    def _show_current_step(self) -> None:
        i = self.current
        has = 0 <= i < len(self.draft.steps)
        self.form.setVisible(has)
        self.no_step.setVisible(not has)
        if has:
            step = self.draft.steps[i]
            self.form_title.setText(fill_in(self.tr("Step %1: %2"), i + 1,
                                            self.kind_label(editing.kind_of(step))))
            self.form.show_step(step)
        else:
            self.form_title.setText(self.tr("Steps"))
        self._show_problems()

    def _update_title(self) -> None:
        name = one_line(self.draft.name) or self.tr("New routine")
        self.setWindowTitle(fill_in(self.tr("%1[*] — Routine editor — Soleus Coach"), name))

    # ----------------------------------------------------------------- checking

    def check_now(self) -> None:
        """The draft through the one validator and the plan builder."""
        self._check_timer.stop()
        self.problems = editing.problems(self.draft, self.folder, self.assets)
        self._show_problems()
        self._show_preview()
        self.checked = True

    def _show_problems(self) -> None:
        by_routine: dict[str, list[str]] = {}
        by_step: dict[str, list[str]] = {}
        for p in self.problems:
            if p.step is None:
                by_routine.setdefault(p.field, []).append(p.message)
            elif p.step == self.current:
                by_step.setdefault(p.field, []).append(p.message)
        for key, box in self.routine_boxes.items():
            box.set_problems(by_routine.get(key, []))
        self.form.set_problems(by_step)
        self.problem_list.clear()
        for p in self.problems:
            item = QListWidgetItem(self.problem_text(p))
            item.setData(Qt.ItemDataRole.UserRole, (p.step, p.field))
            item.setForeground(Qt.GlobalColor.darkRed)
            self.problem_list.addItem(item)
        n = len(self.problems)
        self.problem_heading.setText(self.tr("Problems: %n", "", n) if n else
                                     self.tr("No problems: the routine can be saved."))
        self.save_button.setEnabled(n == 0)
        self.try_button.setEnabled(n == 0)
        reason = self.tr("Cannot save yet: %n problem(s), listed on the right.", "", n)
        self.save_reason.setText(reason if n else "")
        self.save_button.setToolTip(reason if n else self.tr("Save the routine (Ctrl+S)"))
        self._mark_rows()

    def problem_text(self, p: Problem) -> str:
        if p.step is None:
            where = {"name": self.tr("Routine name"), "summary": self.tr("Summary"),
                     "when": self.tr("When"), "source": self.tr("Prescribed by"),
                     "steps": self.tr("Steps")}.get(p.field, self.tr("Routine"))
        else:
            field = self.form.field_label(p.field)
            where = fill_in(self.tr("Step %1"), p.step + 1) + (f", {field}" if field else "")
        return f"{where}: {p.message}"

    def _mark_rows(self) -> None:
        bad = {p.step for p in self.problems if p.step is not None}
        for i in range(self.step_list.count()):
            item = self.step_list.item(i)
            item.setForeground(Qt.GlobalColor.darkRed if i in bad else
                               self.step_list.palette().text().color())
            item.setToolTip(self.tr("This step has problems") if i in bad else "")

    def _jump(self, item: QListWidgetItem) -> None:
        """To the field a problem is about."""
        step, field = item.data(Qt.ItemDataRole.UserRole)
        if step is None:
            box = self.routine_boxes.get(field)
            (box.editor if box is not None else self.step_list).setFocus()
            return
        self.step_list.setCurrentRow(step)
        box = self.form.field_box(field)
        (box.editor if box is not None else self.step_list).setFocus()

    def _show_preview(self) -> None:
        try:
            shown = editing.preview(self.draft, self._settings() if self._settings else None)
        except Exception:  # a draft the validator refuses may not make a plan at all
            log.debug("no preview for this draft", exc_info=True)
            self.total_label.setText(self.tr("No preview until the problems are fixed."))
            self.preview_text.setPlainText("")
            return
        self.total_label.setText(fill_in(self.tr("Total %1"), format_duration(shown.total_s)))
        side = {"left": self.tr("left"), "right": self.tr("right")}
        lines = []
        for r in shown.rows:
            extra = f" ({side[r.side]})" if r.side else ""
            lines.append(f"{format_duration(r.start_s):>7}  {one_line(r.label)}{extra}"
                         f"  · {format_duration(r.duration_s)}")
        self.preview_text.setPlainText("\n".join(lines))

    # ----------------------------------------------------------------- saving

    def _digest_on_disk(self) -> str:
        if self.file is None:
            return ""
        try:
            return sha256_hex(self.file.read_bytes())
        except OSError:
            return ""

    def _watch(self) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.file is not None and self.file.exists():
            self.watcher.addPath(str(self.file))

    def _file_changed(self, _path: str) -> None:
        if self._digest_on_disk() != self._disk_digest:
            self.disk_notice.show()
        self._watch()  # an editor that writes a new file and renames it: watch the new one

    def load_from_disk(self) -> None:
        """Take the file as it is now (an undoable edit: Ctrl+Z gives the draft back)."""
        from soleus_coach.protocol import ProtocolInvalid, load_file

        assert self.file is not None
        try:
            loaded = load_file(self.file, self.assets)
        except ProtocolInvalid as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not loaded"),
                        self.tr("The file on disk has problems; your version is kept."),
                        "\n".join(str(e) for e in exc.errors), name="diskInvalid").open()
            return
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not loaded"),
                        str(exc.strerror or exc), name="diskInvalid").open()
            return
        self._disk_digest = loaded.digest
        self.disk_notice.hide()
        self.edit(replace(loaded, path=None, digest=""), self.tr("Load the file"),
                  select=0 if loaded.steps else -1, from_form=False)
        self.undo_stack.setClean()

    def keep_mine(self) -> None:
        """Keep the draft; the next save replaces what is on disk."""
        self._disk_digest = self._digest_on_disk()
        self.disk_notice.hide()

    def _without_problems(self) -> bool:
        """Checked now: no problems; or False, the reason in the status bar and the keyboard
        in the list of problems (what is saved, shared or printed is only a valid routine)."""
        self.check_now()
        if self.problems:
            self.statusBar().showMessage(self.save_reason.plain_text(), 8000)
            self.problem_list.setFocus()
            return False
        return True

    def export(self, dest: Path | None = None) -> Path | None:
        """The draft as a file to share: a .json, or a .zip with its own pictures and
        sounds; asks where (unless ``dest`` is given)."""
        from soleus_coach.gui.share_ui import export_draft

        if not self._without_problems():
            return None
        return export_draft(self, self.draft, self.assets, dest)

    def print_sheet(self) -> None:
        """The print dialog for the draft's one-page sheet (a PDF file is one printer)."""
        from soleus_coach.gui.print_sheet import print_routine

        if self._without_problems():
            print_routine(self, self.draft)

    def save(self) -> bool:
        """Save if the validator accepts the draft; False (and why) otherwise."""
        if not self._without_problems():
            return False
        if self.file is not None and self._digest_on_disk() != self._disk_digest:
            self.disk_notice.show()
            self.statusBar().showMessage(self.tr("The file changed on disk: choose first."),
                                         8000)
            return False
        draft = self.draft
        if self.file is None and draft.name.strip():
            # a routine's first save: its file is named after it, not "my-routine"
            wanted = editing.unique_id(draft.name, self._taken_ids() - {draft.id})
            if draft.id.startswith("my-routine") or draft.id == self.original.id:
                draft = replace(draft, id=wanted) if wanted != draft.id and \
                    not (self.folder / f"{wanted}.json").exists() else draft
        try:
            saved = editing.save(draft, self.folder, self.assets, replaces=self.file)
        except editing.DraftInvalid as exc:  # pragma: no cover (checked just above)
            self.problems = exc.problems
            self._show_problems()
            return False
        except FileExistsError:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not saved"),
                        fill_in(self.tr("Another routine already has the file %1; nothing "
                                        "was written."),
                                editing.target_path(draft, self.folder).name),
                        name="saveFailed").open()
            return False
        except OSError as exc:
            message_box(self, QMessageBox.Icon.Warning, self.tr("Not saved"),
                        fill_in(self.tr("The routine could not be written (%1); nothing was "
                                        "changed on disk."), exc.strerror or exc),
                        name="saveFailed").open()
            return False
        self.draft = draft
        self.file = saved.path
        self._kept = set(named_files(draft))
        self._disk_digest = saved.digest
        self._watch()
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self.statusBar().showMessage(fill_in(self.tr("Saved as %1"), self.file), 8000)
        self.saved.emit(saved)
        return True

    def try_it(self) -> None:
        """Run the routine from the selected step (the main window's session flow)."""
        self.check_now()
        if self.problems:
            self.statusBar().showMessage(self.tr("Fix the problems first, then try it."),
                                         8000)
            return
        start = max(0, self.current)
        protocol = replace(self.draft, steps=self.draft.steps[start:],
                           translations={}) if start else self.draft
        self.try_requested.emit(protocol)

    # ----------------------------------------------------------------- window

    def _window_settings(self) -> QSettings:
        return QSettings(str(self.state_file), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_settings().value("editor/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isWindowModified() and not self._discarding:
            event.ignore()
            self._ask_to_close()
            return
        for copy in self._copied - self._kept:  # chosen, then discarded or replaced
            if not _named_by_a_routine(copy):  # another editor may have saved it since
                copy.unlink(missing_ok=True)
        self._copied &= self._kept
        store = self._window_settings()
        store.setValue("editor/geometry", self.saveGeometry())
        store.sync()
        super().closeEvent(event)

    def _ask_to_close(self) -> None:
        B = QMessageBox.StandardButton
        box = question(self, self.tr("Unsaved changes"),
                       fill_in(self.tr("Save the changes to %1?"),
                               one_line(self.draft.name) or self.tr("New routine")),
                       B.Save | B.Discard | B.Cancel, B.Save, name="closeQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            if result == B.Save:
                if self.save():
                    self.close()
            elif result == B.Discard:
                self._discarding = True
                self.close()

        box.finished.connect(answered)
        box.open()
        self.close_question = box


def _named_by_a_routine(file: Path) -> bool:
    """A routine file in the folder above ``file``'s (``pictures/x.svg`` → the protocol
    folder) names it."""
    reference = f"{file.parent.name}/{file.name}"
    for routine in file.parent.parent.glob("*.json"):
        try:
            if reference in routine.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:
            return True  # cannot tell: keep it
    return False
