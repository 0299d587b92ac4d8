"""The session state machine. Plain Python on an injected clock; never counts ticks.

Every remaining time is ``deadline - clock.now()``. When a segment ends, the next starts at
the old deadline, not at the moment the app noticed, so late or missed polls cannot make a
session drift. The clock counts time asleep, so a laptop that slept through the end of the
ice finds the ice over; time spent paused is not counted. Each transition is an event given
to every subscriber; nobody needs to poll the engine to learn what changed.

Rules (see docs/timing.md):
- back: within ``BACK_GRACE_S`` of a segment's start, go to the previous segment; otherwise
  restart the current one.
- cues fire ``cue_lead_s`` early (the sound back-end's start latency). A cue whose time
  passed more than ``LATE_AFTER_S`` ago is late: of several late cues found at once (the app
  slept or was blocked), only the last is delivered, once, marked late.
- while paused no cue fires; skip/back while paused move without starting the clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from soleus_coach.cues import Cue
from soleus_coach.protocol.model import SelfPaced
from soleus_coach.session.clock import Clock
from soleus_coach.session.plan import Plan, ScheduledCue, Segment, SegmentKind

BACK_GRACE_S = 2.0
LATE_AFTER_S = 1.0
HOLD_STEP_S = 5.0


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class Outcome(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    STOPPED = "stopped"
    HURT = "hurt"  # ended by "it hurts"


@dataclass(frozen=True, slots=True)
class StateChanged:
    old: State
    new: State


@dataclass(frozen=True, slots=True)
class SegmentStarted:
    segment: Segment
    duration_s: float


@dataclass(frozen=True, slots=True)
class SegmentEnded:
    segment: Segment
    outcome: Outcome
    actual_s: float  # active time spent in it (pauses excluded)


@dataclass(frozen=True, slots=True)
class CueDue:
    cue: Cue
    segment: Segment
    due_at: float  # clock time the cue was due (before the lead)
    late: bool
    sound: Path | None
    variant: str = ""  # which one of a family: "7" for a count, "2_of_3" for a set


@dataclass(frozen=True, slots=True)
class RepCounted:
    """The runner pressed Enter in a self-paced set: ``done`` reps (or the set) so far."""

    segment: Segment
    done: int


@dataclass(frozen=True, slots=True)
class HoldAdjusted:
    segment: Segment
    duration_s: float


@dataclass(frozen=True, slots=True)
class Slept:
    seconds: float


Event = (StateChanged | SegmentStarted | SegmentEnded | CueDue | HoldAdjusted | Slept
         | RepCounted)
Listener = Callable[[Event], None]


class Engine:
    def __init__(self, plan: Plan, clock: Clock, *, cue_lead_s: float = 0.0) -> None:
        if not plan.segments:
            raise ValueError("a plan needs at least one segment")
        self.plan = plan
        self.clock = clock
        self.cue_lead_s = cue_lead_s
        self._listeners: list[Listener] = []
        self._state = State.READY
        self._index = 0
        self._durations = [s.duration_s for s in plan.segments]
        self._seg_start = 0.0  # clock time the current segment (re)started, pauses shifted out
        self._pause_began = 0.0
        self._paused_total = 0.0
        self._done_active = 0.0  # active seconds of segments already ended
        self._fired: set[int] = set()  # indexes into the current segment's cues
        self._prefired: set[int] = set()  # the next segment's opening cues, fired early
        self._slept_seen = clock.slept()
        self._started_at = 0.0
        self._ended_at: float | None = None
        self._stopped_progress = 0.0
        self._reps_done = 0  # key presses in the current self-paced set

    # ----------------------------------------------------------------- subscription

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, events: list[Event]) -> list[Event]:
        for event in events:
            for listener in list(self._listeners):
                listener(event)
        return events

    # ----------------------------------------------------------------- read-only state

    @property
    def state(self) -> State:
        return self._state

    @property
    def index(self) -> int:
        return self._index

    @property
    def segment(self) -> Segment:
        return self.plan.segments[self._index]

    def duration(self, index: int | None = None) -> float:
        return self._durations[self._index if index is None else index]

    @property
    def reps_done(self) -> int:
        """Key presses so far in a self-paced set (0 elsewhere)."""
        return self._reps_done

    def _deadline(self) -> float:
        """When the current segment ends on its own: never, for a set the runner paces (its
        duration is only an estimate, for totals and progress)."""
        if self.segment.manual is not None:
            return math.inf
        return self._seg_start + self.duration()

    def _now_active(self) -> float:
        """The clock as the session sees it: frozen while paused."""
        if self._state is State.PAUSED:
            return self._pause_began
        if self._state in (State.FINISHED, State.STOPPED):
            return self._ended_at if self._ended_at is not None else self.clock.now()
        return self.clock.now()

    @property
    def segment_elapsed_s(self) -> float:
        if self._state is State.READY:
            return 0.0
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        # A self-paced set lasts as long as the runner takes (its duration is an estimate).
        limit = self.duration() if self.segment.manual is None else math.inf
        return max(0.0, min(limit, self._now_active() - self._seg_start))

    @property
    def remaining_s(self) -> float:
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        return max(0.0, self.duration() - self.segment_elapsed_s)

    @property
    def total_remaining_s(self) -> float:
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        return self.remaining_s + sum(self._durations[self._index + 1:])

    @property
    def active_s(self) -> float:
        """Seconds of the routine done so far (pauses excluded)."""
        return self._done_active + self.segment_elapsed_s

    @property
    def paused_s(self) -> float:
        extra = self.clock.now() - self._pause_began if self._state is State.PAUSED else 0.0
        return self._paused_total + extra

    @property
    def planned_s(self) -> float:
        return sum(self._durations)

    @property
    def progress(self) -> float:
        """Where in the routine we are: planned time before this point, over all of it."""
        if self._state in (State.FINISHED, State.STOPPED):
            return 1.0 if self._state is State.FINISHED else self._stopped_progress
        total = self.planned_s
        done = sum(self._durations[: self._index]) + self.segment_elapsed_s
        return 1.0 if total <= 0 else min(1.0, done / total)

    @property
    def elapsed_wall_s(self) -> float:
        """Clock time since start, pauses included."""
        if self._state is State.READY:
            return 0.0
        end = self._ended_at if self._ended_at is not None else self.clock.now()
        return end - self._started_at

    # ----------------------------------------------------------------- actions

    def start(self) -> list[Event]:
        if self._state is not State.READY:
            return []
        now = self.clock.now()
        self._started_at = now
        events: list[Event] = [self._set_state(State.RUNNING)]
        events += self._enter(0, now)
        events += self._process(now)
        return self._emit(events)

    def pause(self) -> list[Event]:
        if self._state is not State.RUNNING:
            return []
        now = self.clock.now()
        events = self._process(now)  # deliver what was due before the pause
        if not self._live():  # the routine ended meanwhile
            return self._emit(events)
        self._pause_began = now
        events.append(self._set_state(State.PAUSED))
        return self._emit(events)

    def resume(self) -> list[Event]:
        if self._state is not State.PAUSED:
            return []
        now = self.clock.now()
        gap = now - self._pause_began
        self._paused_total += gap
        self._seg_start += gap
        self._slept_seen = self.clock.slept()  # sleep while paused is just pause
        events: list[Event] = [self._set_state(State.RUNNING)]
        events += self._process(now)
        return self._emit(events)

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self._state is State.PAUSED else self.pause()

    def skip(self) -> list[Event]:
        last = len(self.plan.segments) - 1
        return self._jump(lambda: None if self._index >= last else self._index + 1)

    def back(self) -> list[Event]:
        def target() -> int:
            if self.segment_elapsed_s < BACK_GRACE_S and self._index > 0:
                return self._index - 1
            return self._index

        return self._jump(target)

    def restart_segment(self) -> list[Event]:
        return self._jump(lambda: self._index)

    def hurt(self) -> list[Event]:
        """"It hurts": the current segment ends now (recorded as :attr:`Outcome.HURT`) and
        the next one begins."""
        last = len(self.plan.segments) - 1
        return self._jump(lambda: None if self._index >= last else self._index + 1,
                          Outcome.HURT)

    def jump_to(self, index: int) -> list[Event]:
        """Leave the current segment as skipped and go straight to ``index`` (a later one:
        the ice, after "it hurts"); the segments between are not run."""
        if not self._index < index < len(self.plan.segments):
            return []
        return self._jump(lambda: index)

    def _jump(self, choose: Callable[[], int | None],
              outcome: Outcome = Outcome.SKIPPED) -> list[Event]:
        """Catch up with the clock, leave the current segment as ``outcome``, and enter the
        one ``choose`` names then (None: the routine is over). Paused stays paused."""
        if not self._live():
            return []
        now = self.clock.now()
        events = self._process(now) if self._state is State.RUNNING else []
        if not self._live():
            return self._emit(events)
        target = choose()
        events.append(self._leave(outcome))
        if target is None:
            events.append(self._finish(now, State.FINISHED))
            return self._emit(events)
        events += self._enter(target, self._now_active())
        if self._state is State.RUNNING:
            events += self._process(now)
        return self._emit(events)

    def adjust_hold(self, delta_s: float = HOLD_STEP_S) -> list[Event]:
        """Lengthen (or shorten, with a negative delta) the current hold within its range."""
        seg = self.segment
        if (self._state not in (State.RUNNING, State.PAUSED) or seg.kind is not SegmentKind.HOLD
                or seg.adjustable is None):
            return []
        rng = seg.adjustable
        new = min(rng.maximum, max(rng.minimum, self.duration() + delta_s))
        if new == self.duration():
            return []
        self._durations[self._index] = new
        events: list[Event] = [HoldAdjusted(seg, new)]
        if self._state is State.RUNNING:
            events += self._process(self.clock.now())
        return self._emit(events)

    def count_rep(self) -> list[Event]:
        """Enter in a self-paced set: one more rep done (or, counted by the set, the set
        done). The set ends when its reps are done; the next segment starts now."""
        seg = self.segment
        if self._state is not State.RUNNING or seg.manual is None:
            return []
        now = self.clock.now()
        events = self._process(now)
        if self.segment is not seg or self._state is not State.RUNNING:
            return self._emit(events)
        self._reps_done += 1
        target = seg.count if seg.manual is SelfPaced.REP else 1
        events.append(RepCounted(seg, self._reps_done))
        if self._reps_done < target:
            last = self._reps_done == target - 1 and target > 1
            events.append(CueDue(Cue.LAST_REP if last else Cue.REP, seg, now, False,
                                 self._sound(seg, Cue.LAST_REP if last else Cue.REP),
                                 "" if last else str(self._reps_done)))
            return self._emit(events)
        actual = self.segment_elapsed_s
        self._done_active += actual
        events.append(SegmentEnded(seg, Outcome.COMPLETED, actual))
        if self._index + 1 >= len(self.plan.segments):
            events.append(self._finish(now, State.FINISHED))
        else:
            events += self._enter(self._index + 1, now)
            events += self._process(now)
        return self._emit(events)

    def _sound(self, seg: Segment, cue: Cue) -> Path | None:
        """A custom sound the protocol gave for ``cue`` in this step (on any cue of it)."""
        for scheduled in seg.cues:
            if scheduled.cue is cue:
                return scheduled.sound
        return None

    def stop(self) -> list[Event]:
        if self._state not in (State.RUNNING, State.PAUSED):
            return []
        now = self.clock.now()
        events = self._process(now) if self._state is State.RUNNING else []
        if not self._live():
            return self._emit(events)
        self._stopped_progress = self.progress
        events.append(self._leave(Outcome.STOPPED))
        events.append(self._finish(self._now_active(), State.STOPPED))
        return self._emit(events)

    def poll(self) -> list[Event]:
        """Bring the session up to the clock's time; returns (and emits) what happened."""
        if self._state is not State.RUNNING:
            return []
        return self._emit(self._process(self.clock.now()))

    def next_wakeup(self) -> float | None:
        """The clock time at which something next changes: a cue, a segment end, or the
        displayed (rounded-up) second. None when nothing will change on its own."""
        if self._state is not State.RUNNING:
            return None
        now = self.clock.now()
        deadline = self._deadline()
        times = [deadline]
        remaining = deadline - now
        if remaining > 0 and math.isfinite(deadline):
            times.append(deadline - (math.ceil(remaining) - 1))
        for i, cue in enumerate(self.segment.cues):
            if i not in self._fired:
                times.append(self._seg_start + cue.due_in(self.duration()) - self.cue_lead_s)
        if self._opening_cues():
            times.append(deadline - self.cue_lead_s)
        future = [t for t in times if t > now and math.isfinite(t)]
        if not future:  # a self-paced set: nothing changes until a key is pressed
            return None if not math.isfinite(deadline) else now
        return min(future)

    # ----------------------------------------------------------------- internals

    def _live(self) -> bool:
        return self._state in (State.RUNNING, State.PAUSED)

    def _set_state(self, new: State) -> StateChanged:
        old, self._state = self._state, new
        return StateChanged(old, new)

    def _enter(self, index: int, at: float) -> list[Event]:
        natural_next = index == self._index + 1 and at == self._seg_start + self.duration()
        self._index = index
        self._seg_start = at
        self._fired = self._prefired if natural_next else set()
        self._prefired = set()
        self._reps_done = 0
        return [SegmentStarted(self.segment, self.duration())]

    def _leave(self, outcome: Outcome) -> SegmentEnded:
        actual = self.segment_elapsed_s
        self._done_active += actual
        return SegmentEnded(self.segment, outcome, actual)

    def _finish(self, at: float, state: State) -> StateChanged:
        self._ended_at = at
        return self._set_state(state)

    def _due_cues(self, upto: float) -> list[tuple[float, ScheduledCue]]:
        due = []
        for i, cue in enumerate(self.segment.cues):
            if i in self._fired:
                continue
            at = self._seg_start + cue.due_in(self.duration())
            if at - self.cue_lead_s <= upto + 1e-9:
                self._fired.add(i)
                due.append((at, cue))
        return due

    def _opening_cues(self) -> list[tuple[int, ScheduledCue]]:
        """The next segment's cues due at its very start (they may fire before it begins)."""
        if self._index + 1 >= len(self.plan.segments):
            return []
        nxt = self.plan.segments[self._index + 1]
        return [(i, c) for i, c in enumerate(nxt.cues)
                if not c.from_end and c.offset_s == 0 and i not in self._prefired]

    def _prefire_next(self, now: float, deadline: float) -> list[Event]:
        if not math.isfinite(deadline) or deadline - self.cue_lead_s > now + 1e-9:
            return []
        nxt = self.plan.segments[self._index + 1] if self._index + 1 < len(
            self.plan.segments) else None
        out: list[Event] = []
        for i, cue in self._opening_cues():
            assert nxt is not None
            self._prefired.add(i)
            out.append(CueDue(cue.cue, nxt, deadline, False, cue.sound, cue.variant))
        return out

    def _process(self, now: float) -> list[Event]:
        """Advance through every segment whose deadline has passed, in time order."""
        events: list[Event] = []
        slept = self.clock.slept()
        if slept - self._slept_seen > 0.5:
            events.append(Slept(slept - self._slept_seen))
        self._slept_seen = slept
        while self._state is State.RUNNING:
            deadline = self._deadline()
            for at, cue in self._due_cues(min(now, deadline)):
                events.append(CueDue(cue.cue, self.segment, at, now - at > LATE_AFTER_S,
                                     cue.sound, cue.variant))
            if now < deadline:
                events += self._prefire_next(now, deadline)
                break
            seg = self.segment
            self._done_active += self.duration()
            events.append(SegmentEnded(seg, Outcome.COMPLETED, self.duration()))
            if self._index + 1 >= len(self.plan.segments):
                events.append(self._finish(deadline, State.FINISHED))
            else:
                events += self._enter(self._index + 1, deadline)
        # Of the cues missed while asleep or blocked, only the most recent is worth saying.
        late = [e for e in events if isinstance(e, CueDue) and e.late]
        return [e for e in events if not (isinstance(e, CueDue) and e.late and e is not late[-1])]
