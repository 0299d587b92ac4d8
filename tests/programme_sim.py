"""Simulated weeks of a programme on an injected clock: a settable local time, the real
history store, the bundled routines and programmes. Shared by the core, command-line, window
and report tests."""

from __future__ import annotations

import functools
import uuid
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from soleus_coach import paths
from soleus_coach.checkin import CheckIn
from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import HistoryStore, open_store
from soleus_coach.protocol import Library, load_library
from soleus_coach.protocol.programme import Programmes, load_programmes
from soleus_coach.runs.model import Run, Source
from soleus_coach.tracker import Tracker

#: The runner's zone: an hour east of UTC, so local days and UTC days differ at night.
ZONE = timezone(timedelta(hours=1))
MONDAY = date(2026, 3, 2)


class Now:
    """A local wall clock that only moves when told."""

    def __init__(self, day: date = MONDAY, hour: int = 7, minute: int = 30) -> None:
        self.moment = datetime.combine(day, time(hour, minute), tzinfo=ZONE)

    def __call__(self) -> datetime:
        return self.moment

    def set(self, day: date, hour: int, minute: int = 0) -> None:
        self.moment = datetime.combine(day, time(hour, minute), tzinfo=ZONE)


def library(user_dir: Path | None = None) -> Library:
    return load_library(paths.bundled_protocols_dir(), user_dir, paths.assets_dir())


def programmes(lib: Library, user_dir: Path | None = None) -> Programmes:
    return load_programmes(paths.bundled_programmes_dir(), user_dir,
                           {p.id for p in lib.protocols})


def make_tracker(db: Path, now: Now) -> tuple[Tracker, HistoryStore]:
    lib = library()
    progs = programmes(lib)
    store = open_store(db)
    return Tracker(store, lambda: progs, lib.get, now=now), store


def session(store: HistoryStore, routine: str, when: datetime, *, after: int | None = None,
            notes: str = "", name: str = "", flags: CheckIn | None = None) -> str:
    """A completed session of ``routine`` started at ``when``, as the recorder writes it."""
    uid = uuid.uuid4().hex
    end = when + timedelta(minutes=12)
    routine_name = name or _names().get(routine, routine)
    checkin = flags if flags is not None else (None if after is None else CheckIn(pain=after))
    store.save(SessionRecord(uid=uid, protocol_id=routine, protocol_name=routine_name,
                             protocol_digest="d", started_at=when, planned_s=720,
                             status=Status.COMPLETED, ended_at=end, active_s=700,
                             after=checkin, notes=notes))
    return uid


@functools.cache
def _names() -> dict[str, str]:
    return {p.id: p.name for p in library().protocols}


def run(store: HistoryStore, when: datetime, km: float) -> None:
    seconds = km * 330
    store.add_run(Run(start=when, distance_m=km * 1000, moving_s=seconds, elapsed_s=seconds,
                      source=Source.MANUAL))
