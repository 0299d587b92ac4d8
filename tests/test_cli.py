from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import __version__, cli
from tests.conftest import ROOT, minimal_protocol, write_protocol


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out)
    return code, out.getvalue()


def test_list_shows_id_name_kind_duration_and_source(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_protocol(data_dir / "protocols", "mine.json", minimal_protocol(id="mine", name="Mine"))
    code, out = run("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["ID", "NAME", "WHEN", "DURATION"]
    post = next(line for line in lines if line.startswith("post-run-soleus"))
    # By hand from protocols/post-run-soleus.json: get ready 10 s, then per leg 10 s into
    # position + 3 × 30 s holds + 2 × 10 s rests = 120 s, two legs; then 1200 s of ice.
    assert 10 + 2 * (10 + 3 * 30 + 2 * 10) + 1200 == 24 * 60 + 10
    assert "Post-run soleus recovery" in post and "post-run" in post and "24:10" in post
    assert "post-run-soleus.json [bundled]" in post
    assert any(line.startswith("mine ") and "[user]" in line for line in lines)
    assert capsys.readouterr().err == ""


def test_list_reports_a_broken_file_on_stderr_and_exits_1(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The table on stdout stays a table (a script can read it); the problem goes to
    stderr and the exit status says that something is wrong."""
    write_protocol(data_dir / "protocols", "mine.json", minimal_protocol(id="mine", name="Mine"))
    (data_dir / "protocols" / "bad.json").write_text("[]")
    code, out = run("list")
    assert code == 1
    assert "bad.json" not in out and "skipped" not in out
    assert any(line.startswith("mine ") for line in out.splitlines())
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("soleus-coach: skipped bad.json: ")


def test_validate_bundled_protocols_passes() -> None:
    files = sorted(str(p) for p in (ROOT / "protocols").glob("*.json"))
    code, out = run("validate", *files)
    assert code == 0 and out.strip() == f"{len(files)} file(s) valid"


def test_validate_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    doc = minimal_protocol(when="never")
    doc["steps"][0]["hold_s"]["default"] = 45
    bad = write_protocol(tmp_path, "my-routine.json", doc)
    good = write_protocol(tmp_path, "good.json", minimal_protocol())
    code, out = run("validate", str(good), str(bad), str(tmp_path / "missing.json"))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert any(line.startswith("my-routine.json: $.steps[0].hold_s.default (line ")
               and line.endswith("45 s is more than the most the runner may choose, 30 s: "
                                 "raise the most or lower it") for line in lines)
    assert any("$.when" in line for line in lines)
    assert any(line.startswith("missing.json: cannot read") for line in lines)


def test_validate_escapes_control_characters_in_output(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[31m.json"
    path.write_text("{")
    code, out = run("validate", str(path))
    assert code == 1 and "\x1b" not in out and "\\x1b" in out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_validate_never_tracebacks_for_any_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.json"
    path.write_bytes(data)
    code, out = run("validate", str(path))
    assert code in (0, 1) and out.strip()
    assert "Traceback" not in out


def test_version_and_real_process_without_display() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    proc = subprocess.run([sys.executable, "-m", "soleus_coach", "--version"], cwd="/",
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"soleus-coach {__version__}"
    proc = subprocess.run([sys.executable, "-m", "soleus_coach", "validate", "/dev/null"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1 and "is not a regular file" in proc.stdout and not proc.stderr


def test_cli_commands_do_not_import_qt() -> None:
    code = ("import sys, io; from soleus_coach import cli; cli.main(['list'], io.StringIO());"
            "print('PySide6' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert proc.stdout.strip() == "False"

