"""The runner's programme over the history: start, pause, end; today's plan; the morning
check; pain during loading; today's suggestion and the runner's choice; the calendar and the
report's figures. No Qt: the window (``gui/programme``) and the command line
(``soleus-coach programme``) both go through :class:`Tracker`.

Time comes from an injected clock (``now``: local, aware), so weeks can be simulated. Every
answer is written as it is given (:mod:`soleus_coach.history.programme_store`); nothing is
kept only in memory. The rules are :func:`soleus_coach.safety.programme_suggestion` (red
flags first, then :mod:`soleus_coach.programme.rules`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from soleus_coach.checkin import CheckIn
from soleus_coach.history.records import Status
from soleus_coach.programme import days as D
from soleus_coach.programme.records import (
    Choice,
    DoneSession,
    EventKind,
    MorningCheck,
    PainDuring,
    ProgrammeEvent,
    SuggestionKind,
    SuggestionRecord,
)
from soleus_coach.programme.state import (
    Easing,
    ProgrammeState,
    current,
    ease_detail,
    runs_of,
)
from soleus_coach.protocol.model import Protocol, StrengthStep

# The rules and their words are read when there is a programme to judge: a runner without one
# (and the home screen's first look) never imports them.
if TYPE_CHECKING:
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.programme.rules import Evidence, LoadingDay
    from soleus_coach.protocol.programme import Phase, Programme, Programmes
    from soleus_coach.reminders import Slot
    from soleus_coach.safety import SuggestionWords

#: The rules look this far back (two weeks for a weekly rise, and some).
LOOKBACK_DAYS = 28


class ProgrammeError(ValueError):
    """A change that cannot be made (no such programme, one already running…); the
    message says why in a line."""


@dataclass(frozen=True, slots=True)
class Today:
    """What the home screen shows of the programme today."""

    programme: Programme
    state: ProgrammeState
    day: date
    phase_index: int
    phase: Phase
    items: tuple[D.Item, ...]
    next_item: D.Item | None
    easing: Easing | None
    week: int  # 1-based
    rest_today: bool  # red flags today, and the runner chose to rest

    @property
    def weeks_over(self) -> bool:
        return self.programme.weeks is not None and self.week > self.programme.weeks


@dataclass(frozen=True, slots=True)
class CalendarDay:
    day: D.Day
    morning: MorningCheck | None
    km: float


@dataclass(frozen=True, slots=True)
class ReportDay:
    day: date
    kind: D.DayKind
    morning: int | None
    during: int | None
    after: int | None
    km: float
    phase: int = 0


@dataclass(frozen=True, slots=True)
class ReportData:
    """The figures of the report for the physio, for the days [since, until]."""

    since: date
    until: date
    programmes: tuple[tuple[str, str], ...]  # (name, "from – to")
    days: tuple[ReportDay, ...]
    sessions_done: int
    sessions_due: int
    weekly_km: tuple[tuple[date, float], ...]  # Monday, km
    suggestions: tuple[tuple[SuggestionRecord, SuggestionWords | None], ...]
    notes: tuple[tuple[date, str, str], ...]  # day, routine name, note
    phases: tuple[tuple[date, date, str, str], ...]  # from, to, phase name, load

    def kinds(self) -> dict[D.DayKind, int]:
        out: dict[D.DayKind, int] = {}
        for d in self.days:
            out[d.kind] = out.get(d.kind, 0) + 1
        return out


def is_loading(protocol: Protocol | None) -> bool:
    """A routine with a loading exercise (sets × reps or an isometric hold): the one whose
    pain the programme follows (a stretch is "a pull, not pain")."""
    return protocol is not None and any(isinstance(s, StrengthStep) for s in protocol.steps)


class Tracker:
    def __init__(self, store: HistoryStore, programmes: Callable[[], Programmes],
                 routine: Callable[[str], Protocol | None], *,
                 now: Callable[[], datetime]) -> None:
        self.store = store
        self._programmes = programmes
        self._routine = routine
        self._now = now

    # ----------------------------------------------------------------- time

    def now(self) -> datetime:
        moment = self._now()
        return moment if moment.tzinfo is not None else moment.astimezone()

    @property
    def tz(self) -> tzinfo | None:
        return self.now().tzinfo

    def today(self) -> date:
        return self.now().date()

    # ----------------------------------------------------------------- state

    def state(self) -> ProgrammeState | None:
        return current(self.store.programme_events())

    def programme(self, state: ProgrammeState | None = None) -> Programme | None:
        state = state or self.state()
        return None if state is None else self._programmes().get(state.programme_id)

    def _event(self, kind: EventKind, programme_id: str, phase: int, detail: str = ""
               ) -> ProgrammeEvent:
        now = self.now()
        return ProgrammeEvent(now, now.date(), programme_id, kind, phase, detail)

    def start(self, programme_id: str) -> ProgrammeState:
        if self.state() is not None:
            raise ProgrammeError("a programme is already under way: end it first")
        programme = self._programmes().get(programme_id)
        if programme is None:
            raise ProgrammeError(f"no programme with the id {programme_id!r}")
        self.store.add_programme_event(self._event(EventKind.START, programme.id, 0,
                                                   programme.name))
        state = self.state()
        assert state is not None
        return state

    def _change(self, kind: EventKind) -> ProgrammeState | None:
        state = self.state()
        if state is None:
            raise ProgrammeError("no programme is under way")
        if kind is EventKind.PAUSE and state.paused:
            raise ProgrammeError("the programme is already paused")
        if kind is EventKind.RESUME and not state.paused:
            raise ProgrammeError("the programme is not paused")
        self.store.add_programme_event(self._event(kind, state.programme_id, state.phase))
        return self.state()

    def pause(self) -> ProgrammeState | None:
        return self._change(EventKind.PAUSE)

    def resume(self) -> ProgrammeState | None:
        return self._change(EventKind.RESUME)

    def end(self) -> None:
        self._change(EventKind.END)

    # ----------------------------------------------------------------- today

    def _names(self, phase: Phase) -> dict[str, str]:
        out = {}
        for planned in phase.routines:
            routine = self._routine(planned.routine)
            out[planned.routine] = routine.name if routine is not None else planned.routine
        return out

    def _items(self, phase: Phase, day: date, sessions: Iterable[DoneSession],
               runs: int) -> tuple[D.Item, ...]:
        return D.items_on(phase, day, sessions, runs, self._names(phase))

    def plan(self) -> Today | None:
        """Today's plan, or None when no programme is under way (or its file is gone)."""
        state = self.state()
        programme = self.programme(state)
        if state is None or programme is None:
            return None
        day = self.today()
        phase = programme.phase(state.phase)
        sessions = self.store.done_sessions(day, day, self.tz)
        runs = self.store.runs_by_day(day, day, self.tz).get(day, (0, 0.0))[0]
        items = self._items(phase, day, sessions, runs)
        rest = any(s.day == day and s.kind is SuggestionKind.RED_FLAG
                   and s.choice is Choice.ACCEPTED for s in self.store.suggestions(since=day))
        return Today(programme, state, day, state.phase, phase, items,
                     None if state.paused or rest else D.next_up(items), state.easing(day),
                     (day - state.started).days // 7 + 1, rest)

    def fewer_sets(self, protocol_id: str) -> tuple[int, date | None]:
        """Sets fewer on each loading step of ``protocol_id`` today (easing off), and until
        when; (0, None) when the routine is not eased."""
        state = self.state()
        if state is None or state.paused:
            return 0, None
        easing = state.easing(self.today())
        programme = self.programme(state)
        if easing is None or programme is None:
            return 0, None
        phase = programme.phase(state.phase)
        if protocol_id not in {p.routine for p in phase.routines} or \
                not is_loading(self._routine(protocol_id)):
            return 0, None
        return easing.fewer_sets, easing.until

    def reminder_slots(self, evening_minute: int) -> tuple[Slot, ...]:
        """The programme's reminder times (none while paused)."""
        state = self.state()
        programme = self.programme(state)
        if state is None or programme is None or state.paused:
            return ()
        return D.reminder_slots(programme.phase(state.phase), evening_minute)

    def done_today(self) -> int:
        plan = self.plan()
        return 0 if plan is None else D.done_today(plan.items)

    # ----------------------------------------------------------------- answers

    def _loading_ids(self, programme: Programme) -> set[str]:
        return {rid for rid in programme.routine_ids if is_loading(self._routine(rid))}

    def morning_due(self) -> bool:
        """The morning-after question: a loading session of the programme was done
        yesterday, and today's morning has not been asked (answered or skipped)."""
        state = self.state()
        programme = self.programme(state)
        if state is None or programme is None or state.paused:
            return False
        today = self.today()
        if self.store.morning_check(today) is not None:
            return False
        yesterday = today - timedelta(days=1)
        loading = self._loading_ids(programme)
        return any(s.counts and s.routine in loading
                   for s in self.store.done_sessions(yesterday, yesterday, self.tz))

    def answer_morning(self, pain: int | None, stiffer: bool | None) -> MorningCheck:
        """Record this morning's answer (both None: skipped, and not asked again today)."""
        now = self.now()
        check = MorningCheck(now.date(), now, pain, stiffer)
        self.store.save_morning_check(check)
        return check

    def pain_during_due(self, session_uid: str) -> bool:
        """Ask how much the exercises hurt during a session that just ended: a loading
        routine of the programme that did real work, not asked yet."""
        state = self.state()
        programme = self.programme(state)
        if state is None or programme is None or state.paused:
            return False
        session = self.store.session(session_uid)
        return (session is not None
                and (session.status is Status.COMPLETED or session.active_s >= 60)
                and session.protocol_id in self._loading_ids(programme)
                and session_uid not in self.store.pain_during([session_uid]))

    def answer_pain_during(self, session_uid: str, pain: int | None) -> None:
        self.store.save_pain_during(PainDuring(session_uid, self.now(), pain))

    # ----------------------------------------------------------------- suggestions

    def loading_days(self, programme: Programme, since: date, until: date
                     ) -> list[LoadingDay]:
        from soleus_coach.programme.rules import LoadingDay

        loading = self._loading_ids(programme)
        sessions = [s for s in self.store.done_sessions(since, until, self.tz)
                    if s.counts and s.routine in loading]
        during = self.store.pain_during(s.uid for s in sessions)
        by_day: dict[date, list[DoneSession]] = {}
        for s in sessions:
            by_day.setdefault(s.day, []).append(s)
        out = []
        for day in sorted(by_day):
            group = by_day[day]
            pains = [during[s.uid].pain for s in group if s.uid in during]
            durings = [p for p in pains if p is not None]
            afters = [s.pain_after for s in group if s.pain_after is not None]
            times = [during[s.uid].at for s in group if s.uid in during] + \
                [s.started_at for s in group if s.pain_after is not None]
            out.append(LoadingDay(day, len(group), max(durings) if durings else None,
                                  max(afters) if afters else None,
                                  max(times) if times else None))
        return out

    def evidence(self) -> Evidence | None:
        from soleus_coach.programme.rules import Evidence

        state = self.state()
        programme = self.programme(state)
        if state is None or programme is None:
            return None
        today, now = self.today(), self.now()
        since = max(state.started, today - timedelta(days=LOOKBACK_DAYS))
        return Evidence(
            today=today, now=now, programme_id=programme.id, phase_index=state.phase,
            phase=programme.phase(state.phase), phase_since=state.phase_since,
            has_next_phase=state.phase + 1 < len(programme.phases), ease=programme.ease_off,
            loading=self.loading_days(programme, since, today),
            mornings=self.store.morning_checks(since, today),
            suggestions=[s for s in self.store.suggestions(since=state.started)
                         if s.programme_id == programme.id],
            easing=state.easing(today), last_easing=state.last_easing())

    def _checkin_today(self) -> CheckIn | None:
        """Today's red-flag signs: the session check-ins' and the morning's pain."""
        today = self.today()
        session = self.store.checkin_today(today, self.tz)
        morning = self.store.morning_check(today)
        pains = [p for p in (session.pain if session else None,
                             morning.pain if morning else None) if p is not None]
        if session is None and not pains:
            return None
        return replace(session or CheckIn(), pain=max(pains) if pains else None)

    def suggestion(self) -> SuggestionRecord | None:
        """Today's suggestion: one already made today and not answered yet, or a new one
        (written to the history as it is made), or None. Never while paused."""
        state = self.state()
        if state is None or state.paused:
            return None
        today = self.today()
        waiting = [s for s in self.store.suggestions(since=today)
                   if s.choice is None and s.programme_id == state.programme_id]
        if waiting:
            return waiting[-1]
        evidence = self.evidence()
        if evidence is None:
            return None
        from soleus_coach import safety

        made = safety.programme_suggestion(evidence, self._checkin_today())
        if made is None:
            return None
        return replace(made, id=self.store.add_suggestion(made))

    def choose(self, rec: SuggestionRecord, choice: Choice) -> None:
        """The runner's answer, recorded with what it changes: easing off for the
        programme's days, or the next phase."""
        assert rec.id is not None
        state = self.state()
        programme = self.programme(state)
        then = None
        if choice is Choice.ACCEPTED and state is not None and programme is not None:
            if rec.kind in (SuggestionKind.EASE_OFF, SuggestionKind.SEE_PHYSIO):
                ease = programme.ease_off
                until = self.today() + timedelta(days=ease.days - 1)
                then = self._event(EventKind.EASE_OFF, programme.id, state.phase,
                                   ease_detail(until, ease.fewer_sets))
            elif rec.kind is SuggestionKind.MOVE_ON and state.phase + 1 < len(programme.phases):
                then = self._event(EventKind.PHASE, programme.id, state.phase + 1)
        self.store.choose(rec.id, choice, self.now(), then)

    # ----------------------------------------------------------------- calendar and report

    def days(self, since: date, until: date) -> list[CalendarDay]:
        """Each day of [since, until] in the programme runs that covered it."""
        runs = runs_of(self.store.programme_events())
        sessions = self.store.done_sessions(since, until, self.tz)
        km = self.store.runs_by_day(since, until, self.tz)
        mornings = {m.day: m for m in self.store.morning_checks(since, until)}
        today = self.today()
        out = []
        day = since
        while day <= until:
            state = next((s for s in reversed(runs) if s.covers(day)), None)
            programme = self._programmes().get(state.programme_id) if state else None
            n, metres = km.get(day, (0, 0.0))
            if state is None or programme is None:
                result = D.Day(day, D.DayKind.NONE)
            else:
                result = D.day_of(state, programme.phases, day, today, sessions, n,
                                  self._names(programme.phase(state.phase_on(day))))
            out.append(CalendarDay(result, mornings.get(day), metres / 1000))
            day += timedelta(days=1)
        return out

    def weekly_km(self, since: date, until: date) -> list[tuple[date, float]]:
        """Running distance of each week (Monday) that touches [since, until]."""
        first = since - timedelta(days=since.weekday())
        km = self.store.runs_by_day(first, until, self.tz)
        out = []
        monday = first
        while monday <= until:
            out.append((monday, sum(m for d, (_n, m) in km.items()
                                    if monday <= d < monday + timedelta(days=7)) / 1000))
            monday += timedelta(days=7)
        return out

    def report(self, since: date, until: date,
               day_text: Callable[[date], str] = date.isoformat) -> ReportData:
        """The report's figures: the programme(s) and phases, adherence, each day's pain
        (mornings, during, after) and running, weekly distance, suggestions with the choices,
        and the notes written to sessions."""
        if until < since:
            raise ProgrammeError("the period ends before it starts")
        days = self.days(since, until)
        library = self._programmes()
        runs = [s for s in runs_of(self.store.programme_events())
                if s.started <= until and (s.ended is None or s.ended >= since)]
        sessions = self.store.done_sessions(since, until, self.tz)
        during = self.store.pain_during(s.uid for s in sessions)
        loading: set[str] = set()
        named: list[tuple[str, str]] = []
        phases: list[tuple[date, date, str, str]] = []
        for run in runs:
            programme = library.get(run.programme_id)
            first, last = max(run.started, since), min(run.ended or until, until)
            named.append((programme.name if programme else run.name,
                          f"{day_text(first)} – {day_text(last)}"))
            if programme is not None:
                loading |= self._loading_ids(programme)
                phases += _phase_spans(run, programme, first, last)
        per_day: dict[date, list[DoneSession]] = {}
        for s in sessions:
            if s.counts and s.routine in loading:
                per_day.setdefault(s.day, []).append(s)
        report_days = []
        for c in days:
            group = per_day.get(c.day.day, [])
            durings = [during[s.uid].pain for s in group if s.uid in during
                       and during[s.uid].pain is not None]
            afters = [s.pain_after for s in group if s.pain_after is not None]
            report_days.append(ReportDay(
                c.day.day, c.day.kind, c.morning.pain if c.morning else None,
                max((p for p in durings if p is not None), default=None),
                max(afters, default=None), c.km, c.day.phase))
        due = sum(i.due for c in days for i in c.day.items)
        done = sum(min(i.done, i.due) for c in days for i in c.day.items)
        from soleus_coach import safety

        suggestions = []
        for rec in self.store.suggestions(since=since, until=until):
            programme = library.get(rec.programme_id)
            words = None if programme is None else safety.suggestion_words(rec, programme,
                                                                           day_text)
            suggestions.append((rec, words))
        notes = tuple((s.day, s.name, s.notes) for s in sessions if s.notes.strip())
        return ReportData(since, until, tuple(named), tuple(report_days), done, due,
                          tuple(self.weekly_km(since, until)), tuple(suggestions), notes,
                          tuple(phases))


def _phase_spans(run: ProgrammeState, programme: Programme, first: date,
                 last: date) -> list[tuple[date, date, str, str]]:
    out: list[tuple[date, date, str, str]] = []
    day = first
    while day <= last:
        index = run.phase_on(day)
        end = day
        while end + timedelta(days=1) <= last and run.phase_on(end + timedelta(days=1)) == index:
            end += timedelta(days=1)
        phase = programme.phase(index)
        out.append((day, end, phase.name, phase.load))
        day = end + timedelta(days=1)
    return out


def describe_items(items: Sequence[D.Item]) -> str:
    """Today's plan in one plain line for the command line: "Heel drops 1 of 2 · After-run
    stretch done"."""
    parts = []
    for item in items:
        if item.follows_runs:
            parts.append(f"{item.label} {'done' if item.done else 'after each run'}")
        elif item.due == 0:
            parts.append(f"{item.label} rest day")
        elif item.complete:
            parts.append(f"{item.label} done" if item.due == 1
                         else f"{item.label} {item.due} of {item.due}")
        else:
            parts.append(f"{item.label} {item.done} of {item.due}")
    return " · ".join(parts)
