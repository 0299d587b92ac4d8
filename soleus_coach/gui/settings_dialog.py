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
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self.leg = _combo(self.tr("Injured leg"),
                          [(self.tr("Not set: asked at the start"), Leg.NONE),
                           (self.tr("Left"), Leg.LEFT), (self.tr("Right"), Leg.RIGHT),
                           (self.tr("Both"), Leg.BOTH),
                           (self.tr("Not sure: asked each time"), Leg.NOT_SURE)],
                          settings.injured_leg)
        self.leg.setToolTip(self.tr("Stretches marked 'injured leg first' start with this leg"))
        hold = None if settings.hold_s is None else int(settings.hold_s)
        self.hold = _spin(self.tr("Preferred hold"), 5, 120, hold, " s",
                          self.tr("Routine's default"))
        self.hold.setToolTip(self.tr("Kept within each stretch's allowed range"))
        self.reps = _spin(self.tr("Repetitions per side"), 1, 10, settings.reps, "",
                          self.tr("Routine's default"))
        self.get_ready = QSpinBox()
        self.get_ready.setAccessibleName(self.tr("Get-ready time"))
        self.get_ready.setRange(3, 30)
        self.get_ready.setSuffix(" s")
        self.get_ready.setValue(int(settings.get_ready_s))
        ice_min = None if settings.ice_s is None else int(settings.ice_s // 60)
        self.ice = _spin(self.tr("Ice time"), 1, 20, ice_min, " min",
                         self.tr("Routine's default"))
        self.ice.setToolTip(self.tr("Never more than 20 minutes"))
        self.ask_before = QCheckBox(self.tr("Ask about pain before each routine"))
        self.ask_before.setChecked(settings.ask_pain_before)
        self.sound = QCheckBox(self.tr("Play sound cues"))
        self.sound.setAccessibleName(self.tr("Play sound cues"))
        self.sound.setChecked(settings.sound_on)
        self.cue_style = _combo(self.tr("Cue style"), [(self.tr("Tones"), CueStyle.TONES),
                                                      (self.tr("Spoken"), CueStyle.SPOKEN)],
                                settings.cue_style)
        self.volume = QSlider()
        self.volume.setOrientation(self.volume.orientation().Horizontal)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setRange(0, 100)
        self.volume.setValue(settings.volume)
        self.theme = _combo(self.tr("Appearance"),
                            [(self.tr("Follow the system"), Theme.SYSTEM),
                             (self.tr("Light"), Theme.LIGHT), (self.tr("Dark"), Theme.DARK)],
                            settings.theme)
        # Each language in its own words, so it can be found whatever is shown now.
        self.language = _combo(self.tr("Language"), [(self.tr("Follow the system"), ""),
                                                     ("English", "en"), ("Deutsch", "de")],
                               settings.language)
        self.language.setToolTip(self.tr("Takes effect the next time Soleus Coach starts"))
        form = QFormLayout(self)
        form.addRow(self.tr("Injured leg:"), self.leg)
        form.addRow(self.tr("Preferred hold:"), self.hold)
        form.addRow(self.tr("Repetitions per side:"), self.reps)
        form.addRow(self.tr("Get-ready time:"), self.get_ready)
        form.addRow(self.tr("Ice time:"), self.ice)
        form.addRow("", self.ask_before)
        form.addRow("", self.sound)
        form.addRow(self.tr("Cue style:"), self.cue_style)
        form.addRow(self.tr("Volume:"), self.volume)
        self.test_sound_button = QPushButton(self.tr("&Test sound"))
        self.test_sound_button.setObjectName("testSound")
        self.test_sound_button.setToolTip(self.tr("Play a cue with the style and volume above"))
        self.test_sound_button.setEnabled(on_test_sound is not None)
        if on_test_sound is not None:
            self.test_sound_button.clicked.connect(lambda: on_test_sound(self.value()))
        form.addRow("", self.test_sound_button)
        form.addRow(self.tr("Appearance:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
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
            language=str(self.language.currentData()),
        )
