"""Runs and shoes in the history database (schema 3). No Qt.

A mixin of :class:`~soleus_coach.history.store.HistoryStore`, kept in its own module so the
session store stays readable: the same connection, the same all-or-nothing writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from soleus_coach.history.records import from_iso, local_midnight_utc, offset_modifier, to_iso
from soleus_coach.runs.model import SAME_START_S, Run, Shoe, Source, Surface, WeekRuns, same_run

#: Schema 2 → 3: runs, and the shoes they were run in. Tables and indexes only (the store's
#: open-time check expects no views or triggers).
MIGRATION_RUNS = """
    CREATE TABLE shoe (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
    );
    CREATE TABLE run (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        utc_offset_s INTEGER,
        distance_m REAL NOT NULL CHECK (distance_m > 0),
        moving_s REAL NOT NULL,
        elapsed_s REAL NOT NULL,
        climb_m REAL,
        sport TEXT NOT NULL DEFAULT 'running',
        source TEXT NOT NULL CHECK (source IN ('gpx', 'tcx', 'fit', 'manual')),
        file_name TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        surface TEXT,
        shoe_id INTEGER REFERENCES shoe (id) ON DELETE SET NULL,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX run_started ON run (started_at);
    CREATE INDEX run_shoe ON run (shoe_id);
    """

_RUN_COLUMNS = ("run.id, started_at, utc_offset_s, distance_m, moving_s, elapsed_s, climb_m, "
                "sport, source, file_name, run.name, surface, coalesce(shoe.name, '')")
_FROM = "run LEFT JOIN shoe ON shoe.id = run.shoe_id"


def _run(r: Sequence[Any]) -> Run:
    return Run(id=r[0], start=from_iso(r[1]), utc_offset_s=r[2], distance_m=r[3], moving_s=r[4],
               elapsed_s=r[5], climb_m=r[6], sport=r[7], source=Source(r[8]), file_name=r[9],
               name=r[10], surface=Surface(r[11]) if r[11] else None, shoe=r[12])


class RunStore:
    """Reads and writes of runs and shoes; see :class:`HistoryStore` for the rest."""

    _conn: sqlite3.Connection
    _now: Callable[[], datetime]

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError


    # ----------------------------------------------------------------- writing

    def add_runs(self, runs: Iterable[Run]) -> list[tuple[Run, bool]]:
        """Store runs in one transaction; each comes back with its id and whether it was
        new (False: the same run was already stored, from this or another file — see
        :func:`~soleus_coach.runs.model.content_hash`)."""
        out: list[tuple[Run, bool]] = []
        with self._write() as conn:
            stamp = to_iso(self._now())
            for run in runs:
                existing = self._same(conn, run)
                if existing is not None:
                    out.append((existing, False))
                    continue
                shoe_id = self._shoe_id(conn, run.shoe) if run.shoe else None
                cur = conn.execute(
                    "INSERT OR IGNORE INTO run (content_hash, started_at, utc_offset_s, "
                    "distance_m, moving_s, elapsed_s, climb_m, sport, source, file_name, name, "
                    "surface, shoe_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)",
                    (run.content_hash, to_iso(run.start), run.utc_offset_s, run.distance_m,
                     run.moving_s, run.elapsed_s, run.climb_m, run.sport, run.source.value,
                     run.file_name, run.name, run.surface.value if run.surface else None,
                     shoe_id, stamp))
                if cur.rowcount:
                    out.append((_replace_id(run, cur.lastrowid), True))
                else:
                    row = conn.execute(f"SELECT {_RUN_COLUMNS} FROM {_FROM} WHERE "
                                       "content_hash = ?", (run.content_hash,)).fetchone()
                    out.append((_run(row), False))
        return out

    def add_run(self, run: Run) -> tuple[Run, bool]:
        return self.add_runs([run])[0]

    @staticmethod
    def _same(conn: sqlite3.Connection, run: Run) -> Run | None:
        window = timedelta(seconds=SAME_START_S)
        for row in conn.execute(
                f"SELECT {_RUN_COLUMNS} FROM {_FROM} WHERE started_at BETWEEN ? AND ?",
                (to_iso(run.start - window), to_iso(run.start + window))):
            other = _run(row)
            if same_run(run.start, run.distance_m, other.start, other.distance_m):
                return other
        return None

    @staticmethod
    def _shoe_id(conn: sqlite3.Connection, name: str) -> int:
        conn.execute("INSERT OR IGNORE INTO shoe (name) VALUES (?)", (name.strip(),))
        return int(conn.execute("SELECT id FROM shoe WHERE name = ?",
                                (name.strip(),)).fetchone()[0])

    def delete_run(self, run_id: int) -> Run | None:
        """Delete a run; returns it (with its shoe's name) so that it can be added back."""
        run = self.run(run_id)
        if run is not None:
            with self._write() as conn:
                conn.execute("DELETE FROM run WHERE id = ?", (run_id,))
        return run

    def add_shoe(self, name: str) -> Shoe:
        """A shoe by name (case does not matter), added if new."""
        with self._write() as conn:
            shoe_id = self._shoe_id(conn, name)
        return next(s for s in self.shoes() if s.id == shoe_id)

    def set_shoe_retired(self, shoe_id: int, retired: bool) -> None:
        with self._write() as conn:
            conn.execute("UPDATE shoe SET retired = ? WHERE id = ?", (int(retired), shoe_id))

    def set_run_details(self, run_id: int, *, shoe: str | None = None,
                        surface: Surface | None = None) -> None:
        """Link a run to a shoe (by name; "" unlinks) and set its surface."""
        with self._write() as conn:
            if shoe is not None:
                shoe_id = self._shoe_id(conn, shoe) if shoe.strip() else None
                conn.execute("UPDATE run SET shoe_id = ? WHERE id = ?", (shoe_id, run_id))
            if surface is not None:
                conn.execute("UPDATE run SET surface = ? WHERE id = ?", (surface.value, run_id))

    # ----------------------------------------------------------------- reading

    def runs(self, *, since: datetime | None = None, until: datetime | None = None,
             limit: int | None = None, offset: int = 0, descending: bool = True) -> list[Run]:
        """Runs that started in [since, until), newest first unless ``descending`` is False;
        ``limit``/``offset`` page through them."""
        where, params = _period(since, until)
        order = "DESC" if descending else "ASC"
        sql = (f"SELECT {_RUN_COLUMNS} FROM {_FROM} WHERE {where} "
               f"ORDER BY started_at {order}, run.id {order}")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [_run(r) for r in self._conn.execute(sql, params)]

    def run(self, run_id: int) -> Run | None:
        row = self._conn.execute(f"SELECT {_RUN_COLUMNS} FROM {_FROM} WHERE run.id = ?",
                                 (run_id,)).fetchone()
        return None if row is None else _run(row)

    def run_count(self, *, since: datetime | None = None, until: datetime | None = None) -> int:
        where, params = _period(since, until)
        return int(self._conn.execute(f"SELECT count(*) FROM run WHERE {where}",
                                      params).fetchone()[0])

    def shoes(self) -> list[Shoe]:
        """Every shoe with the distance run in it, in use first, then by name."""
        rows = self._conn.execute(
            "SELECT shoe.id, shoe.name, shoe.retired, coalesce(sum(run.distance_m), 0), "
            "count(run.id) FROM shoe LEFT JOIN run ON run.shoe_id = shoe.id "
            "GROUP BY shoe.id ORDER BY shoe.retired, shoe.name COLLATE NOCASE").fetchall()
        return [Shoe(r[0], r[1], bool(r[2]), float(r[3]), int(r[4])) for r in rows]

    def weekly_runs(self, today: date, weeks: int = 8,
                    tz: tzinfo | None = None) -> list[WeekRuns]:
        """The last ``weeks`` weeks of running, oldest first, including empty weeks."""
        offset = offset_modifier(today, tz)
        first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
        by_week = {r[0]: r for r in self._conn.execute(
            "SELECT date(started_at, ?, 'weekday 0', '-6 days') AS w, count(*), "
            "sum(distance_m), coalesce(sum(climb_m), 0), "
            "coalesce(sum(CASE WHEN climb_m IS NOT NULL THEN distance_m END), 0), "
            "max(distance_m) FROM run WHERE started_at >= ? GROUP BY w",
            (offset, to_iso(local_midnight_utc(first, tz))))}
        out = []
        for i in range(weeks):
            monday = first + timedelta(weeks=i)
            r = by_week.get(monday.isoformat())
            out.append(WeekRuns(monday, r[1], r[2], r[3], r[4], r[5]) if r
                       else WeekRuns(monday, 0, 0.0, 0.0, 0.0, 0.0))
        return out


def _period(since: datetime | None, until: datetime | None) -> tuple[str, list[str]]:
    where, params = ["1"], []
    if since is not None:
        where.append("started_at >= ?")
        params.append(to_iso(since))
    if until is not None:
        where.append("started_at < ?")
        params.append(to_iso(until))
    return " AND ".join(where), params


def _replace_id(run: Run, run_id: int | None) -> Run:
    from dataclasses import replace

    return replace(run, id=run_id)
