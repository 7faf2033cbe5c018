"""Profile & attention: contact details, tags, status, client since, attention level, check-in
cadence, response time, preferred channel and "how they like to be handled".

Edits save as you go: a line, date or number when the field is left (or Enter), a choice at once,
longer text ~800 ms after the last key (at most ~2 s apart while typing) and whenever the card
flushes (switching client, Ctrl+S, closing). Each save is one ``update_client_fields`` of just that
field. A failed save keeps what was typed, marks the field and says why; the next flush retries.
A refresh from the database never overwrites a field holding unsaved typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.services.base import Changed, ConflictError, Kind
from ckbook.services.clients import (
    ClientDetail,
    FieldConflictError,
    client_detail,
    update_client_fields,
)
from ckbook.services.limits import CHECKIN_DAYS, RESPONSE_HOURS
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.store.models import ATTENTION_LEVELS, CHANNELS, CLIENT_STATUSES
from ckbook.ui import theme
from ckbook.ui.dialogs import join_list, spin_box, split_list
from ckbook.ui.dialogs.choices import choice, choice_box, date_edit_format, label, set_choice
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label

DEBOUNCE_MS = 800
MAX_WAIT_MS = 2000


@dataclass
class _Field:
    """One editable field: how to read it from the widget, show a stored value, and which
    client attribute it saves to."""

    name: str
    widget: QWidget
    read: Callable[[], object]
    show: Callable[[object], None]
    stored: object = None
    failed: bool = False

    @property
    def dirty(self) -> bool:
        return self.read() != self.stored


def _shown(value: object) -> str:
    """A stored value in a sentence: lists as comma-separated, nothing as a dash."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value in (None, "") else str(value)


def _qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day else QDate()


class ProfileSection(QWidget):
    """Shows and edits one client's profile and attention profile."""

    #: A save finished: (field name, saved?) — for the status bar and tests.
    saved = Signal(str, bool)

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        #: The stored version shown; a save is refused when someone else has moved it on.
        self._version: int | None = None
        #: Field -> another person's value the user was shown after a conflict: saving again
        #: puts the typed value over that one (and over no later one).
        self._shown_theirs: dict[str, object] = {}
        self._loading = False

        self.name = QLineEdit()
        self.organisation = QLineEdit()
        self.emails = QLineEdit()
        self.emails.setPlaceholderText(tr("several: separate with commas"))
        self.phones = QLineEdit()
        self.phones.setPlaceholderText(tr("several: separate with commas"))
        self.address = QPlainTextEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("comma separated"))
        self.status = choice_box("status", CLIENT_STATUSES)
        self.client_since = QDateEdit()
        self.client_since.setCalendarPopup(True)
        self.client_since.setDisplayFormat(date_edit_format())
        self.attention_level = choice_box("attention", ATTENTION_LEVELS)
        self.checkin_days = spin_box(CHECKIN_DAYS, tr(" days", "spin box suffix"))
        self.response_hours = spin_box(RESPONSE_HOURS, tr(" hours", "spin box suffix"))
        self.preferred_channel = choice_box("channel", CHANNELS)
        self.handling_notes = QPlainTextEdit()
        self.handling_notes.setPlaceholderText(tr("How they like to be handled"))
        for box in (self.address, self.handling_notes):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().height() * 3 + 14)
        for title, widget in (
            (tr("Name"), self.name),
            (tr("Organisation"), self.organisation),
            (tr("Emails"), self.emails),
            (tr("Phones"), self.phones),
            (tr("Address"), self.address),
            (tr("Tags"), self.tags),
            (tr("Status"), self.status),
            (tr("Client since"), self.client_since),
            (tr("Attention level"), self.attention_level),
            (tr("Check in every"), self.checkin_days),
            (tr("Expected response time"), self.response_hours),
            (tr("Preferred channel"), self.preferred_channel),
            (tr("How they like to be handled"), self.handling_notes),
        ):
            widget.setAccessibleName(title)

        self.error = plain_label(wrap=True)
        self.error.setAccessibleName(tr("Not saved"))
        self.error.hide()

        self._fields: dict[str, _Field] = {}
        self._add_line("name", self.name)
        self._add_line("organisation", self.organisation)
        self._add_list("emails", self.emails)
        self._add_list("phones", self.phones)
        self._add_list("tags", self.tags)
        self._add_text("address", self.address)
        self._add_text("handling_notes", self.handling_notes)
        self._add_choice("status", self.status)
        self._add_choice("attention_level", self.attention_level)
        self._add_choice("preferred_channel", self.preferred_channel)
        self._add_number("checkin_days", self.checkin_days)
        self._add_number("response_hours", self.response_hours)
        self._add_date("client_since", self.client_since)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(DEBOUNCE_MS)
        self._text_timer.timeout.connect(self.flush)
        self._typing_since = QElapsedTimer()

        # Name, organisation, emails and phones take the card's full width (two addresses fit
        # in the field); the shorter fields sit in two columns below.
        contact = QFormLayout()
        contact.addRow(tr("Name"), self.name)
        contact.addRow(tr("Organisation"), self.organisation)
        contact.addRow(tr("Emails"), self.emails)
        contact.addRow(tr("Phones"), self.phones)
        who = QFormLayout()
        who.addRow(tr("Address"), self.address)
        who.addRow(tr("Tags"), self.tags)
        who.addRow(tr("Status"), self.status)
        who.addRow(tr("Client since"), self.client_since)
        attention = QFormLayout()
        attention.addRow(tr("Attention level"), self.attention_level)
        attention.addRow(tr("Check in every"), self.checkin_days)
        attention.addRow(tr("Answer within"), self.response_hours)
        attention.addRow(tr("Preferred channel"), self.preferred_channel)
        attention.addRow(tr("How they like\nto be handled"), self.handling_notes)
        columns = QHBoxLayout()
        columns.addLayout(who, 1)
        columns.addSpacing(12)
        columns.addLayout(attention, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(contact)
        layout.addLayout(columns)
        layout.addWidget(self.error)

    # -- field kinds -----------------------------------------------------------------------
    def _register(self, field: _Field) -> _Field:
        self._fields[field.name] = field
        return field

    def _add_line(self, name: str, edit: QLineEdit) -> None:
        self._register(
            _Field(name, edit, lambda: edit.text().strip(), lambda v: edit.setText(str(v)))
        )
        edit.editingFinished.connect(lambda: self._commit(name))

    def _add_list(self, name: str, edit: QLineEdit) -> None:
        self._register(
            _Field(
                name,
                edit,
                lambda: split_list(edit.text()),
                lambda v: edit.setText(join_list(v)),  # type: ignore[arg-type]
            )
        )
        edit.editingFinished.connect(lambda: self._commit(name))

    def _add_text(self, name: str, box: QPlainTextEdit) -> None:
        def show(value: object) -> None:
            box.setPlainText(str(value))

        self._register(_Field(name, box, lambda: box.toPlainText().strip(), show))
        box.textChanged.connect(self._on_text_changed)

    def _add_choice(self, name: str, combo: QComboBox) -> None:
        self._register(_Field(name, combo, lambda: choice(combo), lambda v: set_choice(combo, v)))
        combo.activated.connect(lambda _i: self._on_choice_activated(name))

    def _add_number(self, name: str, spin: QSpinBox) -> None:
        self._register(_Field(name, spin, spin.value, lambda v: spin.setValue(int(v))))  # type: ignore[call-overload]
        spin.editingFinished.connect(lambda: self._commit(name))

    def _add_date(self, name: str, edit: QDateEdit) -> None:
        def read() -> date | None:
            value = edit.date()
            return value.toPython() if value.isValid() else None  # type: ignore[return-value]

        self._register(_Field(name, edit, read, lambda v: edit.setDate(_qdate(v))))  # type: ignore[arg-type]
        edit.editingFinished.connect(lambda: self._commit(name))

    # -- showing ---------------------------------------------------------------------------
    def show_detail(self, detail: ClientDetail | None) -> None:
        """Show ``detail``; fields with unsaved typing for the same client keep it."""
        same_client = detail is not None and detail.id == self.client_id
        if not same_client:
            self.flush()
            self._clear_errors()
            self._shown_theirs.clear()
        self.client_id = detail.id if detail else None
        self.setEnabled(detail is not None)
        if detail is None:
            self._version = None
            return
        self._version = detail.version
        self._loading = True
        try:
            for field in self._fields.values():
                if same_client and field.dirty:
                    continue  # the user's unsaved typing wins over what is stored
                value = getattr(detail, field.name)
                field.show(value)
                field.stored = field.read()
        finally:
            self._loading = False

    # -- saving ----------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._loading or self.client_id is None:
            return
        if not self._typing_since.isValid():
            self._typing_since.start()
        if self._typing_since.elapsed() >= MAX_WAIT_MS:
            self.flush()  # continuous typing: never more than ~2 s unsaved
        else:
            self._text_timer.start()

    def _on_choice_activated(self, name: str) -> None:
        if name == "attention_level":
            level = choice(self.attention_level)
            defaults = ATTENTION_DEFAULTS.get(level, {})
            if self._fields[name].dirty and defaults:
                self.checkin_days.setValue(defaults["checkin_days"])
                self.response_hours.setValue(defaults["response_hours"])
                self._commit_many(("attention_level", "checkin_days", "response_hours"))
                return
        self._commit(name)

    def flush(self) -> bool:
        """Save every field with unsaved changes now; True when nothing is left unsaved."""
        self._text_timer.stop()
        self._typing_since.invalidate()
        names = [f.name for f in self._fields.values() if f.dirty]
        return self._commit_many(tuple(names)) if names else True

    @property
    def has_unsaved(self) -> bool:
        return self.client_id is not None and any(f.dirty for f in self._fields.values())

    def _commit(self, name: str) -> bool:
        return self._commit_many((name,))

    def _commit_many(self, names: tuple[str, ...]) -> bool:
        if self._loading or self.client_id is None:
            return True
        fields = [self._fields[n] for n in names if self._fields[n].dirty]
        if not fields:
            return True
        if any(f.name in {"address", "handling_notes"} for f in fields):
            self._text_timer.stop()
            self._typing_since.invalidate()
        changes = {f.name: f.read() for f in fields}
        # Checked field by field against what this card loaded: another person's change to
        # another field of this client is kept, not refused (team mode).
        based_on = {f.name: self._shown_theirs.get(f.name, f.stored) for f in fields}
        problems: list[str] = []
        client_id, expected = self.client_id, self._version
        conflicts: list[ConflictError] = []

        def save() -> Changed:
            try:
                return update_client_fields(client_id, self.notebook.now(), changes, based_on)
            except ConflictError as exc:
                conflicts.append(exc)
                raise

        self.notebook.message.connect(self._collect(problems))
        try:
            result = self.notebook.run(save)
        finally:
            self.notebook.message.disconnect(self._collector)
        if result is None:
            for field in fields:
                self._mark(field, True)
            reason = problems[-1] if problems else tr("not saved")
            text = tr("Not saved: {reason}. What you typed is kept.").format(reason=reason)
            if conflicts:
                text = self._reload_after_conflict(client_id, fields, conflicts[-1])
            self.error.setText(text)
            self.error.setStyleSheet(f"color: {theme.colors().error};")
            self.error.show()
            for field in fields:
                self.saved.emit(field.name, False)
            return False
        if expected is not None and self.client_id == client_id:
            # This save made the next version (the card's refresh may already have shown it).
            self._version = max(self._version or 0, expected + 1)
        for field in fields:
            field.stored = changes[field.name]
            self._shown_theirs.pop(field.name, None)
            self._mark(field, False)
            self.saved.emit(field.name, True)
        if not any(f.failed for f in self._fields.values()):
            self.error.hide()
        return True

    def _reload_after_conflict(
        self, client_id: int, fields: list[_Field], conflict: ConflictError
    ) -> str:
        """Someone else saved this field meanwhile: show what is stored now, keep what the user
        typed in the fields that were not saved (saving again writes it over), and say which,
        with the other person's value beside the typed one."""
        fresh = self.notebook.attempt(client_detail, client_id, self.notebook.now())
        if fresh is not None and self.client_id == client_id:
            self.show_detail(fresh)  # fields holding unsaved typing keep it
            self.notebook.broadcast(Changed(Kind.CLIENT, (client_id,), (client_id,), "reloaded"))
        stored_now = conflict.stored_now if isinstance(conflict, FieldConflictError) else {}
        self._shown_theirs.update(stored_now)
        clashed = [f for f in fields if f.name in stored_now] or fields
        labels = ", ".join(f.widget.accessibleName() for f in clashed)
        theirs = "; ".join(
            tr("{field} is now “{value}”").format(
                field=f.widget.accessibleName(), value=self._shown(f.name, stored_now[f.name])
            )
            for f in clashed
            if f.name in stored_now
        )
        if theirs:
            return tr(
                "Not saved: {fields}. This client was changed elsewhere ({theirs}); what you "
                "typed is kept: save again (Ctrl+S) to put yours over it."
            ).format(fields=labels, theirs=theirs)
        return tr(
            "Not saved: {fields}. This client was changed elsewhere; what you typed is kept: "
            "save again (Ctrl+S) to put yours over it."
        ).format(fields=labels)

    def _shown(self, name: str, value: object) -> str:
        """A stored value as its field shows it (a choice translated)."""
        kinds = {"status": "status", "attention_level": "attention",
                 "preferred_channel": "channel"}  # fmt: skip
        if name in kinds and isinstance(value, str):
            return label(kinds[name], value)
        return _shown(value)

    def _collect(self, sink: list[str]) -> Callable[[str, str], None]:
        def collector(_level: str, text: str) -> None:
            sink.append(text)

        self._collector = collector
        return collector

    def _mark(self, field: _Field, failed: bool) -> None:
        field.failed = failed
        field.widget.setProperty("saveFailed", failed)
        field.widget.setStyleSheet(f"border: 1px solid {theme.colors().error};" if failed else "")
        field.widget.setToolTip(tr("Not saved: see the message below") if failed else "")

    def _clear_errors(self) -> None:
        for field in self._fields.values():
            if field.failed:
                self._mark(field, False)
        self.error.hide()
