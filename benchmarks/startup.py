"""Start-up time to first paint and peak RSS: the app against a bare PySide6 window.

Both are started the same way (a fresh ``python -m benchmarks.startup_child KIND``), in the
same run, alternating, offscreen; the figure is the ratio of medians.
``python -m benchmarks.startup [--runs N]``
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def measure(kind: str, env: dict[str, str]) -> tuple[float, int, float]:
    """(first paint, peak RSS, home complete: routines and history shown; the app only)."""
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "benchmarks.startup_child", kind], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120, check=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    complete = (data["summary_at"] or data["painted_at"]) - t0
    return data["painted_at"] - t0, int(data["maxrss_kib"]), complete


def child_env(data_dir: str) -> dict[str, str]:
    """Offscreen, a given data folder, and bytecode as an installed app has it: pip compiles
    it at install time, so ``PYTHONDONTWRITEBYTECODE`` (set on some CI machines) would make
    every run compile the app from source, which no user ever sees."""
    compileall.compile_dir(ROOT / "soleus_coach", quiet=1)
    settings = Path(data_dir) / "settings.json"
    if not settings.exists():  # an everyday start, not the first one (no safety notice)
        settings.write_text('{"first_run_acknowledged": true}', encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOLEUS_COACH_DATA_DIR": data_dir}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(runs: int = 7, data_dir: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(str(data_dir or tmp))
        measure("bare", env)  # warm the page cache for both
        measure("app", env)
        bare_t, app_t, bare_m, app_m, app_c = [], [], [], [], []
        for _ in range(runs):
            t, m, _c = measure("bare", env)
            bare_t.append(t)
            bare_m.append(m)
            t, m, c = measure("app", env)
            app_t.append(t)
            app_m.append(m)
            app_c.append(c)
    return {
        "runs": runs,
        "bare_paint_s": statistics.median(bare_t),
        "app_paint_s": statistics.median(app_t),
        "paint_ratio": statistics.median(app_t) / statistics.median(bare_t),
        "app_complete_s": statistics.median(app_c),
        "complete_ratio": statistics.median(app_c) / statistics.median(bare_t),
        "bare_rss_mib": statistics.median(bare_m) / 1024,
        "app_rss_mib": statistics.median(app_m) / 1024,
        "rss_ratio": statistics.median(app_m) / statistics.median(bare_m),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    result = run(args.runs)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
