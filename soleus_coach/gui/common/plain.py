"""Untrusted text on screen: always plain, never wider than the window. One place for it.

Qt guesses rich text wherever it is not told otherwise: a ``QLabel`` in its default
``AutoText`` format, every tooltip, a tray tooltip, a message box's informative text. A
protocol named ``<img src=/dev/zero>`` would then make Qt read that file. So every text that
may hold something from a file goes through this module:

- :class:`PlainLabel` (and :func:`plain_label`): plain text, wrapped, each line isolated
  (bidi), long unbroken runs given break opportunities, and it never asks the window to be
  wider than it is (a 300-character word must not push "Stop" off the screen);
- :func:`tooltip`: a tooltip string that shows the text literally;
- :func:`message_box`: a parented, non-modal, plain-text box (its informative and detailed
  texts too);
- :func:`notification`: escaped text for a desktop notification (which may render markup);
- :func:`plain_layout`: a paragraph for a printed page, laid out as plain text.

``tests/test_hostile_text.py`` walks every surface with hostile strings and fails when one
of them shows markup or grows the window.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QFont, QPaintDevice, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from soleus_coach.untrusted import isolate, isolate_lines, lines, one_line

#: A run of this many characters with no break opportunity gets one (a zero-width space).
MAX_RUN = 16
ZWSP = "\u200b"
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
#: A tooltip shows at most this much of a text (an error list can be long).
TOOLTIP_MAX = 2000
TOOLTIP_LINE = 100
#: The most a label of untrusted text asks of the window's minimum width, in pixels.
MIN_WIDTH = 40


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every :data:`MAX_RUN` characters of an
    unbroken run, so that word wrap can break it."""
    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return ZWSP.join(run[i:i + MAX_RUN] for i in range(0, len(run), MAX_RUN))

    return _LONG_RUN.sub(split, text)


def display(text: str) -> str:
    """How untrusted text is shown: lines isolated, long runs breakable."""
    return breakable(isolate_lines(text))


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: Qt renders any tooltip that looks like
    markup, so the text is escaped into rich text of our own making. Lines are wrapped here
    at :data:`TOOLTIP_LINE` characters (Qt would wrap rich text into a narrow column)."""
    import textwrap

    if len(text) > TOOLTIP_MAX:
        text = text[:TOOLTIP_MAX] + "…"
    wrapped = "\n".join(part for line in lines(text)
                        for part in textwrap.wrap(line, TOOLTIP_LINE, break_on_hyphens=False)
                        or [""])
    body = "<br>".join(html.escape(line, quote=False)
                       for line in isolate_lines(wrapped).split("\n"))
    return f"<p style='white-space:pre'>{body}</p>"


def notification(text: str) -> str:
    """Text for a desktop notification or tray tooltip (their hosts may render markup)."""
    return html.escape(display(text), quote=False)


class PlainLabel(QLabel):
    """A label for text that may come from a file. :meth:`setText` takes the text as it is;
    :meth:`plain_text` gives it back; the label shows :func:`display` of it."""

    def __init__(self, text: str = "", *, word_wrap: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(word_wrap)
        self._plain = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._plain = text
        super().setText(display(text) if self.wordWrap() else isolate_lines(text))

    def plain_text(self) -> str:
        return self._plain

    def minimumSizeHint(self) -> QSize:
        """The window's width is never the text's to decide: the label may be squeezed to
        a few characters (it wraps, or is cut) whatever it holds."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_WIDTH), hint.height())


def plain_label(text: str = "", *, word_wrap: bool = True) -> PlainLabel:
    return PlainLabel(text, word_wrap=word_wrap)


class ElidedLabel(PlainLabel):
    """One line, cut with "…" to the width it has; the whole text in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, word_wrap=False, parent=parent)

    def setText(self, text: str) -> None:
        self._plain = text
        self._elide()

    def _elide(self) -> None:
        shown = isolate_lines(" ".join(self._plain.split()))
        width = max(1, self.contentsRect().width())
        elided = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, elided)
        self.setToolTip(tooltip(self._plain) if elided != shown else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        full = self.fontMetrics().horizontalAdvance(self._plain) + 8
        return QSize(min(full, 600), hint.height())


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                details: str = "", *, name: str = "") -> QMessageBox:
    """A parented, plain-text message box: nothing in it is ever rendered as markup, and
    the informative line (the first line of ``details``) is plain too. Show it with
    ``open()`` (non-modal; the caller connects ``finished``)."""
    # Isolated but not broken up: a box is its own window, and its text (a path, say) is
    # for copying as it is.
    box = QMessageBox(icon, title, isolate_lines(text), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        box.setObjectName(name)
    if details:
        box.setDetailedText(details)  # a QTextEdit filled with setPlainText
        first = details.splitlines()[0] if len(details) < 300 else ""
        if first:
            box.setInformativeText(isolate_lines(first))
            informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
            if informative is not None:
                informative.setTextFormat(Qt.TextFormat.PlainText)
    return box


def question(parent: QWidget, title: str, text: str,
             buttons: QMessageBox.StandardButton,
             default: QMessageBox.StandardButton, *, name: str = "") -> QMessageBox:
    """A plain-text question (non-modal: connect ``finished``, then ``open()``)."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, name=name)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    return box


def plain_layout(text: str, font: QFont, device: QPaintDevice,
                 width: float) -> tuple[QTextLayout, float]:
    """``text`` on one line (bidi-isolated) laid out as plain text for ``device`` (a printer
    or a PDF: :class:`QTextLayout` never reads markup), wrapped to ``width``; the layout and
    its height."""
    layout = QTextLayout(isolate(one_line(text)), font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height
