"""Read and validate one protocol file. Never raises for bad input: every problem is
collected as a :class:`ProtocolError` with the file, the JSON path and, where it can be
found, the line."""

from __future__ import annotations

import errno
import functools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from soleus_coach.digest import sha256_hex
from soleus_coach.protocol import spec as S
from soleus_coach.protocol.files import (
    FileTooLarge,
    NotRegularFile,
    OutsideFolder,
    read_regular_file,
)
from soleus_coach.protocol.illustration import IllustrationInvalid, read_illustration
from soleus_coach.protocol.model import Protocol, max_duration_s
from soleus_coach.protocol.schema import protocol_spec
from soleus_coach.untrusted import has_line_break

#: Stop collecting after this many problems: the first ones are what a user fixes first.
MAX_ERRORS = 50


@dataclass(frozen=True, slots=True)
class ProtocolError:
    file: str
    location: str  # "$.steps[1].hold_s.default", or "" for the whole file
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.location
        if self.line is not None:
            where = f"{where} (line {self.line})" if where else f"line {self.line}"
        return f"{self.file}: {where}: {self.message}" if where else f"{self.file}: {self.message}"


class ProtocolInvalid(Exception):
    def __init__(self, errors: list[ProtocolError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class _Obj(dict[str, Any]):
    """A JSON object that remembers keys it saw twice."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Obj:
    obj = _Obj()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in a protocol (use a number)")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is too large")
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_pairs, parse_constant=_reject_constant, parse_float=_parse_float
)
_PATH_TOKEN = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_WS = re.compile(r"[ \t\n\r]*")


def _segments(location: str) -> list[str | int]:
    return [m.group(1) if m.group(1) is not None else int(m.group(2))
            for m in _PATH_TOKEN.finditer(location.removeprefix("$"))]


def locate_line(text: str, location: str) -> int | None:
    """The line where the value at ``location`` starts in already-valid JSON ``text``."""
    raw = json.JSONDecoder()
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    try:
        for seg in _segments(location):
            if isinstance(seg, str):
                if text[pos] != "{":
                    return None
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                found = None
                while text[pos] != "}":
                    key, pos = raw.raw_decode(text, pos)
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]  # ':'
                    if key == seg:
                        found = pos
                    _, pos = raw.raw_decode(text, pos)
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if text[pos] == ",":
                        pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if found is None:
                    return None
                pos = found
            else:
                if text[pos] != "[":
                    return None
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                for _ in range(seg):
                    _, pos = raw.raw_decode(text, pos)
                    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
                    if text[pos] != ",":
                        return None
                    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    except (ValueError, IndexError):
        return None
    return text.count("\n", 0, pos) + 1


class _Validator:
    def __init__(self, file: str, base_dir: Path | None, assets_dir: Path | None,
                 draft: bool = False):
        self.file = file
        self.base_dir = base_dir
        self.assets_dir = assets_dir
        self.errors: list[tuple[str, str]] = []
        #: A draft being edited may be unfinished: texts empty, lists short (not wrong).
        self.draft = draft

    def error(self, loc: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append((loc, message))

    def check(self, value: Any, spec: S.Spec, loc: str) -> bool:
        before = len(self.errors)
        self._check(value, spec, loc)
        return len(self.errors) == before

    def _check(self, value: Any, spec: S.Spec, loc: str) -> None:
        if isinstance(spec, S.Num):
            self._num(value, spec, loc)
        elif isinstance(spec, S.Str):
            self._str(value, spec, loc)
        elif isinstance(spec, S.FileRef):
            self._file(value, spec, loc)
        elif isinstance(spec, S.Arr):
            if not isinstance(value, list):
                self.error(loc, f"expected a list, got {_kind(value)}")
                return
            if len(value) < (0 if self.draft else spec.min_items):
                self.error(loc, f"{spec.verb} at least {_count(spec.min_items, spec.noun)}")
            elif len(value) > spec.max_items:
                self.error(loc, f"{_count(len(value) - spec.max_items, spec.noun)} too many: "
                           f"at most {spec.max_items}")
                return
            for i, item in enumerate(value):
                self._check(item, spec.items, f"{loc}[{i}]")
        elif isinstance(spec, S.Amount):
            self._amount(value, spec, loc)
        elif isinstance(spec, S.Dict):
            if not self._is_object(value, loc):
                return
            for key, item in value.items():
                if not re.fullmatch(spec.pattern, key):
                    self.error(f"{loc}.{key}", f"{_show(key)} is not a {spec.key_doc} such as "
                               "de or pt-BR")
                else:
                    self._check(item, spec.values, f"{loc}.{key}")
        elif isinstance(spec, S.Map):
            if not self._is_object(value, loc):
                return
            for key, item in value.items():
                if key not in spec.keys:
                    self.error(f"{loc}.{key}", "unknown cue name; expected one of "
                               + ", ".join(spec.keys))
                else:
                    self._check(item, spec.values, f"{loc}.{key}")
        elif isinstance(spec, S.OneOf):
            if not self._is_object(value, loc):
                return
            tag = value.get(spec.discriminator)
            if tag == "rounds" and tag not in spec.variants:
                self.error(f"{loc}.{spec.discriminator}", "rounds cannot hold rounds: write "
                           "these steps into the outer block (or make it more rounds)")
                return
            if not isinstance(tag, str) or tag not in spec.variants:
                self.error(f"{loc}.{spec.discriminator}",
                           f"unknown step kind {_show(tag)}; expected one of "
                           + ", ".join(spec.variants))
                return
            self._obj(value, spec.variants[tag], loc)
        else:
            if self._is_object(value, loc):
                self._obj(value, spec, loc)

    def _is_object(self, value: Any, loc: str) -> bool:
        if not isinstance(value, dict):
            self.error(loc, f"expected an object {{...}}, got {_kind(value)}")
            return False
        for key in getattr(value, "duplicates", ()):
            self.error(f"{loc}.{key}", "key appears twice in the same object")
        return True

    def _obj(self, value: dict[str, Any], spec: S.Obj, loc: str) -> None:
        for key in value:
            if key not in spec.fields:
                import difflib  # only on this error path (1.5 MiB at start-up otherwise)

                close = difflib.get_close_matches(key, list(spec.fields), n=1, cutoff=0.75)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.error(f"{loc}.{key}", f"unknown key{hint}; allowed here: "
                           + ", ".join(spec.fields))
        ok = True
        for name, fld in spec.fields.items():
            if name in value:
                ok = self.check(value[name], fld.spec, f"{loc}.{name}") and ok
            elif fld.required:
                self.error(loc, f"missing required key {name!r}")
                ok = False
        if spec.ordered_range and ok:
            default = spec.fields.get("default")
            unit = default.spec.unit if default and isinstance(default.spec, S.Num) else ""
            self._order(value, loc, unit)

    def _amount(self, value: Any, spec: S.Amount, loc: str) -> None:
        """A plain number (fixed), or ``{"default", "min"?, "max"?}`` (adjustable)."""
        if isinstance(value, dict):
            if not self._is_object(value, loc):
                return
            ok = True
            for key in value:
                if key not in ("default", "min", "max"):
                    self.error(f"{loc}.{key}", "unknown key; a dose is a number, or an object "
                               "with default and, optionally, min and max")
                    ok = False
            if "default" not in value:
                self.error(loc, "missing required key 'default' (a dose is a number, or an "
                           "object with default and, optionally, min and max)")
                return
            for key in ("default", "min", "max"):
                if key in value:
                    ok = self.check(value[key], spec.value, f"{loc}.{key}") and ok
            if ok:
                self._order(value, loc, spec.value.unit)
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(loc, f"expected a number, or an object with default and, optionally, "
                       f"min and max; got {_kind(value)}")
        else:
            self._num(value, spec.value, loc)

    def _order(self, value: dict[str, Any], loc: str, unit: str) -> None:
        default = value["default"]
        lo, hi = value.get("min", default), value.get("max", default)
        if lo > hi:
            self.error(f"{loc}.min", f"the least, {_q(lo, unit)}, is more than the most, "
                       f"{_q(hi, unit)}: lower the least or raise the most")
        elif default > hi:
            self.error(f"{loc}.default", f"{_q(default, unit)} is more than the most the "
                       f"runner may choose, {_q(hi, unit)}: raise the most or lower it")
        elif default < lo:
            self.error(f"{loc}.default", f"{_q(default, unit)} is less than the least the "
                       f"runner may choose, {_q(lo, unit)}: lower the least or raise it")

    def _num(self, value: Any, spec: S.Num, loc: str) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(loc, f"expected a number, got {_kind(value)}")
            return
        if spec.integer and not float(value).is_integer():
            self.error(loc, f"expected a whole number, got {_fmt(value)}")
        elif spec.minimum == spec.maximum and value != spec.minimum:
            self.error(loc, f"must be {_fmt(spec.minimum)}, got {_fmt(value)}")
        elif value > spec.maximum:
            more = ("too long" if spec.unit == "s" else "too many" if spec.integer
                    else "too high")
            by = f"{_q(value - spec.maximum, spec.unit)} " if value < 1e9 else ""
            self.error(loc, f"{_q(value, spec.unit)} is {by}{more}: at most "
                       f"{_q(spec.maximum, spec.unit)}")
        elif value < spec.minimum:
            if value < 0:
                self.error(loc, f"{_q(value, spec.unit)} is negative: at least "
                           f"{_q(spec.minimum, spec.unit)}")
            else:
                less = ("too short" if spec.unit == "s" else "too few" if spec.integer
                        else "too low")
                self.error(loc, f"{_q(value, spec.unit)} is "
                           f"{_q(spec.minimum - value, spec.unit)} {less}: at least "
                           f"{_q(spec.minimum, spec.unit)}")

    def _str(self, value: Any, spec: S.Str, loc: str) -> None:
        if not isinstance(value, str):
            self.error(loc, f"expected text, got {_kind(value)}")
            return
        if spec.const is not None:
            if value != spec.const:
                self.error(loc, f"must be {spec.const!r}")
            return
        if spec.enum:
            if value not in spec.enum:
                self.error(loc, f"{_show(value)} is not one of " + ", ".join(spec.enum))
            return
        if len(value) > spec.max_length:
            self.error(loc, f"{_count(len(value) - spec.max_length, _CHARACTERS)} too many: "
                       f"at most {spec.max_length}")
        elif len(value) < (0 if self.draft else spec.min_length):
            self.error(loc, "empty: write it" if not value else
                       f"{_count(spec.min_length - len(value), _CHARACTERS)} too few: at "
                       f"least {spec.min_length}")
        elif has_line_break(value):
            self.error(loc, "must be one line: it contains a line break (\\n, \\r or "
                       "another)")
        elif _CONTROL.search(value):
            self.error(loc, "contains control characters")
        elif spec.pattern and not re.fullmatch(spec.pattern, value):
            self.error(loc, f"{_show(value)} {spec.rule or 'does not have the right form'}")

    def _file(self, value: Any, spec: S.FileRef, loc: str) -> None:
        if not isinstance(value, str) or not value:
            self.error(loc, f"expected a file path, got {_kind(value)}")
            return
        target = resolve_file(value, spec, self.base_dir, self.assets_dir, self.error, loc)
        # A picture beside the protocol is checked now (the app's own are trusted, and
        # checked by the tests): it may refer to nothing outside itself.
        if (target is not None and self.base_dir is not None
                and spec.extensions == S.IMAGE_EXTENSIONS
                and not value.startswith(S.ASSET_PREFIX)):
            try:
                read_illustration(target)
            except IllustrationInvalid as exc:
                self.error(loc, f"{_show(value)}: {exc}")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@functools.lru_cache(maxsize=8)
def _resolved(folder: Path) -> Path:
    """A protocol folder's real path, once per folder rather than once per file it names
    (a library of 500 routines would otherwise walk the same folders 1,000 times)."""
    return folder.resolve()


def resolve_file(
    value: str,
    spec: S.FileRef,
    base_dir: Path | None,
    assets_dir: Path | None,
    error: Callable[[str, str], None],
    loc: str,
) -> Path | None:
    """Resolve a file a protocol names; it may not leave its folder (nor the app's assets)."""
    if not value.lower().endswith(spec.extensions):
        error(loc, f"{_show(value)}: expected a file ending in " + ", ".join(spec.extensions))
        return None
    if value.startswith(S.ASSET_PREFIX):
        root, rel = assets_dir, value[len(S.ASSET_PREFIX):]
    else:
        root, rel = base_dir, value
    if "\\" in rel or "\x00" in rel:
        error(loc, f"{_show(value)}: use forward slashes in paths")
        return None
    pure = PurePosixPath(rel)
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", rel):
        error(loc, f"{_show(value)}: must be a path relative to the protocol file, not absolute")
        return None
    if ".." in pure.parts:
        error(loc, f"{_show(value)}: may not leave the protocol's folder ('..')")
        return None
    if root is None:
        return Path(rel)  # validating text without a folder: shape only
    locate = _locate_asset if value.startswith(S.ASSET_PREFIX) else _locate
    target, problem = locate(root, pure)
    if problem == "unreadable":
        error(loc, f"{_show(value)}: cannot be read (a link loop?)")
        return None
    if problem == "outside":
        error(loc, f"{_show(value)}: points outside the protocol's folder (a link?)")
        return None
    if problem == "missing":
        error(loc, f"{_show(value)}: no such file beside the protocol")
        return None
    return target


def _locate(root: Path, rel: PurePosixPath) -> tuple[Path, str]:
    """The real path of ``root/rel`` and what is wrong with it: "", "outside", "missing",
    "unreadable" (a link loop, a name too long: any OS error is that file's problem)."""
    try:
        root = _resolved(root)
        target = (root / rel).resolve()
        if not target.is_relative_to(root):
            return target, "outside"
        return target, "" if target.is_file() else "missing"
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a link loop (Python < 3.13)
        return root / rel, "unreadable"


#: The app's own assets do not change while it runs: each is looked up once.
_locate_asset = functools.lru_cache(maxsize=256)(_locate)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {_fmt(value)}"
    if isinstance(value, str):
        return f"text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _q(x: float, unit: str) -> str:
    """A quantity with its unit; seconds in the one style every screen uses: ``45 s``,
    ``1 min 30 s``, ``25 min`` (:func:`soleus_coach.protocol.describe.duration_text`)."""
    if unit == "s" and 0 <= x < 1e9 and float(x * 10).is_integer():
        from soleus_coach.protocol.describe import duration_words

        return duration_words(x)
    return f"{_fmt(x)} {unit}" if unit else _fmt(x)


_CHARACTERS = ("character", "characters")


def _count(n: int, noun: tuple[str, str]) -> str:
    """``one instruction``, ``2 instructions``."""
    return f"one {noun[0]}" if n == 1 else f"{n} {noun[1]}"


def _fmt(x: float) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x) if isinstance(x, float) else str(x)


# --------------------------------------------------------------------------- loading


def decode_json(data: bytes, file: str, *, limit: int = S.MAX_FILE_BYTES,
                what: str = "protocols") -> tuple[dict[str, Any], str]:
    """The JSON object in ``data`` and its text: the one reading of a file of the format's
    family (routines, programmes). Raises :class:`ProtocolInvalid` for a file that is too
    large (``limit`` bytes; ``what`` names the kind of file in the message), empty, not
    UTF-8, not JSON (NaN, Infinity and over-long numbers included) or not one object."""

    def fail(message: str, line: int | None = None) -> ProtocolInvalid:
        return ProtocolInvalid([ProtocolError(file, "", message, line)])

    if len(data) > limit:
        raise fail(f"file is {len(data) / 1024 / 1024:.1f} MiB; {what} may be at most "
                   f"{limit // 1024} KiB")
    if not data.strip():
        raise fail("file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start})"
                   ) from None
    try:
        doc = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise fail(f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise fail("not valid JSON: nested too deeply") from None
    except ValueError as exc:  # NaN/Infinity, huge numbers, over-long integers
        raise fail(f"not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise fail(f"expected one JSON object {{...}} at the top, got {_kind(doc)}")
    return doc, text


def walk(doc: Any, spec: S.Obj, file: str) -> list[tuple[str, str]]:
    """Every problem of ``doc`` against ``spec`` as (JSON path, message): the same walk a
    routine gets, for another document of the family (a programme) that names no files."""
    v = _Validator(file, None, None)
    v.check(doc, spec, "$")
    return v.errors


def invalid(file: str, text: str, errors: list[tuple[str, str]]) -> ProtocolInvalid:
    """The problems found in ``text`` as one exception, each with its line where found."""
    return ProtocolInvalid([ProtocolError(file, loc, msg, locate_line(text, loc) if loc
                                          else None) for loc, msg in errors[:MAX_ERRORS]])


def parse_bytes(
    data: bytes,
    file: str,
    base_dir: Path | None = None,
    assets_dir: Path | None = None,
    *,
    draft: bool = False,
) -> Protocol:
    """Validate ``data`` as a protocol; raise :class:`ProtocolInvalid` with every problem.
    A ``draft`` (an editor's, kept when the app was told to quit) may be unfinished: its
    texts may be empty and its lists short; everything else is checked as for a file."""
    doc, text = decode_json(data, file)
    v = _Validator(file, base_dir, assets_dir, draft)
    raw_version = doc.get("format")
    known = next((f for f in S.FORMATS if raw_version == f and not isinstance(raw_version, bool)),
                 None)
    if known is None and "format" in doc:
        v.error("$.format", f"{_show(raw_version)} is not a format this app reads; write "
                f"\"format\": {S.FORMAT_VERSION} (format 1 is still read too)")
    # An unknown format is checked as the current one, so every other problem is said too.
    version = known or S.FORMAT_VERSION
    if v.check(doc, protocol_spec(version), "$") and known is not None:
        from soleus_coach.protocol import build

        if version != 1:
            build.check_v2(doc, v.error)
        if not v.errors:
            protocol = build.build(doc, version, lambda rel, kind: _resolve_valid(
                rel, kind, base_dir, assets_dir), sha256_hex(data))
            total = max_duration_s(protocol)
            if total <= S.PROTOCOL_MAX_TOTAL_S:
                return protocol
            v.error("$.steps", f"the routine could last {total / 3600:.1f} hours; at most "
                    f"{S.PROTOCOL_MAX_TOTAL_S // 3600} hours are allowed")
    raise invalid(file, text, v.errors)


def read_guarded(path: Path, *, limit: int = S.MAX_FILE_BYTES, what: str = "protocols"
                 ) -> bytes:
    """The bytes of a file of the user's folders, or :class:`ProtocolInvalid` saying why not.

    Only a regular file in its own folder is read: a link that leads out of the folder is
    refused (it would read a file the user never put there), and so is anything that is not
    a plain file (a FIFO would block forever, a device would never end)."""
    def fail(message: str) -> ProtocolInvalid:
        return ProtocolInvalid([ProtocolError(path.name, "", message)])

    try:
        return read_regular_file(path, limit, what, within=path.parent)
    except OutsideFolder:
        raise fail(f"is a link to {_real(path)}, outside its folder; copy the file here "
                   "instead") from None
    except FileTooLarge as exc:
        raise fail(str(exc)) from None
    except NotRegularFile:
        raise fail("is not a regular file") from None
    except RuntimeError:  # a link loop, before Python 3.13
        raise fail("cannot read: a link loop (the link leads back to itself)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail("cannot read: a link loop (the link leads back to itself)") from None
        raise fail(f"cannot read: {exc.strerror or exc}") from None


def load_file(path: Path, assets_dir: Path | None = None) -> Protocol:
    """Read and validate a protocol file; :class:`ProtocolInvalid` for any problem (see
    :func:`read_guarded` for which files are read at all)."""
    protocol = parse_bytes(read_guarded(path), path.name, path.parent, assets_dir)
    return _with_path(protocol, path)


def _real(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return "?"


def _with_path(p: Protocol, path: Path) -> Protocol:
    from dataclasses import replace

    return replace(p, path=path)


def _resolve_valid(rel: str, extensions: tuple[str, ...], base: Path | None,
                   assets: Path | None) -> Path:
    """A file the validator has already accepted, resolved again for the model."""
    path = resolve_file(rel, S.FileRef(extensions), base, assets, _ignore, "")
    assert path is not None
    return path


def _ignore(_loc: str, _msg: str) -> None:
    raise AssertionError("validated file failed to resolve")  # pragma: no cover
