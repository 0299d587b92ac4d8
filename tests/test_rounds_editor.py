"""Rounds made in the editor by keys and clicks, as a person makes them, and counted: the
contrast-therapy routine (3 × heat 3 min, cold 1 min, 30 s between) and a 3-round circuit
(heel raises, a stretch) each take under three minutes by the Keystroke-Level Model; both
validate on the command line, run with "Round 2 of 3" on the session screen, finish with
the rounds done, are kept in the history by round, and print with their rounds.

Screenshots (``$SOLEUS_COACH_SCREENSHOT_DIR``): the editor with the rounds, the session in
round 2."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach import cli
from soleus_coach.gui.editor.window import EditorWindow
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.plan import SegmentKind
from tests.test_editor import checked
from tests.test_session_window import answer_checkin, make_window, tick

SCREENSHOT_DIR = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
CLICK = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Person:
    """Keys and clicks into the real widgets, each counted: the Keystroke-Level Model (Card,
    Moran and Newell) puts a time on them: 0.28 s a keystroke (an average typist; a modifier
    held is one more), 1.3 s to point at something and click it, and 1.35 s to think before
    each field or choice."""

    K, P, M = 0.28, 1.3, 1.35

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.keys = self.clicks = self.thoughts = 0

    def __str__(self) -> str:
        return (f"{self.keys} keys, {self.clicks} clicks, {self.thoughts} fields or choices: "
                f"{self.seconds:.0f} s")

    @property
    def seconds(self) -> float:
        return self.keys * self.K + self.clicks * self.P + self.thoughts * self.M

    def type(self, widget: QWidget, text: str) -> None:
        self.thoughts += 1
        self.keys += len(text)
        self.qtbot.keyClicks(widget, text)

    def key(self, widget: QWidget, key: Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1 + (modifier != Qt.KeyboardModifier.NoModifier)
        self.qtbot.keyClick(widget, key, modifier)

    def tab(self, times: int = 1) -> QWidget:
        """Tab, from wherever the keyboard is; where it is then."""
        for _ in range(times):
            widget = QApplication.focusWidget()
            assert widget is not None
            self.key(widget, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        return now

    def click(self, widget: QWidget, pos: QPoint | None = None,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.thoughts += 1
        self.clicks += 1
        self.keys += modifier != Qt.KeyboardModifier.NoModifier
        target = widget.parentWidget() if widget.objectName() == "qt_scrollarea_viewport" \
            else widget
        if target is not None and target.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            target.setFocus(Qt.FocusReason.MouseFocusReason)  # as the press does
        if pos is None:
            self.qtbot.mouseClick(widget, CLICK, modifier)
        else:
            self.qtbot.mouseClick(widget, CLICK, modifier, pos)

    def row(self, editor: EditorWindow, i: int,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        lst = editor.step_list
        self.click(lst.viewport(), lst.visualItemRect(lst.item(i)).center(), modifier)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Click the combo, then the item in its list (with the arrow keys and Enter: a
        click in a list that has just opened is taken for the end of a drag)."""
        self.click(combo)
        view = combo.view()
        self.qtbot.waitUntil(view.isVisible, timeout=1000)
        want = combo.findText(text)
        while view.currentIndex().row() != want:
            self.key(view, Qt.Key.Key_Down if view.currentIndex().row() < want
                     else Qt.Key.Key_Up)
        self.key(view, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: not view.isVisible(), timeout=1000)
        assert combo.currentText() == text
        self.back_to(combo.window())

    def back_to(self, window: QWidget) -> None:
        """The window is active again once a list or a dialog of it has closed (the
        offscreen platform hands activation to the closed one a moment later: not a thing
        a person sees)."""
        QApplication.processEvents()
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow, timeout=1000)

    def add(self, editor: EditorWindow, kind: str) -> None:
        """Choose the kind in the combo, click Add step."""
        self.choose(editor.kind_combo, kind)
        self.click(editor.add_button)
        assert editor.form.name.hasFocus()  # its name is selected, to be typed over

    def make_rounds(self, editor: EditorWindow, times: str, rest: str) -> None:
        """Ctrl+G, the count, Tab, the rest, Enter."""
        self.key(editor.step_list, Qt.Key.Key_G, CTRL)
        dialog = editor.findChild(QDialog, "makeRoundsDialog")
        assert dialog is not None and dialog.isVisible()
        self.qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        assert dialog.times.hasFocus()  # the count, selected: typed over
        self.type(dialog.times, times)  # the count is selected: typed over
        assert self.tab() is dialog.rest.lineEdit() or dialog.rest.hasFocus()
        dialog.rest.selectAll()
        self.type(dialog.rest, rest)
        self.key(dialog.rest, Qt.Key.Key_Return)
        assert not dialog.isVisible()
        self.back_to(editor)


def open_editor(qtbot: QtBot, win: MainWindow, person: Person) -> EditorWindow:
    person.key(win, Qt.Key.Key_N, CTRL)  # File → New routine
    editor = win.editors.editors[-1]
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    checked(qtbot, editor)
    return editor


def make_contrast(qtbot: QtBot, win: MainWindow) -> tuple[EditorWindow, Person]:
    person = Person(qtbot)
    editor = open_editor(qtbot, win, person)
    form = editor.form
    person.click(editor.name_edit)
    person.type(editor.name_edit, "Contrast therapy")
    assert editor.id_edit.text() == "contrast-therapy"  # the file name follows the name
    person.click(editor.summary_edit)
    person.type(editor.summary_edit, "Three rounds of heat and cold for a tired calf.")

    person.add(editor, "Heat")
    person.type(form.name, "Warm pack")
    assert person.tab() is form.duration_min.value_box  # Tab: name, then duration
    person.type(form.duration_min.value_box, "3")
    assert person.tab() is form.duration_min.adjustable
    assert person.tab() is form.instructions
    person.type(form.instructions, "Warm pack on the calf: warm, not hot.")

    person.add(editor, "Ice")  # an Ice step after a Heat step: Tab in order
    person.type(form.name, "Cold pack")
    assert person.tab() is form.duration_min.value_box
    person.type(form.duration_min.value_box, "1")
    checked(qtbot, editor)
    assert not form.skin_check_s.isVisible()  # one minute of cold: no skin check to set
    assert person.tab() is form.duration_min.adjustable
    assert person.tab() is form.instructions
    person.type(form.instructions, "Cold pack in a thin cloth.")

    person.row(editor, 0)  # the heat, and with Shift the cold: both selected
    person.row(editor, 1, SHIFT)
    person.make_rounds(editor, "3", "30")
    checked(qtbot, editor)
    return editor, person


def make_circuit(qtbot: QtBot, win: MainWindow) -> tuple[EditorWindow, Person]:
    person = Person(qtbot)
    editor = open_editor(qtbot, win, person)
    form = editor.form
    person.click(editor.name_edit)
    person.type(editor.name_edit, "Calf circuit")
    person.click(editor.summary_edit)
    person.type(editor.summary_edit, "Heel raises and a soleus stretch, three rounds.")

    person.add(editor, "Strength")
    person.type(form.name, "Heel raise")
    assert person.tab() is form.sets.value_box
    person.type(form.sets.value_box, "1")
    assert form.sets.value_box.suffix() == " set"  # "1 set", "3 sets": plural forms
    assert not form.rest_s.isVisible()  # one set: no rest between sets to set
    person.tab(2)  # Adjustable, Counting
    assert person.tab() is form.reps.value_box
    person.type(form.reps.value_box, "15")
    person.click(form.instructions)
    person.type(form.instructions, "Rise onto the toes of both feet, lower slowly.")

    person.add(editor, "Stretch")
    person.type(form.name, "Soleus stretch")
    assert person.tab() is form.reps.value_box  # holds per side, then the hold (30 s)
    person.type(form.reps.value_box, "1")
    assert form.reps.value_box.suffix() == " hold"
    person.tab(2)
    assert form.hold_s.value_box.hasFocus() and form.hold_s.value_box.value() == 30
    person.click(form.instructions)
    person.type(form.instructions, "Back knee bent, heel down.")

    person.row(editor, 0)
    person.row(editor, 1, SHIFT)
    person.make_rounds(editor, "3", "60")
    checked(qtbot, editor)
    return editor, person


def save_and_validate(qtbot: QtBot, editor: EditorWindow, person: Person, data_dir: Path,
                      file_id: str) -> dict:
    assert editor.problems == [], [p.message for p in editor.problems]
    person.key(editor, Qt.Key.Key_S, CTRL)
    path = data_dir / "protocols" / f"{file_id}.json"
    assert path.is_file(), list((data_dir / "protocols").iterdir())
    out = io.StringIO()
    assert cli.main(["validate", str(path)], out) == 0, out.getvalue()
    return json.loads(path.read_text(encoding="utf-8"))


def shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab().toImage()
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        assert image.save(str(Path(SCREENSHOT_DIR) / name))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_contrast_therapy_is_made_by_keys_and_clicks_in_under_three_minutes_and_runs(
        qtbot: QtBot, clock: FakeClock, data_dir: Path, tmp_path: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    editor, person = make_contrast(qtbot, win)
    print(f"contrast therapy: {person}")
    assert person.seconds < 180, person

    rows = [editor.step_list.item(i).text() for i in range(editor.step_list.count())]
    assert rows == ["┏ 3 rounds: 1. Heat · Warm pack — 3 min",
                    "┗ 2. Ice · Cold pack — 1 min"]
    assert editor.routine_pane.rounds_box.times.value() == 3
    preview = editor.preview_text.toPlainText()
    assert "Cold pack · round 3 of 3" in preview and "Rest before round 2 of 3" in preview
    assert editor.total_label.text() == "Total 13:10"  # 10 s ready, 3 × 4 min, 2 × 30 s
    editor.resize(1280, 800)
    shot(editor, "editor-rounds.png")

    doc = save_and_validate(qtbot, editor, person, data_dir, "contrast-therapy")
    assert doc["steps"] == [{"kind": "rounds", "times": 3, "rest_between_s": 30, "steps": [
        {"kind": "heat", "name": "Warm pack", "duration_s": 180,
         "instructions": ["Warm pack on the calf: warm, not hot."]},
        {"kind": "ice", "name": "Cold pack", "duration_s": 60,
         "instructions": ["Cold pack in a thin cloth."]}]}]

    # Routine → Print…: the sheet says the rounds (a PDF, read back as text)
    person.key(editor, Qt.Key.Key_P, CTRL)
    dialog = next(d for d in editor.findChildren(QPrintDialog) if d.isVisible())
    pdf = tmp_path / "contrast.pdf"
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(pdf))
    dialog.done(QDialog.DialogCode.Accepted)
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Steps 1–2, 3 rounds · 30 s rest between rounds" in " ".join(text.split())

    # from the library: round 2 of 3 on the screen, to the end, then the finish page
    editor.close()
    win.activateWindow()
    assert win.library_page.select("contrast-therapy")
    win.show_library()
    assert win.library_page.steps.toPlainText().splitlines()[:2] == [
        "Steps 1–2, 3 rounds · 30 s rest between rounds", "1. Warm pack: 3 min of heat"]
    qtbot.mouseClick(win.library_page.start_button, CLICK)
    if win.checkin_dialog is not None:
        answer_checkin(qtbot, win, None)  # no check-in today: Esc
    screen = win.session
    assert screen is not None
    for _ in range(20):
        if screen.controller.engine.segment.round == 2:
            break
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    page = screen.page
    assert page.round.isVisible() and page.round.plain_text() == "Round 2 of 3"
    assert page.title.plain_text() == "Warm pack"
    shot(win, "session-rounds.png")
    tick(screen, clock, 3 * 3600)
    finish = win.flow.finish_page
    assert finish is not None and finish.rounds_line.isVisible()
    assert finish.rounds_line.text() == "Rounds done: 2 of 3"  # round 1 was skipped
    by_label = {r.label: (r.done, r.planned) for r in finish.rows}
    assert by_label["Warm pack"] == (2, 3) and by_label["Cold pack"] == (2, 3)
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    (row,) = win.history.sessions()
    rec = win.history.session(row.uid)
    assert rec is not None
    labels = [s.label for s in rec.segments if s.outcome == "completed"]
    assert "Warm pack, round 2 of 3" in labels and "Cold pack, round 3 of 3" in labels


def test_a_three_round_circuit_is_made_in_under_three_minutes_and_runs(
        qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    editor, person = make_circuit(qtbot, win)
    print(f"3-round circuit: {person}")
    assert person.seconds < 180, person
    doc = save_and_validate(qtbot, editor, person, data_dir, "calf-circuit")
    (block,) = doc["steps"]
    assert (block["times"], block["rest_between_s"]) == (3, 60)
    assert [s["name"] for s in block["steps"]] == ["Heel raise", "Soleus stretch"]
    assert block["steps"][0]["sets"] == 1 and block["steps"][0]["reps"] == 15
    # Try it from the stretch: the routine from its group's first step, every round
    editor.step_list.setCurrentRow(1)
    editor.step_list.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL)
    if win.checkin_dialog is not None:
        answer_checkin(qtbot, win, None)
    screen = win.session
    assert screen is not None
    rounds = {(s.round, s.rounds) for s in screen.plan.segments if s.rounds}
    assert rounds == {(1, 3), (2, 3), (3, 3)}
    sets = [s for s in screen.plan.segments if s.kind is SegmentKind.SET]
    assert len(sets) == 3 and all(s.count == 15 for s in sets)


def test_making_rounds_again_over_a_group_and_undoing_them_is_one_undo_each(
        qtbot: QtBot, clock: FakeClock, data_dir: Path) -> None:
    win = make_window(qtbot, clock, data_dir)
    editor, _person = make_contrast(qtbot, win)
    box = editor.routine_pane.rounds_box
    box.times.setFocus()
    box.times.selectAll()
    qtbot.keyClicks(box.times, "4")
    checked(qtbot, editor)
    assert editor.draft.rounds[0].times == 4
    assert "round 4 of 4" in editor.preview_text.toPlainText()
    qtbot.mouseClick(box.undo, CLICK)
    assert editor.draft.rounds == ()
    assert not box.times.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # back: the rounds again
    assert editor.draft.rounds[0].times == 4
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.draft.rounds[0].times == 3
