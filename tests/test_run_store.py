"""Runs and shoes in the history database: the migration from schema 2 keeps every session;
adding, listing, weekly figures, shoes with their totals, delete."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    NoticeKind,
    open_store,
)
from soleus_coach.runs import Run, Source, Surface

T0 = datetime(2026, 11, 2, 7, 30, tzinfo=UTC)  # a Monday


def run(day: float, km: float, *, climb: float | None = None, shoe: str = "",
        minutes: float | None = None) -> Run:
    start = T0 + timedelta(days=day)
    seconds = (minutes or km * 5.5) * 60
    return Run(start=start, distance_m=km * 1000, moving_s=seconds, elapsed_s=seconds,
               source=Source.MANUAL, climb_m=climb, shoe=shoe)


def make_v2(db: Path, sessions: int) -> None:
    """Today's schema (version 2), made by running the first two migrations as the released
    app did, with sessions, segments and events in it."""
    conn = sqlite3.connect(db)
    for version, script in enumerate(MIGRATIONS[:2], 1):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {version}")
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


def test_migration_from_schema_2_keeps_every_session(tmp_path: Path) -> None:
    assert SCHEMA_VERSION >= 3  # from 2, through every later step
    db = tmp_path / "history.sqlite3"
    make_v2(db, 250)
    before = sqlite3.connect(db).execute(
        "SELECT uid, started_at, pain_after, notes FROM session ORDER BY uid").fetchall()
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
    assert store.add_run(run(0, 10))[1] and store.run_count() == 1
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kinds = {r[0] for r in conn.execute("SELECT type FROM sqlite_schema WHERE name NOT LIKE "
                                        "'sqlite_%'")}
    assert kinds == {"table", "index"}  # no views or triggers


def test_add_list_delete_and_duplicates(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3", now=lambda: T0)
    stored = store.add_runs([run(0, 10, shoe="Pegasus"), run(1, 5), run(0, 10.05)])
    assert [new for _r, new in stored] == [True, True, False]
    first = stored[0][0]
    assert first.id is not None and store.run(first.id) == first
    assert stored[2][0].id == first.id  # the duplicate names the run already stored
    assert [r.distance_m for r in store.runs()] == [5000, 10000]
    assert [r.distance_m for r in store.runs(descending=False, limit=1)] == [10000]
    assert store.runs(since=T0 + timedelta(hours=12)) == [stored[1][0]]
    removed = store.delete_run(first.id)
    assert removed == first and store.run_count() == 1
    assert store.add_run(removed)[1]  # undo: added back


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


def test_weekly_runs_in_local_weeks(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.add_runs([run(0, 10, climb=100), run(2, 5), run(7, 12, climb=60), run(8, 3)])
    weeks = store.weekly_runs(date(2026, 11, 11), weeks=3, tz=UTC)
    assert [w.week_start for w in weeks] == [date(2026, 10, 26), date(2026, 11, 2),
                                             date(2026, 11, 9)]
    assert [(w.runs, w.distance_m, w.longest_m) for w in weeks] == [
        (0, 0, 0), (2, 15000, 10000), (2, 15000, 12000)]
    assert weeks[1].climb_per_km == 10.0 and weeks[2].climb_per_km == 5.0
    assert weeks[0].climb_per_km is None


def test_sessions_and_runs_live_side_by_side(tmp_path: Path) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.save(SessionRecord(uid="a", protocol_id="p", protocol_name="P", protocol_digest="d",
                             started_at=T0, planned_s=60, status=Status.COMPLETED))
    store.add_run(run(0, 10))
    assert store.count() == 1 and store.run_count() == 1
    assert store.delete("a") is not None and store.run_count() == 1
