"""The system voice in the window: a runner's own routine spoken in English and in German
(eSpeak NG for real, the cue player faked so the fake clock can run the session), the
fallback when no voice speaks the language (said once), the Sound tab and its Test button,
and settings files from before the voice.

Needs espeak-ng (installed by .ci/run): skipped with the reason elsewhere, failed under CI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from soleus_coach.audio.speech import SpeechRenderer
from soleus_coach.gui.common import i18n
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.flow import FlowState
from soleus_coach.gui.session.screen import SessionScreen
from soleus_coach.gui.settings_dialog import SettingsDialog
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import CueStyle, Settings, SettingsStore
from tests.conftest import run_until, write_protocol
from tests.needs import require
from tests.test_audio_cues import LEAD, RecordingPlayer, make_window
from tests.test_german import ENGLISH, normalise


@pytest.fixture(autouse=True)
def _espeak() -> None:
    require("espeak-ng")


STEP_EN = "Wall sit with heel lift"
STEP_DE = "Wandsitz mit Fersenheben"


def own_routine(language: str) -> dict[str, Any]:
    """A runner's own routine: a stretch on both legs (two holds of 30 s each, a rest of
    10 s), then counted sets, in the given language."""
    de = language == "de"
    return {
        "format": 2, "id": f"voice-test-{language}", "language": language,
        "name": "Meine Wadenroutine" if de else "My calf routine",
        "summary": "Zum Test." if de else "For the test.", "when": "any",
        "steps": [
            {"kind": "stretch", "name": STEP_DE if de else STEP_EN, "hold_s": 30, "reps": 2,
             "rest_s": 10, "sides": "both", "side_is": "working-leg", "position_s": 10,
             "instructions": ["Rücken an die Wand." if de else "Back against the wall."]},
            {"kind": "strength", "name": "Zehenstand" if de else "Toe raise", "sets": 2,
             "reps": 4, "tempo": {"up": 1, "down": 2}, "rest_s": 12, "sides": "none",
             "instructions": ["Langsam." if de else "Slowly."]},
        ],
    }


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def start(qtbot: QtBot, win: MainWindow, routine: str) -> SessionScreen:
    assert win.start_session(routine)
    assert win.flow.state is FlowState.STARTING  # its clock waits for the first phrase
    qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=10000)
    session = win.session
    assert session is not None
    first = session.plan.segments[0]
    assert (0, first.cues[0].cue.value, "") in win.sound._phrases  # ready before the clock
    qtbot.waitUntil(lambda: win.sound.report is not None, timeout=20000)
    return session


def schedule(screen: SessionScreen, start_at: float) -> list[tuple[str, float]]:
    """Each cue of the session's plan with its time minus the lead, from the plan."""
    out, t = [], start_at
    for seg in screen.plan.segments:
        out += [(c.cue.value, t + c.due_in(seg.duration_s) - LEAD) for c in seg.cues]
        t += seg.duration_s
    return sorted(out, key=lambda x: x[1])


def run_routine(qtbot: QtBot, data: Path, language: str
                ) -> tuple[MainWindow, RecordingPlayer, float, list[tuple[str, float]]]:
    write_protocol(data / "protocols", "mine.json", own_routine(language))
    clock = FakeClock()
    win, player = make_window(qtbot, data, clock, cue_style="voice")
    s = start(qtbot, win, f"voice-test-{language}")
    begun = clock.now()
    run_until(s, clock, begun + s.plan.total_s + 5)
    assert s.state is State.FINISHED
    return win, player, begun, schedule(s, begun)


def test_a_routine_of_ones_own_is_spoken_cue_by_cue(qtbot: QtBot, data_dir: Path) -> None:
    win, player, begun, expected = run_routine(qtbot, data_dir, "en")
    assert [at for _, at in player.played] == pytest.approx(
        [max(at, begun) for _, at in expected], abs=1e-6)
    said = [name.removeprefix("voice:") for name, _ in player.played]
    assert all(name.startswith("voice:") for name, _ in player.played), player.played
    cues = [cue for cue, _ in expected]
    # The step's start: its name and side (and its instructions while getting ready).
    assert said[0].startswith(f"Get ready {STEP_EN}, left leg")
    assert "Back against the wall." in said[0]
    assert "Switch legs right leg" in said
    assert said.count("Hold 1 of 2") == 2 and said.count("Hold 2 of 2") == 2
    assert said.count("Next: Hold 2 of 2") == 2  # near the end of each rest
    assert said.count("Ten seconds") == 4  # in each 30-s hold
    assert said[cues.index("countdown")] == "3 2 1"
    # The counted sets: the next step by name, numbers, the tempo, the last rep.
    assert any(line.startswith("Toe raise") for line in said)
    assert "Next: Set 2 of 2" in said and "Last rep" in said and "Down" in said
    assert said[-1] == "Routine complete. Well done"
    # No phrase runs into the next cue: each clip ends before the next one starts.
    for (name, at), (_, after) in zip(player.played, player.played[1:], strict=False):
        assert seconds(name, win) <= after - at + 1e-6, name
    assert win.sound.report is not None and win.sound.report.voice is not None
    assert win.sound.report.voice.id == "gmw/en-US"  # the language's default voice


def test_the_same_routine_in_german_speaks_no_english(qtbot: QtBot, data_dir: Path,
                                                      german: None) -> None:
    win, player, _begun, expected = run_routine(qtbot, data_dir, "de")
    said = [name.removeprefix("voice:") for name, _ in player.played]
    assert len(said) == len(expected)
    assert said[0].startswith(f"Bereit machen {STEP_DE}, linkes Bein")
    assert "Bein wechseln rechtes Bein" in said and "Noch zehn Sekunden" in said
    assert "Als Nächstes: Dehnung 2 von 2" in said
    assert "Die letzte" in said  # "Letzte Wiederholung" (1.1 s) would not fit a 1-s rep
    english = [line for line in said if ENGLISH.search(normalise(line))]
    assert english == []
    assert win.sound.report is not None and win.sound.report.voice is not None
    assert win.sound.report.voice.language == "de"


def seconds(name: str, win: MainWindow) -> float:
    """The length of a played phrase, from its cache entry."""
    text = name.removeprefix("voice:")
    folder = Path(win.sound._speech().cache.folder)
    for about in folder.glob("*.json"):
        meta = json.loads(about.read_text(encoding="utf-8"))
        if meta["text"] == text:
            return float(meta["seconds"])
    raise AssertionError(f"no cache entry for {text!r}")


def test_a_cached_routine_starts_from_the_cache(qtbot: QtBot, data_dir: Path) -> None:
    write_protocol(data_dir / "protocols", "mine.json", own_routine("en"))
    clock = FakeClock()
    win, _player = make_window(qtbot, data_dir, clock, cue_style="voice")
    s = start(qtbot, win, "voice-test-en")
    first = win.sound.report
    assert first is not None and first.rendered > 10 and first.cached == 0
    s.controller.stop()
    qtbot.waitUntil(lambda: win.flow.state is FlowState.FINISHED)
    win.flow.leave()
    win.sound.report = None
    start(qtbot, win, "voice-test-en")
    second = win.sound.report
    assert second is not None and second.rendered == 0 and second.cached == first.rendered


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_voice_for_the_language_plays_recorded_words_and_says_so_once(
        qtbot: QtBot, data_dir: Path, qapp: QApplication, language: str) -> None:
    assert i18n.install(qapp, language) == language
    try:
        clock = FakeClock()
        win, player = make_window(qtbot, data_dir, clock, cue_style="voice")
        win.sound.speech = SpeechRenderer(data_dir / "cache", engines=list)  # no engine
        notices: list[str] = []
        win.sound.notice.connect(notices.append)
        assert win.start_session("calf-stretch-only")
        qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
        s = win.session
        assert s is not None
        run_until(s, clock, clock.now() + 90)
        assert len(notices) == 1 and notices[0] in win.statusBar().currentMessage()
        assert "espeak-ng" in notices[0]
        names = [name for name, _ in player.played]
        assert names and all(n.startswith(f"spoken/{language}/") for n in names), names
        assert s.flashes == 0  # "next" and "ten seconds" need no flash: nothing was missed
        s.controller.stop()
        qtbot.waitUntil(lambda: win.flow.state is FlowState.FINISHED)
        win.flow.leave()
        assert win.start_session("calf-stretch-only")
        qtbot.waitUntil(lambda: win.flow.state is FlowState.RUNNING, timeout=5000)
        assert len(notices) == 1  # said once
    finally:
        i18n.install(qapp, "en")


def open_settings(qtbot: QtBot, win: MainWindow) -> SettingsDialog:
    action = win.findChild(QAction, "action_settings")
    assert action is not None
    action.trigger()
    dialog = win.findChild(QDialog, "settingsDialog")
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def test_the_sound_tab_picks_a_voice_and_its_test_button_speaks_a_sample(
        qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock, sound_on=False)
    dialog = open_settings(qtbot, win)
    dialog.tabs.setCurrentWidget(dialog.sound_tab)
    assert not dialog.voice.isEnabled()  # tones: nothing to choose
    dialog.cue_style.setCurrentIndex(dialog.cue_style.findData(CueStyle.VOICE))
    assert dialog.voice.isEnabled() and dialog.rate.isEnabled()
    qtbot.waitUntil(lambda: dialog.voice.findData("gmw/en-US") >= 0, timeout=10000)
    names = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
    assert not any("German" in n for n in names)  # the UI's language only
    dialog.voice.setCurrentIndex(dialog.voice.findData("gmw/en-GB-x-rp"))
    dialog.rate.setValue(200)
    dialog.speak_instructions.setChecked(False)
    dialog.test_sound_button.click()
    qtbot.waitUntil(lambda: bool(player.played), timeout=10000)
    name, _ = player.played[0]
    assert name == "voice:Seated calf raise, left leg Hold 1 of 3"  # even though muted
    about = next(Path(win.sound._speech().cache.folder).glob("*.json"))
    meta = json.loads(about.read_text(encoding="utf-8"))
    assert (meta["voice"], meta["rate"]) == ("gmw/en-GB-x-rp", 200)
    assert win.sound.muted  # the setting is untouched
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    stored = SettingsStore(data_dir / "settings.json").load()
    assert (stored.cue_style, stored.voice, stored.speech_rate) == (
        CueStyle.VOICE, "gmw/en-GB-x-rp", 200)
    assert stored.speak_names and stored.speak_counts and not stored.speak_instructions


def test_a_voice_that_is_gone_is_kept_and_shown_as_not_installed(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(cue_style=CueStyle.VOICE, voice="gmw/xx-gone"))
    qtbot.addWidget(dialog)
    assert dialog.voice.currentText() == "gmw/xx-gone (not installed)"
    assert dialog.value().voice == "gmw/xx-gone"
    dialog.voice.setCurrentIndex(0)
    assert dialog.value().voice == ""  # the language's default


def test_settings_from_before_the_voice_load_and_bad_values_are_ignored(
        tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = {"injured_leg": "left", "cue_style": "spoken", "volume": 60, "sound_on": True}
    path.write_text(json.dumps(old))
    store = SettingsStore(path)
    loaded = store.load()
    assert store.problems == [] and loaded.cue_style is CueStyle.SPOKEN
    assert (loaded.voice, loaded.speech_rate, loaded.speak_names) == ("", 160, True)
    path.write_text(json.dumps({"cue_style": "voice", "speech_rate": 5, "voice": 42,
                                "speak_counts": "yes", "speak_names": False}))
    loaded = store.load()
    assert loaded.cue_style is CueStyle.VOICE and loaded.speak_names is False
    assert loaded.speech_rate == 160 and loaded.voice == "" and loaded.speak_counts
    assert len(store.problems) == 3
    assert all(re.search(r"speech_rate|voice|speak_counts", p) for p in store.problems)
    store.save(loaded)
    assert store.load() == loaded


def test_the_muted_voice_does_not_hold_the_clock(qtbot: QtBot, data_dir: Path) -> None:
    """Muted: nothing is rendered in the way of the routine's start."""
    clock = FakeClock()
    win, _player = make_window(qtbot, data_dir, clock, cue_style="voice", sound_on=False)
    assert win.start_session("calf-stretch-only")
    assert win.flow.state is FlowState.RUNNING  # at once
    assert not win.sound._waiting_first


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_sound_tab_as_shown(qtbot: QtBot, data_dir: Path, qapp: QApplication,
                                language: str) -> None:
    """The Sound tab with the system voice chosen and the language's voices listed; saved
    as docs/screenshots/settings-sound*.png under ``make screenshots``."""
    import os

    assert i18n.install(qapp, language) == language
    try:
        win, _player = make_window(qtbot, data_dir, FakeClock(), cue_style="voice",
                                   speak_instructions=False)
        dialog = open_settings(qtbot, win)
        dialog.tabs.setCurrentWidget(dialog.sound_tab)
        dialog.resize(620, 480)
        qtbot.waitUntil(lambda: language in win.sound._voices, timeout=10000)
        assert dialog.voice.isEnabled() and not dialog.speak_instructions.isChecked()
        voices = [dialog.voice.itemText(i) for i in range(1, dialog.voice.count())]
        assert all(f"({language}" in v for v in voices), voices  # "(de, espeak-ng)"
        dialog.voice.showPopup()
        qtbot.wait(50)
        image = dialog.grab().toImage()
        popup = dialog.voice.view().window().grab().toImage()
        dialog.voice.hidePopup()
        assert image.width() >= 620
        target = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
        if target:
            suffix = "" if language == "en" else f"-{language}"
            assert image.save(str(Path(target) / f"settings-sound{suffix}.png"))
            if language == "en":
                assert popup.save(str(Path(target) / "settings-voices.png"))
        dialog.reject()
    finally:
        i18n.install(qapp, "en")


def test_the_test_button_without_a_voice_says_so_and_plays_the_recorded_word(
        qtbot: QtBot, data_dir: Path) -> None:
    win, player = make_window(qtbot, data_dir, FakeClock())
    win.sound.speech = SpeechRenderer(data_dir / "cache", engines=list)
    dialog = open_settings(qtbot, win)
    dialog.cue_style.setCurrentIndex(dialog.cue_style.findData(CueStyle.VOICE))
    dialog.test_sound_button.click()
    qtbot.waitUntil(lambda: bool(player.played), timeout=10000)
    assert player.played[0][0] == "spoken/en/hold_start"
    assert "espeak-ng" in win.statusBar().currentMessage()
