"""The JSON Schema of each protocol format and the reference section of
``docs/protocol-format.md``, generated from the specs (:mod:`soleus_coach.protocol.spec` and,
for format 1, :mod:`soleus_coach.protocol.spec_v1`). ``python -m soleus_coach.protocol
--write`` regenerates them; a test fails when any has drifted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from soleus_coach.cues import SPOKEN_ONLY, Cue
from soleus_coach.protocol import programme_spec as P
from soleus_coach.protocol.spec import (
    FORMAT_VERSION,
    FORMATS,
    HEAT_MAX_S,
    ICE_HARD_MAX_S,
    MAX_FILE_BYTES,
    ONE_LINE_PATTERN,
    PROTOCOL,
    PROTOCOL_MAX_TOTAL_S,
    ROUNDS,
    STEP,
    STEP_TEXTS,
    STRENGTH,
    TRANSLATION,
    Amount,
    Arr,
    Dict,
    FileRef,
    Map,
    Num,
    Obj,
    OneOf,
    Spec,
    Str,
)
from soleus_coach.protocol.spec_v1 import PROTOCOL as V1


def protocol_spec(version: int) -> Obj:
    """The spec of a file of format ``version`` (1 or 2)."""
    return V1 if version == 1 else PROTOCOL


def to_json_schema(spec: Spec) -> dict[str, Any]:
    if isinstance(spec, Num):
        out: dict[str, Any] = {"type": "integer" if spec.integer else "number"}
        if spec.minimum == spec.maximum:
            out["const"] = spec.minimum if not spec.integer else int(spec.minimum)
        else:
            out["minimum"] = int(spec.minimum) if float(spec.minimum).is_integer() else spec.minimum
            out["maximum"] = int(spec.maximum) if float(spec.maximum).is_integer() else spec.maximum
        return out
    if isinstance(spec, Amount):
        value = to_json_schema(spec.value)
        return {"oneOf": [value, {
            "type": "object",
            "properties": {"default": value, "min": value, "max": value},
            "required": ["default"],
            "additionalProperties": False,
        }]}
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
    if isinstance(spec, Dict):
        return {
            "type": "object",
            "propertyNames": {"pattern": spec.pattern},
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


def step_kinds(protocol: Obj) -> OneOf:
    """The step kinds of a protocol spec (its ``steps`` list's items)."""
    steps = protocol.fields["steps"].spec
    assert isinstance(steps, Arr) and isinstance(steps.items, OneOf)
    return steps.items


def schema_name(version: int = FORMAT_VERSION) -> str:
    return "protocol.schema.json" if version == FORMAT_VERSION else \
        f"protocol-{version}.schema.json"


def json_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    protocol = protocol_spec(version)
    title = "Soleus Coach protocol" + ("" if version == FORMAT_VERSION else
                                       f", format {version}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://soleus-coach.invalid/{schema_name(version)}",
        "title": title,
        **to_json_schema(protocol),
        "$defs": {name: to_json_schema(obj)
                  for name, obj in step_kinds(protocol).variants.items()},
    }


def json_schema_text(version: int = FORMAT_VERSION) -> str:
    return json.dumps(json_schema(version), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- docs


def _describe(spec: Spec) -> str:
    if isinstance(spec, Num):
        unit = f" {spec.unit}" if spec.unit else ""
        kind = "whole number" if spec.integer else "number"
        if spec.minimum == spec.maximum:
            return f"`{int(spec.minimum)}`"
        return f"{kind}, {_fmt(spec.minimum)}–{_fmt(spec.maximum)}{unit}"
    if isinstance(spec, Amount):
        return (f"{_describe(spec.value)}, or `{{default, min, max}}` of those (min and max "
                "optional)")
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
    if isinstance(spec, Dict):
        title = spec.values.title if isinstance(spec.values, Obj) else _describe(spec.values)
        return f"object: {spec.key_doc} → {title}"
    if isinstance(spec, OneOf):
        return "step (see below)" if "rounds" not in spec.variants else \
            "step or `rounds` block (see below)"
    if spec.ordered_range:
        inner = spec.fields["default"].spec
        return f"`{{default, min, max}}`, each a {_describe(inner)}; min ≤ default ≤ max"
    return "object"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _table(obj: Obj, heading: str) -> list[str]:
    lines = [f"### {heading}", "", obj.doc, "", "| key | required | value | meaning |",
             "|---|---|---|---|"]
    for name, f in obj.fields.items():
        req = "yes" if f.required else "no"
        lines.append(f"| `{name}` | {req} | {_describe(f.spec)} | {f.doc} |")
    lines.append("")
    if obj.rules:
        lines += [*(f"- {rule}" for rule in obj.rules), ""]
    return lines


def docs_reference() -> str:
    """The generated reference section of docs/protocol-format.md."""
    lines = _table(PROTOCOL, "The file")
    for obj in STEP.variants.values():
        lines += _table(obj, f"Step kind `{obj.title}`")
    lines += _table(ROUNDS, "Rounds: a group of steps done several times")
    tempo = STRENGTH.fields["tempo"].spec
    assert isinstance(tempo, Obj)
    lines += _table(tempo, "`tempo`")
    lines += _table(TRANSLATION, "A translation (in `translations`)")
    lines += _table(STEP_TEXTS, "A step's texts (in a translation's `steps`)")
    lines += [
        "### Cue names (for `sounds`)",
        "",
        ", ".join(f"`{c.value}`" for c in Cue if c not in SPOKEN_ONLY),
        "",
        "### Limits",
        "",
        f"- A file may be at most {MAX_FILE_BYTES // 1024} KiB.",
        f"- A whole protocol may last at most {PROTOCOL_MAX_TOTAL_S // 3600} hours.",
        f"- All the ice of a routine adds up to at most {ICE_HARD_MAX_S // 60} minutes, "
        "whatever the file, the settings or the keys pressed.",
        f"- Heat lasts at most {HEAT_MAX_S // 60} minutes per step.",
        "- Files you name (sounds, illustrations) must lie in the protocol's folder or below it; "
        "an SVG may refer only to itself (`#id`) or to inline `data:`.",
        "- Every text is one line (no line breaks, no control characters).",
        "",
    ]
    return "\n".join(lines)


DOCS_BEGIN = "<!-- BEGIN GENERATED REFERENCE: python -m soleus_coach.protocol --write -->"
DOCS_END = "<!-- END GENERATED REFERENCE -->"


def splice_docs(text: str, reference: str | None = None) -> str:
    head, _, rest = text.partition(DOCS_BEGIN)
    _, _, tail = rest.partition(DOCS_END)
    body = docs_reference() if reference is None else reference
    return f"{head}{DOCS_BEGIN}\n\n{body}\n{DOCS_END}{tail}"


# --------------------------------------------------------------------------- programmes

PROGRAMME_SCHEMA_NAME = "programme.schema.json"


def programme_json_schema() -> dict[str, Any]:
    """The JSON Schema of a programme file, from :data:`programme_spec.PROGRAMME`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://soleus-coach.invalid/{PROGRAMME_SCHEMA_NAME}",
        "title": "Soleus Coach programme",
        **to_json_schema(P.PROGRAMME),
    }


def programme_schema_text() -> str:
    return json.dumps(programme_json_schema(), indent=2, ensure_ascii=False) + "\n"


def programme_docs_reference() -> str:
    """The generated reference section of docs/programme-format.md."""
    lines = _table(P.PROGRAMME, "The file")
    for obj, heading in ((P.PHASE, "A phase (in `phases`)"),
                         (P.PLANNED, "A routine entry (in a phase's `routines`)"),
                         (P.MOVE_ON, "`move_on`"), (P.EASE_OFF, "`ease_off`"),
                         (P.PROGRAMME_TRANSLATION, "A translation (in `translations`)"),
                         (P.PHASE_TEXTS, "A phase's texts (in a translation's `phases`)")):
        lines += _table(obj, heading)
    lines += [
        "### Limits",
        "",
        f"- A file may be at most {P.MAX_PROGRAMME_BYTES // 1024} KiB.",
        f"- At most {P.MAX_PHASES} phases, and {P.MAX_ROUTINES_PER_PHASE} routines in a phase.",
        f"- Moving on never allows more than {P.PAIN_DURING_LIMIT}/10 pain during the "
        "exercises (the pain-monitoring model's limit).",
        "- Every text is one line (no line breaks, no control characters).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Regenerate the schema and the docs reference in a source checkout."""
    root = Path(__file__).resolve().parents[2]
    docs_path = root / "docs" / "protocol-format.md"
    if "--write" in argv:
        for version in FORMATS:
            schema_path = root / "protocols" / "schema" / schema_name(version)
            schema_path.write_text(json_schema_text(version), encoding="utf-8")
            print(f"wrote {schema_path}")
        docs_path.write_text(splice_docs(docs_path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"wrote {docs_path}")
        schema_path = root / "protocols" / "schema" / PROGRAMME_SCHEMA_NAME
        schema_path.write_text(programme_schema_text(), encoding="utf-8")
        print(f"wrote {schema_path}")
        docs_path = root / "docs" / "programme-format.md"
        docs_path.write_text(splice_docs(docs_path.read_text(encoding="utf-8"),
                                         programme_docs_reference()), encoding="utf-8")
        print(f"wrote {docs_path}")
    else:
        sys.stdout.write(json_schema_text())
    return 0

