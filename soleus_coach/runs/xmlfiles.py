"""GPX and TCX files read into activities, through one guarded XML path. No Qt.

**The guard** (:func:`xml_root`): every GPX and TCX file is parsed by defusedxml's
ElementTree, and by nothing else, with DTDs, entity declarations and external references
forbidden. The check sits in the parser (expat reports a DOCTYPE wherever it stands: after
comments, processing instructions, blanks or a byte-order mark), so no text before it can
hide one, and no second parser (gpxpy used lxml when installed, which expands entities)
ever reads the file. Blanks and byte-order marks before ``<?xml`` are skipped (a Polar V800's
TCX starts with them); the text is decoded by its byte-order mark, else by the encoding its
declaration names, else as UTF-8.

GPX and TCX carry no time zone unless their times are written with an offset; the
activity's offset is taken from the first such time (an explicit ``Z`` says nothing about
where the runner was).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from soleus_coach import texts
from soleus_coach.runs.model import Activity, Run, RunProblem, Said, Source, said
from soleus_coach.runs.sports import Sport, sport_of_word
from soleus_coach.runs.track import Point, figures

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]{1,40})["']""")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_LEADING = " \t\r\n\ufeff\x00"


def decode(data: bytes, kind: str) -> str:
    """The file's text: by its byte-order mark, else its declared encoding, else UTF-8; the
    blanks and byte-order marks before the first ``<`` dropped."""
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], name
            break
    else:
        head = data.lstrip(b" \t\r\n")
        while head.startswith(codecs.BOM_UTF8):  # a BOM after the blanks, or two of them
            head = head[len(codecs.BOM_UTF8):].lstrip(b" \t\r\n")
        declared = _DECLARED.match(head[:200])
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
        data = head
    try:
        codecs.lookup(encoding)
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise RunProblem(texts.RUN_NOT_TEXT, kind) from None
    return text.lstrip(_LEADING)


def xml_root(data: bytes, kind: str) -> Element:
    """The document's root element; :class:`RunProblem` for a DTD or an entity anywhere,
    and for anything that is not well-formed XML."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    text = decode(data, kind)
    try:
        return fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise RunProblem(texts.RUN_DOCTYPE) from None
    except ParseError as exc:
        raise RunProblem(texts.RUN_BAD_XML, kind, first_line(exc)) from None


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _local(el: Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Element, name: str) -> Iterator[Element]:
    return (c for c in el if _local(c) == name)


def _child(el: Element, name: str) -> Element | None:
    return next(_children(el, name), None)


def _text(el: Element | None, name: str) -> str | None:
    c = None if el is None else _child(el, name)
    return None if c is None or c.text is None else c.text.strip()


def _float(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and abs(value) < 1e12 else None  # not NaN, not inf


def parse_time(text: str | None) -> tuple[datetime, int | None] | None:
    """(UTC time, offset in seconds when the text gives a non-zero one), or None."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), None
    offset = moment.utcoffset()
    seconds = round(offset.total_seconds()) if offset else 0
    return moment.astimezone(UTC), (seconds or None)


def _cadence(point: Element) -> float | None:
    for el in point.iter():
        if _local(el) in ("cad", "cadence", "RunCadence", "Cadence"):
            value = _float(el.text)
            if value:
                return value
    return None


def _activity(segments: list[list[Point]], offset: int | None, sport: str | None,
              source: Source, name: str, *, distance_m: float | None = None,
              timer_s: float | None = None, start: datetime | None = None) -> Activity:
    """An activity from its points; laps' distance and timer (TCX) replace the points'
    where the file has them."""
    found = figures(segments)
    if found is None:
        raise RunProblem(texts.RUN_NO_TIMES)
    notes: tuple[Said, ...] = ()
    if found.dropped:
        notes = (said(texts.RUN_NOTE_BACKWARDS, found.dropped, found.dropped + found.points),)
    begin = start if start is not None and start <= found.start else found.start
    elapsed = (found.end - begin).total_seconds()
    distance = distance_m or found.device_m or found.distance_m
    moving = timer_s or found.moving_s
    run = Run(start=begin, distance_m=distance, moving_s=moving,
              elapsed_s=max(elapsed, timer_s or 0.0), source=source, climb_m=found.climb_m,
              utc_offset_s=offset, name=name)
    return Activity(run=run, sport=sport, cadence=found.cadence, fast_kmh=found.fast_kmh,
                    notes=notes)


# ----------------------------------------------------------------------------- GPX


def read_gpx(data: bytes) -> list[Activity]:
    root = xml_root(data, "GPX")
    if _local(root) != "gpx":
        raise RunProblem(texts.RUN_BAD_XML, "GPX", "no <gpx> element")
    creator = (root.get("creator") or "").lower()
    tracks = list(_children(root, "trk"))
    words = [(_text(t, "type") or "") for t in tracks]
    sports = {sport_of_word(w) for w in words} - {None}
    if "strava" in creator and any(w.strip() == "9" for w in words):
        sports.add(Sport.RUNNING)  # Strava's number for a run
    sport = Sport.RUNNING if Sport.RUNNING in sports else \
        next(iter(sports)) if len(sports) == 1 else None
    segments: list[list[Point]] = []
    offset: int | None = None
    any_point = False
    for track in tracks:
        for seg in _children(track, "trkseg"):
            points = []
            for pt in _children(seg, "trkpt"):
                any_point = True
                when = parse_time(_text(pt, "time"))
                if when is None:
                    continue
                if offset is None and when[1] is not None:
                    offset = when[1]
                points.append(Point(t=when[0], lat=_float(pt.get("lat")),
                                    lon=_float(pt.get("lon")), ele=_float(_text(pt, "ele")),
                                    cadence=_cadence(pt)))
            segments.append(points)
    if not any_point:
        raise RunProblem(texts.RUN_NO_TIMES if _child(root, "rte") is not None
                         else texts.RUN_NO_ACTIVITY)
    metadata = _child(root, "metadata")
    name = next((n for t in tracks if (n := _text(t, "name"))), None) or \
        _text(metadata, "name") or _text(root, "name") or _text(metadata, "desc") or ""
    return [_activity(segments, offset, sport, Source.GPX, name)]


# ----------------------------------------------------------------------------- TCX


def read_tcx(data: bytes) -> list[Activity]:
    root = xml_root(data, "TCX")
    activities = [el for el in root.iter() if _local(el) == "Activity"]
    out = []
    problem: RunProblem | None = None
    for act in activities:
        word = (act.get("Sport") or "").strip()
        sport = sport_of_word(word)
        laps = list(_children(act, "Lap"))
        lap_m = sum(_float(_text(lap, "DistanceMeters")) or 0.0 for lap in laps)
        timer = sum(_float(_text(lap, "TotalTimeSeconds")) or 0.0 for lap in laps)
        segments: list[list[Point]] = []
        offset: int | None = None
        for lap in laps:
            for track in _children(lap, "Track"):
                points = []
                for pt in _children(track, "Trackpoint"):
                    when = parse_time(_text(pt, "Time"))
                    if when is None:
                        continue
                    if offset is None and when[1] is not None:
                        offset = when[1]
                    pos = _child(pt, "Position")
                    points.append(Point(
                        t=when[0], lat=_float(_text(pos, "LatitudeDegrees")),
                        lon=_float(_text(pos, "LongitudeDegrees")),
                        ele=_float(_text(pt, "AltitudeMeters")),
                        distance=_float(_text(pt, "DistanceMeters")), cadence=_cadence(pt)))
                segments.append(points)
        starts = [parse_time(lap.get("StartTime")) for lap in laps]
        start = next((s for s in starts if s is not None), None) or \
            parse_time(_text(act, "Id"))
        name = _text(act, "Notes") or ""
        try:
            out.append(_tcx_activity(segments, offset, sport, name, lap_m, timer, start))
        except RunProblem as exc:
            problem = problem or exc
    if not out:
        raise problem or RunProblem(texts.RUN_NO_ACTIVITY)
    return out


def _tcx_activity(segments: list[list[Point]], offset: int | None, sport: str | None,
                  name: str, lap_m: float, timer: float,
                  start: tuple[datetime, int | None] | None) -> Activity:
    if sum(len(s) for s in segments) >= 2:
        return _activity(segments, offset if offset is not None else
                         (start[1] if start else None), sport, Source.TCX, name,
                         distance_m=lap_m or None, timer_s=timer or None,
                         start=start[0] if start else None)
    if start is None:  # no points, no lap start: nothing says when it was
        raise RunProblem(texts.RUN_NO_TIMES)
    run = Run(start=start[0], distance_m=lap_m, moving_s=timer, elapsed_s=timer,
              source=Source.TCX, utc_offset_s=start[1], name=name)
    return Activity(run=run, sport=sport)


READERS: dict[Source, Callable[[bytes], list[Activity]]] = {Source.GPX: read_gpx,
                                                            Source.TCX: read_tcx}
