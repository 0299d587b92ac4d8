"""Illustrations a protocol names: read safely, checked before Qt ever sees them. No Qt.

An SVG is a document that can point at other files (``<image xlink:href="/etc/…">``, CSS
``url(…)``, entities): Qt's SVG renderer would read them, breaking the promise that nothing
outside a protocol's folder is read (and a FIFO there would block the GUI). So an SVG may
only refer to itself (``#id``) or carry data inline (``data:``); anything else refuses the
file with a clear error. A PNG must be a PNG of sensible size (the GUI decodes it with an
allocation limit too). The same check runs when a protocol is validated and again when the
picture is shown, on the bytes that are shown.
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


class IllustrationInvalid(ValueError):
    pass


def check_svg(data: bytes) -> None:
    """Raise :class:`IllustrationInvalid` unless ``data`` is a self-contained SVG."""
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
            if local in ("href", "src") and not value.strip().lower().startswith(_SAFE_REF):
                raise IllustrationInvalid(
                    f"an SVG may only refer to itself (#…) or inline data (data:…), not "
                    f"{_short(value)}")
            _check_urls(value)
        _check_urls(element.text or "")


def _check_urls(text: str) -> None:
    for target in _URL.findall(text):
        if not target.lower().startswith(_SAFE_REF):
            raise IllustrationInvalid(f"an SVG may not refer to url({_short(target)})")


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
        data = read_regular_file(path, MAX_BYTES, "illustrations")
    except NotRegularFile:
        raise IllustrationInvalid("is not a regular file") from None
    except FileTooLarge as exc:
        raise IllustrationInvalid(str(exc)) from None
    except OSError as exc:
        raise IllustrationInvalid(f"cannot be read: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".svg":
        check_svg(data)
    else:
        check_png(data)
    return data


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
