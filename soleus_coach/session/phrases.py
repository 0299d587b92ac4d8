"""What the coach says at each cue, for the system voice. Plain Python: no Qt, no sound.

The plan decides *when* (its cues); this module decides *what is said* then, in the user's
language, for any routine: at a step's start its name and side ("Seated calf raise, left
leg"), the round where a step carries one ("Round 2 of 3"), "Switch legs", hold, set and rep
numbers of any size, "last rep", "ten seconds" and "next: …" near the end of a rest.

Two things the voice adds to a plan (:func:`spoken_plan`): a ``next`` cue near the end of a
rest long enough for it, and a ``ten_seconds`` cue in a long hold, exercise, rest, ice or heat
where nothing else is said then. Tones and recorded words never get them.

Each cue becomes a :class:`Line`: the words to say, as a few choices from the most to the
least (the step's name with its instructions, the name alone, …), and the room it has, the
time until the next cue. The renderer (:mod:`soleus_coach.audio.speech`) says the longest
choice that ends before the next cue starts, so no phrase is ever cut off by the next one.
Numbers are written as digits: every engine reads them in its own language and any size.

Rounds: a plan segment may carry ``round`` and ``rounds`` (issue 27 adds them to the format);
:func:`announcement` takes them as arguments, and :func:`build_script` reads them from the
segment where it has them.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace

from soleus_coach import texts
from soleus_coach.cues import COUNTDOWN_LEAD_S, Cue
from soleus_coach.protocol.model import SelfPaced, Side, SideMeaning
from soleus_coach.session.plan import Plan, ScheduledCue, Segment, SegmentKind
from soleus_coach.settings import Settings
from soleus_coach.untrusted import for_speech

__all__ = ["Line", "LineKey", "Part", "Script", "SpeechOptions", "announcement",
           "build_script", "recorded_words", "sample_line", "say", "spoken_plan"]

#: "Next: …" starts this long before a rest ends (the 3-2-1 of a hold starts at 3 s).
NEXT_LEAD_S = 5.0
#: A rest shorter than this has no "next" (it would crowd "and relax").
NEXT_MIN_REST_S = NEXT_LEAD_S + 3.0
#: "Ten seconds" is said in segments at least this long, at 10 s before their end.
TEN_SECONDS_MIN_S = 25.0
TEN_S = 10.0
#: Nothing else may be due this close to the "ten seconds" mark.
TEN_SECONDS_CLEAR_S = 2.5
#: Room for the cues of a self-paced set (said when a key is pressed: no plan time).
SELF_PACED_ROOM_S = 1.5

#: (segment index, cue, variant): what a cue event is looked up by. Equal keys say the same
#: words (a tempo's "two" in every rep of a set).
LineKey = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class SpeechOptions:
    """What is spoken besides the cues' own words (Settings → Sound)."""

    names: bool = True  # step names and sides; "next: …"
    counts: bool = True  # hold, set, rep and round numbers; "ten seconds"
    instructions: bool = True  # a step's instructions while getting into position

    @classmethod
    def from_settings(cls, settings: Settings) -> SpeechOptions:
        return cls(settings.speak_names, settings.speak_counts, settings.speak_instructions)


@dataclass(frozen=True, slots=True)
class Part:
    """Words rendered as one piece. ``at_s``: a fixed offset from the start of the
    utterance (the 3-2-1, one second apart); None: after the part before, with a pause."""

    text: str
    at_s: float | None = None


Utterance = tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Line:
    """One cue's words: ``choices`` from the longest to the shortest; the renderer says the
    longest that fits in ``room_s`` (the last one whatever its length). No choices: the
    cue's recorded word or tone plays."""

    key: LineKey
    due_s: float  # from the routine's start, at the plan's durations
    room_s: float  # until the next cue is due (inf for the last)
    choices: tuple[Utterance, ...]

    @property
    def text(self) -> str:
        """The longest choice as one string (for logs and tests)."""
        return " / ".join(p.text for p in self.choices[0]) if self.choices else ""


@dataclass(frozen=True, slots=True)
class Script:
    language: str
    lines: tuple[Line, ...]  # in time order, one per key


# ----------------------------------------------------------------- the plan, for the voice


def spoken_plan(plan: Plan, options: SpeechOptions) -> Plan:
    """``plan`` with the cues only a voice says: "next: …" near the end of each rest long
    enough for it (a rest that announces its set already says what comes next), and "ten
    seconds" in long segments where nothing else is due around then."""
    segments = list(plan.segments)
    for i, seg in enumerate(segments):
        added: list[ScheduledCue] = []
        due = [c.due_in(seg.duration_s) for c in seg.cues]
        if ((options.names or options.counts) and i + 1 < len(segments)
                and seg.kind in (SegmentKind.REST, SegmentKind.PAUSE)
                and seg.duration_s >= NEXT_MIN_REST_S
                and not any(c.cue is Cue.SET for c in seg.cues)
                and not any(d > seg.duration_s - NEXT_LEAD_S - 1.5 for d in due)):
            added.append(ScheduledCue(Cue.NEXT, NEXT_LEAD_S, from_end=True))
        mark = seg.duration_s - TEN_S
        if (options.counts and seg.duration_s >= TEN_SECONDS_MIN_S and seg.kind in (
                SegmentKind.HOLD, SegmentKind.EXERCISE, SegmentKind.REST, SegmentKind.PAUSE,
                SegmentKind.ICE, SegmentKind.HEAT)
                and not any(abs(d - mark) < TEN_SECONDS_CLEAR_S for d in due)):
            added.append(ScheduledCue(Cue.TEN_SECONDS, TEN_S, from_end=True))
        if added:
            cues = sorted((*seg.cues, *added), key=lambda c: c.due_in(seg.duration_s))
            segments[i] = replace(seg, cues=tuple(cues))
    return replace(plan, segments=tuple(segments))


# ----------------------------------------------------------------- words


def say(text: texts.Text, *values: object) -> str:
    """``text`` in the user's language with its values, as words for a voice."""
    return for_speech(texts.fill(text, *values))


def side_words(side: Side | None, meaning: SideMeaning | None) -> str:
    if side is None:
        return ""
    left = side is Side.LEFT
    if meaning is SideMeaning.LEG_BACK:
        return say(texts.SAY_LEFT_LEG_BACK if left else texts.SAY_RIGHT_LEG_BACK)
    return say(texts.SAY_LEFT_LEG if left else texts.SAY_RIGHT_LEG)


def announcement(name: str, side: Side | None = None, meaning: SideMeaning | None = None, *,
                 round_of: tuple[int, int] | None = None,
                 options: SpeechOptions = SpeechOptions()) -> Utterance:
    """A step's start: "Round 2 of 3", then "Seated calf raise, left leg". ``round_of``:
    (this round, how many), said when there is more than one and counts are spoken."""
    parts: list[Part] = []
    if round_of is not None and round_of[1] > 1 and options.counts:
        parts.append(Part(say(texts.SAY_ROUND_N, *round_of)))
    if options.names:
        name = for_speech(name)
        sides = side_words(side, meaning)
        said = say(texts.SAY_NAME_SIDE, name, sides) if name and sides else name or sides
        if said:
            parts.append(Part(said))
    return tuple(parts)


def _round_of(seg: Segment) -> tuple[int, int] | None:
    """The segment's round, where the plan has rounds (issue 27)."""
    number, count = getattr(seg, "round", 0), getattr(seg, "rounds", 0)
    return (int(number), int(count)) if number and count else None


def _fixed(cue: Cue) -> texts.Text | None:
    return _FIXED.get(cue)


_FIXED: dict[Cue, texts.Text] = {
    Cue.GET_READY: texts.SAY_GET_READY, Cue.HOLD_START: texts.SAY_HOLD,
    Cue.RELAX: texts.SAY_RELAX, Cue.SWITCH_LEGS: texts.SAY_SWITCH_LEGS,
    Cue.CAUTION: texts.SAY_CAUTION, Cue.EXERCISE_START: texts.SAY_BEGIN,
    Cue.ICE_ON: texts.SAY_ICE_ON, Cue.ICE_SKIN_CHECK: texts.SAY_SKIN_CHECK,
    Cue.ICE_HALFWAY: texts.SAY_HALFWAY, Cue.ICE_OFF: texts.SAY_ICE_OFF,
    Cue.COMPLETE: texts.SAY_COMPLETE, Cue.TEMPO_DOWN: texts.SAY_DOWN,
    Cue.TEMPO_UP: texts.SAY_UP, Cue.TEMPO_HOLD: texts.SAY_HOLD,
    Cue.LAST_REP: texts.SAY_LAST_ONE, Cue.REST: texts.SAY_REST,
    Cue.HEAT_ON: texts.SAY_HEAT_ON, Cue.HEAT_OFF: texts.SAY_HEAT_OFF,
    Cue.TEN_SECONDS: texts.SAY_TEN_SECONDS, Cue.REP: texts.SAY_REP,
    Cue.COUNT: texts.SAY_COUNT, Cue.SET: texts.SAY_NEXT_SET, Cue.ROUND: texts.SAY_NEXT_ROUND,
}


def recorded_words(cue: Cue) -> str:
    """The words of a cue's recorded clip (tools/make_sounds.py records them)."""
    text = _fixed(cue)
    return say(text) if text is not None else ""


def _one(text: str) -> Utterance:
    return (Part(text),)


def _choices(*options: Utterance) -> tuple[Utterance, ...]:
    """Distinct, non-empty, longest first (by characters: a fair proxy before rendering)."""
    seen: list[Utterance] = []
    for option in options:
        if option and option not in seen:
            seen.append(option)
    return tuple(sorted(seen, key=lambda u: -sum(len(p.text) for p in u)))


class _Words:
    def __init__(self, plan: Plan, options: SpeechOptions) -> None:
        self.plan = plan
        self.options = options
        self.segs = plan.segments

    def step_name(self, index: int) -> str:
        """The name of the step segment ``index`` belongs to ("Get into position" is not)."""
        seg = self.segs[index]
        for other in self.segs[index:]:
            if other.step_index != seg.step_index:
                break
            if other.kind not in (SegmentKind.POSITION, SegmentKind.REST):
                return other.label
        return seg.label

    def starts_step(self, index: int) -> bool:
        """The first segment of a step, or of a side of it."""
        seg = self.segs[index]
        if seg.step_index < 0:
            return False
        if index == 0:
            return True
        before = self.segs[index - 1]
        return before.step_index != seg.step_index or before.side != seg.side

    def announce(self, index: int) -> Utterance:
        seg = self.segs[index]
        return announcement(self.step_name(index), seg.side, seg.side_is,
                            round_of=_round_of(seg), options=self.options)

    def instructions(self, index: int) -> list[Part]:
        seg = self.segs[index]
        first_side = index == 0 or self.segs[index - 1].step_index != seg.step_index
        if not self.options.instructions or not first_side:
            return []
        return [Part(t) for line in seg.instructions if (t := for_speech(line))]

    def with_instructions(self, head: Utterance, index: int) -> tuple[Utterance, ...]:
        """``head`` with the step's instructions, then with fewer, down to none."""
        more = self.instructions(index)
        return tuple((*head, *more[:n]) for n in range(len(more), -1, -1))

    def opening(self, index: int, scheduled: ScheduledCue, base: tuple[Utterance, ...]
                ) -> tuple[Utterance, ...]:
        """The words of a segment's opening cue, with the step's announcement where the
        segment starts a step (or a side of it); other cues' words as they are."""
        seg, cue = self.segs[index], scheduled.cue
        if scheduled.from_end or scheduled.offset_s != 0:
            return base
        if cue is Cue.SWITCH_LEGS:
            sides = side_words(seg.side, seg.side_is) if self.options.names else ""
            return ((*base[0], Part(sides)), *base) if sides else base
        if not self.starts_step(index):
            return base
        head = self.announce(index)
        if not head:
            return base
        if cue is Cue.GET_READY:  # getting into position: the name, then what to do
            return self.with_instructions(head, index)
        return tuple((*head, *b) for b in base) + base[-1:]

    def next_words(self, index: int) -> tuple[Utterance, ...]:
        """ "Next: hold 2 of 3"; "Next: seated calf raise, right leg"."""
        seg, nxt_index = self.segs[index], index + 1
        nxt = self.segs[nxt_index]
        count = ""
        if self.options.counts and nxt.reps > 1 and nxt.kind in (
                SegmentKind.HOLD, SegmentKind.SET, SegmentKind.EXERCISE):
            count = say(texts.SAY_HOLD_N if nxt.step_kind == "stretch" else texts.SAY_SET_N,
                         nxt.rep, nxt.reps)
        name = ""
        if self.options.names and (nxt.step_index != seg.step_index or nxt.side != seg.side):
            name = ", ".join(p.text for p in announcement(
                self.step_name(nxt_index), nxt.side, nxt.side_is, options=self.options))
        full = ", ".join(x for x in (name, count) if x)
        return _choices(*(_one(say(texts.SAY_NEXT, x)) for x in (full, count, name) if x))

    def words(self, index: int, cue: ScheduledCue) -> tuple[Utterance, ...]:
        seg, kind, o = self.segs[index], cue.cue, self.options
        if kind is Cue.COUNTDOWN:
            lead = int(COUNTDOWN_LEAD_S)
            return ((tuple(Part(str(lead - k), float(k)) for k in range(lead))),)
        if kind in (Cue.REP, Cue.COUNT):
            return (_one(cue.variant),) if o.counts and cue.variant.isdigit() else ()
        if kind is Cue.HOLD_START and o.counts and seg.reps > 1 and seg.step_kind == "stretch":
            base = _choices(_one(say(texts.SAY_HOLD_N, seg.rep, seg.reps)),
                            _one(say(texts.SAY_HOLD)))
        elif kind is Cue.SET:
            k, _, n = cue.variant.partition("_of_")
            if not (o.counts and k.isdigit() and n.isdigit()):
                base = (_one(say(texts.SAY_NEXT_SET)),)
            elif seg.kind is SegmentKind.REST:
                said = say(texts.SAY_SET_N, k, n)
                base = _choices(_one(say(texts.SAY_NEXT, said)), _one(said))
            else:
                base = (_one(say(texts.SAY_SET_N, k, n)),)
        elif kind is Cue.ROUND:  # "Round two of three", before the round (issue 27)
            k, _, n = cue.variant.partition("_of_")
            if o.counts and k.isdigit() and n.isdigit():
                said = say(texts.SAY_ROUND_N, k, n)
                base = _choices(_one(say(texts.SAY_NEXT, said)), _one(said))
            else:
                base = (_one(say(texts.SAY_NEXT_ROUND)),)
        elif kind is Cue.LAST_REP:
            base = _choices(_one(say(texts.SAY_LAST_REP)), _one(say(texts.SAY_LAST_ONE)))
        elif kind is Cue.REST and o.counts:
            base = _choices(_one(say(texts.SAY_REST_SECONDS, round(seg.duration_s))),
                            _one(say(texts.SAY_REST)))
        elif kind is Cue.NEXT:
            return self.next_words(index) if index + 1 < len(self.segs) else ()
        elif kind is Cue.GET_READY and seg.kind is SegmentKind.GET_READY:
            return self.get_ready(index)
        else:
            fixed = _fixed(kind)
            base = (_one(say(fixed)),) if fixed is not None else ()
        return self.opening(index, cue, base) if base else base

    def get_ready(self, index: int) -> tuple[Utterance, ...]:
        """The routine's first words: "Get ready", and the first step's name and
        instructions when the step itself opens without a cue (getting into position)."""
        ready = _one(say(texts.SAY_GET_READY))
        after = index + 1
        if after >= len(self.segs) or any(not c.from_end and c.offset_s == 0
                                          for c in self.segs[after].cues):
            return (ready,)
        head = self.announce(after)
        if not head:
            return (ready,)
        return (*self.with_instructions((*ready, *head), after), ready)


def _timeline(plan: Plan) -> Iterator[tuple[float, int, ScheduledCue]]:
    start = 0.0
    for index, seg in enumerate(plan.segments):
        for cue in seg.cues:
            yield start + cue.due_in(seg.duration_s), index, cue
        if seg.manual is SelfPaced.REP and seg.count > 1:  # said at the runner's key presses
            for rep in range(1, seg.count - 1):
                yield start, index, ScheduledCue(Cue.REP, 0, variant=str(rep))
            yield start, index, ScheduledCue(Cue.LAST_REP, 0)
        start += seg.duration_s


def build_script(plan: Plan, options: SpeechOptions, language: str) -> Script:
    """Every cue of ``plan`` (after :func:`spoken_plan`) with its words, in time order."""
    words = _Words(plan, options)
    timeline = sorted(_timeline(plan), key=lambda item: item[0])
    times = sorted({due for due, _, _ in timeline})
    lines: dict[LineKey, Line] = {}
    for due, index, cue in timeline:
        after = bisect.bisect_right(times, due)
        room = times[after] - due if after < len(times) else math.inf
        if plan.segments[index].manual is not None and cue.cue in (Cue.REP, Cue.LAST_REP):
            room = SELF_PACED_ROOM_S
        key: LineKey = (index, cue.cue.value, cue.variant)
        if key in lines:  # the same words again (a count in every rep): the least room
            lines[key] = replace(lines[key], room_s=min(lines[key].room_s, room))
            continue
        lines[key] = Line(key, due, room, words.words(index, cue))
    return Script(language, tuple(lines.values()))


def sample_line(options: SpeechOptions) -> Line:
    """What the Test button says: a step's start and its first hold."""
    head = announcement(texts.translate(texts.SAY_SAMPLE_STEP), Side.LEFT,
                        SideMeaning.WORKING_LEG, options=options)
    hold = say(texts.SAY_HOLD_N, 1, 3) if options.counts else say(texts.SAY_HOLD)
    return Line((-1, "sample", ""), 0.0, math.inf, ((*head, Part(hold)),))
