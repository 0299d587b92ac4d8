"""First-run set-up (which calf hurts, whether to ask about pain before each routine) and the
question a routine asks when it starts "injured leg first" and the leg is not known.

Keyboard first: L, R, B (and N for "not sure") choose the leg; Enter confirms.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.settings import Leg, Settings

_KEYS = {Qt.Key.Key_L: Leg.LEFT, Qt.Key.Key_R: Leg.RIGHT, Qt.Key.Key_B: Leg.BOTH,
         Qt.Key.Key_N: Leg.NOT_SURE}


def _text(text: str, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


class SetupDialog(QDialog):
    """Shown once, after the safety notice; Settings and the home screen change it later."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Set-up"))
        self.setMinimumWidth(480)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr("Which calf hurts?"), scale=1.4, bold=True))
        layout.addWidget(_text(self.tr("Stretches marked “injured leg first” start with it. "
                                       "You can change this on the home screen at any "
                                       "time.")))
        self.legs = QButtonGroup(self)
        for leg, text in ((Leg.LEFT, self.tr("&Left")), (Leg.RIGHT, self.tr("&Right")),
                          (Leg.BOTH, self.tr("&Both")),
                          (Leg.NOT_SURE, self.tr("&Not sure: ask me at each routine"))):
            button = QRadioButton(text)
            button.setObjectName(f"leg_{leg.value}")
            self.legs.addButton(button, list(Leg).index(leg))
            button.setChecked(settings.injured_leg is leg)
            layout.addWidget(button)
        self.ask_before = QCheckBox(self.tr("&Ask how my calf feels before each routine"))
        self.ask_before.setObjectName("setupAskBefore")
        self.ask_before.setChecked(settings.ask_pain_before)
        layout.addSpacing(8)
        layout.addWidget(self.ask_before)
        layout.addWidget(_text(self.tr("After each routine you are always asked; both can be "
                                       "skipped with Esc.")))
        box = QDialogButtonBox()
        self.done_button = box.addButton(self.tr("&Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setDefault(True)
        box.accepted.connect(self.accept)
        layout.addWidget(box)

    @property
    def leg(self) -> Leg:
        checked = self.legs.checkedId()
        return list(Leg)[checked] if checked >= 0 else Leg.NONE

    def value(self) -> Settings:
        return replace(self._settings, injured_leg=self.leg,
                       ask_pain_before=self.ask_before.isChecked())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.done_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        leg = _KEYS.get(Qt.Key(event.key()))
        if leg is not None and not event.modifiers():
            self.legs.button(list(Leg).index(leg)).setChecked(True)
            return
        super().keyPressEvent(event)


class LegQuestion(QDialog):
    """Which calf hurts? Asked when a routine starts with the injured leg and the settings do
    not say which; the app never picks a side on its own. Esc: the routine does not start."""

    def __init__(self, *, remember: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legQuestion")
        self.setWindowTitle(self.tr("Which calf hurts?"))
        self.setMinimumWidth(440)
        self.choice: Leg | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(_text(self.tr("Which calf hurts?"), scale=1.4, bold=True))
        layout.addWidget(_text(self.tr("This routine stretches the sore leg first.")))
        box = QDialogButtonBox()
        self.buttons: dict[Leg, QPushButton] = {}
        for leg, text in ((Leg.LEFT, self.tr("&Left (L)")), (Leg.RIGHT, self.tr("&Right (R)")),
                          (Leg.BOTH, self.tr("&Both (B)"))):
            button = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(f"leg_{leg.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, chosen=leg: self.choose(chosen))
            self.buttons[leg] = button
        cancel = box.addButton(self.tr("Not now (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.remember = QCheckBox(self.tr("Re&member for next time"))
        self.remember.setObjectName("legRemember")
        self.remember.setChecked(remember)
        layout.addWidget(self.remember)
        layout.addWidget(box)

    def choose(self, leg: Leg) -> None:
        self.choice = leg
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.remember.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        leg = _KEYS.get(Qt.Key(event.key()))
        if leg is not None and leg in self.buttons and not event.modifiers():
            self.choose(leg)
            return
        super().keyPressEvent(event)
