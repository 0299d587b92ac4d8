"""Reading a file a protocol names (or the protocol itself): through the one reader
(:mod:`soleus_coach.reader`), and what a sound file must look like. No Qt."""

from __future__ import annotations

from pathlib import Path

from soleus_coach.reader import FileTooLarge, NotRegularFile, OutsideFolder, read_user_file

__all__ = ["FileTooLarge", "NotRegularFile", "OutsideFolder", "SoundInvalid", "check_sound",
           "read_regular_file"]


def read_regular_file(path: Path, limit: int, what: str, *,
                      within: Path | None = None) -> bytes:
    """The one reader, for a protocol and the files it names (see
    :func:`soleus_coach.reader.read_user_file`)."""
    return read_user_file(path, limit, what, within=within)


class SoundInvalid(ValueError):
    pass


def check_sound(data: bytes, suffix: str) -> None:
    """Raise :class:`SoundInvalid` unless ``data`` starts as a file of its kind does: a
    WAV (RIFF…WAVE), an Ogg stream, an MP3 (an ID3 tag or an MPEG frame). A player is never
    handed something else under a sound's name."""
    kind = suffix.lower()
    ok = (data[:4] == b"RIFF" and data[8:12] == b"WAVE") if kind == ".wav" else \
        data[:4] == b"OggS" if kind == ".ogg" else \
        data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0) \
        if kind == ".mp3" else False
    if not ok:
        raise SoundInvalid(f"not a {kind.lstrip('.').upper()} sound file")
