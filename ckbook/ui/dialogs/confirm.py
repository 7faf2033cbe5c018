"""Asking before something drastic, in plain text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ckbook.i18n import tr
from ckbook.services.merging import ClientMatch


class DeleteClientDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, client_name: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Delete client"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("Delete {name} with all their notes and promises?").format(name=client_name))
        box.setInformativeText(tr("Undo (Ctrl+Z) brings them back until the window is closed."))
        delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is delete
        finally:
            box.deleteLater()


class DuplicateClientDialog:
    """Before adding a client who may already be in the notebook: open the match instead, add
    anyway, or go back to the form. Returns ("open", id), ("add", 0) or ("back", 0)."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, matches: Sequence[ClientMatch]
    ) -> tuple[str, int]:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Already in your notebook?"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        count = len(matches)
        box.setText(
            tr("{name} may be someone you already have:").format(name=name)
            if count == 1
            else tr("{name} may be %n clients you already have:", "", count).format(name=name)
        )
        box.setInformativeText("\n".join(f"• {m.describe()}" for m in matches[:5]))
        opens = {
            box.addButton(
                tr("Open {name}").format(name=m.name), QMessageBox.ButtonRole.AcceptRole
            ): m.id
            for m in matches[:3]
        }
        add = box.addButton(tr("Add anyway"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(tr("Back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(next(iter(opens)))
        box.setEscapeButton(back)
        try:
            box.exec()
            clicked = box.clickedButton()
            if clicked in opens:
                return ("open", opens[clicked])
            return ("add", 0) if clicked is add else ("back", 0)
        finally:
            box.deleteLater()


class MergeClientsDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, keep_name: str, other_name: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Merge clients"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("Merge {other} into {keep}?").format(other=other_name, keep=keep_name))
        box.setInformativeText(
            tr(
                "Notes, promises, incidents, requests, money terms, reminders, tags and contact "
                "details of {other} move to {keep}'s card; {keep}'s money terms stay the current "
                "ones. Undo (Ctrl+Z) separates them again until the window is closed."
            ).format(other=other_name, keep=keep_name)
        )
        merge = box.addButton(tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is merge
        finally:
            box.deleteLater()
