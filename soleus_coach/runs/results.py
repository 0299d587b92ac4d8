"""What an import did, file by file, and its counts. No Qt.

One :class:`FileResult` per activity read (a file rarely holds several), per activity an
export lists without a file, and per file or archive that could not be read: the command
line prints one line each, the window lists them under the counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath

from soleus_coach.runs.model import Run

#: Between an archive's name and a member's in a result's name.
INSIDE = " › "


class Outcome(StrEnum):
    IMPORTED = "imported"
    NOT_SURE = "not_sure"  # stored, marked for the runner to confirm
    DUPLICATE = "duplicate"  # the same run was stored already (maybe replaced by this one)
    NOT_RUN = "not_run"  # another sport: counted, not an error
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    name: str  # the file's path, or "archive.zip › member"; untrusted text
    outcome: Outcome
    detail: str = ""  # the reason (failed, not sure), the sport (not a run), the replacement
    run: Run | None = None
    notes: tuple[str, ...] = ()  # what was read all the same ("the track was damaged")

    @property
    def short(self) -> str:
        """The name without its folders: the file, or "archive.zip › file"."""
        parts = self.name.split(INSIDE)
        if len(parts) == 1:
            return PurePath(self.name).name or self.name
        return INSIDE.join([PurePath(parts[0]).name, PurePath(parts[-1]).name])


@dataclass(frozen=True, slots=True)
class Summary:
    imported: int = 0
    not_sure: int = 0
    duplicate: int = 0
    not_runs: int = 0
    failed: int = 0

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Summary:
        counts = dict.fromkeys(Outcome, 0)
        for r in results:
            counts[r.outcome] += 1
        return cls(counts[Outcome.IMPORTED], counts[Outcome.NOT_SURE],
                   counts[Outcome.DUPLICATE], counts[Outcome.NOT_RUN], counts[Outcome.FAILED])

    @property
    def total(self) -> int:
        return self.imported + self.not_sure + self.duplicate + self.not_runs + self.failed
