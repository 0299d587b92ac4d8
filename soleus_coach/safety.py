"""Safety rules: red flags, the pain trend, the ice cap, the "it hurts" record, and a
programme's suggestions with the red flags above them. No Qt.

The app never diagnoses. These rules only decide *when* to show which text from
:mod:`soleus_coach.texts`; the reasoning and sources are in ``docs/safety.md``. Everything here
is a pure function over frozen values so that each rule can be tested on its own, and so the
GUI cannot quietly change a threshold.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar

from soleus_coach import texts
from soleus_coach.checkin import RED_FLAG_PAIN, CheckIn
from soleus_coach.programme.records import Reason, Rule, SuggestionKind, SuggestionRecord
from soleus_coach.programme.rules import Evidence, explain, suggest
from soleus_coach.protocol.model import HeatStep, IceStep, Protocol, Side, Sides, When
from soleus_coach.protocol.programme import Programme
from soleus_coach.protocol.spec import HEAT_MAX_S, ICE_HARD_MAX_S
from soleus_coach.settings import Leg
from soleus_coach.texts import Text

__all__ = [
    "CHECK_BEFORE_WHEN",
    "HEAT_MAX_S",
    "ICE_AGAIN_AFTER",
    "ICE_HARD_MAX_S",
    "RED_FLAG_PAIN",
    "TREND_HIGH_PAIN",
    "Advice",
    "Guidance",
    "HurtChoice",
    "ItHurts",
    "RedFlag",
    "RedFlagChoice",
    "RedFlagDecision",
    "TrendAdvice",
    "TrendReason",
    "advice_for",
    "before_routine",
    "caution_for",
    "heat_refused",
    "ice_again_soon",
    "ice_seconds",
    "ices_before_run",
    "overtraining_advice",
    "pain_trend_advice",
    "red_flags",
    "should_check_before",
]


# --- Red flags -------------------------------------------------------------------------------


class RedFlag(StrEnum):
    """A sign that calls for a doctor before stretching. Values are stable (stored in history).

    The first four match the names in :attr:`CheckIn.flags`.
    """

    SWELLING = "swelling"
    BRUISING = "bruising"
    PAIN_AT_REST = "pain_at_rest"
    CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
    SEVERE_PAIN = "severe_pain"  # pain >= RED_FLAG_PAIN


_REASONS: dict[RedFlag, Text] = {
    RedFlag.SWELLING: texts.REASON_SWELLING,
    RedFlag.BRUISING: texts.REASON_BRUISING,
    RedFlag.PAIN_AT_REST: texts.REASON_PAIN_AT_REST,
    RedFlag.CANNOT_BEAR_WEIGHT: texts.REASON_CANNOT_BEAR_WEIGHT,
    RedFlag.SEVERE_PAIN: texts.REASON_SEVERE_PAIN,
}


def red_flags(checkin: CheckIn) -> tuple[RedFlag, ...]:
    """The red flags a check-in shows, in :class:`RedFlag` order; empty when none.

    A skipped pain score (``None``) is not a red flag by itself: the quick flags still count.
    """
    found = {RedFlag(name) for name in checkin.flags}
    if checkin.pain is not None and checkin.pain >= RED_FLAG_PAIN:
        found.add(RedFlag.SEVERE_PAIN)
    return tuple(flag for flag in RedFlag if flag in found)


class RedFlagChoice(StrEnum):
    """What the user chose in the red-flag advice. Values are stable (stored in history)."""

    DONT_STRETCH = "dont_stretch"
    CONTINUE = "continue"


@dataclass(frozen=True, slots=True)
class Advice:
    """The red-flag advice to show: see a doctor first, why, and a deliberate way on.

    ``default_choice`` is always :attr:`RedFlagChoice.DONT_STRETCH`: the GUI makes that the
    default button (Enter, Escape and closing the dialog all mean "don't stretch").
    """

    flags: tuple[RedFlag, ...]
    title: Text
    body: Text
    #: One plain-words reason per flag, in the order of ``flags``.
    reasons: tuple[Text, ...]
    emergency: Text
    default_choice: RedFlagChoice
    dont_stretch_label: Text
    continue_label: Text

    def label(self, choice: RedFlagChoice) -> Text:
        """The button text for ``choice``."""
        if choice is RedFlagChoice.CONTINUE:
            return self.continue_label
        return self.dont_stretch_label


def advice_for(flags: Iterable[RedFlag]) -> Advice:
    """The advice for a non-empty set of red flags (duplicates and order do not matter).

    Raises ``ValueError`` for no flags: there is nothing to advise, and showing an empty
    warning would teach people to click warnings away.
    """
    wanted = set(flags)
    ordered = tuple(flag for flag in RedFlag if flag in wanted)
    if not ordered:
        raise ValueError("advice_for() needs at least one red flag")
    return Advice(
        flags=ordered,
        title=texts.RED_FLAG_TITLE,
        body=texts.RED_FLAG_BODY,
        reasons=tuple(_REASONS[flag] for flag in ordered),
        emergency=texts.EMERGENCY,
        default_choice=RedFlagChoice.DONT_STRETCH,
        dont_stretch_label=texts.RED_FLAG_DONT_STRETCH,
        continue_label=texts.RED_FLAG_CONTINUE,
    )


@dataclass(frozen=True, slots=True)
class RedFlagDecision:
    """What to record when the user answers the red-flag advice.

    Store with ``SessionRecorder.add_event(RedFlagDecision.KIND, decision.detail)``.
    """

    KIND: ClassVar[str] = "red_flag"

    flags: tuple[RedFlag, ...]
    choice: RedFlagChoice

    @property
    def detail(self) -> str:
        """Compact JSON, e.g. ``{"choice": "continue", "flags": ["swelling"]}``."""
        return json.dumps(
            {"choice": self.choice.value, "flags": [flag.value for flag in self.flags]},
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_detail(cls, detail: str) -> RedFlagDecision:
        """Parse :attr:`detail` back (raises ``ValueError`` on anything else)."""
        data = _json_object(detail)
        try:
            names = data["flags"]
            if not isinstance(names, list):
                raise TypeError
            return cls(
                flags=tuple(RedFlag(name) for name in names),
                choice=RedFlagChoice(data["choice"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not a red-flag decision: {detail!r}") from exc


#: Routines before which the red-flag check is offered again when the last session had flags.
#: The issue asks for post-run routines; we offer it before every routine, because a pre-run
#: warm-up leads straight into a run and the "any" routines stretch or ice the same calf.
CHECK_BEFORE_WHEN: frozenset[When] = frozenset({When.POST_RUN, When.PRE_RUN, When.ANY})


def should_check_before(
    protocol_when: When, last_session_flags: Iterable[RedFlag] | CheckIn | None
) -> bool:
    """Whether to offer the red-flag check before starting a routine.

    ``last_session_flags`` are the red flags of the most recent session's check-ins (or that
    check-in itself); ``None`` when there was no earlier session.
    """
    if last_session_flags is None:
        return False
    if isinstance(last_session_flags, CheckIn):
        last_session_flags = red_flags(last_session_flags)
    return protocol_when in CHECK_BEFORE_WHEN and any(True for _ in last_session_flags)


# --- Guidance from the history --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Guidance:
    """A short piece of advice: a title and a body."""

    title: Text
    body: Text


def overtraining_advice(flags: Iterable[RedFlag]) -> Guidance | None:
    """The source's overtraining point, shown after a session whose check-ins had red flags."""
    if not any(True for _ in flags):
        return None
    return Guidance(texts.OVERTRAINING_TITLE, texts.OVERTRAINING_BODY)


#: Pain after a session at or above this, twice in a row, is "not settling" (0–10 scale).
TREND_HIGH_PAIN = 5


class TrendReason(StrEnum):
    RISING = "rising"  # three recorded values, each higher than the one before
    HIGH_AGAIN = "high_again"  # two recorded values in a row at TREND_HIGH_PAIN or more


@dataclass(frozen=True, slots=True)
class TrendAdvice:
    """Suggest a physical therapist, with why (for the history view or a log)."""

    reason: TrendReason
    #: The recorded values the rule looked at, oldest first.
    values: tuple[int, ...]
    title: Text = texts.TREND_TITLE
    body: Text = texts.TREND_BODY


def pain_trend_advice(
    pain_after_values: Sequence[int | None], *, high: int = TREND_HIGH_PAIN
) -> TrendAdvice | None:
    """Whether pain after sessions is not settling. Values are oldest first; ``None`` = skipped.

    Skipped check-ins are left out: a skipped session says nothing about the pain, so it
    neither breaks nor makes a trend (``[3, None, 4, 5]`` is rising). Only the latest recorded
    values count, so the advice goes away once the pain settles. The rules:

    - rising: the last three recorded values strictly increase (``2, 3, 4``);
    - high again: the last two recorded values are both ``high`` or more. "5/10 or more the
      next time" reads as: after one session at 5 or more, the next recorded session is
      again at 5 or more (pain up to 5/10 is acceptable only if it settles by the next time).
    """
    recorded = [value for value in pain_after_values if value is not None]
    last3 = tuple(recorded[-3:])
    if len(last3) == 3 and last3[0] < last3[1] < last3[2]:
        return TrendAdvice(TrendReason.RISING, last3)
    last2 = tuple(recorded[-2:])
    if len(last2) == 2 and min(last2) >= high:
        return TrendAdvice(TrendReason.HIGH_AGAIN, last2)
    return None


# --- Ice -------------------------------------------------------------------------------------


def ice_seconds(requested_s: float, step_max_s: float | None = None) -> float:
    """Seconds of ice to run: the request, never above the step's maximum or the hard cap.

    Defence in depth: the protocol validator and the plan cap ice already; this is the last
    check before a timer starts, so a bad setting or a future format change cannot slip past.
    A negative request gives 0; ``inf`` gives the cap; NaN is a bug and raises ``ValueError``.
    """
    if math.isnan(requested_s) or (step_max_s is not None and math.isnan(step_max_s)):
        raise ValueError("ice duration is NaN")
    limit = float(ICE_HARD_MAX_S) if step_max_s is None else min(step_max_s, ICE_HARD_MAX_S)
    return max(0.0, min(float(requested_s), limit))


#: Ice again only after this long (the NHS: up to 20 minutes every 2–3 hours).
ICE_AGAIN_AFTER = timedelta(hours=2)
#: An ice step this short is a cold round (of a contrast routine): its own, shorter text.
SHORT_ICE_S = 300


def ice_again_soon(last_ice_end: datetime | None, now: datetime) -> bool:
    """Whether a routine with ice starts within 2 hours of the last recorded ice."""
    return last_ice_end is not None and timedelta(0) <= now - last_ice_end < ICE_AGAIN_AFTER


def heat_refused(checkin: CheckIn | None) -> bool:
    """Heat is left out when today's check-in reports a swollen calf."""
    return checkin is not None and checkin.swelling


def caution_for(kind: str, duration_s: float = 0.0) -> Text | None:
    """The app's own caution for a kind of step (``"stretch"``, ``"strength"``…), shown on
    every one of its segments (the author's caution is shown beside it, never instead of
    it): a stretch is "a pull, not pain"; a loading exercise follows the pain-monitoring
    model; ice and heat have their safety texts (a cold round of ``duration_s`` up to 5
    minutes its shorter one)."""
    if kind == "ice":
        return texts.ICE_SAFETY_SHORT if duration_s <= SHORT_ICE_S else texts.ICE_SAFETY
    return _CAUTIONS.get(kind)


_CAUTIONS: dict[str, Text] = {
    "stretch": texts.STRETCH_CAUTION,
    "strength": texts.LOADING_CAUTION,
    "exercise": texts.MOVEMENT_CAUTION,
    "heat": texts.HEAT_SAFETY,
}


@dataclass(frozen=True, slots=True)
class BeforeRoutine:
    """What the safety rules say before a routine starts: lines to read on its first ice
    step (how to ice safely, the last ice, no ice before a run), and whether heat is left
    out (the plan says so in the heat step's place)."""

    ice_notices: tuple[Text, ...]
    no_heat: bool


def before_routine(protocol: Protocol, *, checkin: CheckIn | None = None,
                   last_ice_end: datetime | None = None,
                   now: datetime | None = None) -> BeforeRoutine:
    """The notices for ``protocol`` today: how to ice safely, that ice may not speed healing,
    the 2–3 hours between icings, no ice before a run; and no heat on a swollen calf."""
    has_ice = any(isinstance(s, IceStep) for s in protocol.steps)
    has_heat = any(isinstance(s, HeatStep) for s in protocol.steps)
    notices: list[Text] = []
    if has_ice:
        notices += [texts.ICE_CONTRAINDICATIONS_TITLE, texts.ICE_CONTRAINDICATIONS,
                    texts.ICE_HEALING_NOTE]
        if now is not None and ice_again_soon(last_ice_end, now):
            notices.append(texts.ICE_AGAIN_SOON)
    if ices_before_run(protocol):
        notices.append(texts.PRE_RUN_NO_ICE)
    return BeforeRoutine(tuple(notices), has_heat and heat_refused(checkin))


def ices_before_run(protocol: Protocol) -> bool:
    """Whether a routine meant for before a run contains ice: show ``texts.PRE_RUN_NO_ICE``.

    The format allows it (a user may write any protocol), so the warning is the safeguard:
    muscles work less well for about 30 minutes after icing.
    """
    return protocol.when is When.PRE_RUN and any(isinstance(s, IceStep) for s in protocol.steps)


# --- "It hurts" ------------------------------------------------------------------------------


class HurtChoice(StrEnum):
    """What the user chose after "it hurts". Values are stable (stored in history)."""

    STOP = "stop"  # the default where no ice follows: sharp pain means stop
    TO_ICE = "to_ice"  # the default where ice follows: stop the exercises, ice the calf
    CONTINUE_GENTLY = "continue_gently"


@dataclass(frozen=True, slots=True)
class HurtAdvice:
    """What "it hurts" says and offers, by the kind of step it ended. The first choice is
    the default (Enter, Esc, closing the question)."""

    body: Text
    choices: tuple[tuple[HurtChoice, Text], ...]

    @property
    def default(self) -> HurtChoice:
        return self.choices[0][0]


_HURT_BODY: dict[str, Text] = {
    "stretch": texts.IT_HURTS_BODY, "strength": texts.IT_HURTS_STRENGTH,
    "exercise": texts.IT_HURTS_EXERCISE, "ice": texts.IT_HURTS_ICE, "heat": texts.IT_HURTS_HEAT,
}
_HURT_GENTLY: dict[str, Text] = {
    "stretch": texts.IT_HURTS_CONTINUE, "strength": texts.IT_HURTS_CONTINUE_STRENGTH,
    "exercise": texts.IT_HURTS_CONTINUE_EXERCISE, "ice": texts.IT_HURTS_CONTINUE_REST,
    "heat": texts.IT_HURTS_CONTINUE_REST,
}


def hurt_advice(step_kind: str, *, ice_ahead: bool) -> HurtAdvice:
    """"It hurts" during a step of ``step_kind`` ("stretch", "strength", "exercise", "ice",
    "heat"; anything else is said in general words). Stopping comes first; when ice follows
    (``ice_ahead``) stopping means stopping the exercises and going on to the ice, and
    stopping the whole routine is the second choice."""
    stop: tuple[tuple[HurtChoice, Text], ...] = (
        ((HurtChoice.TO_ICE, texts.IT_HURTS_TO_ICE), (HurtChoice.STOP, texts.IT_HURTS_STOP_ALL))
        if ice_ahead and step_kind != "ice" else ((HurtChoice.STOP, texts.IT_HURTS_STOP),))
    gently = _HURT_GENTLY.get(step_kind, texts.IT_HURTS_CONTINUE_REST)
    return HurtAdvice(_HURT_BODY.get(step_kind, texts.IT_HURTS_OTHER),
                      (*stop, (HurtChoice.CONTINUE_GENTLY, gently)))


@dataclass(frozen=True, slots=True)
class ItHurts:
    """One press of "it hurts" during a hold, with the user's choice afterwards.

    Record once the choice is known (closing the prompt counts as the default choice):
    ``SessionRecorder.add_event(ItHurts.KIND, event.detail)``. History stamps the
    wall-clock time; ``at_s`` is where in the session it happened.
    """

    KIND: ClassVar[str] = "it_hurts"

    #: Seconds into the session (the engine's elapsed time), not wall-clock time.
    at_s: float
    #: The segment's label as shown, e.g. "Bent-knee wall stretch".
    segment: str
    side: Side | None
    choice: HurtChoice

    @property
    def detail(self) -> str:
        """Compact JSON, e.g. ``{"at_s":42.5,"choice":"stop","segment":"…","side":"left"}``."""
        return json.dumps(
            {
                "at_s": round(self.at_s, 3),
                "choice": self.choice.value,
                "segment": self.segment,
                "side": None if self.side is None else self.side.value,
            },
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
        )

    @classmethod
    def from_detail(cls, detail: str) -> ItHurts:
        """Parse :attr:`detail` back (raises ``ValueError`` on anything else)."""
        data = _json_object(detail)
        try:
            side = data["side"]
            at_s = data["at_s"]
            segment = data["segment"]
            if not isinstance(at_s, int | float) or not isinstance(segment, str):
                raise TypeError
            return cls(
                at_s=float(at_s),
                segment=segment,
                side=None if side is None else Side(side),
                choice=HurtChoice(data["choice"]),
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an it-hurts record: {detail!r}") from exc


def _json_object(detail: str) -> dict[str, Any]:
    try:
        data = json.loads(detail)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {detail!r}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"not a JSON object: {detail!r}")
    return data


# --- Before and after a session (the home screen's flow) -------------------------------------


def needs_leg_question(protocol: Protocol, leg: Leg) -> bool:
    """Whether to ask which calf hurts before ``protocol`` starts: it has a step that runs
    "injured leg first" and the settings do not say which leg that is. The app never picks
    a side silently."""
    return not leg.known and any(getattr(step, "sides", None) is Sides.INJURED_FIRST
                                 for step in protocol.steps)


#: The history event recorded when the check-in after a session shows red flags.
RED_FLAG_AFTER_KIND = "red_flag_after"


@dataclass(frozen=True, slots=True)
class AfterAdvice:
    """One piece of guidance for the finish screen, in the order to show it.

    ``reasons`` are the red flags' plain-words reasons (a bullet each), ``footer`` the
    emergency line. ``event`` is what to record in the history, if anything.
    """

    title: Text
    body: Text
    reasons: tuple[Text, ...] = ()
    footer: Text | None = None
    event: tuple[str, str] | None = None


def guidance_after(before: CheckIn | None, after: CheckIn | None,
                   recent_pain_after: Sequence[int | None]) -> list[AfterAdvice]:
    """What to advise once a session is over: red flags in the check-in after it (see a
    doctor), overtraining when either check-in had flags (build up gradually), and the pain
    trend over the last sessions, this one included (see a physical therapist)."""
    before_flags = red_flags(before) if before is not None else ()
    after_flags = red_flags(after) if after is not None else ()
    out: list[AfterAdvice] = []
    if after_flags:
        advice = advice_for(after_flags)
        detail = json.dumps({"flags": [f.value for f in after_flags]}, separators=(",", ":"))
        out.append(AfterAdvice(texts.RED_FLAG_AFTER_TITLE, advice.body, advice.reasons,
                               advice.emergency, (RED_FLAG_AFTER_KIND, detail)))
    overtraining = overtraining_advice((*before_flags, *after_flags))
    if overtraining is not None:
        out.append(AfterAdvice(overtraining.title, overtraining.body))
    trend = pain_trend_advice(recent_pain_after)
    if trend is not None:
        out.append(AfterAdvice(trend.title, trend.body))
    return out


# --- Programmes: red flags above the pain-monitoring rules -----------------------------------


def programme_suggestion(evidence: Evidence, checkin: CheckIn | None) -> SuggestionRecord | None:
    """Today's suggestion in a programme: red flags in today's answers (the morning check,
    a session's check-in) override everything — rest, and see a doctor; otherwise the
    pain-monitoring rules (:func:`soleus_coach.programme.rules.suggest`) decide between
    easing off and moving on. At most one suggestion a day."""
    if any(s.day == evidence.today for s in evidence.suggestions):
        return None
    flags = red_flags(checkin) if checkin is not None else ()
    if flags:
        return SuggestionRecord(evidence.today, evidence.now, evidence.programme_id,
                                evidence.phase_index, SuggestionKind.RED_FLAG,
                                (Reason(Rule.RED_FLAG, flags=tuple(f.value for f in flags)),))
    return suggest(evidence)


@dataclass(frozen=True, slots=True)
class SuggestionWords:
    """A suggestion as the runner reads it: what, why (one line per reason, with the
    numbers), who decides, and the two choices (accept first)."""

    title: str
    body: str
    reasons: tuple[str, ...]
    footer: str
    accept: str
    keep: str


def explain_reason(reason: Reason, day_text: Callable[[date], str] = date.isoformat) -> str:
    if reason.rule is Rule.RED_FLAG:
        found = [RedFlag(f) for f in reason.flags if f in RedFlag.__members__.values()]
        return " ".join(texts.translate(_REASONS[f]) for f in found)
    return explain(reason, day_text)


def easing_words(days: int, fewer_sets: int) -> str:
    """What easing off means, in words: for how many days, how many sets fewer."""
    if fewer_sets == 1:
        return texts.fill(texts.EASE_OFF_BODY_ONE, days)
    return texts.fill(texts.EASE_OFF_BODY, days, fewer_sets)


def easing_notice(until: str, fewer_sets: int) -> str:
    """The line the home screen and a routine's get-ready show while easing off."""
    if fewer_sets == 1:
        return texts.fill(texts.EASING_NOTICE_ONE, until)
    return texts.fill(texts.EASING_NOTICE, until, fewer_sets)


def suggestion_words(rec: SuggestionRecord, programme: Programme,
                     day_text: Callable[[date], str] = date.isoformat) -> SuggestionWords:
    """The words of a suggestion in ``programme`` (translated, numbers filled in)."""
    t = texts.translate
    reasons = tuple(explain_reason(r, day_text) for r in rec.reasons)
    ease = easing_words(programme.ease_off.days, programme.ease_off.fewer_sets)
    if rec.kind is SuggestionKind.RED_FLAG:
        return SuggestionWords(t(texts.RED_FLAG_TITLE), t(texts.RED_FLAG_BODY), reasons,
                               t(texts.EMERGENCY), t(texts.REST_TODAY),
                               t(texts.RED_FLAG_CONTINUE))
    if rec.kind is SuggestionKind.MOVE_ON:
        nxt = programme.phase(rec.phase + 1)
        return SuggestionWords(t(texts.MOVE_ON_TITLE),
                               texts.fill(texts.MOVE_ON_BODY, nxt.name, nxt.load), reasons,
                               t(texts.YOU_DECIDE), t(texts.MOVE_ON_ACCEPT),
                               t(texts.MOVE_ON_STAY))
    if rec.kind is SuggestionKind.SEE_PHYSIO:
        return SuggestionWords(t(texts.SEE_PHYSIO_TITLE), f"{t(texts.SEE_PHYSIO_BODY)} {ease}",
                               reasons, t(texts.YOU_DECIDE), t(texts.EASE_OFF_ACCEPT),
                               t(texts.KEEP_GOING))
    return SuggestionWords(t(texts.EASE_OFF_TITLE), ease, reasons, t(texts.YOU_DECIDE),
                           t(texts.EASE_OFF_ACCEPT), t(texts.KEEP_GOING))
