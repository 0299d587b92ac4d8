"""The speech renderer: engines (eSpeak NG for real; macOS's say and Windows' SAPI through
fakes of their programs and module), text as data only, trimmed clips, the fit rule, the
cache, and cancelling. No Qt."""

from __future__ import annotations

import array
import math
import subprocess
import threading
import time
import types
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from soleus_coach.audio.speech import (
    GAP_S,
    LEAD_IN_S,
    TAIL_S,
    Clip,
    EspeakNg,
    JobReport,
    MacSay,
    Pcm,
    PhraseCache,
    Sapi,
    SpeechError,
    SpeechJob,
    SpeechRenderer,
    Voice,
    choose_voice,
    compose,
    read_pcm,
    trim,
    write_pcm,
)
from soleus_coach.untrusted import SPEECH_MAX_CHARS, for_speech
from tests.needs import require

RATE = 22050


@dataclass(frozen=True)
class P:
    text: str
    at_s: float | None = None


@dataclass(frozen=True)
class L:
    key: Hashable
    room_s: float
    choices: tuple[tuple[P, ...], ...]


def tone(seconds: float, rate: int = RATE, pad: float = 0.0, level: int = 8000) -> Pcm:
    quiet = array.array("h", bytes(2 * int(pad * rate)))
    loud = array.array("h", [level if i % 2 else -level for i in range(int(seconds * rate))])
    return Pcm(quiet + loud + quiet, rate)


class FakeEngine:
    """Writes a clip 0.05 s long per character (with silence around it to be trimmed)."""

    name = "fake"
    parallel = 2

    def __init__(self, voices: list[Voice] | None = None, delay: float = 0.0) -> None:
        self._voices = voices if voices is not None else [
            Voice("fake", "f-en", "Fake English", "en-us"),
            Voice("fake", "f-de", "Fake German", "de")]
        self.rendered: list[str] = []
        self.delay = delay

    def available(self) -> bool:
        return True

    def voices(self) -> list[Voice]:
        return self._voices

    def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
        time.sleep(self.delay)
        if text == "fail":
            raise SpeechError("fake failure")
        self.rendered.append(text)
        write_pcm(out, tone(0.05 * len(text), pad=0.2))


def run_job(renderer: SpeechRenderer, job: SpeechJob) -> tuple[dict[Hashable, Clip], JobReport]:
    lines: dict[Hashable, Clip] = {}
    reports: list[JobReport] = []
    done = threading.Event()

    def finished(report: JobReport) -> None:
        reports.append(report)
        done.set()

    renderer.render(job, lambda key, clip: lines.__setitem__(key, clip), finished)
    assert done.wait(30)
    return lines, reports[0]


# ----------------------------------------------------------------- eSpeak NG, for real


def test_espeak_ng_lists_german_and_english_voices_and_renders_a_trimmed_clip(
        tmp_path: Path) -> None:
    require("espeak-ng")
    engine = EspeakNg()
    voices = engine.voices()
    german = choose_voice(voices, "de")
    english = choose_voice(voices, "en")
    assert german is not None and german.id == "gmw/de"
    assert english is not None and english.language == "en-us"  # the preferred region
    assert all(not v.id.startswith("mb/") for v in voices)  # no MBROLA installed here
    out = tmp_path / "x.wav"
    engine.render("Wadenheben im Sitzen, linkes Bein", german, 160, out)
    raw = read_pcm(out)
    clip = trim(raw)
    assert raw.rate == RATE and 1.0 < clip.seconds < raw.seconds
    loud = [i for i, v in enumerate(clip.samples) if abs(v) > 300]
    assert loud[0] <= 0.006 * RATE  # the word starts when the cue is due
    assert len(clip.samples) - loud[-1] <= 0.031 * RATE  # and the clip ends with it


def test_the_rate_changes_the_length(tmp_path: Path) -> None:
    require("espeak-ng")
    engine = EspeakNg()
    voice = choose_voice(engine.voices(), "en")
    assert voice is not None
    lengths = []
    for rate in (100, 250):
        engine.render("Seated calf raise, left leg", voice, rate, tmp_path / f"{rate}.wav")
        lengths.append(trim(read_pcm(tmp_path / f"{rate}.wav")).seconds)
    assert lengths[0] > 1.8 * lengths[1]


class Runner:
    """A fake subprocess.run: records argv and stdin, answers with ``out``."""

    def __init__(self, out: str = "", code: int = 0) -> None:
        self.calls: list[tuple[list[str], bytes | None]] = []
        self.out, self.code = out, code

    def __call__(self, argv: list[str], *, input: bytes | None, capture_output: bool,
                 timeout: float) -> subprocess.CompletedProcess[bytes]:
        self.calls.append((argv, input))
        return subprocess.CompletedProcess(argv, self.code, self.out.encode(), b"boom\n")


ESPEAK_VOICES = """Pty Language       Age/Gender VoiceName          File          Other Languages
 5  de              --/M      German             gmw/de
 6  de              --/M      german-mbrola-2    mb/mb-de2
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
"""


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=600))
def test_any_name_reaches_espeak_as_data_never_as_an_option(name: str) -> None:
    runner = Runner()
    engine = EspeakNg(runner=runner)
    spoken = for_speech(name)
    engine.render(spoken, Voice("espeak-ng", "gmw/de", "German", "de"), 160, Path("/o.wav"))
    (argv, stdin), = runner.calls
    assert argv == ["espeak-ng", "-v", "gmw/de", "-s", "160", "-w", "/o.wav", "--stdin"]
    assert stdin == spoken.encode("utf-8")
    assert len(spoken) <= SPEECH_MAX_CHARS and "\n" not in spoken
    assert not any(c in spoken for c in "\x00\x1b\u202e\u2068\u2069\u200b\u2028")


def test_espeak_listing_and_failures() -> None:
    engine = EspeakNg(runner=Runner(ESPEAK_VOICES))
    voices = engine.voices()
    assert [(v.id, v.name, v.language) for v in voices] == [
        ("gmw/de", "German", "de"), ("gmw/en-US", "English (America)", "en-us"),
        ("gmw/en", "English (Great Britain)", "en-gb")]  # MBROLA's not installed: left out
    failing = EspeakNg(runner=Runner(code=1))
    with pytest.raises(SpeechError, match="exited with 1: boom"):
        failing.render("x", voices[0], 160, Path("/o.wav"))
    with pytest.raises(SpeechError, match="not-a-program"):
        EspeakNg("not-a-program").voices()


def test_choose_voice() -> None:
    voices = [Voice("e", "gb", "GB", "en-gb"), Voice("e", "us", "US", "en-us"),
              Voice("e", "ch", "CH", "de-ch")]
    assert choose_voice(voices, "en") is voices[1]  # the preferred region
    assert choose_voice(voices, "en", wanted="gb") is voices[0]
    assert choose_voice(voices, "en", wanted="ch") is voices[1]  # not a voice for English
    assert choose_voice(voices, "en-GB") is voices[0]  # the exact region asked for
    assert choose_voice(voices, "de") is voices[2]  # any voice of the language
    assert choose_voice(voices, "fr") is None


def test_macos_say_lists_its_voices_and_reads_the_text_from_stdin() -> None:
    runner = Runner("Anna                de_DE    # Hallo, ich heiße Anna.\n"
                    "Daniel              en_GB    # Hello, my name is Daniel.\n"
                    "Eddy (Deutsch (Deutschland)) de_DE    # Hallo!\n")
    say = MacSay(runner=runner)
    voices = say.voices()
    assert [(v.id, v.language) for v in voices] == [
        ("Anna", "de-de"), ("Daniel", "en-gb"), ("Eddy (Deutsch (Deutschland))", "de-de")]
    say.render("-v Evil", voices[0], 180, Path("/o.wav"))
    argv, stdin = runner.calls[-1]
    assert argv == ["say", "-v", "Anna", "-r", "180", "-o", "/o.wav",
                    "--data-format=LEI16@22050", "-f", "-"]
    assert stdin == b"-v Evil"


def test_windows_sapi_through_pyttsx3(tmp_path: Path) -> None:
    calls: list[tuple[str, Any]] = []

    class FakeTts:
        def getProperty(self, name: str) -> Any:
            assert name == "voices"
            return [types.SimpleNamespace(id=r"HKEY\Tokens\TTS_MS_DE-DE_HEDDA_11.0",
                                          name="Microsoft Hedda", languages=["de-DE"]),
                    types.SimpleNamespace(id=r"HKEY\Tokens\TTS_MS_EN-US_ZIRA_11.0",
                                          name="Microsoft Zira", languages=[])]

        def setProperty(self, name: str, value: Any) -> None:
            calls.append((name, value))

        def save_to_file(self, text: str, path: str) -> None:
            calls.append(("save", (text, path)))
            write_pcm(Path(path), tone(0.5))

        def runAndWait(self) -> None:
            calls.append(("run", None))

    module = types.SimpleNamespace(init=lambda driver: calls.append(("init", driver))
                                   or FakeTts())
    sapi = Sapi(module)
    assert sapi.available()
    voices = sapi.voices()
    assert [(v.name, v.language) for v in voices] == [("Microsoft Hedda", "de-de"),
                                                      ("Microsoft Zira", "en-us")]
    sapi.render("Halten", voices[0], 170, tmp_path / "h.wav")
    assert calls == [("init", "sapi5"), ("voice", voices[0].id), ("rate", 170),
                     ("save", ("Halten", str(tmp_path / "h.wav"))), ("run", None)]
    assert not Sapi().available() or __import__("sys").platform == "win32"


# ----------------------------------------------------------------- clips


def test_compose_places_fixed_parts_exactly_and_others_after_a_pause() -> None:
    three = [(tone(0.4, level=1000), 0.0), (tone(0.3, level=2000), 1.0),
             (tone(1.5, level=3000), 2.0), (tone(0.2, level=4000), 3.0)]
    out = compose(three)
    starts = [i for i, v in enumerate(out.samples)
              if v and (i == 0 or abs(out.samples[i - 1]) != abs(v))]
    assert starts == [0, RATE, 2 * RATE, 3 * RATE]  # a second apart, to the sample
    assert out.seconds == pytest.approx(3.2)  # the long third part is cut at the fourth
    seq = compose([(tone(0.5), None), (tone(0.25), None)])
    assert seq.seconds == pytest.approx(0.75 + GAP_S, abs=2 / RATE)
    with pytest.raises(SpeechError):
        compose([(tone(0.1), None), (tone(0.1, rate=16000), None)])
    with pytest.raises(SpeechError, match="silence"):
        trim(Pcm(array.array("h", bytes(2000)), RATE))


def test_read_pcm_mixes_stereo_down_and_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    import wave

    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(array.array("h", [1000, 3000] * 100).tobytes())
    pcm = read_pcm(path)
    assert pcm.rate == 16000 and list(pcm.samples[:3]) == [2000, 2000, 2000]
    (tmp_path / "bad.wav").write_bytes(b"RIFF nonsense")
    with pytest.raises(SpeechError):
        read_pcm(tmp_path / "bad.wav")


# ----------------------------------------------------------------- the renderer


def test_each_line_says_its_longest_choice_that_fits_before_the_next_cue(
        tmp_path: Path) -> None:
    engine = FakeEngine()
    renderer = SpeechRenderer(tmp_path, engines=lambda: [engine])
    long_, mid, short = P("a" * 40), P("b" * 20), P("c" * 4)  # 2.0, 1.0, 0.2 s
    kept = LEAD_IN_S + TAIL_S  # what trimming keeps around each part
    job = SpeechJob("en", [
        L("roomy", 10.0, ((long_, mid), (long_,), (short,))),  # 2.0+gap+1.0 fits in 10
        L("tight", 1.5, ((long_, mid), (long_,), (mid,), (short,))),  # only 1.0 s fits
        L("none", 0.1, ((long_,), (mid,), (short,))),  # nothing fits: the shortest
        L("count", math.inf, ((P("3", 0.0), P("2", 1.0), P("1", 2.0)),)),
    ])
    clips, report = run_job(renderer, job)
    renderer.close()
    assert clips["roomy"].seconds == pytest.approx(3.0 + GAP_S + 2 * kept, abs=0.001)
    assert clips["tight"].seconds == pytest.approx(1.0 + kept, abs=0.001)
    assert clips["none"].seconds == pytest.approx(0.2 + kept, abs=0.001)
    assert clips["count"].seconds == pytest.approx(2.05 + kept, abs=0.001)
    assert report.voice is not None and report.voice.id == "f-en"
    assert report.lines == 4 and report.rendered == 6 and report.cached == 0
    assert sorted(engine.rendered) == sorted({p.text for line in job.lines
                                              for c in line.choices for p in c})


def test_the_second_run_comes_from_the_cache_and_a_new_rate_does_not(tmp_path: Path) -> None:
    engine = FakeEngine()
    renderer = SpeechRenderer(tmp_path, engines=lambda: [engine])
    lines = [L(k, math.inf, ((P(f"phrase {k}"),),)) for k in range(5)]
    first, report1 = run_job(renderer, SpeechJob("de", lines))
    second, report2 = run_job(renderer, SpeechJob("de", lines))
    assert report1.rendered == 5 and (report2.rendered, report2.cached) == (0, 5)
    assert first == second and len(engine.rendered) == 5
    assert report1.voice is not None and report1.voice.id == "f-de"
    _, report3 = run_job(renderer, SpeechJob("de", lines, rate=200))
    _, report4 = run_job(renderer, SpeechJob("de", lines, voice="f-en"))  # not German
    renderer.close()
    assert report3.rendered == 5 and report4.cached == 5


def test_a_damaged_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    engine = FakeEngine()
    renderer = SpeechRenderer(tmp_path, engines=lambda: [engine])
    lines = [L("x", math.inf, ((P("hello"),),))]
    clips, _ = run_job(renderer, SpeechJob("en", lines))
    clips["x"].path.write_bytes(b"garbage")
    again, report = run_job(renderer, SpeechJob("en", lines))
    renderer.close()
    assert report.rendered == 1 and read_pcm(again["x"].path).seconds > 0.2


def test_no_voice_for_the_language_and_failing_phrases_are_reported(tmp_path: Path) -> None:
    renderer = SpeechRenderer(tmp_path, engines=lambda: [FakeEngine()])
    _, report = run_job(renderer, SpeechJob("fr", [L("x", 1.0, ((P("bonjour"),),))]))
    assert report.voice is None and report.lines == 0
    clips, report = run_job(renderer, SpeechJob("en", [L("x", 9.0, ((P("fail"),),)),
                                                        L("y", 9.0, ((P("fine"),),))]))
    renderer.close()
    assert list(clips) == ["y"] and "fake failure" in report.error
    none = SpeechRenderer(tmp_path, engines=list)
    _, report = run_job(none, SpeechJob("en", [L("x", 1.0, ((P("hi"),),))]))
    none.close()
    assert report.voice is None


def test_a_new_job_cancels_the_one_before(tmp_path: Path) -> None:
    engine = FakeEngine(delay=0.05)
    renderer = SpeechRenderer(tmp_path, engines=lambda: [engine])
    reports: list[JobReport] = []
    done = threading.Event()
    many = [L(k, math.inf, ((P(f"old {k}"),),)) for k in range(60)]
    renderer.render(SpeechJob("en", many), lambda k, c: None, reports.append)
    time.sleep(0.1)
    renderer.render(SpeechJob("en", [L("new", 1.0, ((P("new"),),))]), lambda k, c: None,
                    lambda r: (reports.append(r), done.set()))
    assert done.wait(30)
    renderer.close()
    assert reports[0].cancelled and reports[0].lines < 60
    assert reports[-1].lines == 1 and not reports[-1].cancelled


def test_the_cache_forgets_the_least_recently_used_beyond_its_size(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path, max_bytes=100_000)
    keys = [cache.key("e", "v", "en", 160, f"t{k}") for k in range(10)]
    for n, key in enumerate(keys):
        clip = cache.put(key, tone(0.5), {"text": key})  # ~22 kB each
        old = time.time() - 1000 + n
        __import__("os").utime(clip.path, (old, old))
    assert cache.get(keys[0]) is not None  # used just now: kept
    removed = cache.prune()
    left = sorted(p.stem for p in tmp_path.glob("*.wav"))
    assert removed == 7 and keys[0] in left and keys[-1] in left and keys[1] not in left
    assert not (tmp_path / f"{keys[1]}.json").exists()
    assert cache.key("a", 1) != cache.key("a", 2) and len(cache.key("x")) == 40


def test_voices_are_found_on_the_renderers_thread(tmp_path: Path) -> None:
    renderer = SpeechRenderer(tmp_path, engines=lambda: [FakeEngine()])
    found: list[list[Voice]] = []
    done = threading.Event()
    renderer.find_voices("de-AT", lambda v: (found.append(v), done.set()))
    assert done.wait(10)
    renderer.close()
    assert [v.id for v in found[0]] == ["f-de"]


def test_a_one_at_a_time_engine_is_used_on_the_renderers_own_thread(tmp_path: Path) -> None:
    """SAPI's COM object must stay on the thread that made it: an engine that renders one
    phrase at a time is asked everything on the renderer's thread."""
    threads: list[str] = []

    class OneThread(FakeEngine):
        parallel = 1

        def voices(self) -> list[Voice]:
            threads.append(threading.current_thread().name)
            return super().voices()

        def render(self, text: str, voice: Voice, rate: int, out: Path) -> None:
            threads.append(threading.current_thread().name)
            super().render(text, voice, rate, out)

    renderer = SpeechRenderer(tmp_path, engines=lambda: [OneThread()])
    _clips, report = run_job(renderer, SpeechJob("en", [
        L(k, math.inf, ((P(f"phrase {k}"),),)) for k in range(4)]))
    renderer.close()
    assert report.lines == 4 and len(threads) == 5
    assert set(threads) == {"speech"}
