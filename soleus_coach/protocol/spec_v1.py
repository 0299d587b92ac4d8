"""Format 1 of the protocol file, as it was: still read, never written.

Every file that was valid in format 1 stays valid and plans exactly as before
(``tests/fixtures/format1``). New files are format 2 (:mod:`soleus_coach.protocol.spec`);
``soleus-coach upgrade FILE`` rewrites a format-1 file as format 2.
"""

from __future__ import annotations

from soleus_coach.protocol.spec import (
    ICE_HARD_MAX_S,
    ID_PATTERN,
    ID_RULE,
    IMAGE_EXTENSIONS,
    SOUND_EXTENSIONS,
    Arr,
    Field,
    FileRef,
    Map,
    Num,
    Obj,
    OneOf,
    Str,
)


def _range(title: str, lo: float, hi: float, *, integer: bool, unit: str, doc: str) -> Obj:
    value = Num(lo, hi, integer=integer, unit=unit)
    return Obj(
        title=title,
        doc=doc,
        ordered_range=True,
        fields={
            "default": Field(value, "Value used unless the user's settings choose another.", True),
            "min": Field(value, "Smallest value a user may choose.", True),
            "max": Field(value, "Largest value a user may choose.", True),
        },
    )


TEXT_LINE = Str(min_length=1, max_length=300)
INSTRUCTIONS = Arr(TEXT_LINE, min_items=1, max_items=12,
                   noun=("instruction", "instructions"), verb="write")
SIDES = Str(enum=("left", "right", "both", "injured-first"))
#: The cue names of format 1 (format 2 has more).
V1_CUES = ("get_ready", "hold_start", "countdown", "relax", "switch_legs", "caution",
           "exercise_start", "ice_on", "ice_skin_check", "ice_halfway", "ice_off", "complete")
SOUNDS = Map(keys=V1_CUES, values=FileRef(SOUND_EXTENSIONS))
STEP_NAME = Str(min_length=1, max_length=80)

_common_sounds = Field(
    SOUNDS,
    "Your own sound files for some cues of this step, e.g. "
    '`{"hold_start": "sounds/go.wav"}`. Paths are relative to the protocol file.',
)

STRETCH = Obj(
    title="stretch",
    doc="A held stretch, repeated, on one or both legs.",
    fields={
        "kind": Field(Str(const="stretch"), "`stretch`.", True),
        "name": Field(STEP_NAME, "Shown in large text, e.g. `Bent-knee wall stretch`.", True),
        "hold_s": Field(
            _range(
                "hold_s", 5, 120, integer=False, unit="s",
                doc="How long each hold lasts, in seconds, and the range a user may pick.",
            ),
            "Seconds per hold: `{\"default\": 30, \"min\": 20, \"max\": 30}`.",
            True,
        ),
        "reps": Field(
            _range(
                "reps", 1, 10, integer=True, unit="",
                doc="How many holds per side, and the range a user may pick.",
            ),
            "Holds per side: `{\"default\": 3, \"min\": 2, \"max\": 4}`.",
            True,
        ),
        "rest_s": Field(Num(0, 120, unit="s"), "Rest between holds on the same side.", True),
        "sides": Field(
            SIDES,
            "`left`, `right`, `both` (left first) or `injured-first` (the user's injured leg "
            "first, then the other).",
            True,
        ),
        "position_s": Field(
            Num(0, 120, unit="s"),
            "Time to get into position before the first hold, and to switch legs.",
            True,
        ),
        "instructions": Field(INSTRUCTIONS, "Numbered instructions, one line each.", True),
        "caution": Field(
            Str(min_length=1, max_length=300),
            "Caution line shown during every hold. The app always adds "
            "\"Do not stretch to the point of pain\".",
        ),
        "illustration": Field(
            FileRef(IMAGE_EXTENSIONS),
            "An SVG or PNG picture of the stretch: a path beside the protocol, or "
            "`asset:illustrations/NAME.svg` for one shipped with the app.",
        ),
        "sounds": _common_sounds,
    },
)

EXERCISE = Obj(
    title="exercise",
    doc="Timed movement, such as marching in place or ankle rocks; optionally per side.",
    fields={
        "kind": Field(Str(const="exercise"), "`exercise`.", True),
        "name": Field(STEP_NAME, "Shown in large text.", True),
        "duration_s": Field(
            Num(5, 1800, unit="s"), "Seconds of movement (per side, if sided).", True
        ),
        "sides": Field(
            Str(enum=("none", "left", "right", "both", "injured-first")),
            "`none` (both legs together) or as for a stretch.",
            True,
        ),
        "position_s": Field(Num(0, 120, unit="s"), "Time to get ready, and to switch legs."),
        "instructions": Field(INSTRUCTIONS, "Numbered instructions, one line each.", True),
        "illustration": Field(FileRef(IMAGE_EXTENSIONS), "As for a stretch."),
        "sounds": _common_sounds,
    },
)

ICE = Obj(
    title="ice",
    doc=f"Icing the calf. Never longer than {ICE_HARD_MAX_S // 60} minutes, whatever is written.",
    fields={
        "kind": Field(Str(const="ice"), "`ice`.", True),
        "name": Field(STEP_NAME, "Shown in large text.", True),
        "duration_s": Field(
            _range(
                "duration_s", 60, ICE_HARD_MAX_S, integer=False, unit="s",
                doc="How long the ice stays on, and the range a user may pick "
                f"(at most {ICE_HARD_MAX_S} s).",
            ),
            f"Seconds of ice: `{{\"default\": 1200, \"min\": 300, \"max\": {ICE_HARD_MAX_S}}}`.",
            True,
        ),
        "skin_check_s": Field(
            Num(60, 600, unit="s"), "Remind the user to check the skin this often (default 300)."
        ),
        "instructions": Field(INSTRUCTIONS, "Numbered instructions, one line each.", True),
        "sounds": _common_sounds,
    },
)

REST = Obj(
    title="rest",
    doc="A timed pause, e.g. between two ice applications.",
    fields={
        "kind": Field(Str(const="rest"), "`rest`.", True),
        "name": Field(STEP_NAME, "Shown in large text.", True),
        "duration_s": Field(Num(1, 1800, unit="s"), "Seconds of rest.", True),
        "instructions": Field(Arr(TEXT_LINE, 0, 12), "Optional lines to show."),
        "sounds": _common_sounds,
    },
)

INSTRUCTION = Obj(
    title="instruction",
    doc="A message shown for a few seconds, e.g. \"Start your run easy.\"",
    fields={
        "kind": Field(Str(const="instruction"), "`instruction`.", True),
        "name": Field(STEP_NAME, "Shown in large text.", True),
        "duration_s": Field(Num(2, 300, unit="s"), "Seconds the message stays up.", True),
        "instructions": Field(INSTRUCTIONS, "The message, one line each.", True),
        "sounds": _common_sounds,
    },
)

STEP = OneOf("kind", {o.title: o for o in (STRETCH, EXERCISE, ICE, REST, INSTRUCTION)})

PROTOCOL = Obj(
    title="protocol",
    doc="One routine. The file holds one JSON object with these keys.",
    fields={
        "$schema": Field(
            Str(max_length=500), "Optional link to the schema, so editors check while you type."
        ),
        "format": Field(Num(1, 1, integer=True), "Format version: `1`.", True),
        "id": Field(
            Str(min_length=1, max_length=64, pattern=ID_PATTERN, rule=ID_RULE),
            "Unique id: lower-case letters, digits and dashes, e.g. `my-post-run`. A file of "
            "yours with the id of a bundled routine replaces it.",
            True,
        ),
        "name": Field(Str(min_length=1, max_length=80), "Name shown in the library.", True),
        "summary": Field(Str(min_length=1, max_length=500), "One or two sentences.", True),
        "when": Field(Str(enum=("pre-run", "post-run", "any")), "When it is meant for.", True),
        "author": Field(Str(max_length=200), "Who wrote it."),
        "source": Field(Str(max_length=500), "Where the advice comes from."),
        "steps": Field(Arr(STEP, min_items=1, max_items=100, noun=("step", "steps"), verb="add"),
                       "The steps, in order.", True),
        "sounds": Field(SOUNDS, "Your own sound files for cues of every step."),
    },
)
