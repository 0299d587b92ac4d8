"""The report for the physio: eight weeks of synthetic answers make at most two A4 pages
with nothing clipped (checked on the layout, and on the PDF rendered by poppler), its
figures are the history's, and hostile names and notes are laid out literally.
``$SOLEUS_COACH_SCREENSHOT_DIR`` set: its pages as PNG (docs/screenshots)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPageSize
from pytestqt.qtbot import QtBot

from soleus_coach import paths
from soleus_coach.gui.programme.report import (
    NOTE_MAX,
    ReportLayout,
    layout_report,
    pdf_bytes,
    report_image,
    save_report,
)
from soleus_coach.programme.days import DayKind
from soleus_coach.programme.records import Choice
from soleus_coach.tracker import ReportData, Tracker
from tests.hostile import MULTI_LINE, ONE_LINE
from tests.programme_sim import MONDAY, Now, library, programmes, run, session
from tests.test_print_sheet import assert_items_inside

SCREENSHOTS = os.environ.get("SOLEUS_COACH_SCREENSHOT_DIR")
ZERO_WIDTH = re.compile("[\u2066-\u2069\u200b\u200e\u200f\ufeff\u200d\u202a-\u202e]")


def hostile_programme(folder: Path, text: str) -> str:
    """A programme of the runner's with ``text`` in every text field (cut to each one)."""
    folder.mkdir(parents=True, exist_ok=True)
    doc = json.loads((paths.bundled_programmes_dir() / "soleus-loading-12-weeks.json")
                     .read_text())
    doc.update(id="hostile", name=text[:120], summary=text[:500], source=text[:500])
    doc.pop("translations")
    for phase in doc["phases"]:
        phase["name"], phase["load"] = text[:80], text[:120]
        for planned in phase["routines"]:
            planned["label"] = text[:40]
    (folder / "hostile.json").write_text(json.dumps(doc), encoding="utf-8")
    return "hostile"


def eight_weeks(data: Path, *, weeks: int = 8, name: str | None = None,
                note: str = "felt tight after the hill run", ease: bool = True) -> Tracker:
    """``weeks`` of a loading programme in ``data``'s history: heel drops twice a day on
    most days, pain during, after and in the mornings, runs on alternate days, notes, and
    every suggestion answered (two in three accepted; none with ``ease`` False).
    Deterministic."""
    now = Now(MONDAY, 7)
    user = data / "protocols" / "programmes"
    programme_id = hostile_programme(user, name) if name is not None \
        else "soleus-loading-12-weeks"
    lib = library(data / "protocols")
    progs = programmes(lib, user)
    from soleus_coach.history.store import open_store

    tracker = Tracker(open_store(paths.history_db_path()), lambda: progs, lib.get, now=now)
    rng = random.Random(8)
    tracker.start(programme_id)
    for n in range(weeks * 7):
        day = MONDAY + timedelta(days=n)
        now.set(day, 7)
        if tracker.morning_due():
            tracker.answer_morning(rng.choice([1, 1, 2, 2, 2, 3]), rng.random() < 0.05)
        rec = tracker.suggestion()
        if rec is not None:
            tracker.choose(rec, Choice.ACCEPTED if ease and n % 3 else Choice.KEPT_GOING)
        plan = tracker.plan()
        assert plan is not None
        for item in plan.items:
            for k in range(item.due if not item.follows_runs else 0):
                if rng.random() < 0.85:
                    now.set(day, 9 + 9 * k)
                    uid = session(tracker.store, item.planned.routine, now.moment,
                                  after=rng.choice([0, 1, 2, 3]), name=item.label,
                                  notes=note if rng.random() < 0.08 else "")
                    tracker.answer_pain_during(uid, rng.choice([1, 2, 2, 3, 3, 4]))
        if n % 2 == 0:
            now.set(day, 17)
            run(tracker.store, now.moment, rng.uniform(4, 12))
            session(tracker.store, "post-run-soleus", now.moment, after=1)
    now.set(MONDAY + timedelta(days=weeks * 7), 7)
    return tracker


def report_of(data: Path, weeks: int = 8, **kw: str) -> ReportData:
    tracker = eight_weeks(data, weeks=weeks, **kw)
    data_ = tracker.report(MONDAY, MONDAY + timedelta(days=weeks * 7 - 1))
    tracker.store.close()
    return data_


def assert_inside(sheet: ReportLayout) -> None:
    """Every item within the page's printable area and every line within its box: nothing
    clipped; and blocks of one page do not overlap."""
    assert_items_inside(sheet.items, sheet.area)
    for page in range(sheet.pages):
        boxes = sorted((i.rect for i in sheet.items if i.page == page and i.role != "footer"),
                       key=lambda r: r.top())
        footer = [i.rect for i in sheet.items if i.page == page and i.role == "footer"]
        assert len(footer) == 1
        for rect in boxes:
            assert rect.bottom() <= footer[0].top() + 0.5


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("needs poppler-utils")
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", ZERO_WIDTH.sub("", out))  # "ﬁ" ligatures: "fi"


def test_eight_weeks_are_at_most_two_a4_pages_with_nothing_clipped(
        qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    data = report_of(data_dir)
    assert len(data.days) == 56 and len(data.weekly_km) == 8
    target = tmp_path / "report.pdf"
    sheet = save_report(data, target)
    assert 1 <= sheet.pages <= 2
    assert_inside(sheet)
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left
    if shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None:
        pytest.skip("needs poppler-utils")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(rf"^Pages:\s+{sheet.pages}$", info, re.M)
    assert "595 x 842 pts (A4)" in info
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(target), str(tmp_path / "page")],
                   check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == sheet.pages
    for png in pngs:  # nothing drawn in the outer 10 mm: nothing runs off the page
        image = QImage(str(png))
        strip = round(10 / 25.4 * 50)
        for x in range(0, image.width(), 2):
            for y in list(range(strip)) + list(range(image.height() - strip, image.height())):
                assert QColor(image.pixel(x, y)).lightness() > 240, (png.name, x, y)
        for y in range(0, image.height(), 2):
            for x in list(range(strip)) + list(range(image.width() - strip, image.width())):
                assert QColor(image.pixel(x, y)).lightness() > 240, (png.name, x, y)
    text = pdf_text(target)
    for words in ("report for the physiotherapist", "Soleus loading, 12 weeks",
                  "Adherence:", "Pain (0–10)", "Running distance per week",
                  "Suggestions and what was chosen", "Notes", f"page {sheet.pages} of"):
        assert words in text, words


def test_the_figures_are_the_historys(qtbot: QtBot, data_dir: Path) -> None:
    data = report_of(data_dir, weeks=3)
    kinds = data.kinds()
    assert sum(kinds.values()) == 21
    from soleus_coach.history.store import open_snapshot

    store = open_snapshot(paths.history_db_path())
    stored = store.count()  # the generator never does more than is due
    runs = store.run_count()
    store.close()
    assert data.sessions_done == stored
    assert data.sessions_due - data.sessions_done == 3 * 7 * 2 - (stored - runs)
    mornings = [d.morning for d in data.days if d.morning is not None]
    assert mornings and all(0 <= m <= 10 for m in mornings)
    assert any(d.during is not None for d in data.days)
    assert sum(km for _, km in data.weekly_km) == pytest.approx(sum(d.km for d in data.days))
    assert all(words is not None and words.reasons for _, words in data.suggestions)
    assert data.phases[0][2] == "Both legs"
    sheet = layout_report(data, report_image(data).copy())  # any device will do
    shown = " ".join(sheet.texts())
    assert f"{data.sessions_done} of {data.sessions_due} sessions" in shown
    for _rec, words in data.suggestions:
        assert words is not None and words.title in shown
    assert kinds.get(DayKind.MISSED, 0) + kinds.get(DayKind.PARTLY, 0) > 0  # 85 % done


@pytest.mark.parametrize("key", sorted(ONE_LINE))
def test_hostile_names_and_notes_are_laid_out_literally(qtbot: QtBot, data_dir: Path,
                                                       tmp_path: Path, key: str) -> None:
    text = ONE_LINE[key]
    note = MULTI_LINE["lf-formula"] + " " + text
    data = report_of(data_dir, weeks=2, name=text, note=note)
    content, sheet = pdf_bytes(data)
    assert sheet.pages <= 2
    assert_inside(sheet)
    shown = sheet.texts()
    assert text[:120] in shown  # the programme's name, as it is
    assert text[:80] in shown  # the phase's
    # A note on one line, as much of it as a report line keeps.
    assert any(t.startswith(note.replace("\n", " ")[:NOTE_MAX - 1]) for t in shown)
    target = tmp_path / "hostile.pdf"
    target.write_bytes(content)
    if text.isascii() and "\u200b" not in text:
        found = "".join(pdf_text(target).split())  # lines wrap where the layout wrapped
        assert "".join(text[:120].split()) in found, found[:400]


def test_the_report_pages_as_pictures(qtbot: QtBot, data_dir: Path) -> None:
    data = report_of(data_dir)
    sheet = layout_report(data, report_image(data))
    for page in range(sheet.pages):
        image = report_image(data, page=page)
        size = QPageSize(QPageSize.PageSizeId.A4).sizePixels(150)
        assert (image.width(), image.height()) == (size.width(), size.height())
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            assert image.save(str(Path(SCREENSHOTS) / f"programme-report-{page + 1}.png"))
    assert date(2026, 3, 2).isoformat() in " ".join(sheet.texts())
