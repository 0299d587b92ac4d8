"""Start-up with 500 user protocols (one of them broken) against none.

Both are whole processes started through the app's entry point (``benchmarks.startup_child
app``), alternating, median of several runs; the figure is the ratio of the times to the
first painted window. ``python -m benchmarks.protocols [--count 500] [--runs 7]``; writes
docs/benchmarks/protocols.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.startup import child_env, measure

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "benchmarks" / "protocols.md"


def fill(folder: Path, count: int) -> None:
    """``count`` valid copies of the bundled post-run routine under new ids, and one broken."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = json.loads((ROOT / "protocols" / "post-run-soleus.json").read_text("utf-8"))
    for i in range(count - 1):
        doc.update(id=f"routine-{i:03d}", name=f"Routine {i:03d}")
        (folder / f"routine-{i:03d}.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "broken.json").write_text('{"format": 1, "id": "broken",', encoding="utf-8")


def run(count: int = 500, runs: int = 7) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp, "empty"), Path(tmp, "full")
        empty.mkdir()
        fill(full / "protocols", count)
        envs = {"empty": child_env(str(empty)), "full": child_env(str(full))}
        for env in envs.values():  # warm the page cache
            measure("app", env)
        times: dict[str, list[float]] = {"empty": [], "full": []}
        for _ in range(runs):
            for name, env in envs.items():
                times[name].append(measure("app", env)[0])
    empty_s, full_s = statistics.median(times["empty"]), statistics.median(times["full"])
    return {"count": count, "runs": runs, "empty_paint_s": empty_s, "full_paint_s": full_s,
            "ratio": full_s / empty_s}


def report(r: dict[str, Any]) -> str:
    met = "✅ met" if r["ratio"] <= 1.5 else "❌ not met"
    return "\n".join([
        f"## {r['count']} user protocols (`python -m benchmarks.protocols --count {r['count']} "
        f"--runs {r['runs']}`)",
        "",
        f"{r['count'] - 1} valid routines and one broken file in the user's folder, against an "
        f"empty folder; whole processes to the first painted window, median of {r['runs']} "
        "alternating runs. Every file is read and validated before the first paint (the list "
        "shows them all, the broken one with its error).",
        "",
        "| figure | empty folder | with the protocols | ratio | target |",
        "|---|---|---|---|---|",
        f"| start to first paint | {r['empty_paint_s'] * 1000:.0f} ms | "
        f"{r['full_paint_s'] * 1000:.0f} ms | {r['ratio']:.2f}× | ≤ 1.5× {met} |",
        "",
    ])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    result = run(args.count, args.runs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report(result), encoding="utf-8")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
