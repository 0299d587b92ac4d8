"""One edit of the draft as an undoable command (Qt's undo stack)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from soleus_coach.protocol.model import Protocol

#: Shows a draft: the draft, the step to select, whether the form shows it already.
ShowDraft = Callable[[Protocol, int, bool], None]


class DraftCommand(QUndoCommand):
    """One edit: the draft before and after, and the step selected before and after.
    Consecutive edits of the same field merge (typing a name is one undo)."""

    _ids: ClassVar[dict[str, int]] = {}

    def __init__(self, show: ShowDraft, before: Protocol, after: Protocol, text: str,
                 key: str | None, select: tuple[int, int]) -> None:
        super().__init__(text)
        self.show, self.before, self.after = show, before, after
        self.key = key
        self.select = select
        self.first = True  # its first redo comes from the form: the form shows it

    def id(self) -> int:
        if self.key is None:
            return -1
        return DraftCommand._ids.setdefault(self.key, len(DraftCommand._ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftCommand) or other.key != self.key:
            return False
        self.after = other.after
        self.select = (self.select[0], other.select[1])
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.show(self.after, self.select[1], self.first)
        self.first = False

    def undo(self) -> None:
        self.show(self.before, self.select[0], False)
