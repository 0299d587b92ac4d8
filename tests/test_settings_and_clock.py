from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from soleus_coach.gui.settings_dialog import SettingsDialog
from soleus_coach.session.clock import ScaledClock, SystemClock, clock_from_env
from soleus_coach.settings import CueStyle, Leg, Settings, SettingsStore


@pytest.mark.parametrize(("raw", "factor"), [("", 1.0), ("60", 60.0), ("junk", 1.0),
                                              ("-5", 1.0)])
def test_time_scale_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: str,
                                         factor: float) -> None:
    monkeypatch.setenv("SOLEUS_COACH_TIME_SCALE", raw)
    clock, speed = clock_from_env()
    assert speed == factor
    assert isinstance(clock, ScaledClock if factor != 1.0 else SystemClock)


def test_settings_dialog_edits_and_returns_typed_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.leg.setCurrentIndex(dialog.leg.findData(Leg.RIGHT))
    dialog.hold.setValue(25)
    dialog.reps.setValue(dialog.reps.minimum())  # "Routine's default"
    dialog.ice.setValue(15)
    dialog.sound.setChecked(False)
    dialog.cue_style.setCurrentIndex(dialog.cue_style.findData(CueStyle.SPOKEN))
    with qtbot.waitSignal(dialog.accepted):
        dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok).click()
    value = dialog.value()
    assert (value.injured_leg, value.hold_s, value.reps, value.ice_s) == (Leg.RIGHT, 25.0,
                                                                          None, 900.0)
    assert value.sound_on is False and value.cue_style is CueStyle.SPOKEN


def test_settings_round_trip_and_bad_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SettingsStore(tmp_path / "s.json")
    store.save(Settings(injured_leg=Leg.LEFT, reps=3, volume=40))
    assert store.load() == Settings(injured_leg=Leg.LEFT, reps=3, volume=40)
    (tmp_path / "s.json").write_text('{"reps": 99, "volume": "loud", "sound_on": 1}')
    loaded = store.load()
    assert loaded == Settings()
    assert len(store.problems) == 3
    (tmp_path / "s.json").write_bytes(b"\xff\x00")
    assert store.load() == Settings() and "damaged" in store.problems[0]
