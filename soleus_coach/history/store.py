"""The session history in SQLite (standard library). No Qt.

Durability: WAL with ``synchronous=FULL``, so every committed change survives the app being
killed or the laptop losing power. The session row is written when a session starts and
updated as it goes; a row still ``in_progress`` at the next start is marked ``interrupted``
with the segments it finished kept (:meth:`HistoryStore.recover`).

Opening never raises (:func:`open_store`): a damaged or foreign file is moved aside, a
newer schema is left untouched, an unwritable folder falls back to a store in memory; each
case leaves a :class:`Notice` for the user.
"""

from __future__ import annotations

import functools
import logging
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from soleus_coach import texts
from soleus_coach.checkin import CheckIn
from soleus_coach.history.programme_store import MIGRATION_PROGRAMME, ProgrammeStore
from soleus_coach.history.records import (
    EventRecord,
    SegmentRecord,
    SessionRecord,
    SessionRow,
    Status,
    Summary,
    WeekStat,
    from_iso,
    local_midnight_utc,
    offset_modifier,
    to_iso,
    utc_now,
)
from soleus_coach.history.run_store import MIGRATION_RUNS, MIGRATION_RUNS_2, RunStore

log = logging.getLogger(__name__)

#: Written into the file header so a foreign SQLite file is never mistaken for ours ("SOLE").
APPLICATION_ID = 0x534F4C45

#: Forward migrations; ``MIGRATIONS[n]`` takes a database from ``user_version`` n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the first release.
    """
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        protocol_id TEXT NOT NULL,
        protocol_name TEXT NOT NULL,
        protocol_digest TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        updated_at TEXT NOT NULL,
        planned_s REAL NOT NULL,
        active_s REAL NOT NULL DEFAULT 0,
        paused_s REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL
            CHECK (status IN ('in_progress', 'completed', 'stopped', 'interrupted')),
        leg TEXT NOT NULL DEFAULT '',
        pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
        pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
        notes TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX session_started ON session (started_at);
    CREATE TABLE segment (
        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        side TEXT,
        rep INTEGER,
        planned_s REAL NOT NULL,
        actual_s REAL NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped', 'stopped')),
        ended_at TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    """,
    # 1 → 2: check-in flags, safety events (red flags, "it hurts"), filter by routine.
    """
    ALTER TABLE session ADD COLUMN flags_before TEXT;
    ALTER TABLE session ADD COLUMN flags_after TEXT;
    CREATE TABLE event (
        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX session_protocol ON session (protocol_id, started_at);
    CREATE INDEX session_in_progress ON session (status) WHERE status = 'in_progress';
    """,
    # 2 → 3: runs and shoes (soleus_coach/history/run_store.py).
    MIGRATION_RUNS,
    # 3 → 4: a step ended by "it hurts" is recorded as such (SQLite cannot alter a CHECK:
    # the table is made again with every row).
    """
    CREATE TABLE segment_new (
        session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        side TEXT,
        rep INTEGER,
        planned_s REAL NOT NULL,
        actual_s REAL NOT NULL,
        outcome TEXT NOT NULL
            CHECK (outcome IN ('completed', 'skipped', 'stopped', 'hurt')),
        ended_at TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    INSERT INTO segment_new SELECT session_id, seq, kind, label, side, rep, planned_s,
        actual_s, outcome, ended_at FROM segment;
    DROP TABLE segment;
    ALTER TABLE segment_new RENAME TO segment;
    """,
    # 4 → 5: a programme over weeks: its events, morning checks, pain during loading,
    # suggestions and choices (soleus_coach/history/programme_store.py).
    MIGRATION_PROGRAMME,
    # 5 → 6: every run's UTC offset and local clock; runs not sure to be runs (issue 25).
    MIGRATION_RUNS_2,
)
SCHEMA_VERSION = len(MIGRATIONS)

#: A session "counts" towards streaks and weekly figures when it did real work.
_COUNTS = "(status = 'completed' OR active_s >= 60)"

#: What a readable row looks like. The file's own CHECKs are not enough: a crafted file can
#: hold text in a number column or a date that is not one. A session whose row, or any of its
#: segments or events, is not like this is left out of every read (never a crash), said once
#: as a notice, and kept in the file as it is.
_DATE = "(typeof({c}) = 'text' AND {c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' " \
        "AND julianday({c}) IS NOT NULL)"
_NUMBER = "typeof({c}) IN ('integer', 'real')"
_PAIN = "({c} IS NULL OR (typeof({c}) = 'integer' AND {c} BETWEEN 0 AND 10))"
_TEXT = "typeof({c}) = 'text'"
_OPT_TEXT = "({c} IS NULL OR typeof({c}) = 'text')"


#: The readable shape of each table's columns (a file of an older version has fewer).
_READABLE: dict[str, tuple[tuple[str, str], ...]] = {
    "session": (*((_TEXT, c) for c in ("uid", "protocol_id", "protocol_name",
                                       "protocol_digest", "leg", "notes")),
                ("{c} IN ('in_progress', 'completed', 'stopped', 'interrupted')", "status"),
                (_DATE, "started_at"), (_DATE, "updated_at"),
                ("({c} IS NULL OR " + _DATE + ")", "ended_at"),
                *((_NUMBER, c) for c in ("planned_s", "active_s", "paused_s")),
                (_PAIN, "pain_before"), (_PAIN, "pain_after"),
                (_OPT_TEXT, "flags_before"), (_OPT_TEXT, "flags_after")),
    "segment": (("typeof({c}) = 'integer'", "seq"), (_TEXT, "kind"), (_TEXT, "label"),
                (_OPT_TEXT, "side"), ("({c} IS NULL OR typeof({c}) = 'integer')", "rep"),
                (_NUMBER, "planned_s"), (_NUMBER, "actual_s"),
                ("{c} IN ('completed', 'skipped', 'stopped', 'hurt')", "outcome"),
                (_DATE, "ended_at")),
    "event": ((_DATE, "at"), (_TEXT, "kind"), (_TEXT, "detail")),
    "run": ((_DATE, "started_at"), ("({c} IS NULL OR " + _DATE + ")", "started_local"),
            ("typeof({c}) IN ('integer', 'real') AND {c} > 0", "distance_m"),
            (_NUMBER, "moving_s"), (_NUMBER, "elapsed_s"),
            ("({c} IS NULL OR typeof({c}) IN ('integer', 'real'))", "climb_m"),
            ("({c} IS NULL OR typeof({c}) = 'integer')", "utc_offset_s"),
            *((_TEXT, c) for c in ("sport", "source", "file_name", "name"))),
}


def _readable(conn: sqlite3.Connection, table: str) -> str:
    """The SQL condition a readable row of ``table`` meets (for the columns it has)."""
    columns = {r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")}
    parts = [pattern.format(c=column) for pattern, column in _READABLE[table]
             if column in columns]
    return " AND ".join(parts) or "1"


def _mark_unreadable(conn: sqlite3.Connection) -> tuple[int, int]:
    """Note (in a temporary table, never in the file) every session that cannot be read,
    and make the views every read goes through; returns how many sessions and runs."""
    tables = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_schema WHERE "
                                         "type = 'table'")}
    runs = 0
    if "run" in tables:  # a run whose values are not ours is left out of every read too
        conn.execute(f"CREATE TEMP VIEW IF NOT EXISTS readable_run AS SELECT * FROM main.run "
                     f"WHERE {_readable(conn, 'run')}")
        runs = int(conn.execute("SELECT (SELECT count(*) FROM main.run) - "
                                "(SELECT count(*) FROM temp.readable_run)").fetchone()[0])
    if not {"session", "segment", "event"} <= tables:  # an empty file, or version 1
        for table in ("session", "segment", "event"):
            if table in tables:
                conn.execute(f"CREATE TEMP VIEW IF NOT EXISTS readable_{table} AS "
                             f"SELECT * FROM main.{table}")
        return 0, runs
    conn.executescript(f"""
        CREATE TEMP TABLE IF NOT EXISTS unreadable (id INTEGER PRIMARY KEY);
        DELETE FROM temp.unreadable;
        INSERT OR IGNORE INTO temp.unreadable
            SELECT id FROM main.session WHERE NOT ({_readable(conn, "session")});
        INSERT OR IGNORE INTO temp.unreadable
            SELECT session_id FROM main.segment WHERE NOT ({_readable(conn, "segment")});
        INSERT OR IGNORE INTO temp.unreadable
            SELECT session_id FROM main.event WHERE NOT ({_readable(conn, "event")});
        CREATE TEMP VIEW IF NOT EXISTS readable_session AS SELECT * FROM main.session
            WHERE id NOT IN (SELECT id FROM temp.unreadable);
        CREATE TEMP VIEW IF NOT EXISTS readable_segment AS SELECT * FROM main.segment
            WHERE session_id NOT IN (SELECT id FROM temp.unreadable);
        CREATE TEMP VIEW IF NOT EXISTS readable_event AS SELECT * FROM main.event
            WHERE session_id NOT IN (SELECT id FROM temp.unreadable);
    """)
    return int(conn.execute("SELECT count(*) FROM temp.unreadable").fetchone()[0]), runs


class NoticeKind(StrEnum):
    MOVED_ASIDE = "moved_aside"  # damaged or foreign file renamed; a new history started
    UNREADABLE_ROWS = "unreadable_rows"  # sessions or runs with values not ours: left out
    NEWER = "newer"  # written by a newer app: left untouched
    NOT_SAVED = "not_saved"  # folder unwritable: this run's sessions live in memory only
    RECOVERED = "recovered"  # sessions found in progress were marked interrupted
    MIGRATED = "migrated"


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    text: str
    path: Path | None = None


class StoreWriteError(Exception):
    """A change could not be written (disk full, folder gone read-only…). Nothing half-done
    is left behind: the transaction was rolled back."""


class _Unusable(Exception):
    """The file is not a history database we can use (damaged or foreign)."""


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=5.0,
                           check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _errname(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def _is_unwritable(exc: sqlite3.Error) -> bool:
    name = _errname(exc)
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM",
                            "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_AUTH"))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _migrate(conn: sqlite3.Connection, from_version: int) -> None:
    for version in range(from_version, SCHEMA_VERSION):
        script = MIGRATIONS[version]
        # Each step is one transaction: all of it or none.
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\n"
                               f"PRAGMA user_version = {version + 1};\n"
                               f"PRAGMA application_id = {APPLICATION_ID};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


#: Files up to this size get a full ``PRAGMA quick_check`` at every open (~8 ms per MiB);
#: larger ones only after an unclean shutdown (see :meth:`HistoryStore.recover`).
QUICK_CHECK_MAX_BYTES = 4 * 2**20


def _first_row(conn: sqlite3.Connection, sql: str) -> Any:
    """One row of a check query: a damaged file raises _Unusable, an unwritable one its own
    error (so that the caller falls back to memory instead of moving the file aside)."""
    try:
        return conn.execute(sql).fetchone()
    except sqlite3.DatabaseError as exc:
        if _is_unwritable(exc):
            raise
        raise _Unusable(f"damaged ({exc})") from exc


#: What ``quick_check`` says of a row whose values break a CHECK or NOT NULL: the file is
#: sound, the row is not ours; the readable views (below) leave its session out.
_ROW_LEVEL = ("CHECK constraint failed in ", "NULL value in ")


def _quick_check(conn: sqlite3.Connection) -> None:
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(50)")]
    except sqlite3.DatabaseError as exc:
        if _is_unwritable(exc):
            raise
        raise _Unusable(f"damaged ({exc})") from exc
    damage = [r for r in rows if r != "ok" and not str(r).startswith(_ROW_LEVEL)]
    if damage:
        raise _Unusable(f"damaged ({damage[0]})")


def _in_progress(conn: sqlite3.Connection) -> bool:
    return _first_row(conn, "SELECT 1 FROM session WHERE status = 'in_progress' "
                            "LIMIT 1") is not None


def _inspect(conn: sqlite3.Connection, size: int = 0) -> int:
    """The file's schema version; raises _Unusable for a file that is not ours."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        if _is_unwritable(exc) and _errname(exc) != "SQLITE_IOERR_SHORT_READ":
            raise
        raise _Unusable(f"not a database ({exc})") from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise _Unusable("a database that does not belong to Soleus Coach")
    if version > SCHEMA_VERSION:
        return version
    if tables:
        _check_schema(conn, version)
    if tables and (size <= QUICK_CHECK_MAX_BYTES or
                   ("session" in tables and _in_progress(conn))):
        _quick_check(conn)
    return version


#: The only objects SQLite makes by itself: an index for a UNIQUE or PRIMARY KEY constraint
#: (no SQL of its own), AUTOINCREMENT's counters, ANALYZE's statistics. Anything else whose
#: name starts with ``sqlite_`` was planted (``PRAGMA writable_schema``) and is a stranger.
_SQLITE_OWN = re.compile(r"^sqlite_(autoindex_.+_\d+|sequence|stat[1-4])$")


def _schema_of(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every row of the file's schema (tables, indexes, views, triggers) by (type, name),
    with its SQL, whitespace folded; only the objects SQLite makes by itself are left out,
    and only in the form SQLite makes them."""
    out = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM main.sqlite_schema"):
        own = _SQLITE_OWN.match(name or "")
        if own and ((kind == "index" and sql is None and name.startswith("sqlite_autoindex_"))
                    or (kind == "table" and not name.startswith("sqlite_autoindex_"))):
            continue
        out[(kind, name)] = " ".join((sql or "").split())
    return out


@functools.lru_cache(maxsize=4)
def _expected_schema(version: int) -> dict[tuple[str, str], str]:
    """What the app's own migrations make at ``version``."""
    conn = _connect(":memory:")
    try:
        for step in range(version):
            conn.executescript(MIGRATIONS[step])
        return _schema_of(conn)
    finally:
        conn.close()


def _check_schema(conn: sqlite3.Connection, version: int) -> None:
    """The file must hold exactly what the app's migrations made: a ``session`` that is a
    view, or a trigger someone added, would run their SQL on our reads and writes (a
    trigger could delete sessions on the next save). Anything else is not our file."""
    try:
        found = _schema_of(conn)
    except sqlite3.DatabaseError as exc:
        raise _Unusable(f"damaged ({exc})") from exc
    expected = _expected_schema(version)
    if found == expected:
        return
    strange = sorted({*found.keys() ^ expected.keys(),
                      *(k for k in found.keys() & expected.keys() if found[k] != expected[k])},
                     key=lambda k: (k[1], k[0]))
    named = ", ".join(f"{kind} {name!r}" for kind, name in strange[:3])
    raise _Unusable(f"its structure has been changed ({named})")


def _move_aside(path: Path, reason: str, moment: datetime) -> Notice:
    target = path.with_name(f"{path.name}.unusable-{_stamp(moment)}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            src.rename(Path(f"{target}{suffix}"))
    log.warning("history file %s moved to %s: %s", path, target, reason)
    return Notice(NoticeKind.MOVED_ASIDE, texts.fill(texts.HISTORY_MOVED, reason, target),
                  target)


def open_store(path: Path, *, now: Callable[[], datetime] = utc_now,
               recover: bool = True) -> HistoryStore:
    """Open (creating or migrating) the history at ``path``. Never raises for bad files or
    folders: see :attr:`HistoryStore.notices` for what happened. ``recover=False`` (the
    command line) leaves sessions found in progress alone: the app may be recording one."""
    notices: list[Notice] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in range(2):
            conn = _connect(str(path))
            try:
                version = _inspect(conn, path.stat().st_size if path.exists() else 0)
                break
            except _Unusable as exc:
                conn.close()
                if attempt:
                    raise sqlite3.OperationalError(str(exc)) from exc
                notices.append(_move_aside(path, str(exc), now()))
        if version > SCHEMA_VERSION:
            conn.close()
            notices.append(Notice(
                NoticeKind.NEWER,
                texts.fill(texts.HISTORY_NEWER, path, version, SCHEMA_VERSION), path))
            return HistoryStore(_memory(), path, notices, persistent=False, now=now)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            if version > 0:
                _backup(conn, path.with_name(f"{path.name}.v{version}-backup"))
                notices.append(Notice(NoticeKind.MIGRATED, texts.fill(
                    texts.HISTORY_MIGRATED, version, SCHEMA_VERSION), path))
            _migrate(conn, version)
        store = HistoryStore(conn, path, notices, persistent=True, now=now)
        if recover:
            store.recover()
        return store
    except (OSError, sqlite3.Error) as exc:
        reason = _why(exc, path.parent)
        log.warning("history at %s cannot be written: %s", path, reason)
        notices.append(Notice(
            NoticeKind.NOT_SAVED, texts.fill(texts.HISTORY_NOT_SAVED, path.parent, reason),
            path))
        mem = _memory()
        _copy_read_only(path, mem)
        return HistoryStore(mem, path, notices, persistent=False, now=now)


#: Below this much free space a failed write is put down to a full disk.
LOW_SPACE_BYTES = 1 << 20


def _why(exc: BaseException, folder: Path) -> str:
    """The reason, in words: SQLite says "disk I/O error" when it cannot even create its
    journal on a full disk, so the free space is looked at too."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return reason
    if free < LOW_SPACE_BYTES and "full" not in reason:
        return texts.fill(texts.DISK_FULL, free // 1024, reason)
    return reason


def open_snapshot(path: Path, *, now: Callable[[], datetime] = utc_now) -> HistoryStore:
    """A read-only copy of the history in memory, for the command line: it never writes,
    never recovers, so it is safe while the app runs a session."""
    mem = _memory()
    notices = []
    if path.is_file() and not _copy_read_only(path, mem):
        notices.append(Notice(NoticeKind.NOT_SAVED, f"cannot read the history at {path}", path))
    return HistoryStore(mem, path, notices, persistent=False, now=now)


def _memory() -> sqlite3.Connection:
    conn = _connect(":memory:")
    _migrate(conn, 0)
    return conn


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    try:
        with sqlite3.connect(target) as dst:
            conn.backup(dst)
        dst.close()
    except sqlite3.Error as exc:  # a backup is a courtesy; the migration is transactional
        log.warning("could not back up history to %s: %s", target, exc)


def _copy_read_only(path: Path, mem: sqlite3.Connection) -> bool:
    """Copy a history we must not write into memory (migrated there if older)."""
    if not path.is_file():
        return True
    # mode=ro sees a consistent snapshot even while the app writes; immutable=1 is the last
    # resort for a folder where even the shared-memory file cannot be created.
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            src = _connect(f"file:{quote(str(path))}?{flags}", uri=True)
            try:
                version = _inspect(src)
                if version > SCHEMA_VERSION:
                    return False
                src.backup(mem)
            finally:
                src.close()
            _migrate(mem, version)
            return True
        except _Unusable as exc:
            log.warning("could not read %s: %s", path, exc)
            return False
        except sqlite3.Error as exc:
            log.warning("could not read %s (%s): %s", path, flags, exc)
    return False


def _checkin(pain: int | None, flags: str | None) -> CheckIn | None:
    if flags is None and pain is None:
        return None
    names = set((flags or "").split(",")) - {""}
    return CheckIn(pain=pain, **{n: True for n in names if n in _FLAG_NAMES})


_FLAG_NAMES = ("swelling", "bruising", "pain_at_rest", "cannot_bear_weight")


def _flags(checkin: CheckIn | None) -> str | None:
    return None if checkin is None else ",".join(checkin.flags)


def _opt_iso(moment: datetime | None) -> str | None:
    return None if moment is None else to_iso(moment)


def _opt_dt(text: str | None) -> datetime | None:
    return None if text is None else from_iso(text)


SortKey = Literal["started_at", "protocol_name", "active_s", "status", "pain_after"]
_ORDER: dict[str, str] = {
    "started_at": "started_at",
    "protocol_name": "protocol_name COLLATE NOCASE",
    "active_s": "active_s",
    "status": "CASE status WHEN 'completed' THEN 0 WHEN 'stopped' THEN 1 "
              "WHEN 'interrupted' THEN 2 ELSE 3 END",
    "pain_after": "coalesce(pain_after, -1)",
}


def _where(protocol_id: str | None, since: datetime | None,
           until: datetime | None) -> tuple[str, list[Any]]:
    where, params = ["1"], []
    if protocol_id is not None:
        where.append("protocol_id = ?")
        params.append(protocol_id)
    if since is not None:
        where.append("started_at >= ?")
        params.append(to_iso(since))
    if until is not None:
        where.append("started_at < ?")
        params.append(to_iso(until))
    return " AND ".join(where), params


class HistoryStore(RunStore, ProgrammeStore):
    """All reads and writes of the history. Writes raise :class:`StoreWriteError`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[Notice], *,
                 persistent: bool, now: Callable[[], datetime] = utc_now) -> None:
        self._conn = conn
        self.path = path
        self.notices = notices
        self.persistent = persistent  # False: kept in memory only, lost at quit
        self._now = now
        sessions, runs = _mark_unreadable(conn)
        for count, what, text in ((sessions, "session", texts.HISTORY_UNREADABLE_ROWS),
                                  (runs, "run", texts.HISTORY_UNREADABLE_RUNS)):
            if count:
                log.warning("%s: %d %s(s) with values that cannot be read, left out", path,
                            count, what)
                notices.append(Notice(NoticeKind.UNREADABLE_ROWS, texts.fill(text, count),
                                      path))

    def close(self) -> None:
        self._conn.close()

    # ----------------------------------------------------------------- writing

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise StoreWriteError(f"history not saved: {_why(exc, self.path.parent)}") from exc

    def recover(self) -> int:
        """Mark sessions left in progress (the app was killed) as interrupted."""
        with self._write() as conn:
            count = conn.execute(
                "UPDATE session SET status = 'interrupted', "
                "ended_at = COALESCE(ended_at, updated_at) WHERE status = 'in_progress'"
            ).rowcount
        if count:
            self.notices.append(Notice(
                NoticeKind.RECOVERED, texts.fill(texts.HISTORY_RECOVERED, count), self.path))
        return count

    def save(self, rec: SessionRecord) -> None:
        """Insert or update a session with its segments and events (idempotent)."""
        rec.updated_at = self._now()
        with self._write() as conn:
            conn.execute(
                """INSERT INTO session (uid, protocol_id, protocol_name, protocol_digest,
                       started_at, ended_at, updated_at, planned_s, active_s, paused_s, status,
                       leg, pain_before, pain_after, flags_before, flags_after, notes)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (uid) DO UPDATE SET ended_at = excluded.ended_at,
                       updated_at = excluded.updated_at, active_s = excluded.active_s,
                       paused_s = excluded.paused_s, status = excluded.status,
                       pain_before = excluded.pain_before, pain_after = excluded.pain_after,
                       flags_before = excluded.flags_before, flags_after = excluded.flags_after,
                       notes = excluded.notes""",
                (rec.uid, rec.protocol_id, rec.protocol_name, rec.protocol_digest,
                 to_iso(rec.started_at), _opt_iso(rec.ended_at), to_iso(rec.updated_at),
                 rec.planned_s, rec.active_s, rec.paused_s, rec.status.value, rec.leg,
                 rec.before.pain if rec.before else None, rec.after.pain if rec.after else None,
                 _flags(rec.before), _flags(rec.after), rec.notes))
            (sid,) = conn.execute("SELECT id FROM session WHERE uid = ?", (rec.uid,)).fetchone()
            conn.executemany(
                "INSERT OR IGNORE INTO segment VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(sid, s.seq, s.kind, s.label, s.side, s.rep, s.planned_s, s.actual_s,
                  s.outcome, to_iso(s.ended_at)) for s in rec.segments])
            conn.executemany(
                "INSERT OR IGNORE INTO event VALUES (?, ?, ?, ?, ?)",
                [(sid, i, to_iso(e.at), e.kind, e.detail) for i, e in enumerate(rec.events)])

    def set_notes(self, uid: str, notes: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE session SET notes = ? WHERE uid = ?", (notes, uid))

    def delete(self, uid: str) -> SessionRecord | None:
        """Delete a session; returns it whole so that :meth:`save` can undo the delete."""
        rec = self.session(uid)
        if rec is not None:
            with self._write() as conn:
                conn.execute("DELETE FROM session WHERE uid = ?", (uid,))
        return rec

    # ----------------------------------------------------------------- reading

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self._conn.execute(sql, params).fetchall()

    def sessions(self, *, protocol_id: str | None = None, since: datetime | None = None,
                 until: datetime | None = None, order: SortKey = "started_at",
                 descending: bool = True, limit: int | None = None,
                 offset: int = 0) -> list[SessionRow]:
        """Sessions, newest first unless ``order`` says otherwise; ``since`` inclusive,
        ``until`` exclusive. ``limit``/``offset`` page through them."""
        where, params = _where(protocol_id, since, until)
        direction = "DESC" if descending else "ASC"
        column = _ORDER[order]
        sql = ("SELECT uid, protocol_id, protocol_name, started_at, ended_at, planned_s, "
               "active_s, status, pain_before, pain_after, notes != '' FROM readable_session WHERE "
               f"{where} ORDER BY {column} {direction}, started_at {direction}, id {direction}")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [SessionRow(r[0], r[1], r[2], from_iso(r[3]), _opt_dt(r[4]), r[5], r[6],
                           Status(r[7]), r[8], r[9], bool(r[10]))
                for r in self._rows(sql, params)]

    def count(self, *, protocol_id: str | None = None, since: datetime | None = None,
              until: datetime | None = None) -> int:
        where, params = _where(protocol_id, since, until)
        return int(self._rows(f"SELECT count(*) FROM readable_session WHERE {where}", params)[0][0])

    def oldest(self) -> datetime | None:
        return _opt_dt(self._rows("SELECT (SELECT started_at FROM readable_session ORDER BY "
                                  "started_at LIMIT 1)")[0][0])  # (the index, not every row)

    def routines(self) -> list[tuple[str, str]]:
        """(protocol id, latest name) of every routine in the history, by name."""
        # With max(), SQLite takes the bare column from the row holding the maximum.
        rows = self._rows("SELECT protocol_id, protocol_name, max(id) FROM readable_session "
                          "GROUP BY protocol_id")
        return sorted(((r[0], r[1]) for r in rows), key=lambda r: (r[1].casefold(), r[0]))

    def session(self, uid: str) -> SessionRecord | None:
        row = self._conn.execute(
            "SELECT id, uid, protocol_id, protocol_name, protocol_digest, started_at, "
            "planned_s, leg, status, ended_at, updated_at, active_s, paused_s, pain_before, "
            "flags_before, pain_after, flags_after, notes FROM readable_session WHERE uid = ?",
            (uid,)).fetchone()
        if row is None:
            return None
        sid = row[0]
        rec = SessionRecord(
            uid=row[1], protocol_id=row[2], protocol_name=row[3], protocol_digest=row[4],
            started_at=from_iso(row[5]), planned_s=row[6], leg=row[7], status=Status(row[8]),
            ended_at=_opt_dt(row[9]), updated_at=_opt_dt(row[10]), active_s=row[11],
            paused_s=row[12], before=_checkin(row[13], row[14]),
            after=_checkin(row[15], row[16]), notes=row[17])
        rec.segments = [SegmentRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                      from_iso(r[8])) for r in self._rows(
            "SELECT seq, kind, label, side, rep, planned_s, actual_s, outcome, ended_at "
            "FROM readable_segment WHERE session_id = ? ORDER BY seq", (sid,))]
        rec.events = [EventRecord(from_iso(r[0]), r[1], r[2]) for r in self._rows(
            "SELECT at, kind, detail FROM readable_event WHERE session_id = ? ORDER BY seq",
            (sid,))]
        return rec

    def all_sessions(self) -> Iterator[SessionRecord]:
        """Every session in full, oldest first (for export)."""
        for (uid,) in self._rows("SELECT uid FROM readable_session ORDER BY started_at, id"):
            rec = self.session(uid)
            if rec is not None:
                yield rec

    def summary(self, today: date, tz: tzinfo | None = None) -> Summary:
        """This week's sessions and minutes (weeks start on Monday), the day streak."""
        offset = offset_modifier(today, tz)
        monday = today - timedelta(days=today.weekday())
        week_start = local_midnight_utc(monday, tz)
        n, seconds = self._rows(
            f"SELECT count(*), coalesce(sum(active_s), 0) FROM readable_session "
            f"WHERE started_at >= ? AND {_COUNTS}", (to_iso(week_start),))[0]
        total, last = self._rows("SELECT count(*), max(started_at) FROM readable_session")[0]
        streak = 0
        expected = today
        for (day_text,) in self._conn.execute(
                f"SELECT DISTINCT date(started_at, ?) AS d FROM readable_session WHERE {_COUNTS} "
                "ORDER BY d DESC", (offset,)):
            day = date.fromisoformat(day_text)
            if day > today:
                continue
            if streak == 0 and day == today - timedelta(days=1):
                expected = day  # a streak is alive until the end of the day after
            if day != expected:
                break
            streak += 1
            expected = day - timedelta(days=1)
        return Summary(n, seconds / 60, streak, total, _opt_dt(last))

    def weekly(self, today: date, weeks: int = 8, tz: tzinfo | None = None) -> list[WeekStat]:
        """The last ``weeks`` weeks, oldest first, including empty ones."""
        offset = offset_modifier(today, tz)
        this_monday = today - timedelta(days=today.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        by_week = {r[0]: r for r in self._rows(
            f"SELECT date(started_at, ?, 'weekday 0', '-6 days') AS w, count(*), "
            f"sum(active_s), avg(pain_after) FROM readable_session "
            f"WHERE started_at >= ? AND {_COUNTS} GROUP BY w",
            (offset, to_iso(local_midnight_utc(first, tz))))}
        out = []
        for i in range(weeks):
            monday = first + timedelta(weeks=i)
            row = by_week.get(monday.isoformat())
            out.append(WeekStat(monday, row[1], row[2] / 60, row[3]) if row
                       else WeekStat(monday, 0, 0.0, None))
        return out

    def recent_pain_after(self, limit: int = 3) -> list[int]:
        """Pain after the last sessions that recorded it, oldest first."""
        rows = self._rows("SELECT pain_after FROM readable_session WHERE pain_after IS NOT NULL "
                          "ORDER BY started_at DESC LIMIT ?", (limit,))
        return [r[0] for r in reversed(rows)]

    def pain_after_since(self, since: datetime) -> list[tuple[datetime, int]]:
        """(start, pain after) of every session since ``since`` that recorded pain after,
        oldest first."""
        rows = self._rows("SELECT started_at, pain_after FROM readable_session WHERE "
                          "pain_after IS NOT NULL AND started_at >= ? ORDER BY started_at",
                          (to_iso(since),))
        return [(from_iso(r[0]), int(r[1])) for r in rows]

    def last_checkin(self) -> CheckIn | None:
        """How the calf was last said to feel: the newest session's check-in after it, or
        before it when there was none after (a routine not started for red flags has only
        that one)."""
        row = self._conn.execute(
            "SELECT pain_after, flags_after, pain_before, flags_before FROM readable_session "
            "WHERE pain_after IS NOT NULL OR flags_after IS NOT NULL OR pain_before IS NOT "
            "NULL OR flags_before IS NOT NULL ORDER BY started_at DESC LIMIT 1").fetchone()
        if row is None:
            return None
        after = _checkin(row[0], row[1])
        return after if after is not None else _checkin(row[2], row[3])

    def checkin_today(self, today: date, tz: tzinfo | None = None) -> CheckIn | None:
        """The latest check-in of ``today`` (after a session, else before it), if any: what
        the safety rules go by when a routine starts without a check-in of its own."""
        start = local_midnight_utc(today, tz)
        row = self._conn.execute(
            "SELECT pain_after, flags_after, pain_before, flags_before FROM readable_session "
            "WHERE started_at >= ? AND started_at < ? AND (pain_after IS NOT NULL OR "
            "flags_after IS NOT NULL OR pain_before IS NOT NULL OR flags_before IS NOT NULL) "
            "ORDER BY started_at DESC LIMIT 1",
            (to_iso(start), to_iso(start + timedelta(days=1)))).fetchone()
        if row is None:
            return None
        return _checkin(row[0], row[1]) or _checkin(row[2], row[3])

    def last_ice_end(self) -> datetime | None:
        """When the last ice on record came off (for "ice up to 20 minutes every 2–3
        hours"): the end of the latest ice segment that ran at all."""
        row = self._conn.execute(
            "SELECT max(ended_at) FROM readable_segment WHERE kind = 'ice' AND actual_s > 0"
        ).fetchone()
        return None if row is None or row[0] is None else from_iso(row[0])

    def integrity(self) -> str:
        return str(self._rows("PRAGMA integrity_check")[0][0])
