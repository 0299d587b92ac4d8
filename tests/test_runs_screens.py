"""Runs for real: the app in an X window under Xvfb with a window manager (openbox), driven
with xdotool keys. A Garmin Connect export of 1,200 activities is imported through File →
Import runs…: its progress dialog and its summary are shot (``runs-archive-progress.png``,
``runs-archive-summary.png``); then a year of runs in the history window's chart
(``runs-year-chart.png``). Each shot is checked for what it must show."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from soleus_coach.gui.common.theme import HIGHLIGHT, PAIN_LINE_COLOURS
from tests.runfiles import Track, fit, gpx, write
from tests.test_real_window import App, share_of, shot_dir, xvfb

TOOLS = ("Xvfb", "openbox", "xdotool", "import")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                       reason="needs Xvfb, openbox, xdotool and ImageMagick's import "
                              "(apt-get install xvfb openbox xdotool imagemagick)"),
]


@pytest.fixture(scope="module")
def wm_display() -> Iterator[str]:
    yield from xvfb(range(190, 240), "1280x800x24", ["openbox", "--sm-disable"])


def _copies(template: bytes, count: int, first: datetime) -> list[bytes]:
    """``template`` moved day by day (every time field shifted, the CRC recomputed)."""
    import fitdecode

    from soleus_coach.runs.fit import crc16

    spots = []
    with fitdecode.FitReader(template, keep_raw_chunks=True) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                at = frame.chunk.offset + 1
                for fd in frame.def_mesg.field_defs:
                    if fd.name in ("timestamp", "start_time", "time_created",
                                   "local_timestamp") and fd.size == 4:
                        spots.append((at, frame.def_mesg.endian))
                    at += fd.size
    out = []
    for i in range(count):
        buf = bytearray(template)
        for at, endian in spots:
            (value,) = struct.unpack_from(f"{endian}I", buf, at)
            struct.pack_into(f"{endian}I", buf, at, value + i * 86400)
        struct.pack_into("<H", buf, len(buf) - 2, crc16(buf, 0, len(buf) - 2))
        out.append(bytes(buf))
    return out


def garmin_archive(folder: Path) -> Path:
    """A Garmin Connect export: 1,200 runs as FIT (a run a day), a ride, a walk the file
    does not name (not sure), the GPX twin of a run, and a damaged file."""
    first = datetime(2023, 6, 1, 5, 30, tzinfo=UTC)
    template = fit(Track(start=first, distance_m=9000, elapsed_s=2999, points=3000, rich=True,
                         utc_offset_s=7200))
    files = {f"runner@example.org_{10_000 + i}.fit": data
             for i, data in enumerate(_copies(template, 1200, first))}
    files["runner@example.org_20000.fit"] = fit(Track(
        start=datetime(2026, 9, 5, 8, 0, tzinfo=UTC), sport="cycling", distance_m=42_000,
        elapsed_s=5400))
    files["runner@example.org_20001.gpx"] = gpx(Track(
        start=datetime(2026, 9, 6, 17, 0, tzinfo=UTC), distance_m=5200, elapsed_s=3400,
        name="Evening stroll?"), sport_tag=False).encode()
    files["runner@example.org_20002.gpx"] = gpx(Track(start=first, distance_m=9020,
                                                      elapsed_s=2999)).encode()
    files["runner@example.org_20003.fit"] = b"\x0e\x10" + bytes(40)
    names = sorted(files)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("DI_CONNECT/DI-Connect-User/user_profile.json", b"{}")
        for part in range(3):
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zi:
                for name in names[part::3]:
                    zi.writestr(name, files[name])
            z.writestr(f"DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part{part + 1}"
                       ".zip", inner.getvalue())
    return write(folder, "garmin-connect-export.zip", outer.getvalue())


def bluish(image: QImage) -> float:
    """Share of sampled pixels that are clearly blue (a progress bar's fill, whatever its
    gradient)."""
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            total += 1
            hits += c.blue() > c.red() + 60 and c.blue() > c.green() + 20
    return hits / total


def shoot(app: App, title: str, path: Path, size: tuple[int, int] | None = None) -> QImage:
    wid = app.window(title, timeout=60)
    if size is not None:
        app.xdo("windowsize", wid, str(size[0]), str(size[1]))
    app.xdo("windowmove", wid, "40", "40")
    app.xdo("windowraise", wid)
    time.sleep(0.8)
    subprocess.run(["import", "-window", wid, str(path)], env=app.env, check=True, timeout=30)
    image = QImage(str(path))
    assert not image.isNull()
    return image


def test_screenshots_of_an_archive_import(wm_display: str, tmp_path: Path,
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    archive = garmin_archive(tmp_path / "downloads")
    data = tmp_path / "data"
    app = App(wm_display, data)
    try:
        app.xdo("windowactivate", "--sync", app.wid)
        app.size(1280, 800)
        app.keys("alt+f", "u")  # File → Import runs…
        app.focus("Import runs")
        app.xdo("type", "--delay", "5", str(archive))
        app.keys("Return")
        time.sleep(1.5)
        progress = shoot(app, "Importing runs", out / "runs-archive-progress.png")
        assert bluish(progress) > 0.01  # the bar, part filled
        app.window("Runs imported", timeout=60)  # the progress window closes as it opens
        summary = shoot(app, "Runs imported", out / "runs-archive-summary.png", (760, 460))
        assert share_of(summary, "#ffffff") > 0.2  # the list of files read
    finally:
        app.close()
    from soleus_coach.history.store import open_store

    store = open_store(data / "history.sqlite3")
    assert store.run_count() == 1201 and store.run_count(not_sure=True) == 1


def year_of_training(data: Path) -> None:
    """Thirteen months of a runner building up to a marathon, a break, and back; the
    post-run routine after most runs, pain after it rising in the big weeks."""
    from soleus_coach.checkin import CheckIn
    from soleus_coach.history.records import SessionRecord, Status
    from soleus_coach.history.store import open_store
    from soleus_coach.runs import Run, Source

    store = open_store(data / "history.sqlite3")
    today = datetime.now(UTC).replace(hour=17, minute=30, second=0, microsecond=0)
    runs = []
    for day in range(400, 0, -1):
        start = today - timedelta(days=day)
        week = day // 7
        if start.weekday() not in (1, 3, 5, 6) or 20 <= week < 23:  # three weeks off
            continue
        build = 1 + (57 - week) / 40 if week >= 23 else 1 + (20 - week) / 25
        km = {1: 6, 3: 8, 5: 5, 6: 12}[start.weekday()] * build
        runs.append(Run(start=start, distance_m=km * 1000, moving_s=km * 340,
                        elapsed_s=km * 350, source=Source.FIT, climb_m=km * 9,
                        utc_offset_s=3600))
        if start.weekday() != 5:
            pain = 2 if km < 14 else 4
            store.save(SessionRecord(
                uid=f"y{day}", protocol_id="post-run-soleus",
                protocol_name="Post-run soleus recovery", protocol_digest="0" * 64,
                started_at=start + timedelta(hours=1), planned_s=1440, leg="right",
                status=Status.COMPLETED, active_s=1440, after=CheckIn(pain=pain)))
    store.add_runs(runs)
    store.close()


def test_screenshot_of_a_year_of_runs(wm_display: str, tmp_path: Path,
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "injured_leg": "right"}), encoding="utf-8")
    year_of_training(data)
    app = App(wm_display, data)
    try:
        app.xdo("windowactivate", "--sync", app.wid)
        app.keys("ctrl+h")
        image = shoot(app, "History", out / "runs-year-chart.png", (1180, 760))
        assert share_of(image, HIGHLIGHT) > 0.01  # the monthly bars
        assert share_of(image, PAIN_LINE_COLOURS[0]) > 0.0005  # the pain line
    finally:
        app.close()
