"""From a validated document to the typed model, for both formats; and the format-2 rules a
schema cannot say (which keys go together, the ice of a whole routine). No Qt."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from soleus_coach.cues import Cue
from soleus_coach.protocol import spec as S
from soleus_coach.protocol.model import (
    DEFAULT_CAUTION,
    DEFAULT_SKIN_CHECK_S,
    Counting,
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Phase,
    Protocol,
    Range,
    RestStep,
    Rounds,
    SelfPaced,
    SideMeaning,
    Sides,
    Step,
    StepTexts,
    StrengthStep,
    StretchStep,
    Tempo,
    Translation,
    When,
)

Resolve = Callable[[str, tuple[str, ...]], Path]
ErrorSink = Callable[[str, str], None]

#: Seconds to get into position when a format-2 step does not say.
DEFAULT_POSITION_S = {"stretch": 10.0, "strength": 10.0, "exercise": 0.0}


# --------------------------------------------------------------------------- rules


def written(entries: list[Any]) -> list[tuple[str, Mapping[str, Any], int]]:
    """Every step as written, in order, with its place in the file and how many times it
    runs: the steps of a ``rounds`` block once each (their place inside the block), times
    the block's rounds."""
    out: list[tuple[str, Mapping[str, Any], int]] = []
    for i, entry in enumerate(entries):
        if entry.get("kind") == "rounds":
            out += [(f"$.steps[{i}].steps[{j}]", step, int(entry["times"]))
                    for j, step in enumerate(entry["steps"])]
        else:
            out.append((f"$.steps[{i}]", entry, 1))
    return out


def check_v2(doc: Mapping[str, Any], error: ErrorSink) -> None:
    """The rules of format 2 that need more than the schema: each reported at its place."""
    for loc, step, _times in written(doc["steps"]):
        kind = step["kind"]
        if (kind in ("stretch", "exercise", "strength") and step["sides"] != "none"
                and "side_is" not in step):
            error(f"{loc}.side_is", "required when sides is not none: say leg-back (the "
                      "back leg of a staggered stance) or working-leg (the leg that works)")
        if kind in ("exercise", "strength"):
            _check_counting(step, loc, error)
    _check_cold(doc, error)
    _check_translations(doc, error)


def _check_counting(step: Mapping[str, Any], loc: str, error: ErrorSink) -> None:
    timed = "duration_s" if step["kind"] == "exercise" else "hold_s"
    counted = "reps" in step
    if counted == (timed in step):
        error(loc, f"give either reps (counted) or {timed} (timed), not "
              + ("both" if counted else "neither"))
        return
    pacing = [k for k in ("tempo", "rep_s", "self_paced") if k in step]
    if counted and len(pacing) != 1:
        error(loc, "with reps, give exactly one of tempo (the app paces each rep), rep_s (the "
              "app counts) or self_paced (the runner presses Enter)"
              + (f"; found {', '.join(pacing)}" if pacing else ""))
    elif not counted and pacing:
        error(f"{loc}.{pacing[0]}", f"{pacing[0]} paces reps; a step timed by {timed} has no "
              "reps")
    tempo = step.get("tempo")
    if tempo is not None and sum(tempo.get(k, 0) for k in ("down", "up", "hold", "pause")) < 1:
        error(f"{loc}.tempo", "a rep must last at least 1 second (down + up + hold + pause)")


def _longest(amount: Any) -> float:
    return float(amount["max"] if isinstance(amount, dict) and "max" in amount else
                 amount["default"] if isinstance(amount, dict) else amount)


def _check_cold(doc: Mapping[str, Any], error: ErrorSink) -> None:
    """All the cold of the routine as it runs (each round counted) within the cap."""
    ice = [(n, loc, s, times) for n, (loc, s, times) in enumerate(written(doc["steps"]))
           if s["kind"] == "ice"]
    total = sum(_longest(s["duration_s"]) * times for _, _, s, times in ice)
    if total > S.ICE_HARD_MAX_S:
        named = ", ".join(
            f"{n + 1} ({s['name']!r}, up to {_minutes(_longest(s['duration_s']))}"
            + (f", {times} rounds" if times > 1 else "") + ")" for n, _, s, times in ice)
        error("$.steps", f"the ice steps {named} add up to {_minutes(total)}; a routine may "
              f"have at most {S.ICE_HARD_MAX_S // 60} minutes of ice in all: shorten the "
              "ice, or do fewer rounds")
    if ice and doc["when"] == "pre-run":
        error(ice[0][1], "a routine for before a run has no ice: muscles work less well for "
              "about 30 minutes after icing (make it post-run or any)")


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:g} min" if minutes.is_integer() else f"{minutes:.1f} min"


def _check_translations(doc: Mapping[str, Any], error: ErrorSink) -> None:
    steps = len(written(doc["steps"]))
    for lang, tr in doc.get("translations", {}).items():
        if "steps" in tr and len(tr["steps"]) != steps:
            error(f"$.translations.{lang}.steps", f"has {len(tr['steps'])} entries; give one "
                  f"per step ({steps}, the steps of rounds once each), {{}} for a step with "
                  "nothing to translate")


# --------------------------------------------------------------------------- building


def _amount(raw: Any) -> Range:
    """Format 2's dose: a number is fixed; an object's missing min or max is its default."""
    if isinstance(raw, dict):
        default = float(raw["default"])
        return Range(default, float(raw.get("min", default)), float(raw.get("max", default)))
    return Range.fixed(float(raw))


def _range_v1(raw: Mapping[str, float]) -> Range:
    return Range(float(raw["default"]), float(raw["min"]), float(raw["max"]))


def _sounds(raw: Mapping[str, str] | None, resolve: Resolve) -> Mapping[Cue, Path]:
    return MappingProxyType({Cue(k): resolve(v, S.SOUND_EXTENSIONS)
                             for k, v in (raw or {}).items()})


def _picture(raw: Mapping[str, Any], resolve: Resolve) -> Path | None:
    rel = raw.get("illustration")
    return None if rel is None else resolve(rel, S.IMAGE_EXTENSIONS)


def _counting(raw: Mapping[str, Any]) -> Counting | None:
    if "reps" not in raw:
        return None
    tempo = None
    if "tempo" in raw:
        t = raw["tempo"]
        tempo = Tempo.from_parts(down=t.get("down", 0), up=t.get("up", 0), hold=t.get("hold", 0),
                                 pause=t.get("pause", 0), start=Phase(t.get("start", "up")))
    elif "rep_s" in raw:
        tempo = Tempo.steady(float(raw["rep_s"]))
    paced = raw.get("self_paced")
    return Counting(_amount(raw["reps"]), tempo, SelfPaced(paced) if paced else None)


def _step_v2(raw: Mapping[str, Any], resolve: Resolve) -> Step:
    kind = raw["kind"]
    common: dict[str, Any] = {"name": raw["name"], "sounds": _sounds(raw.get("sounds"), resolve)}
    lines = tuple(raw.get("instructions", ()))
    if kind in ("stretch", "exercise", "strength"):
        sided = {
            "sides": Sides(raw["sides"]),
            "side_is": SideMeaning(raw.get("side_is", "leg-back" if kind == "stretch"
                                           else "working-leg")),
            "position_s": float(raw.get("position_s", DEFAULT_POSITION_S[kind])),
            "instructions": lines, "caution": raw.get("caution", ""),
            "rest_text": raw.get("rest_text", ""), "illustration": _picture(raw, resolve),
        }
        if kind == "stretch":
            return StretchStep(hold_s=_amount(raw["hold_s"]), reps=_amount(raw["reps"]),
                               rest_s=float(raw["rest_s"]), **common, **sided)
        if kind == "exercise":
            return ExerciseStep(
                duration_s=_amount(raw["duration_s"]) if "duration_s" in raw else None,
                counting=_counting(raw), sets=_amount(raw.get("sets", 1)),
                rest_s=float(raw.get("rest_s", 0)), **common, **sided)
        return StrengthStep(sets=_amount(raw["sets"]), rest_s=float(raw["rest_s"]),
                            counting=_counting(raw),
                            hold_s=_amount(raw["hold_s"]) if "hold_s" in raw else None,
                            **common, **sided)
    if kind == "heat":
        return HeatStep(duration_s=_amount(raw["duration_s"]), instructions=lines,
                        caution=raw.get("caution", ""), **common)
    if kind == "ice":
        return IceStep(duration_s=_amount(raw["duration_s"]),
                       skin_check_s=float(raw.get("skin_check_s", DEFAULT_SKIN_CHECK_S)),
                       instructions=lines, caution=raw.get("caution", ""), **common)
    if kind == "rest":
        return RestStep(duration_s=float(raw["duration_s"]), instructions=lines, **common)
    return InstructionStep(duration_s=float(raw["duration_s"]), instructions=lines, **common)


def _step_v1(raw: Mapping[str, Any], resolve: Resolve) -> Step:
    """Format 1, exactly as it was planned: a stretch is a wall stretch (its side is the
    back leg, its rests say so), an exercise is timed, its caution beside the app's."""
    kind = raw["kind"]
    lines = tuple(raw.get("instructions", ()))
    sounds = _sounds(raw.get("sounds"), resolve)
    if kind == "stretch":
        caution = raw.get("caution", "")
        return StretchStep(
            name=raw["name"], hold_s=_range_v1(raw["hold_s"]), reps=_range_v1(raw["reps"]),
            rest_s=float(raw["rest_s"]), sides=Sides(raw["sides"]),
            position_s=float(raw["position_s"]), instructions=lines,
            caution="" if caution == DEFAULT_CAUTION else caution,
            illustration=_picture(raw, resolve), sounds=sounds,
            side_is=SideMeaning.LEG_BACK, rest_text=WALL_REST)
    if kind == "exercise":
        return ExerciseStep(
            name=raw["name"], duration_s=Range.fixed(float(raw["duration_s"])),
            sides=Sides(raw["sides"]), position_s=float(raw.get("position_s", 0)),
            instructions=lines, illustration=_picture(raw, resolve), sounds=sounds,
            side_is=SideMeaning.WORKING_LEG)
    if kind == "ice":
        return IceStep(name=raw["name"], duration_s=_range_v1(raw["duration_s"]),
                       skin_check_s=float(raw.get("skin_check_s", DEFAULT_SKIN_CHECK_S)),
                       instructions=lines, sounds=sounds)
    if kind == "rest":
        return RestStep(raw["name"], float(raw["duration_s"]), lines, sounds)
    return InstructionStep(raw["name"], float(raw["duration_s"]), lines, sounds)


#: What format 1 showed during the rests of a stretch (its stretches were wall stretches).
WALL_REST = "Relax the calf; stay near the wall."


def _translation(raw: Mapping[str, Any]) -> Translation:
    return Translation(
        name=raw.get("name"), summary=raw.get("summary"),
        steps=tuple(StepTexts(name=s.get("name"),
                              instructions=tuple(s["instructions"]) if s.get("instructions")
                              else None,
                              caution=s.get("caution"), rest_text=s.get("rest_text"))
                    for s in raw.get("steps", ())))


def _rounds(entries: list[Any]) -> tuple[Rounds, ...]:
    out, at = [], 0
    for entry in entries:
        if entry.get("kind") == "rounds":
            out.append(Rounds(at, len(entry["steps"]), int(entry["times"]),
                              float(entry.get("rest_between_s", 0))))
            at += len(entry["steps"])
        else:
            at += 1
    return tuple(out)


def build(doc: Mapping[str, Any], version: int, resolve: Resolve, digest: str) -> Protocol:
    make = _step_v1 if version == 1 else _step_v2
    entries = doc["steps"]
    return Protocol(
        id=doc["id"], name=doc["name"], summary=doc["summary"], when=When(doc["when"]),
        steps=tuple(make(raw, resolve) for _, raw, _ in written(entries)),
        rounds=_rounds(entries) if version != 1 else (),
        sounds=_sounds(doc.get("sounds"), resolve),
        author=doc.get("author", ""), source=doc.get("source", ""), digest=digest,
        format=version, language=doc.get("language", "en"),
        translations=MappingProxyType({lang: _translation(tr) for lang, tr in
                                       doc.get("translations", {}).items()}))
