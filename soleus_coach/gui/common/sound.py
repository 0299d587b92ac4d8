"""Sound in the GUI: the cue player and the system voice behind Qt signals, mute, and the
visual fallback.

The player and the speech renderer report from their own threads; :class:`SoundService`
re-emits on the GUI thread (queued signals). When sound is off, muted or unavailable,
:meth:`cue` returns False and the caller flashes the countdown instead.

The system voice (Settings → Sound → the system voice): :meth:`prepare` takes a routine's
plan when it starts, adds the cues only a voice says, and has every phrase rendered in the
background, the first before the routine's clock starts (:attr:`ready`); each cue then plays
its phrase's file. A phrase not ready in time, or no voice for the language, plays the
recorded word (or tone) instead; the missing voice is said once, in the status bar.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Hashable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from soleus_coach import paths, texts
from soleus_coach.audio import CuePlayer, PlayerState, PlayerStatus, sound_for
from soleus_coach.audio.player import recorded_language
from soleus_coach.audio.speech import Clip, JobReport, SpeechJob, SpeechRenderer, Voice
from soleus_coach.cues import SPOKEN_ONLY, Cue
from soleus_coach.session.phrases import (
    SpeechOptions,
    build_script,
    sample_line,
    spoken_plan,
)
from soleus_coach.settings import CueStyle, Settings

if TYPE_CHECKING:
    from soleus_coach.session.engine import CueDue
    from soleus_coach.session.plan import Plan

log = logging.getLogger(__name__)

#: The job number of the Test button's sample (routines count up from 1).
SAMPLE = -1
_HINTS = {"darwin": texts.SPEECH_HINT_MACOS, "win32": texts.SPEECH_HINT_WINDOWS}


class SoundService(QObject):
    status_changed = Signal(object)  # PlayerStatus, on the GUI thread; also when ready
    notice = Signal(str)  # something to say once in the status bar (no voice here)
    voices_found = Signal(object)  # list[Voice] of the UI's language
    _from_worker = Signal(object)
    _line_ready = Signal(int, object, object)  # job number, line key, Clip
    _job_done = Signal(int, object)  # job number, JobReport
    _voices_ready = Signal(str, object)  # language, list[Voice]

    def __init__(self, sounds_dir: Path, settings: Settings,
                 player: CuePlayer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sounds_dir = sounds_dir
        self._from_worker.connect(self._on_status)
        self._line_ready.connect(self._on_line)
        self._job_done.connect(self._on_job_done)
        self._voices_ready.connect(self._on_voices)
        self.player = player or CuePlayer(sounds_dir)
        self.player.on_status = self._from_worker.emit  # thread-safe: a queued signal
        self.status = self.player.status
        self.settings = settings
        #: The speech renderer, made when first needed (tests put in their own).
        self.speech: SpeechRenderer | None = None
        self._job = 0  # the routine (or sample) being rendered; older reports are ignored
        self._pending: SpeechJob | None = None  # waits for the player's probe
        self._phrases: dict[Hashable, Clip] = {}
        self._speaking = False  # the system voice speaks the routine being prepared
        self._waiting_first = False  # its first phrase is not ready yet
        self._said_no_voice = False
        self._first_cue_logged = False
        self._voices: dict[str, list[Voice]] = {}
        #: The last routine's rendering, for the log and the tests.
        self.report: JobReport | None = None
        self.apply(settings)

    def start(self) -> None:
        self.player.start()

    def apply(self, settings: Settings) -> None:
        self.settings = settings
        self.player.volume = settings.volume / 100

    @property
    def muted(self) -> bool:
        return not self.settings.sound_on

    @property
    def available(self) -> bool:
        return self.status.state is not PlayerState.UNAVAILABLE

    @property
    def ready(self) -> bool:
        """The player has answered and the routine's first phrase is rendered (or will not
        be): the routine's clock may start."""
        return self.status.state is not PlayerState.STARTING and not self._waiting_first

    @property
    def speaking(self) -> bool:
        """The system voice speaks the routine prepared last."""
        return self._speaking

    @property
    def latency_s(self) -> float:
        return self.status.latency_s if self.status.state is PlayerState.READY else 0.0

    def _on_status(self, status: PlayerStatus) -> None:
        self.status = status
        if status.state is not PlayerState.STARTING:
            self._render_pending()
        self.status_changed.emit(status)

    def _speech(self) -> SpeechRenderer:
        if self.speech is None:
            self.speech = SpeechRenderer(paths.speech_cache_dir())
        return self.speech

    # ----------------------------------------------------------------- the system voice

    def prepare(self, plan: Plan) -> Plan:
        """A routine is about to start: with the system voice, ``plan`` with the cues only a
        voice says, and its phrases rendering in the background; otherwise ``plan``."""
        self._job += 1
        self._pending = None
        self._phrases = {}
        self._first_cue_logged = False
        self._speaking = self._waiting_first = False
        if self.settings.cue_style is not CueStyle.VOICE:
            if self.speech is not None:
                self.speech.cancel()
            return plan
        options = SpeechOptions.from_settings(self.settings)
        plan = spoken_plan(plan, options)
        script = build_script(plan, options, texts.language())
        self._speaking = True
        self._waiting_first = bool(script.lines) and not self.muted
        self._pending = SpeechJob(script.language, script.lines, self.settings.voice,
                                  self.settings.speech_rate)
        if self.status.state is not PlayerState.STARTING:
            self._render_pending()
        # else: once the player has measured its start latency, on a quiet machine
        return plan

    def _render_pending(self) -> None:
        spec, self._pending = self._pending, None
        if spec is None:
            return
        if not self.available:  # nothing will be heard: nothing to render
            self._speaking = False
            self._first_ready()
            return
        job = self._job
        self._speech().render(spec,
                              on_line=lambda key, clip: self._line_ready.emit(job, key, clip),
                              on_done=lambda report: self._job_done.emit(job, report))

    def _on_line(self, job: int, key: Hashable, clip: Clip) -> None:
        if job == SAMPLE:
            self.player.play(clip.path)
        elif job == self._job:
            self._phrases[key] = clip
            self._first_ready()

    def _first_ready(self) -> None:
        if self._waiting_first:
            self._waiting_first = False
            self.status_changed.emit(self.status)  # the flow may start the clock now

    def _on_job_done(self, job: int, report: JobReport) -> None:
        if job == SAMPLE and (report.voice is None or report.error):
            self._said_no_voice = False  # asked for: said again
            self._say_no_voice(report)
            if not report.lines:  # what plays instead
                self.player.play(sound_for(Cue.HOLD_START, CueStyle.SPOKEN.value,
                                           self.sounds_dir, language=texts.language()))
        if job != self._job:
            return
        self.report = report
        log.info("speech: %d phrases (%d parts rendered, %d from the cache) in %.2f s, the "
                 "first after %.2f s; voice %s%s", report.lines, report.rendered,
                 report.cached, report.seconds, report.first_s,
                 report.voice.id if report.voice else "none",
                 f"; {report.error}" if report.error else "")
        if report.voice is None or (report.lines == 0 and report.error):
            self._speaking = False
            self._say_no_voice(report)
        self._first_ready()

    def _say_no_voice(self, report: JobReport) -> None:
        if self._said_no_voice:
            return
        self._said_no_voice = True
        hint = texts.translate(_HINTS.get(sys.platform, texts.SPEECH_HINT_LINUX))
        if report.voice is not None:
            text = texts.fill(texts.SPEECH_FAILED, report.error)
        elif recorded_language(self.sounds_dir, texts.language()):
            text = texts.fill(texts.SPEECH_NO_VOICE, hint)
        else:
            text = texts.fill(texts.SPEECH_NO_VOICE_TONES, hint)
        self.notice.emit(text)

    def voices(self) -> list[Voice] | None:
        """The installed voices for the UI's language; None while they are looked up
        (:attr:`voices_found` brings them)."""
        language = texts.language()
        if language in self._voices:
            return self._voices[language]
        self._speech().find_voices(language, lambda found: self._voices_ready.emit(
            language, found))
        return None

    def _on_voices(self, language: str, found: list[Voice]) -> None:
        self._voices[language] = found
        if language == texts.language():
            self.voices_found.emit(found)

    def test(self, settings: Settings) -> bool:
        """Play a sample as ``settings`` would (Settings → Sound → Test), even when muted;
        with the system voice, a step's start and hold rendered first. False when nothing
        can be heard."""
        if not self.available:
            return False
        current = self.settings
        self.apply(replace(settings, sound_on=True))
        try:
            if settings.cue_style is not CueStyle.VOICE:
                return self.play(Cue.HOLD_START)
            self.player.start()
            line = sample_line(SpeechOptions.from_settings(settings))
            self._speech().render(
                SpeechJob(texts.language(), (line,), settings.voice, settings.speech_rate),
                on_line=lambda _key, clip: self._line_ready.emit(SAMPLE, "sample", clip),
                on_done=lambda report: self._job_done.emit(SAMPLE, report), cancel=False)
            return True
        finally:
            self.apply(current)

    # ----------------------------------------------------------------- cues

    def cue(self, event: CueDue) -> bool:
        """Play the cue; False when it cannot be heard (muted, no sound)."""
        if self.muted or not self.available:
            return False
        if not self._first_cue_logged:  # the session clock's start, for the sound tests
            self._first_cue_logged = True
            log.info("sound: first cue %s due at %.6f on the session clock", event.cue.value,
                     event.due_at)
        custom = self._playable(event.sound)
        if custom is None and self._speaking:
            clip = self._phrases.get((event.segment.index, event.cue.value, event.variant))
            if clip is not None:
                log.debug("cue %s %s due %.6f: %s", event.cue.value, event.variant,
                          event.due_at, clip.path.name)
                self.player.play(clip.path)
                return True
            if event.cue in (Cue.REP, Cue.COUNT) and not self.settings.speak_counts:
                self.player.play(sound_for(event.cue, CueStyle.TONES.value, self.sounds_dir))
                return True
        if event.cue in SPOKEN_ONLY and custom is None:
            return True  # only a voice says it: nothing to play, and nothing missed
        return self.play(event.cue, custom, event.variant)

    def _playable(self, custom: Path | None) -> Path | None:
        if custom is not None and custom.suffix.lower() not in self.player.formats:
            return None  # e.g. an MP3 where only WAV plays: the default sound instead
        return custom

    def play(self, cue: Cue, custom: Path | None = None, variant: str = "") -> bool:
        if self.muted or not self.available:
            return False
        style = self.settings.cue_style
        if style is CueStyle.VOICE:  # a phrase not ready, or no voice: the recorded word
            style = CueStyle.SPOKEN
        self.player.play(sound_for(cue, style.value, self.sounds_dir, self._playable(custom),
                                   variant, texts.language()))
        return True

    def silence(self) -> None:
        self.player.silence()

    def close(self) -> None:
        self.player.close()
        if self.speech is not None:
            self.speech.close()
