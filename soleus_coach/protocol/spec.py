"""The protocol format, declared once.

This table is the single source of truth: the validator walks it, and
:mod:`soleus_coach.protocol.schema` generates the JSON Schema from it
(``protocols/schema/protocol.schema.json``; format 1's, from
:mod:`soleus_coach.protocol.spec_v1`, as ``protocol-1.schema.json``) and the reference
section of ``docs/protocol-format.md``. The field types that both formats are written in
(:class:`Num`, :class:`Str`, :class:`Obj` …) and the limits they share live here too.

Format 2 says what a physio writes on paper: stretches held for a time, exercises counted in
sets × reps (paced by a tempo, a steady count, or the runner's own key presses), isometric
holds, heat and ice, in the author's words and, optionally, in more than one language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soleus_coach.cues import SPOKEN_ONLY, Cue

FORMAT_VERSION = 2
FORMATS = (1, 2)
#: Cold never runs longer than this in one routine, whatever the steps, the settings or the
#: keys pressed (the source's maximum; 10 on / 10 off / 10 on is 20 minutes of cold).
ICE_HARD_MAX_S = 1200
#: Heat: at most this long per step.
HEAT_MAX_S = 1200
#: A whole protocol longer than this is refused as absurd.
PROTOCOL_MAX_TOTAL_S = 3 * 3600
MAX_FILE_BYTES = 1024 * 1024
SOUND_EXTENSIONS = (".wav", ".ogg", ".mp3")
IMAGE_EXTENSIONS = (".svg", ".png")
#: Prefix for a file shipped with the app (``asset:illustrations/x.svg``) rather than
#: one beside the protocol.
ASSET_PREFIX = "asset:"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ID_RULE = ("may use only lower-case ASCII letters a–z, digits 0–9 and dashes, and must start "
           "with a letter or a digit (e.g. my-post-run)")
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"


@dataclass(frozen=True)
class Num:
    minimum: float
    maximum: float
    integer: bool = False
    unit: str = ""


@dataclass(frozen=True)
class Amount:
    """A dose: a plain number is a fixed prescription; ``{"default": 30, "min": 20,
    "max": 45}`` lets the user choose within min–max (each optional: a missing one is the
    default, so ``{"default": 30, "max": 45}`` may be lengthened but not shortened)."""

    value: Num


@dataclass(frozen=True)
class Str:
    """Text. Always one line: no line breaks, no control characters (see
    :data:`ONE_LINE_PATTERN`); ``pattern`` narrows it further."""

    min_length: int = 1
    max_length: int = 200
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    const: str | None = None
    #: What the validator says when ``pattern`` does not match.
    rule: str = ""


#: Every text in a protocol is one line: no C0/C1 control characters (tab, CR and LF
#: included) and no Unicode line or paragraph separators.
ONE_LINE_PATTERN = "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"


@dataclass(frozen=True)
class FileRef:
    """A relative path to a file beside the protocol, or ``asset:...`` for a shipped one."""

    extensions: tuple[str, ...]


@dataclass(frozen=True)
class Arr:
    items: Spec
    min_items: int
    max_items: int
    #: What an item is (singular, plural) and how one adds one, for the validator's words:
    #: "write at least one instruction".
    noun: tuple[str, str] = ("item", "items")
    verb: str = "give"


@dataclass(frozen=True)
class Field:
    spec: Spec
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj:
    title: str
    doc: str
    fields: dict[str, Field]
    #: Names of ``Range``-like objects: ``minimum <= default <= maximum`` is checked.
    ordered_range: bool = False
    #: Rules that need more than a schema says (checked by the validator; in the docs).
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Map:
    """An object whose keys come from a fixed set and whose values share one spec."""

    keys: tuple[str, ...]
    values: Spec


@dataclass(frozen=True)
class Dict:
    """An object whose keys match ``pattern`` and whose values share one spec."""

    pattern: str
    key_doc: str
    values: Spec


@dataclass(frozen=True)
class OneOf:
    """Objects told apart by the value of ``discriminator``."""

    discriminator: str
    variants: dict[str, Obj] = field(default_factory=dict)


Spec = Num | Amount | Str | FileRef | Arr | Obj | Map | Dict | OneOf


# --------------------------------------------------------------------------- format 2

TEXT_LINE = Str(min_length=1, max_length=300)
INSTRUCTIONS = Arr(TEXT_LINE, min_items=1, max_items=12,
                   noun=("instruction", "instructions"), verb="write")
# The cues only the system voice says (next, ten seconds) take no sound of their own.
SOUNDS = Map(keys=tuple(c.value for c in Cue if c not in SPOKEN_ONLY),
             values=FileRef(SOUND_EXTENSIONS))
STEP_NAME = Str(min_length=1, max_length=80)
#: The longest name of a routine.
NAME_MAX = 120
SIDES = Str(enum=("none", "left", "right", "both", "injured-first"))
SIDE_IS = Str(enum=("leg-back", "working-leg"))


def _amount(lo: float, hi: float, unit: str, *, integer: bool = False) -> Amount:
    return Amount(Num(lo, hi, integer=integer, unit=unit))


def _kind(name: str) -> Field:
    return Field(Str(const=name), f"`{name}`.", True)


_name = Field(STEP_NAME, "Shown in large text, e.g. `Eccentric heel drop`.", True)
_instructions = Field(INSTRUCTIONS, "Numbered instructions, one line each, in your words.", True)
_caution = Field(TEXT_LINE, "Your own caution line, shown beside the app's caution for this "
                 "kind of step (which is always shown).")
_rest_text = Field(TEXT_LINE, "What to read during the rests of this step (the app has a "
                   "default for each kind).")
_illustration = Field(FileRef(IMAGE_EXTENSIONS), "An SVG or PNG picture: a path beside the "
                      "protocol, or `asset:illustrations/NAME.svg` for one shipped with the app.")
_sounds = Field(SOUNDS, "Your own sound files for some cues of this step, e.g. "
                '`{"rep": "sounds/tick.wav"}`. Paths are relative to the protocol file.')
_sides = Field(SIDES, "`none` (both legs together, or no leg), `left`, `right`, `both` (left "
               "first) or `injured-first` (the user's sore leg first, then the other; the app "
               "asks which leg at the start when the user has not said).", True)
_side_is = Field(SIDE_IS, "What the side means, so the screen can say it: `leg-back` (the back "
                 "leg of a staggered stance, \"LEFT leg back\") or `working-leg` (the leg "
                 "that works, e.g. the standing leg of a single-leg heel drop, \"LEFT leg\"). "
                 "Required unless `sides` is `none`.")
_position = Field(Num(0, 120, unit="s"), "Seconds to get into position before the first "
                  "set or hold, and to switch legs (default 0 for exercises, 10 otherwise).")
_tempo = Field(
    Obj(title="tempo", doc="Seconds for each part of a rep; the app paces them with a cue "
        "(\"down, two, three … up\").",
        fields={
            "down": Field(Num(0, 10, integer=True, unit="s"), "Seconds lowering."),
            "up": Field(Num(0, 10, integer=True, unit="s"), "Seconds rising."),
            "hold": Field(Num(0, 10, integer=True, unit="s"),
                          "Seconds held after the first movement."),
            "pause": Field(Num(0, 10, integer=True, unit="s"),
                           "Seconds of pause after the second movement."),
            "start": Field(Str(enum=("up", "down")), "The first movement: `up` (from heel "
                           "down, e.g. a heel raise; the default) or `down` (from the toes, "
                           "e.g. an eccentric heel drop)."),
        },
        rules=("A rep lasts at least 1 second (the parts added up).",)),
    "Paces each rep: `{\"down\": 3, \"up\": 1, \"start\": \"down\"}`.")
_rep_s = Field(Num(0.5, 10, unit="s"), "Seconds per rep, counted aloud by the app (\"one, "
               "two, three…\"), for movements with no up and down.")
_self_paced = Field(Str(enum=("rep", "set")), "The runner sets the pace and presses Enter "
                    "after each `rep`, or once when the `set` is done.")
#: How a counted set is paced (exercise and strength).
_PACING = {"tempo": _tempo, "rep_s": _rep_s, "self_paced": _self_paced}
#: The fields every step done on one leg or both shares, in this order.
_SIDED = {"sides": _sides, "side_is": _side_is, "position_s": _position,
          "instructions": _instructions, "caution": _caution, "rest_text": _rest_text,
          "illustration": _illustration, "sounds": _sounds}
_counted_rules = ("Give either `reps` (counted) or the timed form (`hold_s` or `duration_s`), "
                  "not both.",
                  "With `reps`, give exactly one of `tempo`, `rep_s` and `self_paced`.")

STRETCH = Obj(
    title="stretch",
    doc="A held stretch, repeated, on one or both legs: \"soleus stretch 3 × 45 s\".",
    fields={
        "kind": _kind("stretch"),
        "name": _name,
        "hold_s": Field(_amount(5, 120, "s"), "Seconds per hold: `45`, or "
                        "`{\"default\": 30, \"min\": 20, \"max\": 30}`.", True),
        "reps": Field(_amount(1, 10, "", integer=True), "Holds per side: `3`.", True),
        "rest_s": Field(Num(0, 120, unit="s"), "Rest between holds on the same side.", True),
        **_SIDED,
    },
)

EXERCISE = Obj(
    title="exercise",
    doc="Movement, such as marching in place or ankle rocks: timed (`duration_s`) or counted "
        "(`reps`, in `sets`), once or per side.",
    fields={
        "kind": _kind("exercise"),
        "name": _name,
        "duration_s": Field(_amount(5, 1800, "s"), "Seconds of movement per set (per side, if "
                            "sided)."),
        "reps": Field(_amount(1, 100, "", integer=True), "Reps per set: `10`."),
        "sets": Field(_amount(1, 10, "", integer=True), "Sets per side (default 1)."),
        "rest_s": Field(Num(0, 300, unit="s"), "Rest between sets (default 0)."),
        **_PACING,
        **_SIDED,
    },
    rules=_counted_rules,
)

STRENGTH = Obj(
    title="strength",
    doc="A loading exercise in sets × reps (\"seated calf raise 3 × 12, 2 s up, 2 s down\"), "
        "or sets of an isometric hold (`hold_s`). Its caution is the pain-monitoring one: "
        "mild discomfort up to 5/10 that settles by the next morning.",
    fields={
        "kind": _kind("strength"),
        "name": _name,
        "sets": Field(_amount(1, 10, "", integer=True), "Sets per side: `3`.", True),
        "reps": Field(_amount(1, 50, "", integer=True), "Reps per set: `15`, or "
                      "`{\"default\": 12, \"max\": 15}`."),
        "hold_s": Field(_amount(5, 120, "s"), "Seconds per set, for an isometric hold."),
        "rest_s": Field(Num(0, 300, unit="s"), "Rest between sets.", True),
        **_PACING,
        **_SIDED,
    },
    rules=(_counted_rules[0].replace("`hold_s` or `duration_s`", "`hold_s`"),
           _counted_rules[1]),
)

HEAT = Obj(
    title="heat",
    doc=f"A warm pack on the calf, at most {HEAT_MAX_S // 60} minutes. Not in the first 2–3 "
        "days after a strain, and not when today's check-in reports swelling (the app "
        "leaves it out then).",
    fields={
        "kind": _kind("heat"),
        "name": _name,
        "duration_s": Field(_amount(60, HEAT_MAX_S, "s"), "Seconds of heat: `600`.", True),
        "instructions": _instructions,
        "caution": _caution,
        "sounds": _sounds,
    },
)

ICE = Obj(
    title="ice",
    doc=f"Cold on the calf. All the ice of a routine adds up to at most "
        f"{ICE_HARD_MAX_S // 60} minutes.",
    fields={
        "kind": _kind("ice"),
        "name": _name,
        "duration_s": Field(_amount(30, ICE_HARD_MAX_S, "s"), "Seconds of cold: `600`, or "
                            "`{\"default\": 900, \"min\": 300, \"max\": 1200}`.", True),
        "skin_check_s": Field(Num(60, 600, unit="s"), "Remind the user to check the skin this "
                              "often (default 300; none in a step of 5 minutes or less)."),
        "instructions": _instructions,
        "caution": _caution,
        "sounds": _sounds,
    },
    rules=(f"The longest the ice steps of a routine can last, added up, is at most "
           f"{ICE_HARD_MAX_S // 60} minutes.",
           "A routine for before a run has no ice (muscles work less well for about 30 "
           "minutes after icing)."),
)

REST = Obj(
    title="rest",
    doc="A timed pause, e.g. between two ice applications.",
    fields={
        "kind": _kind("rest"),
        "name": _name,
        "duration_s": Field(Num(1, 1800, unit="s"), "Seconds of rest.", True),
        "instructions": Field(Arr(TEXT_LINE, 0, 12, ("instruction", "instructions"), "write"),
                              "Optional lines to show."),
        "sounds": _sounds,
    },
)

INSTRUCTION = Obj(
    title="instruction",
    doc="A message shown for a few seconds, e.g. \"Start your run easy.\"",
    fields={
        "kind": _kind("instruction"),
        "name": _name,
        "duration_s": Field(Num(2, 300, unit="s"), "Seconds the message stays up.", True),
        "instructions": _instructions,
        "sounds": _sounds,
    },
)

STEP = OneOf("kind", {o.title: o for o in (STRETCH, EXERCISE, STRENGTH, HEAT, ICE, REST,
                                           INSTRUCTION)})

#: The most rounds a block may have, and the most steps in one round.
ROUNDS_MAX = 20
ROUND_STEPS_MAX = 20

ROUNDS = Obj(
    title="rounds",
    doc="A group of steps done several times in a row: contrast therapy, 3 × (3 min heat, "
        "1 min cold), or a circuit, 3 rounds of heel raises and a stretch. The steps are "
        "written once; the session says \"Round 2 of 3\". Every rule of the routine (the "
        "20 minutes of cold above all) counts each round.",
    fields={
        "kind": _kind("rounds"),
        "times": Field(Num(2, ROUNDS_MAX, integer=True), "How many rounds: `3`.", True),
        "rest_between_s": Field(Num(0, 600, unit="s"), "Seconds of rest between two rounds "
                                "(default 0)."),
        "steps": Field(Arr(STEP, min_items=1, max_items=ROUND_STEPS_MAX,
                           noun=("step", "steps"), verb="add"), "The steps of one "
                       "round, in order (any kind but `rounds`).", True),
    },
    rules=("A `rounds` block holds steps, not another `rounds` block.",
           "In a translation's `steps`, each step of a block has its entry, in order, and the "
           "block itself none."),
)

#: What the routine's ``steps`` list holds: steps, and blocks of rounds.
ENTRY = OneOf("kind", {**STEP.variants, ROUNDS.title: ROUNDS})

STEP_TEXTS = Obj(
    title="step texts",
    doc="One step's texts in another language; a text left out is shown as written above.",
    fields={
        "name": Field(STEP_NAME, "The step's name."),
        "instructions": Field(Arr(TEXT_LINE, 0, 12), "Its instructions (all of them)."),
        "caution": Field(TEXT_LINE, "Its caution."),
        "rest_text": Field(TEXT_LINE, "Its rest text."),
    },
)

TRANSLATION = Obj(
    title="translation",
    doc="The routine's texts in one more language.",
    fields={
        "name": Field(Str(min_length=1, max_length=NAME_MAX), "The routine's name."),
        "summary": Field(Str(min_length=1, max_length=500), "Its summary."),
        "steps": Field(Arr(STEP_TEXTS, 0, 100), "One object per step, in order (`{}` for a "
                       "step with nothing to translate); the steps of a `rounds` block each "
                       "have one, the block none."),
    },
    rules=("`steps` has one entry per step of the routine.",),
)

PROTOCOL = Obj(
    title="protocol",
    doc="One routine. The file holds one JSON object with these keys.",
    fields={
        "$schema": Field(
            Str(max_length=500), "Optional link to the schema, so editors check while you type."
        ),
        "format": Field(Num(FORMAT_VERSION, FORMAT_VERSION, integer=True),
                        f"Format version: `{FORMAT_VERSION}`.", True),
        "id": Field(Str(min_length=1, max_length=64, pattern=ID_PATTERN, rule=ID_RULE),
                    "Unique id: lower-case ASCII letters a–z, digits 0–9 and dashes, e.g. "
                    "`my-post-run`. A file of yours with the id of a bundled routine "
                    "replaces it.", True),
        "name": Field(Str(min_length=1, max_length=NAME_MAX), "Name shown in the library.",
                      True),
        "summary": Field(Str(min_length=1, max_length=500), "One or two sentences.", True),
        "when": Field(Str(enum=("pre-run", "post-run", "any")), "When it is meant for.", True),
        "author": Field(Str(max_length=200), "Who wrote it."),
        "source": Field(Str(max_length=500), "Where the advice comes from, or who prescribed "
                        "it."),
        "steps": Field(Arr(ENTRY, min_items=1, max_items=100, noun=("step", "steps"),
                           verb="add"), "The steps, in order; a "
                       "`rounds` block repeats a group of them.", True),
        "sounds": Field(SOUNDS, "Your own sound files for cues of every step."),
        "language": Field(Str(min_length=2, max_length=6, pattern=LANGUAGE_PATTERN,
                              rule="must be a language code such as `en`, `de` or `pt-BR`"),
                          "The language the texts above are written in (default `en`)."),
        "translations": Field(
            Dict(LANGUAGE_PATTERN, "language code", TRANSLATION),
            "The texts in other languages: `{\"de\": {\"name\": …, \"steps\": [{…}, …]}}`. "
            "The app shows the language of its window where there is one, and the texts "
            "above otherwise."),
    },
)
