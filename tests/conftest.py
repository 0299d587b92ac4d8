from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest_plugins = ["pytester"]  # tests/test_honest_environment.py runs pytest on small files


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    # Set late so a plugin that starts Xvfb can set DISPLAY first.
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- an honest environment: in CI a skip is a failure ----------------------------------------

#: What a skip turns into in CI, where .ci/run installs every tool the tests need.
CI_SKIP = "skipped in CI, where every tool the tests need is installed (.ci/run): "


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _fail_skip_in_ci(report: pytest.TestReport | pytest.CollectReport) -> None:
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        report.longrepr = CI_SKIP + _skip_reason(report)
        report.outcome = "failed"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo[None]) -> Any:
    """Locally a test that cannot run skips with its reason (``-ra`` lists them); in CI
    (``CI=true``) the same skip fails the test with that reason: a missing tool is a broken
    CI machine, not a test to leave out silently."""
    report = yield
    _fail_skip_in_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Any:
    """The same for a whole module skipped while it is collected."""
    report = yield
    _fail_skip_in_ci(report)
    return report


def need_tool(name: str, package: str, missing: str = "") -> str:
    """The path of the command ``name``; when it is not installed, the test skips with the
    reason (and fails in CI): ``missing`` says what goes unchecked without it."""
    import shutil

    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install {package})"
                    + (f": {missing}" if missing else ""))
    return found


@pytest.fixture(autouse=True, scope="session")
def _english_plurals() -> None:
    """Install the app's translators as the app does (English; plural forms)."""
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    from soleus_coach.gui.common import i18n

    app = QApplication.instance() or QApplication([])
    i18n.install(app, "en")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real user's data folder."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SOLEUS_COACH_DATA_DIR", str(data))
    return data


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


def minimal_protocol(**overrides: Any) -> dict[str, Any]:
    """A small valid protocol as a dict; tests break one thing at a time."""
    doc: dict[str, Any] = {
        "format": 1,
        "id": "test-routine",
        "name": "Test routine",
        "summary": "A routine for tests.",
        "when": "post-run",
        "steps": [
            {
                "kind": "stretch",
                "name": "Bent-knee wall stretch",
                "hold_s": {"default": 30, "min": 20, "max": 30},
                "reps": {"default": 3, "min": 2, "max": 4},
                "rest_s": 10,
                "sides": "injured-first",
                "position_s": 10,
                "instructions": ["Face the wall.", "Bend the back knee."],
            },
            {
                "kind": "ice",
                "name": "Ice",
                "duration_s": {"default": 1200, "min": 300, "max": 1200},
                "instructions": ["Wrap the ice in a cloth."],
            },
        ],
    }
    doc.update(overrides)
    return doc


def minimal_protocol_v2(**overrides: Any) -> dict[str, Any]:
    """A small valid format-2 protocol: a counted strength step and a stretch."""
    doc: dict[str, Any] = {
        "format": 2,
        "id": "test-routine-2",
        "name": "Test routine, format 2",
        "summary": "A routine for tests.",
        "when": "any",
        "steps": [
            {
                "kind": "strength",
                "name": "Heel drop",
                "sets": 2,
                "reps": {"default": 3, "max": 5},
                "tempo": {"down": 3, "up": 1, "start": "down"},
                "rest_s": 20,
                "sides": "injured-first",
                "side_is": "working-leg",
                "instructions": ["Lower slowly."],
            },
            {
                "kind": "stretch",
                "name": "Soleus stretch",
                "hold_s": 45,
                "reps": 2,
                "rest_s": 10,
                "sides": "both",
                "side_is": "leg-back",
                "instructions": ["Bend the back knee."],
            },
        ],
    }
    doc.update(overrides)
    return doc


def write_protocol(folder: Path, name: str, doc: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def import_file(source: Path, user_dir: Path, assets_dir: Path | None = None,
                **kw: Any) -> Path:
    """Import ``source`` into ``user_dir`` as File → Import and ``soleus-coach import`` do
    (the library of the bundled routines and ``user_dir`` says what is taken); its path."""
    from soleus_coach import paths
    from soleus_coach.protocol import load_library
    from soleus_coach.sharing import import_routine

    assets = assets_dir or paths.assets_dir()
    library = load_library(paths.bundled_protocols_dir(), user_dir, assets)
    return import_routine(source, user_dir, assets, own=library.own,
                          bundled=library.bundled_ids, existing=library.files, **kw).path


def app_services(data: Path, clock: Any = None, **overrides: Any) -> Any:
    """The main window's services on a test data folder, with a fake clock if given."""
    from soleus_coach import paths, texts
    from soleus_coach.audio import CuePlayer
    from soleus_coach.gui.common.services import Services
    from soleus_coach.protocol import load_library
    from soleus_coach.settings import SettingsStore

    if clock is not None:
        overrides.setdefault("clock", lambda: (clock, 1.0))
    # No real player in tests unless asked for: no back-end, so "sound unavailable".
    overrides.setdefault("make_player", lambda sounds: CuePlayer(sounds, backends=list))
    return Services(
        load_library=lambda: load_library(paths.bundled_protocols_dir(), data / "protocols",
                                          paths.assets_dir(), texts.language()),
        settings_store=SettingsStore(data / "settings.json"),
        user_protocols_dir=data / "protocols",
        schema_file=paths.bundled_protocols_dir() / "schema" / "protocol.schema.json",
        assets_dir=paths.assets_dir(), window_state_file=data / "window.ini", **overrides)


def run_until(screen: Any, clock: Any, end: float) -> None:
    """Let a session's clock run to ``end``, waking exactly when its timer would."""
    while True:
        wake = screen.controller.engine.next_wakeup()
        if wake is None or wake > end:
            break
        clock.advance(max(0.0, wake - clock.now()))
        screen.controller.process()
    clock.advance(max(0.0, end - clock.now()))
    screen.controller.process()


def skip_to_first_hold(qtbot: Any, screen: Any) -> None:
    """Press Right, as a person would, until the session is in a stretch hold."""
    from PySide6.QtCore import Qt

    from soleus_coach.session.plan import SegmentKind

    for _ in range(50):
        if screen.controller.engine.segment.kind is SegmentKind.HOLD:
            return
        qtbot.keyClick(screen, Qt.Key.Key_Right)
    raise AssertionError("Right never reached a hold: does the session have the keyboard?")


def unprivileged() -> list[str]:
    """A command prefix under which root cannot write to a read-only folder (``setpriv``
    drops the capabilities that override file modes); nothing for an ordinary user."""
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    caps = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def seed_history(db: Path, uid: str = "old") -> None:
    """A history database holding one completed session, ``uid``."""
    from datetime import UTC, datetime

    from soleus_coach.history.records import SessionRecord, Status
    from soleus_coach.history.store import open_store

    store = open_store(db)
    store.save(SessionRecord(uid=uid, protocol_id="p", protocol_name="P", protocol_digest="d",
                             started_at=datetime(2026, 11, 1, tzinfo=UTC), planned_s=60,
                             status=Status.COMPLETED))
    store.close()


def wait_for_sessions(db: Path, timeout: float = 30) -> list[Any]:
    """The sessions in ``db`` once there are any (read through a snapshot, as the command
    line does, while another process writes it); [] if none appear within ``timeout``."""
    import time

    from soleus_coach.history.store import open_snapshot

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            store = open_snapshot(db)
            rows = store.sessions()
            store.close()
            if rows:
                return rows
        time.sleep(0.05)
    return []


def running(qtbot: Any, win: Any) -> Any:
    """The window's session once its clock runs: a routine shows its first step at once but
    starts its clock when the sound back-end can play the first cue (here: when the test's
    player has said it has none)."""
    from soleus_coach.gui.session.flow import FlowState

    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
    return win.session
