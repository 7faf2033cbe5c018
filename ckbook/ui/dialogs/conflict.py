"""The one side-by-side chooser for a record two people changed at once (``services.versions``),
used by notes, promises, incidents, requests and money terms.

``ConflictDialog`` shows each field both changed, the user's version beside the one stored now,
and asks per field "Yours" or "Theirs" (or all at once: "Keep all mine", "Keep all theirs"); the
user's other changes, which merged, are listed as kept. ``DeletedDialog`` says plainly that the
record was deleted by someone else, offering "Restore my version" where that makes sense (a
note). ``EditedSinceDialog`` asks before deleting a record someone changed since it was shown.

``save_with_choice`` is how a view saves a versioned edit: it runs the use-case through the
notebook, and on a conflict offers the chooser and saves the choice over the version stored now
(again, should someone have saved meanwhile once more). All user text is plain (RELIABILITY #1).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import format_number, tr
from ckbook.services.base import Changed
from ckbook.services.due import Due
from ckbook.services.versions import (
    Conflict,
    EditConflictError,
    EditedSinceError,
    RecordDeletedError,
)
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label

#: A value longer than this (or with a line break) is shown in a read-only text box.
SHORT_VALUE = 60


def shown_value(value: object, tz: tzinfo) -> str:
    """A field's value as the chooser shows it: nothing as a dash, moments in local time."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Due):
        return value.date.isoformat() + (f" {value.time:%H:%M}" if value.time else "")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal | int):
        return format_number(value)
    return str(value)


def resolved_changes(conflict: Conflict, mine: tuple[str, ...]) -> dict[str, object]:
    """What to save over the version stored now: this edit's fields that merged, and of the
    clashing ones those the user chose to keep as theirs/hers (``mine``)."""
    return {
        name: conflict.mine[name]
        for name in conflict.fields
        if name not in conflict.clashes or name in mine
    }


class ConflictDialog(QDialog):
    """Both versions of the fields two people changed, side by side, chosen field by field."""

    def __init__(self, conflict: Conflict, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(tr("Changed by someone else"))
        intro = plain_label(
            tr(
                "{what} was changed by someone else while you were editing it. Choose, field by "
                "field, which version to keep."
            ).format(what=conflict.what),
            wrap=True,
        )
        grid = QGridLayout()
        grid.addWidget(plain_label(tr("Yours")), 0, 1)
        grid.addWidget(plain_label(tr("Theirs (saved now)")), 0, 2)
        #: field -> (yours, theirs) radio buttons
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, name in enumerate(conflict.clashes, start=1):
            label = conflict.label(name)
            grid.addWidget(plain_label(label), row, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            pair = []
            for column, (value, who) in enumerate(
                ((conflict.mine.get(name), tr("Yours")), (conflict.theirs.get(name), tr("Theirs"))),
                start=1,
            ):
                cell = QWidget()
                box = QVBoxLayout(cell)
                box.setContentsMargins(0, 0, 0, 0)
                radio = QRadioButton(who)
                radio.setAccessibleName(f"{label}: {who}")
                group.addButton(radio)
                box.addWidget(radio)
                text = shown_value(value, tz)
                if len(text) > SHORT_VALUE or "\n" in text:
                    view = QPlainTextEdit(text)
                    view.setReadOnly(True)
                    view.setAccessibleName(f"{label}: {who}")
                    box.addWidget(view)
                else:
                    box.addWidget(plain_label(text, wrap=True))
                grid.addWidget(cell, row, column)
                pair.append(radio)
            pair[0].setChecked(True)  # yours, unless the user says otherwise
            self.choices[name] = (pair[0], pair[1])
        merged = [conflict.label(n) for n in conflict.fields if n not in conflict.clashes]
        self.merged_label = plain_label(
            tr("Your other changes are kept: {fields}.").format(fields=", ".join(merged)),
            wrap=True,
        )
        self.merged_label.setVisible(bool(merged))

        self.all_mine = QPushButton(tr("Keep all mine"))
        self.all_mine.clicked.connect(self._on_all_mine_clicked)
        self.all_theirs = QPushButton(tr("Keep all theirs"))
        self.all_theirs.clicked.connect(self._on_all_theirs_clicked)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.merged_label)
        layout.addWidget(buttons)

    def chosen_mine(self) -> tuple[str, ...]:
        """The clashing fields the user keeps as theirs/hers (their own version)."""
        return tuple(name for name, (yours, _theirs) in self.choices.items() if yours.isChecked())

    def choose(self, name: str, mine: bool) -> None:
        yours, theirs = self.choices[name]
        (yours if mine else theirs).setChecked(True)

    def _on_all_mine_clicked(self) -> None:
        for name in self.choices:
            self.choose(name, True)
        self.accept()

    def _on_all_theirs_clicked(self) -> None:
        for name in self.choices:
            self.choose(name, False)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: Conflict, tz: tzinfo) -> tuple[str, ...] | None:
        """The clashing fields to keep as the user's (the rest: theirs); None: cancelled (the
        user's input stays where it was, unsaved)."""
        dialog = cls(conflict, tz, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.chosen_mine()
            return None
        finally:
            dialog.deleteLater()


def _box(parent: QWidget | None, title: str, text: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    return box


class DeletedDialog:
    """A record deleted by someone else while it was being edited: said plainly, with "Restore
    my version" where the view can put it back."""

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: Conflict, can_restore: bool) -> bool:
        """True: restore my version."""
        box = _box(
            parent,
            tr("Deleted by someone else"),
            tr("{what} was deleted by someone else while you were editing it.").format(
                what=conflict.what
            ),
            tr("Your change was not saved.")
            + (" " + tr("Restore it with your version, or let it go?") if can_restore else ""),
        )
        restore = None
        if can_restore:
            restore = box.addButton(tr("Restore my version"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(tr("Let it go"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        try:
            box.exec()
            return restore is not None and box.clickedButton() is restore
        finally:
            box.deleteLater()


class EditedSinceDialog:
    """Before deleting a record someone changed since it was shown: what they changed, and
    whether to delete it anyway."""

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: Conflict, tz: tzinfo) -> bool:
        """True: delete anyway."""
        lines = [
            f"{conflict.label(name)}: {shown_value(value, tz)[:200]}"
            for name, value in conflict.theirs.items()
        ]
        box = _box(
            parent,
            tr("Changed by someone else"),
            tr("{what} was changed by someone else since you opened it. Delete it anyway?").format(
                what=conflict.what
            ),
            "\n".join(lines),
        )
        delete = box.addButton(tr("Delete anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is delete
        finally:
            box.deleteLater()


def _attempt(
    save: Callable[[Any, dict[str, object]], Changed],
    base: Any,
    changes: dict[str, object],
    caught: list[EditConflictError | RecordDeletedError],
) -> Changed | None:
    """``save``, with a conflict kept for the chooser instead of reported as a message."""
    try:
        return save(base, changes)
    except (EditConflictError, RecordDeletedError) as exc:
        caught.append(exc)
        return None


def save_with_choice(
    notebook: Notebook,
    parent: QWidget | None,
    save: Callable[[Any, dict[str, object]], Changed],
    base: Any,
    changes: dict[str, object],
    *,
    restore: Callable[[dict[str, object]], Changed] | None = None,
) -> Changed | None:
    """Save ``changes`` (fields changed from ``base``, the row as the view loaded it) with
    ``save(base, changes)``; on a conflict, offer the chooser and save the choice over the
    version stored now. Returns what changed, or None when nothing was saved (a problem already
    reported, or the user cancelled: the view keeps the input)."""
    while True:
        caught: list[EditConflictError | RecordDeletedError] = []
        result = notebook.run(_attempt, save, base, changes, caught)  # type: ignore[arg-type]
        if not caught:
            return result
        conflict = caught[0].conflict
        if conflict.deleted:
            if restore is not None and DeletedDialog.ask(parent, conflict, True):
                return notebook.run(restore, conflict.mine)
            if restore is None:
                DeletedDialog.ask(parent, conflict, False)
            notebook.broadcast(Changed(conflict.kind, (conflict.row_id,), (conflict.client_id,),
                                       "deleted elsewhere"))  # fmt: skip
            return None
        mine = ConflictDialog.ask(parent, conflict, notebook.tz)
        if mine is None:
            return None
        base, changes = conflict.current, resolved_changes(conflict, mine)
        if not changes:  # all theirs: nothing to save; the views show what is stored
            shown = Changed(conflict.kind, (conflict.row_id,), (conflict.client_id,), "reloaded",
                            versions=(conflict.version,))  # fmt: skip
            notebook.broadcast(shown)
            return shown


def delete_with_check(
    notebook: Notebook,
    parent: QWidget | None,
    delete: Callable[[int | None], Changed],
    base_version: int,
) -> Changed | None:
    """Delete with ``delete(version)``; a record someone changed since ``base_version`` is
    shown first and deleted only when the user says "Delete anyway"."""
    caught: list[EditedSinceError] = []

    def attempt(version: int | None) -> Changed | None:
        try:
            return delete(version)
        except EditedSinceError as exc:
            caught.append(exc)
            return None

    result = notebook.run(attempt, base_version)  # type: ignore[arg-type]
    if not caught:
        return result
    conflict = caught[0].conflict
    if not EditedSinceDialog.ask(parent, conflict, notebook.tz):
        return None
    return notebook.run(delete, conflict.version)
