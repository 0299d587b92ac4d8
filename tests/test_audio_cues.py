"""Which cue sound plays when: a recording fake player behind the real window and engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from soleus_coach.audio import CuePlayer, PlayerState, PlayerStatus
from soleus_coach.cues import Cue
from soleus_coach.gui.main_window import MainWindow
from soleus_coach.gui.session.screen import SessionScreen
from soleus_coach.session.clock import FakeClock
from soleus_coach.session.engine import State
from soleus_coach.settings import SettingsStore
from tests.conftest import app_services, run_until, skip_to_first_hold

LEAD = 0.25  # the fake back-end's "measured" start latency


class RecordingPlayer(CuePlayer):
    """Records what would play, at what clock time; no thread, no process."""

    def __init__(self, sounds_dir: Path, clock: FakeClock, state: PlayerState) -> None:
        super().__init__(sounds_dir)
        self.fake_clock = clock
        self.played: list[tuple[str, float]] = []  # (style/cue, clock time)
        self.silenced: list[float] = []
        self._state = state

    def start(self) -> None:
        if self.status.state is PlayerState.STARTING and self.on_status:
            message = "Sound is unavailable: install pipewire-bin (pw-play), " \
                      "pulseaudio-utils (paplay) or alsa-utils (aplay)."
            self.on_status(PlayerStatus(self._state, "fake", LEAD,
                                        message if self._state is PlayerState.UNAVAILABLE
                                        else ""))

    def play(self, path: Path) -> None:
        self.played.append((clip_name(path, self.sounds_dir), self.fake_clock.now()))

    def silence(self) -> None:
        self.silenced.append(self.fake_clock.now())


def clip_name(path: Path, sounds_dir: Path) -> str:
    """``tones/relax``, ``spoken/de/relax``; a phrase of the system voice as ``voice:`` and
    the words its cache entry says it holds."""
    about = path.with_suffix(".json")
    if about.is_file():
        return "voice:" + json.loads(about.read_text(encoding="utf-8"))["text"]
    return path.relative_to(sounds_dir).with_suffix("").as_posix()


def make_window(qtbot: QtBot, data: Path, clock: FakeClock,
                state: PlayerState = PlayerState.READY, **settings: object
                ) -> tuple[MainWindow, RecordingPlayer]:
    (data / "settings.json").write_text(json.dumps(
        {"first_run_acknowledged": True, "ask_pain_before": False, "injured_leg": "left",
         **settings}))
    players: list[RecordingPlayer] = []

    def make_player(sounds: Path) -> CuePlayer:
        players.append(RecordingPlayer(sounds, clock, state))
        return players[-1]

    win = MainWindow(app_services(data, clock, make_player=make_player))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    assert win.sound.status.state is PlayerState.STARTING  # nothing probed before a routine
    return win, players[0]


def expected_schedule(screen: SessionScreen, start: float) -> list[tuple[str, float]]:
    """Every cue of the plan at its due time minus the lead, from the plan alone."""
    out = []
    t = start
    for seg in screen.plan.segments:
        for cue in seg.cues:
            out.append((f"tones/{cue.cue.value}", t + cue.due_in(seg.duration_s) - LEAD))
        t += seg.duration_s
    return sorted(out, key=lambda x: x[1])


def test_whole_post_run_routine_plays_every_cue_on_time(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock, injured_leg="right")
    assert win.start_session("post-run-soleus") and win.session is not None
    s = win.session
    start = clock.now()
    assert s.controller.engine.cue_lead_s == LEAD  # fired early by the measured latency
    run_until(s, clock, start + s.plan.total_s + 5)
    assert s.state is State.FINISHED
    expected = expected_schedule(s, start)
    assert [name for name, _ in player.played] == [name for name, _ in expected]
    for (name, at), (_, due) in zip(player.played, expected, strict=True):
        assert at == pytest.approx(max(start, due), abs=1e-6), name
    names = [name.split("/")[1] for name, _ in player.played]
    # The routine as a runner hears it:
    assert names[0] == Cue.GET_READY
    assert names.count(Cue.SWITCH_LEGS) == 1
    assert names.count(Cue.COUNTDOWN) == 6 and names.count(Cue.HOLD_START) == 6
    assert names.count(Cue.CAUTION) == 1  # once per stretch, not at every hold
    assert names.index(Cue.CAUTION) == names.index(Cue.HOLD_START) + 1
    assert names[-1] == Cue.ICE_OFF and Cue.ICE_ON in names  # ice off is the last word
    assert s.flashes == 0


def test_no_cues_while_paused(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock)
    win.start_session("calf-stretch-only")
    s = win.session
    assert s is not None
    skip_to_first_hold(qtbot, s)
    run_until(s, clock, clock.now() + 20)  # 10 s before the end of a 30 s hold
    before = len(player.played)
    qtbot.keyClick(s, Qt.Key.Key_Space)
    assert player.silenced and player.silenced[-1] == clock.now()  # nothing rings on
    run_until(s, clock, clock.now() + 120)
    assert len(player.played) == before  # two minutes paused: silence
    qtbot.keyClick(s, Qt.Key.Key_Space)
    resumed = clock.now()
    run_until(s, clock, resumed + 10)
    countdown = [at for name, at in player.played[before:] if name.endswith("countdown")]
    assert countdown == [pytest.approx(resumed + 10 - 3 - LEAD)]


def test_skip_and_back_leave_no_stale_cues(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock)
    win.start_session("calf-stretch-only")
    s = win.session
    assert s is not None
    skip_to_first_hold(qtbot, s)
    run_until(s, clock, clock.now() + 28)  # the 3-2-1 has started
    assert player.played[-1][0] == "tones/countdown"
    qtbot.keyClick(s, Qt.Key.Key_Right)  # skip the rest of the hold
    assert player.silenced[-1] == clock.now()  # its countdown is cut off
    skipped_at = clock.now()
    run_until(s, clock, skipped_at + 5)
    assert all(not name.endswith(("countdown", "relax")) or at < skipped_at
               for name, at in player.played)  # the skipped hold says nothing more
    qtbot.keyClick(s, Qt.Key.Key_Left)  # back: restart the rest we are in
    assert player.silenced[-1] == clock.now()
    n = len(player.played)
    qtbot.keyClick(s, Qt.Key.Key_Left)  # back again: to the hold, from its start
    restart = clock.now()
    run_until(s, clock, restart + 30)
    again = [(name, at) for name, at in player.played[n:]]
    assert ("tones/countdown", pytest.approx(restart + 27 - LEAD)) in again


def test_m_mutes_and_the_countdown_flashes_instead(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock)
    win.start_session("calf-stretch-only")
    s = win.session
    assert s is not None
    qtbot.keyClick(s, Qt.Key.Key_M)
    assert not win.settings.sound_on and win.mute_action.isChecked()
    assert not SettingsStore(data_dir / "settings.json").load().sound_on  # remembered
    before = len(player.played)
    run_until(s, clock, clock.now() + 60)
    assert len(player.played) == before
    assert s.flashes > 3  # every cue became a flash
    qtbot.keyClick(s, Qt.Key.Key_M)
    run_until(s, clock, clock.now() + 60)
    assert len(player.played) > before


def test_spoken_style_and_custom_sounds(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock, cue_style="spoken")
    win.start_session("ice-timer")
    assert player.played[0][0] == "spoken/en/get_ready"


def test_no_sound_device_says_so_once_and_flashes(qtbot: QtBot, data_dir: Path) -> None:
    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock, state=PlayerState.UNAVAILABLE)
    assert not win.sound_label.isVisible()  # probed when a routine starts, not at start-up
    win.start_session("calf-stretch-only")
    s = win.session
    assert s is not None
    qtbot.waitUntil(win.sound_label.isVisible)
    message = win.sound_label.text()
    assert "Sound is unavailable" in message and "pulseaudio-utils" in message
    run_until(s, clock, clock.now() + 40)
    assert player.played == [] and s.flashes >= 3
    assert s.state is State.RUNNING  # timing untouched


def test_test_sound_button_plays_with_the_dialog_settings(qtbot: QtBot, data_dir: Path) -> None:
    from soleus_coach.gui.settings_dialog import SettingsDialog

    clock = FakeClock()
    win, player = make_window(qtbot, data_dir, clock, sound_on=False)
    dialog = SettingsDialog(win.settings, win, on_test_sound=win.test_sound)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.sound_tab)
    dialog.cue_style.setCurrentIndex(dialog.cue_style.findText("Recorded words"))
    qtbot.mouseClick(dialog.test_sound_button, Qt.MouseButton.LeftButton)
    assert player.played == [("spoken/en/hold_start", clock.now())]  # heard even when muted
    assert win.sound.muted  # and the setting is untouched
