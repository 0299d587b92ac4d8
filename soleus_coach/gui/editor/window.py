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
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import editing
from soleus_coach.cues import Cue
from soleus_coach.editing import Kind, Problem
from soleus_coach.gui.common.actions import EDITOR_ACTIONS, ActionId, make_action
from soleus_coach.gui.common.plain import message_box, question
from soleus_coach.gui.common.windows import bring_forward, restore_geometry, save_geometry
from soleus_coach.gui.editor.disk import FileWatch
from soleus_coach.gui.editor.own_files import OwnFiles
from soleus_coach.gui.editor.panes import DiskNotice, ReviewPane, RoutinePane, SaveBar, StepPane
from soleus_coach.gui.editor.routine_edits import RoutineEdits
from soleus_coach.gui.editor.step_form import pacing_value
from soleus_coach.gui.editor.translations import TranslationWindow
from soleus_coach.gui.editor.undo import DraftCommand
from soleus_coach.protocol.model import Protocol
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

log = logging.getLogger(__name__)

#: How long after the last key the draft is checked and previewed.
CHECK_DELAY_MS = 150
GEOMETRY_KEY = "editor/geometry"


class EditorWindow(QMainWindow, RoutineEdits):
    saved = Signal(object)  # the Protocol as saved (with its path)
    try_requested = Signal(object)  # a Protocol to run now
    customize_requested = Signal(str)  # the id of a routine to customize instead of this one

    def __init__(self, draft: Protocol, *, folder: Path, assets: Path, state_file: Path,
                 file: Path | None = None,
                 taken_ids: Callable[[], set[str]] = set,
                 names: Callable[[], Mapping[str, tuple[str, str]]] = dict,
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
        self._taken_ids = taken_ids
        #: The other routines' names, folded (``casefold``): name → (id, name as shown).
        self._names = names
        self._clash: str | None = None
        self.id_follows_name = file is None
        self.problems: list[Problem] = []
        self.current = 0 if draft.steps else -1
        self._discarding = False
        self.own_files = OwnFiles(self, draft)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self.disk = FileWatch(file, self)
        self.disk.changed.connect(lambda: self.disk_notice.show())
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
        self.translations_window: TranslationWindow | None = None
        QTimer.singleShot(0, self, self.check_now)  # not after the window is gone
        restore_geometry(self, self.state_file, GEOMETRY_KEY, QSize(1280, 800))
        share = (0.36, 0.38, 0.26) if self.width() >= 1000 else (0.38, 0.40, 0.22)
        self.splitter.setSizes([round(self.width() * f) for f in share])

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        # the routine's own fields and its steps
        self.routine_pane = pane = RoutinePane()
        self.name_edit, self.when_combo = pane.name_edit, pane.when_combo
        self.summary_edit, self.source_edit = pane.summary_edit, pane.source_edit
        self.routine_boxes = pane.boxes
        self.step_list, self.kind_combo = pane.step_list, pane.kind_combo
        self.add_button, self.duplicate_button = pane.add_button, pane.duplicate_button
        self.remove_button = pane.remove_button
        self.up_button, self.down_button = pane.up_button, pane.down_button
        self.id_edit, self.language_combo = pane.id_edit, pane.language_combo
        for edit, key in ((self.name_edit, "name"), (self.summary_edit, "summary"),
                          (self.source_edit, "source"), (self.id_edit, "id")):
            edit.textEdited.connect(lambda t, key=key: self._edit_routine(key, t))
        for combo, key in ((self.when_combo, "when"), (self.language_combo, "language")):
            combo.activated.connect(
                lambda i, c=combo, k=key: self._edit_routine(k, c.itemData(i)))
        self.connect_rounds()
        self.step_list.currentRowChanged.connect(self._select_row)
        self.step_list.model().rowsMoved.connect(self._dropped)
        self.add_button.clicked.connect(self.add_step)
        pane.customize_instead.clicked.connect(
            lambda: self.customize_requested.emit(self._clash) if self._clash else None)
        self.duplicate_button.clicked.connect(self.duplicate_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))

        # the selected step
        steps = StepPane(self.assets)
        self.form, self.form_title, self.no_step = steps.form, steps.title, steps.no_step
        self.form.edited.connect(self._edit_step)
        self.form.picture_requested.connect(self.choose_picture)
        self.form.sound_requested.connect(self.choose_sound)

        # problems and preview
        self.review = ReviewPane()
        self.problem_list, self.problem_heading = (self.review.problem_list,
                                                   self.review.problem_heading)
        self.total_label, self.preview_text = self.review.total_label, self.review.preview_text
        self.problem_list.itemActivated.connect(self._jump)
        self.problem_list.itemClicked.connect(self._jump)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QScrollArea()  # on a small screen (800×600) the routine's fields scroll
        left.setWidget(pane)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter.addWidget(left)
        splitter.addWidget(steps)
        splitter.addWidget(self.review)
        splitter.setStretchFactor(0, 2)  # made smaller, the preview gives way first
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        # the file changed on disk
        self.disk_notice = DiskNotice()
        self.reload_button = self.disk_notice.reload_button
        self.keep_button = self.disk_notice.keep_button
        self.reload_button.clicked.connect(self.load_from_disk)
        self.keep_button.clicked.connect(self.keep_mine)

        # saving
        self.save_bar = SaveBar()
        self.save_button, self.try_button = self.save_bar.save_button, self.save_bar.try_button
        self.save_reason = self.save_bar.reason
        self.save_button.clicked.connect(self.save)
        self.try_button.clicked.connect(self.try_it)

        central = QWidget()
        cl = QVBoxLayout(central)
        cl.addWidget(self.disk_notice)
        cl.addWidget(splitter, 1)
        cl.addWidget(self.save_bar)
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
            ActionId.EDITOR_ROUNDS: self.make_rounds,
            ActionId.EDITOR_TRANSLATIONS: self.open_translations,
        }
        self.actions_by_id: dict[ActionId, QAction] = {
            spec.id: make_action(self, spec, handlers[spec.id]) for spec in EDITOR_ACTIONS}
        a = self.actions_by_id
        a[ActionId.EDITOR_UNDO].setEnabled(False)
        a[ActionId.EDITOR_REDO].setEnabled(False)
        self.undo_stack.canUndoChanged.connect(a[ActionId.EDITOR_UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.EDITOR_REDO].setEnabled)
        bar = self.menuBar()
        routine = bar.addMenu(self.tr("&Routine"))
        for aid in (ActionId.EDITOR_SAVE, ActionId.EDITOR_TRY, ActionId.EDITOR_TRANSLATIONS,
                    ActionId.EDITOR_EXPORT, ActionId.EDITOR_PRINT, ActionId.EDITOR_CLOSE):
            routine.addAction(a[aid])
        edit = bar.addMenu(self.tr("&Edit"))
        for aid in (ActionId.EDITOR_UNDO, ActionId.EDITOR_REDO, ActionId.EDITOR_ADD,
                    ActionId.EDITOR_DUPLICATE, ActionId.EDITOR_REMOVE, ActionId.EDITOR_UP,
                    ActionId.EDITOR_DOWN, ActionId.EDITOR_ROUNDS):
            edit.addAction(a[aid])

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def kind_label(self, kind: Kind) -> str:
        return self.routine_pane.kind_label(kind)

    # ----------------------------------------------------------------- the draft

    def edit(self, new: Protocol, text: str, key: str | None = None,
             select: int | None = None, *, from_form: bool = True) -> None:
        """Make ``new`` the draft as one undoable step (merged with the last one when it
        changed the same field). ``from_form``: the fields show it already."""
        if new == self.draft:
            return
        after = self.current if select is None else select
        command = DraftCommand(lambda d, i, f: self.set_draft(d, i, from_form=f), self.draft,
                               new, text, key, (self.current, after))
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
            self.tab_order()
        self._update_title()
        if self.translations_window is not None:
            self.translations_window.show_draft(draft)
        self._check_timer.start()

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
        """A picture of the author's own, chosen in a file dialog."""
        source = self.own_files.ask_picture()
        if source is not None:
            self.use_picture(source)
        elif 0 <= self.current < len(self.draft.steps):
            self.form.show_step(self.draft.steps[self.current])  # the combo as it was

    def use_picture(self, source: Path) -> bool:
        """Copy ``source`` into the routine's ``pictures`` folder (under a free name) and
        make it the selected step's picture; the validator then checks the file itself."""
        target = self.own_files.copy_in(source, self._own_folder("pictures"))
        if target is None:
            return False
        self._edit_step("illustration", target)
        if 0 <= self.current < len(self.draft.steps):
            self.form.show_step(self.draft.steps[self.current])
        return True

    def choose_sound(self, cue: Cue) -> None:
        source = self.own_files.ask_sound()
        if source is not None:
            self.use_sound(cue, source)

    def use_sound(self, cue: Cue, source: Path) -> bool:
        """Copy ``source`` into the routine's ``sounds`` folder and play it for ``cue`` in
        the selected step."""
        if not 0 <= self.current < len(self.draft.steps):
            return False
        target = self.own_files.copy_in(source, self._own_folder("sounds"))
        if target is None:
            return False
        sounds = {**self.draft.steps[self.current].sounds, cue: target}
        self._edit_step("sounds", sounds)
        self.form.show_step(self.draft.steps[self.current])
        return True

    def _own_folder(self, subfolder: str) -> Path:
        return (self.file.parent if self.file is not None else self.folder) / subfolder

    # ----------------------------------------------------------------- showing

    def _fill_routine_fields(self) -> None:
        self.routine_pane.show_fields(self.draft)

    def row_text(self, i: int) -> str:
        return self.routine_pane.row_text(self.draft, i)

    def _fill_list(self) -> None:
        self.routine_pane.show_steps(self.draft, self.current, self.problems)

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
            group = self.draft.round_of(i)
            self.form_title.setText(fill_in(self.tr("Step %1: %2"), i + 1,
                                            self.kind_label(editing.kind_of(step))) + (
                " · " + fill_in(self.tr("done in each of %1 rounds"), group.times)
                if group is not None else ""))
            self.form.show_step(step)
        else:
            self.form_title.setText(self.tr("Steps"))
        self.tab_order()
        self._show_problems()

    def _update_title(self) -> None:
        name = one_line(self.draft.name) or self.tr("New routine")
        self.setWindowTitle(fill_in(self.tr("%1[*] — Routine editor — Soleus Coach"), name))

    # ----------------------------------------------------------------- checking

    def check_now(self) -> None:
        """The draft through the one validator and the plan builder."""
        self._check_timer.stop()
        self.problems = editing.problems(self.draft, self.folder, self.assets)
        self.problems += self.routine_problems()
        clash = self.name_clash()
        self._clash = clash[0] if clash is not None else None
        if clash is not None:
            self.problems.append(self.clash_problem(clash))
        self.routine_pane.show_clash(clash[1] if clash is not None else None)
        self._show_problems()
        self._show_preview()
        self.checked = True

    def _show_problems(self) -> None:
        self.routine_pane.show_problems(self.problems)
        by_field: dict[str, list[str]] = {}
        for p in self.problems:
            if p.step == self.current:
                by_field.setdefault(p.field, []).append(p.message)
        self.form.set_problems(by_field)
        self.review.show_problems(self.problems, [self.problem_text(p) for p in self.problems])
        self.save_bar.show_problem_count(len(self.problems))

    def problem_text(self, p: Problem) -> str:
        field = self.form.field_label(p.field) if p.step is not None else ""
        return f"{self.review.problem_place(p, field)}: {p.message}"

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
            shown = editing.preview(self.draft)  # as written: the routine's own total
        except Exception:  # a draft the validator refuses may not make a plan at all
            log.debug("no preview for this draft", exc_info=True)
            shown = None
        self.review.show_preview(shown)

    # ----------------------------------------------------------------- saving

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
        self.disk.known = loaded.digest
        self.disk_notice.hide()
        self.edit(replace(loaded, path=None, digest=""), self.tr("Load the file"),
                  select=0 if loaded.steps else -1, from_form=False)
        self.undo_stack.setClean()

    def keep_mine(self) -> None:
        """Keep the draft; the next save replaces what is on disk."""
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
        from soleus_coach.gui.library.share import export_draft

        if not self._without_problems():
            return None
        return export_draft(self, self.draft, self.assets, dest)

    def print_sheet(self) -> None:
        """The print dialog for the draft's one-page sheet (a PDF file is one printer)."""
        from soleus_coach.gui.library.print_sheet import print_routine

        if self._without_problems():
            print_routine(self, self.draft)

    def save(self) -> bool:
        """Save if the validator accepts the draft; False (and why) otherwise."""
        if not self._without_problems():
            return False
        if self.disk.differs:
            self.disk_notice.show()
            self.statusBar().showMessage(self.tr("The file changed on disk: choose first."),
                                         8000)
            return False
        draft = self.draft
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
        self.own_files.saved(draft)
        self.disk.watch(self.file, saved.digest)
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
        self.try_requested.emit(editing.starting_at(self.draft, start) if start else self.draft)

    # ----------------------------------------------------------------- window

    def open_translations(self) -> TranslationWindow:
        """Routine → Translations…: the routine's texts beside a translation of them."""
        if self.translations_window is None:
            self.translations_window = TranslationWindow(self, self)
        self.translations_window.show_draft(self.draft)
        bring_forward(self.translations_window)
        return self.translations_window

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isWindowModified() and not self._discarding:
            event.ignore()
            self._ask_to_close()
            return
        self.own_files.clean_up()
        save_geometry(self, self.state_file, GEOMETRY_KEY)
        super().closeEvent(event)

    def keep_draft_and_close(self, drafts: Path) -> None:
        """The app is told to quit (no question can be answered): unsaved changes are kept
        as a draft in ``drafts`` (opened again at the next start), then the window closes."""
        if self.isWindowModified():
            try:
                editing.keep_draft(self.draft, self.file, self.folder, drafts, self.assets)
            except OSError:
                log.exception("the draft of %s could not be kept", self.draft.id)
        self._discarding = True
        self.close()

    def mark_recovered(self) -> None:
        """Opened from a kept draft: unsaved, as it was when the app was closed."""
        self.undo_stack.resetClean()
        self.setWindowModified(True)
        self.statusBar().showMessage(self.tr("Opened again as it was when Soleus Coach was "
                                             "closed; not saved yet."), 0)

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
