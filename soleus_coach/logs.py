"""Logging to a file in the data folder, rotated at start-up (or stderr only, if it cannot be
written). ``logging.handlers`` is not used: it imports socket, pickle and more (about 5 ms
of start-up) for a file that grows by a few lines a day."""

from __future__ import annotations

import logging
import os
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 512 * 1024
BACKUPS = 3


def rotate(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """``x.log`` → ``x.log.1`` → … → ``x.log.N`` (the oldest is dropped) when it is too big."""
    try:
        if path.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for n in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``log_dir/soleus-coach.log``; returns the file, or None when it is not writable."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
        stderr = logging.StreamHandler()
        stderr.setLevel(logging.WARNING)
        stderr.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(stderr)
    path = log_dir / "soleus-coach.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write log file %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
