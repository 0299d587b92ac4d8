"""A run's figures from its track points, defined once for every file that has only points
(GPX; TCX without laps; FIT without a summary). No Qt.

- **Time stepping back**: a point earlier than the one before it is left out and counted
  (some apps write a few points out of order; one of them must not refuse the whole run).
- **Distance**: between consecutive points of a segment, as gpxpy measures it (a flat
  approximation on a sphere of 6,378.137 km, haversine for points far apart), so runs
  imported before keep their distance; or the device's own distance where it wrote one.
- **Moving time** (the watch's timer): elapsed time less the pauses. A pause is a gap between
  two points longer than :data:`PAUSE_GAP_S` covered slower than :data:`PAUSE_SPEED_MS`, or
  the gap between two track segments (apps start a new segment when the timer resumes).
  Standing at a crossing with the watch running counts, as it does on the watch; a GPS
  speed threshold (gpxpy's) would not count it, which put GPX times 3–5 % under the watch's.
- **Climb**: rises counted once they pass 1 m (noise ignored).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

#: A gap between two points longer than this…
PAUSE_GAP_S = 30.0
#: …covered slower than this (1.8 km/h) is a pause: the timer was stopped.
PAUSE_SPEED_MS = 0.5
#: Speeds are taken over windows at least this long (GPS jitter between two points is large).
SPEED_WINDOW_S = 10.0

EARTH_RADIUS_M = 6_378_137.0
ONE_DEGREE_M = 2 * math.pi * EARTH_RADIUS_M / 360


@dataclass(frozen=True, slots=True)
class Point:
    t: datetime  # aware
    lat: float | None = None
    lon: float | None = None
    ele: float | None = None
    distance: float | None = None  # the device's distance so far, in metres
    cadence: float | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    start: datetime
    end: datetime
    distance_m: float  # measured between the points (0 without positions)
    device_m: float | None  # the device's own distance, where the points carry one
    moving_s: float
    elapsed_s: float
    climb_m: float | None
    points: int  # kept
    dropped: int  # left out: their time stepped back
    cadence: float | None  # median of the points' cadence (as the file counts it)
    fast_kmh: float | None  # the speed exceeded for a tenth of the moving time


def geo_distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Metres between two points, as gpxpy's ``distance`` without elevation."""
    if abs(lat1 - lat2) > 0.2 or abs(lon1 - lon2) > 0.2:
        return haversine(lat1, lon1, lat2, lon2)
    coef = math.cos(math.radians(lat1))
    x = lat1 - lat2
    y = (lon1 - lon2) * coef
    return math.sqrt(x * x + y * y) * ONE_DEGREE_M


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    d_lat = math.radians(lat1 - lat2)
    d_lon = math.radians(lon1 - lon2)
    a = (math.sin(d_lat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2))
         * math.sin(d_lon / 2) ** 2)
    return EARTH_RADIUS_M * 2 * math.atan2(math.sqrt(a), math.sqrt(1 - a))


def climb(altitudes: Sequence[float], hysteresis: float = 1.0) -> float:
    """Metres climbed: rises counted once they pass ``hysteresis`` (GPS noise ignored)."""
    total, low = 0.0, None
    for a in altitudes:
        if low is None or a < low:
            low = a
        elif a - low >= hysteresis:
            total += a - low
            low = a
    return total


def forward(segments: Sequence[Sequence[Point]]) -> tuple[list[list[Point]], int]:
    """The segments with every point whose time steps back left out; and how many were."""
    kept: list[list[Point]] = []
    dropped = 0
    last: datetime | None = None
    for segment in segments:
        out = []
        for p in segment:
            if last is not None and p.t < last:
                dropped += 1
                continue
            out.append(p)
            last = p.t
        if out:
            kept.append(out)
    return kept, dropped


def figures(segments: Sequence[Sequence[Point]]) -> Figures | None:
    """The figures of a track (None when fewer than two points have a time)."""
    kept, dropped = forward(segments)
    points = [p for s in kept for p in s]
    if len(points) < 2:
        return None
    distance = 0.0
    moving = 0.0
    windows: list[tuple[float, float]] = []  # (seconds, metres) of ~10 s windows
    win_s = win_m = 0.0
    for segment in kept:
        for a, b in itertools.pairwise(segment):
            dt = (b.t - a.t).total_seconds()
            if a.lat is not None and a.lon is not None and b.lat is not None and \
                    b.lon is not None:
                d = geo_distance(a.lat, a.lon, b.lat, b.lon)
            elif a.distance is not None and b.distance is not None:
                d = max(0.0, b.distance - a.distance)
            else:
                d = 0.0
            distance += d
            if dt > PAUSE_GAP_S and d < PAUSE_SPEED_MS * dt:
                continue  # the timer was stopped
            moving += dt
            win_s += dt
            win_m += d
            if win_s >= SPEED_WINDOW_S:
                windows.append((win_s, win_m))
                win_s = win_m = 0.0
    devices = [p.distance for p in points if p.distance is not None]
    device_m = max(devices) - min(devices) if len(devices) >= 2 else None
    altitudes = [p.ele for p in points if p.ele is not None]
    cadences = [p.cadence for p in points if p.cadence]
    return Figures(
        start=points[0].t, end=points[-1].t, distance_m=distance, device_m=device_m,
        moving_s=moving, elapsed_s=(points[-1].t - points[0].t).total_seconds(),
        climb_m=climb(altitudes) if altitudes else None, points=len(points), dropped=dropped,
        cadence=statistics.median(cadences) if cadences else None,
        fast_kmh=_fast(windows))


def _fast(windows: list[tuple[float, float]]) -> float | None:
    """The speed (km/h) that the fastest tenth of the moving time was at or above."""
    if len(windows) < 10:
        return None
    speeds = sorted(((m / s * 3.6, s) for s, m in windows if s > 0), reverse=True)
    total = sum(s for _v, s in speeds)
    seen = 0.0
    for v, s in speeds:
        seen += s
        if seen >= total / 10:
            return v
    return None
