"""The cases of issue 25, each with a file built here as the real one was: a backward
timestamp, blanks before ``<?xml``, a damaged FIT whose summary is whole, an untyped swim, a
run not sure to be one, the GPX that came before the watch's FIT, a FIT with a zone and its
GPX twin on one clock, and refusals that name the real reason. Through the command line
(``cli.main``) where the runner would see them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from soleus_coach import cli, paths
from soleus_coach.history.run_import import import_paths
from soleus_coach.history.store import open_store
from soleus_coach.runs.model import RunProblem
from soleus_coach.runs.parse import parse_bytes
from soleus_coach.runs.results import Outcome
from tests.runfiles import LocalZone, Track, break_records, fit, gpx, tcx, write


def cli_run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out), out.getvalue()


@pytest.fixture
def berlin() -> Iterator[None]:
    zone = LocalZone("Europe/Berlin")
    yield
    zone.restore()


# ------------------------------------------------------------------ tolerant reading


def test_a_few_records_stepping_back_do_not_refuse_a_long_fit(tmp_path: Path) -> None:
    """The fēnix 2 file: 2 of 24,239 records step back 1 s; 15 km of running."""
    track = Track(distance_m=15_000, elapsed_s=4800, points=4801, steps_back=(1200, 3400))
    path = write(tmp_path, "fenix.fit", fit(track))
    code, out = cli_run("runs", "import", str(path))
    assert code == 0, out
    assert out.startswith(f"{path}: imported ") and "15.0 km in 1:20:00" in out
    assert "(2 of 4801 track points stepped back in time and were left out)" in out


def test_a_gpx_with_many_points_stepping_back_imports_within_1_percent(tmp_path: Path) -> None:
    """The Sports Tracker GPX: 3,078 of 7,785 points step back 1–3 s; 12.3 km."""
    back = tuple(range(3, 7785, 5)) + tuple(range(4, 7785, 5))[:1521]  # about 40 %
    track = Track(distance_m=12_300, elapsed_s=4200, points=7785, steps_back=back)
    found = parse_bytes(gpx(track).encode(), "sportstracker.gpx")
    (run,) = found.runs
    assert run.distance_m == pytest.approx(12_300, rel=0.01)
    assert run.elapsed_s == pytest.approx(4200, abs=2)
    (note,) = found.notes
    assert str(note) == f"{len(back)} of 7785 track points stepped back in time and were " \
                        "left out"


@pytest.mark.parametrize("lead", [b"  \r\n", b"\xef\xbb\xbf", b"\n\xef\xbb\xbf  \n",
                                  b"\xef\xbb\xbf\xef\xbb\xbf"])
def test_blanks_and_a_bom_before_the_xml_declaration(lead: bytes) -> None:
    """The Polar V800 TCX (4.16 km) starts with blanks before <?xml."""
    track = Track(distance_m=4160, elapsed_s=1500)
    assert parse_bytes(lead + tcx(track).encode(), "v800.tcx").runs[0].distance_m == 4160
    assert parse_bytes(lead + gpx(track).encode(), "v800.gpx").runs[0].distance_m == \
        pytest.approx(4160, abs=1)


def test_a_fit_with_damaged_records_is_read_from_its_summary(tmp_path: Path) -> None:
    """The Strava Android file: its records are damaged, its session (11.27 km) whole."""
    track = Track(distance_m=11_270, elapsed_s=3900, points=1301)
    path = write(tmp_path, "strava-android.fit", break_records(fit(track)))
    code, out = cli_run("runs", "import", str(path))
    assert code == 0, out
    assert "imported" in out and "11.3 km in 1:05:00" in out
    assert "(read from the watch's summary; the track was damaged)" in out
    store = open_store(paths.history_db_path())
    assert store.runs()[0].distance_m == 11_270


def test_a_fit_cut_before_its_summary_is_refused_with_the_reason() -> None:
    data = fit(Track(points=200))
    with pytest.raises(RunProblem, match="ends early, before the summary"):
        parse_bytes(data[:len(data) * 2 // 3], "cut.fit")
    broken = break_records(fit(Track(points=200)), at=0.5)
    no_summary = broken[:broken.rfind(b"\x12\x00") - 3]  # the session definition cut off
    with pytest.raises(RunProblem, match="damaged FIT file"):
        parse_bytes(no_summary, "broken.fit")


def test_a_fit_with_a_wrong_checksum_is_read_and_says_so() -> None:
    data = bytearray(fit(Track()))
    data[-1] ^= 0x5A
    found = parse_bytes(bytes(data), "coros.fit")
    assert found.runs[0].distance_m == 5000
    assert [str(n) for n in found.notes] == [
        "the file's checksum does not match; its figures were read all the same"]


@pytest.mark.parametrize(("doc", "reason"), [
    (gpx(Track(), times=False), "no times in the file: a planned route"),
    (gpx(Track(start=datetime(1901, 5, 1, 7, 0, tzinfo=UTC))),
     "dated 1901-05-01, before 1980: the device's clock was wrong"),
    (gpx(Track(start=datetime.now(UTC) + timedelta(days=30))),
     "in the future: the device's clock was wrong"),
])
def test_refusals_name_the_real_reason(doc: str, reason: str) -> None:
    with pytest.raises(RunProblem) as info:
        parse_bytes(doc.encode(), "x.gpx")
    assert reason in str(info.value)
    assert "backwards" not in str(info.value) and "no activity" not in str(info.value)


def test_a_fit_whose_clock_was_never_set_has_no_real_date() -> None:
    with pytest.raises(RunProblem, match="no real date in the file"):
        parse_bytes(fit(Track(start=datetime(1992, 3, 1, tzinfo=UTC))), "nodate.fit")


# ------------------------------------------------------------------ only runs


def test_an_untyped_swim_is_not_a_run(tmp_path: Path) -> None:
    """A 2.5 km swim at 22:06/km in a GPX with no type."""
    path = write(tmp_path, "lake.gpx", gpx(Track(distance_m=2500, elapsed_s=3315),
                                           sport_tag=False))
    code, out = cli_run("runs", "import", str(path))
    assert code == 0
    assert out == (f"{path}: not a run: a pace of 22:06/km is slower than running: a walk or "
                   "a swim\n")
    assert open_store(paths.history_db_path()).run_count() == 0


def test_a_run_not_sure_to_be_one_is_stored_marked_and_the_command_line_says_so(
        tmp_path: Path) -> None:
    walk = write(tmp_path, "evening.gpx", gpx(Track(distance_m=5000, elapsed_s=3300),
                                              sport_tag=False))
    code, out = cli_run("runs", "import", str(walk))
    assert code == 0
    assert out == (f"{walk}: not sure 2026-11-10 17:05 5.0 km in 55:00 (11:00/km): the file "
                   "names no sport, and a pace of 11:00/km could be a walk; confirm it with "
                   "`soleus-coach runs confirm 1` or in the History window (Runs), or delete "
                   "it there\n")
    store = open_store(paths.history_db_path())
    (run,) = store.runs()
    assert run.not_sure and store.weekly_runs(date(2026, 11, 10), 1)[0].runs == 0
    code, out = cli_run("runs", "list")
    assert "(not sure: soleus-coach runs confirm 1, or in History)" in out
    assert out.splitlines()[1].split()[0] == "1"  # the number to confirm it by
    # confirmed from the command line, as History's button does: then it counts
    assert cli_run("runs", "confirm", "1") == (
        0, "1: confirmed as a run: 2026-11-10 17:05 5.0 km in 55:00 (11:00/km)\n")
    assert open_store(paths.history_db_path()).weekly_runs(date(2026, 11, 10), 1)[0].runs == 1
    code, out = cli_run("runs", "confirm", "1", "7")
    assert code == 1 and out == "1: already counts as a run: 2026-11-10 17:05 5.0 km in " \
        "55:00 (11:00/km)\n"
    store.close()
    # a cadence of a runner's steps settles it; a walker's says it was a walk
    steps = write(tmp_path, "steps.gpx", gpx(Track(distance_m=5000, elapsed_s=3300,
                                                   start=datetime(2026, 11, 12, tzinfo=UTC),
                                                   cadence=168), sport_tag=False))
    strides = write(tmp_path, "walk.tcx", tcx(Track(distance_m=5000, elapsed_s=3300,
                                                    sport="other", cadence=58)))
    code, out = cli_run("runs", "import", str(steps), str(strides))
    assert f"{steps}: imported" in out
    assert f"{strides}: not a run: a pace of 11:00/km at 116 steps a minute: a walk" in out


def test_summary_counts_every_kind(tmp_path: Path) -> None:
    write(tmp_path, "a.fit", fit(Track()))
    write(tmp_path, "b.gpx", gpx(Track(), sport_tag=False))  # the same run, worse: duplicate
    write(tmp_path, "c.gpx", gpx(Track(distance_m=5000, elapsed_s=3300,
                                       start=datetime(2026, 11, 12, tzinfo=UTC)),
                                 sport_tag=False))  # not sure
    write(tmp_path, "d.fit", fit(Track(sport="cycling", distance_m=20_000,
                                       start=datetime(2026, 11, 13, tzinfo=UTC))))
    write(tmp_path, "e.fit", b"junk")
    code, out = cli_run("runs", "import", str(tmp_path))
    assert code == 1
    assert out.splitlines()[-1] == "1 imported, 1 not sure, 1 duplicate, 1 not runs, 1 failed"


# ------------------------------------------------------------------ the best source


def test_gpx_then_the_watchs_fit_the_fit_wins(tmp_path: Path) -> None:
    """The GPX arrived first (14.17 km, gpxpy's 1:18:46 — here a GPX whose points say so);
    the watch's FIT (14.00 km, 1:23:09, its zone) replaces its figures; shoes are kept."""
    start = datetime(2026, 10, 4, 9, 42, tzinfo=UTC)
    g = write(tmp_path, "activity.gpx", gpx(Track(start=start, distance_m=14_170,
                                                  elapsed_s=4726)))
    f = write(tmp_path, "activity.fit", fit(Track(start=start, distance_m=14_000,
                                                  elapsed_s=4989, utc_offset_s=-4 * 3600)))
    assert cli_run("runs", "import", str(g))[0] == 0
    store = open_store(paths.history_db_path())
    (first,) = store.runs()
    assert first.id is not None
    store.set_run_details(first.id, shoe="Pegasus")
    code, out = cli_run("runs", "import", str(f))
    assert code == 0
    assert out == (f"{f}: duplicate 2026-10-04 05:42 14.0 km in 1:23:09 (5:56/km): the FIT "
                   "file's figures and time zone replace those of the GPX file\n")
    (run,) = store.runs()
    assert (run.id, run.distance_m, run.time_s, run.utc_offset_s, run.shoe) == (
        first.id, 14_000, 4989, -14_400, "Pegasus")


# ------------------------------------------------------------------ one clock


def test_a_fit_with_a_zone_and_its_gpx_twin_show_one_clock_everywhere(
        tmp_path: Path, berlin: None) -> None:
    """The watch says New York (UTC-4); the computer is in Berlin; the GPX twin has no zone.
    Whichever comes first, the run reads 05:42 on the command line's import and list lines,
    in the export and in the chart's week (the window: tests/test_runs_gui.py)."""
    start = datetime(2026, 10, 4, 9, 42, tzinfo=UTC)  # a Sunday: 05:42 in New York
    twin = Track(start=start, distance_m=10_000, elapsed_s=3000, utc_offset_s=-4 * 3600)
    g = write(tmp_path, "twin.gpx", gpx(twin))
    f = write(tmp_path, "twin.fit", fit(twin))
    code, out = cli_run("runs", "import", str(g))
    assert "2026-10-04 11:42" in out  # the GPX alone: this computer's zone at that date
    code, out = cli_run("runs", "import", str(f))
    assert "duplicate 2026-10-04 05:42 10.0 km in 50:00 (5:00/km)" in out
    code, out = cli_run("runs", "import", str(g))
    assert "duplicate 2026-10-04 05:42" in out
    code, out = cli_run("runs", "list")
    assert out.splitlines()[1].split(maxsplit=1)[1].startswith("2026-10-04 05:42")  # after ID
    code, out = cli_run("history", "export", "--format", "json")
    (run,) = json.loads(out)["runs"]
    assert run["local_started_at"] == "2026-10-04T05:42:00-04:00"
    assert (run["utc_offset_s"], run["moving_s"], run["pace_s_per_km"]) == (-14400, 3000, 300)
    code, out = cli_run("history", "export", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["local_started_at"] == "2026-10-04T05:42:00-04:00"
    store = open_store(paths.history_db_path())
    week = store.weekly_runs(date(2026, 10, 4), 1)[0]  # Monday 28 Sep to Sunday 4 Oct
    assert (week.week_start, week.runs) == (date(2026, 9, 28), 1)


def test_a_gpx_whose_times_carry_an_offset_keeps_it(berlin: None) -> None:
    track = Track(start=datetime(2026, 7, 1, 4, 0, tzinfo=UTC), utc_offset_s=5 * 3600 + 1800)
    (run,) = parse_bytes(gpx(track, offset_in_times=True).encode(), "delhi.gpx").runs
    assert run.start == track.start and run.utc_offset_s == 19_800
    assert run.local_start.strftime("%H:%M") == "09:30"
    (plain,) = parse_bytes(gpx(track).encode(), "utc.gpx").runs  # Z: Berlin's summer
    assert plain.utc_offset_s == 7200


def test_moving_time_is_the_timer_not_a_speed_estimate(tmp_path: Path) -> None:
    """Standing at a crossing with the watch running counts (as on the watch); a pause of
    the timer (a gap in the points) does not."""
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    pts = []
    t = start
    lat = 52.0
    for i in range(600):  # 10 min at 3 m/s, with 60 s standing still at 5 min
        pts.append((t, lat))
        t += timedelta(seconds=1)
        if not 300 <= i < 360:
            lat += 3 / 111_319.49
    t += timedelta(minutes=10)  # the timer stopped for 10 minutes (coffee)
    for _i in range(300):
        pts.append((t, lat))
        t += timedelta(seconds=1)
        lat += 3 / 111_319.49
    body = "".join(f'<trkpt lat="{la:.8f}" lon="13.0"><time>{tt:%Y-%m-%dT%H:%M:%SZ}</time>'
                   "</trkpt>" for tt, la in pts)
    doc = (f'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running'
           f"</type><trkseg>{body}</trkseg></trk></gpx>")
    (run,) = parse_bytes(doc.encode(), "stops.gpx").runs
    assert run.moving_s == pytest.approx(899, abs=1)  # 600 + 300 s, the coffee left out
    assert run.elapsed_s == pytest.approx(1499, abs=1)
    store = open_store(tmp_path / "h.sqlite3")
    results = import_paths(store, [write(tmp_path, "stops.gpx", doc)])
    assert results[0].outcome is Outcome.IMPORTED
    assert store.runs()[0].time_s == pytest.approx(899, abs=1)
