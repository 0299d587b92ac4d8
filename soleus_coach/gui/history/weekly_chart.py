"""Minutes per week as bars, with the mean pain after sessions as dots on a 0–10 scale; once
there are runs, distance per week as bars with the pain line over them.

Painted with QPainter on purpose: QtCharts is deprecated since Qt 6.10 and would pull in
PySide6-Addons (+59 MB), and pyqtgraph costs ~336 ms of import plus numpy — all for a dozen
bars. The geometry lives in :meth:`WeeklyChart.layout_bars` so tests check it exactly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from soleus_coach.gui.common import formats
from soleus_coach.gui.common.theme import pain_line_colour
from soleus_coach.history.records import WeekStat
from soleus_coach.runs.model import WeekRuns
from soleus_coach.texts import fill_in

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 8.0, 30.0, 22.0, 22.0


@dataclass(frozen=True)
class Bar:
    rect: QRectF
    pain: QPointF | None
    label: str
    value: str


class WeeklyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyChart")
        self.setAccessibleName(self.tr("Minutes per week"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.weeks: list[WeekStat] = []
        self.runs: list[WeekRuns] = []  # the same weeks; bars show km when any has a run

    def sizeHint(self) -> QSize:
        return QSize(480, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    def set_weeks(self, weeks: list[WeekStat]) -> None:
        self.weeks = weeks
        parts = [fill_in(self.tr("week of %1: %2 min"), formats.day_month(w.week_start),
                         round(w.minutes)) for w in weeks]
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def set_runs(self, weeks: list[WeekRuns]) -> None:
        """Distance per week (aligned with :meth:`set_weeks`'s weeks)."""
        self.runs = weeks if any(w.runs for w in weeks) else []
        if self.runs:
            self.setAccessibleName(self.tr("Distance per week"))
            self.setAccessibleDescription("; ".join(
                fill_in(self.tr("week of %1: %2 km"), formats.day_month(w.week_start),
                        formats.number(w.distance_m / 1000, 1)) for w in self.runs))
        self.update()

    def _values(self) -> list[float]:
        if self.runs and len(self.runs) == len(self.weeks):
            return [w.distance_m / 1000 for w in self.runs]
        return [w.minutes for w in self.weeks]

    def layout_bars(self, width: float, height: float) -> list[Bar]:
        if not self.weeks:
            return []
        plot = QRectF(MARGIN_L, MARGIN_T, width - MARGIN_L - MARGIN_R,
                      height - MARGIN_T - MARGIN_B)
        values = self._values()
        # distance: head-room for the value over the tallest bar (minutes: as before)
        top = max(max(values) * (1.15 if self.runs else 1.0), 1.0)
        slot = plot.width() / len(self.weeks)
        bars = []
        for i, w in enumerate(self.weeks):
            h = plot.height() * values[i] / top
            x = plot.left() + i * slot + slot * 0.15
            rect = QRectF(x, plot.bottom() - h, slot * 0.7, h)
            pain = None
            if w.mean_pain_after is not None:
                pain = QPointF(x + slot * 0.35,
                               plot.bottom() - plot.height() * w.mean_pain_after / 10)
            value = formats.number(values[i], 0 if values[i] >= 10 or not self.runs else 1)
            bars.append(Bar(rect, pain, formats.day_month(w.week_start),
                            value if values[i] else ""))
        return bars

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        accent = pal.color(QPalette.ColorRole.Highlight)
        pain_colour = QColor(pain_line_colour(pal))
        bars = self.layout_bars(self.width(), self.height())
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), MARGIN_T), Qt.AlignmentFlag.AlignLeft,
                   (self.tr("Kilometres run per week") if self.runs
                    else self.tr("Minutes per week")) + "   ")
        legend = QRectF(0, 0, self.width(), MARGIN_T)
        p.setPen(pain_colour)
        p.drawText(legend, Qt.AlignmentFlag.AlignRight, self.tr("● pain after (0–10)"))
        if not bars or (all(w.sessions == 0 for w in self.weeks) and not self.runs):
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No sessions in these weeks yet"))
            p.end()
            return
        baseline = self.height() - MARGIN_B
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(MARGIN_L, baseline), QPointF(self.width() - MARGIN_R, baseline))
        points = []
        for bar in bars:
            p.fillRect(bar.rect, accent)
            p.setPen(text)
            p.drawText(QRectF(bar.rect.left() - 10, baseline + 2, bar.rect.width() + 20,
                              MARGIN_B - 2), Qt.AlignmentFlag.AlignHCenter, bar.label)
            if bar.value:
                label = QRectF(bar.rect.left() - 10, bar.rect.top() - 16, bar.rect.width() + 20,
                               16)
                if bar.pain is not None and label.adjusted(-4, -4, 4, 4).contains(bar.pain) \
                        and bar.rect.height() >= 20:
                    label.translate(0, 18)  # inside the bar's top: the pain dot is above it
                    p.setPen(pal.color(QPalette.ColorRole.HighlightedText))
                p.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                           bar.value)
            if bar.pain is not None:
                points.append(bar.pain)
        p.setPen(QPen(pain_colour, 2))
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        p.setBrush(pain_colour)
        for pt in points:
            p.drawEllipse(pt, 4, 4)
        p.setPen(pain_colour)
        for value in (0, 5, 10):
            y = baseline - (baseline - MARGIN_T) * value / 10
            p.drawText(QRectF(self.width() - MARGIN_R + 4, y - 8, MARGIN_R - 4, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value))
        p.end()
