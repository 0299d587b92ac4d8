"""Fill a .ts file from a Python table of translations (used once to write the German one).

``python tools/fill_translation.py translations/soleus_coach_de.ts TABLE.py`` where TABLE.py
defines ``DE = {(context, source): text or (one, many)}``. Prints what is still missing.
Day-to-day, edit the .ts file in Qt Linguist (``pyside6-linguist``) instead.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts: str, table: str) -> int:
    translations = runpy.run_path(table)["DE"]
    tree = ET.parse(ts)
    missing = []
    for ctx in tree.iter("context"):
        name = ctx.findtext("name")
        for message in ctx.iter("message"):
            key = (name, message.findtext("source"))
            translation = message.find("translation")
            assert translation is not None
            if key not in translations:
                if translation.get("type") == "unfinished":
                    missing.append(key)
                continue
            value = translations[key]
            if message.get("numerus") == "yes":
                forms = translation.findall("numerusform")
                while len(forms) < 2:
                    ET.SubElement(translation, "numerusform")
                    forms = translation.findall("numerusform")
                forms[0].text, forms[1].text = value
            else:
                translation.text = value
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    for key in missing:
        print("missing:", key)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
