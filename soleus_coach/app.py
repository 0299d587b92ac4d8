"""Entry point for ``soleus-coach`` and ``python -m soleus_coach``.

Commands run without Qt; with no command the GUI starts. Qt is imported only then, so
``soleus-coach list`` works on a machine with no display.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # the launcher's plain start: no command line to parse
        from soleus_coach.gui.application import run_gui

        return run_gui()
    from soleus_coach import cli

    args = cli.build_parser().parse_args(argv)
    if args.command is not None:
        return cli.dispatch(args, sys.stdout)
    from soleus_coach.gui.application import run_gui

    return run_gui(start_id=args.start, hidden=args.hidden)
