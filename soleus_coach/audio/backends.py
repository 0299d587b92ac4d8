"""Sound back-ends on top of playsound3's ``SoundBackend`` interface.

playsound3 alone misses stock Linux desktops (its ALSA back-end insists on mpg123 even for
WAV; gst-play-1.0 is often absent), so PipeWire's ``pw-play``, PulseAudio's ``paplay`` and
ALSA's ``aplay`` come first; playsound3's own back-ends follow (afplay on macOS, winmm on
Windows, GStreamer/ffplay elsewhere). Importing this module imports playsound3: do it off
the GUI thread (the player's worker does).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from typing import Any


class _NotOurVerdict(logging.Filter):
    """playsound3 logs "No supported audio backends on this system!" when it is imported
    on a machine without one of *its* players; ours (pw-play, paplay, aplay) may well be
    there. Whether sound works is this module's to say (and the window says it once)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "No supported audio backends" not in record.getMessage()


logging.getLogger("playsound3.playsound3").addFilter(_NotOurVerdict())

from playsound3 import playsound3 as ps3  # noqa: E402  (after the filter: it logs on import)

log = logging.getLogger(__name__)


class Backend(ps3.SoundBackend):
    """A back-end with a name, the formats it plays, and a volume if it has one."""

    name = "?"
    formats: frozenset[str] = frozenset({".wav"})
    has_volume = False

    def __init__(self) -> None:
        self.volume = 1.0  # 0.0–1.0, used where has_volume

    def check(self) -> bool:  # pragma: no cover - each subclass says
        raise NotImplementedError

    def play(self, sound: str) -> Any:
        raise NotImplementedError


class _Command(Backend):
    command = ""

    def check(self) -> bool:
        return shutil.which(self.command) is not None

    def argv(self, sound: str) -> list[str]:
        raise NotImplementedError

    def play(self, sound: str) -> subprocess.Popen[str]:
        return ps3.run_as_subprocess(self.argv(sound))


class PwPlay(_Command):
    """PipeWire (package ``pipewire-bin``)."""

    name = command = "pw-play"
    formats = frozenset({".wav", ".ogg", ".flac", ".mp3"})
    has_volume = True

    def argv(self, sound: str) -> list[str]:
        return ["pw-play", f"--volume={self.volume:.2f}", sound]


class Paplay(_Command):
    """PulseAudio, or PipeWire's PulseAudio server (package ``pulseaudio-utils``)."""

    name = command = "paplay"
    formats = frozenset({".wav", ".ogg", ".flac"})
    has_volume = True

    def argv(self, sound: str) -> list[str]:
        return ["paplay", f"--volume={round(self.volume * 65536)}", sound]


class Aplay(_Command):
    """Plain ALSA (package ``alsa-utils``): WAV only, no volume."""

    name = command = "aplay"

    def argv(self, sound: str) -> list[str]:
        return ["aplay", "-q", sound]


class Afplay(_Command):
    """macOS's built-in player."""

    name = command = "afplay"
    formats = frozenset({".wav", ".mp3", ".m4a", ".aiff"})
    has_volume = True

    def argv(self, sound: str) -> list[str]:
        return ["afplay", "-v", f"{self.volume:.2f}", sound]


class _Wrapped(Backend):
    """One of playsound3's own back-ends (Windows, GStreamer, ffplay)."""

    def __init__(self, name: str, inner: ps3.SoundBackend) -> None:
        super().__init__()
        self.name = name
        self.inner = inner
        self.formats = frozenset({".wav", ".mp3", ".ogg"} if name != "winmm" else {".wav",
                                                                                    ".mp3"})

    def check(self) -> bool:
        return bool(self.inner.check())

    def play(self, sound: str) -> Any:
        return self.inner.play(sound)


def candidates() -> list[Backend]:
    """The back-ends present on this machine, best first."""
    ours: list[Backend] = [PwPlay(), Paplay(), Aplay()] if sys.platform.startswith(
        "linux") else [Afplay()] if sys.platform == "darwin" else []
    found = [b for b in ours if b.check()]
    for name in ps3.AVAILABLE_BACKENDS:
        if name in ("afplay",) or (name == "alsa" and any(b.name == "aplay" for b in found)):
            continue
        found.append(_Wrapped(name, ps3._BACKEND_MAP[name]))
    log.info("sound back-ends: %s", [b.name for b in found] or "none")
    return found
