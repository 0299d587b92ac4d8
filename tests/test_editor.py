"""The routine editor, driven like a person drives it: keys and clicks into an empty editor,
the validator's words at the field, undo back to the start, saving into the library, and the
routine run from the editor."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from soleus_coach import cli, editing, paths
from soleus_coach.gui.editor.window import EditorWindow
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.protocol import load_file
from soleus_coach.session.clock import FakeClock
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, running, skip_to_first_hold

CLICK = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> MainWindow:
    SettingsStore(data_dir / "settings.json").save(
        Settings(first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.RIGHT))
    clock = FakeClock()
    win = MainWindow(app_services(data_dir, clock))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitExposed(win):
        win.show()
    return win


def open_new(qtbot: QtBot, win: MainWindow) -> EditorWindow:
    """File → New routine, by its key."""
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.editors.editors, "Ctrl+N opened no editor"
    return active(qtbot, win.editors.editors[-1])


def active(qtbot: QtBot, editor: EditorWindow) -> EditorWindow:
    """The editor in front, with the keyboard (its shortcuts act only then)."""
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    checked(qtbot, editor)
    return editor


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what the field holds and type over it, as a person does."""
    widget.setFocus()
    if isinstance(widget, QAbstractSpinBox):
        widget.selectAll()
    else:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def add(qtbot: QtBot, editor: EditorWindow, kind: str) -> None:
    """Choose the kind in the combo with the arrow keys, then click Add step."""
    combo = editor.kind_combo
    combo.setFocus()
    for _ in range(10):
        if combo.currentText() == kind:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    for _ in range(10):
        if combo.currentText() == kind:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentText() == kind
    qtbot.mouseClick(editor.add_button, CLICK)


def checked(qtbot: QtBot, editor: EditorWindow) -> None:
    """Wait for the debounced check (no real time passes where it need not)."""
    qtbot.waitUntil(lambda: editor.checked and not editor._check_timer.isActive(),
                    timeout=2000)


def type_physio(qtbot: QtBot, editor: EditorWindow) -> None:
    type_into(qtbot, editor.name_edit, "My physio's programme")
    type_into(qtbot, editor.summary_edit,
              "Soleus stretch 3 × 45 s, seated calf raise 3 × 12, then 15 min ice.")
    type_into(qtbot, editor.source_edit, "Prescribed by my physiotherapist")
    form = editor.form

    add(qtbot, editor, "Stretch")
    qtbot.keyClicks(form.name, "Soleus stretch")  # the new step's name is selected
    type_into(qtbot, form.hold_s.value_box, "45")
    type_into(qtbot, form.rest_s, "15")
    qtbot.keyClicks(form.instructions, "Staggered stance, back knee bent, back heel down.")

    add(qtbot, editor, "Strength")
    qtbot.keyClicks(form.name, "Seated calf raise")
    assert form.sets.value_box.value() == 3 and form.reps.value_box.value() == 12
    type_into(qtbot, form.rest_s, "45")
    qtbot.keyClicks(form.instructions, "Sit, a weight on your knees, heels on the floor.")
    qtbot.keyClick(form.instructions, Qt.Key.Key_Return)
    qtbot.keyClicks(form.instructions, "Raise the heels on up.")

    add(qtbot, editor, "Ice")
    qtbot.keyClicks(form.name, "Ice")
    type_into(qtbot, form.duration_min.value_box, "15")
    qtbot.keyClicks(form.instructions, "Calf raised on a cushion.")
    checked(qtbot, editor)


def test_the_physio_programme_typed_into_an_empty_editor_saves_validates_lists_and_runs(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    editor = open_new(qtbot, window)
    assert editor.step_list.count() == 0
    assert not editor.save_button.isEnabled()
    assert "Cannot save yet" in editor.save_reason.plain_text()
    type_physio(qtbot, editor)

    rows = [editor.step_list.item(i).text() for i in range(editor.step_list.count())]
    assert rows == ["1. Stretch · Soleus stretch — 3 × 45 s each leg",
                    "2. Strength · Seated calf raise — 3 × 12, 2 s up, 2 s down",
                    "3. Ice · Ice — 15 min"]
    assert editor.problem_list.count() == 0, editor.problems
    assert editor.save_button.isEnabled()
    assert editor.isWindowModified() and "[*]" in editor.windowTitle()
    preview = editor.preview_text.toPlainText().splitlines()
    assert preview[0].split()[:2] == ["0:00", "Get"]
    assert any("Ice" in line and line.endswith("· 15:00") for line in preview)
    plan_total = editing.preview(editor.draft, window.settings).total_s
    assert editor.total_label.text() == f"Total {plan_total // 60:.0f}:{plan_total % 60:02.0f}"

    qtbot.mouseClick(editor.save_button, CLICK)
    saved = data_dir / "protocols" / "my-physio-s-programme.json"
    assert saved.is_file(), list((data_dir / "protocols").iterdir())
    assert not editor.isWindowModified()
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert list(doc)[:2] == ["$schema", "format"]
    assert doc["steps"][1]["tempo"] == {"down": 2, "up": 2, "start": "up"}
    assert doc["steps"][2]["duration_s"] == 900
    out = io.StringIO()
    assert cli.main(["validate", str(saved)], out) == 0, out.getvalue()

    page = window.library_page  # the library knows it at once
    assert page.select("my-physio-s-programme")
    assert page.title.plain_text() == "My physio's programme"
    window.show_library()
    qtbot.mouseClick(page.start_button, CLICK)
    screen = running(qtbot, window)
    window.activateWindow()  # the person clicks into the main window
    qtbot.waitUntil(window.isActiveWindow)
    assert screen is not None and screen.plan.protocol_id == "my-physio-s-programme"
    labels = [s.label for s in screen.plan.segments]
    assert "Soleus stretch" in labels and "Seated calf raise" in labels and "Ice" in labels
    skip_to_first_hold(qtbot, screen)  # Right, Right: the first step on screen
    assert screen.page.title.plain_text() == "Soleus stretch"


def test_an_invalid_edit_shows_the_validators_message_at_the_field_and_blocks_saving(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    type_into(qtbot, editor.form.duration_min.value_box, "25")  # ice 25 min
    checked(qtbot, editor)
    box = editor.form.field_box("duration_s")
    assert box is not None and box.problem.isVisibleTo(editor)
    assert "at most 20 min" in box.problem.plain_text()
    assert box.problem.textFormat() is Qt.TextFormat.PlainText
    assert not editor.save_button.isEnabled()
    assert "1 problem" in editor.save_reason.plain_text()
    assert editor.problem_list.count() >= 1
    assert editor.problem_list.item(0).text().startswith("Step 3, Duration:")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not (data_dir / "protocols").exists() or not list(
        (data_dir / "protocols").glob("*.json"))

    type_into(qtbot, editor.name_edit, "x")  # an empty name: said at the name
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Backspace)
    checked(qtbot, editor)
    assert "empty: write it" in editor.routine_boxes["name"].problem.plain_text()

    # a click on a problem goes to its field: reps 0 on step 2
    editor.step_list.setCurrentRow(1)
    type_into(qtbot, editor.form.reps.value_box, "0")
    editor.step_list.setCurrentRow(0)
    checked(qtbot, editor)
    item = next(editor.problem_list.item(i) for i in range(editor.problem_list.count())
                if "Step 2" in editor.problem_list.item(i).text())
    rect = editor.problem_list.visualItemRect(item)
    qtbot.mouseClick(editor.problem_list.viewport(), CLICK, pos=rect.center())
    assert editor.step_list.currentRow() == 1
    assert editor.form.reps.value_box.hasFocus() or editor.form.reps.hasFocus()
    assert "too few: at least 1" in editor.form.boxes["reps"].problem.plain_text()


def test_undo_back_to_the_start_gives_the_original_exactly_and_redo_again(
        qtbot: QtBot, window: MainWindow) -> None:
    window.library_page.select("post-run-soleus")
    qtbot.mouseClick(window.library_page.customize_button, CLICK)
    editor = active(qtbot, window.editors.editors[-1])
    original = editor.draft
    assert original.name == "Post-run soleus recovery (my version)"
    type_into(qtbot, editor.name_edit, "Mine")
    editor.step_list.setCurrentRow(0)
    assert editor.form.illustration.currentText() == "soleus-wall-stretch.svg"
    assert editor.form.sides.currentText() == "Each leg, the sore one first"
    type_into(qtbot, editor.form.hold_s.value_box, "40")
    qtbot.mouseClick(editor.form.hold_s.adjustable, CLICK)
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(editor.duplicate_button, CLICK)
    changed = editor.draft
    assert changed != original and changed.name == "Mine" and len(changed.steps) == 3
    assert editor.isWindowModified()
    for _ in range(30):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.draft == original  # exactly: every field, every step
    assert editor.name_edit.text() == original.name
    assert not editor.isWindowModified()
    for _ in range(30):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert editor.draft == changed


def test_alt_arrows_and_a_drop_reorder_steps_and_remove_duplicate_work(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = open_new(qtbot, window)
    for kind in ("Stretch", "Strength", "Ice"):
        add(qtbot, editor, kind)
    names = lambda: [s.name for s in editor.draft.steps]  # noqa: E731
    assert names() == ["Stretch", "Strength", "Ice"]
    editor.step_list.setCurrentRow(2)
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names() == ["Stretch", "Ice", "Strength"] and editor.step_list.currentRow() == 1
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names() == ["Stretch", "Strength", "Ice"]
    # a drag ends as a row moved in the list's model: the same edit
    model = editor.step_list.model()
    model.moveRow(model.index(0, 0).parent(), 0, model.index(0, 0).parent(), 3)
    qtbot.waitUntil(lambda: names() == ["Strength", "Ice", "Stretch"], timeout=1000)
    qtbot.mouseClick(editor.remove_button, CLICK)
    assert len(editor.draft.steps) == 2


def test_closing_with_unsaved_changes_asks_save_discard_or_cancel(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = open_new(qtbot, window)
    type_into(qtbot, editor.name_edit, "Half done")
    editor.close()
    box = editor.findChild(QMessageBox, "closeQuestion")
    assert box is not None and editor.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), CLICK)
    assert editor.isVisible()
    editor.close()
    box = editor.findChild(QMessageBox, "closeQuestion")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), CLICK)
    qtbot.waitUntil(lambda: editor not in window.editors.editors, timeout=2000)


def test_a_file_changed_on_disk_while_open_is_noticed_and_the_user_chooses(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    qtbot.mouseClick(editor.save_button, CLICK)
    assert editor.file is not None
    doc = json.loads(editor.file.read_text(encoding="utf-8"))
    doc["name"] = "Changed elsewhere"
    editor.file.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    type_into(qtbot, editor.summary_edit, "Mine.")
    qtbot.mouseClick(editor.save_button, CLICK)  # the watcher may be late: save looks too
    assert editor.disk_notice.isVisibleTo(editor)
    assert json.loads(editor.file.read_text(encoding="utf-8"))["name"] == "Changed elsewhere"
    qtbot.mouseClick(editor.reload_button, CLICK)
    assert editor.draft.name == "Changed elsewhere" and editor.name_edit.text() == \
        "Changed elsewhere"
    assert not editor.disk_notice.isVisibleTo(editor)


def test_try_it_runs_from_the_selected_step_and_comes_back_to_the_editor(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(1)
    qtbot.mouseClick(editor.try_button, CLICK)
    screen = running(qtbot, window)
    assert screen is not None
    assert "Seated calf raise" in [s.label for s in screen.plan.segments[:3]]
    assert "Soleus stretch" not in [s.label for s in screen.plan.segments]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert editor.isVisible()
    qtbot.mouseClick(screen.page.stop_button, CLICK)  # Stop, yes, then leave the finish page
    stop = screen.findChild(QMessageBox, "stopConfirm")
    assert stop is not None
    qtbot.mouseClick(stop.button(QMessageBox.StandardButton.Yes), CLICK)
    qtbot.waitUntil(lambda: window.flow.state is FlowState.FINISHED)
    finish = window.flow.finish_page
    assert finish is not None
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.flow.state is FlowState.IDLE)
    assert editor.isVisible() and editor in window.editors.editors


def test_customize_edit_and_delete_with_undo_from_the_library(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    page = window.library_page
    page.select("ice-timer")
    assert page.customize_button.isEnabled() and not page.edit_button.isEnabled()
    qtbot.mouseClick(page.customize_button, CLICK)
    editor = active(qtbot, window.editors.editors[-1])
    qtbot.mouseClick(editor.save_button, CLICK)
    copy = load_file(data_dir / "protocols" / f"{editor.draft.id}.json", paths.assets_dir())
    assert editing.equal_content(copy, window.library.get("ice-timer"))  # type: ignore[arg-type]
    assert page.current_protocol() is not None
    assert page.current_protocol().id == copy.id  # type: ignore[union-attr]
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    qtbot.mouseClick(page.edit_button, CLICK)
    assert window.editors.editors[-1] is editor  # the same file: the same editor
    editor.close()
    qtbot.mouseClick(page.delete_button, CLICK)
    box = window.findChild(QMessageBox, "deleteQuestion")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), CLICK)
    assert window.library.get(copy.id) is None
    assert (data_dir / "protocols" / ".trash" / f"{copy.id}.json").is_file()
    notice = window.editors.deleted_notice
    undo = next(b for b in notice.buttons() if b.text() == "&Undo")
    qtbot.mouseClick(undo, CLICK)
    assert window.library.get(copy.id) is not None


def test_hostile_routines_open_in_the_editor_as_plain_text(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    from tests.conftest import write_protocol
    from tests.hostile import ONE_LINE, hostile_protocol
    from tests.test_hostile_text import assert_plain

    for key, text in ONE_LINE.items():
        write_protocol(data_dir / "protocols", f"{key}.json", hostile_protocol(key, text))
    window.reload_library()
    looked = 0
    for key in ONE_LINE:
        protocol = window.library.get(f"hostile-{key}")
        assert protocol is not None, key
        editor = window.editors.edit(protocol.id)
        assert editor is not None
        checked(qtbot, editor)
        assert editor.name_edit.text() == protocol.name  # as it is, in a plain line edit
        assert editor.step_list.item(0).text().startswith("1. ")
        looked += assert_plain(editor)
        editor.form.instructions.setPlainText("")  # a problem: said plainly too
        checked(qtbot, editor)
        assert editor.problems
        looked += assert_plain(editor)
        editor._discarding = True
        editor.close()
    assert looked > 200


def svg(path: Path, body: str = '<rect width="5" height="5"/>') -> Path:
    """A small SVG picture at ``path`` (its folder made), holding ``body``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{body}'
                    '</svg>', encoding="utf-8")
    return path


def test_a_picture_from_a_file_is_copied_beside_the_routine_and_checked(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path) -> None:
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(0)
    outside = svg(tmp_path / "my-stretch.svg", '<image href="file:///etc/passwd"/>')
    assert not editor.use_picture(outside)  # the picture check refuses it: not copied
    box = editor.findChild(QMessageBox, "copyFailed")
    assert box is not None and "may only refer to itself" in box.text()
    assert not (data_dir / "protocols" / "pictures" / "my-stretch.svg").exists()
    (data_dir / "protocols" / "pictures").mkdir(parents=True)
    svg(data_dir / "protocols" / "pictures" / "my-stretch.svg", "<circle r='2'/>")  # another's
    good = svg(tmp_path / "good" / "my-stretch.svg")
    assert editor.use_picture(good)  # another file of the same name: a name of its own
    checked(qtbot, editor)
    assert editor.problems == []
    qtbot.mouseClick(editor.save_button, CLICK)
    assert editor.file is not None
    doc = json.loads(editor.file.read_text(encoding="utf-8"))
    assert doc["steps"][0]["illustration"] == "pictures/my-stretch-2.svg"
    out = io.StringIO()
    assert cli.main(["validate", str(editor.file)], out) == 0, out.getvalue()


def test_a_chosen_picture_that_no_saved_version_names_is_removed_on_closing(
        qtbot: QtBot, window: MainWindow, data_dir: Path, tmp_path: Path) -> None:
    pictures = data_dir / "protocols" / "pictures"
    pictures.mkdir(parents=True)
    (pictures / "someone-elses.svg").write_text("<svg/>", encoding="utf-8")  # not ours
    sources = {name: svg(tmp_path / name, f'<rect width="{size}" height="5"/>')
               for name, size in (("first.svg", 5), ("second.svg", 6))}
    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(0)
    assert editor.use_picture(sources["first.svg"])
    checked(qtbot, editor)
    qtbot.mouseClick(editor.save_button, CLICK)  # the file names first.svg
    assert editor.use_picture(sources["second.svg"])  # chosen instead, then discarded
    assert (pictures / "second.svg").is_file()
    editor.close()
    box = editor.findChild(QMessageBox, "closeQuestion")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), CLICK)
    qtbot.waitUntil(lambda: editor not in window.editors.editors, timeout=2000)
    assert sorted(p.name for p in pictures.iterdir()) == ["first.svg", "someone-elses.svg"]
    out = io.StringIO()
    saved = data_dir / "protocols" / f"{editor.draft.id}.json"
    assert cli.main(["validate", str(saved)], out) == 0, out.getvalue()


def test_customize_copies_the_routine_as_the_runner_reads_it_and_edit_as_the_file_says(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    from soleus_coach import texts

    original = load_file(paths.bundled_protocols_dir() / "eccentric-heel-drops.json",
                         paths.assets_dir())
    german = original.localized("de")
    texts.set_language("de")
    try:
        window.reload_library()
        copy = window.editors.customize("eccentric-heel-drops")
        assert copy is not None
        assert copy.draft.name.startswith(german.name) and copy.draft.language == "de"
        assert [s.name for s in copy.draft.steps] == [s.name for s in german.steps]
        assert not copy.draft.translations
        checked(qtbot, copy)
        assert copy.problems == []
        # the runner's own file, with a German translation: edited as written, never with
        # the German texts the library shows written over the English ones
        (data_dir / "protocols").mkdir(exist_ok=True)
        own = data_dir / "protocols" / "mine.json"
        own.write_bytes((paths.bundled_protocols_dir() / "eccentric-heel-drops.json")
                        .read_bytes().replace(b'"eccentric-heel-drops"', b'"mine"'))
        window.reload_library()
        assert window.library.get("mine").name == german.name  # type: ignore[union-attr]
        editor = window.editors.edit("mine")
        assert editor is not None and editor.file == own
        assert editor.draft.name == original.name
        assert editor.draft.translations == original.translations
    finally:
        texts.set_language("en")


def test_quitting_asks_about_an_editors_unsaved_changes_first_and_geometry_is_kept(
        qtbot: QtBot, window: MainWindow) -> None:
    editor = open_new(qtbot, window)
    editor.resize(760, 520)  # (within the 800×600 test screen, less its frame)
    type_into(qtbot, editor.name_edit, "Half done")
    window.close()
    assert window.isVisible() and editor.isVisible()  # the question first
    box = editor.findChild(QMessageBox, "closeQuestion")
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), CLICK)
    qtbot.waitUntil(lambda: editor not in window.editors.editors, timeout=2000)
    again = window.editors.new_routine()
    assert (again.width(), again.height()) == (760, 520), again.minimumSizeHint()  # kept
    window.close()
    assert not window.isVisible()


def test_a_sound_of_ones_own_and_a_rest_text_are_kept_in_the_saved_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from soleus_coach.cues import Cue

    editor = open_new(qtbot, window)
    type_physio(qtbot, editor)
    editor.step_list.setCurrentRow(0)
    qtbot.keyClicks(editor.form.rest_text, "Shake the leg loose.")
    wav = tmp_path / "tick.wav"
    wav.write_bytes(next(paths.assets_dir().joinpath("sounds").glob("*.wav")).read_bytes())
    assert editor.use_sound(Cue.HOLD_START, wav)
    assert editor.form.sounds.list.item(0).text() == "Hold starts: tick.wav"
    checked(qtbot, editor)
    assert editor.problems == []
    qtbot.mouseClick(editor.save_button, CLICK)
    assert editor.file is not None
    doc = json.loads(editor.file.read_text(encoding="utf-8"))
    assert doc["steps"][0]["rest_text"] == "Shake the leg loose."
    assert doc["steps"][0]["sounds"] == {"hold_start": "sounds/tick.wav"}
    qtbot.mouseClick(editor.form.sounds.remove, CLICK)
    assert not editor.draft.steps[0].sounds


def test_the_keyboard_adds_duplicates_removes_saves_and_closes(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    editor = open_new(qtbot, window)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(editor, Qt.Key.Key_Return, ctrl)  # a stretch, the combo's first kind
    assert [type(s).__name__ for s in editor.draft.steps] == ["StretchStep"]
    assert editor.form.name.hasFocus() and editor.form.name.selectedText() == "Stretch"
    qtbot.keyClicks(editor.form.name, "Wall stretch")
    qtbot.keyClick(editor, Qt.Key.Key_D, ctrl)
    assert [s.name for s in editor.draft.steps] == ["Wall stretch", "Wall stretch"]
    qtbot.keyClick(editor, Qt.Key.Key_Delete, ctrl)
    assert len(editor.draft.steps) == 1
    type_into(qtbot, editor.name_edit, "Keys only")
    type_into(qtbot, editor.summary_edit, "Made with the keyboard.")
    qtbot.keyClicks(editor.form.instructions, "Hands on the wall.")
    checked(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, ctrl)
    assert (data_dir / "protocols" / "keys-only.json").is_file()
    qtbot.keyClick(editor, Qt.Key.Key_W, ctrl)
    qtbot.waitUntil(lambda: editor not in window.editors.editors, timeout=2000)
