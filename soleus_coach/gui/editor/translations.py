"""A routine's texts in another language, side by side with the ones it is written in:
Routine → Translations… in the editor (Ctrl+L).

Left, each text as written (the routine's name and summary; each step's name, instructions,
caution and rest text); right, the same text in the language chosen at the top, to type. A
text left empty is shown as written. Every change is an edit of the editor's draft (one undo
each, :func:`soleus_coach.editing.set_translation`); the validator checks it with the rest.
"""

from __future__ import annotations

from typing import Any
from typing import Protocol as Interface

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import editing
from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.gui.common.windows import fit_to_screen
from soleus_coach.gui.editor.panes import LANGUAGES, language_name
from soleus_coach.protocol.model import Protocol, StepTexts, Translation
from soleus_coach.texts import fill_in


class Editor(Interface):
    """What the window needs of its editor: the draft, and a way to change it (one undo)."""

    @property
    def draft(self) -> Protocol: ...

    def edit(self, new: Protocol, text: str, key: str | None = None,
             select: int | None = None, *, from_form: bool = True) -> None: ...

class TranslationWindow(QWidget):
    """The routine's texts beside their translation into one language."""

    def __init__(self, editor: Editor, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("translationWindow")
        self.editor = editor
        self.language = QComboBox()
        self.language.setObjectName("translationLanguage")
        self.language.activated.connect(lambda _i: self._rebuild())
        caption = QLabel(self.tr("Translation &into"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setBuddy(self.language)
        self.language.setAccessibleName(self.tr("Translation into"))
        self.remove = QPushButton(self.tr("&Remove this translation"))
        self.remove.setObjectName("removeTranslation")
        self.remove.clicked.connect(self._remove)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.language, 1)
        top.addWidget(self.remove)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidget(self.grid_host)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        #: The translation's fields: (step or None, field) → its editor.
        self.fields: dict[tuple[int | None, str], QLineEdit | QPlainTextEdit] = {}
        self._shape: tuple[Any, ...] = ()
        self._updating = False
        fit_to_screen(self, QSize(900, 700))

    # ----------------------------------------------------------------- showing

    @property
    def code(self) -> str:
        return str(self.language.currentData() or "")

    def show_draft(self, draft: Protocol) -> None:
        """The draft's texts and its translation into the chosen language; the fields are
        made again only when the steps changed (the person may be typing in one)."""
        self.setWindowTitle(fill_in(self.tr("Translations — %1"), draft.name or "…"))
        wanted = [c for c in (*draft.translations, *LANGUAGES) if c != draft.language
                  and c.split("-")[0] != draft.language.split("-")[0]]
        items = [(c, language_name(c) + (" ✓" if c in draft.translations else ""))
                 for c in dict.fromkeys(wanted)]  # ✓: translated already
        current = self.code
        if [(self.language.itemData(i), self.language.itemText(i))
                for i in range(self.language.count())] != items:
            self.language.blockSignals(True)
            self.language.clear()
            for c, text in items:
                self.language.addItem(text, c)
            self.language.setCurrentIndex(max(0, self.language.findData(current)))
            self.language.blockSignals(False)
        shape = (draft.language, self.code, tuple(type(s) for s in draft.steps))
        if shape != self._shape:
            self._rebuild(draft)
        else:
            self._fill(draft)

    def _rebuild(self, draft: Protocol | None = None) -> None:
        draft = draft or self.editor.draft
        self._shape = (draft.language, self.code, tuple(type(s) for s in draft.steps))
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.fields = {}
        row = 0
        for text, col in ((fill_in(self.tr("Written in %1"), language_name(draft.language)), 1),
                          (language_name(self.code), 2)):
            head = QLabel(text)
            head.setTextFormat(Qt.TextFormat.PlainText)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.grid.addWidget(head, row, col)
        row += 1
        for key, label in ((None, "name"), (None, "summary")):
            row = self._row(row, key, label, self.tr("Routine name") if label == "name"
                            else self.tr("Summary"))
        for i, step in enumerate(draft.steps):
            title = QLabel(fill_in(self.tr("Step %1"), i + 1))
            title.setTextFormat(Qt.TextFormat.PlainText)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.grid.addWidget(title, row, 0, 1, 3)
            row += 1
            for field, label in (("name", self.tr("Name")),
                                 ("instructions", self.tr("Instructions")),
                                 ("caution", self.tr("Caution")),
                                 ("rest_text", self.tr("Rest text"))):
                if field == "name" or hasattr(step, field):
                    row = self._row(row, i, field, label)
        self.grid.setRowStretch(row, 1)
        self._fill(draft)
        self.remove.setEnabled(self.code in draft.translations)

    def _row(self, row: int, step: int | None, field: str, label: str) -> int:
        caption = QLabel(label)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        original = PlainLabel()
        original.setObjectName(f"original_{step}_{field}")
        editor: QLineEdit | QPlainTextEdit
        if field == "instructions":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
            editor.textChanged.connect(lambda e=editor, s=step: self._edited(
                s, "instructions", tuple(line for line in e.toPlainText().split("\n")
                                         if line.strip())))
        else:
            editor = QLineEdit()
            editor.textEdited.connect(lambda t, s=step, f=field: self._edited(s, f, t))
        editor.setObjectName(f"translation_{step}_{field}")
        editor.setAccessibleName(f"{label} ({language_name(self.code)})")
        caption.setBuddy(editor)
        self.grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(original, row, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(editor, row, 2)
        self.fields[(step, field)] = editor
        return row + 1

    def _fill(self, draft: Protocol) -> None:
        """Each text as written, and its translation (untouched where it says it already)."""
        self._updating = True
        try:
            tr = draft.translations.get(self.code, Translation())
            for (step, field), editor in self.fields.items():
                if step is None:
                    own, theirs = getattr(draft, field), getattr(tr, field) or ""
                else:
                    texts = tr.steps[step] if step < len(tr.steps) else StepTexts()
                    own = getattr(draft.steps[step], field, "")
                    theirs = getattr(texts, field) or ""
                if field == "instructions":
                    own, theirs = "\n".join(own), "\n".join(theirs)
                label = self.grid_host.findChild(PlainLabel, f"original_{step}_{field}")
                if label is not None:
                    label.setText(own)
                if isinstance(editor, QPlainTextEdit):
                    now = "\n".join(line for line in editor.toPlainText().split("\n")
                                    if line.strip())
                    if now != theirs:
                        editor.setPlainText(theirs)
                elif editor.text() != theirs:
                    editor.setText(theirs)
            self.remove.setEnabled(self.code in draft.translations)
        finally:
            self._updating = False

    # ----------------------------------------------------------------- edits

    def _edited(self, step: int | None, field: str, value: Any) -> None:
        if self._updating or not self.code:
            return
        e = self.editor
        e.edit(editing.set_translation(e.draft, self.code, field, value, step),
               fill_in(self.tr("Translate %1"), field), f"tr.{self.code}.{step}.{field}")

    def _remove(self) -> None:
        e = self.editor
        e.edit(editing.remove_translation(e.draft, self.code), self.tr("Remove translation"),
               from_form=False)


__all__ = ["TranslationWindow"]
