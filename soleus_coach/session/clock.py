"""Clocks. The engine asks ``now()`` for seconds on a monotonic clock that keeps counting
while the laptop sleeps, and ``slept()`` for how much of that was sleep (to tell the user).

| platform | sleep-inclusive clock |
|---|---|
| Linux | ``CLOCK_BOOTTIME`` (``CLOCK_MONOTONIC`` stops in suspend) |
| macOS | ``CLOCK_MONOTONIC`` (``time.monotonic()`` stops) |
| Windows | ``time.monotonic()`` (it includes sleep) |

Where no such clock exists, :class:`SystemClock` falls back to detecting a suspend as the
wall clock jumping ahead of the monotonic clock, and adds the jump.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Protocol

#: A wall-clock jump larger than this, beyond monotonic progress, counts as a suspend.
SUSPEND_THRESHOLD_S = 2.0
TIME_SCALE_ENV = "SOLEUS_COACH_TIME_SCALE"


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic clock that includes time asleep."""
        ...

    def slept(self) -> float:
        """Total seconds spent asleep so far, as far as can be known (0 if unknown)."""
        ...


def _awake_clock() -> float:
    return time.monotonic() if sys.platform != "darwin" else time.clock_gettime(
        time.CLOCK_UPTIME_RAW)  # type: ignore[attr-defined,unused-ignore]


class SystemClock:
    """The real clock, sleep-inclusive on every platform."""

    def __init__(self) -> None:
        self._boottime = getattr(time, "CLOCK_BOOTTIME", None) if sys.platform.startswith(
            "linux") else None
        self._darwin = sys.platform == "darwin"
        self._windows = sys.platform == "win32"
        # Fallback bookkeeping: wall-clock jumps beyond monotonic progress.
        self._last_mono = time.monotonic()
        self._last_wall = time.time()
        self._jumped = 0.0

    def now(self) -> float:
        if self._boottime is not None:
            return time.clock_gettime(self._boottime)
        if self._darwin:
            return time.clock_gettime(time.CLOCK_MONOTONIC)
        if self._windows:
            return time.monotonic()
        self._detect_jump()
        return time.monotonic() + self._jumped

    def slept(self) -> float:
        if self._boottime is not None:
            return max(0.0, time.clock_gettime(self._boottime) - time.monotonic())
        if self._darwin:
            return max(0.0, time.clock_gettime(time.CLOCK_MONOTONIC) - _awake_clock())
        if self._windows:
            return 0.0  # monotonic already includes sleep; the amount is not observable
        self._detect_jump()
        return self._jumped

    def _detect_jump(self) -> None:
        mono, wall = time.monotonic(), time.time()
        extra = (wall - self._last_wall) - (mono - self._last_mono)
        if extra > SUSPEND_THRESHOLD_S:
            self._jumped += extra
        self._last_mono, self._last_wall = mono, wall


class FakeClock:
    """A clock for tests: time moves only when told."""

    def __init__(self, start: float = 1000.0) -> None:
        self._t = start
        self._slept = 0.0

    def now(self) -> float:
        return self._t

    def slept(self) -> float:
        return self._slept

    def advance(self, seconds: float) -> None:
        assert seconds >= 0
        self._t += seconds

    def suspend(self, seconds: float) -> None:
        """The laptop sleeps: time passes and is counted as slept."""
        self.advance(seconds)
        self._slept += seconds


class ScaledClock:
    """Runs ``factor`` times faster than ``base`` (demos and end-to-end tests)."""

    def __init__(self, base: Clock, factor: float) -> None:
        if not factor > 0:
            raise ValueError("time scale must be positive")
        self.base = base
        self.factor = factor
        self._origin = base.now()

    def now(self) -> float:
        return self._origin + (self.base.now() - self._origin) * self.factor

    def slept(self) -> float:
        return self.base.slept() * self.factor


def clock_from_env() -> tuple[Clock, float]:
    """The app's clock and its speed: ``SOLEUS_COACH_TIME_SCALE`` (e.g. 60) speeds it up."""
    raw = os.environ.get(TIME_SCALE_ENV, "")
    try:
        factor = float(raw) if raw else 1.0
    except ValueError:
        factor = 1.0
    if not 0 < factor <= 10_000:
        factor = 1.0
    if factor == 1.0:
        return SystemClock(), 1.0
    return ScaledClock(SystemClock(), factor), factor
