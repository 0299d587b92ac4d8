"""Expand a protocol and the user's settings into a timeline of segments with their cues.

Cue placement (one consistent model): a cue belongs to one segment and is due at an offset
from that segment's start, or from its end (``from_end``) so that lengthening a hold moves
the 3-2-1 and "relax" with it. An end cue is dropped when the next segment opens with a cue
of its own (a newer cue would cut it off anyway). Leaving a segment drops its unfired cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from soleus_coach import texts
from soleus_coach.cues import COUNTDOWN_LEAD_S, Cue
from soleus_coach.protocol import (
    ExerciseStep,
    IceStep,
    InstructionStep,
    Protocol,
    Range,
    RestStep,
    Sides,
    Step,
    StretchStep,
)
from soleus_coach.protocol.spec import ICE_HARD_MAX_S
from soleus_coach.settings import Leg, Settings

_t = texts.translate  # step names the plan makes are in the user's language


class SegmentKind(StrEnum):
    GET_READY = "get_ready"
    POSITION = "position"  # get into position, or switch legs
    HOLD = "hold"
    REST = "rest"  # between holds
    EXERCISE = "exercise"
    ICE = "ice"
    PAUSE = "pause"  # a rest step of the protocol (e.g. "ice off" between applications)
    MESSAGE = "message"  # an instruction step


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class ScheduledCue:
    cue: Cue
    offset_s: float
    from_end: bool = False  # offset counts back from the segment's end
    sound: Path | None = None  # the protocol's own file, if it names one

    def due_in(self, duration_s: float) -> float:
        """Seconds after the segment's start at which this cue is due."""
        return max(0.0, duration_s - self.offset_s) if self.from_end else self.offset_s


@dataclass(frozen=True, slots=True)
class Segment:
    index: int
    kind: SegmentKind
    step_index: int  # -1 for the get-ready segment
    label: str
    duration_s: float
    side: Side | None = None
    rep: int = 0  # 1-based hold number on this side; 0 when not a hold
    reps: int = 0
    instructions: tuple[str, ...] = ()
    caution: str = ""
    illustration: Path | None = None
    cues: tuple[ScheduledCue, ...] = ()
    #: For holds: the range the user may lengthen/shorten it within.
    adjustable: Range | None = None
    next_label: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    protocol_id: str
    protocol_name: str
    segments: tuple[Segment, ...]

    @property
    def total_s(self) -> float:
        return sum(s.duration_s for s in self.segments)


def side_order(sides: Sides, leg: Leg) -> tuple[Side | None, ...]:
    """Which sides a step runs on, in order. Injured leg first; left when none or both."""
    if sides is Sides.NONE:
        return (None,)
    if sides is Sides.LEFT:
        return (Side.LEFT,)
    if sides is Sides.RIGHT:
        return (Side.RIGHT,)
    if sides is Sides.INJURED_FIRST and leg is Leg.RIGHT:
        return (Side.RIGHT, Side.LEFT)
    return (Side.LEFT, Side.RIGHT)


def hold_seconds(step: StretchStep, settings: Settings) -> float:
    return step.hold_s.clamp(settings.hold_s)


def rep_count(step: StretchStep, settings: Settings) -> int:
    return int(step.reps.clamp(settings.reps))


def ice_seconds(step: IceStep, settings: Settings) -> float:
    """The user's ice time within the step's range, and never above the hard cap."""
    return min(step.duration_s.clamp(settings.ice_s), float(ICE_HARD_MAX_S))


class _Builder:
    def __init__(self, protocol: Protocol, settings: Settings):
        self.protocol = protocol
        self.settings = settings
        self.raw: list[Segment] = []

    def sound(self, step: Step | None, cue: Cue) -> Path | None:
        if step is not None and cue in step.sounds:
            return step.sounds[cue]
        return self.protocol.sounds.get(cue)

    def cue(self, step: Step | None, cue: Cue, offset: float, *, from_end: bool = False
            ) -> ScheduledCue:
        return ScheduledCue(cue, offset, from_end, self.sound(step, cue))

    def add(self, kind: SegmentKind, step_index: int, label: str, duration: float,
            **kw: object) -> None:
        if duration <= 0:
            return
        self.raw.append(Segment(index=0, kind=kind, step_index=step_index, label=label,
                                duration_s=float(duration), **kw))  # type: ignore[arg-type]

    def build(self) -> Plan:
        s = self.settings
        self.add(SegmentKind.GET_READY, -1, _t(texts.SEG_GET_READY),
                 s.get_ready_s, instructions=(texts.fill(texts.SEG_STARTING, self.protocol.name),),
                 cues=(self.cue(None, Cue.GET_READY, 0),))
        for i, step in enumerate(self.protocol.steps):
            if isinstance(step, StretchStep):
                self.stretch(i, step)
            elif isinstance(step, ExerciseStep):
                self.exercise(i, step)
            elif isinstance(step, IceStep):
                self.ice(i, step)
            elif isinstance(step, RestStep):
                self.add(SegmentKind.PAUSE, i, step.name, step.duration_s,
                         instructions=step.instructions)
            else:
                assert isinstance(step, InstructionStep)
                self.add(SegmentKind.MESSAGE, i, step.name, step.duration_s,
                         instructions=step.instructions)
        return Plan(self.protocol.id, self.protocol.name, self.finish())

    def stretch(self, i: int, step: StretchStep) -> None:
        hold = hold_seconds(step, self.settings)
        reps = rep_count(step, self.settings)
        countdown = hold >= COUNTDOWN_LEAD_S + 1
        for n, side in enumerate(side_order(step.sides, self.settings.injured_leg)):
            if n == 0:
                self.add(SegmentKind.POSITION, i, _t(texts.SEG_POSITION), step.position_s,
                         side=side, instructions=step.instructions, caution=step.caution,
                         illustration=step.illustration,
                         cues=(self.cue(step, Cue.GET_READY, 0),))
            else:
                self.add(SegmentKind.POSITION, i, _t(texts.SEG_SWITCH_LEGS), step.position_s,
                         side=side,
                         instructions=step.instructions, caution=step.caution,
                         illustration=step.illustration,
                         cues=(self.cue(step, Cue.SWITCH_LEGS, 0),))
            for rep in range(1, reps + 1):
                cues = [self.cue(step, Cue.HOLD_START, 0)]
                if n == 0 and rep == 1 and hold >= 2 * COUNTDOWN_LEAD_S + 3:
                    # Once per stretch, after "hold" and before the 3-2-1.
                    cues.append(self.cue(step, Cue.CAUTION, COUNTDOWN_LEAD_S))
                if countdown:
                    cues.append(self.cue(step, Cue.COUNTDOWN, COUNTDOWN_LEAD_S, from_end=True))
                cues.append(self.cue(step, Cue.RELAX, 0, from_end=True))
                self.add(SegmentKind.HOLD, i, step.name, hold, side=side, rep=rep, reps=reps,
                         instructions=step.instructions, caution=step.caution,
                         illustration=step.illustration, cues=tuple(cues),
                         adjustable=step.hold_s)
                if rep < reps:
                    self.add(SegmentKind.REST, i, _t(texts.SEG_REST), step.rest_s, side=side,
                             rep=rep, reps=reps, instructions=(_t(texts.SEG_RELAX),))

    def exercise(self, i: int, step: ExerciseStep) -> None:
        for n, side in enumerate(side_order(step.sides, self.settings.injured_leg)):
            if n > 0:
                self.add(SegmentKind.POSITION, i, _t(texts.SEG_SWITCH_LEGS), step.position_s,
                         side=side,
                         instructions=step.instructions, illustration=step.illustration,
                         cues=(self.cue(step, Cue.SWITCH_LEGS, 0),))
            else:
                self.add(SegmentKind.POSITION, i, _t(texts.SEG_POSITION), step.position_s,
                         side=side, instructions=step.instructions,
                         illustration=step.illustration,
                         cues=(self.cue(step, Cue.GET_READY, 0),))
            cues = [self.cue(step, Cue.EXERCISE_START, 0)]
            if step.duration_s >= COUNTDOWN_LEAD_S + 1:
                cues.append(self.cue(step, Cue.COUNTDOWN, COUNTDOWN_LEAD_S, from_end=True))
            cues.append(self.cue(step, Cue.RELAX, 0, from_end=True))
            self.add(SegmentKind.EXERCISE, i, step.name, step.duration_s, side=side,
                     instructions=step.instructions, illustration=step.illustration,
                     cues=tuple(cues))

    def ice(self, i: int, step: IceStep) -> None:
        duration = ice_seconds(step, self.settings)
        cues = [self.cue(step, Cue.ICE_ON, 0)]
        checks = []
        t = step.skin_check_s
        while t < duration - 30:
            checks.append(t)
            t += step.skin_check_s
        half = duration / 2
        if duration >= 120 and all(abs(c - half) > 30 for c in checks):
            cues.append(self.cue(step, Cue.ICE_HALFWAY, half))
        cues += [self.cue(step, Cue.ICE_SKIN_CHECK, c) for c in checks]
        cues.append(self.cue(step, Cue.ICE_OFF, 0, from_end=True))
        cues.sort(key=lambda c: c.due_in(duration))
        self.add(SegmentKind.ICE, i, step.name, duration, instructions=step.instructions,
                 cues=tuple(cues))

    def finish(self) -> tuple[Segment, ...]:
        """Number the segments, drop end cues superseded by the next segment's opening cue,
        mark the routine's end, and tell each segment what comes next."""
        out: list[Segment] = []
        raw = self.raw
        for idx, seg in enumerate(raw):
            nxt = raw[idx + 1] if idx + 1 < len(raw) else None
            cues = list(seg.cues)
            if idx > 0 and raw[idx - 1].kind is SegmentKind.GET_READY:
                cues = [c for c in cues if c.cue is not Cue.GET_READY]  # said a moment ago
            opens = nxt is not None and any(not c.from_end and c.offset_s == 0 for c in nxt.cues)
            if opens:
                cues = [c for c in cues if not (c.from_end and c.offset_s == 0)]
            if nxt is None:
                # The last sound: "routine complete", unless ice is coming off.
                cues = [c for c in cues if not (c.from_end and c.offset_s == 0
                                                and c.cue is Cue.RELAX)]
                if not any(c.from_end and c.offset_s == 0 for c in cues):
                    cues.append(self.cue(None, Cue.COMPLETE, 0, from_end=True))
            next_label = describe_next(nxt)
            out.append(Segment(
                index=idx, kind=seg.kind, step_index=seg.step_index, label=seg.label,
                duration_s=seg.duration_s, side=seg.side, rep=seg.rep, reps=seg.reps,
                instructions=seg.instructions, caution=seg.caution,
                illustration=seg.illustration, cues=tuple(cues), adjustable=seg.adjustable,
                next_label=next_label))
        return tuple(out)


def describe_next(seg: Segment | None) -> str:
    if seg is None:
        return texts.translate(texts.SEG_DONE)
    text = seg.label
    left = seg.side is Side.LEFT
    if seg.kind is SegmentKind.HOLD and seg.side is not None:
        text = texts.fill(texts.NEXT_HOLD_LEFT if left else texts.NEXT_HOLD_RIGHT,
                          seg.label, seg.rep, seg.reps)
    elif seg.side is not None and seg.kind in (SegmentKind.POSITION, SegmentKind.EXERCISE):
        text = texts.fill(texts.NEXT_SIDE_LEFT if left else texts.NEXT_SIDE_RIGHT, seg.label)
    secs = round(seg.duration_s)
    if secs >= 120 and secs % 60 == 0:
        return texts.fill(texts.NEXT_MINUTES, text, secs // 60)
    return texts.fill(texts.NEXT_SECONDS, text, secs)


def build_plan(protocol: Protocol, settings: Settings) -> Plan:
    return _Builder(protocol, settings).build()
