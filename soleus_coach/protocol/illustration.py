"""Illustrations a protocol names: read safely, checked before Qt ever sees them. No Qt.

An SVG is a document that can point at other files (``<image xlink:href="/etc/…">``, CSS
``url(…)``, entities): Qt's SVG renderer would read them, breaking the promise that nothing
outside a protocol's folder is read (and a FIFO there would block the GUI). So an SVG may
only refer to itself (``#id``) or carry data inline (``data:``); anything else refuses the
file with a clear error. What it carries inline is checked the same way, to any depth: a PNG
must be a PNG, an SVG inside an SVG obeys the same rules (an ``<image>`` whose ``data:``
holds an SVG that points at ``/etc/…`` is refused), nesting stops at
:data:`MAX_DEPTH`, and no other kind of data is carried. A PNG must be a PNG of sensible
size (the GUI decodes it with an allocation limit too).

This is the one picture check: it runs when a protocol is validated, when a routine or a zip
is imported, when the editor copies a picture in, and again when the picture is shown or
printed, on the very bytes that are then handed to Qt (never a path Qt resolves itself).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from soleus_coach.protocol.files import FileTooLarge, NotRegularFile, read_regular_file

#: An illustration file may be at most this large.
MAX_BYTES = 2 * 1024 * 1024
#: A PNG may be at most this many pixels wide or high.
MAX_PNG_SIDE = 8192
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
_SAFE_REF = ("#", "data:")
#: How deep pictures may be nested inside pictures (an SVG's ``data:`` holding an SVG…).
MAX_DEPTH = 3
_DATA = re.compile(r"^data:([^;,]*)((?:;[^;,]*)*),(.*)$", re.IGNORECASE | re.DOTALL)


class IllustrationInvalid(ValueError):
    pass


def check_svg(data: bytes, depth: int = 0) -> None:
    """Raise :class:`IllustrationInvalid` unless ``data`` is a self-contained SVG (and every
    picture it carries inline is too)."""
    if depth > MAX_DEPTH:
        raise IllustrationInvalid(f"pictures nested more than {MAX_DEPTH} deep")
    head = data[:4096].lower()
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise IllustrationInvalid("an SVG may not declare a DOCTYPE or entities")
    if b"<?xml-stylesheet" in head or b"@import" in data.lower():
        raise IllustrationInvalid("an SVG may not load style sheets from elsewhere")
    import xml.etree.ElementTree as ET  # only for a user's picture, not at start-up

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise IllustrationInvalid(f"not a well-formed SVG ({exc})") from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise IllustrationInvalid("not an SVG (its root element is not <svg>)")
    for element in root.iter():
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local in ("href", "src"):
                _check_reference(value.strip(), depth)
            _check_urls(value, depth)
        _check_urls(element.text or "", depth)


def _check_reference(value: str, depth: int) -> None:
    lower = value.lower()
    if lower.startswith("#"):
        return
    if lower.startswith("data:"):
        _check_data(value, depth)
        return
    raise IllustrationInvalid(f"an SVG may only refer to itself (#…) or inline data "
                              f"(data:…), not {_short(value)}")


def _check_urls(text: str, depth: int) -> None:
    for target in _URL.findall(text):
        if not target.lower().startswith(_SAFE_REF):
            raise IllustrationInvalid(f"an SVG may not refer to url({_short(target)})")
        if target.lower().startswith("data:"):
            _check_data(target, depth)


def _check_data(uri: str, depth: int) -> None:
    """A ``data:`` URI's payload, checked as the picture it says it is."""
    import base64
    from urllib.parse import unquote_to_bytes

    match = _DATA.match(uri.strip())
    if match is None:
        raise IllustrationInvalid(f"an inline picture that is not a data: URI: {_short(uri)}")
    kind, params, payload = match.group(1).strip().lower(), match.group(2).lower(), \
        match.group(3)
    try:
        body = base64.b64decode(re.sub(r"\s+", "", payload), validate=True) \
            if ";base64" in params else unquote_to_bytes(payload)
    except ValueError:
        raise IllustrationInvalid("an inline picture whose data cannot be read") from None
    if len(body) > MAX_BYTES:
        raise IllustrationInvalid("an inline picture that is too large")
    if kind == "image/svg+xml":
        check_svg(body, depth + 1)
    elif kind == "image/png":
        check_png(body)
    else:
        raise IllustrationInvalid(f"an inline picture may be PNG or SVG, not {_short(kind)}")


def check_png(data: bytes) -> None:
    if not data.startswith(_PNG_MAGIC) or data[12:16] != b"IHDR" or len(data) < 24:
        raise IllustrationInvalid("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_PNG_SIDE and 0 < height <= MAX_PNG_SIDE):
        raise IllustrationInvalid(f"a PNG of {width}×{height} pixels is too large (at most "
                                  f"{MAX_PNG_SIDE} on a side)")


def read_illustration(path: Path) -> bytes:
    """The checked bytes of an illustration; :class:`IllustrationInvalid` for any problem
    (an unreadable file included)."""
    try:
        data = read_regular_file(path, MAX_BYTES, "illustrations", within=path.parent)
    except NotRegularFile:
        raise IllustrationInvalid("is not a regular file") from None
    except FileTooLarge as exc:
        raise IllustrationInvalid(str(exc)) from None
    except OSError as exc:
        raise IllustrationInvalid(f"cannot be read: {exc.strerror or exc}") from None
    check_bytes(data, path.suffix)
    return data


def check_bytes(data: bytes, suffix: str) -> None:
    """The one picture check, for a picture's bytes and its file's suffix."""
    if suffix.lower() == ".svg":
        check_svg(data)
    else:
        check_png(data)


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
