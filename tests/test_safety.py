"""Safety rules: each red flag, the thresholds, the trend rule, the ice cap and the records."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soleus_coach import texts
from soleus_coach.checkin import RED_FLAG_PAIN, CheckIn
from soleus_coach.protocol.model import IceStep, Protocol, Range, RestStep, When
from soleus_coach.protocol.spec import ICE_HARD_MAX_S
from soleus_coach.safety import (
    CHECK_BEFORE_WHEN,
    TREND_HIGH_PAIN,
    HurtChoice,
    ItHurts,
    RedFlag,
    RedFlagChoice,
    RedFlagDecision,
    TrendReason,
    advice_for,
    ice_seconds,
    ices_before_run,
    overtraining_advice,
    pain_trend_advice,
    red_flags,
    should_check_before,
)
from soleus_coach.session.plan import Side

# --- red flags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flagged", "flag"),
    [
        (CheckIn(pain=2, swelling=True), RedFlag.SWELLING),
        (CheckIn(pain=2, bruising=True), RedFlag.BRUISING),
        (CheckIn(pain=2, pain_at_rest=True), RedFlag.PAIN_AT_REST),
        (CheckIn(pain=2, cannot_bear_weight=True), RedFlag.CANNOT_BEAR_WEIGHT),
        (CheckIn(pain=RED_FLAG_PAIN), RedFlag.SEVERE_PAIN),
    ],
)
def test_each_red_flag_is_found_alone(flagged: CheckIn, flag: RedFlag) -> None:
    assert red_flags(flagged) == (flag,)


@pytest.mark.parametrize(
    "calm",
    [
        CheckIn(pain=2),
        CheckIn(pain=0),
        CheckIn(pain=RED_FLAG_PAIN - 1),
        CheckIn(),  # skipped entirely
    ],
)
def test_no_red_flag_without_a_sign(calm: CheckIn) -> None:
    assert red_flags(calm) == ()


def test_pain_threshold_boundary_is_six_versus_seven() -> None:
    assert RED_FLAG_PAIN == 7  # the domain's fixed threshold; change docs/safety.md with it
    assert red_flags(CheckIn(pain=6)) == ()
    assert red_flags(CheckIn(pain=7)) == (RedFlag.SEVERE_PAIN,)
    assert red_flags(CheckIn(pain=10)) == (RedFlag.SEVERE_PAIN,)


def test_quick_flags_count_even_when_pain_is_skipped() -> None:
    assert red_flags(CheckIn(pain=None, pain_at_rest=True)) == (RedFlag.PAIN_AT_REST,)


def test_all_flags_come_in_a_fixed_order() -> None:
    everything = CheckIn(
        pain=9, swelling=True, bruising=True, pain_at_rest=True, cannot_bear_weight=True
    )
    assert red_flags(everything) == tuple(RedFlag)


def test_flag_values_match_checkin_names() -> None:
    """History stores CheckIn.flags names; they must parse as RedFlag values."""
    everything = CheckIn(swelling=True, bruising=True, pain_at_rest=True, cannot_bear_weight=True)
    assert {RedFlag(name) for name in everything.flags} == set(RedFlag) - {RedFlag.SEVERE_PAIN}


# --- advice ----------------------------------------------------------------------------------


def test_advice_defaults_to_not_stretching() -> None:
    advice = advice_for([RedFlag.SWELLING])
    assert advice.default_choice is RedFlagChoice.DONT_STRETCH
    assert advice.label(advice.default_choice) == texts.RED_FLAG_DONT_STRETCH
    assert advice.label(RedFlagChoice.CONTINUE) == texts.RED_FLAG_CONTINUE
    assert advice.continue_label.source == "Continue — I've been checked"
    assert advice.dont_stretch_label.source == "Don't stretch today"
    assert advice.title == texts.RED_FLAG_TITLE
    assert advice.body.source == (
        "These signs can mean a muscle tear or a blood clot. Please see a doctor before "
        "stretching. Stretching can make a tear worse."
    )
    assert advice.emergency == texts.EMERGENCY


def test_advice_gives_one_distinct_reason_per_flag_in_order() -> None:
    advice = advice_for([RedFlag.SEVERE_PAIN, RedFlag.SWELLING, RedFlag.SWELLING])
    assert advice.flags == (RedFlag.SWELLING, RedFlag.SEVERE_PAIN)
    assert advice.reasons == (texts.REASON_SWELLING, texts.REASON_SEVERE_PAIN)
    every = advice_for(RedFlag)
    assert len(set(every.reasons)) == len(RedFlag)


def test_advice_without_flags_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        advice_for([])


def test_severe_pain_reason_names_the_threshold() -> None:
    assert f"{RED_FLAG_PAIN}/10" in advice_for([RedFlag.SEVERE_PAIN]).reasons[0].source


def test_red_flag_decision_detail_round_trips() -> None:
    decision = RedFlagDecision((RedFlag.BRUISING, RedFlag.SEVERE_PAIN), RedFlagChoice.CONTINUE)
    assert RedFlagDecision.KIND == "red_flag"
    assert decision.detail == '{"choice":"continue","flags":["bruising","severe_pain"]}'
    assert RedFlagDecision.from_detail(decision.detail) == decision


@pytest.mark.parametrize(
    "bad", ["", "[]", "{}", '{"choice":"maybe","flags":[]}', '{"choice":"continue","flags":3}']
)
def test_red_flag_decision_rejects_bad_detail(bad: str) -> None:
    with pytest.raises(ValueError):
        RedFlagDecision.from_detail(bad)


# --- check before a routine ------------------------------------------------------------------


def test_check_is_offered_before_post_run_after_a_flagged_session() -> None:
    assert should_check_before(When.POST_RUN, [RedFlag.BRUISING])
    assert should_check_before(When.POST_RUN, CheckIn(pain=8))


def test_check_is_not_offered_without_flags_last_time() -> None:
    assert not should_check_before(When.POST_RUN, [])
    assert not should_check_before(When.POST_RUN, CheckIn(pain=6))
    assert not should_check_before(When.POST_RUN, None)
    assert not should_check_before(When.POST_RUN, iter(()))


@pytest.mark.parametrize("when", list(When))
def test_check_policy_covers_every_routine_kind(when: When) -> None:
    assert when in CHECK_BEFORE_WHEN
    assert should_check_before(when, iter([RedFlag.SWELLING]))


# --- overtraining ----------------------------------------------------------------------------


def test_overtraining_guidance_only_after_a_flagged_session() -> None:
    assert overtraining_advice([]) is None
    guidance = overtraining_advice([RedFlag.PAIN_AT_REST])
    assert guidance is not None
    assert guidance.body == texts.OVERTRAINING_BODY
    assert "too quickly" in guidance.body.source


# --- pain trend ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "reason"),
    [
        ([1, 2, 3], TrendReason.RISING),
        ([0, 0, 1, 2, 3], TrendReason.RISING),
        ([4, 1, 2, 4], TrendReason.RISING),
        ([2, None, 3, None, 4], TrendReason.RISING),  # skipped check-ins neither break nor make it
        ([5, 5], TrendReason.HIGH_AGAIN),
        ([2, 6, 5], TrendReason.HIGH_AGAIN),
        ([9, 8], TrendReason.HIGH_AGAIN),
        ([6, None, 5], TrendReason.HIGH_AGAIN),
        ([4, 5, 6], TrendReason.RISING),  # both rules: rising is reported
    ],
)
def test_trend_suggests_a_therapist(history: list[int | None], reason: TrendReason) -> None:
    advice = pain_trend_advice(history)
    assert advice is not None
    assert advice.reason is reason
    assert advice.body == texts.TREND_BODY
    assert advice.values == tuple(v for v in history if v is not None)[-len(advice.values):]


@pytest.mark.parametrize(
    "history",
    [
        [],
        [None, None, None],
        [3],
        [1, 2],  # only two sessions: not yet a trend
        [3, 3, 3],  # flat
        [4, 4, 4, 4],  # flat below the high mark
        [5, 4, 3],  # falling
        [6, 4, 2],  # falling from high
        [1, 2, 2],  # not strictly rising
        [1, 2, 3, 2],  # was rising, now settling
        [5, 4],  # high once, then below
        [4, 5],  # high only the last time
        [5, None, None, 3],
        [5, 2, 5],  # high, settled, high: not two in a row
    ],
)
def test_trend_stays_quiet_when_pain_settles(history: list[int | None]) -> None:
    assert pain_trend_advice(history) is None


def test_trend_high_mark_is_five_and_adjustable() -> None:
    assert TREND_HIGH_PAIN == 5
    assert pain_trend_advice([4, 4]) is None
    assert pain_trend_advice([4, 4], high=4) is not None


@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), max_size=30))
def test_trend_looks_only_at_the_latest_recorded_values(history: list[int | None]) -> None:
    recorded = [v for v in history if v is not None]
    advice = pain_trend_advice(history)
    rising = len(recorded) >= 3 and recorded[-3] < recorded[-2] < recorded[-1]
    high = len(recorded) >= 2 and min(recorded[-2:]) >= TREND_HIGH_PAIN
    assert (advice is not None) == (rising or high)
    # Earlier values never matter: prefixing settled history changes nothing.
    assert pain_trend_advice([0, 0, 0, *history]) == advice or len(recorded) < 3


# --- ice -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "step_max", "expected"),
    [
        (600.0, 1200.0, 600.0),
        (1200.0, 1200.0, 1200.0),
        (1201.0, None, 1200.0),
        (5000.0, 1200.0, 1200.0),
        (5000.0, 3600.0, 1200.0),  # a step maximum above the cap does not lift it
        (1800.0, 7200.0, 1200.0),
        (900.0, 600.0, 600.0),  # the step maximum is honoured below the cap
        (math.inf, None, 1200.0),
        (-5.0, None, 0.0),
    ],
)
def test_ice_never_exceeds_the_cap(
    requested: float, step_max: float | None, expected: float
) -> None:
    assert ICE_HARD_MAX_S == 1200
    assert ice_seconds(requested, step_max) == expected


def test_ice_nan_is_a_bug() -> None:
    with pytest.raises(ValueError):
        ice_seconds(math.nan)
    with pytest.raises(ValueError):
        ice_seconds(600, math.nan)


@given(
    st.floats(allow_nan=False, min_value=-1e9, max_value=math.inf),
    st.one_of(st.none(), st.floats(allow_nan=False, min_value=0, max_value=math.inf)),
)
def test_ice_cap_holds_for_any_request(requested: float, step_max: float | None) -> None:
    seconds = ice_seconds(requested, step_max)
    assert 0.0 <= seconds <= ICE_HARD_MAX_S
    if step_max is not None:
        assert seconds <= step_max


def _protocol(when: When, *, ice: bool) -> Protocol:
    rest = RestStep(name="Rest", duration_s=60.0, instructions=())
    ice_step = IceStep("Ice", Range(600, 300, 1200), 300.0, ("Ice the calf.",))
    return Protocol("p", "P", "", when, (rest, ice_step) if ice else (rest,))


def test_ice_in_a_pre_run_routine_is_warned_about() -> None:
    assert ices_before_run(_protocol(When.PRE_RUN, ice=True))
    assert not ices_before_run(_protocol(When.PRE_RUN, ice=False))
    assert not ices_before_run(_protocol(When.POST_RUN, ice=True))
    assert not ices_before_run(_protocol(When.ANY, ice=True))


# --- it hurts --------------------------------------------------------------------------------


def test_it_hurts_detail_holds_time_segment_side_and_choice() -> None:
    event = ItHurts(at_s=42.51234, segment="Bent-knee wall stretch", side=Side.LEFT,
                    choice=HurtChoice.STOP)
    assert ItHurts.KIND == "it_hurts"
    assert event.detail == (
        '{"at_s":42.512,"choice":"stop","segment":"Bent-knee wall stretch","side":"left"}'
    )
    back = ItHurts.from_detail(event.detail)
    assert back.choice is HurtChoice.STOP and back.side is Side.LEFT
    assert back.segment == event.segment and back.at_s == pytest.approx(42.512)


def test_it_hurts_without_side_and_with_untrusted_label_round_trips() -> None:
    event = ItHurts(12.0, 'Étirement "<b>mollet</b>"', None, HurtChoice.CONTINUE_GENTLY)
    assert ItHurts.from_detail(event.detail) == event


@pytest.mark.parametrize(
    "bad",
    [
        "nope",
        "[1]",
        '{"at_s":1,"choice":"stop","segment":"x"}',
        '{"at_s":1,"choice":"flee","segment":"x","side":null}',
        '{"at_s":1,"choice":"stop","segment":"x","side":"middle"}',
        '{"at_s":"1","choice":"stop","segment":"x","side":null}',
    ],
)
def test_it_hurts_rejects_bad_detail(bad: str) -> None:
    with pytest.raises(ValueError):
        ItHurts.from_detail(bad)


# --- no Qt -----------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["soleus_coach.safety", "soleus_coach.texts"])
def test_importing_does_not_load_qt(module: str) -> None:
    code = f"import sys, {module}; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
