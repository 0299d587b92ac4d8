"""Editing a routine: a draft is a :class:`Protocol`, and every edit is a plain function that
returns a new one. No Qt.

Why no second model and no second validator: the editor's draft is the same frozen value the
loader builds, so it is checked exactly as a file is (:func:`problems` writes it with the one
writer, :func:`soleus_coach.protocol.write.dumps`, and reads it back with the one parser,
:func:`soleus_coach.protocol.loader.parse_bytes`), and previewed exactly as it will run
(:func:`preview` is the plan builder's timeline). What the editor saves is what the
validator has accepted, written whole or not at all (:func:`save`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from soleus_coach.atomic import write_text_atomic
from soleus_coach.protocol import spec as S
from soleus_coach.protocol.ids import unique_id
from soleus_coach.protocol.loader import ProtocolError, ProtocolInvalid, parse_bytes
from soleus_coach.protocol.model import (
    Counting,
    ExerciseStep,
    HeatStep,
    IceStep,
    InstructionStep,
    Phase,
    Protocol,
    Range,
    RestStep,
    Rounds,
    SelfPaced,
    SideMeaning,
    Sides,
    Step,
    StepTexts,
    StrengthStep,
    StretchStep,
    Tempo,
    Translation,
    When,
)
from soleus_coach.protocol.write import dumps
from soleus_coach.untrusted import named

__all__ = [
    "DraftInvalid", "Kind", "Preview", "PreviewRow", "Problem", "add_step", "copy_in",
    "customize", "duplicate_step", "kind_of", "make_rounds", "move_step",
    "named_by_a_routine", "new_routine", "parse_draft", "preview", "problems", "remove_rounds",
    "remove_step", "save", "set_field", "set_rounds", "set_step", "set_step_field",
    "set_translation", "starting_at", "unique_id",
]


class Kind(StrEnum):
    """The kinds of step, as the file names them."""

    STRETCH = "stretch"
    STRENGTH = "strength"
    EXERCISE = "exercise"
    HEAT = "heat"
    ICE = "ice"
    REST = "rest"
    INSTRUCTION = "instruction"


_CLASSES: dict[Kind, type] = {
    Kind.STRETCH: StretchStep, Kind.STRENGTH: StrengthStep, Kind.EXERCISE: ExerciseStep,
    Kind.HEAT: HeatStep, Kind.ICE: IceStep, Kind.REST: RestStep,
    Kind.INSTRUCTION: InstructionStep,
}


def kind_of(step: Step) -> Kind:
    return next(k for k, cls in _CLASSES.items() if isinstance(step, cls))


# --------------------------------------------------------------------------- new drafts


MY_VERSION = " (my version)"


def new_routine(taken: Iterable[str], name: str = "", summary: str = "",
                language: str = "en") -> Protocol:
    """An empty routine for after a run, in ``language`` (the window's), with an id nobody
    has. It has no steps yet: the validator says so until one is added."""
    return Protocol(id=unique_id("my-routine", taken), name=name, summary=summary,
                    when=When.POST_RUN, steps=(), language=language_code(language))


def language_code(language: str) -> str:
    """A language as the format writes it: ``de``, ``pt-BR`` (from ``de_DE``, ``pt_br``)."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower() or "en"
    return f"{base}-{parts[1].upper()}" if len(parts) > 1 and len(parts[1]) == 2 else base


def customize(protocol: Protocol, taken: Iterable[str], suffix: str = MY_VERSION) -> Protocol:
    """A copy of ``protocol`` for the user to change: a new id and the name "… (my
    version)"; not yet a file (no path, no digest)."""
    return replace(protocol, id=unique_id(f"{protocol.id}-my", taken),
                   name=named(protocol.name, suffix, S.NAME_MAX), path=None, digest="")


# --------------------------------------------------------------------------- edits


def set_field(draft: Protocol, name: str, value: Any) -> Protocol:
    """One of the routine's own fields (name, summary, when, author, source, id,
    language)."""
    if name not in ("id", "name", "summary", "when", "author", "source", "language"):
        raise ValueError(f"not an editable routine field: {name}")
    if name == "when":
        value = When(value)
    return replace(draft, **{name: value})


def default_step(kind: Kind, name: str) -> Step:
    """A step of ``kind`` with doses a physio might write first (every value valid, so a new
    step adds no problem but its instructions, which are the author's to write)."""
    if kind is Kind.STRETCH:
        return StretchStep(name=name, hold_s=Range.fixed(30), reps=Range.fixed(3), rest_s=10,
                           sides=Sides.BOTH, position_s=10, instructions=(),
                           side_is=SideMeaning.LEG_BACK)
    if kind is Kind.STRENGTH:
        return StrengthStep(name=name, sets=Range.fixed(3), rest_s=60, sides=Sides.NONE,
                            position_s=10, instructions=(),
                            counting=Counting(Range.fixed(12),
                                              Tempo.from_parts(down=2, up=2)))
    if kind is Kind.EXERCISE:
        return ExerciseStep(name=name, duration_s=Range.fixed(60), sides=Sides.NONE,
                            position_s=0, instructions=())
    if kind is Kind.HEAT:
        return HeatStep(name=name, duration_s=Range.fixed(600), instructions=())
    if kind is Kind.ICE:
        return IceStep(name=name, duration_s=Range.fixed(600), skin_check_s=300,
                       instructions=())
    if kind is Kind.REST:
        return RestStep(name=name, duration_s=60)
    return InstructionStep(name=name, duration_s=10, instructions=())


def _tags(draft: Protocol) -> list[int | None]:
    """Which group of rounds each step is in (its index in ``draft.rounds``), or None."""
    tags: list[int | None] = [None] * len(draft.steps)
    for g, group in enumerate(draft.rounds):
        for i in range(group.first, min(group.last + 1, len(tags))):
            tags[i] = g
    return tags


def _regroup(groups: tuple[Rounds, ...], tags: list[int | None]) -> tuple[Rounds, ...]:
    """The groups again, from each step's tag: a run of steps with one tag is its group."""
    out, i = [], 0
    while i < len(tags):
        tag = tags[i]
        j = i
        while j + 1 < len(tags) and tags[j + 1] == tag:
            j += 1
        if tag is not None:
            out.append(replace(groups[tag], first=i, count=j - i + 1))
        i = j + 1
    return tuple(out)


def _reorder(draft: Protocol, change: Callable[[list[Any]], None], blank: Any,
             tag: Callable[[list[int | None]], None] | None = None) -> Protocol:
    """Apply ``change`` to the steps and, the same way, to each translation's step texts
    (a translation has one entry per step: adding, removing or moving a step keeps them
    together; ``blank`` stands for a step with nothing translated yet) and to the group of
    rounds each step is in (``tag`` then says which group a new or moved step joins)."""
    steps = list(draft.steps)
    change(steps)
    tags = _tags(draft)
    change(tags)
    if tag is not None:
        tag(tags)
    translations = {}
    for lang, tr in draft.translations.items():
        if not tr.steps:
            translations[lang] = tr
            continue
        texts = list(tr.steps) + [StepTexts()] * (len(draft.steps) - len(tr.steps))
        change(texts)
        texts = [StepTexts() if t is blank else t for t in texts]
        translations[lang] = replace(tr, steps=tuple(texts))
    return replace(draft, steps=tuple(steps), rounds=_regroup(draft.rounds, tags),
                   translations=MappingProxyType(translations) if draft.translations
                   else draft.translations)


def _placed(at: int, own: int | None) -> Callable[[list[int | None]], None]:
    """The group the step now at ``at`` is in: the one around it when it lies between two
    steps of one group, its own (``own``) while it is still beside that, else none."""
    def tag(tags: list[int | None]) -> None:
        before = tags[at - 1] if at > 0 else None
        after = tags[at + 1] if at + 1 < len(tags) else None
        if before is not None and before == after:
            tags[at] = before
        elif own is not None and own in (before, after):
            tags[at] = own
        else:
            tags[at] = None
    return tag


def add_step(draft: Protocol, kind: Kind, name: str, at: int | None = None) -> Protocol:
    """A new step of ``kind`` at ``at`` (default: the end); between two steps of a group
    of rounds, it is in that group."""
    where = len(draft.steps) if at is None else at
    new = default_step(kind, name)
    return _reorder(draft, lambda items: items.insert(where, new), new, _placed(where, None))


def remove_step(draft: Protocol, index: int) -> Protocol:
    return _reorder(draft, lambda items: items.pop(index), None)


def duplicate_step(draft: Protocol, index: int) -> Protocol:
    """A copy of step ``index`` after it (in its group of rounds, if it is in one)."""
    own = _tags(draft)[index]

    def tag(tags: list[int | None]) -> None:
        tags[index + 1] = own
    return _reorder(draft, lambda items: items.insert(index + 1, items[index]), None, tag)


def move_step(draft: Protocol, index: int, to: int) -> Protocol:
    """The step at ``index`` moved to ``to`` (clamped to the list): into a group of rounds
    when it lands between two of its steps, out of its own when it leaves it."""
    to = max(0, min(len(draft.steps) - 1, to))
    own = _tags(draft)[index]
    return _reorder(draft, lambda items: items.insert(to, items.pop(index)), None,
                    _placed(to, own))


def make_rounds(draft: Protocol, first: int, last: int, times: int,
                rest_between_s: float = 0.0) -> Protocol:
    """Steps ``first`` … ``last`` done ``times`` times: a group of rounds (with the steps of
    any group it overlaps, which it replaces)."""
    first, last = max(0, min(first, last)), min(len(draft.steps) - 1, max(first, last))
    for group in draft.rounds:
        if group.first <= last and group.last >= first:
            first, last = min(first, group.first), max(last, group.last)
    kept = [g for g in draft.rounds if g.last < first or g.first > last]
    new = Rounds(first, last - first + 1, times, rest_between_s)
    return replace(draft, rounds=tuple(sorted([*kept, new], key=lambda g: g.first)))


def set_rounds(draft: Protocol, index: int, *, times: int | None = None,
               rest_between_s: float | None = None) -> Protocol:
    """The rounds of the group step ``index`` is in: how many, the rest between them."""
    group = draft.round_of(index)
    if group is None:
        return draft
    changed = replace(group, times=group.times if times is None else times,
                      rest_between_s=group.rest_between_s if rest_between_s is None
                      else rest_between_s)
    return replace(draft, rounds=tuple(changed if g == group else g for g in draft.rounds))


def remove_rounds(draft: Protocol, index: int) -> Protocol:
    """The steps of the group step ``index`` is in, done once again."""
    return replace(draft, rounds=tuple(g for g in draft.rounds if not g.holds(index)))


def starting_at(draft: Protocol, index: int) -> Protocol:
    """The routine from step ``index`` on (Try it), from the start of its group of rounds
    when it is in one; without translations (what is tried is what the editor shows)."""
    group = draft.round_of(index)
    start = group.first if group is not None else index
    rounds = tuple(replace(g, first=g.first - start) for g in draft.rounds if g.first >= start)
    return replace(draft, steps=draft.steps[start:], rounds=rounds, translations={})


#: The texts a translation has for a step, and for the routine.
STEP_TEXT_FIELDS = ("name", "instructions", "caution", "rest_text")


def set_translation(draft: Protocol, language: str, field: str, value: Any,
                    step: int | None = None) -> Protocol:
    """One text of the routine in ``language`` (``name`` or ``summary`` of the routine; a
    step's ``name``, ``instructions``, ``caution`` or ``rest_text``); an empty one is taken
    as written in the routine's own language."""
    tr = draft.translations.get(language, Translation())
    empty = not value or (isinstance(value, tuple) and not any(value))
    if step is None:
        if field not in ("name", "summary"):
            raise ValueError(f"a translation has no {field}")
        changes: dict[str, Any] = {field: None if empty else value}
        tr = replace(tr, **changes)
    else:
        if field not in STEP_TEXT_FIELDS:
            raise ValueError(f"a step's translation has no {field}")
        texts = list(tr.steps) + [StepTexts()] * (len(draft.steps) - len(tr.steps))
        new: dict[str, Any] = {field: None if empty else
                               (tuple(value) if field == "instructions" else value)}
        texts[step] = replace(texts[step], **new)
        if all(t == StepTexts() for t in texts):
            texts = []
        tr = replace(tr, steps=tuple(texts))
    return replace(draft, translations=MappingProxyType({**draft.translations,
                                                          language: tr}))


def remove_translation(draft: Protocol, language: str) -> Protocol:
    return replace(draft, translations=MappingProxyType(
        {k: v for k, v in draft.translations.items() if k != language}))


def set_step(draft: Protocol, index: int, step: Step) -> Protocol:
    steps = list(draft.steps)
    steps[index] = step
    return replace(draft, steps=tuple(steps))


#: Fields a form edits that live inside a step's counting, not on the step itself.
COUNTED = ("reps", "tempo", "rep_s", "self_paced")


def step_value(step: Step, name: str) -> Any:
    """What the form shows for ``name``: the step's field, or the counted fields (``reps``
    of a strength step, its ``tempo``…), None when the step has no such value."""
    counting = getattr(step, "counting", None)
    if name in COUNTED and not isinstance(step, StretchStep):
        if counting is None:
            return None
        if name == "reps":
            return counting.reps
        if name == "self_paced":
            return counting.self_paced
        tempo = counting.tempo
        steady = tempo is not None and tempo.phases and tempo.phases[0][0] is Phase.REP
        if name == "rep_s":
            return tempo.rep_s if tempo is not None and steady else None
        return tempo if tempo is not None and not steady else None
    return getattr(step, name, None)


def set_step_field(draft: Protocol, index: int, name: str, value: Any) -> Protocol:
    """Change one value of step ``index``. The counted fields go into its counting: giving
    ``reps`` makes a timed set counted (paced by a tempo), giving ``hold_s`` or
    ``duration_s`` to a counted one makes it timed; ``tempo``, ``rep_s`` and ``self_paced``
    replace one another, so a step has exactly one way of pacing."""
    step = draft.steps[index]
    changes: dict[str, Any] = {}
    if isinstance(step, (StrengthStep, ExerciseStep)) and name in (
            *COUNTED, "hold_s", "duration_s"):
        counting = step.counting
        if name in ("hold_s", "duration_s"):
            changes[name] = value
            if value is not None:
                changes["counting"] = None
        elif name == "reps":
            if value is None:
                changes["counting"] = None
            else:
                changes["counting"] = (replace(counting, reps=value) if counting is not None
                                       else Counting(value, Tempo.from_parts(down=2, up=2)))
                changes["hold_s" if isinstance(step, StrengthStep) else "duration_s"] = None
        else:
            reps = counting.reps if counting is not None else Range.fixed(10)
            if name == "tempo":
                changes["counting"] = Counting(reps, value)
            elif name == "rep_s":
                changes["counting"] = Counting(reps, Tempo.steady(float(value)))
            else:
                changes["counting"] = Counting(reps, None, SelfPaced(value))
            changes["hold_s" if isinstance(step, StrengthStep) else "duration_s"] = None
    else:
        known = {f.name for f in fields(step)}
        if name not in known:
            raise ValueError(f"a {kind_of(step)} step has no {name}")
        if name == "instructions":
            value = tuple(value)
        elif name == "sides":
            value = Sides(value)
        elif name == "side_is":
            value = SideMeaning(value)
        elif name == "sounds":
            value = MappingProxyType(dict(value))
        changes[name] = value
    return set_step(draft, index, replace(step, **changes))


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True, slots=True)
class Problem:
    """One of the validator's messages, placed: the step (None: the routine) and the field
    of it (``hold_s``, ``name``… or "" for the step or the routine as a whole)."""

    step: int | None
    field: str
    message: str
    location: str

    def __str__(self) -> str:
        return self.message


_LOCATION = re.compile(r"^\$(?:\.steps\[(\d+)\](?:\.steps\[(\d+)\])?)?\.?([A-Za-z_$]*)")
#: The fields of a ``rounds`` block: the editor shows them in its rounds box.
ROUNDS_FIELD = "rounds"


def _entry_starts(draft: Protocol) -> list[int]:
    """For each entry of the file's ``steps`` (a step, or a block of rounds), the index of
    its first step in the draft (the writer's order: :func:`write.document`)."""
    starts, i = [], 0
    while i < len(draft.steps):
        starts.append(i)
        group = draft.round_of(i)
        i = group.last + 1 if group is not None and group.first == i else i + 1
    return starts


def place(error: ProtocolError, draft: Protocol | None = None) -> Problem:
    """Where in the draft an error of the validator belongs: a step inside a block of
    rounds at its place among the draft's steps, the block's own fields at its first step
    (field ``rounds``)."""
    match = _LOCATION.match(error.location)
    if not match:
        return Problem(None, "", error.message, error.location)
    entry, inner, field_name = match.group(1), match.group(2), match.group(3)
    step = None
    if entry is not None:
        starts = _entry_starts(draft) if draft is not None else []
        e = int(entry)
        step = (starts[e] if e < len(starts) else e) + (int(inner) if inner else 0)
        if inner is None and draft is not None and draft.round_of(step) is not None \
                and field_name in ("times", "rest_between_s", "steps", "kind"):
            field_name = ROUNDS_FIELD
    if step is None and field_name == "steps" and re.match(r"^\$\.steps\[", error.location):
        field_name = ""
    return Problem(step, field_name, error.message, error.location)


def _base(draft: Protocol, folder: Path | None) -> Path | None:
    return draft.path.parent if draft.path is not None else folder


def parse_draft(draft: Protocol, folder: Path | None = None, assets: Path | None = None
                ) -> tuple[str, Protocol | None, list[ProtocolError]]:
    """The draft as the file would be written, and what the one parser makes of it."""
    base = _base(draft, folder)
    text = dumps(draft, base, assets)
    try:
        return text, parse_bytes(text.encode("utf-8"), f"{draft.id}.json", base, assets), []
    except ProtocolInvalid as exc:
        return text, None, exc.errors


def problems(draft: Protocol, folder: Path | None = None, assets: Path | None = None
             ) -> list[Problem]:
    """Every problem the validator finds in the draft, each placed at its step and field."""
    return [place(e, draft) for e in parse_draft(draft, folder, assets)[2]]


# --------------------------------------------------------------------------- preview


@dataclass(frozen=True, slots=True)
class PreviewRow:
    start_s: float
    duration_s: float
    label: str
    kind: str  # the segment kind ("hold", "rest", "set"…)
    step_index: int
    side: str  # "left", "right" or ""
    round: int = 0  # in a group of rounds: which, of how many
    rounds: int = 0


@dataclass(frozen=True, slots=True)
class Preview:
    rows: tuple[PreviewRow, ...]
    total_s: float


def preview(draft: Protocol, settings: Any = None) -> Preview:
    """The session as the engine will run it: the plan builder's segments with the time
    each starts, and the total (with the runner's settings, or the defaults). The cues that
    pace each rep are left out (they are not shown, and are most of the work)."""
    from soleus_coach.session.plan import build_plan
    from soleus_coach.settings import Settings

    plan = build_plan(draft, settings if settings is not None else Settings(), rep_cues=False)
    rows, t = [], 0.0
    for seg in plan.segments:
        rows.append(PreviewRow(t, seg.duration_s, seg.label, seg.kind.value, seg.step_index,
                               seg.side.value if seg.side is not None else "", seg.round,
                               seg.rounds))
        t += seg.duration_s
    return Preview(tuple(rows), plan.total_s)


# --------------------------------------------------------------------------- saving


class DraftInvalid(Exception):
    """The draft has problems; nothing was written."""

    def __init__(self, found: list[Problem]):
        super().__init__("\n".join(f"{p.location}: {p.message}" for p in found))
        self.problems = found


def target_path(draft: Protocol, folder: Path) -> Path:
    return folder / f"{draft.id}.json"


def save(draft: Protocol, folder: Path, assets: Path | None = None, *,
         replaces: Path | None = None) -> Protocol:
    """Write ``draft`` into ``folder`` as ``<id>.json`` — only if the validator accepts it,
    and atomically (a temporary file renamed over the target). ``replaces`` is the file the
    draft was opened from: it is overwritten, or removed once the new file is written when
    the id (and so the name) changed. Another routine's file is never overwritten
    (:class:`FileExistsError`). Returns the saved routine as the loader reads it."""
    text, parsed, errors = parse_draft(replace(draft, path=None), folder, assets)
    if parsed is None:
        raise DraftInvalid([place(e, draft) for e in errors])
    target = target_path(draft, folder)
    same = replaces is not None and replaces.resolve() == target.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, lambda fh: fh.write(text), replace=same)
    if replaces is not None and not same:
        replaces.unlink(missing_ok=True)
    from soleus_coach.protocol.loader import load_file

    return load_file(target, assets)


def equal_content(a: Protocol, b: Protocol) -> bool:
    """The same routine, whatever file it is in (id, name, path and digest aside)."""
    return replace(a, id="", name="", path=None, digest="") == replace(
        b, id="", name="", path=None, digest="")


ICE_LIMIT_S = S.ICE_HARD_MAX_S


# --------------------------------------------------------------------------- files copied in


class NotOneOfOurs(ValueError):
    """A file chosen as a picture or a sound that is not one (its bytes say so)."""


def copy_in(source: Path, folder: Path) -> tuple[Path, bool]:
    """``source`` copied into ``folder`` (a routine's ``pictures`` or ``sounds``: the format
    reads only files beside the routine), under a name no other file there has; a file with
    the same bytes already there is used as it is. Returns the file and whether it was
    copied now.

    Read through the one reader, capped at a picture's or a sound's size (``/dev/zero``, a
    FIFO or a 200 MB file is refused before anything is written), and checked for what it
    claims to be (a picture must pass the picture check, a sound must look like one: a link
    to ``/etc/shadow`` named ``x.png`` is not copied). Raises :class:`NotOneOfOurs` or
    ``OSError``; nothing is left behind either way."""
    from soleus_coach.atomic import write_bytes_atomic
    from soleus_coach.protocol.files import SoundInvalid, check_sound, read_regular_file
    from soleus_coach.protocol.illustration import MAX_BYTES, IllustrationInvalid, check_bytes

    suffix = source.suffix.lower()
    picture = suffix in S.IMAGE_EXTENSIONS
    if not picture and suffix not in S.SOUND_EXTENSIONS:
        raise NotOneOfOurs(f"{source.name}: not a picture (.svg, .png) or a sound "
                           "(.wav, .ogg, .mp3)")
    data = read_regular_file(source, MAX_BYTES if picture else MAX_SOUND_BYTES,
                             "pictures" if picture else "sounds")
    try:
        if picture:
            check_bytes(data, suffix)
        else:
            check_sound(data, suffix)
    except (IllustrationInvalid, SoundInvalid) as exc:
        raise NotOneOfOurs(f"{source.name}: {exc}") from None
    target = folder / source.name
    n = 2
    while os.path.lexists(target) and not _holds(target, data):
        target = folder / f"{source.stem}-{n}{source.suffix}"
        n += 1
    folder.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(target):
        return target, False
    write_bytes_atomic(target, lambda fh: fh.write(data))
    return target, True


#: A sound of one's own may be this large (a cue is a few seconds).
MAX_SOUND_BYTES = 16 * 1024 * 1024


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a plain file holding ``data`` (read through the one reader)."""
    from soleus_coach.protocol.files import read_regular_file

    try:
        return read_regular_file(path, len(data), "files") == data
    except OSError:
        return False


def named_by_a_routine(file: Path) -> bool:
    """A routine file in the folder above ``file``'s (``pictures/x.svg`` → the protocol
    folder) names it."""
    from soleus_coach.protocol.files import read_regular_file

    reference = f"{file.parent.name}/{file.name}".encode()
    for routine in file.parent.parent.glob("*.json"):
        try:
            if reference in read_regular_file(routine, S.MAX_FILE_BYTES, "routines"):
                return True
        except OSError:
            return True  # cannot tell: keep it
    return False


# --------------------------------------------------------------------------- kept drafts

#: A kept draft is a small JSON file; a larger one in the drafts folder is not ours.
MAX_DRAFT_BYTES = 2 * 1024 * 1024


def keep_draft(draft: Protocol, file: Path | None, folder: Path, drafts: Path,
               assets: Path | None = None) -> Path:
    """Write ``draft`` (being edited, unsaved, when the app is told to quit: a log-out, a
    ``kill``) into ``drafts``, with the file it was opened from, to be opened again at the
    next start (:func:`kept_drafts`). Through the one writer; a new file each time."""
    from soleus_coach.atomic import write_text_atomic

    text = dumps(draft, _base(draft, folder), assets)
    doc = {"file": str(file) if file is not None else None, "routine": json.loads(text)}
    drafts.mkdir(parents=True, exist_ok=True)
    n, target = 1, drafts / f"{draft.id}.json"
    while os.path.lexists(target):
        n += 1
        target = drafts / f"{draft.id}-{n}.json"
    write_text_atomic(target, lambda fh: json.dump(doc, fh, indent=2, ensure_ascii=False))
    return target


@dataclass(frozen=True, slots=True)
class KeptDraft:
    """A draft kept at the last quit: its routine (None when it cannot be made one again:
    ``problem`` says why), the file it was opened from, and where it is kept."""

    kept: Path
    draft: Protocol | None
    file: Path | None
    problem: str = ""


def kept_drafts(drafts: Path, folder: Path, assets: Path | None = None) -> list[KeptDraft]:
    """The drafts kept in ``drafts`` (read through the one reader), oldest first. A draft is
    checked as a routine file is, except that it may be unfinished (empty texts, no steps yet);
    one that does not pass comes back with its problem (an editor cannot hold what the
    format cannot say), and its file is left for the person."""
    from soleus_coach.protocol.files import read_regular_file

    out = []
    try:
        files = sorted(drafts.glob("*.json"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return []
    for kept in files:
        try:
            doc = json.loads(read_regular_file(kept, MAX_DRAFT_BYTES, "drafts", within=drafts))
            routine = json.dumps(doc["routine"]).encode("utf-8")
            original = doc.get("file")
            file = Path(original) if isinstance(original, str) else None
            draft = parse_bytes(routine, kept.name, folder, assets, draft=True)
        except ProtocolInvalid as exc:
            out.append(KeptDraft(kept, None, None, str(exc.errors[0]) if exc.errors else ""))
            continue
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            out.append(KeptDraft(kept, None, None, f"cannot be read: {exc}"))
            continue
        out.append(KeptDraft(kept, replace(draft, path=None, digest=""), file))
    return out
