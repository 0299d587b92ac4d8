"""Exporting a routine to share it (one .json, or a .zip with its own files) and importing
such a zip back: equal models, hostile zips refused, nothing half-written."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from soleus_coach import cli, paths, sharing
from soleus_coach.protocol import load_file, load_library
from soleus_coach.protocol.model import Protocol
from tests.conftest import import_file, minimal_protocol_v2, write_protocol

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       b'<circle cx="5" cy="5" r="4" fill="#2b6cb0"/></svg>')
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 28


def bundled() -> list[Protocol]:
    library = load_library(paths.bundled_protocols_dir(), None, paths.assets_dir())
    assert not library.broken
    return library.protocols


def same(a: Protocol, b: Protocol) -> bool:
    return replace(a, path=None, digest="") == replace(b, path=None, digest="")


def own_routine(folder: Path, picture_name: str = "my picture.svg") -> Protocol:
    """A user's routine with its own SVG (in a subfolder) and its own sound."""
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / picture_name).write_bytes(SVG)
    (folder / "go.wav").write_bytes(WAV)
    doc = minimal_protocol_v2(id="my-own")
    doc["steps"][1]["illustration"] = f"pics/{picture_name}"
    doc["steps"][0]["illustration"] = "asset:illustrations/eccentric-heel-drop.svg"
    doc["steps"][0]["sounds"] = {"rep": "go.wav"}
    doc["sounds"] = {"get_ready": "go.wav"}
    return load_file(write_protocol(folder, "my-own.json", doc), paths.assets_dir())


@pytest.mark.parametrize("protocol", bundled(), ids=lambda p: p.id)
def test_a_bundled_routine_exports_as_one_json_that_loads_as_an_equal_model(
        tmp_path: Path, protocol: Protocol) -> None:
    (tmp_path / "out").mkdir()
    written = sharing.export_routine(protocol, tmp_path / "out" / f"{protocol.id}.json")
    assert written.suffix == ".json"
    text = written.read_text(encoding="utf-8")
    assert text.startswith('{\n  "$schema"')  # the one writer's pretty form
    assert "asset:illustrations/" in text or '"illustration"' not in text
    again = load_file(written, paths.assets_dir())
    assert same(again, protocol)
    assert [p.name for p in written.parent.iterdir()] == [written.name]  # nothing else left


def test_a_routine_with_its_own_files_exports_as_a_zip_that_imports_as_an_equal_model(
        tmp_path: Path) -> None:
    original = own_routine(tmp_path / "mine")
    assert [p.name for p in sharing.own_files(original)] == ["go.wav", "my picture.svg"]
    assert sharing.export_name(original) == "my-own.zip"
    assert sharing.export_name(bundled()[0]) == f"{bundled()[0].id}.json"
    (tmp_path / "share").mkdir()
    written = sharing.export_routine(original, tmp_path / "share" / "mine.json")
    assert written == tmp_path / "share" / "mine.zip"
    with zipfile.ZipFile(written) as zf:
        names = sorted(zf.namelist())
        doc = json.loads(zf.read("my-own.json"))
    assert names == ["my-own-files/go.wav", "my-own-files/my_picture.svg", "my-own.json"]
    assert doc["steps"][1]["illustration"] == "my-own-files/my_picture.svg"
    assert doc["steps"][0]["illustration"] == "asset:illustrations/eccentric-heel-drop.svg"
    assert doc["sounds"] == {"get_ready": "my-own-files/go.wav"}

    user = tmp_path / "user"
    target = import_file(written, user, paths.assets_dir())
    assert target == user / "my-own.json"
    imported = load_file(target, paths.assets_dir())
    picture = imported.steps[1].illustration  # type: ignore[union-attr]
    assert picture == (user / "my-own-files" / "my_picture.svg").resolve()
    assert picture.read_bytes() == SVG
    moved = {original.steps[1].illustration: picture,  # type: ignore[union-attr]
             original.sounds[next(iter(original.sounds))]: user / "my-own-files" / "go.wav"}
    expected = sharing._with_files(original, lambda p: moved.get(p, p).resolve()
                                   if p in moved else p)
    assert same(imported, expected)
    # The same bytes every time: an export can be compared, or checked into a repository.
    again = sharing.export_routine(original, written, force=True)
    assert again.read_bytes() == written.read_bytes()


def test_safe_names_keep_the_extension_and_drop_everything_else() -> None:
    names = sharing.safe_names([Path("/a/..hidden.SVG"), Path("/b/ünï cødé <b>.png"),
                                Path("/c/x.svg"), Path("/d/X.svg"),
                                Path("/e/" + "w" * 300 + ".wav"),
                                Path("/f/\u202eevil.svg")])
    assert list(names.values()) == ["hidden.svg", "n_c_d_b.png", "x.svg", "X-2.svg",
                                    "w" * sharing.MAX_STEM_CHARS + ".wav", "evil.svg"]


def test_export_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    protocol = bundled()[0]
    target = tmp_path / "r.json"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        sharing.export_routine(protocol, target)
    assert target.read_text(encoding="utf-8") == "mine"
    sharing.export_routine(protocol, target, force=True)
    assert same(load_file(target, paths.assets_dir()), protocol)


def test_a_crash_while_writing_the_zip_leaves_no_file_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = own_routine(tmp_path / "mine")
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.zip").write_bytes(b"the old export")
    calls = 0
    real = zipfile.ZipFile.writestr

    def crash(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        nonlocal calls
        calls += 1
        if calls % 2 == 0:  # the JSON is in, the first file is half-way
            raise OSError(28, "No space left on device")
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", crash)
    with pytest.raises(OSError, match="No space"):
        sharing.export_routine(original, out / "new.zip")
    with pytest.raises(OSError, match="No space"):
        sharing.export_routine(original, out / "old.zip", force=True)
    assert calls >= 2
    assert sorted(p.name for p in out.iterdir()) == ["old.zip"]
    assert (out / "old.zip").read_bytes() == b"the old export"


def test_a_crash_while_writing_the_json_leaves_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", boom)  # written, not yet on disk nor renamed
    with pytest.raises(KeyboardInterrupt):
        sharing.export_routine(bundled()[0], tmp_path / "r.json")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def make_zip(path: Path, members: dict[str, bytes], *, link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def good_json(picture: str = "r-files/p.svg") -> bytes:
    doc = minimal_protocol_v2(id="r")
    doc["steps"][1]["illustration"] = picture
    return json.dumps(doc).encode()


HOSTILE_MEMBERS = {
    "absolute": {"r.json": good_json(), "/tmp/evil.svg": SVG},
    "dotdot": {"r.json": good_json(), "r-files/../../evil.svg": SVG},
    "dotdot-json": {"../r.json": good_json()},
    "backslash": {"r.json": good_json(), "r-files\\..\\..\\evil.svg": SVG},
    "drive": {"r.json": good_json(), "C:/evil.svg": SVG},
    "script": {"r.json": good_json(), "r-files/run.sh": b"#!/bin/sh\nrm -rf ~\n"},
    "desktop-file": {"r.json": good_json(), "evil.desktop": b"[Desktop Entry]"},
    "python": {"r.json": good_json(), "sitecustomize.py": b"import os"},
    "two-routines": {"r.json": good_json(), "s.json": good_json()},
    "no-routine": {"r-files/p.svg": SVG},
    "control-char": {"r.json": good_json(), "r-files/\x1b[2Jp.svg": SVG},
    "deep": {"r.json": good_json(), "a/b/c/d.svg": SVG},
}


@pytest.mark.parametrize("key", sorted(HOSTILE_MEMBERS))
def test_a_zip_with_hostile_member_names_is_refused_and_nothing_is_written(
        tmp_path: Path, key: str) -> None:
    source = make_zip(tmp_path / "shared.zip", HOSTILE_MEMBERS[key])
    user = tmp_path / "user"
    with pytest.raises(sharing.RoutineZipInvalid) as caught:
        import_file(source, user, paths.assets_dir())
    message = str(caught.value)
    assert message.startswith("shared.zip: ")
    assert "\x1b" not in message
    assert not user.exists()
    assert not (tmp_path / "evil.svg").exists()
    assert not Path("/tmp/evil.svg").exists()


def test_a_zip_with_a_link_is_refused(tmp_path: Path) -> None:
    source = make_zip(tmp_path / "shared.zip", {"r.json": good_json()}, link="r-files/p.svg")
    with pytest.raises(sharing.RoutineZipInvalid, match="no links"):
        import_file(source, tmp_path / "user", paths.assets_dir())


def test_a_file_that_is_not_a_zip_or_too_big_is_refused_with_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "routine.zip"
    fake.write_bytes(b"PK\x03\x04 but not really a zip")
    with pytest.raises(sharing.RoutineZipInvalid, match="is not a zip file"):
        import_file(fake, tmp_path / "user", paths.assets_dir())
    big = make_zip(tmp_path / "big.zip", {"r.json": good_json(),
                                          "r-files/p.svg": SVG + b" " * 50_000})
    monkeypatch.setattr(sharing, "MAX_PICTURE_BYTES", 1000)
    with pytest.raises(sharing.RoutineZipInvalid, match="larger than"):
        import_file(big, tmp_path / "user", paths.assets_dir())
    assert big.stat().st_size < 3000  # small, but it unpacks to 50 KB: a zip bomb's shape
    monkeypatch.setattr(sharing, "MAX_TOTAL_BYTES", 3000)
    with pytest.raises(sharing.RoutineZipInvalid, match="more than"):
        import_file(big, tmp_path / "user", paths.assets_dir())
    assert not (tmp_path / "user").exists()


def test_a_zip_whose_routine_is_invalid_says_what_the_validator_says(tmp_path: Path) -> None:
    source = make_zip(tmp_path / "shared.zip", {"r.json": good_json("r-files/missing.svg")})
    with pytest.raises(sharing.ProtocolInvalid) as caught:
        import_file(source, tmp_path / "user", paths.assets_dir())
    assert not isinstance(caught.value, sharing.RoutineZipInvalid)
    assert "no such file" in str(caught.value)
    assert not (tmp_path / "user").exists()


def test_a_zips_svg_pointing_outside_itself_is_refused_by_the_validator(tmp_path: Path) -> None:
    evil = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>'
    source = make_zip(tmp_path / "shared.zip", {"r.json": good_json(), "r-files/p.svg": evil})
    with pytest.raises(sharing.ProtocolInvalid, match="may only refer to itself"):
        import_file(source, tmp_path / "user", paths.assets_dir())


def test_command_line_export(tmp_path: Path, data_dir: Path) -> None:
    out = io.StringIO()
    target = tmp_path / "warm-up.json"
    assert cli.main(["export", "pre-run-warm-up", "-o", str(target)], out) == 0
    assert out.getvalue() == f"wrote {target}\n"
    original = load_library(paths.bundled_protocols_dir(), None,
                            paths.assets_dir()).get("pre-run-warm-up")
    assert original is not None and same(load_file(target, paths.assets_dir()), original)
    assert cli.main(["export", "pre-run-warm-up", "-o", str(target)], io.StringIO()) == 1
    assert cli.main(["export", "pre-run-warm-up", "-o", str(target), "--force"],
                    io.StringIO()) == 0
    assert cli.main(["export", "no-such-routine", "-o", str(tmp_path / "x.json")],
                    io.StringIO()) == 1
    assert not (tmp_path / "x.json").exists()
    # A user's routine with its own picture: a zip, whatever suffix was asked for.
    own_routine(paths.user_protocols_dir())
    out = io.StringIO()
    assert cli.main(["export", "my-own", "-o", str(tmp_path / "mine.json")], out) == 0
    assert out.getvalue() == f"wrote {tmp_path / 'mine.zip'}\n"
    assert zipfile.is_zipfile(tmp_path / "mine.zip")
