"""Plain records of the history: what a session was, segment by segment. No SQL, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from soleus_coach.checkin import CheckIn


class Status(StrEnum):
    IN_PROGRESS = "in_progress"  # being written now, or the app died (see recovery)
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"  # found in progress at the next start: the app was killed


def utc_now() -> datetime:
    """Now, to the millisecond: what the history stores, so a record reads back equal."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def to_iso(moment: datetime) -> str:
    """ISO-8601 in UTC with milliseconds; these strings sort in time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: history times must be aware")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(slots=True)
class SegmentRecord:
    seq: int  # order in which segments ended, from 0
    kind: str
    label: str
    side: str | None
    rep: int | None
    planned_s: float
    actual_s: float
    outcome: str  # completed / skipped / stopped / hurt
    ended_at: datetime


@dataclass(frozen=True, slots=True)
class EventRecord:
    at: datetime
    kind: str  # e.g. "red_flag", "it_hurts" (see soleus_coach.safety)
    detail: str  # JSON text owned by the kind


@dataclass(slots=True)
class SessionRecord:
    uid: str
    protocol_id: str
    protocol_name: str
    protocol_digest: str
    started_at: datetime
    planned_s: float
    leg: str = ""
    status: Status = Status.IN_PROGRESS
    ended_at: datetime | None = None
    updated_at: datetime | None = None
    active_s: float = 0.0
    paused_s: float = 0.0
    before: CheckIn | None = None
    after: CheckIn | None = None
    notes: str = ""
    segments: list[SegmentRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)

    @property
    def done_segments(self) -> int:
        return sum(1 for s in self.segments if s.outcome == "completed")


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the history list (no segments): cheap to load by the thousand."""

    uid: str
    protocol_id: str
    protocol_name: str
    started_at: datetime
    ended_at: datetime | None
    planned_s: float
    active_s: float
    status: Status
    pain_before: int | None
    pain_after: int | None
    has_notes: bool


@dataclass(frozen=True, slots=True)
class Summary:
    """What the main window says about the runner's recent practice."""

    week_sessions: int
    week_minutes: float
    streak_days: int  # consecutive days with a session, ending today or yesterday
    total_sessions: int
    last_started: datetime | None


@dataclass(frozen=True, slots=True)
class WeekStat:
    week_start: date  # a Monday
    sessions: int
    minutes: float
    mean_pain_after: float | None


def local_midnight_utc(day: date, tz: tzinfo | None) -> datetime:
    """The start of ``day`` in ``tz`` (None: the system's zone), in UTC."""
    local = datetime(day.year, day.month, day.day, tzinfo=tz)
    if tz is None:
        local = local.astimezone()  # the system's zone
    return local.astimezone(UTC)


def offset_modifier(today: date, tz: tzinfo | None) -> str:
    """An SQLite date modifier that turns UTC into local time (at today's offset)."""
    noon = datetime(today.year, today.month, today.day, 12, tzinfo=tz)
    if tz is None:
        noon = noon.astimezone()
    offset = noon.utcoffset() or timedelta(0)
    return f"{int(offset.total_seconds()):+d} seconds"
