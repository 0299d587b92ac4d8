"""The real app under faults it cannot fix: it starts, says what is wrong in one line, and
runs a whole routine.

Each case starts a fresh process that launches the app exactly as ``soleus-coach --start
calf-stretch-only`` does (``application.launch``), on a fast clock, answers the dialogs as a
hurried user would (skip the check-ins, acknowledge the safety notice, dismiss the rest), and
reports what the window said. Faults: a settings file of garbage; no sound back-end on the
PATH; a read-only data folder (root's override capabilities dropped with ``setpriv``); a full
disk (a 512 KiB tmpfs holding the history, filled to the last byte, in a private mount
namespace).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from soleus_coach.history.store import open_snapshot
from tests.conftest import seed_history, unprivileged

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

app = QApplication(sys.argv[:1])
from soleus_coach.gui.application import launch
from soleus_coach.session.engine import State
from soleus_coach.settings import Leg

said = []
window = launch(app, "calf-stretch-only")
said.append(window.statusBar().currentMessage())
window.statusBar().messageChanged.connect(said.append)
boxes = []

def tick():
    if window.flow.leg_question is not None:
        window.flow.leg_question.choose(Leg.LEFT)  # which calf? (a garbage file forgot it)
    if window.safety_dialog is not None:
        window.safety_dialog.accept()   # the first-run notice and set-up: read and done
    if window.checkin_dialog is not None:
        window.checkin_dialog.reject()  # skip the pain check-in
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            boxes.append(w.objectName() + ": " + w.text())
            w.done(QMessageBox.StandardButton.Discard)
    screen = window.session
    if screen is not None and screen.state in (State.FINISHED, State.STOPPED) \
            and window.checkin_dialog is None:
        QTimer.singleShot(300, report)
        timer.stop()

def report():
    rec = window.recorder.record if window.recorder else None
    print(json.dumps({
        "said": [s for s in said if s],
        "sound": window.sound_label.text() if window.sound_label.isVisible() else "",
        "boxes": boxes,
        "practice": window.home.practice.text(),
        "state": window.session.state.value,
        "segments": len(rec.segments) if rec else 0,
        "saved": window.recorder.saved if window.recorder else None,
        "persistent": window.history.persistent,
    }))
    app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(20)
QTimer.singleShot(60000, app.quit)
app.exec()
"""


def run_app(data: Path, prefix: list[str] | None = None,
            env: dict[str, str] | None = None) -> dict[str, Any]:
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "SOLEUS_COACH_TIME_SCALE": "200", "PYTHONPATH": str(ROOT), **(env or {})}
    proc = subprocess.run([*(prefix or []), sys.executable, "-c", CHILD], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines, f"no report; stderr: {proc.stderr}"
    report: dict[str, Any] = json.loads(lines[-1])
    return report


def ran_the_routine(report: dict[str, Any]) -> None:
    assert report["state"] == "finished"
    assert report["segments"] >= 10  # every step of the routine, in the record


def one_line(texts: list[str], *needles: str) -> str:
    hits = [t for t in texts if all(n in t for n in needles)]
    assert hits, f"nothing said about {needles}: {texts}"
    assert "\n" not in hits[0]
    return hits[0]


def test_garbage_settings(data_dir: Path) -> None:
    (data_dir / "settings.json").write_bytes(b"\x00\xff{garbage")
    report = run_app(data_dir)
    ran_the_routine(report)
    one_line(report["said"], "settings file", "damaged", "using defaults")
    assert report["saved"] and report["persistent"]


def test_no_sound_back_end(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "settings.json").write_text('{"first_run_acknowledged": true}')
    empty = tmp_path / "bin"
    empty.mkdir()
    report = run_app(data_dir, env={"PATH": str(empty)})  # no paplay, aplay, pw-play…
    ran_the_routine(report)
    assert "Sound is unavailable" in report["sound"] and "\n" not in report["sound"]
    assert "pulseaudio-utils" in report["sound"]
    assert report["saved"]


def test_read_only_data_folder(data_dir: Path) -> None:
    (data_dir / "settings.json").write_text('{"first_run_acknowledged": true}')
    seed_history(data_dir / "history.sqlite3")
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    for p in data_dir.iterdir():
        p.chmod(0o444)
    data_dir.chmod(0o555)
    try:
        report = run_app(data_dir, unprivileged())
    finally:
        data_dir.chmod(0o755)
    ran_the_routine(report)
    assert not report["persistent"]  # kept in memory, and the window says so
    assert "history not saved to disk" in report["practice"]
    one_line(report["boxes"], "History cannot be saved", "kept in memory")
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before  # nothing touched


def test_full_disk(tmp_path: Path) -> None:
    """The history exists; the disk fills before the routine: the session runs, the user is
    told and offered a copy, and the database on the full disk stays whole."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a full disk is simulated with a tiny tmpfs: needs root and unshare")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr!r}")
    data = tmp_path / "data"
    data.mkdir()
    seed = tmp_path / "seed.sqlite3"
    seed_history(seed)
    after = tmp_path / "after.sqlite3"
    script = (f"mount -t tmpfs -o size=512k tmpfs {data} && cp {seed} {data}/history.sqlite3 "
              f"&& printf '{{\"first_run_acknowledged\": true}}' > {data}/settings.json && "
              f"(cat /dev/zero > {data}/filler 2>/dev/null; true) && "
              f"\"$@\"; code=$?; cp {data}/history.sqlite3 {after}; exit $code")
    report = run_app(data, ["unshare", "-m", "sh", "-c", script, "sh"])
    ran_the_routine(report)
    # SQLite cannot even create its write-ahead log: the history is kept in memory
    assert not report["persistent"]
    assert "history not saved to disk" in report["practice"]
    one_line(report["boxes"], "History cannot be saved", "the disk is full")
    assert not any(data.iterdir())  # the tmpfs went with the process
    snap = open_snapshot(after)
    try:
        assert snap.integrity() == "ok"
        assert [r.uid for r in snap.sessions()] == ["old"]  # what was there is still there
    finally:
        snap.close()
