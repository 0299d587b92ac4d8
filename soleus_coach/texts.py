"""Every user-facing safety and guidance text, in one place, ready for Qt translation.

Why here and not in the widgets: the wording is part of the app's safety case (see
``docs/safety.md``). Keeping it in one module lets a test check all of it at once and lets a
reviewer read every warning the app can give without opening a widget.

Translation without Qt in the core
----------------------------------
Each text is created by :func:`QT_TRANSLATE_NOOP`, a plain function that returns a frozen
:class:`Text` (context + English source). ``pyside6-lupdate`` scans Python source *lexically*
and picks up ``QT_TRANSLATE_NOOP("Context", "text")`` calls whatever the function is, so::

    pyside6-lupdate soleus_coach/texts.py -ts translations/soleus_coach_de.ts

extracts every string below (adjacent string literals are joined, as in Python). Only
literal arguments can be extracted, which is why every call here uses literals (a test checks).

At run time the core never translates; the GUI installs Qt's translator once::

    texts.install_translator(QCoreApplication.translate)

and then shows ``texts.translate(text)``. Until a translator is installed,
:func:`translate` returns the English source, so the core and its tests need no Qt.

All texts are plain text (no rich-text markup): show them with ``Qt.TextFormat.PlainText``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from soleus_coach.untrusted import isolate

__all__ = [
    "CONTEXTS",
    "QT_TRANSLATE_NOOP",
    "Text",
    "all_texts",
    "fill",
    "fill_in",
    "install_translator",
    "language",
    "set_language",
    "translate",
]


@dataclass(frozen=True, slots=True)
class Text:
    """A translatable text: the translation context and the English source."""

    context: str
    source: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Text:  # lupdate looks for this exact name
    """Mark ``source`` for extraction by ``pyside6-lupdate`` under ``context``; no Qt needed."""
    return Text(context, source)


#: Translator: ``(context, source) -> translated``. Identity until the GUI installs Qt's.
Translator = Callable[[str, str], str]


def _identity(context: str, source: str) -> str:
    return source


_translator: Translator = _identity


def install_translator(translator: Translator | None) -> Translator:
    """Use ``translator`` (e.g. ``QCoreApplication.translate``) from now on; ``None`` resets.

    Returns the previous translator so a test can put it back.
    """
    global _translator
    previous = _translator
    _translator = translator if translator is not None else _identity
    return previous


_language = "en"


def set_language(code: str) -> None:
    """The language the user reads (``de``): protocols show their texts in it where they
    have them. Set by the GUI with its translator."""
    global _language
    _language = code


def language() -> str:
    return _language


def translate(text: Text) -> str:
    """The text in the user's language (the English source when no translator is installed)."""
    return _translator(text.context, text.source)


# ---------------------------------------------------------------------------------------------
# Contexts: one per place the texts appear. Qt Linguist groups strings by these.
FIRST_RUN = "FirstRun"
RED_FLAG = "RedFlag"
EMERGENCY_CONTEXT = "Emergency"
STRETCH = "Stretch"
IT_HURTS = "ItHurts"
ICE = "Ice"
GUIDANCE = "Guidance"
SESSION = "Session"
STEPS = "Steps"
NOTICES = "Notices"

HEAT = "Heat"

CONTEXTS = frozenset({FIRST_RUN, RED_FLAG, EMERGENCY_CONTEXT, STRETCH, IT_HURTS, ICE, HEAT,
                      GUIDANCE, SESSION, STEPS, NOTICES})

# NB: every call below must keep literal arguments (not the constants above) so that
# pyside6-lupdate can read them. tests/test_texts.py checks both.

# --- Emergency: shown with the first-run notice and with every red-flag advice ---------------
EMERGENCY = QT_TRANSLATE_NOOP(
    "Emergency",
    "Get emergency help now if you suddenly feel short of breath, have chest pain, "
    "or cough up blood.",
)

# --- First run: acknowledged once (stored by the GUI), reopened from Help ---------------------
FIRST_RUN_TITLE = QT_TRANSLATE_NOOP("FirstRun", "Before you start")
FIRST_RUN_BODY = QT_TRANSLATE_NOOP(
    "FirstRun",
    "Soleus Coach guides stretching and icing for runners. It cannot diagnose anything. "
    "Calf pain can be a sign of a blood clot or a torn muscle. If your calf is swollen, "
    "bruised, warm or red, hurts at rest, or can't take your weight, or if you felt a "
    "sudden “pop” in it, see a doctor first.",
)
FIRST_RUN_ACKNOWLEDGE = QT_TRANSLATE_NOOP("FirstRun", "I understand")

# --- Red flags: check-in shows a warning sign, or pain at/above the threshold ---------------
RED_FLAG_TITLE = QT_TRANSLATE_NOOP("RedFlag", "Please see a doctor before stretching")
#: The heading of the same advice on the finish page (its body says "see a doctor" once).
RED_FLAG_AFTER_TITLE = QT_TRANSLATE_NOOP("RedFlag", "Warning signs in how your calf feels now")
RED_FLAG_BODY = QT_TRANSLATE_NOOP(
    "RedFlag",
    "These signs can mean a muscle tear or a blood clot. Please see a doctor before "
    "stretching. Stretching can make a tear worse.",
)
RED_FLAG_REASONS_HEADING = QT_TRANSLATE_NOOP("RedFlag", "Why:")
#: The default (and safe) choice.
RED_FLAG_DONT_STRETCH = QT_TRANSLATE_NOOP("RedFlag", "Don't stretch today")
#: The deliberate choice: never the default button.
RED_FLAG_CONTINUE = QT_TRANSLATE_NOOP("RedFlag", "Continue — I've been checked")
# One plain-words reason per flag (safety.RedFlag).
REASON_SWELLING = QT_TRANSLATE_NOOP(
    "RedFlag",
    "A swollen calf, especially if it is also warm, red or darker than the other one, can "
    "be a sign of a blood clot in a deep vein. A doctor needs to rule that out.",
)
REASON_BRUISING = QT_TRANSLATE_NOOP(
    "RedFlag",
    "Bruising, especially after a sudden “pop” in the calf, can mean a torn "
    "muscle. Stretching a tear can make it worse.",
)
REASON_PAIN_AT_REST = QT_TRANSLATE_NOOP(
    "RedFlag",
    "Pain while you are resting, not only when you run, is more than a tight muscle. It "
    "can come from a tear or a blood clot.",
)
REASON_CANNOT_BEAR_WEIGHT = QT_TRANSLATE_NOOP(
    "RedFlag",
    "Not being able to put your weight on the leg, or to rise on your toes, can mean a "
    "torn muscle.",
)
REASON_SEVERE_PAIN = QT_TRANSLATE_NOOP(
    "RedFlag",
    "Pain of 7/10 or more is too much to stretch through. A stretch should feel like a "
    "gentle pull, never pain.",
)
# Offered before a routine when the last session had red flags (safety.should_check_before).
CHECK_BEFORE_TITLE = QT_TRANSLATE_NOOP("RedFlag", "How is your calf today?")
CHECK_BEFORE_BODY = QT_TRANSLATE_NOOP(
    "RedFlag",
    "Your last session noted warning signs. Please check your calf again before you start.",
)

# --- Every stretch step: shown on screen, played once per stretch when cues are on ----------
STRETCH_CAUTION = QT_TRANSLATE_NOOP(
    "Stretch", "Do not stretch to the point of pain. A gentle pull only."
)

# --- Caution by kind of step: the app's own, always shown; the author's stands beside it -----
LOADING_CAUTION = QT_TRANSLATE_NOOP(
    "Stretch",
    "Mild discomfort is fine: at most 5 out of 10, settled by tomorrow morning. Stop if the "
    "pain is sharp or getting worse.",
)
MOVEMENT_CAUTION = QT_TRANSLATE_NOOP(
    "Stretch", "Move within a comfortable range. Stop if the pain is sharp or getting worse."
)

# --- "It hurts": worded for the kind of step it ended ----------------------------------------
IT_HURTS_ACTION = QT_TRANSLATE_NOOP("ItHurts", "It hurts")
#: A stretch's hold (domain.md's wording, as is).
IT_HURTS_BODY = QT_TRANSLATE_NOOP("ItHurts", "Hold ended. Sharp pain means stop.")
IT_HURTS_STRENGTH = QT_TRANSLATE_NOOP(
    "ItHurts", "Set ended. Loading may be uncomfortable, up to 5 out of 10, but sharp pain or "
    "pain above 5 out of 10 means stop for today.")
IT_HURTS_EXERCISE = QT_TRANSLATE_NOOP(
    "ItHurts", "Exercise ended. Sharp pain, or pain that grows as you move, means stop.")
IT_HURTS_ICE = QT_TRANSLATE_NOOP(
    "ItHurts", "Take the ice off now. If the skin is numb, white or blistered, keep it off and "
    "warm the calf slowly.")
IT_HURTS_HEAT = QT_TRANSLATE_NOOP(
    "ItHurts", "Take the heat off now. Heat should feel warm, never hot or painful.")
IT_HURTS_OTHER = QT_TRANSLATE_NOOP("ItHurts", "Paused. Sharp pain means stop.")
#: The default choice, where no ice follows.
IT_HURTS_STOP = QT_TRANSLATE_NOOP("ItHurts", "Stop")
#: The default choice where ice follows: the part that still makes sense when it hurts.
IT_HURTS_TO_ICE = QT_TRANSLATE_NOOP("ItHurts", "Stop the exercises, go on to the ice")
IT_HURTS_STOP_ALL = QT_TRANSLATE_NOOP("ItHurts", "Stop the routine")
IT_HURTS_CONTINUE = QT_TRANSLATE_NOOP(
    "ItHurts", "Continue gently (bend the front knee less)"
)
IT_HURTS_CONTINUE_STRENGTH = QT_TRANSLATE_NOOP(
    "ItHurts", "Continue with fewer reps or less weight")
IT_HURTS_CONTINUE_EXERCISE = QT_TRANSLATE_NOOP(
    "ItHurts", "Continue gently (smaller, slower movements)")
IT_HURTS_CONTINUE_REST = QT_TRANSLATE_NOOP(
    "ItHurts", "Go on with the rest of the routine")

# --- Ice ------------------------------------------------------------------------------------
ICE_SAFETY = QT_TRANSLATE_NOOP(
    "Ice",
    "Wrap the ice in a thin damp cloth, never bare on skin. Check your skin every 5 minutes. "
    "Take it off if the skin goes numb, white or blistered, or it hurts a lot. "
    "20 minutes at most.",
)
#: Shown once, before the first ice step the user ever runs (the GUI stores that it was shown).
ICE_CONTRAINDICATIONS_TITLE = QT_TRANSLATE_NOOP("Ice", "Before you use ice")
ICE_CONTRAINDICATIONS = QT_TRANSLATE_NOOP(
    "Ice",
    "Skip ice if you have Raynaud's, hives from cold, poor feeling or circulation in your "
    "legs, or broken skin there. Ask a doctor first.",
)
ICE_HEALING_NOTE = QT_TRANSLATE_NOOP(
    "Ice", "Ice can ease pain, but newer guidance says it may not speed healing."
)
#: Shown when a protocol or a setting asked for more ice than the hard cap.
ICE_CAPPED = QT_TRANSLATE_NOOP(
    "Ice", "Ice stops after 20 minutes at most, whatever the routine or settings ask for."
)
#: Shown on an ice step of 5 minutes or less (a cold round of a contrast routine).
ICE_SAFETY_SHORT = QT_TRANSLATE_NOOP(
    "Ice",
    "Cold through a thin damp cloth, never bare on skin. Take it off if the skin goes numb "
    "or white.",
)
#: Before a routine with ice when the last ice ended less than 2 hours ago.
ICE_AGAIN_SOON = QT_TRANSLATE_NOOP(
    "Ice",
    "You iced less than 2 hours ago. Ice up to 20 minutes every 2–3 hours, not more often.",
)
#: Shown with pre-run routines (and wherever ice could come right before a run).
PRE_RUN_NO_ICE = QT_TRANSLATE_NOOP(
    "Ice",
    "Muscles work less well for about 30 minutes after icing. Don't ice before a run.",
)

# --- Heat ------------------------------------------------------------------------------------
HEAT_SAFETY = QT_TRANSLATE_NOOP(
    "Heat",
    "Warm, not hot, with a layer between the pack and your skin. Not in the first 2–3 days "
    "after a strain, not on a swollen or numb calf, never while asleep. 20 minutes at most.",
)
HEAT_LEFT_OUT_TITLE = QT_TRANSLATE_NOOP("Heat", "No heat today")
HEAT_REFUSED = QT_TRANSLATE_NOOP(
    "Heat",
    "Your check-in says the calf is swollen, so the heat is left out today: heat can make "
    "swelling worse.",
)

# --- Guidance from the history --------------------------------------------------------------
TREND_TITLE = QT_TRANSLATE_NOOP("Guidance", "Pain not settling")
TREND_BODY = QT_TRANSLATE_NOOP(
    "Guidance",
    "Your calf pain hasn't been settling after sessions. A physical therapist can check it.",
)
OVERTRAINING_TITLE = QT_TRANSLATE_NOOP("Guidance", "Build up gradually")
OVERTRAINING_BODY = QT_TRANSLATE_NOOP(
    "Guidance",
    "Increasing distance or frequency too quickly is a common cause of calf pain. Build up "
    "gradually, and avoid a run much longer than your longest in the last month.",
)

# --- The session view: step names the plan makes and the words around the countdown ----------
# %1, %2 are filled in with str.replace (Qt's convention; translators may reorder them).
SEG_GET_READY = QT_TRANSLATE_NOOP("Session", "Get ready")
SEG_POSITION = QT_TRANSLATE_NOOP("Session", "Get into position")
SEG_SWITCH_LEGS = QT_TRANSLATE_NOOP("Session", "Switch legs")
SEG_REST = QT_TRANSLATE_NOOP("Session", "Rest")
SEG_DONE = QT_TRANSLATE_NOOP("Session", "Done")
SEG_STARTING = QT_TRANSLATE_NOOP("Session", "Starting: %1")
SEG_RELAX = QT_TRANSLATE_NOOP("Session", "Relax the calf; stay near the wall.")
LEFT_LEG_BACK = QT_TRANSLATE_NOOP("Session", "LEFT leg back")
RIGHT_LEG_BACK = QT_TRANSLATE_NOOP("Session", "RIGHT leg back")
LEFT_LEG = QT_TRANSLATE_NOOP("Session", "LEFT leg")
RIGHT_LEG = QT_TRANSLATE_NOOP("Session", "RIGHT leg")
HOLD_N_OF_M = QT_TRANSLATE_NOOP("Session", "Hold %1 of %2")
AFTER_HOLD_N_OF_M = QT_TRANSLATE_NOOP("Session", "After hold %1 of %2")
NEXT_STEP = QT_TRANSLATE_NOOP("Session", "Next: %1")
NEXT_HOLD_LEFT = QT_TRANSLATE_NOOP("Session", "%1, left leg, hold %2 of %3")
NEXT_HOLD_RIGHT = QT_TRANSLATE_NOOP("Session", "%1, right leg, hold %2 of %3")
NEXT_SIDE_LEFT = QT_TRANSLATE_NOOP("Session", "%1, left leg")
NEXT_SIDE_RIGHT = QT_TRANSLATE_NOOP("Session", "%1, right leg")
NEXT_SET_LEFT = QT_TRANSLATE_NOOP("Session", "%1, left leg, set %2 of %3")
NEXT_SET_RIGHT = QT_TRANSLATE_NOOP("Session", "%1, right leg, set %2 of %3")
NEXT_SET = QT_TRANSLATE_NOOP("Session", "%1, set %2 of %3")
NEXT_REPS = QT_TRANSLATE_NOOP("Session", "%1 (%2 reps)")
REST_STRETCH = QT_TRANSLATE_NOOP("Session", "Relax the calf.")
REST_SETS = QT_TRANSLATE_NOOP("Session", "Rest. Shake the leg out gently.")
SET_N_OF_M = QT_TRANSLATE_NOOP("Session", "Set %1 of %2")
AFTER_SET_N_OF_M = QT_TRANSLATE_NOOP("Session", "After set %1 of %2")
REP_N_OF_M = QT_TRANSLATE_NOOP("Session", "Rep %1 of %2")
ROUND_N_OF_M = QT_TRANSLATE_NOOP("Session", "Round %1 of %2")
SEG_ROUND_REST = QT_TRANSLATE_NOOP("Session", "Rest before round %1 of %2")
NEXT_ROUND = QT_TRANSLATE_NOOP("Session", "%1, round %2 of %3")
REPS_IN_SET = QT_TRANSLATE_NOOP("Session", "%1 reps")
PHASE_UP = QT_TRANSLATE_NOOP("Session", "UP")
PHASE_DOWN = QT_TRANSLATE_NOOP("Session", "DOWN")
PHASE_HOLD = QT_TRANSLATE_NOOP("Session", "HOLD")
PHASE_PAUSE = QT_TRANSLATE_NOOP("Session", "PAUSE")
PRESS_ENTER_REP = QT_TRANSLATE_NOOP("Session", "Press Enter after each rep")
PRESS_ENTER_SET = QT_TRANSLATE_NOOP("Session", "Press Enter when the set is done")
NEXT_MINUTES = QT_TRANSLATE_NOOP("Session", "%1 (%2 min)")
NEXT_SECONDS = QT_TRANSLATE_NOOP("Session", "%1 (%2 s)")

# --- One-line step descriptions (routine previews) -------------------------------------------
STEP_HOLD = QT_TRANSLATE_NOOP("Steps", "%1: %2 × %3 hold")
STEP_RANGE = QT_TRANSLATE_NOOP("Steps", "%1 (%2–%3)")
STEP_REST = QT_TRANSLATE_NOOP("Steps", "%1, %2 rest")
STEP_ICE = QT_TRANSLATE_NOOP("Steps", "%1: %2 (at most %3)")
STEP_DOWN = QT_TRANSLATE_NOOP("Steps", "%1 s down")
STEP_UP = QT_TRANSLATE_NOOP("Steps", "%1 s up")
STEP_HOLD_PART = QT_TRANSLATE_NOOP("Steps", "%1 s hold")
STEP_PAUSE_PART = QT_TRANSLATE_NOOP("Steps", "%1 s pause")
STEP_REPS = QT_TRANSLATE_NOOP("Steps", "%1 reps")
STEP_SELF_PACED = QT_TRANSLATE_NOOP("Steps", "at your own pace")
STEP_EVERY = QT_TRANSLATE_NOOP("Steps", "one every %1 s")
STEP_HEAT = QT_TRANSLATE_NOOP("Steps", "%1: %2 of heat")
STEP_LEFT = QT_TRANSLATE_NOOP("Steps", "left leg")
STEP_RIGHT = QT_TRANSLATE_NOOP("Steps", "right leg")
STEP_BOTH = QT_TRANSLATE_NOOP("Steps", "each leg, left first")
STEP_INJURED_FIRST = QT_TRANSLATE_NOOP("Steps", "each leg, injured leg first")
STEP_ROUNDS_OF = QT_TRANSLATE_NOOP("Steps", "Steps %1–%2, %3 rounds")
STEP_ROUNDS_ONE = QT_TRANSLATE_NOOP("Steps", "Step %1, %2 rounds")
STEP_ROUNDS_REST = QT_TRANSLATE_NOOP("Steps", "%1 rest between rounds")

# --- Notices from the core: sound, history file, settings file -------------------------------
SOUND_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Notices", "Sound is unavailable: %1. The countdown flashes instead.")
SOUND_HINT_LINUX = QT_TRANSLATE_NOOP(
    "Notices",
    "install pipewire-bin (pw-play), pulseaudio-utils (paplay) or alsa-utils (aplay)")
SOUND_HINT_MACOS = QT_TRANSLATE_NOOP(
    "Notices", "afplay should be present on macOS; check the sound output in System Settings")
SOUND_HINT_WINDOWS = QT_TRANSLATE_NOOP("Notices",
                                       "check that Windows has a sound output device")
HISTORY_MOVED = QT_TRANSLATE_NOOP(
    "Notices",
    "The history file could not be used (%1). It was moved to %2 and a new, empty history "
    "was started.")
HISTORY_NEWER = QT_TRANSLATE_NOOP(
    "Notices",
    "Your history at %1 was written by a newer version of Soleus Coach (schema %2; this "
    "version knows %3). It is left untouched and not shown; sessions you do now are kept "
    "only until you quit.")
HISTORY_MIGRATED = QT_TRANSLATE_NOOP("Notices", "History updated from schema %1 to %2.")
HISTORY_UNREADABLE_ROWS = QT_TRANSLATE_NOOP(
    "Notices", "%1 session(s) in your history hold values this app cannot read; they are left "
    "out of what it shows and exports, and kept in the file as they are.")
HISTORY_UNREADABLE_RUNS = QT_TRANSLATE_NOOP(
    "Notices", "%1 run(s) in your history hold values this app cannot read; they are left out "
    "of what it shows and exports, and kept in the file as they are.")
HISTORY_NOT_SAVED = QT_TRANSLATE_NOOP(
    "Notices",
    "History cannot be saved in %1 (%2). Your sessions still run and are kept in memory "
    "until you quit: export them from History.")
HISTORY_RECOVERED = QT_TRANSLATE_NOOP(
    "Notices",
    "%1 session(s) did not finish (the app was closed or the computer stopped); they are "
    "kept in your history as interrupted.")
DISK_FULL = QT_TRANSLATE_NOOP("Notices", "the disk is full: %1 KiB free; %2")
SETTINGS_UNREADABLE = QT_TRANSLATE_NOOP("Notices",
                                        "cannot read settings (%1); using defaults")
SETTINGS_DAMAGED = QT_TRANSLATE_NOOP("Notices",
                                     "settings file %1 is damaged; using defaults")
SETTINGS_NOT_OBJECT = QT_TRANSLATE_NOOP(
    "Notices", "settings file is not a JSON object; using defaults")
SETTING_IGNORED = QT_TRANSLATE_NOOP("Notices", "setting '%1' ignored (%2)")

# ---------------------------------------------------------------------------------------------
# What the coach says (issue 29): the system voice's words, and the recorded clips' words
# (tools/make_sounds.py reads these and their German). Short, spoken sentences; %1, %2 are
# numbers or a step's name. No full stop at the end: the voice pauses by itself.
SPEECH = "Speech"
CONTEXTS = CONTEXTS | {SPEECH}
SAY_GET_READY = QT_TRANSLATE_NOOP("Speech", "Get ready")
SAY_HOLD = QT_TRANSLATE_NOOP("Speech", "Hold")
SAY_HOLD_N = QT_TRANSLATE_NOOP("Speech", "Hold %1 of %2")
SAY_RELAX = QT_TRANSLATE_NOOP("Speech", "And relax")
SAY_SWITCH_LEGS = QT_TRANSLATE_NOOP("Speech", "Switch legs")
SAY_CAUTION = QT_TRANSLATE_NOOP("Speech", "Do not stretch to the point of pain")
SAY_BEGIN = QT_TRANSLATE_NOOP("Speech", "Begin")
SAY_ICE_ON = QT_TRANSLATE_NOOP("Speech", "Ice on. Keep a cloth between the ice and your skin")
SAY_SKIN_CHECK = QT_TRANSLATE_NOOP("Speech", "Check your skin")
SAY_HALFWAY = QT_TRANSLATE_NOOP("Speech", "Halfway")
SAY_ICE_OFF = QT_TRANSLATE_NOOP("Speech", "Ice off")
SAY_COMPLETE = QT_TRANSLATE_NOOP("Speech", "Routine complete. Well done")
SAY_REP = QT_TRANSLATE_NOOP("Speech", "Next")
SAY_COUNT = QT_TRANSLATE_NOOP("Speech", "and")
SAY_DOWN = QT_TRANSLATE_NOOP("Speech", "Down")
SAY_UP = QT_TRANSLATE_NOOP("Speech", "Up")
SAY_LAST_REP = QT_TRANSLATE_NOOP("Speech", "Last rep")
#: The same, short: where a rep leaves a second for it (and the recorded clip).
SAY_LAST_ONE = QT_TRANSLATE_NOOP("Speech", "Last one")
SAY_NEXT_SET = QT_TRANSLATE_NOOP("Speech", "Next set")
SAY_SET_N = QT_TRANSLATE_NOOP("Speech", "Set %1 of %2")
SAY_REST = QT_TRANSLATE_NOOP("Speech", "Rest")
SAY_REST_SECONDS = QT_TRANSLATE_NOOP("Speech", "Rest, %1 seconds")
SAY_HEAT_ON = QT_TRANSLATE_NOOP("Speech", "Heat on. Warm, not hot")
SAY_HEAT_OFF = QT_TRANSLATE_NOOP("Speech", "Heat off")
SAY_ROUND_N = QT_TRANSLATE_NOOP("Speech", "Round %1 of %2")
SAY_NEXT_ROUND = QT_TRANSLATE_NOOP("Speech", "Next round")
SAY_NEXT = QT_TRANSLATE_NOOP("Speech", "Next: %1")
SAY_TEN_SECONDS = QT_TRANSLATE_NOOP("Speech", "Ten seconds")
SAY_LEFT_LEG = QT_TRANSLATE_NOOP("Speech", "left leg")
SAY_RIGHT_LEG = QT_TRANSLATE_NOOP("Speech", "right leg")
SAY_LEFT_LEG_BACK = QT_TRANSLATE_NOOP("Speech", "left leg back")
SAY_RIGHT_LEG_BACK = QT_TRANSLATE_NOOP("Speech", "right leg back")
#: A step's name and its side: "Seated calf raise, left leg".
SAY_NAME_SIDE = QT_TRANSLATE_NOOP("Speech", "%1, %2")
#: The step the Test button names.
SAY_SAMPLE_STEP = QT_TRANSLATE_NOOP("Speech", "Seated calf raise")
SPEECH_NO_VOICE = QT_TRANSLATE_NOOP(
    "Notices", "No system voice speaks this language here, so recorded words play instead. %1")
SPEECH_NO_VOICE_TONES = QT_TRANSLATE_NOOP(
    "Notices", "No system voice speaks this language here, so tones play instead. %1")
SPEECH_HINT_LINUX = QT_TRANSLATE_NOOP("Notices",
                                      "Install espeak-ng to hear each step's name.")
SPEECH_HINT_MACOS = QT_TRANSLATE_NOOP(
    "Notices", "Add a voice in System Settings, Accessibility, Spoken Content.")
SPEECH_HINT_WINDOWS = QT_TRANSLATE_NOOP(
    "Notices", "Add a voice in Settings, Time and language, Speech.")
SPEECH_FAILED = QT_TRANSLATE_NOOP(
    "Notices", "The system voice failed (%1), so recorded words play instead.")


def fill(text: Text, *values: object) -> str:
    """``translate(text)`` with %1, %2… replaced by ``values``, in one pass (a value holding
    "%2" stays as it is), each value isolated so that it cannot reorder the sentence
    (:func:`soleus_coach.untrusted.isolate`)."""
    return fill_in(translate(text), *values)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill_in(template: str, *values: object) -> str:
    """``template`` (already translated, e.g. by Qt's ``tr``) with %1, %2… replaced by
    ``values``, as :func:`fill` does."""
    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return isolate(str(values[n - 1])) if n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def all_texts() -> dict[str, Text]:
    """Every text in this module by constant name (for tests and for a translation check)."""
    return {name: value for name, value in globals().items() if isinstance(value, Text)}


# ---------------------------------------------------------------------------------------------
# Runs and training load (issue 18). Contexts added here so that this section stands alone.
RUNS = "Runs"
LOAD = "Load"
CONTEXTS = CONTEXTS | {RUNS, LOAD}

# --- Why a file or an entry gives no run: one line each (soleus_coach.runs) -------------------
RUN_NOT_REGULAR = QT_TRANSLATE_NOOP("Runs", "not a regular file")
RUN_CANNOT_READ = QT_TRANSLATE_NOOP("Runs", "cannot read: %1")
RUN_TOO_BIG = QT_TRANSLATE_NOOP("Runs", "file is %1 MiB; at most %2 MiB is read")
RUN_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Runs", "not a GPX, TCX or FIT file")
RUN_NOT_TEXT = QT_TRANSLATE_NOOP("Runs", "not readable as %1 text")
RUN_DOCTYPE = QT_TRANSLATE_NOOP(
    "Runs", "refused: the XML declares a DOCTYPE (entities are not allowed in GPX or TCX)")
RUN_BAD_XML = QT_TRANSLATE_NOOP("Runs", "not valid %1: %2")
RUN_BAD_FIT = QT_TRANSLATE_NOOP("Runs", "damaged FIT file: %1")
RUN_FIT_BROKEN_AT = QT_TRANSLATE_NOOP(
    "Runs", "damaged FIT file: broken at byte %1 of %2, and no summary of the activity after it")
RUN_FIT_CUT = QT_TRANSLATE_NOOP(
    "Runs", "damaged FIT file: it ends early, before the summary of the activity")
RUN_FIT_NOT_ACTIVITY = QT_TRANSLATE_NOOP(
    "Runs", "a FIT file of another kind (%1), not a recorded activity")
RUN_NO_ACTIVITY = QT_TRANSLATE_NOOP("Runs", "no activity with a time and a distance in it")
RUN_NO_TIMES = QT_TRANSLATE_NOOP(
    "Runs", "no times in the file: a planned route, not a recorded activity")
RUN_NO_REAL_DATE = QT_TRANSLATE_NOOP(
    "Runs", "no real date in the file: the device's clock was not set")
RUN_NO_DISTANCE = QT_TRANSLATE_NOOP("Runs", "no distance recorded")
RUN_TOO_SHORT_DISTANCE = QT_TRANSLATE_NOOP(
    "Runs", "%1 m is too short for a run (at least %2 m)")
RUN_TOO_FAR = QT_TRANSLATE_NOOP("Runs", "%1 km is more than %2 km: not one run")
RUN_TOO_SHORT_TIME = QT_TRANSLATE_NOOP("Runs", "lasts %1 s; a run lasts at least %2 s")
RUN_TOO_LONG_TIME = QT_TRANSLATE_NOOP("Runs", "lasts %1 h; more than %2 h is not one run")
RUN_TOO_FAST = QT_TRANSLATE_NOOP(
    "Runs", "an average of %1 km/h is faster than %2 km/h: not a run on foot")
RUN_TOO_EARLY = QT_TRANSLATE_NOOP(
    "Runs", "dated %1, before 1980: the device's clock was wrong")
RUN_IN_FUTURE = QT_TRANSLATE_NOOP(
    "Runs", "dated %1, in the future: the device's clock was wrong")
RUN_TOO_MANY_FILES = QT_TRANSLATE_NOOP(
    "Runs", "more than %1 files under %2: the rest were not read")

# --- What was read all the same: one line each, shown beside the run (soleus_coach.runs) ---
RUN_NOTE_BACKWARDS = QT_TRANSLATE_NOOP(
    "Runs", "%1 of %2 track points stepped back in time and were left out")
RUN_NOTE_FROM_SUMMARY = QT_TRANSLATE_NOOP(
    "Runs", "read from the watch's summary; the track was damaged")
RUN_NOTE_CRC = QT_TRANSLATE_NOOP(
    "Runs", "the file's checksum does not match; its figures were read all the same")

# --- Only runs: a file that names no sport is judged by its own figures (runs.classify) ---
RUN_SLOWER_THAN_RUNNING = QT_TRANSLATE_NOOP(
    "Runs", "a pace of %1/km is slower than running: a walk or a swim")
RUN_FASTER_THAN_RUNNING = QT_TRANSLATE_NOOP(
    "Runs", "%1 km/h is faster than running: a ride or a drive")
RUN_WALKING_CADENCE = QT_TRANSLATE_NOOP(
    "Runs", "a pace of %1/km at %2 steps a minute: a walk")
RUN_DOUBT_SLOW = QT_TRANSLATE_NOOP(
    "Runs", "the file names no sport, and a pace of %1/km could be a walk")
RUN_DOUBT_FAST = QT_TRANSLATE_NOOP(
    "Runs", "the file names no sport, and %1 km/h could be a ride")
RUN_DOUBT_CADENCE = QT_TRANSLATE_NOOP(
    "Runs", "the file names no sport, and %1 steps a minute is a walker's cadence")
RUN_DOUBT_SPEEDS = QT_TRANSLATE_NOOP(
    "Runs", "the file names no sport, and stretches at %1 km/h could be a ride")

# --- Sports that are not runs, by name (runs.sports) ---------------------------------------
SPORT_CYCLING = QT_TRANSLATE_NOOP("Runs", "cycling")
SPORT_SWIMMING = QT_TRANSLATE_NOOP("Runs", "swimming")
SPORT_WALKING = QT_TRANSLATE_NOOP("Runs", "walking")
SPORT_HIKING = QT_TRANSLATE_NOOP("Runs", "hiking")
SPORT_ROWING = QT_TRANSLATE_NOOP("Runs", "rowing")
SPORT_PADDLING = QT_TRANSLATE_NOOP("Runs", "paddling")
SPORT_SKIING = QT_TRANSLATE_NOOP("Runs", "skiing")
SPORT_SKATING = QT_TRANSLATE_NOOP("Runs", "skating")
SPORT_CLIMBING = QT_TRANSLATE_NOOP("Runs", "climbing")
SPORT_FITNESS = QT_TRANSLATE_NOOP("Runs", "fitness training")
SPORT_BALL = QT_TRANSLATE_NOOP("Runs", "a team or racket sport")
SPORT_WATER = QT_TRANSLATE_NOOP("Runs", "a water sport")
SPORT_MOTOR = QT_TRANSLATE_NOOP("Runs", "driving or flying")
SPORT_TRANSITION = QT_TRANSLATE_NOOP("Runs", "a triathlon transition")
SPORT_OTHER = QT_TRANSLATE_NOOP("Runs", "another sport")
SPORT_AS_NAMED = QT_TRANSLATE_NOOP("Runs", "%1 (named “%2” in the export)")

# --- Archives: a Strava or Garmin export read whole (runs.archive) ---------------------------
RUN_ZIP_BAD = QT_TRANSLATE_NOOP("Runs", "not a readable zip archive: %1")
RUN_ZIP_TOO_MANY = QT_TRANSLATE_NOOP(
    "Runs", "the archive lists %1 entries; at most %2 are read")
RUN_ZIP_BOMB = QT_TRANSLATE_NOOP(
    "Runs", "compressed more than %1 to 1: refused as a zip bomb")
RUN_ZIP_TOO_DEEP = QT_TRANSLATE_NOOP(
    "Runs", "an archive inside an archive more than %1 levels deep: not read")
RUN_ZIP_ENCRYPTED = QT_TRANSLATE_NOOP("Runs", "encrypted: it cannot be read without a password")
RUN_ZIP_TOTAL = QT_TRANSLATE_NOOP(
    "Runs", "the archive unpacks to more than %1 GiB: the rest was not read")
RUN_STRAVA_NO_FILE = QT_TRANSLATE_NOOP(
    "Runs", "entered by hand on Strava: the export holds no file for it")
RUN_STRAVA_MISSING = QT_TRANSLATE_NOOP("Runs", "listed in activities.csv but not in the export")
RUN_STRAVA_CSV = QT_TRANSLATE_NOOP("Runs", "activities.csv cannot be read: %1")

# --- The same run from two files (history.run_store) ---------------------------------------
RUN_BETTER_SOURCE = QT_TRANSLATE_NOOP(
    "Runs", "the %1 file's figures and time zone replace those of the %2 file")
RUN_SAYS_RUN = QT_TRANSLATE_NOOP(
    "Runs", "this file says it was a run: no longer marked “not sure”")

# --- Load notes: observations beside the pain trend, never a diagnosis (load_notes) --------
LOAD_TITLE = QT_TRANSLATE_NOOP("Load", "Your running and your calf")
LOAD_WEEKLY = QT_TRANSLATE_NOOP(
    "Load",
    "Your weekly distance went from %1 km (the average of the four weeks before) to %2 km "
    "this week, and your calf pain rose.")
LOAD_WEEKLY_CAUSE = QT_TRANSLATE_NOOP(
    "Load", "Increasing distance too quickly is a common cause of calf pain.")
LOAD_LONG_RUN = QT_TRANSLATE_NOOP(
    "Load",
    "Your run of %1 km on %2 was much longer than your longest in the 30 days before it "
    "(%3 km), and your calf pain rose.")
LOAD_LONG_RUN_CAUSE = QT_TRANSLATE_NOOP(
    "Load",
    "A single run much longer than your longest in the last month has been linked to "
    "running injuries.")
LOAD_CLIMB = QT_TRANSLATE_NOOP(
    "Load",
    "Your runs this week climbed %1 m per km, against %2 m per km in the four weeks before, "
    "and your calf pain rose.")
LOAD_CLIMB_CAUSE = QT_TRANSLATE_NOOP(
    "Load", "Running uphill makes the soleus work harder; hills are a common cause of calf "
    "pain.")
LOAD_NOT_DIAGNOSIS = QT_TRANSLATE_NOOP(
    "Load",
    "This is what your history shows, not a diagnosis. If the pain does not settle, a "
    "physical therapist can check it.")

# ---------------------------------------------------------------------------------------------
# Programmes over weeks (issue 28): easing off and moving on, in plain words with the numbers
# the rules looked at (soleus_coach.programme.rules). Suggestions, never a diagnosis, never a
# return-to-running plan; pain that does not settle points to a physiotherapist.
PROGRAMME = "Programme"
CONTEXTS = CONTEXTS | {PROGRAMME}

EASE_OFF_TITLE = QT_TRANSLATE_NOOP("Programme", "Ease off for a few days?")
EASE_OFF_BODY = QT_TRANSLATE_NOOP(
    "Programme",
    "For the next %1 days: %2 sets fewer of each loading exercise, and no added load. "
    "Then back to the plan if your calf has settled.")
EASE_OFF_BODY_ONE = QT_TRANSLATE_NOOP(
    "Programme",
    "For the next %1 days: one set fewer of each loading exercise, and no added load. "
    "Then back to the plan if your calf has settled.")
EASE_OFF_ACCEPT = QT_TRANSLATE_NOOP("Programme", "Ease off")
KEEP_GOING = QT_TRANSLATE_NOOP("Programme", "Keep going as planned")
MOVE_ON_TITLE = QT_TRANSLATE_NOOP("Programme", "Ready for the next phase?")
MOVE_ON_BODY = QT_TRANSLATE_NOOP("Programme", "The next phase: %1 (%2).")
MOVE_ON_ACCEPT = QT_TRANSLATE_NOOP("Programme", "Move on")
MOVE_ON_STAY = QT_TRANSLATE_NOOP("Programme", "Stay in this phase")
SEE_PHYSIO_TITLE = QT_TRANSLATE_NOOP("Programme", "Your calf has not settled")
SEE_PHYSIO_BODY = QT_TRANSLATE_NOOP(
    "Programme",
    "Your calf pain has not been settling, even after easing off. A physiotherapist can check "
    "it. Until then, keep the load down.")
REST_TODAY = QT_TRANSLATE_NOOP("Programme", "Rest today")
YOU_DECIDE = QT_TRANSLATE_NOOP(
    "Programme",
    "You decide. This is a suggestion from your own answers, not a diagnosis; your "
    "physiotherapist knows your calf best.")
EASING_NOTICE = QT_TRANSLATE_NOOP(
    "Programme", "Easing off until %1: %2 sets fewer of each loading exercise, and no added "
    "load.")
EASING_NOTICE_ONE = QT_TRANSLATE_NOOP(
    "Programme", "Easing off until %1: one set fewer of each loading exercise, and no added "
    "load.")
WEEKS_OVER = QT_TRANSLATE_NOOP(
    "Programme",
    "The programme's %1 weeks are over. What comes next is for you and your physiotherapist "
    "to decide.")

WHY_PAIN_DURING = QT_TRANSLATE_NOOP(
    "Programme", "Pain during the exercises reached %1/10 on %2: more than 5/10 is too much.")
WHY_PAIN_AFTER = QT_TRANSLATE_NOOP(
    "Programme", "Pain after a session reached %1/10 on %2: more than 5/10 is too much.")
WHY_MORNING_HIGHER = QT_TRANSLATE_NOOP(
    "Programme",
    "On your first steps this morning the pain was %1/10, higher than %2/10 on %3: it had "
    "not settled overnight.")
WHY_MORNING_STIFFER = QT_TRANSLATE_NOOP(
    "Programme", "This morning your calf felt stiffer than the day before.")
WHY_MORNINGS_ROSE = QT_TRANSLATE_NOOP(
    "Programme",
    "Your pain on the first steps averaged %1/10 over the last 7 days, up from %2/10 the 7 "
    "days before.")
WHY_DURING_ROSE = QT_TRANSLATE_NOOP(
    "Programme",
    "Pain during the exercises averaged %1/10 over the last 7 days, up from %2/10 the 7 days "
    "before.")
WHY_EASED_BEFORE = QT_TRANSLATE_NOOP("Programme", "You already eased off on %1.")
WHY_CRITERION_MET = QT_TRANSLATE_NOOP(
    "Programme",
    "For %1 days in a row (%2 to %3) pain during the exercises stayed at %4/10 or less (the "
    "highest was %5/10), and every next morning had settled.")
