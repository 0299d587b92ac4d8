"""The programme's month: each day done, partly done, missed or a rest day (a mark and a
colour, so that it reads without colour too), the morning pain on it, and the week's running
distance beside each week. Page Up and Page Down (or the arrows) go a month back and forth.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.gui.common.plain import tooltip
from soleus_coach.gui.programme.card import items_text
from soleus_coach.programme.days import DayKind
from soleus_coach.texts import fill_in
from soleus_coach.tracker import CalendarDay

#: Background and mark of each kind of day (the mark says it without the colour).
LOOK: dict[DayKind, tuple[str, str]] = {
    DayKind.DONE: ("#c6f6d5", "✓"),
    DayKind.PARTLY: ("#fefcbf", "◐"),
    DayKind.MISSED: ("#fed7d7", "✗"),
    DayKind.REST: ("#edf2f7", "–"),
    DayKind.OPEN: ("#bee3f8", "…"),
    DayKind.NONE: ("", ""),
}


def _first_of(day: date) -> date:
    return day.replace(day=1)


def _next_month(first: date, step: int) -> date:
    month = first.month - 1 + step
    return date(first.year + month // 12, month % 12 + 1, 1)


class CalendarDialog(QDialog):
    def __init__(self, days: Callable[[date, date], list[CalendarDay]],
                 weekly_km: Callable[[date, date], list[tuple[date, float]]], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeCalendar")
        self.setWindowTitle(self.tr("Programme calendar"))
        self._days, self._km = days, weekly_km
        self.today = today
        self.month = _first_of(today)
        self.shown: list[CalendarDay] = []
        self.back = QPushButton(self.tr("◀ &Earlier"))
        self.back.setObjectName("calendarBack")
        self.back.clicked.connect(lambda: self.go(-1))
        self.forward = QPushButton(self.tr("&Later ▶"))
        self.forward.setObjectName("calendarForward")
        self.forward.clicked.connect(lambda: self.go(1))
        self.title = QLabel()
        self.title.setObjectName("calendarMonth")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        head = QHBoxLayout()
        head.addWidget(self.back)
        head.addWidget(self.title, 1)
        head.addWidget(self.forward)
        self.grid = QGridLayout()
        self.grid.setSpacing(3)
        locale = QLocale()
        for col in range(7):
            name = QLabel(locale.dayName(col + 1, QLocale.FormatType.ShortFormat))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(name, 0, col)
        km_head = QLabel(self.tr("km in\nthe week"))
        km_head.setTextFormat(Qt.TextFormat.PlainText)
        km_head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.addWidget(km_head, 0, 7)
        self.cells: list[QLabel] = []
        self.km: list[QLabel] = []
        for row in range(6):
            for col in range(7):
                cell = QLabel()
                cell.setObjectName(f"day_{row}_{col}")
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell.setMinimumSize(78, 58)
                cell.setMargin(4)
                self.grid.addWidget(cell, row + 1, col)
                self.cells.append(cell)
            km = QLabel()
            km.setObjectName(f"km_{row}")
            km.setTextFormat(Qt.TextFormat.PlainText)
            km.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(km, row + 1, 7)
            self.km.append(km)
        legend = QLabel(self.tr("✓ done   ◐ partly done   ✗ missed   – rest day   … today, "
                                "not finished   ☀ pain on the first steps that morning (0–10)"))
        legend.setTextFormat(Qt.TextFormat.PlainText)
        legend.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.grid)
        layout.addWidget(legend)
        layout.addWidget(box)
        self.show_month(self.month)

    def go(self, step: int) -> None:
        self.show_month(_next_month(self.month, step))

    def show_month(self, first: date) -> None:
        self.month = first
        locale = QLocale()
        self.title.setText(locale.toString(QDate(first.year, first.month, 1), "MMMM yyyy"))
        start = first - timedelta(days=first.weekday())
        last = start + timedelta(days=41)
        self.shown = self._days(start, last)
        km = dict(self._km(start, last))
        for i, (cell, day) in enumerate(zip(self.cells, self.shown, strict=True)):
            colour, mark = LOOK[day.day.kind]
            in_month = day.day.day.month == first.month
            text = f"{day.day.day.day} {mark}".rstrip()
            if day.morning is not None and day.morning.pain is not None:
                text += f"\n☀ {day.morning.pain}/10"
            cell.setText(text)
            border = "2px solid palette(highlight)" if day.day.day == self.today else \
                "1px solid palette(mid)"
            style = f"border: {border};"
            if colour:
                style += f" background: {colour}; color: #1a1a1a;"
            if not in_month:
                style += " color: palette(mid);"
            cell.setStyleSheet(f"QLabel {{ {style} }}")
            cell.setToolTip(tooltip(self._describe(day)) if day.day.items else "")
            cell.setAccessibleName(self._describe(day))
            if i % 7 == 0:
                week_km = km.get(day.day.day, 0.0)
                self.km[i // 7].setText(f"{week_km:.1f}" if week_km else "–")

    def _describe(self, day: CalendarDay) -> str:
        names = {DayKind.DONE: self.tr("done"), DayKind.PARTLY: self.tr("partly done"),
                 DayKind.MISSED: self.tr("missed"), DayKind.REST: self.tr("rest day"),
                 DayKind.OPEN: self.tr("today, not finished"), DayKind.NONE: ""}
        text = f"{day.day.day.isoformat()}: {names[day.day.kind]}"
        if day.day.items:
            text += f"\n{items_text(day.day.items)}"
        if day.morning is not None and day.morning.pain is not None:
            text += "\n" + fill_in(self.tr("Morning: %1/10"), day.morning.pain)
        return text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.go(-1)
        elif event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.go(1)
        else:
            super().keyPressEvent(event)
