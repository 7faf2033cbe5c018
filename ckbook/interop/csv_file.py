"""Clients as CSV: export with their attention profile and current money terms; import from our own
export and from Google's and Outlook's contact exports.

Export: one row per client, a header row, UTF-8 with a byte-order mark (so spreadsheet programs
read the accents right), CRLF line ends. A text cell that a spreadsheet would run as a formula —
one starting with ``= + - @``, a tab or a carriage return — is written with a leading ``'``
(RELIABILITY #13); so is a text cell that already starts with ``'`` followed by one of those or by
another ``'``, so that import can take exactly one ``'`` off again and every text round-trips.
Numbers (money, negatives included; days; hours) are written as plain numbers, never guarded; so
are phone numbers made only of digits and the marks phones use (``+49 30 1234``), which hide no
formula and would otherwise open as ``'+49…``.
Lists (emails, phones, tags) are joined with ", ".

Import: the delimiter is whatever of ``, ; TAB |`` the header row uses most; columns are matched by
name, ignoring case, accents, spaces and punctuation, against the names of our export (``uid``
included), Google's (``E-mail 1 - Value``, ``Labels``/``Group Membership`` with ``:::`` between
values) and Outlook's (``E-mail Address``, ``Mobile Phone``, ``Business Street``…), in English,
German, French and Spanish (``Vorname``, ``E-Mail-Adresse``, ``Prénom``, ``Apellidos``…);
``--map FIELD=COLUMN`` names any other. Unknown columns are ignored; a row with more or fewer
fields than the header is reported by its line, never read with a field lost.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import TextIO

from ckbook.i18n import tr
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
from ckbook.services.importing import ImportItem, ImportSkip, Progress

#: Characters that make a spreadsheet read a cell as a formula (RELIABILITY #13).
FORMULA_STARTS = frozenset("=+-@\t\r")
_GUARD = "'"
DELIMITERS = (",", ";", "\t", "|")

TEXT_COLUMNS = ("name", "organisation", "emails", "phones", "address", "tags", "handling_notes",
                "email_labels", "phone_labels")  # fmt: skip
#: Our export's columns, in order.
COLUMNS = ("id", "uid", *TEXT_COLUMNS, *PROFILE_COLUMNS, "money_version", *MONEY_COLUMNS)
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


#: A phone number that is only digits and the marks phone numbers use: no formula can hide in it,
#: so it is written as it is and a spreadsheet shows ``+49 30 1234`` without a quote mark.
_PHONE_TEXT = re.compile(r"\+?[0-9(][0-9 ()./-]*")


def phone_cell(phones: list[str]) -> str:
    """The phones cell: plain when every number is plain phone text, guarded otherwise."""
    joined = ", ".join(phones)
    if all(_PHONE_TEXT.fullmatch(p) for p in phones):
        return joined
    return guard_cell(joined)


def _labels_cell(contacts: list[tuple[str, str]]) -> str:
    """The labels of the emails (or phones) in their order, ", " between; empty without any."""
    labels = [label for _value, label in contacts]
    return ", ".join(labels) if any(labels) else ""


def _number(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


# -- export ----------------------------------------------------------------------------------


def write_csv(snapshot: Snapshot, stream: TextIO, progress: Progress | None = None) -> int:
    """Write every client of ``snapshot`` as a CSV row; returns how many."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for index, client in enumerate(snapshot.clients):
        if progress is not None and index % 200 == 0:
            progress(index, len(snapshot.clients))
        cid = client["id"]
        money_versions = snapshot.of("money", cid)
        money = money_versions[-1] if money_versions else {}
        cells: dict[str, str] = {
            "uid": client["uid"],
            "name": client["name"],
            "organisation": client["organisation"],
            "emails": ", ".join(snapshot.emails(cid)),
            "phones": phone_cell(snapshot.phones(cid)),
            "email_labels": _labels_cell(snapshot.contacts(cid, "email")),
            "phone_labels": _labels_cell(snapshot.contacts(cid, "phone")),
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
                else cells["phones"]
                if name == "phones"
                else guard_cell(cells.get(name, ""))
                for name in COLUMNS
            ]
        )
    return len(snapshot.clients)


# -- import ----------------------------------------------------------------------------------


def _key(header: str) -> str:
    """A header as compared: case, accents and punctuation ignored, words separated by one space
    (``Prénom`` → ``prenom``, ``Straße geschäftlich`` → ``strasse geschaftlich``)."""
    folded = unicodedata.normalize("NFKD", header.strip().casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    key = " ".join(re.sub(r"[\s_\-/.:()'’]+", " ", plain).split())
    if key in _ALIASES:
        return _ALIASES[key]
    numbered = re.fullmatch(r"(.+) (\d)", key)  # "Straße geschäftlich 2", "Mobiltelefon 2"
    if numbered and numbered.group(1) in _ALIASES:
        return f"{_ALIASES[numbered.group(1)]} {numbered.group(2)}"
    return key


#: Outlook's and Google's headers in German, French and Spanish, as the English ones they are.
_ALIASES = {
    # German (Outlook, Google)
    "vorname": "first name", "nachname": "last name", "weitere vornamen": "middle name",
"firma": "company", "organisation": "company",
    "e mail adresse": "e mail address", "e mail 2 adresse": "e mail 2 address",
    "e mail 3 adresse": "e mail 3 address", "mobiltelefon": "mobile phone",
    "telefon geschaftlich": "business phone", "telefon geschaftlich 2": "business phone 2",
    "telefon privat": "home phone", "weiteres telefon": "other phone",
    "strasse geschaftlich": "business street", "ort geschaftlich": "business city",
    "postleitzahl geschaftlich": "business postal code",
    "region geschaftlich": "business state", "land region geschaftlich": "business country",
    "strasse privat": "home street", "ort privat": "home city",
    "postleitzahl privat": "home postal code", "land region privat": "home country",
    "haupttelefon": "primary phone", "notizen": "notes", "kategorien": "categories",
    "gruppenmitgliedschaft": "group membership",
    "organisationsname": "organization name", "e mail 1 wert": "e mail 1 value",
    "e mail 2 wert": "e mail 2 value", "telefon 1 wert": "phone 1 value",
    "telefon 2 wert": "phone 2 value", "adresse 1 formatiert": "address 1 formatted",
    # French (Outlook, Google)
    "prenom": "first name", "nom": "last name", "deuxieme prenom": "middle name",
    "societe": "company", "nom de l organisation": "organization name",
    "adresse de messagerie": "e mail address", "adresse de messagerie 2": "e mail 2 address",
    "adresse de messagerie 3": "e mail 3 address", "tel mobile": "mobile phone",
    "telephone mobile": "mobile phone", "telephone bureau": "business phone",
    "telephone domicile": "home phone", "rue bureau": "business street",
    "ville bureau": "business city", "code postal bureau": "business postal code",
    "pays region bureau": "business country", "rue domicile": "home street",
    "ville domicile": "home city", "code postal domicile": "home postal code",
    "pays region domicile": "home country", "categories": "categories",
    "libelles": "labels", "e mail 1 valeur": "e mail 1 value",
    "e mail 2 valeur": "e mail 2 value", "telephone 1 valeur": "phone 1 value",
    "telephone 2 valeur": "phone 2 value", "adresse 1 mise en forme": "address 1 formatted",
    # Spanish (Outlook, Google)
    "nombre": "first name", "apellidos": "last name", "apellido": "last name",
    "segundo nombre": "middle name", "organizacion": "company", "compania": "company",
    "empresa": "company", "nombre de la organizacion": "organization name",
    "direccion de correo electronico": "e mail address",
    "direccion de correo electronico 2": "e mail 2 address",
    "direccion de correo electronico 3": "e mail 3 address",
    "telefono movil": "mobile phone", "telefono del trabajo": "business phone",
    "telefono particular": "home phone", "calle del trabajo": "business street",
    "ciudad de trabajo": "business city", "codigo postal del trabajo": "business postal code",
    "pais o region del trabajo": "business country", "calle del domicilio": "home street",
    "ciudad del domicilio": "home city", "codigo postal del domicilio": "home postal code",
    "pais o region del domicilio": "home country", "notas": "notes",
    "categorias": "categories", "etiquetas": "labels",
    "correo electronico 1 valor": "e mail 1 value", "correo electronico 2 valor": "e mail 2 value",
    "telefono 1 valor": "phone 1 value", "telefono 2 valor": "phone 2 value",
    "direccion 1 con formato": "address 1 formatted",
}  # fmt: skip


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
    "uid": {"uid", "ckbook uid"},
    "client_since": {"client since"},
    "attention_level": {"attention level", "attention"},
    "checkin_days": {"checkin days", "check in days"},
    "response_hours": {"response hours"},
    "preferred_channel": {"preferred channel", "channel"},
}  # fmt: skip
_SINGLE.update({name: {_key(name)} for name in MONEY_COLUMNS if name not in _SINGLE})
_EMAIL = re.compile(r"^(e ?mails?|e ?mail( \d+)?( address| value)|e ?mail \d+)$")
_PHONE = re.compile(
    r"^(phones?|telephone|tel|mobile( phone)?( \d+)?|cell|cell phone|primary phone|other phone|"
    r"(business|home|company main) phone( \d+)?|phone \d+ value|phone \d+)$"
)
_TAGS = {"tags", "tag", "categories", "labels", "group membership", "groups"}
#: Outlook's and Google's address parts, per address kind, in reading order.
_ADDRESS_PART = re.compile(
    r"^(business|home|other|address \d+) (street( \d)?|po box|city|state|region|postal code|"
    r"zip|country|country region|extended address)$"
)


class UnmappedColumnsError(InputError):
    """The header names no column a client can be read from; ``columns`` are the ones it has,
    for a mapping step (``--map``, or the window's column chooser)."""

    def __init__(self, header: list[str] | tuple[str, ...], where: str = "") -> None:
        self.columns = tuple(h.strip() for h in header if h.strip())
        shown = ", ".join(self.columns[:8]) or tr("none", "columns")
        prefix = f"{where}: " if where else ""
        said = tr(
            "the header row names no client column (name, first/last name, company or email); "
            "columns found: {columns} (name them with --map FIELD=COLUMN)"
        )
        super().__init__(prefix + said.format(columns=shown))


#: What ``--map FIELD=COLUMN`` may name, and where it goes.
MAPPABLE = {
    "name": "name", "first_name": "first", "middle_name": "middle", "last_name": "last",
    "organisation": "organisation", "organization": "organisation", "company": "organisation",
    "emails": "emails", "email": "emails", "phones": "phones", "phone": "phones",
    "address": "address", "tags": "tags", "handling_notes": "handling_notes",
    "notes": "handling_notes", "uid": "uid",
    **{name: name for name in PROFILE_COLUMNS},
    **{name: name for name in MONEY_COLUMNS},
}  # fmt: skip


#: Google's "E-mail 1 - Label" / "Phone 2 - Type" columns (the label of the value beside them).
_LABEL_COLUMN = re.compile(r"^(e ?mail|phone) (\d+) (label|type)$")
#: Outlook's column names say the label (after the German/French/Spanish aliases).
_LABEL_OF_COLUMN = (("mobile", "mobile"), ("business", "work"), ("home", "home"),
                    ("other", "other"), ("primary", "main"), ("company main", "work"))  # fmt: skip
_KNOWN_LABELS = frozenset(("work", "home", "mobile", "other", "main", "fax", "pager", "office"))


class _Columns:
    """Which column holds what, from the header row."""

    def __init__(self, header: list[str], mapping: Mapping[str, str] | None = None) -> None:
        keys = [_key(h) for h in header]
        self.width = len(header)
        self.single: dict[str, int] = {}
        self.emails: list[int] = []
        self.phones: list[int] = []
        self.tags: list[int] = []
        self.address_parts: dict[str, list[int]] = {}
        #: value column -> its label: ("column", index of the label column) or ("fixed", label)
        self.labels: dict[int, tuple[str, int | str]] = {}
        label_columns: dict[str, int] = {}  # "e mail 1" / "phone 2" -> Google's label column
        for index, key in enumerate(keys):
            if match := _LABEL_COLUMN.match(key):
                label_columns.setdefault(f"{match.group(1)} {match.group(2)}", index)
        mapped = self._mapped(header, keys, mapping or {})
        for index, key in enumerate(keys):
            if index in mapped:
                target = mapped[index]
                if target in ("emails", "phones", "tags"):
                    getattr(self, target).append(index)
                else:
                    self.single[target] = index
            elif key in _NAME_KEYS:
                self.single.setdefault("name", index)
            elif _EMAIL.match(key):
                self.emails.append(index)
                self._label_for(index, key, label_columns)
            elif _PHONE.match(key):
                self.phones.append(index)
                self._label_for(index, key, label_columns)
            elif key in ("email labels", "phone labels"):  # our own export
                self.single[key.replace(" ", "_")] = index
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
            raise UnmappedColumnsError(header)

    def _label_for(self, index: int, key: str, label_columns: dict[str, int]) -> None:
        """Where a value column's label comes from: Google's "… N - Label" column beside it,
        or the column's own name (Outlook's "Mobile Phone", "Business Phone", …)."""
        numbered = re.match(r"^(e ?mail|phone) (\d+) value$", key)
        if numbered:
            kind = "e mail" if numbered.group(1).startswith("e") else "phone"
            column = label_columns.get(f"{kind} {numbered.group(2)}")
            if column is not None:
                self.labels[index] = ("column", column)
            return
        for word, label in _LABEL_OF_COLUMN:
            if key.startswith(word):
                self.labels[index] = ("fixed", label)
                return

    @staticmethod
    def _mapped(header: list[str], keys: list[str], mapping: Mapping[str, str]) -> dict[int, str]:
        """--map FIELD=COLUMN: the column index each field is read from."""
        chosen: dict[int, str] = {}
        for field, column in mapping.items():
            target = MAPPABLE.get(field.strip().lower().replace(" ", "_"))
            if target is None:
                raise InputError(
                    tr("--map: {field!r} is not a field; fields: {fields}").format(
                        field=field, fields=", ".join(sorted(MAPPABLE))
                    )
                )
            wanted = _key(column)
            matches = [i for i, h in enumerate(header) if h.strip() == column.strip()] or [
                i for i, key in enumerate(keys) if key == wanted
            ]
            if not matches:
                shown = ", ".join(h for h in header if h.strip())
                raise InputError(
                    tr("--map: no column named {column!r}; columns: {shown}").format(
                        column=column, shown=shown
                    )
                )
            chosen[matches[0]] = target
        return chosen

    def record(self, row: list[str], where: str) -> Record:
        if len(row) != self.width:
            if len(row) > self.width and not any(c.strip() for c in row[self.width :]):
                pass  # trailing empty cells (a spreadsheet's extra delimiters) hold nothing
            elif len(row) > self.width:
                extra = ", ".join(repr(c) for c in row[self.width :] if c.strip())
                raise InputError(
                    tr(
                        "has {count} fields but the header names {width}: {extra} would be "
                        "lost (a value with the delimiter in it that is not in quotes?)"
                    ).format(count=len(row), width=self.width, extra=extra)
                )
            else:
                fields = "1 field" if len(row) == 1 else f"{len(row)} fields"
                raise InputError(
                    tr(
                        "has {fields} but the header names {width} (a line break in a value "
                        "that is not in quotes?)"
                    ).format(fields=fields, width=self.width)
                )

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
        labels: list[tuple[str, str, str]] = []
        emails: list[str] = []
        phones: list[str] = []
        for kind, indexes, out, separators in (
            ("email", self.emails, emails, (" ::: ", ";", ",", "\n")),
            ("phone", self.phones, phones, (" ::: ", ";", "\n", ", ")),
        ):
            for index in indexes:
                values = _split(cell(index), separators)
                out.extend(values)
                source = self.labels.get(index)
                if source is not None:
                    kind_of, where_from = source
                    label = cell(int(where_from)) if kind_of == "column" else str(where_from)
                    labels.extend((kind, value, _label_text(label)) for value in values)
            own = single(f"{kind}_labels")
            if own:  # our own export: labels in the order of the values
                named = [part.strip() for part in own.split(",")]
                labels.extend(
                    (kind, value, label) for value, label in zip(out, named, strict=False) if label
                )
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
            emails=emails,
            phones=phones,
            tags=tags,
            extra={k: single(k) for k in (*PROFILE_COLUMNS, *MONEY_COLUMNS) if k in self.single},
            uid=single("uid"),
            labels=[entry for entry in labels if entry[2]],
        )


def _label_text(label: str) -> str:
    """Google's "* Work" as "work"; a label of the user's own as it is."""
    text = label.strip().lstrip("*").strip()
    return text.lower() if text.lower() in _KNOWN_LABELS else text


def sniff_delimiter(text: str) -> str:
    """The delimiter the header row uses most (header names rarely contain any of them)."""
    header = text.split("\n", 1)[0]
    outside = re.sub(r'"[^"]*"', "", header)  # a quoted header name may contain anything
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(
    text: str, mapping: Mapping[str, str] | None = None
) -> tuple[list[ImportItem], list[ImportSkip]]:
    """The clients in CSV ``text``: what could be read, and the rows that could not.
    ``mapping`` ({field: column header}) names columns the header row alone does not."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(tr("the file is empty (a header row is needed)")) from None
    except csv.Error as exc:
        raise InputError(tr("line 1: {why}").format(why=exc)) from None
    columns = _Columns(header, mapping)
    items: list[ImportItem] = []
    problems: list[ImportSkip] = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(
                ImportSkip(f"line {start}", "", tr("not readable as CSV: {why}").format(why=exc))
            )
            start = reader.line_num + 1
            continue
        where = f"line {start}"
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        collect(partial(columns.record, row, where), items, problems, where)
    return items, problems
