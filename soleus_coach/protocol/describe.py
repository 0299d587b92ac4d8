"""One-line, human descriptions of steps, for previews and the command line."""

from __future__ import annotations

from soleus_coach import texts
from soleus_coach.protocol.model import (
    ExerciseStep,
    IceStep,
    InstructionStep,
    RestStep,
    Sides,
    Step,
    StretchStep,
)

_SIDES = {
    Sides.LEFT: texts.STEP_LEFT,
    Sides.RIGHT: texts.STEP_RIGHT,
    Sides.BOTH: texts.STEP_BOTH,
    Sides.INJURED_FIRST: texts.STEP_INJURED_FIRST,
}


def _sides(sides: Sides) -> str:
    text = _SIDES.get(sides)
    return "" if text is None else texts.translate(text)


def format_duration(seconds: float) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour."""
    seconds = round(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


def _secs(x: float) -> str:
    if x >= 60 and x % 60 == 0:
        return f"{int(x // 60)} min"
    return f"{x:g} s"


def describe_step(step: Step) -> str:
    if isinstance(step, StretchStep):
        reps = int(step.reps.default)
        text = texts.fill(texts.STEP_HOLD, step.name, reps, _secs(step.hold_s.default))
        if step.hold_s.minimum != step.hold_s.maximum:
            text = texts.fill(texts.STEP_RANGE, text, f"{step.hold_s.minimum:g}",
                              _secs(step.hold_s.maximum))
        if step.rest_s and reps > 1:
            text = texts.fill(texts.STEP_REST, text, _secs(step.rest_s))
        return f"{text}, {_sides(step.sides)}"
    if isinstance(step, ExerciseStep):
        sides = _sides(step.sides)
        return f"{step.name}: {_secs(step.duration_s)}" + (f", {sides}" if sides else "")
    if isinstance(step, IceStep):
        return texts.fill(texts.STEP_ICE, step.name, _secs(step.duration_s.default),
                          _secs(step.duration_s.maximum))
    if isinstance(step, RestStep):
        return f"{step.name}: {_secs(step.duration_s)}"
    assert isinstance(step, InstructionStep)
    return f"{step.name}: {_secs(step.duration_s)}"
