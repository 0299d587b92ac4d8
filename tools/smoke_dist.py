"""Smoke-test a standalone build in a bare environment: no virtualenv, no PYTHONPATH, a
minimal PATH and an empty HOME, as a fresh desktop session would start it.

``python tools/smoke_dist.py dist/soleus-coach``: ``--version``, ``list``, then the GUI
offscreen until its window is up (the log says so) and a SIGTERM closes it (exit 0).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(folder: str) -> int:
    exe = Path(folder).resolve() / ("soleus-coach.exe" if sys.platform == "win32"
                                    else "soleus-coach")
    with tempfile.TemporaryDirectory() as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen"}
        version = subprocess.run([str(exe), "--version"], env=env, capture_output=True,
                                 text=True, timeout=60, check=True).stdout.strip()
        print(f"--version: {version}")
        listing = subprocess.run([str(exe), "list"], env=env, capture_output=True, text=True,
                                 timeout=60, check=True).stdout
        assert "post-run-soleus" in listing, listing
        print(f"list: {len(listing.splitlines()) - 1} routines")
        t0 = time.monotonic()
        proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        log = Path(home) / ".local" / "share" / "soleus-coach" / "logs" / "soleus-coach.log"
        try:
            while time.monotonic() - t0 < 60 and proc.poll() is None:
                if log.exists() and "language" in log.read_text(encoding="utf-8"):
                    break
                time.sleep(0.1)
            else:
                err = proc.communicate(timeout=10)[1] if proc.poll() is not None else ""
                raise SystemExit(f"the window did not come up: {proc.returncode} {err[-2000:]}")
            up = time.monotonic() - t0
            time.sleep(1)
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=20)
        finally:
            if proc.poll() is None:
                proc.kill()
        if proc.returncode != 0:
            raise SystemExit(f"exit code {proc.returncode}: {err[-2000:]}")
        print(f"GUI: window up in {up:.1f} s, closed by SIGTERM with exit code 0")
    size = sum(p.stat().st_size for p in Path(folder).rglob("*")
               if p.is_file() and not p.is_symlink())
    print(f"size: {size / 2**20:.0f} MiB in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
