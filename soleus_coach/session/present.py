"""Segments in words, for the session view. Plain Python, so the wording is testable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soleus_coach import texts
from soleus_coach.session.plan import Segment, SegmentKind

#: Phase names the view colours by.
PHASE = {
    SegmentKind.GET_READY: "position",
    SegmentKind.POSITION: "position",
    SegmentKind.HOLD: "hold",
    SegmentKind.REST: "rest",
    SegmentKind.EXERCISE: "exercise",
    SegmentKind.ICE: "ice",
    SegmentKind.PAUSE: "rest",
    SegmentKind.MESSAGE: "position",
}


@dataclass(frozen=True, slots=True)
class SegmentText:
    phase: str
    title: str
    side_text: str
    rep_text: str
    instructions: tuple[str, ...]
    caution: str
    next_text: str
    illustration: Path | None


def describe(seg: Segment) -> SegmentText:
    side = ""
    if seg.side is not None:
        left = seg.side.value == "left"
        if seg.kind in (SegmentKind.HOLD, SegmentKind.POSITION) and seg.caution:
            # a stretch: the leg being stretched is the back one
            side = texts.translate(texts.LEFT_LEG_BACK if left else texts.RIGHT_LEG_BACK)
        else:
            side = texts.translate(texts.LEFT_LEG if left else texts.RIGHT_LEG)
    rep = ""
    if seg.kind is SegmentKind.HOLD:
        rep = texts.fill(texts.HOLD_N_OF_M, seg.rep, seg.reps)
    elif seg.kind is SegmentKind.REST and seg.reps:
        rep = texts.fill(texts.AFTER_HOLD_N_OF_M, seg.rep, seg.reps)
    caution = ""
    if seg.kind in (SegmentKind.HOLD, SegmentKind.POSITION, SegmentKind.REST) and seg.caution:
        caution = seg.caution
        if caution == texts.STRETCH_CAUTION.source:  # the app's own words: in the user's language
            caution = texts.translate(texts.STRETCH_CAUTION)
        elif "point of pain" not in caution.lower():
            caution = f"{texts.translate(texts.STRETCH_CAUTION)} {caution}"
    elif seg.kind is SegmentKind.ICE:
        caution = texts.translate(texts.ICE_SAFETY)  # whatever the protocol says
    return SegmentText(
        phase=PHASE[seg.kind],
        title=seg.label,
        side_text=side,
        rep_text=rep,
        instructions=seg.instructions,
        caution=caution,
        next_text=texts.fill(texts.NEXT_STEP, seg.next_label),
        illustration=seg.illustration,
    )

