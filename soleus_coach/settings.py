"""User settings: declared once, typed, stored as JSON under the data directory.

A settings file with garbage in it never stops the app: bad values fall back to their
defaults one by one and the problem is reported in one line.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from soleus_coach import texts
from soleus_coach.reader import read_user_file

log = logging.getLogger(__name__)


class Leg(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"  # both calves hurt: left first, as for "both"
    #: Not set yet (the default, and what older versions stored for everyone): a routine
    #: that starts with the injured leg asks which one, and remembers the answer.
    NONE = "none"
    #: The runner is not sure which calf: such a routine asks at each start.
    NOT_SURE = "not_sure"

    @property
    def known(self) -> bool:
        """Whether "injured leg first" can be planned without asking."""
        return self not in (Leg.NONE, Leg.NOT_SURE)


class CueStyle(StrEnum):
    TONES = "tones"
    SPOKEN = "spoken"  # recorded words (assets/sounds/spoken/<language>/)
    #: The machine's own voice (eSpeak NG, SAPI, macOS's voices): every step's name, side,
    #: numbers of any size; rendered before it is needed (soleus_coach.audio.speech).
    VOICE = "voice"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Settings:
    injured_leg: Leg = Leg.NONE
    #: Preferred hold in seconds; clamped into each stretch's allowed range. None: its default.
    hold_s: float | None = None
    #: Preferred repetitions per side; clamped into each stretch's range. None: its default.
    reps: int | None = None
    #: Seconds to get ready before the first step.
    get_ready_s: float = 10.0
    #: Preferred ice time in seconds (clamped into the step's range, never above 20 min).
    ice_s: float | None = None
    sound_on: bool = True
    cue_style: CueStyle = CueStyle.TONES
    volume: int = 80  # percent, where the back-end supports it
    #: The system voice (CueStyle.VOICE): its id ("" the language's default voice), its rate
    #: in words per minute, and what it says besides the cues' own words.
    voice: str = ""
    speech_rate: int = 160
    speak_names: bool = True  # step names and sides, "next: …"
    speak_counts: bool = True  # set, hold, rep and round numbers; "ten seconds"
    speak_instructions: bool = True  # a step's instructions while getting into position
    theme: Theme = Theme.SYSTEM
    language: str = ""  # "" follows the system locale
    first_run_acknowledged: bool = False
    #: Ask how the calf feels before each session (after is always asked; both skippable).
    ask_pain_before: bool = True
    #: The routines behind the home screen's two buttons (protocol ids).
    after_run_routine: str = "post-run-soleus"
    before_run_routine: str = "pre-run-warm-up"
    #: Offer the small always-on-top timer on long ice and heat steps.
    compact_offer: bool = True
    #: A daily reminder (off by default) at ``reminder_minute`` after midnight, local time,
    #: on ``reminder_days`` (0 = Monday).
    reminder_on: bool = False
    reminder_minute: int = 18 * 60
    reminder_days: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
    #: Start with the desktop session, minimised to the tray (the autostart file follows it).
    autostart: bool = False


_BOUNDS: dict[str, tuple[float, float]] = {
    "hold_s": (5, 120),
    "reps": (1, 10),
    "get_ready_s": (3, 30),
    "ice_s": (60, 1200),
    "volume": (0, 100),
    "reminder_minute": (0, 24 * 60 - 1),
    "speech_rate": (80, 300),
}
_BOOLS = frozenset({"sound_on", "first_run_acknowledged", "ask_pain_before", "compact_offer",
                    "reminder_on", "autostart", "speak_names", "speak_counts",
                    "speak_instructions"})
_INTS = frozenset({"reps", "volume", "reminder_minute", "speech_rate"})
_ROUTINE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _coerce(name: str, raw: Any, default: Any) -> Any:
    """Turn a stored JSON value into the field's type, or raise ValueError."""
    if isinstance(default, StrEnum) or name in ("injured_leg", "cue_style", "theme"):
        enum_type = type(default)
        return enum_type(raw)
    if name in _BOOLS:
        if not isinstance(raw, bool):
            raise ValueError("expected true or false")
        return raw
    if name in ("after_run_routine", "before_run_routine"):
        if not isinstance(raw, str) or not _ROUTINE_ID.fullmatch(raw):
            raise ValueError("expected a routine id")
        return raw
    if name == "reminder_days":
        if not isinstance(raw, list) or not all(
                isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in raw):
            raise ValueError("expected weekdays 0 to 6")
        return tuple(sorted(set(raw)))
    if name == "language":
        if not isinstance(raw, str) or len(raw) > 20:
            raise ValueError("expected a language code")
        return raw
    if name == "voice":
        if not isinstance(raw, str) or len(raw) > 300 or not raw.isprintable():
            raise ValueError("expected a voice's name")
        return raw
    if raw is None and name in ("hold_s", "reps", "ice_s"):
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw != raw:
        raise ValueError("expected a number")
    lo, hi = _BOUNDS[name]
    if not lo <= raw <= hi:
        raise ValueError(f"expected {lo:g} to {hi:g}")
    return int(raw) if name in _INTS else float(raw)


def from_dict(data: Any) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, plus one message per value that was ignored."""
    defaults = Settings()
    if not isinstance(data, dict):
        return defaults, [texts.translate(texts.SETTINGS_NOT_OBJECT)]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        try:
            values[f.name] = _coerce(f.name, data[f.name], getattr(defaults, f.name))
        except (ValueError, TypeError) as exc:
            problems.append(texts.fill(texts.SETTING_IGNORED, f.name, exc))
    return replace(defaults, **values), problems


def to_dict(settings: Settings) -> dict[str, Any]:
    return {k: (v.value if isinstance(v, StrEnum) else list(v) if isinstance(v, tuple) else v)
            for k, v in asdict(settings).items()}


#: A settings file is a few hundred bytes; anything this large is not one.
MAX_SETTINGS_BYTES = 256 * 1024


class SettingsStore:
    """Reads and writes settings at ``path`` (injected: tests use a temporary folder)."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []

    def load(self) -> Settings:
        """The settings in the file; the defaults (and a problem to show) when it cannot
        be read: through the one reader, so a FIFO, a device or a huge file in its place
        is refused at once instead of hanging or filling memory."""
        try:
            raw = read_user_file(self.path, MAX_SETTINGS_BYTES, "a settings file")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            self.problems = [texts.fill(texts.SETTINGS_UNREADABLE, exc.strerror or exc)]
            return Settings()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            self.problems = [texts.fill(texts.SETTINGS_DAMAGED, self.path)]
            return Settings()
        settings, self.problems = from_dict(data)
        return settings

    def save(self, settings: Settings) -> None:
        """Write atomically (temporary file, then rename). Raises OSError when it cannot."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(to_dict(settings), fh, indent=2)
                fh.write("\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
