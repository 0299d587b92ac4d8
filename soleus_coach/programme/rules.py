"""Ease off or move on: the pain-monitoring model over the runner's own answers. No Qt.

The model (Silbernagel et al. 2007, as clinics summarise it; ``../shared/domain.md``):
pain during loading up to 5/10 is acceptable, pain after it too, if it has settled by the
next morning and does not rise from week to week. So the rules suggest **easing off** (fewer
sets, no added load, for a few days) when

- pain during the exercises went over 5/10 (:attr:`Rule.PAIN_DURING`), or pain after a
  session did (:attr:`Rule.PAIN_AFTER`);
- this morning's pain on the first steps is higher than the morning before
  (:attr:`Rule.MORNING_HIGHER`), or the calf is stiffer than the day before
  (:attr:`Rule.MORNING_STIFFER`): it has not settled;
- the mornings, or the pain during the exercises, rose over a week: the last 7 days' mean
  at least :data:`WEEK_RISE` above the 7 days' before (:attr:`Rule.MORNINGS_ROSE`,
  :attr:`Rule.DURING_ROSE`);

and **moving on** when the phase's criterion is met: its number of days in a row with the
loading done, pain during it within the phase's limit and every next morning settled. When
the pain does not settle within a week of easing off, the suggestion says to see a
physiotherapist (:attr:`SuggestionKind.SEE_PHYSIO`). Each suggestion carries its reasons
with the numbers they looked at (:func:`explain` puts them into words); the runner decides.
Red flags come before all of this, in :func:`soleus_coach.safety.programme_suggestion`.

Only answers recorded since the last ease-off (or red-flag) suggestion can make a new one:
the answer that made a suggestion does not make it again the next day. At most one
suggestion a day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from soleus_coach import texts
from soleus_coach.programme.records import (
    MorningCheck,
    Reason,
    Rule,
    SuggestionKind,
    SuggestionRecord,
)
from soleus_coach.programme.state import Easing
from soleus_coach.protocol.programme import EaseOff, Phase
from soleus_coach.protocol.programme_spec import PAIN_DURING_LIMIT
from soleus_coach.texts import Text

#: Pain during or after loading above this is too much (0–10).
TOO_MUCH = PAIN_DURING_LIMIT
#: A rise of the 7-day mean by this much (0–10) counts as "rose over a week"…
WEEK_RISE = 1.0
#: …when each of the two weeks has at least this many answers.
WEEK_MIN_ANSWERS = 3
#: A morning is compared with the last answered one this many days before it at most.
MORNING_LOOKBACK = 3
#: Pain during or after this recent (days before today) can make a suggestion today.
RECENT_DAYS = 2
#: Easing off again within this long of the last time: the pain is not settling.
NOT_SETTLING = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class LoadingDay:
    """A day's loading sessions with the highest pain recorded during and after them."""

    day: date
    sessions: int
    during: int | None = None
    after: int | None = None
    at: datetime | None = None  # when the latest of these answers was recorded


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the rules look at on ``today``: the runner's answers, oldest first."""

    today: date
    now: datetime
    programme_id: str
    phase_index: int
    phase: Phase
    phase_since: date
    has_next_phase: bool
    ease: EaseOff
    loading: Sequence[LoadingDay]
    mornings: Sequence[MorningCheck]
    suggestions: Sequence[SuggestionRecord]  # this run of the programme's
    easing: Easing | None = None  # in force today
    last_easing: Easing | None = None


def _since(ev: Evidence) -> datetime | None:
    shown = [s.at for s in ev.suggestions
             if s.kind in (SuggestionKind.EASE_OFF, SuggestionKind.SEE_PHYSIO,
                           SuggestionKind.RED_FLAG)]
    return max(shown) if shown else None


def _new(at: datetime | None, since: datetime | None) -> bool:
    return since is None or (at is not None and at > since)


def _answered(mornings: Sequence[MorningCheck]) -> dict[date, MorningCheck]:
    return {m.day: m for m in mornings if m.pain is not None}


def _before(mornings: dict[date, MorningCheck], day: date) -> MorningCheck | None:
    for back in range(1, MORNING_LOOKBACK + 1):
        found = mornings.get(day - timedelta(days=back))
        if found is not None:
            return found
    return None


def _mean(values: Sequence[int]) -> float:
    return round(sum(values) / len(values), 1)


def ease_off_reasons(ev: Evidence) -> tuple[Reason, ...]:
    """Why to ease off today; empty when nothing says so."""
    since = _since(ev)
    out: list[Reason] = []
    recent = [d for d in ev.loading if d.day >= ev.today - timedelta(days=RECENT_DAYS)
              and _new(d.at, since)]
    high_during = [d for d in recent if d.during is not None and d.during > TOO_MUCH]
    if high_during:
        worst = max(high_during, key=lambda d: (d.during or 0, d.day))
        out.append(Reason(Rule.PAIN_DURING, (float(worst.during or 0),), (worst.day,)))
    high_after = [d for d in recent if d.after is not None and d.after > TOO_MUCH]
    if high_after:
        worst = max(high_after, key=lambda d: (d.after or 0, d.day))
        out.append(Reason(Rule.PAIN_AFTER, (float(worst.after or 0),), (worst.day,)))
    mornings = _answered(ev.mornings)
    today = mornings.get(ev.today)
    if today is not None and _new(today.at, since):
        before = _before(mornings, ev.today)
        if before is not None and today.pain is not None and before.pain is not None \
                and today.pain > before.pain:
            out.append(Reason(Rule.MORNING_HIGHER, (float(today.pain), float(before.pain)),
                              (today.day, before.day)))
    stiff = next((m for m in ev.mornings if m.day == ev.today and m.stiffer), None)
    if stiff is not None and _new(stiff.at, since):
        out.append(Reason(Rule.MORNING_STIFFER, (), (stiff.day,)))
    out += _week_rises(ev, since, mornings)
    return tuple(out)


def _week_rises(ev: Evidence, since: datetime | None,
                mornings: dict[date, MorningCheck]) -> list[Reason]:
    first_this = ev.today - timedelta(days=6)
    first_last = ev.today - timedelta(days=13)

    def split(values: Sequence[tuple[date, int, datetime | None]]) -> Reason | None:
        this = [(v, at) for d, v, at in values if first_this <= d <= ev.today]
        last = [v for d, v, _ in values if first_last <= d < first_this]
        if len(this) < WEEK_MIN_ANSWERS or len(last) < WEEK_MIN_ANSWERS:
            return None
        now, before = _mean([v for v, _ in this]), _mean(last)
        if now - before < WEEK_RISE or not any(_new(at, since) for _, at in this):
            return None
        return Reason(Rule.MORNINGS_ROSE, (now, before), (first_this, ev.today))

    out = []
    found = split([(m.day, m.pain, m.at) for m in mornings.values() if m.pain is not None])
    if found is not None:
        out.append(found)
    found = split([(d.day, d.during, d.at) for d in ev.loading if d.during is not None])
    if found is not None:
        out.append(Reason(Rule.DURING_ROSE, found.values, found.days))
    return out


def move_on_reason(ev: Evidence) -> Reason | None:
    """The phase's criterion, met on the days up to yesterday (whose next morning is
    today's); None when it is not met, there is no next phase, or the runner is easing
    off (the days after an ease-off, and after choosing to stay, count afresh)."""
    criterion = ev.phase.move_on
    if criterion is None or not ev.has_next_phase or ev.easing is not None:
        return None
    last = ev.today - timedelta(days=1)
    first = ev.today - timedelta(days=criterion.days)
    starts = [ev.phase_since]
    if ev.last_easing is not None:
        starts.append(ev.last_easing.until + timedelta(days=1))
    starts += [s.day + timedelta(days=1) for s in ev.suggestions
               if s.kind is SuggestionKind.MOVE_ON and s.phase == ev.phase_index]
    if first < max(starts):
        return None
    loading = {d.day: d for d in ev.loading}
    mornings = _answered(ev.mornings)
    highest = 0
    for n in range(criterion.days):
        day = first + timedelta(days=n)
        done = loading.get(day)
        if done is None or not done.sessions or done.during is None \
                or done.during > criterion.pain_during_max:
            return None
        morning = mornings.get(day + timedelta(days=1))
        if morning is None or morning.pain is None or morning.stiffer:
            return None
        before = _before(mornings, morning.day)
        if before is not None and before.pain is not None and morning.pain > before.pain:
            return None
        if criterion.morning_pain_max is not None and morning.pain > criterion.morning_pain_max:
            return None
        highest = max(highest, done.during)
    return Reason(Rule.CRITERION_MET, (float(criterion.days),
                                       float(criterion.pain_during_max), float(highest)),
                  (first, last))


def suggest(ev: Evidence) -> SuggestionRecord | None:
    """Today's suggestion, or None (at most one a day; easing off before moving on)."""
    if any(s.day == ev.today for s in ev.suggestions):
        return None
    reasons = ease_off_reasons(ev)
    if reasons:
        last = ev.last_easing
        if last is not None and ev.today - last.since <= NOT_SETTLING:
            return SuggestionRecord(ev.today, ev.now, ev.programme_id, ev.phase_index,
                                    SuggestionKind.SEE_PHYSIO,
                                    (*reasons, Reason(Rule.EASED_BEFORE, (), (last.since,))))
        return SuggestionRecord(ev.today, ev.now, ev.programme_id, ev.phase_index,
                                SuggestionKind.EASE_OFF, reasons)
    met = move_on_reason(ev)
    if met is not None:
        return SuggestionRecord(ev.today, ev.now, ev.programme_id, ev.phase_index,
                                SuggestionKind.MOVE_ON, (met,))
    return None


# --------------------------------------------------------------------------- words


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


_REASONS: dict[Rule, Text] = {
    Rule.PAIN_DURING: texts.WHY_PAIN_DURING,
    Rule.PAIN_AFTER: texts.WHY_PAIN_AFTER,
    Rule.MORNING_HIGHER: texts.WHY_MORNING_HIGHER,
    Rule.MORNING_STIFFER: texts.WHY_MORNING_STIFFER,
    Rule.MORNINGS_ROSE: texts.WHY_MORNINGS_ROSE,
    Rule.DURING_ROSE: texts.WHY_DURING_ROSE,
    Rule.EASED_BEFORE: texts.WHY_EASED_BEFORE,
    Rule.CRITERION_MET: texts.WHY_CRITERION_MET,
}


def explain(reason: Reason, day_text: Callable[[date], str] = date.isoformat) -> str:
    """One reason in plain words, with its numbers (translated; ``day_text`` writes a
    date the runner's way)."""
    v = [_n(x) for x in reason.values]
    d = [day_text(x) for x in reason.days]
    r = reason.rule
    template = _REASONS.get(r)
    if template is None:  # red flags: their words are the safety module's
        raise ValueError(f"{r} is explained by soleus_coach.safety")
    if r in (Rule.PAIN_DURING, Rule.PAIN_AFTER):
        return texts.fill(template, v[0], d[0])
    if r is Rule.MORNING_HIGHER:
        return texts.fill(template, v[0], v[1], d[1])
    if r in (Rule.MORNINGS_ROSE, Rule.DURING_ROSE):
        return texts.fill(template, v[0], v[1])
    if r is Rule.EASED_BEFORE:
        return texts.fill(template, d[0])
    if r is Rule.CRITERION_MET:
        return texts.fill(template, v[0], d[0], d[1], v[1], v[2])
    return texts.translate(template)
