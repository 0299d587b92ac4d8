"""One-line, human descriptions of steps, for previews, the editor and the command line."""

from __future__ import annotations

from soleus_coach import texts
from soleus_coach.protocol.model import (
    Counting,
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Phase,
    Protocol,
    RestStep,
    Sides,
    Step,
    StrengthStep,
    StretchStep,
)
from soleus_coach.untrusted import shown

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


def duration_words(x: float) -> str:
    """Seconds in the one style every screen, the printed sheet and the validator use:
    ``45 s``, ``1 min 30 s``, ``25 min`` (a clock's ``m:ss`` is for what counts down)."""
    if x < 60:
        return f"{x:g} s"
    minutes, rest = divmod(x, 60)
    return f"{int(minutes)} min" + (f" {rest:g} s" if rest else "")


_secs = duration_words


def _count(value: float) -> str:
    return f"{value:g}"


def _pace(counting: Counting) -> str:
    tempo = counting.tempo
    if tempo is None:
        return texts.translate(texts.STEP_SELF_PACED)
    if tempo.phases[0][0] is Phase.REP:
        return texts.fill(texts.STEP_EVERY, f"{tempo.rep_s:g}")
    return ", ".join(texts.fill(_PART[phase], f"{seconds:g}") for phase, seconds in tempo.phases)


_PART = {Phase.DOWN: texts.STEP_DOWN, Phase.UP: texts.STEP_UP, Phase.HOLD: texts.STEP_HOLD_PART,
         Phase.PAUSE: texts.STEP_PAUSE_PART}


def describe_dose(step: Step) -> str:
    """The dose as a physio writes it: "3 × 15, 3 s down, 1 s up", "3 × 30 s", "15 min"."""
    if isinstance(step, StretchStep):
        return f"{int(step.reps.default)} × {_secs(step.hold_s.default)}"
    if isinstance(step, (ExerciseStep, StrengthStep)):
        sets = int(step.sets.default)
        if step.counting is not None:
            reps = _count(step.counting.reps.default)
            count = f"{sets} × {reps}" if sets > 1 else texts.fill(texts.STEP_REPS, reps)
            return f"{count}, {_pace(step.counting)}"
        timed = step.duration_s if isinstance(step, ExerciseStep) else step.hold_s
        assert timed is not None
        return f"{sets} × {_secs(timed.default)}" if sets > 1 else _secs(timed.default)
    if isinstance(step, (IceStep, HeatStep)):
        return _secs(step.duration_s.default)
    return _secs(step.duration_s)


def rounds_heading(protocol: Protocol, index: int) -> str:
    """Above the first step of a group of rounds: which steps, how many times, the rest
    between ("Steps 2–3, 3 rounds · 30 s rest between rounds"); "" for any other step."""
    group = protocol.round_of(index)
    if group is None or group.first != index:
        return ""
    text = (texts.fill(texts.STEP_ROUNDS_OF, group.first + 1, group.last + 1, group.times)
            if group.count > 1 else texts.fill(texts.STEP_ROUNDS_ONE, group.first + 1,
                                               group.times))
    if group.rest_between_s:
        text += " · " + texts.fill(texts.STEP_ROUNDS_REST, duration_words(group.rest_between_s))
    return text


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
    if isinstance(step, (ExerciseStep, StrengthStep)):
        sides = _sides(step.sides)
        if isinstance(step, StrengthStep) and step.hold_s is not None:
            text = texts.fill(texts.STEP_HOLD, step.name, int(step.sets.default),
                              _secs(step.hold_s.default))
        else:
            text = f"{shown(step.name)}: {describe_dose(step)}"
        if step.rest_s and step.sets.default > 1:
            text = texts.fill(texts.STEP_REST, text, _secs(step.rest_s))
        return text + (f", {sides}" if sides else "")
    if isinstance(step, IceStep):
        if step.duration_s.maximum == step.duration_s.default:  # "(at most 15 min)" of 15
            return f"{shown(step.name)}: {_secs(step.duration_s.default)}"
        return texts.fill(texts.STEP_ICE, step.name, _secs(step.duration_s.default),
                          _secs(step.duration_s.maximum))
    if isinstance(step, HeatStep):
        return texts.fill(texts.STEP_HEAT, step.name, _secs(step.duration_s.default))
    if isinstance(step, RestStep):
        return f"{shown(step.name)}: {_secs(step.duration_s)}"
    assert isinstance(step, InstructionStep)
    return f"{shown(step.name)}: {_secs(step.duration_s)}"
