"""The editor's forms hold still and answer the keyboard the same way whatever came before:
Tab goes through each step's fields in the order they are shown (a step of every kind after
a step of every kind, every way of counting), every mnemonic of a window is used once and
leads to something visible (in English and in German), and nothing moves when a problem
appears or goes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from soleus_coach import editing
from soleus_coach.editing import Kind
from soleus_coach.gui.common import i18n
from soleus_coach.gui.editor.window import EditorWindow
from soleus_coach.gui.main_window import MainWindow
from tests.test_editor import checked, open_new, window  # noqa: F401

KINDS = list(Kind)
MNEMONIC = re.compile(r"&([^&\s])")


def tab_path(qtbot: QtBot, editor: EditorWindow) -> list[QWidget]:
    """Tab from the step's name until the keyboard leaves the form: where it went."""
    form = editor.form
    form.name.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = [form.name]
    for _ in range(60):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if not form.isAncestorOf(now):
            return seen
        seen.append(now)
    raise AssertionError("Tab never left the form")


def expected_path(editor: EditorWindow) -> list[QWidget]:
    """The form's focusable widgets that can be seen, top to bottom, left to right."""
    form = editor.form
    out = []
    for w in form.focus_chain():
        if not (w.isVisibleTo(editor) and w.isEnabled()):
            continue
        if not w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        out.append(w)
    return out


def top_of(w: QWidget, editor: EditorWindow) -> int:
    return w.mapTo(editor, QPoint(0, 0)).y()


def each_form(qtbot: QtBot, editor: EditorWindow,
              before: Kind | None = None) -> Iterator[tuple[Kind, int | None]]:
    """Each step kind's form in turn, a new step of it selected (after a step of kind
    ``before``, if given), and for counted kinds each pacing: (kind, pacing index)."""
    for kind in KINDS:
        if before is not None:
            editor.edit(editing.add_step(editor.draft, before, "Before"), "add",
                        from_form=False)
        editor.edit(editing.add_step(editor.draft, kind, "Step"), "add",
                    select=len(editor.draft.steps), from_form=False)
        editor.step_list.setCurrentRow(len(editor.draft.steps) - 1)
        checked(qtbot, editor)
        pacings = (range(editor.form.pacing.count())
                   if kind in (Kind.STRENGTH, Kind.EXERCISE) else [None])
        for p in pacings:
            if p is not None:
                editor.form.pacing.setCurrentIndex(p)
                editor.form.pacing.activated.emit(p)
                checked(qtbot, editor)
            yield kind, p


@pytest.mark.parametrize("before", KINDS, ids=[k.value for k in KINDS])
def test_tab_goes_through_each_step_in_the_order_of_its_fields_whatever_came_before(
        qtbot: QtBot, window: MainWindow, before: Kind) -> None:  # noqa: F811
    editor = open_new(qtbot, window)
    for kind, p in each_form(qtbot, editor, before):
        path = tab_path(qtbot, editor)
        assert path == expected_path(editor), (before, kind, p, [w.objectName() for w in path])
        tops = [top_of(w, editor) for w in path]
        rows = [editor.form.layout_.getWidgetPosition(b)[0]
                for w in path for b in editor.form.boxes.values() if b.isAncestorOf(w)]
        assert rows == sorted(rows), (kind, p)  # never back up the form
        assert len(tops) >= 3


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Every mnemonic that works in ``root``'s window now: visible labels with a buddy,
    buttons, group boxes and the menu bar's titles, by letter."""
    found: dict[str, list[str]] = {}

    def note(text: str, what: str) -> None:
        for m in MNEMONIC.finditer(text):
            found.setdefault(m.group(1).lower(), []).append(what)

    def here(w: QWidget) -> bool:
        return w.window() is root.window() and w.isVisibleTo(root)

    for label in root.findChildren(QLabel):
        if here(label) and label.buddy() is not None:
            note(label.text(), f"label {label.text()!r}")
            assert label.buddy().isVisibleTo(root), f"{label.text()!r} leads nowhere visible"
    for button in root.findChildren(QAbstractButton):
        if here(button):
            note(button.text(), f"button {button.text()!r}")
    for box in root.findChildren(QGroupBox):
        if here(box):
            note(box.title(), f"group {box.title()!r}")
    bar = getattr(root, "menuBar", None)
    if bar is not None:
        for action in bar().actions():
            note(action.text(), f"menu {action.text()!r}")
    return found


def assert_unique(found: dict[str, list[str]], where: str) -> None:
    twice = {k: v for k, v in found.items() if len(v) > 1}
    assert not twice, f"{where}: {twice}"


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


def test_every_mnemonic_of_every_editor_form_is_used_once(
        qtbot: QtBot, language: str, window: MainWindow) -> None:  # noqa: F811
    editor = open_new(qtbot, window)
    assert_unique(mnemonics(editor), "the empty editor")
    for kind, p in each_form(qtbot, editor):
        editor.form.sides.setCurrentIndex(1) if "sides" in editor.form.boxes else None
        assert_unique(mnemonics(editor), f"{language}: {kind} {p}")
    editor.disk_notice.show()
    assert_unique(mnemonics(editor), f"{language}: the file changed on disk")
    editor.disk_notice.hide()
    dialog = editor.make_rounds()
    assert dialog is not None
    assert_unique(mnemonics(dialog), f"{language}: Make rounds")
    assert set(mnemonics(dialog)) >= {"r"} if language == "en" else True
    dialog.reject()
    translations = editor.open_translations()
    assert_unique(mnemonics(translations), f"{language}: Translations")
    # the letters do what they say: Alt+letter of a label goes to its field
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    for letter, whats in mnemonics(editor).items():
        label = next((lb for lb in editor.findChildren(QLabel) if lb.isVisibleTo(editor)
                      and lb.window() is editor
                      and lb.buddy() is not None
                      and MNEMONIC.search(lb.text())
                      and MNEMONIC.search(lb.text()).group(1).lower() == letter), None)  # type: ignore[union-attr]
        if label is None or not label.buddy().isEnabled():
            continue
        editor.step_list.setFocus()
        qtbot.keyClick(editor, letter, Qt.KeyboardModifier.AltModifier)
        focus = QApplication.focusWidget()
        buddy = label.buddy()
        assert focus is not None and (focus is buddy or buddy.isAncestorOf(focus)
                                      or buddy.focusProxy() is focus), (letter, whats)


def geometry(editor: EditorWindow) -> dict[str, tuple[int, int]]:
    """Where each visible field is, in the window."""
    out = {}
    for key, box in editor.form.boxes.items():
        if box.isVisibleTo(editor):
            p = box.editor.mapTo(editor, QPoint(0, 0))
            out[f"step.{key}"] = (p.x(), p.y())
    for key, box in editor.routine_pane.boxes.items():
        p = box.editor.mapTo(editor, QPoint(0, 0))
        out[f"routine.{key}"] = (p.x(), p.y())
    p = editor.step_list.mapTo(editor, QPoint(0, 0))
    out["steps"] = (p.x(), p.y())
    return out


def test_nothing_moves_when_a_problem_appears_or_goes(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:  # noqa: F811
    editor = open_new(qtbot, window)
    editor.edit(editing.set_field(editor.draft, "name", "Mine"), "n", from_form=False)
    editor.edit(editing.set_field(editor.draft, "summary", "S"), "s", from_form=False)
    editor.edit(editing.add_step(editor.draft, Kind.STRETCH, "Stretch"), "add", select=0,
                from_form=False)
    editor.edit(editing.set_step_field(editor.draft, 0, "instructions", ("Lean.",)), "i",
                select=0, from_form=False)
    checked(qtbot, editor)
    QApplication.processEvents()
    assert editor.problems == []
    still = geometry(editor)
    for bad in (("hold_s", editing.Range.fixed(500)), ("name", ""),
                ("instructions", ()), ("rest_s", -1.0)):
        editor.edit(editing.set_step_field(editor.draft, 0, *bad), "bad", select=0,
                    from_form=False)
        checked(qtbot, editor)
        QApplication.processEvents()
        assert editor.problems, bad
        assert geometry(editor) == still, bad
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        checked(qtbot, editor)
        QApplication.processEvents()
        assert geometry(editor) == still, bad
    # a name another routine has: the button to customize that one takes no room of its own
    editor.name_edit.setFocus()
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "Calf stretch only")  # a bundled routine's name
    checked(qtbot, editor)
    QApplication.processEvents()
    assert editor.routine_pane.customize_instead.isVisible()
    problem = editor.routine_boxes["name"].problem.plain_text()
    assert "Customize the existing one instead?" in problem
    assert geometry(editor)["steps"] == still["steps"]


def test_the_editor_fits_the_screen_and_800_by_600(qtbot: QtBot,
                                                   window: MainWindow) -> None:  # noqa: F811
    editor = open_new(qtbot, window)
    free = editor.screen().availableGeometry()
    assert editor.width() <= free.width() and editor.height() <= free.height()
    hint = editor.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 600, hint
    editor.resize(800, 600)
    QApplication.processEvents()
    assert (editor.width(), editor.height()) == (800, 600)
    # at 800×600 every field of a strength step can be reached: the panes scroll
    editor.edit(editing.add_step(editor.draft, Kind.STRENGTH, "S"), "add", select=0,
                from_form=False)
    checked(qtbot, editor)
    for w in expected_path(editor):
        assert w.width() > 20, w.objectName()
