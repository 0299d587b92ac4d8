"""Light/dark palettes on Fusion, and the phase colours of the session view.

``styleHints().colorScheme()`` is Unknown on many desktops (and headless), so the user can
choose System, Light or Dark; System follows the scheme where Qt knows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from soleus_coach.settings import Theme


def is_dark(theme: Theme) -> bool:
    if theme is Theme.DARK:
        return True
    if theme is Theme.LIGHT:
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    if not is_dark(theme):
        app.setPalette(app.style().standardPalette())
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
        QPalette.ColorRole.Highlight: QColor(64, 132, 214),
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
