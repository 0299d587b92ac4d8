"""A private PulseAudio null sink and a recorder of its monitor, for the real-sound test and
the audio benchmark. ``start_null_sink()`` needs pulseaudio and pulseaudio-utils."""

from __future__ import annotations

import array
import math
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

RATE = 22050


class SinkUnavailable(Exception):
    pass


def start_null_sink(runtime: Path | None = None) -> Path:
    """Start PulseAudio with a null sink named ``nullsink``; sets XDG_RUNTIME_DIR and
    PULSE_SINK in this process's environment. Returns the runtime folder."""
    for tool in ("pulseaudio", "paplay", "parec", "pactl"):
        if shutil.which(tool) is None:
            raise SinkUnavailable(f"{tool} not installed (apt-get install pulseaudio "
                                  "pulseaudio-utils)")
    runtime = runtime or Path(tempfile.mkdtemp(prefix="pulse-"))
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ["PULSE_SINK"] = "nullsink"
    os.environ.pop("PULSE_SERVER", None)
    started = subprocess.run(
        ["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
         f"--load=module-null-sink sink_name=nullsink rate={RATE} channels=1",
         "--load=module-native-protocol-unix"], capture_output=True, text=True, timeout=30)
    if started.returncode != 0:
        raise SinkUnavailable(f"PulseAudio could not start: {started.stderr.strip()[:200]}")
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            raise SinkUnavailable("PulseAudio did not answer")
        time.sleep(0.05)
    return runtime


def stop_null_sink() -> None:
    subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=30)


class Recorder:
    """``parec`` from the sink's monitor; each chunk stamped with its arrival time."""

    def __init__(self, sink: str = "nullsink") -> None:
        self.proc = subprocess.Popen(
            ["parec", "-d", f"{sink}.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=5"], stdout=subprocess.PIPE)
        self.samples = array.array("h")
        self.stamps: list[tuple[int, float]] = []  # (samples so far, perf_counter)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := os.read(self.proc.stdout.fileno(), 882):
            self.samples.frombytes(chunk[: len(chunk) // 2 * 2])
            self.stamps.append((len(self.samples), time.perf_counter()))

    def wait_streaming(self, seconds: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the monitor has delivered ``seconds`` of audio (parec can take a
        while to connect; sound played before that is not recorded)."""
        deadline = time.monotonic() + timeout
        while len(self.samples) < seconds * RATE:
            if time.monotonic() > deadline:
                raise SinkUnavailable("parec delivered no audio")
            time.sleep(0.01)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)
        self.thread.join(5)

    def time_of(self, index: int) -> float:
        """When sample ``index`` reached us: an upper bound of when it was played (it
        includes the monitor's own latency, ~5 ms)."""
        for count, at in self.stamps:
            if count > index:
                return at - (count - 1 - index) / RATE
        raise ValueError(index)


def onsets(samples: array.array[int], start: int = 0, threshold: int = 2000,
           gap_s: float = 0.15) -> list[int]:
    """Sample indexes where sound begins after at least ``gap_s`` of quiet."""
    out: list[int] = []
    quiet = int(gap_s * RATE)
    last_loud = -quiet - 1
    for i in range(start, len(samples)):
        if abs(samples[i]) > threshold:
            if i - last_loud > quiet:
                out.append(i)
            last_loud = i
    return out


def goertzel(samples: array.array[int], freq: float, rate: int = RATE) -> float:
    """Power of ``freq`` in ``samples``."""
    k = 2 * math.cos(2 * math.pi * freq / rate)
    s1 = s2 = 0.0
    for v in samples:
        s1, s2 = v + k * s1 - s2, s1
    return s1 * s1 + s2 * s2 - k * s1 * s2
