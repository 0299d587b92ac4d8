"""The programme's questions: the morning-after check, the pain during a loading session,
and a suggestion (ease off, move on, see a physio, red flags). They are asked one at a time
by :class:`soleus_coach.gui.programme.turns.QuestionQueue`.

Keyboard first, as the check-in before a routine: a digit sets the pain, Enter saves, Esc
skips (a skipped morning is recorded, so it is not asked again that day).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.pain_keys import pain_from_key
from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.texts import fill_in

if TYPE_CHECKING:
    from soleus_coach.programme.records import SuggestionKind
    from soleus_coach.safety import SuggestionWords


class PainRow(QWidget):
    """0 to 10 as buttons; nothing chosen at first ("no answer" is not "no pain")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painButtons")
        self.setStyleSheet("QPushButton { font-size: 14pt; }"
                           "QPushButton:checked { background: palette(highlight); "
                           "color: palette(highlighted-text); font-weight: bold; }")
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for value in range(11):
            b = QPushButton(str(value))
            b.setCheckable(True)
            b.setMinimumSize(36, 40)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setAccessibleName(fill_in(self.tr("Pain %1 of 10"), value))
            self.group.addButton(b, value)
            row.addWidget(b)

    @property
    def value(self) -> int | None:
        found = self.group.checkedId()
        return None if found < 0 else found

    def set_value(self, value: int) -> None:
        self.group.button(max(0, min(10, value))).setChecked(True)

    def handle_key(self, event: QKeyEvent) -> bool:
        value = pain_from_key(event, self.value)
        if value is not None:
            self.set_value(value)
        return value is not None


class _Question(QDialog):
    """A short question: a title line, the 0–10 row, Save (Enter) and Skip (Esc)."""

    def __init__(self, name: str, title: str, question: str, hint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.answered = False
        label = QLabel(question)
        label.setObjectName("questionText")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
        scale = QLabel(hint)
        scale.setTextFormat(Qt.TextFormat.PlainText)
        scale.setWordWrap(True)
        self.pain = PainRow()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(label)
        self.layout_.addWidget(scale)
        self.layout_.addWidget(self.pain)
        self.extra = QVBoxLayout()
        self.layout_.addLayout(self.extra)
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = box.addButton(self.tr("Skip (Esc)"),
                                         QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.save_button, self.skip_button):
            b.setAutoDefault(False)
        self.save_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.layout_.addWidget(box)
        self.setMinimumWidth(560)  # the question wraps at a readable width, never cut

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.save_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.pain.handle_key(event):
            super().keyPressEvent(event)

    def accept(self) -> None:
        self.answered = True
        super().accept()


class MorningCheck(_Question):
    """The morning after loading: pain on the first steps, and stiffer than yesterday?"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("morningCheck", self.tr("Good morning: how is your calf?"),
                         self.tr("How much did your calf hurt on your first steps out of bed "
                                 "today?"),
                         self.tr("0 = no pain · 10 = worst pain imaginable. Type a number, or "
                                 "use the arrow keys. Pain after loading should have settled "
                                 "by the next morning."), parent)
        stiff = QLabel(self.tr("Is it stiffer than yesterday morning?"))
        stiff.setTextFormat(Qt.TextFormat.PlainText)
        self.stiffer_yes = QRadioButton(self.tr("&Yes, stiffer"))
        self.stiffer_yes.setObjectName("stifferYes")
        self.stiffer_no = QRadioButton(self.tr("&No"))
        self.stiffer_no.setObjectName("stifferNo")
        row = QHBoxLayout()
        row.addWidget(stiff)
        row.addWidget(self.stiffer_yes)
        row.addWidget(self.stiffer_no)
        row.addStretch(1)
        self.extra.addLayout(row)

    @property
    def stiffer(self) -> bool | None:
        if self.stiffer_yes.isChecked():
            return True
        return False if self.stiffer_no.isChecked() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Y and not event.modifiers():
            self.stiffer_yes.setChecked(True)
        elif event.key() == Qt.Key.Key_N and not event.modifiers():
            self.stiffer_no.setChecked(True)
        else:
            super().keyPressEvent(event)


class PainDuring(_Question):
    """After a loading session: the most pain during its exercises."""

    def __init__(self, routine: str, parent: QWidget | None = None) -> None:
        super().__init__("painDuring", self.tr("How did the exercises feel?"),
                         fill_in(self.tr("During %1: how much did your calf hurt at most?"),
                                 routine),
                         self.tr("Up to 5/10 is acceptable while loading, if it has settled by "
                                 "tomorrow morning. Sharp pain means stop."), parent)


class SuggestionDialog(QDialog):
    """A suggestion in plain words, why, and the two choices. The safe one is the default
    (Enter): rest after red flags, ease off, stay in the phase. Esc decides nothing: the
    card keeps it for later today."""

    def __init__(self, kind: SuggestionKind, words: SuggestionWords,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion")
        self.setWindowTitle(words.title)
        self.accepted_choice: bool | None = None  # True: accept; False: keep going
        title = PlainLabel(words.title)
        title.setObjectName("suggestionTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        body = PlainLabel(words.body)
        body.setObjectName("suggestionBody")
        why_title = QLabel(self.tr("Why:"))
        why_title.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons = PlainLabel("\n".join(f"• {r}" for r in words.reasons))
        self.reasons.setObjectName("suggestionReasons")
        footer = PlainLabel(words.footer)
        footer.setObjectName("suggestionFooter")
        layout = QVBoxLayout(self)
        for w in (title, body, why_title, self.reasons, footer):
            layout.addWidget(w)
        box = QDialogButtonBox()
        self.accept_button = box.addButton(words.accept, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("suggestionAccept")
        self.keep_button = box.addButton(words.keep, QDialogButtonBox.ButtonRole.ActionRole)
        self.keep_button.setObjectName("suggestionKeep")
        safe = self.keep_button if kind.value == "move_on" else self.accept_button
        for b in (self.accept_button, self.keep_button):
            b.setAutoDefault(False)
        safe.setDefault(True)
        self.accept_button.clicked.connect(lambda: self._chosen(True))
        self.keep_button.clicked.connect(lambda: self._chosen(False))
        layout.addWidget(box)
        self.setMinimumWidth(480)

    def _chosen(self, accept: bool) -> None:
        self.accepted_choice = accept
        self.accept()
