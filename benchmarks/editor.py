"""The routine editor: how long it takes to open, and how long an edit takes to reach the
preview with 200 steps.

``python -m benchmarks.editor [--runs 7] [--edits 50]``; writes docs/benchmarks/editor.md.

(a) Opening, cold (what a person sees the first time): the main window is shown and has read
its routines; then, in a process of its own each, (1) the library page opens on a routine's
detail (built, selected, painted) or (2) Customize opens the editor on a copy of it (built
and painted; then checked and previewed). Processes alternate; the figure is the ratio of the
medians, editor ÷ detail.

(b) 200 steps (twice what the format allows, so the validator also says that, every time):
one field of the step in the middle changed through its spin box as a person would type it,
then the draft checked and previewed at once (the window waits 150 ms after the last key
before it does this; that pause is not counted) and painted. Median and worst of the edits.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "editor.md"
ROUTINE = "post-run-soleus"


def _window() -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from soleus_coach import paths, texts
    from soleus_coach.gui.common.services import Services
    from soleus_coach.gui.main_window import MainWindow
    from soleus_coach.protocol import load_library
    from soleus_coach.settings import SettingsStore

    app = QApplication.instance() or QApplication([])
    data = paths.data_dir()
    services = Services(
        load_library=lambda: load_library(paths.bundled_protocols_dir(), data / "protocols",
                                          paths.assets_dir(), texts.language()),
        settings_store=SettingsStore(data / "settings.json"),
        user_protocols_dir=data / "protocols",
        schema_file=paths.bundled_protocols_dir() / "schema" / "protocol.schema.json",
        assets_dir=paths.assets_dir(), window_state_file=data / "window.ini")
    win = MainWindow(services)
    win.resize(1280, 800)
    win.show()
    app.processEvents()
    win.repaint()
    _ = win.library  # the routines are read after the first paint
    app.processEvents()
    return app, win


def child_open(which: str) -> dict[str, float]:
    """One of the two, the first thing done after the main window is up (each in a
    process of its own: neither warms Qt's classes for the other)."""
    app, win = _window()
    if which == "detail":
        t0 = time.perf_counter()
        win.show_library()
        win.library_page.select(ROUTINE)
        win.repaint()
        app.processEvents()
        return {"detail_s": time.perf_counter() - t0}
    t0 = time.perf_counter()
    ed = win.editors.customize(ROUTINE)
    assert ed is not None
    ed.repaint()
    painted = time.perf_counter() - t0
    while not ed.checked:  # the problems and the preview, right after the first paint
        app.processEvents()
    ed.repaint()
    return {"editor_s": painted, "complete_s": time.perf_counter() - t0}


def big_draft(steps: int) -> Any:
    from soleus_coach import editing
    from soleus_coach.editing import Kind
    from soleus_coach.protocol.model import Range

    d = editing.new_routine((), name="Two hundred steps", summary="A long routine.")
    for i in range(steps):
        kind = (Kind.STRETCH, Kind.STRENGTH, Kind.REST)[i % 3]
        d = editing.add_step(d, kind, f"Step {i + 1}")
        if kind is not Kind.REST:
            d = editing.set_step_field(d, i, "instructions", [f"Instruction {i + 1}."])
        if kind is Kind.STRETCH:
            d = editing.set_step_field(d, i, "hold_s", Range.fixed(20))
            d = editing.set_step_field(d, i, "reps", Range.fixed(1))
    return d


def child_edits(steps: int, edits: int) -> dict[str, Any]:
    from soleus_coach import paths
    from soleus_coach.gui.editor.window import EditorWindow

    app, _win = _window()  # the app as it runs: the editor beside its main window
    data = paths.data_dir()
    ed = EditorWindow(big_draft(steps), folder=data / "protocols", assets=paths.assets_dir(),
                      state_file=data / "window.ini")
    ed.show()
    app.processEvents()
    middle = steps // 2 - (steps // 2) % 3  # a stretch
    ed.step_list.setCurrentRow(middle)
    app.processEvents()
    box = ed.form.hold_s.value_box
    times, segments = [], 0
    for k in range(edits):
        t0 = time.perf_counter()
        box.setValue(21 + k % 20)  # what a key in the spin box does
        ed.check_now()  # what the 150 ms timer does
        ed.preview_text.repaint()
        ed.step_list.repaint()
        app.processEvents()
        times.append(time.perf_counter() - t0)
        segments = ed.preview_text.blockCount()
    return {"steps": steps, "edits": edits, "segments": segments,
            "problems": len(ed.problems), "median_s": statistics.median(times),
            "worst_s": max(times)}


def _child(args: list[str], data: str) -> dict[str, Any]:
    from benchmarks.startup import child_env

    env = child_env(data)  # offscreen, an everyday start, bytecode as installed
    proc = subprocess.run([sys.executable, "-m", "benchmarks.editor", "--child", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=True)
    out = proc.stdout
    return dict(json.loads(out[out.index("{"):out.rindex("}") + 1]))


def run(runs: int, edits: int, steps: int = 200) -> dict[str, Any]:
    detail, editor, complete = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        _child(["open", "detail"], tmp)  # warm the page cache
        _child(["open", "editor"], tmp)
        for _ in range(runs):  # alternating processes
            detail.append(_child(["open", "detail"], tmp)["detail_s"])
            r = _child(["open", "editor"], tmp)
            editor.append(r["editor_s"])
            complete.append(r["complete_s"])
        big = _child(["edits", str(steps), str(edits)], tmp)
    d, e = statistics.median(detail), statistics.median(editor)
    c = statistics.median(complete)
    return {"runs": runs, "detail_s": d, "editor_s": e, "ratio": e / d, "complete_s": c,
            "complete_ratio": c / d, "big": big}


def report(r: dict[str, Any], argv: str) -> str:
    big = r["big"]
    ok_open = "✅ met" if r["ratio"] <= 1.5 else "❌ not met"
    ok_edit = "✅ met" if big["worst_s"] <= 0.1 else "❌ not met"
    return "\n".join([
        f"## The routine editor (`python -m benchmarks.editor {argv}`)",
        "",
        "Opening, cold: the main window shown with its routines read, then, in a process of "
        "its own each (alternating), the library opening on a routine's detail, or Customize "
        "opening the editor on a copy of it (built and painted; the validator's check and "
        "the plan builder's preview follow right after the first paint, as the home "
        "screen's summary does: 'complete' is when they are shown); median of "
        f"{r['runs']} each.",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        f"| library: a routine's detail shown | {r['detail_s'] * 1000:.0f} ms | baseline |",
        f"| editor opened on it (Customize), painted | {r['editor_s'] * 1000:.0f} ms | |",
        f"| ratio | {r['ratio']:.2f}× | ≤ 1.5× {ok_open} |",
        f"| editor complete: problems and preview shown | {r['complete_s'] * 1000:.0f} ms "
        f"({r['complete_ratio']:.2f}×) | |",
        "",
        "The ratio is close to its target and moves between runs (1.3–1.6× on the day it was "
        "first measured, on a machine whose speed varied: take the median of 15 or more). "
        "What keeps it there: the step form makes its rows when a step first needs them, a "
        "dose's range boxes and a field's problem label when first shown, and the check and "
        "preview wait for the first paint.",
        "",
        f"A routine of {big['steps']} steps ({big['segments']} segments in the preview; the "
        f"validator also reports the step count, {big['problems']} problem(s)): the hold of "
        "the step in the middle changed through its spin box, then checked and previewed and "
        f"painted; {big['edits']} edits. The window waits 150 ms after the last key before "
        "checking (not counted here), so a person sees the preview that much later.",
        "",
        "| figure | measured | target |",
        "|---|---|---|",
        f"| edit to preview, median | {big['median_s'] * 1000:.1f} ms | |",
        f"| edit to preview, worst | {big['worst_s'] * 1000:.1f} ms | ≤ 100 ms {ok_edit} |",
        "",
    ])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["--child"]:
        if args_in[1] == "open":
            result: dict[str, Any] = child_open(args_in[2])
        else:
            result = child_edits(int(args_in[2]), int(args_in[3]))
        print(json.dumps(result))
        return result
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args(args_in)
    result = run(args.runs, args.edits)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report(result, f"--runs {args.runs} --edits {args.edits}"),
                   encoding="utf-8")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
