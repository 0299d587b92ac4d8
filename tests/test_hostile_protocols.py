"""A folder of hostile protocol files, loaded the way the app loads a user's folder.

Every file of the issue's list is there at once, beside two good ones. The library is loaded
in a child process (so a hang is caught by a timeout, not by a frozen test run) with a
Python audit hook that records every file opened: nothing outside the protocol folder, the
bundled protocols and the app's assets may be read. Then the window shows them: each bad
file listed with a clear error, the good ones usable, hostile text shown as plain text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.gui.main_window import MainWindow
from tests.conftest import app_services, minimal_protocol

ROOT = Path(__file__).resolve().parents[1]

RICH = "<b>Bold</b><img src='x'> <a href='http://x'>link</a>"
RTL = "\u202eevil\u200f name \u2066isolate"


def step(**overrides: Any) -> dict[str, Any]:
    doc = minimal_protocol()
    doc["steps"][0].update(overrides)
    return doc


def build_corpus(folder: Path, outside: Path) -> dict[str, str]:
    """Writes the files; returns file name → a phrase its error must contain."""
    folder.mkdir(parents=True)
    outside.mkdir(parents=True)
    (outside / "secret.svg").write_text("<svg/>")
    (outside / "elsewhere.json").write_text(json.dumps(minimal_protocol(id="elsewhere")))
    good = minimal_protocol(id="good", name="Good routine")
    full = json.dumps(good).encode()
    files: dict[str, bytes] = {
        "good.json": full,
        "truncated.json": full[: len(full) // 2],
        "empty.json": b"",
        "binary.json": bytes(range(256)) * 8,
        "latin1.json": json.dumps(minimal_protocol(id="latin")).encode().replace(
            b"Test routine", "Übung".encode("latin-1")),
        "array.json": b"[" + full + b"]",
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "nan.json": json.dumps(step(rest_s=float("nan"))).encode(),
        "infinity.json": json.dumps(step(rest_s=float("inf"))).encode(),
        "huge-number.json": json.dumps(step(rest_s=1e308)).encode(),
        "negative.json": json.dumps(step(rest_s=-30)).encode(),
        "million-steps.json": json.dumps(minimal_protocol(
            id="million", steps=[{"kind": "rest", "name": "r", "duration_s": 1}] * 1_000_000)
        ).encode(),
        "duplicate-keys.json": full.replace(b'"id": "good"', b'"id": "a", "id": "good"'),
        "control-chars.json": json.dumps(minimal_protocol(id="ctl", name="bad\x1b[31mred"))
        .encode(),
        "dotdot.json": json.dumps(step(illustration="../outside/secret.svg")).encode(),
        "absolute.json": json.dumps(step(illustration=str(outside / "secret.svg"))).encode(),
        "link-inside.json": json.dumps(step(illustration="link.svg")).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with (folder / "fifty-mb.json").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (folder / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        minimal_protocol(id="bom", name="With a byte-order mark")).encode())
    (folder / "rich.json").write_text(json.dumps(minimal_protocol(
        id="rich", name=RICH, summary=f"{RTL} {RICH}")), encoding="utf-8")
    os.symlink(outside / "secret.svg", folder / "link.svg")
    os.symlink(outside / "elsewhere.json", folder / "symlink-out.json")
    os.mkfifo(folder / "fifo.json")
    return {
        "truncated.json": "not valid JSON",
        "empty.json": "file is empty",
        "binary.json": "not UTF-8 text",
        "latin1.json": "not UTF-8 text",
        "array.json": "expected one JSON object",
        "deep.json": "nested too deeply",
        "nan.json": "NaN is not allowed",
        "infinity.json": "Infinity is not allowed",
        "huge-number.json": "too long: at most",
        "negative.json": "is negative",
        "million-steps.json": "KiB",
        "duplicate-keys.json": "key appears twice",
        "control-chars.json": "contains control characters",
        "dotdot.json": "may not leave the protocol's folder",
        "absolute.json": "not absolute",
        "link-inside.json": "points outside the protocol's folder",
        "fifty-mb.json": "protocols may be at most 1024 KiB",
        "symlink-out.json": "outside its folder",
        "fifo.json": "is not a regular file",
    }


CHILD = r"""
import json, os, sys, time
from pathlib import Path
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.append(os.fsdecode(args[0]))
from soleus_coach import paths
from soleus_coach.protocol import load_library
sys.addaudithook(hook)
t = time.perf_counter()
lib = load_library(paths.bundled_protocols_dir(), Path(sys.argv[1]), paths.assets_dir())
took = time.perf_counter() - t
print(json.dumps({
    "entries": {e.path.name: [str(x) for x in e.errors] if e.protocol is None else "ok"
                for e in lib.entries},
    "opened": opened, "seconds": took}))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("hostile")
    folder, outside = base / "protocols", base / "outside"
    return folder, outside, build_corpus(folder, outside)


def test_every_hostile_file_gets_its_error_and_nothing_outside_is_read(
        corpus: tuple[Path, Path, dict[str, str]]) -> None:
    folder, outside, expected = corpus
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    entries = report["entries"]
    for name, phrase in expected.items():
        errors = entries[name]
        assert errors != "ok", f"{name} loaded"
        assert any(phrase in e for e in errors), (name, errors)
        assert all(len(e) < 400 for e in errors), (name, errors)  # clear, not a dump
    for name in ("good.json", "bom.json", "rich.json", "calf-stretch-only.json"):
        assert entries[name] == "ok", (name, entries[name])
    allowed = (folder.resolve(), paths.bundled_protocols_dir().resolve(),
               paths.assets_dir().resolve())
    read = [Path(p) for p in report["opened"] if p.endswith((".json", ".svg", ".wav", ".png"))]
    assert read, "the audit hook saw no file opened"
    outside_reads = [p for p in read if not any(Path(p).resolve().is_relative_to(a)
                                                 for a in allowed)
                     and not str(p).startswith(str(folder))]
    assert outside_reads == []
    assert not any(str(outside) in p for p in report["opened"])


def test_the_window_lists_them_as_broken_and_shows_hostile_text_plainly(
        qtbot: QtBot, corpus: tuple[Path, Path, dict[str, str]], data_dir: Path) -> None:
    folder, _, expected = corpus
    (data_dir / "settings.json").write_text('{"first_run_acknowledged": true, '
                                             '"injured_leg": "left"}')
    services = app_services(data_dir)
    services.user_protocols_dir = folder
    from soleus_coach.protocol import load_library

    services.load_library = lambda: load_library(paths.bundled_protocols_dir(), folder,
                                                 paths.assets_dir())
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    model = win.library_page.model
    failed = {model.index(r, 0).data().removeprefix("⚠ ") for r in range(model.rowCount())
              if model.index(r, 1).data() == "failed to load"}
    assert set(expected) <= failed
    assert str(len(failed)) in win.statusBar().currentMessage()
    assert win.library_page.select("rich")
    assert win.library_page.title.plain_text() == RICH
    for label in win.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert win.start_session("good")  # the good one next to them still runs
