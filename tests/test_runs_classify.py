"""A file that names no sport, judged by its own figures: pace first, then cadence and the
fastest tenth of the time where the file has them. Each verdict with its reason in words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soleus_coach.runs.classify import Verdict, judge
from soleus_coach.runs.sports import Sport, name_of, sport_of_word

RUN, NOT_SURE, NOT_RUN = Verdict.RUN, Verdict.NOT_SURE, Verdict.NOT_RUN


def kmh(speed: float, **kw: float | None) -> Verdict:
    """The verdict on an hour at ``speed`` km/h."""
    return judge(speed * 1000, 3600, **kw).verdict  # type: ignore[arg-type]


@pytest.mark.parametrize(("speed", "extra", "verdict"), [
    (2.7, {}, NOT_RUN),  # the swim: 22:06/km
    (4.0, {}, NOT_RUN),  # a walk
    (4.0, {"cadence": 170}, NOT_SURE),  # a runner's steps on a steep climb?
    (5.5, {}, NOT_SURE),  # a brisk walk or a slow jog
    (5.5, {"cadence": 120}, NOT_RUN),  # a walker's steps
    (5.5, {"cadence": 60}, NOT_RUN),  # a walker's strides (Garmin counts strides)
    (5.5, {"cadence": 160}, RUN),  # a slow runner's steps
    (6.5, {}, RUN),
    (10.0, {}, RUN),
    (10.0, {"cadence": 85}, RUN),  # a runner's strides (or a cyclist's pedalling: pace says)
    (10.0, {"cadence": 118}, NOT_SURE),  # a walker's steps at a runner's speed
    (10.0, {"fast_kmh": 25.0}, NOT_SURE),  # fast stretches: a ride with stops?
    (10.0, {"fast_kmh": 31.0}, NOT_RUN),  # no one runs at 31 km/h for a tenth of the time
    (16.0, {}, RUN),
    (18.0, {}, NOT_SURE),  # a fast run, or an easy ride
    (18.0, {"cadence": 180}, RUN),
    (21.0, {}, NOT_RUN),  # a ride
])
def test_the_verdicts(speed: float, extra: dict[str, float], verdict: Verdict) -> None:
    assert kmh(speed, **extra) is verdict


def test_the_reasons_are_words_with_the_figures() -> None:
    assert str(judge(2500, 3315).why) == (
        "a pace of 22:06/km is slower than running: a walk or a swim")
    assert str(judge(5000, 3300).why) == (
        "the file names no sport, and a pace of 11:00/km could be a walk")
    assert str(judge(18_000, 3600).why) == "the file names no sport, and 18.0 km/h could be a ride"
    assert str(judge(25_000, 3600).why) == "25.0 km/h is faster than running: a ride or a drive"
    assert str(judge(5500, 3600, cadence=58).why) == (
        "a pace of 10:55/km at 116 steps a minute: a walk")
    assert judge(10_000, 3600).why is None


@given(st.floats(0.5, 40), st.one_of(st.none(), st.floats(30, 220)),
       st.one_of(st.none(), st.floats(0, 60)))
def test_every_judgement_that_is_not_a_run_says_why(speed: float, cadence: float | None,
                                                    fast: float | None) -> None:
    judged = judge(speed * 1000, 3600, cadence=cadence, fast_kmh=fast)
    assert (judged.why is None) == (judged.verdict is RUN)


@pytest.mark.parametrize(("word", "sport"), [
    ("Run", Sport.RUNNING), ("trail-running", Sport.RUNNING), ("TREADMILL_RUNNING",
                                                              Sport.RUNNING),
    ("Virtual Run", Sport.RUNNING), ("Ride", Sport.CYCLING), ("E-Bike Ride", Sport.CYCLING),
    ("Swim", Sport.SWIMMING), ("walking", Sport.WALKING), ("Hike", Sport.HIKING),
    ("fitness_equipment", Sport.FITNESS), ("17", None), ("1", None), ("Other", None),
    ("generic", None), ("", None),
])
def test_words_for_sports(word: str, sport: Sport | None) -> None:
    assert sport_of_word(word) is sport


def test_sports_are_named_in_words_never_codes() -> None:
    assert name_of(Sport.CYCLING) == "cycling"
    assert name_of(Sport.OTHER, "Curling") == "another sport (named “Curling” in the export)"
    assert name_of("17") == "another sport"
