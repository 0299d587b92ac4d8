"""The cue vocabulary: what the app can tell a runner who is not looking at the screen.

Plain Python. The engine schedules cues, the audio player turns them into sound and the
view into a flash; protocols may name their own sound file for any of them.
"""

from __future__ import annotations

from enum import StrEnum


class Cue(StrEnum):
    GET_READY = "get_ready"
    HOLD_START = "hold_start"
    COUNTDOWN = "countdown"  # one file with the 3-2-1 beeps, so their spacing cannot jitter
    RELAX = "relax"
    SWITCH_LEGS = "switch_legs"
    CAUTION = "caution"  # "Do not stretch to the point of pain", once per stretch
    EXERCISE_START = "exercise_start"
    ICE_ON = "ice_on"
    ICE_SKIN_CHECK = "ice_skin_check"
    ICE_HALFWAY = "ice_halfway"
    ICE_OFF = "ice_off"
    COMPLETE = "complete"
    # Format 2: counted sets, tempo, heat.
    REP = "rep"  # a tick as a rep begins (tones); its number, spoken (variant: the number)
    COUNT = "count"  # a second within a tempo phase: "two", "three" (variant: the number)
    TEMPO_DOWN = "tempo_down"  # "down"
    TEMPO_UP = "tempo_up"  # "up"
    TEMPO_HOLD = "tempo_hold"  # "hold" (a pause held within a rep)
    LAST_REP = "last_rep"
    SET = "set"  # "set two of three" (variant: "2_of_3")
    REST = "rest"  # a rest between sets begins
    HEAT_ON = "heat_on"
    HEAT_OFF = "heat_off"
    # Rounds: a group of steps done several times.
    ROUND = "round"  # "round two of three" (variant: "2_of_3")
    # Spoken only (issue 29): added to a plan when the system voice speaks it
    # (soleus_coach.session.phrases.spoken_plan); tones and recorded words leave them out.
    NEXT = "next"  # "Next: seated calf raise, right leg", near the end of a rest
    TEN_SECONDS = "ten_seconds"  # ten seconds left in a long hold, exercise, ice or heat


#: Seconds before the end of a hold at which the 3-2-1 countdown file starts.
COUNTDOWN_LEAD_S = 3.0

#: Cues that only the system voice says (no tone, no recorded word for them).
SPOKEN_ONLY = frozenset({Cue.NEXT, Cue.TEN_SECONDS})
