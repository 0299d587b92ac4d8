"""GPX, TCX and FIT files to :class:`Run` values. No Qt; the libraries load on first use.

- GPX: ``gpxpy`` (distance measured from the points, moving time and climb as gpxpy computes
  them).
- TCX: ``defusedxml`` + ElementTree (laps' distance and timer time, climb from altitudes).
- FIT: ``fitdecode``, chosen over Garmin's ``garmin-fit-sdk``: it reads a file as a stream
  of frames (the session, lap and activity summaries are picked as they pass; nothing is
  gathered into lists), it raises one typed error per kind of damage (header, CRC,
  truncation), and it installs only its own package — the SDK's wheel also installs a
  top-level ``tests`` package that shadows this project's ``tests`` folder. The SDK decoded a
  one-hour file about 30 % faster, which the import's total time does not need
  (docs/benchmarks/runs.md).

Hostile input: every file is read through :func:`read_capped` (regular files only, at most
:data:`MAX_BYTES` bytes, gzip inflated to the same cap), XML with a DOCTYPE is refused before
any parser sees it (no entity can be declared, so none can expand or fetch), and every
library error becomes a :class:`RunProblem` with one line of text.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from soleus_coach import texts
from soleus_coach.reader import FileTooLarge, NotRegularFile, read_user_file
from soleus_coach.runs.model import Run, RunProblem, Source, check_run

log = logging.getLogger(__name__)

#: The largest file read (after inflating a .gz): a 24-hour run recorded every second is
#: about 4 MiB as FIT and 30 MiB as TCX.
MAX_BYTES = 48 * 2**20
#: FIT is denser (and decoded in pure Python at about 0.4 MiB/s): a 24-hour run is under
#: 8 MiB, so a bigger "FIT" file is refused rather than decoded for a minute.
MAX_FIT_BYTES = 16 * 2**20
SUFFIXES = (".gpx", ".tcx", ".fit")
#: GPX track types that are runs (Strava, Garmin, Runkeeper spell them differently);
#: a GPX without a type is taken for a run.
GPX_RUN_TYPES = frozenset({"running", "run", "9", "trail_running", "trail running",
                           "treadmill_running", "street_running", "track_running",
                           "virtual_run", "virtualrun"})
FIT_RUN_SPORTS = frozenset({"running"})


@dataclass(frozen=True, slots=True)
class FileRuns:
    """What one file holds: its runs (checked) and the sports it had besides."""

    runs: tuple[Run, ...]
    other_sports: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())  # activities in it that were refused


def is_activity_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(SUFFIXES)


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes (inflated if it ends in .gz); :class:`RunProblem` for anything that
    is not a regular file within ``limit``. Opened without blocking (a FIFO never hangs)."""
    try:
        data = read_user_file(path, limit, "GPS files")
    except NotRegularFile:
        raise RunProblem(texts.translate(texts.RUN_NOT_REGULAR)) from None
    except FileTooLarge:
        raise RunProblem(_too_big(path.stat().st_size, limit)) from None
    except OSError as exc:
        raise RunProblem(texts.fill(texts.RUN_CANNOT_READ, exc.strerror or exc)) from None
    if path.name.lower().endswith(".gz"):
        import gzip
        import zlib

        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise RunProblem(texts.fill(texts.RUN_CANNOT_READ, exc)) from None
    if len(data) > limit:
        raise RunProblem(_too_big(len(data), limit))
    return data


def _too_big(size: int, limit: int) -> str:
    return texts.fill(texts.RUN_TOO_BIG, f"{size / 2**20:.1f}", limit // 2**20)


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
    raise RunProblem(texts.translate(texts.RUN_UNKNOWN_FORMAT))


def read_file(path: Path, *, now: datetime | None = None) -> FileRuns:
    """The runs in one file; :class:`RunProblem` when the file gives none and no other sport.

    Never lets a library's exception out: whatever a damaged file makes a parser raise is
    turned into one line (and logged with its traceback for a bug report).
    """
    data = read_capped(path)
    return parse_bytes(data, path.name, now=now)


def parse_bytes(data: bytes, name: str, *, now: datetime | None = None) -> FileRuns:
    source = sniff(name, data)
    if source is Source.FIT and len(data) > MAX_FIT_BYTES:
        raise RunProblem(_too_big(len(data), MAX_FIT_BYTES))
    parser: Callable[[bytes], tuple[list[Run], list[str]]] = {
        Source.GPX: _gpx, Source.TCX: _tcx, Source.FIT: _fit}[source]
    try:
        found, others = parser(data)
    except RunProblem:
        raise
    except RecursionError:
        raise RunProblem(texts.fill(texts.RUN_BAD_XML, source.value.upper(),
                                    "nested too deeply")) from None
    except Exception as exc:  # a library's own error on a damaged file, whatever its type
        log.warning("cannot parse %s", name, exc_info=True)
        raise RunProblem(texts.fill(texts.RUN_BAD_XML, source.value.upper(),
                                    _first_line(exc))) from None
    runs, problems = [], []
    for run in found:
        try:
            runs.append(check_run(_named(run, name), now))
        except RunProblem as exc:
            problems.append(str(exc))
    if not runs and not others:
        raise RunProblem(problems[0] if problems else texts.translate(texts.RUN_NO_ACTIVITY))
    return FileRuns(tuple(runs), tuple(others), tuple(problems))


def _named(run: Run, file_name: str) -> Run:
    from dataclasses import replace

    return replace(run, file_name=file_name[:255], name=run.name[:500])


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


# ----------------------------------------------------------------------------- XML


def _text(data: bytes) -> str:
    """UTF-8 text with no DOCTYPE: without a DTD no entity can be declared, so none can
    expand (billion laughs) or fetch a file or URL (external entities), whichever parser
    reads it next (gpxpy uses lxml when it is installed, which resolves entities)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RunProblem(texts.translate(texts.RUN_NOT_UTF8)) from None
    root = _root_start(text)
    if "<!doctype" in text[:root].lower() or "<!entity" in text[:root].lower():
        raise RunProblem(texts.translate(texts.RUN_DOCTYPE))
    return text


def _root_start(text: str) -> int:
    """Where the root element starts: the first ``<`` followed by a name character."""
    i = 0
    while True:
        i = text.find("<", i)
        if i < 0 or i + 1 >= len(text):
            return len(text)
        if text[i + 1].isalpha() or text[i + 1] in "_:":
            return i
        i += 1


def _gpx(data: bytes) -> tuple[list[Run], list[str]]:
    import gpxpy
    import gpxpy.gpx

    try:
        doc = gpxpy.parse(_text(data))
    except gpxpy.gpx.GPXException as exc:
        raise RunProblem(texts.fill(texts.RUN_BAD_XML, "GPX", _first_line(exc))) from None
    types = {(t.type or "").strip().lower() for t in doc.tracks} - {""}
    others = sorted(t for t in types if t not in GPX_RUN_TYPES)
    if others and not types & GPX_RUN_TYPES:
        return [], others
    times = [p.time for t in doc.tracks for s in t.segments for p in s.points
             if p.time is not None]
    if len(times) < 2:
        raise RunProblem(texts.translate(texts.RUN_NO_ACTIVITY))
    _check_forward(times)
    start, end = _utc(times[0]), _utc(times[-1])
    moving = doc.get_moving_data()
    updown = doc.get_uphill_downhill()
    has_ele = any(p.elevation is not None for t in doc.tracks for s in t.segments
                  for p in s.points)
    name = next((t.name for t in doc.tracks if t.name), None) or doc.name or \
        doc.description or ""
    elapsed = (end - start).total_seconds()
    return [Run(start=start, distance_m=float(doc.length_2d()),
                moving_s=float(moving.moving_time) if moving else elapsed,
                elapsed_s=elapsed, source=Source.GPX,
                climb_m=float(updown.uphill) if has_ele else None, name=name)], []


def _check_forward(times: Iterable[datetime]) -> None:
    previous: datetime | None = None
    for t in times:
        if previous is not None and t < previous:
            raise RunProblem(texts.translate(texts.RUN_BACKWARDS))
        previous = t


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _iso(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return _utc(datetime.fromisoformat(text.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and value == value else None  # not NaN


def _climb(altitudes: list[float], hysteresis: float = 1.0) -> float:
    """Metres climbed: rises counted once they pass ``hysteresis`` (GPS noise ignored)."""
    total, low = 0.0, None
    for a in altitudes:
        if low is None or a < low:
            low = a
        elif a - low >= hysteresis:
            total += a - low
            low = a
    return total


def _tcx(data: bytes) -> tuple[list[Run], list[str]]:
    from xml.etree.ElementTree import Element, ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    _text(data)
    try:
        root = fromstring(data, forbid_dtd=True)
    except ParseError as exc:
        raise RunProblem(texts.fill(texts.RUN_BAD_XML, "TCX", _first_line(exc))) from None
    except defusedxml.DefusedXmlException:
        raise RunProblem(texts.translate(texts.RUN_DOCTYPE)) from None

    def local(el: Element) -> str:
        return el.tag.rsplit("}", 1)[-1]

    def child(el: Element, name: str) -> Element | None:
        return next((c for c in el if local(c) == name), None)

    def child_text(el: Element, name: str) -> str | None:
        c = child(el, name)
        return None if c is None else c.text

    runs, others = [], []
    for act in (el for el in root.iter() if local(el) == "Activity"):
        sport = (act.get("Sport") or "").strip()
        if sport.lower() != "running":
            others.append(sport.lower() or "other")
            continue
        laps = [c for c in act if local(c) == "Lap"]
        distance = sum(_float(child_text(lap, "DistanceMeters")) or 0.0 for lap in laps)
        timer = sum(_float(child_text(lap, "TotalTimeSeconds")) or 0.0 for lap in laps)
        times: list[datetime] = []
        altitudes: list[float] = []
        last_distance = 0.0
        for pt in (el for lap in laps for el in lap.iter() if local(el) == "Trackpoint"):
            t = _iso(child_text(pt, "Time"))
            if t is not None:
                times.append(t)
            alt = _float(child_text(pt, "AltitudeMeters"))
            if alt is not None:
                altitudes.append(alt)
            last_distance = _float(child_text(pt, "DistanceMeters")) or last_distance
        _check_forward(times)
        start = (_iso(laps[0].get("StartTime")) if laps else None) or \
            _iso(child_text(act, "Id")) or (times[0] if times else None)
        if start is None:
            continue
        elapsed = (times[-1] - start).total_seconds() if times else timer
        runs.append(Run(start=start, distance_m=distance or last_distance,
                        moving_s=timer or elapsed, elapsed_s=max(elapsed, timer),
                        source=Source.TCX, climb_m=_climb(altitudes) if altitudes else None,
                        name=(child_text(act, "Notes") or "").strip()))
    if not runs and not others:
        raise RunProblem(texts.translate(texts.RUN_NO_ACTIVITY))
    return runs, others


# ----------------------------------------------------------------------------- FIT


def _fit(data: bytes) -> tuple[list[Run], list[str]]:
    import fitdecode

    if len(data) < 12 or data[8:12] != b".FIT":
        raise RunProblem(texts.fill(texts.RUN_BAD_FIT, "no FIT header"))
    sessions: list[dict[str, Any]] = []
    offset: int | None = None
    first: datetime | None = None
    last: datetime | None = None
    last_distance = 0.0
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                num = frame.global_mesg_num
                if num == 20:  # record
                    t = frame.get_value("timestamp", fallback=None)
                    if isinstance(t, datetime):
                        if last is not None and t < last:
                            raise RunProblem(texts.translate(texts.RUN_BACKWARDS))
                        first = first or t
                        last = t
                    d = frame.get_value("distance", fallback=None)
                    if isinstance(d, (int, float)):
                        last_distance = float(d)
                elif num == 18:  # session
                    sessions.append({f.name: f.value for f in frame.fields})
                elif num == 34:  # activity: its local time gives the runner's UTC offset
                    ts = frame.get_value("timestamp", fallback=None)
                    local_ts = frame.get_value("local_timestamp", fallback=None)
                    if isinstance(ts, datetime) and isinstance(local_ts, datetime):
                        seconds = round((local_ts - ts).total_seconds() / 900) * 900
                        offset = seconds if abs(seconds) <= 14 * 3600 else None
    except fitdecode.FitError as exc:
        raise RunProblem(texts.fill(texts.RUN_BAD_FIT, _first_line(exc))) from None
    if not sessions and first is not None and last is not None:  # the watch never summed up
        sessions.append({"sport": "running", "start_time": first, "total_distance":
                         last_distance, "total_elapsed_time": (last - first).total_seconds()})
    runs, others = [], []
    for s in sessions:
        sport = str(s.get("sport") or "generic")
        if sport not in FIT_RUN_SPORTS:
            others.append(sport)
            continue
        start = s.get("start_time")
        if not isinstance(start, datetime):
            continue
        elapsed = _num(s.get("total_elapsed_time"))
        ascent = s.get("total_ascent")
        runs.append(Run(start=_utc(start), distance_m=_num(s.get("total_distance")),
                        moving_s=_num(s.get("total_timer_time")) or elapsed,
                        elapsed_s=elapsed, source=Source.FIT,
                        climb_m=float(ascent) if isinstance(ascent, (int, float)) else None,
                        utc_offset_s=offset))
    return runs, others


def _num(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0
