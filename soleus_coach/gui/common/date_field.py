"""A date field as a person expects one: written the way the UI's language writes dates, a
calendar to pick from, the arrow keys change the part under the cursor, and Tab goes on to
the next control (Qt's own field takes one Tab per part: day, month, year)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

from soleus_coach.gui.common import formats


class DateField(QDateEdit):
    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if date is not None:
            self.setDate(date)
        self.setCalendarPopup(True)
        self.setDisplayFormat(formats.date_field_format())
        self.setCurrentSection(QDateTimeEdit.Section.DaySection)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
