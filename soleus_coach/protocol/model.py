"""Typed, frozen protocol values. Built only from data the validator has accepted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


class Origin(StrEnum):
    BUNDLED = "bundled"
    USER = "user"


DEFAULT_CAUTION = "Do not stretch to the point of pain. A gentle pull only."
DEFAULT_SKIN_CHECK_S = 300.0



def _no_sounds() -> Mapping[Cue, Path]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Range:
    default: float
    minimum: float
    maximum: float

    def clamp(self, value: float | None) -> float:
        if value is None:
            return self.default
        return min(self.maximum, max(self.minimum, value))


@dataclass(frozen=True, slots=True)
class StretchStep:
    name: str
    hold_s: Range
    reps: Range
    rest_s: float
    sides: Sides
    position_s: float
    instructions: tuple[str, ...]
    caution: str = DEFAULT_CAUTION
    illustration: Path | None = None
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


@dataclass(frozen=True, slots=True)
class ExerciseStep:
    name: str
    duration_s: float
    sides: Sides
    position_s: float
    instructions: tuple[str, ...]
    illustration: Path | None = None
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


@dataclass(frozen=True, slots=True)
class IceStep:
    name: str
    duration_s: Range
    skin_check_s: float
    instructions: tuple[str, ...]
    sounds: Mapping[Cue, Path] = field(default_factory=_no_sounds)


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


Step = StretchStep | ExerciseStep | IceStep | RestStep | InstructionStep


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

    @property
    def default_duration_s(self) -> float:
        """Total time with every default, both legs where a step is sided."""
        return sum(step_default_duration_s(s) for s in self.steps)


def _sides_count(sides: Sides) -> int:
    return 2 if sides in (Sides.BOTH, Sides.INJURED_FIRST) else 1


def step_default_duration_s(step: Step) -> float:
    if isinstance(step, StretchStep):
        n_sides = _sides_count(step.sides)
        reps = int(step.reps.default)
        per_side = reps * step.hold_s.default + (reps - 1) * step.rest_s
        return n_sides * (step.position_s + per_side)
    if isinstance(step, ExerciseStep):
        n_sides = _sides_count(step.sides)
        return n_sides * (step.position_s + step.duration_s)
    if isinstance(step, IceStep):
        return step.duration_s.default
    return step.duration_s


def step_max_duration_s(step: Step) -> float:
    """The longest a step can be made by the user's settings (for the absurd-total check)."""
    if isinstance(step, StretchStep):
        n_sides = _sides_count(step.sides)
        reps = int(step.reps.maximum)
        per_side = reps * step.hold_s.maximum + (reps - 1) * step.rest_s
        return n_sides * (step.position_s + per_side)
    if isinstance(step, IceStep):
        return step.duration_s.maximum
    return step_default_duration_s(step)
