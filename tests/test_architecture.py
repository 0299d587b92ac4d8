"""The house as docs/architecture.md draws it: no two modules import each other, the
window's top level stays small, and no file of it grows past what a reader takes in.

The layers themselves are import-linter's contracts (``lint-imports``, in ``make test``);
these are the rules it has no contract type for.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "soleus_coach"
#: The shell's own files at gui/'s top level (the workflows have packages of their own).
GUI_TOP_LEVEL_MAX = 12
#: Lines a file of the window may have.
GUI_FILE_MAX_LINES = 600


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("soleus_coach")


def test_no_module_imports_a_module_that_imports_it(graph: grimp.ImportGraph) -> None:
    """Function-level imports count: a lazy import does not make a circle go away."""
    pairs = sorted({tuple(sorted((a, b))) for a in graph.modules
                    for b in graph.find_modules_directly_imported_by(a)
                    if a in graph.find_modules_directly_imported_by(b)})
    assert pairs == [], f"modules that import each other: {pairs}"


def test_reading_runs_does_not_reach_the_history(graph: grimp.ImportGraph) -> None:
    """runs/ parses files; history/ stores them: the store depends on the run model, never
    the other way round (not even through a third module)."""
    assert graph.find_shortest_chain("soleus_coach.runs", "soleus_coach.history") is None


def test_the_windows_top_level_holds_the_shell_only() -> None:
    top = sorted(p.name for p in (PACKAGE / "gui").glob("*.py"))
    assert len(top) <= GUI_TOP_LEVEL_MAX, top


@pytest.mark.parametrize("path", sorted((PACKAGE / "gui").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_file_of_the_window_is_too_long_to_read(path: Path) -> None:
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= GUI_FILE_MAX_LINES, f"{path.name}: {n} lines"


def test_every_package_says_what_lives_there_and_what_it_may_use() -> None:
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if init.parent.name == "__pycache__":
            continue
        doc = init.read_text(encoding="utf-8").lstrip()
        assert doc.startswith('"""'), f"{init.relative_to(PACKAGE)} has no docstring"
