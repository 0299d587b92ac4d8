"""The suite's own honesty: a test that cannot run says so, and in CI it fails.

tests/conftest.py turns every skip into a failure when ``CI`` is set (CI installs every tool
the tests need: .ci/run); locally the same test skips with its reason, which ``-ra`` lists.
Checked here on small test files run by pytest itself (``pytester``).
"""

from __future__ import annotations

import pytest

CONFTEST = "from tests.conftest import pytest_make_collect_report, pytest_runtest_makereport\n"

TESTS = '''
import pytest

def test_needs_a_tool():
    pytest.skip("frobnicate is not installed (apt-get install frob)")

@pytest.mark.skipif(True, reason="needs Xvfb")
def test_marked():
    pass

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_known_bug():
    assert False

def test_runs():
    pass
'''


@pytest.mark.parametrize("ci", ["", "true"], ids=["local", "ci"])
def test_a_skip_skips_with_its_reason_locally_and_fails_in_ci(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_tools=TESTS)
    result = pytester.runpytest_inprocess("-ra", "-p", "no:cacheprovider")
    if ci:
        result.assert_outcomes(passed=1, failed=1, errors=1, xfailed=1)
        result.stdout.fnmatch_lines([
            "*skipped in CI, where every tool the tests need is installed (.ci/run): "
            "frobnicate is not installed (apt-get install frob)*",
            "*skipped in CI*needs Xvfb*"])
    else:
        result.assert_outcomes(passed=1, skipped=2, xfailed=1)
        result.stdout.fnmatch_lines(["SKIPPED*frobnicate is not installed*",
                                     "SKIPPED*needs Xvfb*"])


def test_a_module_skipped_while_collected_fails_in_ci(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_module="import pytest\n"
                        "pytest.importorskip('no_such_module_here')\n"
                        "def test_x():\n    pass\n")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*skipped in CI*no_such_module_here*"])
