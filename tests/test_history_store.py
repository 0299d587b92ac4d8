"""The history store: schema and migrations, durability, bad files, queries, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_coach import cli, paths
from soleus_coach.checkin import CheckIn
from soleus_coach.history import export
from soleus_coach.history.recorder import SessionRecorder
from soleus_coach.history.records import EventRecord, SegmentRecord, SessionRecord, Status
from soleus_coach.history.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    NoticeKind,
    StoreWriteError,
    open_snapshot,
    open_store,
)
from soleus_coach.protocol import load_file
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import Engine, State
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Settings

T0 = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)  # a Monday


def record(uid: str = "s1", *, start: datetime = T0, active_s: float = 600,
           status: Status = Status.COMPLETED, protocol: str = "post-run-soleus",
           **kw: object) -> SessionRecord:
    rec = SessionRecord(uid=uid, protocol_id=protocol, protocol_name=f"Routine {protocol}",
                        protocol_digest="ab" * 32, started_at=start, planned_s=900,
                        leg="left", status=status, active_s=active_s, paused_s=12.5,
                        ended_at=start + timedelta(seconds=active_s + 12.5))
    for k, v in kw.items():
        setattr(rec, k, v)
    return rec


def seg(seq: int, outcome: str = "completed") -> SegmentRecord:
    return SegmentRecord(seq, "hold", f"Hold {seq}", "left", seq + 1, 30.0,
                         30.0 if outcome == "completed" else 4.0, outcome,
                         T0 + timedelta(seconds=30 * (seq + 1)))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


def test_new_store_has_current_schema_wal_and_foreign_keys(db: Path) -> None:
    store = open_store(db)
    assert store.persistent and store.notices == []
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert tables == {"session", "segment", "event", "run", "shoe", "programme_event",
                      "morning_check", "pain_during", "suggestion"}


def test_save_and_read_back_everything(db: Path) -> None:
    store = open_store(db)
    rec = record(before=CheckIn(pain=4, swelling=True), after=CheckIn(pain=2),
                 notes="Felt tight on the left <b>not bold</b>",
                 segments=[seg(0), seg(1, "skipped")],
                 events=[EventRecord(T0, "it_hurts", '{"choice":"stop"}')])
    store.save(rec)
    back = store.session("s1")
    assert back is not None
    assert back == replace(rec, updated_at=back.updated_at)
    assert back.done_segments == 1


def test_saving_again_updates_and_appends_without_duplicates(db: Path) -> None:
    store = open_store(db)
    rec = record(status=Status.IN_PROGRESS, segments=[seg(0)])
    store.save(rec)
    rec.segments.append(seg(1))
    rec.status = Status.COMPLETED
    store.save(rec)
    store.save(rec)
    back = store.session("s1")
    assert back is not None and [s.seq for s in back.segments] == [0, 1]
    assert back.status is Status.COMPLETED and store.count() == 1


def test_foreign_keys_cascade_on_delete_and_undo_restores(db: Path) -> None:
    store = open_store(db)
    store.save(record(segments=[seg(0), seg(1)], notes="keep me"))
    removed = store.delete("s1")
    assert removed is not None and store.count() == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM segment").fetchone()[0] == 0
    store.save(removed)
    again = store.session("s1")
    assert again is not None and again.notes == "keep me" and len(again.segments) == 2


def test_in_progress_session_is_marked_interrupted_at_next_open(db: Path) -> None:
    store = open_store(db)
    rec = record(status=Status.IN_PROGRESS, segments=[seg(0), seg(1)])
    rec.ended_at = None
    store.save(rec)
    last_write = store.session("s1").updated_at  # type: ignore[union-attr]
    store.close()
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.RECOVERED]
    back = store.session("s1")
    assert back is not None and back.status is Status.INTERRUPTED
    assert back.ended_at == last_write and len(back.segments) == 2


# ---------------------------------------------------------------- migrations


def make_v1(db: Path) -> None:
    """A database exactly as version 1 of the app wrote it."""
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("INSERT INTO session (uid, protocol_id, protocol_name, protocol_digest, "
                 "started_at, ended_at, updated_at, planned_s, active_s, status, leg, "
                 "pain_before, pain_after, notes) VALUES ('old', 'post-run-soleus', 'Old', "
                 "'dd', '2026-01-05T08:00:00.000+00:00', '2026-01-05T08:20:00.000+00:00', "
                 "'2026-01-05T08:20:00.000+00:00', 1200, 1100, 'completed', 'right', 5, 3, "
                 "'first run')")
    conn.execute("INSERT INTO segment VALUES (1, 0, 'hold', 'Hold', 'right', 1, 30, 30, "
                 "'completed', '2026-01-05T08:01:00.000+00:00')")
    conn.commit()
    conn.close()


def test_migration_from_every_earlier_version_keeps_data(db: Path) -> None:
    # add a case here when a migration is added (3: test_run_store; 4: the hurt segment
    # below; 5: test_programme_store; 6: test_run_store)
    assert SCHEMA_VERSION >= 6
    make_v1(db)
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MIGRATED]
    assert db.with_name("history.sqlite3.v1-backup").is_file()
    old = store.session("old")
    assert old is not None and old.notes == "first run" and len(old.segments) == 1
    assert old.before == CheckIn(pain=5) and old.after == CheckIn(pain=3)
    old.events.append(EventRecord(T0, "red_flag", "{}"))
    old.after = CheckIn(pain=3, bruising=True)
    store.save(old)  # the new columns and table work
    assert store.session("old") is not None
    assert store.session("old").after.bruising  # type: ignore[union-attr]
    store.close()
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_step_ended_by_it_hurts_is_kept_as_such_after_migrating_every_old_segment(
        db: Path) -> None:
    """Version 4 lets a segment end as "hurt" (the table is made again: SQLite cannot alter
    a CHECK); every segment stored before is still there, unchanged."""
    make_v1(db)
    store = open_store(db)
    old = store.session("old")
    assert old is not None and [(s.label, s.outcome) for s in old.segments] == [
        ("Hold", "completed")]
    store.save(record(uid="s2", segments=[seg(0), seg(1, "hurt")]))
    assert [s.outcome for s in store.session("s2").segments] == [  # type: ignore[union-attr]
        "completed", "hurt"]
    store.close()
    with pytest.raises(sqlite3.IntegrityError):  # the CHECK still refuses anything else
        conn = sqlite3.connect(db)
        conn.execute("UPDATE segment SET outcome = 'nonsense'")


def test_migration_from_an_empty_file(db: Path) -> None:
    db.write_bytes(b"")
    store = open_store(db)
    assert store.persistent and store.notices == []
    store.save(record())
    assert store.count() == 1


def test_failed_migration_leaves_the_old_version(db: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    make_v1(db)
    from soleus_coach.history import store as store_mod
    monkeypatch.setattr(store_mod, "MIGRATIONS",
                        (MIGRATIONS[0], MIGRATIONS[1] + "\nUPDATE session SET status = 'bad';",
                         *MIGRATIONS[2:]))
    store = open_store(db)
    assert not store.persistent  # falls back to memory, says so
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = {r[1] for r in conn.execute("PRAGMA table_info(session)")}
    assert "flags_before" not in cols  # the half-done step was rolled back


# ---------------------------------------------------------------- bad files


@pytest.mark.parametrize("content", [b"\x00" * 4096, b"this is not a database at all\n" * 50,
                                     b"SQLite format 3\x00" + b"\xff" * 200])
def test_corrupt_file_is_moved_aside_with_timestamp(db: Path, content: bytes) -> None:
    db.write_bytes(content)
    store = open_store(db, now=lambda: T0)
    assert store.persistent
    (notice,) = store.notices
    assert notice.kind is NoticeKind.MOVED_ASIDE
    assert notice.path == db.with_name("history.sqlite3.unusable-20261102T073000Z")
    assert notice.path.read_bytes() == content  # nothing lost
    assert str(notice.path) in notice.text
    store.save(record())
    assert store.count() == 1


def scribble_over_pages(db: Path) -> None:
    """Damage pages 3 and 4 of a closed database, as a failing disk might."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = bytearray(db.read_bytes())
    raw[8192:16384] = b"\xa5" * 8192
    db.write_bytes(bytes(raw))


def test_damaged_pages_are_detected_and_moved_aside(db: Path) -> None:
    store = open_store(db)
    for i in range(300):
        store.save(record(f"s{i}", notes="x" * 500, segments=[seg(0)]))
    store.close()
    scribble_over_pages(db)
    store = open_store(db, now=lambda: T0)
    assert [n.kind for n in store.notices] == [NoticeKind.MOVED_ASIDE]
    assert "damaged" in store.notices[0].text


def test_foreign_sqlite_file_is_moved_aside(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann')")
    conn.commit()
    conn.close()
    store = open_store(db, now=lambda: T0)
    (notice,) = store.notices
    assert notice.kind is NoticeKind.MOVED_ASIDE and "does not belong" in notice.text
    moved = sqlite3.connect(notice.path)  # type: ignore[arg-type]
    assert moved.execute("SELECT name FROM contacts").fetchone() == ("Ann",)


def test_newer_schema_is_left_untouched(db: Path) -> None:
    store = open_store(db)
    store.save(record())
    store.close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.NEWER]
    assert "newer version" in store.notices[0].text and not store.persistent
    store.save(record("new"))  # the session still runs, in memory
    assert store.count() == 1
    store.close()
    assert db.read_bytes() == before


def test_folder_that_cannot_be_created_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = open_store(blocker / "history.sqlite3")
    assert not store.persistent
    assert [n.kind for n in store.notices] == [NoticeKind.NOT_SAVED]
    assert "export them" in store.notices[0].text
    store.save(record())
    assert store.count() == 1


def test_full_disk_raises_clear_error_and_loses_nothing_written(db: Path) -> None:
    store = open_store(db)
    store.save(record("kept"))
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    big = record("big", notes="n" * 100_000)
    with pytest.raises(StoreWriteError, match="full"):
        store.save(big)
    assert [r.uid for r in store.sessions()] == ["kept"]
    assert store.integrity() == "ok"


def test_recorder_keeps_the_record_and_retries_after_a_failed_write(db: Path) -> None:
    store = open_store(db)
    protocol = load_file(paths.bundled_protocols_dir() / "post-run-soleus.json")
    plan = build_plan(protocol, Settings())
    clock = FakeClock()
    engine = Engine(plan, clock)
    errors: list[str] = []
    rec = SessionRecorder(store, engine, plan, digest=protocol.digest, now=lambda: T0)
    rec.on_error = errors.append
    engine.start()
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    rec.record.notes = "z" * 50_000
    engine.skip()
    engine.skip()
    assert not rec.saved and len(errors) == 1  # told once, not at every event
    store._conn.execute("PRAGMA max_page_count = 1000000")  # space again
    engine.skip()
    assert rec.saved
    back = store.session(rec.record.uid)
    assert back is not None and len(back.segments) == 3


# ---------------------------------------------------------------- recorder


def test_recorder_writes_a_whole_session(db: Path) -> None:
    store = open_store(db)
    protocol = load_file(paths.bundled_protocols_dir() / "post-run-soleus.json")
    plan = build_plan(protocol, Settings())
    clock = FakeClock()
    engine = Engine(plan, clock)
    rec = SessionRecorder(store, engine, plan, digest=protocol.digest, leg="left",
                          before=CheckIn(pain=3), now=lambda: T0)
    engine.start()
    row = store.session(rec.record.uid)
    assert row is not None and row.status is Status.IN_PROGRESS  # written at start
    clock.advance(5)
    engine.toggle_pause()
    clock.advance(20)
    engine.toggle_pause()
    engine.skip()
    clock.advance(plan.total_s + 100)
    engine.poll()
    assert engine.state is State.FINISHED
    rec.set_after(CheckIn(pain=1))
    back = store.session(rec.record.uid)
    assert back is not None
    assert back.status is Status.COMPLETED and back.after == CheckIn(pain=1)
    assert back.protocol_digest == protocol.digest and back.leg == "left"
    assert len(back.segments) == len(plan.segments)
    assert back.segments[0].outcome == "skipped" and back.segments[0].actual_s == 5
    assert all(s.outcome == "completed" for s in back.segments[1:])
    assert back.paused_s == 20
    assert back.active_s == pytest.approx(sum(s.actual_s for s in back.segments))


# ---------------------------------------------------------------- queries


def test_filter_by_routine_and_date_range(db: Path) -> None:
    store = open_store(db)
    for i in range(10):
        store.save(record(f"s{i}", start=T0 + timedelta(days=i),
                          protocol="a" if i % 2 else "b"))
    assert [r.uid for r in store.sessions(protocol_id="a")] == ["s9", "s7", "s5", "s3", "s1"]
    got = store.sessions(since=T0 + timedelta(days=2), until=T0 + timedelta(days=5))
    assert [r.uid for r in got] == ["s4", "s3", "s2"]
    assert [r.uid for r in store.sessions(limit=2)] == ["s9", "s8"]
    assert store.routines() == [("a", "Routine a"), ("b", "Routine b")]


def test_summary_week_and_streak_in_local_time() -> None:
    tz = timezone(timedelta(hours=-5))
    store = open_snapshot(Path("/nonexistent/history.sqlite3"))  # an empty store in memory
    today = date(2026, 11, 12)  # Thursday
    local = [datetime(2026, 11, d, 21, 0, tzinfo=tz) for d in (8, 9, 10, 11, 12)]
    for i, moment in enumerate(local):
        store.save(record(f"s{i}", start=moment.astimezone(UTC), active_s=300))
    store.save(record("tiny", start=datetime(2026, 11, 6, 9, tzinfo=tz), active_s=10,
                      status=Status.STOPPED))  # does not count: 10 s
    s = store.summary(today, tz)
    # 21:00 at UTC-5 is the next day in UTC: counted by the local day all the same.
    assert s.streak_days == 5
    assert s.week_sessions == 4  # Mon 9 .. Thu 12 (Sunday 8 is last week)
    assert s.week_minutes == 20
    assert s.total_sessions == 6
    assert store.summary(date(2026, 11, 13), tz).streak_days == 5  # alive until day's end
    assert store.summary(date(2026, 11, 14), tz).streak_days == 0
    weeks = store.weekly(today, 3, tz)
    assert [(w.week_start.isoformat(), w.sessions) for w in weeks] == [
        ("2026-10-26", 0), ("2026-11-02", 1), ("2026-11-09", 4)]


def test_weekly_figures(db: Path) -> None:
    store = open_store(db)
    today = date(2026, 11, 18)  # Wednesday
    store.save(record("a", start=datetime(2026, 11, 16, 8, tzinfo=UTC), active_s=600,
                      after=CheckIn(pain=4)))
    store.save(record("b", start=datetime(2026, 11, 17, 8, tzinfo=UTC), active_s=900,
                      after=CheckIn(pain=2)))
    store.save(record("c", start=datetime(2026, 11, 3, 8, tzinfo=UTC), active_s=1200))
    weeks = store.weekly(today, 3, UTC)
    assert [w.week_start for w in weeks] == [date(2026, 11, 2), date(2026, 11, 9),
                                              date(2026, 11, 16)]
    assert [(w.sessions, w.minutes, w.mean_pain_after) for w in weeks] == [
        (1, 20.0, None), (0, 0.0, None), (2, 25.0, 3.0)]
    assert store.recent_pain_after() == [4, 2]
    assert store.last_checkin() == CheckIn(pain=2)


# ---------------------------------------------------------------- export


def sample_store(db: Path) -> list[SessionRecord]:
    store = open_store(db)
    recs = [
        record("s1", before=CheckIn(pain=3), after=CheckIn(pain=1, swelling=True),
               notes='quote " comma , newline\nand =SUM(A1)', segments=[seg(0), seg(1)],
               events=[EventRecord(T0, "it_hurts",
                                   '{"at_s":4.0,"choice":"stop","segment":"Wändé","side":null}')]),
        record("s2", start=T0 + timedelta(days=1), status=Status.INTERRUPTED),
    ]
    for r in recs:
        store.save(r)
    return [store.session(r.uid) for r in recs]  # type: ignore[misc]


def test_json_export_round_trips(db: Path) -> None:
    recs = sample_store(db)
    out = io.StringIO()
    assert export.write_json(recs, out, exported_at=T0) == 2
    data = json.loads(out.getvalue())
    assert data["format"] == "soleus-coach-history" and data["exported_at"].endswith("+00:00")
    assert data["sessions"][0]["events"][0]["detail"]["segment"] == "Wändé"
    assert export.read_json(io.StringIO(out.getvalue())) == recs


def test_csv_export_round_trips_the_session_fields(db: Path) -> None:
    recs = sample_store(db)
    out = io.StringIO()
    export.write_csv(recs, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2
    first = rows[0]
    assert datetime.fromisoformat(first["started_at"]) == recs[0].started_at
    assert first["notes"] == recs[0].notes  # does not start with a formula character
    assert (first["pain_before"], first["pain_after"], first["flags_after"]) == ("3", "1",
                                                                               "swelling")
    assert first["segments_completed"] == "2" and rows[1]["status"] == "interrupted"
    assert rows[1]["ended_at"] != "" and float(rows[1]["active_s"]) == 600


def test_csv_neutralises_formulas() -> None:
    out = io.StringIO()
    export.write_csv([record(notes="=HYPERLINK(\"x\")")], out)
    assert next(iter(csv.DictReader(io.StringIO(out.getvalue()))))["notes"].startswith("'=")


def test_cli_list_and_export(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(paths.history_db_path())
    store.save(record("s1", before=CheckIn(pain=4), after=CheckIn(pain=2)))
    store.save(record("s2", start=T0 + timedelta(hours=1), status=Status.IN_PROGRESS))
    out = io.StringIO()
    assert cli.main(["history", "list"], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["STARTED", "ROUTINE", "ACTIVE", "STATUS", "PAIN"]
    assert "in progress" in lines[1] and "4→2" in lines[2] and "10:00" in lines[2]
    out = io.StringIO()
    assert cli.main(["history", "export", "--format", "json"], out) == 0
    assert [s["id"] for s in json.loads(out.getvalue())["sessions"]] == ["s1", "s2"]
    target = db.parent / "out.csv"
    assert cli.main(["history", "export", "--format", "csv", "--output", str(target)]) == 0
    assert len(list(csv.DictReader(target.open()))) == 2
    assert "2 session(s) written" in capsys.readouterr().err
    # The command line only reads: the live session is still in progress.
    assert store.session("s2").status is Status.IN_PROGRESS  # type: ignore[union-attr]


def test_cli_export_to_unwritable_path(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    code = cli.main(["history", "export", "-o", str(tmp_path / "no" / "such" / "f.csv")],
                    io.StringIO())
    assert code == 1 and "cannot write" in capsys.readouterr().err


def test_large_files_are_checked_after_an_unclean_shutdown(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soleus_coach.history import store as store_mod

    monkeypatch.setattr(store_mod, "QUICK_CHECK_MAX_BYTES", 0)  # every file is "large"
    store = open_store(db)
    for i in range(300):
        store.save(record(f"s{i}", notes="x" * 500))
    store.save(record("live", status=Status.IN_PROGRESS))  # then the app is killed
    store.close()
    scribble_over_pages(db)
    store = open_store(db, now=lambda: T0)
    assert [n.kind for n in store.notices] == [NoticeKind.MOVED_ASIDE]
