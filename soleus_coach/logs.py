"""Logging to a rotating file in the data folder (or stderr only, if it cannot be written)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=512 * 1024,
                                                       backupCount=3, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write log file %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
