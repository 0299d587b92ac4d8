"""The safety dialogs: first-run notice, red-flag advice, "it hurts" (the advice after a
session is on the finish page).

Wording lives in :mod:`soleus_coach.texts`; everything is plain text. Where a choice matters,
the safe one is the default: Enter, Esc and closing the window all choose it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import texts
from soleus_coach.gui.common.theme import warning_colour
from soleus_coach.safety import Advice, HurtAdvice, HurtChoice, RedFlagChoice
from soleus_coach.texts import translate as t


def _label(text: str, *, name: str = "", bold: bool = False, scale: float = 1.0,
           warning: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    if warning:  # red that reads on this theme's background
        label.setStyleSheet(f"color: {warning_colour(label.palette())};")
    return label


class _SafeDefaultDialog(QDialog):
    """A dialog whose every way out but one button means the safe choice."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # keys go here, not to the session page behind
        for button in self.findChildren(QPushButton):
            if button.isDefault():
                button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.accept()


class FirstRunDialog(_SafeDefaultDialog):
    """What the app is for, and when to see a doctor. Acknowledged once; Help reopens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunNotice")
        self.setWindowTitle(t(texts.FIRST_RUN_TITLE))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(t(texts.FIRST_RUN_TITLE), bold=True, scale=1.4))
        layout.addWidget(_label(t(texts.FIRST_RUN_BODY), name="firstRunBody"))
        layout.addWidget(_label(t(texts.STRETCH_CAUTION), bold=True))
        layout.addWidget(_label(t(texts.EMERGENCY), name="emergency", bold=True,
                                warning=True))
        box = QDialogButtonBox()
        self.ok_button = box.addButton(t(texts.FIRST_RUN_ACKNOWLEDGE),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        box.accepted.connect(self.accept)
        layout.addWidget(box)


class RedFlagDialog(_SafeDefaultDialog):
    """See a doctor first: why, in plain words; continuing is a deliberate second button."""

    def __init__(self, advice: Advice, *, after_session: bool = False,
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlagAdvice")
        self.advice = advice
        self.choice = advice.default_choice
        self.setWindowTitle(t(advice.title))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(t(advice.title), name="redFlagTitle", bold=True, scale=1.4,
                                warning=True))
        if note:
            layout.addWidget(_label(note, name="redFlagNote"))
        layout.addWidget(_label(t(advice.body), name="redFlagBody"))
        layout.addWidget(_label(t(texts.RED_FLAG_REASONS_HEADING), bold=True))
        for i, reason in enumerate(advice.reasons):
            layout.addWidget(_label("• " + t(reason), name=f"redFlagReason{i}"))
        layout.addWidget(_label(t(advice.emergency), name="emergency", bold=True))
        box = QDialogButtonBox()
        self.dont_button = QPushButton(t(advice.dont_stretch_label))
        self.dont_button.setObjectName("dontStretch")
        box.addButton(self.dont_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.dont_button.setDefault(True)
        self.dont_button.setAutoDefault(True)
        self.continue_button: QPushButton | None = None
        if not after_session:
            self.continue_button = QPushButton(t(advice.continue_label))
            self.continue_button.setObjectName("continueAnyway")
            self.continue_button.setAutoDefault(False)  # Enter never continues
            box.addButton(self.continue_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.continue_button.clicked.connect(self._continue)
        self.dont_button.clicked.connect(self.reject)
        layout.addWidget(box)
        self.dont_button.setFocus()

    def _continue(self) -> None:
        self.choice = RedFlagChoice.CONTINUE
        self.accept()

    def reject(self) -> None:
        self.choice = RedFlagChoice.DONT_STRETCH
        super().reject()


class ItHurtsDialog(_SafeDefaultDialog):
    """After "it hurts" ended a step: what it means for this kind of step, and the choices
    the safety rules give (:func:`soleus_coach.safety.hurt_advice`); the first is the
    default, for Enter, Esc and closing."""

    def __init__(self, advice: HurtAdvice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itHurts")
        self.advice = advice
        self.choice = advice.default
        self.setWindowTitle(t(texts.IT_HURTS_ACTION))
        layout = QVBoxLayout(self)
        layout.addWidget(_label(t(advice.body), name="itHurtsBody", bold=True, scale=1.3))
        box = QDialogButtonBox(Qt.Orientation.Vertical)
        self.buttons: dict[HurtChoice, QPushButton] = {}
        for i, (choice, text) in enumerate(advice.choices):
            button = QPushButton(t(text))
            button.setObjectName(f"hurt_{choice.value}")
            button.setAutoDefault(i == 0)
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _c=False, c=choice: self._chosen(c))
            self.buttons[choice] = button
        self.buttons[advice.default].setDefault(True)
        layout.addWidget(box)

    @property
    def stop_button(self) -> QPushButton:
        return self.buttons[self.advice.default]

    @property
    def continue_button(self) -> QPushButton:
        return self.buttons[HurtChoice.CONTINUE_GENTLY]

    def _chosen(self, choice: HurtChoice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice is HurtChoice.CONTINUE_GENTLY
                  else QDialog.DialogCode.Rejected)

    def reject(self) -> None:
        self.choice = self.advice.default
        super().reject()
