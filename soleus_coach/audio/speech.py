"""The machine's own voice, rendered to WAV files before it is needed. No Qt.

Why files, and why before: a cue must start within milliseconds of its time, and a speech
engine takes tens to hundreds of milliseconds to start talking. So every phrase of a routine
is rendered while "Get ready" runs (the first one before the clock starts), kept in a cache
folder by text, language, voice and rate, and played by the cue player like any other clip,
with the same latency lead (:mod:`soleus_coach.audio.player`).

Engines, behind one small interface (:class:`Engine`):

- :class:`EspeakNg` drives the ``espeak-ng`` program (Linux's usual engine, also on macOS
  and Windows where installed): one short process per phrase, text on stdin, WAV out (`-w`).
  A binding was not worth it: pyttsx3's Linux driver loads libespeak through ctypes, keeps
  global state (one thread only) and writes files through a callback hack, while the program
  is thread-safe, 20–30 ms a phrase here, and what every Linux desktop already has.
  speech-dispatcher cannot write to a file, so it cannot be used for exact timing.
- :class:`MacSay` drives macOS's ``say`` (the system voices, ``-o`` writes the file).
- :class:`Sapi` uses pyttsx3's SAPI 5 driver on Windows (``save_to_file``), installed only
  there (``pyttsx3; sys_platform == "win32"``); all its calls stay on one thread (COM).

Untrusted text (a step's name) reaches an engine as data only: on stdin or as a COM string,
never on a command line where it could be read as an option, and never with markup on.
"""

from __future__ import annotations

import array
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from soleus_coach.reader import read_user_text

log = logging.getLogger(__name__)

#: Bump when the rendering or the post-processing changes: old cache entries are not used.
FORMAT_VERSION = 1
#: Samples quieter than this (of 32767) are silence when a phrase is trimmed.
SILENCE = 300
#: Kept before the first sound, so that a cue's word starts when the cue is due.
LEAD_IN_S = 0.005
#: Kept after the last sound (the tail of a fading word).
TAIL_S = 0.03
#: Between the parts of one phrase ("Seated calf raise, left leg" · "Face the wall").
GAP_S = 0.25
#: The cache is pruned to this size, least recently used first.
CACHE_MAX_BYTES = 200 * 1024 * 1024
RENDER_TIMEOUT_S = 30.0
DEFAULT_RATE = 160


class SpeechError(Exception):
    """An engine could not render a phrase (missing, failed, or wrote no audio)."""


@dataclass(frozen=True, slots=True)
class Voice:
    engine: str  # "espeak-ng", "say", "sapi"
    id: str  # what the engine takes: "gmw/de", "Anna", a SAPI token id
    name: str  # what a person reads: "German", "Anna"
    language: str  # lower case, "-" separated: "de", "en-us"

    def speaks(self, language: str) -> bool:
        """Whether this voice speaks ``language`` ("de" matches "de" and "de-ch")."""
        return primary(self.language) == primary(language)


def primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


#: The region a language's default voice is picked from where there are several.
PREFERRED = {"en": "en-us", "de": "de", "pt": "pt-br", "es": "es", "fr": "fr-fr"}


class Engine(Protocol):
    name: str
    #: How many phrases it may render at once (a process each, or one COM object).
    parallel: int

    def available(self) -> bool: ...

    def voices(self) -> list[Voice]: ...

    def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
        """Write ``text`` spoken by ``voice`` at ``rate`` words per minute to ``out``
        (a WAV file); raise :class:`SpeechError` when it cannot."""
        ...


Runner = Callable[..., "subprocess.CompletedProcess[bytes]"]


def _run(argv: list[str], runner: Runner, text: str | None = None) -> str:
    try:
        done = runner(argv, input=None if text is None else text.encode("utf-8"),
                      capture_output=True, timeout=RENDER_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpeechError(f"{argv[0]}: {exc}") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SpeechError(f"{argv[0]} exited with {done.returncode}"
                          + (f": {detail[-1][:200]}" if detail else ""))
    return done.stdout.decode("utf-8", "replace")


class EspeakNg:
    """eSpeak NG, the program (``apt-get install espeak-ng``)."""

    name = "espeak-ng"
    parallel = 2

    def __init__(self, command: str = "espeak-ng", runner: Runner = subprocess.run) -> None:
        self.command = command
        self.runner = runner

    def available(self) -> bool:
        return shutil.which(self.command) is not None

    def voices(self) -> list[Voice]:
        listing = _run([self.command, "--voices"], self.runner)
        out: list[Voice] = []
        for line in listing.splitlines()[1:]:
            cols = line.split()
            if len(cols) < 5 or not cols[0].isdigit():
                continue
            _pty, language, _gender, name, file = cols[:5]
            if file.startswith("mb/") and not _mbrola_installed(file):
                continue  # listed by eSpeak NG, but its MBROLA voice is not installed
            out.append(Voice(self.name, file, name.replace("_", " "), language.lower()))
        return out

    def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
        # --stdin: the text is data, never an option (a name may start with "-").
        _run([self.command, "-v", voice.id, "-s", str(rate), "-w", str(out), "--stdin"],
             self.runner, text)


MBROLA_DIRS = (Path("/usr/share/mbrola"), Path("/usr/share/mbrola/voices"))


def _mbrola_installed(file: str) -> bool:
    """eSpeak NG's MBROLA voices need the ``mbrola`` program and the voice's database
    (``mbrola-de2`` …), looked for where eSpeak NG looks."""
    database = file.rsplit("/", 1)[-1].removeprefix("mb-").split("-")[0]
    return shutil.which("mbrola") is not None and any(
        (folder / database).exists() for folder in MBROLA_DIRS)


class MacSay:
    """macOS's ``say``: the voices of System Settings → Accessibility → Spoken Content."""

    name = "say"
    parallel = 2
    _LINE = re.compile(r"^(?P<name>.+?)\s+(?P<lang>[a-z]{2,3}[_-][A-Za-z0-9]+)\s+#")

    def __init__(self, command: str = "say", runner: Runner = subprocess.run) -> None:
        self.command = command
        self.runner = runner

    def available(self) -> bool:
        return sys.platform == "darwin" and shutil.which(self.command) is not None

    def voices(self) -> list[Voice]:
        out = []
        for line in _run([self.command, "-v", "?"], self.runner).splitlines():
            match = self._LINE.match(line)
            if match:
                name = match["name"].strip()
                out.append(Voice(self.name, name, name,
                                 match["lang"].replace("_", "-").lower()))
        return out

    def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
        # "-f -": the text from stdin, never an option.
        _run([self.command, "-v", voice.id, "-r", str(rate), "-o", str(out),
              "--data-format=LEI16@22050", "-f", "-"], self.runner, text)


class Sapi:
    """Windows' SAPI 5 voices through pyttsx3 (installed with the app on Windows only).
    pyttsx3's engine is a COM object: it is made and used on the renderer's thread only."""

    name = "sapi"
    parallel = 1

    def __init__(self, module: Any = None) -> None:
        self._module = module
        self._engine: Any = None

    def _tts(self) -> Any:
        if self._engine is None:
            module = self._module
            if module is None:
                import pyttsx3

                module = pyttsx3
            with contextlib.suppress(ImportError):  # COM, on this (the renderer's) thread
                import pythoncom

                pythoncom.CoInitialize()
            self._engine = module.init("sapi5")
        return self._engine

    def available(self) -> bool:
        if sys.platform != "win32" and self._module is None:
            return False
        try:
            self._tts()
        except Exception as exc:  # not installed, or no SAPI: no voice from here
            log.info("SAPI voices unavailable: %s", exc)
            return False
        return True

    def voices(self) -> list[Voice]:
        out = []
        for v in self._tts().getProperty("voices"):
            languages = [str(x) for x in (getattr(v, "languages", None) or [])]
            match = re.search(r"_([A-Za-z]{2})-([A-Za-z]{2})_", str(v.id))
            language = languages[0] if languages and not languages[0].startswith(
                "Unknown") else f"{match[1]}-{match[2]}" if match else ""
            if language:
                out.append(Voice(self.name, str(v.id), str(v.name),
                                 language.replace("_", "-").lower()))
        return out

    def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
        tts = self._tts()
        try:
            tts.setProperty("voice", voice.id)
            tts.setProperty("rate", rate)
            tts.save_to_file(text, str(out))
            tts.runAndWait()
        except Exception as exc:
            raise SpeechError(f"SAPI: {exc}") from exc


def platform_engines() -> list[Engine]:
    """The engines this platform may have, best first (each checked when asked)."""
    if sys.platform == "darwin":
        return [MacSay(), EspeakNg()]
    if sys.platform == "win32":
        return [Sapi(), EspeakNg()]
    return [EspeakNg()]


def choose_voice(voices: Sequence[Voice], language: str, wanted: str = "") -> Voice | None:
    """The voice ``wanted`` (an id) if it speaks ``language``; else the language's default:
    the preferred region's first voice, then any voice of the language."""
    fitting = [v for v in voices if v.speaks(language)]
    for voice in fitting:
        if wanted and voice.id == wanted:
            return voice
    region = PREFERRED.get(primary(language), primary(language))
    exact = [v for v in fitting if v.language == language.lower().replace("_", "-")]
    preferred = [v for v in fitting if v.language == region]
    best = exact or preferred or fitting
    return best[0] if best else None


# ----------------------------------------------------------------- WAV files


@dataclass(frozen=True, slots=True)
class Pcm:
    """16-bit mono samples and their rate."""

    samples: array.array[int]
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0


def read_pcm(path: Path) -> Pcm:
    try:
        with wave.open(str(path), "rb") as w:
            width, channels, rate = w.getsampwidth(), w.getnchannels(), w.getframerate()
            frames = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise SpeechError(f"no audio in {path.name}: {exc}") from exc
    if width != 2 or channels not in (1, 2) or rate <= 0:
        raise SpeechError(f"{path.name}: {width * 8}-bit, {channels} channels")
    samples = array.array("h", frames[: len(frames) // 2 * 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if channels == 2:
        samples = array.array("h", ((a + b) // 2 for a, b in zip(
            samples[0::2], samples[1::2], strict=False)))
    return Pcm(samples, rate)


def write_pcm(path: Path, pcm: Pcm) -> None:
    """Atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".wav")
    try:
        with os.fdopen(fd, "wb") as fh, wave.open(fh, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(pcm.rate)
            data = array.array("h", pcm.samples)
            if sys.byteorder == "big":
                data.byteswap()
            w.writeframes(data.tobytes())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def trim(pcm: Pcm) -> Pcm:
    """Leading and trailing silence cut, so the word starts when its cue is due and the
    clip is as long as the word (the player's drain rule and the fit rule rely on it)."""
    s = pcm.samples
    first = next((i for i, v in enumerate(s) if abs(v) > SILENCE), None)
    if first is None:
        raise SpeechError("the engine wrote silence")
    last = next(i for i in range(len(s) - 1, -1, -1) if abs(s[i]) > SILENCE)
    start = max(0, first - int(LEAD_IN_S * pcm.rate))
    end = min(len(s), last + 1 + int(TAIL_S * pcm.rate))
    return Pcm(s[start:end], pcm.rate)


def compose(parts: Sequence[tuple[Pcm, float | None]], gap_s: float = GAP_S) -> Pcm:
    """One clip of several: each part at its fixed offset (the 3-2-1), or after the one
    before with a pause. A part that would run into the next fixed one is cut there."""
    rate = parts[0][0].rate
    if any(p.rate != rate for p, _ in parts):
        raise SpeechError("parts at different rates")
    out = array.array("h")
    for k, (pcm, at) in enumerate(parts):
        start = len(out) + (int(gap_s * rate) if k else 0) if at is None else int(at * rate)
        if start > len(out):
            out.extend(array.array("h", bytes(2 * (start - len(out)))))
        else:
            del out[start:]
        out.extend(pcm.samples)
    return Pcm(out, rate)


# ----------------------------------------------------------------- the cache


@dataclass(frozen=True, slots=True)
class Clip:
    path: Path
    seconds: float


class PhraseCache:
    """Rendered phrases on disk, by what makes them (engine, voice, language, rate, text,
    the format's version): ``<hash>.wav`` with ``<hash>.json`` beside it saying what it is.
    A hit touches the file; :meth:`prune` removes the least recently used beyond the size."""

    def __init__(self, folder: Path, max_bytes: int = CACHE_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    @staticmethod
    def key(*fields: object) -> str:
        raw = json.dumps([FORMAT_VERSION, *fields], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.wav"

    def get(self, key: str) -> Clip | None:
        path = self.path(key)
        meta = path.with_suffix(".json")
        try:
            note = read_user_text(meta, 64 * 1024, "cache notes")
            seconds = float(json.loads(note)["seconds"])
            os.utime(path)  # recently used
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Clip(path, seconds)

    def put(self, key: str, pcm: Pcm, about: dict[str, Any]) -> Clip:
        path = self.path(key)
        write_pcm(path, pcm)
        meta = {**about, "seconds": pcm.seconds, "sample_rate": pcm.rate}
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path.with_suffix(".json"))
        return Clip(path, pcm.seconds)

    def prune(self) -> int:
        """Remove the least recently used phrases beyond the size; returns how many."""
        try:
            entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in
                       self.folder.glob("*.wav")]
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes * 0.8:
                break
            for file in (path, path.with_suffix(".json")):
                file.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed


# ----------------------------------------------------------------- the renderer


class SpokenPart(Protocol):
    """Words rendered as one piece (:class:`soleus_coach.session.phrases.Part`)."""

    @property
    def text(self) -> str: ...

    @property
    def at_s(self) -> float | None: ...


class SpokenLine(Protocol):
    """One cue's words (:class:`soleus_coach.session.phrases.Line`)."""

    @property
    def key(self) -> Hashable: ...

    @property
    def room_s(self) -> float: ...

    @property
    def choices(self) -> Sequence[Sequence[SpokenPart]]: ...


@dataclass(frozen=True, slots=True)
class SpeechJob:
    language: str
    lines: Sequence[SpokenLine]
    voice: str = ""  # a voice id; "" the language's default
    rate: int = DEFAULT_RATE


@dataclass(slots=True)
class JobReport:
    """How a job went: the voice used (None: none for the language), the phrases it said,
    rendered now or found in the cache, and the time it took."""

    voice: Voice | None
    lines: int = 0
    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    error: str = ""
    cancelled: bool = False
    first_s: float = 0.0  # until the first line was ready


@dataclass(slots=True)
class _Job:
    spec: SpeechJob
    on_line: Callable[[Hashable, Clip], None]
    on_done: Callable[[JobReport], None]
    cancel: threading.Event = field(default_factory=threading.Event)


_STOP = object()


class SpeechRenderer:
    """Renders jobs on its own thread (a job's phrases two at a time where the engine
    allows), in the lines' order, each line reported as soon as it is ready; a new job
    cancels the one before. Voices are looked up on the same thread."""

    def __init__(self, cache_dir: Path, *,
                 engines: Callable[[], list[Engine]] = platform_engines,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.cache = PhraseCache(cache_dir)
        self._engines_factory = engines
        self._engines: list[Engine] | None = None
        self._voices: dict[str, list[Voice]] = {}
        self._clock = clock
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._current: _Job | None = None

    # ----------------------------------------------------------------- caller side

    def render(self, job: SpeechJob, on_line: Callable[[Hashable, Clip], None],
               on_done: Callable[[JobReport], None], *, cancel: bool = True) -> None:
        """Render ``job`` in the background, cancelling the job before (unless ``cancel``
        is False: a sample waits its turn instead). Never blocks."""
        item = _Job(job, on_line, on_done)
        if cancel:
            self.cancel()
            self._current = item
        self._put(item)

    def cancel(self) -> None:
        if self._current is not None:
            self._current.cancel.set()
            self._current = None

    def find_voices(self, language: str, done: Callable[[list[Voice]], None]) -> None:
        """The installed voices that speak ``language``, every engine's, to ``done``."""
        self._put(("voices", language, done))

    def close(self, timeout: float = 5.0) -> None:
        self.cancel()
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout)
            self._thread = None

    def _put(self, item: object) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
            self._thread.start()
        self._queue.put(item)

    # ----------------------------------------------------------------- worker side

    def _run(self) -> None:
        _background()
        while (item := self._queue.get()) is not _STOP:
            try:
                if isinstance(item, _Job):
                    if not item.cancel.is_set():
                        self._do_job(item)
                else:
                    _, language, done = item
                    done([v for _, v in self._all_voices(language)])
            except Exception:  # a bug must not kill the thread: the cues fall back
                log.exception("speech: job failed")

    def engines(self) -> list[Engine]:
        if self._engines is None:
            self._engines = [e for e in self._engines_factory() if e.available()]
            log.info("speech engines: %s", [e.name for e in self._engines] or "none")
        return self._engines

    def _all_voices(self, language: str) -> list[tuple[Engine, Voice]]:
        out = []
        for engine in self.engines():
            if engine.name not in self._voices:
                try:
                    self._voices[engine.name] = engine.voices()
                except SpeechError as exc:
                    log.warning("speech: %s lists no voices: %s", engine.name, exc)
                    self._voices[engine.name] = []
            out += [(engine, v) for v in self._voices[engine.name] if v.speaks(language)]
        return out

    def resolve(self, language: str, wanted: str) -> tuple[Engine, Voice] | None:
        """The engine and voice for ``language``: the wanted one if installed, else the
        first engine's default voice for it."""
        found = self._all_voices(language)
        for engine, voice in found:
            if wanted and voice.id == wanted:
                return engine, voice
        for engine in self.engines():
            default = choose_voice([v for e, v in found if e is engine], language)
            if default is not None:
                return engine, default
        return None

    def _do_job(self, job: _Job) -> None:
        started = self._clock()
        spec = job.spec
        chosen = self.resolve(spec.language, spec.voice)
        report = JobReport(None if chosen is None else chosen[1])
        if chosen is None:
            report.error = "no voice"
            job.on_done(report)
            return
        engine, voice = chosen
        texts = list(dict.fromkeys(p.text for line in spec.lines for choice in line.choices
                                   for p in choice))
        pool: concurrent.futures.Executor = concurrent.futures.ThreadPoolExecutor(
            engine.parallel, thread_name_prefix="speech-part", initializer=_background
        ) if engine.parallel > 1 else _Inline()  # one at a time: on this thread (COM)
        parts: dict[str, concurrent.futures.Future[tuple[Pcm, Clip, bool]]] = {}
        try:
            # Submitted in the order the lines are said: the first is ready first.
            parts = {t: pool.submit(self._part, engine, voice, spec, t) for t in texts}
            for line in spec.lines:
                if job.cancel.is_set():
                    report.cancelled = True
                    break
                clip = self._line(line, parts, engine, voice, spec, report)
                if clip is not None:
                    job.on_line(line.key, clip)
                    report.lines += 1
                    if report.lines == 1:
                        report.first_s = self._clock() - started
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        for future in parts.values():
            if future.done() and not future.cancelled() and future.exception() is None:
                if future.result()[2]:
                    report.cached += 1
                else:
                    report.rendered += 1
        report.seconds = self._clock() - started
        self.cache.prune()
        job.on_done(report)

    def _about(self, engine: Engine, voice: Voice, spec: SpeechJob) -> dict[str, Any]:
        return {"engine": engine.name, "voice": voice.id, "language": voice.language,
                "rate": spec.rate}

    def _part(self, engine: Engine, voice: Voice, spec: SpeechJob, text: str
              ) -> tuple[Pcm, Clip, bool]:
        """One part's samples and file, and whether it came from the cache."""
        key = self.cache.key(engine.name, voice.id, voice.language, spec.rate, text)
        clip = self.cache.get(key)
        if clip is not None:
            with contextlib.suppress(SpeechError):  # damaged: rendered again
                return read_pcm(clip.path), clip, True
        with tempfile.TemporaryDirectory(prefix="soleus-speech-") as tmp:
            out = Path(tmp) / "phrase.wav"
            engine.render(text, voice, spec.rate, out)
            pcm = trim(read_pcm(out))
        return pcm, self.cache.put(key, pcm, {**self._about(engine, voice, spec),
                                               "text": text}), False

    def _line(self, line: SpokenLine,
              parts: dict[str, concurrent.futures.Future[tuple[Pcm, Clip, bool]]],
              engine: Engine, voice: Voice, spec: SpeechJob, report: JobReport
              ) -> Clip | None:
        """The longest choice that ends within the line's room (else the shortest), as one
        clip; None when its parts could not be rendered."""
        measured = []
        for choice in line.choices:
            try:
                pcms = [(parts[p.text].result()[0], p.at_s) for p in choice]
            except SpeechError as exc:
                report.error = str(exc)
                log.warning("speech: %s", exc)
                continue
            measured.append((choice, pcms))
        if not measured:
            return None
        fits = [m for m in measured if _length(m[1]) <= line.room_s]
        choice, pcms = fits[0] if fits else min(measured, key=lambda m: _length(m[1]))
        if len(choice) == 1 and choice[0].at_s is None:
            return parts[choice[0].text].result()[1]  # one part: its own file
        key = self.cache.key(engine.name, voice.id, voice.language, spec.rate,
                             [(p.text, p.at_s) for p in choice], GAP_S)
        clip = self.cache.get(key)
        if clip is not None:
            return clip
        return self.cache.put(key, compose(pcms), {
            **self._about(engine, voice, spec),
            "text": " ".join(p.text for p in choice), "parts": [p.text for p in choice]})


class _Inline(concurrent.futures.Executor):
    """Runs each task at once on the calling thread: an engine that must stay on one thread
    (SAPI's COM object) renders on the renderer's own."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any
               ) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


#: How much lower the renderer's threads (and the engines they start) run than the app.
NICENESS = 10


def _background() -> None:
    """Lower this thread's priority, and so that of the engine processes it starts: while a
    routine runs, its rendering must not delay a cue's timer or its player. Linux only,
    where the priority is a thread's own (elsewhere it would be the whole app's)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)


def _length(parts: Sequence[tuple[Pcm, float | None]]) -> float:
    """Seconds of the composed clip, without composing it."""
    end = 0.0
    for k, (pcm, at) in enumerate(parts):
        start = (end + (GAP_S if k else 0.0)) if at is None else at
        end = start + pcm.seconds
    return end
