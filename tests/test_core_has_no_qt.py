"""The core is plain Python: importing it must not load PySide6."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "soleus_coach.protocol", "soleus_coach.settings", "soleus_coach.paths", "soleus_coach.cues",
    "soleus_coach.checkin", "soleus_coach.cli", "soleus_coach.session.plan",
    "soleus_coach.session.engine", "soleus_coach.session.clock", "soleus_coach.session.present",
    "soleus_coach.history", "soleus_coach.history.recorder", "soleus_coach.history.export",
    "soleus_coach.safety", "soleus_coach.texts", "soleus_coach.logs", "soleus_coach.desktop",
    "soleus_coach.runs", "soleus_coach.runs.model", "soleus_coach.runs.parse",
    "soleus_coach.runs.importer", "soleus_coach.cli.runs", "soleus_coach.runs.describe",
    "soleus_coach.history.run_import", "soleus_coach.history.run_store",
    "soleus_coach.load_notes", "soleus_coach.reminders", "soleus_coach.sharing",
    "soleus_coach.atomic", "soleus_coach.editing", "soleus_coach.tracker",
    "soleus_coach.programme.rules", "soleus_coach.programme.days", "soleus_coach.cli.programme",
    "soleus_coach.protocol.programme", "soleus_coach.history.programme_store",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_qt(module: str) -> None:
    code = f"import sys, {module}; assert 'PySide6' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
