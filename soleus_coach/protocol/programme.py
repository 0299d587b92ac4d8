"""Programme files: read, validated by the routine format's walker against
:mod:`~soleus_coach.protocol.programme_spec`, and turned into frozen values. No Qt.

A programme names routines by id; the ids must exist when it is loaded (bundled routines or
the user's own): :func:`parse_programme` checks them against the ids it is given, and says
where a missing one is named (``$.phases[1].routines[0].routine``). Like routines, a bad file
is reported and skipped, and a file of the user's with a bundled programme's id replaces it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from soleus_coach.digest import sha256_hex
from soleus_coach.protocol import programme_spec as P
from soleus_coach.protocol.loader import (
    ProtocolError,
    ProtocolInvalid,
    decode_json,
    invalid,
    read_guarded,
    walk,
)
from soleus_coach.protocol.model import Origin, _pick

#: More programme files than this in one folder are not read.
MAX_FILES = 200


class Often(StrEnum):
    AFTER_RUN = "after-every-run"
    BEFORE_RUN = "before-every-run"
    ONCE_A_DAY = "once-a-day"
    TWICE_A_DAY = "twice-a-day"
    DAYS_A_WEEK = "days-a-week"

    @property
    def follows_runs(self) -> bool:
        """Done around each run: due on the days with a run, not at a time of day."""
        return self in (Often.AFTER_RUN, Often.BEFORE_RUN)


@dataclass(frozen=True, slots=True)
class Planned:
    """One routine of a phase, and how often."""

    routine: str
    often: Often
    label: str = ""
    days: int = 0  # with DAYS_A_WEEK

    @property
    def per_day(self) -> int:
        return 2 if self.often is Often.TWICE_A_DAY else 1


@dataclass(frozen=True, slots=True)
class MoveOn:
    days: int
    pain_during_max: int
    morning_pain_max: int | None = None


@dataclass(frozen=True, slots=True)
class EaseOff:
    days: int = 3
    fewer_sets: int = 1


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    load: str
    routines: tuple[Planned, ...]
    move_on: MoveOn | None = None


@dataclass(frozen=True, slots=True)
class PhaseTexts:
    name: str = ""
    load: str = ""
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgrammeTexts:
    name: str = ""
    summary: str = ""
    phases: tuple[PhaseTexts, ...] = ()


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    name: str
    summary: str
    phases: tuple[Phase, ...]
    ease_off: EaseOff = EaseOff()
    weeks: int | None = None
    author: str = ""
    source: str = ""
    language: str = "en"
    translations: Mapping[str, ProgrammeTexts] = field(default_factory=dict)
    digest: str = ""
    path: Path | None = None
    origin: Origin = Origin.BUNDLED

    def phase(self, index: int) -> Phase:
        """Phase ``index``, the last one for an index past it (a programme edited to have
        fewer phases than the runner had reached)."""
        return self.phases[max(0, min(index, len(self.phases) - 1))]

    @property
    def routine_ids(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for phase in self.phases:
            for planned in phase.routines:
                seen.setdefault(planned.routine)
        return tuple(seen)

    def localized(self, language: str) -> Programme:
        """The programme with its texts in ``language`` where the file has them."""
        chosen = _pick(language, self.translations, self.language)
        if chosen is None:
            return self
        tr = self.translations[chosen]
        phases = []
        for i, phase in enumerate(self.phases):
            pt = tr.phases[i] if i < len(tr.phases) else PhaseTexts()
            routines = tuple(replace(r, label=pt.labels[k]) if k < len(pt.labels) else r
                             for k, r in enumerate(phase.routines))
            phases.append(replace(phase, name=pt.name or phase.name,
                                  load=pt.load or phase.load, routines=routines))
        return replace(self, name=tr.name or self.name, summary=tr.summary or self.summary,
                       phases=tuple(phases))


# --------------------------------------------------------------------------- reading


def _rules(doc: dict[str, Any], routine_ids: Collection[str] | None) -> list[tuple[str, str]]:
    """What the spec's ``rules`` say and a schema cannot: checked once the shape is right."""
    errors: list[tuple[str, str]] = []
    phases = doc["phases"]
    for i, phase in enumerate(phases):
        loc = f"$.phases[{i}]"
        if i == len(phases) - 1 and "move_on" in phase:
            errors.append((f"{loc}.move_on", "the last phase has no next phase to move on "
                           "to; leave move_on out"))
        for k, planned in enumerate(phase["routines"]):
            ploc = f"{loc}.routines[{k}]"
            weekly = planned["often"] == Often.DAYS_A_WEEK.value
            if weekly and "days" not in planned:
                errors.append((ploc, "missing required key 'days' (with often: days-a-week, "
                               "on how many days of the week)"))
            elif not weekly and "days" in planned:
                errors.append((f"{ploc}.days", "days is only for often: days-a-week"))
            if routine_ids is not None and planned["routine"] not in routine_ids:
                errors.append((f"{ploc}.routine", f"no routine with the id "
                               f"{planned['routine']!r} (bundled or yours; see "
                               "`soleus-coach list`)"))
    for lang, tr in doc.get("translations", {}).items():
        for i, pt in enumerate(tr.get("phases", [])):
            if i >= len(phases):
                errors.append((f"$.translations.{lang}.phases[{i}]",
                               f"there are only {len(phases)} phase(s)"))
                break
            labels = pt.get("labels", [])
            if len(labels) > len(phases[i]["routines"]):
                errors.append((f"$.translations.{lang}.phases[{i}].labels",
                               f"phase {i + 1} has only {len(phases[i]['routines'])} "
                               "routine(s)"))
    return errors


def _build(doc: dict[str, Any], digest: str) -> Programme:
    def phase(raw: dict[str, Any]) -> Phase:
        move = raw.get("move_on")
        return Phase(
            name=raw["name"], load=raw["load"],
            routines=tuple(Planned(r["routine"], Often(r["often"]), r.get("label", ""),
                                   int(r.get("days", 0))) for r in raw["routines"]),
            move_on=None if move is None else MoveOn(
                int(move["days"]), int(move["pain_during_max"]),
                None if "morning_pain_max" not in move else int(move["morning_pain_max"])))

    ease = doc.get("ease_off")
    translations = {
        lang: ProgrammeTexts(tr.get("name", ""), tr.get("summary", ""), tuple(
            PhaseTexts(pt.get("name", ""), pt.get("load", ""), tuple(pt.get("labels", ())))
            for pt in tr.get("phases", ())))
        for lang, tr in doc.get("translations", {}).items()}
    return Programme(
        id=doc["id"], name=doc["name"], summary=doc["summary"],
        phases=tuple(phase(p) for p in doc["phases"]),
        ease_off=EaseOff() if ease is None else EaseOff(int(ease["days"]),
                                                        int(ease["fewer_sets"])),
        weeks=int(doc["weeks"]) if "weeks" in doc else None,
        author=doc.get("author", ""), source=doc.get("source", ""),
        language=doc.get("language", "en"), translations=translations, digest=digest)


def parse_programme(data: bytes, file: str,
                    routine_ids: Collection[str] | None = None) -> Programme:
    """Validate ``data`` as a programme; :class:`ProtocolInvalid` with every problem.
    With ``routine_ids``, every routine it names must be one of them."""
    doc, text = decode_json(data, file, limit=P.MAX_PROGRAMME_BYTES, what="programmes")
    errors = walk(doc, P.PROGRAMME, file)
    if not errors:
        errors = _rules(doc, routine_ids)
    if errors:
        raise invalid(file, text, errors)
    return _build(doc, sha256_hex(data))


def load_programme(path: Path, routine_ids: Collection[str] | None = None,
                   origin: Origin = Origin.USER) -> Programme:
    """Read and validate a programme file (regular files in their own folder only)."""
    data = read_guarded(path, limit=P.MAX_PROGRAMME_BYTES, what="programmes")
    return replace(parse_programme(data, path.name, routine_ids), path=path, origin=origin)


@dataclass(frozen=True, slots=True)
class ProgrammeEntry:
    path: Path
    origin: Origin
    programme: Programme | None
    errors: tuple[ProtocolError, ...] = ()


@dataclass(frozen=True, slots=True)
class Programmes:
    """Every programme of both folders; the broken ones with why."""

    entries: tuple[ProgrammeEntry, ...] = ()

    @property
    def programmes(self) -> list[Programme]:
        return [e.programme for e in self.entries if e.programme is not None]

    @property
    def broken(self) -> list[ProgrammeEntry]:
        return [e for e in self.entries if e.programme is None]

    def get(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)


def _folder(folder: Path, origin: Origin, routine_ids: Collection[str] | None,
            language: str) -> list[ProgrammeEntry]:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json")[:MAX_FILES]
    except OSError:
        return []
    out: list[ProgrammeEntry] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            programme = load_programme(path, routine_ids, origin)
        except ProtocolInvalid as exc:
            out.append(ProgrammeEntry(path, origin, None, tuple(exc.errors)))
            continue
        if programme.id in seen:
            out.append(ProgrammeEntry(path, origin, None, (ProtocolError(
                path.name, "$.id", f"id {programme.id!r} is already used by "
                f"{seen[programme.id].name}"),)))
            continue
        seen[programme.id] = path
        out.append(ProgrammeEntry(path, origin, programme.localized(language) if language
                                  else programme))
    return out


def load_programmes(bundled_dir: Path, user_dir: Path | None,
                    routine_ids: Collection[str] | None, language: str = "") -> Programmes:
    """The bundled programmes and the user's (a user file with a bundled id replaces it)."""
    bundled = _folder(bundled_dir, Origin.BUNDLED, routine_ids, language)
    user = _folder(user_dir, Origin.USER, routine_ids, language) if user_dir else []
    mine = {e.programme.id for e in user if e.programme is not None}
    kept = [e for e in bundled if e.programme is None or e.programme.id not in mine]
    return Programmes(tuple(kept + user))
