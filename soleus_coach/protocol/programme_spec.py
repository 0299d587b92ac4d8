"""The programme format, declared once, in the field types of the routine format.

A programme is a plan over weeks: phases, each with the routines to do and how often, the
load ("body weight", "+5 kg in a backpack") and what moving on to the next phase requires.
The validator walks this table as it walks a routine's (:func:`soleus_coach.protocol.loader.walk`);
:mod:`soleus_coach.protocol.schema` generates ``protocols/schema/programme.schema.json`` and
the reference section of ``docs/programme-format.md`` from it.

What moving on requires follows the pain-monitoring model (Silbernagel et al. 2007): pain
during the exercises at most ``pain_during_max`` (0–5 of 10) and every next morning settled,
day after day. Easing off is the same model's other half: fewer sets and no added load for a
few days.
"""

from __future__ import annotations

from soleus_coach.protocol.spec import (
    ID_PATTERN,
    ID_RULE,
    LANGUAGE_PATTERN,
    Arr,
    Dict,
    Field,
    Num,
    Obj,
    Str,
)

PROGRAMME_FORMAT = 1
#: A programme file longer than this is refused (the biggest sensible one is a few KiB).
MAX_PROGRAMME_BYTES = 256 * 1024
MAX_PHASES = 12
MAX_ROUTINES_PER_PHASE = 8
#: Pain during loading above this is "too much" in the pain-monitoring model: a criterion
#: for moving on can never allow more.
PAIN_DURING_LIMIT = 5

#: How often a routine is done, in the words of a physio's sheet.
OFTEN = ("after-every-run", "before-every-run", "once-a-day", "twice-a-day", "days-a-week")

LABEL = Str(min_length=1, max_length=40)
PHASE_NAME = Str(min_length=1, max_length=80)
LOAD = Str(min_length=1, max_length=120)

PLANNED = Obj(
    title="routine entry",
    doc="One routine of a phase and how often it is done.",
    fields={
        "routine": Field(Str(min_length=1, max_length=64, pattern=ID_PATTERN, rule=ID_RULE),
                         "The id of a routine: bundled (`soleus-coach list`) or one of yours.",
                         True),
        "often": Field(Str(enum=OFTEN), "`after-every-run`, `before-every-run` (these follow "
                       "your runs), `once-a-day`, `twice-a-day`, or `days-a-week` (with "
                       "`days`).", True),
        "days": Field(Num(1, 6, integer=True, unit="days"), "With `days-a-week`: on how many "
                      "days of the week (spread out: 3 is Monday, Wednesday and Friday)."),
        "label": Field(LABEL, "A short name for today's list, e.g. `Heel drops` (default: "
                       "the routine's name)."),
    },
    rules=("`days` is given with `often: days-a-week`, and only then.",
           "The routine must exist (bundled, or in your protocol folder) when the programme "
           "is loaded."),
)

MOVE_ON = Obj(
    title="move on",
    doc="When the app suggests the next phase: this many days in a row on which the phase's "
        "loading was done, pain during it stayed at `pain_during_max` or less, and the next "
        "morning was settled (no more pain on the first steps than the morning before, and "
        "not stiffer).",
    fields={
        "days": Field(Num(3, 28, integer=True, unit="days"), "Days in a row: `7`.", True),
        "pain_during_max": Field(Num(0, PAIN_DURING_LIMIT, integer=True),
                                 "The most pain (0–10) during the exercises on those days: `3`.",
                                 True),
        "morning_pain_max": Field(Num(0, PAIN_DURING_LIMIT, integer=True),
                                  "Also: the most pain on the first steps of those mornings."),
    },
)

EASE_OFF = Obj(
    title="ease off",
    doc="What easing off means in this programme (default: 1 set fewer, no added load, for "
        "3 days).",
    fields={
        "days": Field(Num(1, 14, integer=True, unit="days"), "For how many days: `3`.", True),
        "fewer_sets": Field(Num(1, 5, integer=True), "Sets fewer on each loading exercise "
                            "(never fewer than 1 set): `1`.", True),
    },
)

PHASE = Obj(
    title="phase",
    doc="A stage of the programme: its routines, the load, and when to move on.",
    fields={
        "name": Field(PHASE_NAME, "E.g. `Both legs`.", True),
        "load": Field(LOAD, "The load, in your words: `body weight`, `+5 kg in a backpack`.",
                      True),
        "routines": Field(Arr(PLANNED, 1, MAX_ROUTINES_PER_PHASE, ("routine", "routines"),
                                      "add"), "What to do, and how "
                          "often.", True),
        "move_on": Field(MOVE_ON, "When to suggest the next phase (not in the last phase)."),
    },
    rules=("The last phase has no `move_on` (there is no next phase to move on to).",),
)

PHASE_TEXTS = Obj(
    title="phase texts",
    doc="One phase's texts in another language; a text left out is shown as written.",
    fields={
        "name": Field(PHASE_NAME, "The phase's name."),
        "load": Field(LOAD, "Its load."),
        "labels": Field(Arr(LABEL, 0, MAX_ROUTINES_PER_PHASE), "Its routines' labels, in "
                        "order."),
    },
)

PROGRAMME_TRANSLATION = Obj(
    title="programme translation",
    doc="The programme's texts in one more language.",
    fields={
        "name": Field(Str(min_length=1, max_length=120), "The programme's name."),
        "summary": Field(Str(min_length=1, max_length=500), "Its summary."),
        "phases": Field(Arr(PHASE_TEXTS, 0, MAX_PHASES), "One object per phase, in order."),
    },
    rules=("`phases` has at most one entry per phase; `labels` at most one per routine.",),
)

PROGRAMME = Obj(
    title="programme",
    doc="One programme. The file holds one JSON object with these keys.",
    fields={
        "$schema": Field(Str(max_length=500), "Optional link to the schema."),
        "format": Field(Num(PROGRAMME_FORMAT, PROGRAMME_FORMAT, integer=True),
                        f"Programme format version: `{PROGRAMME_FORMAT}`.", True),
        "kind": Field(Str(const="programme"), "`programme` (a routine file is not one).", True),
        "id": Field(Str(min_length=1, max_length=64, pattern=ID_PATTERN, rule=ID_RULE),
                    "Unique id, e.g. `my-loading`. A file of yours with the id of a bundled "
                    "programme replaces it.", True),
        "name": Field(Str(min_length=1, max_length=120), "Name shown on the home screen.",
                      True),
        "summary": Field(Str(min_length=1, max_length=500), "One or two sentences.", True),
        "author": Field(Str(max_length=200), "Who wrote it."),
        "source": Field(Str(max_length=500), "Where the advice comes from, or who "
                        "prescribed it."),
        "weeks": Field(Num(1, 52, integer=True, unit="weeks"), "How long it is meant to "
                       "last, if it has an end (`12`)."),
        "phases": Field(Arr(PHASE, 1, MAX_PHASES, ("phase", "phases"), "add"),
                        "The phases, in order.", True),
        "ease_off": Field(EASE_OFF, "What easing off means here."),
        "language": Field(Str(min_length=2, max_length=6, pattern=LANGUAGE_PATTERN,
                              rule="must be a language code such as `en`, `de` or `pt-BR`"),
                          "The language the texts above are written in (default `en`)."),
        "translations": Field(Dict(LANGUAGE_PATTERN, "language code", PROGRAMME_TRANSLATION),
                              "The texts in other languages: `{\"de\": {\"name\": …, "
                              "\"phases\": [{…}]}}`."),
    },
)
