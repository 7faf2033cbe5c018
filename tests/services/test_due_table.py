"""The public table of promise lines (due_table.txt): every row read right, every class at least
20 rows, no line without a due gets one; and properties: no text raises, and a reading does not
change when ordinary words surround the line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ckbook.services.due_phrases import DueReading, read_due

TABLE = Path(__file__).with_name("due_table.txt")
BERLIN = ZoneInfo("Europe/Berlin")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOWS = {
    "W": datetime(2026, 11, 18, 10, 0, tzinfo=BERLIN),
    "M": datetime(2026, 11, 30, 16, 30, tzinfo=NEW_YORK),
    "Y": datetime(2026, 12, 31, 9, 15, tzinfo=LONDON),
    "S": datetime(2026, 3, 29, 11, 0, tzinfo=BERLIN),
    "L": datetime(2026, 10, 25, 8, 0, tzinfo=LONDON),
    "N": datetime(2026, 11, 1, 12, 0, tzinfo=NEW_YORK),
    "T": datetime(2027, 2, 2, 18, 45, tzinfo=BERLIN),
    "A": datetime(2026, 4, 30, 14, 0, tzinfo=NEW_YORK),
}
CLASSES = {"dom", "idiom", "hour", "two", "typo", "numeric", "name", "none", "base"}


@dataclass(frozen=True)
class Row:
    kind: str
    now_key: str
    text: str
    due: str | None

    @property
    def now(self) -> datetime:
        return NOWS[self.now_key.split("/")[0]]

    @property
    def date_order(self) -> str:
        return "MDY" if self.now_key.endswith("/MDY") else "DMY"

    def read(self, text: str | None = None) -> DueReading:
        now = self.now
        assert now.tzinfo is not None
        return read_due(
            self.text if text is None else text, now, now.tzinfo, date_order=self.date_order
        )


def load_table() -> list[Row]:
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, now_key, text, due = (part.strip() for part in line.split(" | "))
        assert kind in CLASSES, f"line {number}: unknown class {kind!r}"
        rows.append(Row(kind, now_key, text, None if due == "-" else due))
    return rows


ROWS = load_table()


def test_the_table_is_big_enough_in_every_class() -> None:
    assert len(ROWS) >= 300
    for kind in CLASSES:
        assert sum(row.kind == kind for row in ROWS) >= 20, kind
    assert sum(row.due is None for row in ROWS) >= 40
    assert len({(row.now_key, row.text) for row in ROWS}) == len(ROWS), "a row is repeated"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.kind}:{r.now_key}:{r.text}" for r in ROWS])
def test_table_row(row: Row) -> None:
    reading = row.read()
    assert (None if reading.due is None else reading.due.to_json()) == row.due
    if reading.due is not None:
        assert reading.phrase is not None
        (start, end), *_ = reading.spans
        assert row.text[start:end] == reading.phrase


def test_an_ambiguous_numeric_date_says_how_it_was_read() -> None:
    now = NOWS["W"]
    assert read_due("pay by 5/6", now, BERLIN, date_order="DMY").note == (
        "5/6 read as 5 June: day first, as your locale writes dates"
    )
    assert read_due("pay by 5/6", now, BERLIN, date_order="MDY").note == (
        "5/6 read as 6 May: month first, as your locale writes dates"
    )
    assert read_due("pay by 11/23", now, BERLIN, date_order="DMY").note is None  # one reading


def test_end_of_business_is_a_setting() -> None:
    now = NOWS["W"]
    reading = read_due(
        "quote by COB Friday", now, BERLIN, end_of_business=datetime(1, 1, 1, 18).time()
    )
    assert reading.due is not None and reading.due.to_json() == "2026-11-20T18:00"


# Words around a line that are never a date and never change what it says. What follows a
# weak phrase starts a new clause: a noun right after "on the 20th" would make it an attribute
# ("on the 20th floor"), so the words after are clause-like.
BEFORE = ["ok", "Anna said", "re the venue", "+", "-", "note:", "(caterer)", "urgent", "pls"]
AFTER = [
    "thanks", "pls", "cheers", "as discussed", "!", "...", "(caterer)", "- Anna",
    "for the Smith wedding", "note: prefers email", "and copy Ben", "if possible",
]  # fmt: skip
DATED = [row for row in ROWS if row.due is not None and row.kind != "two"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DATED), st.sampled_from(BEFORE), st.sampled_from(AFTER))
def test_a_reading_is_stable_under_surrounding_words(row: Row, before: str, after: str) -> None:
    alone = row.read()
    surrounded = row.read(f"{before} {row.text} {after}")
    assert surrounded.due == alone.due


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([w for row in ROWS for w in row.text.split()]), max_size=10))
def test_no_mix_of_table_words_raises(words: list[str]) -> None:
    text = " ".join(words)
    reading = read_due(text, NOWS["W"], BERLIN)
    if reading.due is not None:
        assert reading.phrase is not None and reading.phrase in text
