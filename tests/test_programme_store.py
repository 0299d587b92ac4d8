"""A programme in the history database: an older file migrates and loses nothing, and a
process killed while it records answers keeps every answer it had written."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from soleus_coach.history.programme_store import MIGRATION_PROGRAMME
from soleus_coach.history.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    NoticeKind,
    open_store,
)
from soleus_coach.programme.records import (
    Choice,
    EventKind,
    MorningCheck,
    PainDuring,
    ProgrammeEvent,
    Reason,
    Rule,
    SuggestionKind,
    SuggestionRecord,
)
from tests.conftest import ROOT

T0 = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def make_before(db: Path, sessions: int) -> int:
    """The history as the app wrote it before programmes: every step before ours, with
    sessions, segments and a run in it. Returns its version."""
    version = MIGRATIONS.index(MIGRATION_PROGRAMME)
    conn = sqlite3.connect(db)
    for n, script in enumerate(MIGRATIONS[:version], 1):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {n}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for i in range(sessions):
        start = (T0 - timedelta(days=i)).isoformat(timespec="milliseconds")
        conn.execute(
            "INSERT INTO session (uid, protocol_id, protocol_name, protocol_digest, started_at, "
            "ended_at, updated_at, planned_s, active_s, status, leg, pain_before, pain_after, "
            "notes) VALUES (?, 'eccentric-heel-drops', 'Heel drops', 'dd', ?, ?, ?, 600, 590, "
            "'completed', 'left', 2, ?, ?)", (f"s{i}", start, start, start, i % 11, f"note {i}"))
        conn.execute("INSERT INTO segment VALUES (?, 0, 'set', 'Set', 'left', 1, 30, 30, "
                     "'completed', ?)", (i + 1, start))
    conn.execute("INSERT INTO run (content_hash, started_at, distance_m, moving_s, elapsed_s, "
                 "source, imported_at) VALUES ('h', ?, 8000, 2600, 2700, 'manual', ?)",
                 (T0.isoformat(), T0.isoformat()))
    conn.commit()
    conn.close()
    return version


def test_an_older_history_migrates_and_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    version = make_before(db, 120)
    before = sqlite3.connect(db).execute(
        "SELECT uid, started_at, pain_after, notes FROM session ORDER BY uid").fetchall()
    store = open_store(db)
    assert [n.kind for n in store.notices] == [NoticeKind.MIGRATED]
    assert db.with_name(f"history.sqlite3.v{version}-backup").is_file()
    after = store._conn.execute(
        "SELECT uid, started_at, pain_after, notes FROM session ORDER BY uid").fetchall()
    assert after == before and store.count() == 120 and store.run_count() == 1
    rec = store.session("s3")
    assert rec is not None and len(rec.segments) == 1
    # The new tables work.
    store.add_programme_event(ProgrammeEvent(T0, T0.date(), "p", EventKind.START, 0, "P"))
    store.save_morning_check(MorningCheck(T0.date(), T0, 2, False))
    store.save_pain_during(PainDuring("s3", T0, 4))
    sid = store.add_suggestion(SuggestionRecord(T0.date(), T0, "p", 0, SuggestionKind.EASE_OFF,
                                                (Reason(Rule.PAIN_DURING, (6,), (T0.date(),)),)))
    store.choose(sid, Choice.KEPT_GOING, T0)
    store.close()
    store = open_store(db)
    assert store.notices == []
    assert store.morning_check(T0.date()) == MorningCheck(T0.date(), T0, 2, False)
    assert store.pain_during(["s3"])["s3"].pain == 4
    assert [(s.kind, s.choice) for s in store.suggestions()] == [(SuggestionKind.EASE_OFF,
                                                                  Choice.KEPT_GOING)]
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kinds = {r[0] for r in conn.execute("SELECT type FROM sqlite_schema WHERE name NOT LIKE "
                                        "'sqlite_%'")}
    assert kinds == {"table", "index"}  # no views or triggers


def test_a_skipped_morning_is_kept_and_an_answer_later_that_day_replaces_it(tmp_path: Path
                                                                           ) -> None:
    store = open_store(tmp_path / "h.sqlite3")
    store.save_morning_check(MorningCheck(T0.date(), T0, None, None))
    assert store.morning_check(T0.date()).skipped  # type: ignore[union-attr]
    store.save_morning_check(MorningCheck(T0.date(), T0 + timedelta(hours=2), 3, True))
    store.save_morning_check(MorningCheck(T0.date(), T0 + timedelta(hours=3), None, None))
    assert store.morning_check(T0.date()) == MorningCheck(T0.date(), T0 + timedelta(hours=2),
                                                          3, True)
    store.close()


WRITER = textwrap.dedent("""
    import sys
    from datetime import timedelta
    from soleus_coach.programme.records import Choice
    from tests.programme_sim import MONDAY, Now, make_tracker, session

    now = Now(MONDAY, 7)
    tracker, store = make_tracker(__import__("pathlib").Path(sys.argv[1]), now)
    if tracker.state() is None:
        tracker.start("soleus-loading-12-weeks")
    for n in range(1, 400):
        day = MONDAY + timedelta(days=n)
        now.set(day - timedelta(days=1), 18)
        uid = session(store, "heel-drops-both-legs", now.moment, after=n % 4)
        tracker.answer_pain_during(uid, n % 6)
        print("during", uid, n % 6, flush=True)
        now.set(day, 7)
        tracker.answer_morning(n % 5, n % 2 == 0)
        print("morning", day.isoformat(), n % 5, flush=True)
        rec = tracker.suggestion()
        if rec is not None:
            tracker.choose(rec, Choice.KEPT_GOING)
            print("choice", rec.id, flush=True)
""")


def test_a_kill_mid_programme_loses_no_answer(tmp_path: Path) -> None:
    """SIGKILL at random moments while answers are written: each answer the writer had
    reported as recorded is in the history, with its choice, and the file is sound."""
    db = tmp_path / "history.sqlite3"
    rng = random.Random(28)
    for rnd in range(6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        want = rng.randint(5, 60)
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while len(lines) < want and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.split())
        time.sleep(rng.uniform(0, 0.05))  # land anywhere, even mid-write
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert len(lines) >= want, f"round {rnd}: {proc.stderr.read() if proc.stderr else ''}"
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", rnd
        conn.close()
        store = open_store(db)
        try:
            during = store.pain_during([w[1] for w in lines if w[0] == "during"])
            for kind, key, *value in lines:
                if kind == "during":
                    assert during[key].pain == int(value[0]), (rnd, key)
                elif kind == "morning":
                    check = store.morning_check(datetime.fromisoformat(key).date())
                    assert check is not None and check.pain == int(value[0]), (rnd, key)
            chosen = {s.id: s.choice for s in store.suggestions()}
            for kind, key, *_ in lines:
                if kind == "choice":
                    assert chosen[int(key)] is Choice.KEPT_GOING, (rnd, key)
        finally:
            store.close()
