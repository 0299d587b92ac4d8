"""One-line, human descriptions of steps, for previews and the command line."""

from __future__ import annotations

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
    Sides.NONE: "",
    Sides.LEFT: "left leg",
    Sides.RIGHT: "right leg",
    Sides.BOTH: "each leg, left first",
    Sides.INJURED_FIRST: "each leg, injured leg first",
}


def _secs(x: float) -> str:
    if x >= 60 and x % 60 == 0:
        return f"{int(x // 60)} min"
    return f"{x:g} s"


def describe_step(step: Step) -> str:
    if isinstance(step, StretchStep):
        reps = int(step.reps.default)
        text = f"{step.name}: {reps} × {_secs(step.hold_s.default)} hold"
        if step.hold_s.minimum != step.hold_s.maximum:
            text += f" ({step.hold_s.minimum:g}–{_secs(step.hold_s.maximum)})"
        if step.rest_s and reps > 1:
            text += f", {_secs(step.rest_s)} rest"
        return f"{text}, {_SIDES[step.sides]}"
    if isinstance(step, ExerciseStep):
        sides = _SIDES[step.sides]
        return f"{step.name}: {_secs(step.duration_s)}" + (f", {sides}" if sides else "")
    if isinstance(step, IceStep):
        most = _secs(step.duration_s.maximum)
        return f"{step.name}: {_secs(step.duration_s.default)} (at most {most})"
    if isinstance(step, RestStep):
        return f"{step.name}: {_secs(step.duration_s)}"
    assert isinstance(step, InstructionStep)
    return f"{step.name}: {_secs(step.duration_s)}"
