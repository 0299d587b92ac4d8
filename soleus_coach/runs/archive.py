"""Whole exports: a Strava bulk export and a Garmin Connect export, as the zip the site sends
or unpacked into a folder. No Qt; runs off the GUI thread.

- **Strava** (``export_12345.zip``): ``activities.csv`` lists every activity with its name,
  its type in the runner's own word ("Run", "Ride", "Swim") and its file under
  ``activities/`` (``.gpx``, ``.tcx``, ``.fit``, each maybe ``.gz``). Only the files it lists
  are read (the export's ``routes/`` are plans, not runs); an activity whose type is not a
  run is counted and named without reading its file; the type and name go with the file as a
  :class:`~soleus_coach.runs.parse.Hint`.
- **Garmin Connect** (``.zip``): the activity files sit in zips inside it
  (``DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip``); every activity file
  in the archive and in the zips inside it is read.

**Safety.** Nothing is unpacked to disk and no member's name is ever used as a path: a name
is only shown (as plain text). Before the zip's directory is parsed, its end record is read
and an archive listing more than :data:`MAX_ENTRIES` entries or a directory larger than
:data:`MAX_DIRECTORY` is refused (a 600,000-entry zip would otherwise take seconds and
hundreds of MiB to list). A member is inflated in chunks, capped at its format's size and at
:data:`MAX_RATIO` times its compressed size (a zip bomb stops within a megabyte), and every
archive shares one budget of :data:`MAX_TOTAL` inflated bytes (overlapping members, the
other kind of bomb). Zips inside zips are spooled to a temporary file (deleted when closed)
and followed :data:`MAX_DEPTH` levels deep at most. Encrypted members and unknown compression
are refused with the reason; a Strava folder's ``activities.csv`` may only name files inside
that folder.
"""

from __future__ import annotations

import csv
import io
import os
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from soleus_coach import texts
from soleus_coach.reader import NotRegularFile, open_user_file
from soleus_coach.runs.model import RunProblem
from soleus_coach.runs.parse import MAX_BYTES, Hint, is_activity_file
from soleus_coach.runs.results import INSIDE, FileResult, Outcome
from soleus_coach.runs.sports import Sport, name_of, sport_of_word

#: An archive listing more entries than this is refused before its directory is read.
MAX_ENTRIES = 50_000
#: …and so is one whose directory is larger (each entry takes at least 46 bytes of it).
MAX_DIRECTORY = 8 * 2**20
#: A member inflating to more than this many times its compressed size (after the first
#: RATIO_FLOOR bytes) is a zip bomb: activity files compress 2–10 to 1.
MAX_RATIO = 100
RATIO_FLOOR = 256 * 2**10
#: What one import inflates from archives, in all.
MAX_TOTAL = 16 * 2**30
#: A zip inside a zip: at most this large, and this many levels (the archive given is 1).
MAX_NESTED_BYTES = 8 * 2**30
MAX_DEPTH = 3
MAX_CSV_BYTES = 64 * 2**20
CSV_NAME = "activities.csv"
_CHUNK = 1 << 20


class Budget:
    """Bytes an import may still inflate from archives."""

    def __init__(self, total: int | None = None) -> None:
        self.total = MAX_TOTAL if total is None else total
        self.left = self.total

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise RunProblem(texts.RUN_ZIP_TOTAL, round(self.total / 2**30))


def is_archive(path: Path | str) -> bool:
    return str(path).lower().endswith(".zip")


def _directory_size(fh: IO[bytes]) -> tuple[int, int]:
    """(entries, directory bytes) from the zip's end record (zip64 too), before zipfile
    reads the directory."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    tail_len = min(size, 65_535 + 22)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or len(tail) - i < 22:
        raise RunProblem(texts.RUN_ZIP_BAD, "no end of central directory")
    entries, directory = struct.unpack_from("<HI", tail, i + 10)
    if (entries == 0xFFFF or directory == 0xFFFFFFFF) and i >= 20 and \
            tail[i - 20:i - 16] == b"PK\x06\x07":
        (where,) = struct.unpack_from("<Q", tail, i - 12)
        fh.seek(where)
        record = fh.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            entries, directory = struct.unpack_from("<QQ", record, 32)
    return entries, directory


class Zip:
    """One open zip: the archive given, or a zip inside one (spooled to a temporary file)."""

    def __init__(self, fh: IO[bytes], label: str, depth: int, budget: Budget) -> None:
        self.fh = fh
        self.label = label
        self.depth = depth
        self.budget = budget
        entries, directory = _directory_size(fh)
        if entries > MAX_ENTRIES or directory > MAX_DIRECTORY:
            fh.close()
            raise RunProblem(texts.RUN_ZIP_TOO_MANY, max(entries, directory // 46), MAX_ENTRIES)
        try:
            self.zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            fh.close()
            raise RunProblem(texts.RUN_ZIP_BAD, _first_line(exc)) from None

    @classmethod
    def open_path(cls, path: Path, budget: Budget) -> Zip:
        """A zip on disk: a regular file, opened without blocking."""
        try:
            fh = open_user_file(path)
        except NotRegularFile:
            raise RunProblem(texts.RUN_NOT_REGULAR) from None
        except OSError as exc:
            raise RunProblem(texts.RUN_CANNOT_READ, exc.strerror or exc) from None
        return cls(fh, str(path), 1, budget)

    def members(self) -> list[zipfile.ZipInfo]:
        return sorted((i for i in self.zf.infolist() if not i.is_dir()),
                      key=lambda i: i.filename)

    def name(self, info: zipfile.ZipInfo) -> str:
        return f"{self.label}{INSIDE}{info.filename}"

    def chunks(self, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
        """The member's bytes in chunks, within ``limit``, the ratio cap and the budget."""
        if info.flag_bits & 0x1:
            raise RunProblem(texts.RUN_ZIP_ENCRYPTED)
        if info.file_size > limit:
            raise RunProblem(texts.RUN_TOO_BIG, f"{info.file_size / 2**20:.1f}", limit // 2**20)
        cap = max(RATIO_FLOOR, MAX_RATIO * info.compress_size)
        done = 0
        try:
            with self.zf.open(info) as member:
                while chunk := member.read(_CHUNK):
                    done += len(chunk)
                    if done > limit:
                        raise RunProblem(texts.RUN_TOO_BIG, f"{done / 2**20:.1f}+",
                                         limit // 2**20)
                    if done > cap:
                        raise RunProblem(texts.RUN_ZIP_BOMB, MAX_RATIO)
                    self.budget.take(len(chunk))
                    yield chunk
        except RunProblem:
            raise
        except RuntimeError:  # zipfile's word for an encrypted member
            raise RunProblem(texts.RUN_ZIP_ENCRYPTED) from None
        except (zipfile.BadZipFile, NotImplementedError, zlib.error, EOFError, OSError,
                ValueError) as exc:
            raise RunProblem(texts.RUN_ZIP_BAD, _first_line(exc)) from None

    def read(self, info: zipfile.ZipInfo, limit: int = MAX_BYTES) -> bytes:
        return b"".join(self.chunks(info, limit))

    def nested(self, info: zipfile.ZipInfo) -> Zip:
        """A zip inside this one, spooled to a temporary file."""
        if self.depth >= MAX_DEPTH:
            raise RunProblem(texts.RUN_ZIP_TOO_DEEP, MAX_DEPTH)
        spool = tempfile.TemporaryFile(prefix="soleus-runs-")  # noqa: SIM115 (kept open)
        try:
            for chunk in self.chunks(info, MAX_NESTED_BYTES):
                spool.write(chunk)
            spool.seek(0)
            return Zip(spool, self.name(info), self.depth + 1, self.budget)
        except BaseException:
            spool.close()
            raise

    def close(self) -> None:
        self.zf.close()
        self.fh.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


@dataclass(frozen=True, slots=True, eq=False)
class Item:
    """A file to read: on disk (``path``), or a member of an open archive."""

    name: str
    path: Path | None = None
    archive: Zip | None = None
    member: zipfile.ZipInfo | None = None
    hint: Hint | None = None

    def data(self) -> bytes | None:
        """A member's bytes (read here, where the archive is open); None for a file on disk
        (a worker reads it)."""
        if self.archive is None or self.member is None:
            return None
        return self.archive.read(self.member)


Entry = Item | FileResult


# ----------------------------------------------------------------------------- Strava


@dataclass(frozen=True, slots=True)
class _Row:
    file: str  # as activities.csv writes it ("activities/123.gpx.gz"); "" for none
    hint: Hint


def strava_rows(data: bytes) -> list[_Row] | None:
    """The rows of a Strava ``activities.csv``; None when it is not one (no Filename or
    Activity Type column)."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        return None

    def column(name: str) -> int | None:
        return header.index(name) if name in header else None  # the first of duplicates

    file_col, type_col = column("filename"), column("activity type")
    name_col, date_col = column("activity name"), column("activity date")
    if file_col is None or type_col is None:
        return None
    rows = []
    try:
        for row in reader:
            def cell(i: int | None, row: list[str] = row) -> str:
                return row[i].strip() if i is not None and i < len(row) else ""

            word = cell(type_col)
            name = cell(name_col) or cell(date_col)
            rows.append(_Row(cell(file_col), Hint(sport_of_word(word), word, name[:500])))
    except csv.Error as exc:
        raise RunProblem(texts.RUN_STRAVA_CSV, _first_line(exc)) from None
    return rows


def _strava_entry(row: _Row, label: str) -> FileResult | None:
    """The result of a row that needs no reading: another sport, or no file."""
    name = f"{label}{INSIDE}{row.file or row.hint.name}"
    sport = row.hint.sport
    if sport is not None and sport is not Sport.RUNNING:
        return FileResult(name, Outcome.NOT_RUN, name_of(sport, row.hint.word))
    if not row.file:
        if sport is Sport.RUNNING:
            return FileResult(name, Outcome.FAILED, str(_said(texts.RUN_STRAVA_NO_FILE)))
        return FileResult(name, Outcome.NOT_RUN, name_of(Sport.OTHER, row.hint.word))
    return None


def _said(text: texts.Text) -> str:
    return texts.translate(text)


def strava_folder(folder: Path, csv_path: Path) -> list[Entry]:
    """The activities of an unpacked Strava export: only the files ``activities.csv`` names,
    and only inside ``folder``."""
    from soleus_coach.runs.parse import read_capped

    rows = strava_rows(read_capped(csv_path, MAX_CSV_BYTES))
    if rows is None:
        return []
    root = os.path.realpath(folder)
    out: list[Entry] = []
    for row in rows:
        done = _strava_entry(row, str(folder))
        if done is not None:
            out.append(done)
            continue
        name = f"{folder}{INSIDE}{row.file}"
        rel = PurePosixPath(row.file.replace("\\", "/"))
        path = folder.joinpath(*rel.parts)
        inside = not rel.is_absolute() and ".." not in rel.parts and \
            os.path.realpath(path).startswith(root + os.sep)
        if not inside or not path.is_file():
            out.append(FileResult(name, Outcome.FAILED, _said(texts.RUN_STRAVA_MISSING)))
            continue
        out.append(Item(name, path=path, hint=row.hint))
    return out


# ----------------------------------------------------------------------------- zips


def list_zip(path: Path, budget: Budget, opened: list[Zip]) -> list[Entry]:
    """Everything to read in an archive on disk (Strava's or Garmin's or any zip of activity
    files); the archives opened are added to ``opened`` (the caller closes them)."""
    try:
        z = Zip.open_path(path, budget)
    except RunProblem as exc:
        return [FileResult(str(path), Outcome.FAILED, str(exc))]
    opened.append(z)
    return _entries(z, budget, opened)


def _entries(z: Zip, budget: Budget, opened: list[Zip]) -> list[Entry]:
    members = z.members()
    csvs = [m for m in members if PurePosixPath(m.filename).name.lower() == CSV_NAME]
    if csvs:
        index = min(csvs, key=lambda m: m.filename.count("/"))
        try:
            rows = strava_rows(z.read(index, MAX_CSV_BYTES))
        except RunProblem as exc:
            return [FileResult(z.name(index), Outcome.FAILED, str(exc))]
        if rows is not None:
            return _strava_zip(z, index, rows, members)
    out: list[Entry] = []
    for info in members:
        if info.filename.lower().endswith(".zip"):
            try:
                inner = z.nested(info)
            except RunProblem as exc:
                out.append(FileResult(z.name(info), Outcome.FAILED, str(exc)))
                continue
            opened.append(inner)
            out.extend(_entries(inner, budget, opened))
        elif is_activity_file(info.filename):
            out.append(Item(z.name(info), archive=z, member=info))
    return out


def _strava_zip(z: Zip, index: zipfile.ZipInfo, rows: list[_Row],
                members: list[zipfile.ZipInfo]) -> list[Entry]:
    prefix = index.filename[:-len(CSV_NAME)]
    by_name = {m.filename: m for m in members}
    out: list[Entry] = []
    for row in rows:
        done = _strava_entry(row, z.label)
        if done is not None:
            out.append(done)
            continue
        info = by_name.get(prefix + row.file.replace("\\", "/").lstrip("/"))
        if info is None:
            out.append(FileResult(f"{z.label}{INSIDE}{row.file}", Outcome.FAILED,
                                  _said(texts.RUN_STRAVA_MISSING)))
            continue
        out.append(Item(z.name(info), archive=z, member=info, hint=row.hint))
    return out

