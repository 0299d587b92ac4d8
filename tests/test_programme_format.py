"""Programme files: the bundled ones load (in English and German), the one validator says
what is wrong and where, the schema and the docs are generated from the same spec, and a
hostile folder or file never stops the others from loading."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import paths
from soleus_coach.protocol import ProtocolInvalid, load_library, schema
from soleus_coach.protocol import programme_spec as P
from soleus_coach.protocol.model import Origin
from soleus_coach.protocol.programme import (
    Often,
    load_programmes,
    parse_programme,
)
from tests.conftest import ROOT

SCHEMA = ROOT / "protocols" / "schema" / "programme.schema.json"
DOCS = ROOT / "docs" / "programme-format.md"
ROUTINES = {p.id for p in load_library(paths.bundled_protocols_dir(), None,
                                       paths.assets_dir()).protocols}


def minimal(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "format": 1, "kind": "programme", "id": "mine", "name": "Mine",
        "summary": "Heel drops, then more.",
        "phases": [
            {"name": "First", "load": "Body weight",
             "routines": [{"routine": "eccentric-heel-drops", "often": "twice-a-day"}],
             "move_on": {"days": 7, "pain_during_max": 3}},
            {"name": "Second", "load": "+5 kg",
             "routines": [{"routine": "soleus-strength", "often": "days-a-week", "days": 3}]},
        ],
    }
    doc.update(overrides)
    return doc


def errors(doc: Any, routine_ids: set[str] | None = ROUTINES) -> list[tuple[str, str]]:
    data = json.dumps(doc, indent=2).encode() if not isinstance(doc, bytes) else doc
    try:
        parse_programme(data, "mine.json", routine_ids)
    except ProtocolInvalid as exc:
        return [(e.location, e.message) for e in exc.errors]
    return []


def test_the_bundled_programmes_load_in_english_and_german() -> None:
    found = load_programmes(paths.bundled_programmes_dir(), None, ROUTINES)
    assert found.broken == []
    assert {p.id for p in found.programmes} == {"soleus-loading-12-weeks",
                                               "stretch-around-every-run"}
    loading = found.get("soleus-loading-12-weeks")
    assert loading is not None and loading.weeks == 12
    assert [p.name for p in loading.phases] == ["Both legs", "One leg", "Added load"]
    assert all(r.often is Often.TWICE_A_DAY for r in loading.phases[0].routines[:1])
    assert loading.phases[2].load.startswith("+5 kg in a backpack")
    assert loading.phases[0].move_on is not None and loading.phases[2].move_on is None
    stretch = found.get("stretch-around-every-run")
    assert stretch is not None and {r.often for r in stretch.phases[0].routines} == {
        Often.BEFORE_RUN, Often.AFTER_RUN}
    german = load_programmes(paths.bundled_programmes_dir(), None, ROUTINES, "de")
    de = german.get("soleus-loading-12-weeks")
    assert de is not None and de.name == "Soleus-Belastung, 12 Wochen"
    assert [p.name for p in de.phases] == ["Beidbeinig", "Einbeinig", "Mit Zusatzgewicht"]
    assert de.phases[1].routines[1].label == "Fersenheben"
    assert de.phases[1].routines[1].routine == "soleus-strength"  # ids are not translated


def test_the_schema_and_the_docs_are_generated_from_the_spec() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema.programme_schema_text(), \
        "protocols/schema/programme.schema.json is stale: run `make schema`"
    text = DOCS.read_text(encoding="utf-8")
    assert schema.splice_docs(text, schema.programme_docs_reference()) == text, \
        "docs/programme-format.md is stale: run `make schema`"
    for name in P.PROGRAMME.fields:
        assert f"| `{name}` |" in text
    jsonschema.Draft202012Validator.check_schema(json.loads(SCHEMA.read_text()))


def test_bundled_programmes_point_to_the_schema_and_pass_it() -> None:
    published = json.loads(SCHEMA.read_text())
    files = sorted(paths.bundled_programmes_dir().glob("*.json"))
    assert len(files) == 2
    for path in files:
        doc = json.loads(path.read_text())
        assert (path.parent / doc["$schema"]).resolve() == SCHEMA.resolve()
        jsonschema.validate(doc, published)


@pytest.mark.parametrize("change,where,words", [
    (lambda d: d["phases"][0]["routines"][0].update(routine="no-such-routine"),
     "$.phases[0].routines[0].routine", "no routine with the id 'no-such-routine'"),
    (lambda d: d["phases"][1]["routines"][0].pop("days"), "$.phases[1].routines[0]",
     "missing required key 'days'"),
    (lambda d: d["phases"][0]["routines"][0].update(days=2), "$.phases[0].routines[0].days",
     "only for often: days-a-week"),
    (lambda d: d["phases"][1].update(move_on={"days": 7, "pain_during_max": 3}),
     "$.phases[1].move_on", "the last phase"),
    (lambda d: d["phases"][0]["move_on"].update(pain_during_max=6),
     "$.phases[0].move_on.pain_during_max", "6 is 1 too many: at most 5"),
    (lambda d: d.update(name="two\nlines"), "$.name", "must be one line"),
    (lambda d: d.update(name="x" * 121), "$.name", "one character too many: at most 120"),
    (lambda d: d.update(id="Mine Programme"), "$.id", "may use only lower-case"),
    (lambda d: d.update(kind="routine"), "$.kind", "must be 'programme'"),
    (lambda d: d["phases"][0]["routines"][0].update(often="hourly"),
     "$.phases[0].routines[0].often", "is not one of"),
    (lambda d: d.update(phasse=[]), "$.phasse", "did you mean 'phases'"),
    (lambda d: d.update(translations={"de": {"phases": [{}, {}, {}]}}),
     "$.translations.de.phases[2]", "only 2 phase(s)"),
    (lambda d: d.update(phases=[]), "$.phases", "at least one"),
])
def test_each_problem_is_said_where_it_is(change: Any, where: str, words: str) -> None:
    doc = minimal()
    change(doc)
    found = errors(doc)
    assert any(loc == where and words in msg for loc, msg in found), found


def test_the_problems_come_with_their_line() -> None:
    doc = minimal()
    doc["phases"][1]["routines"][0]["routine"] = "gone"
    with pytest.raises(ProtocolInvalid) as info:
        parse_programme(json.dumps(doc, indent=2).encode(), "mine.json", ROUTINES)
    (error,) = info.value.errors
    assert error.line is not None and '"gone"' in json.dumps(doc, indent=2).splitlines()[
        error.line - 1]


@pytest.mark.parametrize("data,words", [
    (b"", "file is empty"), (b"\xff\xfe", "not UTF-8"), (b"[1, 2]", "one JSON object"),
    (b'{"format": NaN}', "not valid JSON"), (b"{" * 100000, "not valid JSON"),
    (b" " * (P.MAX_PROGRAMME_BYTES + 1), "programmes may be at most 256 KiB"),
])
def test_bad_bytes_are_refused_with_a_reason(data: bytes, words: str) -> None:
    assert any(words in msg for _loc, msg in errors(data))


def test_a_routine_of_the_users_own_may_be_named(tmp_path: Path) -> None:
    doc = minimal()
    doc["phases"][0]["routines"][0]["routine"] = "my-routine"
    assert errors(doc) != []
    assert errors(doc, ROUTINES | {"my-routine"}) == []


def test_a_hostile_folder_never_stops_the_other_programmes(tmp_path: Path) -> None:
    user = tmp_path / "programmes"
    user.mkdir()
    (user / "good.json").write_text(json.dumps(minimal(id="good")))
    (user / "broken.json").write_text("{")
    (user / "zz-dup.json").write_text(json.dumps(minimal(id="good")))
    os.mkfifo(user / "fifo.json")
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(minimal(id="outside")))
    (user / "link.json").symlink_to(outside)
    (user / "override.json").write_text(json.dumps(minimal(id="stretch-around-every-run",
                                                           name="My stretching")))
    found = load_programmes(paths.bundled_programmes_dir(), user, ROUTINES)
    assert {p.id for p in found.programmes} == {"good", "soleus-loading-12-weeks",
                                               "stretch-around-every-run"}
    mine = found.get("stretch-around-every-run")
    assert mine is not None and mine.name == "My stretching" and mine.origin is Origin.USER
    why = {e.path.name: " ".join(err.message for err in e.errors) for e in found.broken}
    assert "not valid JSON" in why["broken.json"]
    assert "already used by" in why["zz-dup.json"]
    assert "not a regular file" in why["fifo.json"]
    assert "outside its folder" in why["link.json"]


JSON = st.recursive(st.none() | st.booleans() | st.integers(-10, 100) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, (*prefix, i))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_variants_are_refused_cleanly_and_never_looser_than_the_schema(
        data: st.DataObject) -> None:
    """Any value anywhere: the validator answers (never an exception of its own), and what
    the published schema refuses the validator refuses too."""
    doc = copy.deepcopy(minimal(translations={"de": {"name": "Meins", "phases": [
        {"name": "Erste", "labels": ["Absenken"]}]}}))
    where = data.draw(st.sampled_from(_paths(doc)))
    value = data.draw(JSON)
    node = doc
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    found = errors(doc, None)
    try:
        jsonschema.validate(doc, json.loads(SCHEMA.read_text()))
    except jsonschema.ValidationError:
        assert found, (where, value)


def test_the_example_in_the_docs_is_valid() -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    assert errors(example.encode()) == []
    jsonschema.validate(json.loads(example), json.loads(SCHEMA.read_text()))
