"""The protocol format, declared once.

This table is the single source of truth: the validator walks it, the JSON Schema is
generated from it (``protocols/schema/protocol.schema.json``) and so is the reference section of
``docs/protocol-format.md``. ``python -m soleus_coach.protocol --write`` regenerates
both; a test fails when either has drifted.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from soleus_coach.cues import Cue

FORMAT_VERSION = 1
#: Ice never runs longer than this, whatever a protocol or a setting says (the source's maximum).
ICE_HARD_MAX_S = 1200
#: A whole protocol longer than this is refused as absurd.
PROTOCOL_MAX_TOTAL_S = 3 * 3600
MAX_FILE_BYTES = 1024 * 1024
SOUND_EXTENSIONS = (".wav", ".ogg", ".mp3")
IMAGE_EXTENSIONS = (".svg", ".png")
#: Prefix for a file shipped with the app (``asset:illustrations/x.svg``) rather than
#: one beside the protocol.
ASSET_PREFIX = "asset:"


@dataclass(frozen=True)
class Num:
    minimum: float
    maximum: float
    integer: bool = False
    unit: str = ""


@dataclass(frozen=True)
class Str:
    """Text. Always one line: no line breaks, no control characters (see
    :data:`ONE_LINE_PATTERN`); ``pattern`` narrows it further."""

    min_length: int = 1
    max_length: int = 200
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    const: str | None = None


#: Every text in a protocol is one line: no C0/C1 control characters (tab, CR and LF
#: included) and no Unicode line or paragraph separators.
ONE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"


@dataclass(frozen=True)
class FileRef:
    """A relative path to a file beside the protocol, or ``asset:...`` for a shipped one."""

    extensions: tuple[str, ...]


@dataclass(frozen=True)
class Arr:
    items: Spec
    min_items: int
    max_items: int


@dataclass(frozen=True)
class Field:
    spec: Spec
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj:
    title: str
    doc: str
    fields: dict[str, Field]
    #: Names of ``Range``-like objects: ``minimum <= default <= maximum`` is checked.
    ordered_range: bool = False


@dataclass(frozen=True)
class Map:
    """An object whose keys come from a fixed set and whose values share one spec."""

    keys: tuple[str, ...]
    values: Spec


@dataclass(frozen=True)
class OneOf:
    """Objects told apart by the value of ``discriminator``."""

    discriminator: str
    variants: dict[str, Obj] = field(default_factory=dict)


Spec = Num | Str | FileRef | Arr | Obj | Map | OneOf


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
INSTRUCTIONS = Arr(TEXT_LINE, min_items=1, max_items=12)
SIDES = Str(enum=("left", "right", "both", "injured-first"))
SOUNDS = Map(keys=tuple(c.value for c in Cue), values=FileRef(SOUND_EXTENSIONS))
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
        "format": Field(
            Num(FORMAT_VERSION, FORMAT_VERSION, integer=True),
            f"Format version: always `{FORMAT_VERSION}`.",
            True,
        ),
        "id": Field(
            Str(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$"),
            "Unique id: lower-case letters, digits and dashes, e.g. `my-post-run`. A file of "
            "yours with the id of a bundled routine replaces it.",
            True,
        ),
        "name": Field(Str(min_length=1, max_length=80), "Name shown in the library.", True),
        "summary": Field(Str(min_length=1, max_length=500), "One or two sentences.", True),
        "when": Field(Str(enum=("pre-run", "post-run", "any")), "When it is meant for.", True),
        "author": Field(Str(max_length=200), "Who wrote it."),
        "source": Field(Str(max_length=500), "Where the advice comes from."),
        "steps": Field(Arr(STEP, min_items=1, max_items=100), "The steps, in order.", True),
        "sounds": Field(SOUNDS, "Your own sound files for cues of every step."),
    },
)


# --------------------------------------------------------------------------- JSON Schema


def to_json_schema(spec: Spec) -> dict[str, Any]:
    if isinstance(spec, Num):
        out: dict[str, Any] = {"type": "integer" if spec.integer else "number"}
        if spec.minimum == spec.maximum:
            out["const"] = spec.minimum if not spec.integer else int(spec.minimum)
        else:
            out["minimum"] = int(spec.minimum) if float(spec.minimum).is_integer() else spec.minimum
            out["maximum"] = int(spec.maximum) if float(spec.maximum).is_integer() else spec.maximum
        return out
    if isinstance(spec, Str):
        if spec.const is not None:
            return {"const": spec.const}
        if spec.enum:
            return {"enum": list(spec.enum)}
        out = {"type": "string", "minLength": spec.min_length, "maxLength": spec.max_length,
               "pattern": spec.pattern or ONE_LINE_PATTERN}
        return out
    if isinstance(spec, FileRef):
        ext = "|".join(e.lstrip(".") for e in spec.extensions)
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": 300,
            "pattern": rf"^(?!/)(?![A-Za-z]:)[^\\\\]*\.({ext})$",
        }
    if isinstance(spec, Arr):
        return {
            "type": "array",
            "items": to_json_schema(spec.items),
            "minItems": spec.min_items,
            "maxItems": spec.max_items,
        }
    if isinstance(spec, Map):
        return {
            "type": "object",
            "propertyNames": {"enum": list(spec.keys)},
            "additionalProperties": to_json_schema(spec.values),
        }
    if isinstance(spec, OneOf):
        return {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in spec.variants]}
    props = {name: {"description": f.doc, **to_json_schema(f.spec)}
             for name, f in spec.fields.items()}
    return {
        "type": "object",
        "description": spec.doc,
        "properties": props,
        "required": [name for name, f in spec.fields.items() if f.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://soleus-coach.invalid/protocol.schema.json",
        "title": "Soleus Coach protocol",
        **to_json_schema(PROTOCOL),
        "$defs": {name: to_json_schema(obj) for name, obj in STEP.variants.items()},
    }
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- docs


def _describe(spec: Spec) -> str:
    if isinstance(spec, Num):
        unit = f" {spec.unit}" if spec.unit else ""
        kind = "whole number" if spec.integer else "number"
        if spec.minimum == spec.maximum:
            return f"`{int(spec.minimum)}`"
        return f"{kind}, {_fmt(spec.minimum)}–{_fmt(spec.maximum)}{unit}"
    if isinstance(spec, Str):
        if spec.const is not None:
            return f'`"{spec.const}"`'
        if spec.enum:
            return "one of " + ", ".join(f"`{e}`" for e in spec.enum)
        return f"one line of text, {spec.min_length}–{spec.max_length} characters"
    if isinstance(spec, FileRef):
        return "file path (" + ", ".join(spec.extensions) + ")"
    if isinstance(spec, Arr):
        return f"list of {spec.min_items}–{spec.max_items}: {_describe(spec.items)}"
    if isinstance(spec, Map):
        return "object: cue name → " + _describe(spec.values)
    if isinstance(spec, OneOf):
        return "step (see below)"
    if spec.ordered_range:
        inner = spec.fields["default"].spec
        return f"`{{default, min, max}}`, each a {_describe(inner)}; min ≤ default ≤ max"
    return "object"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def docs_reference() -> str:
    """The generated reference section of docs/protocol-format.md."""
    lines: list[str] = []
    for obj in (PROTOCOL, *STEP.variants.values()):
        heading = "The file" if obj is PROTOCOL else f"Step kind `{obj.title}`"
        lines += [f"### {heading}", "", obj.doc, "", "| key | required | value | meaning |",
                  "|---|---|---|---|"]
        for name, f in obj.fields.items():
            req = "yes" if f.required else "no"
            lines.append(f"| `{name}` | {req} | {_describe(f.spec)} | {f.doc} |")
        lines.append("")
    lines += [
        "### Cue names (for `sounds`)",
        "",
        ", ".join(f"`{c.value}`" for c in Cue),
        "",
        "### Limits",
        "",
        f"- A file may be at most {MAX_FILE_BYTES // 1024} KiB.",
        f"- A whole protocol may last at most {PROTOCOL_MAX_TOTAL_S // 3600} hours.",
        f"- Ice is capped at {ICE_HARD_MAX_S // 60} minutes per step, whatever the file says.",
        "- Files you name (sounds, illustrations) must lie in the protocol's folder or below it.",
        "",
    ]
    return "\n".join(lines)


DOCS_BEGIN = "<!-- BEGIN GENERATED REFERENCE: python -m soleus_coach.protocol --write -->"
DOCS_END = "<!-- END GENERATED REFERENCE -->"


def splice_docs(text: str) -> str:
    head, _, rest = text.partition(DOCS_BEGIN)
    _, _, tail = rest.partition(DOCS_END)
    return f"{head}{DOCS_BEGIN}\n\n{docs_reference()}\n{DOCS_END}{tail}"


def main(argv: list[str]) -> int:
    """Regenerate the schema and the docs reference in a source checkout."""
    root = Path(__file__).resolve().parents[2]
    schema_path = root / "protocols" / "schema" / "protocol.schema.json"
    docs_path = root / "docs" / "protocol-format.md"
    if "--write" in argv:
        schema_path.write_text(json_schema_text(), encoding="utf-8")
        docs_path.write_text(splice_docs(docs_path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"wrote {schema_path} and {docs_path}")
    else:
        sys.stdout.write(json_schema_text())
    return 0

