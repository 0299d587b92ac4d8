"""End to end, for real: the app as a process, in a real X window under Xvfb, plays a
runner's own routine with the system voice (eSpeak NG) in English and in German into a
PulseAudio null sink, recorded with ``parec --latency-msec=5`` (at the null sink's default
latency its monitor loses the start of new streams: docs in benchmarks/sink.py).

Every cue of the plan is looked for in the recording at its plan time: the clip that starts
there is identified among every file the app could have played (its phrase cache, the tones,
the recorded words), by correlation over the clip's whole length, so a clip cut short does
not match ("in full"). Its start is within 20 ms of the plan time for the 95th percentile.
The step's name is there too: the test renders "<name>, left leg" with espeak-ng itself and
finds it inside the first cue's phrase, whose length in the recording matches its file.

The plan's time base: the app logs the session clock's time of its first cue (the routine's
start, on CLOCK_BOOTTIME); the test converts it to the recorder's clock (CLOCK_MONOTONIC).
Needs Xvfb, xdotool, PulseAudio and espeak-ng (.ci/run installs them): skipped with the
reason elsewhere, failed under CI.
"""

from __future__ import annotations

import array
import bisect
import itertools
import json
import math
import operator
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from benchmarks import sink
from soleus_coach import paths
from soleus_coach.protocol.loader import load_file
from soleus_coach.session.phrases import SpeechOptions, spoken_plan
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Leg, Settings
from tests.needs import require, unavailable

pytestmark = pytest.mark.slow

RATE = sink.RATE
LOUD = 1000  # a sample louder than this is sound
GET_READY_S = 3.0
#: What the first cue must say, in the runner's language (the issue's own example form).
STEP = {"en": ("Wall sit with heel lift", "Wall sit with heel lift, left leg", "en-us"),
        "de": ("Wandsitz mit Fersenheben", "Wandsitz mit Fersenheben, linkes Bein", "de")}


def routine(language: str) -> dict[str, Any]:
    """Short (about a minute) and complete: the step's start with its name, holds with their
    numbers and the 3-2-1, "and relax", "next: …", then counted reps on both legs paced
    second by second ("up", "two", "down"), "last rep", "switch legs", "routine complete"."""
    name = STEP[language][0]
    de = language == "de"
    return {
        "format": 2, "id": f"e2e-{language}", "name": "E2E", "summary": "A test.",
        "when": "any", "language": language,
        "steps": [
            {"kind": "stretch", "name": name, "hold_s": 5, "reps": 2, "rest_s": 8,
             "sides": "left", "side_is": "working-leg", "position_s": 5,
             "instructions": ["Rücken an die Wand." if de else "Back against the wall."]},
            {"kind": "strength", "name": "Zehenstand" if de else "Toe raise", "sets": 1,
             "reps": 4, "tempo": {"up": 1, "down": 2, "start": "up"}, "rest_s": 0,
             "sides": "both", "side_is": "working-leg", "position_s": 4,
             "instructions": ["Langsam." if de else "Slowly."]},
        ],
    }


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    require("Xvfb", "xdotool")
    from tests.test_real_window import xvfb

    yield from xvfb(range(150, 200))


@pytest.fixture
def null_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sink.Recorder]:
    require("pulseaudio", "paplay", "parec", "pactl", "espeak-ng")
    for name in ("XDG_RUNTIME_DIR", "PULSE_SINK", "PULSE_SERVER"):
        monkeypatch.delenv(name, raising=False)  # restored after the test
    try:
        sink.start_null_sink(tmp_path / "xdg")
    except sink.SinkUnavailable as exc:
        unavailable(f"PulseAudio could not start: {exc}")
    try:
        rec = sink.Recorder()
        rec.wait_streaming()
        yield rec
        rec.stop()
    finally:
        sink.stop_null_sink()


@dataclass
class Found:
    cue: str
    planned: float  # on the recorder's clock
    started: float  # where the matched clip starts in the recording
    clip: str  # the file's name and, for a phrase, its words
    score: float  # correlation over the clip's whole length
    tail: float  # the clip's last tenth: energy in the recording / in the file

    @property
    def error_ms(self) -> float:
        return (self.started - self.planned) * 1000


BLOCK = 110  # samples: 5 ms, the envelope's step


def envelope(samples: array.array[int] | list[int]) -> list[float]:
    """Loudness every 5 ms (root mean square), on a grid from sample 0."""
    out = []
    for k in range(0, len(samples) - BLOCK + 1, BLOCK):
        block = samples[k:k + BLOCK]
        out.append(math.sqrt(sum(map(operator.mul, block, block)) / BLOCK))
    return out


def pearson(a: list[float], b: list[float]) -> float:
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    da, db = [x - ma for x in a], [y - mb for y in b]
    den = math.sqrt(sum(x * x for x in da) * sum(y * y for y in db))
    return sum(map(operator.mul, da, db)) / den if den else 0.0


class Clips:
    """Every file the app could have played, with its samples, envelope and first loud
    sample."""

    def __init__(self, cache: Path, language: str) -> None:
        self.items: list[tuple[str, array.array[int], list[float], int]] = []
        sounds = paths.assets_dir() / "sounds"
        files = [*sorted(cache.glob("*.wav")), *sorted((sounds / "tones").glob("*.wav")),
                 *sorted((sounds / "spoken" / language).glob("*.wav"))]
        for path in files:
            samples = read(path)
            about = path.with_suffix(".json")
            name = json.loads(about.read_text("utf-8"))["text"] if about.exists() \
                else f"{path.parent.name}/{path.stem}"
            self.items.append((name, samples, envelope(samples), first_loud(samples)))


def read(path: Path) -> array.array[int]:
    import wave

    with wave.open(str(path)) as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 1, 2), path
        return array.array("h", w.readframes(w.getnframes()))


def write_wav(path: Path, samples: array.array[int]) -> None:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())


def first_loud(samples: array.array[int], start: int = 0, end: int | None = None,
               quiet_before: int = 0) -> int:
    """The first loud sample from ``start`` with ``quiet_before`` quiet samples before it."""
    last = -quiet_before - 1
    for i in range(max(0, start - quiet_before), start):
        if abs(samples[i]) > LOUD:
            last = i
    for i in range(start, len(samples) if end is None else min(end, len(samples))):
        if abs(samples[i]) > LOUD:
            if i - last > quiet_before:
                return i
            last = i
    return -1


def ncc(a: array.array[int] | list[int], b: array.array[int] | list[int]) -> float:
    """Normalised correlation of two equally long pieces."""
    ab = sum(map(operator.mul, a, b))
    aa = sum(map(operator.mul, a, a))
    bb = sum(map(operator.mul, b, b))
    return ab / math.sqrt(aa * bb) if aa and bb else 0.0


def energy(samples: array.array[int] | list[int]) -> float:
    return float(sum(map(operator.mul, samples, samples)))


class Timeline:
    """The recording's samples against the recorder's clock (perf_counter), and its
    loudness over any 5 ms from any sample (running sums of squares)."""

    def __init__(self, rec: sink.Recorder) -> None:
        self.samples = rec.samples
        self.squares = list(itertools.accumulate((v * v for v in rec.samples), initial=0))
        self.counts = [c for c, _ in rec.stamps]
        self.times = [t for _, t in rec.stamps]

    def envelope(self, start: int, blocks: int) -> list[float]:
        sq = self.squares
        return [math.sqrt((sq[k + BLOCK] - sq[k]) / BLOCK) if 0 <= k < len(sq) - BLOCK
                else 0.0 for k in range(start, start + blocks * BLOCK, BLOCK)]

    def index_at(self, t: float) -> int:
        k = min(bisect.bisect_left(self.times, t), len(self.times) - 1)
        return self.counts[k] - 1 - round((self.times[k] - t) * RATE)

    def time_of(self, index: int) -> float:
        k = bisect.bisect_right(self.counts, index)
        return self.times[k] - (self.counts[k] - 1 - index) / RATE


#: Silence looked at after a clip: a clip too short for what was heard scores less.
AFTER_BLOCKS = 40
#: Where a clip may start around its first loud sample's guess (±10 ms, in 0.5 ms steps).
SHIFTS = range(-220, 221, 11)


def find(timeline: Timeline, clips: Clips, cue: str, planned: float) -> Found | None:
    """The clip that starts in the recording near ``planned``: the candidates' loudness
    (every 5 ms, over their whole length and 200 ms after) against the recording's picks
    the clip and its start to half a millisecond; the waveform then places the best few to
    the sample, picks the one that explains what was heard, and says whether all of it was
    played."""
    samples = timeline.samples
    at = timeline.index_at(planned)
    onset = first_loud(samples, at - int(0.06 * RATE), at + int(0.4 * RATE),
                       quiet_before=int(0.04 * RATE))
    if onset < 0:
        return None
    head = 20
    ranked = []
    for name, clip, clip_env, f0 in clips.items:
        score, shift = max((pearson(timeline.envelope(onset - f0 + d, head), clip_env[:head]),
                            d) for d in SHIFTS)
        ranked.append((score, name, clip, clip_env, f0))
    ranked.sort(key=lambda r: -r[0])
    scored = []
    for _, name, clip, clip_env, f0 in ranked[:6]:
        padded = clip_env + [0.0] * AFTER_BLOCKS
        score, shift = max((pearson(timeline.envelope(onset - f0 + d, len(padded)), padded),
                            d) for d in SHIFTS)
        scored.append((score, len(clip), name, clip, onset - f0 + shift))
    scored.sort(key=lambda s: -s[0])
    if scored[0][0] < 0.8:
        return None
    # The few best by loudness, placed to the sample by their waveform, then judged by it
    # over the longest one's length: a clip too short leaves sound unexplained, a wrong one
    # does not correlate.
    placed = []
    for _, _, name, clip, coarse in scored[:3]:
        f0 = first_loud(clip)
        n = min(len(clip) - f0, 4096)
        start = max(range(coarse - 12, coarse + 13),
                    key=lambda st, c=clip, f=f0, m=n: ncc(samples[st + f:st + f + m],
                                                           c[f:f + m]))
        placed.append((name, clip, start))
    window = max(len(clip) for _, clip, _ in placed)
    name, clip, start = max(placed, key=lambda p: ncc(
        samples[p[2]:p[2] + window], list(p[1]) + [0] * (window - len(p[1]))))
    score = ncc(samples[start:start + len(clip)], clip)
    tail = len(clip) // 10
    recorded_tail = energy(samples[start + len(clip) - tail:start + len(clip)])
    return Found(cue, planned, timeline.time_of(start), name, score,
                 recorded_tail / max(1.0, energy(clip[-tail:])))


def plan_times(language: str, protocol_file: Path) -> list[tuple[str, float]]:
    """Each cue's time from the routine's start, as the app plans it with the voice."""
    settings = Settings(injured_leg=Leg.LEFT, get_ready_s=GET_READY_S)
    protocol = load_file(protocol_file, paths.assets_dir()).localized(language)
    plan = spoken_plan(build_plan(protocol, settings), SpeechOptions.from_settings(settings))
    out, t = [], 0.0
    for seg in plan.segments:
        out += [(c.cue.value, t + c.due_in(seg.duration_s)) for c in seg.cues]
        t += seg.duration_s
    return sorted(out, key=lambda x: x[1])


def run_app(display: str, data: Path, language: str, rec: sink.Recorder) -> float:
    """The app plays the routine; returns the routine's start on the recorder's clock."""
    from tests.test_real_window import App

    data.mkdir(parents=True)
    (data / "settings.json").write_text(json.dumps({
        "first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left",
        "language": language, "cue_style": "voice", "volume": 100,
        "get_ready_s": GET_READY_S}), encoding="utf-8")
    protocol_file = data / "protocols" / "mine.json"
    protocol_file.parent.mkdir()
    protocol_file.write_text(json.dumps(routine(language)), encoding="utf-8")
    total = plan_times(language, protocol_file)[-1][1]
    log = data / "logs" / "soleus-coach.log"
    app = App(display, data, "--start", f"e2e-{language}")
    try:
        deadline = time.monotonic() + 30
        first = None
        while first is None and time.monotonic() < deadline:
            text = log.read_text("utf-8") if log.exists() else ""
            first = re.search(r"first cue get_ready due at ([0-9.]+)", text)
            time.sleep(0.1)
        assert first is not None, "the routine did not start"
        boot, mono = time.clock_gettime(time.CLOCK_BOOTTIME), time.perf_counter()
        start = float(first[1]) - (boot - mono)
        while time.perf_counter() < start + total + 2.5:
            time.sleep(0.2)
    finally:
        app.close()
    return start


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_real_app_speaks_a_runners_routine_on_time_into_a_sink(
        display: str, null_sink: sink.Recorder, tmp_path: Path, language: str) -> None:
    for attempt in (1, 2):
        data = tmp_path / f"data{attempt}"
        start = run_app(display, data, language, null_sink)
        timeline = Timeline(null_sink)
        kept = tmp_path / f"recording{attempt}.wav"  # for a look when it fails
        write_wav(kept, timeline.samples)
        (tmp_path / "start.txt").write_text(f"{timeline.index_at(start)}\n")
        clips = Clips(data / "cache" / "speech", language)
        planned = plan_times(language, data / "protocols" / "mine.json")
        found = [find(timeline, clips, cue, start + at) for cue, at in planned]
        missing = [cue for (cue, _), f in zip(planned, found, strict=True) if f is None]
        assert missing == [], f"not heard: {missing} (recording: {kept})"
        heard = [f for f in found if f is not None]
        report = "\n".join(f"{f.cue:12} {f.error_ms:+6.1f} ms  {f.score:.3f}  {f.tail:.2f}  "
                           f"{f.clip}" for f in heard)
        print(report)  # shown with -s; the figures for docs/benchmarks
        # Every cue was the system voice, in full (a clip cut short would not correlate).
        assert all(not f.clip.startswith(("tones/", "spoken/")) for f in heard), report
        assert all(f.score > 0.9 and f.tail > 0.8 for f in heard), report
        errors = sorted(abs(f.error_ms) for f in heard)
        p95 = errors[round(0.95 * (len(errors) - 1))]  # as benchmarks/audio.py counts it
        load = os.getloadavg()[0]
        # Once more only when other work had half the machine's cores meanwhile (the timing
        # is the player's, not the machine's): a late cue on a quiet machine fails at once.
        if p95 <= 20 or attempt == 2 or load <= (os.cpu_count() or 1) / 2:
            break
    assert p95 <= 20, f"{report}\nload average {load:.1f} on {os.cpu_count()} cores"
    # The step's name: in the first phrase, whose length in the recording is its file's.
    name, said, voice = STEP[language]
    first = heard[0]
    assert first.cue == "get_ready" and name in first.clip, report
    entry = next(json.loads(p.read_text("utf-8")) for p in
                 (data / "cache" / "speech").glob("*.json")
                 if json.loads(p.read_text("utf-8"))["text"] == first.clip)
    begin = timeline.index_at(first.started)
    next_cue = timeline.index_at(heard[1].started)
    loud = [i for i in range(begin, next_cue) if abs(timeline.samples[i]) > LOUD]
    heard_s = (loud[-1] - begin) / RATE
    assert abs(heard_s - entry["seconds"]) < 0.04, (heard_s, entry["seconds"])
    with tempfile.TemporaryDirectory() as tmp:
        own = Path(tmp) / "name.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", "160", "-w", str(own), "--stdin"],
                       input=said.encode(), check=True)
        part = read(own)
    part = part[first_loud(part):]
    part = part[:max(i for i, v in enumerate(part) if abs(v) > LOUD)]
    starts = sink.onsets(timeline.samples[begin:next_cue], threshold=LOUD, gap_s=0.15)
    best = max(ncc(timeline.samples[begin + o + d:begin + o + d + len(part)], part)
               for o in starts for d in range(-40, 41))
    assert best > 0.9, f"{said!r} not found in the first phrase ({best:.2f})"
