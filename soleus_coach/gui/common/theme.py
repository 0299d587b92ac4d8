"""Light/dark palettes on Fusion, and the phase colours of the session view.

``styleHints().colorScheme()`` is Unknown on many desktops (and headless), so the user can
choose System, Light or Dark; System follows the scheme where Qt knows it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from soleus_coach.settings import Theme


def is_dark(theme: Theme) -> bool:
    if theme is Theme.DARK:
        return True
    if theme is Theme.LIGHT:
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


#: Selected rows and chosen buttons: white text on it reads at 5.4:1 (Fusion's own blue,
#: #308cc6, gives 3.7:1, under WCAG's 4.5:1).
HIGHLIGHT = "#2b6cb0"


#: The edge of a check box or a radio button, (light, dark): 3:1 or more against the window
#: (WCAG 2.2's minimum for the parts of a control), where Fusion's own edge is 1.2:1 in the
#: dark palette and 2.2:1 in the light one.
INDICATOR_EDGES = ("#6e6e6e", "#a4aab2")


class _ClearIndicators(QProxyStyle):
    """Fusion, with check boxes and radio buttons whose edge can be seen."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element is QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not radio and element is not QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(INDICATOR_EDGES[palette_is_dark(option.palette)])
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour.setAlpha(110)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.75, 0.75, -0.75, -0.75)
        if radio:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


def apply_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle(_ClearIndicators(QStyleFactory.create("Fusion")))
    if not is_dark(theme):
        light = app.style().standardPalette()
        light.setColor(QPalette.ColorRole.Highlight, QColor(HIGHLIGHT))
        app.setPalette(light)
        return
    p = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(42, 45, 50), QColor(232, 232, 232)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(48, 51, 57),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(52, 56, 62),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Highlight: QColor(HIGHLIGHT),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 170, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 150),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(128, 128, 128))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(128, 128, 128))
    app.setPalette(p)


#: Phase → (background, foreground). Chosen to be told apart at a glance and by people with
#: red-green colour blindness (blue / amber / teal differ in lightness as well as hue).
PHASE_COLOURS = {
    "hold": ("#1f5fa8", "#ffffff"),      # deep blue: work
    "rest": ("#e3a21a", "#1b1b1b"),      # amber: relax
    "position": ("#6b4fa0", "#ffffff"),  # violet: get into position / switch legs
    "exercise": ("#1f5fa8", "#ffffff"),
    "ice": ("#0e7c86", "#ffffff"),       # teal: ice
    "heat": ("#b4471f", "#ffffff"),      # burnt orange: heat
    "paused": ("#5a5f66", "#ffffff"),    # grey: nothing is running
    "done": ("#2e7d32", "#ffffff"),      # green: finished
}


#: Phase → the countdown's colour on the window's background, (light, dark): the phase's hue,
#: dark enough on a light window and light enough on a dark one for WCAG's 4.5:1 (measured on
#: screenshots in tests/test_contrast.py); the band above keeps PHASE_COLOURS.
COUNTDOWN_COLOURS = {
    "hold": ("#1f5fa8", "#8ab4f8"),
    "rest": ("#8a5a00", "#f2c14e"),
    "position": ("#6b4fa0", "#c5b3ef"),
    "exercise": ("#1f5fa8", "#8ab4f8"),
    "ice": ("#0b6770", "#5fd0d9"),
    "paused": ("#5a5f66", "#c8ccd1"),
    "done": ("#256b29", "#7fd483"),
}
#: Warnings (cautions, the emergency line, red-flag titles), (light, dark).
WARNING_COLOURS = ("#b3261e", "#ff8a80")


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def countdown_colour(phase: str, palette: QPalette) -> str:
    light, dark = COUNTDOWN_COLOURS.get(phase, COUNTDOWN_COLOURS["paused"])
    return dark if palette_is_dark(palette) else light


#: The pain line of the charts, (light, dark): 4.5:1 on the window, as its labels are text.
PAIN_LINE_COLOURS = ("#c0392b", "#ff8a80")


def pain_line_colour(palette: QPalette) -> str:
    return PAIN_LINE_COLOURS[palette_is_dark(palette)]


def warning_colour(palette: QPalette) -> str:
    return WARNING_COLOURS[palette_is_dark(palette)]


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
