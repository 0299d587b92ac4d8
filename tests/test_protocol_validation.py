"""Every validation rule, each with a failing example, plus fuzzing of the loader."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import paths
from soleus_coach.protocol import (
    IceStep,
    Protocol,
    ProtocolInvalid,
    StretchStep,
    load_file,
    parse_bytes,
)
from soleus_coach.protocol.spec import MAX_FILE_BYTES
from tests.conftest import minimal_protocol, write_protocol


def errors_of(doc: Any, name: str = "my-routine.json", base: Path | None = None) -> list[str]:
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    with pytest.raises(ProtocolInvalid) as info:
        parse_bytes(data, name, base, paths.assets_dir())
    return [str(e) for e in info.value.errors]


def with_step(**changes: Any) -> dict[str, Any]:
    doc = minimal_protocol()
    doc["steps"][0].update(changes)
    return doc


def test_minimal_protocol_is_valid() -> None:
    p = parse_bytes(json.dumps(minimal_protocol()).encode(), "x.json")
    assert isinstance(p, Protocol)
    stretch, ice = p.steps
    assert isinstance(stretch, StretchStep) and stretch.hold_s.default == 30
    assert isinstance(ice, IceStep) and ice.duration_s.maximum == 1200
    assert len(p.digest) == 64


def test_error_names_file_path_and_line_like_the_issue_example() -> None:
    doc = minimal_protocol()
    doc["steps"].insert(0, {"kind": "rest", "name": "Rest", "duration_s": 5})
    doc["steps"][1]["hold_s"]["default"] = 45
    text = json.dumps(doc, indent=2).encode()
    with pytest.raises(ProtocolInvalid) as info:
        parse_bytes(text, "my-routine.json")
    (err,) = info.value.errors
    assert err.file == "my-routine.json"
    assert err.location == "$.steps[1].hold_s.default"
    assert err.message == ("45 s is more than the most the runner may choose, 30 s: raise "
                           "the most or lower it")
    expected_line = next(i for i, line in enumerate(text.decode().splitlines(), 1)
                         if '"default": 45' in line)
    assert err.line == expected_line
    assert str(err).startswith("my-routine.json: $.steps[1].hold_s.default (line ")


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (with_step(hold_s={"default": 25, "min": 20, "max": 150}),
         "$.steps[0].hold_s.max (line 1): 2 min 30 s is 30 s too long: at most 2 min"),
        (with_step(hold_s={"default": 10, "min": 20, "max": 30}),
         "$.steps[0].hold_s.default (line 1): 10 s is less than the least the runner may "
         "choose, 20 s"),
        (with_step(hold_s={"default": 25, "min": 30, "max": 20}),
         "$.steps[0].hold_s.min (line 1): the least, 30 s, is more than the most, 20 s"),
        (with_step(rest_s=-5), "$.steps[0].rest_s (line 1): -5 s is negative"),
        (with_step(rest_s=1e308), "1e+308 s is too long: at most 2 min"),
        (with_step(rest_s="10"), "$.steps[0].rest_s (line 1): expected a number, got text '10'"),
        (with_step(rest_s=True), "expected a number, got true/false"),
        (with_step(reps={"default": 2.5, "min": 2, "max": 4}), "expected a whole number, got 2.5"),
        (with_step(kind="yoga"), "$.steps[0].kind (line 1): unknown step kind 'yoga'"),
        (with_step(sides="up"), "'up' is not one of left, right, both, injured-first"),
        (with_step(holds_s=3), "unknown key (did you mean 'hold_s'?)"),
        (with_step(instructions=[]), "write at least one instruction"),
        (with_step(name="bad\x07bell"), "contains control characters"),
        (with_step(illustration="../secret.svg"), "may not leave the protocol's folder"),
        (with_step(illustration="/etc/passwd.svg"), "not absolute"),
        (with_step(illustration="C:/x.svg"), "not absolute"),
        (with_step(illustration="pic.gif"), "expected a file ending in .svg, .png"),
        (with_step(illustration="missing.svg"), "no such file beside the protocol"),
        (with_step(sounds={"bogus": "a.wav"}),
         "$.steps[0].sounds.bogus (line 1): unknown cue name"),
        (minimal_protocol(id="Has Spaces"),
         "may use only lower-case ASCII letters a–z, digits 0–9 and dashes"),
        (minimal_protocol(when="lunchtime"), "is not one of pre-run, post-run, any"),
        (minimal_protocol(format=3), "$.format (line 1): 3 is not a format this app reads"),
        (minimal_protocol(steps=[]), "$.steps (line 1): add at least one step"),
        (minimal_protocol(extra=1), "$.extra (line 1): unknown key"),
        ({k: v for k, v in minimal_protocol().items() if k != "name"},
         "$ (line 1): missing required key 'name'"),
    ],
)
def test_each_rule_rejects_with_a_located_message(doc: Any, expected: str) -> None:
    errs = errors_of(doc, base=Path("/nonexistent-folder"))
    assert any(expected in e for e in errs), errs


def test_ice_can_never_exceed_twenty_minutes() -> None:
    doc = minimal_protocol()
    doc["steps"][1]["duration_s"] = {"default": 1500, "min": 300, "max": 1500}
    errs = errors_of(doc)
    assert any("25 min is 5 min too long: at most 20 min" in e for e in errs), errs


def test_absurd_total_duration_is_rejected() -> None:
    rest = {"kind": "rest", "name": "Wait", "duration_s": 1800}
    errs = errors_of(minimal_protocol(steps=[rest] * 7))
    assert any("at most 3 hours" in e for e in errs), errs


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "file is empty"),
        (b"   \n", "file is empty"),
        (b'{"format": 1, "id": ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text (bad byte 0xff at offset 0)"),
        (b"[1, 2, 3]", "expected one JSON object {...} at the top, got a list"),
        (b'"just text"', "got text"),
        (b'{"rest_s": NaN}', "NaN is not allowed"),
        (b'{"rest_s": Infinity}', "Infinity is not allowed"),
        (b'{"rest_s": -Infinity}', "-Infinity is not allowed"),
        (b'{"rest_s": 1e400}', "is too large"),
        (b'{"rest_s": ' + b"9" * 5000 + b"}", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"id": "a", "id": "b"}', "$.id (line 1): key appears twice in the same object"),
    ],
)
def test_malformed_files_get_a_clean_error(data: bytes, expected: str) -> None:
    errs = errors_of(data)
    assert any(expected in e for e in errs), errs


def test_utf8_bom_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + json.dumps(minimal_protocol()).encode()
    assert parse_bytes(data, "bom.json").id == "test-routine"


def test_file_over_one_mib_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(ProtocolInvalid) as info:
        load_file(path)
    assert "at most 1024 KiB" in str(info.value)
    assert parse_bytes is not None and MAX_FILE_BYTES == 1024 * 1024


def test_a_million_steps_is_refused_quickly() -> None:
    step = {"kind": "rest", "name": "r", "duration_s": 1}
    data = json.dumps(minimal_protocol(steps=[step] * 1_000_000)).encode()
    errs = errors_of(data)
    assert any("KiB" in e for e in errs), errs


def test_rich_text_and_rtl_marks_load_as_plain_strings() -> None:
    name = "<b>bold</b><img src=x> \u202eevil"
    p = parse_bytes(json.dumps(minimal_protocol(name=name)).encode(), "x.json")
    assert p.name == name  # kept verbatim; the GUI shows it as plain text


def test_files_resolve_beside_the_protocol_and_never_outside(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "pose.svg").write_text("<svg/>")
    (folder / "go.wav").write_bytes(b"RIFF")
    outside = tmp_path / "outside.svg"
    outside.write_text("<svg/>")
    os.symlink(outside, folder / "link.svg")

    ok = with_step(illustration="pics/pose.svg", sounds={"hold_start": "go.wav"})
    p = load_file(write_protocol(folder, "ok.json", ok))
    step = p.steps[0]
    assert isinstance(step, StretchStep)
    assert step.illustration == (folder / "pics" / "pose.svg").resolve()
    assert p.path == folder / "ok.json"

    bad = write_protocol(folder, "bad.json", with_step(illustration="link.svg"))
    with pytest.raises(ProtocolInvalid) as info:
        load_file(bad)
    assert "points outside the protocol's folder" in str(info.value)


def test_asset_prefix_resolves_into_the_apps_assets_only() -> None:
    doc = with_step(illustration="asset:illustrations/soleus-wall-stretch.svg")
    p = parse_bytes(json.dumps(doc).encode(), "x.json", Path("/tmp"), paths.assets_dir())
    step = p.steps[0]
    assert isinstance(step, StretchStep) and step.illustration is not None
    assert step.illustration.is_relative_to(paths.assets_dir().resolve())
    errs = errors_of(with_step(illustration="asset:../pyproject.svg"))
    assert any("may not leave" in e for e in errs)


def test_errors_are_all_collected_not_just_the_first() -> None:
    doc = minimal_protocol(when="never", id="BAD ID")
    doc["steps"][0]["rest_s"] = -1
    assert len(errors_of(doc)) == 3


# --------------------------------------------------------------------------- fuzzing

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


def _load_or_clean_error(data: bytes) -> None:
    try:
        p = parse_bytes(data, "fuzz.json", Path("/nonexistent"), paths.assets_dir())
    except ProtocolInvalid as exc:
        assert exc.errors, "an invalid file must say why"
        for err in exc.errors:
            assert err.file == "fuzz.json" and err.message
    else:
        assert isinstance(p, Protocol)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_protocol_or_a_clean_error(data: bytes) -> None:
    _load_or_clean_error(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_arbitrary_json_values_give_a_protocol_or_a_clean_error(value: Any) -> None:
    _load_or_clean_error(json.dumps(value).encode())


def _paths_in(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths_in(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths_in(v, (*prefix, i))
    return out


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutating_one_value_of_a_valid_file_gives_a_protocol_or_a_clean_error(
    data: st.DataObject,
) -> None:
    doc = minimal_protocol()
    target = data.draw(st.sampled_from(_paths_in(doc)[1:]))
    mutated = copy.deepcopy(doc)
    node = mutated
    for key in target[:-1]:
        node = node[key]
    node[target[-1]] = data.draw(json_values)
    _load_or_clean_error(json.dumps(mutated).encode())
