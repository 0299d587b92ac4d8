"""Ease off or move on, on synthetic histories: the pain-monitoring model's rules, each case
built day by day from the runner's answers, and the red flags above them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from soleus_coach import safety, texts
from soleus_coach.checkin import CheckIn
from soleus_coach.programme.records import (
    Choice,
    MorningCheck,
    Reason,
    Rule,
    SuggestionKind,
    SuggestionRecord,
)
from soleus_coach.programme.rules import Evidence, LoadingDay, explain, move_on_reason, suggest
from soleus_coach.programme.state import Easing
from soleus_coach.protocol.programme import EaseOff, MoveOn, Often, Phase, Planned

START = date(2026, 3, 2)  # a Monday
PHASE = Phase("Both legs", "Body weight", (Planned("heel-drops", Often.TWICE_A_DAY),),
              MoveOn(days=7, pain_during_max=3))


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def history(during: list[int | None], mornings: list[int | None], *,
            stiffer: dict[int, bool] | None = None, after: dict[int, int] | None = None
            ) -> tuple[list[LoadingDay], list[MorningCheck]]:
    """Day n (from START) had loading with pain ``during[n]`` (None: a day without
    loading); the morning of day n had pain ``mornings[n]`` (None: not asked)."""
    loading = [LoadingDay(START + timedelta(days=n), 2, p, (after or {}).get(n),
                          at(START + timedelta(days=n), 18))
               for n, p in enumerate(during) if p is not None]
    checks = [MorningCheck(START + timedelta(days=n), at(START + timedelta(days=n)), p,
                           (stiffer or {}).get(n, False))
              for n, p in enumerate(mornings) if p is not None]
    return loading, checks


def evidence(day: int, loading: list[LoadingDay], mornings: list[MorningCheck], *,
             suggestions: tuple[SuggestionRecord, ...] = (), phase_since: int = 0,
             easing: Easing | None = None, last_easing: Easing | None = None,
             hour: int = 9) -> Evidence:
    today = START + timedelta(days=day)
    return Evidence(today=today, now=at(today, hour), programme_id="p", phase_index=0,
                    phase=PHASE, phase_since=START + timedelta(days=phase_since),
                    has_next_phase=True, ease=EaseOff(), loading=loading, mornings=mornings,
                    suggestions=suggestions, easing=easing, last_easing=last_easing)


def rules_of(rec: SuggestionRecord | None) -> list[Rule]:
    return [] if rec is None else [r.rule for r in rec.reasons]


def test_nothing_is_suggested_while_the_calf_is_settled() -> None:
    loading, mornings = history([2, 3, 2, 3], [None, 1, 1, 1, 1])
    for day in range(5):
        assert suggest(evidence(day, loading[:day + 1], mornings[:day])) is None


@pytest.mark.parametrize("pain,eases", [(5, False), (6, True), (9, True)])
def test_pain_during_over_5_is_too_much(pain: int, eases: bool) -> None:
    loading, mornings = history([2, pain], [None, 1])
    rec = suggest(evidence(1, loading, mornings, hour=20))
    assert (rec is not None) is eases
    if eases:
        assert rec is not None and rec.kind is SuggestionKind.EASE_OFF
        assert rec.reasons == (Reason(Rule.PAIN_DURING, (pain,), (START + timedelta(days=1),)),)


def test_pain_after_over_5_is_too_much() -> None:
    loading, mornings = history([2, 3], [None, 1], after={1: 6})
    assert rules_of(suggest(evidence(1, loading, mornings, hour=20))) == [Rule.PAIN_AFTER]


def test_a_bad_morning_eases_off_and_not_before_it() -> None:
    loading, mornings = history([3, 3, 3, 3], [None, 2, 2, 2, 4])
    # The day before, and the bad day before its morning was answered: nothing.
    assert suggest(evidence(3, loading, mornings[:3])) is None
    assert suggest(evidence(4, loading, mornings[:3], hour=6)) is None
    rec = suggest(evidence(4, loading, mornings))
    assert rec is not None and rec.kind is SuggestionKind.EASE_OFF
    assert rec.reasons == (Reason(Rule.MORNING_HIGHER, (4, 2), (START + timedelta(days=4),
                                                                START + timedelta(days=3))),)
    words = explain(rec.reasons[0])
    assert "4/10" in words and "2/10" in words and "2026-03-05" in words


def test_a_morning_as_good_as_the_one_before_is_settled() -> None:
    loading, mornings = history([3, 3, 3], [None, 3, 3, 2])
    for day in (2, 3):
        assert suggest(evidence(day, loading, mornings[:day])) is None


def test_a_stiffer_morning_eases_off() -> None:
    loading, mornings = history([3, 3], [None, 2, 2], stiffer={2: True})
    assert rules_of(suggest(evidence(2, loading, mornings))) == [Rule.MORNING_STIFFER]


def test_a_rise_over_a_week_eases_off_with_both_means() -> None:
    # Mornings 1, 1, 1, … for a week, then 2, 2, 2, …: never higher than the day before
    # except once, long ago; the week's mean rose by 1.
    loading, mornings = history([2] * 15, [None, *[1] * 7, *[2] * 7])
    ev = evidence(14, loading, mornings)
    rec = suggest(replace(ev, suggestions=(SuggestionRecord(
        START + timedelta(days=8), at(START + timedelta(days=8), 9), "p", 0,
        SuggestionKind.EASE_OFF, (), Choice.KEPT_GOING),)))
    assert rec is not None
    rose = [r for r in rec.reasons if r.rule is Rule.MORNINGS_ROSE]
    assert rose and rose[0].values == (2.0, 1.0)
    assert "2/10" in explain(rose[0]) and "1/10" in explain(rose[0])


def test_the_answer_that_made_a_suggestion_does_not_make_it_again() -> None:
    loading, mornings = history([3, 3, 7, 3], [None, 2, 2, 2])
    first = suggest(evidence(2, loading[:3], mornings[:2], hour=20))
    assert first is not None and rules_of(first) == [Rule.PAIN_DURING]
    answered = (replace(first, choice=Choice.KEPT_GOING, id=1),)
    assert suggest(evidence(2, loading[:3], mornings[:2], suggestions=answered,
                            hour=21)) is None  # one a day
    assert suggest(evidence(3, loading, mornings, suggestions=answered)) is None


def test_moving_on_needs_the_criterion_day_after_day() -> None:
    loading, mornings = history([3, 2, 3, 2, 3, 1, 3], [None, 1, 1, 1, 1, 1, 1, 1])
    assert move_on_reason(evidence(6, loading[:6], mornings[:7])) is None  # 6 days only
    rec = suggest(evidence(7, loading, mornings))
    assert rec is not None and rec.kind is SuggestionKind.MOVE_ON
    assert rec.reasons == (Reason(Rule.CRITERION_MET, (7, 3, 3),
                                  (START, START + timedelta(days=6))),)
    words = explain(rec.reasons[0])
    assert "7 days" in words and "3/10" in words
    assert "2026-03-02" in words and "2026-03-08" in words


@pytest.mark.parametrize("breaks", ["pain", "missed-day", "missed-morning", "stiffer",
                                    "morning-rose"])
def test_one_bad_or_missing_day_keeps_the_phase(breaks: str) -> None:
    during: list[int | None] = [3, 2, 3, 2, 3, 1, 3]
    mornings: list[int | None] = [None, 1, 1, 1, 1, 1, 1, 1]
    stiffer = {}
    if breaks == "pain":
        during[3] = 4
    elif breaks == "missed-day":
        during[3] = None
    elif breaks == "missed-morning":
        mornings[4] = None
    elif breaks == "stiffer":
        stiffer = {5: True}
    else:
        mornings[5] = 2
    loading, checks = history(during, mornings, stiffer=stiffer)
    assert move_on_reason(evidence(7, loading, checks)) is None


def test_no_moving_on_while_easing_off_and_the_days_count_afresh_after_it() -> None:
    loading, mornings = history([3] * 12, [None] + [1] * 12)
    eased = Easing(START + timedelta(days=1), START + timedelta(days=3), 1)
    assert move_on_reason(evidence(3, loading, mornings, easing=eased,
                                   last_easing=eased)) is None
    assert move_on_reason(evidence(9, loading, mornings, last_easing=eased)) is None
    assert move_on_reason(evidence(11, loading, mornings, last_easing=eased)) is not None


def test_staying_in_the_phase_counts_the_days_afresh() -> None:
    loading, mornings = history([3] * 16, [None] + [1] * 16)
    stayed = (SuggestionRecord(START + timedelta(days=7), at(START + timedelta(days=7)), "p",
                               0, SuggestionKind.MOVE_ON, (), Choice.KEPT_GOING, id=1),)
    assert move_on_reason(evidence(10, loading, mornings, suggestions=stayed)) is None
    assert move_on_reason(evidence(15, loading, mornings, suggestions=stayed)) is not None


def test_no_moving_on_from_the_last_phase() -> None:
    loading, mornings = history([3] * 8, [None] + [1] * 8)
    assert move_on_reason(replace(evidence(7, loading, mornings), has_next_phase=False)) \
        is None


def test_pain_that_does_not_settle_after_easing_off_points_to_a_physiotherapist() -> None:
    loading, mornings = history([3, 3, 3, 3, 3], [None, 2, 4, 3, 3, 5])
    eased = Easing(START + timedelta(days=2), START + timedelta(days=4), 1)
    shown = (SuggestionRecord(START + timedelta(days=2), at(START + timedelta(days=2), 9), "p",
                              0, SuggestionKind.EASE_OFF, (), Choice.ACCEPTED, id=1),)
    rec = suggest(evidence(5, loading, mornings, suggestions=shown, easing=None,
                           last_easing=eased))
    assert rec is not None and rec.kind is SuggestionKind.SEE_PHYSIO
    assert Reason(Rule.EASED_BEFORE, (), (START + timedelta(days=2),)) in rec.reasons
    words = safety.suggestion_words(rec, _programme())
    assert "physiotherapist" in words.body and "not a diagnosis" in words.footer


def _programme() -> object:
    from soleus_coach.protocol.programme import Programme

    return Programme("p", "P", "S", (PHASE, replace(PHASE, name="One leg", move_on=None)))


@pytest.mark.parametrize("checkin", [CheckIn(pain=7), CheckIn(pain=2, swelling=True),
                                     CheckIn(cannot_bear_weight=True),
                                     CheckIn(pain_at_rest=True)])
def test_red_flags_override_moving_on(checkin: CheckIn) -> None:
    loading, mornings = history([3, 2, 3, 2, 3, 1, 3], [None, 1, 1, 1, 1, 1, 1, 1])
    ev = evidence(7, loading, mornings)
    assert suggest(ev) is not None and suggest(ev).kind is SuggestionKind.MOVE_ON  # type: ignore[union-attr]
    rec = safety.programme_suggestion(ev, checkin)
    assert rec is not None and rec.kind is SuggestionKind.RED_FLAG
    words = safety.suggestion_words(rec, _programme())  # type: ignore[arg-type]
    assert words.body == texts.RED_FLAG_BODY.source and words.footer == texts.EMERGENCY.source
    assert words.accept == texts.REST_TODAY.source
    assert all(words.reasons)


def test_no_red_flag_no_override() -> None:
    loading, mornings = history([3, 7], [None, 1])
    rec = safety.programme_suggestion(evidence(1, loading, mornings, hour=20), CheckIn(pain=3))
    assert rec is not None and rec.kind is SuggestionKind.EASE_OFF


def test_every_suggestion_says_why_with_its_numbers() -> None:
    programme = _programme()
    days = (START, START + timedelta(days=6))
    for reason in (Reason(Rule.PAIN_DURING, (6,), days[:1]),
                   Reason(Rule.PAIN_AFTER, (8,), days[:1]),
                   Reason(Rule.MORNING_HIGHER, (4, 2), days),
                   Reason(Rule.MORNINGS_ROSE, (3.4, 2.1), days),
                   Reason(Rule.DURING_ROSE, (4.5, 3), days),
                   Reason(Rule.CRITERION_MET, (7, 3, 2), days)):
        line = safety.explain_reason(reason)
        for value in reason.values:
            shown = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
            assert shown in line, (reason, line)
        kind = SuggestionKind.MOVE_ON if reason.rule is Rule.CRITERION_MET else \
            SuggestionKind.EASE_OFF
        words = safety.suggestion_words(SuggestionRecord(START, at(START), "p", 0, kind,
                                                         (reason,)), programme)  # type: ignore[arg-type]
        assert words.reasons == (line,) and words.title and words.accept and words.keep
    move = safety.suggestion_words(SuggestionRecord(START, at(START), "p", 0,
                                                    SuggestionKind.MOVE_ON, ()), programme)  # type: ignore[arg-type]
    assert "One leg" in move.body
    for kind in SuggestionKind:
        words = safety.suggestion_words(SuggestionRecord(START, at(START), "p", 0, kind, ()),
                                        programme)  # type: ignore[arg-type]
        text = " ".join((words.title, words.body, words.footer, words.accept, words.keep))
        assert "diagnos" not in text.replace("not a diagnosis", "")
        assert "return to running" not in text.lower()
