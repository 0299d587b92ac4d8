"""WCAG contrast measured on screenshots: for a widget's rectangle in a screenshot, the
background is its most frequent colour and the text colour the one that differs most from it
(the full ink of the glyph stems; anti-aliased edges lie between the two)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QRadioButton,
    QWidget,
)

from soleus_coach.gui.common.theme import contrast_ratio

#: WCAG 2 AA for normal text.
AA = 4.5


def region_contrast(image: QImage, rect: QRect) -> tuple[float, QColor, QColor]:
    """(ratio, background, text colour) of the pixels of ``rect`` in ``image``."""
    rect = rect.intersected(image.rect())
    counts: Counter[int] = Counter()
    step = 1 if rect.width() * rect.height() < 250_000 else 2
    for y in range(rect.top(), rect.bottom() + 1, step):
        for x in range(rect.left(), rect.right() + 1, step):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    if not counts:
        return 21.0, QColor(), QColor()
    bg = QColor(counts.most_common(1)[0][0])
    best, fg = 1.0, bg
    for rgb in counts:
        c = QColor(rgb)
        ratio = contrast_ratio(bg, c)
        if ratio > best:
            best, fg = ratio, c
    return best, bg, fg


def text_rect(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget``'s text is, in ``window``'s coordinates: the inside of a button (not
    its frame), the label of a check box or radio button (not its box)."""
    r = widget.rect()
    if isinstance(widget, QCheckBox | QRadioButton):
        r = r.adjusted(24, 2, -2, -2)
    elif isinstance(widget, QAbstractButton):
        r = r.adjusted(5, 5, -5, -5)
    top_left = widget.mapTo(window, QPoint(0, 0))
    return r.translated(top_left)


def low_contrast(window: QWidget, image: QImage | None = None) -> list[str]:
    """Every visible, enabled label or button with text under ``window`` whose contrast in a
    screenshot of it is under 4.5:1, described; [] when all pass."""
    image = image if image is not None else window.grab().toImage()
    scale = image.width() / max(1, window.width())
    failures = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton) or not w.isVisibleTo(window):
            continue
        if not w.isEnabled() or not w.text().strip() or w.width() < 4 or w.height() < 4:
            continue  # WCAG exempts inactive controls
        r = text_rect(w, window)
        if scale != 1:
            r = QRect(round(r.x() * scale), round(r.y() * scale), round(r.width() * scale),
                      round(r.height() * scale))
        ratio, bg, fg = region_contrast(image, r)
        if ratio < AA:
            failures.append(f"{type(w).__name__} {w.objectName()!r} {w.text()[:40]!r}: "
                            f"{ratio:.2f}:1 ({fg.name()} on {bg.name()})")
    return failures


#: WCAG 2.2 (1.4.11) for the parts of a control and for graphics that carry meaning.
NON_TEXT = 3.0


def low_contrast_controls(window: QWidget, image: QImage | None = None) -> list[str]:
    """Every visible, enabled check box and radio button under ``window`` whose indicator's
    edge is under 3:1 against the window around it, and every exercise picture whose figure
    is under 3:1 against what it is drawn on, described; [] when all pass."""
    from collections import Counter

    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from soleus_coach.gui.common.illustration import IllustrationView

    image = image if image is not None else window.grab().toImage()
    scale = image.width() / max(1, window.width())

    def scaled(r: QRect) -> QRect:
        return QRect(round(r.x() * scale), round(r.y() * scale), round(r.width() * scale),
                     round(r.height() * scale))

    failures = []
    for w in window.findChildren(QCheckBox) + window.findChildren(QRadioButton):
        if not w.isVisibleTo(window) or not w.isEnabled():
            continue
        opt = QStyleOptionButton()
        w.initStyleOption(opt)
        element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(w, QRadioButton)
                   else QStyle.SubElement.SE_CheckBoxIndicator)
        box = scaled(w.style().subElementRect(element, opt, w).translated(
            w.mapTo(window, QPoint(0, 0))))
        around = QColor(image.pixel(box.left() - 2, box.center().y()))
        band = [QColor(image.pixel(x, y)) for y in range(box.top(), box.bottom() + 1)
                for x in range(box.left(), box.right() + 1)
                if min(x - box.left(), box.right() - x, y - box.top(), box.bottom() - y)
                < max(2, round(2 * scale))]
        ratio = max((contrast_ratio(around, c) for c in band), default=1.0)
        if ratio < NON_TEXT:
            failures.append(f"{type(w).__name__} {w.text()[:30]!r}: edge {ratio:.2f}:1")
    for view in window.findChildren(IllustrationView):
        if not view.isVisibleTo(window) or not view.is_showing:
            continue
        r = scaled(view.picture_rect().toRect().translated(view.mapTo(window, QPoint(0, 0))))
        counts: Counter[int] = Counter(image.pixel(x, y) & 0xFFFFFF
                                       for y in range(r.top(), r.bottom() + 1, 2)
                                       for x in range(r.left(), r.right() + 1, 2))
        bg = QColor(counts.most_common(1)[0][0])
        # Every colour the picture draws with (the figure, the wall, the floor, the step,
        # the arrows) must stand out from what the picture is drawn on, measured here.
        if view.path is None or view.path.suffix.lower() != ".svg":
            continue
        import re

        declared = set(re.findall(r"#[0-9a-fA-F]{6}\b", view.path.read_text("utf-8")))
        for name in sorted(declared):
            ratio = contrast_ratio(bg, QColor(name))
            if ratio < NON_TEXT:
                failures.append(f"picture {view.path.name}: {name} at {ratio:.2f}:1 on "
                                f"{bg.name()}")
    return failures
