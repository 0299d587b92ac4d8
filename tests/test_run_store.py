"""Runs and shoes in the history database: the migrations keep every session and run (from
schema 2 and from schema 3); adding, listing, one clock, the best source winning a duplicate,
runs marked "not sure", weekly and monthly figures, shoes with their totals, delete."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    NoticeKind,
    open_store,
)
from soleus_coach.runs import Run, Source, Surface
from tests.runfiles import LocalZone

T0 = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)  # a Monday


@pytest.fixture
def berlin() -> Iterator[None]:
    zone = LocalZone("Europe/Berlin")
    yield
    zone.restore()


def run(day: float, km: float, *, climb: float | None = None, shoe: str = "",
        minutes: float | None = None, source: Source = Source.MANUAL,
        offset: int | None = None, not_sure: bool = False, name: str = "") -> Run:
    start = T0 + timedelta(days=day)
    seconds = (minutes or km * 5.5) * 60
    return Run(start=start, distance_m=km * 1000, moving_s=seconds, elapsed_s=seconds,
               source=source, climb_m=climb, shoe=shoe, utc_offset_s=offset,
               not_sure=not_sure, name=name)


def make_old(db: Path, version: int, sessions: int) -> None:
    """A history as the released app wrote it at ``version`` (its migrations run as it ran
    them), with sessions, segments and events in it."""
    conn = sqlite3.connect(db)
    for v, script in enumerate(MIGRATIONS[:version], 1):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {v}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for i in range(sessions):
        start = (T0 - timedelta(days=i)).isoformat(timespec="milliseconds")
        conn.execute(
            "INSERT INTO session (uid, protocol_id, protocol_name, protocol_digest, started_at, "
            "ended_at, updated_at, planned_s, active_s, status, leg, pain_before, pain_after, "
            "notes, flags_before, flags_after) VALUES (?, 'post-run-soleus', 'Post-run', 'dd', "
            "?, ?, ?, 1440, 1400, 'completed', 'left', 3, ?, ?, '', 'swelling')",
            (f"s{i}", start, start, start, i % 11, f"note {i}"))
        conn.execute("INSERT INTO segment VALUES (?, 0, 'hold', 'Hold', 'left', 1, 30, 30, "
                     "'completed', ?)", (i + 1, start))
        conn.execute("INSERT INTO event VALUES (?, 0, ?, 'red_flag', '{}')", (i + 1, start))
    conn.commit()
    conn.close()


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_migration_from_schema_2_keeps_every_session(tmp_path: Path) -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 4
    db = tmp_path / "history.sqlite3"
    make_old(db, 2, 250)
    before = rows(db, "SELECT uid, started_at, pain_after, notes FROM session ORDER BY uid")
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MIGRATED]
    assert db.with_name("history.sqlite3.v2-backup").is_file()
    assert store.count() == 250
    after = store._conn.execute(
        "SELECT uid, started_at, pain_after, notes FROM session ORDER BY uid").fetchall()
    assert after == before
    rec = store.session("s7")
    assert rec is not None and len(rec.segments) == 1 and len(rec.events) == 1
    assert rec.after is not None and rec.after.swelling
    assert store.add_run(run(0, 10)).new and store.run_count() == 1
    store.close()
    assert rows(db, "PRAGMA user_version")[0][0] == SCHEMA_VERSION
    kinds = {r[0] for r in rows(db, "SELECT type FROM sqlite_schema WHERE name NOT LIKE "
                                    "'sqlite_%'")}
    assert kinds == {"table", "index"}  # no views or triggers


RUN_COLUMNS = ("id, content_hash, started_at, distance_m, moving_s, elapsed_s, climb_m, sport, "
               "source, file_name, name, surface, shoe_id, imported_at")


def test_migration_from_schema_3_keeps_every_run_and_gives_each_its_clock(
        tmp_path: Path, berlin: None) -> None:
    """A version-3 history with sessions, shoes and runs (a FIT with its own zone, files
    without one in summer and in winter): nothing is lost, and every run gets the offset it
    was shown in before (the computer's at its date) and its local clock."""
    db = tmp_path / "history.sqlite3"
    make_old(db, 3, 40)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO shoe (name) VALUES ('Pegasus')")
    runs = [("2026-07-01T05:00:00.000+00:00", None, "gpx"),  # Berlin summer: +2 h
            ("2026-01-15T17:30:00.000+00:00", None, "tcx"),  # Berlin winter: +1 h
            ("2026-03-29T00:30:00.000+00:00", None, "gpx"),  # the night the clocks change
            ("2026-11-01T10:42:00.000+00:00", -14400, "fit")]  # New York, the watch says
    for i, (started, offset, source) in enumerate(runs):
        conn.execute(
            "INSERT INTO run (content_hash, started_at, utc_offset_s, distance_m, moving_s, "
            "elapsed_s, climb_m, sport, source, file_name, name, surface, shoe_id, "
            "imported_at) VALUES (?, ?, ?, ?, 1800, 1900, 40, 'running', ?, ?, ?, 'trail', "
            "?, '2026-11-20T00:00:00.000+00:00')",
            (f"h{i}", started, offset, 5000 + i, source, f"f{i}.{source}", f"Run {i}",
             1 if i % 2 else None))
    conn.commit()
    conn.close()
    sessions_before = rows(db, "SELECT * FROM session ORDER BY id")
    segments_before = rows(db, "SELECT * FROM segment ORDER BY session_id")
    runs_before = rows(db, f"SELECT {RUN_COLUMNS} FROM run ORDER BY id")

    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MIGRATED]
    assert db.with_name("history.sqlite3.v3-backup").is_file()
    store.close()
    assert rows(db, "SELECT * FROM session ORDER BY id") == sessions_before
    assert rows(db, "SELECT * FROM segment ORDER BY session_id") == segments_before
    assert rows(db, f"SELECT {RUN_COLUMNS} FROM run ORDER BY id") == runs_before
    assert rows(db, "SELECT utc_offset_s, started_local, not_sure FROM run ORDER BY id") == [
        (7200, "2026-07-01T07:00:00.000", 0), (3600, "2026-01-15T18:30:00.000", 0),
        (3600, "2026-03-29T01:30:00.000", 0), (-14400, "2026-11-01T06:42:00.000", 0)]
    store = open_store(db)
    shown = [r.local_start.strftime("%Y-%m-%d %H:%M") for r in store.runs(descending=False)]
    assert shown == ["2026-01-15 18:30", "2026-03-29 01:30", "2026-07-01 07:00",
                     "2026-11-01 06:42"]
    assert store.shoes()[0].runs == 2 and store.count() == 40


def test_add_list_delete_and_duplicates(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3", now=lambda: T0)
    stored = store.add_runs([run(0, 10, shoe="Pegasus"), run(1, 5), run(0, 10.05)])
    assert [s.new for s in stored] == [True, True, False]
    first = stored[0].run
    assert first.id is not None and store.run(first.id) == first
    assert stored[2].run.id == first.id  # the duplicate names the run already stored
    assert [r.distance_m for r in store.runs()] == [5000, 10000]
    assert [r.distance_m for r in store.runs(descending=False, limit=1)] == [10000]
    assert store.runs(since=T0 + timedelta(hours=12)) == [stored[1].run]
    removed = store.delete_run(first.id)
    assert removed == first and store.run_count() == 1
    assert store.add_run(removed).new  # undo: added back


def test_the_best_source_wins_and_the_run_keeps_its_name_shoes_and_surface(
        tmp_path: Path) -> None:
    """The issue's case: the GPX (14.17 km, 1:18:46, gpxpy's time, no zone) came before the
    watch's FIT (14.00 km, 1:23:09, UTC-4): the FIT's figures and zone replace the GPX's."""
    store = open_store(tmp_path / "h.sqlite3")
    start = datetime(2026, 10, 4, 9, 42, tzinfo=UTC)
    gpx = Run(start=start, distance_m=14_170, moving_s=4726, elapsed_s=5100,
              source=Source.GPX, file_name="a.gpx", name="Sunday long run", climb_m=120)
    first = store.add_run(gpx)
    assert first.new and first.run.utc_offset_s == 0  # this computer's (UTC)
    run_id = first.run.id
    assert run_id is not None
    store.set_run_details(run_id, shoe="Pegasus", surface=Surface.TRAIL)
    fit = Run(start=start + timedelta(seconds=1), distance_m=14_000, moving_s=4989,
              elapsed_s=5200, source=Source.FIT, file_name="a.fit", utc_offset_s=-14400,
              climb_m=131)
    kept = store.add_run(fit)
    assert (kept.new, kept.replaced, kept.run.id) == (False, Source.GPX, run_id)
    got = store.run(run_id)
    assert got is not None
    assert (got.distance_m, got.moving_s, got.elapsed_s, got.climb_m, got.source,
            got.file_name, got.utc_offset_s) == (14_000, 4989, 5200, 131, Source.FIT,
                                                 "a.fit", -14400)
    assert (got.name, got.shoe, got.surface) == ("Sunday long run", "Pegasus", Surface.TRAIL)
    assert got.local_start.strftime("%H:%M") == "05:42" and store.run_count() == 1
    # a worse source later changes nothing; the same file again is a plain duplicate
    assert store.add_run(gpx).replaced is None and store.run(run_id) == got
    assert store.add_run(fit).replaced is None
    # a run typed in by hand is the runner's own: never replaced by a file
    hand = store.add_run(run(3, 8))
    file = store.add_run(run(3, 8.05, source=Source.FIT))
    assert not file.new and file.replaced is None and file.run.source is Source.MANUAL
    assert hand.run.id == file.run.id


def test_a_run_marked_not_sure_counts_nowhere_until_confirmed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    sure = store.add_run(run(0, 10, shoe="Pegasus")).run
    doubtful = store.add_run(run(2, 6, minutes=66, source=Source.GPX, not_sure=True,
                                 shoe="Pegasus")).run
    assert doubtful.not_sure and doubtful.id is not None
    assert store.run_count() == 2 and store.run_count(not_sure=True) == 1
    assert [r.id for r in store.runs(not_sure=False)] == [sure.id]
    week = store.weekly_runs(date(2026, 11, 4), 1)[0]
    assert (week.runs, week.distance_m) == (1, 10_000)
    assert store.shoes()[0].distance_m == 10_000
    # the watch's file of the same run says it was a run: no longer "not sure"
    confirmed = store.add_run(run(2, 6, minutes=66, source=Source.FIT))
    assert confirmed.confirmed and confirmed.replaced is Source.GPX
    assert not confirmed.run.not_sure and store.run_count(not_sure=True) == 0
    third = store.add_run(run(4, 4, minutes=40, source=Source.TCX, not_sure=True)).run
    assert third.id is not None
    store.confirm_run(third.id)
    assert store.weekly_runs(date(2026, 11, 8), 1)[0].distance_m == 20_000


def test_shoes_keep_running_totals(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.add_runs([run(0, 10, shoe="Pegasus"), run(1, 8, shoe="pegasus"), run(2, 21.1,
                                                                            shoe="Trail")])
    spare = store.add_shoe("Spare")
    assert [(s.name, s.distance_m, s.runs) for s in store.shoes()] == [
        ("Pegasus", 18000, 2), ("Spare", 0, 0), ("Trail", 21100, 1)]
    store.set_shoe_retired(spare.id, True)
    assert store.shoes()[-1].name == "Spare" and store.shoes()[-1].retired
    (r,) = store.runs(limit=1)
    assert r.id is not None
    store.set_run_details(r.id, shoe="Spare", surface=Surface.TRAIL)
    again = store.run(r.id)
    assert again is not None and again.shoe == "Spare" and again.surface is Surface.TRAIL


def test_weeks_and_months_are_the_runs_own_local_days(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.add_runs([run(0, 10, climb=100), run(2, 5), run(7, 12, climb=60), run(8, 3)])
    weeks = store.weekly_runs(date(2026, 11, 11), weeks=3)
    assert [w.week_start for w in weeks] == [date(2026, 10, 26), date(2026, 11, 2),
                                             date(2026, 11, 9)]
    assert [(w.runs, w.distance_m, w.longest_m) for w in weeks] == [
        (0, 0, 0), (2, 15000, 10000), (2, 15000, 12000)]
    assert weeks[1].climb_per_km == 10.0 and weeks[2].climb_per_km == 5.0
    assert weeks[0].climb_per_km is None
    # Sunday 23:30 in New York is Monday 03:30 UTC: the runner's Sunday, last week
    store.add_run(Run(start=datetime(2026, 11, 16, 4, 30, tzinfo=UTC), distance_m=7000,
                      moving_s=2400, elapsed_s=2400, source=Source.FIT, utc_offset_s=-5 * 3600))
    assert store.weekly_runs(date(2026, 11, 16), 2)[0].distance_m == 22_000
    assert [r.distance_m for r in store.runs(first_day=date(2026, 11, 15),
                                             last_day=date(2026, 11, 15))] == [7000]
    months = store.run_buckets(date(2026, 9, 20), date(2026, 12, 3), "month")
    assert [(m.week_start, m.runs, m.distance_m) for m in months] == [
        (date(2026, 9, 1), 0, 0), (date(2026, 10, 1), 0, 0), (date(2026, 11, 1), 5, 37000),
        (date(2026, 12, 1), 0, 0)]
    assert store.first_run_day() == date(2026, 11, 2)
    assert store.first_run_day(before=date(2026, 11, 2)) is None
    assert store.activity_span() == (date(2026, 11, 2), date(2026, 11, 15))


def test_sessions_and_runs_live_side_by_side(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.save(SessionRecord(uid="a", protocol_id="p", protocol_name="P", protocol_digest="d",
                             started_at=T0, planned_s=60, status=Status.COMPLETED,
                             active_s=60))
    store.add_run(run(0, 10))
    assert store.count() == 1 and store.run_count() == 1
    (month,) = store.session_buckets(date(2026, 11, 1), date(2026, 11, 30), "month")
    assert (month.sessions, month.minutes) == (1, 1.0)
    assert store.activity_span() == (date(2026, 11, 2), date(2026, 11, 2))
    assert store.delete("a") is not None and store.run_count() == 1


def test_the_command_line_never_marks_a_live_session_interrupted(tmp_path: Path) -> None:
    """`runs import` while the app records a routine: the session stays in progress (the
    app's own next start recovers a session it really left)."""
    import io

    from soleus_coach import cli, paths
    from tests.runfiles import Track, gpx, write

    store = open_store(paths.history_db_path())
    store.save(SessionRecord(uid="live", protocol_id="p", protocol_name="P",
                             protocol_digest="d", started_at=datetime.now(UTC), planned_s=600))
    assert store.session("live").status is Status.IN_PROGRESS  # type: ignore[union-attr]
    path = write(tmp_path, "run.gpx", gpx(Track()))
    assert cli.main(["runs", "import", str(path)], io.StringIO()) == 0
    assert store.session("live").status is Status.IN_PROGRESS  # type: ignore[union-attr]
    assert store.run_count() == 1
    store.close()
    again = open_store(paths.history_db_path())  # the app's start: it recovers
    assert again.session("live").status is Status.INTERRUPTED  # type: ignore[union-attr]
