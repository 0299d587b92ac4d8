"""The validator, the published JSON Schema and the docs must not drift apart."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import paths
from soleus_coach.protocol import ProtocolInvalid, parse_bytes, schema
from soleus_coach.protocol import spec as S
from tests.conftest import ROOT, minimal_protocol, minimal_protocol_v2

SCHEMA_PATH = ROOT / "protocols" / "schema" / "protocol.schema.json"
SCHEMA_V1_PATH = ROOT / "protocols" / "schema" / "protocol-1.schema.json"
DOCS_PATH = ROOT / "docs" / "protocol-format.md"


@pytest.mark.parametrize("version", S.FORMATS)
def test_published_schema_is_generated_from_the_spec(version: int) -> None:
    path = ROOT / "protocols" / "schema" / schema.schema_name(version)
    assert path.read_text(encoding="utf-8") == schema.json_schema_text(version), (
        f"protocols/schema/{path.name} is stale: run `make schema`")


def test_docs_reference_is_generated_from_the_spec() -> None:
    text = DOCS_PATH.read_text(encoding="utf-8")
    assert schema.splice_docs(text) == text, "docs/protocol-format.md is stale: run `make schema`"
    for name in S.PROTOCOL.fields:
        assert f"| `{name}` |" in text


@pytest.mark.parametrize("path", [SCHEMA_PATH, SCHEMA_V1_PATH], ids=["v2", "v1"])
def test_schema_is_a_valid_draft_2020_12_schema(path: Path) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))


def test_format_1_fixtures_pass_the_format_1_schema() -> None:
    schema = json.loads(SCHEMA_V1_PATH.read_text())
    files = sorted((ROOT / "tests" / "fixtures" / "format1").glob("[a-z]*-*.json"))
    assert len(files) == 5
    for path in files:
        jsonschema.validate(json.loads(path.read_text()), schema)


def test_bundled_protocols_point_to_the_schema_and_pass_it() -> None:
    schema = json.loads(SCHEMA_PATH.read_text())
    files = sorted(paths.bundled_protocols_dir().glob("*.json"))
    assert len(files) >= 4
    for path in files:
        doc = json.loads(path.read_text())
        assert (path.parent / doc["$schema"]).resolve() == SCHEMA_PATH.resolve()
        jsonschema.validate(doc, schema)


# Checks that need more than a schema can say: the validator is allowed to be stricter here.
SEMANTIC = ("is more than the most", "is less than the least", "too long: at most",
            "too short: at least", "too many: at most", "too few: at least", "too high: at most",
            "too low: at least",
            "hours are allowed", "no such file", "contains control characters",
            "points outside", "may not leave", "not absolute", "forward slashes",
            # format 2's rules that need more than a schema (spec.Obj.rules, in the docs)
            "give either reps", "with reps, give exactly one", "paces reps",
            "a rep must last", "add up to", "has no ice", "required when sides is not none",
            "give one per step")

_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5000) | st.floats(-10, 5000) | st.text(max_size=8)
    | st.sampled_from(["stretch", "ice", "rest", "left", "both", "any", "a.svg", "x.wav"]),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(
        st.sampled_from(["kind", "name", "default", "min", "max", "x", "hold_s"]), c, max_size=3),
    max_leaves=8,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    items: Any = ()
    if isinstance(doc, dict):
        items = doc.items()
    elif isinstance(doc, list):
        items = enumerate(doc)
    for k, v in items:
        out += _paths(v, (*prefix, k))
    return out


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(S.FORMATS))
def test_validator_and_schema_agree_on_mutated_files(data: st.DataObject, version: int) -> None:
    schema = json.loads((SCHEMA_PATH if version == 2 else SCHEMA_V1_PATH).read_text())
    doc = copy.deepcopy(minimal_protocol() if version == 1 else minimal_protocol_v2())
    target = data.draw(st.sampled_from(_paths(doc)[1:]))
    node = doc
    for key in target[:-1]:
        node = node[key]
    if data.draw(st.booleans()) and isinstance(node, dict):
        del node[target[-1]]
    else:
        node[target[-1]] = data.draw(_values)
    schema_ok = jsonschema.Draft202012Validator(schema).is_valid(doc)
    try:
        parse_bytes(json.dumps(doc).encode(), "m.json")
        ours: list[str] = []
    except ProtocolInvalid as exc:
        ours = [e.message for e in exc.errors]
    if not schema_ok:
        assert ours, f"schema rejects but validator accepts: {doc}"
    elif ours:
        assert all(any(s in m for s in SEMANTIC) for m in ours), ours
