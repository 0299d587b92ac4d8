"""Fill unfinished translations of a .ts file from a JSON table of source → translation.

    python tools/fill_ts.py translations/soleus_coach_de.ts table.json

For plurals, the value is a list of forms. Entries the table lacks stay unfinished (and
the German test says which). Run tools/i18n.py afterwards to compile.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, table: dict[str, str | list[str]]) -> int:
    tree = ET.parse(ts)
    done = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished" or source not in table:
            continue
        value = table[source]
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value, value]
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value if isinstance(value, str) else value[0]
        del translation.attrib["type"]
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


if __name__ == "__main__":
    print(fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))))
