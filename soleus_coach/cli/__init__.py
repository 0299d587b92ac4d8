"""Command line: works without a display and never imports Qt.

``soleus-coach list``, ``soleus-coach validate FILE...``, ``soleus-coach import FILE...``
(:mod:`.routines`), ``soleus-coach export ID -o OUT``, ``soleus-coach history ...``,
``soleus-coach runs ...`` (:mod:`.runs`), ``soleus-coach programme ...`` and
``soleus-coach report ...`` (the one command that lays out a PDF with Qt, offscreen: see
:mod:`soleus_coach.cli.programme`);
with no command the GUI starts (see :mod:`soleus_coach.app`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from soleus_coach import __version__, paths
from soleus_coach.protocol import ProtocolInvalid, load_file, load_library
from soleus_coach.protocol.describe import format_duration
from soleus_coach.protocol.spec import FORMAT_VERSION
from soleus_coach.session.plan import routine_duration_s
from soleus_coach.untrusted import for_terminal

T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="soleus-coach",
        description="Guided calf (soleus) stretching and icing for runners. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"soleus-coach {__version__}")
    parser.add_argument("--start", metavar="PROTOCOL_ID", help="open the app and start a routine")
    parser.add_argument("--hidden", action="store_true",
                        help="start in the tray (minimised where there is none): the daily "
                        "reminder's start with the desktop session")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("list", help="list the routines (bundled and your own)")
    validate = sub.add_parser("validate", help="check protocol files; one line per problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    upgrade = sub.add_parser("upgrade", help="write a protocol file in the current format (2)")
    upgrade.add_argument("file", type=Path, metavar="FILE")
    upgrade.add_argument("--output", "-o", type=Path, metavar="OUT",
                         help="write to OUT (default: standard output; OUT may be FILE itself "
                         "with --force)")
    upgrade.add_argument("--force", action="store_true", help="replace OUT if it exists")
    share = sub.add_parser("export", help="write a routine to share it: one .json, or a .zip "
                           "when it carries its own pictures or sounds")
    share.add_argument("protocol_id", metavar="ID", help="the routine's id (see `list`)")
    share.add_argument("--output", "-o", type=Path, metavar="OUT", required=True,
                       help="the file to write (its suffix becomes .zip when the routine "
                       "carries its own files)")
    share.add_argument("--force", action="store_true", help="replace OUT if it exists")
    from soleus_coach.cli.routines import add_parser as add_import_parser

    add_import_parser(sub)
    sub.add_parser("schema", help="print where the protocol schema is (for your editor)")
    history = sub.add_parser("history", help="your past sessions")
    hsub = history.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    hlist = hsub.add_parser("list", help="print the recent sessions")
    hlist.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")
    export = hsub.add_parser("export", help="export every session as CSV or JSON")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output (written whole or "
                        "not at all; never one of the app's own data files)")
    export.add_argument("--force", action="store_true",
                        help="replace FILE if it exists")
    from soleus_coach.cli.runs import add_parser as add_runs_parser

    add_runs_parser(sub)
    from soleus_coach.cli.programme import add_parsers as add_programme_parsers

    add_programme_parsers(sub)
    sub.add_parser("install-desktop",
                   help="add Soleus Coach to your desktop's applications (this user only)")
    sub.add_parser("uninstall-desktop", help="remove what install-desktop added")
    return parser


def run_history(args: argparse.Namespace, out: TextIO) -> int:
    from datetime import datetime

    from soleus_coach.history import export
    from soleus_coach.history.records import utc_now
    from soleus_coach.history.store import open_snapshot

    store = open_snapshot(paths.history_db_path())
    for notice in store.notices:
        sys.stderr.write(f"soleus-coach: {notice.text}\n")
    if args.history_command == "list":
        rows = [("STARTED", "ROUTINE", "ACTIVE", "STATUS", "PAIN")]
        for r in store.sessions(limit=max(1, args.limit)):
            pain = "" if r.pain_before is None and r.pain_after is None else (
                f"{'-' if r.pain_before is None else r.pain_before}→"
                f"{'-' if r.pain_after is None else r.pain_after}")
            rows.append((r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                         for_terminal(r.protocol_name), format_duration(r.active_s),
                         r.status.value.replace("_", " "), pain))
        if len(rows) == 1:
            out.write(f"No sessions yet ({paths.history_db_path()}).\n")
            return 0
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        for row in rows:
            cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
            out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
        return 0
    exported_at: datetime = utc_now()
    records = store.all_sessions()
    runs = store.runs(descending=False)

    def write(target: TextIO) -> int:
        if args.format == "json":
            return export.write_json(records, target, exported_at=exported_at, runs=runs)
        return export.write_csv(records, target, runs)

    if args.output is None:
        write(out)
        return 0
    n = _write_file(args.output, write, args.force)
    if n is None:
        return 1
    sys.stderr.write(f"{n} session(s) written to {for_terminal(str(args.output))}\n")
    if runs:
        sys.stderr.write(f"{len(runs)} run(s) written to {for_terminal(str(args.output))}\n")
    return 0


def run_list(out: TextIO, err: TextIO | None = None) -> int:
    """The routines as a table on ``out``; each file that could not be loaded on ``err``
    (standard error), and then exit status 1."""
    err = err or sys.stderr
    user_dir = paths.user_protocols_dir()
    library = load_library(paths.bundled_protocols_dir(), user_dir, paths.assets_dir())
    rows = [("ID", "NAME", "WHEN", "DURATION", "SOURCE")]
    for entry in library.entries:
        p = entry.protocol
        if p is None:
            continue
        origin = entry.origin.value + (" (replaces bundled)" if entry.overrides_bundled else "")
        rows.append((p.id, for_terminal(p.name), p.when.value,
                     format_duration(routine_duration_s(p)),
                     for_terminal(f"{entry.path} [{origin}]")))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    for entry in library.broken:
        for problem in entry.errors:
            err.write(f"soleus-coach: skipped {for_terminal(str(problem))}\n")
    return 1 if library.broken else 0


def run_validate(files: list[Path], out: TextIO) -> int:
    """One line per problem on ``out``; a note on standard error for each format-1 file
    (it still loads; ``upgrade`` rewrites it as format 2)."""
    ok = True
    for path in files:
        try:
            protocol = load_file(path, paths.assets_dir())
        except ProtocolInvalid as exc:
            ok = False
            for err in exc.errors:
                out.write(f"{for_terminal(str(err))}\n")
            continue
        if protocol.format < FORMAT_VERSION:
            name = for_terminal(str(path))
            sys.stderr.write(f"note: {name} is format {protocol.format}; it loads as it is, "
                             f"and `soleus-coach upgrade {name}` writes it as format "
                             f"{FORMAT_VERSION}\n")
    if ok:
        out.write(f"{len(files)} file(s) valid\n")
    return 0 if ok else 1


def run_upgrade(args: argparse.Namespace, out: TextIO) -> int:
    from soleus_coach.protocol.write import dumps

    try:
        protocol = load_file(args.file, paths.assets_dir())
    except ProtocolInvalid as exc:
        for err in exc.errors:
            sys.stderr.write(f"{for_terminal(str(err))}\n")
        return 1
    target_dir = (args.output or args.file).resolve().parent
    text = dumps(protocol, target_dir, paths.assets_dir())
    if args.output is None:
        out.write(text)
        return 0
    if _write_file(args.output, lambda fh: fh.write(text), args.force) is None:
        return 1
    sys.stderr.write(f"wrote {for_terminal(str(args.output))} (format {FORMAT_VERSION})\n")
    return 0


def run_export(args: argparse.Namespace, out: TextIO) -> int:
    """``soleus-coach export ID -o OUT``: the routine as the library has it (a file of
    yours with a bundled id is the one exported)."""
    from soleus_coach.atomic import ProtectedFile
    from soleus_coach.sharing import export_routine

    library = load_library(paths.bundled_protocols_dir(), paths.user_protocols_dir(),
                           paths.assets_dir())
    protocol = library.get(args.protocol_id)
    if protocol is None:
        sys.stderr.write(f"soleus-coach: no routine with the id "
                         f"{for_terminal(args.protocol_id)} (see `soleus-coach list`)\n")
        return 1
    try:
        written = export_routine(protocol, args.output, force=args.force)
    except FileExistsError as exc:
        sys.stderr.write(f"soleus-coach: {for_terminal(exc.filename or str(args.output))} "
                         "exists; add --force to replace it\n")
        return 1
    except ProtectedFile as exc:
        sys.stderr.write(f"soleus-coach: cannot write {for_terminal(str(args.output))}: "
                         f"{exc.strerror}\n")
        return 1
    except ValueError as exc:
        sys.stderr.write(f"soleus-coach: cannot export: {for_terminal(str(exc))}\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"soleus-coach: cannot write {for_terminal(str(args.output))}: "
                         f"{exc.strerror or exc}\n")
        return 1
    out.write(f"wrote {for_terminal(str(written))}\n")
    return 0


def _write_file(path: Path, write: Callable[[TextIO], T], force: bool) -> T | None:
    """Write ``path`` whole or not at all (never one of the app's own files); say why not
    on standard error and give None."""
    from soleus_coach.atomic import write_text_atomic

    try:
        return write_text_atomic(path, write, replace=force, newline="")
    except FileExistsError:
        sys.stderr.write(f"soleus-coach: {for_terminal(str(path))} exists; add --force to "
                         "replace it\n")
    except OSError as exc:
        sys.stderr.write(f"soleus-coach: cannot write {for_terminal(str(path))}: "
                         f"{exc.strerror or exc}\n")
    return None


def run_schema(out: TextIO) -> int:
    from soleus_coach.protocol.schema import schema_name

    out.write(f"{paths.bundled_protocols_dir() / 'schema' / schema_name()}\n")
    out.write(f"(the app copies it to {paths.user_protocols_dir() / 'schema'} when it opens "
              "your protocol folder; start a file with "
              '"$schema": "schema/protocol.schema.json" there)\n')
    return 0



def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    return dispatch(build_parser().parse_args(argv), out or sys.stdout)


def dispatch(args: argparse.Namespace, out: TextIO) -> int:
    """Run a parsed command (``args.command`` is not None)."""
    if args.command == "list":
        return run_list(out)
    if args.command == "validate":
        return run_validate(args.files, out)
    if args.command == "upgrade":
        return run_upgrade(args, out)
    if args.command == "export":
        return run_export(args, out)
    if args.command == "schema":
        return run_schema(out)
    if args.command == "import":
        from soleus_coach.cli.routines import run as run_import

        return run_import(args, out)
    if args.command == "history":
        return run_history(args, out)
    if args.command == "runs":
        from soleus_coach.cli.runs import run as run_runs

        return run_runs(args, out)
    if args.command in ("programme", "report"):
        from soleus_coach.cli.programme import run as run_programme

        return run_programme(args, out)
    if args.command in ("install-desktop", "uninstall-desktop"):
        from soleus_coach import desktop

        try:
            done = (desktop.install() if args.command == "install-desktop"
                    else desktop.uninstall())
        except OSError as exc:
            sys.stderr.write(f"soleus-coach: {exc}\n")
            return 1
        for path in done:
            out.write(f"{'installed' if args.command == 'install-desktop' else 'removed'} "
                      f"{path}\n")
        return 0
    raise AssertionError(f"unhandled command {args.command!r}")
