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
