"""Reading a promise's due out of words: quick-capture text and ``--due WHEN`` values.

This module owns the due-phrase grammar: which words count as a date ("by Friday",
"tomorrow at 3pm", "within 48 hours", "15 January", "on the 9th", "COB Thursday", "Tuesday
week", "quarter to five"), how a phrase resolves relative to now in the local zone, which words it
used (so the call window can underline them) and what is left of the text once the phrase is
taken out. It returns ``Due`` values (``services/due.py``). The words themselves (short forms,
typo correction, holidays, the locale's numeric order) live in ``due_words``.

Why a hand-written grammar: checked on real input, dateparser, parsedatetime and ctparse read
ordinary words as dates ("ask about the sun deck" -> a Sunday, "the may event" -> 18 May, "the
3rd draft" -> 18 March), cannot tell "by Friday" from "Friday at 00:00", and add hours on naive
wall time (an hour off across a daylight-saving change). Here text is tokenised, each token's word
normalised (``due_words.canonical``), and a small recursive grammar reads the phrase; the
productions are the ``_Reader`` methods, each with the forms it accepts in its docstring, and the
idioms are one table (``_IDIOMS``). Dates are resolved with plain date arithmetic; dateparser is no
longer used (it only re-checked day/month/year the grammar had already read).

Choices (the tests and the public table ``tests/services/due_table.txt`` pin each of them):
- A bare weekday that is today's weekday means a week from today, unless a time later today is
  given ("Wednesday 3pm" on a Wednesday morning is today). "this Friday" is the coming Friday
  (today if it is Friday); "next Friday" is the Friday of next calendar week (weeks start Monday).
  "Friday week" / "a week on Friday" is a week after the coming Friday.
- A day and month that has passed this year means next year's. A day of the month alone ("on the
  9th", "by the twenty-second") is the next such day, today included; a month without that day
  (the 31st in a 30-day month) moves to the next month that has it. "Sunday the 6th" is the next
  6th that is a Sunday (else the next 6th). A day alone needs a connector, a weekday or a time
  ("the 3rd draft" is no due).
- Times without am/pm are read as business hours: 1-7 is the afternoon ("at 4" is 16:00), 8-11
  the morning, 12 noon; a 24-hour time (13-23, or written with a leading zero, "07:30") is as
  written. After morning it is am, after afternoon/evening/night/tonight pm. Words: "quarter to
  five", "half past one", "ten past 4", "half two" (14:30), "five o'clock", "3ish". A time alone
  that has passed today means tomorrow. A bare hour ("at 4") needs at/by/around/about/before/until.
- morning 09:00 (also "first thing"), lunchtime 12:00, afternoon 14:00, evening 18:00, night and
  "tonight" 20:00. "midnight" is the end of the day, which is what a date-only due means.
- End of business is a setting (default 17:00): EOD, COB, COP, EOP, "close/end of business",
  "close/end of play", "end of (the working) day" are today at that time (tomorrow's once it has
  passed), and combine with a day ("COB Thursday", "Friday EOD").
- "end of week"/"this week"/EOW is this week's Friday (its Sunday once Friday has passed), "next
  week" and "end of next week" next week's Friday; "early next week" next Tuesday, "mid next
  week" next Wednesday, "late next week" next Thursday; "later this week" this Friday. "end of
  month"/"this month"/EOM the month's last day, "next month" next month's; "end of the quarter"
  the quarter's last day. "mid-March" / "middle of March" the 15th, "mid-month" this month's 15th
  (next month's once passed); "the first week of February" its 7th (the Nth week ends on 7N, the
  last week on the month's last day). "a fortnight" is 14 days. "over the weekend"/"this weekend"
  is the coming Sunday, "next weekend" the Sunday after; "by/before the weekend" is Friday.
  "within the next few days" is 3 days ("few" is 3), "a couple of days" 2.
- Holidays: Christmas (Eve, Day), Boxing Day, New Year('s Day/Eve), Easter (Good Friday, Easter
  Sunday/Monday), Halloween, Valentine's Day, Thanksgiving (US) are their next day; "before X"
  and "by X" are the last weekday before the holiday break (before Easter is Maundy Thursday).
- "after X" for a date is the day after X.
- Numeric dates "11/23", "23/11", "20/11/2027", "20.11.2027" (a dotted one needs its year): the
  only valid order when one number cannot be a month (11/23 is 23 November); when both orders are
  valid, the user's locale order (``due_words.date_order_of_locale``), and the reading's ``note``
  says so. A short one ("20/11") without a year counts with a connector other than "at"/"for" or
  a time next to it, or alone when only one order is valid ("open 24/7" is never a date).
- A month name needs a day next to it ("the may event", "June from accounts" are not dates); a
  weekday abbreviation ("sat", "sun", "wed", "mon") needs a connector, "this"/"next" or a time
  next to it; a time like "7:30" on its own needs a connector ("John 3:16" is no due).
- A date word that names a thing is not a due: after a determiner ("the Monday Club", "the 4 pm
  slot", "our Friday meeting"), a capitalised weekday before another capitalised word ("Saturday
  Gazette"), a possessive ("Friday's notes"), a holiday or day of month before a noun ("the
  Christmas party", "the 3rd floor").
- Hours and minutes ("within 48 hours") give a timed due computed on UTC instants, to the minute;
  days, weeks, months and years give a date-only due.
- When the text holds several date phrases, the one the promise lands on wins: one introduced by
  "to", "moved to", "agreed", "now" or followed by "instead"; else the first introduced by a
  deadline word ("by", "before", "until", "due", "within", ...); else the first not introduced by
  "from", "not", "instead of" or "rather than"; else the first.
- Typos and short forms ("tomorow", "wendesday", "thurs", "weds", "nxt", "2moro", "sept") read as
  their word (``due_words.canonical``); a common English word is never taken for a typo.
- Repeating phrases ("every Monday at 10", "every other Friday", "monthly on the 1st", "each
  quarter", "every weekday until 4 December", "daily", "weekly") give an RFC 5545 RRULE
  (``DueReading.recurrence``) and the first occurrence as the due: with a day named, the next such
  day (today included when a given time is still ahead); "each quarter" is the quarter's last day;
  without a day ("every week", "monthly"), one interval from today, on that weekday or day of the
  month (the 29th-31st as the month's last day). "until X" ends the series when X is a date ("until
  the launch" is ignored). "the weekly report" is a report, not a rule.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from ckbook.i18n import tr
from ckbook.services.clock import as_utc
from ckbook.services.due import Due
from ckbook.services.due_words import (
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_TENS,
    ORDINAL_UNITS,
    ORDINAL_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    canonical,
    date_order_of_locale,
    holiday_in,
    weekday_before,
)
from ckbook.services.limits import YEARS
from ckbook.services.recurrence import first_occurrence

#: The default end of business (``Settings.end_of_business``): what EOD and COB mean.
END_OF_BUSINESS = time(17, 0)


@dataclass(frozen=True)
class DueReading:
    due: Due | None
    """None when the text has no date."""
    text: str
    """The text with the date phrase (and its connecting word) removed, whitespace tidied."""
    phrase: str | None
    """The part of the original text that was read as the due, e.g. ``"by Friday"``."""
    spans: tuple[tuple[int, int], ...] = ()
    """Character spans (start, end) of the words the due was read from, to underline them."""
    note: str | None = None
    """How an ambiguous phrase was read ("5/6 read as 5 June, day first as your locale writes
    dates"), for the user to see and correct; None when the reading is plain."""
    recurrence: str | None = None
    """For a repeating promise ("every Monday at 10"), its RFC 5545 RRULE value
    ("FREQ=WEEKLY;BYDAY=MO"); ``due`` is then its first occurrence."""


def read_due(
    text: str,
    now: datetime,
    tz: tzinfo,
    *,
    end_of_business: time = END_OF_BUSINESS,
    date_order: str | None = None,
) -> DueReading:
    """Find a due in free text; ``now`` is an aware instant, phrases are read in local zone ``tz``.

    ``date_order`` ("DMY" or "MDY") decides a numeric date both orders can read; None means the
    user's locale. Text without a date comes back stripped, with ``due`` and ``phrase`` None.
    """
    reader = _Reader(text, now, tz, True, end_of_business, date_order)
    repeating = reader.recurrence()
    if repeating is not None:
        start, end, due, rule = repeating
        # Not moved out of a DST gap (unlike a one-off due): the series keeps its wall time;
        # ``Due.deadline`` and ``on_the_clock`` resolve each occurrence.
        return DueReading(due, _cut(text, start, end), text[start:end], ((start, end),), None, rule)
    found = reader.best()
    if found is None:
        return DueReading(None, text.strip(), None)
    start, end = found.start, found.end
    # As the clock will show it: a time in a daylight-saving gap moved on (clock.local_instant).
    due = found.due.on_the_clock(tz)
    return DueReading(due, _cut(text, start, end), text[start:end], ((start, end),), found.note)


def due_in_words(due: Due, today: date) -> str:
    """A due as words the reader reads back: ``Thu 19 Nov``, ``Thu 19 Nov 17:00``, with the year
    when it is not this one (``Mon 3 Jan 2028``)."""
    from ckbook.services import dates  # dates reads Due, which reads phrases

    return dates.due_words(due, today)


def restate_due(
    text: str,
    new_due: Due,
    now: datetime,
    tz: tzinfo,
    *,
    end_of_business: time = END_OF_BUSINESS,
    date_order: str | None = None,
) -> str | None:
    """``text`` with the words that named its due replaced by words for ``new_due``, so the text
    never contradicts a corrected due; None when the text names no due. A deadline word in front
    ("by", "before", "due") is kept: "send it by Friday" -> "send it by Thu 19 Nov 17:00"."""
    reader = _Reader(text, now, tz, True, end_of_business, date_order)
    if reader.recurrence() is not None:
        return None  # a repeat rule's words are not one date
    found = reader.best()
    if found is None:
        return None
    lead = ""
    first = next(i for i, token in enumerate(reader.tokens) if token.start == found.start)
    for words, kind in _CONNECTORS:
        after = reader._seq(first, words)
        if kind == _DEADLINE and after is not None:
            lead = text[found.start : reader.tokens[after - 1].end] + " "
            break
    restated = lead + due_in_words(new_due, reader.today)
    return text[: found.start] + restated + text[found.end :]


# "no, Thursday 5pm", "actually Friday", "make it the 9th": a correction typed in words.
_CORRECTION_LEAD = re.compile(
    r"^(?:(?:no|nope|sorry|actually|oops|rather|wait|make\s+it|change\s+it\s+to|instead)\b[\s,:;.!-]*)+",
    re.IGNORECASE,
)


def parse_due(
    value: str,
    now: datetime,
    tz: tzinfo,
    *,
    end_of_business: time = END_OF_BUSINESS,
    date_order: str | None = None,
) -> Due:
    """Read a ``--due WHEN`` value or a correction field.

    Takes an ISO date (``2026-11-20``), an ISO local date-time (``2026-11-20T15:00``) or a phrase
    ("next Friday 3pm", "no, Thursday 5pm"); the whole value must be the date. Raises ValueError
    naming the value.
    """
    stripped = value.strip()
    if _ISO_SHAPE.fullmatch(stripped):
        return Due.from_iso(stripped).on_the_clock(tz)  # its ValueError names the value
    phrase = _CORRECTION_LEAD.sub("", stripped).strip()
    if phrase:
        # Lenient mode: the whole value is meant as a date, so "sun" is Sunday and "7:30" is a time.
        reader = _Reader(phrase, now, tz, False, end_of_business, date_order)
        found = reader.parse_at(0)
        if found is not None and found.end_index == len(reader.tokens):
            if not found.due.in_range:
                raise ValueError(
                    tr("{value!r} is {date}, out of range: the year must be {years}").format(
                        value=value, date=found.due.date.isoformat(), years=YEARS.describe()
                    )
                )
            return found.due.on_the_clock(tz)
    raise ValueError(
        tr(
            "cannot read {value!r} as a due; use YYYY-MM-DD, YYYY-MM-DDTHH:MM or a "
            "phrase like 'next Friday 3pm'"
        ).format(value=value)
    )


# --- vocabulary -------------------------------------------------------------------------------

_UNITS = {
    "minute": "minutes", "minutes": "minutes", "min": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "h": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "fortnight": "fortnights", "fortnights": "fortnights",
}  # fmt: skip
_TIMED_UNITS = {"minutes", "hours"}
_PARTS_OF_DAY = {
    "morning": time(9, 0),
    "lunchtime": time(12, 0),
    "afternoon": time(14, 0),
    "evening": time(18, 0),
    "night": time(20, 0),
}
_PM_PARTS = {"afternoon", "evening", "night"}

# Connector kinds, by how much a date they introduce says "this is when it is due".
_LANDING = 3  # "moved to Friday", "agreed the 14th", "Thursday instead"
_DEADLINE = 2  # "by Friday", "before the 9th", "within 3 days"
_NEUTRAL = 1  # "on Friday", "at 3", "for Friday", or none
_DEMOTED = 0  # "from Tuesday", "not Monday", "instead of Friday"

# Longest first within a shared first word, so "due by" wins over "due".
_CONNECTORS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("no", "later", "than"), _DEADLINE),
    (("on", "or", "before"), _DEADLINE),
    (("at", "the", "latest", "by"), _DEADLINE),
    (("moved", "to"), _LANDING),
    (("move", "it", "to"), _LANDING),
    (("move", "to"), _LANDING),
    (("pushed", "to"), _LANDING),
    (("push", "it", "to"), _LANDING),
    (("push", "to"), _LANDING),
    (("changed", "to"), _LANDING),
    (("postponed", "to"), _LANDING),
    (("postponed", "until"), _LANDING),
    (("rescheduled", "to"), _LANDING),
    (("rescheduled", "for"), _LANDING),
    (("reschedule", "to"), _LANDING),
    (("reschedule", "for"), _LANDING),
    (("agreed", "on"), _LANDING),
    (("agreed",), _LANDING),
    (("settled", "on"), _LANDING),
    (("now",), _LANDING),
    (("to",), _LANDING),
    (("instead", "of"), _DEMOTED),
    (("rather", "than"), _DEMOTED),
    (("not",), _DEMOTED),
    (("from",), _DEMOTED),
    (("due", "by"), _DEADLINE),
    (("due", "on"), _DEADLINE),
    (("due",), _DEADLINE),
    (("by",), _DEADLINE),
    (("before",), _DEADLINE),
    (("until",), _DEADLINE),
    (("till",), _DEADLINE),
    (("til",), _DEADLINE),
    (("latest",), _DEADLINE),
    (("after",), _NEUTRAL),
    (("around",), _NEUTRAL),
    (("about",), _NEUTRAL),
    (("on",), _NEUTRAL),
    (("at",), _NEUTRAL),
    (("for",), _NEUTRAL),
)
_CONNECTOR_KIND = dict(_CONNECTORS)
_CONNECTORS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words, _kind in _CONNECTORS:
    _CONNECTORS_BY_FIRST.setdefault(_words[0], []).append(_words)  # longest first, as above
# A bare hour ("at 4") is a time only after one of these.
_BARE_HOUR_CONNECTORS = {
    ("at",), ("by",), ("around",), ("about",), ("before",), ("until",), ("till",), ("til",),
    ("after",), ("due", "by"), ("no", "later", "than"), ("latest",), ("to",), ("moved", "to"),
    ("agreed",), ("now",), ("changed", "to"), ("pushed", "to"), ("from",), ("not",),
}  # fmt: skip
# A clock time like "7:30" with nothing else needs a connector, but not on/for.
_WEAK_CONNECTORS = {None, ("at",), ("for",), ("about",), ("around",), ("from",), ("not",)}
# Words that may follow a weak phrase (a day of the month alone, a bare hour, a holiday) without
# making it an attribute of a noun ("the 3rd floor", "at 4 places", "the Christmas party").
_CLAUSE_WORDS = frozenset(
    {
        "and", "or", "but", "then", "so", "to", "for", "with", "if", "when", "as", "at", "by", "on",
        "in", "please", "pls", "latest", "sharp", "instead", "we", "i", "you", "he", "she", "they",
        "it", "the", "a", "an", "this", "that", "which", "who", "about", "re", "regarding", "via",
        "ok", "okay", "thanks", "cheers", "tomorrow", "today", "tonight", "morning", "afternoon",
        "evening", "night", "noon", "midday", "midnight", "pm", "am", "asap", "send", "call",
        "email", "ring", "reply", "confirm",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "my", "his", "her", "their", "its"})

# Whole-value ISO shapes for parse_due; anything this shape goes to Due.from_iso for its message.
_ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[T ][0-9:.]*)?")

# re.ASCII: letters and digits are ASCII only, so case-insensitive matching cannot turn "ſ" or the
# Kelvin sign into s/k and every matched word can be looked up by .lower().
_TOKEN_RE = re.compile(
    r"""
      (?P<iso>[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T(?P<iso_h>[0-9]{1,2}):(?P<iso_m>[0-9]{2}))?)(?![0-9])
    | (?<![0-9/])(?P<slashed>(?P<sd>[0-9]{1,2})/(?P<sm>[0-9]{1,2})(?:/(?P<sy>[0-9]{4}|[0-9]{2}))?)
      (?![0-9/])
    | (?<![0-9.])(?P<dotted>(?P<dd>[0-9]{1,2})\.(?P<dm>[0-9]{1,2})\.(?P<dy>[0-9]{4}))
      (?![0-9]|\.[0-9])
    | (?P<ampm_time>(?P<h12>[0-9]{1,2})(?:[:.](?P<m12>[0-9]{2}))?\ ?(?P<meridiem>[ap])\.?m\.?)(?!\w)
    | (?<![0-9.])(?P<clock>(?P<h24>[0-9]{1,2})(?P<sep>[:.])(?P<m24>[0-9]{2}))(?![0-9]|\.[0-9])
    | (?P<digitword>(?:2moro|2morrow|2morow|2mrw|2day|2nite|b4)(?![a-z0-9]))
    | (?P<num>[0-9]+)(?:(?P<ord>st|nd|rd|th)(?![a-z])|(?P<ish>-?ish)(?![a-z]))?
    | (?P<oclock>o['’]\ ?clock)(?![a-z])
    | (?P<word>[a-z]+(?:/[a-z])?)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # "iso", "numeric", "time", "num", "word" or "other"
    text: str
    start: int
    end: int
    low: str  # the canonical lower-case word (``due_words.canonical``) or the lower-case text
    ordinal: bool = False
    ish: bool = False  # "3ish"
    clock: time | None = None  # for "time" tokens, and "iso" tokens with a time
    meridiem: bool = False  # the time said am or pm
    as_written: bool = False  # a 24-hour time ("19:30", "07:30"): no business-hours reading
    dotted: bool = False  # "8.45": a time only after a connector, "version 3.12" is none
    numeric: tuple[int, int, int | None, bool] | None = None  # first, second, year, two-digit


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN_RE.finditer(text):
        start, end, raw = m.start(), m.end(), m.group()
        low = raw.lower()
        if m.group("iso"):
            clock = None
            if m.group("iso_h") is not None:
                clock = _valid_clock(int(m.group("iso_h")), int(m.group("iso_m")))
                if clock is None:
                    tokens.append(_Token("other", raw, start, end, low))
                    continue
            tokens.append(_Token("iso", raw, start, end, low, clock=clock, as_written=True))
        elif m.group("slashed") or m.group("dotted"):
            slashed = m.group("slashed") is not None
            first, second = (int(m.group(g)) for g in (("sd", "sm") if slashed else ("dd", "dm")))
            year_text = m.group("sy") if slashed else m.group("dy")
            year = int(year_text) if year_text else None
            two_digit = year_text is not None and len(year_text) == 2
            if (
                min(first, second) >= 1
                and (first <= 12 or second <= 12)
                and max(first, second) <= 31
            ):
                numeric = (first, second, year, two_digit)
                tokens.append(
                    _Token("numeric", raw, start, end, low, numeric=numeric, dotted=not slashed)
                )
            else:
                tokens.append(_Token("other", raw, start, end, low))  # "50/50" is no date
        elif m.group("ampm_time"):
            hour, minute = int(m.group("h12")), int(m.group("m12") or 0)
            clock = None
            if 1 <= hour <= 12:
                hour = hour % 12 + (12 if m.group("meridiem").lower() == "p" else 0)
                clock = _valid_clock(hour, minute)
            kind = "time" if clock is not None else "other"
            tokens.append(_Token(kind, raw, start, end, low, clock=clock, meridiem=True))
        elif m.group("clock"):
            hour_text = m.group("h24")
            clock = _valid_clock(int(hour_text), int(m.group("m24")))
            if clock is None:
                tokens.append(_Token("other", raw, start, end, low))
                continue
            as_written = hour_text.startswith("0") or clock.hour == 0 or clock.hour >= 13
            dotted = m.group("sep") == "."
            tokens.append(
                _Token(
                    "time", raw, start, end, low, clock=clock, as_written=as_written, dotted=dotted
                )
            )
        elif m.group("num"):
            ordinal, ish = m.group("ord") is not None, m.group("ish") is not None
            digits = m.group("num")
            tokens.append(_Token("num", raw, start, end, digits, ordinal=ordinal, ish=ish))
        elif m.group("oclock"):
            tokens.append(_Token("word", raw, start, end, "oclock"))
        elif m.group("word") or m.group("digitword"):
            tokens.append(_Token("word", raw, start, end, canonical(low)))
        else:
            tokens.append(_Token("other", raw, start, end, low))
    return tokens


def _valid_clock(hour: int, minute: int) -> time | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return time(hour, minute)
    return None


def _business_hours(clock: time) -> time:
    """An hour said without am/pm: 1-7 is the afternoon, 8-11 the morning, 12 noon."""
    if 1 <= clock.hour <= 7:
        return clock.replace(hour=clock.hour + 12)
    return clock


# --- parsed pieces ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _DatePart:
    date: date
    today_if_later: bool = (
        False  # bare weekday equal to today's: today only if a later time follows
    )
    abbreviated: bool = False  # a bare weekday abbreviation, which needs support to count
    part_of_day: str | None = None  # "tonight", "this evening"
    clock: time | None = None  # an ISO date-time, or an idiom's time (COB)
    explicit: bool = False  # an ISO date or a date with a year
    short_numeric: bool = False  # "5/6": needs a connector (not at/for) or a time to count
    numeric: bool = False  # "11/23": must not qualify a noun when alone
    weak: bool = False  # a day of the month alone, a holiday: must not qualify a noun
    needs_connector: bool = False  # a day of the month alone: needs a connector, weekday or time
    before: _dt.date | None = None  # what "before"/"by" this means (a holiday, the weekend)
    note: str | None = None


@dataclass(frozen=True)
class _TimePart:
    clock: time | None  # None for midnight: the end of the day, i.e. a date-only due
    meridiem: bool = False  # said am/pm, or a word time that is what it says (noon, COB)
    strong: bool = True  # enough on its own (3pm, noon, 3ish); "7:30" or "at 3" is not
    bare: bool = False  # a bare hour ("at 3")
    as_written: bool = False  # a 24-hour time, read as written

    def resolved(self, part: str | None) -> time | None:
        clock = self.clock
        if clock is None or self.meridiem or self.as_written:
            return clock
        if part in _PM_PARTS and 1 <= clock.hour <= 11:
            return clock.replace(hour=clock.hour + 12)  # "tonight at 9" is 21:00
        if part == "morning":
            return clock
        return _business_hours(clock)


@dataclass(frozen=True)
class _Found:
    due: Due
    start: int  # character span in the text, connector included
    end: int
    end_index: int  # token index after the phrase
    rank: int  # the connector's kind: _LANDING, _DEADLINE, _NEUTRAL or _DEMOTED
    explicit: bool
    note: str | None = None


# The idioms: (words, what they mean). A word in the pattern is matched against the canonical
# token; "{weekday}", "{month}" and "{nth}" (first..fourth, last, 1st..4th) capture a value. Each
# meaning is a method of the reader taking the captured values; the module docstring documents it.
_IDIOMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("early", "next", "week"), "next_week_day:1"),
    (("mid", "next", "week"), "next_week_day:2"),
    (("middle", "of", "next", "week"), "next_week_day:2"),
    (("late", "next", "week"), "next_week_day:3"),
    (("later", "next", "week"), "next_week_day:3"),
    (("later", "this", "week"), "end_of_week"),
    (("later", "in", "the", "week"), "end_of_week"),
    (("end", "of", "next", "week"), "next_week_day:4"),
    (("the", "end", "of", "next", "week"), "next_week_day:4"),
    (("eow",), "end_of_week"),
    (("eom",), "end_of_month"),
    (("month", "end"), "end_of_month"),
    (("eoq",), "end_of_quarter"),
    (("quarter", "end"), "end_of_quarter"),
    (("end", "of", "the", "quarter"), "end_of_quarter"),
    (("end", "of", "quarter"), "end_of_quarter"),
    (("the", "end", "of", "the", "quarter"), "end_of_quarter"),
    (("end", "of", "this", "quarter"), "end_of_quarter"),
    (("mid", "month"), "mid_month"),
    (("middle", "of", "the", "month"), "mid_month"),
    (("mid", "next", "month"), "mid_next_month"),
    (("mid", "{month}"), "mid_month_of"),
    (("middle", "of", "{month}"), "mid_month_of"),
    (("the", "middle", "of", "{month}"), "mid_month_of"),
    (("{nth}", "week", "of", "{month}"), "week_of_month"),
    (("the", "{nth}", "week", "of", "{month}"), "week_of_month"),
    (("{nth}", "week", "in", "{month}"), "week_of_month"),
    (("the", "{nth}", "week", "in", "{month}"), "week_of_month"),
    (("a", "week", "on", "{weekday}"), "weekday_week"),
    (("a", "week", "from", "{weekday}"), "weekday_week"),
    (("a", "week", "{weekday}"), "weekday_week"),
    (("{weekday}", "week"), "weekday_week"),
    (("a", "week", "today"), "days:7"),
    (("a", "week", "from", "today"), "days:7"),
    (("a", "week", "from", "now"), "days:7"),
    (("a", "week", "tomorrow"), "days:8"),
    (("this", "time", "next", "week"), "days:7"),
    (("a", "fortnight"), "days:14"),
    (("a", "fortnight", "today"), "days:14"),
    (("a", "fortnight", "from", "today"), "days:14"),
    (("a", "fortnight", "from", "now"), "days:14"),
    (("the", "next", "few", "days"), "days:3"),
    (("the", "next", "couple", "of", "days"), "days:2"),
    (("the", "coming", "days"), "days:3"),
    (("the", "next", "day", "or", "two"), "days:2"),
    (("a", "day", "or", "two"), "days:2"),
    (("a", "few", "days"), "days:3"),
    (("the", "next", "few", "days"), "days:3"),
    (("over", "the", "next", "few", "days"), "days:3"),
    (("over", "the", "weekend"), "weekend:0"),
    (("over", "the", "next", "weekend"), "weekend:1"),
    (("this", "weekend"), "weekend:0"),
    (("the", "weekend"), "weekend:0"),
    (("weekend",), "weekend:0"),
    (("next", "weekend"), "weekend:1"),
    (("at", "the", "weekend"), "weekend:0"),
    (("on", "the", "weekend"), "weekend:0"),
)


def _pattern_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pattern, meaning in _IDIOMS:
        by_first.setdefault(pattern[0], []).append((pattern, meaning))
    # Longest first, so "the end of next week" wins over a shorter pattern.
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in by_first.items()}


_IDIOMS_BY_FIRST = _pattern_index()


@functools.lru_cache(maxsize=512)
def _idioms_for(first: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The idioms that may start with the word ``first``, longest first."""
    candidates = list(_IDIOMS_BY_FIRST.get(first, ()))
    if first in WEEKDAYS or first in WEEKDAY_ABBREVIATIONS:
        candidates += _IDIOMS_BY_FIRST.get("{weekday}", ())
    if first in _NTH or first == _NTH_LAST:
        candidates += _IDIOMS_BY_FIRST.get("{nth}", ())
    if first in MONTHS:
        candidates += _IDIOMS_BY_FIRST.get("{month}", ())
    return tuple(sorted(candidates, key=lambda p: -len(p[0])))


_RULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ_WORDS = {
    "daily": ("DAILY", 1), "weekly": ("WEEKLY", 1), "fortnightly": ("WEEKLY", 2),
    "monthly": ("MONTHLY", 1), "quarterly": ("QUARTER", 1), "yearly": ("YEARLY", 1),
    "annually": ("YEARLY", 1),
}  # fmt: skip
_MINUTE_WORDS = {"quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20}
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NTH_LAST = "last"
# Business-time words: today at the end of business (tomorrow's once it has passed).
_END_OF_BUSINESS_WORDS: tuple[tuple[str, ...], ...] = (
    ("close", "of", "business"),
    ("close", "of", "play"),
    ("end", "of", "business"),
    ("end", "of", "play"),
    ("end", "of", "the", "working", "day"),
    ("end", "of", "the", "business", "day"),
    ("end", "of", "the", "day"),
    ("end", "of", "day"),
    ("end", "of", "today"),
    ("the", "end", "of", "the", "day"),
    ("the", "end", "of", "today"),
    ("eod",),
    ("cob",),
    ("cop",),
    ("eop",),
)


# Every word a phrase can start with (after normalisation): the scan skips any other word at once,
# which is most of a line, so reading stays well under a millisecond on every keystroke.
_START_WORDS = frozenset(
    {
        *(words[0] for words, _kind in _CONNECTORS),
        *(words[0] for words in _END_OF_BUSINESS_WORDS),
        *(word for word in _IDIOMS_BY_FIRST if not word.startswith("{")),
        *(name[0] for name in HOLIDAYS),
        *WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *MONTHS, *NUMBER_WORDS, *ORDINAL_WORDS,
        *ORDINAL_TENS, *_NTH, *_MINUTE_WORDS,
        "in", "within", "over", "today", "tomorrow", "tonight", "this", "next", "end", "the",
        "noon", "midday", "midnight", "first", "last", "a", "an",
    }
)  # fmt: skip


class _Reader:
    """Finds due phrases in one text; ``strict`` is off for parse_due, where all of it is a date."""

    def __init__(
        self,
        text: str,
        now: datetime,
        tz: tzinfo,
        strict: bool,
        end_of_business: time = END_OF_BUSINESS,
        date_order: str | None = None,
    ) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.now = as_utc(now, tz)
        self.tz = tz
        local = self.now.astimezone(tz)
        self.today = local.date()
        self.clock_now = local.time()
        self.strict = strict
        self.end_of_business = end_of_business
        self._date_order = date_order

    @property
    def date_order(self) -> str:
        if self._date_order is None:
            self._date_order = date_order_of_locale()
        return self._date_order

    # recurrence: "every Monday at 10", "every other Friday", "monthly on the 1st", "each
    # quarter", "every weekday until the launch", "every 2 weeks", "daily at 9"

    def recurrence(self) -> tuple[int, int, Due, str] | None:
        """The first repeating phrase: (start char, end char, first occurrence, RRULE)."""
        for i, tok in enumerate(self.tokens):
            if tok.kind == "word" and (tok.low in ("every", "each") or tok.low in _FREQ_WORDS):
                if i > 0 and self.text[tok.start - 1].isalnum():
                    continue
                if i > 0 and self.tokens[i - 1].low in _DETERMINERS and tok.low in _FREQ_WORDS:
                    continue  # "the weekly report" names a report
                found = self._recurrence_at(i)
                if found is not None:
                    end, due, rule = found
                    return tok.start, self.tokens[end - 1].end, due, rule
        return None

    def _recurrence_at(self, i: int) -> tuple[int, Due, str] | None:
        tokens, today = self.tokens, self.today
        k = i
        interval = 1
        freq: str | None = None
        by_day: list[str] = []
        month_day: int | None = None
        quarter = False
        clock: time | None = None
        word = tokens[i].low
        if word in _FREQ_WORDS:
            freq, interval = _FREQ_WORDS[word]
            quarter = freq == "QUARTER"
            k += 1
        else:
            k += 1
            if self._word(k, "other"):
                interval, k = 2, k + 1
            elif tokens[k].low not in ("a", "an") if k < len(tokens) else False:
                number = self._number(k, 99)
                if number is not None:
                    k, interval = number
            weekday = self._weekday(k)
            if self._word(k, "day", "days"):
                freq, k = "DAILY", k + 1
            elif self._word(k, "weekday", "weekdays") or self._seq(k, ("working", "day")):
                freq, by_day = "WEEKLY", list(_RULE_DAYS[:5])
                k = self._seq(k, ("working", "day")) or k + 1
            elif self._word(k, "week", "weeks"):
                freq, k = "WEEKLY", k + 1
            elif self._word(k, "fortnight"):
                freq, interval, k = "WEEKLY", interval * 2, k + 1
            elif self._word(k, "month", "months"):
                freq, k = "MONTHLY", k + 1
            elif self._word(k, "quarter", "quarters"):
                freq, quarter, k = "QUARTER", True, k + 1
            elif self._word(k, "year", "years"):
                freq, k = "YEARLY", k + 1
            elif self._word(k, "morning", "afternoon", "evening", "night"):
                freq, clock, k = "DAILY", _PARTS_OF_DAY[tokens[k].low], k + 1
            elif weekday is not None:
                freq = "WEEKLY"
                by_day.append(_RULE_DAYS[weekday])
                k += 1
                while (
                    self._word(self._skip(k, ","), "and")
                    or self._weekday(self._skip(k, ",")) is not None
                ):
                    after = self._skip(self._skip(k, ","), "and")
                    more = self._weekday(after)
                    if more is None:
                        break
                    by_day.append(_RULE_DAYS[more])
                    k = after + 1
            else:
                return None
        # "on the 1st", "on the last day", "on Friday(s)"
        on = self._skip(k, "on")
        if freq in ("MONTHLY", "QUARTER") and self._seq(on, ("the", "last", "day")):
            month_day, k = -1, on + 3
        elif freq in ("MONTHLY",):
            day = self._day(self._skip(on, "the"))
            if day is not None and day[2]:
                month_day, k = day[1], day[0]
        elif freq == "WEEKLY" and not by_day:
            weekday = self._weekday(on) if on > k else None
            if weekday is not None:
                by_day, k = [_RULE_DAYS[weekday]], on + 1
        at = self._skip(self._skip(k, ","), "at", "@", "by", "around")
        timed = self._time(at, bare_hour=True)
        if timed is not None:
            k, part = timed
            clock = part.resolved(None)
        rule = {"DAILY": "FREQ=DAILY", "WEEKLY": "FREQ=WEEKLY", "MONTHLY": "FREQ=MONTHLY",
                "YEARLY": "FREQ=YEARLY"}.get(freq or "", "")  # fmt: skip
        if quarter:
            rule, month_day = "FREQ=YEARLY;BYMONTH=3,6,9,12", -1
        if interval > 1 and not quarter:
            rule += f";INTERVAL={interval}"
        no_day = not by_day and month_day is None and not quarter and freq != "DAILY"
        start_day = today
        if no_day:  # "every week", "monthly": counted from today, one interval ahead
            unit = {"WEEKLY": "weeks", "MONTHLY": "months", "YEARLY": "years"}[freq or "WEEKLY"]
            start_day = self._add(today, interval, unit)
            if freq == "WEEKLY":
                by_day = [_RULE_DAYS[start_day.weekday()]]
            elif freq == "MONTHLY":
                month_day = start_day.day if start_day.day <= 28 else -1
        if by_day:
            rule += ";BYDAY=" + ",".join(by_day)
        if month_day is not None and not quarter:
            rule += f";BYMONTHDAY={month_day}"
        elif quarter:
            rule += ";BYMONTHDAY=-1"
        until_at = self._skip(k, ",")
        if self._word(until_at, "until", "till", "til"):
            until = self._date(until_at + 1)
            if until is not None and not until[1].needs_connector:
                end_index, until_part = until
                rule += f";UNTIL={until_part.date.strftime('%Y%m%d')}T235959"
                k = end_index
        due = first_occurrence(
            rule, start_day, clock, self.clock_now if start_day == today else time(0)
        )
        if due is None:
            return None
        return k, due, rule

    # token helpers

    def _word(self, i: int, *words: str) -> bool:
        return (
            i < len(self.tokens) and self.tokens[i].kind == "word" and self.tokens[i].low in words
        )

    def _seq(self, i: int, words: tuple[str, ...]) -> int | None:
        for offset, word in enumerate(words):
            k = i + offset
            if k >= len(self.tokens) or self.tokens[k].low != word:
                return None
        return i + len(words)

    def _skip(self, i: int, *texts: str) -> int:
        """Skip one optional token whose lower-case text is one of ``texts``."""
        if i < len(self.tokens) and self.tokens[i].low in texts:
            return i + 1
        return i

    def _skip_possessive(self, i: int) -> int:
        """Skip "'s" written right after the previous token ("New Year's", "Valentine's")."""
        tokens = self.tokens
        if (
            i + 1 < len(tokens)
            and tokens[i].low in ("'", "’")
            and tokens[i + 1].low == "s"
            and tokens[i - 1].end == tokens[i].start
        ):
            return i + 2
        return i

    def _number(self, i: int, max_value: int) -> tuple[int, int] | None:
        tokens = self.tokens
        if i >= len(tokens):
            return None
        tok = tokens[i]
        if tok.kind == "num" and not tok.ordinal and not tok.ish and len(tok.text) <= 4:
            value = int(tok.text)
            return (i + 1, value) if value <= max_value else None
        after_couple = self._seq(self._skip(i, "a"), ("couple", "of"))
        if after_couple is not None:
            return after_couple, 2
        after_few = self._seq(i, ("a", "few"))
        if after_few is not None:
            return after_few, 3
        if tok.kind == "word" and tok.low in NUMBER_WORDS:
            return i + 1, NUMBER_WORDS[tok.low]
        return None

    def _may_follow(self, i: int) -> bool:
        """Whether a weak phrase ending before token ``i`` stands on its own (no noun follows)."""
        if i >= len(self.tokens):
            return True
        tok = self.tokens[i]
        if tok.kind == "word":
            if i + 1 < len(self.tokens) and self.tokens[i + 1].low == ":":
                return True  # "on the 20th note: ..." starts a new clause
            if tok.text[:1].isupper() and not self.tokens[i - 1].text[:1].isupper():
                return True  # "by the 9th Anna said"; but "Easter Island" is one name
            return tok.low in _CLAUSE_WORDS or tok.low in WEEKDAYS or tok.low in MONTHS
        if tok.kind in ("time", "iso", "numeric"):
            return True
        attached = tok.start == self.tokens[i - 1].end
        return tok.kind == "other" and not (attached and tok.low in ("'", "’", "-", "/"))

    # scanning

    def best(self) -> _Found | None:
        found: list[_Found] = []
        i = 0
        while i < len(self.tokens):
            candidate = self.parse_at(i)
            if candidate is None:
                i += 1
                continue
            found.append(candidate)
            i = candidate.end_index
        # "in 500 years": not a due a person may type (limits.YEARS), so not a due at all.
        found = [f for f in found if f.due.in_range]
        if self.strict:
            # A date written out in full that is already past is a reference, not a due.
            found = [f for f in found if not (f.explicit and f.due.date < self.today)]
        if not found:
            return None
        top = max(f.rank for f in found)
        return next(f for f in found if f.rank == top)  # the first of the highest rank

    def parse_at(self, i: int) -> _Found | None:
        tokens = self.tokens
        first = tokens[i]
        if first.kind == "other" or (first.kind == "word" and first.low not in _START_WORDS):
            return None  # an ordinary word starts no phrase
        start_char = first.start
        if start_char > 0 and self.text[start_char - 1].isalnum():
            return None  # inside a word, e.g. "xmas" must not start "mas..."
        connector: tuple[str, ...] | None = None
        j = i
        if first.kind == "word":
            for words in _CONNECTORS_BY_FIRST.get(first.low, ()):
                after = self._seq(i, words)
                if after is not None:
                    connector, j = words, after
                    break
        if connector is None and self.strict and i > 0 and tokens[i - 1].low in _DETERMINERS:
            return None  # "the Monday Club", "the 4 pm slot", "our Friday meeting"
        result = self._core(j, connector)
        if result is None:
            return None  # without its connector the core is tried when the scan reaches it
        end_index, due, explicit, within, note = result
        end_char = tokens[end_index - 1].end
        rest = self.text[end_char : end_char + 2]
        if rest[:1].isalnum() or (rest[:1] in ("'", "’") and rest[1:2].isalpha()):
            return None  # "Friday's meeting" names a meeting, it is not a due
        rank = _NEUTRAL if connector is None else _CONNECTOR_KIND[connector]
        if within and rank < _DEADLINE:
            rank = _DEADLINE
        if self._word(end_index, "instead"):
            rank = _LANDING  # "not Monday, Thursday instead"
            end_index += 1
            end_char = tokens[end_index - 1].end
        return _Found(due, start_char, end_char, end_index, rank, explicit, note)

    def _core(
        self, j: int, connector: tuple[str, ...] | None
    ) -> tuple[int, Due, bool, bool, str | None] | None:
        """A phrase after the connector: (end index, due, explicit date, introduced by "within",
        note)."""
        try:
            timed = self._timed_relative(j)
            if timed is not None:
                end, due = timed
                return end, due, False, self._word(j, "within", "over"), None
            return self._date_and_time(j, connector)
        except (OverflowError, ValueError):
            return None  # "in 9999 years" and the like: not a date we can hold

    def _date_and_time(
        self, j: int, connector: tuple[str, ...] | None
    ) -> tuple[int, Due, bool, bool, str | None] | None:
        within = self._word(j, "within", "over")
        strict = self.strict
        # Time first: "noon Friday", "3pm on Friday", "at 3 on Friday", "COB Thursday", or a
        # time alone.
        bare_ok = connector in _BARE_HOUR_CONNECTORS or not strict
        lead = self._time(j, bare_hour=bare_ok, in_range=connector == ("from",))
        if lead is not None and lead[1].bare and self._date(j) is not None:
            lead = None  # "at 3 December", "by 15 Jan": a date, not an hour
        if lead is not None:
            k, lead_time = lead
            after = self._skip(self._skip(k, ","), "on")
            dated = self._date(after)
            if dated is not None and not dated[1].needs_connector:
                end, d = dated
                return end, self._combine(d, lead_time, None), d.explicit, within, d.note
            stands = lead_time.strong or connector not in (None, ("on",), ("for",))
            if not strict or (stands and (lead_time.strong or self._may_follow(k))):
                return k, self._time_alone(lead_time), False, within, None
            # "John 3:16", "room 7:30": read on, "at 3 December" is a date.
        dated = self._date(j)
        if dated is None:
            return None
        end, d = dated
        part: str | None = None
        t: _TimePart | None = None
        if d.clock is None and self._word(end, *_PARTS_OF_DAY):
            part = self.tokens[end].low
            end += 1
        if d.clock is None:
            k = self._skip(end, ",")
            at = self._skip(k, "at", "@", "by", "around", "before", "about")
            attached = self._time(at, bare_hour=True)
            if attached is not None and (
                attached[1].strong or at > k or self._may_follow(attached[0])
            ):
                end, t = attached
        if strict and d.abbreviated and connector is None and t is None and part is None:
            return None  # "sat on the call", "the sun deck"
        weak_connector = connector in _WEAK_CONNECTORS
        if strict and d.short_numeric and weak_connector and t is None and part is None:
            return None  # "open 24/7", "for 1/2 the price"
        if strict and d.numeric and connector is None and t is None and not self._may_follow(end):
            return None  # "the 20/11 memo"
        if strict and d.needs_connector and connector is None and t is None:
            return None  # "the 3rd draft"
        deadline = connector is not None and _CONNECTOR_KIND[connector] == _DEADLINE
        weak_here = d.weak and not (deadline and d.needs_connector)
        if strict and weak_here and t is None and part is None and not self._may_follow(end):
            return None  # "on the 3rd floor", "the Christmas party"; "by the 9th urgent" is a due
        if d.before is not None and connector in (("before",), ("by",), ("due", "by")):
            d = replace(d, date=d.before)
        elif connector == ("after",) and t is None and part is None and d.clock is None:
            d = replace(d, date=d.date + timedelta(days=1))
        return end, self._combine(d, t, part), d.explicit, within, d.note

    # pieces

    def _timed_relative(self, j: int) -> tuple[int, Due] | None:
        span = self._relative(j)
        if span is None or span[2] not in _TIMED_UNITS:
            return None
        end, amount, unit = span
        instant = self.now + timedelta(**{unit: amount})  # on UTC, so DST changes are counted right
        local = instant.astimezone(self.tz)
        return end, Due(local.date(), local.time().replace(second=0, microsecond=0))

    def _relative(self, j: int) -> tuple[int, int, str] | None:
        """ "in/within/over [the next|coming] N units ['s time]" or "N units from now/today"."""
        if self._word(j, "in", "within", "over"):
            k = j + 1
            k = self._seq(k, ("the", "next")) or self._seq(k, ("the", "coming")) or k
            k = self._skip(k, "next")
            number = self._number(k, 9999)
            if number is None:
                return None
            k, amount = number
            if not self._word(k, *_UNITS):
                return None
            unit = _UNITS[self.tokens[k].low]
            k += 1
            # "in two weeks time", "in two weeks' time", "in a week's time"
            k2 = self._skip(k, "'", "’")
            k2 = self._skip(k2, "s") if k2 > k else k2
            if self._word(k2, "time"):
                k = k2 + 1
            return self._unit(k, amount, unit)
        number = self._number(j, 9999)
        if number is None or self.tokens[j].low in ("a", "an"):
            return None  # "a day from now" is rare; "a" alone must never start a date
        k, amount = number
        if not self._word(k, *_UNITS):
            return None
        unit = _UNITS[self.tokens[k].low]
        if self._seq(k + 1, ("from", "now")) or self._seq(k + 1, ("from", "today")):
            return self._unit(k + 3, amount, unit)
        return None

    @staticmethod
    def _unit(end: int, amount: int, unit: str) -> tuple[int, int, str]:
        if unit == "fortnights":
            return end, amount * 2, "weeks"
        return end, amount, unit

    def _time(
        self, i: int, bare_hour: bool, in_range: bool = False
    ) -> tuple[int, _TimePart] | None:
        """ "3pm", "15:00", "8.45", "noon", "midnight", "COB", "quarter to five", "half past
        one", "five o'clock", "3ish", and a bare hour ("at 4") when ``bare_hour``. After "from"
        (``in_range``) "five to six" is a range, not 17:55."""
        tokens = self.tokens
        if i >= len(tokens):
            return None
        tok = tokens[i]
        if tok.kind == "time":
            part = _TimePart(
                tok.clock, tok.meridiem, strong=tok.meridiem, as_written=tok.as_written
            )
            if tok.dotted and not bare_hour:
                return None  # "version 3.12", "£3.50": a dotted time needs a connector
            return i + 1, part
        if tok.kind == "word" and tok.low in ("noon", "midday"):
            return i + 1, _TimePart(time(12, 0), meridiem=True)
        if tok.kind == "word" and tok.low == "midnight":
            return i + 1, _TimePart(None, meridiem=True)
        if self._seq(i, ("first", "thing")):
            return i + 2, _TimePart(time(9, 0), meridiem=True)
        for words in _END_OF_BUSINESS_WORDS:
            if words[0] != tok.low:
                continue
            end = self._seq(i, words)
            if end is not None:
                return end, _TimePart(self.end_of_business, meridiem=True)
        word_clock = None if in_range else self._word_clock(i)
        if word_clock is not None:
            return word_clock
        hour = self._hour(i)
        if hour is not None:
            k, value = hour
            if self._word(k, "oclock"):
                return k + 1, _TimePart(time(value % 24, 0), strong=True)
            if tok.kind == "num" and tok.ish:
                return k, _TimePart(time(value % 24, 0), strong=True)
            if bare_hour and tok.kind == "num":
                return k, _TimePart(time(value % 24, 0), strong=False, bare=True)
            if bare_hour and tok.kind == "word" and tok.low not in ("a", "an"):
                return k, _TimePart(time(value % 24, 0), strong=False, bare=True)
        return None

    def _hour(self, i: int) -> tuple[int, int] | None:
        """An hour 0-23 written as digits ("4", "4ish") or 1-12 as a word ("four")."""
        tok = self.tokens[i] if i < len(self.tokens) else None
        if tok is None:
            return None
        if tok.kind == "num" and not tok.ordinal and len(tok.low) <= 2:
            value = int(tok.low)
            return (i + 1, value) if value <= 23 else None
        if tok.kind == "word" and tok.low in NUMBER_WORDS and NUMBER_WORDS[tok.low] <= 12:
            if tok.low == "few":
                return None
            return i + 1, NUMBER_WORDS[tok.low]
        return None

    def _word_clock(self, i: int) -> tuple[int, _TimePart] | None:
        """ "[a] quarter to five", "half past one", "ten past 4", "twenty-five to six", "half
        two" (British: 2:30)."""
        k = self._skip(i, "a")
        tokens = self.tokens
        if k >= len(tokens):
            return None
        minutes: int | None = None
        tok = tokens[k]
        if tok.low in _MINUTE_WORDS:
            minutes = _MINUTE_WORDS[tok.low]
            k += 1
            if minutes == 20 and self._word(self._skip(k, "-"), "five"):
                minutes, k = 25, self._skip(k, "-") + 1
        elif tok.kind == "num" and not tok.ordinal and not tok.ish and len(tok.low) <= 2:
            minutes = int(tok.low)
            k += 1
            if not self._word(k, "past", "to", "after") or not 1 <= minutes <= 59:
                return None
            if minutes % 5:
                return None  # "2 to 4" is a range; people say "ten to", "25 past"
        if minutes is None or (k - 1 == i and tok.low == "a"):
            return None
        if self._word(k, "past", "after", "to"):
            towards = self.tokens[k].low == "to"
            hour = self._hour(k + 1)
            if hour is None or not 1 <= hour[1] <= 12:
                return None
            end, value = hour
            if not self._may_follow(end):
                return None  # "ten to one chance", "5 to 10 people"
            total = value * 60 + (-minutes if towards else minutes)
            clock = time((total // 60) % 24, total % 60)
            return end, _TimePart(clock, strong=True)
        if tok.low == "half" and k == i + 1:
            hour = self._hour(k)  # "half two"
            if hour is not None and 1 <= hour[1] <= 12 and self._may_follow(hour[0]):
                return hour[0], _TimePart(time(hour[1], 30), strong=True)
        return None

    def _date(self, j: int) -> tuple[int, _DatePart] | None:
        tokens, today = self.tokens, self.today
        if j >= len(tokens):
            return None
        tok = tokens[j]
        low = tok.low
        if tok.kind == "iso":
            return j + 1, _DatePart(
                date.fromisoformat(tok.text[:10]), clock=tok.clock, explicit=True
            )
        if tok.kind == "numeric":
            return self._numeric(j)
        idiom = self._idiom(j)
        if idiom is not None:
            return idiom
        if tok.kind == "num" or tok.low in NUMBER_WORDS:
            span = self._relative(j)  # "2 days from now"
            if span is not None and span[2] not in _TIMED_UNITS:
                end, amount, unit = span
                return end, _DatePart(self._add(today, amount, unit))
            if tok.kind != "num":
                return None
            return self._day_month(j) or self._day_alone(j)
        if tok.kind != "word":
            return None
        holiday = self._holiday(j)
        if holiday is not None:
            return holiday
        seq_end = self._seq(self._skip(j, "the"), ("day", "after", "tomorrow"))
        if seq_end is not None:
            return seq_end, _DatePart(today + timedelta(days=2))
        if low == "today":
            return j + 1, _DatePart(today)
        if low == "tomorrow":
            return j + 1, _DatePart(today + timedelta(days=1))
        if low == "tonight":
            return j + 1, _DatePart(today, part_of_day="night")
        if low == "this":
            return self._this(j + 1)
        if low == "next":
            return self._next(j + 1)
        if low in ("end", "the"):
            # "the end of May", "the 15th of May", "the 9th"
            return self._end_of(j) or self._day_month(j) or self._day_alone(j)
        if low in ("in", "within", "over"):
            span = self._relative(j)
            if span is None or span[2] in _TIMED_UNITS:
                return None
            end, amount, unit = span
            return end, _DatePart(self._add(today, amount, unit))
        if low in MONTHS:
            return self._month_day(j)
        if low in ORDINAL_WORDS or low in ORDINAL_TENS:
            return self._day_month(j)  # "first of March"; a day alone needs "the"
        if low in WEEKDAYS or low in WEEKDAY_ABBREVIATIONS:
            return self._weekday_date(j)
        return None

    def _weekday_date(self, j: int) -> tuple[int, _DatePart] | None:
        """ "Friday", "Friday, 20 November", "Fri 20/11", "Sunday the 6th"."""
        tokens, today = self.tokens, self.today
        tok = tokens[j]
        low = tok.low
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            self.strict
            and tok.text[:1].isupper()
            and nxt is not None
            and nxt.kind == "word"
            and nxt.text[:1].isupper()
            and not tok.text.isupper()
            and nxt.low not in MONTHS
            and nxt.low not in _CLAUSE_WORDS
            and nxt.low not in _PARTS_OF_DAY
            and nxt.low not in ("week", "at", "by")
            and self._time(j + 1, bare_hour=False) is None  # "Fri EOD" is a time
        ):
            return None  # "the Saturday Gazette", "Monday Club": a name
        weekday = WEEKDAYS.get(low, WEEKDAY_ABBREVIATIONS.get(low))
        assert weekday is not None
        # "Friday, 20 November" is the written date; the weekday is just a courtesy.
        after = self._skip(j + 1, ",")
        written = self._day_month(after)
        numeric = self._numeric(after)
        if written is None and numeric is not None:  # "Fri 20/11": the weekday supports it
            written = numeric[0], replace(numeric[1], short_numeric=False)
        if written is None and self._word(after, *MONTHS):
            written = self._month_day(after)
        if written is not None:
            return written
        day_alone = self._day_alone(after)
        if day_alone is not None:  # "Sunday the 6th": the next 6th that is a Sunday
            end, part = day_alone
            day_of_month = part.date.day
            candidate = part.date
            for _ in range(28):
                if candidate.weekday() == weekday:
                    return end, replace(part, needs_connector=False)
                candidate = self._next_day_of_month(candidate + timedelta(days=1), day_of_month)
            return end, replace(part, needs_connector=False)
        ahead = (weekday - today.weekday()) % 7
        part = _DatePart(
            today + timedelta(days=ahead or 7),
            today_if_later=ahead == 0,
            abbreviated=low not in WEEKDAYS,
        )
        return j + 1, part

    def _idiom(self, j: int) -> tuple[int, _DatePart] | None:
        """The first (longest) pattern of ``_IDIOMS`` that matches at ``j``."""
        if j >= len(self.tokens):
            return None
        for pattern, meaning in _idioms_for(self.tokens[j].low):
            captured: dict[str, int] = {}
            k = j
            for word in pattern:
                if k < len(self.tokens) and self.tokens[k].low == "-":
                    k += 1  # "mid-March", "month-end"
                low = self.tokens[k].low if k < len(self.tokens) else None
                if low is None:
                    break
                if word == "{weekday}" and (low in WEEKDAYS or low in WEEKDAY_ABBREVIATIONS):
                    captured["weekday"] = WEEKDAYS.get(low, WEEKDAY_ABBREVIATIONS.get(low, 0))
                elif word == "{month}" and low in MONTHS:
                    captured["month"] = MONTHS[low]
                elif word == "{nth}" and (low in _NTH or low == _NTH_LAST):
                    captured["nth"] = _NTH.get(low, 5)
                elif word != low:
                    break
                k += 1
            else:
                part = self._meaning(meaning, captured)
                if part is not None:
                    return k, part
        return None

    def _meaning(self, meaning: str, captured: dict[str, int]) -> _DatePart | None:
        today = self.today
        name, _, argument = meaning.partition(":")
        next_monday = today + timedelta(days=7 - today.weekday())
        resolvers: dict[str, Callable[[], _DatePart | None]] = {
            "next_week_day": lambda: _DatePart(next_monday + timedelta(days=int(argument))),
            "end_of_week": lambda: _DatePart(self._end_of_week(today)),
            "end_of_month": lambda: _DatePart(_last_of_month(today.year, today.month)),
            "end_of_quarter": lambda: _DatePart(
                _last_of_month(today.year, (today.month - 1) // 3 * 3 + 3)
            ),
            "mid_month": lambda: _DatePart(
                today.replace(day=15)
                if today.day <= 15
                else self._add(today.replace(day=15), 1, "months")
            ),
            "mid_next_month": lambda: _DatePart(self._add(today.replace(day=15), 1, "months")),
            "mid_month_of": lambda: _DatePart(self._next_month_day(captured["month"], 15)),
            "week_of_month": lambda: self._week_of_month(captured["nth"], captured["month"]),
            "weekday_week": lambda: _DatePart(
                today + timedelta(days=((captured["weekday"] - today.weekday()) % 7 or 7) + 7)
            ),
            "days": lambda: _DatePart(today + timedelta(days=int(argument))),
            "weekend": lambda: self._weekend(int(argument)),
        }
        return resolvers[name]()

    def _week_of_month(self, nth: int, month: int) -> _DatePart:
        year = today_year = self.today.year
        for year in (today_year, today_year + 1):
            last = _last_of_month(year, month).day
            day = last if nth == 5 else 7 * nth
            if date(year, month, day) >= self.today:
                break
        return _DatePart(date(year, month, last if nth == 5 else 7 * nth))

    def _weekend(self, later: int) -> _DatePart:
        today = self.today
        sunday = today + timedelta(days=6 - today.weekday()) + timedelta(weeks=later)
        friday = sunday - timedelta(days=2)
        return _DatePart(sunday, before=friday if friday >= today else today)

    def _holiday(self, j: int) -> tuple[int, _DatePart] | None:
        """ "Christmas", "Christmas Eve", "New Year's Eve", "Easter", "Good Friday", ..."""
        k = self._skip(j, "the")
        words: list[str] = []
        ends: list[int] = []
        while k < len(self.tokens) and len(words) < 3 and self.tokens[k].kind == "word":
            low = self.tokens[k].low
            k += 1
            after = self._skip_possessive(k)
            if after > k:
                low, k = low + "s", after  # "year's" -> "years"
            words.append(low)
            ends.append(k)
        for n in range(len(words), 0, -1):
            name = tuple(words[:n])
            if name in HOLIDAYS:
                for year in (self.today.year, self.today.year + 1):
                    day, break_start = holiday_in(name, year)
                    if day >= self.today:
                        before = weekday_before(break_start)
                        return ends[n - 1], _DatePart(day, weak=True, before=before)
        return None

    def _this(self, k: int) -> tuple[int, _DatePart] | None:
        today = self.today
        if self._word(k, *_PARTS_OF_DAY):
            return k + 1, _DatePart(today, part_of_day=self.tokens[k].low)
        weekday = self._weekday(k)
        if weekday is not None:
            return k + 1, _DatePart(today + timedelta(days=(weekday - today.weekday()) % 7))
        if self._word(k, "week"):
            return k + 1, _DatePart(self._end_of_week(today))
        if self._word(k, "month"):
            return k + 1, _DatePart(_last_of_month(today.year, today.month))
        return None

    def _next(self, k: int) -> tuple[int, _DatePart] | None:
        today = self.today
        next_monday = today + timedelta(days=7 - today.weekday())
        weekday = self._weekday(k)
        if weekday is not None:
            return k + 1, _DatePart(next_monday + timedelta(days=weekday))
        if self._word(k, "week"):
            return k + 1, _DatePart(next_monday + timedelta(days=4))
        if self._word(k, "month"):
            following = self._add(today.replace(day=1), 1, "months")
            return k + 1, _DatePart(_last_of_month(following.year, following.month))
        return None

    def _end_of(self, j: int) -> tuple[int, _DatePart] | None:
        """ "[the] end of (the|this|next) (week|month|year)", "end of March"."""
        k = self._seq(self._skip(j, "the"), ("end", "of"))
        if k is None:
            return None
        today = self.today
        if self._word(k, "next"):
            return self._next(k + 1) if self._word(k + 1, "week", "month") else None
        k = self._skip(k, "the", "this")
        if self._word(k, "week"):
            return k + 1, _DatePart(self._end_of_week(today))
        if self._word(k, "month"):
            return k + 1, _DatePart(_last_of_month(today.year, today.month))
        if self._word(k, "year"):
            return k + 1, _DatePart(date(today.year, 12, 31))
        if self._word(k, *MONTHS):
            month = MONTHS[self.tokens[k].low]
            year = today.year if month >= today.month else today.year + 1
            return k + 1, _DatePart(_last_of_month(year, month))
        return None

    def _weekday(self, k: int) -> int | None:
        if self._word(k, *WEEKDAYS):
            return WEEKDAYS[self.tokens[k].low]
        if self._word(k, *WEEKDAY_ABBREVIATIONS):
            return WEEKDAY_ABBREVIATIONS[self.tokens[k].low]
        return None

    def _day(self, k: int) -> tuple[int, int, bool] | None:
        """A day of the month at ``k``: "15", "15th", "fifteenth", "twenty-second":
        (end index, day, said as an ordinal)."""
        tok = self.tokens[k] if k < len(self.tokens) else None
        if tok is None:
            return None
        if tok.kind == "num" and not tok.ish:
            if len(tok.low) > 2:
                return None
            day = int(tok.low)
            return (k + 1, day, tok.ordinal) if 1 <= day <= 31 else None
        if tok.kind != "word":
            return None
        if tok.low in ORDINAL_TENS:
            after = self._skip(k + 1, "-")
            if self._word(after, *ORDINAL_UNITS):
                day = ORDINAL_TENS[tok.low] + ORDINAL_UNITS[self.tokens[after].low]
                return (after + 1, day, True) if day <= 31 else None
            return None
        if tok.low in ORDINAL_WORDS:
            return k + 1, ORDINAL_WORDS[tok.low], True
        return None

    def _year(self, k: int) -> tuple[int, int, bool] | None:
        """ "2027" or "'27" at ``k``: (end index, year, written with two digits)."""
        tokens = self.tokens
        if k < len(tokens) and tokens[k].low in ("'", "’") and k + 1 < len(tokens):
            mark, digits = tokens[k], tokens[k + 1]
            two_digits = digits.kind == "num" and not digits.ordinal and len(digits.text) == 2
            if two_digits and mark.end == digits.start:
                return k + 2, int(digits.text), True
            return None
        tok = tokens[k] if k < len(tokens) else None
        if tok is None or tok.kind != "num" or tok.ordinal or len(tok.text) != 4:
            return None
        year = int(tok.text)
        return (k + 1, year, False) if 1900 <= year <= 2199 else None

    def _day_month(self, j: int) -> tuple[int, _DatePart] | None:
        """ "[the] 15[th] [of] January [2027]", "the first of March"."""
        k = self._skip(j, "the")
        day = self._day(k)
        if day is None:
            return None
        k, day_of_month, _ordinal = day
        k = self._skip(k, "of")
        if not self._word(k, *MONTHS):
            return None
        month = MONTHS[self.tokens[k].low]
        return self._with_year(k + 1, month, day_of_month)

    def _day_alone(self, j: int) -> tuple[int, _DatePart] | None:
        """ "the 9th", "9th", "the twenty-second", "the 9th of the month": the next such day."""
        k = self._skip(j, "the")
        day = self._day(k)
        if day is None:
            return None
        end, day_of_month, ordinal = day
        if not ordinal or (k == j and self.tokens[k].kind == "word"):
            return None  # "by 9" is an hour; "first" alone is an ordinary word
        after = self._seq(end, ("of", "the", "month")) or self._seq(end, ("of", "this", "month"))
        if after is None:
            after = self._seq(end, ("of", "next", "month"))
            if after is not None:
                start = self._add(self.today.replace(day=1), 1, "months")
                return after, _DatePart(self._next_day_of_month(start, day_of_month))
            after = end
        return after, _DatePart(
            self._next_day_of_month(self.today, day_of_month), weak=True, needs_connector=True
        )

    @staticmethod
    def _next_day_of_month(start: date, day_of_month: int) -> date:
        """The first date on or after ``start`` that is that day of its month."""
        year, month = start.year, start.month
        if start.day > day_of_month:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        while calendar.monthrange(year, month)[1] < day_of_month:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(year, month, day_of_month)

    def _next_month_day(self, month: int, day: int) -> date:
        """That day and month this year, or next year's once it has passed."""
        for year in range(self.today.year, self.today.year + 9):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue  # 29 February
            if candidate >= self.today:
                return candidate
        raise ValueError(f"no {day}/{month} ahead")

    def _month_day(self, j: int) -> tuple[int, _DatePart] | None:
        """ "January 15[th] [2027]", "Dec. 3", "January the 15th"."""
        month = MONTHS[self.tokens[j].low]
        k = self._skip(j + 1, ".")
        k = self._skip(k, "the")
        day = self._day(k)
        if day is None or (self.tokens[k].kind == "word" and k == self._skip(j + 1, ".")):
            return None  # a month name alone ("the may event", "June from accounts") is no date
        return self._with_year(day[0], month, day[1])

    def _with_year(self, k: int, month: int, day: int) -> tuple[int, _DatePart] | None:
        """An optional year at ``k`` ("2027", ", 2027", ". 2027" after "Jan", "'27"), then the
        date: a day and month without a year is the next one that has not passed."""
        after = k
        if self.tokens[k - 1].low in MONTHS:
            after = self._skip(after, ".")  # "15 Jan. 2027"; a "." with no year ends a sentence
        after = self._skip(after, ",")
        year_found = self._year(after)
        if year_found is None:
            try:
                return k, _DatePart(self._next_month_day(month, day))
            except ValueError:
                return None  # "31 November"
        end, year, two_digit = year_found
        if two_digit:
            year += self.today.year // 100 * 100
        try:
            return end, _DatePart(date(year, month, day), explicit=True)
        except ValueError:
            return None

    def _numeric(self, j: int) -> tuple[int, _DatePart] | None:
        """ "20/11", "11/23", "20/11/2027", "20/11/27", "20.11.2027": the valid order, else the
        locale's."""
        tok = self.tokens[j] if j < len(self.tokens) else None
        if tok is None or tok.numeric is None:
            return None
        first, second, year, two_digit = tok.numeric
        if year is not None and two_digit:
            year += self.today.year // 100 * 100
        orders = ["DMY"] if tok.dotted else ["DMY", "MDY"]
        readings: dict[str, date] = {}
        for order in orders:
            day, month = (first, second) if order == "DMY" else (second, first)
            try:
                if year is None:
                    readings[order] = self._next_month_day(month, day)
                else:
                    readings[order] = date(year, month, day)
            except ValueError:
                continue
        if not readings:
            return None
        note: str | None = None
        if len(readings) == 1:
            chosen = next(iter(readings.values()))
        else:
            order = self.date_order
            chosen = readings[order]
            if first != second:
                if order == "DMY":
                    said = tr(
                        "{written} read as {day} {month}: day first, as your locale writes dates"
                    )
                else:
                    said = tr(
                        "{written} read as {day} {month}: month first, as your locale writes dates"
                    )
                note = said.format(
                    written=tok.text, day=chosen.day, month=_month_name(chosen.month)
                )
        short = year is None and (len(readings) > 1 or tok.low == "24/7")
        part = _DatePart(
            chosen, explicit=year is not None, short_numeric=short, numeric=True, note=note
        )
        return j + 1, part

    # resolution

    def _combine(self, d: _DatePart, t: _TimePart | None, part: str | None) -> Due:
        part = part or d.part_of_day
        clock: time | None
        if t is not None:
            clock = t.resolved(part)
        elif part is not None:
            clock = _PARTS_OF_DAY[part]
        else:
            clock = d.clock
        day = d.date
        if d.today_if_later and clock is not None and clock > self.clock_now:
            day = self.today
        return Due(day, clock)

    def _time_alone(self, t: _TimePart) -> Due:
        clock = t.resolved(None)
        if clock is None:
            return Due(self.today)  # "by midnight": the end of today
        if clock > self.clock_now:
            return Due(self.today, clock)
        return Due(self.today + timedelta(days=1), clock)

    @staticmethod
    def _end_of_week(today: date) -> date:
        friday = today + timedelta(days=4 - today.weekday())
        return friday if friday >= today else today + timedelta(days=6 - today.weekday())

    @staticmethod
    def _add(start: date, amount: int, unit: str) -> date:
        if unit == "days":
            return start + timedelta(days=amount)
        if unit == "weeks":
            return start + timedelta(weeks=amount)
        months = amount * (12 if unit == "years" else 1)
        years, month_index = divmod(start.month - 1 + months, 12)
        year, month = start.year + years, month_index + 1
        return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _last_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_OPENERS = "([{"
_CLOSERS = ")]}"


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, tidied where the cut was; never longer than text."""
    left, right = text[:start].rstrip(), text[end:].lstrip()
    if left and right and left[-1] in _OPENERS and right[0] == _CLOSERS[_OPENERS.index(left[-1])]:
        left, right = left[:-1].rstrip(), right[1:].lstrip()  # "(by Friday)" leaves no "()"
    if not left:
        right = right.lstrip(",;:-–— ")  # "Tomorrow: call Bob" -> "call Bob"
    if not right:
        left = left.rstrip(",;:-–— ")
    if left and right and right[0] not in ",.;:!?" + _CLOSERS and left[-1] not in _OPENERS:
        return f"{left} {right}".strip()
    return f"{left}{right}".strip()


def _month_name(month: int) -> str:
    """A month's full name in the user's language, for a reading's note (the phrases themselves
    are read in English words)."""
    names = (
        tr("January"), tr("February"), tr("March"), tr("April"), tr("May", "month"), tr("June"),
        tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
        tr("December"),
    )  # fmt: skip
    return names[month - 1]
