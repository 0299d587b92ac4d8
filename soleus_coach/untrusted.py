"""Text that came from a file (a protocol, the history, a GPS file) is untrusted. No Qt.

What such text may do on a screen is decided here, once, for every surface:

- **Line breaks.** One-line fields (names, summaries) hold none; :func:`one_line` folds any
  that a file smuggled in (``\\r``, U+2028 …) into spaces before they reach a one-line place.
- **Direction.** A right-to-left override (U+202E) in one value must not reverse the text
  around it or the next line: :func:`isolate` wraps a value in FSI … PDI, which closes every
  embedding opened inside it (Unicode bidi algorithm, rule X6a).
- **Terminals.** :func:`for_terminal` escapes control characters and bidi controls, so a
  name cannot move the cursor, clear the screen or reorder a line of the command line's output.
- **Spreadsheets.** :func:`csv_cell` keeps a cell from starting a formula, on every line of
  it, and within a spreadsheet cell's size.

Markup is the GUI's business (``soleus_coach.gui.common.plain``): Qt must never guess rich text.
"""

from __future__ import annotations

import re
import unicodedata

#: Every character that ends a line somewhere: Python's ``str.splitlines`` set.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK_RE = re.compile("\r\n|[" + re.escape(LINE_BREAKS) + "]")

FSI = "\u2068"  # first strong isolate
PDI = "\u2069"  # pop directional isolate
#: Bidirectional classes that can change the direction of the text around them.
_BIDI_ACTIVE = frozenset({"R", "AL", "AN", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI",
                          "FSI", "PDI"})

#: A spreadsheet cell holds at most this many characters (Excel, LibreOffice).
SPREADSHEET_CELL_MAX = 32_767
CSV_TRUNCATED = " … [cut here: the JSON export has the whole text]"
#: A cell (or a line of it) starting with one of these is run as a formula by spreadsheets;
#: the full-width forms are folded to these by some of them.
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def has_line_break(text: str) -> bool:
    return any(c in LINE_BREAKS for c in text)


def lines(text: str) -> list[str]:
    """``text`` split on every kind of line break."""
    return _LINE_BREAK_RE.split(text)


def one_line(text: str) -> str:
    """Any line break in ``text`` becomes a space: for places that show one line."""
    return _LINE_BREAK_RE.sub(" ", text) if has_line_break(text) else text


def needs_isolation(text: str) -> bool:
    # No ASCII character has a bidi class that can change direction: most texts are
    # answered without looking at each character (the plan builder asks 30 times a step).
    return not text.isascii() and any(unicodedata.bidirectional(c) in _BIDI_ACTIVE
                                      for c in text)


_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI
_PDF = "\u202c"


def balanced(text: str) -> str:
    """``text`` with its bidi controls nested as the algorithm pairs them: a closer with
    nothing open inside ``text`` (a PDI that would close the app's own isolate and let an
    override out) is dropped, and whatever ``text`` leaves open is closed at its end."""
    if text.isascii():
        return text
    out: list[str] = []
    stack: list[str] = []  # "e" for an embedding or override, "i" for an isolate
    for c in text:
        if c in _EMBEDDINGS:
            stack.append("e")
        elif c in _ISOLATES:
            stack.append("i")
        elif c == _PDF:
            if not stack or stack[-1] != "e":
                continue  # closes nothing of this text's own
            stack.pop()
        elif c == PDI:
            if "i" not in stack:
                continue
            while stack.pop() != "i":
                pass
        out.append(c)
    out.extend(_PDF if kind == "e" else PDI for kind in reversed(stack))
    return "".join(out)


def isolate(text: str) -> str:
    """``text`` wrapped in FSI … PDI when it holds anything that can change direction, so
    that it cannot reorder what stands around it; otherwise unchanged. Its own controls are
    :func:`balanced` first: a stray PDI in it cannot close the wrapper early."""
    return f"{FSI}{balanced(text)}{PDI}" if needs_isolation(text) else text


def shown(text: str) -> str:
    """A string from a file (a name, a label, a file's name) made safe to stand inside a line
    of the app's own words: one line, direction isolated. The one text path: every such
    string that is composed into a longer text goes through here (or through
    :func:`soleus_coach.texts.fill`, which isolates each value)."""
    return isolate(one_line(text))


def named(name: str, suffix: str, limit: int) -> str:
    """A new name made of a file's ``name`` and the app's ``suffix`` (" (my version)"): the
    name :func:`shown`, cut with "…" so that the whole stays within ``limit`` characters."""
    keep = len(name)
    while True:
        base = name if keep == len(name) else name[:keep] + "…"
        out = shown(base) + suffix
        if len(out) <= limit or keep == 0:
            return out
        keep = max(0, min(keep - 1, keep - (len(out) - limit)))


def unnamed(name: str, suffix: str) -> str:
    """The file's name back from :func:`named` (when it was not cut)."""
    base = name.removesuffix(suffix)
    if base.startswith(FSI) and base.endswith(PDI):
        base = base[1:-1]
    return base


def isolate_lines(text: str) -> str:
    """Each line of ``text`` isolated on its own (an override never leaks to the next)."""
    if not needs_isolation(text):
        return text
    return "\n".join(isolate(line) for line in lines(text))


def csv_cell(text: str) -> str:
    """A text cell that no spreadsheet runs as a formula, whether it keeps the cell whole or
    splits it at line breaks: every line that would start one gets an apostrophe. Cut to a
    spreadsheet cell's size (the JSON export keeps everything)."""
    out = _LINE_BREAK_RE.sub(lambda m: m.group(0) + "'" if _starts_formula(
        text, m.end()) else m.group(0), text)
    if _starts_formula(text, 0):
        out = "'" + out
    if len(out) > SPREADSHEET_CELL_MAX:
        out = out[: SPREADSHEET_CELL_MAX - len(CSV_TRUNCATED)] + CSV_TRUNCATED
    return out


def _starts_formula(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos] in _FORMULA_START


#: Bidi controls that a terminal would obey (embeddings, overrides, isolates, marks).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                           "\u200e\u200f\u061c")


def for_terminal(text: str) -> str:
    """``text`` safe to print: every character that is not printable, and every bidi
    control, written as ``\\xNN`` (file names and values on the command line)."""
    return "".join(c if c.isprintable() and c not in _BIDI_CONTROLS else f"\\x{ord(c):02x}"
                   for c in text)


#: A spoken phrase longer than this is cut (a runner will not listen to a page).
SPEECH_MAX_CHARS = 400


def for_speech(text: str) -> str:
    """``text`` as a speech engine may read it: every control, format (bidi, zero-width),
    private or unassigned character and every line break becomes a space, runs of spaces
    become one, and it is cut to
    :data:`SPEECH_MAX_CHARS` at a word. It still goes to the engine as data, never as an
    option or markup (see :mod:`soleus_coach.audio.speech`)."""
    cleaned = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > SPEECH_MAX_CHARS:
        cleaned = cleaned[:SPEECH_MAX_CHARS].rsplit(" ", 1)[0]
    return cleaned
