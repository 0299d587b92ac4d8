"""The session page: what a runner reads from a wall two metres away.

It only shows what it is told (:class:`SegmentText` values and remaining times) and exposes
its buttons; the controller decides everything. Text from protocols is plain text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from soleus_coach import texts
from soleus_coach.gui.common.announce import announce
from soleus_coach.gui.common.illustration import IllustrationView
from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.gui.common.theme import PHASE_COLOURS, countdown_colour, warning_colour
from soleus_coach.gui.common.wrap import WrapLayout
from soleus_coach.session.present import Progress, SegmentText
from soleus_coach.texts import fill_in


def format_clock(seconds: float) -> str:
    """Whole seconds, rounded up: a countdown shows 0:01 until the last moment."""
    s = max(0, math.ceil(seconds - 1e-9))
    if s >= 3600:
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"{s // 60}:{s % 60:02d}"


def _label(name: str, *, wrap: bool = True) -> PlainLabel:
    """Text from the protocol: plain, wrapped, never widening the window."""
    label = PlainLabel(word_wrap=wrap)
    label.setObjectName(name)
    return label


class _Countdown(QLabel):
    """The remaining time, as large as the space allows (read from two metres away).

    A proportional sans-serif with tabular figures: every digit is as wide as every other,
    so the time does not jiggle as it counts, and the zero is a plain oval (a monospace
    font's dotted or slashed zero reads as an 8 or a ø from across a room).
    """

    SAMPLE = "00:00"  # the widest text it shows below an hour

    def __init__(self) -> None:
        super().__init__("0:00")
        self.setObjectName("countdown")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._speak("0:00")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 80))
        font = QFont(self.font())
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setFeature(QFont.Tag("tnum"), 1)
        self.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size())

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        grew = len(text) != len(self.text())  # 9:59 -> 10:00, or past an hour
        super().setText(text)
        self._speak(text)
        if grew:
            self._fit(self.size())

    def _speak(self, text: str) -> None:
        """Its value in its accessible name: a screen reader reads "Time remaining: 0:25",
        and Qt tells it each time the name changes."""
        self.setAccessibleName(fill_in(self.tr("Time remaining: %1"), text))

    def _fit(self, size: QSize) -> None:
        """The largest pixel size at which the text fits the label (measured, not guessed:
        the font is proportional)."""
        font = QFont(self.font())
        font.setPixelSize(100)
        sample = self.SAMPLE if len(self.text()) <= len(self.SAMPLE) else "0:00:00"
        width = max(1, QFontMetrics(font).horizontalAdvance(sample))
        px = int(min(size.height() * 0.8, 100 * size.width() * 0.92 / width))
        font.setPixelSize(max(24, px))
        self.setFont(font)


def _restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it changes: each one costs a re-polish of the widget
    (milliseconds, between a step's start and its first cue)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class SessionPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPage")
        self.band = QFrame()
        self.band.setObjectName("phaseBand")
        self.band.setAutoFillBackground(True)
        self.title = _label("stepTitle")
        self.side = _label("sideText")
        self.rep = _label("repText", wrap=False)
        self.round = _label("roundText", wrap=False)  # "Round 2 of 3" in a group of rounds
        self.round.hide()
        for widget, scale in ((self.title, 1.7), (self.side, 2.6), (self.rep, 2.0),
                              (self.round, 2.0)):
            font = widget.font()
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(widget is not self.rep)
            widget.setFont(font)
        band_layout = QVBoxLayout(self.band)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.rep, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        band_layout.addLayout(head)
        band_layout.addWidget(self.round)
        band_layout.addWidget(self.side)

        self.countdown = _Countdown()
        self.illustration = IllustrationView()
        self.illustration.show_file(None)
        middle = QHBoxLayout()
        middle.addWidget(self.countdown, 3)
        middle.addWidget(self.illustration, 2)

        self.instructions = _label("instructions")
        font = self.instructions.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.instructions.setFont(font)
        self.notes = _label("notes")  # not numbered: what starts, and ice safety
        self.notes.setFont(font)
        self.caution = _label("caution")
        font = self.caution.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.caution.setFont(font)
        # The author's own caution: beside the app's, never spliced into it.
        self.author_caution = _label("authorCaution")
        font = self.author_caution.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.author_caution.setFont(font)
        # A counted set: the part of the rep ("DOWN · 2"), or what to press, in large type.
        self.tempo = _label("tempoPhase")
        self.tempo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.tempo.font()
        font.setPointSizeF(font.pointSizeF() * 3.0)
        font.setBold(True)
        self.tempo.setFont(font)
        self.tempo.hide()
        self.next = _label("nextText")
        font = self.next.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.next.setFont(font)
        self.status = _label("statusText")  # paused / sound unavailable / resumed from sleep

        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName(self.tr("Progress through the routine"))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.total = _label("totalRemaining", wrap=False)

        # Tooltips and accessible names come from the actions table (gui/common/actions.py).
        self._keys: dict[QPushButton, str] = {}  # the key each button's action has
        self.back_button = self._button("backButton", self.tr("Back"))
        self.pause_button = self._button("pauseButton", self.tr("Pause"))
        self.skip_button = self._button("skipButton", self.tr("Skip"))
        self.shorter_button = self._button("shorterButton", self.tr("− 5 s"))
        self.longer_button = self._button("longerButton", self.tr("+ 5 s"))
        self.hold_range = _label("holdRange", wrap=False)  # "20–40 s": what ± can reach
        self.hurts_button = self._button("hurtsButton", texts.translate(texts.IT_HURTS_ACTION))
        self.stop_button = self._button("stopButton", self.tr("Stop"))
        # On a narrow window the buttons take two lines, never cut: "It hurts" and "Stop"
        # keep the right edge.
        controls = WrapLayout(last_right=True)
        controls.add(self.back_button, self.pause_button, self.skip_button)
        controls.add(self.shorter_button, self.hold_range, self.longer_button)
        controls.add(self.hurts_button, self.stop_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.total)

        layout = QVBoxLayout(self)
        layout.addWidget(self.band)
        layout.addLayout(middle, 1)
        layout.addWidget(self.tempo)
        layout.addWidget(self.notes)
        layout.addWidget(self.instructions)
        layout.addWidget(self.caution)
        layout.addWidget(self.author_caution)
        layout.addWidget(self.next)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        layout.addLayout(controls)
        self._phase = ""
        self._text_px = 0
        self.counted = False
        self.set_phase("position")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scale_text(event.size().height())

    def scale_text(self, height: int) -> None:
        """The reading text grows with the window: at least 20 px on a 1280×800 screen (read
        from the floor at two metres), never under 15 px on a small one."""
        px = max(15, min(30, round(height / 34)))
        if px == self._text_px:
            return
        self._text_px = px
        for label, factor, bold in ((self.instructions, 1.0, False), (self.notes, 1.0, False),
                                    (self.caution, 1.05, True),
                                    (self.author_caution, 1.0, False)):
            font = label.font()
            font.setPixelSize(round(px * factor))
            font.setBold(bold)
            label.setFont(font)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        # Reached by Tab (a screen reader's way round); its key still works wherever the
        # focus is, as the session's keys are the window's shortcuts.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setMinimumHeight(36)
        return button

    def show_key(self, button: QPushButton, key: str) -> None:
        """Write ``key`` on ``button`` ("Pause · Space"): readable from across the room."""
        self._keys[button] = key
        self._label(button, button.text())

    def _label(self, button: QPushButton, text: str) -> None:
        key = self._keys.get(button)
        button.setText(f"{text} · {key}" if key else text)

    # ----------------------------------------------------------------- updates

    def show_segment(self, view: SegmentText) -> None:
        announce(self, ", ".join(t for t in (view.title, view.side_text, view.rep_text) if t))
        self.title.setText(view.title)
        self.side.setText(view.side_text)
        self.side.setVisible(bool(view.side_text))
        self.rep.setText(view.rep_text)
        self.round.setText(view.round_text)
        self.round.setVisible(bool(view.round_text))
        self.instructions.setText("\n".join(f"{i}. {line}"
                                            for i, line in enumerate(view.instructions, 1)))
        self.instructions.setVisible(bool(view.instructions))
        self.notes.setText("\n".join(view.notes))
        self.notes.setVisible(bool(view.notes))
        self.caution.setText(view.caution)
        self.caution.setVisible(bool(view.caution))
        self.author_caution.setText(view.author_caution)
        self.author_caution.setVisible(bool(view.author_caution))
        self.counted = view.counted
        self.tempo.setText(view.hint)
        self.tempo.setVisible(view.counted)
        self.next.setText(view.next_text)
        if view.illustration != self.illustration.path:
            self.illustration.show_file(view.illustration)
        self.set_phase(view.phase)

    def show_hold_range(self, limits: tuple[float, float] | None, now_s: float) -> None:
        """The hold's range (None: not a hold the runner may change: no buttons for it),
        and which way it can still go from ``now_s``."""
        for widget in (self.shorter_button, self.hold_range, self.longer_button):
            widget.setVisible(limits is not None)
        if limits is None:
            return
        low, high = limits
        self.hold_range.setText(fill_in(self.tr("%1–%2 s"), f"{low:g}", f"{high:g}"))
        self.hold_range.setAccessibleName(fill_in(
            self.tr("This hold may be %1 to %2 seconds; it is %3 now"), f"{low:g}",
            f"{high:g}", f"{now_s:g}"))
        self.shorter_button.setEnabled(now_s > low)
        self.longer_button.setEnabled(now_s < high)

    def show_progress(self, progress: Progress, unit: str = "", hint: str = "") -> None:
        """A counted set: "Set 2 of 3 · Rep 7 of 15" in the band, the rep in the big display,
        the part of the rep (or what to press) below it."""
        self.countdown.setText(progress.big)
        self.rep.setText(f"{unit} · {progress.rep_text}" if unit else progress.rep_text)
        self.tempo.setText(progress.phase_text or hint)

    def show_remaining(self, segment_s: float, total_s: float, fraction_done: float) -> None:
        if not self.counted:
            self.countdown.setText(format_clock(segment_s))
        self.total.setText(fill_in(self.tr("%1 left"), format_clock(total_s)))
        self.progress.setValue(round(1000 * min(1.0, max(0.0, fraction_done))))

    def show_paused(self, paused: bool) -> None:
        self._label(self.pause_button, self.tr("Resume") if paused else self.tr("Pause"))
        self.set_phase("paused" if paused else self._phase_before_pause)
        self.status.setText(self.tr("Paused — press Space to resume") if paused else "")

    def set_phase(self, phase: str) -> None:
        if phase != "paused":
            self._phase_before_pause = phase
        self._phase = phase
        bg, fg = PHASE_COLOURS[phase]
        # Colours only: no text from protocols ever reaches a style sheet.
        _restyle(self.band, f"#phaseBand {{ background: {bg}; border-radius: 8px; }}"
                            f"#phaseBand QLabel {{ color: {fg}; }}")
        self._colour_text()

    def _colour_text(self) -> None:
        """The countdown in its phase's hue and the caution in red, each at a shade that
        reads on this theme's background."""
        palette = self.palette()
        _restyle(self.countdown, f"color: {countdown_colour(self._phase, palette)};")
        _restyle(self.caution, f"color: {warning_colour(palette)};")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colour_text()

    @property
    def phase(self) -> str:
        return self._phase

    def flash(self, on: bool) -> None:
        """Visual cue when sound is off or unavailable: invert the countdown briefly."""
        bg, fg = PHASE_COLOURS[self._phase]
        if on:
            self.countdown.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 12px;")
        else:
            self._colour_text()
