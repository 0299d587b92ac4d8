"""Make the cue sounds in assets/sounds/ (rerun after changing a cue):

    python tools/make_sounds.py            # tones (pure Python) and spoken (espeak-ng)

Tones are synthesised sine notes with a 10 ms fade in and out, so they do not click.
Recorded words are rendered with espeak-ng (``apt-get install espeak-ng``) in each language
the app speaks (English: en-us; German), from the app's own words and their translations, so
the German UI never plays English. The 3-2-1 countdown is one file in both styles: its beeps
(or words) sit exactly one second apart in the file, so their spacing cannot jitter.
Licence: assets/sounds/README.md.
"""

from __future__ import annotations

import array
import io
import math
import shutil
import subprocess
import sys
import tempfile
import wave
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "sounds"
RATE = 22_050
FADE_S = 0.010

# cue -> notes as (frequency Hz, seconds, start offset s); all distinct by ear.
TONES: dict[str, list[tuple[float, float, float]]] = {
    "get_ready": [(523.25, 0.15, 0.0), (659.25, 0.15, 0.18)],
    "hold_start": [(880.0, 0.30, 0.0)],
    "countdown": [(660.0, 0.12, 0.0), (660.0, 0.12, 1.0), (660.0, 0.12, 2.0)],
    "relax": [(659.25, 0.18, 0.0), (523.25, 0.30, 0.2)],
    "switch_legs": [(523.25, 0.12, 0.0), (659.25, 0.12, 0.15), (783.99, 0.2, 0.30)],
    "caution": [(329.63, 0.25, 0.0), (329.63, 0.25, 0.35)],
    "exercise_start": [(783.99, 0.22, 0.0)],
    "ice_on": [(440.0, 0.45, 0.0)],
    "ice_skin_check": [(587.33, 0.12, 0.0), (587.33, 0.12, 0.2)],
    "ice_halfway": [(523.25, 0.3, 0.0)],
    "ice_off": [(783.99, 0.25, 0.0), (659.25, 0.25, 0.3), (523.25, 0.45, 0.6)],
    "complete": [(523.25, 0.14, 0.0), (659.25, 0.14, 0.16), (783.99, 0.14, 0.32),
                 (1046.5, 0.5, 0.48)],
    # Format 2: counted reps and tempo. Short, so that one fits in every second.
    "rep": [(1318.5, 0.06, 0.0)],  # a tick as a rep begins
    "count": [(987.77, 0.04, 0.0)],  # a softer tick for each further second of a part
    "tempo_down": [(783.99, 0.09, 0.0), (587.33, 0.12, 0.1)],  # falling
    "tempo_up": [(587.33, 0.09, 0.0), (783.99, 0.12, 0.1)],  # rising
    "tempo_hold": [(698.46, 0.2, 0.0)],
    "last_rep": [(1318.5, 0.06, 0.0), (1318.5, 0.06, 0.12), (1318.5, 0.06, 0.24)],
    "set": [(659.25, 0.14, 0.0), (880.0, 0.25, 0.16)],
    "rest": [(587.33, 0.18, 0.0), (440.0, 0.3, 0.2)],
    "heat_on": [(392.0, 0.45, 0.0)],
    "heat_off": [(659.25, 0.25, 0.0), (523.25, 0.25, 0.3), (392.0, 0.45, 0.6)],
    "round": [(523.25, 0.14, 0.0), (783.99, 0.14, 0.16), (523.25, 0.14, 0.32)],
}

#: Recorded words: the language, and the eSpeak NG voice that records it. The words are the
#: app's own (soleus_coach.texts, context "Speech", and their translations in
#: translations/*.ts), so the recorded clips say what the system voice says.
LANGUAGES = {"en": "en-us", "de": "de"}
#: "Set two of three" for sets of up to five; more sets say "next set".
MAX_SETS_SPOKEN = 5
#: Numbers recorded for counts and reps (``number_7.wav``); the system voice says any.
MAX_NUMBER = 30


def translator(language: str) -> Callable[[str, str], str]:
    """The finished translations of ``translations/soleus_coach_<language>.ts``."""
    table: dict[tuple[str, str], str] = {}
    ts = ROOT / "translations" / f"soleus_coach_{language}.ts"
    if language != "en":
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None:
                    table[(name, message.findtext("source") or "")] = translation.text or ""
    return lambda context, source: table.get((context, source), source)
#: "Round two of three" for up to six rounds; more say "next round".
MAX_ROUNDS_SPOKEN = 6


def envelope(i: int, n: int, rate: int) -> float:
    fade = int(FADE_S * rate)
    return min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0


def tone(notes: list[tuple[float, float, float]], rate: int = RATE) -> array.array[int]:
    length = max(start + dur for _, dur, start in notes) + 0.02
    buf = [0.0] * int(length * rate)
    for freq, dur, start in notes:
        n = int(dur * rate)
        first = int(start * rate)
        for i in range(n):
            t = i / rate
            # A sine with a little second harmonic: clearer on laptop speakers.
            v = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(4 * math.pi * freq * t)
            buf[first + i] += 0.45 * v * envelope(i, n, rate)
    return array.array("h", (int(max(-1.0, min(1.0, v)) * 32767) for v in buf))


def write_wav(path: Path, samples: array.array[int], rate: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())


def read_wav(data: bytes) -> tuple[array.array[int], int]:
    with wave.open(io.BytesIO(data)) as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        samples = array.array("h", w.readframes(w.getnframes()))
        return samples, w.getframerate()


def espeak(text: str, voice: str, speed: int = 150) -> tuple[array.array[int], int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "s.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), "--stdin"],
                       input=text.encode("utf-8"), check=True)
        samples, rate = read_wav(out.read_bytes())
    # Trim the leading silence so the word starts when the cue is due.
    start = next((i for i, v in enumerate(samples) if abs(v) > 300), 0)
    return samples[max(0, start - int(0.005 * rate)):], rate


def spoken(words: str | list[str], voice: str) -> tuple[array.array[int], int]:
    if isinstance(words, str):
        return espeak(words, voice)
    parts = [espeak(w, voice) for w in words]
    rate = parts[0][1]
    total = int((len(parts) - 1) * rate) + len(parts[-1][0])
    buf = array.array("h", bytes(2 * total))
    for k, (samples, _) in enumerate(parts):
        offset = k * rate  # exactly one second apart
        for i, v in enumerate(samples[:rate]):
            buf[offset + i] = v
    return buf, rate


def record(language: str, voice: str) -> None:
    """Every cue's recorded words in ``language`` into ``spoken/<language>/``."""
    from soleus_coach import texts
    from soleus_coach.cues import SPOKEN_ONLY, Cue
    from soleus_coach.session import phrases

    previous = texts.install_translator(translator(language))
    try:
        folder = OUT / "spoken" / language
        for cue in Cue:
            if cue in SPOKEN_ONLY:
                continue
            words: str | list[str] = ["3", "2", "1"] if cue is Cue.COUNTDOWN else \
                phrases.recorded_words(cue)
            assert words, cue
            samples, rate = spoken(words, voice)
            write_wav(folder / f"{cue.value}.wav", samples, rate)
        for n in range(1, MAX_NUMBER + 1):
            samples, rate = espeak(str(n), voice, speed=190)
            write_wav(folder / f"number_{n}.wav", samples, rate)
        for total in range(2, MAX_SETS_SPOKEN + 1):
            for k in range(1, total + 1):
                samples, rate = espeak(phrases.say(texts.SAY_SET_N, k, total), voice)
                write_wav(folder / f"set_{k}_of_{total}.wav", samples, rate)
        for total in range(2, MAX_ROUNDS_SPOKEN + 1):
            for k in range(1, total + 1):
                samples, rate = espeak(phrases.say(texts.SAY_ROUND_N, k, total), voice)
                write_wav(folder / f"round_{k}_of_{total}.wav", samples, rate)
    finally:
        texts.install_translator(previous)


def main() -> int:
    for cue, notes in TONES.items():
        write_wav(OUT / "tones" / f"{cue}.wav", tone(notes), RATE)
    write_wav(OUT / "probe.wav", array.array("h"), RATE)  # no frames: see player._probe
    if shutil.which("espeak-ng") is None:
        print("espeak-ng not found: spoken prompts not rebuilt", file=sys.stderr)
        return 1
    for language, voice in LANGUAGES.items():
        record(language, voice)
    return 0


if __name__ == "__main__":
    sys.exit(main())
