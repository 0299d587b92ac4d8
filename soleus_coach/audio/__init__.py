"""Cue sounds: which file a cue plays, and a non-blocking player. No Qt.

``import soleus_coach.audio`` is cheap: playsound3 (whose import probes for players, 120–150
ms) is imported by the player's worker thread, off the GUI thread and off the first paint.
"""

from soleus_coach.audio.player import CuePlayer, PlayerState, PlayerStatus, sound_for

__all__ = ["CuePlayer", "PlayerState", "PlayerStatus", "sound_for"]
