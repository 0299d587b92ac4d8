"""A programme in the history database: its events, the morning checks, pain during loading
sessions, and the suggestions with the runner's choices. No Qt.

A mixin of :class:`~soleus_coach.history.store.HistoryStore` like
:class:`~soleus_coach.history.run_store.RunStore`: the same connection, the same
all-or-nothing writes (WAL, ``synchronous=FULL``), so each answer is on disk once the call
returns and a kill right after it loses nothing. Every answer is one row; nothing is
updated in place except a suggestion's choice and a morning check answered after a skip.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from soleus_coach.history.records import from_iso, local_midnight_utc, to_iso

# The programme's records are read when a programme is looked at: every start opens the
# history, and most runners have no programme (their dataclasses are milliseconds to make).
if TYPE_CHECKING:
    from soleus_coach.programme.records import (
        Choice,
        DoneSession,
        MorningCheck,
        PainDuring,
        ProgrammeEvent,
        SuggestionRecord,
    )

#: One step of the history's migrations (its number is the lead's to give): programme events,
#: morning checks, pain during loading, suggestions and choices. Tables and indexes only (the
#: store's open-time check expects no views or triggers); nothing it adds refers to the
#: tables of other steps, so it can be renumbered alone.
MIGRATION_PROGRAMME = """
    CREATE TABLE programme_event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        programme_id TEXT NOT NULL,
        kind TEXT NOT NULL
            CHECK (kind IN ('start', 'pause', 'resume', 'phase', 'ease_off', 'end')),
        phase INTEGER NOT NULL DEFAULT 0 CHECK (phase >= 0),
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE morning_check (
        day TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        pain INTEGER CHECK (pain BETWEEN 0 AND 10),
        stiffer INTEGER CHECK (stiffer IN (0, 1))
    ) WITHOUT ROWID;
    CREATE TABLE pain_during (
        session_uid TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        pain INTEGER CHECK (pain BETWEEN 0 AND 10)
    ) WITHOUT ROWID;
    CREATE TABLE suggestion (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        programme_id TEXT NOT NULL,
        phase INTEGER NOT NULL CHECK (phase >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('ease_off', 'move_on', 'see_physio', 'red_flag')),
        reasons TEXT NOT NULL,
        choice TEXT CHECK (choice IN ('accepted', 'kept_going')),
        chosen_at TEXT
    );
    CREATE INDEX suggestion_day ON suggestion (day);
    """

#: What counts as a session done (the same rule as the history's weekly figures).
_COUNTS = "(status = 'completed' OR active_s >= 60)"


def _event(r: Sequence[Any]) -> ProgrammeEvent:
    from soleus_coach.programme.records import EventKind, ProgrammeEvent

    return ProgrammeEvent(from_iso(r[1]), date.fromisoformat(r[2]), r[3], EventKind(r[4]), r[5],
                          r[6], r[0])


def _suggestion(r: Sequence[Any]) -> SuggestionRecord:
    from soleus_coach.programme.records import (
        Choice,
        SuggestionKind,
        SuggestionRecord,
        reasons_from_text,
    )

    return SuggestionRecord(date.fromisoformat(r[2]), from_iso(r[1]), r[3], r[4],
                            SuggestionKind(r[5]), reasons_from_text(r[6]),
                            Choice(r[7]) if r[7] else None,
                            from_iso(r[8]) if r[8] else None, r[0])


class ProgrammeStore:
    """Reads and writes of a programme; see :class:`HistoryStore` for the rest."""

    _conn: sqlite3.Connection
    _now: Callable[[], datetime]

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # ----------------------------------------------------------------- writing

    def add_programme_event(self, event: ProgrammeEvent) -> int:
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO programme_event (at, day, programme_id, kind, phase, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (to_iso(event.at), event.day.isoformat(), event.programme_id, event.kind.value,
                 event.phase, event.detail))
            return int(cur.lastrowid or 0)

    def save_morning_check(self, check: MorningCheck) -> None:
        """One a day: a skip is kept (the question is not asked again that day) and an
        answer given later that day replaces it."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO morning_check (day, at, pain, stiffer) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (day) DO UPDATE SET at = excluded.at, pain = excluded.pain, "
                "stiffer = excluded.stiffer WHERE excluded.pain IS NOT NULL "
                "OR excluded.stiffer IS NOT NULL",
                (check.day.isoformat(), to_iso(check.at), check.pain,
                 None if check.stiffer is None else int(check.stiffer)))

    def save_pain_during(self, answer: PainDuring) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO pain_during (session_uid, at, pain) VALUES (?, ?, ?) "
                "ON CONFLICT (session_uid) DO UPDATE SET at = excluded.at, "
                "pain = excluded.pain",
                (answer.session_uid, to_iso(answer.at), answer.pain))

    def add_suggestion(self, rec: SuggestionRecord) -> int:
        from soleus_coach.programme.records import reasons_to_text

        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO suggestion (at, day, programme_id, phase, kind, reasons, choice, "
                "chosen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (to_iso(rec.at), rec.day.isoformat(), rec.programme_id, rec.phase,
                 rec.kind.value, reasons_to_text(rec.reasons),
                 None if rec.choice is None else rec.choice.value,
                 None if rec.chosen_at is None else to_iso(rec.chosen_at)))
            return int(cur.lastrowid or 0)

    def choose(self, suggestion_id: int, choice: Choice, at: datetime,
               then: ProgrammeEvent | None = None) -> None:
        """Record the runner's choice, and what it changes (a new phase, easing off) in the
        same transaction: a choice is never kept without its effect, nor the other way."""
        with self._write() as conn:
            conn.execute("UPDATE suggestion SET choice = ?, chosen_at = ? WHERE id = ?",
                         (choice.value, to_iso(at), suggestion_id))
            if then is not None:
                conn.execute(
                    "INSERT INTO programme_event (at, day, programme_id, kind, phase, detail) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (to_iso(then.at), then.day.isoformat(), then.programme_id, then.kind.value,
                     then.phase, then.detail))

    # ----------------------------------------------------------------- reading

    def programme_events(self) -> list[ProgrammeEvent]:
        """Every programme event, oldest first (a few a week: read whole)."""
        return [_event(r) for r in self._conn.execute(
            "SELECT id, at, day, programme_id, kind, phase, detail FROM programme_event "
            "ORDER BY at, id")]

    def morning_checks(self, since: date | None = None,
                       until: date | None = None) -> list[MorningCheck]:
        """Morning checks of the days in [since, until], oldest first."""
        from soleus_coach.programme.records import MorningCheck

        rows = self._conn.execute(
            "SELECT day, at, pain, stiffer FROM morning_check WHERE day >= ? AND day <= ? "
            "ORDER BY day", ((since or date.min).isoformat(), (until or date.max).isoformat()))
        return [MorningCheck(date.fromisoformat(r[0]), from_iso(r[1]), r[2],
                             None if r[3] is None else bool(r[3])) for r in rows]

    def morning_check(self, day: date) -> MorningCheck | None:
        found = self.morning_checks(day, day)
        return found[0] if found else None

    def pain_during(self, uids: Iterable[str]) -> dict[str, PainDuring]:
        from soleus_coach.programme.records import PainDuring

        wanted = list(uids)
        out: dict[str, PainDuring] = {}
        for i in range(0, len(wanted), 500):  # SQLite's limit on parameters
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                    f"SELECT session_uid, at, pain FROM pain_during WHERE session_uid IN "
                    f"({marks})", chunk):
                out[r[0]] = PainDuring(r[0], from_iso(r[1]), r[2])
        return out

    def suggestions(self, *, since: date | None = None,
                    until: date | None = None) -> list[SuggestionRecord]:
        """Suggestions of the days in [since, until], oldest first."""
        return [_suggestion(r) for r in self._conn.execute(
            "SELECT id, at, day, programme_id, phase, kind, reasons, choice, chosen_at "
            "FROM suggestion WHERE day >= ? AND day <= ? ORDER BY at, id",
            ((since or date.min).isoformat(), (until or date.max).isoformat()))]

    def done_sessions(self, since: date, until: date,
                      tz: tzinfo | None = None) -> list[DoneSession]:
        """Sessions started on the local days [since, until], oldest first."""
        from soleus_coach.programme.records import DoneSession

        start = local_midnight_utc(since, tz)
        end = local_midnight_utc(until + timedelta(days=1), tz)
        out = []
        for r in self._conn.execute(
                f"SELECT uid, protocol_id, started_at, {_COUNTS}, pain_after, notes, "
                "protocol_name FROM readable_session WHERE started_at >= ? AND started_at < ? "
                "ORDER BY started_at, id", (to_iso(start), to_iso(end))):
            started = from_iso(r[2])
            local = started.astimezone(tz) if tz is not None else started.astimezone()
            out.append(DoneSession(r[0], r[1], started, local.date(), bool(r[3]), r[4], r[5],
                                   r[6]))
        return out

    def runs_by_day(self, since: date, until: date,
                    tz: tzinfo | None = None) -> dict[date, tuple[int, float]]:
        """Runs and metres run on each local day of [since, until] that had any."""
        start = local_midnight_utc(since, tz)
        end = local_midnight_utc(until + timedelta(days=1), tz)
        out: dict[date, tuple[int, float]] = {}
        for at, metres in self._conn.execute(
                "SELECT started_at, distance_m FROM readable_run WHERE started_at >= ? AND "
                "started_at < ?", (to_iso(start), to_iso(end))):
            moment = from_iso(at)
            day = (moment.astimezone(tz) if tz is not None else moment.astimezone()).date()
            n, m = out.get(day, (0, 0.0))
            out[day] = (n + 1, m + float(metres))
        return out
