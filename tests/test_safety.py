"""Safety rules: each red flag, the thresholds, the trend rule, the ice cap and the records."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from soleus_coach import texts
from soleus_coach.checkin import RED_FLAG_PAIN, CheckIn
from soleus_coach.protocol.model import (
    IceStep,
    InstructionStep,
    Protocol,
    Range,
    RestStep,
    Sides,
    StretchStep,
    When,
)
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
    before_routine,
    caution_for,
    guidance_after,
    hurt_advice,
    ice_again_soon,
    ice_seconds,
    ices_before_run,
    needs_leg_question,
    overtraining_advice,
    pain_trend_advice,
    red_flags,
    should_check_before,
)
from soleus_coach.session.plan import Side
from soleus_coach.settings import Leg

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
        [2, 2, 3],  # the same twice, then up: not three rises
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


@pytest.mark.parametrize(("bad", "why"), [
    ("nope", "not JSON"),
    ("[1]", "not a JSON object"),
    ('{"at_s":1,"choice":"stop","segment":"x"}', "not an it-hurts record"),
    ('{"at_s":"1","choice":"stop","segment":"x","side":null}', "not an it-hurts record"),
])
def test_a_damaged_it_hurts_record_is_quoted_in_the_error(bad: str, why: str) -> None:
    """The history's reader logs the error: it must say what was wrong, and with what."""
    with pytest.raises(ValueError, match=f"^{why}: {re.escape(repr(bad))}$"):
        ItHurts.from_detail(bad)


def test_a_damaged_red_flag_record_is_quoted_in_the_error() -> None:
    bad = '{"choice":"continue","flags":3}'
    with pytest.raises(ValueError, match=f"^not a red-flag decision: {re.escape(repr(bad))}$"):
        RedFlagDecision.from_detail(bad)


# --- "it hurts": what it says and offers, by the kind of step ---------------------------------


@pytest.mark.parametrize(("kind", "ice_ahead", "body", "choices"), [
    ("stretch", False, texts.IT_HURTS_BODY,
     [(HurtChoice.STOP, texts.IT_HURTS_STOP),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE)]),
    ("stretch", True, texts.IT_HURTS_BODY,
     [(HurtChoice.TO_ICE, texts.IT_HURTS_TO_ICE), (HurtChoice.STOP, texts.IT_HURTS_STOP_ALL),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE)]),
    ("strength", True, texts.IT_HURTS_STRENGTH,
     [(HurtChoice.TO_ICE, texts.IT_HURTS_TO_ICE), (HurtChoice.STOP, texts.IT_HURTS_STOP_ALL),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE_STRENGTH)]),
    ("exercise", False, texts.IT_HURTS_EXERCISE,
     [(HurtChoice.STOP, texts.IT_HURTS_STOP),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE_EXERCISE)]),
    # On the ice itself there is no "go on to the ice": stop, or carry on resting.
    ("ice", True, texts.IT_HURTS_ICE,
     [(HurtChoice.STOP, texts.IT_HURTS_STOP),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE_REST)]),
    ("heat", False, texts.IT_HURTS_HEAT,
     [(HurtChoice.STOP, texts.IT_HURTS_STOP),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE_REST)]),
    ("rest", False, texts.IT_HURTS_OTHER,  # anything else: general words
     [(HurtChoice.STOP, texts.IT_HURTS_STOP),
      (HurtChoice.CONTINUE_GENTLY, texts.IT_HURTS_CONTINUE_REST)]),
])
def test_it_hurts_stops_first_and_says_what_fits_the_step(
        kind: str, ice_ahead: bool, body: texts.Text,
        choices: list[tuple[HurtChoice, texts.Text]]) -> None:
    advice = hurt_advice(kind, ice_ahead=ice_ahead)
    assert advice.body == body
    assert list(advice.choices) == choices
    assert advice.default is choices[0][0]  # Enter, Esc and closing mean the first


# --- after a session: what the finish page advises, in order ---------------------------------


def test_after_a_session_red_flags_come_first_then_build_up_then_the_trend() -> None:
    after = CheckIn(pain=9, bruising=True)
    advice = guidance_after(CheckIn(pain=2), after, [5, 6])
    assert [a.title for a in advice] == [texts.RED_FLAG_AFTER_TITLE, texts.OVERTRAINING_TITLE,
                                         texts.TREND_TITLE]
    flags = advice[0]
    assert flags.body == texts.RED_FLAG_BODY and flags.footer == texts.EMERGENCY
    assert flags.reasons == (texts.REASON_BRUISING, texts.REASON_SEVERE_PAIN)
    assert flags.event == ("red_flag_after", '{"flags":["bruising","severe_pain"]}')
    assert advice[1].body == texts.OVERTRAINING_BODY and advice[1].event is None
    assert advice[2].body == texts.TREND_BODY and advice[2].event is None


def test_after_a_session_flags_before_it_advise_building_up_only() -> None:
    advice = guidance_after(CheckIn(pain=2, swelling=True), CheckIn(pain=1), [1])
    assert [(a.title, a.body, a.reasons, a.footer, a.event) for a in advice] == [
        (texts.OVERTRAINING_TITLE, texts.OVERTRAINING_BODY, (), None, None)]


@pytest.mark.parametrize(("before", "after", "recent"), [
    (None, None, []),
    (CheckIn(pain=2), CheckIn(pain=2), [2, 2, 2]),
    (None, CheckIn(), [None]),  # skipped check-ins say nothing
])
def test_after_a_calm_session_there_is_nothing_to_advise(
        before: CheckIn | None, after: CheckIn | None, recent: list[int | None]) -> None:
    assert guidance_after(before, after, recent) == []


def test_after_a_session_the_trend_alone_suggests_a_therapist() -> None:
    assert [a.title for a in guidance_after(None, CheckIn(pain=4), [2, 3, 4])] == [
        texts.TREND_TITLE]


# --- before a routine -------------------------------------------------------------------------


def _stretch(sides: Sides) -> StretchStep:
    return StretchStep("Stretch", Range.fixed(30), Range.fixed(2), 10, sides, 10, ("Lean.",))


@pytest.mark.parametrize(("sides", "leg", "asks"), [
    (Sides.INJURED_FIRST, Leg.NONE, True),  # never a side picked silently
    (Sides.INJURED_FIRST, Leg.NOT_SURE, True),
    (Sides.INJURED_FIRST, Leg.RIGHT, False),
    (Sides.INJURED_FIRST, Leg.BOTH, False),
    (Sides.BOTH, Leg.NONE, False),
    (Sides.LEFT, Leg.NONE, False),
    (Sides.NONE, Leg.NONE, False),
])
def test_which_calf_is_asked_only_when_a_step_needs_it(sides: Sides, leg: Leg,
                                                       asks: bool) -> None:
    message = InstructionStep("Read", 5, ("Go.",))  # a step with no sides at all
    protocol = Protocol("p", "P", "", When.ANY, (message, _stretch(sides), message))
    assert needs_leg_question(protocol, leg) is asks


NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(("ago", "soon"), [
    (None, False),  # no ice recorded
    (timedelta(0), True),  # the ice ended this minute
    (timedelta(hours=1, minutes=59), True),
    (timedelta(hours=2), False),  # "every 2–3 hours": two hours later is fine
    (timedelta(minutes=-5), False),  # a clock set back: not "soon"
])
def test_ice_again_within_two_hours_is_reminded(ago: timedelta | None, soon: bool) -> None:
    last = None if ago is None else NOW - ago
    assert ice_again_soon(last, NOW) is soon


@pytest.mark.parametrize(("seconds", "text"), [
    (30, texts.ICE_SAFETY_SHORT), (300, texts.ICE_SAFETY_SHORT),  # a round of 5 min or less
    (301, texts.ICE_SAFETY), (1200, texts.ICE_SAFETY),
])
def test_ice_of_five_minutes_or_less_has_the_short_safety_text(seconds: int,
                                                               text: texts.Text) -> None:
    assert caution_for("ice", seconds) == text


def test_the_app_has_a_caution_for_every_kind_of_exercise_and_none_for_a_pause() -> None:
    assert caution_for("ice") == texts.ICE_SAFETY_SHORT  # no length known: the short one
    assert [caution_for(k) for k in ("stretch", "strength", "exercise", "heat")] == [
        texts.STRETCH_CAUTION, texts.LOADING_CAUTION, texts.MOVEMENT_CAUTION, texts.HEAT_SAFETY]
    assert caution_for("rest") is None and caution_for("instruction") is None


def test_a_pre_run_routine_with_ice_warns_last_and_a_recent_ice_is_reminded() -> None:
    rules = before_routine(_protocol(When.PRE_RUN, ice=True), last_ice_end=NOW, now=NOW)
    assert rules.ice_notices == (texts.ICE_CONTRAINDICATIONS_TITLE, texts.ICE_CONTRAINDICATIONS,
                                 texts.ICE_HEALING_NOTE, texts.ICE_AGAIN_SOON,
                                 texts.PRE_RUN_NO_ICE)
    assert before_routine(_protocol(When.POST_RUN, ice=False)).ice_notices == ()


# --- no Qt -----------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["soleus_coach.safety", "soleus_coach.texts"])
def test_importing_does_not_load_qt(module: str) -> None:
    code = f"import sys, {module}; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
