"""Segments in words, for the session view. Plain Python, so the wording is testable.

:func:`describe` gives what stays the same through a segment (its title, the leg, the
cautions); :func:`progress` gives what changes as it runs (which rep, which part of the
tempo, how many reps the runner has counted).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from soleus_coach import safety, texts
from soleus_coach.protocol.model import Phase, SelfPaced, SideMeaning
from soleus_coach.session.plan import Segment, SegmentKind

#: Phase names the view colours by.
PHASE = {
    SegmentKind.GET_READY: "position",
    SegmentKind.POSITION: "position",
    SegmentKind.HOLD: "hold",
    SegmentKind.REST: "rest",
    SegmentKind.EXERCISE: "exercise",
    SegmentKind.SET: "exercise",
    SegmentKind.ICE: "ice",
    SegmentKind.HEAT: "heat",
    SegmentKind.PAUSE: "rest",
    SegmentKind.MESSAGE: "position",
}

_PHASE_WORD = {Phase.UP: texts.PHASE_UP, Phase.DOWN: texts.PHASE_DOWN,
               Phase.HOLD: texts.PHASE_HOLD, Phase.PAUSE: texts.PHASE_PAUSE}
_PHASE_ARROW = {Phase.UP: "↑ ", Phase.DOWN: "↓ "}


@dataclass(frozen=True, slots=True)
class SegmentText:
    phase: str
    title: str
    side_text: str
    rep_text: str
    instructions: tuple[str, ...]
    #: The app's caution for this kind of step (always shown where it applies).
    caution: str
    next_text: str
    illustration: Path | None
    #: The author's own caution, shown beside the app's.
    author_caution: str = ""
    #: A counted set: the big display shows reps, not a countdown.
    counted: bool = False
    #: For a set the runner paces: what to press.
    hint: str = ""
    #: "Set 2 of 3" (or "Hold 2 of 3"), without the reps.
    unit_text: str = ""
    #: Lines to read that are not numbered instructions (what starts; ice safety).
    notes: tuple[str, ...] = ()
    #: "Round 2 of 3" in a group of steps done several times ("" elsewhere).
    round_text: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a counted set is: rep ``rep`` of ``of``; in a paced set, the part of the rep
    (``phase``) and its second (1-based); in a self-paced one, the reps counted."""

    rep: int
    of: int
    phase: Phase | None = None
    second: int = 0

    @property
    def big(self) -> str:
        """For the big display: the rep, and how many."""
        return f"{self.rep}/{self.of}"

    @property
    def phase_text(self) -> str:
        """``↓ DOWN · 2``: which way (the picture beside it shows the movement both ways),
        the part of the rep, and its second from the second one on."""
        if self.phase is None or self.phase is Phase.REP:
            return ""
        word = _PHASE_ARROW.get(self.phase, "") + texts.translate(_PHASE_WORD[self.phase])
        return word if self.second <= 1 else f"{word} · {self.second}"

    @property
    def rep_text(self) -> str:
        return texts.fill(texts.REP_N_OF_M, self.rep, self.of)


def _meaning_text(seg: Segment) -> str:
    """"LEFT leg back" while the leg works; nothing in a rest (the legs are at rest)."""
    if seg.side is None or seg.kind in (SegmentKind.REST, SegmentKind.PAUSE):
        return ""
    left = seg.side.value == "left"
    if seg.side_is is SideMeaning.LEG_BACK:
        return texts.translate(texts.LEFT_LEG_BACK if left else texts.RIGHT_LEG_BACK)
    return texts.translate(texts.LEFT_LEG if left else texts.RIGHT_LEG)


def _unit_text(seg: Segment) -> str:
    """ "Hold 2 of 3", "Set 2 of 3", "After set 1 of 3" (a stretch's unit is a hold)."""
    hold = seg.step_kind == "stretch"
    if seg.kind in (SegmentKind.HOLD, SegmentKind.SET, SegmentKind.EXERCISE) and seg.reps:
        return texts.fill(texts.HOLD_N_OF_M if hold else texts.SET_N_OF_M, seg.rep, seg.reps)
    if seg.kind is SegmentKind.REST and seg.reps:
        return texts.fill(texts.AFTER_HOLD_N_OF_M if hold else texts.AFTER_SET_N_OF_M,
                          seg.rep, seg.reps)
    return ""


def app_caution(seg: Segment) -> str:
    """The app's caution for the kind of step this segment belongs to (safety decides);
    the safety text of ice or heat only on the ice or heat itself."""
    if seg.kind is SegmentKind.MESSAGE or (
            seg.step_kind in ("ice", "heat") and seg.kind not in (SegmentKind.ICE,
                                                                  SegmentKind.HEAT)):
        return ""
    text = safety.caution_for(seg.step_kind, seg.duration_s)
    return "" if text is None else texts.translate(text)


def describe(seg: Segment) -> SegmentText:
    counted = seg.kind is SegmentKind.SET
    rep = _unit_text(seg)
    if counted and seg.count:
        rep = f"{rep} · {texts.fill(texts.REPS_IN_SET, seg.count)}" if rep else \
            texts.fill(texts.REPS_IN_SET, seg.count)
    hint = ""
    if counted and seg.manual is not None:
        hint = texts.translate(texts.PRESS_ENTER_REP if seg.manual is SelfPaced.REP
                               else texts.PRESS_ENTER_SET)
    author = seg.caution
    if author == texts.STRETCH_CAUTION.source:  # the app's own words, said already
        author = ""
    return SegmentText(
        phase=PHASE[seg.kind],
        title=seg.label,
        side_text=_meaning_text(seg),
        rep_text=rep,
        instructions=seg.instructions,
        notes=seg.notes,
        caution=app_caution(seg),
        next_text=texts.fill(texts.NEXT_STEP, seg.next_label),
        illustration=seg.illustration,
        author_caution=author,
        counted=counted,
        hint=hint,
        unit_text=_unit_text(seg),
        round_text=texts.fill(texts.ROUND_N_OF_M, seg.round, seg.rounds) if seg.rounds
        else "",
    )


def progress(seg: Segment, elapsed_s: float, reps_done: int = 0) -> Progress | None:
    """Where a counted set is after ``elapsed_s`` (paced) or ``reps_done`` presses."""
    if seg.kind is not SegmentKind.SET or seg.count <= 0:
        return None
    if seg.manual is SelfPaced.SET:
        return Progress(seg.count if reps_done else 0, seg.count)
    if seg.manual is SelfPaced.REP or seg.tempo is None:
        return Progress(min(reps_done, seg.count), seg.count)
    rep_s = seg.tempo.rep_s
    elapsed = min(max(0.0, elapsed_s), seg.count * rep_s - 1e-6)
    index = int(elapsed // rep_s)
    at = elapsed - index * rep_s
    for phase, seconds in seg.tempo.phases:
        if at < seconds:
            return Progress(index + 1, seg.count, phase, math.floor(at) + 1)
        at -= seconds
    return Progress(index + 1, seg.count)  # pragma: no cover (float edge)
