"""The words the due reader knows: vocabulary tables, short forms and typo correction, holidays.

``due_phrases`` owns the grammar; this module owns the lexicon it reads through. Every word a
token can be is normalised once by ``canonical`` (cached), so the grammar only ever sees the
canonical spelling: "2moro" and "tomorow" are "tomorrow", "weds" is "wed", "nxt" is "next",
"sept" is "sep".

Typos are corrected by edit distance (Damerau: a swapped pair of letters is one edit) against a
short list of long date words only: weekdays, the long month names, "tomorrow", "weekend",
"fortnight", "christmas" and the parts of the day. One edit is allowed for words of up to seven
letters, two for longer ones. A word that is itself a common English word near a date word
("sundae", "mourning", "morrow", "eventing", plurals like "fridays" or "mornings") is never
corrected: a guess there would invent a due in an ordinary sentence.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from datetime import date, timedelta

from dateutil.easter import easter

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
    "sun": 6,
}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "few": 3,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
#: "twenty-second", "thirty first": a tens word, then one of these.
ORDINAL_TENS = {"twenty": 20, "thirty": 30}
ORDINAL_UNITS = {k: v for k, v in ORDINAL_WORDS.items() if v <= 9}

#: Short forms people type on a call, to the canonical word. Only unambiguous ones: "sat", "sun",
#: "wed" and "mon" are also words, so they stay themselves and the grammar asks for support.
SHORT_FORMS = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "tmoro": "tomorrow",
    "tmorrow": "tomorrow", "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow",
    "2morow": "tomorrow", "tomoz": "tomorrow", "tomo": "tomorrow", "2day": "today",
    "tdy": "today", "2nite": "tonight", "tonite": "tonight", "nxt": "next", "wk": "week",
    "wks": "weeks", "mth": "month", "mths": "months", "weds": "wednesday",
    "wednes": "wednesday", "thurs": "thursday", "thur": "thursday", "thu": "thursday",
    "thrs": "thursday", "tues": "tuesday", "tue": "tuesday", "sept": "sep",
    "b4": "before", "thru": "until", "xmas": "christmas", "aft": "afternoon", "arvo": "afternoon",
    "eve": "evening", "mins": "minutes", "hrs": "hours", "wkend": "weekend", "w/e": "weekend",
    "eom": "eom", "eow": "eow", "eod": "eod", "cob": "cob", "eop": "eop", "cop": "cop",
    "eoq": "eoq", "nye": "nye",
}  # fmt: skip

_FUZZY_TARGETS = (
    *WEEKDAYS, "january", "february", "august", "september", "october", "november", "december",
    "tomorrow", "weekend", "fortnight", "christmas", "afternoon", "morning", "evening", "tonight",
)  # fmt: skip

#: English words within the typo distance of a date word: never corrected.
_NOT_TYPOS = frozenset(
    {
        "sundae", "sundaes", "sunray", "mourning", "morrow", "eventing", "evenings", "mornings",
        "weekends", "tonight", "augusta", "augustus", "august", "octet", "fortnights",
        "fortnightly", "christmases", "christmassy", "afternoons", "tomorrows", "mondays",
        "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "friday",
        "fridge", "moaning", "meaning", "morning", "leavening", "evening", "evenly", "decembers",
        "novembers", "octobers", "januarys", "februarys", "septembers", "weekender", "weekly",
        "weekday", "weekdays", "mundane", "christian", "christians", "christmas", "afternoon",
        "tomorrow", "weekend", "fortnight", "thursday", "tuesday", "wednesday", "saturday",
        "sunday", "monday", "january", "february", "september", "october", "november",
        "december", "tonights", "toning", "honey", "money", "monkey", "sunny",
        "mornin", "morn", "even", "evens", "mooning", "warning", "earning",
        "turning", "burning", "wakened", "weakened", "weekend's", "octopus",
    }
)  # fmt: skip


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two neighbours is one edit), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


_KNOWN = frozenset(
    {*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *MONTHS, *NUMBER_WORDS, *ORDINAL_WORDS, *SHORT_FORMS}
)


@functools.lru_cache(maxsize=4096)
def canonical(low: str) -> str:
    """The word the grammar reads for a lower-case word: its short form's or typo's word, or
    itself."""
    if low in SHORT_FORMS:
        return SHORT_FORMS[low]
    if low in _KNOWN or low in _NOT_TYPOS or len(low) < 5 or not low.isalpha():
        return low
    found: dict[str, int] = {}
    for target in _FUZZY_TARGETS:
        limit = 1 if len(target) <= 7 else 2
        if low.startswith(target) or low[0] != target[0]:
            continue  # "fridays" is another word; a typo keeps the first letter ("xtomorrowx")
        distance = _distance(low, target, limit)
        if distance <= limit:
            found[target] = distance
    if not found:
        return low
    nearest = min(found.values())
    best = [target for target, distance in found.items() if distance == nearest]
    return best[0] if len(best) == 1 else low  # as near two date words: no guess


# --- holidays --------------------------------------------------------------------------------


def _easter(year: int) -> date:
    day: date = easter(year)
    return day


#: Holidays by name: (how to find the day in a year, the day its break starts). "before X" and
#: "by X" mean the last weekday before the break: before Easter is Maundy Thursday (Good Friday
#: is off), before Christmas 24 December when that is a weekday.
HOLIDAYS: Mapping[tuple[str, ...], tuple[str, int]] = {
    ("christmas", "eve"): ("12-24", 0),
    ("christmas", "day"): ("12-25", 0),
    ("christmas",): ("12-25", 0),
    ("boxing", "day"): ("12-26", -1),
    ("new", "years", "eve"): ("12-31", 0),
    ("nye",): ("12-31", 0),
    ("new", "years", "day"): ("01-01", 0),
    ("new", "year"): ("01-01", 0),
    ("good", "friday"): ("easter", -2),
    ("easter", "sunday"): ("easter", -2),
    ("easter", "monday"): ("easter", -3),
    ("easter",): ("easter", -2),
    ("halloween",): ("10-31", 0),
    ("valentines", "day"): ("02-14", 0),
    ("thanksgiving",): ("thanksgiving", 0),
}
_HOLIDAY_OFFSETS: dict[tuple[str, ...], int] = {("good", "friday"): -2, ("easter", "monday"): 1}


def holiday_in(name: tuple[str, ...], year: int) -> tuple[date, date]:
    """The holiday's day in ``year`` and the first day of its break (for "before")."""
    rule, break_offset = HOLIDAYS[name]
    if rule == "easter":
        day = _easter(year) + timedelta(days=_HOLIDAY_OFFSETS.get(name, 0))
        break_start = _easter(year) + timedelta(days=-2)
        return day, break_start
    if rule == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        day = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return day, day
    month, day_of_month = (int(part) for part in rule.split("-"))
    day = date(year, month, day_of_month)
    return day, day + timedelta(days=break_offset)


def weekday_before(day: date) -> date:
    """The last Monday-to-Friday before ``day``."""
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


# --- numeric date order ----------------------------------------------------------------------

#: Territories that write the month first (5/6 is May 6th).
_MONTH_FIRST_TERRITORIES = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "VI"})


def date_order_of_locale(environ: Mapping[str, str] | None = None) -> str:
    """``"MDY"`` when the user's locale (LC_ALL, LC_TIME, LANG) writes the month first, else
    ``"DMY"``. Read from the environment, never through ``locale.setlocale`` (process-wide)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_TIME", "LANG"):
        value = env.get(key)
        if value:
            language_territory = value.split(".")[0].split("@")[0]
            territory = language_territory.partition("_")[2].upper()
            return "MDY" if territory in _MONTH_FIRST_TERRITORIES else "DMY"
    return "DMY"
