"""Money terms: agreed up front, versioned. A change adds a version; old versions stay readable,
so a promised discount can never be silently forgotten."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from ckbook.i18n import format_number, tr
from ckbook.services.base import Changed, InputError, Kind, require_choice, write_transaction
from ckbook.services.clients import ClientInput, _get_live, add_client, clean_client_input
from ckbook.services.text import clean_block, clean_line
from ckbook.services.versions import HasVersion, merge_fields
from ckbook.store.models import PRICING_MODELS, MoneyTerms
from ckbook.store.rows import tuples

#: The English words of a client without money terms (``money_not_discussed()`` translated).
MONEY_NOT_DISCUSSED = "Money not discussed yet"


def money_not_discussed() -> str:
    """What a client without money terms shows, in the user's language."""
    return tr("Money not discussed yet")


def pricing_label(model: str) -> str:
    """A pricing model as people read it (``hourly`` / ``pro Stunde``)."""
    return {
        "hourly": tr("hourly", "pricing model"),
        "fixed": tr("fixed", "pricing model"),
        "retainer": tr("retainer", "pricing model"),
        "per item": tr("per item", "pricing model"),
    }.get(model, model)


def _field_label(field: str) -> str:
    return {
        "pricing": tr("pricing", "money terms field"),
        "amount": tr("amount", "money terms field"),
        "budget ceiling": tr("budget ceiling", "money terms field"),
        "deposit": tr("deposit", "money terms field"),
        "payment terms": tr("payment terms", "money terms field"),
        "discount": tr("discount", "money terms field"),
        "discount condition": tr("discount condition", "money terms field"),
        "scope in": tr("scope in", "money terms field"),
        "scope out": tr("scope out", "money terms field"),
        "confirmed by client": tr("confirmed by client", "money terms field"),
    }.get(field, field)


@dataclass(frozen=True)
class MoneyTermsInput:
    pricing_model: str
    amount: Decimal | None = None
    currency: str = "EUR"
    budget_ceiling: Decimal | None = None
    payment_terms_days: int | None = None
    deposit: Decimal | None = None
    discount: str = ""
    discount_condition: str = ""
    scope_in: str = ""
    scope_out: str = ""
    agreed_on: date | None = None
    confirmed_by_client: bool = False
    change_reason: str = ""


@dataclass(frozen=True)
class MoneyTermsRow(MoneyTermsInput):
    id: int = 0
    client_id: int = 0
    version: int = 0
    created_at: datetime | None = None

    def one_line(self) -> str:
        """E.g. ``hourly 95.00 EUR · 30 days · deposit 500 · discount: 10% if paid early``."""
        parts = [pricing_label(self.pricing_model)]
        if self.amount is not None:
            parts[0] += f" {format_money(self.amount, self.currency)}"
        if self.budget_ceiling is not None:
            ceiling = format_money(self.budget_ceiling, self.currency)
            parts.append(tr("budget ≤ {amount}").format(amount=ceiling))
        days = self.payment_terms_days
        if days is not None:
            parts.append(tr("%n days to pay", "", days))
        if self.deposit is not None:
            deposit = format_money(self.deposit, self.currency)
            parts.append(tr("deposit {amount}").format(amount=deposit))
        if self.discount and self.discount_condition:
            parts.append(
                tr("discount: {discount} ({condition})").format(
                    discount=self.discount, condition=self.discount_condition
                )
            )
        elif self.discount:
            parts.append(tr("discount: {discount}").format(discount=self.discount))
        return " · ".join(parts)


@dataclass(frozen=True)
class TermsChange:
    """One field that differs between two versions of a client's money terms."""

    field: str
    before: str
    after: str

    @property
    def about_discount(self) -> bool:
        """A discount promised, changed or dropped: what must never be silently forgotten."""
        return self.field.startswith("discount")

    def describe(self) -> str:
        field = _field_label(self.field)
        if not self.before:
            return tr("{field} {after} added").format(field=field, after=self.after)
        if not self.after:
            return tr("{field} dropped (was {before})").format(field=field, before=self.before)
        return tr("{field} {before} → {after}").format(
            field=field, before=self.before, after=self.after
        )


def _shown_terms(terms: MoneyTermsInput) -> dict[str, str]:
    money = {
        name: format_money(value, terms.currency) if value is not None else ""
        for name, value in (
            ("amount", terms.amount),
            ("budget ceiling", terms.budget_ceiling),
            ("deposit", terms.deposit),
        )
    }
    days = terms.payment_terms_days
    return {
        "pricing": pricing_label(terms.pricing_model),
        **money,
        "payment terms": _days(days) if days is not None else "",
        "discount": terms.discount,
        "discount condition": terms.discount_condition,
        "scope in": " ".join(terms.scope_in.split()),
        "scope out": " ".join(terms.scope_out.split()),
        "confirmed by client": tr("yes") if terms.confirmed_by_client else tr("no"),
    }


def _days(days: int) -> str:
    return tr("%n days", "", days)


def terms_changes(older: MoneyTermsInput | None, newer: MoneyTermsInput) -> tuple[TermsChange, ...]:
    """What a new version of the money terms changed, field by field (nothing for the first)."""
    if older is None:
        return ()
    before, after = _shown_terms(older), _shown_terms(newer)
    return tuple(
        TermsChange(name, before[name], after[name])
        for name in after
        if before[name] != after[name]
    )


def format_money(amount: Decimal, currency: str = "") -> str:
    """An amount as people read it: thousands separated, at least two decimals, never rounded
    ("1361.5" -> "1,361.50 EUR"; "95.1234" keeps its four decimals), the installed locale's
    way (German: "1.361,50 EUR")."""
    exponent = amount.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    text = format_number(amount, places)
    return f"{text} {currency}" if currency else text


#: Characters people put between thousands: spaces (also the no-break kinds), "_" and "'".
_GROUPING_MARKS = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "_": " ",
                                 "'": " ", "\u2019": " "})  # fmt: skip


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _whole_part(text: str, group: str, what: str, typed: str) -> str:
    """The digits before the decimal separator; thousands groups, when used, must be groups of
    three ("1,234,567"), so a stray separator never silently multiplies an amount."""
    pieces = text.replace(group, " ").split(" ") if group else text.split(" ")
    if len(pieces) > 1 and not (1 <= len(pieces[0]) <= 3 and all(len(p) == 3 for p in pieces[1:])):
        raise InputError(
            tr(
                "{what} {typed} is not an amount: thousands come in groups of three "
                "(e.g. 1,234,567.50)"
            ).format(what=what, typed=repr(typed))
        )
    digits = "".join(pieces)
    if digits and not _digits(digits):
        raise InputError(tr("{what} {typed} is not an amount").format(what=what, typed=repr(typed)))
    return digits


def _looks_like_thousands(whole: str, fraction: str) -> bool:
    """After a lone separator, three digits and a whole part that is not 0: "1,234" or
    "1.234" might be a thousand and more."""
    return len(fraction) == 3 and whole.strip(" ") not in ("", "0")


def decimal_point_note(text: str | None) -> str:
    """What to tell someone who typed "1.234": the app reads it as 1.234 (a decimal point, as it
    writes amounts), not as 1234; empty when the input is not of that shape."""
    cleaned = (text or "").translate(_GROUPING_MARKS).strip().lstrip("+")
    if "," in cleaned or cleaned.count(".") != 1:
        return ""
    whole, _, fraction = cleaned.partition(".")
    if not (_digits(fraction) and _looks_like_thousands(whole, fraction)):
        return ""
    number = f"{whole.replace(' ', '')}{fraction}"
    return tr("the dot is a decimal point; for {number} type that").format(number=number)


#: A currency written beside an amount ("8.500 €", "$1,250", "EUR 1.200,00", "US$ 40"): a
#: symbol, or a three-letter code. The field's currency is chosen beside it, so the mark is
#: read past, not checked.
_CURRENCY_MARK = re.compile(
    r"^(?:[A-Z]{1,2}\$|[€$£¥₹₽₩₺₪₫฿]|[A-Za-z]{3}(?=[\s\d.,]))\s*"
    r"|\s*(?:[€$£¥₹₽₩₺₪₫฿]|[A-Za-z]{3})$"
)


def _without_currency(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _CURRENCY_MARK.sub("", text).strip()
    return text


def _split_decimal(
    text: str, what: str, typed: str, decimal_comma: bool = False
) -> tuple[str, str, str]:
    """(whole part, fraction, thousands separator) of ``text`` (no sign, no spaces around).

    Both "," and "." present: the last one is the decimal separator ("1.234,50", "1,234.50").
    One of them several times: thousands ("1.234.567"). A single ".": a decimal point, as the app
    writes amounts. A single ",": a decimal comma ("12,5"), except "1,234" (three digits after it),
    which could be either and is refused rather than guessed.
    """
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        group = "." if decimal == "," else ","
        if text.count(decimal) > 1 or group in text[text.rfind(decimal) :]:
            raise InputError(
                tr("{what} {typed} is not an amount").format(what=what, typed=repr(typed))
            )
        whole, _, fraction = text.rpartition(decimal)
        return whole, fraction, group
    for mark in (",", "."):
        count = text.count(mark)
        if count > 1:
            return text, "", mark
        if count == 1:
            whole, _, fraction = text.partition(mark)
            if decimal_comma and mark == "." and _looks_like_thousands(whole, fraction):
                return text, "", "."  # "8.500" where a comma is the decimal mark: 8500
            if decimal_comma and mark == ",":
                return whole, fraction, ""  # "1,234" where a comma is the decimal mark: 1.234
            if mark == "," and _looks_like_thousands(whole, fraction):
                digits = whole.replace(" ", "")
                raise InputError(
                    tr("{what} {typed} could mean {one} or {other}: type one of those").format(
                        what=what,
                        typed=repr(typed),
                        one=f"{digits}{fraction}",
                        other=f"{digits}.{fraction}",
                    )
                )
            return whole, fraction, ""
    return text, "", ""


def parse_money(text: str | None, what: str, *, decimal_comma: bool = False) -> Decimal | None:
    """Read an amount typed by a person; empty means none. A decimal point or a decimal comma
    ("12.5", "12,5"), thousands separated by commas, dots, spaces or apostrophes
    ("1,234.50", "1.234,50", "1 234,50"), a currency beside it ("8.500,00 €", "$1,250.00",
    "EUR 40"). Ambiguous input ("1,234") is refused with a message naming both readings: an
    amount is never silently multiplied — unless ``decimal_comma`` says the user's locale writes
    a comma as the decimal mark (German, French, …): then "1,234" is 1.234 and "8.500" is 8500."""
    typed = text or ""
    spaced = typed.translate(_GROUPING_MARKS).strip()
    if not spaced:
        return None
    cleaned = _without_currency(spaced)
    if not cleaned:
        raise InputError(tr("{what} {typed} is not an amount").format(what=what, typed=repr(typed)))
    sign = ""
    if cleaned[0] in "+-":
        sign, cleaned = cleaned[0], cleaned[1:].strip()
    whole, fraction, group = _split_decimal(cleaned, what, typed, decimal_comma)
    digits = _whole_part(whole.strip(), group, what, typed)
    if (fraction and not _digits(fraction)) or not (digits or fraction):
        raise InputError(tr("{what} {typed} is not an amount").format(what=what, typed=repr(typed)))
    value = Decimal(f"{digits or '0'}.{fraction}" if fraction else digits)
    if sign == "-" and value:
        raise InputError(
            tr("{what} {typed} must be zero or more").format(what=what, typed=repr(typed))
        )
    exponent = value.as_tuple().exponent  # an int: the value is finite
    if isinstance(exponent, int) and exponent < -4:
        raise InputError(
            tr("{what} {typed} has more than 4 decimals").format(what=what, typed=repr(typed))
        )
    return value


def parse_deposit(
    text: str | None, amount: Decimal | None, *, decimal_comma: bool = False
) -> Decimal | None:
    """A deposit as people agree it: an amount, or a share of the amount ("30%", "30 %"),
    worked out to the cent. A share needs the amount it is a share of."""
    typed = (text or "").strip()
    if not typed.endswith("%"):
        return parse_money(typed, "deposit", decimal_comma=decimal_comma)
    share = parse_money(typed[:-1], "deposit percentage", decimal_comma=decimal_comma)
    if share is None:
        raise InputError(
            tr("deposit {typed} is not a share: type e.g. 30%").format(typed=repr(typed))
        )
    if share > 100:
        raise InputError(
            tr("deposit {typed} is more than the whole amount").format(typed=repr(typed))
        )
    if amount is None:
        raise InputError(
            tr("a deposit of {typed} needs the amount it is a share of").format(typed=typed)
        )
    return (amount * share / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def clean_money_terms(terms: MoneyTermsInput) -> MoneyTermsInput:
    """``terms`` as they are stored (currency upper-cased), checked by the same rules as
    ``set_money_terms``; raises InputError naming what is wrong. Pure: dialogs check with it
    before they close."""
    require_choice(terms.pricing_model, PRICING_MODELS, "pricing model")
    words = {  # the one text rule (services.text); scope may run over several lines
        "discount": clean_line(terms.discount, "discount"),
        "discount_condition": clean_line(terms.discount_condition, "discount condition"),
        "scope_in": clean_block(terms.scope_in, "scope in"),
        "scope_out": clean_block(terms.scope_out, "scope out"),
        "change_reason": clean_line(terms.change_reason, "reason for the change"),
    }
    currency = clean_line(terms.currency, "currency").upper()
    if len(currency) != 3 or not (currency.isascii() and currency.isalpha()):
        raise InputError(
            tr("currency {code} is not a three-letter code like EUR").format(
                code=repr(terms.currency)
            )
        )
    for name in ("amount", "budget_ceiling", "deposit"):
        value = getattr(terms, name)
        if value is not None and (not isinstance(value, Decimal) or value < 0):
            raise InputError(
                tr("{field} must be a Decimal of zero or more").format(
                    field=_field_label(name.replace("_", " "))
                )
            )
    if terms.payment_terms_days is not None and not 0 <= terms.payment_terms_days <= 3650:
        raise InputError(tr("payment terms must be between 0 and 3650 days"))
    if words["discount_condition"] and not words["discount"]:
        raise InputError(tr("a discount condition needs the discount itself"))
    return MoneyTermsInput(**{**terms.__dict__, **words, "currency": currency})


def money_labels() -> dict[str, str]:
    """The money terms' fields as the conflict chooser names them."""
    return {
        "pricing_model": tr("Pricing model"),
        "amount": tr("Rate"),
        "currency": tr("Currency"),
        "budget_ceiling": tr("Budget"),
        "payment_terms_days": tr("Payment terms"),
        "deposit": tr("Deposit"),
        "discount": tr("Discount"),
        "discount_condition": tr("Discount condition"),
        "scope_in": tr("In scope"),
        "scope_out": tr("Out of scope"),
        "agreed_on": tr("Agreed on"),
        "confirmed_by_client": tr("Confirmed by client"),
    }


def _describe_terms(row: HasVersion) -> tuple[Kind, int, str]:
    assert isinstance(row, MoneyTermsRow)
    return Kind.MONEY, row.client_id, tr("Money terms")


def set_money_terms(
    client_id: int, terms: MoneyTermsInput, now: datetime, based_on_version: int | None = None
) -> Changed:
    """Record a new version of the client's money terms (the first one, or a change).

    ``based_on_version`` is the version the editor showed (0: there were none). When someone
    recorded a newer version meanwhile, the fields this edit changed from that version are put
    over the newer one, field by field; a field both changed differently is an
    EditConflictError carrying both (``services.versions``) and nothing is recorded."""
    terms = clean_money_terms(terms)
    with write_transaction():
        _get_live(client_id, lock=True)
        latest = (
            MoneyTerms.select(fn.max(MoneyTerms.version))
            .where(MoneyTerms.client == client_id)
            .scalar()
        ) or 0
        if based_on_version is not None and latest != based_on_version:
            terms = _merged_terms(client_id, terms, based_on_version, latest)
        row = MoneyTerms.create(
            client=client_id, version=latest + 1, created_at=now, **terms.__dict__
        )
    return Changed(
        Kind.MONEY, (row.id,), (client_id,), f"version {row.version}", versions=(row.version,)
    )


def _merged_terms(
    client_id: int, terms: MoneyTermsInput, based_on: int, latest: int
) -> MoneyTermsInput:
    """``terms`` (edited from version ``based_on``) over version ``latest``, three ways per
    field."""
    rows = {
        m.version: _row(m)
        for m in MoneyTerms.select().where(
            (MoneyTerms.client == client_id) & MoneyTerms.version.in_([based_on, latest])
        )
    }
    names = [f.name for f in fields(MoneyTermsInput) if f.name != "change_reason"]
    base = rows.get(based_on) or MoneyTermsRow(pricing_model="", client_id=client_id)
    theirs = rows[latest]
    mine = {name: getattr(terms, name) for name in names}
    write = merge_fields(base, theirs, mine, _describe_terms, money_labels())
    kept = {name: getattr(theirs, name) for name in names}
    return MoneyTermsInput(**{**kept, **write, "change_reason": terms.change_reason})


def add_client_with_terms(
    data: ClientInput, terms: MoneyTermsInput | None, now: datetime
) -> Changed:
    """Set up a client and, when given, their first money terms in one transaction: both are
    stored or neither (never a client without the terms that were typed for them). Both are
    checked before anything is written; returns the new client's id in ``ids``."""
    clean_client_input(data)
    if terms is not None:
        terms = clean_money_terms(terms)
    with write_transaction():
        added = add_client(data, now)
        if terms is not None:
            set_money_terms(added.ids[0], terms, now)
    return added


def _row(model: MoneyTerms) -> MoneyTermsRow:
    names = [f.name for f in fields(MoneyTermsInput)]
    return MoneyTermsRow(
        **{name: getattr(model, name) for name in names},
        id=model.id,
        client_id=model.client_id,
        version=model.version,
        created_at=model.created_at,
    )


def current_money_terms(client_id: int) -> MoneyTermsRow | None:
    latest = (
        MoneyTerms.select()
        .where(MoneyTerms.client == client_id)
        .order_by(MoneyTerms.version.desc())
        .first()
    )
    return _row(latest) if latest else None


def money_history(client_id: int) -> list[MoneyTermsRow]:
    """Every version, newest first."""
    return [
        _row(m)
        for m in MoneyTerms.select()
        .where(MoneyTerms.client == client_id)
        .order_by(MoneyTerms.version.desc())
    ]


def clients_without_money_terms() -> list[int]:
    from ckbook.store.models import Client

    has_terms = MoneyTerms.select(MoneyTerms.client).distinct()
    without = (
        Client.select(Client.id)
        .where(Client.deleted_at.is_null() & Client.id.not_in(has_terms))
        .order_by(Client.name)
    )
    return [cid for (cid,) in tuples(without)]
