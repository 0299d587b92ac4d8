"""The child half of ``tests/test_every_screen.py``: run by it, on a screen of its own (not
collected by itself: its name does not start with ``test_``)."""

from __future__ import annotations

import os

import pytest

from tests import test_actions as crawl
from tests.test_every_screen import CHILD, VARIANTS, Shots, _each_window, variant_app

__all__ = ["variant_app"]  # the fixture, for pytest


@pytest.mark.parametrize("variant_app", VARIANTS, indirect=True, ids=VARIANTS)
def test_every_window_on_this_screen(variant_app: crawl.App,
                                     request: pytest.FixtureRequest) -> None:
    variant = request.node.callspec.id
    shots = Shots(variant_app.qtbot, os.environ[CHILD], variant)
    _each_window(variant_app, shots)
    shots.sheet()
    assert shots.problems == []


