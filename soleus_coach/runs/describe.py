"""A run in words for the command line and the window: its clock times and pace. No Qt."""

from __future__ import annotations

from soleus_coach.runs.model import Run


def describe(run: Run) -> str:
    """One line of a run: start, distance and time (the import's line)."""
    return (f"{run.local_start.strftime('%Y-%m-%d %H:%M')} {run.distance_m / 1000:.1f} km "
            f"in {clock(run.elapsed_s)}")


def clock(seconds: float) -> str:
    """h:mm:ss, or m:ss under an hour."""
    s = round(seconds)
    h, rest = divmod(s, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


def pace(seconds_per_km: float) -> str:
    return f"{clock(seconds_per_km)}/km" if seconds_per_km > 0 else ""
