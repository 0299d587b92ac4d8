"""The routine as a sheet for the fridge: a one-page PDF for every bundled routine, hostile
text drawn literally and inside the page, a 30-step routine on more pages without clipping.
``$SOLEUS_COACH_SCREENSHOT_DIR`` set: the PDF's page as PNG (docs/screenshots)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from soleus_coach import paths, texts
from soleus_coach.gui.common import i18n
from soleus_coach.gui.library.print_sheet import (
    SheetLayout,
    layout_sheet,
    print_routine,
    render_sheet,
    safety_lines,
    save_pdf,
    sheet_image,
)
from soleus_coach.protocol import load_file, load_library, parse_bytes
from soleus_coach.protocol.describe import describe_step
from soleus_coach.protocol.model import Protocol
from soleus_coach.untrusted import isolate
from tests.conftest import minimal_protocol_v2, need_tool, write_protocol
from tests.hostile import ONE_LINE, PROTOCOL_TEXT_FIELDS, fit, hostile_protocol
from tests.test_german import ENGLISH, normalise

SCREENSHOT_DIR = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")


def bundled() -> list[Protocol]:
    return load_library(paths.bundled_protocols_dir(), None, paths.assets_dir()).protocols


def pdf_pages(data: bytes) -> int:
    """Page objects in a PDF (Qt writes their dictionaries uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def assert_items_inside(items: Sequence[Any], area: QRectF) -> None:
    """Every item (of a printed page) within ``area`` and every line of its text within its
    box: nothing clipped."""
    for item in items:
        assert area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(item.rect), (
            item.role, item.text[:40], item.rect, area)
        if item.layout is not None:
            for n in range(item.layout.lineCount()):
                line = item.layout.lineAt(n)
                assert line.naturalTextWidth() <= item.rect.width() + 0.5, item.text[:40]
                assert line.y() + line.height() <= item.rect.height() + 0.5


def assert_inside(sheet: SheetLayout) -> None:
    """Every item within the printable area, every line of text within its box, and the
    steps above the safety box of their page: nothing clipped, nothing overlapping."""
    assert not sheet.overflow
    assert_items_inside(sheet.items, sheet.area)
    for page in range(sheet.pages):
        boxes = [i.rect for i in sheet.items if i.page == page and i.role == "box"]
        assert len(boxes) == 1, page
        for item in sheet.items:
            if item.page == page and item.role in ("step", "step-label", "dose", "instruction",
                                                   "instruction-label", "caution",
                                                   "name", "summary", "picture"):
                assert item.rect.bottom() <= boxes[0].top() + 0.5, item.text[:40]


def ink_in(image: QImage, rect: QRectF) -> int:
    """Pixels clearly darker than the paper inside ``rect``."""
    r = rect.toRect().intersected(image.rect())
    dark = 0
    for y in range(r.top(), r.bottom(), 2):
        for x in range(r.left(), r.right(), 2):
            if QColor(image.pixel(x, y)).lightness() < 160:
                dark += 1
    return dark


@pytest.mark.parametrize("protocol", bundled(), ids=lambda p: p.id)
def test_every_bundled_routine_is_a_one_page_pdf_with_its_steps_and_the_safety_lines(
        qtbot: QtBot, tmp_path: Path, protocol: Protocol) -> None:
    target = tmp_path / f"{protocol.id}.pdf"
    sheet = save_pdf(protocol, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) == 1 == sheet.pages
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    assert_inside(sheet)
    shown = sheet.texts()
    assert protocol.name in shown and protocol.summary in shown
    for step in protocol.steps:
        assert step.name in shown
        assert any(t in describe_step(step) for t in shown if t)
        for line in step.instructions:
            assert line in shown
    for line in safety_lines(protocol):
        assert line in shown
    assert texts.STRETCH_CAUTION.source in shown
    assert texts.FIRST_RUN_BODY.source in shown  # blood clot, swelling: see a doctor
    pictures = [i for i in sheet.items if i.picture is not None]
    assert len(pictures) == sum(getattr(s, "illustration", None) is not None
                                for s in protocol.steps)
    pdfinfo = need_tool("pdfinfo", "poppler-utils", "the PDF was not read by a PDF reader")
    info = subprocess.run([pdfinfo, str(target)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info


def hostile(key: str, text: str) -> Protocol:
    doc = hostile_protocol(key, text)
    doc["steps"][0]["illustration"] = "asset:illustrations/soleus-wall-stretch.svg"
    return parse_bytes(json.dumps(doc).encode(), f"{key}.json", None, paths.assets_dir())


def blank_page(dpi: int = 150) -> QImage:
    image = QImage(QPageSize(QPageSize.PageSizeId.A4).sizePixels(dpi), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    return image


@pytest.mark.parametrize("key", sorted(ONE_LINE))
def test_hostile_text_is_drawn_literally_and_stays_on_one_page(qtbot: QtBot, key: str) -> None:
    text = ONE_LINE[key]
    protocol = hostile(key, text)
    image = blank_page()
    sheet = render_sheet(protocol, image)
    assert sheet.pages == 1
    assert_inside(sheet)
    shown = sheet.texts()
    for path, limit in PROTOCOL_TEXT_FIELDS.items():
        if path[0] in ("author", "source"):
            continue  # shown inside "By %1", "Source: %1"
        assert fit(text, limit) in shown, path
    assert any(t.endswith(isolate(fit(text, 200))) for t in shown)  # "By …", isolated
    doses = [i.text for i in sheet.items if i.role == "dose"]
    assert doses == ["3 × 30 s hold (20–30 s), 10 s rest, each leg, injured leg first",
                     "20 min"]
    # What Qt laid out is the text itself (isolated, never parsed as markup) …
    name = next(i for i in sheet.items if i.role == "name")
    assert name.layout is not None and name.layout.text() == isolate(fit(text, 80))
    # … and it was drawn: there is ink where the name is.
    assert ink_in(image, name.rect) > 20


def long_routine(steps: int) -> dict:
    doc = minimal_protocol_v2(id=f"long-{steps}", name="A very long physio programme")
    base = doc["steps"]
    doc["steps"] = []
    for n in range(steps):
        step = json.loads(json.dumps(base[n % 2]))
        step["name"] = f"Exercise number {n + 1} with a rather long name"
        step["instructions"] = [f"Instruction {k + 1} of step {n + 1}: keep the knee soft, "
                                "breathe out as you lower, and stop if it is sharp."
                                for k in range(3)]
        if n % 3 == 0:
            step["illustration"] = "asset:illustrations/bent-knee-heel-raise.svg"
        doc["steps"].append(step)
    return doc


def test_a_30_step_routine_continues_on_more_pages_without_clipping(
        qtbot: QtBot, tmp_path: Path) -> None:
    protocol = load_file(write_protocol(tmp_path, "long.json", long_routine(30)),
                         paths.assets_dir())
    target = tmp_path / "long.pdf"
    sheet = save_pdf(protocol, target)
    assert sheet.pages > 1
    assert pdf_pages(target.read_bytes()) == sheet.pages
    assert_inside(sheet)
    shown = sheet.texts()
    labels = [i.text for i in sheet.items if i.role == "step-label"]
    assert labels == [f"{n + 1}." for n in range(30)]
    for n in range(30):  # every step is there, once
        assert shown.count(f"Exercise number {n + 1} with a rather long name") == 1
    for page in range(sheet.pages):  # each page with its safety lines and its number
        page_texts = sheet.texts(page)
        assert texts.FIRST_RUN_BODY.source in page_texts
        assert any(f"Page {page + 1} of {sheet.pages}" in t for t in page_texts)
    steps_on = [sum(1 for i in sheet.items if i.page == p and i.role == "step")
                for p in range(sheet.pages)]
    assert sum(steps_on) == 30 and all(steps_on)


def test_a_longer_routine_shrinks_to_stay_on_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    protocol = load_file(write_protocol(tmp_path, "ten.json", long_routine(9)),
                         paths.assets_dir())
    sheet = layout_sheet(protocol, sheet_image(protocol))
    assert sheet.pages == 1
    assert sheet.scale < 1.0
    assert_inside(sheet)


def test_an_illustration_that_fails_its_check_is_left_out(qtbot: QtBot, tmp_path: Path) -> None:
    svg = tmp_path / "p.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>')
    doc = minimal_protocol_v2(id="pic")
    doc["steps"][1]["illustration"] = "p.svg"
    protocol = load_file(write_protocol(tmp_path, "pic.json", doc), paths.assets_dir())
    assert len([i for i in layout_sheet(protocol, sheet_image(protocol)).items
                if i.picture is not None]) == 1
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>')
    sheet = layout_sheet(protocol, sheet_image(protocol))
    assert not [i for i in sheet.items if i.picture is not None]


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def test_the_sheet_speaks_the_apps_language(qtbot: QtBot, german: None) -> None:
    protocol = next(p for p in bundled() if p.id == "post-run-soleus")
    german_name = protocol.translations["de"].name
    assert german_name
    shown = layout_sheet(protocol, sheet_image(protocol)).texts()
    assert german_name in shown
    assert "Sicherheit" in shown
    assert texts.translate(texts.STRETCH_CAUTION) in shown
    assert texts.translate(texts.STRETCH_CAUTION) != texts.STRETCH_CAUTION.source
    assert any(t.startswith("Nach dem Lauf · Etwa ") for t in shown)
    # No English word on the sheet but the routine's source (a citation, kept as written).
    sheet = layout_sheet(protocol, sheet_image(protocol))
    for item in sheet.items:
        if item.text and item.role != "source":
            assert not ENGLISH.search(normalise(item.text)), item.text


@pytest.mark.parametrize(("routine", "name"), [("post-run-soleus", "print-sheet.png"),
                                               ("soleus-strength",
                                                "print-sheet-strength.png")])
def test_screenshot_of_the_printed_sheet(qtbot: QtBot, tmp_path: Path, routine: str,
                                         name: str) -> None:
    """The PDF's page as a PNG at 150 dpi, rendered from the PDF itself by pdftoppm."""
    protocol = next(p for p in bundled() if p.id == routine)
    pdf = tmp_path / "sheet.pdf"
    save_pdf(protocol, pdf)
    png = tmp_path / name
    pdftoppm = need_tool("pdftoppm", "poppler-utils", "the PDF was not rendered")
    subprocess.run([pdftoppm, "-r", "150", "-png", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)
    image = QImage(str(png))
    assert abs(image.width() - 1240) <= 2 and abs(image.height() - 1754) <= 2
    assert ink_in(image, QRectF(image.rect())) > 2000
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, Path(SCREENSHOT_DIR) / name)


def test_print_routine_shows_the_print_dialog_and_prints_when_accepted(
        qtbot: QtBot, tmp_path: Path) -> None:
    protocol = next(p for p in bundled() if p.id == "calf-stretch-only")
    results: list[bool] = []
    dialog = print_routine(None, protocol, results.append)
    assert dialog.isVisible() and dialog.windowTitle() == "Print routine"
    dialog.reject()
    assert results == [False]
    target = tmp_path / "printed.pdf"
    dialog = print_routine(None, protocol, results.append)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    dialog.done(QDialog.DialogCode.Accepted)
    assert results == [False, True]
    assert target.read_bytes().startswith(b"%PDF-") and pdf_pages(target.read_bytes()) == 1
