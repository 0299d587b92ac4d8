"""The library follows the user's protocol folder by itself: a file saved, added, broken or
removed is noticed without F5, and ``--start ID`` finds a file added a moment ago."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from soleus_coach.gui.main_window import MainWindow
from soleus_coach.settings import Leg, Settings, SettingsStore
from tests.conftest import app_services, minimal_protocol_v2, running, write_protocol


def window(qtbot: QtBot, data: Path) -> MainWindow:
    SettingsStore(data / "settings.json").save(
        Settings(first_run_acknowledged=True, ask_pain_before=False, injured_leg=Leg.LEFT))
    win = MainWindow(app_services(data))
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    qtbot.waitUntil(lambda: hasattr(win, "library_watcher"))
    return win


def test_a_new_changed_broken_or_removed_file_reloads_the_library(
        qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir)  # the folder does not exist yet: its parent is watched
    folder = data_dir / "protocols"
    assert win.library.get("mine") is None
    write_protocol(folder, "mine.json", minimal_protocol_v2(id="mine", name="Mine"))
    qtbot.waitUntil(lambda: win.library.get("mine") is not None, timeout=5000)
    path = folder / "mine.json"
    path.write_text(json.dumps(minimal_protocol_v2(id="mine", name="Mine, changed")))
    qtbot.waitUntil(lambda: (p := win.library.get("mine")) is not None
                    and p.name == "Mine, changed", timeout=5000)
    path.write_text("{ broken")
    qtbot.waitUntil(lambda: win.library.get("mine") is None, timeout=5000)
    assert any(e.path.name == "mine.json" for e in win.library.broken)
    assert "could not be loaded" in win.statusBar().currentMessage()
    path.unlink()
    qtbot.waitUntil(lambda: not any(e.path.name == "mine.json"
                                    for e in win.library.entries), timeout=5000)


def test_start_finds_a_file_added_a_moment_ago(qtbot: QtBot, data_dir: Path) -> None:
    win = window(qtbot, data_dir)
    win.library_watcher.blockSignals(True)  # as if it had not noticed yet
    write_protocol(data_dir / "protocols", "fresh.json", minimal_protocol_v2(id="fresh"))
    assert win.start_routine("fresh")
    assert running(qtbot, win) is not None


def test_a_programme_file_added_or_changed_is_noticed_too(qtbot: QtBot, data_dir: Path) -> None:
    from soleus_coach import paths

    win = window(qtbot, data_dir)
    bundled = json.loads((paths.bundled_programmes_dir() / "stretch-around-every-run.json")
                         .read_text(encoding="utf-8"))
    mine = {**bundled, "id": "mine", "name": "My programme"}
    mine.pop("translations", None)
    folder = data_dir / "protocols" / "programmes"  # neither folder exists yet
    write_protocol(folder, "mine.json", mine)
    qtbot.waitUntil(lambda: win.programme.programmes().get("mine") is not None, timeout=5000)
    qtbot.wait(1000)  # the folders' creation has settled: what follows is a change in place
    assert str(folder / "mine.json") in win.library_watcher.watching
    (folder / "mine.json").write_text(json.dumps({**mine, "name": "Renamed"}),
                                      encoding="utf-8")
    qtbot.waitUntil(lambda: (p := win.programme.programmes().get("mine")) is not None
                    and p.name == "Renamed", timeout=5000)
