"""The settings dialog: edits a :class:`Settings` value; the caller stores it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.settings import CueStyle, Leg, Settings, Theme
from soleus_coach.texts import fill_in

if TYPE_CHECKING:
    from soleus_coach.audio.speech import Voice
    from soleus_coach.gui.common.sound import SoundService


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
                 on_test_sound: Callable[[Settings], None] | None = None,
                 sound: SoundService | None = None) -> None:
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
        self.cue_style = _combo(self.tr("Cue style"),
                                [(self.tr("Tones"), CueStyle.TONES),
                                 (self.tr("Recorded words"), CueStyle.SPOKEN),
                                 (self.tr("The system voice"), CueStyle.VOICE)],
                                settings.cue_style)
        self.cue_style.setToolTip(self.tr("The system voice says each step's name, the leg, "
                                          "the numbers and what comes next, in the language "
                                          "of Soleus Coach"))
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
        self._voice_widgets(settings, sound)
        self.test_sound_button = QPushButton(self.tr("&Test sound"))
        self.test_sound_button.setObjectName("testSound")
        self.test_sound_button.setToolTip(self.tr("Play a cue with the style and volume above; "
                                                  "the system voice says a sample"))
        self.test_sound_button.setEnabled(on_test_sound is not None)
        if on_test_sound is not None:
            self.test_sound_button.clicked.connect(lambda: on_test_sound(self.value()))
        self._reminder_widgets(settings)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        form = self._tab(self.tr("&Routines"))
        form.addRow(self.tr("Injured leg:"), self.leg)
        form.addRow(self.tr("Preferred hold:"), self.hold)
        form.addRow(self.tr("Repetitions per side:"), self.reps)
        form.addRow(self.tr("Get-ready time:"), self.get_ready)
        form.addRow(self.tr("Ice time:"), self.ice)
        form.addRow("", self.ask_before)
        form.addRow("", self.compact_offer)
        form = self._tab(self.tr("&Sound"))
        self.sound_tab = self.tabs.widget(self.tabs.count() - 1)
        form.addRow("", self.sound)
        form.addRow(self.tr("Cue style:"), self.cue_style)
        form.addRow(self.tr("Volume:"), self.volume)
        form.addRow(self.tr("Voice:"), self.voice)
        form.addRow(self.tr("Speed:"), self.rate)
        form.addRow(self.tr("Say:"), self.speak_names)
        form.addRow("", self.speak_counts)
        form.addRow("", self.speak_instructions)
        form.addRow("", self.test_sound_button)
        form = self._tab(self.tr("&Look"))
        form.addRow(self.tr("Appearance:"), self.theme)
        form.addRow(self.tr("Language:"), self.language)
        form = self._tab(self.tr("Re&minders"))
        self.reminders_tab = self.tabs.widget(self.tabs.count() - 1)
        form.addRow("", self.reminder_on)
        form.addRow(self.tr("At:"), self.reminder_time)
        form.addRow(self.tr("On:"), self.days_row)
        form.addRow("", self.reminder_note)
        form.addRow("", self.autostart)
        form.addRow("", self.autostart_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _voice_widgets(self, settings: Settings, sound: SoundService | None) -> None:
        """The system voice: which one (the UI language's voices, looked up in the
        background), how fast, and what it says besides the cues' words."""
        self.voice = QComboBox()
        self.voice.setObjectName("voice")
        self.voice.setAccessibleName(self.tr("Voice"))
        self.voice.setToolTip(self.tr("The voices installed for the language of Soleus Coach "
                                      "(see the README to add more)"))
        self._wanted_voice = settings.voice
        self.rate = QSpinBox()
        self.rate.setObjectName("speechRate")
        self.rate.setAccessibleName(self.tr("Speed"))
        self.rate.setRange(80, 300)
        self.rate.setSingleStep(10)
        self.rate.setSuffix(self.tr(" words a minute"))
        self.rate.setValue(settings.speech_rate)
        self.speak_names = QCheckBox(self.tr("Step names, the leg, and what comes next"))
        self.speak_names.setChecked(settings.speak_names)
        self.speak_counts = QCheckBox(self.tr("Numbers: holds, sets, reps, rounds, "
                                              "“ten seconds”"))
        self.speak_counts.setChecked(settings.speak_counts)
        self.speak_instructions = QCheckBox(self.tr("Instructions while getting into "
                                                    "position"))
        self.speak_instructions.setChecked(settings.speak_instructions)
        self._sound = sound
        self._voices_asked = False
        self._fill_voices([])
        if sound is not None:
            sound.voices_found.connect(self._fill_voices)
        self.cue_style.currentIndexChanged.connect(self._enable_voice)
        self._enable_voice()

    def _fill_voices(self, voices: list[Voice] | None) -> None:
        wanted = self.voice.currentData() if self.voice.count() else self._wanted_voice
        self.voice.clear()
        self.voice.addItem(self.tr("The language's default voice"), "")
        if voices is None:
            self.voice.addItem(self.tr("Looking for voices…"), None)
        for voice in voices or ():
            self.voice.addItem(f"{voice.name} ({voice.language}, {voice.engine})", voice.id)
        if wanted and self.voice.findData(wanted) < 0:
            self.voice.addItem(fill_in(self.tr("%1 (not installed)"), wanted), wanted)
        self.voice.setCurrentIndex(max(0, self.voice.findData(wanted)))

    def _enable_voice(self) -> None:
        on = self.cue_style.currentData() == CueStyle.VOICE
        for widget in (self.voice, self.rate, self.speak_names, self.speak_counts,
                       self.speak_instructions):
            widget.setEnabled(on)
        if on and not self._voices_asked and self._sound is not None:
            self._voices_asked = True  # looked up when the voice is chosen, in the background
            self._fill_voices(self._sound.voices())

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        self.tabs.addTab(page, title)
        return QFormLayout(page)

    def _reminder_widgets(self, settings: Settings) -> None:
        self.compact_offer = QCheckBox(self.tr("Offer the small always-on-top timer on ice "
                                               "and heat steps over 5 minutes"))
        self.compact_offer.setChecked(settings.compact_offer)
        self.reminder_on = QCheckBox(self.tr("Remind me of my routine every day"))
        self.reminder_on.setObjectName("reminderOn")
        self.reminder_on.setChecked(settings.reminder_on)
        self.reminder_time = QTimeEdit(QTime(settings.reminder_minute // 60,
                                             settings.reminder_minute % 60))
        self.reminder_time.setObjectName("reminderTime")
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        self.reminder_time.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.days_row = QWidget()
        row = QHBoxLayout(self.days_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        locale = QLocale()
        for day in range(7):  # Monday first; Qt numbers them 1-7
            check = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            check.setObjectName(f"reminderDay{day}")
            check.setAccessibleName(locale.dayName(day + 1))
            check.setChecked(day in settings.reminder_days)
            row.addWidget(check)
            self.days.append(check)
        row.addStretch(1)
        self.reminder_note = QLabel(self.tr("A desktop notification, while Soleus Coach runs; "
                                            "click it to start the routine of the moment. "
                                            "Never during a routine, never twice a day, and "
                                            "not after you have done one that day."))
        self.autostart = QCheckBox(self.tr("Start with my desktop session, minimised to the "
                                           "tray"))
        self.autostart.setObjectName("autostart")
        self.autostart.setChecked(settings.autostart)
        self.autostart_note = QLabel(self.tr("Linux: a file in ~/.config/autostart. macOS and "
                                             "Windows: see the README."))
        for label in (self.reminder_note, self.autostart_note):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.reminder_on.toggled.connect(self._enable_reminder)
        self._enable_reminder(settings.reminder_on)

    def _enable_reminder(self, on: bool) -> None:
        self.reminder_time.setEnabled(on)
        self.days_row.setEnabled(on)

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
            voice=str(self.voice.currentData() or ""),
            speech_rate=self.rate.value(),
            speak_names=self.speak_names.isChecked(),
            speak_counts=self.speak_counts.isChecked(),
            speak_instructions=self.speak_instructions.isChecked(),
            theme=Theme(self.theme.currentData()),
            language=str(self.language.currentData()),
            compact_offer=self.compact_offer.isChecked(),
            reminder_on=self.reminder_on.isChecked(),
            reminder_minute=self.reminder_time.time().hour() * 60
            + self.reminder_time.time().minute(),
            reminder_days=tuple(d for d, check in enumerate(self.days) if check.isChecked()),
            autostart=self.autostart.isChecked(),
        )
