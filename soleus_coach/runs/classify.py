"""Is an activity whose file names no sport a run? Judged from its own figures. No Qt.

Pace first: recreational runners hold 3:45–9:15 min/km (6.5–16 km/h) over a run; walking is
4–6.5 km/h, swimming under 4, riding 15–35. Where running and something else overlap
(4.5–6.5 km/h: a slow jog or a brisk walk; 16–20 km/h: a fast run or an easy ride) the
answer is "not sure": the run is stored marked, for the runner to confirm, and counted
nowhere until then. Two more signs where the file has them:

- **cadence**: runners take 150–200 steps a minute, walkers 100–130. Files count steps
  (apps) or strides, one per two steps (Garmin's watches): 140 or more is a runner's steps,
  100–135 a walker's steps, 45–70 a walker's strides; 70–100 is a runner's strides and also
  a cyclist's pedal turns, so it says nothing on its own;
- **the fastest tenth of the moving time** (speed over 10 s windows): above 28 km/h no runner
  is on foot; a ride with an easy average shows its descents here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from soleus_coach import texts
from soleus_coach.runs.model import Said, said

#: km/h: below, not a run; up to RUN_FROM, not sure; up to RUN_UP_TO, a run; up to
#: FAST_UNTIL, not sure; above, not a run.
SLOWER_THAN_RUNNING = 4.5
RUN_FROM = 6.5
RUN_UP_TO = 16.0
FAST_UNTIL = 20.0
#: km/h held for a tenth of the time that no one reaches on foot.
NO_RUNNER_HOLDS = 28.0
#: …and what a runner with an average under RUN_UP_TO rarely holds.
RUNNER_RARELY_HOLDS = 22.0

RUNNER_STEPS = 140.0
WALKER_STEPS = (100.0, 135.0)
WALKER_STRIDES = (45.0, 70.0)


class Verdict(StrEnum):
    RUN = "run"
    NOT_SURE = "not_sure"
    NOT_RUN = "not_run"


@dataclass(frozen=True, slots=True)
class Judged:
    verdict: Verdict
    why: Said | None = None  # for NOT_SURE and NOT_RUN


def pace_text(kmh: float) -> str:
    seconds = round(3600 / kmh) if kmh > 0 else 0
    return f"{seconds // 60}:{seconds % 60:02d}"


def judge(distance_m: float, moving_s: float, *, cadence: float | None = None,
          fast_kmh: float | None = None) -> Judged:
    """Run, not sure, or not a run (with the reason, in words)."""
    if moving_s <= 0 or distance_m <= 0:
        return Judged(Verdict.RUN)  # check_run refuses it with the reason
    kmh = distance_m / 1000 / (moving_s / 3600)
    steps = cadence is not None and cadence >= RUNNER_STEPS
    walker = cadence is not None and (WALKER_STEPS[0] <= cadence <= WALKER_STEPS[1] or
                                      WALKER_STRIDES[0] <= cadence <= WALKER_STRIDES[1])
    pace = pace_text(kmh)
    if fast_kmh is not None and fast_kmh > NO_RUNNER_HOLDS:
        return Judged(Verdict.NOT_RUN, said(texts.RUN_FASTER_THAN_RUNNING, f"{fast_kmh:.0f}"))
    if kmh > FAST_UNTIL:
        return Judged(Verdict.NOT_RUN, said(texts.RUN_FASTER_THAN_RUNNING, f"{kmh:.1f}"))
    if kmh < SLOWER_THAN_RUNNING:
        if steps:
            return Judged(Verdict.NOT_SURE, said(texts.RUN_DOUBT_SLOW, pace))
        return Judged(Verdict.NOT_RUN, said(texts.RUN_SLOWER_THAN_RUNNING, pace))
    if kmh < RUN_FROM:
        if steps:
            return Judged(Verdict.RUN)
        if walker:
            return Judged(Verdict.NOT_RUN, said(texts.RUN_WALKING_CADENCE, pace,
                                                f"{_steps(cadence):.0f}"))
        return Judged(Verdict.NOT_SURE, said(texts.RUN_DOUBT_SLOW, pace))
    if kmh > RUN_UP_TO:
        if steps:
            return Judged(Verdict.RUN)
        return Judged(Verdict.NOT_SURE, said(texts.RUN_DOUBT_FAST, f"{kmh:.1f}"))
    if walker:
        return Judged(Verdict.NOT_SURE, said(texts.RUN_DOUBT_CADENCE,
                                             f"{_steps(cadence):.0f}"))
    if fast_kmh is not None and fast_kmh > RUNNER_RARELY_HOLDS and not steps:
        return Judged(Verdict.NOT_SURE, said(texts.RUN_DOUBT_SPEEDS, f"{fast_kmh:.0f}"))
    return Judged(Verdict.RUN)


def _steps(cadence: float | None) -> float:
    """Steps a minute, whether the file counted steps or strides."""
    if cadence is None:
        return 0.0
    return cadence * 2 if cadence < WALKER_STEPS[0] else cadence
