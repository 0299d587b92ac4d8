"""One activity file (GPX, TCX or FIT, maybe gzipped) to the runs in it. No Qt; the parsing
libraries load on first use.

- GPX and TCX: :mod:`soleus_coach.runs.xmlfiles` (one guarded XML path, defusedxml);
- FIT: :mod:`soleus_coach.runs.fit` (a walk over the stream, fitdecode for the summary).

Then every activity is judged (:func:`decide`): a file that names running gives runs; one
that names another sport gives that sport, skipped and named; one that names no sport is
judged by its figures (:mod:`soleus_coach.runs.classify`): a run, "not sure" (stored marked,
for the runner to confirm) or not a run. An export's own word for the sport (Strava's
``activities.csv``) comes in as a :class:`Hint` and is the runner's own: it decides.

Hostile input: every file is read through :func:`read_capped` (regular files only, at most
:data:`MAX_BYTES` bytes, opened without blocking), gzip is inflated to the same cap, and every
library error becomes a :class:`RunProblem` with one line of text. Everything here runs in a
worker process as well as in the app: words are :class:`~soleus_coach.runs.model.Said`,
translated where they are shown.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from soleus_coach import texts
from soleus_coach.reader import FileTooLarge, NotRegularFile, read_user_file
from soleus_coach.runs.classify import Verdict, judge
from soleus_coach.runs.model import Activity, Run, RunProblem, Said, Source, check_run, said
from soleus_coach.runs.sports import Sport

log = logging.getLogger(__name__)

#: The largest file read (after inflating a .gz): a 24-hour run recorded every second is
#: about 4 MiB as FIT and 30 MiB as TCX.
MAX_BYTES = 48 * 2**20
#: FIT is denser: a 24-hour run is under 8 MiB, so a bigger "FIT" file is refused.
MAX_FIT_BYTES = 16 * 2**20
SUFFIXES = (".gpx", ".tcx", ".fit")


@dataclass(frozen=True, slots=True)
class Hint:
    """What an export says of an activity beside its file (Strava's ``activities.csv``)."""

    sport: Sport | None  # None: a word we do not know; the file's own sport then decides
    word: str = ""  # the export's own word for it ("Ride")
    name: str = ""  # the activity's name, as the runner gave it


@dataclass(frozen=True, slots=True)
class Skipped:
    """An activity that is not a run: its sport, and why when it was judged by its figures
    or the export's word for it."""

    sport: Sport
    why: Said | None = None
    word: str = ""


@dataclass(frozen=True, slots=True)
class FileRuns:
    """What one file holds: its runs (checked; ``doubts[i]`` says why ``runs[i]`` may not be
    a run, None when it is one), the activities that are not runs, the activities refused,
    and what was read all the same (notes)."""

    runs: tuple[Run, ...]
    doubts: tuple[Said | None, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    problems: tuple[Said, ...] = field(default=())
    notes: tuple[Said, ...] = ()

    def __post_init__(self) -> None:
        if len(self.doubts) != len(self.runs):
            object.__setattr__(self, "doubts", (*self.doubts, *[None] * (len(self.runs) -
                                                                        len(self.doubts))))


def is_activity_file(path: Path | str) -> bool:
    name = str(path).lower().removesuffix(".gz")
    return name.endswith(SUFFIXES)


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes (not inflated); :class:`RunProblem` for anything that is not a
    regular file within ``limit``. Opened without blocking (a FIFO never hangs), checked on
    the opened descriptor (a link swapped after the check changes nothing)."""
    try:
        data = read_user_file(path, limit, "GPS files")
    except NotRegularFile:
        raise RunProblem(texts.RUN_NOT_REGULAR) from None
    except FileTooLarge:
        size = path.stat().st_size
        raise RunProblem(texts.RUN_TOO_BIG, f"{size / 2**20:.1f}", limit // 2**20) from None
    except OSError as exc:
        raise RunProblem(texts.RUN_CANNOT_READ, exc.strerror or exc) from None
    if len(data) > limit:
        raise RunProblem(texts.RUN_TOO_BIG, f"{len(data) / 2**20:.1f}", limit // 2**20)
    return data


def inflate(name: str, data: bytes, limit: int = MAX_BYTES) -> bytes:
    """``data``, gunzipped (to at most ``limit`` bytes) when the name or the bytes say gzip."""
    if not (name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b"):
        return data
    import gzip
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise RunProblem(texts.RUN_CANNOT_READ, exc) from None
    if len(out) > limit:
        raise RunProblem(texts.RUN_TOO_BIG, f"{len(out) / 2**20:.1f}+", limit // 2**20)
    return out


def sniff(name: str, data: bytes) -> Source:
    """The format, from the name (``.gpx``, ``.tcx``, ``.fit``, each maybe ``.gz``) or else
    from the first bytes."""
    lower = name.lower().removesuffix(".gz")
    for suffix, source in ((".gpx", Source.GPX), (".tcx", Source.TCX), (".fit", Source.FIT)):
        if lower.endswith(suffix):
            return source
    if data[8:12] == b".FIT":
        return Source.FIT
    head = data[:2048]
    if b"<gpx" in head:
        return Source.GPX
    if b"<TrainingCenterDatabase" in head:
        return Source.TCX
    raise RunProblem(texts.RUN_UNKNOWN_FORMAT)


def read_file(path: Path, *, now: datetime | None = None, hint: Hint | None = None) -> FileRuns:
    """The runs in one file on disk; :class:`RunProblem` when it gives none and no other
    sport."""
    return parse_bytes(read_capped(path), path.name, now=now, hint=hint)


def _readers() -> dict[Source, Callable[[bytes], list[Activity]]]:
    from soleus_coach.runs.fit import read_fit
    from soleus_coach.runs.xmlfiles import read_gpx, read_tcx

    return {Source.GPX: read_gpx, Source.TCX: read_tcx, Source.FIT: read_fit}


def parse_bytes(data: bytes, name: str, *, now: datetime | None = None,
                hint: Hint | None = None) -> FileRuns:
    """The runs in a file's bytes (``name`` gives the format and is kept with the run).

    Never lets a library's exception out: whatever a damaged file makes a parser raise is
    turned into one line (and logged with its traceback for a bug report)."""
    data = inflate(name, data)
    source = sniff(name, data)
    if source is Source.FIT and len(data) > MAX_FIT_BYTES:
        raise RunProblem(texts.RUN_TOO_BIG, f"{len(data) / 2**20:.1f}", MAX_FIT_BYTES // 2**20)
    try:
        activities = _readers()[source](data)
    except RunProblem:
        raise
    except RecursionError:
        raise RunProblem(texts.RUN_BAD_XML, source.value.upper(), "nested too deeply") from None
    except Exception as exc:  # a library's own error on a damaged file, whatever its type
        log.warning("cannot parse %s", name, exc_info=True)
        text = str(exc).strip().splitlines()
        raise RunProblem(texts.RUN_BAD_XML, source.value.upper(),
                         (text[0] if text else type(exc).__name__)[:200]) from None
    return decide(activities, name, now=now, hint=hint)


def decide(activities: list[Activity], file_name: str, *, now: datetime | None = None,
           hint: Hint | None = None) -> FileRuns:
    """Each activity judged a run, not sure, or not a run; runs checked and given their
    UTC offset (the computer's at that date when the file gave none)."""
    now = now or datetime.now(UTC)
    runs: list[Run] = []
    doubts: list[Said | None] = []
    skipped: list[Skipped] = []
    problems: list[Said] = []
    notes: list[Said] = []
    single = len(activities) == 1
    for act in activities:
        sport = act.sport
        word = ""
        if hint is not None and single and hint.sport is not None:
            sport, word = hint.sport, hint.word
        if sport is not None and sport != Sport.RUNNING:
            skipped.append(Skipped(Sport(sport), word=word))
            continue
        doubt: Said | None = None
        if sport is None:
            judged = judge(act.run.distance_m, act.run.moving_s or act.run.elapsed_s,
                           cadence=act.cadence, fast_kmh=act.fast_kmh)
            if judged.verdict is Verdict.NOT_RUN:
                skipped.append(Skipped(Sport.OTHER, judged.why))
                continue
            if judged.verdict is Verdict.NOT_SURE:
                doubt = judged.why or said(texts.RUN_DOUBT_SLOW, "?")
        run = replace(act.run, file_name=file_name[:255],
                      name=((hint.name if hint and hint.name else act.run.name) or "")[:500],
                      not_sure=doubt is not None)
        try:
            runs.append(check_run(run, now).with_offset())
        except RunProblem as exc:
            problems.append(exc.said)
            continue
        doubts.append(doubt)
        notes.extend(n for n in act.notes if n not in notes)
    if not runs and not skipped:
        raise RunProblem(problems[0].text, *problems[0].args) if problems \
            else RunProblem(texts.RUN_NO_ACTIVITY)
    return FileRuns(tuple(runs), tuple(doubts), tuple(skipped), tuple(problems), tuple(notes))
