"""The XML guard (issue 24's finding): a DTD or an entity is refused wherever it stands in a
GPX or TCX file — after comments, processing instructions, blanks, byte-order marks, in any
case, in any encoding — and never expands into a run. Generated variants, through the one
path every GPX and TCX file takes (``parse_bytes``)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach.runs.model import RunProblem
from soleus_coach.runs.parse import parse_bytes
from tests.runfiles import Track, gpx, tcx

SECRET = "EXPANDED-ENTITY"
BODY = {"gpx": gpx(Track(name="&e;")).split("?>", 1)[1],
        "tcx": tcx(Track(name="&e;")).split("?>", 1)[1]}
PLAIN = {"gpx": gpx(Track()).split("?>", 1)[1], "tcx": tcx(Track()).split("?>", 1)[1]}

prefix_part = st.sampled_from([
    " ", "\n", "\r\n", "\t", "\ufeff", "<!-- a comment -->", "<!---->",
    "<?xml-stylesheet href='x.xsl'?>", "<?pi?>", "<!-- <!DOCTYPE x> -->",
])
doctype_word = st.sampled_from(["DOCTYPE", "doctype", "DocType", "DOCTYPE "])
declaration = st.sampled_from([
    f'<!ENTITY e "{SECRET}">',
    f'<!ENTITY e "{SECRET}"><!ENTITY f "&e;&e;&e;">',
    '<!ENTITY e SYSTEM "file:///etc/hostname">',
    f'<!ENTITY % p "{SECRET}"><!ENTITY e "x">',
    "",
])
encoding = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"])


def _document(kind: str, before: list[str], after: list[str], word: str, decl: str,
              root: str) -> str:
    head = '<?xml version="1.0"?>' if not before else ""
    subset = f" [{decl}]" if decl else ' SYSTEM "http://example.invalid/x.dtd"'
    return (head + "".join(before) + f"<!{word} {root}{subset}>" + "".join(after) +
            BODY[kind])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["gpx", "tcx"]), st.lists(prefix_part, max_size=4),
       st.lists(prefix_part, max_size=3), doctype_word, declaration, encoding,
       st.booleans())
def test_a_dtd_anywhere_is_refused_and_never_expands(kind: str, before: list[str],
                                                     after: list[str], word: str, decl: str,
                                                     enc: str, declared: bool) -> None:
    root = "gpx" if kind == "gpx" else "TrainingCenterDatabase"
    doc = _document(kind, before, after, word, decl, root)
    if declared and enc == "latin-1":
        doc = '<?xml version="1.0" encoding="ISO-8859-1"?>' + doc.removeprefix(
            '<?xml version="1.0"?>')
    data = doc.encode(enc, errors="replace") if enc != "utf-16" else doc.encode("utf-16")
    try:
        found = parse_bytes(data, f"x.{kind}")
    except RunProblem as exc:
        text = str(exc)
        assert "\n" not in text and SECRET not in text
        assert any(w in text for w in ("DOCTYPE", "not valid", "not readable")), text
        return
    raise AssertionError(f"a document with a DTD was read: {found}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["gpx", "tcx"]), st.sampled_from(["", " ", "\r\n", "\ufeff",
                                                       "\ufeff\n  ", "\n\ufeff"]),
       st.lists(prefix_part.filter(lambda p: p != "\ufeff"), max_size=5), encoding)
def test_what_only_looks_like_a_doctype_is_read(kind: str, lead: str, before: list[str],
                                                enc: str) -> None:
    """Blanks and byte-order marks before the declaration, comments and instructions after
    it (even a comment that mentions a DOCTYPE) are no DTD: the run is read."""
    declared = ' encoding="ISO-8859-1"' if enc == "latin-1" else ""
    if enc == "latin-1":  # no byte-order mark in Latin-1
        lead = lead.replace("\ufeff", "")
    doc = lead + f'<?xml version="1.0"{declared}?>' + "".join(before) + PLAIN[kind]
    (run,) = parse_bytes(doc.encode(enc, errors="replace"), f"x.{kind}").runs
    assert run.distance_m > 4990


def test_the_probe_s_case_a_comment_before_the_doctype() -> None:
    doc = (f'<?xml version="1.0"?><!-- exported --><!DOCTYPE gpx [<!ENTITY e "{SECRET}">]>'
           + BODY["gpx"])
    try:
        parse_bytes(doc.encode(), "probe.gpx")
    except RunProblem as exc:
        assert "DOCTYPE" in str(exc)
    else:
        raise AssertionError("read")
