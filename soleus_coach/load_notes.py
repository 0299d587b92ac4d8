"""Load notes: what the runner's own running shows beside a rising pain trend. No Qt.

The guidance for training load, as :mod:`soleus_coach.safety` is for red flags and the pain
trend: pure functions over plain values, thresholds as named constants, wording in
:mod:`soleus_coach.texts` (context "Load"). What the evidence allows (docs/safety.md,
``../shared/domain.md``, "Training load"):

- the "10 % rule" is not supported by trials (Buist 2008), so no percentage is presented
  as a limit; the notes *compare* — this week against the runner's own last four weeks;
- a single run much longer than the longest of the previous 30 days raised injury risk
  (Frandsen et al., BJSM 2025): the one comparison of a single run;
- the source names distance or frequency up too fast, speed, hills, surfaces and shoes as
  causes; a note names the cause it is about, softly ("a common cause").

Each note is an observation ("your weekly distance went from 20 to 32 km … and your calf
pain rose"), never a diagnosis, and is only given when the pain rose: running more without
pain is training, not a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from soleus_coach import texts
from soleus_coach.runs.model import Run, WeekRuns
from soleus_coach.texts import Text

#: This week counts as a jump at this multiple of the previous four weeks' average…
WEEKLY_RATIO = 1.3
#: …and at least this many km more (a jump from 4 to 6 km is not worth a note).
WEEKLY_MIN_KM = 5.0
#: A run this many times the longest of the 30 days before it is "much longer"
#: (BJSM 2025 found the risk rising from about 10 % longer; the note waits for a clear jump).
LONG_RUN_RATIO = 1.3
LONG_RUN_LOOKBACK = timedelta(days=30)
#: Only runs of the last two weeks are looked at for a long-run note.
LONG_RUN_RECENT = timedelta(days=14)
#: Climb per km this week at this multiple of the four weeks before, and this much more.
CLIMB_RATIO = 1.5
CLIMB_MIN_M_PER_KM = 5.0
#: Mean pain after sessions that is this much higher than before counts as "rose" (0–10).
PAIN_RISE = 1.0


class NoteKind(StrEnum):
    WEEKLY_DISTANCE = "weekly_distance"
    LONG_RUN = "long_run"
    CLIMB = "climb"


@dataclass(frozen=True, slots=True)
class LoadNote:
    kind: NoteKind
    #: The observation, filled in and translated.
    text: str
    #: The source's cause that the observation is about.
    cause: Text


def _km(metres: float) -> str:
    return f"{metres / 1000:.1f}"


def weekly_distance_note(weeks: Sequence[WeekRuns]) -> LoadNote | None:
    """This week (the last of ``weeks``, oldest first) against the average of the four
    weeks before it. Weeks with no runs count as 0 km: a week off is part of the average."""
    if len(weeks) < 5:
        return None
    before = sum(w.distance_m for w in weeks[-5:-1]) / 4
    now = weeks[-1].distance_m
    if before <= 0 or now < before * WEEKLY_RATIO or now - before < WEEKLY_MIN_KM * 1000:
        return None
    return LoadNote(NoteKind.WEEKLY_DISTANCE,
                    texts.fill(texts.LOAD_WEEKLY, _km(before), _km(now)),
                    texts.LOAD_WEEKLY_CAUSE)


def long_run_note(runs: Sequence[Run], now: datetime) -> LoadNote | None:
    """The most recent run (of the last two weeks) that was much longer than the longest of
    the 30 days before it; None when there was no run in those 30 days to compare with."""
    ordered = sorted(runs, key=lambda r: r.start)
    for run in reversed(ordered):
        if run.start < now - LONG_RUN_RECENT:
            break
        earlier = [r.distance_m for r in ordered
                   if run.start - LONG_RUN_LOOKBACK <= r.start < run.start]
        if earlier and run.distance_m >= max(earlier) * LONG_RUN_RATIO:
            return LoadNote(NoteKind.LONG_RUN, texts.fill(
                texts.LOAD_LONG_RUN, _km(run.distance_m),
                run.local_start.date().isoformat(), _km(max(earlier))),
                texts.LOAD_LONG_RUN_CAUSE)
    return None


def climb_note(weeks: Sequence[WeekRuns]) -> LoadNote | None:
    """Climb per km this week against the four weeks before (runs without altitude data
    are left out of both)."""
    if len(weeks) < 5:
        return None
    climbed = sum(w.climbed_m for w in weeks[-5:-1])
    now = weeks[-1].climb_per_km
    if climbed <= 0 or now is None:
        return None
    before = sum(w.climb_m for w in weeks[-5:-1]) / (climbed / 1000)
    if now < before * CLIMB_RATIO or now - before < CLIMB_MIN_M_PER_KM:
        return None
    return LoadNote(NoteKind.CLIMB, texts.fill(texts.LOAD_CLIMB, f"{now:.0f}", f"{before:.0f}"),
                    texts.LOAD_CLIMB_CAUSE)


def pain_rose(weekly_pain: Sequence[float | None]) -> bool:
    """Whether the mean pain after sessions rose: the latest recorded week (this or last
    week) against the mean of the weeks before it, by :data:`PAIN_RISE` or more."""
    recent = [p for p in weekly_pain[-2:] if p is not None]
    earlier = [p for p in weekly_pain[:-2] if p is not None]
    if not recent or not earlier:
        return False
    return recent[-1] - sum(earlier) / len(earlier) >= PAIN_RISE


def load_notes(weeks: Sequence[WeekRuns], runs: Sequence[Run],
               weekly_pain: Sequence[float | None], now: datetime) -> list[LoadNote]:
    """The notes to show beside the pain trend: none unless the pain rose."""
    if not pain_rose(weekly_pain):
        return []
    found = (weekly_distance_note(weeks), long_run_note(runs, now), climb_note(weeks))
    return [note for note in found if note is not None]
