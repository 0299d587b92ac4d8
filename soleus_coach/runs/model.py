"""One run as a frozen value, the checks every run passes before it is stored, the key that
makes the same run from two files one run, and the one clock every surface shows it on.
No Qt, no parsing libraries.

Words are carried as :class:`Said` (a text and its values) rather than as strings: a file is
read in a worker process, which has no translator, and the sentence is translated where it is
shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

from soleus_coach import texts
from soleus_coach.digest import sha256_hex
from soleus_coach.texts import Text

#: Bounds of a run on foot; outside them a file is refused with the reason, in one line.
MIN_DISTANCE_M = 100.0
MAX_DISTANCE_M = 350_000.0  # the 24-hour record is about 320 km
MIN_ELAPSED_S = 60.0
MAX_ELAPSED_S = 5 * 24 * 3600.0
MAX_SPEED_KMH = 30.0  # faster on average than any race longer than a minute: a bike or a car
#: No GPS watch recorded a run before 1980 (GPS time starts on 6 January 1980); an earlier
#: date is a device whose clock was never set.
EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)

#: Two runs are the same run when they start within this many seconds…
SAME_START_S = 120.0
#: …and their distances differ by at most this share or SAME_DISTANCE_M, whichever is larger.
SAME_DISTANCE_SHARE = 0.03
SAME_DISTANCE_M = 150.0


@dataclass(frozen=True, slots=True)
class Said:
    """A sentence to show: a text of :mod:`soleus_coach.texts` and the values it is filled
    with, translated when it is turned into a string (``str(said)``)."""

    text: Text
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return texts.fill(self.text, *self.args)


def said(text: Text, *args: object) -> Said:
    return Said(text, tuple(str(a) for a in args))


class RunProblem(Exception):
    """Why a file or an entry gives no run: one line, translated when shown."""

    def __init__(self, text: Text, *args: object) -> None:
        super().__init__(text, *args)
        self.said = said(text, *args)

    def __str__(self) -> str:
        return str(self.said)


class Source(StrEnum):
    GPX = "gpx"
    TCX = "tcx"
    FIT = "fit"
    MANUAL = "manual"


#: Which file knows a run best: the watch's own FIT (its timer, its distance, its time zone),
#: then TCX (laps with the timer's time), then GPX (points only), then a run typed in by hand.
SOURCE_RANK = {Source.MANUAL: 0, Source.GPX: 1, Source.TCX: 2, Source.FIT: 3}


class Surface(StrEnum):
    """Where the run was (manual entry); the source names uneven surfaces as a cause."""

    ROAD = "road"
    TRAIL = "trail"
    TRACK = "track"
    TREADMILL = "treadmill"
    SAND_GRASS = "sand_grass"


def content_hash(start: datetime, distance_m: float) -> str:
    """The identity of a run: its start, floored to the minute, and its distance, rounded to
    100 m (SHA-256 of both, 32 hex digits).

    A hash of the file's bytes would not do: a watch's FIT file and the TCX or GPX that a
    website exports of the same activity share no bytes, and even their figures differ a
    little (a FIT session's start and its TCX lap's start can be a second apart; a GPX carries
    no distance, so it is measured from the points). Start and distance are what both keep.
    Two files that fall on either side of a minute or a 100 m boundary get different keys;
    the store therefore also treats a run starting within :data:`SAME_START_S` of a stored
    one with a distance within 3 % (or 150 m) as the same (:func:`same_run`). A runner
    cannot start two runs in the same two minutes.
    """
    minute = int(start.timestamp() // 60)
    return sha256_hex(f"run/1:{minute}:{round(distance_m / 100)}".encode())[:32]


def same_run(a_start: datetime, a_m: float, b_start: datetime, b_m: float) -> bool:
    """Whether two runs are one activity (see :func:`content_hash`)."""
    close = abs((a_start - b_start).total_seconds()) <= SAME_START_S
    tolerance = max(SAME_DISTANCE_M, SAME_DISTANCE_SHARE * max(a_m, b_m))
    return close and abs(a_m - b_m) <= tolerance


def computer_offset_s(moment: datetime) -> int:
    """This computer's offset from UTC *at that moment* (summer time included), in seconds:
    the zone of a run whose file does not say where it was run."""
    offset = moment.astimezone().utcoffset() or timedelta(0)
    return round(offset.total_seconds())


def local_wall_clock(start: datetime, offset_s: int) -> datetime:
    """The start as the runner's clock showed it (naive): what every surface shows."""
    return (start.astimezone(UTC) + timedelta(seconds=offset_s)).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Run:
    """A run on foot. ``start`` is UTC; ``utc_offset_s`` the runner's offset from UTC at the
    start: the file's where it says (FIT does; GPX and TCX only when their times carry an
    offset), else this computer's at that date — filled in before a run is stored, so every
    surface shows one clock (:attr:`local_start`).

    Times: ``moving_s`` is the time on the watch's timer (pauses left out), ``elapsed_s``
    from start to finish. The time of a run, wherever it is shown, is :attr:`time_s`; its
    pace is over that time (:attr:`pace_s_per_km`).
    """

    start: datetime
    distance_m: float
    moving_s: float
    elapsed_s: float
    source: Source
    climb_m: float | None = None
    utc_offset_s: int | None = None
    sport: str = "running"
    file_name: str = ""  # where it came from (shown as plain text)
    name: str = ""  # the activity's name or notes from the file: untrusted, plain text only
    surface: Surface | None = None
    shoe: str = ""  # the shoe's name, when one is linked
    id: int | None = None  # the store's row id, once stored
    #: The file named no sport and its figures could be a walk or a ride: stored, shown to
    #: the runner to confirm, and counted nowhere until confirmed.
    not_sure: bool = False

    @property
    def content_hash(self) -> str:
        return content_hash(self.start, self.distance_m)

    @property
    def time_s(self) -> float:
        """The time of the run: the timer's (moving) time, elapsed if none was recorded."""
        return self.moving_s or self.elapsed_s

    @property
    def pace_s_per_km(self) -> float:
        """Average pace over :attr:`time_s`."""
        return self.time_s / (self.distance_m / 1000) if self.distance_m > 0 else 0.0

    @property
    def offset_s(self) -> int:
        """The offset the run is shown in (see the class)."""
        return self.utc_offset_s if self.utc_offset_s is not None \
            else computer_offset_s(self.start)

    @property
    def local_start(self) -> datetime:
        """The start in the runner's zone (aware, with that offset)."""
        return self.start.astimezone(timezone(timedelta(seconds=self.offset_s)))

    @property
    def climb_per_km(self) -> float | None:
        if self.climb_m is None or self.distance_m <= 0:
            return None
        return self.climb_m / (self.distance_m / 1000)

    def with_offset(self) -> Run:
        """This run with its offset filled in (the computer's at that date if none)."""
        return self if self.utc_offset_s is not None else replace(self, utc_offset_s=self.offset_s)


def check_run(run: Run, now: datetime | None = None) -> Run:
    """The run, if it is one a person could have run; raises :class:`RunProblem` otherwise.

    Moving time is kept within the elapsed time (a device's rounding can put it a second
    over); everything else out of bounds is refused with its reason. The date comes first:
    a device whose clock was never set gives nonsense everywhere else too.
    """
    now = now or datetime.now(UTC)
    if run.start.tzinfo is None:
        raise ValueError("naive start time")
    if run.start < EARLIEST:
        raise RunProblem(texts.RUN_TOO_EARLY, run.start.date().isoformat())
    if run.start > now + timedelta(days=1):
        raise RunProblem(texts.RUN_IN_FUTURE, run.start.date().isoformat())
    if not run.distance_m > 0:  # also NaN
        raise RunProblem(texts.RUN_NO_DISTANCE)
    if run.distance_m < MIN_DISTANCE_M:
        raise RunProblem(texts.RUN_TOO_SHORT_DISTANCE, round(run.distance_m),
                         round(MIN_DISTANCE_M))
    if run.distance_m > MAX_DISTANCE_M:
        raise RunProblem(texts.RUN_TOO_FAR, f"{run.distance_m / 1000:.1f}",
                         round(MAX_DISTANCE_M / 1000))
    if not run.elapsed_s >= MIN_ELAPSED_S:  # also NaN
        raise RunProblem(texts.RUN_TOO_SHORT_TIME,
                         round(run.elapsed_s) if math.isfinite(run.elapsed_s) else 0,
                         round(MIN_ELAPSED_S))
    if run.elapsed_s > MAX_ELAPSED_S:
        raise RunProblem(texts.RUN_TOO_LONG_TIME, round(run.elapsed_s / 3600),
                         round(MAX_ELAPSED_S / 3600))
    moving = run.moving_s if 0 < run.moving_s <= run.elapsed_s else run.elapsed_s
    speed = run.distance_m / 1000 / (moving / 3600)
    if speed > MAX_SPEED_KMH:
        raise RunProblem(texts.RUN_TOO_FAST, f"{speed:.1f}", round(MAX_SPEED_KMH))
    if run.climb_m is not None and not 0 <= run.climb_m <= run.distance_m:
        run = replace(run, climb_m=None)  # a broken altimeter: no climb rather than nonsense
    return run if moving == run.moving_s else replace(run, moving_s=moving)


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity as a file describes it, before it is judged a run or not: its figures,
    the sport the file names (None: it names none, or one we do not know), and what its
    points say about how it moved (for :func:`soleus_coach.runs.classify.judge`)."""

    run: Run
    sport: str | None  # a :class:`~soleus_coach.runs.sports.Sport` value
    cadence: float | None = None  # median, per minute, as the file counts it
    fast_kmh: float | None = None  # the speed held for the fastest tenth of the time
    notes: tuple[Said, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Shoe:
    """A pair of the runner's shoes, with the distance run in them so far."""

    id: int
    name: str
    retired: bool = False
    distance_m: float = 0.0
    runs: int = 0


@dataclass(frozen=True, slots=True)
class WeekRuns:
    """The runs of one week (Monday to Sunday) or month, in the runs' own local time; runs
    not sure to be runs are left out."""

    week_start: date
    runs: int
    distance_m: float
    climb_m: float  # of the runs that recorded a climb
    climbed_m: float  # the distance of those runs (for climb per km)
    longest_m: float

    @property
    def climb_per_km(self) -> float | None:
        return self.climb_m / (self.climbed_m / 1000) if self.climbed_m > 0 else None
