"""Runs from GPS files (GPX, TCX, FIT, and whole Strava and Garmin exports) and by hand:
reading, judging, checks, import. No Qt.

The parsing libraries (defusedxml, fitdecode) are imported when a file is first read, never
at start-up: importing this package costs only its own small modules.
"""

from soleus_coach.runs.model import (
    Run,
    RunProblem,
    Shoe,
    Source,
    Surface,
    WeekRuns,
    check_run,
    content_hash,
)

__all__ = ["Run", "RunProblem", "Shoe", "Source", "Surface", "WeekRuns", "check_run",
           "content_hash"]
