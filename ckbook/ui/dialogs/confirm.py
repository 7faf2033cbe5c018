"""Asking before something drastic, in plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


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
