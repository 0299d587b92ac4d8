"""Runs from files: GPX, TCX and FIT written here read back as written; the same run from two
formats is stored once; hostile files give one line each; the command line."""

from __future__ import annotations

import gzip
import io
import os
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soleus_coach import cli, paths
from soleus_coach.history.run_import import import_paths
from soleus_coach.history.store import open_store
from soleus_coach.runs import RunProblem, Source
from soleus_coach.runs.parse import MAX_BYTES, MAX_FIT_BYTES, parse_bytes, read_file
from soleus_coach.runs.results import Outcome, Summary
from tests.runfiles import Track, fit, gpx, tcx, write

T = Track(start=datetime(2026, 11, 10, 17, 5, tzinfo=UTC), distance_m=12_300,
          elapsed_s=3720, points=373, climb_m=85)


def cli_run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(list(argv), out)
    return code, out.getvalue()


# ---------------------------------------------------------------- real-shaped files


@pytest.mark.parametrize("fmt", ["gpx", "tcx", "fit"])
def test_each_format_reads_back_the_values_written(tmp_path: Path, fmt: str) -> None:
    content = {"gpx": lambda: gpx(T), "tcx": lambda: tcx(T), "fit": lambda: fit(T)}[fmt]()
    path = write(tmp_path, f"evening.{fmt}", content)
    found = read_file(path)
    (run,) = found.runs
    assert found.doubts == (None,) and not run.not_sure
    assert run.source is Source(fmt)
    assert run.start == T.start
    assert run.distance_m == pytest.approx(T.distance_m, abs=1)
    assert run.elapsed_s == pytest.approx(T.elapsed_s)
    assert run.moving_s == pytest.approx(T.elapsed_s)
    assert run.climb_m == pytest.approx(T.climb_m, abs=1)
    assert run.pace_s_per_km == pytest.approx(3720 / 12.3, abs=0.5)
    assert run.file_name == f"evening.{fmt}"
    if fmt == "fit":  # the watch knows the runner's zone
        assert run.utc_offset_s == 3600 and run.local_start.hour == 18
    else:  # the file does not: this computer's offset at that date (UTC here)
        assert run.utc_offset_s == 0 and run.name == "Evening run"


def test_gzipped_files_from_a_bulk_export_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, "123.fit.gz", gzip.compress(fit(T)))
    assert read_file(path).runs[0].distance_m == pytest.approx(12_300)


def test_the_same_run_as_tcx_fit_and_gpx_is_one_run(tmp_path: Path) -> None:
    write(tmp_path, "a.tcx", tcx(T))
    write(tmp_path, "b.fit", fit(T))
    write(tmp_path, "c.gpx", gpx(Track(start=T.start + timedelta(seconds=50),  # a minute
                                        distance_m=T.distance_m + 60,  # and 100 m apart
                                        elapsed_s=T.elapsed_s, climb_m=T.climb_m)))
    store = open_store(tmp_path / "h.sqlite3")
    results = import_paths(store, [tmp_path])
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.DUPLICATE,
                                            Outcome.DUPLICATE]
    assert "FIT file's figures and time zone replace those of the TCX file" in results[1].detail
    assert results[2].detail == ""  # a GPX is worse than the FIT stored: nothing changes
    assert store.run_count() == 1 and store.runs()[0].source is Source.FIT
    again = import_paths(store, [tmp_path / "b.fit"])
    assert again[0].outcome is Outcome.DUPLICATE and store.run_count() == 1


def test_other_sports_are_named_in_words_and_counted(tmp_path: Path) -> None:
    write(tmp_path, "ride.fit", fit(Track(sport="cycling", distance_m=30_000)))
    write(tmp_path, "ride.gpx", gpx(Track(sport="cycling", distance_m=30_000)))
    write(tmp_path, "ride.tcx", tcx(Track(sport="cycling", distance_m=30_000)))
    write(tmp_path, "swim.fit", fit(Track(sport="swimming", distance_m=2_000)))
    write(tmp_path, "hike.gpx", gpx(Track(distance_m=8000, elapsed_s=7200), type_word="Hiking"))
    write(tmp_path, "run.gpx", gpx(Track(), sport_tag=False))  # no type, a runner's pace
    store = open_store(tmp_path / "h.sqlite3")
    results = import_paths(store, [tmp_path])
    summary = Summary.of(results)
    assert (summary.imported, summary.not_runs, summary.failed) == (1, 5, 0)
    words = {r.short: r.detail for r in results if r.outcome is Outcome.NOT_RUN}
    assert words == {"hike.gpx": "hiking", "ride.fit": "cycling", "ride.gpx": "cycling",
                     "ride.tcx": "cycling", "swim.fit": "swimming"}


@pytest.mark.parametrize("word", ["1", "16", "17", "9", "Other", "Car park"])
def test_a_number_or_an_unknown_type_is_judged_by_the_figures(word: str) -> None:
    """Apps disagree on numbers (Runtastic's 1 is a run, another's a ride): a number is no
    sport, and the pace decides; never a raw code in what the runner reads."""
    run = parse_bytes(gpx(T, type_word=word).encode(), "x.gpx")
    assert run.runs and not run.runs[0].not_sure  # 12.3 km in 62 min: a runner's pace
    swim = parse_bytes(gpx(Track(distance_m=2500, elapsed_s=3315), type_word=word).encode(),
                       "y.gpx")
    (skipped,) = swim.skipped
    assert str(skipped.why) == "a pace of 22:06/km is slower than running: a walk or a swim"
    assert word not in str(skipped.why)


# ---------------------------------------------------------------- hostile files


def expect_problem(data: bytes, name: str, *words: str) -> str:
    with pytest.raises(RunProblem) as info:
        parse_bytes(data, name)
    text = str(info.value)
    assert "\n" not in text and all(w in text for w in words), text
    return text


def test_truncated_and_corrupt_fit_files() -> None:
    good = fit(T)
    expect_problem(good[:len(good) // 2], "cut.fit", "damaged FIT file", "ends early")
    expect_problem(b"", "empty.fit", "damaged FIT file")
    expect_problem(os.urandom(2000), "noise.fit", "damaged FIT file")
    # a header that claims 4 GiB of data in a small file: read to its end, not waited on
    huge = bytearray(good)
    huge[4:8] = struct.pack("<I", 0xFFFFFFF0)
    assert parse_bytes(bytes(huge), "claims.fit").runs[0].distance_m == 12_300
    # a flipped byte somewhere: a clear reason, or the run with a note that says so
    for at in range(14, len(good), 97):
        flipped = bytearray(good)
        flipped[at] ^= 0xFF
        try:
            found = parse_bytes(bytes(flipped), "flipped.fit")
        except RunProblem as exc:
            assert "\n" not in str(exc) and str(exc)
        else:
            assert found.notes or found.runs[0].distance_m == 12_300


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.fit"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(RunProblem, match="at most 48 MiB"):
        read_file(path)
    dense = write(tmp_path, "dense.fit.gz", gzip.compress(fit(T)[:14] + bytes(MAX_FIT_BYTES)))
    with pytest.raises(RunProblem, match="at most 16 MiB"):
        read_file(dense)
    bomb = write(tmp_path, "bomb.gpx.gz", gzip.compress(b" " * (MAX_BYTES + 10)))
    with pytest.raises(RunProblem, match="at most 48 MiB"):
        read_file(bomb)


@pytest.mark.parametrize(("track", "words"), [
    (Track(distance_m=0), ("no distance",)),
    (Track(distance_m=500_000, elapsed_s=3 * 24 * 3600), ("500.0 km", "not one run")),
    (Track(distance_m=50_000, elapsed_s=3600), ("50.0 km/h", "not a run on foot")),
    (Track(distance_m=200, elapsed_s=1, points=2), ("lasts 1 s",)),
    (Track(start=datetime(2099, 1, 1, tzinfo=UTC)), ("2099-01-01", "in the future")),
    (Track(start=datetime(1979, 6, 1, tzinfo=UTC)), ("1979-06-01", "before 1980")),
])
@pytest.mark.parametrize("fmt", ["gpx", "tcx", "fit"])
def test_absurd_runs_are_refused_with_the_reason(track: Track, words: tuple[str, ...],
                                                 fmt: str) -> None:
    if fmt == "fit" and track.start.year < 1990:  # FIT counts from 1989-12-31; the first
        track = Track(start=datetime(1991, 6, 1, tzinfo=UTC))  # 8.5 years of it: since power-on
        words = ("no real date", "clock was not set")
    content = {"gpx": lambda: gpx(track).encode(), "tcx": lambda: tcx(track).encode(),
               "fit": lambda: fit(track)}[fmt]()
    expect_problem(content, f"x.{fmt}", *words)


def test_not_text_and_not_xml() -> None:
    expect_problem("<gpx>é".encode("utf-16-le"), "x.gpx", "not readable as GPX text")
    expect_problem(b"<gpx><trk>", "x.gpx", "not valid GPX")
    expect_problem(b"hello", "x.tcx", "not valid TCX")
    expect_problem(b"hello", "notes.txt", "not a GPX, TCX or FIT file")
    latin = gpx(Track(name="Läufchen")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert parse_bytes(latin.encode("latin-1"), "latin.gpx").runs[0].name == "Läufchen"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["a.fit", "a.gpx", "a.tcx"]))
def test_any_bytes_give_runs_or_one_line(data: bytes, name: str) -> None:
    try:
        parse_bytes(data, name)
    except RunProblem as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 1500), st.integers(0, 255)), min_size=1, max_size=6))
def test_a_damaged_fit_file_gives_its_run_or_one_line(changes: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL_FIT)
    for at, value in changes:
        data[at % len(data)] = value
    try:
        found = parse_bytes(bytes(data), "damaged.fit")
    except RunProblem as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert all(r.distance_m > 0 for r in found.runs)


SMALL_FIT = fit(Track(points=40))


def test_fifo_and_folder_of_5000_files(tmp_path: Path) -> None:
    """5,000 files: a count at the end, one result per file; a FIFO is not waited on; what
    was stored before is kept."""
    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(4990):
        (folder / f"{i:05d}.fit").write_bytes(b"\x0e\x10" + bytes(10))
    for i in range(10):
        write(folder, f"run{i}.gpx", gpx(Track(start=T.start + timedelta(days=i), points=20)))
    os.mkfifo(folder / "pipe.gpx")
    (folder / "readme.txt").write_text("not an activity")
    store = open_store(tmp_path / "h.sqlite3")
    store.add_run(parse_bytes(fit(T), "old.fit").runs[0])
    results = import_paths(store, [folder])
    s = Summary.of(results)
    assert (s.imported, s.failed, len(results)) == (10, 4991, 5001)
    assert any("not a regular file" in r.detail for r in results)
    assert store.run_count() == 11


# ---------------------------------------------------------------- command line


def test_cli_gpx_of_5_km_lists_5_0_km(tmp_path: Path) -> None:
    path = write(tmp_path, "five.gpx", gpx(Track(distance_m=5000, elapsed_s=1500)))
    code, out = cli_run("runs", "import", str(path))
    assert code == 0 and out.startswith(f"{path}: imported ") and "5.0 km" in out
    code, out = cli_run("runs", "list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["ID", "STARTED", "DISTANCE", "TIME", "PACE",
                                             "SOURCE"]
    assert "5.0 km" in lines[1] and "25:00" in lines[1] and "5:00/km" in lines[1]
    assert lines[1].rstrip().endswith("gpx five.gpx")


def test_cli_tcx_and_fit_of_one_run_are_duplicates_and_failures_exit_1(
        tmp_path: Path) -> None:
    a = write(tmp_path, "a.tcx", tcx(T))
    b = write(tmp_path, "b.fit", fit(T))
    code, out = cli_run("runs", "import", str(a), str(b))
    assert code == 0
    # the TCX has no zone: this computer's (UTC); the watch's file says UTC+1 and wins
    assert out.splitlines() == [
        f"{a}: imported 2026-11-10 17:05 12.3 km in 1:02:00 (5:02/km)",
        f"{b}: duplicate 2026-11-10 18:05 12.3 km in 1:02:00 (5:02/km): the FIT file's "
        "figures and time zone replace those of the TCX file",
        "1 imported, 0 not sure, 1 duplicate, 0 not runs, 0 failed"]
    bad = write(tmp_path, "bad\u202e.fit", b"garbage")
    code, out = cli_run("runs", "import", str(bad), str(tmp_path / "missing.gpx"))
    assert code == 1 and "\u202e" not in out and "\\x202e" in out
    assert "missing.gpx: failed: cannot read: No such file or directory" in out
    code, out = cli_run("runs", "list", "-n", "5")
    assert len(out.splitlines()) == 2 and "2026-11-10 18:05" in out


def test_cli_list_without_runs(tmp_path: Path) -> None:
    code, out = cli_run("runs", "list")
    assert code == 0 and out.startswith("No runs yet")


def test_history_export_includes_runs(tmp_path: Path) -> None:
    import csv
    import json

    evil = Track(name="=HYPERLINK(\"http://x\")")
    write(tmp_path, "evil.gpx", gpx(evil))
    assert cli_run("runs", "import", str(tmp_path / "evil.gpx"))[0] == 0
    code, out = cli_run("history", "export", "--format", "json")
    runs = json.loads(out)["runs"]
    assert code == 0 and len(runs) == 1 and runs[0]["distance_m"] == pytest.approx(5000, abs=1)
    assert runs[0]["name"] == evil.name  # JSON keeps the text as it is
    code, out = cli_run("history", "export", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["type"] == "run" and row["distance_km"] == "5.000"
    assert row["activity_name"].startswith("'=")  # neutralised for spreadsheets
    assert paths.history_db_path().exists()
