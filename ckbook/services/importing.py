"""Importing many clients at once (vCard, CSV): check every record, match each to the client it
is, then write the new ones and the changes in one transaction, or nothing.

Each record is checked by the same rules as ``add_client`` (and ``set_money_terms`` for money
columns). An *invalid* record stops the whole import unless the caller asks to skip invalid ones.

Matching, first rule that finds a live client wins:

1. the same UID (a vCard's UID, the ``uid`` column or key of our CSV and JSON);
2. the same name (ignoring case and spacing) and at least one email or phone in common;
3. the same name and the same organisation.

Two different people who share an email (a family, ``accounts@`` of one company) have different
names, so they stay two clients. A matched client is *updated* with what the file says
differently, field by field: a field the file leaves empty is never blanked; emails, phones and
tags the file adds are added, none is removed; money terms that differ become a new version. A
record that matches nothing is *new*. A record that is the same person as an earlier record of
the same file (or names a client an earlier record already matched) is *skipped*, with why;
two records carrying different UIDs are never the same person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from peewee import fn

from ckbook.i18n import tr
from ckbook.services.base import Changed, InputError, Kind, write_transaction
from ckbook.services.clients import ClientInput, clean_client_input
from ckbook.services.merging import ClientIndex
from ckbook.services.money import MoneyTermsInput, clean_money_terms
from ckbook.services.text import clean_line
from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    MoneyTerms,
    Tag,
    database_proxy,
    mint_uid,
)
from ckbook.store.rows import tuples

#: Rows per INSERT: well under SQLite's limit on bound values.
_BATCH = 200
#: The client fields a record may carry (ClientInput's).
CLIENT_FIELDS = frozenset(f.name for f in fields(ClientInput))
#: Profile fields compared and updated one by one (lists are merged instead).
_SCALARS = (
    "name",
    "organisation",
    "address",
    "handling_notes",
    "status",
    "client_since",
    "attention_level",
    "checkin_days",
    "response_hours",
    "preferred_channel",
)


def field_name(name: str) -> str:
    """A field's name as the preview and the report say it, in the user's language."""
    names = {
        "name": tr("name"),
        "organisation": tr("organisation"),
        "address": tr("address"),
        "status": tr("status"),
        "handling_notes": tr("handling notes"),
        "client_since": tr("client since"),
        "attention_level": tr("attention level"),
        "checkin_days": tr("check-in days"),
        "response_hours": tr("response hours"),
        "preferred_channel": tr("preferred channel"),
        "emails": tr("email"),
        "email": tr("email"),
        "phones": tr("phone"),
        "phone": tr("phone"),
        "tags": tr("tag"),
        "pricing_model": tr("pricing model"),
        "amount": tr("amount"),
        "currency": tr("currency"),
        "budget_ceiling": tr("budget ceiling"),
        "payment_terms_days": tr("payment terms (days)"),
        "deposit": tr("deposit"),
        "discount": tr("discount"),
        "discount_condition": tr("discount condition"),
        "scope_in": tr("in scope"),
        "scope_out": tr("out of scope"),
        "agreed_on": tr("agreed on"),
        "confirmed_by_client": tr("confirmed by client"),
    }
    return names.get(name, name.replace("_", " "))


def place(where: str) -> str:
    """Where a record was in its file ("line 7", "entry 3, line 25", "client 2"), in the
    user's language; records keep the English words (sorting and JSON read them)."""
    found = re.fullmatch(r"entry (\d+), line (\d+)", where)
    if found:
        return tr("entry {entry}, line {line}").format(entry=found[1], line=found[2])
    found = re.fullmatch(r"line (\d+)", where)
    if found:
        return tr("line {line}").format(line=found[1])
    found = re.fullmatch(r"client (\d+)", where)
    if found:
        return tr("client {number}").format(number=found[1])
    return where


_MONEY_FIELDS = tuple(f.name for f in fields(MoneyTermsInput) if f.name != "change_reason")

#: Called now and then with (records done, records in all); raises Cancelled to stop.
Progress = Callable[[int, int], None]


class Cancelled(InputError):
    """The user stopped an import or export; nothing was written."""

    def __init__(self, message: str = "cancelled: nothing was written") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ImportItem:
    """One record read from a file: where it was, the client, money terms if the file had some.

    ``present`` names the client fields the file gave a value for (an update changes only
    those); ``uid`` is the file's identity for the record, if any; ``labels`` the
    (kind, value, label) of emails and phones the file labelled (work, home, mobile…).
    """

    where: str  # "line 7", "entry 3, line 25"
    client: ClientInput
    money: MoneyTermsInput | None = None
    uid: str = ""
    present: frozenset[str] = CLIENT_FIELDS
    labels: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class ImportSkip:
    """A record left out: where it was, the name it carried, and why."""

    where: str
    name: str
    reason: str

    def describe(self) -> str:
        named = f" ({self.name})" if self.name else ""
        return f"{place(self.where)}{named}: {self.reason}"


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes, as the user reads it."""

    field: str
    old: str
    new: str

    def describe(self) -> str:
        if not self.old:
            return f"{self.field}: + {self.new}"
        return f"{self.field}: {self.old} → {self.new}"


@dataclass(frozen=True)
class Imported:
    """A record written (or, in a dry run, to be written): new, updated or unchanged."""

    where: str
    name: str
    client_id: int | None  # None for a new client in a dry run
    outcome: str = "new"  # "new", "updated" or "unchanged"
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[Imported, ...]  # every matched or new record, in file order
    duplicates: tuple[ImportSkip, ...]  # skipped: the same person as an earlier record
    invalid: tuple[ImportSkip, ...]
    dry_run: bool
    skip_invalid: bool
    source: str = ""  # how the file was read, e.g. "read as Windows-1252 (detected)"
    #: New records that may be someone already here: the same name or phone as a live client,
    #: though not enough alike to be matched (one card per person: ``ckbook client merge`` or
    #: the card makes them one).
    resembling: tuple[ImportSkip, ...] = ()

    def of(self, outcome: str) -> tuple[Imported, ...]:
        return tuple(i for i in self.imported if i.outcome == outcome)

    @property
    def new(self) -> tuple[Imported, ...]:
        return self.of("new")

    @property
    def updated(self) -> tuple[Imported, ...]:
        return self.of("updated")

    @property
    def unchanged(self) -> tuple[Imported, ...]:
        return self.of("unchanged")

    @property
    def refused(self) -> bool:
        """True when invalid records mean nothing is (or would be) written."""
        return bool(self.invalid) and not self.skip_invalid

    @property
    def writes(self) -> bool:
        """True when the import adds or changes anything."""
        return bool(self.new or self.updated)

    def refusal(self) -> str:
        """One line: the first invalid record and what is wrong with it."""
        first = self.invalid[0].describe()
        more = len(self.invalid) - 1
        if more == 0:
            said = tr("{first} — nothing imported (skip invalid records to import the rest)")
        elif more == 1:
            said = tr(
                "{first}; 1 more invalid record — nothing imported (skip invalid records to "
                "import the rest)"
            )
        else:
            said = tr(
                "{first}; %n more invalid records — nothing imported (skip invalid records to "
                "import the rest)",
                "",
                more,
            )
        return said.format(first=first)

    def counts(self, with_invalid: bool = True) -> str:
        """``3 new, 2 updated, 1 unchanged, 1 skipped (line 40: why)``."""
        new, updated, unchanged = len(self.new), len(self.updated), len(self.unchanged)
        parts = [
            tr("{count} new", "import").format(count=new),
            tr("{count} updated", "import").format(count=updated),
            tr("{count} unchanged", "import").format(count=unchanged),
        ]
        skipped = sorted(
            [*self.duplicates, *(self.invalid if with_invalid else ())],
            key=lambda s: _order(s.where),
        )
        if skipped:
            first, count, more = skipped[0], len(skipped), len(skipped) - 1
            if more:
                said = tr("{count} skipped ({where}: {why}; {more} more)")
            else:
                said = tr("{count} skipped ({where}: {why})")
            parts.append(
                said.format(count=count, where=place(first.where), why=first.reason, more=more)
            )
        return ", ".join(parts)

    def summary(self) -> str:
        """One line: ``Imported: 3 new, 2 updated, 1 unchanged, 1 skipped (line 40: why)``."""
        if self.refused:
            first, invalid = self.invalid[0], len(self.invalid)
            if invalid == 1:
                said = tr(
                    "Would import nothing: 1 invalid record ({where}: {why}); the others: {counts}"
                )
            else:
                said = tr(
                    "Would import nothing: %n invalid records ({where}: {why}); the others: "
                    "{counts}",
                    "",
                    invalid,
                )
            return said.format(
                where=place(first.where),
                why=first.reason,
                counts=self.counts(with_invalid=False),
            )
        counts, resembling = self.counts(), len(self.resembling)
        if not resembling:
            said = tr("Would import: {counts}") if self.dry_run else tr("Imported: {counts}")
        elif self.dry_run:
            if resembling == 1:
                said = tr("Would import: {counts}; 1 client may already be in the notebook")
            else:
                said = tr(
                    "Would import: {counts}; %n clients may already be in the notebook",
                    "",
                    resembling,
                )
        elif resembling == 1:
            said = tr("Imported: {counts}; 1 client may already be in the notebook")
        else:
            said = tr(
                "Imported: {counts}; %n clients may already be in the notebook", "", resembling
            )
        return said.format(counts=counts)

    @property
    def changed(self) -> Changed:
        ids = tuple(
            i.client_id
            for i in self.imported
            if i.client_id is not None and i.outcome != "unchanged"
        )
        return Changed(Kind.CLIENT, ids, ids, "imported")


# -- matching --------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name as matched: case and spacing ignored."""
    return " ".join(name.casefold().split())


def phone_key(phone: str) -> str:
    """A phone number as matched: its digits, an international ``00`` read like ``+``."""
    digits = re.sub(r"\D", "", phone)
    return digits[2:] if digits.startswith("00") else digits


@dataclass
class _Person:
    """A live client, or a record earlier in the file, as matching sees it."""

    key: int  # client id (> 0) or -(index of the record in the file) - 1
    uid: str
    name: str
    organisation: str
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    where: str = ""  # for a record of the file


class _Index:
    def __init__(self) -> None:
        self.by_uid: dict[str, _Person] = {}
        self.by_name: dict[str, list[_Person]] = defaultdict(list)

    def add(self, person: _Person) -> None:
        if person.uid:
            self.by_uid.setdefault(person.uid, person)
        self.by_name[name_key(person.name)].append(person)


def _live_people() -> _Index:
    index = _Index()
    people: dict[int, _Person] = {}
    query = Client.select(Client.id, Client.uid, Client.name, Client.organisation).where(
        Client.deleted_at.is_null()
    )
    for cid, uid, name, organisation in tuples(query):
        people[cid] = _Person(cid, uid, name, name_key(organisation))
    contacts = ContactDetail.select(ContactDetail.client, ContactDetail.kind, ContactDetail.value)
    for cid, kind, value in tuples(contacts):
        person = people.get(cid)
        if person is None:
            continue
        if kind == "email":
            person.emails.add(value.lower())
        else:
            person.phones.add(phone_key(value))
    for person in people.values():
        index.add(person)
    return index


def _match(
    index: _Index, uid: str, client: ClientInput, from_file: bool
) -> tuple[_Person, str] | None:
    """The person ``client`` is, and by which rule; None when it is someone new."""
    if uid and uid in index.by_uid:
        return index.by_uid[uid], tr("the same UID")
    emails = {e.lower() for e in client.emails}
    phones = {phone_key(p) for p in client.phones} - {""}
    organisation = name_key(client.organisation)
    candidates = [
        p
        for p in index.by_name.get(name_key(client.name), [])
        # Two records of one file with different UIDs are two people, whatever else they share.
        if not (from_file and p.key < 0 and uid and p.uid and p.uid != uid)
    ]
    for person in candidates:
        if emails & person.emails or phones & person.phones:
            return person, tr("the same name and email or phone")
    for person in candidates:
        if person.organisation == organisation:
            return person, tr("the same name and organisation")
    return None


# -- what an update changes ------------------------------------------------------------------


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


@dataclass
class _Update:
    client_id: int
    scalars: dict[str, Any] = field(default_factory=dict)
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # kind, value, label
    labels: list[tuple[int, str]] = field(default_factory=list)  # contact id, new label
    tags: list[str] = field(default_factory=list)
    money: MoneyTermsInput | None = None
    changes: list[FieldChange] = field(default_factory=list)


def _current(client_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """What the update rules compare: each client's fields, contacts, tags and money terms."""
    ids = list(client_ids)
    state: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for client in Client.select().where(Client.id.in_(chunk)):
            state[client.id] = {
                **{name: getattr(client, name) for name in _SCALARS},
                "contacts": [],
                "tags": [],
                "money": None,
            }
        contacts = (
            ContactDetail.select(
                ContactDetail.client,
                ContactDetail.id,
                ContactDetail.kind,
                ContactDetail.value,
                ContactDetail.label,
                ContactDetail.position,
            )
            .where(ContactDetail.client.in_(chunk))
            .order_by(ContactDetail.position, ContactDetail.id)
        )
        for cid, contact_id, kind, value, label, position in tuples(contacts):
            state[cid]["contacts"].append((contact_id, kind, value, label, position))
        tags = (
            ClientTag.select(ClientTag.client, Tag.name)
            .join(Tag)
            .where(ClientTag.client.in_(chunk))
        )
        for cid, name in tuples(tags):
            state[cid]["tags"].append(name)
        latest = (
            MoneyTerms.select(MoneyTerms.client, fn.max(MoneyTerms.version))
            .where(MoneyTerms.client.in_(chunk))
            .group_by(MoneyTerms.client)
        )
        for cid, version in tuples(latest):
            state[cid]["money"] = MoneyTerms.get(
                (MoneyTerms.client == cid) & (MoneyTerms.version == version)
            )
    return state


def _label_of(labels: dict[tuple[str, str], str], kind: str, value: str) -> str:
    key = value.lower() if kind == "email" else phone_key(value)
    return labels.get((kind, key), "")


def _diff(
    client_id: int,
    current: dict[str, Any],
    data: ClientInput,
    present: frozenset[str],
    money: MoneyTermsInput | None,
    labels: dict[tuple[str, str], str],
) -> _Update:
    update = _Update(client_id)
    for name in _SCALARS:
        if name not in present:
            continue
        new = getattr(data, name)
        if new is None or (isinstance(new, str) and not new.strip()):
            continue  # the file has nothing to say: never blank what is stored
        if new != current[name]:
            update.scalars[name] = new
            label = field_name(name)
            update.changes.append(FieldChange(label, _shown(current[name]), _shown(new)))
    stored = current["contacts"]
    for kind, values in (("email", data.emails), ("phone", data.phones)):
        if f"{kind}s" not in present:
            continue
        known: dict[str, tuple[int, str]] = {}
        for contact_id, stored_kind, value, label, _position in stored:
            if stored_kind == kind:
                key = value.lower() if kind == "email" else phone_key(value)
                known[key] = (contact_id, label)
        for value in values:
            key = value.lower() if kind == "email" else phone_key(value)
            label = _label_of(labels, kind, value)
            if key not in known:
                update.contacts.append((kind, value, label))
                update.changes.append(FieldChange(field_name(kind), "", value))
                known[key] = (0, label)
            elif label and not known[key][1] and known[key][0]:
                update.labels.append((known[key][0], label))
                what = tr("email label") if kind == "email" else tr("phone label")
                update.changes.append(FieldChange(what, value, f"{value} ({label})"))
    if "tags" in present:
        have = {t.lower() for t in current["tags"]}
        for tag in data.tags:
            if tag.lower() not in have:
                update.tags.append(tag)
                update.changes.append(FieldChange(field_name("tags"), "", tag))
                have.add(tag.lower())
    if money is not None:
        terms = current["money"]
        if terms is None or any(getattr(terms, n) != getattr(money, n) for n in _MONEY_FIELDS):
            update.money = money
            for n in _MONEY_FIELDS:
                old = getattr(terms, n) if terms is not None else None
                if old != getattr(money, n):
                    label = tr("money: {field}").format(field=field_name(n))
                    update.changes.append(
                        FieldChange(label, _shown(old), _shown(getattr(money, n)))
                    )
    return update


# -- the use-case ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Valid:
    where: str
    client: ClientInput
    money: MoneyTermsInput | None
    uid: str
    present: frozenset[str]
    labels: dict[tuple[str, str], str]


def _check(items: Iterable[ImportItem]) -> tuple[list[_Valid], list[ImportSkip]]:
    valid: list[_Valid] = []
    invalid: list[ImportSkip] = []
    for item in items:
        try:
            client = clean_client_input(item.client)
            money = clean_money_terms(item.money) if item.money is not None else None
        except InputError as exc:
            invalid.append(ImportSkip(item.where, _shown_name(item.client.name), str(exc)))
            continue
        labels = {
            (kind, value.strip().lower() if kind == "email" else phone_key(value)): label
            for kind, value, label in item.labels
            if label
        }
        valid.append(_Valid(item.where, client, money, item.uid.strip(), item.present, labels))
    return valid, invalid


@dataclass
class _Plan:
    new: list[tuple[int, _Valid]] = field(default_factory=list)  # (position in file, record)
    updates: list[tuple[int, _Valid, _Update]] = field(default_factory=list)
    unchanged: list[tuple[int, _Valid, int]] = field(default_factory=list)
    duplicates: list[ImportSkip] = field(default_factory=list)
    resembling: list[ImportSkip] = field(default_factory=list)


def _plan(valid: Sequence[_Valid], progress: Progress | None) -> _Plan:
    index = _live_people()
    alike = ClientIndex()
    plan = _Plan()
    claimed: dict[int, str] = {}  # client id -> where the record that matched it was
    matched: list[tuple[int, _Valid, int]] = []
    for position, record in enumerate(valid):
        if progress is not None and position % 500 == 0:
            progress(position, len(valid) * 2)
        found = _match(index, record.uid, record.client, from_file=True)
        if found is not None:
            person, rule = found
            if person.key < 0:
                plan.duplicates.append(
                    ImportSkip(
                        record.where,
                        record.client.name,
                        tr("same person as {where} ({rule})").format(
                            where=place(person.where), rule=rule
                        ),
                    )
                )
                continue
            if person.key in claimed:
                plan.duplicates.append(
                    ImportSkip(
                        record.where,
                        record.client.name,
                        tr("client {id} was already matched by {where}").format(
                            id=person.key, where=place(claimed[person.key])
                        ),
                    )
                )
                continue
            claimed[person.key] = record.where
            matched.append((position, record, person.key))
            continue
        plan.new.append((position, record))
        for like in alike.matches(record.client.name, (), record.client.phones)[:1]:
            plan.resembling.append(
                ImportSkip(
                    record.where,
                    record.client.name,
                    tr("may be client {id}, {match}").format(id=like.id, match=like.describe()),
                )
            )
        index.add(
            _Person(
                -position - 1,
                record.uid,
                record.client.name,
                name_key(record.client.organisation),
                {e.lower() for e in record.client.emails},
                {phone_key(p) for p in record.client.phones} - {""},
                record.where,
            )
        )
    current = _current(cid for _, _, cid in matched)
    for position, record, cid in matched:
        update = _diff(
            cid, current[cid], record.client, record.present, record.money, record.labels
        )
        if update.changes:
            plan.updates.append((position, record, update))
        else:
            plan.unchanged.append((position, record, cid))
    return plan


def _shown_name(name: str) -> str:
    """The name of a refused record as a report shows it: one clean line (``services.text``)."""
    try:
        return clean_line(name)
    except InputError:  # not UTF-8: the reason says so
        return ""


def import_clients(
    items: Sequence[ImportItem],
    now: datetime,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    unreadable: Sequence[ImportSkip] = (),
    progress: Progress | None = None,
) -> ImportReport:
    """Check every record, match it, then (unless ``dry_run``) write the new clients and the
    updates in one transaction.

    ``unreadable`` are records the file reader could not turn into a client at all; they count as
    invalid. Without ``skip_invalid``, any invalid record means nothing is written and InputError
    names the first one (a dry run returns the report instead, with ``refused`` set).
    ``progress`` may raise Cancelled: the transaction is rolled back and nothing is written.
    """
    valid, invalid_records = _check(items)
    invalid = tuple(sorted([*unreadable, *invalid_records], key=lambda s: _order(s.where)))
    refused = bool(invalid) and not skip_invalid
    if refused and not dry_run:
        raise InputError(ImportReport((), (), invalid, dry_run, skip_invalid).refusal())

    if dry_run:
        with database_proxy.obj.atomic():  # one consistent read; writes nothing
            plan = _plan(valid, progress)
        new_ids: list[int] = [0] * len(plan.new)
    else:
        with write_transaction():
            plan = _plan(valid, progress)
            new_ids = _write_new([r for _, r in plan.new], now, progress, len(valid))
            _write_updates([u for _, _, u in plan.updates], now)
    rows: list[tuple[int, Imported]] = []
    for (position, record), cid in zip(plan.new, new_ids, strict=True):
        rows.append((position, Imported(record.where, record.client.name, cid or None)))
    for position, record, update in plan.updates:
        rows.append(
            (
                position,
                Imported(
                    record.where, record.client.name, update.client_id, "updated",
                    tuple(update.changes),
                ),
            )
        )  # fmt: skip
    for position, record, cid in plan.unchanged:
        rows.append((position, Imported(record.where, record.client.name, cid, "unchanged")))
    rows.sort(key=lambda pair: pair[0])
    return ImportReport(
        tuple(row for _, row in rows),
        tuple(plan.duplicates),
        invalid,
        dry_run,
        skip_invalid,
        resembling=tuple(plan.resembling),
    )


def _order(where: str) -> tuple[int, str]:
    """Sort "line 9" before "line 10": by the first number in ``where``."""
    digits = ""
    for ch in where:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return (int(digits) if digits else 0, where)


def _tag_id(tag_ids: dict[str, int], name: str) -> int:
    if name not in tag_ids:
        tag_ids[name] = int(Tag.insert(name=name).execute())
    return tag_ids[name]


def _uids_taken(uids: Iterable[str]) -> set[str]:
    """Which of ``uids`` a client (a deleted one too) already has."""
    wanted = [u for u in uids if u]
    taken: set[str] = set()
    for start in range(0, len(wanted), 500):
        query = Client.select(Client.uid).where(Client.uid.in_(wanted[start : start + 500]))
        taken.update(uid for (uid,) in tuples(query))
    return taken


def _write_new(
    records: list[_Valid], now: datetime, progress: Progress | None, total: int
) -> list[int]:
    """Insert clients, contacts, tags and money terms; the caller holds the transaction."""
    tag_ids = {name: tid for tid, name in tuples(Tag.select(Tag.id, Tag.name))}
    # A UID a deleted (undoable) client still holds, or one repeated in the file, is minted anew.
    taken = _uids_taken(r.uid for r in records)
    client_rows = []
    for record in records:
        data = record.client
        uid = record.uid if record.uid and record.uid not in taken else mint_uid()
        taken.add(uid)
        client_rows.append(
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
                "uid": uid,
            }
        )
    ids: list[int] = []
    for start in range(0, len(client_rows), _BATCH):
        if progress is not None:
            progress(total + start * total // max(len(client_rows), 1), total * 2)
        # One INSERT a batch (one a client spent seconds building SQL in peewee). A statement
        # numbers its rows in VALUES order, so the returned ids, sorted, are the batch's in order.
        query = Client.insert_many(client_rows[start : start + _BATCH]).returning(Client.id)
        ids.extend(sorted(int(row.id) for row in query.execute()))
    contacts: list[dict[str, object]] = []
    client_tags: list[dict[str, object]] = []
    money_rows: list[dict[str, object]] = []
    for record, client_id in zip(records, ids, strict=True):
        data, money = record.client, record.money
        for kind, values in (("email", data.emails), ("phone", data.phones)):
            contacts.extend(
                {
                    "client": client_id,
                    "kind": kind,
                    "value": value,
                    "position": i,
                    "label": _label_of(record.labels, kind, value),
                }
                for i, value in enumerate(values)
            )
        for name in data.tags:
            client_tags.append({"client": client_id, "tag": _tag_id(tag_ids, name)})
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
    if progress is not None:
        progress(total * 2, total * 2)
    return ids


def _write_updates(updates: list[_Update], now: datetime) -> None:
    """Apply each update: changed fields, added contacts and tags, a new money version."""
    if not updates:
        return
    tag_ids = {name: tid for tid, name in tuples(Tag.select(Tag.id, Tag.name))}
    for update in updates:
        cid = update.client_id
        Client.update(**update.scalars, updated_at=now, version=Client.version + 1).where(
            Client.id == cid
        ).execute()
        for kind in ("email", "phone"):
            added = [(value, label) for k, value, label in update.contacts if k == kind]
            if not added:
                continue
            last = (
                ContactDetail.select(fn.max(ContactDetail.position))
                .where((ContactDetail.client == cid) & (ContactDetail.kind == kind))
                .scalar()
            )
            first = -1 if last is None else int(last)
            for offset, (value, label) in enumerate(added, start=1):
                ContactDetail.insert(
                    client=cid, kind=kind, value=value, label=label, position=first + offset
                ).execute()
        for contact_id, label in update.labels:
            ContactDetail.update(label=label).where(ContactDetail.id == contact_id).execute()
        for name in update.tags:
            ClientTag.insert(client=cid, tag=_tag_id(tag_ids, name)).execute()
        if update.money is not None:
            version = (
                MoneyTerms.select(fn.max(MoneyTerms.version))
                .where(MoneyTerms.client == cid)
                .scalar()
            )
            terms = {**update.money.__dict__}
            terms["change_reason"] = terms["change_reason"] or tr("imported from a file")
            MoneyTerms.insert(
                client=cid, version=int(version or 0) + 1, created_at=now, **terms
            ).execute()
