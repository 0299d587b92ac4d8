"""A routine as a one-page sheet for the fridge: print it, save it as PDF, or look at it.

The sheet has the routine's name, summary and source, each step with its dose (the same
words as the library and the editor: ``protocol.describe``), its instructions, the author's
caution and a thumbnail of its illustration, and at the bottom the safety lines the app
shows (``texts``: the caution of each kind of step in the routine, see a doctor, emergency).

Every text of a routine is untrusted: it is laid out with :class:`QTextLayout`, which draws
plain text and never reads markup, each line bidi-isolated (``untrusted.isolate``) so that a
right-to-left override stays inside its own line. Long words wrap anywhere.

A long routine still fits one page: the fonts, gaps and thumbnails shrink step by step down
to :data:`MIN_ONE_PAGE_SCALE`. A routine that cannot fit even then flows onto more pages at
a readable size (:data:`MULTI_PAGE_SCALE`), a step never split, the safety lines at the foot
of every page: nothing is ever clipped. :func:`layout_sheet` returns what was placed where,
so tests (and a preview) can check it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QDialog, QWidget

from soleus_coach import safety, texts
from soleus_coach.atomic import safe_file_name, write_file_with
from soleus_coach.gui.common.illustration import load_picture
from soleus_coach.gui.common.plain import plain_layout
from soleus_coach.protocol.describe import describe_step, rounds_heading
from soleus_coach.protocol.model import (
    ExerciseStep,
    HeatStep,
    IceStep,
    Protocol,
    RestStep,
    Step,
    StrengthStep,
    StretchStep,
    When,
)
from soleus_coach.session.plan import routine_duration_s
from soleus_coach.untrusted import one_line

# The page's margin when the sheet is drawn on an image (a printer or PDF has its own).
MARGIN_MM = 14.0
# Sizes (points, millimetres) at scale 1; all shrink together.
TITLE_PT, SUMMARY_PT, META_PT = 20.0, 11.0, 9.0
STEP_PT, DOSE_PT, LINE_PT, CAUTION_PT = 12.5, 10.5, 10.0, 9.5
SAFETY_TITLE_PT, SAFETY_PT, FOOTER_PT = 10.5, 9.0, 7.5
THUMB_MM, GAP_MM = 30.0, 4.5
# Short routines are drawn larger (readable from across the kitchen); the smallest scale
# tried for one page has body text at about 6.5 pt. Then the scale of a
# sheet that needs more pages anyway.
SCALES = (1.3, 1.15, 1.0, 0.92, 0.85, 0.78, 0.72, 0.66)
MIN_ONE_PAGE_SCALE = SCALES[-1]
MULTI_PAGE_SCALE = 0.85
# Safety lines and footer do not shrink below this (they must stay readable).
MIN_SAFETY_SCALE = 0.85
ACCENT = QColor("#2b6cb0")
INK = QColor("#1a1a1a")
MUTED = QColor("#4a4a4a")
BOX = QColor("#fff4e5")
BOX_EDGE = QColor("#c05621")

def _when_text(when: When) -> str:
    if when is When.PRE_RUN:
        return QCoreApplication.translate("PrintSheet", "Before a run")
    if when is When.POST_RUN:
        return QCoreApplication.translate("PrintSheet", "After a run")
    return QCoreApplication.translate("PrintSheet", "Any time")


# ----------------------------------------------------------------------------- layout


@dataclass
class Item:
    """One thing placed on a page: a paragraph (``text`` is exactly what was laid out,
    before bidi isolation), a picture (``picture``) or the safety box (``role`` "box")."""

    page: int
    rect: QRectF
    role: str
    text: str = ""
    picture: Path | None = None
    layout: QTextLayout | None = field(default=None, repr=False)
    colour: QColor = field(default_factory=lambda: QColor(INK))


@dataclass
class SheetLayout:
    """Where everything goes. ``area`` is the printable part of each page (device units);
    ``overflow`` is True only if a single step is taller than a whole page (never seen
    with the format's limits, and drawn in full anyway)."""

    area: QRectF
    scale: float
    pages: int
    items: list[Item]
    overflow: bool = False

    def texts(self, page: int | None = None) -> list[str]:
        return [i.text for i in self.items if i.text and (page is None or i.page == page)]


@dataclass
class _Chunk:
    """A block kept together on one page: items with rects relative to its top left."""

    height: float
    items: list[Item]


class _Builder:
    def __init__(self, device: QPaintDevice, width: float, scale: float) -> None:
        self.device = device
        self.width = width
        self.scale = scale
        self.mm = device.logicalDpiY() / 25.4

    def font(self, points: float, *, bold: bool = False, italic: bool = False,
             floor: float = 0.0) -> QFont:
        font = QFont()
        font.setPointSizeF(max(points * max(self.scale, floor), 5.0))
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def para(self, text: str, font: QFont, x: float, y: float, width: float, role: str,
             colour: QColor = INK) -> Item:
        """``text`` laid out as plain text, wrapped to ``width``, at (x, y)."""
        layout, height = plain_layout(text, font, self.device, width)
        return Item(0, QRectF(x, y, width, height), role, text, layout=layout,
                    colour=QColor(colour))

    def gap(self, mm: float) -> float:
        return mm * self.mm * self.scale

    def hanging(self, label: str, text: str, font: QFont, x: float, y: float, width: float,
                role: str, colour: QColor = INK) -> list[Item]:
        """``label`` ("2.", "•") with ``text`` beside it, wrapped lines under the text."""
        indent = QFontMetricsF(font, self.device).horizontalAdvance(label + "  ")
        mark = self.para(label, font, x, y, indent, f"{role}-label", colour)
        body = self.para(text, font, x + indent, y, width - indent, role, colour)
        return [mark, body]


def _step_dose(step: Step) -> str:
    """The step's line from ``describe_step`` without its name (shown above it): described
    with a neutral stand-in for the name (the real one could be isolated differently once
    nested in the sentence), which is then cut off."""
    line = describe_step(replace(step, name=_NAME))
    prefix = f"{_NAME}: "
    return line[len(prefix):] if line.startswith(prefix) else line.replace(_NAME, step.name)


_NAME = "STEP"


def _header(b: _Builder, protocol: Protocol) -> _Chunk:
    items: list[Item] = []
    y = 0.0
    for text, font, role, colour in (
        (protocol.name, b.font(TITLE_PT, bold=True), "name", ACCENT),
        (protocol.summary, b.font(SUMMARY_PT), "summary", INK),
    ):
        item = b.para(text, font, 0, y, b.width, role, colour)
        items.append(item)
        y += item.rect.height() + b.gap(1.2)
    minutes = max(1, round(routine_duration_s(protocol) / 60))
    meta = [_when_text(protocol.when),
            texts.fill_in(QCoreApplication.translate("PrintSheet", "About %1 min"), minutes)]
    if protocol.author:
        meta.append(texts.fill_in(QCoreApplication.translate("PrintSheet", "By %1"),
                                  protocol.author))
    item = b.para(" · ".join(meta), b.font(META_PT), 0, y, b.width, "meta", MUTED)
    items.append(item)
    y += item.rect.height()
    if protocol.source:
        source = texts.fill_in(QCoreApplication.translate("PrintSheet", "Source: %1"),
                               protocol.source)
        item = b.para(source, b.font(META_PT), 0, y, b.width, "source", MUTED)
        items.append(item)
        y += item.rect.height()
    return _Chunk(y + b.gap(GAP_MM), items)


def _thumb_size(b: _Builder, picture: Path, pictures: _Pictures) -> QSizeF:
    side = THUMB_MM * b.mm * b.scale
    natural = pictures.size(picture)
    if natural is None or natural.isEmpty():
        return QSizeF(0, 0)
    size = natural.scaled(QSizeF(side, side * 1.25), Qt.AspectRatioMode.KeepAspectRatio)
    return size


def _step(b: _Builder, number: int, step: Step, text_x: float,
          pictures: _Pictures, head: str = "") -> _Chunk:
    items: list[Item] = []
    picture = getattr(step, "illustration", None)
    thumb_h = 0.0
    if picture is not None:
        size = _thumb_size(b, picture, pictures)
        if not size.isEmpty():
            items.append(Item(0, QRectF(QPointF(0, 0), size), "picture", picture=picture))
            thumb_h = size.height()
    width = b.width - text_x
    y = 0.0
    if head:  # a group of rounds begins: "Steps 2–3, 3 rounds · 30 s rest between rounds"
        item = b.para(head, b.font(DOSE_PT, bold=True), text_x, y, width, "rounds", BOX_EDGE)
        items.append(item)
        y += item.rect.height() + b.gap(0.6)
    # The number beside the name, so that a long name wraps under the name.
    title = b.hanging(f"{number}.", step.name, b.font(STEP_PT, bold=True), text_x, y, width,
                      "step")
    items += title
    y += max(item.rect.height() for item in title)
    dose = b.para(_step_dose(step), b.font(DOSE_PT, bold=True), text_x, y, width, "dose",
                  ACCENT)
    items.append(dose)
    y += dose.rect.height() + b.gap(0.8)
    numbered = len(step.instructions) > 1
    for i, line in enumerate(step.instructions, 1):
        if numbered:
            pair = b.hanging(f"{i}.", line, b.font(LINE_PT), text_x + b.gap(1), y,
                             width - b.gap(1), "instruction")
        else:
            pair = [b.para(line, b.font(LINE_PT), text_x + b.gap(1), y, width - b.gap(1),
                           "instruction")]
        items += pair
        y += max(item.rect.height() for item in pair)
    caution = getattr(step, "caution", "")
    if caution and not isinstance(step, RestStep):
        item = b.para(caution, b.font(CAUTION_PT, italic=True), text_x + b.gap(1),
                      y + b.gap(0.5), width - b.gap(1), "caution", BOX_EDGE)
        items.append(item)
        y += item.rect.height() + b.gap(0.5)
    return _Chunk(max(y, thumb_h) + b.gap(GAP_MM), items)


def safety_lines(protocol: Protocol) -> list[str]:
    """The safety lines of the sheet, in the user's language: never stretch into pain, the
    caution of each other kind of step in the routine (once each), see a doctor first,
    emergency."""
    chosen = [texts.STRETCH_CAUTION]
    for step in protocol.steps:
        kind = _KIND.get(type(step))
        if kind is None:
            continue
        seconds = step.duration_s.maximum if isinstance(step, (IceStep, HeatStep)) else 0.0
        text = safety.caution_for(kind, seconds)
        if text is not None and text not in chosen:
            chosen.append(text)
    chosen += [texts.FIRST_RUN_BODY, texts.EMERGENCY]
    return [texts.translate(t) for t in chosen]


_KIND: dict[type, str] = {StretchStep: "stretch", StrengthStep: "strength",
                          ExerciseStep: "exercise", IceStep: "ice", HeatStep: "heat"}


def _safety(b: _Builder, protocol: Protocol) -> _Chunk:
    pad = b.gap(2.5)
    inner = b.width - 2 * pad
    floor = MIN_SAFETY_SCALE
    items: list[Item] = []
    y = pad
    title = b.para(QCoreApplication.translate("PrintSheet", "Safety"),
                   b.font(SAFETY_TITLE_PT, bold=True, floor=floor), pad, y, inner,
                   "safety-title", BOX_EDGE)
    items.append(title)
    y += title.rect.height() + b.gap(0.6)
    for line in safety_lines(protocol):
        pair = b.hanging("•", line, b.font(SAFETY_PT, floor=floor), pad, y, inner, "safety")
        items += pair
        y += max(item.rect.height() for item in pair) + b.gap(0.4)
    y += pad
    items.insert(0, Item(0, QRectF(0, 0, b.width, y), "box"))
    return _Chunk(y, items)


def _footer(b: _Builder, page: int, pages: int) -> Item:
    text = "Soleus Coach"
    if pages > 1:
        text += " · " + texts.fill_in(
            QCoreApplication.translate("PrintSheet", "Page %1 of %2"), page + 1, pages)
    return b.para(text, b.font(FOOTER_PT, floor=MIN_SAFETY_SCALE), 0, 0, b.width, "footer",
                  MUTED)


def _place(chunk: _Chunk, page: int, x: float, y: float) -> list[Item]:
    out = []
    for item in chunk.items:
        rect = item.rect.translated(x, y)
        out.append(Item(page, rect, item.role, item.text, item.picture, item.layout,
                        item.colour))
    return out


def _try(protocol: Protocol, device: QPaintDevice, area: QRectF, scale: float,
         pictures: _Pictures) -> SheetLayout:
    b = _Builder(device, area.width(), scale)
    header = _header(b, protocol)
    named = [getattr(s, "illustration", None) for s in protocol.steps]
    has_pictures = any(p is not None and not _thumb_size(b, p, pictures).isEmpty()
                       for p in named)
    text_x = THUMB_MM * b.mm * scale + b.gap(GAP_MM) if has_pictures else 0.0
    steps = [_step(b, n, s, text_x, pictures, rounds_heading(protocol, n - 1))
             for n, s in enumerate(protocol.steps, 1)]
    box = _safety(b, protocol)
    foot_h = _footer(b, 0, 2).rect.height()
    room = area.height() - box.height - foot_h - b.gap(2)
    pages: list[list[tuple[_Chunk, float]]] = [[(header, 0.0)]]
    y = header.height
    overflow = False
    for chunk in steps:
        if y + chunk.height - b.gap(GAP_MM) > room and y > 0:
            pages.append([])
            y = 0.0
        if chunk.height - b.gap(GAP_MM) > room:
            overflow = True
        pages[-1].append((chunk, y))
        y += chunk.height
    items: list[Item] = []
    for n, placed in enumerate(pages):
        for chunk, top in placed:
            items += _place(chunk, n, area.left(), area.top() + top)
        foot = _footer(b, n, len(pages))
        box_top = area.bottom() - foot_h - b.gap(1) - box.height
        items += _place(box, n, area.left(), box_top)
        items += _place(_Chunk(foot.rect.height(), [foot]), n, area.left(),
                        area.bottom() - foot_h)
    return SheetLayout(QRectF(area), scale, len(pages), items, overflow)


def layout_sheet(protocol: Protocol, device: QPaintDevice, area: QRectF | None = None
                 ) -> SheetLayout:
    """The sheet laid out for ``device`` within ``area`` (default: all of the device):
    one page at the largest scale that fits, or several at :data:`MULTI_PAGE_SCALE`.
    The routine is shown in the app's language (``texts.language()``) where it has it."""
    protocol = protocol.localized(texts.language())
    area = area or QRectF(0, 0, device.width(), device.height())
    pictures = _Pictures()
    for scale in SCALES:
        sheet = _try(protocol, device, area, scale, pictures)
        if sheet.pages == 1:
            return sheet
    return _try(protocol, device, area, MULTI_PAGE_SCALE, pictures)


# ----------------------------------------------------------------------------- painting


class _Pictures:
    """Illustrations read once, checked (``read_illustration``) before Qt sees the bytes,
    a PNG decoded with an allocation limit; a picture that fails is left out."""

    def __init__(self) -> None:
        self._cache: dict[Path, QSvgRenderer | QImage | None] = {}

    def get(self, path: Path) -> QSvgRenderer | QImage | None:
        if path not in self._cache:
            self._cache[path] = self._load(path)
        return self._cache[path]

    def size(self, path: Path) -> QSizeF | None:
        picture = self.get(path)
        if picture is None:
            return None
        if isinstance(picture, QSvgRenderer):
            box = picture.viewBoxF()
            return box.size() if not box.isEmpty() else QSizeF(picture.defaultSize())
        return QSizeF(picture.size())

    @staticmethod
    def _load(path: Path) -> QSvgRenderer | QImage | None:
        return load_picture(path)


def _paint_page(painter: QPainter, sheet: SheetLayout, page: int,
                pictures: _Pictures) -> None:
    for item in sheet.items:
        if item.page != page:
            continue
        if item.role == "box":
            painter.save()
            painter.setPen(QPen(BOX_EDGE, max(1.0, item.rect.width() / 600)))
            painter.setBrush(BOX)
            radius = item.rect.width() / 120
            painter.drawRoundedRect(item.rect, radius, radius)
            painter.restore()
        elif item.picture is not None:
            picture = pictures.get(item.picture)
            if isinstance(picture, QSvgRenderer):
                picture.render(painter, item.rect)
            elif isinstance(picture, QImage):
                painter.drawImage(item.rect, picture)
        elif item.layout is not None:
            painter.setPen(item.colour)
            item.layout.draw(painter, item.rect.topLeft())


def render_sheet(protocol: Protocol, device: QPaintDevice, *,
                 area: QRectF | None = None, page: int | None = None) -> SheetLayout:
    """Draw the sheet on ``device``; give its layout.

    A printer or PDF writer (``QPagedPaintDevice``) gets every page, within its own
    margins. Any other device (an image) gets one page (``page``, default the first)
    within ``area`` (default: the device less :data:`MARGIN_MM` on each side)."""
    paged = isinstance(device, QPagedPaintDevice)
    if area is None:
        if paged:
            area = QRectF(0, 0, device.width(), device.height())
        else:
            margin = MARGIN_MM * device.logicalDpiY() / 25.4
            area = QRectF(0, 0, device.width(), device.height()).adjusted(
                margin, margin, -margin, -margin)
    sheet = layout_sheet(protocol, device, area)
    pictures = _Pictures()
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if paged and page is None:
            assert isinstance(device, QPagedPaintDevice)
            for n in range(sheet.pages):
                if n:
                    device.newPage()
                _paint_page(painter, sheet, n, pictures)
        else:
            _paint_page(painter, sheet, page or 0, pictures)
    finally:
        painter.end()
    return sheet


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(300)
    printer.setPageLayout(_page_layout())
    printer.setOutputFileName(str(path))
    return printer


def _page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def save_pdf(protocol: Protocol, path: Path) -> SheetLayout:
    """Write the sheet to ``path`` as an A4 PDF, whole or not at all, through the one writer
    (a file there is replaced: the file dialog has asked; never one of the app's own files,
    never a device, a FIFO or a link).

    Raises :class:`soleus_coach.atomic.ProtectedFile`, :class:`~soleus_coach.atomic.
    UnsafeTarget`, or ``OSError`` when the PDF cannot be written."""
    sheets: list[SheetLayout] = []
    write_file_with(path, lambda tmp: sheets.append(render_sheet(protocol, _pdf_printer(tmp))),
                    replace=True)
    return sheets[0]


def print_routine(parent: QWidget | None, protocol: Protocol,
                  done: Callable[[bool], None] | None = None) -> QPrintDialog:
    """Show the print dialog (window-modal, not blocking) and print the sheet when the
    user accepts; ``done`` is told whether it printed. Returns the dialog (for tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    # The print dialog offers "<doc name>.pdf" in the home folder for Print to File: a name
    # made from the routine's, with no folder in it (a routine called "Documents/Taxes").
    printer.setDocName(safe_file_name(one_line(protocol.name)))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintSheet", "Print routine"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        accepted = result == QDialog.DialogCode.Accepted
        if accepted:
            accepted = _print_or_save(parent, protocol, printer)
        if done is not None:
            done(accepted)

    dialog.finished.connect(finished)
    dialog._printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog


def _print_or_save(parent: QWidget | None, protocol: Protocol, printer: QPrinter) -> bool:
    """Print; or, for Print to File, write the PDF through the one writer (Qt would write
    the file the dialog names itself: the history, say, or a device)."""
    name = printer.outputFileName()
    if printer.outputFormat() is not QPrinter.OutputFormat.PdfFormat or not name:
        render_sheet(protocol, printer)
        return True
    try:
        save_pdf(protocol, Path(name))
    except OSError as exc:
        from PySide6.QtWidgets import QMessageBox

        from soleus_coach.gui.common.plain import message_box

        if parent is None:
            return False
        message_box(parent, QMessageBox.Icon.Warning,
                    QCoreApplication.translate("PrintSheet", "Not saved"),
                    f"{Path(name).name}: {exc.strerror or exc}", name="printFailed").open()
        return False
    return True


def sheet_image(protocol: Protocol, *, dpi: int = 150, page: int = 0,
                page_size: QPageSize | None = None) -> QImage:
    """A page of the sheet as an image of the page at ``dpi`` (A4 portrait at 150 dpi:
    1240 × 1754), white, with the PDF's margins: for looking at it, and for tests."""
    size = (page_size or QPageSize(QPageSize.PageSizeId.A4)).sizePixels(dpi)
    image = QImage(size, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    render_sheet(protocol, image, page=page)
    return image
