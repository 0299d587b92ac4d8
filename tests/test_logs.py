"""The log file is rotated at start-up and never grows without bound."""

from __future__ import annotations

import logging
from pathlib import Path

from soleus_coach.logs import rotate, setup_logging


def test_a_big_log_is_rotated_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = tmp_path / "soleus-coach.log"
    for n, text in ((3, "oldest"), (2, "older"), (1, "old")):
        (tmp_path / f"soleus-coach.log.{n}").write_text(text)
    log.write_text("x" * 100)
    rotate(log, max_bytes=50, backups=3)
    assert not log.exists()
    assert (tmp_path / "soleus-coach.log.1").read_text() == "x" * 100
    assert (tmp_path / "soleus-coach.log.2").read_text() == "old"
    assert (tmp_path / "soleus-coach.log.3").read_text() == "older"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "soleus-coach.log.1", "soleus-coach.log.2", "soleus-coach.log.3"]


def test_a_small_log_is_kept_and_appended_to(tmp_path: Path) -> None:
    log = tmp_path / "soleus-coach.log"
    log.write_text("earlier line\n")
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        assert setup_logging(tmp_path) == log
        logging.getLogger("test").info("hello")
    finally:
        for h in root.handlers[len(before):]:
            h.close()
            root.removeHandler(h)
        root.setLevel(level)
    lines = log.read_text().splitlines()
    assert lines[0] == "earlier line" and lines[-1].endswith("test: hello")


def test_an_unwritable_log_folder_leaves_logging_on_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    root = logging.getLogger()
    level = root.level
    try:
        assert setup_logging(blocker / "logs") is None
    finally:
        root.setLevel(level)
