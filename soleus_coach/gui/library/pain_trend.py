"""The home screen's pain chart: the pain after each session of the last four weeks, on a
0–10 scale with its grid, the days along the bottom. Its accessible name says what it shows
in words (the values and the trend), so a screen reader hears what a glance sees."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from soleus_coach.gui.common import formats
from soleus_coach.gui.common.theme import pain_line_colour

if TYPE_CHECKING:  # the history is read after the first paint
    from soleus_coach.history.glance import PainTrend

LEFT, RIGHT, TOP, BOTTOM = 22.0, 8.0, 6.0, 18.0


class PainTrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painTrend")
        self.trend: PainTrend | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(360, 96)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, 96)

    def set_trend(self, trend: PainTrend, description: str) -> None:
        self.trend = trend
        self.setAccessibleName(description)
        self.setToolTip(description)
        self.update()

    def plot_rect(self) -> QRectF:
        return QRectF(LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM)

    def point_at(self, index: int) -> QPointF:
        """Where the ``index``-th point is drawn (for tests: the points are where they say)."""
        assert self.trend is not None
        day, pain = self.trend.points[index]
        plot = self.plot_rect()
        span = max(1, (self.trend.last_day - self.trend.first_day).days)
        x = plot.left() + plot.width() * (day - self.trend.first_day).days / span
        return QPointF(x, plot.bottom() - plot.height() * pain / 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.trend is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(60)
        plot = self.plot_rect()
        small = p.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        p.setFont(small)
        for value in (0, 5, 10):  # the scale, labelled outside the plot
            y = plot.bottom() - plot.height() * value / 10
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QRectF(0, y - 8, LEFT - 4, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        first, last = self.trend.first_day, self.trend.last_day
        for day, align in ((first, Qt.AlignmentFlag.AlignLeft),
                           (first + (last - first) / 2, Qt.AlignmentFlag.AlignHCenter),
                           (last, Qt.AlignmentFlag.AlignRight)):
            x = plot.left() + plot.width() * (day - first) / max(timedelta(days=1), last - first)
            box = QRectF(x - 60 if align != Qt.AlignmentFlag.AlignLeft else x, plot.bottom() + 2,
                         120 if align == Qt.AlignmentFlag.AlignHCenter else 60, BOTTOM - 2)
            if align == Qt.AlignmentFlag.AlignRight:
                box.moveRight(x)
            p.drawText(box, align | Qt.AlignmentFlag.AlignTop, formats.day_month(day))
        colour = QColor(pain_line_colour(pal))
        points = [self.point_at(i) for i in range(len(self.trend.points))]
        p.setPen(QPen(colour, 2))
        if len(points) > 1:
            p.drawPolyline(points)
        p.setBrush(colour)
        for point in points:
            p.drawEllipse(point, 3.5, 3.5)
        p.end()
