"""Hostile strings, and builders that put them into every text field of a protocol and of a
session. Shared by the tests of every surface that shows or writes such text."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from soleus_coach.checkin import CheckIn
from soleus_coach.history.records import EventRecord, SegmentRecord, SessionRecord, Status
from tests.conftest import minimal_protocol

#: Strings a protocol's one-line fields accept, each hostile in its own way.
ONE_LINE: dict[str, str] = {
    "img-dev-zero": "<img src=/dev/zero>",
    "img-fifo": "<img src='/tmp/soleus-fifo'> stretch",
    "link": "<a href='file:///etc/passwd'>click me</a>",
    "markup": "<b>bold</b><i>it</i><br><table><tr><td>x</td></tr></table>&amp;&lt;",
    "qt-rich": "<qt><h1>HUGE</h1></qt>",
    "formula-eq": "=cmd|' /C calc'!A0",
    "formula-plus": "+SUM(1,2)",
    "formula-minus": "-2+3+cmd|' /C calc'!A0",
    "formula-at": "@SUM(A1:A9)",
    "formula-fullwidth": "\uff1dcmd|' /C calc'!A0",
    "rtl-override": "\u202eevil override, then normal",
    "rtl-isolate-open": "\u2067unclosed isolate",
    "pdi-escape": "calf\u2069\u202eescaped the isolate",
    "arabic-digits": "تمدد ١٢٣ then 45",
    "hebrew": "מתיחה של השוק",
    "placeholders": "%1 %2 %n %% %3",
    "unbroken": "W" * 300,
    "zero-width": "a\u200bb\ufeffc\u200d",
    "emoji": "🦵🧊 calf 🏃‍♀️",
    "combining": "e\u0301\u0301\u0301\u0301 stretch",
}

#: Strings with line breaks: refused in a protocol's one-line fields; possible in a note or
#: anything a crafted history file holds.
MULTI_LINE: dict[str, str] = {
    "cr-formula": "Routine\r=cmd|' /C calc'!A0",
    "lf-formula": "Notes\n@SUM(A1)",
    "crlf-tab": "x\r\n\t=1+1",
    "line-separator": "a\u2028=HYPERLINK(\"http://x\")",
    "paragraph-separator": "a\u2029+1",
    "nel": "a\x85-1",
}

#: Substrings that must never reach a place that renders markup.
MARKERS = ("<img", "<a ", "<b>", "<qt>", "<table")

#: Every text field of a protocol, by a JSON path; its maximum length.
PROTOCOL_TEXT_FIELDS: dict[tuple[Any, ...], int] = {
    ("name",): 80,
    ("summary",): 500,
    ("author",): 200,
    ("source",): 500,
    ("steps", 0, "name"): 80,
    ("steps", 0, "instructions", 0): 300,
    ("steps", 0, "instructions", 1): 300,
    ("steps", 0, "caution"): 300,
    ("steps", 1, "name"): 80,
    ("steps", 1, "instructions", 0): 300,
}


def fit(text: str, limit: int) -> str:
    return text[:limit]


def set_path(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def hostile_protocol(key: str, text: str, *, limits: dict[tuple[Any, ...], int] | None = None
                     ) -> dict[str, Any]:
    """A valid protocol whose every text field holds ``text`` (cut to each field's length)."""
    doc = copy.deepcopy(minimal_protocol(id=f"hostile-{key}"))
    for path, limit in (limits or PROTOCOL_TEXT_FIELDS).items():
        set_path(doc, path, fit(text, limit))
    return doc


def hostile_session(uid: str, text: str, start: datetime | None = None) -> SessionRecord:
    """A session whose every text field holds ``text`` (as a crafted history file could)."""
    start = start or datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    rec = SessionRecord(uid=uid, protocol_id=text, protocol_name=text, protocol_digest=text,
                        started_at=start, planned_s=600, leg=text, status=Status.COMPLETED,
                        active_s=590, paused_s=3, ended_at=start + timedelta(seconds=600),
                        before=CheckIn(pain=3, swelling=True), after=CheckIn(pain=2),
                        notes=f"{text}\n{text}")
    rec.segments = [SegmentRecord(0, "hold", text, text, 1, 30, 30, "completed",
                                  start + timedelta(seconds=30))]
    rec.events = [EventRecord(start + timedelta(seconds=20), "it_hurts",
                              '{"segment": ' + _json(text) + ', "choice": "stop"}'),
                  EventRecord(start + timedelta(seconds=21), text, text)]
    return rec


def _json(text: str) -> str:
    import json

    return json.dumps(text)


ALL: dict[str, str] = {**ONE_LINE, **MULTI_LINE}


# ----------------------------------------------------------------------------- direction

_PARAGRAPH = re.compile("[\n\r\x1c\x1d\x1e\x85\u2029]")
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES = frozenset("\u2066\u2067\u2068")
_CONTROLS = _EMBEDDINGS | _ISOLATES | frozenset("\u202c\u2069\u200e\u200f\u061c")
#: Bidi classes that move text around them when they are not inside an isolate.
_MOVERS = frozenset({"R", "AL", "AN"})


def _bare(text: str) -> str:
    return "".join(c for c in text if c not in _CONTROLS and c not in "\u200b…").strip()


def direction_leaks(text: str, values: Iterable[str]) -> list[str]:
    """Why ``text`` (what a widget shows) could reorder the app's own words, as the Unicode
    bidi algorithm pairs its controls: a right-to-left letter or number, an embedding or an
    override that is not inside an isolate, or an isolate left open at the end of a
    paragraph (the app's words after it would be taken in). A paragraph that is nothing but
    one of the hostile ``values`` (or a cut of one) has no words of the app to reorder."""
    bare_values = [_bare(v) for v in values]
    problems = []
    for para in _PARAGRAPH.split(text):
        bare = _bare(para)
        if not bare or any(bare in v for v in bare_values):
            continue
        stack: list[str] = []
        for i, c in enumerate(para):
            if c in _ISOLATES:
                stack.append("i")
            elif c == "\u2069":
                if "i" in stack:
                    while stack.pop() != "i":
                        pass
            elif c == "\u202c":
                if stack and stack[-1] == "e":
                    stack.pop()
            elif "i" not in stack and (c in _EMBEDDINGS
                                       or unicodedata.bidirectional(c) in _MOVERS):
                problems.append(f"{c!r} at {i} outside an isolate in {para!r}")
                break
            elif c in _EMBEDDINGS:
                stack.append("e")
        else:
            if "i" in stack and not para.rstrip().endswith("…"):
                problems.append(f"an isolate left open in {para!r}")
    return problems
