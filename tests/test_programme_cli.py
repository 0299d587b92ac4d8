"""``soleus-coach programme …`` and ``soleus-coach report …`` through ``cli.main``: start,
status, pause, resume, end, list, validate; the report written as a PDF of at most two A4
pages, and refused over the app's own files, links, FIFOs, devices and the protocol folders.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from soleus_coach import cli, paths
from tests.test_programme_report import eight_weeks


def run(*argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    err = io.StringIO()
    import sys

    old, sys.stderr = sys.stderr, err
    try:
        code = cli.main(list(argv), out)
    finally:
        sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def test_start_status_pause_resume_end(data_dir: Path) -> None:
    code, out, _ = run("programme", "status")
    assert code == 0 and "No programme under way" in out
    code, out, _ = run("programme", "start", "soleus-loading-12-weeks")
    assert code == 0 and out == "started Soleus loading, 12 weeks\n"
    code, _, err = run("programme", "start", "stretch-around-every-run")
    assert code == 1 and "already under way" in err
    code, out, _ = run("programme", "status")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ("Soleus loading, 12 weeks: phase 1 of 3, Both legs (Body weight, on "
                        "both legs)")
    assert lines[1].startswith("Week 1 of 12, started ")
    assert lines[2] == "Today: Heel drops 0 of 2 · After-run stretch after each run"
    assert lines[3] == "Next: Heel drops (heel-drops-both-legs)"
    assert run("programme", "pause")[:2] == (0, "paused\n")
    assert ", paused" in run("programme", "status")[1]
    assert run("programme", "pause")[0] == 1
    assert run("programme", "resume")[:2] == (0, "resumed\n")
    code, out, _ = run("programme", "list")
    assert code == 0 and "soleus-loading-12-weeks" in out and "under way" in out
    assert run("programme", "end")[0] == 0
    assert "No programme under way" in run("programme", "status")[1]
    code, _, err = run("programme", "start", "no-such-programme")
    assert code == 1 and "no programme with the id" in err


def test_validate_says_what_is_wrong_and_where(tmp_path: Path) -> None:
    good = paths.bundled_programmes_dir() / "soleus-loading-12-weeks.json"
    assert run("programme", "validate", str(good)) == (0, "1 file(s) valid\n", "")
    doc = json.loads(good.read_text())
    doc["phases"][1]["routines"][0]["routine"] = "gone"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, indent=2))
    code, out, _ = run("programme", "validate", str(bad))
    assert code == 1
    assert "bad.json: $.phases[1].routines[0].routine (line" in out and "'gone'" in out


def test_the_report_of_eight_weeks_is_at_most_two_a4_pages(data_dir: Path,
                                                           tmp_path: Path) -> None:
    eight_weeks(data_dir).store.close()
    target = tmp_path / "report.pdf"
    code, out, err = run("report", "--from", "2026-03-02", "--to", "2026-04-26", "-o",
                         str(target))
    assert code == 0, err
    assert out.startswith(f"wrote {target}")
    assert target.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(next(line.split()[1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        assert 1 <= pages <= 2
        assert "595 x 842 pts (A4)" in info
    code, _, err = run("report", "--from", "2026-03-02", "--to", "2026-04-26", "-o",
                       str(target))
    assert code == 1 and "exists; add --force" in err
    assert run("report", "--from", "2026-03-02", "--to", "2026-04-26", "-o", str(target),
               "--force")[0] == 0
    code, _, err = run("report", "--from", "2026-04-26", "--to", "2026-03-02", "-o",
                       str(tmp_path / "r2.pdf"))
    assert code == 1 and "ends before it starts" in err


def _targets(data: Path, tmp_path: Path, which: str) -> Path:
    """A target of the kind ``which``, named FILE.pdf as the command asks."""
    if which in ("history", "settings"):
        own = data / ("history.sqlite3" if which == "history" else "settings.json")
        if not own.exists():
            own.write_text("{}")
        target = tmp_path / f"{which}.pdf"
        os.link(own, target)  # another name for one of the app's own files
        return target
    if which == "link":
        target = tmp_path / "link.pdf"
        target.symlink_to(tmp_path / "elsewhere.pdf")
        return target
    if which == "fifo":
        target = tmp_path / "fifo.pdf"
        os.mkfifo(target)
        return target
    if which == "device":
        target = tmp_path / "device.pdf"
        try:
            os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's
        except PermissionError:
            pytest.skip("cannot make a device node here")
        return target
    folder = data / "protocols" if which == "user protocols" else \
        paths.bundled_protocols_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "report.pdf"


@pytest.mark.parametrize("which", ["history", "settings", "link", "fifo", "device",
                                   "user protocols", "bundled protocols"])
def test_the_report_is_never_written_over_the_apps_files_links_or_devices(
        data_dir: Path, tmp_path: Path, which: str) -> None:
    eight_weeks(data_dir, weeks=1).store.close()
    target = _targets(data_dir, tmp_path, which)
    before = target.read_bytes() if target.is_file() and not target.is_symlink() else None
    code, _, err = run("report", "--from", "2026-03-02", "--to", "2026-03-08", "-o",
                       str(target), "--force")
    assert code == 1, which
    assert "cannot write" in err, err
    if before is not None:
        assert target.read_bytes() == before
    if which.endswith("protocols"):
        assert not target.exists()
    assert not (tmp_path / "elsewhere.pdf").exists()
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_the_report_is_a_pdf(tmp_path: Path) -> None:
    code, _, err = run("report", "--from", "2026-03-02", "--to", "2026-03-08", "-o",
                       str(tmp_path / "report.txt"))
    assert code == 1 and "name it FILE.pdf" in err
