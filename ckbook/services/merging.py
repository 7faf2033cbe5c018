"""One card per person: finding the clients a new one may duplicate, and merging two clients.

``matching_clients`` names the live clients whose name, email or phone matches what is about to
be created (names compared without case or spacing, emails without case, phones by their digits),
so the window can show the match and offer to open it instead.

``merge_clients(keep, other)`` moves everything of OTHER onto KEEP in one transaction: notes,
promises, incidents, requests, money-term history (KEEP's terms stay the current ones), check-in
reminder log, tags and contact details KEEP lacks. OTHER is then hidden (like a delete) and the
returned ``Merged`` carries a ``MergeRecord`` of exactly what moved, which ``unmerge`` puts back
(Ctrl+Z). ``forget_other=True`` (the CLI, which has no undo) removes OTHER for good instead,
with whatever duplicated KEEP's (the same email twice, a tag both had).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ckbook.i18n import tr
from ckbook.services.base import Changed, InputError, Kind, write_transaction
from ckbook.services.clients import _get_live
from ckbook.services.reminder_rules import ReminderKind
from ckbook.store.models import (
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    ReminderLog,
    Request,
)
from ckbook.store.rows import tuples

#: Phones match on their last digits (a country prefix or a leading 0 written or not).
PHONE_DIGITS = 8
#: The tables whose rows belong to a client through a ``client`` column, moved whole.
#: (Typed Any: peewee's model classes share no typed ``id``/``client`` attributes.)
_OWNED: dict[str, Any] = {
    "note": Note,
    "promise": Promise,
    "incident": Incident,
    "request": Request,
}


@dataclass(frozen=True)
class ClientMatch:
    id: int
    name: str
    organisation: str
    #: What matched, in words: "name", "email ada@example.com", "phone +44 20 7946 0000".
    reasons: tuple[str, ...]

    def describe(self) -> str:
        who = f"{self.name} ({self.organisation})" if self.organisation else self.name
        return tr("{who}: same {what}").format(who=who, what=", ".join(self.reasons))


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[-PHONE_DIGITS:] if len(digits) >= 6 else ""


class ClientIndex:
    """Every live client by name, email and phone key: built once, asked many times (an import
    checks each record against it without a query per record)."""

    def __init__(self) -> None:
        live = Client.deleted_at.is_null()
        self.names: dict[int, tuple[str, str]] = {}
        self.by_name: dict[str, list[int]] = {}
        for client_id, name, organisation in tuples(
            Client.select(Client.id, Client.name, Client.organisation).where(live)
        ):
            self.names[client_id] = (name, organisation)
            self.by_name.setdefault(_name_key(name), []).append(client_id)
        self.by_email: dict[str, list[tuple[int, str]]] = {}
        self.by_phone: dict[str, list[tuple[int, str]]] = {}
        contacts = (
            ContactDetail.select(ContactDetail.client, ContactDetail.kind, ContactDetail.value)
            .join(Client)
            .where(live)
        )
        for client_id, kind, value in tuples(contacts):
            if kind == "email":
                self.by_email.setdefault(value.strip().casefold(), []).append((client_id, value))
            elif kind == "phone" and (key := _phone_key(value)):
                self.by_phone.setdefault(key, []).append((client_id, value))

    def matches(
        self, name: str, emails: tuple[str, ...] = (), phones: tuple[str, ...] = ()
    ) -> list[ClientMatch]:
        """Live clients with the same name, an email or a phone in common (best match first)."""
        reasons: dict[int, list[str]] = {}
        for client_id in self.by_name.get(_name_key(name), []) if name.strip() else []:
            reasons.setdefault(client_id, []).append(tr("name"))
        for email in {e.strip().casefold() for e in emails if e.strip()}:
            for client_id, value in self.by_email.get(email, []):
                reasons.setdefault(client_id, []).append(tr("email {value}").format(value=value))
        for key in {k for k in (_phone_key(p) for p in phones) if k}:
            for client_id, value in self.by_phone.get(key, []):
                reasons.setdefault(client_id, []).append(tr("phone {value}").format(value=value))
        found = [
            ClientMatch(cid, *self.names[cid], tuple(why))
            for cid, why in reasons.items()
            if cid in self.names
        ]
        return sorted(found, key=lambda m: (-len(m.reasons), m.name.casefold(), m.id))


def matching_clients(
    name: str, emails: tuple[str, ...] = (), phones: tuple[str, ...] = ()
) -> list[ClientMatch]:
    """Live clients with the same name, an email or a phone in common (best match first)."""
    return ClientIndex().matches(name, emails, phones)


@dataclass(frozen=True)
class MergeRecord:
    """Exactly what a merge moved, so ``unmerge`` can put it back."""

    keep_id: int
    other_id: int
    #: (table, row ids moved from OTHER to KEEP)
    moved: tuple[tuple[str, tuple[int, ...]], ...]
    #: money terms renumbered: (row id, client before, version before)
    money: tuple[tuple[int, int, int], ...]
    contacts: tuple[int, ...]
    client_tags: tuple[int, ...]
    reminders: tuple[int, ...]

    def counts(self) -> dict[str, int]:
        """How many of each went over to KEEP (for a report: "3 notes, 1 promise, ...")."""
        found = {f"{table}s": len(ids) for table, ids in self.moved}
        found["money terms"] = sum(1 for _, client, _ in self.money if client == self.other_id)
        found["contact details"] = len(self.contacts)
        found["tags"] = len(self.client_tags)
        found["check-in reminders"] = len(self.reminders)
        return found


@dataclass(frozen=True)
class Merged(Changed):
    record: MergeRecord | None = None


def merge_clients(
    keep_id: int, other_id: int, now: datetime, *, forget_other: bool = False
) -> Merged:
    """Merge OTHER into KEEP (see the module docstring); InputError for the same client twice
    or one that does not exist."""
    if keep_id == other_id:
        raise InputError(tr("cannot merge a client into itself: name two different clients"))
    with write_transaction():
        keep = _get_live(keep_id)
        other = _get_live(other_id)
        moved: list[tuple[str, tuple[int, ...]]] = []
        for table, model in _OWNED.items():
            ids = tuple(
                i for (i,) in tuples(model.select(model.id).where(model.client == other_id))
            )
            if ids:
                model.update(client=keep_id).where(model.id.in_(ids)).execute()
            moved.append((table, ids))
        money = _merge_money_terms(keep_id, other_id)
        contacts = _merge_contacts(keep_id, other_id)
        client_tags = _merge_tags(keep_id, other_id)
        reminders = _merge_checkin_reminders(keep_id, other_id)
        Client.update(version=Client.version + 1, updated_at=now).where(
            Client.id == keep_id
        ).execute()
        if forget_other:
            Client.delete().where(Client.id == other_id).execute()
        else:
            Client.update(deleted_at=now, version=Client.version + 1).where(
                Client.id == other_id
            ).execute()
    record = MergeRecord(keep_id, other_id, tuple(moved), money, contacts, client_tags, reminders)
    return Merged(
        Kind.CLIENT,
        (keep_id, other_id),
        (keep_id, other_id),
        f"merged {other.name} into {keep.name}",
        record=record,
    )


def _merge_money_terms(keep_id: int, other_id: int) -> tuple[tuple[int, int, int], ...]:
    """OTHER's versions first, then KEEP's, so KEEP's current terms stay current."""
    rows = list(
        tuples(
            MoneyTerms.select(MoneyTerms.id, MoneyTerms.client, MoneyTerms.version)
            .where(MoneyTerms.client.in_([keep_id, other_id]))
            .order_by(MoneyTerms.client != other_id, MoneyTerms.version)
        )
    )
    if not any(client == other_id for _, client, _ in rows):
        return ()
    # Two steps around the (client, version) unique index: out of the way, then into place.
    for row_id, _client, _version in rows:
        MoneyTerms.update(version=-row_id).where(MoneyTerms.id == row_id).execute()
    for number, (row_id, _client, _version) in enumerate(rows, start=1):
        MoneyTerms.update(client=keep_id, version=number).where(MoneyTerms.id == row_id).execute()
    return tuple((row_id, client, version) for row_id, client, version in rows)


def _contact_key(kind: str, value: str) -> tuple[str, str]:
    """Two contact details are the same when their emails match without case, their phones by
    their digits."""
    if kind == "phone" and _phone_key(value):
        return (kind, _phone_key(value))
    return (kind, value.strip().casefold())


def _merge_contacts(keep_id: int, other_id: int) -> tuple[int, ...]:
    """OTHER's emails and phones that KEEP lacks, after KEEP's own."""
    have = {
        _contact_key(kind, value)
        for kind, value in tuples(
            ContactDetail.select(ContactDetail.kind, ContactDetail.value).where(
                ContactDetail.client == keep_id
            )
        )
    }
    moving: list[int] = []
    for row_id, kind, value in tuples(
        ContactDetail.select(ContactDetail.id, ContactDetail.kind, ContactDetail.value)
        .where(ContactDetail.client == other_id)
        .order_by(ContactDetail.position, ContactDetail.id)
    ):
        if _contact_key(kind, value) not in have:
            have.add(_contact_key(kind, value))
            moving.append(row_id)
    if moving:
        ContactDetail.update(client=keep_id, position=ContactDetail.position + 1000).where(
            ContactDetail.id.in_(moving)
        ).execute()
    return tuple(moving)


def _merge_tags(keep_id: int, other_id: int) -> tuple[int, ...]:
    have = {
        t for (t,) in tuples(ClientTag.select(ClientTag.tag).where(ClientTag.client == keep_id))
    }
    moving = [
        row_id
        for row_id, tag in tuples(
            ClientTag.select(ClientTag.id, ClientTag.tag).where(ClientTag.client == other_id)
        )
        if tag not in have
    ]
    if moving:
        ClientTag.update(client=keep_id).where(ClientTag.id.in_(moving)).execute()
    return tuple(moving)


def _merge_checkin_reminders(keep_id: int, other_id: int) -> tuple[int, ...]:
    """OTHER's check-in reminders (snoozed, done, fired) become KEEP's, but for an occurrence
    KEEP has its own row for."""
    checkin = ReminderKind.CHECKIN_OVERDUE.value
    have = {
        occurrence
        for (occurrence,) in tuples(
            ReminderLog.select(ReminderLog.occurrence).where(
                (ReminderLog.kind == checkin) & (ReminderLog.subject_id == keep_id)
            )
        )
    }
    moving = [
        row_id
        for row_id, occurrence in tuples(
            ReminderLog.select(ReminderLog.id, ReminderLog.occurrence).where(
                (ReminderLog.kind == checkin) & (ReminderLog.subject_id == other_id)
            )
        )
        if occurrence not in have
    ]
    if moving:
        ReminderLog.update(subject_id=keep_id).where(ReminderLog.id.in_(moving)).execute()
    return tuple(moving)


def unmerge(record: MergeRecord, now: datetime) -> Changed:
    """Undo ``merge_clients``: everything it moved goes back to OTHER, who is shown again."""
    keep_id, other_id = record.keep_id, record.other_id
    with write_transaction():
        if not Client.select().where(Client.id == other_id).exists():
            raise InputError(tr("the merged client is gone for good; the merge cannot be undone"))
        for table, ids in record.moved:
            model = _OWNED[table]
            if ids:
                model.update(client=other_id).where(model.id.in_(ids)).execute()
        for row_id, _client, _version in record.money:
            MoneyTerms.update(version=-row_id).where(MoneyTerms.id == row_id).execute()
        for row_id, client, version in record.money:
            MoneyTerms.update(client=client, version=version).where(
                MoneyTerms.id == row_id
            ).execute()
        if record.contacts:
            ContactDetail.update(client=other_id, position=ContactDetail.position - 1000).where(
                ContactDetail.id.in_(record.contacts)
            ).execute()
        if record.client_tags:
            ClientTag.update(client=other_id).where(ClientTag.id.in_(record.client_tags)).execute()
        if record.reminders:
            ReminderLog.update(subject_id=other_id).where(
                ReminderLog.id.in_(record.reminders)
            ).execute()
        Client.update(deleted_at=None, version=Client.version + 1, updated_at=now).where(
            Client.id == other_id
        ).execute()
        Client.update(version=Client.version + 1, updated_at=now).where(
            Client.id == keep_id
        ).execute()
    return Changed(Kind.CLIENT, (keep_id, other_id), (keep_id, other_id), "unmerged")
