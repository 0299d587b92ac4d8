"""Update the translation sources and compile them.

    python tools/i18n.py          # lupdate -> translations/*.ts, fill English plurals,
                                  # lrelease -> soleus_coach/translations/*.qm

English needs a translation file too: only for plurals ("%n session(s)" -> "1 session",
"2 sessions"), filled in here from the "(s)" in the source text.
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


def lupdate(lang: str) -> Path:
    ts = TS_DIR / f"soleus_coach_{lang}.ts"
    args = [_bin("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", "-locations",
            "none", "-source-language", "en", "-target-language", lang]
    if lang == "en":
        args.append("-pluralonly")
    subprocess.run([*args, str(ROOT / "soleus_coach"), "-ts", str(ts)], check=True,
                   stdout=subprocess.DEVNULL)
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
