"""Hostile data by class: each choke point (docs/security.md) tried with generated variants
of its class, and each finding of the second outside probe as a regression test.

- the one reader (soleus_coach/reader.py): special files, link chains, sizes;
- the one writer (soleus_coach/atomic.py): the app's own files under other names, devices,
  FIFOs, links, names made from routine names;
- the one picture check (protocol/illustration.py): pictures inside pictures, to any depth;
- the one history check (history/store.py): planted schema rows, values that are not ours;
- the one text path (untrusted.shown): every line composed around a name;
- the single-instance socket: nesting, size, clients, silence.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import os
import socket
import sqlite3
import stat
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import atomic, cli, editing, paths
from soleus_coach.atomic import ProtectedFile, UnsafeTarget, safe_file_name
from soleus_coach.protocol.illustration import MAX_DEPTH, IllustrationInvalid, check_svg
from soleus_coach.reader import (
    FileTooLarge,
    NotRegularFile,
    OutsideFolder,
    read_user_file,
)
from tests.conftest import seed_history

ROOT = Path(__file__).resolve().parents[1]
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# ----------------------------------------------------------------------------- the reader

KINDS = ("small", "large", "fifo", "device", "folder", "socket", "missing", "loop")


def make(kind: str, at: Path) -> None:
    """A file system entry of ``kind`` at ``at``."""
    if kind == "small":
        at.write_bytes(b"{}")
    elif kind == "large":
        with at.open("wb") as fh:  # sparse: 200 MB on the size, nothing on the disk
            fh.truncate(200 * 2**20)
    elif kind == "fifo":
        os.mkfifo(at)
    elif kind == "device":
        at.symlink_to("/dev/zero")
    elif kind == "folder":
        at.mkdir()
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(at))
        sock.close()
    elif kind == "loop":
        at.symlink_to(at.name)
    # "missing": nothing


@FAST
@given(kind=st.sampled_from(KINDS), chain=st.integers(0, 4), within=st.booleans())
def test_the_reader_reads_only_small_plain_files_whatever_leads_to_them(
        tmp_path_factory: pytest.TempPathFactory, kind: str, chain: int, within: bool) -> None:
    folder = tmp_path_factory.mktemp("reader")
    make(kind, folder / "target")
    path = folder / "target"
    for n in range(chain):  # a chain of links to it
        link = folder / f"link{n}"
        link.symlink_to(path.name)
        path = link
    started = time.monotonic()
    try:
        data = read_user_file(path, 1024, "tests", within=folder if within else None)
    except (NotRegularFile, FileTooLarge, FileNotFoundError) as exc:
        assert kind != "small", exc
    except OSError as exc:
        assert kind in ("loop", "device", "socket") and exc.errno is not None, exc
    else:
        assert kind == "small" and data == b"{}"
    assert time.monotonic() - started < 2  # a FIFO never blocks it


@FAST
@given(depth=st.integers(1, 4), hops_outside=st.integers(0, 3))
def test_a_link_that_leads_out_of_its_folder_is_refused_whatever_the_hops(
        tmp_path_factory: pytest.TempPathFactory, depth: int, hops_outside: int) -> None:
    base = tmp_path_factory.mktemp("within")
    folder = base / "protocols"
    folder.mkdir()
    secret = base / "secret.txt"
    secret.write_text("not yours")
    target: Path = secret
    for n in range(hops_outside):  # links outside, pointing on to the secret
        link = base / f"out{n}"
        link.symlink_to(target)
        target = link
    path = folder / "x.json"
    path.symlink_to(target)
    for n in range(depth - 1):  # and links inside, pointing at that
        inner = folder / f"in{n}.json"
        inner.symlink_to(path.name)
        path = inner
    with pytest.raises(OutsideFolder):
        read_user_file(path, 1024, "tests", within=folder)


# ----------------------------------------------------------------------------- the writer


def test_the_writer_refuses_the_apps_own_files_by_every_name(data_dir: Path,
                                                              tmp_path: Path) -> None:
    db = data_dir / "history.sqlite3"
    seed_history(db)
    (data_dir / "settings.json").write_text("{}")
    hard = tmp_path / "hard.sqlite3"
    os.link(db, hard)
    soft = tmp_path / "soft.csv"
    soft.symlink_to(db)
    names = [db, data_dir / "settings.json", data_dir / "window.ini", hard,
             data_dir / "sub" / ".." / "history.sqlite3", data_dir / "history.sqlite3-wal",
             data_dir / "soleus-coach.lock"]
    (data_dir / "sub").mkdir()
    for name in names:
        with pytest.raises((ProtectedFile, UnsafeTarget)):
            atomic.write_text_atomic(name, lambda fh: fh.write("x"), replace=True)
    with pytest.raises((ProtectedFile, UnsafeTarget)):
        atomic.write_text_atomic(soft, lambda fh: fh.write("x"), replace=True)
    assert seed_intact(db)


def seed_intact(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM session").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize("kind", ["fifo", "folder", "link", "device-link", "socket"])
def test_the_writer_replaces_only_plain_files_even_when_forced(tmp_path: Path,
                                                               kind: str) -> None:
    target = tmp_path / "out.csv"
    if kind == "link":
        (tmp_path / "elsewhere").write_text("keep")
        target.symlink_to("elsewhere")
    elif kind == "device-link":
        target.symlink_to("/dev/null")
    else:
        make({"fifo": "fifo", "folder": "folder", "socket": "socket"}[kind], target)
    before = os.lstat(target)
    with pytest.raises(UnsafeTarget):
        atomic.write_text_atomic(target, lambda fh: fh.write("x"), replace=True)
    after = os.lstat(target)
    assert stat.S_IFMT(before.st_mode) == stat.S_IFMT(after.st_mode)


def test_force_onto_dev_null_is_refused_and_dev_null_stays_a_device(data_dir: Path) -> None:
    """As root, ``history export -o /dev/null --force`` used to replace the device node."""
    seed_history(data_dir / "history.sqlite3")
    out = io.StringIO()
    code = cli.main(["history", "export", "--format", "csv", "-o", "/dev/null", "--force"], out)
    assert code == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@FAST
@given(st.text(min_size=0, max_size=120))
def test_a_file_name_made_from_a_routines_name_holds_no_folder(name: str) -> None:
    made = safe_file_name(name, ".pdf")
    stem = made.removesuffix(".pdf")
    assert "/" not in made and "\\" not in made and not made.startswith(".")
    assert stem and not any(ord(c) < 32 for c in made) and ".." not in stem.split("/")
    assert Path(made).name == made


def test_print_to_file_onto_the_history_is_refused_and_the_history_kept(
        qtbot: object, data_dir: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from soleus_coach.gui.library.print_sheet import _print_or_save
    from soleus_coach.protocol import load_file

    db = data_dir / "history.sqlite3"
    seed_history(db)
    protocol = load_file(paths.bundled_protocols_dir() / "ice-timer.json", paths.assets_dir())
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(db))  # what the print dialog's Print to File was given
    assert not _print_or_save(None, protocol, printer)
    assert seed_intact(db)


def test_a_session_copy_is_never_written_over_the_history(qtbot: object,
                                                          data_dir: Path) -> None:
    from unittest.mock import MagicMock

    from soleus_coach.gui.session.flow import SessionFlow

    db = data_dir / "history.sqlite3"
    seed_history(db)
    flow = MagicMock(spec=SessionFlow)
    flow.window = None
    recorder = MagicMock()
    recorder.record = MagicMock()
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    flow.window = window
    flow.tr = lambda text: text
    assert not SessionFlow.save_copy(flow, recorder, db)
    assert seed_intact(db)


def test_print_offers_a_file_name_without_a_folder_in_it(qtbot: object) -> None:
    from dataclasses import replace

    from soleus_coach.gui.library.print_sheet import print_routine
    from soleus_coach.protocol import load_file

    protocol = load_file(paths.bundled_protocols_dir() / "ice-timer.json", paths.assets_dir())
    dialog = print_routine(None, replace(protocol, name="Documents/Taxes 2025"))
    try:
        assert dialog.printer().docName() == "Documents-Taxes 2025"
    finally:
        dialog.close()


# ----------------------------------------------------------------------------- the editor's copy-in


@pytest.mark.parametrize("source", ["dev-zero", "dev-zero-link", "big", "shadow-link", "fifo",
                                    "not-a-sound"])
def test_the_editor_copies_in_only_a_picture_or_sound_and_leaves_nothing(
        tmp_path: Path, source: str) -> None:
    folder = tmp_path / "protocols" / "pictures"
    if source == "dev-zero":
        path = Path("/dev/zero")
    else:
        path = tmp_path / ("x.wav" if source == "not-a-sound" else "x.png")
        if source == "dev-zero-link":
            path.symlink_to("/dev/zero")
        elif source == "big":
            with path.open("wb") as fh:
                fh.write(b"\x89PNG\r\n\x1a\n")
                fh.truncate(200 * 2**20)
        elif source == "shadow-link":
            path.symlink_to("/etc/shadow" if Path("/etc/shadow").exists() else "/etc/passwd")
        elif source == "fifo":
            os.mkfifo(path)
        else:
            path.write_text("root:x:0:0:root:/root:/bin/bash\n")
    started = time.monotonic()
    with pytest.raises((OSError, editing.NotOneOfOurs)):
        editing.copy_in(path, folder)
    assert time.monotonic() - started < 2
    assert not folder.exists() or not any(folder.iterdir())


# ----------------------------------------------------------------------------- pictures

REFS = ["/etc/passwd", "file:///etc/passwd", "http://example.com/x.svg", "fifo.png",
        "../outside.svg", "\\\\server\\share\\x.svg"]


def svg(inner: str) -> bytes:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/'
            f'xlink" viewBox="0 0 10 10">{inner}</svg>').encode()


def as_data(payload: bytes, encoding: str, kind: str = "image/svg+xml") -> str:
    if encoding == "base64":
        return f"data:{kind};base64,{base64.b64encode(payload).decode()}"
    return f"data:{kind},{quote(payload.decode())}"


@st.composite
def nested_pictures(draw: st.DrawFn) -> tuple[bytes, bool]:
    """An SVG that carries an SVG that carries … (``depth`` levels), the innermost pointing
    somewhere (``bad``) or nowhere, each level in its own spelling."""
    depth = draw(st.integers(0, MAX_DEPTH + 2))
    bad = draw(st.booleans())
    ref = draw(st.sampled_from(REFS))
    attribute = draw(st.sampled_from(["href", "xlink:href", "style-url", "src"]))
    inner = f'<image href="{ref}"/>' if bad else '<rect width="5" height="5"/>'
    picture = svg(inner)
    for _ in range(depth):
        encoding = draw(st.sampled_from(["base64", "percent"]))
        prefix = draw(st.sampled_from(["data:", "DATA:", "Data:"]))
        uri = prefix + as_data(picture, encoding)[len("data:"):]
        if attribute == "style-url":
            element = f'<rect style="fill: url({uri})" width="5" height="5"/>'
        else:
            element = f'<image {attribute}="{uri}"/>'
        picture = svg(element)
    return picture, bad or depth > MAX_DEPTH


@settings(max_examples=150, deadline=None)
@given(nested_pictures())
def test_a_picture_inside_a_picture_is_checked_to_any_depth(case: tuple[bytes, bool]) -> None:
    data, refused = case
    if refused:
        with pytest.raises(IllustrationInvalid):
            check_svg(data)
    else:
        check_svg(data)


def test_the_probes_nested_svg_is_refused_by_validate_import_and_the_window(
        tmp_path: Path, data_dir: Path, qtbot: object) -> None:
    from soleus_coach.gui.common.illustration import load_picture

    inner = svg('<image href="/dev/zero"/>')
    outer = svg(f'<image href="{as_data(inner, "base64")}"/>')
    folder = tmp_path / "shared"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "p.svg").write_bytes(outer)
    doc = json.loads((ROOT / "protocols" / "calf-stretch-only.json").read_text("utf-8"))
    doc.update(id="nested", translations={})
    doc["steps"][0]["illustration"] = "pictures/p.svg"
    (folder / "nested.json").write_text(json.dumps(doc), "utf-8")
    out = io.StringIO()
    assert cli.main(["validate", str(folder / "nested.json")], out) == 1
    assert "may only refer to itself" in out.getvalue()
    assert cli.main(["import", str(folder / "nested.json")], io.StringIO()) == 1
    assert not (data_dir / "protocols" / "nested.json").exists()
    assert load_picture(folder / "pictures" / "p.svg") is None  # display and print


# ----------------------------------------------------------------------------- the history

PLANTS = [
    ("trigger", "sqlite_x",
     "CREATE TRIGGER sqlite_x AFTER INSERT ON session BEGIN DELETE FROM session; END"),
    ("view", "sqlite_stat1", "CREATE VIEW sqlite_stat1 AS SELECT 1"),
    ("index", "sqlite_autoindex_session_9", "CREATE INDEX sqlite_autoindex_session_9 ON "
                                            "session (notes)"),
    ("trigger", "sqlite_sequence",
     "CREATE TRIGGER sqlite_sequence AFTER DELETE ON segment BEGIN SELECT 1; END"),
]


@pytest.mark.parametrize("kind,name,sql", PLANTS, ids=[p[1] for p in PLANTS])
def test_a_schema_row_planted_under_sqlites_own_names_sets_the_file_aside(
        tmp_path: Path, kind: str, name: str, sql: str) -> None:
    from soleus_coach.history.store import NoticeKind, open_store

    db = tmp_path / "history.sqlite3"
    seed_history(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    tbl = "segment" if "segment" in sql else "session"
    conn.execute("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) "
                 "VALUES (?, ?, ?, 0, ?)", (kind, name, tbl, sql))
    conn.commit()
    conn.close()
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MOVED_ASIDE]
    assert store.count() == 0
    store.close()
    assert list(tmp_path.glob("history.sqlite3.unusable-*"))  # the old file, kept aside


def with_schema_edit(db: Path, table: str, old: str, new: str, change: str) -> None:
    """Run ``change`` with ``old`` replaced by ``new`` in ``table``'s schema text, then put
    the text back: how a crafted file gets a value its own schema forbids."""
    for before, after, sql in ((old, new, change), (new, old, None)):
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE name = ?",
                     (before, after, table))
        conn.commit()
        conn.close()
        if sql:
            conn = sqlite3.connect(db)
            assert conn.execute(sql).rowcount == 1
            conn.commit()
            conn.close()


BAD_VALUES = {
    "started_at": ["not-a-date", "2460000.5", "", "2026-13-45T00:00:00", 12],
    "planned_s": ["lots", None, "1e999x", b"\x00"],
    "active_s": ["text"],
    "pain_after": [11, -1, "seven", 2.5],
    "ended_at": ["yesterday", 5],
    "status": ["running away"],
    "notes": [b"\x00blob"],  # (a number in a text column is stored as text: readable)
    "flags_after": [b"\x07"],  # (an unknown flag name is ignored, as any reader would)
}


@st.composite
def crafted_rows(draw: st.DrawFn) -> tuple[str, object]:
    column = draw(st.sampled_from(sorted(BAD_VALUES)))
    return column, draw(st.sampled_from(BAD_VALUES[column]))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(crafted_rows())
def test_a_session_with_values_that_are_not_ours_is_left_out_with_a_notice_never_a_crash(
        tmp_path_factory: pytest.TempPathFactory, case: tuple[str, object]) -> None:
    from soleus_coach.history.store import NoticeKind, open_snapshot, open_store

    column, value = case
    folder = tmp_path_factory.mktemp("crafted")
    db = folder / "history.sqlite3"
    seed_history(db, "good")
    seed_history(db, "bad")
    if value is None:  # NOT NULL cannot be switched off: the schema's text is edited
        with_schema_edit(db, "session", f"{column} REAL NOT NULL", f"{column} REAL",
                         f"UPDATE session SET {column} = NULL WHERE uid = 'bad'")
    else:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(f"UPDATE session SET {column} = ? WHERE uid = 'bad'", (value,))
        conn.commit()
        conn.close()
    for opener in (open_store, open_snapshot):
        store = opener(db)
        assert NoticeKind.UNREADABLE_ROWS in [n.kind for n in store.notices]
        assert [r.uid for r in store.sessions()] == ["good"]
        assert store.session("bad") is None and store.count() == 1
        store.summary(datetime.now(UTC).date())
        store.weekly(datetime.now(UTC).date())
        assert [r.uid for r in store.all_sessions()] == ["good"]
        store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM session").fetchone()[0] == 2  # kept as it is
    conn.close()


@pytest.mark.parametrize(("column", "value"), [
    ("outcome", "vanished"), ("kind", b"\x01"), ("planned_s", "long"),
    ("ended_at", "soon"), ("rep", "third"), ("seq", 1.5),
])
def test_a_step_with_values_that_are_not_ours_leaves_its_session_out(
        tmp_path: Path, column: str, value: object) -> None:
    """The same for a step row, its CHECKs broken too (``quick_check`` reports them: the
    file is sound, the row is not ours; the file is not moved aside for it)."""
    from soleus_coach.history.store import NoticeKind, open_store

    db = tmp_path / "history.sqlite3"
    seed_history(db, "good")
    seed_history(db, "bad")
    row = {"seq": 0, "kind": "hold", "label": "Stretch", "side": "left", "rep": 1,
           "planned_s": 30.0, "actual_s": 30.0, "outcome": "completed",
           "ended_at": "2026-11-01T00:01:00+00:00", column: value}
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    sid = conn.execute("SELECT id FROM session WHERE uid = 'bad'").fetchone()[0]
    conn.execute(f"INSERT INTO segment (session_id, {', '.join(row)}) VALUES "
                 f"(?, {', '.join('?' * len(row))})", (sid, *row.values()))
    conn.commit()
    conn.close()
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.UNREADABLE_ROWS]
    assert [r.uid for r in store.sessions()] == ["good"]
    assert store.session("bad") is None and store.session("good") is not None
    store.close()
    assert not list(tmp_path.glob("history.sqlite3.unusable-*"))


@pytest.mark.parametrize(("column", "value"), [
    ("distance_m", "far"), ("started_at", "someday"), ("moving_s", b"\x00"),
    ("started_local", 7.5), ("climb_m", "steep"), ("utc_offset_s", "east"),
])
def test_a_run_with_values_that_are_not_ours_is_left_out_of_every_read(
        tmp_path: Path, column: str, value: object) -> None:
    from soleus_coach.history.store import open_store
    from soleus_coach.runs import Run, Source

    db = tmp_path / "history.sqlite3"
    store = open_store(db)
    for km in (5, 8):
        store.add_run(Run(start=datetime(2026, 11, km, 7, tzinfo=UTC), distance_m=km * 1000.0,
                          moving_s=km * 300.0, elapsed_s=km * 310.0, source=Source.MANUAL))
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(f"UPDATE run SET {column} = ? WHERE distance_m = 8000", (value,))
    conn.commit()
    conn.close()
    store = open_store(db)
    assert [r.distance_m for r in store.runs()] == [5000.0]
    assert [n.text for n in store.notices] == [
        "1 run(s) in your history hold values this app cannot read; they are left out of "
        "what it shows and exports, and kept in the file as they are."]
    assert sum(w.runs for w in store.weekly_runs(date(2026, 11, 30), weeks=8)) == 1
    assert store.activity_span() == (date(2026, 11, 5), date(2026, 11, 5))  # by the index,
    assert store.first_run_day() == date(2026, 11, 5)  # passing over the crafted row
    store.close()
    out = io.StringIO()
    assert cli.main(["runs", "list"], out) == 0 and out.getvalue().count("\n") >= 1


def test_the_command_line_and_the_window_live_with_crafted_values(
        qtbot: object, data_dir: Path) -> None:
    from soleus_coach.gui.main_window import MainWindow
    from soleus_coach.session.clock import FakeClock
    from tests.conftest import app_services

    db = data_dir / "history.sqlite3"
    seed_history(db, "good")
    seed_history(db, "bad")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE session SET started_at = 'not-a-date', planned_s = 'x' "
                 "WHERE uid = 'bad'")
    conn.commit()
    conn.close()
    out = io.StringIO()
    assert cli.main(["history", "list"], out) == 0
    assert out.getvalue().count("\n") == 2  # the header and the good one
    assert cli.main(["history", "export", "--format", "json"], io.StringIO()) == 0
    win = MainWindow(app_services(data_dir, FakeClock()))
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    win.refresh_summary()
    assert "Loading" not in win.home.last.plain_text()
    assert win.statusBar().currentMessage().startswith(
        "1 session(s) in your history hold values this app cannot read")  # said, not hidden
    win.show_history()
    assert win.history_window is not None and win.history_window.model.rowCount() == 1


# ----------------------------------------------------------------------------- the socket


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.binary(max_size=5000),
    st.integers(1, 6000).map(lambda n: b"[" * n),
    st.integers(1, 6000).map(lambda n: b'{"a":' * n),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=5), c,
                                                                     max_size=4),
                 max_leaves=30).map(lambda v: json.dumps(v).encode()),
))
def test_a_request_on_the_socket_never_raises(line: bytes) -> None:
    from soleus_coach.gui.single_instance import parse_request

    message = parse_request(line)
    assert message is None or (message["action"] in ("raise", "start")
                               and all(isinstance(v, str) for v in message.values()))


def test_the_socket_drops_silent_and_surplus_launches(qtbot: object, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtNetwork import QLocalSocket

    from soleus_coach.gui import single_instance
    from soleus_coach.gui.single_instance import MAX_CLIENTS, SingleInstance

    monkeypatch.setattr(single_instance, "IDLE_MS", 300)
    first = SingleInstance(tmp_path)
    assert first.acquire()
    first.listen()
    sockets = []
    for _ in range(MAX_CLIENTS + 5):
        sock = QLocalSocket()
        sock.connectToServer(first.name)
        assert sock.waitForConnected(1000)
        sockets.append(sock)
    qtbot.waitUntil(lambda: len(first._clients) == MAX_CLIENTS,  # type: ignore[attr-defined]
                    timeout=3000)
    qtbot.waitUntil(lambda: not first._clients, timeout=3000)  # type: ignore[attr-defined]
    first.release()


def test_a_lock_that_is_a_folder_is_not_another_running_app(tmp_path: Path,
                                                            qtbot: object) -> None:
    from soleus_coach.gui.single_instance import LOCK_NAME, SingleInstance

    (tmp_path / LOCK_NAME).mkdir()
    instance = SingleInstance(tmp_path)
    assert instance.acquire()  # not "already running"
    instance.release()


# ----------------------------------------------------------------------------- start-up


@pytest.mark.parametrize("planted", ["settings-fifo", "window-fifo", "settings-dev-zero",
                                     "lock-folder", "data-loop"])
def test_the_app_starts_and_quits_whatever_was_planted_in_its_data_folder(
        tmp_path: Path, planted: str) -> None:
    import signal
    import subprocess
    import sys

    data = tmp_path / "data"
    if planted == "data-loop":
        (tmp_path / "a").symlink_to("b")
        (tmp_path / "b").symlink_to("a")
        data = tmp_path / "a"
    else:
        data.mkdir()
        target = {"settings-fifo": "settings.json", "window-fifo": "window.ini",
                  "settings-dev-zero": "settings.json", "lock-folder": "soleus-coach.lock"}
        path = data / target[planted]
        {"settings-fifo": lambda: os.mkfifo(path), "window-fifo": lambda: os.mkfifo(path),
         "settings-dev-zero": lambda: path.symlink_to("/dev/zero"),
         "lock-folder": lambda: path.mkdir()}[planted]()
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "soleus_coach"], env=env,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 8  # up once it has painted and opened its history
    while time.monotonic() < deadline and proc.poll() is None and not (
            planted != "data-loop" and (data / "history.sqlite3").exists()):
        time.sleep(0.05)
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError(f"{planted}: the app hung") from None
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err


def test_sigterm_with_an_unsaved_editor_quits_and_the_draft_opens_again(
        qtbot: object, data_dir: Path) -> None:
    """The probe's case: SIGTERM with an editor holding unsaved changes did nothing (the
    editor asked "Save changes?" of nobody). Now the window closes, the editor's draft is
    kept through the one writer, and the next start opens it again in an editor."""
    import signal

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from soleus_coach.gui.common.signals import SignalCloser
    from soleus_coach.gui.main_window import MainWindow
    from soleus_coach.session.clock import FakeClock
    from tests.conftest import app_services

    bot: Any = qtbot
    win = MainWindow(app_services(data_dir, FakeClock()))
    bot.addWidget(win)
    win.show()
    closer = SignalCloser(win.terminate)
    try:
        win.editors.new_action.trigger()  # File → New routine…
        editor = win.editors.editors[-1]
        name = editor.findChild(QLineEdit, "routineName")
        assert name is not None
        name.selectAll()
        bot.keyClicks(name, "Kept through a kill")
        bot.keyClick(name, Qt.Key.Key_Tab)
        assert editor.isWindowModified()
        os.kill(os.getpid(), signal.SIGTERM)
        bot.waitUntil(lambda: not win.isVisible() and not win.editors.editors, timeout=5000)
        assert not [b for b in win.findChildren(QMessageBox) if b.isVisible()]  # asked nobody
    finally:
        closer.restore()
    drafts = list((data_dir / "drafts").glob("*.json"))
    assert len(drafts) == 1 and "Kept through a kill" in drafts[0].read_text("utf-8")

    again = MainWindow(app_services(data_dir, FakeClock()))
    bot.addWidget(again)
    with bot.waitExposed(again):
        again.show()
    bot.waitUntil(lambda: bool(again.editors.editors), timeout=5000)
    reopened = again.editors.editors[0]
    field = reopened.findChild(QLineEdit, "routineName")
    assert field is not None and field.text() == "Kept through a kill"
    assert reopened.isWindowModified()  # still unsaved: closing it asks
    assert not list((data_dir / "drafts").glob("*.json"))  # the editor holds it now


# ----------------------------------------------------------------------------- no stray reads

#: Calls that open, read or copy a file (or hand a path to Qt, which would read it).
FILE_CALLS = frozenset({
    "open", "fdopen", "read_bytes", "read_text", "copyfile", "copy", "copy2", "copyfileobj",
    "copytree", "load", "QFile", "QSettings", "QImage", "QPixmap", "QSvgRenderer",
    "QImageReader", "QIcon", "QMovie", "ZipFile", "urlopen",
})

#: Every call of those in the app, by (file, function, call), and why it is not a stray
#: read of a user-controlled file. A new one fails the test until it goes through the one
#: reader (``soleus_coach.reader``) or the one writer (``soleus_coach.atomic``), or is
#: added here with its reason.
ALLOWED = {
    ("reader.py", "read_user_file", "os.open"): "the one reader",
    ("reader.py", "read_user_file", "os.fdopen"): "the one reader",
    ("reader.py", "open_user_file", "os.open"): "the one reader, as a stream",
    ("reader.py", "open_user_file", "os.fdopen"): "the one reader, as a stream",
    ("runs/archive.py", "Zip.__init__", "zipfile.ZipFile"): "a stream the one reader opened",
    ("runs/archive.py", "Zip.chunks", "self.zf.open"): "a member, capped, its ratio counted",
    ("atomic.py", "write_text_atomic.run", "os.fdopen"): "the one writer",
    ("atomic.py", "write_bytes_atomic.run", "os.fdopen"): "the one writer",
    ("audio/speech.py", "read_pcm", "wave.open"): "a clip the app rendered or its own words",
    ("audio/speech.py", "write_pcm", "os.fdopen"): "the speech cache (a temporary file, renamed)",
    ("audio/speech.py", "write_pcm", "wave.open"): "the speech cache (a temporary file, renamed)",
    ("audio/player.py", "clip_seconds", "wave.open"): "bytes the one reader returned",
    ("settings.py", "SettingsStore.save", "os.fdopen"):
        "writes the app's own settings (a temporary file, then rename)",
    ("sharing.py", "_write_new", "os.open"): "creates a new file only (O_EXCL, O_NOFOLLOW)",
    ("sharing.py", "_write_new", "os.fdopen"): "creates a new file only (O_EXCL, O_NOFOLLOW)",
    ("sharing.py", "export_routine.write", "zipfile.ZipFile"): "writes into the writer's file",
    ("sharing.py", "unpack_routine_zip", "zipfile.ZipFile"): "bytes the reader returned",
    ("sharing.py", "unpack_routine_zip", "zf.open"): "a member of those bytes, capped",
    ("desktop.py", "install", "source.read_text"): "the installed package's own file",
    ("desktop.py", "install", "shutil.copyfile"): "the installed package's own file",
    ("protocol/library.py", "ensure_user_folder", "schema_source.read_bytes"):
        "the installed package's own schema",
    ("protocol/schema.py", "main", "docs_path.read_text"): "a developer tool on the repo",
    ("history/export.py", "read_json", "json.load"): "a stream its caller opened",
    ("gui/application.py", "app_icon", "QIcon"): "the installed package's own icon",
    ("gui/editor/step_form.py", "StepForm._make_illustration", "QIcon"):
        "the bundled pictures' icons",
    ("gui/common/i18n.py", "install", "translator.load"): "the package's own translations",
    ("gui/common/illustration.py", "load_picture", "QSvgRenderer"): "checked bytes",
    ("gui/common/illustration.py", "load_picture", "QImageReader"): "checked bytes",
    ("gui/common/illustration.py", "load_picture", "buffer.open"): "checked bytes",
    ("gui/common/windows.py", "window_state", "QSettings"):
        "window state: refused unless a plain file (reader.is_regular_or_absent)",
    ("gui/library/print_sheet.py", "sheet_image", "QImage"): "a new image, not a file",
    ("gui/programme/report.py", "report_image", "QImage"): "a new image, not a file",
    ("gui/programme/report.py", "pdf_bytes", "buffer.open"): "a buffer in memory",
    ("gui/editor/hub.py", "EditorHub.reopen_kept_drafts", "self.open"): "opens a window",
    ("gui/editor/hub.py", "EditorHub.new_routine", "self.open"): "opens a window",
    ("gui/editor/hub.py", "EditorHub.customize", "self.open"): "opens a window",
    ("gui/editor/hub.py", "EditorHub.edit", "self.open"): "opens a window",
}


APP = Path(__file__).resolve().parents[1] / "soleus_coach"


class _FileCalls(ast.NodeVisitor):
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.where: list[str] = []
        self.found: set[tuple[str, str, str]] = set()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef |
                          ast.ClassDef) -> None:
        self.where.append(node.name)
        self.generic_visit(node)
        self.where.pop()

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = (func.id if isinstance(func, ast.Name) else
                func.attr if isinstance(func, ast.Attribute) else "")
        if name in FILE_CALLS and (node.args or node.keywords or name not in ("open", "load")):
            self.found.add((self.rel, ".".join(self.where), ast.unparse(func)))
        self.generic_visit(node)


def file_calls(root: Path = APP) -> set[tuple[str, str, str]]:
    """Every call in the package at ``root`` whose name is in :data:`FILE_CALLS` and that is
    given something (a dialog's ``open()`` and the settings store's ``load()`` are not)."""
    found: set[tuple[str, str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        visit = _FileCalls(path.relative_to(root).as_posix())
        visit.visit(ast.parse(path.read_text(encoding="utf-8")))
        found |= visit.found
    return found


def test_every_file_the_app_reads_goes_through_the_one_reader() -> None:
    calls = file_calls()
    assert calls - ALLOWED.keys() == set()
    assert ALLOWED.keys() - calls == set()  # (an entry whose call is gone goes too)


def test_the_stray_read_check_finds_a_planted_one(tmp_path: Path) -> None:
    """The check itself can fail: a ``read_bytes`` of a picture, planted, is found."""
    import shutil

    copy = tmp_path / "soleus_coach"
    shutil.copytree(APP, copy)
    target = copy / "gui" / "common" / "illustration.py"
    target.write_text(target.read_text(encoding="utf-8") +
                      "\n\ndef sneaky(path):\n    return path.read_bytes()\n",
                      encoding="utf-8")
    assert file_calls(copy) - file_calls() == {
        ("gui/common/illustration.py", "sneaky", "path.read_bytes")}
