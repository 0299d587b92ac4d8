"""History export as CSV (one row per session, then one per run) or JSON (everything).
ISO-8601 times, UTC.

Runs in CSV: the run columns follow the session columns, and the ``type`` column says which
kind a row is (``session`` or ``run``); a run row fills ``id`` (``run-<n>``), ``started_at``,
``ended_at`` and its own columns. One table, so a spreadsheet filters it by ``type``. In JSON
runs are a ``runs`` array beside ``sessions``. A run's ``local_started_at`` is its start on
its own clock (with the offset), as the window and the command line show it; its time is
``moving_s`` (the watch's timer) and its pace is over that time; ``not_sure`` marks a run the
runner has not yet confirmed (counted nowhere).

``read_json`` reads an export back into records: the JSON export loses nothing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, TextIO

from soleus_coach.checkin import CheckIn
from soleus_coach.history.records import (
    EventRecord,
    SegmentRecord,
    SessionRecord,
    Status,
    from_iso,
    to_iso,
)
from soleus_coach.runs.model import Run
from soleus_coach.untrusted import csv_cell, one_line

FORMAT = "soleus-coach-history"
FORMAT_VERSION = 1

SESSION_CSV_COLUMNS = (
    "id", "started_at", "ended_at", "protocol_id", "protocol_name", "protocol_sha256",
    "status", "planned_s", "active_s", "paused_s", "leg", "pain_before", "flags_before",
    "pain_after", "flags_after", "segments_completed", "segments_skipped", "notes",
)
RUN_CSV_COLUMNS = (
    "type", "distance_km", "moving_s", "elapsed_s", "climb_m", "pace_s_per_km", "source",
    "file_name", "activity_name", "surface", "shoes", "utc_offset_s", "local_started_at",
    "not_sure",
)
CSV_COLUMNS: tuple[str, ...] = SESSION_CSV_COLUMNS + RUN_CSV_COLUMNS
_SESSION_TAIL = ("session", *[""] * (len(RUN_CSV_COLUMNS) - 1))


def _opt(moment: datetime | None) -> str | None:
    return None if moment is None else to_iso(moment)


def _checkin_json(c: CheckIn | None) -> dict[str, Any] | None:
    return None if c is None else {"pain": c.pain, "flags": list(c.flags)}


def _checkin_from(data: Any) -> CheckIn | None:
    if data is None:
        return None
    return CheckIn(pain=data["pain"], **{n: True for n in data["flags"]})


def _detail(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _detail_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def session_json(rec: SessionRecord) -> dict[str, Any]:
    return {
        "id": rec.uid,
        "protocol": {"id": rec.protocol_id, "name": rec.protocol_name,
                     "sha256": rec.protocol_digest},
        "started_at": to_iso(rec.started_at),
        "ended_at": _opt(rec.ended_at),
        "updated_at": _opt(rec.updated_at),
        "status": rec.status.value,
        "planned_s": rec.planned_s,
        "active_s": rec.active_s,
        "paused_s": rec.paused_s,
        "leg": rec.leg,
        "before": _checkin_json(rec.before),
        "after": _checkin_json(rec.after),
        "notes": rec.notes,
        "segments": [{"seq": s.seq, "kind": s.kind, "label": s.label, "side": s.side,
                      "rep": s.rep, "planned_s": s.planned_s, "actual_s": s.actual_s,
                      "outcome": s.outcome, "ended_at": to_iso(s.ended_at)}
                     for s in rec.segments],
        "events": [{"at": to_iso(e.at), "kind": e.kind, "detail": _detail(e.detail)}
                   for e in rec.events],
    }


def run_json(run: Run) -> dict[str, Any]:
    return {
        "id": run.id, "started_at": to_iso(run.start), "utc_offset_s": run.offset_s,
        "local_started_at": run.local_start.isoformat(), "distance_m": run.distance_m,
        "moving_s": run.moving_s, "elapsed_s": run.elapsed_s,
        "climb_m": run.climb_m, "pace_s_per_km": round(run.pace_s_per_km, 1),
        "sport": run.sport, "source": run.source.value, "file_name": run.file_name,
        "name": run.name, "surface": run.surface.value if run.surface else None,
        "shoes": run.shoe or None, "content_hash": run.content_hash,
        "not_sure": run.not_sure,
    }


def write_json(records: Iterable[SessionRecord], out: TextIO, *, exported_at: datetime,
               runs: Iterable[Run] = ()) -> int:
    sessions = [session_json(r) for r in records]
    json.dump({"format": FORMAT, "version": FORMAT_VERSION,
               "exported_at": to_iso(exported_at), "sessions": sessions,
               "runs": [run_json(r) for r in runs]},
              out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(sessions)


def read_json(source: TextIO) -> list[SessionRecord]:
    data = json.load(source)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Soleus Coach history export")
    out = []
    for s in data["sessions"]:
        rec = SessionRecord(
            uid=s["id"], protocol_id=s["protocol"]["id"], protocol_name=s["protocol"]["name"],
            protocol_digest=s["protocol"]["sha256"], started_at=from_iso(s["started_at"]),
            planned_s=s["planned_s"], leg=s["leg"], status=Status(s["status"]),
            ended_at=from_iso(s["ended_at"]) if s["ended_at"] else None,
            updated_at=from_iso(s["updated_at"]) if s["updated_at"] else None,
            active_s=s["active_s"], paused_s=s["paused_s"], before=_checkin_from(s["before"]),
            after=_checkin_from(s["after"]), notes=s["notes"])
        rec.segments = [SegmentRecord(g["seq"], g["kind"], g["label"], g["side"], g["rep"],
                                      g["planned_s"], g["actual_s"], g["outcome"],
                                      from_iso(g["ended_at"])) for g in s["segments"]]
        rec.events = [EventRecord(from_iso(e["at"]), e["kind"], _detail_text(e["detail"]))
                      for e in s["events"]]
        out.append(rec)
    return out


def _line(text: str) -> str:
    """A one-line field (a name, an id): one line in the file, whatever the history holds,
    and no formula."""
    return csv_cell(one_line(text))


def write_csv(records: Iterable[SessionRecord], out: TextIO, runs: Iterable[Run] = ()) -> int:
    """Sessions, then runs (see the module's docstring); returns the number of sessions.

    Every field is quoted, so a line break inside notes stays in its cell; every text from
    the history or a GPS file goes through :func:`csv_cell`, so no line of a cell starts a
    formula and no cell is longer than a spreadsheet holds (32,767 characters: longer notes
    are cut there, and the JSON export keeps them whole)."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in records:
        writer.writerow([
            _line(r.uid), to_iso(r.started_at), _opt(r.ended_at) or "", _line(r.protocol_id),
            _line(r.protocol_name), _line(r.protocol_digest), r.status.value,
            f"{r.planned_s:g}", f"{r.active_s:.1f}", f"{r.paused_s:.1f}", _line(r.leg),
            "" if r.before is None or r.before.pain is None else r.before.pain,
            " ".join(r.before.flags) if r.before else "",
            "" if r.after is None or r.after.pain is None else r.after.pain,
            " ".join(r.after.flags) if r.after else "",
            sum(1 for s in r.segments if s.outcome == "completed"),
            sum(1 for s in r.segments if s.outcome == "skipped"),
            csv_cell(r.notes), *_SESSION_TAIL,
        ])
        n += 1
    for run in runs:
        writer.writerow(run_csv_row(run))
    return n


def run_csv_row(run: Run) -> list[str]:
    """A run's CSV row: every text from a file (names, file name, shoes) is neutralised."""
    ended = run.start + timedelta(seconds=run.elapsed_s)
    head = {"id": f"run-{run.id}", "started_at": to_iso(run.start), "ended_at": to_iso(ended)}
    return [*(head.get(c, "") for c in SESSION_CSV_COLUMNS),
            "run", f"{run.distance_m / 1000:.3f}", f"{run.time_s:.0f}",
            f"{run.elapsed_s:.0f}", "" if run.climb_m is None else f"{run.climb_m:.0f}",
            f"{run.pace_s_per_km:.0f}", run.source.value, _line(run.file_name),
            _line(run.name), run.surface.value if run.surface else "", _line(run.shoe),
            str(run.offset_s), run.local_start.isoformat(), "1" if run.not_sure else ""]
