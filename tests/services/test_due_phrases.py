"""Due phrases: what counts as a date in free text, how it resolves, and what text is left."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ckbook.services import due_phrases
from ckbook.services.due import Due
from ckbook.services.due_phrases import DueReading, parse_due, read_due

BERLIN = ZoneInfo("Europe/Berlin")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# Pinned now: Wednesday 18 November 2026, 10:00 in Berlin.
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=BERLIN)


def reading(text: str, now: datetime = NOW, tz: ZoneInfo = BERLIN) -> DueReading:
    return read_due(text, now, tz, date_order="DMY")


def as_json(due: Due | None) -> str | None:
    return None if due is None else due.to_json()


# (text, due as JSON, remaining text, phrase)
PHRASES = [
    # the examples from the issue and DESIGN.md
    ("send the proposal by Friday", "2026-11-20", "send the proposal", "by Friday"),
    ("call back tomorrow at 3pm", "2026-11-19T15:00", "call back", "tomorrow at 3pm"),
    ("send the deck in two weeks", "2026-12-02", "send the deck", "in two weeks"),
    ("send the deck in 2 weeks", "2026-12-02", "send the deck", "in 2 weeks"),
    ("confirm by noon Friday", "2026-11-20T12:00", "confirm", "by noon Friday"),
    ("pay the deposit on 15 January", "2027-01-15", "pay the deposit", "on 15 January"),
    ("reply within 48 hours", "2026-11-20T10:00", "reply", "within 48 hours"),
    ("call tomorrow 3pm", "2026-11-19T15:00", "call", "tomorrow 3pm"),
    ("demo next Friday 3pm", "2026-11-27T15:00", "demo", "next Friday 3pm"),
    ("send invoice by Friday 3pm", "2026-11-20T15:00", "send invoice", "by Friday 3pm"),
    ("renew contract Dec 3", "2026-12-03", "renew contract", "Dec 3"),
    ("dinner 3 December at 7:30", "2026-12-03T19:30", "dinner", "3 December at 7:30"),
    ("send the summary tonight", "2026-11-18T20:00", "send the summary", "tonight"),
    ("call Anna this evening", "2026-11-18T18:00", "call Anna", "this evening"),
    ("report by end of week", "2026-11-20", "report", "by end of week"),
    ("invoice at the end of the month", "2026-11-30", "invoice", "at the end of the month"),
    ("invoice end of month", "2026-11-30", "invoice", "end of month"),
    # times: 13-23 and a leading zero are a 24-hour clock; 1-7 without am/pm is the afternoon,
    # 8-11 the morning (business hours); the UI shows the reading for correction
    ("dinner 3 December at 19:30", "2026-12-03T19:30", "dinner", "3 December at 19:30"),
    ("call tomorrow at 3", "2026-11-19T15:00", "call", "tomorrow at 3"),
    ("call tomorrow at 12am", "2026-11-19T00:00", "call", "tomorrow at 12am"),
    ("call tomorrow at 12pm", "2026-11-19T12:00", "call", "tomorrow at 12pm"),
    ("call tomorrow at 3.30 p.m.", "2026-11-19T15:30", "call", "tomorrow at 3.30 p.m."),
    ("call at 3pm tomorrow", "2026-11-19T15:00", "call", "at 3pm tomorrow"),
    ("call at 3 on Friday", "2026-11-20T15:00", "call", "at 3 on Friday"),
    ("meet at 10 tomorrow", "2026-11-19T10:00", "meet", "at 10 tomorrow"),
    ("meet at 3 December", "2026-12-03", "meet", "at 3 December"),
    ("call 3pm on Friday", "2026-11-20T15:00", "call", "3pm on Friday"),
    ("call Friday, 3pm", "2026-11-20T15:00", "call", "Friday, 3pm"),
    ("call tomorrow at noon", "2026-11-19T12:00", "call", "tomorrow at noon"),
    # parts of the day: morning 09:00, afternoon 14:00, evening 18:00, night/tonight 20:00
    ("call tomorrow morning", "2026-11-19T09:00", "call", "tomorrow morning"),
    ("call tomorrow afternoon", "2026-11-19T14:00", "call", "tomorrow afternoon"),
    ("call Friday evening", "2026-11-20T18:00", "call", "Friday evening"),
    ("call Friday night", "2026-11-20T20:00", "call", "Friday night"),
    ("call this afternoon", "2026-11-18T14:00", "call", "this afternoon"),
    # after afternoon/evening/night an hour without am/pm is pm
    ("call tonight at 9", "2026-11-18T21:00", "call", "tonight at 9"),
    ("call Friday evening at 7", "2026-11-20T19:00", "call", "Friday evening at 7"),
    ("call tomorrow morning at 10", "2026-11-19T10:00", "call", "tomorrow morning at 10"),
    # "midnight" is the end of the day: a date-only due
    ("file it by midnight", "2026-11-18", "file it", "by midnight"),
    ("file it Friday midnight", "2026-11-20", "file it", "Friday midnight"),
    # a time alone: today if still ahead, else tomorrow
    ("call by 5pm", "2026-11-18T17:00", "call", "by 5pm"),
    ("call by 9am", "2026-11-19T09:00", "call", "by 9am"),
    ("call at noon", "2026-11-18T12:00", "call", "at noon"),
    ("call at 7:30", "2026-11-18T19:30", "call", "at 7:30"),
    ("call at 07:30", "2026-11-19T07:30", "call", "at 07:30"),
    ("meeting at 3", "2026-11-18T15:00", "meeting", "at 3"),
    ("call before 19:30", "2026-11-18T19:30", "call", "before 19:30"),
    # weekdays; today is Wednesday
    ("call Monday", "2026-11-23", "call", "Monday"),
    ("call on Monday", "2026-11-23", "call", "on Monday"),
    ("call this Friday", "2026-11-20", "call", "this Friday"),
    ("call this Monday", "2026-11-23", "call", "this Monday"),
    ("call next Monday", "2026-11-23", "call", "next Monday"),
    ("call next Wednesday", "2026-11-25", "call", "next Wednesday"),
    # a bare weekday equal to today's is a week ahead, unless a time later today is given
    ("call Wednesday", "2026-11-25", "call", "Wednesday"),
    ("call Wednesday 3pm", "2026-11-18T15:00", "call", "Wednesday 3pm"),
    ("call Wednesday 9am", "2026-11-25T09:00", "call", "Wednesday 9am"),
    ("call Wednesday evening", "2026-11-18T18:00", "call", "Wednesday evening"),
    ("call this Wednesday", "2026-11-18", "call", "this Wednesday"),
    # weekday abbreviations count next to a connector, "this"/"next" or a time
    ("send it by Fri", "2026-11-20", "send it", "by Fri"),
    ("call fri 3pm", "2026-11-20T15:00", "call", "fri 3pm"),
    ("call next tue", "2026-11-24", "call", "next tue"),
    ("call BY SAT", "2026-11-21", "call", "BY SAT"),
    # days and months: passed this year means next year; today is not passed
    ("renew 18 November", "2026-11-18", "renew", "18 November"),
    ("renew 17 November", "2027-11-17", "renew", "17 November"),
    ("renew on the 15th of January", "2027-01-15", "renew", "on the 15th of January"),
    ("renew January 15th", "2027-01-15", "renew", "January 15th"),
    ("renew Dec. 3", "2026-12-03", "renew", "Dec. 3"),
    ("renew may 5", "2027-05-05", "renew", "may 5"),
    ("renew 29 February", "2028-02-29", "renew", "29 February"),
    ("renew January 15th, 2027", "2027-01-15", "renew", "January 15th, 2027"),
    ("renew 3 Dec 2027 at 15:00", "2027-12-03T15:00", "renew", "3 Dec 2027 at 15:00"),
    ("renew Friday, 20 November", "2026-11-20", "renew", "Friday, 20 November"),
    ("renew 2026-11-25", "2026-11-25", "renew", "2026-11-25"),
    ("renew 2026-11-25T14:30", "2026-11-25T14:30", "renew", "2026-11-25T14:30"),
    ("renew 2026-11-25 at 2pm", "2026-11-25T14:00", "renew", "2026-11-25 at 2pm"),
    # written dates resolved by dateparser: dots after abbreviations, ordinals, "of", years
    ("renew 15 Jan. 2027", "2027-01-15", "renew", "15 Jan. 2027"),
    ("renew Jan. 15, 2027", "2027-01-15", "renew", "Jan. 15, 2027"),
    ("renew Dec 3rd, 2027", "2027-12-03", "renew", "Dec 3rd, 2027"),
    ("renew 3rd of Dec. 2027", "2027-12-03", "renew", "3rd of Dec. 2027"),
    ("renew the 3rd of Dec.", "2026-12-03", "renew.", "the 3rd of Dec"),
    ("send by 15 Jan.", "2027-01-15", "send.", "by 15 Jan"),  # a "." without a year ends it
    ("renew Sept. 5", "2027-09-05", "renew", "Sept. 5"),
    ("renew 3 Dec '27", "2027-12-03", "renew", "3 Dec '27"),
    ("renew 15th January '27", "2027-01-15", "renew", "15th January '27"),
    # numeric dates are day first (DATE_ORDER "DMY"); without a year they need support
    ("pay by 20/11", "2026-11-20", "pay", "by 20/11"),
    ("pay on 12/03", "2027-03-12", "pay", "on 12/03"),
    ("due 1/1", "2027-01-01", "", "due 1/1"),
    ("pay 20/11 3pm", "2026-11-20T15:00", "pay", "20/11 3pm"),
    ("pay by 20/11 at 3pm", "2026-11-20T15:00", "pay", "by 20/11 at 3pm"),
    ("call Fri 20/11", "2026-11-20", "call", "Fri 20/11"),
    ("renew 3/12/2027", "2027-12-03", "renew", "3/12/2027"),
    ("renew 3/12/27", "2027-12-03", "renew", "3/12/27"),
    ("renew 29/2/28", "2028-02-29", "renew", "29/2/28"),
    ("renew 20.11.2027", "2027-11-20", "renew", "20.11.2027"),
    ("renew 20.11.2027.", "2027-11-20", "renew.", "20.11.2027"),
    # relative days
    ("call today", "2026-11-18", "call", "today"),
    ("call tmrw", "2026-11-19", "call", "tmrw"),
    ("call the day after tomorrow", "2026-11-20", "call", "the day after tomorrow"),
    ("send it end of day", "2026-11-18T17:00", "send it", "end of day"),
    ("send it EOD", "2026-11-18T17:00", "send it", "EOD"),
    # relative spans: days and up are date-only, hours and minutes timed
    ("call in 3 days", "2026-11-21", "call", "in 3 days"),
    ("call in a week", "2026-11-25", "call", "in a week"),
    ("call in a week's time", "2026-11-25", "call", "in a week's time"),
    ("call in two weeks time", "2026-12-02", "call", "in two weeks time"),
    ("call in a couple of weeks", "2026-12-02", "call", "in a couple of weeks"),
    ("call within the next 3 days", "2026-11-21", "call", "within the next 3 days"),
    ("call in 3 months", "2027-02-18", "call", "in 3 months"),
    ("call in a year", "2027-11-18", "call", "in a year"),
    ("call in 2 days at 3pm", "2026-11-20T15:00", "call", "in 2 days at 3pm"),
    ("call 2 days from now", "2026-11-20", "call", "2 days from now"),
    ("call in 90 minutes", "2026-11-18T11:30", "call", "in 90 minutes"),
    ("call in 2 hours", "2026-11-18T12:00", "call", "in 2 hours"),
    ("call 3 hours from now", "2026-11-18T13:00", "call", "3 hours from now"),
    ("back in a minute or so", "2026-11-18T10:01", "back or so", "in a minute"),
    # weeks and months
    ("report this week", "2026-11-20", "report", "this week"),
    ("report next week", "2026-11-27", "report", "next week"),
    ("report by the end of next week", "2026-11-27", "report", "by the end of next week"),
    ("report next month", "2026-12-31", "report", "next month"),
    ("report by end of next month", "2026-12-31", "report", "by end of next month"),
    ("report by the end of the year", "2026-12-31", "report", "by the end of the year"),
    ("report by the end of March", "2027-03-31", "report", "by the end of March"),
    ("report by the end of November", "2026-11-30", "report", "by the end of November"),
    # connectors go with the phrase
    ("invoice due Friday", "2026-11-20", "invoice", "due Friday"),
    ("invoice due by Friday", "2026-11-20", "invoice", "due by Friday"),
    ("reply no later than Friday", "2026-11-20", "reply", "no later than Friday"),
    ("reply on or before Friday", "2026-11-20", "reply", "on or before Friday"),
    ("reply until Friday", "2026-11-20", "reply", "until Friday"),
    ("slides for Friday", "2026-11-20", "slides", "for Friday"),
    # remaining text is tidied where the phrase was cut out
    ("Tomorrow: call Bob", "2026-11-19", "call Bob", "Tomorrow"),
    ("call Bob tomorrow, then email Ann", "2026-11-19", "call Bob, then email Ann", "tomorrow"),
    ("call Bob (by Friday)", "2026-11-20", "call Bob", "by Friday"),
    ("send the proposal by Friday.", "2026-11-20", "send the proposal.", "by Friday"),
    ("  by Friday   send   the proposal  ", "2026-11-20", "send   the proposal", "by Friday"),
    ("by Friday", "2026-11-20", "", "by Friday"),
    # several dates: one introduced by a deadline word wins, else the first
    (
        "after the meeting on Tuesday send notes by Friday",
        "2026-11-20",
        "after the meeting on Tuesday send notes",
        "by Friday",
    ),
    ("call Monday about the Friday demo", "2026-11-23", "call about the Friday demo", "Monday"),
    # words that are not dates do not hide the one that is
    ("sat on the call on Monday", "2026-11-23", "sat on the call", "on Monday"),
    ("send 2 copies by Friday", "2026-11-20", "send 2 copies", "by Friday"),
]


@pytest.mark.parametrize(("text", "due", "rest", "phrase"), PHRASES, ids=[p[0] for p in PHRASES])
def test_read_due(text: str, due: str, rest: str, phrase: str) -> None:
    result = reading(text)
    assert as_json(result.due) == due
    assert result.text == rest
    assert result.phrase == phrase


def test_date_only_and_timed_are_kept_apart() -> None:
    assert reading("by Friday").due == Due(date(2026, 11, 20))
    assert reading("tomorrow at 3pm").due == Due(date(2026, 11, 19), time(15, 0))
    assert not reading("in two weeks").due.has_time  # type: ignore[union-attr]
    assert reading("within 48 hours").due.has_time  # type: ignore[union-attr]


NOT_DATES = [
    "send the proposal",
    "",
    "   ",
    "a",
    "an",
    "on",
    "in",
    "at",
    "by",
    "now",
    "do it now",
    "send 2 copies",
    "update the 3 files",
    "follow up on the second draft",
    "wait a second",
    "ask about the sun deck",
    "sat on the call",
    "they wed in spring",
    "mon ami",
    "call Mark about the may event",  # a month name needs a day next to it
    "meet at the march rally",
    "plan for March",
    "the 3rd draft",
    "on the 3rd floor",
    "review Friday's notes",  # a possessive names a thing, not a due
    "read John 3:16",  # a clock-like number alone needs "at"/"by" in front
    "room 7:30",
    "version 2.0",
    "call 555-1234",
    "order 31 November",  # no such day
    "invoice of 2025-03-01",  # a written-out past date is a reference, not a due
    "invoice of 3/12/20",  # two-digit year: 2020, not dateparser's 2120, so a past reference
    "invoice of 3 Dec '20",
    "open 24/7",  # a numeric date without a year needs a deadline connector or a time
    "pay 12/03",
    "for 1/2 the price",
    "split it 50/50",
    "pages 1/2/3/4",
    "pay by 31/11",  # no such day
    "renew 29/2/27",
    "by 12/2027",
    "version 3.12",  # a dotted date needs its year
    "Friday's 20/11 memo",
    "the meeting lasted 2 hours",
    "about 3 days ago",
    "Saturdays are free",
    "Good morning",
    "update on 5 items",
    "12345",
    "xtomorrowx",
    "Fridays",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date(text: str) -> None:
    assert reading(text) == DueReading(None, text.strip(), None)


def test_now_may_be_given_in_utc() -> None:
    """Now is an instant: the local date comes from tz, not from now's own offset."""
    late = datetime(2026, 11, 18, 23, 30, tzinfo=BERLIN).astimezone(UTC)  # 22:30 UTC
    assert as_json(read_due("call tomorrow", late, BERLIN).due) == "2026-11-19"
    assert as_json(read_due("call in 1 hour", late, BERLIN).due) == "2026-11-19T00:30"


def test_seconds_are_dropped_from_timed_dues() -> None:
    now = datetime(2026, 11, 18, 10, 0, 42, 5, tzinfo=BERLIN)
    assert reading("within 48 hours", now).due == Due(date(2026, 11, 20), time(10, 0))


def test_new_york_zone() -> None:
    now = datetime(2026, 11, 18, 10, 0, tzinfo=NEW_YORK)
    assert as_json(read_due("call back tomorrow at 3pm", now, NEW_YORK).due) == "2026-11-19T15:00"


# Daylight saving: hours are counted on UTC instants; wall-clock phrases keep their wall time.
DST_CASES = [
    # London: clocks go back on Sunday 25 October 2026 (BST -> GMT)
    (LONDON, datetime(2026, 10, 24, 10, 0), "within 48 hours", "2026-10-26T09:00"),
    (LONDON, datetime(2026, 10, 24, 10, 0), "within 24 hours", "2026-10-25T09:00"),
    (LONDON, datetime(2026, 10, 24, 10, 0), "tomorrow at 3pm", "2026-10-25T15:00"),
    (LONDON, datetime(2026, 10, 24, 10, 0), "in 2 days", "2026-10-26"),
    # Berlin: clocks go forward on Sunday 29 March 2026 (CET -> CEST)
    (BERLIN, datetime(2026, 3, 28, 10, 0), "within 24 hours", "2026-03-29T11:00"),
    (BERLIN, datetime(2026, 3, 28, 10, 0), "tomorrow at 3pm", "2026-03-29T15:00"),
    (BERLIN, datetime(2026, 3, 29, 1, 30), "in 1 hour", "2026-03-29T03:30"),
    # New York: clocks go back on Sunday 1 November 2026 (EDT -> EST)
    (NEW_YORK, datetime(2026, 10, 31, 10, 0), "in 48 hours", "2026-11-02T09:00"),
    (NEW_YORK, datetime(2026, 10, 31, 10, 0), "Sunday 3pm", "2026-11-01T15:00"),
]


@pytest.mark.parametrize(("tz", "wall", "text", "due"), DST_CASES)
def test_daylight_saving(tz: ZoneInfo, wall: datetime, text: str, due: str) -> None:
    assert as_json(read_due(text, wall.replace(tzinfo=tz), tz).due) == due


def test_end_of_week_on_a_weekend_is_that_sunday() -> None:
    saturday = datetime(2026, 11, 21, 10, 0, tzinfo=BERLIN)
    assert as_json(reading("by end of week", saturday).due) == "2026-11-22"
    assert as_json(reading("next week", saturday).due) == "2026-11-27"


def test_today_29_february_is_today_not_in_four_years() -> None:
    """Today's day and month is today, not next year's (dateparser 1.5 got this wrong)."""
    leap_day = datetime(2028, 2, 29, 10, 0, tzinfo=BERLIN)
    assert as_json(reading("renew 29 February", leap_day).due) == "2028-02-29"
    assert as_json(reading("renew 29 February", leap_day + timedelta(days=1)).due) == "2032-02-29"


def test_a_passed_month_day_in_december_means_next_year() -> None:
    december = datetime(2026, 12, 30, 10, 0, tzinfo=BERLIN)
    assert as_json(reading("on 2 January", december).due) == "2027-01-02"
    assert as_json(reading("by the end of December", december).due) == "2026-12-31"
    assert as_json(reading("in 2 months", december).due) == "2027-02-28"  # clamped


# parse_due: the whole value is the date; ISO first, then a phrase (lenient about abbreviations).
PARSE_CASES = [
    ("2026-11-20", "2026-11-20"),
    ("  2026-11-20  ", "2026-11-20"),
    ("2026-11-20T15:00", "2026-11-20T15:00"),
    ("2026-11-20 15:00", "2026-11-20T15:00"),
    ("2026-11-20T15:00:59", "2026-11-20T15:00"),
    ("2020-01-01", "2020-01-01"),  # explicit past dates are allowed when asked for
    ("next Friday 3pm", "2026-11-27T15:00"),
    ("Friday", "2026-11-20"),
    ("by Friday", "2026-11-20"),
    ("tomorrow at 3pm", "2026-11-19T15:00"),
    ("in 2 weeks", "2026-12-02"),
    ("within 48 hours", "2026-11-20T10:00"),
    ("15 January", "2027-01-15"),
    ("sun", "2026-11-22"),  # lenient: the value is a date, so an abbreviation alone will do
    ("7:30", "2026-11-18T19:30"),  # business hours: 7:30 without am/pm is the evening
    ("07:30", "2026-11-19T07:30"),
    ("12/13", "2026-12-13"),  # month first: there is no month 13
    ("no, Thursday 5pm", "2026-11-19T17:00"),  # a correction typed in words
    ("actually the 9th", "2026-12-09"),
    ("noon", "2026-11-18T12:00"),
    ("2026-11-20 at 2pm", "2026-11-20T14:00"),
    ("20/11", "2026-11-20"),  # the whole value is a date, so a short numeric one will do
    ("3/12/20", "2020-12-03"),  # two-digit years are this century's
    ("3 Dec '27", "2027-12-03"),
]


@pytest.mark.parametrize(("value", "due"), PARSE_CASES)
def test_parse_due(value: str, due: str) -> None:
    assert parse_due(value, NOW, BERLIN).to_json() == due


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "soon",
        "fish",
        "send it by Friday",  # a phrase inside other words is not a --due value
        "Friday fish",
        "2026-13-01",
        "2026-11-31",
        "2026-11-20T25:00",
        "2026-11-20T15:00+01:00",
        "31 November",
        "25:00",
        "13pm",
        "may",
        "in 99999 years",
        "31/11",
        "13/13",
    ],
)
def test_parse_due_errors_name_the_value(value: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_due(value, NOW, BERLIN)
    message = str(caught.value)
    assert repr(value.strip()) in message or repr(value) in message
    assert "\n" not in message


def test_parse_due_error_for_huge_offsets_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="in 9999 years"):
        parse_due("in 9999 years", NOW, BERLIN)


# Properties: arbitrary text never breaks the reader, and what it reads is sane.
VOCABULARY = [
    "by", "on", "at", "in", "within", "next", "this", "the", "end", "of", "a", "an", "two", "3",
    "15", "15th", "48", "2026", "2025-01-01", "2026-11-20T15:00", "Friday", "fri", "sun", "sat",
    "may", "march", "Dec", "January", "tomorrow", "today", "tonight", "noon", "midnight",
    "morning", "evening", "3pm", "12am", "7:30", "19:30", "25:00", "hours", "days", "weeks",
    "months", "week", "month", "year", "from", "now", "due", "call", "send", ",", ".", "(", ")",
    ":", "'s", "time", "couple", "20/11", "3/12/20", "12/03/2027", "20.11.2027", "'27", "31/11",
]  # fmt: skip

words = st.lists(st.sampled_from(VOCABULARY), max_size=8).map(" ".join)
nows = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


def check_reading(text: str, now: datetime) -> None:
    result = read_due(text, now, BERLIN)
    assert len(result.text) <= len(text)
    if result.due is None:
        assert result.phrase is None
        assert result.text == text.strip()
    else:
        assert result.due.deadline(BERLIN) > now - timedelta(days=1)
        assert result.phrase and result.phrase in text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_read_due_never_raises_on_arbitrary_text(text: str) -> None:
    check_reading(text, NOW)


@settings(max_examples=200, deadline=None)
@given(words, nows)
def test_read_due_on_date_words(text: str, now: datetime) -> None:
    check_reading(text, now)


# A corrected due restated in the text: the words that named the old due are replaced, a deadline
# word in front is kept, and the new text reads back as the new due.
RESTATE = [
    ("send the proposal by Friday", "2026-11-19T17:00", "send the proposal by Thu 19 Nov 17:00"),
    ("call back tomorrow at 3pm", "2026-11-20", "call back Fri 20 Nov"),
    ("quote by the 9th, then call", "2026-12-10", "quote by Thu 10 Dec, then call"),
    ("renew on 15 January", "2028-01-15", "renew Sat 15 Jan 2028"),
    ("pay before Christmas", "2026-12-23", "pay before Wed 23 Dec"),
]


@pytest.mark.parametrize(("text", "due", "restated"), RESTATE)
def test_restate_due_replaces_the_words_of_the_old_due(text: str, due: str, restated: str) -> None:
    new_due = Due.from_iso(due)
    assert due_phrases.restate_due(text, new_due, NOW, BERLIN) == restated
    assert reading(restated).due == new_due


def test_restate_due_leaves_text_without_a_due_alone() -> None:
    assert due_phrases.restate_due("call Anna", Due.from_iso("2026-11-20"), NOW, BERLIN) is None
    assert (
        due_phrases.restate_due("call every Monday", Due.from_iso("2026-11-20"), NOW, BERLIN)
        is None
    )
