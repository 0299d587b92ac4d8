"""Minutes per week (or month) as bars, with the mean pain after sessions as dots on a 0–10
scale; once there are runs, distance per week (or month) as bars with the pain line over
them. The chart shows the history window's period: weeks for a period under a year, months
for a year or more; it says when runs older than the period exist.

Painted with QPainter on purpose: QtCharts is deprecated since Qt 6.10 and would pull in
PySide6-Addons (+59 MB), and pyqtgraph costs ~336 ms of import plus numpy — all for a few
dozen bars. The geometry lives in :meth:`WeeklyChart.layout_bars` so tests check it exactly.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from soleus_coach.history.records import WeekStat
from soleus_coach.runs.model import WeekRuns
from soleus_coach.texts import fill_in

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 8.0, 30.0, 22.0, 22.0
#: Labels under the bars at least this far apart; values over them from this slot width.
LABEL_PX = 46.0
VALUE_SLOT_PX = 24.0


@dataclass(frozen=True)
class Bar:
    rect: QRectF
    pain: QPointF | None
    label: str
    value: str


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class WeeklyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyChart")
        self.setAccessibleName(self.tr("Minutes per week"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.unit = "week"
        self.weeks: list[WeekStat] = []
        self.runs: list[WeekRuns] = []  # the same weeks; bars show km when any has a run
        self.older_since: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(480, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 120)

    def set_period(self, unit: str, sessions: list[WeekStat], runs: list[WeekRuns],
                   older_since: date | None = None) -> None:
        """Weeks or months of sessions and the same buckets of runs; ``older_since``: the
        first run before them, if any (the chart says that older runs exist)."""
        self.unit = unit
        self.older_since = older_since
        self.weeks = sessions
        self.runs = runs if any(w.runs for w in runs) else []
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self._description())
        self.update()

    def set_weeks(self, weeks: list[WeekStat]) -> None:
        self.weeks = weeks
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self._description())
        self.update()

    def set_runs(self, weeks: list[WeekRuns]) -> None:
        """Distance per week or month (aligned with :meth:`set_weeks`'s buckets)."""
        self.runs = weeks if any(w.runs for w in weeks) else []
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self._description())
        self.update()

    def title(self) -> str:
        if self.runs:
            return self.tr("Kilometres run per month") if self.unit == "month" else \
                self.tr("Kilometres run per week")
        return self.tr("Minutes per month") if self.unit == "month" else \
            self.tr("Minutes per week")

    def older_text(self) -> str:
        """"Runs since 2 Mar 2019 are before this period" (or "")."""
        if self.older_since is None:
            return ""
        return fill_in(self.tr("Older runs, from %1, are outside this period"),
                       QLocale().toString(_qdate(self.older_since), "d MMM yyyy"))

    def _bucket_name(self, start: date) -> str:
        return QLocale().toString(_qdate(start), "MMMM yyyy" if self.unit == "month"
                                  else "d MMM yyyy")

    def _description(self) -> str:
        if self.runs:
            parts = [fill_in(self.tr("%1: %2 km"), self._bucket_name(w.week_start),
                             f"{w.distance_m / 1000:.1f}") for w in self.runs]
        else:
            parts = [fill_in(self.tr("%1: %2 min"), self._bucket_name(w.week_start),
                             round(w.minutes)) for w in self.weeks]
        older = self.older_text()
        return "; ".join(parts + ([older] if older else []))

    def _values(self) -> list[float]:
        if self.runs and len(self.runs) == len(self.weeks):
            return [w.distance_m / 1000 for w in self.runs]
        return [w.minutes for w in self.weeks]

    def _label(self, i: int, start: date, crowded: bool) -> str:
        q = _qdate(start)
        if self.unit == "month":
            if crowded:  # years only, at each January (and the first bar)
                return str(start.year) if start.month == 1 or i == 0 else ""
            return QLocale().toString(q, "MMM yy" if start.month == 1 or i == 0 else "MMM")
        return QLocale().toString(q, "d MMM").lstrip("0")

    def layout_bars(self, width: float, height: float) -> list[Bar]:
        if not self.weeks:
            return []
        plot = QRectF(MARGIN_L, MARGIN_T, width - MARGIN_L - MARGIN_R,
                      height - MARGIN_T - MARGIN_B)
        values = self._values()
        # distance: head-room for the value over the tallest bar (minutes: as before)
        top = max(max(values) * (1.15 if self.runs else 1.0), 1.0)
        n = len(self.weeks)
        slot = plot.width() / n
        every = max(1, math.ceil(LABEL_PX / slot)) if slot > 0 else n
        crowded = self.unit == "month" and every > 1
        bars = []
        for i, w in enumerate(self.weeks):
            h = plot.height() * values[i] / top
            x = plot.left() + i * slot + slot * 0.15
            rect = QRectF(x, plot.bottom() - h, max(slot * 0.7, 1.0), h)
            pain = None
            if w.mean_pain_after is not None:
                pain = QPointF(x + slot * 0.35,
                               plot.bottom() - plot.height() * w.mean_pain_after / 10)
            value = (f"{values[i]:.0f}" if values[i] >= 10 else f"{values[i]:.1f}") \
                if self.runs else f"{round(values[i])}"
            label = self._label(i, w.week_start, crowded)
            if not crowded and (n - 1 - i) % every:  # thinned from the latest back
                label = ""
            bars.append(Bar(rect, pain, label,
                            value if values[i] and slot >= VALUE_SLOT_PX else ""))
        return bars

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        accent = pal.color(QPalette.ColorRole.Highlight)
        pain_colour = QColor("#d9534f")
        bars = self.layout_bars(self.width(), self.height())
        p.setPen(text)
        p.drawText(QRectF(0, 0, self.width(), MARGIN_T), Qt.AlignmentFlag.AlignLeft,
                   self.title() + "   ")
        legend = QRectF(0, 0, self.width(), MARGIN_T)
        p.setPen(pain_colour)
        p.drawText(legend, Qt.AlignmentFlag.AlignRight, self.tr("● pain after (0–10)"))
        older = self.older_text()
        if older:
            p.setPen(muted)
            p.drawText(QRectF(MARGIN_L, MARGIN_T, self.width() - MARGIN_L - MARGIN_R, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "← " + older)
        if not bars or (all(w.sessions == 0 for w in self.weeks) and not self.runs):
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No sessions or runs in this period"))
            p.end()
            return
        baseline = self.height() - MARGIN_B
        p.setPen(QPen(text, 1))
        p.drawLine(QPointF(MARGIN_L, baseline), QPointF(self.width() - MARGIN_R, baseline))
        points = []
        for bar in bars:
            p.fillRect(bar.rect, accent)
            p.setPen(text)
            if bar.label:
                p.drawText(QRectF(bar.rect.center().x() - LABEL_PX, baseline + 2,
                                  2 * LABEL_PX, MARGIN_B - 2),
                           Qt.AlignmentFlag.AlignHCenter, bar.label)
            if bar.value:
                p.drawText(QRectF(bar.rect.left() - 10, bar.rect.top() - 16,
                                  bar.rect.width() + 20, 16),
                           Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                           bar.value)
            if bar.pain is not None:
                points.append(bar.pain)
        p.setPen(QPen(pain_colour, 2))
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        p.setBrush(pain_colour)
        radius = 4 if len(bars) <= 30 else 2.5
        for pt in points:
            p.drawEllipse(pt, radius, radius)
        p.setPen(pain_colour)
        for value in (0, 5, 10):
            y = baseline - (baseline - MARGIN_T) * value / 10
            p.drawText(QRectF(self.width() - MARGIN_R + 4, y - 8, MARGIN_R - 4, 16),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value))
        p.end()
