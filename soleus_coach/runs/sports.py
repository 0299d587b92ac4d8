"""Sports by name: what a file's or an export's word for its sport means, and how a sport that
is not a run is named to the runner (in words, translated; never a raw code). No Qt.

Words come from GPX ``<type>`` (each app spells them its own way), TCX's ``Sport`` attribute,
FIT's ``sport`` field (as fitdecode names it) and Strava's ``activities.csv``. A number, or a
word not listed here, names nothing: such a file is judged by its own figures
(:mod:`soleus_coach.runs.classify`). Numbers are not trusted because apps disagree on them
(one app's 1 is running, another's cycling).
"""

from __future__ import annotations

import re
from enum import StrEnum

from soleus_coach import texts
from soleus_coach.texts import Text


class Sport(StrEnum):
    RUNNING = "running"
    CYCLING = "cycling"
    SWIMMING = "swimming"
    WALKING = "walking"
    HIKING = "hiking"
    ROWING = "rowing"
    PADDLING = "paddling"
    SKIING = "skiing"
    SKATING = "skating"
    CLIMBING = "climbing"
    FITNESS = "fitness"
    BALL = "ball"
    WATER = "water"
    MOTOR = "motor"
    TRANSITION = "transition"
    OTHER = "other"


NAMES: dict[Sport, Text] = {
    Sport.CYCLING: texts.SPORT_CYCLING, Sport.SWIMMING: texts.SPORT_SWIMMING,
    Sport.WALKING: texts.SPORT_WALKING, Sport.HIKING: texts.SPORT_HIKING,
    Sport.ROWING: texts.SPORT_ROWING, Sport.PADDLING: texts.SPORT_PADDLING,
    Sport.SKIING: texts.SPORT_SKIING, Sport.SKATING: texts.SPORT_SKATING,
    Sport.CLIMBING: texts.SPORT_CLIMBING, Sport.FITNESS: texts.SPORT_FITNESS,
    Sport.BALL: texts.SPORT_BALL, Sport.WATER: texts.SPORT_WATER,
    Sport.MOTOR: texts.SPORT_MOTOR, Sport.TRANSITION: texts.SPORT_TRANSITION,
    Sport.OTHER: texts.SPORT_OTHER,
}

_WORDS: dict[Sport, tuple[str, ...]] = {
    Sport.RUNNING: ("running", "run", "trail_running", "trail_run", "treadmill_running",
                    "treadmill", "street_running", "track_running", "indoor_running",
                    "virtual_run", "virtualrun", "virtual_running", "jogging", "jog",
                    "ultra_run", "obstacle_run", "lauf", "laufen", "course_a_pied"),
    Sport.CYCLING: ("cycling", "biking", "bike", "ride", "road_biking", "road_cycling",
                    "mountain_biking", "mountain_bike_ride", "mtb", "gravel_ride",
                    "gravel_cycling", "virtual_ride", "virtualride", "indoor_cycling",
                    "e_bike_ride", "ebikeride", "e_biking", "e_mountain_bike_ride",
                    "handcycle", "velomobile", "cyclocross", "track_cycling", "bmx",
                    "radfahren"),
    Sport.SWIMMING: ("swimming", "swim", "open_water_swimming", "lap_swimming",
                     "pool_swimming", "schwimmen"),
    Sport.WALKING: ("walking", "walk", "nordic_walking", "speed_walking", "casual_walking",
                    "gehen"),
    Sport.HIKING: ("hiking", "hike", "mountaineering", "snowshoeing", "snowshoe",
                   "wandern", "trekking"),
    Sport.ROWING: ("rowing", "indoor_rowing"),
    Sport.PADDLING: ("paddling", "kayaking", "canoeing", "stand_up_paddling",
                     "stand_up_paddleboarding", "rafting", "boating"),
    Sport.SKIING: ("skiing", "alpine_skiing", "alpine_ski", "backcountry_skiing",
                   "backcountry_ski", "cross_country_skiing", "nordic_ski", "nordic_skiing",
                   "roller_ski", "snowboarding", "snowboard", "ski"),
    Sport.SKATING: ("skating", "inline_skating", "inline_skate", "ice_skating", "ice_skate",
                    "skateboard", "skateboarding"),
    Sport.CLIMBING: ("climbing", "rock_climbing", "rock_climb", "floor_climbing",
                     "bouldering"),
    Sport.FITNESS: ("fitness", "fitness_equipment", "training", "workout", "weight_training",
                    "strength_training", "yoga", "pilates", "crossfit", "hiit", "elliptical",
                    "stair_stepper", "stairs", "cardio", "boxing", "dance"),
    Sport.BALL: ("soccer", "football", "american_football", "basketball", "tennis",
                 "badminton", "squash", "racquetball", "table_tennis", "pickleball", "golf",
                 "volleyball", "hockey", "rugby"),
    Sport.WATER: ("surfing", "kitesurfing", "kitesurf", "windsurfing", "windsurf",
                  "sailing", "sail", "wakeboarding", "water_skiing", "diving"),
    Sport.MOTOR: ("driving", "car", "motorcycling", "motorbiking", "flying", "boat",
                  "train", "bus", "snowmobiling"),
    Sport.TRANSITION: ("transition",),
}
_BY_WORD = {word: sport for sport, words in _WORDS.items() for word in words}


def normalise(word: str) -> str:
    """``"Trail Run"``, ``"trail-running"``, ``"TRAIL_RUNNING"`` → ``trail_run``, …"""
    return re.sub(r"[\s\-/]+", "_", word.strip().lower()).strip("_")


def sport_of_word(word: str | None) -> Sport | None:
    """The sport a word names, or None when it names none we know (a number, "Other",
    "generic", a word of an app we have not met)."""
    if not word:
        return None
    key = normalise(word)
    if key.isdigit():
        return None
    return _BY_WORD.get(key)


def name_of(sport: Sport | str, word: str = "") -> str:
    """The sport in the runner's words (translated); with the export's own word beside it
    when that word is not one of ours (``"another sport (named “Pickleball” in the
    export)"``)."""
    try:
        known = Sport(sport)
    except ValueError:
        known = Sport.OTHER
    text = texts.translate(NAMES.get(known, texts.SPORT_OTHER))
    if word and (known is Sport.OTHER or sport_of_word(word) is None):
        return texts.fill(texts.SPORT_AS_NAMED, text, word.strip()[:40])
    return text
