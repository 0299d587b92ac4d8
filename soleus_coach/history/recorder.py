"""Writes a running session into the history as it goes. No Qt.

The recorder listens to the engine: the session row is written when the session starts,
then at every segment end and state change, so a crash loses at most the segment in
progress. If a write fails (disk full, folder read-only) the full record stays in memory,
:attr:`SessionRecorder.error` says why, and every later event tries again.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime

from soleus_coach.checkin import CheckIn
from soleus_coach.history.records import (
    EventRecord,
    SegmentRecord,
    SessionRecord,
    Status,
    utc_now,
)
from soleus_coach.history.store import HistoryStore, StoreWriteError
from soleus_coach.history.words import recorded_label
from soleus_coach.session.engine import (
    Engine,
    Event,
    SegmentEnded,
    State,
    StateChanged,
)
from soleus_coach.session.plan import Plan

log = logging.getLogger(__name__)

_FINAL = {State.FINISHED: Status.COMPLETED, State.STOPPED: Status.STOPPED}


class SessionRecorder:
    def __init__(self, store: HistoryStore, engine: Engine, plan: Plan, *, digest: str,
                 leg: str = "", before: CheckIn | None = None,
                 now: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.engine = engine
        self._now = now
        self.record = SessionRecord(
            uid=uuid.uuid4().hex, protocol_id=plan.protocol_id,
            protocol_name=plan.protocol_name, protocol_digest=digest, started_at=now(),
            planned_s=plan.total_s, leg=leg, before=before)
        self.error: str | None = None  # why the last write failed; None when saved
        self.on_error: Callable[[str], None] | None = None  # told once per failure streak
        self._unsubscribe = engine.subscribe(self._on_event)
        self._seq = 0

    @property
    def saved(self) -> bool:
        return self.error is None

    def detach(self) -> None:
        self._unsubscribe()

    def _on_event(self, event: Event) -> None:
        rec = self.record
        if isinstance(event, SegmentEnded):
            seg = event.segment
            rec.segments.append(SegmentRecord(
                seq=self._seq, kind=seg.kind.value,
                label=recorded_label(seg.label, seg.round, seg.rounds),
                side=seg.side.value if seg.side else None, rep=seg.rep,
                planned_s=self.engine.duration(seg.index), actual_s=round(event.actual_s, 3),
                outcome=event.outcome.value, ended_at=self._now()))
            self._seq += 1
        elif isinstance(event, StateChanged):
            if event.new in _FINAL:
                rec.status = _FINAL[event.new]
                rec.ended_at = self._now()
            elif event.old is not State.READY:
                return  # pause/resume: saved with the next segment end
        else:
            return
        self.save()

    def save(self) -> bool:
        """Write the record now; False (and :attr:`error` set) if it could not be."""
        rec = self.record
        rec.active_s = round(self.engine.active_s, 3)
        rec.paused_s = round(self.engine.paused_s, 3)
        try:
            self.store.save(rec)
        except StoreWriteError as exc:
            first = self.error is None
            self.error = str(exc)
            log.warning("%s", exc)
            if first and self.on_error is not None:
                self.on_error(self.error)
            return False
        self.error = None
        return True

    def add_event(self, kind: str, detail: str) -> bool:
        self.record.events.append(EventRecord(self._now(), kind, detail))
        return self.save()

    def set_after(self, checkin: CheckIn) -> bool:
        self.record.after = checkin
        return self.save()

    def set_before(self, checkin: CheckIn | None) -> bool:
        self.record.before = checkin
        return self.save()


def declined_session(plan: Plan, *, digest: str, leg: str, before: CheckIn | None,
                     event_kind: str, event_detail: str,
                     now: Callable[[], datetime] = utc_now) -> SessionRecord:
    """The record of a routine not started because of red flags: the check-in and the
    choice are kept in the history, with no time done."""
    moment = now()
    return SessionRecord(
        uid=uuid.uuid4().hex, protocol_id=plan.protocol_id, protocol_name=plan.protocol_name,
        protocol_digest=digest, started_at=moment, planned_s=plan.total_s, leg=leg,
        status=Status.STOPPED, ended_at=moment, before=before,
        events=[EventRecord(moment, event_kind, event_detail)])
