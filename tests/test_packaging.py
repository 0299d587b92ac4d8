"""A non-editable install works from any directory: the wheel carries protocols and assets."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_lists_routines_from_root(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                    str(ROOT)], check=True, timeout=300)
    (wheel,) = dist.glob("soleus_coach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for required in ("soleus_coach/protocols/post-run-soleus.json",
                     "soleus_coach/protocols/schema/protocol.schema.json",
                     "soleus_coach/protocols/programmes/soleus-loading-12-weeks.json",
                     "soleus_coach/protocols/schema/programme.schema.json",
                     "soleus_coach/assets/illustrations/soleus-wall-stretch.svg"):
        assert required in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], check=True,
                   timeout=600)
    env = {**os.environ, "SOLEUS_COACH_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([str(venv / "bin" / "soleus-coach"), "list"], cwd="/", env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    assert "post-run-soleus" in proc.stdout
    assert str(venv) in proc.stdout  # read from the installed copy, not this checkout
    bundled = venv.glob("lib/python*/site-packages/soleus_coach/protocols/*.json")
    proc = subprocess.run([str(venv / "bin" / "soleus-coach"), "validate", *map(str, bundled)],
                          cwd="/", env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout
