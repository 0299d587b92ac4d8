"""The protocol library: bundled routines plus the user's own folder.

A bad file is reported and skipped; every good one still loads. A user protocol with a
bundled protocol's id replaces it and is marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from soleus_coach.atomic import write_bytes_atomic
from soleus_coach.protocol.files import read_regular_file
from soleus_coach.protocol.loader import ProtocolError, ProtocolInvalid, load_file
from soleus_coach.protocol.model import Origin, Protocol

#: More files than this in one folder are not read (a runaway folder must not stall start-up).
MAX_FILES = 2000


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of the library: a loaded protocol, or the errors that kept it out."""

    path: Path
    origin: Origin
    protocol: Protocol | None
    errors: tuple[ProtocolError, ...] = ()
    overrides_bundled: bool = False

    @property
    def ok(self) -> bool:
        return self.protocol is not None


@dataclass(frozen=True, slots=True)
class Library:
    entries: tuple[Entry, ...] = field(default=())

    @property
    def protocols(self) -> list[Protocol]:
        return [e.protocol for e in self.entries if e.protocol is not None]

    @property
    def broken(self) -> list[Entry]:
        return [e for e in self.entries if e.protocol is None]

    @property
    def own(self) -> dict[str, Path]:
        """The user's own routines that loaded: id → file."""
        return {e.protocol.id: e.path for e in self.entries
                if e.protocol is not None and e.origin is Origin.USER}

    @property
    def files(self) -> dict[str, Path]:
        """Every routine that loaded: id → file."""
        return {e.protocol.id: e.path for e in self.entries if e.protocol is not None}

    @property
    def bundled_ids(self) -> set[str]:
        """The ids of the bundled routines (also those a file of the user's replaces)."""
        return {e.protocol.id for e in self.entries if e.protocol is not None
                and (e.origin is Origin.BUNDLED or e.overrides_bundled)}

    def get(self, protocol_id: str) -> Protocol | None:
        for p in self.protocols:
            if p.id == protocol_id:
                return p
        return None


def _protocol_files(folder: Path) -> list[Path]:
    try:
        names = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json")
    except OSError:
        return []
    return names[:MAX_FILES]


def _load_folder(folder: Path, origin: Origin, assets_dir: Path | None,
                 language: str = "") -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, Path] = {}
    for path in _protocol_files(folder):
        try:
            protocol = load_file(path, assets_dir)
        except ProtocolInvalid as exc:
            entries.append(Entry(path, origin, None, tuple(exc.errors)))
            continue
        except (OSError, RuntimeError, ValueError) as exc:  # never one file for all of them
            entries.append(Entry(path, origin, None,
                                 (ProtocolError(path.name, "", f"cannot read: {exc}"),)))
            continue
        if protocol.id in seen:
            err = ProtocolError(path.name, "$.id", f"id {protocol.id!r} is already used by "
                                f"{seen[protocol.id].name}")
            entries.append(Entry(path, origin, None, (err,)))
            continue
        seen[protocol.id] = path
        entries.append(Entry(path, origin, protocol.localized(language) if language
                             else protocol))
    return entries


def load_library(bundled_dir: Path, user_dir: Path | None, assets_dir: Path | None,
                 language: str = "") -> Library:
    """Every protocol of both folders; with ``language`` (``de``), their texts in it where a
    file has them."""
    bundled = _load_folder(bundled_dir, Origin.BUNDLED, assets_dir, language)
    user = (_load_folder(user_dir, Origin.USER, assets_dir, language)
            if user_dir is not None else [])
    user_ids = {e.protocol.id for e in user if e.protocol is not None}
    bundled_ids = {e.protocol.id for e in bundled if e.protocol is not None}
    kept = [e for e in bundled if e.protocol is None or e.protocol.id not in user_ids]
    marked = [
        Entry(e.path, e.origin, e.protocol, e.errors,
              overrides_bundled=e.protocol is not None and e.protocol.id in bundled_ids)
        for e in user
    ]
    return Library(tuple(kept + marked))


def named_files(protocol: Protocol) -> list[Path]:
    """Every file ``protocol`` names, in the order it names them: its sounds, then each
    step's picture and sounds (as often as they are named)."""
    found: list[Path] = list(protocol.sounds.values())
    for step in protocol.steps:
        picture = getattr(step, "illustration", None)  # the kinds of step with a picture
        if picture is not None:
            found.append(picture)
        found += list(step.sounds.values())
    return found


def referenced_files(protocol: Protocol) -> list[Path]:
    """Files beside the protocol that it names (sounds, illustrations), not the app's assets."""
    if protocol.path is None:
        return []
    base = protocol.path.parent.resolve()
    return sorted({p for p in named_files(protocol) if p.is_relative_to(base)})


def ensure_user_folder(user_dir: Path, schema_source: Path) -> None:
    """Create the user's protocol folder with a copy of the schema for editors."""
    schema_dir = user_dir / "schema"
    schema_dir.mkdir(parents=True, exist_ok=True)
    target = schema_dir / schema_source.name
    ours = schema_source.read_bytes()  # the app's own file
    try:
        same = read_regular_file(target, len(ours), "the schema") == ours
    except OSError:  # missing, or not a plain file: written afresh (or refused, if a link)
        same = False
    if not same:
        write_bytes_atomic(target, lambda fh: fh.write(ours), replace=True)
