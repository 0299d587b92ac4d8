"""The pain check-in: pain 0–10 and four quick flags, before a session (a dialog) or after it
(inline on the finish page).

Keyboard first: a digit sets the pain (Up/Down step it, so 10 is one press from 9),
Enter saves, Esc skips. Nothing is preselected: "no answer" is not "no pain".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import texts
from soleus_coach.checkin import CheckIn
from soleus_coach.gui.common.pain_keys import pain_from_key
from soleus_coach.gui.common.theme import warning_colour
from soleus_coach.texts import fill_in


class CheckInForm(QWidget):
    """The question, the 0–10 buttons and the four flags: in the dialog before a routine,
    and inline on the finish page after it."""

    def __init__(self, *, after: bool, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInForm")
        question = QLabel(self.tr("After the routine: how much does your calf hurt now?")
                          if after else
                          self.tr("Before you start: how much does your calf hurt?"))
        question.setObjectName("checkInQuestion")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        font = question.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        question.setFont(font)
        scale = QLabel(self.tr("0 = no pain · 10 = worst pain imaginable. Type a number, or "
                               "use the arrow keys."))
        scale.setTextFormat(Qt.TextFormat.PlainText)
        scale.setWordWrap(True)

        self.pain_group = QButtonGroup(self)
        self.pain_group.setExclusive(True)
        pain_row = QWidget()
        pain_row.setObjectName("painButtons")
        pain_row.setStyleSheet(
            "QPushButton { font-size: 14pt; }"
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); font-weight: bold; }")
        buttons = QHBoxLayout(pain_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for value in range(11):
            b = QPushButton(str(value))
            b.setCheckable(True)
            b.setMinimumSize(36, 40)
            b.setAccessibleName(fill_in(self.tr("Pain %1 of 10"), value))
            b.setAutoDefault(False)  # Enter saves the answer, wherever the focus is
            b.installEventFilter(self)  # digits and arrows set the pain, there too
            self.pain_group.addButton(b, value)
            buttons.addWidget(b)
        pain_row.setAccessibleName(self.tr("How much it hurts, 0 to 10"))
        self._rove()

        self.flags = {
            "swelling": QCheckBox(self.tr("S&welling")),  # Alt+S is the Session menu
            "bruising": QCheckBox(self.tr("&Bruising")),
            "pain_at_rest": QCheckBox(self.tr("Pain at &rest")),
            "cannot_bear_weight": QCheckBox(self.tr("&Cannot bear weight on it")),
        }
        grid = QGridLayout()
        for i, (name, check) in enumerate(self.flags.items()):
            check.setObjectName(f"flag_{name}")
            grid.addWidget(check, i // 2, i % 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if note:  # e.g. why we ask again: the last session had warning signs
            self.setWindowTitle(texts.translate(texts.CHECK_BEFORE_TITLE))
            note_label = QLabel(note)
            note_label.setObjectName("checkInNote")
            note_label.setTextFormat(Qt.TextFormat.PlainText)
            note_label.setWordWrap(True)
            note_label.setStyleSheet(f"color: {warning_colour(self.palette())}; "
                                     "font-weight: bold;")
            layout.addWidget(note_label)
        layout.addWidget(question)
        layout.addWidget(scale)
        layout.addWidget(pain_row)
        flags_label = QLabel(self.tr("Do you have any of these?"))
        flags_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(flags_label)
        layout.addLayout(grid)

    @property
    def pain(self) -> int | None:
        value = self.pain_group.checkedId()
        return None if value < 0 else value

    def set_pain(self, value: int) -> None:
        button = self.pain_group.button(max(0, min(10, value)))
        had_focus = any(b.hasFocus() for b in self.pain_group.buttons())
        button.setChecked(True)
        self._rove()
        if had_focus:
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rove(self) -> None:
        """One Tab stop for the eleven buttons (the chosen one, or 0): Tab moves on to the
        flags, the digits and arrows choose, as in a group of radio buttons."""
        chosen = self.pain_group.checkedButton() or self.pain_group.button(0)
        for b in self.pain_group.buttons():
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is chosen
                             else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and watched in self.pain_group.buttons() and self.handle_key(event)):
            return True
        return super().eventFilter(watched, event)

    def value(self) -> CheckIn:
        return CheckIn(pain=self.pain, **{n: b.isChecked() for n, b in self.flags.items()})

    def handle_key(self, event: QKeyEvent) -> bool:
        """A digit sets the pain, the arrows and +/- step it; True when the key was used."""
        value = pain_from_key(event, self.pain)
        if value is not None:
            self.set_pain(value)
        return value is not None


class CheckInDialog(QDialog):
    """The check-in before a routine. Enter saves, Esc skips; a ``required`` check-in (the
    last one had red flags) cannot be skipped into the routine: Esc means "not now", and
    the routine does not start without an answer."""

    def __init__(self, *, after: bool = False, note: str = "", required: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = required
        self.setObjectName("checkInAfter" if after else "checkInBefore")
        self.setWindowTitle(self.tr("How is your calf?"))
        self.result_checkin: CheckIn | None = None
        self.form = CheckInForm(after=after, note=note)
        self.flags = self.form.flags
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("Save"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = box.addButton(
            self.tr("Not now: don't start (Esc)") if required else self.tr("Skip (Esc)"),
            QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.save_button, self.skip_button):
            b.setAutoDefault(False)  # Enter always saves, wherever the focus is
        self.save_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.answer_first = QLabel(self.tr("Answer first: type how much it hurts (0–10)."))
        self.answer_first.setObjectName("answerFirst")
        self.answer_first.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_first.setStyleSheet(f"color: {warning_colour(self.palette())}; "
                                        "font-weight: bold;")
        self.answer_first.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.answer_first)
        layout.addWidget(box)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.save_button.setFocus()  # keys go to the check-in, not the page behind it

    @property
    def pain(self) -> int | None:
        return self.form.pain

    def set_pain(self, value: int) -> None:
        self.form.set_pain(value)

    def value(self) -> CheckIn:
        return self.form.value()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.form.handle_key(event):
            super().keyPressEvent(event)

    def accept(self) -> None:
        value = self.value()
        if self.required and value.skipped:
            self.answer_first.show()  # nothing answered is not "it is fine now"
            return
        self.result_checkin = None if value.skipped else value
        super().accept()

    def reject(self) -> None:
        self.result_checkin = None
        super().reject()
