"""The editor's core (no Qt): edits as functions on the protocol model, problems from the one
validator placed at their field, the preview from the plan builder, and saving that writes
a valid file whole or nothing at all."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import pytest

from soleus_coach import cli, editing, paths
from soleus_coach.cues import Cue
from soleus_coach.editing import DraftInvalid, Kind
from soleus_coach.protocol import load_file
from soleus_coach.protocol.model import Range, Sides, StrengthStep, Tempo
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Settings

REP = {Cue.TEMPO_UP, Cue.TEMPO_DOWN, Cue.TEMPO_HOLD, Cue.COUNT, Cue.REP, Cue.LAST_REP}
BUNDLED = sorted(paths.bundled_protocols_dir().glob("*.json"))


def physio(folder_ids: tuple[str, ...] = ()) -> editing.Protocol:  # type: ignore[name-defined]
    d = editing.new_routine(folder_ids, name="My physio's programme",
                            summary="Stretch, calf raises, ice.")
    d = editing.add_step(d, Kind.STRETCH, "Soleus stretch")
    d = editing.set_step_field(d, 0, "hold_s", Range.fixed(45))
    d = editing.set_step_field(d, 0, "instructions", ["Back knee bent, heel down."])
    d = editing.add_step(d, Kind.STRENGTH, "Seated calf raise")
    d = editing.set_step_field(d, 1, "instructions", ["Raise the heels on up."])
    d = editing.add_step(d, Kind.ICE, "Ice")
    d = editing.set_step_field(d, 2, "duration_s", Range.fixed(900))
    return editing.set_step_field(d, 2, "instructions", ["Calf raised on a cushion."])


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_routine_customized_and_saved_unchanged_reads_back_equal(
        path: Path, tmp_path: Path) -> None:
    original = load_file(path, paths.assets_dir())
    draft = editing.customize(original, {original.id})
    assert draft.id != original.id and draft.name == original.name + " (my version)"
    assert editing.problems(draft, tmp_path, paths.assets_dir()) == []
    saved = editing.save(draft, tmp_path, paths.assets_dir())
    assert saved.path == tmp_path / f"{draft.id}.json"
    assert replace(saved, id=original.id, name=original.name, path=original.path,
                   digest=original.digest) == original
    assert editing.equal_content(saved, original)


def test_the_physio_programme_made_by_edits_is_valid_and_the_cli_accepts_it(
        tmp_path: Path) -> None:
    draft = physio()
    assert editing.problems(draft, tmp_path) == []
    saved = editing.save(draft, tmp_path, paths.assets_dir())
    step = saved.steps[1]
    assert isinstance(step, StrengthStep) and step.counting is not None
    assert step.counting.reps == Range.fixed(12) and step.sets == Range.fixed(3)
    assert step.counting.tempo == Tempo.from_parts(down=2, up=2)
    out = io.StringIO()
    assert cli.main(["validate", str(saved.path)], out) == 0, out.getvalue()


@pytest.mark.parametrize(("edit", "step", "field", "words"), [
    (lambda d: editing.set_step_field(d, 2, "duration_s", Range.fixed(1500)), 2, "duration_s",
     "at most 20 min"),
    (lambda d: editing.set_field(d, "name", ""), None, "name", "empty: write it"),
    (lambda d: editing.set_step_field(d, 1, "reps", Range.fixed(0)), 1, "reps",
     "1 too few: at least 1"),
])
def test_an_invalid_edit_gets_the_validators_message_at_its_field_and_is_not_saved(
        edit: object, step: int | None, field: str, words: str, tmp_path: Path) -> None:
    draft = edit(physio())  # type: ignore[operator]
    found = editing.problems(draft, tmp_path)
    assert found, "the validator found nothing"
    assert (found[0].step, found[0].field) == (step, field), found
    assert words in found[0].message, found[0].message
    with pytest.raises(DraftInvalid):
        editing.save(draft, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_crash_mid_save_leaves_no_file_and_no_partial_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        editing.save(physio(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_crash_while_writing_keeps_the_old_file_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = editing.save(physio(), tmp_path)
    assert saved.path is not None
    before = saved.path.read_bytes()
    changed = editing.set_field(saved, "name", "Changed")

    def crash(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        editing.save(changed, tmp_path, replaces=saved.path)
    assert saved.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [saved.path.name]


def test_save_never_overwrites_another_routines_file_and_renames_its_own(
        tmp_path: Path) -> None:
    first = editing.save(physio(), tmp_path)
    other = replace(physio(), name="Another")
    with pytest.raises(FileExistsError):
        editing.save(other, tmp_path)  # the same id: not this draft's file
    renamed = editing.save(editing.set_field(first, "id", "physio-two"), tmp_path,
                           replaces=first.path)
    assert [p.name for p in tmp_path.iterdir()] == ["physio-two.json"]
    assert renamed.name == first.name


def test_step_edits_add_remove_duplicate_and_move() -> None:
    d = physio()
    names = lambda x: [s.name for s in x.steps]  # noqa: E731
    assert names(editing.duplicate_step(d, 0)) == ["Soleus stretch", "Soleus stretch",
                                                   "Seated calf raise", "Ice"]
    assert names(editing.remove_step(d, 1)) == ["Soleus stretch", "Ice"]
    assert names(editing.move_step(d, 2, 0)) == ["Ice", "Soleus stretch", "Seated calf raise"]
    assert names(editing.move_step(d, 0, 99)) == ["Seated calf raise", "Ice", "Soleus stretch"]
    assert names(editing.add_step(d, Kind.REST, "Pause", at=1))[1] == "Pause"
    d2 = editing.set_step_field(d, 0, "sides", "left")
    assert d2.steps[0].sides is Sides.LEFT  # type: ignore[union-attr]


def test_pacing_is_one_of_tempo_steady_count_or_self_paced_and_timed_is_not_counted(
        tmp_path: Path) -> None:
    d = physio()
    d = editing.set_step_field(d, 1, "rep_s", 2)
    assert editing.step_value(d.steps[1], "rep_s") == 2
    assert editing.step_value(d.steps[1], "tempo") is None
    d = editing.set_step_field(d, 1, "self_paced", "set")
    assert editing.problems(d, tmp_path) == []
    d = editing.set_step_field(d, 1, "hold_s", Range.fixed(30))  # an isometric hold now
    assert editing.step_value(d.steps[1], "reps") is None
    assert editing.problems(d, tmp_path) == []
    d = editing.set_step_field(d, 1, "reps", Range(12, 10, 15))
    assert editing.step_value(d.steps[1], "hold_s") is None
    assert editing.problems(d, tmp_path) == []


def test_the_preview_is_the_plan_builders_timeline() -> None:
    draft = physio()
    shown = editing.preview(draft)
    plan = build_plan(draft, Settings())
    assert [r.label for r in shown.rows] == [s.label for s in plan.segments]
    assert shown.total_s == plan.total_s
    assert shown.rows[0].start_s == 0
    assert [r.start_s for r in shown.rows[1:]] == [
        sum(s.duration_s for s in plan.segments[:i]) for i in range(1, len(plan.segments))]
    assert any(r.kind == "ice" and r.duration_s == 900 for r in shown.rows)
    # without the rep cues, the plan is the same in everything else
    quick = build_plan(draft, Settings(), rep_cues=False)
    strip = lambda p: [replace(s, cues=tuple(c for c in s.cues if c.cue not in REP))  # noqa: E731
                       for s in p.segments]
    assert strip(quick) == strip(plan)
    assert sum(len(s.cues) for s in quick.segments) < sum(len(s.cues) for s in plan.segments)


def test_a_new_routine_has_a_fresh_id_and_says_it_needs_a_step(tmp_path: Path) -> None:
    d = editing.new_routine({"my-routine"}, name="X", summary="Y")
    assert d.id == "my-routine-2"
    found = editing.problems(d, tmp_path)
    assert [(p.step, p.field) for p in found] == [(None, "steps")]
    assert editing.unique_id("Ä Physio's Sheet!", ()) == "a-physio-s-sheet"


def test_translations_follow_steps_added_removed_duplicated_and_moved(tmp_path: Path) -> None:
    original = load_file(paths.bundled_protocols_dir() / "eccentric-heel-drops.json",
                         paths.assets_dir())
    assert "de" in original.translations and original.translations["de"].steps
    german = [s.name for s in original.localized("de").steps]
    d = editing.customize(original, {original.id})
    d = editing.add_step(d, Kind.REST, "Pause", at=0)
    d = editing.duplicate_step(d, 1)
    d = editing.move_step(d, 3, 1)
    d = editing.remove_step(d, 2)
    assert editing.problems(d, tmp_path, paths.assets_dir()) == []
    shown = [s.name for s in d.localized("de").steps]
    expected = ["Pause", *german]  # the same edits on a plain list
    expected.insert(2, expected[1])
    expected.insert(1, expected.pop(3))
    del expected[2]
    assert shown == expected and len(shown) == len(german) + 1


def test_no_ascii_character_needs_bidi_isolation_so_the_fast_path_is_exact() -> None:
    import unicodedata

    from soleus_coach.untrusted import _BIDI_ACTIVE, needs_isolation

    assert not {unicodedata.bidirectional(chr(c)) for c in range(128)} & _BIDI_ACTIVE
    assert needs_isolation("abc \u202e") and needs_isolation("מתיחה") and not needs_isolation(
        "Soleus stretch (left)")
