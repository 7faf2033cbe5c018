"""Asking before something drastic, in plain text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ckbook.services.merging import ClientMatch


class DeleteClientDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, client_name: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete client")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Delete {client_name} with all their notes and promises?")
        box.setInformativeText("Undo (Ctrl+Z) brings them back until the window is closed.")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
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
        box.setWindowTitle("Already in your notebook?")
        box.setTextFormat(Qt.TextFormat.PlainText)
        who = "someone" if len(matches) == 1 else f"{len(matches)} clients"
        box.setText(f"{name} may be {who} you already have:")
        box.setInformativeText("\n".join(f"• {m.describe()}" for m in matches[:5]))
        opens = {
            box.addButton(f"Open {m.name}", QMessageBox.ButtonRole.AcceptRole): m.id
            for m in matches[:3]
        }
        add = box.addButton("Add anyway", QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton("Back", QMessageBox.ButtonRole.RejectRole)
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
        box.setWindowTitle("Merge clients")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Merge {other_name} into {keep_name}?")
        box.setInformativeText(
            f"Notes, promises, incidents, requests, money terms, reminders, tags and contact "
            f"details of {other_name} move to {keep_name}'s card; {keep_name}'s money terms stay "
            "the current ones. Undo (Ctrl+Z) separates them again until the window is closed."
        )
        merge = box.addButton("Merge", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is merge
        finally:
            box.deleteLater()
