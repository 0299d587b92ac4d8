"""Runs and shoes in the history database. No Qt.

A mixin of :class:`~soleus_coach.history.store.HistoryStore`, kept in its own module so the
session store stays readable: the same connection, the same all-or-nothing writes.

**One clock.** A run is stored in UTC with the runner's offset at its start
(``utc_offset_s``: the file's, else the computer's at that date), and with its local wall
clock (``started_local``, derived from both on every write) so that days, weeks and months
are the runner's own wherever they are counted, and a period's runs are an indexed range.

**The best source wins.** The same run from a better file (the watch's FIT over TCX over
GPX) replaces the stored figures and time zone; the run keeps its id, name, shoes and
surface. A run typed in by hand is the runner's own and is never replaced.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from soleus_coach.history.records import WeekStat, from_iso, local_midnight_utc, to_iso
from soleus_coach.runs.model import (
    SAME_START_S,
    SOURCE_RANK,
    Run,
    Shoe,
    Source,
    Surface,
    WeekRuns,
    local_wall_clock,
    same_run,
)

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

#: Schema 3 → 4 (issue 25): one clock, and runs not sure to be runs. Every run gets its UTC
#: offset (the runs stored without one were shown in this computer's zone: SQLite's
#: 'localtime' is that zone at the run's own date, as Python's ``astimezone()`` is) and its
#: local wall clock, indexed; ``not_sure`` marks a run for the runner to confirm. Columns
#: added, nothing rebuilt: every row and id is kept. Self-contained, so it can be renumbered.
MIGRATION_RUNS_2 = """
    ALTER TABLE run ADD COLUMN started_local TEXT NOT NULL DEFAULT '';
    ALTER TABLE run ADD COLUMN not_sure INTEGER NOT NULL DEFAULT 0 CHECK (not_sure IN (0, 1));
    UPDATE run SET utc_offset_s = CAST(round((julianday(started_at, 'localtime')
                                              - julianday(started_at)) * 86400) AS INTEGER)
        WHERE utc_offset_s IS NULL;
    UPDATE run SET started_local = strftime('%Y-%m-%dT%H:%M:%f', started_at,
                                            utc_offset_s || ' seconds');
    CREATE INDEX run_local ON run (started_local);
    """

_RUN_COLUMNS = ("run.id, started_at, utc_offset_s, distance_m, moving_s, elapsed_s, climb_m, "
                "sport, source, file_name, run.name, surface, coalesce(shoe.name, ''), "
                "not_sure")
_FROM = "readable_run AS run LEFT JOIN shoe ON shoe.id = run.shoe_id"
#: A session counts in the chart as it does in the store's weekly figures (store._COUNTS).
_SESSION_COUNTS = "(status = 'completed' OR active_s >= 60)"

Unit = Literal["week", "month"]


def _run(r: Sequence[Any]) -> Run:
    return Run(id=r[0], start=from_iso(r[1]), utc_offset_s=r[2], distance_m=r[3], moving_s=r[4],
               elapsed_s=r[5], climb_m=r[6], sport=r[7], source=Source(r[8]), file_name=r[9],
               name=r[10], surface=Surface(r[11]) if r[11] else None, shoe=r[12],
               not_sure=bool(r[13]))


def local_text(run: Run) -> str:
    """``started_local``: the run's wall clock as SQLite's strftime writes it."""
    return local_wall_clock(run.start, run.offset_s).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Stored:
    """What became of a run given to :meth:`RunStore.add_runs`."""

    run: Run  # as stored now, with its id
    new: bool
    replaced: Source | None = None  # this run's figures replaced those from this source
    confirmed: bool = False  # a run marked "not sure" that this file says was a run


def bucket_starts(first: date, last: date, unit: Unit) -> list[date]:
    """The first day of every week (Monday) or month from ``first``'s to ``last``'s."""
    if unit == "week":
        day = first - timedelta(days=first.weekday())
        out = []
        while day <= last:
            out.append(day)
            day += timedelta(weeks=1)
        return out
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _after(start: date, unit: Unit) -> date:
    if unit == "week":
        return start + timedelta(weeks=1)
    return date(start.year + 1, 1, 1) if start.month == 12 else \
        date(start.year, start.month + 1, 1)


class RunStore:
    """Reads and writes of runs and shoes; see :class:`HistoryStore` for the rest."""

    _conn: sqlite3.Connection
    _now: Callable[[], datetime]

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # ----------------------------------------------------------------- writing

    def add_runs(self, runs: Iterable[Run]) -> list[Stored]:
        """Store runs in one transaction; each comes back as :class:`Stored`. A run that is
        already stored (from this or another file — see
        :func:`~soleus_coach.runs.model.content_hash`) is not added again: a better source
        replaces its figures, a file that says it was a run confirms one marked not sure."""
        out: list[Stored] = []
        with self._write() as conn:
            stamp = to_iso(self._now())
            for given in runs:
                run = given.with_offset()
                existing = self._same(conn, run)
                if existing is not None:
                    out.append(self._merge(conn, existing, run))
                    continue
                shoe_id = self._shoe_id(conn, run.shoe) if run.shoe else None
                cur = conn.execute(
                    "INSERT OR IGNORE INTO run (content_hash, started_at, utc_offset_s, "
                    "started_local, distance_m, moving_s, elapsed_s, climb_m, sport, source, "
                    "file_name, name, surface, shoe_id, imported_at, not_sure) VALUES (?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run.content_hash, to_iso(run.start), run.utc_offset_s, local_text(run),
                     run.distance_m, run.moving_s, run.elapsed_s, run.climb_m, run.sport,
                     run.source.value, run.file_name, run.name,
                     run.surface.value if run.surface else None, shoe_id, stamp,
                     int(run.not_sure)))
                if cur.rowcount:
                    out.append(Stored(replace(run, id=cur.lastrowid), True))
                else:
                    row = conn.execute(f"SELECT {_RUN_COLUMNS} FROM {_FROM} WHERE "
                                       "content_hash = ?", (run.content_hash,)).fetchone()
                    out.append(Stored(_run(row), False))
        return out

    def add_run(self, run: Run) -> Stored:
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
    def _merge(conn: sqlite3.Connection, old: Run, new: Run) -> Stored:
        files = Source.MANUAL not in (old.source, new.source)
        confirmed = old.not_sure and not new.not_sure
        if files and SOURCE_RANK[new.source] > SOURCE_RANK[old.source]:
            taken = conn.execute("SELECT 1 FROM run WHERE content_hash = ? AND id != ?",
                                 (new.content_hash, old.id)).fetchone()
            merged = replace(new, id=old.id, name=old.name or new.name, shoe=old.shoe,
                             surface=old.surface, not_sure=old.not_sure and new.not_sure)
            conn.execute(
                "UPDATE run SET content_hash = ?, started_at = ?, utc_offset_s = ?, "
                "started_local = ?, distance_m = ?, moving_s = ?, elapsed_s = ?, climb_m = ?, "
                "sport = ?, source = ?, file_name = ?, name = ?, not_sure = ? WHERE id = ?",
                (old.content_hash if taken else merged.content_hash, to_iso(merged.start),
                 merged.utc_offset_s, local_text(merged), merged.distance_m, merged.moving_s,
                 merged.elapsed_s, merged.climb_m, merged.sport, merged.source.value,
                 merged.file_name, merged.name, int(merged.not_sure), old.id))
            return Stored(merged, False, replaced=old.source, confirmed=confirmed)
        if confirmed:
            conn.execute("UPDATE run SET not_sure = 0 WHERE id = ?", (old.id,))
            return Stored(replace(old, not_sure=False), False, confirmed=True)
        return Stored(old, False)

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

    def confirm_run(self, run_id: int) -> None:
        """The runner says a run marked "not sure" was a run: it counts from now on."""
        with self._write() as conn:
            conn.execute("UPDATE run SET not_sure = 0 WHERE id = ?", (run_id,))

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
             first_day: date | None = None, last_day: date | None = None,
             limit: int | None = None, offset: int = 0, descending: bool = True,
             not_sure: bool | None = None) -> list[Run]:
        """Runs that started in [since, until) (UTC) and on local days first_day to
        last_day (each run's own local date), newest first unless ``descending`` is False;
        ``not_sure`` True or False keeps only the runs marked so or not;
        ``limit``/``offset`` page through them."""
        where, params = _period(since, until, first_day, last_day, not_sure)
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

    def run_count(self, *, since: datetime | None = None, until: datetime | None = None,
                  first_day: date | None = None, last_day: date | None = None,
                  not_sure: bool | None = None) -> int:
        where, params = _period(since, until, first_day, last_day, not_sure)
        return int(self._conn.execute(f"SELECT count(*) FROM readable_run AS run WHERE {where}",
                                      params).fetchone()[0])

    def shoes(self) -> list[Shoe]:
        """Every shoe with the distance run in it (runs not sure to be runs left out), in use
        first, then by name."""
        rows = self._conn.execute(
            "SELECT shoe.id, shoe.name, shoe.retired, coalesce(sum(run.distance_m), 0), "
            "count(run.id) FROM shoe LEFT JOIN readable_run AS run ON run.shoe_id = shoe.id AND "
            "run.not_sure = 0 GROUP BY shoe.id ORDER BY shoe.retired, shoe.name COLLATE NOCASE"
        ).fetchall()
        return [Shoe(r[0], r[1], bool(r[2]), float(r[3]), int(r[4])) for r in rows]

    def weekly_runs(self, today: date, weeks: int = 8) -> list[WeekRuns]:
        """The last ``weeks`` weeks of running, oldest first, including empty weeks."""
        monday = today - timedelta(days=today.weekday())
        return self.run_buckets(monday - timedelta(weeks=weeks - 1), today, "week")

    def run_buckets(self, first: date, last: date, unit: Unit) -> list[WeekRuns]:
        """Runs per week or month from ``first``'s to ``last``'s (local dates), oldest first,
        empty ones included; runs not sure to be runs left out."""
        starts = bucket_starts(first, last, unit)
        if not starts:
            return []
        # the local clock is stored: a date function per row, no zone (a join on each
        # bucket's range measured 20× slower here)
        key = ("date(started_local, 'weekday 0', '-6 days')" if unit == "week"
               else "strftime('%Y-%m-01', started_local)")
        rows = {r[0]: r for r in self._conn.execute(
            f"SELECT {key} AS b, count(*), sum(distance_m), coalesce(sum(climb_m), 0), "
            "coalesce(sum(CASE WHEN climb_m IS NOT NULL THEN distance_m END), 0), "
            "max(distance_m) FROM readable_run WHERE not_sure = 0 AND started_local >= ? AND "
            "started_local < ? GROUP BY b",
            (starts[0].isoformat(), _after(starts[-1], unit).isoformat()))}
        out = []
        for start in starts:
            r = rows.get(start.isoformat())
            out.append(WeekRuns(start, r[1], r[2], r[3], r[4], r[5]) if r
                       else WeekRuns(start, 0, 0.0, 0.0, 0.0, 0.0))
        return out

    def session_buckets(self, first: date, last: date, unit: Unit) -> list[WeekStat]:
        """Sessions per week or month (this computer's local days, summer time included),
        aligned with :meth:`run_buckets`: count, minutes and mean pain after. One indexed
        range per bucket (its local midnights in UTC): exact across summer time, and half
        the time of converting every row with SQLite's 'localtime'."""
        starts = bucket_starts(first, last, unit)
        if not starts:
            return []
        bounds = [(d.isoformat(), to_iso(local_midnight_utc(d, None)),
                   to_iso(local_midnight_utc(_after(d, unit), None))) for d in starts]
        rows = {r[0]: r for r in self._conn.execute(
            f"WITH b (start, lo, hi) AS (VALUES {_values(len(bounds))}) "
            "SELECT b.start, count(*), sum(active_s), avg(pain_after) FROM b "
            "JOIN readable_session AS session "
            "ON session.started_at >= b.lo AND session.started_at < b.hi "
            f"AND {_SESSION_COUNTS} GROUP BY b.start", [x for row in bounds for x in row])}
        out = []
        for start in starts:
            r = rows.get(start.isoformat())
            out.append(WeekStat(start, r[1], r[2] / 60, r[3]) if r
                       else WeekStat(start, 0, 0.0, None))
        return out

    def activity_span(self) -> tuple[date, date] | None:
        """The local dates of the first and the last session or run; None when there are
        none. (Four indexed look-ups: ``min()`` over a readable view would check every row.)"""
        sessions = self._conn.execute(_ends("started_at", "readable_session")).fetchone()
        runs = self._conn.execute(_ends("started_local", "readable_run")).fetchone()
        days = [from_iso(t).astimezone().date() for t in sessions if t] + \
            [date.fromisoformat(t[:10]) for t in runs if t]
        return (min(days), max(days)) if days else None

    def first_run_day(self, *, before: date | None = None) -> date | None:
        """The local date of the first run (counted ones only), or of the first before
        ``before``; None when there is none."""
        sql = ("SELECT started_local FROM readable_run WHERE not_sure = 0 AND started_local "
               "IS NOT NULL")
        params: list[str] = []
        if before is not None:
            sql += " AND started_local < ?"
            params.append(before.isoformat())
        row = self._conn.execute(sql + " ORDER BY started_local LIMIT 1", params).fetchone()
        return None if row is None or not row[0] else date.fromisoformat(row[0][:10])


def _ends(column: str, view: str) -> str:
    """The first and the last ``column`` of ``view``, each one walk of its index that stops
    at the first readable row (``min()`` and ``max()`` would check every row of the view)."""
    first = f"SELECT {column} FROM {view} WHERE {column} IS NOT NULL ORDER BY {column}"
    return f"SELECT ({first} LIMIT 1), ({first} DESC LIMIT 1)"


def _values(n: int) -> str:
    return ", ".join(["(?, ?, ?)"] * n)


def _period(since: datetime | None, until: datetime | None, first_day: date | None,
            last_day: date | None, not_sure: bool | None) -> tuple[str, list[str]]:
    where, params = ["1"], []
    if since is not None:
        where.append("started_at >= ?")
        params.append(to_iso(since))
    if until is not None:
        where.append("started_at < ?")
        params.append(to_iso(until))
    if first_day is not None:
        where.append("started_local >= ?")
        params.append(first_day.isoformat())
    if last_day is not None:
        where.append("started_local < ?")
        params.append((last_day + timedelta(days=1)).isoformat())
    if not_sure is not None:
        where.append(f"not_sure = {int(not_sure)}")
    return " AND ".join(where), params
