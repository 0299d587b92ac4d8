"""Fill translations into a .ts file from a JSON table {context: {source: translation}}:

    python tools/ts_fill.py translations/soleus_coach_de.ts table.json
    python tools/ts_fill.py translations/soleus_coach_de.ts --from other.ts

With ``--from``, every message still unfinished takes the finished translation of the same
context and source in ``other.ts`` (merging the work of two branches). Then run
``make translations`` to compile the .qm files.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def finished(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") != "unfinished":
                out[(name, message.findtext("source") or "")] = tr
    return out


def main(argv: list[str]) -> int:
    target = Path(argv[0])
    tree = ET.parse(target)
    if argv[1] == "--from":
        known = finished(Path(argv[2]))
    else:
        table = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        known = {}
        for ctx, pairs in table.items():
            for source, text in pairs.items():
                el = ET.Element("translation")
                el.text = text
                known[(ctx, source)] = el
    filled = missing = 0
    for ctx in tree.iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            found = known.get((name, message.findtext("source") or ""))
            if found is None:
                missing += 1
                continue
            tr.attrib.pop("type", None)
            tr.text = found.text
            for child in list(tr):
                tr.remove(child)
            for child in found:
                tr.append(child)
            filled += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    print(f"{filled} filled, {missing} still unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
