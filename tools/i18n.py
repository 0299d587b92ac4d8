"""Update the translation sources and compile them.

    python tools/i18n.py          # lupdate -> translations/*.ts, fill English plurals,
                                  # lrelease -> soleus_coach/translations/*.qm

English needs a translation file too: only for plurals ("%n session(s)" -> "1 session",
"2 sessions"), filled in here from the "(s)" in the source text.

A string whose code moved to another class keeps its translation: lupdate files it under
the new class (its context) as unfinished, and the translation it had under the old one is
carried over (the same source text, translated once already).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "soleus_coach" / "translations"
LANGUAGES = ("en", "de")


def _bin(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def _known(ts: Path) -> dict[str, ET.Element]:
    """Every finished translation in ``ts``, by source text."""
    if not ts.exists():
        return {}
    known: dict[str, ET.Element] = {}
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None:
            known.setdefault(message.findtext("source") or "", translation)
    return known


def carry_over(ts: Path, known: dict[str, ET.Element]) -> int:
    """Fill the unfinished messages of ``ts`` whose source was translated before (in
    another context); returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        old = known.get(message.findtext("source") or "")
        if translation is None or translation.get("type") != "unfinished" or old is None:
            continue
        message.remove(translation)
        message.append(old)
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def lupdate(lang: str) -> Path:
    ts = TS_DIR / f"soleus_coach_{lang}.ts"
    known = _known(ts)
    args = [_bin("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations",
            "none", "-source-language", "en", "-target-language", lang]
    if lang == "en":
        args.append("-pluralonly")
    run = [*args, str(ROOT / "soleus_coach"), "-ts", str(ts)]
    subprocess.run(run, check=True, stdout=subprocess.DEVNULL)
    if carry_over(ts, known):
        subprocess.run(run, check=True, stdout=subprocess.DEVNULL)  # in lupdate's own layout
    return ts


def fill_english_plurals(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        one = re.sub(r"\((e?s)\)", "", source)
        many = re.sub(r"\((e?s)\)", r"\1", source)
        forms[0].text, forms[1].text = one, many
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def lrelease(ts: Path) -> None:
    QM_DIR.mkdir(exist_ok=True)
    subprocess.run([_bin("pyside6-lrelease"), "-silent", str(ts), "-qm",
                    str(QM_DIR / ts.with_suffix(".qm").name)], check=True)


def main() -> int:
    TS_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = lupdate(lang)
        if lang == "en":
            fill_english_plurals(ts)
        lrelease(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
