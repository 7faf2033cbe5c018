"""Choosing which CSV column holds what, when the header names nothing ckbook knows (the window's
``--map FIELD=COLUMN``): one choice of the file's columns per client field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.ui.dialogs import run_modal
from ckbook.ui.safe_text import plain_label


def fields() -> tuple[tuple[str, str], ...]:
    """The fields offered, in the order a person thinks of them: (--map field, label)."""
    return (
        ("name", tr("Name")),
        ("first_name", tr("First name")),
        ("last_name", tr("Last name")),
        ("organisation", tr("Organisation")),
        ("emails", tr("Email")),
        ("phones", tr("Phone")),
        ("address", tr("Address")),
        ("tags", tr("Tags")),
        ("handling_notes", tr("Notes")),
    )


NOT_IN_FILE = "—"
#: The fields at least one of which a client needs.
NEEDED = frozenset(("name", "first_name", "last_name", "organisation", "emails"))


class ColumnMapDialog(QDialog):
    def __init__(self, file_name: str, columns: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Choose columns"))
        self.setMinimumWidth(440)  # the explanation on two or three lines, not six
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field, label in fields():
            box = QComboBox()
            box.addItem(NOT_IN_FILE)
            box.addItems(list(columns))
            box.setAccessibleName(label)
            box.currentIndexChanged.connect(self._on_choice_changed)
            self.choices[field] = box
            form.addRow(label, box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Read the file"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                tr(
                    "{file}: its columns have names ckbook does not know. Choose which column "
                    "holds what (a name, an organisation or an email at least)."
                ).format(file=file_name),
                wrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._on_choice_changed()

    def mapping(self) -> dict[str, str]:
        """--map's {field: column} for the fields given a column."""
        return {
            field: box.currentText()
            for field, box in self.choices.items()
            if box.currentIndex() > 0
        }

    def _on_choice_changed(self, _index: int = 0) -> None:
        self.ok_button.setEnabled(bool(NEEDED & set(self.mapping())))

    @classmethod
    def ask(
        cls, parent: QWidget | None, file_name: str, columns: tuple[str, ...]
    ) -> dict[str, str] | None:
        return run_modal(cls(file_name, columns, parent), lambda dialog: dialog.mapping())
