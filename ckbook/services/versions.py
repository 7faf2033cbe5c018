"""Edits of a record someone else may have changed meanwhile (team mode, RELIABILITY #8): notes,
promises, incidents, requests and money terms.

Every such record carries a version (migration 0009; ``store.models.Versioned`` bumps it on each
save, ``WHERE id = ? AND version = ?``). An edit names the row it was based on (``base``: the row
dataclass the editor loaded, with its ``version``) and sends only the fields it changes. When the
stored row is still at that version the edit is written. When it moved, each changed field is
merged three ways (``merge_fields``): a field the other person left alone takes mine, one they
changed to the same value is no conflict, one they changed to something else is a conflict
(``EditConflictError``, nothing written) carrying both versions field by field, so the window can
offer "mine / theirs" per field and save the choice over the version now stored. A record deleted
meanwhile is ``RecordDeletedError`` (delete versus edit is reported, never silently won), and a
delete over a version the deleter did not see is ``EditedSinceError`` (asked, not done).

An edit without a ``base`` (the command line, a reminder's "done") acts on what is stored now.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from ckbook.i18n import tr
from ckbook.services.base import ConflictError, Kind, NotFoundError


class HasVersion(Protocol):
    """A row dataclass as an editor loaded it: its fields by name, and the version it was at."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


RowT = TypeVar("RowT", bound=HasVersion)


@dataclass(frozen=True)
class Conflict:
    """Both versions of one record, for the window's side-by-side chooser (plain values: it may
    cross from a worker thread)."""

    kind: Kind
    row_id: int
    client_id: int
    what: str
    """The record in a few words, for the title ("Promise “send the quote”")."""
    fields: tuple[str, ...]
    """The fields this edit changed, in the order to show them."""
    clashes: tuple[str, ...]
    """Those the other person changed to something else (the ones to choose)."""
    labels: dict[str, str] = field(default_factory=dict, compare=False)
    mine: dict[str, object] = field(default_factory=dict, compare=False)
    """What this edit wanted, per field in ``fields``."""
    theirs: dict[str, object] = field(default_factory=dict, compare=False)
    """What is stored now, per field in ``fields`` (empty when the record was deleted)."""
    base_version: int = 0
    version: int = 0
    """The version stored now (0: deleted)."""
    current: Any = field(default=None, compare=False)
    """The row as stored now (the base to save a choice over); None when it was deleted."""

    @property
    def deleted(self) -> bool:
        return self.current is None

    def label(self, name: str) -> str:
        return self.labels.get(name, name.replace("_", " "))


class EditConflictError(ConflictError):
    """Someone else changed the same field(s) since the editor loaded the record; nothing was
    written. ``conflict`` holds both versions."""

    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict
        names = ", ".join(conflict.label(n) for n in conflict.clashes)
        super().__init__(
            tr(
                "{what}: {fields} changed by someone else since you opened it; nothing was saved"
            ).format(what=conflict.what, fields=names)
        )


class RecordDeletedError(ConflictError, NotFoundError):
    """The record was deleted by someone else since the editor loaded it; the edit (``conflict
    .mine``) was not written."""

    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict
        super().__init__(
            tr("{what} was deleted by someone else; your change was not saved").format(
                what=conflict.what
            )
        )


class EditedSinceError(ConflictError):
    """A delete over a version the deleter did not see: someone changed the record since; it
    was not deleted (``conflict.theirs`` holds what they changed)."""

    def __init__(self, conflict: Conflict) -> None:
        self.conflict = conflict
        super().__init__(
            tr("{what} was changed by someone else since you opened it; it was not deleted").format(
                what=conflict.what
            )
        )


def changed_fields(base: object, changes: Mapping[str, object]) -> dict[str, object]:
    """``changes`` without the fields that equal ``base``'s: an edit sends only what it changed
    (a field sent unchanged would put the loaded value back over another person's change)."""
    return {name: value for name, value in changes.items() if value != getattr(base, name)}


def merge_fields(
    base: HasVersion,
    current: HasVersion,
    changes: Mapping[str, object],
    describe: Callable[[HasVersion], tuple[Kind, int, str]],
    labels: Mapping[str, str],
    depends_on: tuple[str, ...] = (),
) -> dict[str, object]:
    """What to write of ``changes`` (fields changed from ``base``) over ``current``, three ways
    per field; EditConflictError when the other person changed a field to another value.

    ``depends_on`` names fields the edit does not set but means as they were in ``base`` (ticking
    a repeating promise kept means *this* occurrence): another person's change to one of them is
    a conflict too (mine shown as the value ``base`` had)."""
    mine = changed_fields(base, changes)
    if current.version == base.version:
        return mine
    write: dict[str, object] = {}
    clashes: list[str] = []
    for name in depends_on:
        if name not in mine and getattr(current, name) != getattr(base, name):
            mine[name] = getattr(base, name)
            clashes.append(name)
    for name, value in mine.items():
        if name in clashes:
            continue
        theirs = getattr(current, name)
        if theirs == getattr(base, name):
            write[name] = value  # they left it alone
        elif theirs != value:
            clashes.append(name)  # both changed it, differently
    if clashes:
        kind, client_id, what = describe(current)
        raise EditConflictError(
            Conflict(
                kind,
                current.id,
                client_id,
                what,
                tuple(mine),
                tuple(clashes),
                dict(labels),
                mine,
                {name: getattr(current, name) for name in mine},
                base.version,
                current.version,
                current,
            )
        )
    return write


def deleted_meanwhile(
    base: HasVersion,
    changes: Mapping[str, object],
    kind: Kind,
    client_id: int,
    what: str,
    labels: Mapping[str, str],
) -> RecordDeletedError:
    """The error for an edit of a record someone deleted since ``base`` was loaded."""
    mine = changed_fields(base, changes)
    return RecordDeletedError(
        Conflict(kind, base.id, client_id, what, tuple(mine), (), dict(labels), mine, {},
                 base.version)
    )  # fmt: skip


def edited_since(
    base_version: int,
    current: HasVersion,
    kind: Kind,
    client_id: int,
    what: str,
    fields: tuple[str, ...],
    labels: Mapping[str, str],
) -> EditedSinceError:
    """The error for a delete over ``base_version`` of a record now at ``current.version``."""
    theirs = {name: getattr(current, name) for name in fields}
    return EditedSinceError(
        Conflict(kind, current.id, client_id, what, fields, (), dict(labels), {}, theirs,
                 base_version, current.version, current)
    )  # fmt: skip
