"""A pain check-in, before or after a session. Plain data shared by history and safety."""

from __future__ import annotations

from dataclasses import dataclass

#: Pain at or above this (0–10) is a red flag.
RED_FLAG_PAIN = 7


@dataclass(frozen=True, slots=True)
class CheckIn:
    pain: int | None = None  # 0–10; None when skipped
    swelling: bool = False
    bruising: bool = False
    pain_at_rest: bool = False
    cannot_bear_weight: bool = False

    def __post_init__(self) -> None:
        if self.pain is not None and not 0 <= self.pain <= 10:
            raise ValueError(f"pain must be 0–10, got {self.pain}")

    @property
    def flags(self) -> tuple[str, ...]:
        """Names of the quick flags that are set, in a fixed order."""
        names = ("swelling", "bruising", "pain_at_rest", "cannot_bear_weight")
        return tuple(n for n in names if getattr(self, n))

    @property
    def skipped(self) -> bool:
        return self.pain is None and not self.flags
