"""Numbers, dates and times as the UI's language writes them (``QLocale``, set by
:mod:`soleus_coach.gui.common.i18n`): "10,0 km" and "3. Nov." in German, "10.0 km" and
"3 Nov" in English. Every number or date the window shows goes through here; durations stay
``m:ss`` (the same in both languages) and come from ``protocol.describe.format_duration``.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

#: Date patterns per language where the locale's own formats read badly (Qt's German short
#: format has no weekday; its long one spells the month out): (day and month, date and time).
_PATTERNS = {QLocale.Language.German: ("d. MMM", "ddd, d. MMM yyyy, HH:mm")}
_DEFAULT = ("d MMM", "ddd d MMM yyyy, HH:mm")


#: A time of day: the 24-hour clock, as the dates and times of the history show it.
TIME = "HH:mm"


def _pattern(which: int) -> str:
    return _PATTERNS.get(QLocale().language(), _DEFAULT)[which]


def number(value: float, decimals: int = 0) -> str:
    """``value`` with the locale's decimal separator (no grouping below 10,000)."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "f", decimals)


def km(metres: float, decimals: int = 1) -> str:
    """A distance: "8,5 km"."""
    return f"{number(metres / 1000, decimals)} km"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_month(day: date) -> str:
    """A short date without the year: "3 Nov" / "3. Nov."."""
    return QLocale().toString(qdate(day), _pattern(0))


def short_date(day: date) -> str:
    """A date as the locale writes it short: "11/3/26" / "03.11.26"."""
    return QLocale().toString(qdate(day), date_field_format())


def date_field_format() -> str:
    """The display format of a date field: the locale's short format with a 4-digit year."""
    locale = QLocale()
    if locale.language() is QLocale.Language.C:  # no country's habit: ISO's
        return "yyyy-MM-dd"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def local_time(moment: datetime) -> str:
    """The time of day on this computer's clock: "18:05"."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), TIME)


def local_date_time(moment: datetime) -> str:
    """Local date and time with the day and month named in the UI's language."""
    qdt = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(qdt.toLocalTime(), _pattern(1))


def wall_clock(moment: datetime) -> str:
    """A date and time as it was on the clock where it happened (a run's own clock), with
    the day and month named in the UI's language: no conversion to this computer's zone."""
    qdt = QDateTime(QDate(moment.year, moment.month, moment.day),
                    QTime(moment.hour, moment.minute))
    return QLocale().toString(qdt, _pattern(1))


def clock_time(moment: datetime) -> str:
    """The time of day as it was on its own clock: "18:05"."""
    return QLocale().toString(QTime(moment.hour, moment.minute), TIME)
