"""Clients as CSV: export with their attention profile and current money terms; import from our own
export and from Google's and Outlook's contact exports.

Export: one row per client, a header row, UTF-8 with a byte-order mark (so spreadsheet programs
read the accents right), CRLF line ends. A text cell that a spreadsheet would run as a formula —
one starting with ``= + - @``, a tab or a carriage return — is written with a leading ``'``
(RELIABILITY #13); so is a text cell that already starts with ``'`` followed by one of those or by
another ``'``, so that import can take exactly one ``'`` off again and every text round-trips.
Numbers (money, negatives included; days; hours) are written as plain numbers, never guarded.
Lists (emails, phones, tags) are joined with ", ".

Import: the delimiter is whatever of ``, ; TAB |`` the header row uses most; columns are matched by
name, ignoring case, spaces, dashes and underscores, against the names of our export, Google's
(``E-mail 1 - Value``, ``Labels``/``Group Membership`` with ``:::`` between values) and Outlook's
(``E-mail Address``, ``Mobile Phone``, ``Business Street``…). Unknown columns are ignored.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from functools import partial
from typing import TextIO

from ckbook.interop.fields import (
    MONEY_AMOUNTS,
    MONEY_COLUMNS,
    PROFILE_COLUMNS,
    Record,
    collect,
)
from ckbook.interop.fields import split_values as _split
from ckbook.interop.snapshot import Snapshot
from ckbook.services.base import InputError
from ckbook.services.importing import ImportItem, ImportSkip

#: Characters that make a spreadsheet read a cell as a formula (RELIABILITY #13).
FORMULA_STARTS = frozenset("=+-@\t\r")
_GUARD = "'"
DELIMITERS = (",", ";", "\t", "|")

TEXT_COLUMNS = ("name", "organisation", "emails", "phones", "address", "tags", "handling_notes")
#: Our export's columns, in order.
COLUMNS = ("id", *TEXT_COLUMNS, *PROFILE_COLUMNS, "money_version", *MONEY_COLUMNS)
_NUMBER_COLUMNS = frozenset(
    ("id", "checkin_days", "response_hours", "money_version", "payment_terms_days", *MONEY_AMOUNTS)
)


# -- cells -----------------------------------------------------------------------------------


def guard_cell(text: str) -> str:
    """A text cell as written: neutralised when a spreadsheet would run it as a formula."""
    if text[:1] in FORMULA_STARTS or (text[:1] == _GUARD and text[1:2] in _UNGUARD_NEXT):
        return _GUARD + text
    return text


_UNGUARD_NEXT = FORMULA_STARTS | {_GUARD}


def unguard_cell(cell: str) -> str:
    """The text of a cell written by ``guard_cell`` (or by a tool that guards the same way)."""
    if cell[:1] == _GUARD and cell[1:2] in _UNGUARD_NEXT:
        return cell[1:]
    return cell


def _number(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


# -- export ----------------------------------------------------------------------------------


def write_csv(snapshot: Snapshot, stream: TextIO) -> int:
    """Write every client of ``snapshot`` as a CSV row; returns how many."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for client in snapshot.clients:
        cid = client["id"]
        money_versions = snapshot.of("money", cid)
        money = money_versions[-1] if money_versions else {}
        cells: dict[str, str] = {
            "name": client["name"],
            "organisation": client["organisation"],
            "emails": ", ".join(snapshot.emails(cid)),
            "phones": ", ".join(snapshot.phones(cid)),
            "address": client["address"],
            "tags": ", ".join(snapshot.tags.get(cid, [])),
            "handling_notes": client["handling_notes"],
            "status": client["status"],
            "client_since": client["client_since"].isoformat() if client["client_since"] else "",
            "attention_level": client["attention_level"],
            "preferred_channel": client["preferred_channel"],
        }
        if money:
            cells.update(
                pricing_model=money["pricing_model"],
                currency=money["currency"],
                discount=money["discount"],
                discount_condition=money["discount_condition"],
                scope_in=money["scope_in"],
                scope_out=money["scope_out"],
                agreed_on=money["agreed_on"].isoformat() if money["agreed_on"] else "",
                confirmed_by_client="yes" if money["confirmed_by_client"] else "no",
            )
        numbers: dict[str, int | Decimal | None] = {
            "id": cid,
            "checkin_days": client["checkin_days"],
            "response_hours": client["response_hours"],
            "money_version": money.get("version"),
            "payment_terms_days": money.get("payment_terms_days"),
            **{name: money.get(name) for name in MONEY_AMOUNTS},
        }
        writer.writerow(
            [
                _number(numbers[name])
                if name in _NUMBER_COLUMNS
                else guard_cell(cells.get(name, ""))
                for name in COLUMNS
            ]
        )
    return len(snapshot.clients)


# -- import ----------------------------------------------------------------------------------


def _key(header: str) -> str:
    """A header as compared: lower case, words separated by one space."""
    return " ".join(re.sub(r"[\s_\-/.:]+", " ", header.strip().lower()).split())


_NAME_KEYS = {"name", "full name", "display name", "fn", "client", "client name", "contact",
              "contact name", "formatted name"}  # fmt: skip
_SINGLE: dict[str, set[str]] = {
    "organisation": {"organisation", "organization", "company", "company name", "org",
                     "organization name", "organisation name", "organization 1 name"},
    "handling_notes": {"handling notes", "notes", "note", "comments"},
    "address": {"address", "address 1 formatted", "home address", "business address",
                "postal address", "full address", "mailing address"},
    "first": {"first name", "given name", "first"},
    "middle": {"middle name", "additional name"},
    "last": {"last name", "family name", "surname", "last"},
    "prefix": {"name prefix", "prefix"},
    "suffix": {"name suffix", "suffix"},
    "status": {"status"},
    "client_since": {"client since"},
    "attention_level": {"attention level", "attention"},
    "checkin_days": {"checkin days", "check in days"},
    "response_hours": {"response hours"},
    "preferred_channel": {"preferred channel", "channel"},
}  # fmt: skip
_SINGLE.update({name: {_key(name)} for name in MONEY_COLUMNS if name not in _SINGLE})
_EMAIL = re.compile(r"^(e ?mails?|e ?mail( \d+)?( address| value)|e ?mail \d+)$")
_PHONE = re.compile(
    r"^(phones?|telephone|tel|mobile|mobile phone|cell|cell phone|primary phone|other phone|"
    r"(business|home|company main) phone( \d+)?|phone \d+ value|phone \d+)$"
)
_TAGS = {"tags", "tag", "categories", "labels", "group membership", "groups"}
#: Outlook's and Google's address parts, per address kind, in reading order.
_ADDRESS_PART = re.compile(
    r"^(business|home|other|address \d+) (street( \d)?|po box|city|state|region|postal code|"
    r"zip|country|country region|extended address)$"
)


class _Columns:
    """Which column holds what, from the header row."""

    def __init__(self, header: list[str]) -> None:
        keys = [_key(h) for h in header]
        self.single: dict[str, int] = {}
        self.emails: list[int] = []
        self.phones: list[int] = []
        self.tags: list[int] = []
        self.address_parts: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            if key in _NAME_KEYS:
                self.single.setdefault("name", index)
            elif _EMAIL.match(key):
                self.emails.append(index)
            elif _PHONE.match(key):
                self.phones.append(index)
            elif key in _TAGS:
                self.tags.append(index)
            elif match := _ADDRESS_PART.match(key):
                self.address_parts.setdefault(match.group(1), []).append(index)
            else:
                for target, names in _SINGLE.items():
                    if key in names:
                        self.single.setdefault(target, index)
                        break
        if "pricing_model" not in self.single:  # an "Amount" column alone is not money terms
            for name in MONEY_COLUMNS:
                self.single.pop(name, None)
        if not ({"name", "first", "last", "organisation"} & set(self.single) or self.emails):
            shown = ", ".join(h for h in header[:8] if h.strip()) or "none"
            raise InputError(
                f"the header row names no client column (name, first/last name, company or "
                f"email); columns found: {shown}"
            )

    def record(self, row: list[str], where: str) -> Record:
        def cell(index: int) -> str:
            return unguard_cell(row[index]) if index < len(row) else ""

        def single(target: str) -> str:
            index = self.single.get(target)
            return cell(index) if index is not None else ""

        name = single("name").strip()
        if not name:
            parts = (single(p).strip() for p in ("prefix", "first", "middle", "last", "suffix"))
            name = " ".join(p for p in parts if p)
        organisation = single("organisation")
        if not name:
            name = organisation.strip()  # a company's card
        address = single("address")
        if not address.strip():
            for indexes in self.address_parts.values():
                lines = [cell(i).strip() for i in indexes]
                if any(lines):
                    address = "\n".join(line for line in lines if line)
                    break
        tags: list[str] = []
        for index in self.tags:
            for tag in _split(cell(index), (" ::: ", ";", ",", "\n")):
                if not tag.startswith("*"):  # Google's system groups: "* myContacts", "* starred"
                    tags.append(tag)
        return Record(
            where=where,
            name=name,
            organisation=organisation,
            address=address,
            handling_notes=single("handling_notes"),
            emails=[e for i in self.emails for e in _split(cell(i), (" ::: ", ";", ",", "\n"))],
            phones=[p for i in self.phones for p in _split(cell(i), (" ::: ", ";", "\n", ", "))],
            tags=tags,
            extra={k: single(k) for k in (*PROFILE_COLUMNS, *MONEY_COLUMNS) if k in self.single},
        )


def sniff_delimiter(text: str) -> str:
    """The delimiter the header row uses most (header names rarely contain any of them)."""
    header = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", header)  # a quoted header name may contain anything
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(text: str) -> tuple[list[ImportItem], list[ImportSkip]]:
    """The clients in CSV ``text``: what could be read, and the rows that could not."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("the file is empty (a header row is needed)") from None
    except csv.Error as exc:
        raise InputError(f"line 1: {exc}") from None
    columns = _Columns(header)
    items: list[ImportItem] = []
    problems: list[ImportSkip] = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(ImportSkip(f"line {start}", "", f"not readable as CSV: {exc}"))
            start = reader.line_num + 1
            continue
        where = f"line {start}"
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        collect(partial(columns.record, row, where), items, problems, where)
    return items, problems
