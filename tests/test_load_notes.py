"""Load notes on synthetic histories: each threshold on both sides, the wording, and that
nothing is said while the pain does not rise."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from soleus_coach import load_notes as ln
from soleus_coach import texts
from soleus_coach.runs import Run, Source, WeekRuns

NOW = datetime(2026, 11, 18, 20, 0, tzinfo=UTC)


def weeks(*km: float, climb_per_km: float | None = None,
          last_climb_per_km: float | None = None) -> list[WeekRuns]:
    out = []
    for i, k in enumerate(km):
        per_km = last_climb_per_km if i == len(km) - 1 and last_climb_per_km is not None \
            else climb_per_km
        climb = 0.0 if per_km is None else per_km * k
        out.append(WeekRuns(date(2026, 10, 19) + timedelta(weeks=i), 3 if k else 0, k * 1000,
                            climb, k * 1000 if per_km is not None else 0.0, k * 400))
    return out


def run(days_ago: float, km: float) -> Run:
    return Run(start=NOW - timedelta(days=days_ago), distance_m=km * 1000, moving_s=km * 330,
               elapsed_s=km * 330, source=Source.FIT, utc_offset_s=0)


def test_weekly_jump_against_the_average_of_the_four_weeks_before() -> None:
    note = ln.weekly_distance_note(weeks(20, 18, 22, 20, 32))
    assert note is not None and note.kind is ln.NoteKind.WEEKLY_DISTANCE
    assert note.text == ("Your weekly distance went from 20.0 km (the average of the four "
                         "weeks before) to 32.0 km this week, and your calf pain rose.")
    assert note.cause is texts.LOAD_WEEKLY_CAUSE
    assert ln.weekly_distance_note(weeks(20, 18, 22, 20, 25.9)) is None  # under 1.3×
    assert ln.weekly_distance_note(weeks(4, 4, 4, 4, 8)) is None  # 2× but only 4 km more
    assert ln.weekly_distance_note(weeks(0, 0, 0, 0, 30)) is None  # nothing to compare with
    assert ln.weekly_distance_note(weeks(20, 20, 40)) is None  # fewer than four weeks before
    assert ln.weekly_distance_note(weeks(0, 0, 20, 20, 26)) is not None  # weeks off count


def test_a_run_much_longer_than_the_longest_of_the_30_days_before() -> None:
    history = [run(40, 30), run(20, 12), run(9, 14), run(2, 21.1)]
    note = ln.long_run_note(history, NOW)
    assert note is not None and "21.1 km" in note.text and "(14.0 km)" in note.text
    assert "2026-11-16" in note.text  # the 30 km run of 40 days ago is out of the window
    assert ln.long_run_note([run(20, 16), run(9, 17), run(2, 18)], NOW) is None  # ≤ 1.07×
    assert ln.long_run_note([run(2, 21.1)], NOW) is None  # no run in the 30 days before
    assert ln.long_run_note([run(40, 10), run(20, 20)], NOW) is None  # not recent


def test_a_jump_in_climb_per_km() -> None:
    note = ln.climb_note(weeks(20, 20, 20, 20, 20, climb_per_km=6, last_climb_per_km=15))
    assert note is not None and "15 m per km" in note.text and "6 m per km" in note.text
    assert "uphill" in texts.translate(note.cause)
    assert ln.climb_note(weeks(20, 20, 20, 20, 20, climb_per_km=6,
                               last_climb_per_km=8.9)) is None
    assert ln.climb_note(weeks(20, 20, 20, 20, 20, climb_per_km=2,
                               last_climb_per_km=5)) is None  # 2.5× but 3 m/km more
    assert ln.climb_note(weeks(20, 20, 20, 20, 20)) is None  # no altitude data


@pytest.mark.parametrize(("pain", "rose"), [
    ([2, 2, 2, None, 3], True), ([2, 2, 2, 3, None], True), ([2, 2, 2, 2, 2.9], False),
    ([None, None, None, None, 5], False), ([4, 4, 3, 2, 1], False), ([], False)])
def test_pain_rose(pain: list[float | None], rose: bool) -> None:
    assert ln.pain_rose(pain) is rose


def test_notes_only_when_pain_rose_and_worded_as_observations() -> None:
    w = weeks(20, 18, 22, 20, 32, climb_per_km=5, last_climb_per_km=14)
    runs = [run(20, 12), run(9, 14), run(2, 21.1)]
    assert ln.load_notes(w, runs, [2, 2, 2, 2, 2], NOW) == []
    notes = ln.load_notes(w, runs, [2, 2, 2, 2, 4], NOW)
    assert [n.kind for n in notes] == list(ln.NoteKind)
    wording = " ".join([*(n.text for n in notes), *(texts.translate(n.cause) for n in notes),
                        texts.translate(texts.LOAD_NOT_DIAGNOSIS)]).lower()
    for word in ("10 %", "10%", "rule", "you have", "injury is", "diagnos"):
        assert word not in wording.replace("not a diagnosis", "")
