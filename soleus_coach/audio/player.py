"""A non-blocking cue player. No Qt.

:meth:`CuePlayer.play` only puts the file on a queue (microseconds); a worker thread owns
the back-end: it picks one, measures its start latency once with a short silent clip, starts
one player process per cue, and checks each exit code. A newer cue stops an older one only
while the older is still within its clip's length: a player whose clip has ended but whose
output is still draining (2 s on a PulseAudio null sink; the buffer of a Bluetooth headset)
is left to finish, so the tail of a word is never cut. A
back-end that fails is dropped for the next; when none is left the player reports
:attr:`PlayerState.UNAVAILABLE` once, with what to install. Nothing here can block the caller.
"""

from __future__ import annotations

import io
import logging
import math
import queue
import sys
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soleus_coach import texts
from soleus_coach.cues import Cue
from soleus_coach.reader import read_user_file

if TYPE_CHECKING:
    from soleus_coach.audio.backends import Backend

log = logging.getLogger(__name__)

PROBE_RUNS = 5  # the first start of a player is often slower (cold caches)
#: Between probe runs: spread over a quarter second, one of them likely falls in a quiet
#: moment of the app's own start-up work.
PROBE_GAP_S = 0.04
SWITCH_INTERVAL_S = 0.001
#: Ignore probe results above this: a back-end that slow is reported, not compensated.
MAX_LEAD_S = 0.5

INSTALL_HINT = {
    "linux": texts.SOUND_HINT_LINUX,
    "darwin": texts.SOUND_HINT_MACOS,
    "win32": texts.SOUND_HINT_WINDOWS,
}


class PlayerState(StrEnum):
    STARTING = "starting"
    READY = "ready"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class PlayerStatus:
    state: PlayerState
    backend: str = ""
    latency_s: float = 0.0  # measured start latency; fire cues this much early
    message: str = ""  # for the status bar when unavailable


#: Cues whose variant is a number, spoken by one shared set of files (``number_7.wav``).
NUMBERED = frozenset({Cue.REP, Cue.COUNT})


def sound_for(cue: Cue, style: str, sounds_dir: Path, custom: Path | None = None,
              variant: str = "", language: str = "en") -> Path:
    """The file a cue plays: the protocol's own if it has one; else the style's file for the
    variant (``number_7.wav`` for a count of seven, ``set_2_of_3.wav``), or for the cue
    (a tick for any count in the tones style; "next set" past five sets). Recorded words
    are per language (``spoken/de/``): a language without them gets the tones, never
    another language's words."""
    if custom is not None:
        return custom
    folder = sounds_dir / style
    if style == "spoken":
        spoken = recorded_language(sounds_dir, language)
        folder = folder / spoken if spoken else sounds_dir / "tones"
    if variant:
        name = f"number_{variant}" if cue in NUMBERED else f"{cue.value}_{variant}"
        path = folder / f"{name}.wav"
        if path.is_file():
            return path
    path = folder / f"{cue.value}.wav"
    return path if path.is_file() else sounds_dir / "tones" / f"{cue.value}.wav"


def recorded_language(sounds_dir: Path, language: str) -> str:
    """The folder of recorded words for ``language`` ("de-AT" → "de"), or "" if none."""
    base = language.replace("_", "-").split("-")[0].lower()
    return base if base and (sounds_dir / "spoken" / base).is_dir() else ""


_STOP = object()
_SILENCE = object()


#: The largest sound a routine may bring (as the routine zip's limit for a sound).
MAX_CLIP_BYTES = 16 * 1024 * 1024


def clip_seconds(path: Path) -> float | None:
    """How long a WAV clip plays; None when it cannot be told (another format, unreadable)."""
    if path.suffix.lower() != ".wav":
        return None
    try:  # a routine's own sound: read through the one reader (a FIFO never blocks)
        data = read_user_file(path, MAX_CLIP_BYTES, "sounds")
        with wave.open(io.BytesIO(data), "rb") as w:
            rate = w.getframerate()
            return w.getnframes() / rate if rate else None
    except (OSError, EOFError, wave.Error):
        return None


@dataclass(slots=True)
class _Playing:
    """A player process, its clip, and when that clip has been heard to its end."""

    proc: Any
    path: Path
    ends_at: float  # on the player's clock; inf when the clip's length is unknown

    def audible(self, now: float) -> bool:
        return now < self.ends_at


class CuePlayer:
    def __init__(self, sounds_dir: Path, *,
                 on_status: Callable[[PlayerStatus], None] | None = None,
                 backends: Callable[[], list[Backend]] | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.sounds_dir = sounds_dir
        self.on_status = on_status
        self._backends_factory = backends
        self._clock = clock
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.status = PlayerStatus(PlayerState.STARTING)
        self.volume = 1.0
        self.formats: frozenset[str] = frozenset({".wav"})  # what the back-end plays

    # ----------------------------------------------------------------- caller side

    def start(self) -> None:
        """Start the worker (and its back-end probe) now, in the background."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="cue-player", daemon=True)
            self._thread.start()

    def play(self, path: Path) -> None:
        """Play ``path`` as soon as possible, cutting off what is playing. Never blocks."""
        self.start()
        self._queue.put(path)

    def silence(self) -> None:
        """Stop what is playing (pause, skip, back: no stale cue)."""
        if self._thread is not None:
            self._queue.put(_SILENCE)

    def close(self, timeout: float = 2.0) -> None:
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None

    # ----------------------------------------------------------------- worker side

    def _report(self, status: PlayerStatus) -> None:
        self.status = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:  # the caller's problem must not kill the worker
                log.exception("on_status failed")

    def _load_backends(self) -> list[Backend]:
        if self._backends_factory is not None:
            return list(self._backends_factory())
        try:
            from soleus_coach.audio.backends import candidates
        except Exception as exc:  # playsound3 missing or broken: no sound, no crash
            log.warning("no sound back-end: %s", exc)
            return []
        return candidates()

    def _probe(self, backend: Backend) -> float | None:
        """Start latency of ``backend`` in seconds, or None if it cannot play.

        The back-end plays a WAV with no frames: the player starts, connects, opens its
        stream and exits, and nothing is heard. The median time of a few runs matched the
        first-sample latency measured in a null sink on a quiet machine (paplay 8.4 vs
        8.8–9.5 ms, aplay 12 vs 11–15 ms; docs/benchmarks.md). But the probe runs while a
        routine is being set up, and a run is only ever slowed, never sped up (a cold cache,
        the app's own work, the GIL held by the GUI thread): measured end to end, the median
        of three then came out at 23–43 ms against a true 12–15 ms, and every cue sounded
        that much early (tests/test_audio_e2e.py). So the shortest of five runs, spread over
        a quarter second, is taken. A clip with even one frame would measure the server's
        drain (2 s) instead. A non-zero exit means the back-end cannot play."""
        probe = self.sounds_dir / "probe.wav"
        times = []
        for run in range(PROBE_RUNS):
            if run:
                time.sleep(PROBE_GAP_S)
            try:
                t0 = self._clock()
                proc = backend.play(str(probe))
                code = proc.wait()
                times.append(self._clock() - t0)
            except Exception as exc:
                log.warning("sound back-end %s failed: %s", backend.name, exc)
                return None
            if code != 0:
                log.warning("sound back-end %s exited with %s", backend.name, code)
                return None
        return min(times)

    def _next_backend(self, backends: list[Backend]) -> Backend | None:
        while backends:
            backend = backends[0]
            latency = self._probe(backend)
            if latency is not None:
                lead = latency if latency <= MAX_LEAD_S else 0.0
                self.formats = backend.formats
                self._report(PlayerStatus(PlayerState.READY, backend.name, lead))
                log.info("sound: %s, start latency %.1f ms", backend.name, latency * 1000)
                return backend
            backends.pop(0)
        hint = INSTALL_HINT[sys.platform if sys.platform in INSTALL_HINT else "linux"]
        self._report(PlayerStatus(PlayerState.UNAVAILABLE, message=texts.fill(
            texts.SOUND_UNAVAILABLE, texts.translate(hint))))
        return None

    def _run(self) -> None:
        # A cue is started by this thread, which needs the GIL for it: while the GUI thread
        # builds a page (a session's end, its finish page) it would wait up to the switch
        # interval, 5 ms by default, more than once. 1 ms costs nothing while only one
        # thread runs, which is nearly always.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        backends = self._load_backends()
        backend = self._next_backend(backends)
        playing: list[_Playing] = []  # the newest last; older ones only while draining
        lengths: dict[Path, float | None] = {}
        while True:
            try:
                item = self._queue.get(timeout=0.05 if playing else None)
            except queue.Empty:
                item = None
            for p in list(playing):
                code = p.proc.poll()
                if code is None:
                    continue
                playing.remove(p)
                if code != 0 and code != -15 and backend is not None:
                    log.warning("%s failed on %s (exit %s)", backend.name, p.path, code)
                    backends.pop(0)
                    backend = self._next_backend(backends)
            if item is None:
                continue
            now = self._clock()
            for p in list(playing):
                if item is _STOP or p.audible(now):
                    # a newer cue, silence or the end: cut off what is still being heard
                    p.proc.terminate()
                    playing.remove(p)
            if item is _STOP:
                return
            if item is _SILENCE or backend is None:
                continue
            path = item
            backend.volume = self.volume
            if path.suffix.lower() not in backend.formats:
                log.warning("%s cannot play %s; using the default sound", backend.name, path)
                continue
            if path not in lengths:
                lengths[path] = clip_seconds(path)
            try:
                proc = backend.play(str(path))
            except Exception as exc:
                log.warning("%s failed to start: %s", backend.name, exc)
                backends.pop(0)
                backend = self._next_backend(backends)
                continue
            length = lengths[path]
            lead = self.status.latency_s
            playing.append(_Playing(proc, path, math.inf if length is None
                                    else self._clock() + lead + length))
