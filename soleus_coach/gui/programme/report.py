"""The report for the physio: one or two A4 pages for a chosen period.

What it shows (:class:`~soleus_coach.tracker.ReportData`): the programme and its phases,
adherence, a chart of the pain (on the first steps of each morning, during the exercises,
after the sessions) with the model's 5/10 line, the weekly running distance, the
suggestions with what the runner chose and why, and the notes written to sessions.

Every text that came from a file or the runner (programme, phase and routine names, notes)
is laid out with :class:`QTextLayout` as plain text, each paragraph bidi-isolated; long
words wrap anywhere. Two pages at most: the lists (suggestions, notes) are cut where page
two ends, with a line that says how many more there are, so nothing is ever clipped.
:func:`layout_report` returns what was placed where (tests check it); :func:`save_report`
writes the PDF whole or not at all, through :mod:`soleus_coach.atomic`.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
)

from soleus_coach import texts
from soleus_coach.atomic import check_outside_protocols, check_target, write_bytes_atomic
from soleus_coach.gui.common import formats
from soleus_coach.gui.common.plain import plain_layout
from soleus_coach.programme.days import DayKind
from soleus_coach.programme.records import Choice
from soleus_coach.tracker import ReportData
from soleus_coach.untrusted import one_line

MARGIN_MM = 14.0
MAX_PAGES = 2
TITLE_PT, HEAD_PT, BODY_PT, SMALL_PT = 16.0, 11.0, 9.0, 7.5
#: A note longer than this is cut (with "…"): the report is a summary, the history has all.
NOTE_MAX = 280
INK = QColor("#1a1a1a")
MUTED = QColor("#4a4a4a")
ACCENT = QColor("#2b6cb0")
#: The three pain lines: told apart by colour and by their marks (circle, square, triangle).
MORNING = QColor("#2b6cb0")
DURING = QColor("#c05621")
AFTER = QColor("#2f855a")
LIMIT = QColor("#9b2c2c")
KM_BAR = QColor("#718096")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate looks for this name
    """Mark ``source`` for lupdate; translated where it is shown (:func:`_tr`)."""
    return source


ACCEPTED = QT_TRANSLATE_NOOP("ProgrammeReport", "accepted")
KEPT = QT_TRANSLATE_NOOP("ProgrammeReport", "kept going")
NO_ANSWER = QT_TRANSLATE_NOOP("ProgrammeReport", "no answer")
TITLE = QT_TRANSLATE_NOOP("ProgrammeReport", "Calf programme: report for the physiotherapist")
PERIOD = QT_TRANSLATE_NOOP("ProgrammeReport",
                           "%1 to %2 · the runner's own answers, not a diagnosis")
PROGRAMME = QT_TRANSLATE_NOOP("ProgrammeReport", "Programme")
NO_PROGRAMME = QT_TRANSLATE_NOOP("ProgrammeReport", "No programme ran in this period.")
ADHERENCE = QT_TRANSLATE_NOOP(
    "ProgrammeReport",
    "Adherence: %1 of %2 sessions due were done (%3). Days: %4 done, %5 partly done, %6 missed, "
    "%7 rest.")
PAIN = QT_TRANSLATE_NOOP("ProgrammeReport", "Pain (0–10)")
LEGEND = QT_TRANSLATE_NOOP(
    "ProgrammeReport",
    "● first steps in the morning   ■ during the exercises   ▲ after the session   — 5/10: "
    "the most the model accepts")
KM = QT_TRANSLATE_NOOP("ProgrammeReport", "Running distance per week (km)")
SUGGESTIONS = QT_TRANSLATE_NOOP("ProgrammeReport", "Suggestions and what was chosen")
NO_SUGGESTIONS = QT_TRANSLATE_NOOP("ProgrammeReport", "No suggestions in this period.")
NOTES = QT_TRANSLATE_NOOP("ProgrammeReport", "Notes")
NO_NOTES = QT_TRANSLATE_NOOP("ProgrammeReport", "No notes in this period.")
MORE = QT_TRANSLATE_NOOP("ProgrammeReport",
                         "… and %1 more %2 (all of them are in the app's history).")
MORE_SUGGESTIONS = QT_TRANSLATE_NOOP("ProgrammeReport", "suggestions")
MORE_NOTES = QT_TRANSLATE_NOOP("ProgrammeReport", "notes")
FOOTER = QT_TRANSLATE_NOOP("ProgrammeReport", "Soleus Coach · page %1 of %2")
DOC_TITLE = QT_TRANSLATE_NOOP("ProgrammeReport", "Calf programme report")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeReport", text)


@dataclass
class Item:
    """One thing on a page: a paragraph (``text`` as given, before isolation) or a chart."""

    page: int
    rect: QRectF
    role: str
    text: str = ""
    layout: QTextLayout | None = field(default=None, repr=False)
    colour: QColor = field(default_factory=lambda: QColor(INK))


@dataclass
class ReportLayout:
    area: QRectF
    pages: int
    items: list[Item]
    left_out: dict[str, int]  # list name → entries that did not fit

    def texts(self, page: int | None = None) -> list[str]:
        return [i.text for i in self.items if i.text and (page is None or i.page == page)]


class _Flow:
    """Places blocks top to bottom, page after page, within ``area``."""

    def __init__(self, device: QPaintDevice, area: QRectF) -> None:
        self.device, self.area = device, area
        self.mm = device.logicalDpiY() / 25.4
        self.items: list[Item] = []
        self.page, self.y = 0, 0.0
        #: The footer's room, and a line for each list cut short (see :attr:`left_out`).
        self.bottom = area.height() - self.line(SMALL_PT) * 4.5

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def line(self, points: float) -> float:
        return points / 72 * self.device.logicalDpiY() * 1.25

    def para(self, text: str, points: float, role: str, *, x: float = 0.0,
             width: float | None = None, bold: bool = False, colour: QColor = INK) -> Item:
        width = (self.area.width() - x) if width is None else width
        layout, height = plain_layout(text, self.font(points, bold=bold), self.device, width)
        return Item(self.page, QRectF(x, 0, width, height), role, text, layout, QColor(colour))

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom

    def place(self, items: list[Item], height: float, *, gap: float = 0.0) -> bool:
        """Put a block of ``items`` (rects relative to the block) at the current place,
        on the next page if it does not fit here; False when there is no next page."""
        if not self.fits(height):
            if self.page + 1 >= MAX_PAGES:
                return False
            self.page, self.y = self.page + 1, 0.0
        for item in items:
            item.page = self.page
            item.rect.translate(self.area.left(), self.area.top() + self.y)
            self.items.append(item)
        self.y += height + gap
        return True

    def row(self, cells: list[tuple[str, float, float]], points: float, role: str,
            *, bold: bool = False) -> tuple[list[Item], float]:
        """Cells (text, x, width) side by side; the block's height is the tallest."""
        items = [self.para(text, points, role, x=x, width=width, bold=bold)
                 for text, x, width in cells]
        return items, max((i.rect.height() for i in items), default=0.0)


def _day(day: date) -> str:
    return day.isoformat()


def _choice(choice: Choice | None) -> str:
    if choice is Choice.ACCEPTED:
        return _tr(ACCEPTED)
    if choice is Choice.KEPT_GOING:
        return _tr(KEPT)
    return _tr(NO_ANSWER)


def layout_report(data: ReportData, device: QPaintDevice, area: QRectF | None = None
                  ) -> ReportLayout:
    area = area or QRectF(0, 0, device.width(), device.height())
    f = _Flow(device, area)
    gap = 2.5 * f.mm
    w = area.width()
    title = f.para(_tr(TITLE), TITLE_PT, "title",
                   bold=True, colour=ACCENT)
    period = f.para(texts.fill_in(_tr(PERIOD),
                                  _day(data.since), _day(data.until)), BODY_PT, "period",
                    colour=MUTED)
    period.rect.translate(0, title.rect.height())
    f.place([title, period], title.rect.height() + period.rect.height(), gap=gap)

    def heading(text: str) -> None:
        item = f.para(text, HEAD_PT, "heading", bold=True, colour=ACCENT)
        f.place([item], item.rect.height(), gap=0.8 * f.mm)

    heading(_tr(PROGRAMME))
    if not data.programmes:
        item = f.para(_tr(NO_PROGRAMME), BODY_PT, "programme")
        f.place([item], item.rect.height())
    for name, span in data.programmes:
        items, h = f.row([(name, 0, w * 0.62), (span, w * 0.64, w * 0.36)], BODY_PT,
                         "programme", bold=True)
        f.place(items, h)
    for first, last, name, load in data.phases:
        items, h = f.row([(f"{_day(first)} – {_day(last)}", 0, w * 0.3),
                          (name, w * 0.31, w * 0.24), (load, w * 0.56, w * 0.44)], BODY_PT,
                         "phase")
        f.place(items, h)
    kinds = data.kinds()
    share = f"{round(100 * data.sessions_done / data.sessions_due)} %" if data.sessions_due \
        else "–"
    adherence = texts.fill_in(
        _tr(ADHERENCE), data.sessions_done, data.sessions_due, share,
        kinds.get(DayKind.DONE, 0), kinds.get(DayKind.PARTLY, 0) + kinds.get(DayKind.OPEN, 0),
        kinds.get(DayKind.MISSED, 0), kinds.get(DayKind.REST, 0))
    item = f.para(adherence, BODY_PT, "adherence")
    f.place([item], item.rect.height(), gap=gap)

    heading(_tr(PAIN))
    legend = f.para(_tr(LEGEND), SMALL_PT, "legend",
                    colour=MUTED)
    chart_h = 52 * f.mm
    chart = Item(0, QRectF(0, legend.rect.height(), w, chart_h), "chart-pain")
    f.place([legend, chart], legend.rect.height() + chart_h, gap=gap)

    heading(_tr(KM))
    km_h = 26 * f.mm
    f.place([Item(0, QRectF(0, 0, w, km_h), "chart-km")], km_h, gap=gap)

    left_out: dict[str, int] = {}
    heading(_tr(SUGGESTIONS))
    if not data.suggestions:
        item = f.para(_tr(NO_SUGGESTIONS), BODY_PT, "suggestion")
        f.place([item], item.rect.height())
    for n, (rec, words) in enumerate(data.suggestions):
        title_text = words.title if words is not None else rec.kind.value
        why = " ".join(words.reasons) if words is not None else ""
        items, h = f.row([(_day(rec.day), 0, w * 0.14), (title_text, w * 0.15, w * 0.25),
                          (why, w * 0.41, w * 0.45), (_choice(rec.choice), w * 0.87, w * 0.13)],
                         SMALL_PT, "suggestion")
        if not f.place(items, h + 0.6 * f.mm):
            left_out["suggestions"] = len(data.suggestions) - n
            break
    f.y += gap
    heading(_tr(NOTES))
    if not data.notes:
        item = f.para(_tr(NO_NOTES), BODY_PT, "note")
        f.place([item], item.rect.height())
    notes = list(reversed(data.notes))  # the latest first: they matter most
    for n, (day, routine, note) in enumerate(notes):
        text = one_line(note).strip()
        text = text if len(text) <= NOTE_MAX else text[:NOTE_MAX - 1] + "…"
        items, h = f.row([(_day(day), 0, w * 0.14), (routine, w * 0.15, w * 0.25),
                          (text, w * 0.41, w * 0.59)], SMALL_PT, "note")
        if not f.place(items, h):
            left_out["notes"] = len(notes) - n
            break
    for name, count in left_out.items():
        what = _tr(MORE_SUGGESTIONS) if name == "suggestions" else _tr(MORE_NOTES)
        text = texts.fill_in(_tr(MORE), count, what)
        item = f.para(text, SMALL_PT, "more", colour=MUTED)
        f.bottom += f.line(SMALL_PT)  # the line that says so always has its place
        f.place([item], item.rect.height())
    pages = f.page + 1
    for page in range(pages):
        foot = texts.fill_in(_tr(FOOTER), page + 1, pages)
        item = f.para(foot, SMALL_PT, "footer", colour=MUTED)
        item.page = page
        item.rect.translate(area.left(), area.bottom() - item.rect.height())
        f.items.append(item)
    return ReportLayout(QRectF(area), pages, f.items, left_out)


# ----------------------------------------------------------------------------- painting


def _pain_chart(painter: QPainter, rect: QRectF, data: ReportData, mm: float) -> None:
    axis = QFont()
    axis.setPointSizeF(SMALL_PT)
    painter.setFont(axis)
    left = rect.left() + 8 * mm
    plot = QRectF(left, rect.top() + 2 * mm, rect.right() - left, rect.height() - 8 * mm)
    painter.setPen(QPen(MUTED, max(1.0, mm / 6)))
    painter.drawRect(plot)
    for v in (0, 5, 10):
        y = plot.bottom() - v / 10 * plot.height()
        painter.drawText(QRectF(rect.left(), y - 2 * mm, 6.5 * mm, 4 * mm),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
    limit_y = plot.bottom() - 0.5 * plot.height()
    painter.setPen(QPen(LIMIT, max(1.0, mm / 5)))
    painter.drawLine(QPointF(plot.left(), limit_y), QPointF(plot.right(), limit_y))
    n = max(1, len(data.days))
    step = plot.width() / n

    def x(i: int) -> float:
        return plot.left() + (i + 0.5) * step

    painter.setPen(QPen(MUTED, max(1.0, mm / 8)))
    for i, d in enumerate(data.days):
        if d.day.weekday() == 0:
            painter.drawLine(QPointF(x(i) - step / 2, plot.bottom()),
                             QPointF(x(i) - step / 2, plot.bottom() + 1.2 * mm))
            painter.drawText(QPointF(x(i) - step / 2 + 0.5 * mm, plot.bottom() + 4.5 * mm),
                             formats.day_month(d.day))
    r = max(0.6 * mm, min(1.1 * mm, step / 3))
    for colour, value, mark in ((MORNING, "morning", "circle"), (DURING, "during", "square"),
                                (AFTER, "after", "triangle")):
        points = [(x(i), getattr(d, value)) for i, d in enumerate(data.days)
                  if getattr(d, value) is not None]
        painter.setPen(QPen(colour, max(1.0, mm / 4)))
        for (x0, v0), (x1, v1) in itertools.pairwise(points):
            painter.drawLine(QPointF(x0, plot.bottom() - v0 / 10 * plot.height()),
                             QPointF(x1, plot.bottom() - v1 / 10 * plot.height()))
        painter.setBrush(colour)
        for px, v in points:
            py = plot.bottom() - v / 10 * plot.height()
            if mark == "circle":
                painter.drawEllipse(QPointF(px, py), r, r)
            elif mark == "square":
                painter.drawRect(QRectF(px - r, py - r, 2 * r, 2 * r))
            else:
                painter.drawPolygon([QPointF(px, py - r), QPointF(px + r, py + r),
                                     QPointF(px - r, py + r)])
        painter.setBrush(QColor(0, 0, 0, 0))


_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def _km_chart(painter: QPainter, rect: QRectF, data: ReportData, mm: float) -> None:
    weeks = data.weekly_km
    font = QFont()
    font.setPointSizeF(SMALL_PT)
    painter.setFont(font)
    top = max((km for _, km in weeks), default=0.0)
    plot = QRectF(rect.left(), rect.top() + 4 * mm, rect.width(), rect.height() - 9 * mm)
    n = max(1, len(weeks))
    width = plot.width() / n
    for i, (monday, km) in enumerate(weeks):
        h = 0.0 if top <= 0 else km / top * plot.height()
        bar = QRectF(plot.left() + i * width + width * 0.15, plot.bottom() - h, width * 0.7, h)
        painter.fillRect(bar, KM_BAR)
        painter.setPen(INK)
        painter.drawText(QRectF(bar.left() - width * 0.1, bar.top() - 4 * mm, width * 0.9,
                                4 * mm), _CENTRE, formats.number(km, 1))
        painter.setPen(MUTED)
        painter.drawText(QRectF(plot.left() + i * width, plot.bottom() + 0.5 * mm, width,
                                4 * mm), _CENTRE, formats.day_month(monday))


def _paint(painter: QPainter, sheet: ReportLayout, page: int, data: ReportData,
           mm: float) -> None:
    for item in sheet.items:
        if item.page != page:
            continue
        if item.role == "chart-pain":
            _pain_chart(painter, item.rect, data, mm)
        elif item.role == "chart-km":
            _km_chart(painter, item.rect, data, mm)
        elif item.layout is not None:
            painter.setPen(item.colour)
            item.layout.draw(painter, item.rect.topLeft())


def render_report(data: ReportData, device: QPaintDevice, *, area: QRectF | None = None,
                  page: int | None = None) -> ReportLayout:
    """Draw the report on ``device``: every page of a PDF writer, or one page (``page``)
    of an image within ``area`` (default: the image less :data:`MARGIN_MM`)."""
    paged = isinstance(device, QPagedPaintDevice)
    mm = device.logicalDpiY() / 25.4
    if area is None:
        area = QRectF(0, 0, device.width(), device.height())
        if not paged:
            area = area.adjusted(MARGIN_MM * mm, MARGIN_MM * mm, -MARGIN_MM * mm,
                                 -MARGIN_MM * mm)
    sheet = layout_report(data, device, area)
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if paged and page is None:
            assert isinstance(device, QPagedPaintDevice)
            for n in range(sheet.pages):
                if n:
                    device.newPage()
                _paint(painter, sheet, n, data, mm)
        else:
            _paint(painter, sheet, page or 0, data, mm)
    finally:
        painter.end()
    return sheet


def pdf_bytes(data: ReportData) -> tuple[bytes, ReportLayout]:
    """The report as an A4 PDF, in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(_tr(DOC_TITLE))
    writer.setCreator("Soleus Coach")
    sheet = render_report(data, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(QByteArray(buffer.data()).data()), sheet


def save_report(data: ReportData, target: Path, *, replace: bool = False) -> ReportLayout:
    """Write the report to ``target`` whole or not at all: never over the app's own files,
    a link, a device, a FIFO or the protocol folders (:mod:`soleus_coach.atomic`); a temporary file
    renamed when it is complete. Raises ``OSError`` (``FileExistsError`` without
    ``replace``) with ``target`` untouched."""
    check_target(target, replace=replace)
    check_outside_protocols(target)
    content, sheet = pdf_bytes(data)
    write_bytes_atomic(target, lambda fh: fh.write(content), replace=replace)
    return sheet


def report_image(data: ReportData, *, page: int = 0, dpi: int = 150) -> QImage:
    """A page of the report as an image of an A4 page (for looking at it, and tests)."""
    size = QPageSize(QPageSize.PageSizeId.A4).sizePixels(dpi)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    render_report(data, image, page=page)
    return image


def ensure_app() -> QGuiApplication | None:
    """A Qt application for laying out text from the command line (offscreen when there is
    no display); None when one is running already."""
    if QCoreApplication.instance() is not None:
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([])
