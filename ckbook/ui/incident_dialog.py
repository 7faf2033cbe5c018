"""Something went wrong: record it, and own it step by step.

The dialog walks the practice in its order: acknowledged and apologised (when, how), the fix (what
and by when — saved as a promise, so it shows on Today and reminds like any promise), the root
cause, what prevents a repeat, the goodwill gesture, and resolved on. The next step to take is
highlighted. When a note is logged with a frustrated or angry mood, ``offer_later`` (driven by
``MoodWatcher``) offers to open an incident and shows a short, calm guide for the conversation.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.services.base import Changed
from ckbook.services.care import (
    IncidentRow,
    add_incident,
    get_incident,
    incidents,
    record_incident_fix,
    update_incident,
)
from ckbook.services.clock import local_instant
from ckbook.services.due import Due
from ckbook.services.incident_draft import incident_draft
from ckbook.services.notes import get_note
from ckbook.services.promises import get_promise
from ckbook.store.models import SEVERITIES
from ckbook.ui.dialogs import run_modal
from ckbook.ui.dialogs.choices import (
    choice,
    choice_box,
    date_edit_format,
    date_time_edit_format,
    label,
    set_choice,
)
from ckbook.ui.dialogs.conflict import save_with_choice
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import heading_label, plain_label

#: Moods after which we offer to record an incident.
UPSET_MOODS = ("frustrated", "angry")


def calm_guide() -> tuple[tuple[str, str], ...]:
    """The calm guide: four short reminders for talking with an upset client."""
    return (
        (tr("Listen"), tr("Let them tell all of it before you answer. Say back what went wrong.")),
        (
            tr("Be patient"),
            tr("The anger is with the situation more than with you. Don't argue details now."),
        ),
        (
            tr("Stay positive"),
            tr("You are on their side: talk about what you will do, not whose fault it was."),
        ),
        (
            tr("Fix and follow up"),
            tr("Name the fix and a date, keep it, then check back that it worked."),
        ),
    )


def step_titles() -> dict[str, str]:
    """Each step of owning an incident (``IncidentRow.next_step``'s words) as its box is titled."""
    return {
        "apologise": tr("1. Acknowledged and apologised"),
        "fix": tr("2. The fix"),
        "root cause": tr("3. Root cause"),
        "prevention": tr("4. What prevents a repeat"),
        "goodwill": tr("5. Goodwill gesture"),
        "resolve": tr("6. Resolved"),
    }


def next_step_text(step: str) -> str:
    """What is left to do, as the card says it after "next:" (``IncidentRow.next_step``)."""
    return {
        "apologise": tr("apologise", "incident step"),
        "fix": tr("fix", "incident step"),
        "root cause": tr("root cause", "incident step"),
        "prevention": tr("prevention", "incident step"),
        "goodwill": tr("goodwill", "incident step"),
        "resolve": tr("resolve", "incident step"),
        "done": tr("done", "incident step"),
    }.get(step, step)


def _next_text(step: str) -> str:
    """The line over the steps naming the one to take next."""
    return {
        "apologise": tr("Next: acknowledged and apologised"),
        "fix": tr("Next: the fix"),
        "root cause": tr("Next: root cause"),
        "prevention": tr("Next: what prevents a repeat"),
        "goodwill": tr("Next: goodwill gesture"),
        "resolve": tr("Next: resolved"),
    }[step]


def to_qdatetime(instant: datetime, tz: tzinfo) -> QDateTime:
    """An instant shown as the notebook's local wall time (not the machine's)."""
    local = instant.astimezone(tz)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def from_qdatetime(value: QDateTime, tz: tzinfo) -> datetime:
    d, t = value.date(), value.time()
    return local_instant(date(d.year(), d.month(), d.day()), time(t.hour(), t.minute()), tz)


def guide_text() -> str:
    return "\n".join(f"• {title}: {text}" for title, text in calm_guide())


class CalmGuide(QFrame):
    """The four reminders, shown above the incident when the client was upset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calm_guide")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(tr("A calm conversation")))
        for title, text in calm_guide():
            layout.addWidget(plain_label(f"{title} — {text}", wrap=True))
        self.setAccessibleName(tr("Calm conversation guide"))


class IncidentDialog(QDialog):
    """Record a new incident, or take an open one to its next step."""

    #: The dialog ``offer_later`` opened last (so a test, or the window, can reach it).
    opened_later: IncidentDialog | None = None

    def __init__(
        self,
        notebook: Notebook,
        client_id: int,
        incident_id: int | None = None,
        note_id: int | None = None,
        show_guide: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id = client_id
        self.incident_id = incident_id
        self.note_id = note_id
        self.stored: IncidentRow | None = None
        tz = notebook.tz
        now = notebook.now()
        self.setWindowTitle(tr("Something went wrong"))
        self.setMinimumWidth(560)

        self.guide = CalmGuide() if show_guide else None

        self.what = QPlainTextEdit()
        self.what.setPlaceholderText(tr("What happened, in a sentence or two"))
        self.what.setTabChangesFocus(True)
        self.what.setMaximumHeight(70)
        self.what.setAccessibleName(tr("What happened"))
        self.happened = QDateTimeEdit(to_qdatetime(now, tz))
        self.happened.setCalendarPopup(True)
        self.happened.setDisplayFormat(date_time_edit_format())
        self.happened.setAccessibleName(tr("When it happened"))
        self.severity = choice_box("severity", SEVERITIES)
        self.severity.setAccessibleName(tr("Severity"))
        self.next_step = plain_label()
        self.next_step.setObjectName("next_step")

        # 1. Acknowledged and apologised: when, how.
        self.apology_box = self._step("apologise", checkable=True)
        self.apologised_at = QDateTimeEdit(to_qdatetime(now, tz))
        self.apologised_at.setCalendarPopup(True)
        self.apologised_at.setDisplayFormat(date_time_edit_format())
        self.apologised_at.setAccessibleName(tr("Apologised when"))
        self.apology = QLineEdit()
        self.apology.setPlaceholderText(tr("How: by phone, in person, in writing…"))
        self.apology.setAccessibleName(tr("How we apologised"))
        form = QFormLayout(self.apology_box)
        form.addRow(tr("When"), self.apologised_at)
        form.addRow(tr("How"), self.apology)

        # 2. The fix: what, by when — a promise.
        self.fix_box = self._step("fix")
        self.fix = QLineEdit()
        self.fix.setPlaceholderText(tr("What we will do to put it right"))
        self.fix.setAccessibleName(tr("The fix"))
        self.fix_has_due = QCheckBox(tr("By", "fix due date"))
        local_today = now.astimezone(tz).date()
        self.fix_due = QDateEdit(QDate(local_today.year, local_today.month, local_today.day))
        self.fix_due.setCalendarPopup(True)
        self.fix_due.setDisplayFormat(date_edit_format())
        self.fix_due.setAccessibleName(tr("Fix by"))
        self.fix_due.setEnabled(False)
        self.fix_has_due.toggled.connect(self.fix_due.setEnabled)
        self.fix_promise_label = plain_label(
            tr("Saved as a promise: it shows on Today and reminds you."), wrap=True
        )
        due_row = QHBoxLayout()
        due_row.addWidget(self.fix_has_due)
        due_row.addWidget(self.fix_due)
        due_row.addStretch(1)
        form = QFormLayout(self.fix_box)
        form.addRow(tr("What"), self.fix)
        form.addRow(tr("When"), due_row)
        form.addRow(self.fix_promise_label)

        # 3–5: root cause, prevention, goodwill.
        self.root_cause_box = self._step("root cause")
        self.root_cause = self._text(tr("Why it really happened"))
        QVBoxLayout(self.root_cause_box).addWidget(self.root_cause)
        self.prevention_box = self._step("prevention")
        self.prevention = self._text(tr("What we change so it does not happen again"))
        QVBoxLayout(self.prevention_box).addWidget(self.prevention)
        self.goodwill_box = self._step("goodwill")
        self.goodwill = QLineEdit()
        self.goodwill.setPlaceholderText(tr("The small extra given to make up for it"))
        self.goodwill.setAccessibleName(tr("Goodwill gesture"))
        QVBoxLayout(self.goodwill_box).addWidget(self.goodwill)

        # 6. Resolved on.
        self.resolved_box = self._step("resolve", checkable=True)
        self.resolved_at = QDateTimeEdit(to_qdatetime(now, tz))
        self.resolved_at.setCalendarPopup(True)
        self.resolved_at.setDisplayFormat(date_time_edit_format())
        self.resolved_at.setAccessibleName(tr("Resolved on"))
        QFormLayout(self.resolved_box).addRow(tr("On", "resolved on date"), self.resolved_at)

        body = QWidget()
        column = QVBoxLayout(body)
        if self.guide is not None:
            column.addWidget(self.guide)
        top = QFormLayout()
        top.addRow(tr("What happened"), self.what)
        top.addRow(tr("When"), self.happened)
        top.addRow(tr("Severity"), self.severity)
        column.addLayout(top)
        column.addWidget(self.next_step)
        for box in self.step_boxes().values():
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 640)  # fits a 1024x700 screen; the steps scroll

        if incident_id is not None:
            self.load(get_incident(incident_id))
        else:
            self._show_next_step("apologise")
            if note_id is not None:
                self._draft_from_note(note_id)

    def _draft_from_note(self, note_id: int) -> None:
        """ "Record what went wrong" from a conversation: what happened, when and who, from
        its note (the user corrects it before saving)."""
        note = self.notebook.attempt(get_note, note_id)
        if note is None:
            return
        draft = incident_draft(note)
        self.client_id = draft.client_id
        self.setWindowTitle(tr("Something went wrong — {client}").format(client=draft.client_name))
        self.what.setPlainText(draft.what)
        self.happened.setDateTime(to_qdatetime(draft.happened_at, self.notebook.tz))

    # -- building blocks -----------------------------------------------------------------

    def _step(self, step: str, checkable: bool = False) -> QGroupBox:
        box = QGroupBox(step_titles()[step])
        box.setObjectName(f"step_{step.replace(' ', '_')}")
        box.setCheckable(checkable)
        if checkable:
            box.setChecked(False)
        return box

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(60)
        return edit

    def step_boxes(self) -> dict[str, QGroupBox]:
        return {
            "apologise": self.apology_box,
            "fix": self.fix_box,
            "root cause": self.root_cause_box,
            "prevention": self.prevention_box,
            "goodwill": self.goodwill_box,
            "resolve": self.resolved_box,
        }

    def _show_next_step(self, step: str) -> None:
        if step == "done":
            self.next_step.setText(tr("Resolved. Every step is on record."))
        else:
            self.next_step.setText(_next_text(step))
        for name, box in self.step_boxes().items():
            font = box.font()
            font.setBold(name == step)
            box.setFont(font)

    def load(self, row: IncidentRow) -> None:
        tz = self.notebook.tz
        self.stored = row
        self.client_id = row.client_id
        self.what.setPlainText(row.what)
        self.happened.setDateTime(to_qdatetime(row.happened_at, tz))
        set_choice(self.severity, row.severity)
        self.apology_box.setChecked(row.apologised_at is not None)
        if row.apologised_at is not None:
            self.apologised_at.setDateTime(to_qdatetime(row.apologised_at, tz))
        self.apology.setText(row.apology)
        self.fix.setText(row.fix)
        if row.fix_promise_id is not None:
            promise = get_promise(row.fix_promise_id)
            if promise.due is not None:
                self.fix_has_due.setChecked(True)
                d = promise.due.date
                self.fix_due.setDate(QDate(d.year, d.month, d.day))
            self.fix_promise_label.setText(
                tr("Promise: {promise} — {status}").format(
                    promise=promise.text, status=label("promise", promise.status)
                )
            )
        self.root_cause.setPlainText(row.root_cause)
        self.prevention.setPlainText(row.prevention)
        self.goodwill.setText(row.goodwill)
        self.resolved_box.setChecked(row.resolved_at is not None)
        if row.resolved_at is not None:
            self.resolved_at.setDateTime(to_qdatetime(row.resolved_at, tz))
        self.setWindowTitle(tr("Something went wrong — {client}").format(client=row.client_name))
        self._show_next_step(row.next_step())

    # -- saving --------------------------------------------------------------------------

    def fix_due_value(self) -> Due | None:
        if not self.fix_has_due.isChecked():
            return None
        d = self.fix_due.date()
        return Due(date(d.year(), d.month(), d.day()))

    def save(self) -> bool:
        """Store everything shown; True when it all went in (the dialog may close)."""
        tz, now = self.notebook.tz, self.notebook.now()
        what = self.what.toPlainText()
        happened = from_qdatetime(self.happened.dateTime(), tz)
        if self.incident_id is None:
            added = self.notebook.run(
                add_incident,
                self.client_id,
                what,
                now,
                severity=choice(self.severity),
                happened_at=happened,
                note_id=self.note_id,
            )
            if added is None:
                return False
            self.incident_id = added.ids[0]
        fix = self.fix.text().strip()
        changes: dict[str, object] = {
            "what": what,
            "severity": choice(self.severity),
            "happened_at": happened,
            "apologised_at": (
                from_qdatetime(self.apologised_at.dateTime(), tz)
                if self.apology_box.isChecked()
                else None
            ),
            "apology": self.apology.text(),
            "root_cause": self.root_cause.toPlainText(),
            "prevention": self.prevention.toPlainText(),
            "goodwill": self.goodwill.text(),
            "resolved_at": (
                from_qdatetime(self.resolved_at.dateTime(), tz)
                if self.resolved_box.isChecked()
                else None
            ),
        }
        if not fix:
            changes["fix"] = ""
        incident_id = self.incident_id

        def save_changes(base: IncidentRow | None, edit: dict[str, object]) -> Changed:
            return update_incident(incident_id, base=base, **edit)

        base = self.stored if self.stored is not None and self.stored.id == incident_id else None
        if base is None:
            saved = self.notebook.run(save_changes, None, changes)
        else:  # another person's change meanwhile: merged, or chosen side by side
            saved = save_with_choice(self.notebook, self, save_changes, base, changes)
        if saved is None:
            return False
        if saved.detail == "reloaded":  # all theirs: show what is stored now
            self.load(get_incident(incident_id))
            return False
        if fix and self._fix_changed(fix):
            done = self.notebook.run(
                record_incident_fix, self.incident_id, fix, self.fix_due_value(), now
            )
            if done is None:
                return False
        self.load(get_incident(self.incident_id))
        return True

    def _fix_changed(self, fix: str) -> bool:
        stored = self.stored
        if stored is None or stored.fix_promise_id is None or stored.fix != fix:
            return True
        promise = get_promise(stored.fix_promise_id)
        return promise.status == "open" and promise.due != self.fix_due_value()

    def _on_buttons_accepted(self) -> None:
        if self.save():
            self.accept()

    # -- entry points --------------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        notebook: Notebook,
        client_id: int,
        incident_id: int | None = None,
        note_id: int | None = None,
        show_guide: bool = False,
    ) -> int | None:
        """Open the dialog; the incident's id once saved, None when cancelled."""
        return run_modal(
            cls(notebook, client_id, incident_id, note_id, show_guide, parent),
            lambda d: d.incident_id,
        )

    @classmethod
    def offer_later(
        cls,
        parent: QWidget | None,
        notebook: Notebook,
        client_id: int,
        note_id: int | None,
        mood: str | None,
    ) -> QMessageBox | None:
        """The same offer without blocking the caller (a call window closing, an editor): a
        non-modal question; "Record what went wrong" opens the dialog, with the calm guide.
        Returns the question box shown, or None when nothing is offered."""
        if mood is None or not _worth_offering(client_id, note_id, mood):
            return None
        box, record = _offer_box(parent, mood)
        box.setObjectName("incident_offer")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def on_clicked(button: object) -> None:
            if button is record:
                dialog = cls(notebook, client_id, None, note_id, True, parent)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.show()
                box.setProperty("dialog_opened", True)
                cls.opened_later = dialog

        box.buttonClicked.connect(on_clicked)
        box.show()
        return box


def _worth_offering(client_id: int, note_id: int | None, mood: str) -> bool:
    """An upset mood, and no incident recorded for the note yet."""
    if mood not in UPSET_MOODS:
        return False
    return note_id is None or all(i.note_id != note_id for i in incidents(client_id))


def _offer_box(parent: QWidget | None, mood: str) -> tuple[QMessageBox, QAbstractButton]:
    """The question after an upset conversation, with the calm guide; and its "record" button."""
    box = QMessageBox(parent)
    sounded = label("mood", mood)
    box.setWindowTitle(tr("The client sounded {mood}").format(mood=sounded))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr("The client sounded {mood}. Did something go wrong?").format(mood=sounded))
    box.setInformativeText(guide_text())
    record = box.addButton(tr("Record what went wrong"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(record)
    return box, record


class MoodWatcher(QObject):
    """Offers an incident when a note is logged frustrated or angry, without any editor having
    to know: it listens to the notebook. A call note is offered once the call has ended (its
    duration is stored), so nothing pops up while the user is still typing on the phone; other
    notes as soon as the mood is set. Each note is offered at most once per session."""

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.window = parent
        self.offered: set[int] = set()
        self.last_offer: QMessageBox | None = None
        notebook.changed.connect(self._on_notebook_changed)

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.kind != "note" or changed.detail == "deleted" or changed.text_only:
            return
        for note_id in changed.ids:
            if note_id in self.offered:
                continue
            note = self.notebook.attempt(get_note, note_id)
            if note is None or note.mood not in UPSET_MOODS:
                continue
            if note.kind == "call" and note.duration_seconds is None:
                continue  # still on the call
            self.offered.add(note_id)
            self.last_offer = IncidentDialog.offer_later(
                self.window, self.notebook, note.client_id, note_id, note.mood
            )
