"""Real-shaped activity files for tests and benchmarks: FIT written with fit-tool (a FIT
encoder, in the ``test`` extra), GPX and TCX written as XML. Each track runs due north along a
meridian, so its length is known exactly: one degree of latitude is 111,319.5 m on the
sphere that gpxpy measures with (radius 6,378.137 km)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

#: Metres per degree of latitude on gpxpy's sphere (radius 6,378.137 km).
M_PER_DEG = 6_378_137 * 3.141592653589793 / 180
#: 1989-12-31T00:00:00Z in Unix seconds.
FIT_EPOCH_S = 631_065_600


@dataclass(frozen=True)
class Track:
    start: datetime = datetime(2026, 11, 10, 17, 5, tzinfo=UTC)
    distance_m: float = 5000.0
    elapsed_s: int = 1500
    points: int = 301
    climb_m: float = 0.0  # up and down once: the altitude rises this much in the first half
    sport: str = "running"
    name: str = "Evening run"
    utc_offset_s: int = 3600
    lat0: float = 52.0
    lon0: float = 13.0

    def samples(self) -> list[tuple[datetime, float, float, float]]:
        """(time, latitude, distance so far, altitude) per point, evenly spaced."""
        out = []
        for i in range(self.points):
            f = i / (self.points - 1)
            altitude = 40 + self.climb_m * (2 * f if f <= 0.5 else 2 - 2 * f)
            out.append((self.start + timedelta(seconds=self.elapsed_s * f),
                        self.lat0 + self.distance_m * f / M_PER_DEG, self.distance_m * f,
                        altitude))
        return out


def gpx(track: Track, *, sport_tag: bool = True) -> str:
    pts = "\n".join(
        f'<trkpt lat="{lat:.7f}" lon="{track.lon0:.7f}"><ele>{ele:.1f}</ele>'
        f"<time>{t.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for t, lat, _d, ele in track.samples())
    kind = f"<type>{track.sport}</type>" if sport_tag else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="Test watch" xmlns="http://www.topografix.com/GPX/1/1">'
            f"<metadata><time>{track.start.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></metadata>"
            f"<trk><name>{_esc(track.name)}</name>{kind}<trkseg>\n{pts}\n</trkseg></trk></gpx>\n")


def tcx(track: Track) -> str:
    sport = {"running": "Running", "cycling": "Biking"}.get(track.sport, "Other")
    iso = "%Y-%m-%dT%H:%M:%S.000Z"
    pts = "\n".join(
        f"<Trackpoint><Time>{t.strftime(iso)}</Time><Position><LatitudeDegrees>{lat:.7f}"
        f"</LatitudeDegrees><LongitudeDegrees>{track.lon0:.7f}</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{ele:.1f}</AltitudeMeters><DistanceMeters>{d:.1f}</DistanceMeters>"
        "</Trackpoint>" for t, lat, d, ele in track.samples())
    start = track.start.strftime(iso)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
            'TrainingCenterDatabase/v2"><Activities>'
            f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
            f"<TotalTimeSeconds>{track.elapsed_s}</TotalTimeSeconds>"
            f"<DistanceMeters>{track.distance_m:.1f}</DistanceMeters>"
            f"<Track>\n{pts}\n</Track></Lap><Notes>{_esc(track.name)}</Notes></Activity>"
            "</Activities></TrainingCenterDatabase>\n")


def fit(track: Track, *, records: bool = True) -> bytes:
    """A FIT activity as a watch writes one: file id, timer start, records, timer stop,
    lap, session, activity (with the local time, from which the UTC offset follows)."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.event_message import EventMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

    def ms(t: datetime) -> int:
        return round(t.timestamp() * 1000)

    end = track.start + timedelta(seconds=track.elapsed_s)
    sport = {"running": Sport.RUNNING, "cycling": Sport.CYCLING}.get(track.sport,
                                                                    Sport.GENERIC)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    fid = FileIdMessage()
    fid.type = FileType.ACTIVITY
    fid.manufacturer = Manufacturer.GARMIN.value
    fid.product = 0
    fid.time_created = ms(track.start)
    fid.serial_number = 0x12345678
    builder.add(fid)
    for when, kind in ((track.start, EventType.START), (end, EventType.STOP_ALL)):
        ev = EventMessage()
        ev.event = Event.TIMER
        ev.event_type = kind
        ev.timestamp = ms(when)
        if kind is EventType.STOP_ALL:
            stop = ev
        else:
            builder.add(ev)
    if records:
        recs = []
        for t, lat, d, ele in track.samples():
            rec = RecordMessage()
            rec.timestamp = ms(t)
            rec.position_lat = lat
            rec.position_long = track.lon0
            rec.distance = d
            rec.enhanced_altitude = ele
            recs.append(rec)
        builder.add_all(recs)
    builder.add(stop)
    for cls in (LapMessage, SessionMessage):
        m = cls()
        m.timestamp = ms(end)
        m.start_time = ms(track.start)
        m.total_elapsed_time = float(track.elapsed_s)
        m.total_timer_time = float(track.elapsed_s)
        m.total_distance = track.distance_m
        m.total_ascent = round(track.climb_m)
        m.sport = sport
        builder.add(m)
    act = ActivityMessage()
    act.timestamp = ms(end)
    # local_date_time is raw: seconds since the FIT epoch (1989-12-31 00:00), not converted
    act.local_timestamp = round(end.timestamp()) + track.utc_offset_s - FIT_EPOCH_S
    act.total_timer_time = float(track.elapsed_s)
    act.num_sessions = 1
    builder.add(act)
    return bytes(builder.build().to_bytes())


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
