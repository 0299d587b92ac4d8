"""The real app as a process, in a real X window under Xvfb, driven with xdotool keys.

Screenshots of the home screen (light and dark), a stretch hold, a rest, the ice step and the
finish page are taken at 1280×800 and 800×600 (and at 125 % and 200 %), the first-run set-up
and all routines at 1280×800; each is checked for the colours it must show, and the countdown
for its contrast. They are written to ``$SOLEUS_COACH_SCREENSHOT_DIR`` (``make screenshots``
uses docs/screenshots) or a temporary folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from soleus_coach.gui.common.theme import (
    COUNTDOWN_COLOURS,
    HIGHLIGHT,
    PAIN_LINE_COLOURS,
    PHASE_COLOURS,
    contrast_ratio,
)
from soleus_coach.history.store import open_snapshot

TOOLS = ("Xvfb", "xdotool", "import")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                       reason="needs Xvfb, xdotool and ImageMagick's import "
                              "(apt-get install xvfb xdotool imagemagick)"),
]


#: How often a condition is looked at while waiting for it (a poll, not a pause).
POLL_S = 0.05


def wait_for(condition: Callable[[], object], what: str, timeout: float = 20.0,
             proc: subprocess.Popen[bytes] | None = None) -> None:
    """Until ``condition()`` holds; a failure saying ``what`` did not happen within
    ``timeout`` seconds, or at once when ``proc`` (the app) has exited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"the app exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:g} s: {what}")
        time.sleep(POLL_S)


def _listening(proc: subprocess.Popen[bytes], number: int) -> bool:
    """Whether the Xvfb of ``proc`` listens on :number (waiting until it does or dies)."""
    socket = Path(f"/tmp/.X11-unix/X{number}")
    with contextlib.suppress(AssertionError):
        wait_for(lambda: socket.exists() or proc.poll() is not None,
                 f"Xvfb :{number} to listen", timeout=15)
    return proc.poll() is None and socket.exists()


def _managed(env: dict[str, str], name: str, timeout: float = 15.0) -> None:
    """Until a window manager manages the screen: it has published its list of the windows
    it manages (``_NET_CLIENT_LIST``, set once its start-up is done), watched by one
    ``xprop -spy`` (a new X client every few milliseconds while the window manager connects
    can make its own connection fail)."""
    spy = subprocess.Popen(["stdbuf", "-oL", "xprop", "-root", "-spy"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert spy.stdout is not None
    deadline = time.monotonic() + timeout
    try:
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([spy.stdout], [], [], left)
            if not ready:
                break
            line = spy.stdout.readline()
            if line.startswith("_NET_CLIENT_LIST(WINDOW)"):
                return
            if not line:  # xprop ended
                break
    finally:
        spy.kill()
        spy.wait(10)
    raise AssertionError(f"not within {timeout:g} s: {name} to manage the screen")


def xvfb(numbers: range, size: str = "2560x1600x24",
         window_manager: list[str] | None = None) -> Iterator[str]:
    """A private Xvfb on the first free display number of ``numbers``, ready when its socket
    is, with ``window_manager`` (a command) running on it if given, ready when it manages
    the screen."""
    for number in numbers:
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", size,
                                 "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if _listening(proc, number):
            env = {**os.environ, "DISPLAY": f":{number}"}
            wm = None if window_manager is None else subprocess.Popen(
                window_manager, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                if window_manager is not None:
                    _managed(env, window_manager[0])
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
        self.data = data
        self.started = time.time() - 1  # the history's times are whole seconds
        self.proc = subprocess.Popen([sys.executable, "-m", "soleus_coach", *args], env=env)
        self.wid = self.window("Soleus Coach")

    def xdo(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                              text=True, timeout=30, check=True).stdout

    def wait(self, condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
        wait_for(condition, what, timeout, self.proc)

    def windows(self, title: str | None = None) -> list[str]:
        """The app's windows on screen, or those titled ``title`` (menus and tooltips are
        windows of the app too)."""
        query = ["--name", title] if title is not None else ["--pid", str(self.proc.pid)]
        for _ in range(20):
            found = subprocess.run(["xdotool", "search", "--onlyvisible", *query],
                                   env=self.env, capture_output=True, text=True, timeout=30)
            if not found.stderr.strip():  # an X error: a window went while it looked
                return found.stdout.split()
            time.sleep(POLL_S)
        raise AssertionError(f"xdotool could not look for windows: {found.stderr.strip()}")

    def window(self, title: str, timeout: float = 20.0) -> str:
        """The window titled ``title``, once it is on screen: xdotool's own wait, in one
        connection (a new X client every few milliseconds while the app starts made its own
        connection fail now and then: 1 start in 15, measured). xdotool gives up on an X
        error (a window closed while it looked at it, as a window manager's frames are):
        then it looks again."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible",
                                        "--name", title], env=self.env, capture_output=True,
                                       text=True, timeout=left).stdout.split()
            except subprocess.TimeoutExpired:
                break
            if found:
                return found[0]
            time.sleep(POLL_S)
        exited = self.proc.poll()
        raise AssertionError(f"not within {timeout:g} s: a window titled {title!r}" + (
            f" (the app exited: {exited})" if exited is not None else ""))

    def gone(self, title: str) -> None:
        self.wait(lambda: not self.windows(title), f"the window {title!r} to close")

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        shell = self.xdo("getwindowgeometry", "--shell", wid)
        g = dict(line.split("=") for line in shell.split())
        return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])

    def place(self, wid: str, x: int, y: int, w: int | None = None,
              h: int | None = None) -> None:
        """Move (and size) a window, waiting until the X server has done it."""
        self.xdo("windowmove", "--sync", wid, str(x), str(y))
        if w is not None and h is not None:
            self.xdo("windowsize", "--sync", wid, str(w), str(h))
        # A window manager puts its frame where the window was asked to go: the window's own
        # place is then below and right of it. Its size is what it is asked to be.
        want = (None, None, w, h) if w is not None else (x, y, None, None)
        self.wait(lambda: all(a is None or a == b for a, b in
                              zip(want, self.geometry(wid), strict=True)),
                  f"window {wid} at {(x, y, w, h)}")

    def size(self, w: int, h: int) -> None:
        """Resize to w×h physical pixels (xdotool works in physical pixels)."""
        self.place(self.wid, 0, 0, w, h)

    def give_keyboard(self, wid: str) -> None:
        self.xdo("windowfocus", "--sync", wid)
        focus: list[str] = []

        def has_it() -> bool:
            focus[:] = [self.xdo("getwindowfocus").strip()]
            return focus[0] == str(int(wid))

        try:
            self.wait(has_it, f"window {wid} to have the keyboard", timeout=5)
        except AssertionError as exc:
            names = {w: self.xdo("getwindowname", w).strip() for w in (wid, *focus)}
            raise AssertionError(f"{exc}; it is with {focus} ({names})") from None

    def focus(self, title: str) -> str:
        """Give the keyboard to the window titled ``title`` (a dialog: there is no window
        manager under Xvfb to do it), once it is on screen."""
        wid = self.window(title)
        self.give_keyboard(wid)
        return wid

    def focus_over(self, title: str, w: int, h: int) -> str:
        """:meth:`focus` on a dialog that opened with the app, first put back over the
        window's middle: the app opened it over the window where that first appeared
        (centred on the screen), before :meth:`size` put the window at the top left."""
        wid = self.window(title)
        dw, dh = self.geometry(wid)[2:]
        self.place(wid, max(0, (w - dw) // 2), max(0, (h - dh) // 2))
        self.give_keyboard(wid)
        return wid

    def keys(self, *keys: str) -> None:
        """Press keys in order (the caller then waits for what they must do)."""
        self.xdo("key", "--clearmodifiers", *keys)

    def shot(self, path: Path, w: int, h: int) -> QImage:
        subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+0+0", str(path)],
                       env=self.env, check=True, timeout=30)
        image = QImage(str(path))
        assert not image.isNull()
        return image

    def shot_until(self, path: Path, w: int, h: int, shows: Callable[[QImage], bool],
                   what: str, timeout: float = 20.0) -> QImage:
        """A screenshot, taken again until it ``shows`` what it must (``what``) and is the
        same as the one before (what a key started has finished: a button pressed by its
        mnemonic is drawn pressed for 100 ms before it is ticked)."""
        taken: list[QImage] = []

        def ok() -> bool:
            image = self.shot(path, w, h)
            settled = bool(taken) and image == taken[-1]
            taken[:] = [image]
            return settled and shows(image)

        self.wait(ok, f"{what} (the last screenshot: {path})", timeout)
        return taken[0]

    def grab_window(self, wid: str, path: Path) -> QImage:
        """A screenshot of one window once it is painted (its background and some text)."""
        def painted() -> bool:
            subprocess.run(["import", "-window", wid, str(path)], env=self.env, check=True,
                           timeout=30)
            image = QImage(str(path))
            return not image.isNull() and 0.002 < dark_share(image) < 0.3  # text, not void

        self.wait(painted, f"window {wid} painted (the last screenshot: {path})")
        return QImage(str(path))

    def new_session(self, since: float, status: str | None = None) -> None:
        """Until the history holds a session started after ``since`` (its clock started:
        the recorder writes it then), ``status`` if given (``completed`` once it ended)."""
        def recorded() -> bool:
            db = self.data / "history.sqlite3"
            if not db.exists():
                return False
            store = open_snapshot(db)
            try:
                rows = store.sessions(limit=1)
            finally:
                store.close()
            return bool(rows) and rows[0].started_at.timestamp() >= since and (
                status is None or rows[0].status.value == status)

        self.wait(recorded, f"a session {status or 'started'} in {self.data}", timeout=30)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        assert self.proc.returncode in (0, -15), self.proc.returncode


def dark_share(image: QImage) -> float:
    """Fraction of sampled pixels dark enough to be text."""
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            hits += QColor(image.pixel(x, y)).lightness() < 80
    return hits / max(1, total)


def hue_share(image: QImage, colour: str) -> float:
    """Fraction of sampled pixels of ``colour``'s hue, saturated (a chosen button is drawn in
    a lighter shade of the highlight than the highlight itself)."""
    want = QColor(colour).hue()
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            c = QColor(image.pixel(x, y))
            hits += c.saturation() > 80 and abs(c.hue() - want) <= 10
    return hits / max(1, total)


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
        main.shot_until(out / f"home{suffix}.png", w, h, lambda image: share_of(
            image, HIGHLIGHT) > 0.01 and share_of(image, "#000000") < 0.05,
            "the home screen filling the window (text aside), its primary button filled")
    finally:
        main.close()

    app = App(display, tmp_path / "data", "--start", "post-run-soleus", scale=scale)
    try:
        app.size(w, h)
        app.focus("How is your calf")
        if (w, scale) == (1280, 1):
            app.keys("alt+w", "3")  # "swelling" ticked by its mnemonic, and pain 3
            app.shot_until(out / "checkin.png", w, h,
                           lambda image: share_of(image, HIGHLIGHT) > 0.0005,
                           "the check-in with pain 3 chosen")
        app.keys("Escape")  # skip it
        app.gone("How is your calf")
        app.new_session(app.started)  # the routine's clock runs
        app.give_keyboard(app.wid)
        app.keys("Right", "Right")  # past "get ready" and "get into position"
        hold = app.shot_until(out / f"stretch-hold{suffix}.png", w, h, lambda image: share_of(
            image, PHASE_COLOURS["hold"][0]) > 0.03, "a stretch's hold")
        app.keys("Right")
        app.shot_until(out / f"rest{suffix}.png", w, h, lambda image: share_of(
            image, PHASE_COLOURS["rest"][0]) > 0.03, "a rest")
        assert countdown_contrast(hold, "hold", dark=False) >= 4.5
        app.keys(*["Right"] * 10)
        ice = app.shot_until(out / f"ice{suffix}.png", w, h, lambda image: share_of(
            image, PHASE_COLOURS["ice"][0]) > 0.03 and share_of(
            image, PHASE_COLOURS["hold"][0]) < 0.001, "the ice, and no hold's colour left")
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
        app.new_session(app.started, "completed")  # the routine ran to its end
        app.give_keyboard(app.wid)
        app.keys("alt+w", "2")  # "swelling" ticked, and pain 2 after
        app.shot_until(out / f"finish{suffix}.png", w, h, lambda image: hue_share(
            image, HIGHLIGHT) > 0.002 and share_of(image, "#000000") < 0.05,
            "the finish page filling the window, pain 2 chosen")
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
        app.shot_until(out / f"home-dark{suffix}.png", w, h,
                       lambda image: share_of(image, HIGHLIGHT) > 0.01,
                       "the dark home screen, its primary button filled")
    finally:
        app.close()
    # Enter on the home screen would start the routine of the hour (a warm-up in the
    # morning): the stretch is started by name.
    app = App(display, tmp_path / "data", "--start", "post-run-soleus", theme="dark")
    try:
        app.size(w, h)
        app.focus("How is your calf")
        app.keys("Escape")
        app.gone("How is your calf")
        app.new_session(app.started)
        app.give_keyboard(app.wid)
        app.keys("Right", "Right")
        hold = app.shot_until(out / f"stretch-hold-dark{suffix}.png", w, h, lambda image:
                              share_of(image, PHASE_COLOURS["hold"][0]) > 0.03,
                              "a stretch's hold, dark")
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
        app.gone("Before you start")
        app.focus("Set-up")
        app.keys("r")  # the right calf
        app.shot_until(out / f"setup{suffix}.png", w, h,
                       lambda image: share_of(image, "#000000") < 0.05,
                       "the set-up over the window, which fills the screen")
        app.keys("Return")
        app.gone("Set-up")
        app.give_keyboard(app.wid)
        app.keys("alt+r")  # All routines
        app.shot_until(out / f"all-routines{suffix}.png", w, h,
                       lambda image: share_of(image, HIGHLIGHT) > 0.001,
                       "All routines, one of them selected")
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
        app.give_keyboard(app.wid)
        app.keys("ctrl+h")
        wid = app.focus("History")
        app.place(wid, 0, 0, 1100, 720)
        app.shot_until(out / "history.png", 1100, 720,
                       lambda image: share_of(image, HIGHLIGHT) > 0.01,
                       "the history: the chart's bars and the selected row")
    finally:
        app.close()


def test_screenshots_of_the_first_run_notice_and_a_red_flag_advice(
        display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = shot_dir(tmp_path_factory)
    app = App(display, tmp_path / "first", first_run=True)
    try:
        app.size(1280, 800)
        app.focus_over("Before you start", 1280, 800)
        app.shot_until(out / "first-run.png", 1280, 800,
                       lambda image: share_of(image, "#b3261e") > 0.0005,
                       "the safety notice's emergency line, in red")
    finally:
        app.close()
    app = App(display, tmp_path / "flags", "--start", "post-run-soleus")
    try:
        app.size(1280, 800)
        app.focus_over("How is your calf", 1280, 800)
        app.keys("8", "alt+w", "Return")  # 8/10 and swelling
        app.focus("Please see a doctor")
        app.shot_until(out / "red-flag.png", 1280, 800,
                       lambda image: share_of(image, "#b3261e") > 0.0005,
                       "the red-flag advice's title, in red")
    finally:
        app.close()


def test_german_system_locale_gives_a_german_window(
        display: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No language chosen in the settings: the system's (LANG=de_DE) decides."""
    data = tmp_path / "de"
    app = App(display, data, env={"LANG": "de_DE.UTF-8"})
    try:
        app.size(1280, 800)
        app.shot_until(shot_dir(tmp_path_factory) / "home-de.png", 1280, 800,
                       lambda image: share_of(image, HIGHLIGHT) > 0.01,
                       "the home screen, its primary button filled")
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
        app.wait(lambda: len(app.windows()) > 1, "the Help menu open")
        app.keys("Up", "Return")  # its last item: About Soleus Coach
        app.focus("About Soleus Coach")
        app.shot_until(shot_dir(tmp_path_factory) / "about.png", 1280, 800,
                       lambda image: share_of(image, "#1f5fa8") > 0.002,
                       "About, with the app icon's blue (96 px)")
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
        app.give_keyboard(app.wid)
        app.keys("alt+f", "u")  # File → Import runs…
        app.focus("Import runs")
        shown = len(app.windows())
        app.xdo("type", "--delay", "5", f"{files}/")
        app.wait(lambda: len(app.windows()) > shown, "the file name's completer open")
        app.keys("Escape")  # close the completer's list...
        app.wait(lambda: len(app.windows()) == shown, "the completer closed")
        app.keys("Return")  # ...then go into the folder
        app.xdo("type", "--delay", "5", '"2026-half-marathon.fit" "2026-half-marathon.tcx" '
                '"ride.fit" "broken.fit"')
        app.keys("alt+o")  # Open
        summary = app.window("Runs imported")
        offer = app.window("After your run")
        app.place(summary, 60, 60, 660, 260)
        for wid, name in ((summary, "runs-import-summary.png"),
                          (offer, "runs-after-run-offer.png")):
            app.place(wid, 60, 60)
            app.xdo("windowraise", wid)
            app.grab_window(wid, out / name)
        app.focus("After your run")
        app.keys("alt+n")  # not now
        app.gone("After your run")
        app.focus("Runs imported")
        app.keys("Escape")
        app.gone("Runs imported")
        app.give_keyboard(app.wid)
        app.keys("ctrl+h")
        wid = app.focus("History")
        app.place(wid, 0, 0, 1100, 760)
        app.shot_until(out / "history-runs.png", 1100, 760, lambda image: share_of(
            image, HIGHLIGHT) > 0.01 and share_of(image, PAIN_LINE_COLOURS[0]) > 0.0005,
            "the distance bars, the selected row and the pain line over them")
    finally:
        app.close()
