"""A run in words for the command line and the window: its clock times and pace. No Qt.

One definition of what a run's line says, so that the import's line, the list, the detail
and the export agree: the start on the run's own clock (:attr:`Run.local_start`), the
distance, the time on the watch's timer (:attr:`Run.time_s`) and the pace over it.
"""

from __future__ import annotations

from soleus_coach.runs.model import Run


def describe(run: Run) -> str:
    """One line of a run: start, distance, time and pace (the import's line)."""
    return (f"{start_text(run)} {run.distance_m / 1000:.1f} km in {clock(run.time_s)}"
            f" ({pace(run.pace_s_per_km)})")


def start_text(run: Run) -> str:
    """The start on the run's own clock, as the command line shows it."""
    return run.local_start.strftime("%Y-%m-%d %H:%M")


def offset_text(seconds: int) -> str:
    """UTC+01:00, UTC−05:00, UTC+05:45."""
    sign = "+" if seconds >= 0 else "−"
    h, m = divmod(abs(seconds) // 60, 60)
    return f"UTC{sign}{h:02d}:{m:02d}"


def clock(seconds: float) -> str:
    """h:mm:ss, or m:ss under an hour."""
    s = round(seconds)
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def pace(seconds_per_km: float) -> str:
    return f"{clock(seconds_per_km)}/km" if seconds_per_km > 0 else ""
