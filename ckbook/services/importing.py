"""Importing many clients at once (vCard, CSV): check every record, then write them all in one
transaction, or nothing.

Each record is checked by the same rules as ``add_client`` (and ``set_money_terms`` for money
columns). A record whose email already belongs to a live client, or to an earlier record of the
same file, is a *duplicate*: it is skipped and reported, never merged, so an import can be run
twice without doubling anyone (emails are compared without regard to case; records without an
email are never duplicates). An *invalid* record stops the whole import unless the caller asks
to skip invalid ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from peewee import fn

from ckbook.services.base import Changed, InputError, Kind, write_transaction
from ckbook.services.clients import ClientInput, clean_client_input
from ckbook.services.money import MoneyTermsInput, clean_money_terms
from ckbook.services.text import clean_line
from ckbook.store.models import Client, ClientTag, ContactDetail, MoneyTerms, Tag, database_proxy
from ckbook.store.rows import tuples

#: Rows per INSERT: well under SQLite's limit on bound values.
_BATCH = 200


@dataclass(frozen=True)
class ImportItem:
    """One record read from a file: where it was, the client, money terms if the file had some."""

    where: str  # "line 7", "entry 3, line 25"
    client: ClientInput
    money: MoneyTermsInput | None = None


@dataclass(frozen=True)
class ImportSkip:
    """A record left out: where it was, the name it carried, and why."""

    where: str
    name: str
    reason: str

    def describe(self) -> str:
        named = f" ({self.name})" if self.name else ""
        return f"{self.where}{named}: {self.reason}"


@dataclass(frozen=True)
class Imported:
    where: str
    name: str
    client_id: int | None  # None in a dry run


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[Imported, ...]
    duplicates: tuple[ImportSkip, ...]
    invalid: tuple[ImportSkip, ...]
    dry_run: bool
    skip_invalid: bool

    @property
    def refused(self) -> bool:
        """True when invalid records mean nothing is (or would be) written."""
        return bool(self.invalid) and not self.skip_invalid

    def refusal(self) -> str:
        """One line: the first invalid record and what is wrong with it."""
        first = self.invalid[0].describe()
        more = len(self.invalid) - 1
        others = f"; {more} more invalid record{'s' if more != 1 else ''}" if more else ""
        return f"{first}{others} — nothing imported (skip invalid records to import the rest)"

    def summary(self) -> str:
        """One line, e.g. ``Imported 12 clients; 2 duplicates skipped``."""
        clients = _count(len(self.imported), "client")
        if self.refused:
            head = f"Would import nothing: {_count(len(self.invalid), 'invalid record')}"
            head += f" ({clients} valid)"
        else:
            head = f"{'Would import' if self.dry_run else 'Imported'} {clients}"
        parts = [head]
        if self.duplicates:
            parts.append(f"{_count(len(self.duplicates), 'duplicate')} skipped")
        if self.invalid and not self.refused:
            parts.append(f"{_count(len(self.invalid), 'invalid record')} skipped")
        return "; ".join(parts)

    @property
    def changed(self) -> Changed:
        ids = tuple(i.client_id for i in self.imported if i.client_id is not None)
        return Changed(Kind.CLIENT, ids, ids, "imported")


@dataclass
class _Checked:
    valid: list[tuple[str, ClientInput, MoneyTermsInput | None]] = field(default_factory=list)
    invalid: list[ImportSkip] = field(default_factory=list)


def _check(items: Iterable[ImportItem]) -> _Checked:
    checked = _Checked()
    for item in items:
        try:
            client = clean_client_input(item.client)
            money = clean_money_terms(item.money) if item.money is not None else None
        except InputError as exc:
            checked.invalid.append(ImportSkip(item.where, _shown_name(item.client.name), str(exc)))
            continue
        checked.valid.append((item.where, client, money))
    return checked


def _shown_name(name: str) -> str:
    """The name of a refused record as a report shows it: one clean line (``services.text``)."""
    try:
        return clean_line(name)
    except InputError:  # not UTF-8: the reason says so
        return ""


def _known_emails() -> dict[str, tuple[int, str]]:
    """Every live client's email (lower case) -> (client id, client name)."""
    query = (
        ContactDetail.select(fn.lower(ContactDetail.value), Client.id, Client.name)
        .join(Client)
        .where((ContactDetail.kind == "email") & Client.deleted_at.is_null())
    )
    return {email: (cid, name) for email, cid, name in tuples(query)}


def import_clients(
    items: Sequence[ImportItem],
    now: datetime,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    unreadable: Sequence[ImportSkip] = (),
) -> ImportReport:
    """Check every record, then (unless ``dry_run``) write the valid, new ones in one transaction.

    ``unreadable`` are records the file reader could not turn into a client at all; they count as
    invalid. Without ``skip_invalid``, any invalid record means nothing is written and InputError
    names the first one (a dry run returns the report instead, with ``refused`` set).
    """
    checked = _check(items)
    invalid = sorted([*unreadable, *checked.invalid], key=lambda s: _order(s.where))
    report_invalid = tuple(invalid)
    refused = bool(report_invalid) and not skip_invalid
    if refused and not dry_run:
        raise InputError(ImportReport((), (), report_invalid, dry_run, skip_invalid).refusal())

    def plan() -> tuple[list[tuple[str, ClientInput, MoneyTermsInput | None]], list[ImportSkip]]:
        known = _known_emails()
        in_file: dict[str, str] = {}
        keep: list[tuple[str, ClientInput, MoneyTermsInput | None]] = []
        duplicates: list[ImportSkip] = []
        for where, client, money in checked.valid:
            reason = None
            for email in client.emails:
                key = email.lower()
                if key in known:
                    cid, name = known[key]
                    reason = f"duplicate: {email} belongs to client {cid} ({name})"
                elif key in in_file:
                    reason = f"duplicate: {email} is also in {in_file[key]}"
                if reason:
                    break
            if reason:
                duplicates.append(ImportSkip(where, client.name, reason))
                continue
            for email in client.emails:
                in_file[email.lower()] = where
            keep.append((where, client, money))
        return keep, duplicates

    if dry_run:
        with database_proxy.obj.atomic():  # one consistent read; writes nothing
            keep, duplicates = plan()
        imported = tuple(Imported(where, c.name, None) for where, c, _ in keep)
        return ImportReport(
            imported,
            tuple(duplicates),
            report_invalid,
            dry_run,
            skip_invalid,
        )

    with write_transaction():
        keep, duplicates = plan()
        ids = _write(keep, now)
    return ImportReport(
        tuple(Imported(where, c.name, cid) for (where, c, _), cid in zip(keep, ids, strict=True)),
        tuple(duplicates),
        report_invalid,
        dry_run,
        skip_invalid,
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _order(where: str) -> tuple[int, str]:
    """Sort "line 9" before "line 10": by the first number in ``where``."""
    digits = ""
    for ch in where:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return (int(digits) if digits else 0, where)


def _write(keep: list[tuple[str, ClientInput, MoneyTermsInput | None]], now: datetime) -> list[int]:
    """Insert clients, contacts, tags and money terms; the caller holds the transaction."""
    tag_ids = {name: tid for tid, name in tuples(Tag.select(Tag.id, Tag.name))}
    client_rows = [
        {
            "name": data.name,
            "organisation": data.organisation,
            "address": data.address,
            "status": data.status,
            "client_since": data.client_since or now.date(),
            "handling_notes": data.handling_notes,
            "attention_level": data.attention_level,
            "checkin_days": data.checkin_days,
            "response_hours": data.response_hours,
            "preferred_channel": data.preferred_channel,
            "created_at": now,
            "updated_at": now,
        }
        for _where, data, _money in keep
    ]
    ids: list[int] = []
    for start in range(0, len(client_rows), _BATCH):
        # One INSERT a batch (one a client spent seconds building SQL in peewee). A statement
        # numbers its rows in VALUES order, so the returned ids, sorted, are the batch's in order.
        query = Client.insert_many(client_rows[start : start + _BATCH]).returning(Client.id)
        ids.extend(sorted(int(row.id) for row in query.execute()))
    contacts: list[dict[str, object]] = []
    client_tags: list[dict[str, object]] = []
    money_rows: list[dict[str, object]] = []
    for (_where, data, money), client_id in zip(keep, ids, strict=True):
        for kind, values in (("email", data.emails), ("phone", data.phones)):
            contacts.extend(
                {"client": client_id, "kind": kind, "value": value, "position": i}
                for i, value in enumerate(values)
            )
        for name in data.tags:
            if name not in tag_ids:
                tag_ids[name] = int(Tag.insert(name=name).execute())
            client_tags.append({"client": client_id, "tag": tag_ids[name]})
        if money is not None:
            money_rows.append(
                {"client": client_id, "version": 1, "created_at": now, **money.__dict__}
            )
    for model, rows in (
        (ContactDetail, contacts),
        (ClientTag, client_tags),
        (MoneyTerms, money_rows),
    ):
        for start in range(0, len(rows), _BATCH):
            model.insert_many(rows[start : start + _BATCH]).execute()
    return ids
