"""Sound in the GUI: the cue player behind Qt signals, mute, and the visual fallback.

The player reports from its worker thread; :class:`SoundService` re-emits on the GUI thread
(a queued signal). When sound is off, muted or unavailable, :meth:`cue` returns False and the
caller flashes the countdown instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from soleus_coach.audio import CuePlayer, PlayerState, PlayerStatus, sound_for
from soleus_coach.cues import Cue
from soleus_coach.settings import Settings

if TYPE_CHECKING:
    from soleus_coach.session.engine import CueDue


class SoundService(QObject):
    status_changed = Signal(object)  # PlayerStatus, on the GUI thread
    _from_worker = Signal(object)

    def __init__(self, sounds_dir: Path, settings: Settings,
                 player: CuePlayer | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sounds_dir = sounds_dir
        self._from_worker.connect(self._on_status)
        self.player = player or CuePlayer(sounds_dir)
        self.player.on_status = self._from_worker.emit  # thread-safe: a queued signal
        self.status = self.player.status
        self.settings = settings
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
    def latency_s(self) -> float:
        return self.status.latency_s if self.status.state is PlayerState.READY else 0.0

    def _on_status(self, status: PlayerStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def cue(self, event: CueDue) -> bool:
        """Play the cue; False when it cannot be heard (muted, no sound)."""
        return self.play(event.cue, event.sound, event.variant)

    def play(self, cue: Cue, custom: Path | None = None, variant: str = "") -> bool:
        if self.muted or not self.available:
            return False
        if custom is not None and custom.suffix.lower() not in self.player.formats:
            custom = None  # e.g. an MP3 where only WAV plays: the default sound instead
        self.player.play(sound_for(cue, self.settings.cue_style.value, self.sounds_dir,
                                   custom, variant))
        return True

    def silence(self) -> None:
        self.player.silence()

    def close(self) -> None:
        self.player.close()
