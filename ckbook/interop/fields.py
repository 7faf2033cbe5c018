"""What every format shares: a client's fields by their ckbook names, read from text.

The readers (vCard, CSV) collect text per field name — ``name``, ``emails`` … ``preferred_channel``
and the money columns — and ``build_item`` turns it into the service's input. Values that are not
even readable (a check-in cadence of "soon", a date of "31/02") raise InputError naming the field;
everything else is left to the service's own rules, so an import checks exactly what typing the
client in would check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ckbook.i18n import tr
from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput
from ckbook.services.importing import ImportItem, ImportSkip, field_name
from ckbook.services.money import MoneyTermsInput, parse_money
from ckbook.services.rules import ATTENTION_DEFAULTS

#: Profile fields, in the order of our CSV export's columns.
PROFILE_COLUMNS = (
    "status",
    "client_since",
    "attention_level",
    "checkin_days",
    "response_hours",
    "preferred_channel",
)
#: Money-term fields (the current version), in the order of our CSV export's columns.
MONEY_COLUMNS = (
    "pricing_model",
    "amount",
    "currency",
    "budget_ceiling",
    "payment_terms_days",
    "deposit",
    "discount",
    "discount_condition",
    "scope_in",
    "scope_out",
    "agreed_on",
    "confirmed_by_client",
)
MONEY_AMOUNTS = ("amount", "budget_ceiling", "deposit")


@dataclass
class Record:
    """Text read for one client, by ckbook field name; lists keep the file's order."""

    where: str
    name: str = ""
    organisation: str = ""
    address: str = ""
    handling_notes: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # PROFILE_COLUMNS and MONEY_COLUMNS
    uid: str = ""
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # kind, value, label

    def is_empty(self) -> bool:
        return not any(
            (self.name, self.organisation, self.address, self.handling_notes)
        ) and not any((self.emails, self.phones, self.tags, any(self.extra.values())))


def _whole(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InputError(
            tr("{what} {text!r} is not a whole number").format(what=what, text=text)
        ) from None


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            tr("{what} {text!r} is not a date like 2026-11-18").format(what=what, text=text)
        ) from None


def _yes(text: str, what: str) -> bool:
    word = text.strip().lower()
    if word in ("", "no", "false", "0", "n"):
        return False
    if word in ("yes", "true", "1", "y"):
        return True
    raise InputError(tr("{what} {text!r} is not yes or no").format(what=what, text=text))


def _words(value: str) -> str:
    return value.strip().lower()


def build_item(record: Record) -> ImportItem:
    """The service input for ``record``; InputError when a value cannot even be read."""
    extra = {key: value.strip() for key, value in record.extra.items() if value.strip()}
    level = _words(extra.get("attention_level", "")) or "standard"
    defaults = ATTENTION_DEFAULTS.get(level, ATTENTION_DEFAULTS["standard"])
    client = ClientInput(
        name=record.name,
        organisation=record.organisation,
        emails=tuple(record.emails),
        phones=tuple(record.phones),
        address=record.address,
        tags=tuple(record.tags),
        status=_words(extra.get("status", "")) or "active",
        client_since=(
            _day(extra["client_since"], field_name("client_since"))
            if "client_since" in extra
            else None
        ),
        handling_notes=record.handling_notes,
        attention_level=level,
        checkin_days=(
            _whole(extra["checkin_days"], field_name("checkin_days"))
            if "checkin_days" in extra
            else defaults["checkin_days"]
        ),
        response_hours=(
            _whole(extra["response_hours"], field_name("response_hours"))
            if "response_hours" in extra
            else defaults["response_hours"]
        ),
        preferred_channel=_words(extra.get("preferred_channel", "")) or "email",
    )
    present = {
        name
        for name, value in (
            ("name", record.name),
            ("organisation", record.organisation),
            ("address", record.address),
            ("handling_notes", record.handling_notes),
            ("emails", record.emails),
            ("phones", record.phones),
            ("tags", record.tags),
        )
        if value
    } | {name for name in PROFILE_COLUMNS if name in extra}
    return ImportItem(
        record.where,
        client,
        _money(extra),
        uid=record.uid.strip(),
        present=frozenset(present),
        labels=tuple(record.labels),
    )


def _money(extra: Mapping[str, str]) -> MoneyTermsInput | None:
    if not any(extra.get(name) for name in MONEY_COLUMNS):
        return None
    if not extra.get("pricing_model"):
        raise InputError(tr("money terms need a pricing model"))
    return MoneyTermsInput(
        pricing_model=_words(extra["pricing_model"]),
        currency=extra.get("currency") or "EUR",
        payment_terms_days=(
            _whole(extra["payment_terms_days"], field_name("payment_terms_days"))
            if extra.get("payment_terms_days")
            else None
        ),
        discount=extra.get("discount", ""),
        discount_condition=extra.get("discount_condition", ""),
        scope_in=extra.get("scope_in", ""),
        scope_out=extra.get("scope_out", ""),
        agreed_on=_day(extra["agreed_on"], field_name("agreed_on"))
        if extra.get("agreed_on")
        else None,
        confirmed_by_client=_yes(
            extra.get("confirmed_by_client", ""), field_name("confirmed_by_client")
        ),
        amount=parse_money(extra.get("amount"), "amount"),
        budget_ceiling=parse_money(extra.get("budget_ceiling"), "budget ceiling"),
        deposit=parse_money(extra.get("deposit"), "deposit"),
    )


def split_values(text: str, separators: Iterable[str]) -> list[str]:
    """``text`` cut at any of ``separators``, each part trimmed, blanks dropped."""
    parts = [text]
    for separator in separators:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part.strip() for part in parts if part.strip()]


def collect(
    read: Callable[[], Record], items: list[ImportItem], problems: list[ImportSkip], where: str
) -> None:
    """Read one record into ``items``, or, when it cannot be read, say why in ``problems``."""
    record = None
    try:
        record = read()
        items.append(build_item(record))
    except InputError as exc:
        problems.append(ImportSkip(where, record.name.strip() if record else "", str(exc)))
