"""Reading a promise's due out of words: quick-capture text and ``--due WHEN`` values.

This module owns the due-phrase grammar: which words count as a date ("by Friday",
"tomorrow at 3pm", "within 48 hours", "15 January"), how a phrase resolves relative to now in the
local zone, and what is left of the text once the phrase is taken out. It returns ``Due`` values
(``services/due.py``).

Why a hand-written recogniser instead of ``dateparser.search.search_dates``: checked on real
input, dateparser reads ordinary words as dates ("ask about the sun deck" -> a Sunday, "sat on the
call" -> a Saturday, "the may event" -> 18 May, "the 3rd draft" -> 18 March, "now", "in a
second"), returns midnight or now's clock time for date-only phrases so "by Friday" and "Friday at
00:00" cannot be told apart, drops "within" from the phrase it found, and adds hours on naive wall
time, so "in 48 hours" across a daylight-saving change is an hour off. Here a small tokenised
grammar finds the phrase and plain date arithmetic resolves relative ones; every accepted form
is tested.

dateparser does the part it is good at: once the grammar has found a written date ("15 January",
"Jan 15th", "the 3rd of December", "3 Dec 2027", "20/11", "3/12/2027", "3.12.2027"), the span goes
to ``dateparser`` (English, future dates, absolute-time parser only) to be resolved; the grammar
keeps deciding whether a span is a date at all. Its gaps, measured on 1.5 and wrapped in
``_resolve_written``: a day and month that is today comes back as next year's (even with a midnight
base); two-digit years are pushed into the future ("3/12/20" is 2120); a parse it cannot do is None.
So its month and day are checked against what the grammar read, the year of a date written without
one is chosen here (the next one that has not passed), a two-digit year is this century's, and any
failure or disagreement means no date. Numeric dates are day first (``DATE_ORDER`` "DMY"): "12/03"
is 12 March, as in most of the world and in this app's other formats; month-first readers see the
read due in the UI to correct it.

Choices (the tests pin each of them):
- A bare weekday that is today's weekday means a week from today, unless a time later today is
  given ("Wednesday 3pm" on a Wednesday morning is today). "this Friday" is the coming Friday
  (today if it is Friday); "next Friday" is the Friday of next calendar week (weeks start Monday).
- A day and month that has passed this year means next year's; a time alone that has passed today
  means tomorrow's. An explicit year is kept as written, but in free text a date before today is
  not read as a due (it is more likely a reference, e.g. "invoice of 2025-03-01").
- morning 09:00, afternoon 14:00, noon 12:00, evening 18:00, night and "tonight" 20:00.
  "midnight" is the end of the day, which is what a date-only due means, so it gives one.
- A time without am/pm is a 24-hour clock time as written ("7:30" is 07:30, "at 3" is 03:00),
  except after afternoon/evening/night/tonight where 1-11 means pm ("tonight at 9" is 21:00).
- Numeric dates: "20/11", "20/11/2027", "20/11/27" and "20.11.2027" (a dotted one needs its year).
  "20/11" without a year is weak like a weekday abbreviation: it needs a connector other than
  "at"/"for", or a time next to it ("open 24/7", "for 1/2 the price" are no dues).
- A month name needs a day next to it ("the may event", "the march rally" are not dates); a
  weekday abbreviation ("sat", "sun", "wed", "mon") needs a connector, "this"/"next" or a time next
  to it; a time like "7:30" on its own needs "at"/"by"/"before"/"until" ("John 3:16" is no due).
- "end of week"/"this week" is this week's Friday (its Sunday once Friday has passed), "next week"
  next week's Friday; "end of month"/"this month" the month's last day, "next month" next month's.
- Hours and minutes ("within 48 hours") give a timed due computed on UTC instants, to the minute;
  days, weeks, months and years give a date-only due.
- When the text holds several date phrases, the first one introduced by a deadline word ("by",
  "before", "until", "due", "within", ...) wins, else the first one.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from ckbook.services.clock import as_utc
from ckbook.services.due import Due
from ckbook.services.limits import YEARS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


@dataclass(frozen=True)
class DueReading:
    due: Due | None
    """None when the text has no date."""
    text: str
    """The text with the date phrase (and its connecting word) removed, whitespace tidied."""
    phrase: str | None
    """The part of the original text that was read as the due, e.g. ``"by Friday"``."""


def read_due(text: str, now: datetime, tz: tzinfo) -> DueReading:
    """Find a due in free text; ``now`` is an aware instant, phrases are read in local zone ``tz``.

    Text without a date comes back stripped, with ``due`` and ``phrase`` None.
    """
    reader = _Reader(text, now, tz, strict=True)
    found = reader.best()
    if found is None:
        return DueReading(None, text.strip(), None)
    start, end = found.start, found.end
    # As the clock will show it: a time in a daylight-saving gap moved on (clock.local_instant).
    return DueReading(found.due.on_the_clock(tz), _cut(text, start, end), text[start:end])


def parse_due(value: str, now: datetime, tz: tzinfo) -> Due:
    """Read a ``--due WHEN`` value or a correction field.

    Takes an ISO date (``2026-11-20``), an ISO local date-time (``2026-11-20T15:00``) or a phrase
    ("next Friday 3pm"); the whole value must be the date. Raises ValueError naming the value.
    """
    stripped = value.strip()
    if _ISO_SHAPE.fullmatch(stripped):
        return Due.from_iso(stripped).on_the_clock(tz)  # its ValueError names the value
    if stripped:
        # Lenient mode: the whole value is meant as a date, so "sun" is Sunday and "7:30" is a time.
        reader = _Reader(stripped, now, tz, strict=False)
        found = reader.parse_at(0)
        if found is not None and found.end_index == len(reader.tokens):
            if not found.due.in_range:
                raise ValueError(
                    f"{value!r} is {found.due.date.isoformat()}, out of range: "
                    f"the year must be {YEARS.describe()}"
                )
            return found.due.on_the_clock(tz)
    raise ValueError(
        f"cannot read {value!r} as a due; use YYYY-MM-DD, YYYY-MM-DDTHH:MM "
        "or a phrase like 'next Friday 3pm'"
    )


# --- vocabulary -------------------------------------------------------------------------------

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
    "sun": 6,
}  # fmt: skip
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
}  # fmt: skip
_UNITS = {
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "h": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years", "yr": "years",
    "yrs": "years",
}  # fmt: skip
_TIMED_UNITS = {"minutes", "hours"}
_PARTS_OF_DAY = {
    "morning": time(9, 0),
    "afternoon": time(14, 0),
    "evening": time(18, 0),
    "night": time(20, 0),
}
_PM_PARTS = {"afternoon", "evening", "night"}

# Longest first, so "due by" wins over "due".
_CONNECTORS: tuple[tuple[str, ...], ...] = (
    ("no", "later", "than"),
    ("on", "or", "before"),
    ("due", "by"),
    ("due", "on"),
    ("due",),
    ("by",),
    ("before",),
    ("until",),
    ("till",),
    ("til",),
    ("on",),
    ("at",),
    ("for",),
)
_NON_DEADLINE_CONNECTORS = {("on",), ("at",), ("for",)}
# A clock time like "7:30" with nothing else needs one of these in front to count as a due.
_TIME_ONLY_CONNECTORS = {c for c in _CONNECTORS if c not in {("on",), ("for",)}}

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
    | (?P<clock>(?P<h24>[0-9]{1,2}):(?P<m24>[0-9]{2}))(?![0-9])
    | (?P<num>[0-9]+)(?:(?P<ord>st|nd|rd|th)(?![a-z]))?
    | (?P<word>[a-z]+)
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
    ordinal: bool = False
    clock: time | None = None  # for "time" tokens, and "iso" tokens with a time
    meridiem: bool = False  # the time said am or pm
    numeric: tuple[int, int, int | None, bool] | None = None  # day, month, year, two-digit year

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN_RE.finditer(text):
        start, end, raw = m.start(), m.end(), m.group()
        if m.group("iso"):
            clock = None
            if m.group("iso_h") is not None:
                clock = _valid_clock(int(m.group("iso_h")), int(m.group("iso_m")))
                if clock is None:
                    tokens.append(_Token("other", raw, start, end))
                    continue
            tokens.append(_Token("iso", raw, start, end, clock=clock))
        elif m.group("slashed") or m.group("dotted"):
            slashed = m.group("slashed") is not None
            day, month = (int(m.group(g)) for g in (("sd", "sm") if slashed else ("dd", "dm")))
            year_text = m.group("sy") if slashed else m.group("dy")
            if 1 <= day <= 31 and 1 <= month <= 12:
                year = int(year_text) if year_text else None
                two_digit = year_text is not None and len(year_text) == 2
                numeric = (day, month, year, two_digit)
                tokens.append(_Token("numeric", raw, start, end, numeric=numeric))
            else:
                tokens.append(_Token("other", raw, start, end))  # "50/50" is no date
        elif m.group("ampm_time"):
            hour, minute = int(m.group("h12")), int(m.group("m12") or 0)
            clock = None
            if 1 <= hour <= 12:
                hour = hour % 12 + (12 if m.group("meridiem").lower() == "p" else 0)
                clock = _valid_clock(hour, minute)
            kind = "time" if clock is not None else "other"
            tokens.append(_Token(kind, raw, start, end, clock=clock, meridiem=True))
        elif m.group("clock"):
            clock = _valid_clock(int(m.group("h24")), int(m.group("m24")))
            tokens.append(_Token("time" if clock else "other", raw, start, end, clock=clock))
        elif m.group("num"):
            tokens.append(_Token("num", raw, start, end, ordinal=m.group("ord") is not None))
        elif m.group("word"):
            tokens.append(_Token("word", raw, start, end))
        else:
            tokens.append(_Token("other", raw, start, end))
    return tokens


def _valid_clock(hour: int, minute: int) -> time | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return time(hour, minute)
    return None


# --- parsed pieces ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _DatePart:
    date: date
    today_if_later: bool = (
        False  # bare weekday equal to today's: today only if a later time follows
    )
    abbreviated: bool = False  # a bare weekday abbreviation, which needs support to count
    part_of_day: str | None = None  # "tonight", "this evening"
    clock: time | None = None  # an ISO date-time
    explicit: bool = False  # an ISO date or a date with a year
    short_numeric: bool = False  # "20/11": needs a connector (not at/for) or a time to count


@dataclass(frozen=True)
class _TimePart:
    clock: time | None  # None for midnight: the end of the day, i.e. a date-only due
    meridiem: bool = False
    strong: bool = True  # enough on its own (3pm, noon); "7:30" or "at 3" is not
    bare: bool = False  # a bare hour ("at 3"), only ever a time next to a date


@dataclass(frozen=True)
class _Found:
    due: Due
    start: int  # character span in the text, connector included
    end: int
    end_index: int  # token index after the phrase
    deadline_word: bool
    explicit: bool


class _Reader:
    """Finds due phrases in one text; ``strict`` is off for parse_due, where all of it is a date."""

    def __init__(self, text: str, now: datetime, tz: tzinfo, strict: bool) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.now = as_utc(now, tz)
        self.tz = tz
        local = self.now.astimezone(tz)
        self.today = local.date()
        self.clock_now = local.time()
        self.strict = strict

    # token helpers

    def _word(self, i: int, *words: str) -> bool:
        return (
            i < len(self.tokens) and self.tokens[i].kind == "word" and self.tokens[i].low in words
        )

    def _seq(self, i: int, words: tuple[str, ...]) -> int | None:
        for offset, word in enumerate(words):
            if not self._word(i + offset, word):
                return None
        return i + len(words)

    def _skip(self, i: int, *texts: str) -> int:
        """Skip one optional token whose lower-case text is one of ``texts``."""
        if i < len(self.tokens) and self.tokens[i].low in texts:
            return i + 1
        return i

    def _number(self, i: int, max_value: int) -> tuple[int, int] | None:
        tokens = self.tokens
        if i >= len(tokens):
            return None
        tok = tokens[i]
        if tok.kind == "num" and not tok.ordinal and len(tok.text) <= 4:
            value = int(tok.text)
            return (i + 1, value) if value <= max_value else None
        after_couple = self._seq(self._skip(i, "a"), ("couple", "of"))
        if after_couple is not None:
            return after_couple, 2
        if tok.kind == "word" and tok.low in _NUMBER_WORDS:
            return i + 1, _NUMBER_WORDS[tok.low]
        return None

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
        for candidate in found:
            if candidate.deadline_word:
                return candidate
        return found[0] if found else None

    def parse_at(self, i: int) -> _Found | None:
        tokens = self.tokens
        start_char = tokens[i].start
        if start_char > 0 and self.text[start_char - 1].isalnum():
            return None  # inside a word, e.g. "xmas" must not start "mas..."
        connector: tuple[str, ...] | None = None
        j = i
        for words in _CONNECTORS:
            after = self._seq(i, words)
            if after is not None:
                connector, j = words, after
                break
        result = self._core(j, connector)
        if result is None:
            return None  # without its connector the core is tried when the scan reaches it
        end_index, due, explicit, within = result
        end_char = tokens[end_index - 1].end
        rest = self.text[end_char : end_char + 2]
        if rest[:1].isalnum() or (rest[:1] in ("'", "’") and rest[1:2].isalpha()):
            return None  # "Friday's meeting" names a meeting, it is not a due
        deadline_word = within or (
            connector is not None and connector not in _NON_DEADLINE_CONNECTORS
        )
        return _Found(due, start_char, end_char, end_index, deadline_word, explicit)

    def _core(
        self, j: int, connector: tuple[str, ...] | None
    ) -> tuple[int, Due, bool, bool] | None:
        """A phrase after the connector: (end index, due, explicit date, introduced by "within")."""
        try:
            timed = self._timed_relative(j)
            if timed is not None:
                end, due = timed
                return end, due, False, self._word(j, "within")
            return self._date_and_time(j, connector)
        except (OverflowError, ValueError):
            return None  # "in 9999 years" and the like: not a date we can hold

    def _date_and_time(
        self, j: int, connector: tuple[str, ...] | None
    ) -> tuple[int, Due, bool, bool] | None:
        within = self._word(j, "within")
        # Time first: "noon Friday", "3pm on Friday", "at 3 on Friday", or a time alone.
        lead = self._time(j, bare_hour=connector == ("at",))
        if lead is not None:
            k, lead_time = lead
            after = self._skip(self._skip(k, ","), "on")
            dated = self._date(after)
            if dated is not None:
                end, d = dated
                return end, self._combine(d, lead_time, None), d.explicit, within
            if not lead_time.bare:
                if self.strict and not lead_time.strong and connector not in _TIME_ONLY_CONNECTORS:
                    return None
                return k, self._time_alone(lead_time), False, within
            # A bare hour alone is no time ("meeting at 3"), and "at 3 December" is a date: read on.
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
            at = self._skip(k, "at", "@", "by", "around")
            attached = self._time(at, bare_hour=at > k and self.tokens[k].low in ("at", "@"))
            if attached is not None:
                end, t = attached
        if self.strict and d.abbreviated and connector is None and t is None and part is None:
            return None  # "sat on the call", "the sun deck"
        weak_connector = connector in (None, ("at",), ("for",))
        if self.strict and d.short_numeric and weak_connector and t is None and part is None:
            return None  # "open 24/7", "for 1/2 the price"
        return end, self._combine(d, t, part), d.explicit, within

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
        """ "in/within [the next] N units ['s time]" or "N units from now/today"."""
        if self._word(j, "in", "within"):
            k = j + 1
            k = self._seq(k, ("the", "next")) or self._skip(k, "next")
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
            return k, amount, unit
        number = self._number(j, 9999)
        if number is None or self.tokens[j].low in ("a", "an"):
            return None  # "a day from now" is rare; "a" alone must never start a date
        k, amount = number
        if not self._word(k, *_UNITS):
            return None
        unit = _UNITS[self.tokens[k].low]
        if self._seq(k + 1, ("from", "now")) or self._seq(k + 1, ("from", "today")):
            return k + 3, amount, unit
        return None

    def _time(self, i: int, bare_hour: bool) -> tuple[int, _TimePart] | None:
        if i >= len(self.tokens):
            return None
        tok = self.tokens[i]
        if tok.kind == "time":
            return i + 1, _TimePart(tok.clock, tok.meridiem, strong=tok.meridiem)
        if tok.kind == "word" and tok.low in ("noon", "midday"):
            return i + 1, _TimePart(time(12, 0), meridiem=True)
        if tok.kind == "word" and tok.low == "midnight":
            return i + 1, _TimePart(None, meridiem=True)
        if bare_hour and tok.kind == "num" and not tok.ordinal and len(tok.text) <= 2:
            hour = int(tok.text)
            if hour <= 23:
                return i + 1, _TimePart(time(hour, 0), strong=False, bare=True)
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
        if tok.kind == "num" or tok.low in _NUMBER_WORDS:
            span = self._relative(j)  # "2 days from now"
            if span is not None and span[2] not in _TIMED_UNITS:
                end, amount, unit = span
                return end, _DatePart(self._add(today, amount, unit))
            return self._day_month(j) if tok.kind == "num" else None
        if tok.kind != "word":
            return None
        seq_end = self._seq(self._skip(j, "the"), ("day", "after", "tomorrow"))
        if seq_end is not None:
            return seq_end, _DatePart(today + timedelta(days=2))
        if low == "today":
            return j + 1, _DatePart(today)
        if low in ("tomorrow", "tmrw", "tmr"):
            return j + 1, _DatePart(today + timedelta(days=1))
        if low == "tonight":
            return j + 1, _DatePart(today, part_of_day="night")
        if low == "eod":
            return j + 1, _DatePart(today)
        if low == "this":
            return self._this(j + 1)
        if low == "next":
            return self._next(j + 1)
        if low in ("end", "the"):
            return self._end_of(j) or self._day_month(j)  # "the end of May", "the 15th of May"
        if low in ("in", "within"):
            span = self._relative(j)
            if span is None or span[2] in _TIMED_UNITS:
                return None
            end, amount, unit = span
            return end, _DatePart(self._add(today, amount, unit))
        if low in _MONTHS:
            return self._month_day(j)
        if low in _WEEKDAYS or low in _WEEKDAY_ABBREVIATIONS:
            # "Friday, 20 November" is the written date; the weekday is just a courtesy.
            after = self._skip(j + 1, ",")
            written = self._day_month(after)
            numeric = self._numeric(after)
            if written is None and numeric is not None:  # "Fri 20/11": the weekday supports it
                written = numeric[0], replace(numeric[1], short_numeric=False)
            if written is None and self._word(after, *_MONTHS):
                written = self._month_day(after)
            if written is not None:
                return written
            weekday = _WEEKDAYS.get(low, _WEEKDAY_ABBREVIATIONS.get(low))
            assert weekday is not None
            ahead = (weekday - today.weekday()) % 7
            part = _DatePart(
                today + timedelta(days=ahead or 7),
                today_if_later=ahead == 0,
                abbreviated=low not in _WEEKDAYS,
            )
            return j + 1, part
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
        """ "[the] end of (the|this|next) (day|week|month|year)", "end of today", "end of March"."""
        k = self._seq(self._skip(j, "the"), ("end", "of"))
        if k is None:
            return None
        today = self.today
        if self._word(k, "today"):
            return k + 1, _DatePart(today)
        if self._word(k, "next"):
            return self._next(k + 1) if self._word(k + 1, "week", "month") else None
        k = self._skip(k, "the", "this")
        if self._word(k, "day"):
            return k + 1, _DatePart(today)
        if self._word(k, "week"):
            return k + 1, _DatePart(self._end_of_week(today))
        if self._word(k, "month"):
            return k + 1, _DatePart(_last_of_month(today.year, today.month))
        if self._word(k, "year"):
            return k + 1, _DatePart(date(today.year, 12, 31))
        if self._word(k, *_MONTHS):
            month = _MONTHS[self.tokens[k].low]
            year = today.year if month >= today.month else today.year + 1
            return k + 1, _DatePart(_last_of_month(year, month))
        return None

    def _weekday(self, k: int) -> int | None:
        if self._word(k, *_WEEKDAYS):
            return _WEEKDAYS[self.tokens[k].low]
        if self._word(k, *_WEEKDAY_ABBREVIATIONS):
            return _WEEKDAY_ABBREVIATIONS[self.tokens[k].low]
        return None

    def _day(self, k: int) -> int | None:
        tok = self.tokens[k] if k < len(self.tokens) else None
        if tok is None or tok.kind != "num":
            return None
        digits = tok.text[:-2] if tok.ordinal else tok.text  # "15th" -> "15"
        if len(digits) > 2:
            return None
        day = int(digits)
        return day if 1 <= day <= 31 else None

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
        """ "[the] 15[th] [of] January [2027]"."""
        k = self._skip(j, "the")
        day = self._day(k)
        if day is None:
            return None
        k = self._skip(k + 1, "of")
        if not self._word(k, *_MONTHS):
            return None
        month = _MONTHS[self.tokens[k].low]
        return self._with_year(j, k + 1, month, day)

    def _month_day(self, j: int) -> tuple[int, _DatePart] | None:
        """ "January 15[th] [2027]", "Dec. 3", "January the 15th"."""
        month = _MONTHS[self.tokens[j].low]
        k = self._skip(j + 1, ".")
        k = self._skip(k, "the")
        day = self._day(k)
        if day is None:
            return None  # a month name alone ("the may event") is not a date
        return self._with_year(j, k + 1, month, day)

    def _with_year(self, start: int, k: int, month: int, day: int) -> tuple[int, _DatePart] | None:
        """An optional year at ``k`` ("2027", ", 2027", ". 2027" after "Jan", "'27"), then the
        span from ``start`` resolved."""
        after = k
        if self.tokens[k - 1].low in _MONTHS:
            after = self._skip(after, ".")  # "15 Jan. 2027"; a "." with no year ends a sentence
        after = self._skip(after, ",")
        year_found = self._year(after)
        end, year, two_digit = (k, None, False) if year_found is None else year_found
        span = self.text[self.tokens[start].start : self.tokens[end - 1].end]
        written = self._resolve_written(span, day, month, year, two_digit)
        return None if written is None else (end, written)

    def _numeric(self, j: int) -> tuple[int, _DatePart] | None:
        """ "20/11", "20/11/2027", "20/11/27", "20.11.2027": day first."""
        tok = self.tokens[j] if j < len(self.tokens) else None
        if tok is None or tok.numeric is None:
            return None
        day, month, year, two_digit = tok.numeric
        written = self._resolve_written(tok.text, day, month, year, two_digit)
        if written is None:
            return None
        return j + 1, _DatePart(written.date, explicit=written.explicit, short_numeric=year is None)

    def _resolve_written(
        self, span: str, day: int, month: int, year: int | None, two_digit: bool
    ) -> _DatePart | None:
        """The date dateparser reads in a span the grammar found, with its gaps wrapped.

        ``day``, ``month`` and ``year`` are what the grammar saw; dateparser must agree on them.
        """
        read = _read_written_date(span, self.today)
        if read is None or (read.month, read.day) != (month, day):
            return None  # "31 November", or a reading other than the grammar's: no date
        if year is None:
            # The next one that has not passed; dateparser gives next year's for today's date.
            for candidate_year in range(self.today.year, self.today.year + 9):
                try:
                    candidate = read.replace(year=candidate_year)
                except ValueError:
                    continue  # 29 February
                if candidate >= self.today:
                    return _DatePart(candidate)
            return None
        if two_digit:
            # This century's; dateparser's future preference makes "3/12/20" 2120.
            year += self.today.year // 100 * 100
            try:
                return _DatePart(read.replace(year=year), explicit=True)
            except ValueError:
                return None
        return _DatePart(read, explicit=True) if read.year == year else None

    # resolution

    def _combine(self, d: _DatePart, t: _TimePart | None, part: str | None) -> Due:
        part = part or d.part_of_day
        clock: time | None
        if t is not None:
            clock = t.clock
            if clock is not None and not t.meridiem and part in _PM_PARTS and 1 <= clock.hour <= 11:
                clock = clock.replace(hour=clock.hour + 12)  # "tonight at 9" is 21:00
        elif part is not None:
            clock = _PARTS_OF_DAY[part]
        else:
            clock = d.clock
        day = d.date
        if d.today_if_later and clock is not None and clock > self.clock_now:
            day = self.today
        return Due(day, clock)

    def _time_alone(self, t: _TimePart) -> Due:
        if t.clock is None:
            return Due(self.today)  # "by midnight": the end of today
        if t.clock > self.clock_now:
            return Due(self.today, t.clock)
        return Due(self.today + timedelta(days=1), t.clock)

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


# dateparser for written dates, imported on first use (importing it costs ~30-70 ms, so a start-up
# that reads no written date does not pay it). Building a parser is cheap (~0.05 ms); the expensive
# part is the first parse (~0.1-0.2 s, loading the English data, once per process). RELATIVE_BASE
# is a setting, so there is one parser per local day, built lazily; a written date does not depend
# on the hour. Each later written date costs ~0.3-0.6 ms.
_DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "future",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month"],
    "DATE_ORDER": "DMY",
    "PARSERS": ["absolute-time"],  # spans are written dates; relative ones are the grammar's
}


@functools.lru_cache(maxsize=1)
def _written_date_parser(today: date) -> DateDataParser:
    from dateparser.date import DateDataParser  # lazy, see above

    settings = {**_DATEPARSER_SETTINGS, "RELATIVE_BASE": datetime.combine(today, time(0, 0))}
    return DateDataParser(languages=["en"], settings=settings)


def _read_written_date(span: str, today: date) -> date | None:
    """dateparser's date for a written-date span, or None; it never raises."""
    try:
        found = _written_date_parser(today).get_date_data(span).date_obj
    except Exception:  # a failure inside a third-party parser means "no date", never a crash
        return None
    return None if found is None else found.date()


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
