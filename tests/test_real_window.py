"""The real app as a process, in a real X window under Xvfb, driven with xdotool keys.

Screenshots of the home screen (light and dark), a stretch hold, a rest, the ice step and the
finish page are taken at 1280×800 and 800×600 (and at 125 % and 200 %), the first-run set-up
and all routines at 1280×800; each is checked for the colours it must show, and the countdown
for its contrast. They are written to ``$SOLEUS_COACH_SCREENSHOT_DIR`` (``make screenshots``
uses docs/screenshots) or a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from soleus_coach.gui.common.theme import (
    COUNTDOWN_COLOURS,
    HIGHLIGHT,
    PHASE_COLOURS,
    contrast_ratio,
)

TOOLS = ("Xvfb", "xdotool", "import")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                       reason="needs Xvfb, xdotool and ImageMagick's import "
                              "(apt-get install xvfb xdotool imagemagick)"),
]


def xvfb(numbers: range, size: str = "2560x1600x24",
         window_manager: list[str] | None = None) -> Iterator[str]:
    """A private Xvfb on the first free display number of ``numbers``, ready when its socket
    is, with ``window_manager`` (a command) running on it if given."""
    for number in numbers:
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", size,
                                 "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and proc.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        if proc.poll() is None and Path(f"/tmp/.X11-unix/X{number}").exists():
            wm = None if window_manager is None else subprocess.Popen(
                window_manager, env={**os.environ, "DISPLAY": f":{number}"},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if wm is not None:
                time.sleep(1.0)  # managing the root window
            try:
                yield f":{number}"
            finally:
                for p in (wm, proc):
                    if p is not None:
                        p.terminate()
                        p.wait(10)
            return
        proc.kill()
        proc.wait(10)
    pytest.skip("no Xvfb display could be started")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    yield from xvfb(range(90, 140))


def shot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        return Path(target)
    return tmp_path_factory.mktemp("shots")


class App:
    def __init__(self, display: str, data: Path, *args: str, scale: float = 1,
                 first_run: bool = False, env: dict[str, str] | None = None,
                 theme: str = "system") -> None:
        settings = data / "settings.json"
        if not first_run and not settings.exists():
            data.mkdir(parents=True, exist_ok=True)
            settings.write_text(json.dumps({"first_run_acknowledged": True,
                                            "injured_leg": "right", "theme": theme}),
                                encoding="utf-8")
        env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "",
               "LANGUAGE": "", "DISPLAY": display, "SOLEUS_COACH_DATA_DIR": str(data),
               "QT_QPA_PLATFORM": "xcb", "QT_SCALE_FACTOR": f"{scale:g}", **(env or {})}
        self.env = env
        self.proc = subprocess.Popen([sys.executable, "-m", "soleus_coach", *args], env=env)
        out = self.xdo("search", "--sync", "--onlyvisible", "--name", "Soleus Coach")
        self.wid = out.split()[0]

    def xdo(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                              text=True, timeout=30, check=True).stdout

    def size(self, w: int, h: int) -> None:
        """Resize to w×h physical pixels (xdotool works in physical pixels)."""
        self.xdo("windowmove", self.wid, "0", "0")
        self.xdo("windowsize", self.wid, str(w), str(h))
        self.xdo("windowfocus", "--sync", self.wid)
        time.sleep(0.6)

    def focus(self, title: str) -> None:
        """Give the keyboard to the window titled ``title`` (a dialog: there is no window
        manager under Xvfb to do it)."""
        wid = self.xdo("search", "--sync", "--onlyvisible", "--name", title).split()[0]
        self.xdo("windowfocus", "--sync", wid)
        time.sleep(0.4)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdo("key", "--clearmodifiers", key)
            time.sleep(0.12)
        time.sleep(0.5)

    def shot(self, path: Path, w: int, h: int) -> QImage:
        subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+0+0", str(path)],
                       env=self.env, check=True, timeout=30)
        image = QImage(str(path))
        assert not image.isNull()
        return image

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        assert self.proc.returncode in (0, -15), self.proc.returncode


def share_of(image: QImage, colour: str) -> float:
    """Fraction of sampled pixels that are ``colour``."""
    want = QColor(colour).rgb() & 0xFFFFFF
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            hits += (image.pixel(x, y) & 0xFFFFFF) == want
    return hits / total


def countdown_contrast(image: QImage, phase: str, dark: bool) -> float:
    """The countdown's colour is in the shot, and reads on the window's background there."""
    colour = QColor(COUNTDOWN_COLOURS[phase][dark])
    assert share_of(image, colour.name()) > 0.002, f"no {phase} countdown in the shot"
    background = QColor(image.pixel(image.width() - 3, image.height() // 2))  # window edge
    return contrast_ratio(colour, background)


@pytest.mark.parametrize(("w", "h", "scale"), [(1280, 800, 1), (800, 600, 1), (1600, 1200, 2),
                                               (1280, 800, 1.25)])
def test_screenshots_of_home_hold_rest_ice_and_finish(display: str, w: int, h: int,
                                                      scale: float, tmp_path: Path,
                                                      tmp_path_factory: pytest.TempPathFactory
                                                      ) -> None:
    """Sizes in physical pixels: 1600×1200 at 200 % is an 800×600 window of content."""
    out = shot_dir(tmp_path_factory)
    suffix = "" if (w, scale) == (1280, 1) else f"-{w}x{h}" + (
        f"-{round(scale * 100)}pct" if scale != 1 else "")
    fill_history(tmp_path / "data")
    main = App(display, tmp_path / "data", scale=scale)
    try:
        main.size(w, h)
        time.sleep(0.3)
        image = main.shot(out / f"home{suffix}.png", w, h)
        assert share_of(image, HIGHLIGHT) > 0.01  # the primary button, filled
        assert share_of(image, "#000000") < 0.05  # the window fills the screen (text aside)
    finally:
        main.close()

    app = App(display, tmp_path / "data", "--start", "post-run-soleus", scale=scale)
    try:
        app.size(w, h)
        app.focus("How is your calf")
        if (w, scale) == (1280, 1):
            app.keys("3", "alt+w")  # pain 3, and "swelling" ticked by its mnemonic
            checkin = app.shot(out / "checkin.png", w, h)
            assert share_of(checkin, HIGHLIGHT) > 0.0005  # the chosen pain button
        app.keys("Escape")  # skip it
        app.keys("Right", "Right")  # past "get ready" and "get into position"
        hold = app.shot(out / f"stretch-hold{suffix}.png", w, h)
        assert share_of(hold, PHASE_COLOURS["hold"][0]) > 0.03
        app.keys("Right")
        rest = app.shot(out / f"rest{suffix}.png", w, h)
        assert share_of(rest, PHASE_COLOURS["rest"][0]) > 0.03
        assert countdown_contrast(hold, "hold", dark=False) >= 4.5
        app.keys(*["Right"] * 10)
        ice = app.shot(out / f"ice{suffix}.png", w, h)
        assert share_of(ice, PHASE_COLOURS["ice"][0]) > 0.03
        assert share_of(ice, PHASE_COLOURS["hold"][0]) < 0.001
        assert countdown_contrast(ice, "ice", dark=False) >= 4.5
    finally:
        app.close()

    # The whole routine, 400 times faster (24 minutes in 3.6 s), for the finish page.
    app = App(display, tmp_path / "data", "--start", "post-run-soleus", scale=scale,
              env={"SOLEUS_COACH_TIME_SCALE": "400"})
    try:
        app.size(w, h)
        app.focus("How is your calf")
        app.keys("3", "Return")  # pain 3 before
        time.sleep(6)
        app.keys("2", "alt+w")  # pain 2 after, and "swelling" ticked
        finish = app.shot(out / f"finish{suffix}.png", w, h)
        assert share_of(finish, "#000000") < 0.05
    finally:
        app.close()


@pytest.mark.parametrize(("w", "h"), [(1280, 800), (800, 600)])
def test_screenshots_in_the_dark(display: str, w: int, h: int, tmp_path: Path,
                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    suffix = "" if w == 1280 else f"-{w}x{h}"
    fill_history(tmp_path / "data")
    app = App(display, tmp_path / "data", theme="dark")
    try:
        app.size(w, h)
        time.sleep(0.3)
        home = app.shot(out / f"home-dark{suffix}.png", w, h)
        assert share_of(home, HIGHLIGHT) > 0.01
    finally:
        app.close()
    # Enter on the home screen would start the routine of the hour (a warm-up in the
    # morning): the stretch is started by name.
    app = App(display, tmp_path / "data", "--start", "post-run-soleus", theme="dark")
    try:
        app.size(w, h)
        app.focus("How is your calf")
        app.keys("Escape")
        app.keys("Right", "Right")
        hold = app.shot(out / f"stretch-hold-dark{suffix}.png", w, h)
        assert countdown_contrast(hold, "hold", dark=True) >= 4.5
    finally:
        app.close()


@pytest.mark.parametrize(("w", "h"), [(1280, 800), (800, 600)])
def test_screenshots_of_the_set_up_and_all_routines(
        display: str, w: int, h: int, tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    suffix = "" if w == 1280 else f"-{w}x{h}"
    app = App(display, tmp_path / "first", first_run=True)
    try:
        app.size(w, h)
        app.focus("Before you start")
        app.keys("Return")  # the notice read
        app.focus("Set-up")
        app.keys("r")  # the right calf
        setup = app.shot(out / f"setup{suffix}.png", w, h)
        assert share_of(setup, "#000000") < 0.05
        app.keys("Return")
        app.focus("Soleus Coach")
        app.keys("alt+r")  # All routines
        routines = app.shot(out / f"all-routines{suffix}.png", w, h)
        assert share_of(routines, HIGHLIGHT) > 0.001  # the selected routine
    finally:
        app.close()


def fill_history(data: Path) -> None:
    """Eight weeks of a runner getting better: sessions most days, pain after settling."""
    from datetime import UTC, datetime, timedelta

    from soleus_coach.checkin import CheckIn
    from soleus_coach.history.records import SegmentRecord, SessionRecord, Status
    from soleus_coach.history.store import open_store

    store = open_store(data / "history.sqlite3")
    now = datetime.now(UTC).replace(hour=7, minute=30, second=0, microsecond=0)
    for day in range(56, 0, -1):
        if day % 7 in (3, 6):
            continue
        start = now - timedelta(days=day)
        pain = max(0, min(10, 2 + day // 9 - (day % 2)))
        rec = SessionRecord(
            uid=f"shot{day}", protocol_id="post-run-soleus",
            protocol_name="Post-run soleus recovery" if day % 5 else "Pre-run warm-up",
            protocol_digest="0" * 64, started_at=start, planned_s=1440, leg="right",
            status=Status.STOPPED if day == 12 else Status.COMPLETED,
            ended_at=start + timedelta(minutes=24), active_s=1440 - (day % 4) * 120,
            before=CheckIn(pain=min(10, pain + 1)), after=CheckIn(pain=pain),
            notes="Easy 8 km before this." if day == 1 else "")
        rec.segments = [SegmentRecord(i, "hold", "Bent-knee wall stretch (soleus)",
                                      "right" if i < 3 else "left", i % 3 + 1, 30, 30,
                                      "completed", start) for i in range(6)]
        store.save(rec)
    store.close()


def test_screenshot_of_the_history_window(display: str, tmp_path: Path,
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    data = tmp_path / "data"
    data.mkdir()
    fill_history(data)
    app = App(display, data)
    try:
        app.size(1280, 800)
        app.keys("ctrl+h")
        app.focus("History")
        wid = app.xdo("search", "--sync", "--onlyvisible", "--name", "History").split()[0]
        app.xdo("windowmove", wid, "0", "0")
        app.xdo("windowsize", wid, "1100", "720")
        time.sleep(0.6)
        image = app.shot(out / "history.png", 1100, 720)
        assert share_of(image, HIGHLIGHT) > 0.01  # the chart's bars and the selected row
    finally:
        app.close()


def test_screenshots_of_the_first_run_notice_and_a_red_flag_advice(
        display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    app = App(display, tmp_path / "first", first_run=True)
    try:
        app.size(1280, 800)
        app.focus("Before you start")
        notice = app.shot(out / "first-run.png", 1280, 800)
        assert share_of(notice, "#b3261e") > 0.0005  # the emergency line, in red
    finally:
        app.close()
    app = App(display, tmp_path / "flags", "--start", "post-run-soleus")
    try:
        app.size(1280, 800)
        app.focus("How is your calf")
        app.keys("8", "alt+w", "Return")  # 8/10 and swelling
        app.focus("Please see a doctor")
        advice = app.shot(out / "red-flag.png", 1280, 800)
        assert share_of(advice, "#b3261e") > 0.0005  # the title, in red
    finally:
        app.close()


def test_german_system_locale_gives_a_german_window(
        display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No language chosen in the settings: the system's (LANG=de_DE) decides."""
    data = tmp_path / "de"
    app = App(display, data, env={"LANG": "de_DE.UTF-8"})
    try:
        app.size(1280, 800)
        image = app.shot(shot_dir(tmp_path_factory) / "home-de.png", 1280, 800)
        assert image.width() == 1280
    finally:
        app.close()
    log = (data / "logs" / "soleus-coach.log").read_text(encoding="utf-8")
    assert "language de (system locale de_DE)" in log


def test_screenshot_of_help_about(
        display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    app = App(display, tmp_path / "about")
    try:
        app.size(1280, 800)
        app.xdo("mousemove", "--sync", "290", "8")  # the Help menu's title (after Programme)
        app.xdo("click", "1")
        time.sleep(0.5)
        app.keys("Up", "Return")  # its last item: About Soleus Coach
        app.focus("About Soleus Coach")
        image = app.shot(shot_dir(tmp_path_factory) / "about.png", 1280, 800)
        assert share_of(image, "#1f5fa8") > 0.002  # the app icon's blue, 96 px
    finally:
        app.close()


def fill_runs(data: Path) -> Path:
    """Eight weeks of a runner: about 16 km a week and the post-run routine after most runs,
    pain after it low, then rising over the last two weeks; and the files of today's half
    marathon (ended an hour ago, as FIT and TCX), a ride and a broken file to import."""
    from datetime import UTC, datetime, timedelta

    from soleus_coach.checkin import CheckIn
    from soleus_coach.history.records import SegmentRecord, SessionRecord, Status
    from soleus_coach.history.store import open_store
    from soleus_coach.runs import Run, Source
    from tests.runfiles import Track, fit, tcx, write

    store = open_store(data / "history.sqlite3")
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    runs = []
    for day in range(56, 0, -1):
        start = (now - timedelta(days=day)).replace(hour=17, minute=30)
        if start.weekday() not in (1, 3, 5, 6):
            continue
        km = (4.0, 5.0, 3.0, 4.5)[(1, 3, 5, 6).index(start.weekday())]
        runs.append(Run(start=start, distance_m=km * 1000, moving_s=km * 335,
                        elapsed_s=km * 345, source=Source.FIT, climb_m=km * 9,
                        utc_offset_s=0, file_name=f"{start:%Y-%m-%d}.fit"))
        after = start + timedelta(minutes=50)
        pain = 5 if day <= 7 else 4 if day <= 14 else 2
        rec = SessionRecord(
            uid=f"run{day}", protocol_id="post-run-soleus",
            protocol_name="Post-run soleus recovery", protocol_digest="0" * 64,
            started_at=after, planned_s=1440, leg="right", status=Status.COMPLETED,
            ended_at=after + timedelta(minutes=24), active_s=1440,
            before=CheckIn(pain=pain), after=CheckIn(pain=pain))
        rec.segments = [SegmentRecord(i, "hold", "Bent-knee wall stretch (soleus)",
                                      "right" if i < 3 else "left", i % 3 + 1, 30, 30,
                                      "completed", after) for i in range(6)]
        store.save(rec)
    store.add_runs(runs)
    today = now - timedelta(minutes=20)
    store.save(SessionRecord(uid="today", protocol_id="ice-timer", protocol_name="Ice timer",
                             protocol_digest="0" * 64, started_at=today, planned_s=1200,
                             status=Status.COMPLETED, active_s=1200, after=CheckIn(pain=6),
                             ended_at=today + timedelta(minutes=20)))
    store.close()
    files = data.parent / "watch-export"
    offset = now.astimezone().utcoffset() or timedelta(0)
    recent = Track(start=now - timedelta(minutes=170), distance_m=21_100, elapsed_s=7020,
                   points=400, climb_m=190, utc_offset_s=round(offset.total_seconds()))
    write(files, "2026-half-marathon.fit", fit(recent))
    write(files, "2026-half-marathon.tcx", tcx(recent))
    write(files, "ride.fit", fit(Track(sport="cycling", distance_m=31_000, elapsed_s=3600)))
    write(files, "broken.fit", b"\x0e\x10" + bytes(30))
    return files


def test_screenshots_of_runs(display: str, tmp_path: Path,
                             tmp_path_factory: pytest.TempPathFactory) -> None:
    """The chart with runs and pain, the import summary and the after-a-run offer."""
    out = shot_dir(tmp_path_factory)
    data = tmp_path / "data"
    data.mkdir()
    files = fill_runs(data)
    app = App(display, data)
    try:
        app.size(1280, 800)
        app.keys("alt+f", "u")  # File → Import runs…
        app.focus("Import runs")
        app.xdo("type", "--delay", "5", f"{files}/")
        app.keys("Escape", "Return")  # close the completer's list, then go into the folder
        app.xdo("type", "--delay", "5", '"2026-half-marathon.fit" "2026-half-marathon.tcx" '
                '"ride.fit" "broken.fit"')
        app.keys("alt+o")  # Open
        summary = app.xdo("search", "--sync", "--onlyvisible", "--name",
                          "Runs imported").split()[0]
        offer = app.xdo("search", "--sync", "--onlyvisible", "--name",
                        "After your run").split()[0]
        app.xdo("windowsize", summary, "660", "260")
        for wid, name in ((summary, "runs-import-summary.png"),
                          (offer, "runs-after-run-offer.png")):
            app.xdo("windowmove", wid, "60", "60")
            app.xdo("windowraise", wid)
            time.sleep(0.6)
            subprocess.run(["import", "-window", wid, str(out / name)], env=app.env,
                           check=True, timeout=30)
            assert not QImage(str(out / name)).isNull()
        app.focus("After your run")
        app.keys("alt+n")  # not now
        app.focus("Runs imported")
        app.keys("Escape")
        app.xdo("windowfocus", "--sync", app.wid)
        app.keys("ctrl+h")
        app.focus("History")
        wid = app.xdo("search", "--sync", "--onlyvisible", "--name", "History").split()[0]
        app.xdo("windowmove", wid, "0", "0")
        app.xdo("windowsize", wid, "1100", "760")
        time.sleep(0.8)
        chart = app.shot(out / "history-runs.png", 1100, 760)
        assert share_of(chart, HIGHLIGHT) > 0.01  # the distance bars and the selected row
        assert share_of(chart, "#d9534f") > 0.0005  # the pain line over them
    finally:
        app.close()
