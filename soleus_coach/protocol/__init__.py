"""Protocols: the JSON format, its validator and the library of routines. No Qt here."""

from soleus_coach.protocol.library import Entry, Library, load_library
from soleus_coach.protocol.loader import ProtocolError, ProtocolInvalid, load_file, parse_bytes
from soleus_coach.protocol.model import (
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Origin,
    Protocol,
    Range,
    RestStep,
    Side,
    Sides,
    Step,
    StrengthStep,
    StretchStep,
    When,
)

__all__ = [
    "Entry", "ExerciseStep", "HeatStep", "IceStep", "InstructionStep", "Library", "Origin",
    "Protocol", "ProtocolError", "ProtocolInvalid", "Range", "RestStep", "Side", "Sides", "Step",
    "StrengthStep", "StretchStep", "When", "load_file", "load_library", "parse_bytes",
]
