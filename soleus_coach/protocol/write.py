"""The model back to a format-2 file: for ``soleus-coach upgrade`` and the routine editor.

The one way a protocol is written: keys in the order of the spec (so a diff of two saves
shows only what changed), ``$schema`` first, a fixed dose as a plain number and an
adjustable one as ``{"default", "min", "max"}`` (min or max left out when they are the
default), files as paths relative to the protocol's folder or ``asset:`` names. Reading what
this writes gives back an equal model (``tests/test_protocol_write.py``). No Qt.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from soleus_coach.cues import Cue
from soleus_coach.protocol import spec as S
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
    Sides,
    Step,
    StepTexts,
    StrengthStep,
    StretchStep,
    Tempo,
    Translation,
)
from soleus_coach.protocol.schema import schema_name

SCHEMA_REF = f"schema/{schema_name()}"


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _amount(r: Range) -> Any:
    if r.is_fixed:
        return _num(r.default)
    out: dict[str, Any] = {"default": _num(r.default)}
    if r.minimum != r.default:
        out["min"] = _num(r.minimum)
    if r.maximum != r.default:
        out["max"] = _num(r.maximum)
    return out


def _file(path: Path | None, base: Path | None, assets: Path | None) -> str | None:
    """A path as the file says it: ``asset:…`` for the app's own, else relative."""
    if path is None:
        return None
    if assets is not None and path.is_relative_to(assets.resolve()):
        return S.ASSET_PREFIX + path.relative_to(assets.resolve()).as_posix()
    if base is not None and path.is_relative_to(base.resolve()):
        return path.relative_to(base.resolve()).as_posix()
    return path.name  # a file the editor has just copied beside the protocol


def _sounds(sounds: Mapping[Cue, Path], base: Path | None, assets: Path | None
            ) -> dict[str, str] | None:
    if not sounds:
        return None
    return {cue.value: str(_file(path, base, assets)) for cue, path in sounds.items()}


def _tempo(tempo: Tempo) -> dict[str, Any] | float:
    if tempo.phases and tempo.phases[0][0] is Phase.REP:
        return _num(tempo.rep_s)
    out: dict[str, Any] = {}
    for key, phase in (("down", Phase.DOWN), ("up", Phase.UP), ("hold", Phase.HOLD),
                       ("pause", Phase.PAUSE)):
        if tempo.part(phase):
            out[key] = _num(tempo.part(phase))
    out["start"] = tempo.start.value
    return out


def _counting(counting: Counting) -> dict[str, Any]:
    out: dict[str, Any] = {"reps": _amount(counting.reps)}
    if counting.tempo is not None:
        paced = _tempo(counting.tempo)
        out["rep_s" if isinstance(paced, (int, float)) else "tempo"] = paced
    elif counting.self_paced is not None:
        out["self_paced"] = counting.self_paced.value
    else:  # pragma: no cover (the validator requires one)
        out["self_paced"] = SelfPaced.REP.value
    return out


def step_document(step: Step, base: Path | None = None, assets: Path | None = None
                  ) -> dict[str, Any]:
    """One step as format 2 writes it; keys in the spec's order."""
    doc: dict[str, Any] = {}
    kind = {StretchStep: "stretch", ExerciseStep: "exercise", StrengthStep: "strength",
            HeatStep: "heat", IceStep: "ice", RestStep: "rest",
            InstructionStep: "instruction"}[type(step)]
    doc["kind"] = kind
    doc["name"] = step.name
    if isinstance(step, StretchStep):
        doc["hold_s"] = _amount(step.hold_s)
        doc["reps"] = _amount(step.reps)
        doc["rest_s"] = _num(step.rest_s)
    elif isinstance(step, ExerciseStep):
        if step.duration_s is not None:
            doc["duration_s"] = _amount(step.duration_s)
        counting = _counting(step.counting) if step.counting is not None else {}
        if "reps" in counting:
            doc["reps"] = counting.pop("reps")
        if not step.sets.is_fixed or step.sets.default != 1:
            doc["sets"] = _amount(step.sets)
        if step.rest_s:
            doc["rest_s"] = _num(step.rest_s)
        doc.update(counting)
    elif isinstance(step, StrengthStep):
        doc["sets"] = _amount(step.sets)
        counting = _counting(step.counting) if step.counting is not None else {}
        if "reps" in counting:
            doc["reps"] = counting.pop("reps")
        if step.hold_s is not None:
            doc["hold_s"] = _amount(step.hold_s)
        doc["rest_s"] = _num(step.rest_s)
        doc.update(counting)
    elif isinstance(step, (HeatStep, IceStep)):
        doc["duration_s"] = _amount(step.duration_s)
        if isinstance(step, IceStep) and step.skin_check_s != 300:
            doc["skin_check_s"] = _num(step.skin_check_s)
    else:
        doc["duration_s"] = _num(step.duration_s)
    if isinstance(step, (StretchStep, ExerciseStep, StrengthStep)):
        doc["sides"] = step.sides.value
        if step.sides is not Sides.NONE:
            doc["side_is"] = step.side_is.value
        doc["position_s"] = _num(step.position_s)
    if step.instructions or not isinstance(step, RestStep):
        doc["instructions"] = list(step.instructions)
    if getattr(step, "caution", ""):
        doc["caution"] = step.caution  # type: ignore[union-attr]
    if getattr(step, "rest_text", ""):
        doc["rest_text"] = step.rest_text  # type: ignore[union-attr]
    picture = _file(getattr(step, "illustration", None), base, assets)
    if picture is not None:
        doc["illustration"] = picture
    sounds = _sounds(step.sounds, base, assets)
    if sounds:
        doc["sounds"] = sounds
    return _in_order(doc, S.STEP.variants[kind])


def _in_order(doc: dict[str, Any], obj: S.Obj) -> dict[str, Any]:
    return {key: doc[key] for key in obj.fields if key in doc}


def _step_texts(texts: StepTexts) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if texts.name:
        out["name"] = texts.name
    if texts.instructions:
        out["instructions"] = list(texts.instructions)
    if texts.caution:
        out["caution"] = texts.caution
    if texts.rest_text:
        out["rest_text"] = texts.rest_text
    return out


def _translation(tr: Translation, steps: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if tr.name:
        out["name"] = tr.name
    if tr.summary:
        out["summary"] = tr.summary
    if tr.steps:
        padded = list(tr.steps) + [StepTexts()] * (steps - len(tr.steps))
        out["steps"] = [_step_texts(s) for s in padded[:steps]]
    return out


def document(protocol: Protocol, base: Path | None = None,
             assets: Path | None = None) -> dict[str, Any]:
    """``protocol`` as a format-2 document (a dict ready for ``json.dumps``). ``base`` is
    the folder the file will be in (default: where it was read from)."""
    if base is None and protocol.path is not None:
        base = protocol.path.parent
    doc: dict[str, Any] = {
        "$schema": SCHEMA_REF,
        "format": S.FORMAT_VERSION,
        "id": protocol.id,
        "name": protocol.name,
        "summary": protocol.summary,
        "when": protocol.when.value,
    }
    if protocol.language != "en":
        doc["language"] = protocol.language
    if protocol.translations:
        doc["translations"] = {lang: _translation(tr, len(protocol.steps))
                               for lang, tr in protocol.translations.items()}
    if protocol.author:
        doc["author"] = protocol.author
    if protocol.source:
        doc["source"] = protocol.source
    doc["steps"] = _entries(protocol, base, assets)
    sounds = _sounds(protocol.sounds, base, assets)
    if sounds:
        doc["sounds"] = sounds
    return _in_order(doc, S.PROTOCOL)


def _entries(protocol: Protocol, base: Path | None, assets: Path | None
             ) -> list[dict[str, Any]]:
    """The steps as the file writes them: a group of rounds as one ``rounds`` block holding
    its steps."""
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(protocol.steps):
        group = protocol.round_of(i)
        if group is None or group.first != i:
            out.append(step_document(protocol.steps[i], base, assets))
            i += 1
            continue
        block: dict[str, Any] = {"kind": "rounds", "times": group.times}
        if group.rest_between_s:
            block["rest_between_s"] = _num(group.rest_between_s)
        block["steps"] = [step_document(s, base, assets)
                          for s in protocol.steps[group.first:group.last + 1]]
        out.append(block)
        i = group.last + 1
    return out


def dumps(protocol: Protocol, base: Path | None = None, assets: Path | None = None) -> str:
    """The file's text: pretty-printed, UTF-8 as it is, ending with a newline."""
    return json.dumps(document(protocol, base, assets), indent=2, ensure_ascii=False) + "\n"
