"""The settings dialog: edits a :class:`Settings` value; the caller stores it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from soleus_coach.settings import CueStyle, Leg, Settings, Theme


def _combo(name: str, items: list[tuple[str, object]], current: object) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in items:
        box.addItem(label, value)
        if value == current:
            box.setCurrentIndex(box.count() - 1)
    return box


def _spin(name: str, lo: int, hi: int, value: int | None, suffix: str,
          default_text: str) -> QSpinBox:
    """A spin box whose lowest entry means "the routine's default"."""
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(lo - 1, hi)
    spin.setSpecialValueText(default_text)
    spin.setSuffix(suffix)
    spin.setValue(lo - 1 if value is None else value)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 on_test_sound: Callable[[Settings], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        t = self.tr
        self.leg = _combo(t("Injured leg"), [(t("Left"), Leg.LEFT), (t("Right"), Leg.RIGHT),
                                            (t("Both"), Leg.BOTH), (t("None"), Leg.NONE)],
                          settings.injured_leg)
        self.leg.setToolTip(t("Stretches marked 'injured leg first' start with this leg"))
        hold = None if settings.hold_s is None else int(settings.hold_s)
        self.hold = _spin(t("Preferred hold"), 5, 120, hold, " s", t("Routine's default"))
        self.hold.setToolTip(t("Kept within each stretch's allowed range"))
        self.reps = _spin(t("Repetitions per side"), 1, 10, settings.reps, "",
                          t("Routine's default"))
        self.get_ready = QSpinBox()
        self.get_ready.setAccessibleName(t("Get-ready time"))
        self.get_ready.setRange(3, 30)
        self.get_ready.setSuffix(" s")
        self.get_ready.setValue(int(settings.get_ready_s))
        ice_min = None if settings.ice_s is None else int(settings.ice_s // 60)
        self.ice = _spin(t("Ice time"), 1, 20, ice_min, " min", t("Routine's default"))
        self.ice.setToolTip(t("Never more than 20 minutes"))
        self.ask_before = QCheckBox(t("Ask about pain before each routine"))
        self.ask_before.setChecked(settings.ask_pain_before)
        self.sound = QCheckBox(t("Play sound cues"))
        self.sound.setAccessibleName(t("Play sound cues"))
        self.sound.setChecked(settings.sound_on)
        self.cue_style = _combo(t("Cue style"), [(t("Tones"), CueStyle.TONES),
                                                 (t("Spoken"), CueStyle.SPOKEN)],
                                settings.cue_style)
        self.volume = QSlider()
        self.volume.setOrientation(self.volume.orientation().Horizontal)
        self.volume.setAccessibleName(t("Volume"))
        self.volume.setRange(0, 100)
        self.volume.setValue(settings.volume)
        self.theme = _combo(t("Appearance"), [(t("Follow the system"), Theme.SYSTEM),
                                              (t("Light"), Theme.LIGHT), (t("Dark"), Theme.DARK)],
                            settings.theme)
        form = QFormLayout(self)
        form.addRow(t("Injured leg:"), self.leg)
        form.addRow(t("Preferred hold:"), self.hold)
        form.addRow(t("Repetitions per side:"), self.reps)
        form.addRow(t("Get-ready time:"), self.get_ready)
        form.addRow(t("Ice time:"), self.ice)
        form.addRow("", self.ask_before)
        form.addRow("", self.sound)
        form.addRow(t("Cue style:"), self.cue_style)
        form.addRow(t("Volume:"), self.volume)
        self.test_sound_button = QPushButton(t("&Test sound"))
        self.test_sound_button.setObjectName("testSound")
        self.test_sound_button.setToolTip(t("Play a cue with the style and volume above"))
        self.test_sound_button.setEnabled(on_test_sound is not None)
        if on_test_sound is not None:
            self.test_sound_button.clicked.connect(lambda: on_test_sound(self.value()))
        form.addRow("", self.test_sound_button)
        form.addRow(t("Appearance:"), self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> Settings:
        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() < spin.minimum() + 1 else spin.value()

        hold = opt(self.hold)
        ice = opt(self.ice)
        return replace(
            self._original,
            # currentData() gives back plain strings: rebuild the enums.
            injured_leg=Leg(self.leg.currentData()),
            hold_s=None if hold is None else float(hold),
            reps=opt(self.reps),
            get_ready_s=float(self.get_ready.value()),
            ice_s=None if ice is None else float(ice * 60),
            sound_on=self.sound.isChecked(),
            ask_pain_before=self.ask_before.isChecked(),
            cue_style=CueStyle(self.cue_style.currentData()),
            volume=self.volume.value(),
            theme=Theme(self.theme.currentData()),
        )
