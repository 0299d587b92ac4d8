"""Hostile files and text, without a window: protocol fields, CSV and JSON export, the
command line, link loops, a history file whose structure was changed, export targets,
illustrations that point elsewhere (docs/security.md lists the promises these keep)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from soleus_coach import cli, paths, texts
from soleus_coach.history import export
from soleus_coach.history.records import SessionRecord
from soleus_coach.history.store import NoticeKind, open_snapshot, open_store
from soleus_coach.protocol import ProtocolInvalid, load_file, load_library, parse_bytes
from soleus_coach.untrusted import LINE_BREAKS, SPREADSHEET_CELL_MAX, csv_cell, lines
from tests.conftest import minimal_protocol, seed_history, write_protocol
from tests.hostile import (
    ALL,
    MULTI_LINE,
    ONE_LINE,
    PROTOCOL_TEXT_FIELDS,
    fit,
    hostile_protocol,
    hostile_session,
    set_path,
)

FORMULA_START = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"


# --------------------------------------------------------------------------- protocol fields


@pytest.mark.parametrize("key", ONE_LINE)
def test_every_text_field_takes_a_hostile_one_line_string(key: str) -> None:
    doc = hostile_protocol(key, ONE_LINE[key])
    protocol = parse_bytes(json.dumps(doc).encode(), "h.json")
    assert protocol.name == fit(ONE_LINE[key], 80)


@pytest.mark.parametrize("path", PROTOCOL_TEXT_FIELDS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("key", MULTI_LINE)
def test_no_text_field_takes_a_line_break(key: str, path: tuple[Any, ...]) -> None:
    doc = minimal_protocol()
    set_path(doc, path, MULTI_LINE[key])
    with pytest.raises(ProtocolInvalid) as err:
        parse_bytes(json.dumps(doc).encode(), "h.json")
    messages = [e.message for e in err.value.errors]
    assert any("must be one line" in m or "control characters" in m for m in messages), messages


def test_c1_control_characters_are_refused() -> None:
    doc = minimal_protocol(name="evil\x9b31m")  # CSI: an escape sequence for some terminals
    with pytest.raises(ProtocolInvalid, match="control characters"):
        parse_bytes(json.dumps(doc).encode(), "h.json")


def test_fill_substitutes_once_and_isolates_values() -> None:
    template = texts.QT_TRANSLATE_NOOP("Session", "Starting: %1 (%2)")
    assert texts.fill(template, "%2 x", "y") == "Starting: %2 x (y)"
    rtl = "\u202eevil"
    filled = texts.fill(template, rtl, "y")
    assert filled == "Starting: \u2068\u202eevil\u202c\u2069 (y)"  # the override ends with it


# --------------------------------------------------------------------------- CSV and JSON


def hostile_records() -> list[SessionRecord]:
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    return [hostile_session(f"h{i}", text, t0 + timedelta(days=i))
            for i, text in enumerate(ALL.values())]


def test_csv_export_of_hostile_sessions_parses_and_runs_no_formula() -> None:
    records = hostile_records()
    out = io.StringIO(newline="")
    assert export.write_csv(records, out) == len(records)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == len(records) + 1
    assert all(len(row) == len(export.CSV_COLUMNS) for row in rows)
    notes = export.CSV_COLUMNS.index("notes")
    for row in rows[1:]:
        for col, cell in enumerate(row):
            if col != notes:
                assert not any(c in LINE_BREAKS for c in cell), (col, cell)
            for line in lines(cell):
                assert not line or line[0] not in FORMULA_START, (export.CSV_COLUMNS[col], cell)
    # every field is quoted, so no reader can split a row on a bare CR
    raw = out.getvalue()
    assert raw.count("\r\n") >= len(rows)
    assert all(line.startswith('"') for line in raw.split("\r\n") if line.startswith(('"h', '"i')))


def test_a_note_longer_than_a_spreadsheet_cell_is_cut_in_csv_and_kept_in_json() -> None:
    rec = hostile_records()[0]
    rec.notes = "n" * 40_000
    out = io.StringIO(newline="")
    export.write_csv([rec], out)
    cell = next(iter(csv.DictReader(io.StringIO(out.getvalue(), newline=""))))["notes"]
    assert len(cell) <= SPREADSHEET_CELL_MAX and cell.endswith("the JSON export has the "
                                                               "whole text]")
    out = io.StringIO()
    export.write_json([rec], out, exported_at=datetime(2026, 12, 1, tzinfo=UTC))
    assert export.read_json(io.StringIO(out.getvalue()))[0].notes == "n" * 40_000


def test_csv_cell_neutralises_each_line() -> None:
    assert csv_cell("ok\r=1+1\n+2\u2028@x") == "ok\r'=1+1\n'+2\u2028'@x"
    assert csv_cell("\r\n-1") == "'\r\n'-1"
    assert csv_cell("plain, text") == "plain, text"


def test_json_export_keeps_every_hostile_string_exactly() -> None:
    records = hostile_records()
    out = io.StringIO()
    export.write_json(records, out, exported_at=datetime(2026, 12, 1, tzinfo=UTC))
    back = export.read_json(io.StringIO(out.getvalue()))
    assert [(r.protocol_name, r.notes, r.leg, r.segments[0].label, r.events[1].detail)
            for r in back] == [(r.protocol_name, r.notes, r.leg, r.segments[0].label,
                                r.events[1].detail) for r in records]


def test_command_line_prints_hostile_text_inertly(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(data_dir / "history.sqlite3")
    for rec in hostile_records():
        store.save(rec)
    store.close()
    out = io.StringIO()
    assert cli.main(["history", "list", "-n", "100"], out) == 0
    printed = out.getvalue()
    assert not any(c in printed for c in "\r\x85\u2028\u2029\u202e\u2067\x1b")
    assert len(printed.splitlines()) == len(ALL) + 1  # a header and one line per session
    for key, text in ONE_LINE.items():
        write_protocol(data_dir / "protocols", f"{key}.json", hostile_protocol(key, text))
    out = io.StringIO()
    assert cli.main(["list"], out) == 0
    assert not any(c in out.getvalue() for c in "\u202e\u2067")
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------- link loops


def test_a_link_loop_is_that_files_error_and_the_rest_still_load(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "protocols"
    write_protocol(folder, "good.json", minimal_protocol(id="good"))
    os.symlink(folder / "b.json", folder / "a.json")
    os.symlink(folder / "a.json", folder / "b.json")
    os.symlink("self.svg", folder / "self.svg")
    step = minimal_protocol(id="loopy-picture")
    step["steps"][0]["illustration"] = "self.svg"
    write_protocol(folder, "picture.json", step)
    library = load_library(paths.bundled_protocols_dir(), folder, paths.assets_dir())
    by_name = {e.path.name: e for e in library.entries}
    assert by_name["good.json"].ok
    for name in ("a.json", "b.json", "picture.json"):
        assert not by_name[name].ok
        assert any("loop" in str(e) for e in by_name[name].errors), by_name[name].errors
    out = io.StringIO()
    code = cli.main(["validate", str(folder / "a.json"), str(folder / "good.json"),
                     str(folder / "b.json")], out)
    assert code == 1
    assert [line.split(":")[0] for line in out.getvalue().splitlines()] == ["a.json", "b.json"]


# --------------------------------------------------------------------------- history file


def _tamper(db: Path, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("tamper", [
    "DROP TABLE event; CREATE VIEW event AS SELECT 1 AS session_id, 0 AS seq, '' AS at, "
    "'' AS kind, '' AS detail;",
    "CREATE TRIGGER wipe AFTER INSERT ON session BEGIN DELETE FROM session WHERE uid = 'old'; "
    "END;",
    "CREATE VIEW extra AS SELECT * FROM session;",
    "CREATE TABLE session_copy (x);",
], ids=["table-became-view", "foreign-trigger", "extra-view", "extra-table"])
def test_a_history_file_with_a_changed_structure_is_set_aside_untouched(
        tmp_path: Path, tamper: str) -> None:
    db = tmp_path / "history.sqlite3"
    seed_history(db, "old")
    _tamper(db, tamper)
    before = db.read_bytes()
    snapshot = open_snapshot(db)  # the command line: refuses to read it
    assert snapshot.sessions() == [] and snapshot.notices
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MOVED_ASIDE]
    assert "structure has been changed" in store.notices[0].text
    store.save(hostile_session("new", "x"))  # a save runs no foreign trigger
    assert [r.uid for r in store.sessions()] == ["new"]
    store.close()
    moved = store.notices[0].path
    assert moved is not None and moved.read_bytes() == before  # kept whole, for a rescue


def test_a_session_table_that_is_a_view_does_not_stop_the_app_starting_a_routine(
        tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript("CREATE TABLE real_session (x); CREATE VIEW session AS SELECT * FROM "
                       "real_session; PRAGMA application_id = 1397705797; "
                       "PRAGMA user_version = 2;")
    conn.close()
    store = open_store(db)
    assert store.notices and store.notices[0].kind is NoticeKind.MOVED_ASIDE
    assert store.last_checkin() is None and store.sessions() == []


# --------------------------------------------------------------------------- export target


def _export(*extra: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["history", "export", "--format", "csv", *extra], out)
    return code, out.getvalue()


def test_export_never_writes_over_the_apps_own_files(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = data_dir / "history.sqlite3"
    seed_history(db)
    (data_dir / "settings.json").write_text('{"sound_on": false}')
    os.symlink(db, data_dir / "innocent.csv")
    os.link(data_dir / "settings.json", data_dir / "hard.csv")
    saved = {p: p.read_bytes() for p in (db, data_dir / "settings.json")}
    for target in (db, Path(f"{db}-wal"), data_dir / "settings.json",
                   data_dir / "innocent.csv", data_dir / "hard.csv"):
        code, _ = _export("--output", str(target), "--force")
        assert code == 1, target
        assert "own data files" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in saved} == saved
    assert [r.uid for r in open_snapshot(db).sessions()] == ["old"]


def test_export_replaces_a_file_only_with_force_and_leaves_nothing_half_written(
        data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seed_history(data_dir / "history.sqlite3")
    target = data_dir.parent / f"{data_dir.name}-export.csv"
    target.write_text("precious")
    assert _export("--output", str(target))[0] == 1
    assert "--force" in capsys.readouterr().err and target.read_text() == "precious"

    def fail_half_way(records: Any, out: io.TextIOBase, runs: Any = ()) -> int:
        out.write("id,started_at\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_csv", fail_half_way)
    assert _export("--output", str(target), "--force")[0] == 1
    assert "No space left" in capsys.readouterr().err
    assert target.read_text() == "precious"
    assert list(target.parent.glob(f".{target.name}.*")) == []  # no temporary left behind
    monkeypatch.undo()
    assert _export("--output", str(target), "--force")[0] == 0
    assert target.read_text().startswith('"id","started_at"')
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_export_refuses_a_link_even_with_force_and_changes_nothing(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A link at the target is neither written through nor replaced: whoever made it meant
    the file it points at, and --force is not a licence to guess."""
    seed_history(data_dir / "history.sqlite3")
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not yours to change")
    link = tmp_path / "out.csv"
    os.symlink(elsewhere, link)
    code, _out = _export("--output", str(link), "--force")
    assert code == 1 and "a link" in capsys.readouterr().err
    assert elsewhere.read_text() == "not yours to change" and link.is_symlink()


# --------------------------------------------------------------------------- illustrations


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ' \
      'viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize("body, problem", [
    ('<image xlink:href="{outside}" width="10" height="10"/>', "may only refer to itself"),
    ('<image href="file://{outside}" width="10" height="10"/>', "may only refer to itself"),
    ('<image xlink:href="fifo.png" width="10" height="10"/>', "may only refer to itself"),
    ('<rect style="fill: url(\'{outside}#p\')" width="1" height="1"/>', "may not refer to url"),
    ('<style>@import url("{outside}");</style>', "style sheets"),
], ids=["absolute", "file-url", "relative-fifo", "css-url", "css-import"])
def test_an_svg_that_points_outside_itself_is_refused(
        tmp_path: Path, body: str, problem: str) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG")
    folder = tmp_path / "protocols"
    folder.mkdir()
    os.mkfifo(folder / "fifo.png")
    (folder / "pic.svg").write_text(SVG.format(body.format(outside=outside)))
    doc = minimal_protocol()
    doc["steps"][0]["illustration"] = "pic.svg"
    with pytest.raises(ProtocolInvalid) as err:
        load_file(write_protocol(folder, "p.json", doc), paths.assets_dir())
    assert any(problem in str(e) for e in err.value.errors), err.value.errors


@pytest.mark.parametrize("text, problem", [
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', "DOCTYPE"),
    ("<svg", "well-formed"),
    ("<html/>", "root element"),
], ids=["entity", "broken", "not-svg"])
def test_an_svg_with_entities_or_not_an_svg_is_refused(
        tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "pic.svg").write_text(text)
    doc = minimal_protocol()
    doc["steps"][0]["illustration"] = "pic.svg"
    with pytest.raises(ProtocolInvalid, match=problem):
        load_file(write_protocol(tmp_path, "p.json", doc), paths.assets_dir())


def test_self_contained_svgs_and_pngs_are_accepted_and_huge_pngs_refused(tmp_path: Path) -> None:
    import struct
    import zlib

    def png(width: int, height: int) -> bytes:
        ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        def chunk(kind: bytes, data: bytes) -> bytes:
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data)))

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                + chunk(b"IDAT", zlib.compress(b"\x00" * (1 + 3 * width) * height))
                + chunk(b"IEND", b""))

    import base64

    inline = base64.b64encode(png(1, 1)).decode()
    (tmp_path / "ok.svg").write_text(SVG.format(
        '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="5" height="5"/>'
        f'<use xlink:href="#g"/><image href="data:image/png;base64,{inline}"/>'))
    (tmp_path / "ok.png").write_bytes(png(4, 3))
    (tmp_path / "huge.png").write_bytes(png(1, 1)[:16] + struct.pack(">II", 100_000, 100_000)
                                        + png(1, 1)[24:])
    for name, ok in (("ok.svg", True), ("ok.png", True), ("huge.png", False)):
        doc = minimal_protocol()
        doc["steps"][0]["illustration"] = name
        path = write_protocol(tmp_path, f"{name}.json", doc)
        if ok:
            assert load_file(path, paths.assets_dir()).steps[0].illustration is not None
        else:
            with pytest.raises(ProtocolInvalid, match="too large"):
                load_file(path, paths.assets_dir())


def test_the_apps_own_illustrations_pass_the_same_check() -> None:
    from soleus_coach.protocol.illustration import read_illustration

    pictures = sorted((paths.assets_dir() / "illustrations").iterdir())
    assert pictures
    for picture in pictures:
        read_illustration(picture)
