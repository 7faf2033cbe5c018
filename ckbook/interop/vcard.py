"""Clients as vCards: export as vCard 4.0 (or 3.0), import vCard 2.1, 3.0 and 4.0 (several cards a
file).

The parsing and escaping are vobject's; this module wraps what vobject leaves to its caller on
real-world files:

- the file is cut into cards here, so a broken card is reported by its number and line and the
  others still read (vobject stops at the first error, or with ``ignoreUnreadable`` drops lines
  silently; its own line numbers count each line twice);
- vCard 2.1 quoted-printable values broken over lines with a trailing ``=`` (soft line breaks,
  as old phones and Outlook write them) are joined before vobject sees them — it does not;
- vobject reads single-valued text (FN, NOTE, EMAIL, TEL…) as a comma-separated list and keeps
  the first item, so ``NOTE:Call after 5, not before`` lost all after the comma: bare commas in
  those properties are escaped before vobject reads them;
- quoted-printable and base64 text values are decoded here with their CHARSET (vobject decodes
  base64 on a few properties only, and to bytes);
- a byte-order mark before ``BEGIN:VCARD`` is dropped (vobject refuses the line);
- ``TEL;VALUE=uri:tel:+1-555…`` loses its ``tel:``; preferred emails/phones/addresses (``TYPE=pref``
  or ``PREF=1``) come first; Apple's grouped ``item1.EMAIL`` lines read like plain ones;
- line ends are normalised to ``\\n`` in notes and addresses.

Mapping: FN (else N, else ORG) → name, ORG → organisation (units joined with "; "), EMAIL → emails,
TEL → phones, the first ADR (else LABEL) → address, CATEGORIES → tags, NOTE → handling notes.
Our own export adds the attention profile as ``X-CKBOOK-…`` properties, read back on import.
Photos, birthdays, URLs and the rest are not kept.
"""

from __future__ import annotations

import binascii
import io
import quopri
import re
from collections.abc import Iterable
from typing import Any, TextIO

import vobject
import vobject.base
import vobject.vcard

from ckbook import __version__
from ckbook.i18n import tr
from ckbook.interop.fields import PROFILE_COLUMNS, Record, collect, split_values
from ckbook.interop.snapshot import Snapshot
from ckbook.services.base import InputError
from ckbook.services.importing import ImportItem, ImportSkip, Progress

PRODID = f"-//ckbook//ckbook {__version__}//EN"
#: Our attention-profile properties: X-CKBOOK-STATUS, X-CKBOOK-CHECKIN-DAYS, …
PROFILE_PROPERTIES = {name: "x-ckbook-" + name.replace("_", "-") for name in PROFILE_COLUMNS}

_LINE_END = re.compile(r"\r\n|\r|\n")
_QP = re.compile(r"QUOTED-PRINTABLE", re.IGNORECASE)
_CHARSET = re.compile(r"CHARSET=\"?([^;:\"]+)", re.IGNORECASE)
_BASE64 = re.compile(r"ENCODING=(B|BASE64)\b|;BASE64\b", re.IGNORECASE)
#: group. name ;params : value — a quoted parameter value may hold ; and :
_CONTENT = re.compile(
    r'^(?P<group>[A-Za-z0-9-]+\.)?(?P<name>[A-Za-z0-9-]+)(?P<params>(?:;(?:[^:;"]|"[^"]*")*)*)'
    r":(?P<value>.*)$",
    re.DOTALL,
)
#: Single-valued text properties: a bare comma in them is text, not a list separator.
_SINGLE_TEXT = frozenset(("FN", "NOTE", "EMAIL", "TEL", "LABEL", "TITLE", "ROLE", "UID"))
_COMPOUND_TEXT = frozenset(("N", "ADR", "ORG", "CATEGORIES"))


# -- import ----------------------------------------------------------------------------------


def _cards(text: str) -> tuple[list[tuple[int, list[str]]], list[tuple[int, str, str]]]:
    """Cut ``text`` into cards: (first line number, lines) each, and unfinished cards as
    (first line number, name, why).

    A ``BEGIN:VCARD`` inside a card starts a nested card only after an ``AGENT`` property (vCard
    2.1's way of embedding one); anywhere else it means the card before was never finished, so
    that card is reported and the new one read on its own.
    """
    cards: list[tuple[int, list[str]]] = []
    unfinished: list[tuple[int, str, str]] = []
    current: tuple[int, list[str]] | None = None
    depth = 0
    previous = ""
    for number, line in enumerate(_LINE_END.split(text.lstrip("\ufeff")), start=1):
        word = line.rstrip().upper()
        if word == "BEGIN:VCARD":
            if depth and current is not None and not previous.startswith("AGENT"):
                why = tr("no END:VCARD before the next card starts at line {number}").format(
                    number=number
                )
                unfinished.append((current[0], _unfinished_name(current[1]), why))
                current, depth = None, 0
            if depth == 0:
                current = (number, [])
            depth += 1
        if current is not None:
            current[1].append(line)
        if word == "END:VCARD" and depth:
            depth -= 1
            if depth == 0 and current is not None:
                cards.append(current)
                current = None
        if line.strip():
            previous = word
    if current is not None:
        why = tr("no END:VCARD before the end of the file")
        unfinished.append((current[0], _unfinished_name(current[1]), why))
    return cards, unfinished


def _unfinished_name(lines: list[str]) -> str:
    """The FN (else N) of a card that could not be read, to name it in the report."""
    for prefix in ("FN", "N"):
        for line in lines:
            name, sep, value = line.partition(":")
            if sep and name.split(";")[0].split(".")[-1].upper() == prefix and value.strip():
                return value.replace(";", " ").strip()[:80]
    return ""


def _logical_lines(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Unfold the card's lines: (first line number, content line) each. A line starting with a
    space or tab continues the one before; a quoted-printable value ending in ``=`` (a soft line
    break) continues on the next line as it is."""
    logical: list[tuple[int, str]] = []
    for offset, line in enumerate(lines):
        if logical:
            number, previous = logical[-1]
            name = previous.partition(":")[0]
            if previous.endswith("=") and _QP.search(name):
                logical[-1] = (number, previous[:-1] + line)
                continue
            if line[:1] in (" ", "\t"):
                logical[-1] = (number, previous + line[1:])
                continue
        if line.strip():
            logical.append((start + offset, line))
    return logical


def _escape_commas(value: str) -> str:
    """Escape the commas a writer left bare, keeping every existing escape as it is."""
    out: list[str] = []
    chars = iter(value)
    for ch in chars:
        if ch == "\\":
            out.append(ch + next(chars, ""))
        elif ch == ",":
            out.append("\\,")
        else:
            out.append(ch)
    return "".join(out)


def _escape_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def _decoded(value: str, params: str, base64: bool) -> str:
    """A quoted-printable or base64 value as text, in the property's CHARSET (else UTF-8)."""
    match = _CHARSET.search(params)
    charset = match.group(1) if match else "utf-8"
    try:
        raw = (
            binascii.a2b_base64(value.strip())
            if base64
            else quopri.decodestring(value.encode("utf-8"))
        )
        return raw.decode(charset)
    except (binascii.Error, LookupError, UnicodeDecodeError):
        encoding = "base64" if base64 else "quoted-printable"
        raise InputError(
            tr("a {encoding} value is not readable text in {charset}").format(
                encoding=encoding, charset=charset
            )
        ) from None


def _mended(line: str) -> str:
    """The content line as vobject reads it right.

    vobject reads a single-valued text property (FN, NOTE, EMAIL, TEL…) as a list cut at bare
    commas and keeps only the first item, so ``NOTE:Call after 5, not before`` would lose
    everything after the comma; such commas are escaped here. Quoted-printable values are
    decoded here (with their CHARSET) and written back as plain escaped text; so are base64
    text values (vobject decodes base64 on a few properties only, and to bytes).
    """
    match = _CONTENT.match(line)
    if match is None:
        return line  # vobject reports it
    group, name, params, value = match.group("group", "name", "params", "value")
    upper = name.upper()
    single = upper in _SINGLE_TEXT or upper.startswith("X-CKBOOK-")
    base64 = bool(_BASE64.search(params))
    if _QP.search(params) or (base64 and (single or upper in _COMPOUND_TEXT)):
        text = _decoded(value, params, base64)
        kept = ";".join(
            p
            for p in params.split(";")[1:]
            if not (_QP.search(p) or _CHARSET.match(p) or _BASE64.search(";" + p))
        )
        params = f";{kept}" if kept else ""
        value = _escape_text(text) if single else text.replace("\r\n", "\n").replace("\n", "\\n")
    elif single and not base64:
        value = _escape_commas(value)
    return f"{group or ''}{name}{params}:{value}"


def _text(prop: Any) -> str:
    """A property's value as text (vobject gives bytes for base64, lists for some values)."""
    value = prop.value
    if isinstance(value, bytes):
        charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
        try:
            return value.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise InputError(
                tr("{name} is not readable text in {charset}").format(
                    name=prop.name, charset=charset
                )
            ) from None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _plain(value: object) -> str:
    """One component of N or ADR: vobject gives a string, or a list for comma-separated values."""
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return str(value or "").strip()


def _preference(prop: Any) -> tuple[int, int]:
    types = {t.upper() for value in prop.params.get("TYPE", []) for t in value.split(",")}
    pref = prop.params.get("PREF", [])
    if pref and pref[0].isdigit():
        return (0, int(pref[0]))
    return (0, 100) if "PREF" in types else (1, 100)


def _in_preference_order(props: Iterable[Any]) -> list[Any]:
    return sorted(props, key=_preference)  # stable: equal preference keeps the file's order


def _lines(text: str) -> str:
    return _LINE_END.sub("\n", text)


def _name_from_n(prop: Any) -> str:
    n = prop.value
    if not isinstance(n, vobject.vcard.Name):
        return _text(prop).replace(";", " ").strip()
    parts = (_plain(getattr(n, part)) for part in ("prefix", "given", "additional", "family"))
    name = " ".join(p for p in parts if p)
    suffix = _plain(n.suffix)
    return f"{name}, {suffix}" if name and suffix else name or suffix


def _address(prop: Any) -> str:
    adr = prop.value
    if not isinstance(adr, vobject.vcard.Address):
        return _lines(_text(prop)).strip()
    street = [_plain(adr.box), _plain(adr.extended), _plain(adr.street)]
    town = " ".join(p for p in (_plain(adr.code), _plain(adr.city)) if p)
    lines = [*street, town, _plain(adr.region), _plain(adr.country)]
    return _lines("\n".join(line for line in lines if line))


#: TYPE values that say nothing a user would call a label.
_UNLABELLED_TYPES = frozenset(("pref", "internet", "voice", "x400", "x-internet"))
#: Labels written as TYPE values (and read back as the same label); others go in X-ABLabel.
_TYPE_OF_LABEL = {"home": "home", "work": "work", "mobile": "cell", "fax": "fax",
                  "pager": "pager", "text": "text", "video": "video", "main": "main"}  # fmt: skip
_LABEL_OF_TYPE = {value: key for key, value in _TYPE_OF_LABEL.items()}


def _apple_label(text: str) -> str:
    """Apple's built-in labels look like ``_$!<Mobile>!$_``; custom ones are plain text."""
    text = text.strip()
    if text.startswith("_$!<") and text.endswith(">!$_"):
        return text[4:-4].lower()
    return text


def _label(prop: Any, group_labels: dict[str, str]) -> str:
    """An email's or phone's label: its group's X-ABLabel, else its TYPE values."""
    group = getattr(prop, "group", None)
    if group and group.lower() in group_labels:
        return group_labels[group.lower()]
    types = [
        t.strip().lower()
        for value in prop.params.get("TYPE", [])
        for t in value.split(",")
        if t.strip() and t.strip().lower() not in _UNLABELLED_TYPES
    ]
    return " ".join(_LABEL_OF_TYPE.get(t, t) for t in dict.fromkeys(types))


def _record(card: Any, where: str) -> Record:
    def all_of(name: str) -> list[Any]:
        return list(card.contents.get(name, []))

    def first(name: str) -> str:
        props = all_of(name)
        return _text(props[0]).strip() if props else ""

    name = first("fn")
    if not name and all_of("n"):
        name = _name_from_n(all_of("n")[0])
    organisation = ""
    if all_of("org"):
        units = all_of("org")[0].value
        units = units if isinstance(units, list) else [str(units)]
        # A unit with a comma comes as a list of its parts ("ORG:,0" -> [["", "0"]]).
        organisation = "; ".join(part for part in map(_plain, units) if part)
    if not name:
        name = organisation  # a company's card
    addresses = _in_preference_order(all_of("adr"))
    address = _address(addresses[0]) if addresses else _lines(first("label"))
    group_labels = {
        prop.group.lower(): _apple_label(_text(prop))
        for prop in all_of("x-ablabel")
        if getattr(prop, "group", None)
    }
    labels: list[tuple[str, str, str]] = []
    phones = []
    for prop in _in_preference_order(all_of("tel")):
        phone = _text(prop).strip()
        phone = phone[4:] if phone.lower().startswith("tel:") else phone
        phones.append(phone)
        labels.append(("phone", phone, _label(prop, group_labels)))
    emails = []
    for prop in _in_preference_order(all_of("email")):
        email = _text(prop).strip()
        email = email[7:] if email.lower().startswith("mailto:") else email
        emails.append(email)
        labels.append(("email", email, _label(prop, group_labels)))
    tags: list[str] = []
    old_style = first("version") == "2.1"  # 2.1 separates categories with ";" too
    for prop in all_of("categories"):
        if isinstance(prop.value, list):  # vobject split at unescaped commas
            values = [str(v) for v in prop.value]
        else:
            values = split_values(_text(prop), (",",))
        for value in values:
            tags.extend(split_values(value, (";",)) if old_style else [value.strip()])
    notes = [_lines(_text(prop)).strip() for prop in all_of("note")]
    return Record(
        where=where,
        name=name,
        organisation=organisation,
        address=address,
        handling_notes="\n\n".join(n for n in notes if n),
        emails=emails,
        phones=phones,
        tags=tags,
        extra={field: first(prop) for field, prop in PROFILE_PROPERTIES.items() if all_of(prop)},
        uid=first("uid"),
        labels=[entry for entry in labels if entry[2]],
    )


def _parse(lines: list[str], start: int) -> Any:
    logical = _logical_lines(lines, start)
    mended = [_mended(line) for _number, line in logical]
    try:
        return vobject.readOne("\n".join(mended) + "\n", validate=False)
    except vobject.base.ParseError as exc:
        message = str(getattr(exc, "msg", exc))
        bad = message.partition("Failed to parse line: ")[2].strip()
        for (number, line), mend in zip(logical, mended, strict=True):
            if bad and bad in (line.strip(), mend.strip()):
                raise InputError(
                    tr("line {number} is not a vCard line: {line!r}").format(
                        number=number, line=line
                    )
                ) from None
        raise InputError(tr("not a readable vCard: {message}").format(message=message)) from None


def read_vcards(text: str) -> tuple[list[ImportItem], list[ImportSkip]]:
    """The clients in vCard ``text``: what could be read, and the cards that could not."""
    cards, unfinished = _cards(text)
    if not cards and not unfinished:
        raise InputError(tr("no vCard in the file (BEGIN:VCARD … END:VCARD)"))
    items: list[ImportItem] = []
    problems: list[ImportSkip] = []
    for number, (start, lines) in enumerate(cards, start=1):
        where = f"entry {number}, line {start}"

        def read(lines: list[str] = lines, start: int = start, where: str = where) -> Record:
            return _record(_parse(lines, start), where)

        collect(read, items, problems, where)
    for start, name, reason in unfinished:
        problems.append(
            ImportSkip(f"line {start}", name, tr("unfinished card: {why}").format(why=reason))
        )
    problems.sort(key=lambda skip: _line_of(skip.where))
    return items, problems


def _line_of(where: str) -> int:
    """The line number in "entry 3, line 25" or "line 25"."""
    match = re.search(r"line (\d+)", where)
    return int(match.group(1)) if match else 0


# -- export ----------------------------------------------------------------------------------


def _name_parts(name: str) -> vobject.vcard.Name:
    """N for programs that ignore FN: the last word as family name, the rest as given names
    (a guess; our import reads FN, never this)."""
    words = name.split()
    if len(words) < 2:
        return vobject.vcard.Name(given=name)
    return vobject.vcard.Name(family=words[-1], given=" ".join(words[:-1]))


def _card(snapshot: Snapshot, client: dict[str, Any], version: str = "4.0") -> str:
    cid = client["id"]
    card = vobject.vCard()
    card.add("version").value = version
    card.add("prodid").value = PRODID
    card.add("uid").value = client["uid"]
    card.add("fn").value = client["name"]
    card.add("n").value = _name_parts(client["name"])
    if client["organisation"]:
        card.add("org").value = [client["organisation"]]
    groups = 0
    for kind, contacts in (("email", snapshot.contacts(cid, "email")),
                           ("tel", snapshot.contacts(cid, "phone"))):  # fmt: skip
        for index, (value, label) in enumerate(contacts):
            words = label.lower().split()
            if words and all(word in _TYPE_OF_LABEL for word in words) and label == label.lower():
                prop = card.add(kind)
                prop.params["TYPE"] = [_TYPE_OF_LABEL[word] for word in words]
            elif label:  # Apple's way for a label of one's own: a group with an X-ABLabel
                groups += 1
                prop = card.add(kind, group=f"item{groups}")
                card.add("x-ablabel", group=f"item{groups}").value = label
            else:
                prop = card.add(kind)
            prop.value = value
            if index == 0 and len(contacts) > 1:
                if version == "3.0":  # 3.0 says "preferred" as a TYPE value
                    prop.params["TYPE"] = [*prop.params.get("TYPE", []), "pref"]
                else:
                    prop.params["PREF"] = ["1"]
    if client["address"]:
        card.add("adr").value = vobject.vcard.Address(street=_lines(client["address"]))
    tags = snapshot.tags.get(cid, [])
    if tags:
        card.add("categories").value = list(tags)
    if client["handling_notes"]:
        card.add("note").value = _lines(client["handling_notes"])
    for field, prop_name in PROFILE_PROPERTIES.items():
        value = client[field]
        if value is not None:
            card.add(prop_name).value = value.isoformat() if field == "client_since" else str(value)
    text: str = card.serialize()
    return text


#: The vCard versions ckbook writes (4.0 unless asked; 3.0 for programs that read nothing newer).
VERSIONS = ("4.0", "3.0")


def write_vcards(
    snapshot: Snapshot, stream: TextIO, progress: Progress | None = None, version: str = "4.0"
) -> int:
    """Write every client of ``snapshot`` as a vCard (4.0, or 3.0); returns how many."""
    if version not in VERSIONS:
        raise InputError(
            tr("vCard {version} is not one ckbook writes ({versions})").format(
                version=version, versions=", ".join(VERSIONS)
            )
        )
    total = len(snapshot.clients)
    for index, client in enumerate(snapshot.clients):
        if progress is not None and index % 200 == 0:
            progress(index, total)
        stream.write(_card(snapshot, client, version))
    return total


def vcards_text(snapshot: Snapshot) -> str:
    buffer = io.StringIO()
    write_vcards(snapshot, buffer)
    return buffer.getvalue()
