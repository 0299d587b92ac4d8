"""Real-shaped activity files for tests and benchmarks: FIT written with fit-tool (a FIT
encoder, in the ``test`` extra), GPX and TCX written as XML, and whole exports (a Strava bulk
export, a Garmin Connect export) zipped as the sites send them. Each track runs due north
along a meridian, so its length is known exactly: one degree of latitude is 111,319.5 m on
the sphere the app measures with (radius 6,378.137 km, as gpxpy does)."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
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
    #: Points whose time is one second before the point's before them (a device's glitch).
    steps_back: tuple[int, ...] = ()
    cadence: float | None = None  # written on every point (GPX, TCX: per minute; FIT: rpm)
    #: Every point also carries heart rate, speed, power and running dynamics (FIT only):
    #: the size a watch's file really has, about 45 bytes a second.
    rich: bool = False

    def samples(self) -> list[tuple[datetime, float, float, float]]:
        """(time, latitude, distance so far, altitude) per point, evenly spaced."""
        out: list[tuple[datetime, float, float, float]] = []
        for i in range(self.points):
            f = i / (self.points - 1)
            altitude = 40 + self.climb_m * (2 * f if f <= 0.5 else 2 - 2 * f)
            when = self.start + timedelta(seconds=self.elapsed_s * f)
            if i in self.steps_back and out:
                when = out[-1][0] - timedelta(seconds=1)
            out.append((when, self.lat0 + self.distance_m * f / M_PER_DEG,
                        self.distance_m * f, altitude))
        return out


def _stamp(t: datetime, offset_s: int | None) -> str:
    if offset_s is None:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    local = t.astimezone(UTC) + timedelta(seconds=offset_s)
    sign = "+" if offset_s >= 0 else "-"
    h, m = divmod(abs(offset_s) // 60, 60)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{h:02d}:{m:02d}"


def gpx(track: Track, *, sport_tag: bool = True, type_word: str | None = None,
        times: bool = True, offset_in_times: bool = False, creator: str = "Test watch") -> str:
    """A GPX track. ``type_word`` overrides the ``<type>`` written (else the sport);
    ``offset_in_times`` writes times in the runner's local time with its offset."""
    offset = track.utc_offset_s if offset_in_times else None
    cad = "" if track.cadence is None else (
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>"
        f"{track.cadence:.0f}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>")
    pts = "\n".join(
        f'<trkpt lat="{lat:.7f}" lon="{track.lon0:.7f}"><ele>{ele:.1f}</ele>'
        + (f"<time>{_stamp(t, offset)}</time>" if times else "") + f"{cad}</trkpt>"
        for t, lat, _d, ele in track.samples())
    kind = f"<type>{type_word or track.sport}</type>" if sport_tag else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f"<metadata><time>{track.start.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></metadata>"
            f"<trk><name>{_esc(track.name)}</name>{kind}<trkseg>\n{pts}\n</trkseg></trk></gpx>\n")


def tcx(track: Track) -> str:
    sport = {"running": "Running", "cycling": "Biking"}.get(track.sport, "Other")
    iso = "%Y-%m-%dT%H:%M:%S.000Z"
    cad = "" if track.cadence is None else (
        "<Extensions><TPX xmlns=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">"
        f"<RunCadence>{track.cadence:.0f}</RunCadence></TPX></Extensions>")
    pts = "\n".join(
        f"<Trackpoint><Time>{t.strftime(iso)}</Time><Position><LatitudeDegrees>{lat:.7f}"
        f"</LatitudeDegrees><LongitudeDegrees>{track.lon0:.7f}</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{ele:.1f}</AltitudeMeters><DistanceMeters>{d:.1f}</DistanceMeters>"
        f"{cad}</Trackpoint>" for t, lat, d, ele in track.samples())
    start = track.start.strftime(iso)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
            'TrainingCenterDatabase/v2"><Activities>'
            f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
            f"<TotalTimeSeconds>{track.elapsed_s}</TotalTimeSeconds>"
            f"<DistanceMeters>{track.distance_m:.1f}</DistanceMeters>"
            f"<Track>\n{pts}\n</Track></Lap><Notes>{_esc(track.name)}</Notes></Activity>"
            "</Activities></TrainingCenterDatabase>\n")


def fit(track: Track, *, records: bool = True, session: bool = True,
        sport: object = None) -> bytes:
    """A FIT activity as a watch writes one: file id, timer start, records, timer stop,
    lap, session, activity (with the local time, from which the UTC offset follows).
    ``sport`` overrides the session's sport (a fit-tool ``Sport``)."""
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
    kind = sport if sport is not None else {
        "running": Sport.RUNNING, "cycling": Sport.CYCLING, "swimming": Sport.SWIMMING,
        "walking": Sport.WALKING}.get(track.sport, Sport.GENERIC)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    fid = FileIdMessage()
    fid.type = FileType.ACTIVITY
    fid.manufacturer = Manufacturer.GARMIN.value
    fid.product = 0
    fid.time_created = ms(track.start)
    fid.serial_number = 0x12345678
    builder.add(fid)
    for when, what in ((track.start, EventType.START), (end, EventType.STOP_ALL)):
        ev = EventMessage()
        ev.event = Event.TIMER
        ev.event_type = what
        ev.timestamp = ms(when)
        if what is EventType.STOP_ALL:
            stop = ev
        else:
            builder.add(ev)
    if records:
        recs = []
        speed = track.distance_m / track.elapsed_s
        for i, (t, lat, d, ele) in enumerate(track.samples()):
            rec = RecordMessage()
            rec.timestamp = ms(t)
            rec.position_lat = lat
            rec.position_long = track.lon0
            rec.distance = d
            rec.enhanced_altitude = ele
            if track.cadence is not None:
                rec.cadence = round(track.cadence)
            if track.rich:
                rec.heart_rate = 140 + i % 20
                rec.cadence = 85 + i % 5
                rec.fractional_cadence = 0.5
                rec.enhanced_speed = speed
                rec.power = 250 + i % 30
                rec.vertical_oscillation = 90.0
                rec.stance_time = 250.0
                rec.stance_time_percent = 33.0
                rec.vertical_ratio = 8.0
                rec.step_length = 1100.0
                rec.temperature = 18
            recs.append(rec)
        builder.add_all(recs)
    builder.add(stop)
    for cls in (LapMessage, SessionMessage) if session else (LapMessage,):
        m = cls()
        m.timestamp = ms(end)
        m.start_time = ms(track.start)
        m.total_elapsed_time = float(track.elapsed_s)
        m.total_timer_time = float(track.elapsed_s)
        m.total_distance = track.distance_m
        m.total_ascent = round(track.climb_m)
        m.sport = kind
        builder.add(m)
    act = ActivityMessage()
    act.timestamp = ms(end)
    # local_date_time is raw: seconds since the FIT epoch (1989-12-31 00:00), not converted
    act.local_timestamp = round(end.timestamp()) + track.utc_offset_s - FIT_EPOCH_S
    act.total_timer_time = float(track.elapsed_s)
    act.num_sessions = 1
    builder.add(act)
    return bytes(builder.build().to_bytes())


def break_records(data: bytes, at: float = 0.4) -> bytes:
    """The FIT file with one record's header byte, ``at`` of the way in, pointing at a
    local message type that was never defined: the track breaks there (as a watch's file
    damaged in transfer does); the session after it stays whole."""
    import fitdecode

    with fitdecode.FitReader(data, keep_raw_chunks=True) as reader:
        offsets = [f.chunk.offset for f in reader if isinstance(f, fitdecode.FitDataMessage)
                   and f.name == "record"]
    target = offsets[int(len(offsets) * at)]
    out = bytearray(data)
    out[target] = 0x0F  # local message 15: never defined
    return bytes(out)


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


# ----------------------------------------------------------------------------- exports


#: Strava's activities.csv header, as a bulk export writes it (a part: the columns a reader
#: needs, in their place, and some of the ones around them, "Distance" twice as in the real
#: file).
STRAVA_HEADER = ["Activity ID", "Activity Date", "Activity Name", "Activity Type",
                 "Activity Description", "Elapsed Time", "Distance", "Max Heart Rate",
                 "Relative Effort", "Commute", "Activity Private Note", "Activity Gear",
                 "Filename", "Athlete Weight", "Bike Weight", "Elapsed Time", "Moving Time",
                 "Distance"]


@dataclass(frozen=True)
class StravaActivity:
    id: int
    type: str  # Strava's word: "Run", "Ride", "Swim", …
    name: str
    file: str  # "activities/123.gpx.gz", or "" (entered by hand)
    content: bytes = b""

    def row(self) -> list[str]:
        cells = dict.fromkeys(STRAVA_HEADER, "")
        cells.update({"Activity ID": str(self.id), "Activity Date": "Nov 10, 2026, 5:05:00 PM",
                      "Activity Name": self.name, "Activity Type": self.type,
                      "Filename": self.file})
        return [cells[h] if h not in ("Distance", "Elapsed Time") else "0"
                for h in STRAVA_HEADER]


def strava_csv(activities: list[StravaActivity]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STRAVA_HEADER)
    writer.writerows(a.row() for a in activities)
    return out.getvalue().encode("utf-8")


def strava_export(activities: list[StravaActivity], *, extra: dict[str, bytes] | None = None
                  ) -> bytes:
    """A Strava bulk export (zip): activities.csv, the files under activities/ (``.gz`` as
    the export has most of them), and a route (a plan, not a run) under routes/."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activities.csv", strava_csv(activities))
        for a in activities:
            if a.file and a.content:
                z.writestr(a.file, gzip.compress(a.content) if a.file.endswith(".gz")
                           else a.content)
        z.writestr("routes/1.gpx", gpx(Track(), times=False))
        z.writestr("profile.csv", b"Athlete ID,Email\n1,runner@example.org\n")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def garmin_export(files: dict[str, bytes], *, parts: int = 2) -> bytes:
    """A Garmin Connect export: a zip holding JSON and, under DI-Connect-Uploaded-Files, zips
    ("parts") of the uploaded FIT files."""
    names = sorted(files)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("DI_CONNECT/DI-Connect-User/user_profile.json", b'{"userName": "runner"}')
        z.writestr("DI_CONNECT/DI-Connect-Fitness/runner_0_summarizedActivities.json", b"[]")
        for part in range(parts):
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zi:
                for name in names[part::parts]:
                    zi.writestr(name, files[name])
            z.writestr(f"DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part{part + 1}"
                       ".zip", inner.getvalue())
    return outer.getvalue()


# ----------------------------------------------------------------------------- time zones


class LocalZone:
    """This process's time zone set to ``name`` (TZ and tzset) until :meth:`restore`: the
    "computer's offset at that date" of a run made checkable (Python and SQLite both read
    it from the C library)."""

    def __init__(self, name: str) -> None:
        import os
        import time

        self._old = os.environ.get("TZ")
        os.environ["TZ"] = name
        time.tzset()

    def restore(self) -> None:
        import os
        import time

        if self._old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = self._old
        time.tzset()
