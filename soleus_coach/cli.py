"""Command line: works without a display and never imports Qt.

``soleus-coach list``, ``soleus-coach validate FILE...``, ``soleus-coach history ...``;
with no command the GUI starts (see :mod:`soleus_coach.app`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from soleus_coach import __version__, paths
from soleus_coach.protocol import ProtocolInvalid, load_file, load_library
from soleus_coach.protocol.describe import format_duration


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
                         _printable(r.protocol_name), format_duration(r.active_s),
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

    def write(target: TextIO) -> int:
        if args.format == "json":
            return export.write_json(records, target, exported_at=exported_at)
        return export.write_csv(records, target)

    if args.output is None:
        write(out)
        return 0
    from soleus_coach.atomic import write_text_atomic

    try:
        n = write_text_atomic(args.output, write, replace=args.force, newline="")
    except FileExistsError:
        sys.stderr.write(f"soleus-coach: {_printable(str(args.output))} exists; "
                         "add --force to replace it\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"soleus-coach: cannot write {_printable(str(args.output))}: "
                         f"{exc.strerror or exc}\n")
        return 1
    sys.stderr.write(f"{n} session(s) written to {_printable(str(args.output))}\n")
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
        rows.append((p.id, _printable(p.name), p.when.value,
                     format_duration(p.default_duration_s),
                     _printable(f"{entry.path} [{origin}]")))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row[:4], widths, strict=True)]
        out.write("  ".join([*cells, row[4]]).rstrip() + "\n")
    for entry in library.broken:
        for problem in entry.errors:
            err.write(f"soleus-coach: skipped {_printable(str(problem))}\n")
    return 1 if library.broken else 0


def run_validate(files: list[Path], out: TextIO) -> int:
    ok = True
    for path in files:
        try:
            load_file(path, paths.assets_dir())
        except ProtocolInvalid as exc:
            ok = False
            for err in exc.errors:
                out.write(f"{_printable(str(err))}\n")
    if ok:
        out.write(f"{len(files)} file(s) valid\n")
    return 0 if ok else 1


def _printable(text: str) -> str:
    """Keep a terminal safe from control characters in file names or values."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    return dispatch(build_parser().parse_args(argv), out or sys.stdout)


def dispatch(args: argparse.Namespace, out: TextIO) -> int:
    """Run a parsed command (``args.command`` is not None)."""
    if args.command == "list":
        return run_list(out)
    if args.command == "validate":
        return run_validate(args.files, out)
    if args.command == "history":
        return run_history(args, out)
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
