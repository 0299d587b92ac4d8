"""Whole exports, built here as the sites send them: a Strava bulk export (zip and unpacked
folder: activities.csv with names and types, activities/ with .gpx, .tcx, .fit and .gz) and a
Garmin Connect export (a zip of zips of FIT files); the zip reading's limits (a bomb, too many
entries, nesting, hostile names, encryption, the total budget); and reading in worker
processes giving what reading here gives, in order, and stopping when cancelled."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soleus_coach import cli, paths
from soleus_coach.history.store import open_store
from soleus_coach.runs import archive
from soleus_coach.runs.importer import Read, plan, read_all
from soleus_coach.runs.results import FileResult, Outcome, Summary
from tests.runfiles import (
    StravaActivity,
    Track,
    fit,
    garmin_export,
    gpx,
    strava_csv,
    strava_export,
    tcx,
    write,
)

DAY = datetime(2026, 6, 1, 6, 30, tzinfo=UTC)


def day(n: int, **kw: object) -> Track:
    return Track(start=DAY + timedelta(days=n), **kw)  # type: ignore[arg-type]


def cli_run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out), out.getvalue()


def strava_activities() -> list[StravaActivity]:
    return [
        StravaActivity(1, "Run", "Morning Run", "activities/1.gpx.gz",
                       gpx(day(0, distance_m=8000, elapsed_s=2700)).encode()),
        StravaActivity(2, "Run", "Track session", "activities/2.fit.gz",
                       fit(day(1, distance_m=6000, elapsed_s=1800))),
        StravaActivity(3, "Trail Run", "Hills", "activities/3.tcx",
                       tcx(day(2, distance_m=12_000, elapsed_s=4800, climb_m=300)).encode()),
        StravaActivity(4, "Run", "No type in the file", "activities/4.gpx",
                       gpx(day(3, distance_m=5000, elapsed_s=3300), sport_tag=False).encode()),
        StravaActivity(5, "Ride", "Commute", "activities/5.gpx.gz",
                       gpx(day(4, distance_m=9000, elapsed_s=1800), type_word="9").encode()),
        StravaActivity(6, "Swim", "Lake", "activities/6.fit",
                       fit(day(5, sport="swimming", distance_m=2000, elapsed_s=2700))),
        StravaActivity(7, "Run", "Treadmill, typed in", ""),
        StravaActivity(8, "Yoga", "Stretching", ""),
        StravaActivity(9, "Run", "Lost file", "activities/9.gpx"),
        StravaActivity(10, "Walk", "Recorded as a run", "activities/10.gpx",
                       gpx(day(6, distance_m=4000, elapsed_s=2400)).encode()),
        StravaActivity(11, "Curling", "Club", "activities/11.fit",
                       fit(day(7, distance_m=1500, elapsed_s=3600, sport="other"))),
    ]


def strava_expected(lines: list[str], label: str) -> None:
    by_name = dict(line.split(": ", 1) for line in lines[:-1])
    assert by_name[f"{label} › activities/1.gpx.gz"].startswith("imported 2026-06-01")
    assert by_name[f"{label} › activities/2.fit.gz"].startswith("imported 2026-06-02")
    assert by_name[f"{label} › activities/3.tcx"].startswith("imported 2026-06-03")
    assert by_name[f"{label} › activities/4.gpx"].startswith("imported 2026-06-04")  # "Run"
    assert by_name[f"{label} › activities/5.gpx.gz"] == "not a run: cycling"
    assert by_name[f"{label} › activities/6.fit"] == "not a run: swimming"
    assert by_name[f"{label} › Treadmill, typed in"] == (
        "failed: entered by hand on Strava: the export holds no file for it")
    assert by_name[f"{label} › Stretching"] == "not a run: fitness training"
    assert by_name[f"{label} › activities/9.gpx"] == (
        "failed: listed in activities.csv but not in the export")
    assert by_name[f"{label} › activities/10.gpx"] == "not a run: walking"
    # a type this app does not know: the file's own figures decide
    assert by_name[f"{label} › activities/11.fit"] == (
        "not a run: a pace of 40:00/km is slower than running: a walk or a swim")
    assert lines[-1] == "4 imported, 0 not sure, 0 duplicate, 5 not runs, 2 failed"


def test_a_strava_bulk_export_zip(tmp_path: Path) -> None:
    path = write(tmp_path, "export_12345.zip", strava_export(strava_activities()))
    code, out = cli_run("runs", "import", str(path))
    assert code == 1  # two failed: said, and the rest imported
    strava_expected(out.splitlines(), str(path))
    assert "routes/1.gpx" not in out  # a plan, not a run: never read
    store = open_store(paths.history_db_path())
    names = sorted(r.name for r in store.runs())
    assert names == ["Hills", "Morning Run", "No type in the file", "Track session"]
    assert not any(r.not_sure for r in store.runs())  # "Run" in the index settles it
    code, out = cli_run("runs", "import", str(path))  # again: duplicates, nothing new
    assert out.splitlines()[-1] == "0 imported, 0 not sure, 4 duplicate, 5 not runs, 2 failed"


def test_an_unpacked_strava_export_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export_12345"
    for a in strava_activities():
        if a.file and a.content:
            write(folder / "activities", a.file.removeprefix("activities/"),
                  gzip.compress(a.content) if a.file.endswith(".gz") else a.content)
    write(folder / "routes", "1.gpx", gpx(Track(), times=False))
    write(folder, "activities.csv", strava_csv(strava_activities()))
    code, out = cli_run("runs", "import", str(tmp_path))  # the folder above it
    assert code == 1  # two failed
    strava_expected(out.splitlines(), str(folder))


def test_a_strava_index_may_only_name_files_inside_its_export(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.gpx", gpx(Track()))
    folder = tmp_path / "export"
    write(folder, "activities.csv", strava_csv([
        StravaActivity(1, "Run", "Up", "../secret.gpx"),
        StravaActivity(2, "Run", "Absolute", str(secret)),
        StravaActivity(3, "Run", "Link", "activities/link.gpx")]))
    (folder / "activities").mkdir()
    (folder / "activities" / "link.gpx").symlink_to(secret)
    code, out = cli_run("runs", "import", str(folder))
    assert code == 1
    assert out.count("failed: listed in activities.csv but not in the export") == 3, out
    assert open_store(paths.history_db_path()).run_count() == 0


def test_a_garmin_connect_export_with_zips_inside(tmp_path: Path) -> None:
    files = {f"runner@example.org_{1000 + i}.fit": fit(day(i, distance_m=5000 + 500 * i,
                                                          elapsed_s=1500 + 150 * i))
             for i in range(9)}
    files["runner@example.org_2000.fit"] = fit(day(20, sport="cycling", distance_m=30_000,
                                                   elapsed_s=3600))
    files["runner@example.org_2001.gpx"] = gpx(day(0, distance_m=5000,
                                                   elapsed_s=1500)).encode()  # a twin
    path = write(tmp_path, "garmin-export.zip", garmin_export(files, parts=2))
    code, out = cli_run("runs", "import", str(path))
    assert code == 0, out
    assert out.splitlines()[-1] == "9 imported, 0 not sure, 1 duplicate, 1 not runs, 0 failed"
    assert "UploadedFiles_0-_Part2.zip › runner@example.org_1001.fit: imported" in out
    assert open_store(paths.history_db_path()).run_count() == 9


# ------------------------------------------------------------------ zip safety


def one(path: Path) -> list[FileResult]:
    """The results of listing and reading one archive."""
    with plan([path]) as found:
        from soleus_coach.history.run_import import store_reads

        store = open_store(path.with_suffix(".sqlite3"))
        return store_reads(store, read_all(found.entries, workers=1))


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_a_zip_bomb_stops_within_a_megabyte(tmp_path: Path) -> None:
    bomb = write(tmp_path, "bomb.zip", zip_of({"a.fit": bytes(40 * 2**20),
                                                "b.gpx": gpx(Track()).encode()}))
    results = one(bomb)
    assert results[0].detail == "compressed more than 100 to 1: refused as a zip bomb"
    assert results[1].outcome is Outcome.IMPORTED  # the rest of the archive is read


def test_too_many_entries_is_refused_before_the_directory_is_read(tmp_path: Path) -> None:
    data = bytearray(zip_of({f"{i}.gpx": b"x" for i in range(3)}))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60_000, 60_000)  # entries on disk, in all
    (result,) = one(write(tmp_path, "many.zip", bytes(data)))
    assert result.detail == "the archive lists 60000 entries; at most 50000 are read"
    data = bytearray(zip_of({"a.gpx": b"x"}))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<I", data, end + 12, 9 * 2**20)  # a directory of 9 MiB
    (result,) = one(write(tmp_path, "big.zip", bytes(data)))
    assert "at most 50000 are read" in result.detail


def test_zips_inside_zips_are_followed_three_levels_deep(tmp_path: Path) -> None:
    inner = zip_of({"deep.gpx": gpx(Track()).encode()})
    two = zip_of({"level3.zip": inner})
    three = zip_of({"level2.zip": two, "top.gpx": gpx(day(1)).encode()})
    results = one(write(tmp_path, "nest.zip", three))
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    four = zip_of({"level2.zip": zip_of({"level3.zip": zip_of({"level4.zip": inner})})})
    (result,) = one(write(tmp_path, "deeper.zip", four))
    assert result.detail == "an archive inside an archive more than 3 levels deep: not read"
    assert result.short.endswith("level4.zip")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_member_names_are_only_shown_never_used_as_paths(tmp_path: Path) -> None:
    evil = ["../../escaped.gpx", "/etc/absolute.gpx", "C:\\windows\\x.gpx",
            "a/\u202eevil.gpx", "dup.gpx", "dup.gpx"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i, name in enumerate(evil):
            z.writestr(name, gpx(day(i)).encode())
    folder = tmp_path / "a" / "b"
    path = write(folder, "names.zip", buf.getvalue())
    code, out = cli_run("runs", "import", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "6 imported, 0 not sure, 0 duplicate, 0 not runs, 0 failed"
    assert "\u202e" not in out and "\\x202e" in out
    assert list(tmp_path.rglob("*")) == [tmp_path / "a", folder, path]  # nothing unpacked
    assert not Path("/etc/absolute.gpx").exists()


def test_an_encrypted_member_and_a_broken_archive(tmp_path: Path) -> None:
    data = bytearray(zip_of({"secret.gpx": gpx(Track()).encode()}, zipfile.ZIP_STORED))
    data[6] |= 0x01  # the local header's "encrypted" flag…
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x01  # …and the directory's
    (result,) = one(write(tmp_path, "locked.zip", bytes(data)))
    assert result.detail == "encrypted: it cannot be read without a password"
    (result,) = one(write(tmp_path, "junk.zip", b"PK\x03\x04 not a zip at all"))
    assert result.detail.startswith("not a readable zip archive")


def test_one_import_inflates_within_its_budget(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL", 48 * 1024)
    files = {f"{i}.gpx": gpx(day(i, points=200)).encode() for i in range(6)}  # ~20 KiB each
    results = one(write(tmp_path, "budget.zip", zip_of(files)))
    assert [r.outcome for r in results[:2]] == [Outcome.IMPORTED, Outcome.IMPORTED]
    assert results[2].detail == "the archive unpacks to more than 0 GiB: the rest was not read"


# ------------------------------------------------------------------ reading in parallel


def folder_of_files(folder: Path) -> None:
    for i in range(10):
        write(folder, f"{i:02d}.fit", fit(day(i, points=60)))
    write(folder, "10.gpx", gpx(day(0)))  # the same run as 00.fit
    write(folder, "11.fit", b"junk")
    write(folder, "12.tcx", tcx(day(30, sport="cycling", distance_m=20_000)))
    write(folder, "13.gpx", gpx(day(31, distance_m=5000, elapsed_s=3300), sport_tag=False))


def outcome(read: Read | FileResult) -> tuple[str, str]:
    assert isinstance(read, Read)
    if read.runs is None:
        return read.name, str(read.problem)
    return read.name, repr((read.runs.runs, [str(d) for d in read.runs.doubts],
                            read.runs.skipped))


def test_worker_processes_read_what_this_process_reads_in_order(tmp_path: Path) -> None:
    folder_of_files(tmp_path / "files")
    with plan([tmp_path / "files"]) as found:
        here = [outcome(r) for r in read_all(found.entries, workers=1)]
        there = [outcome(r) for r in read_all(found.entries, workers=2)]
    assert here == there and len(here) == 14
    assert [Path(name).name for name, _ in there] == sorted(p.name for p in
                                                            (tmp_path / "files").iterdir())


def test_a_cancelled_import_stops_and_keeps_what_was_read(tmp_path: Path) -> None:
    from soleus_coach.history.run_import import import_paths

    folder_of_files(tmp_path / "files")
    store = open_store(tmp_path / "h.sqlite3")
    seen: list[int] = []
    results = import_paths(store, [tmp_path / "files"], cancelled=lambda: len(seen) >= 4,
                           step=seen.append, workers=2)
    assert 4 <= len(results) < 14
    assert store.run_count() == Summary.of(results).imported + Summary.of(results).not_sure
