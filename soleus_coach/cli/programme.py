"""``soleus-coach programme list|start ID|status|pause|resume|end|validate FILE...`` and
``soleus-coach report --from DATE --to DATE -o FILE.pdf``. No Qt at import.

The command line's programme verbs; :mod:`soleus_coach.cli` adds :func:`add_parsers` and a
dispatch line. Changes go through :class:`soleus_coach.tracker.Tracker` into the history
(WAL: safe while the app is open; the window reads them back at its next look). The report
is laid out by the window's module (``gui/programme/report.py``), imported only when a
report is asked for: the one place the command line uses Qt (an offscreen application).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from soleus_coach import paths
from soleus_coach.untrusted import for_terminal

if TYPE_CHECKING:
    from soleus_coach.protocol.programme import Programmes
    from soleus_coach.tracker import Tracker


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    prog = sub.add_parser("programme", help="a programme over weeks: start, follow, end")
    psub = prog.add_subparsers(dest="programme_command", metavar="ACTION", required=True)
    psub.add_parser("list", help="the programmes (bundled and your own)")
    start = psub.add_parser("start", help="start a programme")
    start.add_argument("programme_id", metavar="ID", help="its id (see `programme list`)")
    psub.add_parser("status", help="the programme under way: phase, today, easing off")
    psub.add_parser("pause", help="pause it (no reminders, nothing due)")
    psub.add_parser("resume", help="carry on after a pause")
    psub.add_parser("end", help="end it (the history keeps everything)")
    validate = psub.add_parser("validate", help="check programme files; one line per problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    report = sub.add_parser("report", help="a one- or two-page PDF for your physiotherapist")
    report.add_argument("--from", dest="since", type=_date, required=True, metavar="DATE",
                        help="the first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="until", type=_date, required=True, metavar="DATE",
                        help="the last day (YYYY-MM-DD)")
    report.add_argument("--output", "-o", type=Path, required=True, metavar="FILE.pdf",
                        help="the PDF to write (never one of the app's own files)")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _tracker(*, write: bool) -> tuple[Tracker, Programmes] | None:
    from soleus_coach.history.store import open_snapshot, open_store
    from soleus_coach.protocol import load_library
    from soleus_coach.protocol.programme import load_programmes
    from soleus_coach.tracker import Tracker

    db = paths.history_db_path()
    store = open_store(db) if write else open_snapshot(db)
    for notice in store.notices:
        sys.stderr.write(f"soleus-coach: {notice.text}\n")
    if write and not store.persistent:
        store.close()
        return None
    library = load_library(paths.bundled_protocols_dir(), paths.user_protocols_dir(),
                           paths.assets_dir())
    found = load_programmes(paths.bundled_programmes_dir(), paths.user_programmes_dir(),
                            {p.id for p in library.protocols})
    return Tracker(store, lambda: found, library.get,
                   now=lambda: datetime.now().astimezone()), found


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "report":
        return run_report(args, out)
    action = args.programme_command
    if action == "validate":
        return run_validate(args.files, out)
    from soleus_coach.history.store import StoreWriteError
    from soleus_coach.tracker import ProgrammeError, describe_items

    made = _tracker(write=action in ("start", "pause", "resume", "end"))
    if made is None:
        return 1
    tracker, found = made
    try:
        if action == "list":
            return _list(found, tracker, out)
        if action == "start":
            state = tracker.start(args.programme_id)
            out.write(f"started {for_terminal(state.name)}\n")
        elif action == "pause":
            tracker.pause()
            out.write("paused\n")
        elif action == "resume":
            tracker.resume()
            out.write("resumed\n")
        elif action == "end":
            tracker.end()
            out.write("ended (everything stays in your history)\n")
        else:
            plan = tracker.plan()
            now = tracker.state()
            if now is None:
                out.write("No programme under way (`soleus-coach programme start ID`).\n")
                return 0
            if plan is None:
                out.write(f"{for_terminal(now.name)}: its file is gone "
                          f"({for_terminal(now.programme_id)})\n")
                return 1
            p = plan.programme
            out.write(f"{for_terminal(p.name)}: phase {plan.phase_index + 1} of "
                      f"{len(p.phases)}, {for_terminal(plan.phase.name)} "
                      f"({for_terminal(plan.phase.load)})\n")
            weeks = f" of {p.weeks}" if p.weeks else ""
            out.write(f"Week {plan.week}{weeks}, started {now.started.isoformat()}"
                      f"{', paused' if now.paused else ''}\n")
            out.write(f"Today: {for_terminal(describe_items(plan.items))}\n")
            if plan.next_item is not None:
                out.write(f"Next: {for_terminal(plan.next_item.label)} "
                          f"({plan.next_item.planned.routine})\n")
            if plan.easing is not None:
                out.write(f"Easing off until {plan.easing.until.isoformat()}: "
                          f"{plan.easing.fewer_sets} set(s) fewer, no added load\n")
            if plan.rest_today:
                out.write("Rest today (red flags): see a doctor before loading the calf.\n")
    except ProgrammeError as exc:
        sys.stderr.write(f"soleus-coach: {for_terminal(str(exc))}\n")
        return 1
    except StoreWriteError as exc:
        sys.stderr.write(f"soleus-coach: {exc}\n")
        return 1
    finally:
        tracker.store.close()
    return 0


def _list(found: Programmes, tracker: Tracker, out: TextIO) -> int:
    state = tracker.state()
    rows = [("ID", "NAME", "PHASES", "WEEKS", "")]
    for p in found.programmes:
        mark = "under way" if state is not None and state.programme_id == p.id else ""
        rows.append((p.id, for_terminal(p.name), str(len(p.phases)),
                     str(p.weeks) if p.weeks else "-", mark))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    for entry in found.broken:
        for problem in entry.errors:
            sys.stderr.write(f"soleus-coach: skipped {for_terminal(str(problem))}\n")
    return 1 if found.broken else 0


def run_validate(files: list[Path], out: TextIO) -> int:
    from soleus_coach.protocol import ProtocolInvalid, load_library
    from soleus_coach.protocol.programme import load_programme

    library = load_library(paths.bundled_protocols_dir(), paths.user_protocols_dir(),
                           paths.assets_dir())
    ids = {p.id for p in library.protocols}
    ok = True
    for path in files:
        try:
            load_programme(path, ids)
        except ProtocolInvalid as exc:
            ok = False
            for err in exc.errors:
                out.write(f"{for_terminal(str(err))}\n")
    if ok:
        out.write(f"{len(files)} file(s) valid\n")
    return 0 if ok else 1


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    from soleus_coach.atomic import check_outside_protocols, check_target
    from soleus_coach.tracker import ProgrammeError

    target: Path = args.output
    if target.suffix.lower() != ".pdf":
        sys.stderr.write("soleus-coach: the report is a PDF: name it FILE.pdf\n")
        return 1
    try:
        check_target(target, replace=True)  # before anything is read or laid out
        check_outside_protocols(target)
    except OSError as exc:
        sys.stderr.write(f"soleus-coach: cannot write {for_terminal(str(target))}: "
                         f"{exc.strerror or exc}\n")
        return 1
    if target.exists() and not args.force:
        sys.stderr.write(f"soleus-coach: {for_terminal(str(target))} exists; add --force to "
                         "replace it\n")
        return 1
    made = _tracker(write=False)
    assert made is not None  # a snapshot always opens
    tracker = made[0]
    try:
        data = tracker.report(args.since, args.until)
    except ProgrammeError as exc:
        sys.stderr.write(f"soleus-coach: {exc}\n")
        return 1
    finally:
        tracker.store.close()
    from soleus_coach.gui.programme import report  # Qt: only for this command

    app = report.ensure_app()
    try:
        sheet = report.save_report(data, target, replace=args.force)
    except OSError as exc:
        sys.stderr.write(f"soleus-coach: cannot write {for_terminal(str(target))}: "
                         f"{exc.strerror or exc}\n")
        return 1
    finally:
        del app
    out.write(f"wrote {for_terminal(str(target))} ({sheet.pages} page(s))\n")
    return 0
