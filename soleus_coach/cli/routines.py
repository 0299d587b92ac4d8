"""``soleus-coach import FILE...``: routines (a ``.json``, or a shared ``.zip``) into your
own folder, with the same checks as File → Import in the window. No Qt.

One line per file. A routine with a bundled routine's id comes in as a copy (with an id and
a name of its own); one with the id of a routine of your own is refused unless ``--replace``
(or ``--keep-both``) says what to do. Exit status 1 when any file was not imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from soleus_coach import paths
from soleus_coach.protocol import ProtocolInvalid, load_library
from soleus_coach.sharing import Clash, IdTaken, import_routine
from soleus_coach.untrusted import for_terminal, one_line


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="add routines (.json, or a shared .zip) to your own; "
                         "one line per file")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    what = imp.add_mutually_exclusive_group()
    what.add_argument("--replace", action="store_true",
                      help="a routine of yours with the same id is replaced")
    what.add_argument("--keep-both", action="store_true",
                      help="a routine of yours with the same id is kept, and the imported "
                      "one gets an id of its own")


def run(args: argparse.Namespace, out: TextIO) -> int:
    clash = Clash.REPLACE if args.replace else Clash.COPY if args.keep_both else Clash.REFUSE
    user_dir = paths.user_protocols_dir()
    failed = 0
    for file in args.files:
        # Read again for each file: one imported a moment ago is one of yours now.
        library = load_library(paths.bundled_protocols_dir(), user_dir, paths.assets_dir())
        shown = for_terminal(str(file))
        try:
            done = import_routine(file, user_dir, paths.assets_dir(), own=library.own,
                                  bundled=library.bundled_ids, clash=clash,
                                  existing=library.files)
        except IdTaken as exc:
            failed += 1
            out.write(f"{shown}: not imported: your routine in {for_terminal(exc.path.name)} "
                      f"has the id {for_terminal(exc.protocol_id)}; add --replace to replace "
                      "it, or --keep-both\n")
            continue
        except ProtocolInvalid as exc:
            failed += 1
            problems = "; ".join(for_terminal(str(e)) for e in exc.errors[:5])
            out.write(f"{shown}: not imported: {problems}\n")
            continue
        except OSError as exc:
            failed += 1
            out.write(f"{shown}: not imported: {for_terminal(str(exc.strerror or exc))}\n")
            continue
        name = for_terminal(one_line(done.name))
        if done.same_as is not None:
            out.write(f"{shown}: already there: {name} ({done.protocol_id}) is the same "
                      "routine; nothing imported\n")
            continue
        line = f"{shown}: imported as {done.protocol_id} ({name})"
        if done.copy_of is not None:
            line += f", a copy: {for_terminal(done.copy_of)} is kept as it is"
        for old, new in done.renamed:
            line += f"; {for_terminal(old)} saved as {for_terminal(new)}"
        out.write(line + f" in {for_terminal(str(done.path))}\n")
    return 1 if failed else 0
