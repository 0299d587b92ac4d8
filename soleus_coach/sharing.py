"""Sharing a routine: export it as one file, and read a shared zip back. No Qt.

A routine that names only the app's own pictures and sounds (``asset:…``) is exported as
one pretty-printed ``.json``, written by :func:`soleus_coach.protocol.write.dumps` (the one
writer). A routine that carries its own files (a physio's drawing, a recorded cue) cannot
travel as one JSON file, so it becomes a ``.zip``: ``<id>.json`` at the top, its files in
``<id>-files/`` with safe names, the JSON's paths rewritten to point there. Unzipped, the
folder is a valid protocol folder; File → Import reads the zip as it is.

A zip someone sends is untrusted: :func:`unpack_routine_zip` takes only plain files with
short, relative names (no ``/…``, no ``..``, no links, no drive letters) of the kinds a
protocol may name, within size limits, and then the usual validator decides about the
routine itself. Both directions write whole files or nothing (``soleus_coach.atomic``).
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from soleus_coach import paths
from soleus_coach.atomic import write_bytes_atomic, write_text_atomic
from soleus_coach.cues import Cue
from soleus_coach.digest import sha256_hex
from soleus_coach.protocol.files import FileTooLarge, NotRegularFile, read_regular_file
from soleus_coach.protocol.ids import unique_id
from soleus_coach.protocol.illustration import MAX_BYTES as MAX_PICTURE_BYTES
from soleus_coach.protocol.library import named_files, referenced_files
from soleus_coach.protocol.loader import ProtocolError, ProtocolInvalid, load_file
from soleus_coach.protocol.model import Protocol, Step
from soleus_coach.protocol.spec import (
    IMAGE_EXTENSIONS,
    MAX_FILE_BYTES,
    NAME_MAX,
    SOUND_EXTENSIONS,
)
from soleus_coach.protocol.write import dumps
from soleus_coach.untrusted import named, unnamed

#: What a routine's zip may hold (anything else refuses the zip).
MEMBER_EXTENSIONS = (".json", *IMAGE_EXTENSIONS, *SOUND_EXTENSIONS)
#: A sound file may be at most this large (a cue is a few seconds).
MAX_SOUND_BYTES = 16 * 1024 * 1024
#: At most this many members, this much in all once unpacked, and names this long.
MAX_MEMBERS = 200
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_NAME_CHARS = 200
#: Safe file names have at most this many characters before the extension.
MAX_STEM_CHARS = 60
#: Zip entries carry this time, so exporting the same routine twice gives the same bytes.
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


class RoutineZipInvalid(ProtocolInvalid):
    """A zip that is not a routine we accept: its one problem, said plainly (the window's
    import shows it like a protocol's own errors)."""

    def __init__(self, file: str, message: str) -> None:
        super().__init__([ProtocolError(file, "", message)])


# ----------------------------------------------------------------------------- export


def own_files(protocol: Protocol, assets_dir: Path | None = None) -> list[Path]:
    """The files ``protocol`` names that are not the app's own assets, in the order the
    routine names them, each once."""
    assets = (assets_dir or paths.assets_dir()).resolve()
    found: list[Path] = []
    for path in named_files(protocol):
        if not path.resolve().is_relative_to(assets) and path not in found:
            found.append(path)
    return found


def export_name(protocol: Protocol, assets_dir: Path | None = None) -> str:
    """The file name to offer in a save dialog: ``<id>.json``, or ``<id>.zip`` when the
    routine carries files of its own."""
    return f"{protocol.id}{'.zip' if own_files(protocol, assets_dir) else '.json'}"


def export_routine(protocol: Protocol, dest: Path, *, force: bool = False,
                   assets_dir: Path | None = None) -> Path:
    """Write ``protocol`` for someone else; give the path written.

    Only the app's own files named: ``dest`` as one ``.json`` (whatever its suffix, unless
    it is ``.zip``). Files of its own: a ``.zip`` (``dest`` with its suffix changed to
    ``.zip`` if it had another). Pass the routine as loaded, not ``localized()``: the
    translations are exported as they are in the file.

    Raises :class:`FileExistsError` (the target exists and ``force`` is false),
    :class:`soleus_coach.atomic.ProtectedFile`, :class:`ValueError` (a file the routine
    names is not a regular file, or too large) or any ``OSError``; the target is untouched
    in every case and no partial file is left.
    """
    assets = assets_dir or paths.assets_dir()
    files = own_files(protocol, assets)
    if not files and dest.suffix.lower() != ".zip":
        text = dumps(protocol, dest.parent, assets)
        write_text_atomic(dest, lambda fh: fh.write(text), replace=force)
        return dest
    if dest.suffix.lower() != ".zip":
        dest = dest.with_suffix(".zip")
    folder = f"{protocol.id}-files"
    names = safe_names(files)
    contents = [(f"{folder}/{names[path]}", _read_own(path)) for path in files]
    # Paths in the model as if the routine lay beside its files in a folder ``base``: the
    # one writer then says ``<id>-files/<name>`` for each.
    base = Path(tempfile.gettempdir()).resolve() / "soleus-coach-export"
    moved = {path: base / folder / names[path] for path in files}
    text = dumps(_with_files(protocol, lambda p: moved.get(p, p)), base, assets)

    def write(fh: BinaryIO) -> None:
        with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(_info(f"{protocol.id}.json"), text.encode("utf-8"))
            for name, data in contents:
                zf.writestr(_info(name), data)

    write_bytes_atomic(dest, write, replace=force)
    return dest


def safe_names(files: list[Path]) -> dict[Path, str]:
    """A short, portable, distinct file name for each of ``files``: letters, digits, ``.``,
    ``-`` and ``_`` only, no leading dot, the extension kept (lower-case)."""
    out: dict[Path, str] = {}
    taken: set[str] = set()
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in MEMBER_EXTENSIONS:
            suffix = ""
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", path.name[: len(path.name) - len(suffix)]
                      if suffix else path.name)
        stem = stem.strip("._-")[:MAX_STEM_CHARS].rstrip("._-") or "file"
        name, n = f"{stem}{suffix}", 2
        while name.lower() in taken:
            name, n = f"{stem}-{n}{suffix}", n + 1
        taken.add(name.lower())
        out[path] = name
    return out


def _with_files(protocol: Protocol, move: Callable[[Path], Path]) -> Protocol:
    def sounds(mapping: Mapping[Cue, Path]) -> Mapping[Cue, Path]:
        return {cue: move(path) for cue, path in mapping.items()}

    def step(s: Step) -> Step:
        changed = replace(s, sounds=sounds(s.sounds))
        picture = getattr(s, "illustration", None)
        if picture is not None:
            changed = replace(changed, illustration=move(picture))  # type: ignore[arg-type]
        return changed

    return replace(protocol, sounds=sounds(protocol.sounds),
                   steps=tuple(step(s) for s in protocol.steps))


def _read_own(path: Path) -> bytes:
    limit = MAX_PICTURE_BYTES if path.suffix.lower() in IMAGE_EXTENSIONS else MAX_SOUND_BYTES
    try:
        return read_regular_file(path, limit, "files of a routine")
    except NotRegularFile:
        raise ValueError(f"{path.name} is not a regular file") from None
    except FileTooLarge as exc:
        raise ValueError(f"{path.name}: {exc}") from None


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


# ----------------------------------------------------------------------------- import


def is_routine_zip(path: Path) -> bool:
    """Whether File → Import should read ``path`` as a zip (by its name)."""
    return path.suffix.lower() == ".zip"


def unpack_routine_zip(source: Path, folder: Path) -> Path:
    """Unpack the routine zip ``source`` into the empty ``folder``; give its JSON file.

    Raises :class:`RoutineZipInvalid` (with one plain sentence) for a file that is not a
    zip, a member with an absolute name, ``..``, a backslash, a link, a kind of file a
    protocol cannot name, too many or too large members, or not exactly one ``.json`` at
    the top. Nothing is written outside ``folder``. The routine itself is not validated
    here: load the JSON file that comes back (``import_file`` does).
    """
    def bad(message: str) -> RoutineZipInvalid:
        return RoutineZipInvalid(source.name, message)

    try:
        data = read_regular_file(source, MAX_TOTAL_BYTES, "routine zips")
    except NotRegularFile:
        raise bad("is not a regular file") from None
    except FileTooLarge as exc:
        raise bad(str(exc)) from None
    entries = _declared_entries(data)
    if entries is None:
        raise bad("is not a zip file (or it is damaged)")
    if entries > MAX_MEMBERS:  # said before Python builds a list of them all
        raise bad(f"holds more than {MAX_MEMBERS} files")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise bad("is not a zip file (or it is damaged)") from None
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(zf.infolist()) > MAX_MEMBERS:
            raise bad(f"holds more than {MAX_MEMBERS} files")
        seen: set[str] = set()
        total = 0
        for m in members:
            problem = _member_problem(m)
            if problem:
                raise bad(f"{_shown(m.filename)}: {problem}")
            key = m.filename.lower()
            if key in seen:
                raise bad(f"{_shown(m.filename)}: is in the zip twice")
            seen.add(key)
            total += m.file_size
            if total > MAX_TOTAL_BYTES:
                raise bad(f"unpacks to more than {MAX_TOTAL_BYTES // 2**20} MiB")
        folders = {str(PurePosixPath(m.filename).parent).lower() for m in members}
        for m in members:
            if m.filename.lower() in folders:
                raise bad(f"{_shown(m.filename)}: is both a file and a folder")
        tops = [m for m in members if "/" not in m.filename
                and m.filename.lower().endswith(".json")]
        if len(tops) != 1:
            raise bad("must hold exactly one routine (.json) at the top, beside a folder of "
                      f"its files; it holds {len(tops)}")
        for m in members:
            limit = _member_limit(m.filename)
            try:
                with zf.open(m) as fh:
                    content = fh.read(limit + 1)
            except (zipfile.BadZipFile, RuntimeError, ValueError, EOFError, OSError,
                    NotImplementedError) as exc:
                raise bad(f"{_shown(m.filename)}: cannot be unpacked ({exc})") from None
            if len(content) > limit:
                raise bad(f"{_shown(m.filename)}: is larger than {limit // 1024} KiB")
            _write_new(folder, PurePosixPath(m.filename), content)
    return folder / tops[0].filename


def _declared_entries(data: bytes) -> int | None:
    """How many files a zip says it holds, read from its end record (a few bytes at its
    tail), or None when it has none. A zip of 600,000 empty files is refused from this
    number at once, instead of after Python has listed every one (seconds, and hundreds of
    MB). A ZIP64 count (0xFFFF) is taken as "more than a routine has"."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if at < 0 or at + 22 > len(data):
        return None
    total = int.from_bytes(data[at + 10:at + 12], "little")
    return MAX_MEMBERS + 1 if total == 0xFFFF else total


def _member_problem(m: zipfile.ZipInfo) -> str:
    name = m.filename
    if len(name) > MAX_NAME_CHARS:
        return "the name is too long"
    if "\\" in name or "\x00" in name or re.search(r"[\x00-\x1f\x7f]", name):
        return "the name has a backslash or a control character"
    pure = PurePosixPath(name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path is not allowed"
    if any(part in ("..", ".", "") for part in name.split("/")):
        return "a path that leaves the folder ('..') is not allowed"
    if len(pure.parts) > 3:
        return "folders nested too deeply"
    if not name.lower().endswith(MEMBER_EXTENSIONS):
        return "only " + ", ".join(MEMBER_EXTENSIONS) + " files may be in a routine's zip"
    if m.flag_bits & 0x1:
        return "encrypted files are not read"
    mode = m.external_attr >> 16
    if mode and not (stat.S_ISREG(mode) or stat.S_IFMT(mode) == 0):
        return "only plain files (no links) are read"
    return ""


def _member_limit(name: str) -> int:
    lower = name.lower()
    if lower.endswith(".json"):
        return MAX_FILE_BYTES
    if lower.endswith(IMAGE_EXTENSIONS):
        return MAX_PICTURE_BYTES
    return MAX_SOUND_BYTES


def _write_new(folder: Path, rel: PurePosixPath, content: bytes) -> None:
    """Create ``folder/rel`` (never an existing file, never through a link)."""
    target = folder.joinpath(*rel.parts)
    if not target.resolve().is_relative_to(folder.resolve()):  # pragma: no cover (checked)
        raise RoutineZipInvalid(str(rel), "leaves the folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)


def _shown(name: str) -> str:
    """A member's name, safe to show: control characters escaped, kept short."""
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)
    return repr(text if len(text) <= 60 else text[:57] + "...")


class Clash(StrEnum):
    """What an import does when one of the user's own routines has the same id."""

    REFUSE = "refuse"  # say so (the command line without --replace; the window asks)
    REPLACE = "replace"  # the imported routine takes the place of the user's
    COPY = "copy"  # keep both: the imported one gets an id (and name) of its own


class IdTaken(Exception):
    """One of the user's own routines has the imported routine's id; nothing was written."""

    def __init__(self, protocol_id: str, path: Path) -> None:
        super().__init__(f"{protocol_id} is the id of your routine in {path.name}")
        self.protocol_id = protocol_id
        self.path = path


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did: the routine's file, its id and name as imported, the id it
    came with when it was given a new one (a bundled routine's, or one kept beside the
    user's), and its files that were given a new name (another routine's file had it)."""

    path: Path
    protocol_id: str
    name: str
    copy_of: str | None = None
    renamed: tuple[tuple[str, str], ...] = ()
    #: Nothing was written: this routine (bundled or the user's) is the same already.
    same_as: str | None = None


#: Said after the name of a routine imported as a copy.
COPY_SUFFIX = " (imported)"


def import_routine(source: Path, user_dir: Path, assets_dir: Path | None, *,
                   own: Mapping[str, Path], bundled: Collection[str],
                   clash: Clash = Clash.REFUSE,
                   existing: Mapping[str, Path] | None = None) -> Imported:
    """Check ``source`` (a routine's ``.json``, or a routine's zip, unpacked into a
    temporary folder with every member checked) and copy it, with the files it names, into
    the user's folder ``user_dir``, as ``<id>.json``.

    Never over a bundled routine: one with a bundled routine's id comes in as a copy, with an
    id and a name of its own. With the id of one of the user's own routines (``own``: id →
    file), ``clash`` decides. Never over another routine's file: a picture or sound whose
    name is taken there by other bytes is given a free name, and the routine names that.
    Nothing is written outside ``user_dir``, no file there is changed but the one replaced,
    and nothing at all when the routine is refused, or when the routine of that id in
    ``existing`` (the library's: id → file) is the same routine already.

    Raises :class:`ProtocolInvalid` (for a zip that is refused, its subclass
    :class:`RoutineZipInvalid`), :class:`IdTaken` (``clash`` is REFUSE), or ``OSError``.
    """
    if is_routine_zip(source):
        with tempfile.TemporaryDirectory(prefix="soleus-coach-import-") as folder:
            unpacked = unpack_routine_zip(source, Path(folder))
            return import_routine(unpacked, user_dir, assets_dir, own=own, bundled=bundled,
                                  clash=clash, existing=existing)
    protocol = load_file(source, assets_dir)
    for there in _candidates(protocol.id, existing or {}, own):
        try:
            same = load_file(there, assets_dir)  # as its file says it, not as shown
        except (ProtocolInvalid, OSError):
            continue
        if _same_content(same, protocol):
            return Imported(there, same.id, same.name, same_as=same.id)
    taken = set(own) | set(bundled) | {p.stem for p in _json_files(user_dir)}
    target = user_dir / f"{protocol.id}.json"
    copy_of: str | None = None
    if protocol.id in own and clash is Clash.REFUSE:
        raise IdTaken(protocol.id, own[protocol.id])
    if protocol.id in own and clash is Clash.REPLACE:
        target = own[protocol.id]
    elif protocol.id in taken:  # bundled, kept beside the user's, or a file of that name
        copy_of = protocol.id
        new_id = unique_id(protocol.id, taken)
        name = protocol.name
        if not name.endswith(COPY_SUFFIX):
            name = named(name, COPY_SUFFIX, NAME_MAX)
        protocol = replace(protocol, id=new_id, name=name)
        target = user_dir / f"{new_id}.json"
    base = source.parent.resolve()
    moves: dict[Path, Path] = {}
    renamed: list[tuple[str, str]] = []
    copies: list[tuple[Path, Path]] = []
    for extra in referenced_files(protocol):
        rel = extra.relative_to(base)
        dest = _free_place(user_dir, rel, extra)
        if dest is None:
            continue  # the same file is there already
        if dest.name != rel.name:
            renamed.append((rel.as_posix(), dest.relative_to(user_dir).as_posix()))
        moves[extra.resolve()] = base / dest.relative_to(user_dir)
        copies.append((extra, dest))
    user_dir.mkdir(parents=True, exist_ok=True)
    for extra, dest in copies:
        _write_new(user_dir, PurePosixPath(dest.relative_to(user_dir).as_posix()),
                   _read_own(extra))
    if copy_of is None and not renamed:
        data = read_regular_file(source, MAX_FILE_BYTES, "routines")
        write_bytes_atomic(target, lambda fh: fh.write(data), replace=True)
    else:
        moved = _with_files(protocol, lambda p: moves.get(p.resolve(), p)) if renamed \
            else protocol
        text = dumps(moved, base, assets_dir)
        write_text_atomic(target, lambda fh: fh.write(text), replace=True)
    return Imported(target, protocol.id, protocol.name, copy_of, tuple(renamed))


def _candidates(protocol_id: str, existing: Mapping[str, Path],
                own: Mapping[str, Path]) -> list[Path]:
    """The files that may hold this routine already: its id's, and the user's copies of it
    (``<id>-2``… , as an earlier import of it made them)."""
    found = [existing[protocol_id]] if protocol_id in existing else []
    return found + [path for pid, path in own.items()
                    if pid.startswith(f"{protocol_id}-") and pid[len(protocol_id) + 1:].isdigit()]


def _same_content(a: Protocol, b: Protocol) -> bool:
    """The same routine, wherever its file is, whatever its pictures and sounds are called
    (they are compared by their bytes) and whatever id it was given when it was imported as
    a copy."""
    def by_content(p: Protocol) -> Protocol:
        def digest(f: Path) -> Path:
            try:
                return Path(sha256_hex(_read_own(f)))
            except (OSError, ValueError):
                return f
        return replace(_with_files(p, digest), name=unnamed(p.name, COPY_SUFFIX), id="",
                       path=None, digest="")

    return by_content(a) == by_content(b)


def _json_files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix.lower() == ".json"]
    except OSError:
        return []


def _free_place(user_dir: Path, rel: Path, source: Path) -> Path | None:
    """Where ``source`` (a file the routine names, ``rel`` beside it) goes in ``user_dir``:
    its own place if free, None if the same bytes are there, else ``name-2.ext``…"""
    wanted = user_dir / rel
    candidate, n = wanted, 2
    while candidate.exists() or candidate.is_symlink():
        try:
            if not candidate.is_symlink() and _read_own(candidate) == _read_own(source):
                return None
        except (OSError, ValueError):
            pass
        candidate = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
        n += 1
    return candidate
