"""Typed, frozen protocol values. Built only from data the validator has accepted.

One vocabulary per concept: :class:`Sides` is what a step asks for (``injured-first``…),
:class:`Side` is the one leg a segment runs on, :class:`SideMeaning` says what that leg is
doing (the back leg of a stance, or the working leg); the user's sore leg is
``settings.Leg``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from soleus_coach.cues import Cue


class When(StrEnum):
    PRE_RUN = "pre-run"
    POST_RUN = "post-run"
    ANY = "any"


class Sides(StrEnum):
    NONE = "none"
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    INJURED_FIRST = "injured-first"

    @property
    def legs(self) -> int:
        """How many times a step with these sides runs: once, or once per leg."""
        return 2 if self in (Sides.BOTH, Sides.INJURED_FIRST) else 1


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class SideMeaning(StrEnum):
    LEG_BACK = "leg-back"  # the back leg of a staggered stance: "LEFT leg back"
    WORKING_LEG = "working-leg"  # the leg that works: "LEFT leg"


class Origin(StrEnum):
    BUNDLED = "bundled"
    USER = "user"


class Phase(StrEnum):
    """A part of a rep the app paces."""

    UP = "up"
    DOWN = "down"
    HOLD = "hold"
    PAUSE = "pause"
    REP = "rep"  # a steady count: the whole rep, no up and down


class SelfPaced(StrEnum):
    REP = "rep"  # Enter after each rep
    SET = "set"  # Enter when the set is done


#: Format 1's stretch caution, the app's own words (format 1 files often repeated it).
DEFAULT_CAUTION = "Do not stretch to the point of pain. A gentle pull only."
DEFAULT_SKIN_CHECK_S = 300.0


def _no_sounds() -> Mapping[Cue, Path]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Range:
    """A dose: ``default``, and what the user may choose (``minimum == maximum`` when it is
    a fixed prescription)."""

    default: float
    minimum: float
    maximum: float

    @classmethod
    def fixed(cls, value: float) -> Range:
        return cls(value, value, value)

    @property
    def is_fixed(self) -> bool:
        return self.minimum == self.maximum

    def clamp(self, value: float | None) -> float:
        if value is None:
            return self.default
        return min(self.maximum, max(self.minimum, value))


ONE_SET = Range(1.0, 1.0, 1.0)


@dataclass(frozen=True, slots=True)
class Tempo:
    """The parts of one rep, in order, each with its seconds (no zero-length parts)."""

    phases: tuple[tuple[Phase, float], ...]

    @property
    def rep_s(self) -> float:
        return sum(s for _, s in self.phases)

    @classmethod
    def steady(cls, seconds: float) -> Tempo:
        return cls(((Phase.REP, seconds),))

    @classmethod
    def from_parts(cls, *, down: float, up: float, hold: float = 0, pause: float = 0,
                   start: Phase = Phase.UP) -> Tempo:
        first, second = ((Phase.UP, up), (Phase.DOWN, down)) if start is Phase.UP else (
            (Phase.DOWN, down), (Phase.UP, up))
        parts = (first, (Phase.HOLD, hold), second, (Phase.PAUSE, pause))
        return cls(tuple((phase, float(s)) for phase, s in parts if s > 0))

    def part(self, phase: Phase) -> float:
        return sum(s for p, s in self.phases if p is phase)

    @property
    def start(self) -> Phase:
        moves = [p for p, _ in self.phases if p in (Phase.UP, Phase.DOWN)]
        return moves[0] if moves else Phase.UP


@dataclass(frozen=True, slots=True)
class Counting:
    """How a set is counted: ``reps`` paced by a ``tempo`` (the app paces), or by the
    runner (``self_paced``)."""

    reps: Range
    tempo: Tempo | None = None
    self_paced: SelfPaced | None = None


@dataclass(frozen=True, slots=True)
class StretchStep:
    name: str
    hold_s: Range
    reps: Range  # holds per side
    rest_s: float
    sides: Sides
    position_s: float
    instructions: tuple[str, ...]
    #: The author's own caution, shown beside the app's (never instead of it).
    caution: str = ""
    illustration: Path | None = None
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)
    side_is: SideMeaning = SideMeaning.LEG_BACK
    rest_text: str = ""


@dataclass(frozen=True, slots=True)
class ExerciseStep:
    """Movement: timed (``duration_s``) or counted (``counting``), in ``sets``."""

    name: str
    duration_s: Range | None
    sides: Sides
    position_s: float
    instructions: tuple[str, ...]
    illustration: Path | None = None
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)
    side_is: SideMeaning = SideMeaning.WORKING_LEG
    counting: Counting | None = None
    sets: Range = ONE_SET
    rest_s: float = 0.0
    caution: str = ""
    rest_text: str = ""


@dataclass(frozen=True, slots=True)
class StrengthStep:
    """A loading exercise: sets of counted reps (``counting``) or of an isometric hold
    (``hold_s``)."""

    name: str
    sets: Range
    rest_s: float
    sides: Sides
    position_s: float
    instructions: tuple[str, ...]
    counting: Counting | None = None
    hold_s: Range | None = None
    side_is: SideMeaning = SideMeaning.WORKING_LEG
    caution: str = ""
    rest_text: str = ""
    illustration: Path | None = None
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


@dataclass(frozen=True, slots=True)
class HeatStep:
    name: str
    duration_s: Range
    instructions: tuple[str, ...]
    caution: str = ""
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


@dataclass(frozen=True, slots=True)
class IceStep:
    name: str
    duration_s: Range
    skin_check_s: float
    instructions: tuple[str, ...]
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)
    caution: str = ""


@dataclass(frozen=True, slots=True)
class RestStep:
    name: str
    duration_s: float
    instructions: tuple[str, ...] = ()
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


@dataclass(frozen=True, slots=True)
class InstructionStep:
    name: str
    duration_s: float
    instructions: tuple[str, ...]
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


Step = (StretchStep | ExerciseStep | StrengthStep | HeatStep | IceStep | RestStep
        | InstructionStep)
SetStep = StretchStep | ExerciseStep | StrengthStep


@dataclass(frozen=True, slots=True)
class Rounds:
    """Steps ``first`` … ``first + count - 1`` (as written) done ``times`` times in a row,
    with ``rest_between_s`` of rest between two rounds. The steps are written once: editing
    one edits every round."""

    first: int
    count: int
    times: int
    rest_between_s: float = 0.0

    @property
    def last(self) -> int:
        return self.first + self.count - 1

    def holds(self, index: int) -> bool:
        return self.first <= index <= self.last


@dataclass(frozen=True, slots=True)
class Run:
    """One step as the session runs it: written step ``index``, in round ``round`` of
    ``rounds`` (both 0 outside rounds); a rest between two rounds has ``rest_s`` > 0 and
    ``round`` set to the round that follows it."""

    index: int
    round: int = 0
    rounds: int = 0
    rest_s: float = 0.0


@dataclass(frozen=True, slots=True)
class StepTexts:
    """One step's texts in another language (None: as written in the file's language)."""

    name: str | None = None
    instructions: tuple[str, ...] | None = None
    caution: str | None = None
    rest_text: str | None = None


@dataclass(frozen=True, slots=True)
class Translation:
    name: str | None = None
    summary: str | None = None
    steps: tuple[StepTexts, ...] = ()


@dataclass(frozen=True, slots=True)
class Protocol:
    id: str
    name: str
    summary: str
    when: When
    steps: tuple[Step, ...]
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)
    author: str = ""
    source: str = ""
    path: Path | None = None
    #: sha256 of the file's bytes: the history records exactly what was run.
    digest: str = ""
    #: The format the file was written in (1 or 2).
    format: int = 2
    #: The language the texts are in, and the texts in other languages.
    language: str = "en"
    translations: Mapping[str, Translation] = field(
        default_factory=lambda: MappingProxyType({}))
    #: Groups of steps done several times (in the order of their first step; never
    #: overlapping). Every step keeps its place in :attr:`steps`, once.
    rounds: tuple[Rounds, ...] = ()

    def round_of(self, index: int) -> Rounds | None:
        """The rounds step ``index`` belongs to, if any."""
        return next((r for r in self.rounds if r.holds(index)), None)

    def runs(self) -> tuple[Run, ...]:
        """The steps in the order a session runs them: each round of a group in turn, a
        rest between two rounds where the group has one. Every rule about the whole routine
        (the cold cap, the longest total) is about this order, not the steps as written."""
        out: list[Run] = []
        i = 0
        while i < len(self.steps):
            group = self.round_of(i)
            if group is None or group.first != i:
                out.append(Run(i))
                i += 1
                continue
            for k in range(1, group.times + 1):
                if k > 1 and group.rest_between_s > 0:
                    out.append(Run(group.first, k, group.times, group.rest_between_s))
                out += [Run(j, k, group.times) for j in range(group.first, group.last + 1)
                        if j < len(self.steps)]
            i = group.last + 1
        return tuple(out)

    def localized(self, language: str) -> Protocol:
        """The routine with its texts in ``language`` (``de`` or ``de-DE``) where the file has
        them; as written where it does not."""
        chosen = _pick(language, self.translations, self.language)
        if chosen is None:
            return self
        tr = self.translations[chosen]
        steps = tuple(_localize_step(step, tr.steps[i] if i < len(tr.steps) else StepTexts())
                      for i, step in enumerate(self.steps))
        return replace(self, name=tr.name or self.name, summary=tr.summary or self.summary,
                       steps=steps)


def _pick(language: str, translations: Mapping[str, object], own: str) -> str | None:
    if not language or language == own or language.split("-")[0] == own:
        return None
    if language in translations:
        return language
    base = language.replace("_", "-").split("-")[0]
    if base == own.split("-")[0]:
        return None
    for key in translations:
        if key.split("-")[0] == base:
            return key
    return None


def _localize_step(step: Step, texts: StepTexts) -> Step:
    changes: dict[str, object] = {}
    if texts.name:
        changes["name"] = texts.name
    if texts.instructions:
        changes["instructions"] = texts.instructions
    if texts.caution and hasattr(step, "caution"):
        changes["caution"] = texts.caution
    if texts.rest_text and hasattr(step, "rest_text"):
        changes["rest_text"] = texts.rest_text
    return replace(step, **changes) if changes else step  # type: ignore[arg-type]


# --------------------------------------------------------------------------- durations


def set_seconds(counting: Counting | None, hold_s: float | None, reps: int) -> float:
    """How long one set lasts: its hold, or its reps at their tempo; a self-paced set is
    estimated at 3 s a rep (the runner decides)."""
    if counting is None:
        return float(hold_s or 0.0)
    if counting.tempo is not None:
        return reps * counting.tempo.rep_s
    return reps * SELF_PACED_REP_S


#: A self-paced rep counts this long in totals and previews (the runner sets the pace).
SELF_PACED_REP_S = 3.0


def _sets_duration(step: SetStep, pick: str) -> float:
    """Total seconds of a step with every value at its ``pick`` ("default" or "maximum")."""
    def val(r: Range | None) -> float:
        return 0.0 if r is None else float(getattr(r, pick))

    if isinstance(step, StretchStep):
        sets, per_set, rest = int(val(step.reps)), val(step.hold_s), step.rest_s
    else:
        sets, rest = int(val(step.sets)), step.rest_s
        if step.counting is not None:
            per_set = set_seconds(step.counting, None, int(val(step.counting.reps)))
        elif isinstance(step, ExerciseStep):
            per_set = val(step.duration_s)
        else:
            per_set = val(step.hold_s)
    per_side = sets * per_set + (sets - 1) * rest
    return step.sides.legs * (step.position_s + per_side)


def max_duration_s(protocol: Protocol) -> float:
    """The longest the whole routine can be made, every round and the rests between them
    counted (for the absurd-total check)."""
    return sum(run.rest_s if run.rest_s else step_max_duration_s(protocol.steps[run.index])
               for run in protocol.runs())


def step_max_duration_s(step: Step) -> float:
    """The longest a step can be made by the user's settings (for the absurd-total check)."""
    if isinstance(step, (StretchStep, ExerciseStep, StrengthStep)):
        return _sets_duration(step, "maximum")
    if isinstance(step, (IceStep, HeatStep)):
        return step.duration_s.maximum
    return step.duration_s
