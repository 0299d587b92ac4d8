"""Expand a protocol and the user's settings into a timeline of segments with their cues.

Cue placement (one consistent model): a cue belongs to one segment and is due at an offset
from that segment's start, or from its end (``from_end``) so that lengthening a hold moves
the 3-2-1 and "relax" with it. An end cue is dropped when the next segment opens with a cue
of its own (a newer cue would cut it off anyway). Leaving a segment drops its unfired cues.

A counted set is one segment: its reps are paced by cues at the tempo's times ("down, two,
three … up"), or, when the runner sets the pace, it waits for Enter (``manual``). The safety
rules decide how long cold may run (all the ice of a routine adds up to at most 20 minutes),
whether heat is left out today, and what the runner reads before it starts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from soleus_coach import safety, texts
from soleus_coach.cues import COUNTDOWN_LEAD_S, Cue
from soleus_coach.protocol.build import WALL_REST
from soleus_coach.protocol.model import (
    Counting,
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Phase,
    Protocol,
    Range,
    RestStep,
    SelfPaced,
    Side,
    SideMeaning,
    Sides,
    Step,
    StrengthStep,
    StretchStep,
    Tempo,
    set_seconds,
)
from soleus_coach.settings import Leg, Settings

__all__ = ["Plan", "PlanContext", "ScheduledCue", "Segment", "SegmentKind", "Side",
           "build_plan", "describe_next", "side_order"]

_t = texts.translate  # step names the plan makes are in the user's language
#: Cold this short has no skin check (the format says so of its default, and the editor
#: hides the field): five minutes of cold need no reminder to look at the skin.
NO_SKIN_CHECK_S = 300.0


class SegmentKind(StrEnum):
    GET_READY = "get_ready"
    POSITION = "position"  # get into position, or switch legs
    HOLD = "hold"  # a timed hold: a stretch, or a set of an isometric exercise
    REST = "rest"  # between holds or sets
    EXERCISE = "exercise"  # timed movement
    SET = "set"  # a set of counted reps
    ICE = "ice"
    HEAT = "heat"
    PAUSE = "pause"  # a rest step of the protocol (e.g. "ice off" between applications)
    MESSAGE = "message"  # an instruction step, or a notice in place of a step


@dataclass(frozen=True, slots=True)
class ScheduledCue:
    cue: Cue
    offset_s: float
    from_end: bool = False  # offset counts back from the segment's end
    sound: Path | None = None  # the protocol's own file, if it names one
    variant: str = ""  # which one of a family: "7" for a count, "2_of_3" for a set

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
    rep: int = 0  # 1-based hold or set number on this side; 0 otherwise
    reps: int = 0  # holds or sets on this side
    instructions: tuple[str, ...] = ()
    #: The author's own caution (the app's, by kind, comes from the safety rules).
    caution: str = ""
    illustration: Path | None = None
    cues: tuple[ScheduledCue, ...] = ()
    #: For holds: the range the user may lengthen/shorten it within.
    adjustable: Range | None = None
    next_label: str = ""
    #: The kind of step it belongs to ("stretch", "strength", "ice"…; "" for get ready).
    step_kind: str = ""
    #: Lines to read that are not steps of the instructions (not numbered): what starts,
    #: and the safety rules' notices on the step they are about (ice safety on the ice).
    notes: tuple[str, ...] = ()
    side_is: SideMeaning | None = None
    #: A counted set: how many reps, at what tempo, or paced by the runner's key presses.
    count: int = 0
    tempo: Tempo | None = None
    manual: SelfPaced | None = None
    #: A step of a group done several times: its round, of how many (0 outside rounds).
    round: int = 0
    rounds: int = 0


@dataclass(frozen=True, slots=True)
class Plan:
    protocol_id: str
    protocol_name: str
    segments: tuple[Segment, ...]

    @property
    def total_s(self) -> float:
        return sum(s.duration_s for s in self.segments)

    @property
    def cold_s(self) -> float:
        return sum(s.duration_s for s in self.segments if s.kind is SegmentKind.ICE)


@dataclass(frozen=True, slots=True)
class PlanContext:
    """What the plan needs from outside the protocol: the runner's check-in today and the
    last ice, already judged by the safety rules (see :func:`safety.before_routine`)."""

    #: Heat steps are left out (today's check-in reports swelling).
    no_heat: bool = False
    #: Lines for the runner to read on the first ice step (already translated): how to ice
    #: safely, the last ice, no ice before a run.
    ice_notices: tuple[str, ...] = ()
    #: Lines to read while getting ready (already translated): a programme's easing off.
    notices: tuple[str, ...] = ()
    #: Easing off in a programme: this many sets fewer on each loading step (never below 1).
    fewer_sets: int = 0


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


def _kind_of(step: Step) -> str:
    return {StretchStep: "stretch", ExerciseStep: "exercise", StrengthStep: "strength",
            HeatStep: "heat", IceStep: "ice", RestStep: "rest",
            InstructionStep: "instruction"}[type(step)]


class _Builder:
    def __init__(self, protocol: Protocol, settings: Settings, context: PlanContext,
                 rep_cues: bool = True):
        self.protocol = protocol
        self.with_rep_cues = rep_cues
        self.settings = settings
        self.context = context
        self.raw: list[Segment] = []
        self.cold_left = float(safety.ICE_HARD_MAX_S)
        self.capped = False
        #: The round the steps being added belong to: (round, of how many), or (0, 0).
        self.round = (0, 0)

    def sound(self, step: Step | None, cue: Cue) -> Path | None:
        if step is not None and cue in step.sounds:
            return step.sounds[cue]
        return self.protocol.sounds.get(cue)

    def cue(self, step: Step | None, cue: Cue, offset: float, *, from_end: bool = False,
            variant: str = "") -> ScheduledCue:
        return ScheduledCue(cue, offset, from_end, self.sound(step, cue), variant)

    def add(self, kind: SegmentKind, step_index: int, label: str, duration: float,
            **kw: object) -> None:
        if duration <= 0:
            return
        if step_index >= 0 and "step_kind" not in kw:
            kw["step_kind"] = _kind_of(self.protocol.steps[step_index])
        if step_index >= 0 and self.round[1]:
            kw.setdefault("round", self.round[0])
            kw.setdefault("rounds", self.round[1])
        self.raw.append(Segment(index=0, kind=kind, step_index=step_index, label=label,
                                duration_s=float(duration), **kw))  # type: ignore[arg-type]

    def build(self) -> Plan:
        for run in self.protocol.runs():
            i, step = run.index, self.protocol.steps[run.index]
            self.round = (run.round, run.rounds)
            if run.rest_s:
                self.add(SegmentKind.PAUSE, i, texts.fill(texts.SEG_ROUND_REST, run.round,
                                                          run.rounds), run.rest_s,
                         step_kind="rest", instructions=(_t(texts.REST_SETS),), round=0,
                         rounds=0)
                continue
            group = self.protocol.round_of(i)
            if group is not None and group.first == i:
                self.announce_round(run.round, run.rounds)
            if isinstance(step, StretchStep):
                self.stretch(i, step)
            elif isinstance(step, (ExerciseStep, StrengthStep)):
                self.sets(i, step)
            elif isinstance(step, IceStep):
                self.ice(i, step)
            elif isinstance(step, HeatStep):
                self.heat(i, step)
            elif isinstance(step, RestStep):
                self.add(SegmentKind.PAUSE, i, step.name, step.duration_s,
                         instructions=step.instructions)
            else:
                assert isinstance(step, InstructionStep)
                self.add(SegmentKind.MESSAGE, i, step.name, step.duration_s,
                         instructions=step.instructions)
        self.round = (0, 0)
        body = self.raw
        notices = list(self.context.ice_notices)
        if self.capped:
            notices.append(_t(texts.ICE_CAPPED))
        first_ice = next((n for n, seg in enumerate(body) if seg.kind is SegmentKind.ICE), None)
        if first_ice is not None and notices:
            body[first_ice] = replace(body[first_ice], notes=tuple(notices))
        self.raw = []
        # One short line while the runner gets ready: the details are on the steps they
        # are about (a 10-second screen is no place for five lines of ice safety).
        self.add(SegmentKind.GET_READY, -1, _t(texts.SEG_GET_READY), self.settings.get_ready_s,
                 notes=(texts.fill(texts.SEG_STARTING, self.protocol.name),
                        *self.context.notices),
                 cues=(self.cue(None, Cue.GET_READY, 0),))
        if body and body[0].round == 1 and self.raw:
            self.announce_round(1, body[0].rounds)  # "Round one of three", while getting ready
        self.raw += body
        return Plan(self.protocol.id, self.protocol.name, self.finish())

    def position(self, i: int, step: StretchStep | ExerciseStep | StrengthStep, n: int,
                 side: Side | None, extra_cues: tuple[ScheduledCue, ...] = ()) -> None:
        """Get into position (first side), or switch legs."""
        first = n == 0
        self.add(SegmentKind.POSITION, i, _t(texts.SEG_POSITION if first else
                                             texts.SEG_SWITCH_LEGS), step.position_s,
                 side=side, instructions=step.instructions, caution=step.caution,
                 illustration=step.illustration, side_is=_meaning(step),
                 cues=(self.cue(step, Cue.GET_READY if first else Cue.SWITCH_LEGS, 0),
                       *extra_cues))

    def stretch(self, i: int, step: StretchStep) -> None:
        hold = hold_seconds(step, self.settings)
        reps = rep_count(step, self.settings)
        countdown = hold >= COUNTDOWN_LEAD_S + 1
        rest = _rest_text(step)
        for n, side in enumerate(side_order(step.sides, self.settings.injured_leg)):
            self.position(i, step, n, side)
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
                         adjustable=step.hold_s, side_is=_meaning(step))
                if rep < reps:
                    self.add(SegmentKind.REST, i, _t(texts.SEG_REST), step.rest_s, side=side,
                             rep=rep, reps=reps, instructions=(rest,), caution=step.caution,
                             side_is=_meaning(step))

    def sets(self, i: int, step: ExerciseStep | StrengthStep) -> None:
        """Sets of timed movement, of an isometric hold, or of counted reps, per side."""
        sets = int(step.sets.default)
        if isinstance(step, StrengthStep):
            sets = max(1, sets - self.context.fewer_sets)
        counting = step.counting
        reps = int(counting.reps.default) if counting is not None else 0
        timed = step.duration_s if isinstance(step, ExerciseStep) else step.hold_s
        per_set = set_seconds(counting, timed.default if timed else None, reps)
        rest = _rest_text(step)
        for n, side in enumerate(side_order(step.sides, self.settings.injured_leg)):
            first_set = self.set_announcement(step, 1, sets, step.position_s)
            self.position(i, step, n, side, first_set)
            for k in range(1, sets + 1):
                common = dict(side=side, rep=k if sets > 1 else 0,
                              reps=sets if sets > 1 else 0, instructions=step.instructions,
                              caution=step.caution, illustration=step.illustration,
                              side_is=_meaning(step))
                if counting is not None:
                    self.add(SegmentKind.SET, i, step.name, per_set, count=reps,
                             tempo=counting.tempo, manual=counting.self_paced,
                             cues=self.rep_cues(step, counting, reps), **common)
                elif isinstance(step, StrengthStep):  # an isometric hold
                    assert timed is not None
                    self.add(SegmentKind.HOLD, i, step.name, per_set, adjustable=timed,
                             cues=self.timed_cues(step, per_set, Cue.HOLD_START), **common)
                else:
                    self.add(SegmentKind.EXERCISE, i, step.name, per_set,
                             cues=self.timed_cues(step, per_set, Cue.EXERCISE_START), **common)
                if k < sets:
                    self.add(SegmentKind.REST, i, _t(texts.SEG_REST), step.rest_s, side=side,
                             rep=k, reps=sets, instructions=(rest,), caution=step.caution,
                             side_is=_meaning(step),
                             cues=(self.cue(step, Cue.REST, 0),
                                   *self.set_announcement(step, k + 1, sets, step.rest_s)))

    def announce_round(self, k: int, rounds: int) -> None:
        """ "Round two of three", near the end of the segment before the round begins (the
        rest between rounds, or the last step of the round before), where it fits between
        that segment's own cues; not at all where it does not (the screen says it too)."""
        if not self.raw:
            return
        seg = self.raw[-1]
        ends = {c.offset_s for c in seg.cues if c.from_end}
        lead = COUNTDOWN_LEAD_S if COUNTDOWN_LEAD_S not in ends else 2 * COUNTDOWN_LEAD_S
        at = seg.duration_s - lead
        if at < COUNTDOWN_LEAD_S or any(abs(c.due_in(seg.duration_s) - at) < 1.5
                                        for c in seg.cues):
            return
        cue = ScheduledCue(Cue.ROUND, lead, True, self.protocol.sounds.get(Cue.ROUND),
                           f"{k}_of_{rounds}")
        self.raw[-1] = replace(seg, cues=(*seg.cues, cue))

    def set_announcement(self, step: Step, k: int, sets: int, room_s: float
                         ) -> tuple[ScheduledCue, ...]:
        """ "Set two of three", near the end of what comes before the set (if it has room)."""
        if sets < 2 or room_s < 2 * COUNTDOWN_LEAD_S:
            return ()
        return (self.cue(step, Cue.SET, COUNTDOWN_LEAD_S, from_end=True, variant=f"{k}_of_{sets}"),)

    def timed_cues(self, step: Step, seconds: float, start: Cue) -> tuple[ScheduledCue, ...]:
        cues = [self.cue(step, start, 0)]
        if seconds >= COUNTDOWN_LEAD_S + 1:
            cues.append(self.cue(step, Cue.COUNTDOWN, COUNTDOWN_LEAD_S, from_end=True))
        cues.append(self.cue(step, Cue.RELAX, 0, from_end=True))
        return tuple(cues)

    def rep_cues(self, step: Step, counting: Counting, reps: int) -> tuple[ScheduledCue, ...]:
        """The tempo, spoken or ticked: each part of each rep starts with its word ("down",
        "up", "hold"), each further second is counted ("two", "three"); a steady count says
        each rep's number; the last rep is announced as such."""
        tempo = counting.tempo
        if tempo is None:
            return ()  # the runner paces: cues come with each key press
        if not self.with_rep_cues:
            return ()  # a preview: the same segments and times, without the tempo's words
        cues: list[ScheduledCue] = []
        at = 0.0
        for rep in range(1, reps + 1):
            for p, (phase, seconds) in enumerate(tempo.phases):
                if p == 0 and rep == reps and reps > 1:
                    cues.append(self.cue(step, Cue.LAST_REP, at))
                elif phase is Phase.REP:
                    cues.append(self.cue(step, Cue.REP, at, variant=str(rep)))
                elif phase is not Phase.PAUSE:
                    cues.append(self.cue(step, _PHASE_CUE[phase], at))
                if phase not in (Phase.PAUSE, Phase.REP):
                    cues += [self.cue(step, Cue.COUNT, at + s, variant=str(s + 1))
                             for s in range(1, int(seconds))]
                at += seconds
        return tuple(cues)

    def ice(self, i: int, step: IceStep) -> None:
        asked = safety.ice_seconds(step.duration_s.clamp(self.settings.ice_s),
                                   step.duration_s.maximum)
        duration = min(asked, self.cold_left)
        self.capped = self.capped or duration < asked
        self.cold_left -= duration
        if duration <= 0:
            return
        cues = [self.cue(step, Cue.ICE_ON, 0)]
        checks = []
        t = step.skin_check_s if duration > NO_SKIN_CHECK_S else duration
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
                 caution=step.caution, cues=tuple(cues))

    def heat(self, i: int, step: HeatStep) -> None:
        if self.context.no_heat:
            self.add(SegmentKind.MESSAGE, i, _t(texts.HEAT_LEFT_OUT_TITLE), 8,
                     instructions=(_t(texts.HEAT_REFUSED),), step_kind="message")
            return
        duration = min(step.duration_s.default, float(safety.HEAT_MAX_S))
        self.add(SegmentKind.HEAT, i, step.name, duration, instructions=step.instructions,
                 caution=step.caution, cues=(self.cue(step, Cue.HEAT_ON, 0),
                                             self.cue(step, Cue.HEAT_OFF, 0, from_end=True)))

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
                # The last sound: "routine complete", unless ice or heat is coming off.
                cues = [c for c in cues if not (c.from_end and c.offset_s == 0
                                                and c.cue is Cue.RELAX)]
                if not any(c.from_end and c.offset_s == 0 for c in cues):
                    cues.append(self.cue(None, Cue.COMPLETE, 0, from_end=True))
            out.append(replace(seg, index=idx, cues=tuple(cues),
                               next_label=describe_next(nxt)))
        return tuple(out)


_PHASE_CUE = {Phase.UP: Cue.TEMPO_UP, Phase.DOWN: Cue.TEMPO_DOWN, Phase.HOLD: Cue.TEMPO_HOLD}


def _meaning(step: StretchStep | ExerciseStep | StrengthStep) -> SideMeaning | None:
    return None if step.sides is Sides.NONE else step.side_is


def _rest_text(step: StretchStep | ExerciseStep | StrengthStep) -> str:
    """What to read in a rest: the author's words, format 1's wall-stretch line for a
    format-1 stretch, or the app's line for the kind."""
    if step.rest_text == WALL_REST:
        return _t(texts.SEG_RELAX)
    if step.rest_text:
        return step.rest_text
    return _t(texts.REST_STRETCH if isinstance(step, StretchStep) else texts.REST_SETS)


def describe_next(seg: Segment | None) -> str:
    if seg is None:
        return texts.translate(texts.SEG_DONE)
    text = seg.label
    left = seg.side is Side.LEFT
    in_sets = seg.kind in (SegmentKind.HOLD, SegmentKind.SET, SegmentKind.EXERCISE)
    if in_sets and seg.side is not None and seg.reps:
        hold = seg.step_kind == "stretch"
        if hold:
            template = texts.NEXT_HOLD_LEFT if left else texts.NEXT_HOLD_RIGHT
        else:
            template = texts.NEXT_SET_LEFT if left else texts.NEXT_SET_RIGHT
        text = texts.fill(template, seg.label, seg.rep, seg.reps)
    elif in_sets and seg.reps:
        text = texts.fill(texts.NEXT_SET, seg.label, seg.rep, seg.reps)
    elif seg.side is not None and seg.kind in (SegmentKind.POSITION, SegmentKind.EXERCISE,
                                               SegmentKind.SET, SegmentKind.HOLD):
        text = texts.fill(texts.NEXT_SIDE_LEFT if left else texts.NEXT_SIDE_RIGHT, seg.label)
    if seg.rounds:
        text = texts.fill(texts.NEXT_ROUND, text, seg.round, seg.rounds)
    if seg.manual is not None:
        return texts.fill(texts.NEXT_REPS, text, seg.count)
    secs = round(seg.duration_s)
    if secs >= 120 and secs % 60 == 0:
        return texts.fill(texts.NEXT_MINUTES, text, secs // 60)
    return texts.fill(texts.NEXT_SECONDS, text, secs)


_DURATIONS: dict[tuple[str, str], float] = {}


def routine_duration_s(protocol: Protocol) -> float:
    """How long a routine takes as written: the total of its plan with no setting chosen,
    get ready included and the cold cap applied (a format-1 file with 4 × 20 min of ice
    lasts 20 min of it). The one definition the command line's list, All routines, home,
    the editor, the printed sheet and the finish page show."""
    key = (protocol.id, protocol.digest)
    if protocol.digest and key in _DURATIONS:
        return _DURATIONS[key]
    total = build_plan(protocol, Settings(), rep_cues=False).total_s
    if protocol.digest:
        _DURATIONS[key] = total
    return total


def build_plan(protocol: Protocol, settings: Settings,
               context: PlanContext | None = None, *, rep_cues: bool = True) -> Plan:
    """The session's timeline. ``rep_cues=False`` leaves out the cues that pace each rep
    (most of the work for a long routine) and changes nothing else: the routine editor's
    preview shows segments and times, and is rebuilt at every edit."""
    return _Builder(protocol, settings, context or PlanContext(), rep_cues).build()
