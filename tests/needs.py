"""Tools a test needs from the system: a missing one skips the test with the reason here,
and fails it under CI (``CI=true``), where .ci/run installs everything, so that a missing
package cannot turn a check into a silent skip."""

from __future__ import annotations

import os
import shutil

import pytest


def require(*tools: str) -> None:
    """Every program in ``tools`` is on PATH, or the test cannot run."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not installed (.ci/run installs it)")


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must have this: {reason}")
    pytest.skip(reason)
