"""A non-blocking cue player. No Qt.

:meth:`CuePlayer.play` only puts the file on a queue (microseconds); a worker thread owns
the back-end: it picks one, measures its start latency once with a short silent clip, starts
one player process per cue (a newer cue stops the older), and checks each exit code. A
back-end that fails is dropped for the next; when none is left the player reports
:attr:`PlayerState.UNAVAILABLE` once, with what to install. Nothing here can block the caller.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from soleus_coach import texts
from soleus_coach.cues import Cue

if TYPE_CHECKING:
    from soleus_coach.audio.backends import Backend

log = logging.getLogger(__name__)

PROBE_RUNS = 3  # the first start of a player is often slower (cold caches)
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
              variant: str = "") -> Path:
    """The file a cue plays: the protocol's own if it has one; else the style's file for the
    variant (``number_7.wav`` for a count of seven, ``set_2_of_3.wav``), or for the cue
    (a tick for any count in the tones style; "next set" past five sets)."""
    if custom is not None:
        return custom
    if variant:
        name = f"number_{variant}" if cue in NUMBERED else f"{cue.value}_{variant}"
        path = sounds_dir / style / f"{name}.wav"
        if path.is_file():
            return path
    path = sounds_dir / style / f"{cue.value}.wav"
    return path if path.is_file() else sounds_dir / "tones" / f"{cue.value}.wav"


_STOP = object()
_SILENCE = object()


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
        first-sample latency measured in a null sink (paplay 8.4 vs 8.8–9.5 ms, aplay 12 vs
        11–15 ms; docs/benchmarks.md). A clip with even one frame would measure the
        server's drain (2 s) instead. A non-zero exit means the back-end cannot play."""
        probe = self.sounds_dir / "probe.wav"
        times = []
        for _ in range(PROBE_RUNS):
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
        return sorted(times)[len(times) // 2]

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
        backends = self._load_backends()
        backend = self._next_backend(backends)
        current: Any = None
        current_path: Path | None = None
        while True:
            try:
                item = self._queue.get(timeout=0.05 if current is not None else None)
            except queue.Empty:
                item = None
            if current is not None:
                code = current.poll()
                if code is not None:
                    if code != 0 and backend is not None:
                        log.warning("%s failed on %s (exit %s)", backend.name, current_path,
                                    code)
                        backends.pop(0)
                        backend = self._next_backend(backends)
                    current, current_path = None, None
            if item is None:
                continue
            if item is _STOP:
                if current is not None:
                    current.terminate()
                return
            if current is not None and current.poll() is None:
                current.terminate()  # a newer cue, or silence: cut the older one off
            current, current_path = None, None
            if item is _SILENCE or backend is None:
                continue
            path = item
            backend.volume = self.volume
            if path.suffix.lower() not in backend.formats:
                log.warning("%s cannot play %s; using the default sound", backend.name, path)
                continue
            try:
                current = backend.play(str(path))
            except Exception as exc:
                log.warning("%s failed to start: %s", backend.name, exc)
                backends.pop(0)
                backend = self._next_backend(backends)
                continue
            current_path = path
