from __future__ import annotations

import json
from pathlib import Path

import pytest

from soleus_coach import paths, safety
from soleus_coach.protocol import (
    ExerciseStep,
    IceStep,
    Origin,
    ProtocolInvalid,
    Sides,
    StretchStep,
    When,
    load_library,
)
from soleus_coach.sharing import IdTaken
from tests.conftest import import_file, minimal_protocol, write_protocol


def _library(user_dir: Path | None):  # type: ignore[no-untyped-def]
    return load_library(paths.bundled_protocols_dir(), user_dir, paths.assets_dir())


def test_bundled_routines_all_load() -> None:
    lib = _library(None)
    assert not lib.broken
    ids = {p.id for p in lib.protocols}
    assert {"post-run-soleus", "pre-run-warm-up", "calf-stretch-only", "ice-timer"} <= ids


def test_post_run_routine_is_faithful_to_the_source() -> None:
    p = _library(None).get("post-run-soleus")
    assert p is not None and p.when is When.POST_RUN
    stretch, ice = p.steps
    assert isinstance(stretch, StretchStep)
    assert stretch.sides is Sides.INJURED_FIRST
    assert (stretch.hold_s.minimum, stretch.hold_s.maximum) == (20, 30)
    assert stretch.reps.default == 3
    text = " ".join(stretch.instructions).lower()
    for phrase in ("heel", "back knee", "bend the front knee", "not pain"):
        assert phrase in text
    # the app's caution for a stretch, shown on every stretch (the author's stands beside it)
    caution = safety.caution_for("stretch")
    assert caution is not None and "point of pain" in caution.source.lower()
    assert stretch.illustration is not None and stretch.illustration.is_file()
    assert isinstance(ice, IceStep) and ice.duration_s.maximum <= 1200
    assert ice.duration_s.default == 1200


def test_pre_run_warm_up_moves_first_and_never_ices() -> None:
    p = _library(None).get("pre-run-warm-up")
    assert p is not None and p.when is When.PRE_RUN
    assert isinstance(p.steps[0], ExerciseStep)
    assert not any(isinstance(s, IceStep) for s in p.steps)
    stretches = [s for s in p.steps if isinstance(s, StretchStep)]
    assert stretches and all(s.hold_s.default * s.reps.default < 60 for s in stretches)


def test_bad_user_file_is_reported_and_good_ones_still_load(tmp_path: Path) -> None:
    write_protocol(tmp_path, "good.json", minimal_protocol(id="mine"))
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored")
    lib = _library(tmp_path)
    assert lib.get("mine") is not None
    assert lib.get("post-run-soleus") is not None
    (bad,) = lib.broken
    assert bad.path.name == "broken.json" and bad.origin is Origin.USER
    assert "not valid JSON" in str(bad.errors[0])


def test_user_protocol_with_a_bundled_id_replaces_it_and_is_marked(tmp_path: Path) -> None:
    write_protocol(tmp_path, "mine.json", minimal_protocol(id="ice-timer", name="My ice"))
    lib = _library(tmp_path)
    matches = [e for e in lib.entries if e.protocol and e.protocol.id == "ice-timer"]
    assert len(matches) == 1
    assert matches[0].origin is Origin.USER and matches[0].overrides_bundled
    assert matches[0].protocol is not None and matches[0].protocol.name == "My ice"


def test_duplicate_ids_in_one_folder_keep_the_first(tmp_path: Path) -> None:
    write_protocol(tmp_path, "a.json", minimal_protocol(id="dup"))
    write_protocol(tmp_path, "b.json", minimal_protocol(id="dup", name="Second"))
    lib = _library(tmp_path)
    assert lib.get("dup") is not None and lib.get("dup").name == "Test routine"  # type: ignore[union-attr]
    (bad,) = lib.broken
    assert bad.path.name == "b.json" and "already used by a.json" in str(bad.errors[0])


def test_missing_or_unreadable_user_folder_is_not_an_error(tmp_path: Path) -> None:
    lib = _library(tmp_path / "does-not-exist")
    assert lib.protocols and not lib.broken
    assert json.loads((paths.bundled_protocols_dir() / "ice-timer.json").read_text())["id"]


def test_import_copies_a_valid_file_with_its_pictures(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "pics").mkdir(parents=True)
    (src / "pics" / "me.svg").write_text("<svg/>")
    doc = minimal_protocol(id="imported")
    doc["steps"][0]["illustration"] = "pics/me.svg"
    path = write_protocol(src, "imported.json", doc)
    user = tmp_path / "user"
    target = import_file(path, user, paths.assets_dir())
    assert target == user / "imported.json"
    assert (user / "pics" / "me.svg").read_text() == "<svg/>"
    assert _library(user).get("imported") is not None
    assert import_file(path, user, paths.assets_dir()) == target  # the same: nothing written
    doc["name"] = "Imported, changed"
    write_protocol(src, "imported.json", doc)
    with pytest.raises(IdTaken):  # another routine with the id of one of the user's
        import_file(path, user, paths.assets_dir())


def test_import_of_a_bad_file_copies_nothing(tmp_path: Path) -> None:
    bad = write_protocol(tmp_path, "bad.json", minimal_protocol(when="soon"))
    user = tmp_path / "user"
    with pytest.raises(ProtocolInvalid) as info:
        import_file(bad, user, paths.assets_dir())
    assert "$.when" in str(info.value)
    assert not user.exists()
