"""The editor window's edits of the routine as a whole: its file name (id) and language, its
groups of rounds, and the order Tab takes through the window.

A part of :class:`soleus_coach.gui.editor.window.EditorWindow` (which it is mixed into),
kept apart so that each file stays readable; it decides nothing the validator decides. Its
words are the window's (``QCoreApplication.translate("EditorWindow", …)``: lupdate cannot
tell a mixin's ``self.tr`` apart).

- **The id** follows the name while the routine has no file and the person has not typed
  an id of their own ("Wadenübungen" → ``wadenuebungen``, :func:`protocol.ids.unique_id`);
  it is checked live: its characters by the validator, that no other routine has it here.
- **Rounds**: the selected steps made a group (:class:`rounds.MakeRoundsDialog`), the
  selected step's group changed or undone (:class:`rounds.RoundsBox`).
- **Tab order** is defined once, in the order the fields are shown, and set again when the
  step form shows other rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from soleus_coach import editing
from soleus_coach.editing import Problem
from soleus_coach.gui.editor.rounds import MakeRoundsDialog
from soleus_coach.protocol.model import Protocol
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

if TYPE_CHECKING:
    from soleus_coach.gui.editor.panes import ReviewPane, RoutinePane, SaveBar
    from soleus_coach.gui.editor.step_form import StepForm


class RoutineEdits:
    """Mixed into the editor window (see the module's docstring)."""

    draft: Protocol
    original: Protocol
    file: Path | None
    current: int
    problems: list[Problem]
    routine_pane: RoutinePane
    form: StepForm
    review: ReviewPane
    save_bar: SaveBar
    _taken_ids: Callable[[], set[str]]
    _names: Callable[[], Mapping[str, tuple[str, str]]]
    #: The id is made from the name (a new routine, or a copy, until the person types one).
    id_follows_name: bool

    if TYPE_CHECKING:
        def edit(self, new: Protocol, text: str, key: str | None = None,
                 select: int | None = None, *, from_form: bool = True) -> None: ...

    # ----------------------------------------------------------------- name, id, language

    def _edit_routine(self, field: str, value: Any) -> None:
        new = editing.set_field(self.draft, field, value)
        if field == "id":
            self.id_follows_name = False  # the person's own from now on
        elif field == "name" and self.id_follows_name:
            made = editing.unique_id(value, self._others(), self.draft.language)
            new = editing.set_field(new, "id", made)
            self.routine_pane.id_edit.setText(made)
        self.edit(new, fill_in(QCoreApplication.translate("EditorWindow", "Change %1"), field),
                  f"routine.{field}")

    def _others(self) -> set[str]:
        """The ids of the other routines (this one's own file excepted)."""
        own = {self.original.id} | ({self.file.stem} if self.file is not None else set())
        return self._taken_ids() - own

    def routine_problems(self) -> list[Problem]:
        """What the window checks beyond the validator: the id and the name of another
        routine here (the validator reads one file and knows no others)."""
        found = []
        if self.draft.id in self._others():
            found.append(Problem(None, "id", fill_in(QCoreApplication.translate(
                "EditorWindow", "Another routine has the file name “%1” already: choose "
                "another."), self.draft.id), "$.id"))
        return found

    def name_clash(self) -> tuple[str, str] | None:
        """Another routine called what this one is: (its id, its name as shown)."""
        clash = self._names().get(self.draft.name.strip().casefold())
        if clash is None or clash[0] in (self.original.id, self.draft.id):
            return None
        return clash

    def clash_problem(self, clash: tuple[str, str]) -> Problem:
        return Problem(None, "name", fill_in(QCoreApplication.translate(
            "EditorWindow", "Another routine is called “%1” already: choose another name. "
            "Customize the existing one instead?"), one_line(clash[1])), "$.name")

    # ----------------------------------------------------------------- rounds

    def _selected_rows(self) -> tuple[int, int]:
        """The first and last selected step (the list selects a run of them)."""
        rows = sorted({i.row() for i in self.routine_pane.step_list.selectedIndexes()})
        if not rows:
            return self.current, self.current
        return rows[0], rows[-1]

    def make_rounds(self) -> MakeRoundsDialog | None:
        """Edit → Make rounds… (Ctrl+G): the selected steps, how many times (asked)."""
        if not 0 <= self.current < len(self.draft.steps):
            return None
        first, last = self._selected_rows()
        assert isinstance(self, QWidget)
        dialog = MakeRoundsDialog(first, last, self)
        self.rounds_dialog = dialog

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.edit(editing.make_rounds(self.draft, first, last, dialog.times.value(),
                                              dialog.rest.value()),
                          QCoreApplication.translate("EditorWindow", "Make rounds"),
                          select=first, from_form=False)
        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _set_rounds(self, **change: Any) -> None:
        self.edit(editing.set_rounds(self.draft, self.current, **change),
                  QCoreApplication.translate("EditorWindow", "Change rounds"),
                  f"rounds.{next(iter(change))}")

    def _undo_rounds(self) -> None:
        self.edit(editing.remove_rounds(self.draft, self.current),
                  QCoreApplication.translate("EditorWindow", "Undo rounds"), from_form=False)

    def connect_rounds(self) -> None:
        box = self.routine_pane.rounds_box
        self.routine_pane.rounds_button.clicked.connect(self.make_rounds)
        box.times_changed.connect(lambda n: self._set_rounds(times=n))
        box.rest_changed.connect(lambda s: self._set_rounds(rest_between_s=s))
        box.undo_requested.connect(self._undo_rounds)

    # ----------------------------------------------------------------- Tab

    def tab_order(self) -> list[QWidget]:
        """The window's widgets in the order Tab visits them: the routine's fields, its
        steps and their buttons, the rounds, the selected step's form, the problems, the
        preview, Try it and Save. Set on the widgets too (hidden ones are passed by)."""
        pane = self.routine_pane
        box = pane.rounds_box
        chain: list[QWidget] = [
            *(b.editor for b in pane.boxes.values()), pane.customize_instead, pane.step_list,
            pane.duplicate_button, pane.remove_button, pane.up_button, pane.down_button,
            pane.rounds_button, pane.kind_combo, pane.add_button, box.times, box.rest, box.undo,
            *self.form.focus_chain(), self.review.problem_list, self.review.preview_text,
            self.save_bar.try_button, self.save_bar.save_button]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        return chain


__all__ = ["RoutineEdits"]
