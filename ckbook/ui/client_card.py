"""The client card: a header and sections — Promises, Money terms, Timeline, Profile & attention —
in one scrolling column.

The header says each fact once (``services.insight.card_facts``): name and organisation; the
health dot with how long since the last contact against the cadence, and the touchpoints-per-month
sparkline; then status, open promises and kept rate; then open incidents and requests awaiting
reply, flagged when something is wrong or overdue.

Other features add to it: ``add_header_widget(widget)`` puts a widget in the header (e.g. a
sparkline), ``add_section(key, title, widget)`` adds a section (e.g. incidents). A section added
from outside learns which client is shown from ``clientChanged(int)`` (0 when none) or
``card.client_id``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ckbook.i18n import tr
from ckbook.services.base import Changed
from ckbook.services.clients import ClientDetail, client_detail
from ckbook.services.insight import CardFacts, card_facts
from ckbook.services.rules import Health
from ckbook.ui import theme
from ckbook.ui.card_sections import RecordUndo
from ckbook.ui.card_sections.money import MoneySection
from ckbook.ui.card_sections.profile import ProfileSection
from ckbook.ui.card_sections.promises import PromisesSection
from ckbook.ui.card_sections.timeline import TimelineSection
from ckbook.ui.insight_chart import Sparkline
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import heading_label, plain_label


class CardSection(QFrame):
    """A titled part of the card that can be folded away."""

    def __init__(self, key: str, title: str, body: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.body = body
        self.setObjectName(f"section_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(tr("Show or hide {section}").format(section=title))
        self.toggle.setToolTip(tr("Show or hide {section}").format(section=title))
        self.title = heading_label(title, 1.1)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(body)
        self.toggle.toggled.connect(self._on_toggle_toggled)

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)


class ClientHeader(QWidget):
    """Name and organisation; the health dot, the contact sentence and the sparkline; the
    client's standing; what needs care. Passive: ``show_client(detail, facts)`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = plain_label(wrap=True)  # a long name wraps rather than widen the card
        self.name.setAccessibleName(tr("Client name"))
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.name.setFont(font)
        self.organisation = plain_label(wrap=True)
        self.organisation.setAccessibleName(tr("Organisation"))
        self.health_dot = QLabel()
        self.health_dot.setAccessibleName(tr("Health"))
        self.contact = plain_label(wrap=True)
        self.contact.setObjectName("contact_text")
        self.contact.setAccessibleName(tr("Last contact against the check-in cadence"))
        self.sparkline = Sparkline()
        self.sparkline_caption = plain_label()
        self.sparkline_caption.setAccessibleName(tr("Touchpoints"))
        self.facts = plain_label()  # short ("Active · 5 open promises · kept rate 100%"): one line
        self.facts.setAccessibleName(tr("Status, open promises, kept rate"))
        self.facts.setToolTip(tr("Kept rate: promises kept ÷ (kept + broken)"))
        self.care = plain_label(wrap=True)
        self.care.setObjectName("open_care_items")
        self.care.setAccessibleName(tr("Open incidents, requests awaiting reply"))
        self.extra = QHBoxLayout()
        self.extra.setContentsMargins(0, 0, 0, 0)

        # Every text here wraps, and the sparkline sits beside the contact line, not the name:
        # the header then never holds the card wider than its sections need (at 1024 px the
        # client list keeps a usable width; a fixed one-line header took ~580 px).
        title_row = QHBoxLayout()
        title_row.addWidget(self.name)
        bottom_left = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft
        title_row.addWidget(self.organisation, 1, bottom_left)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.health_dot, 0, Qt.AlignmentFlag.AlignTop)
        contact_row.addWidget(self.contact, 1)
        contact_row.addWidget(self.sparkline, 0, Qt.AlignmentFlag.AlignTop)
        contact_row.addWidget(self.sparkline_caption, 0, Qt.AlignmentFlag.AlignTop)
        facts_row = QHBoxLayout()
        facts_row.addWidget(self.facts)
        facts_row.addSpacing(16)
        facts_row.addWidget(self.care, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(title_row)
        layout.addLayout(contact_row)
        layout.addLayout(facts_row)
        layout.addLayout(self.extra)

    def show_client(self, detail: ClientDetail | None, facts: CardFacts | None = None) -> None:
        """Fill in ``detail``'s name and ``facts`` (None: clear; facts None: keep the last)."""
        if detail is None:
            for label in (self.name, self.organisation, self.contact, self.facts, self.care):
                label.setText("")
            self.sparkline_caption.setText("")
            self.sparkline.set_points(())
            self.health_dot.clear()
            return
        self.name.setText(detail.name)
        self.organisation.setText(detail.organisation)
        if facts is None:
            return
        colours = theme.colors()
        health = facts.health
        self.health_dot.setPixmap(theme.health_dot(health, 18).pixmap(18, 18))
        self.health_dot.setToolTip(tr("Check-in: {state}").format(state=theme.HEALTH_TEXT[health]))
        self.contact.setText(facts.contact_line)
        if health in (Health.YELLOW, Health.RED):
            theme.tint(self.contact, theme.health_color(health).name())
        else:
            self.contact.setPalette(self.palette())
        self.sparkline.set_points(facts.touchpoints)
        self.sparkline_caption.setText(facts.touchpoints_caption)
        theme.tint(self.sparkline_caption, colours.muted)
        self.facts.setText(facts.standing_line)
        self.care.setText(facts.care_line)
        theme.tint(self.care, colours.overdue if facts.needs_care else colours.muted)


class ClientCard(QWidget):
    """One client's card; ``show_client(id)`` shows it (flushing unsaved edits of the last)."""

    #: The client shown changed: its id, or 0 when none.
    clientChanged = Signal(int)
    #: (note id, or 0 for a new note; client id; kind) — the window opens the note editor.
    noteRequested = Signal(int, int, str)

    def __init__(
        self,
        notebook: Notebook,
        record_undo: RecordUndo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self.detail: ClientDetail | None = None
        self.undo_sink: RecordUndo | None = record_undo
        self._revealing: QAbstractItemView | None = None  # the list a search hit was shown in

        self.header = ClientHeader()
        self.profile = ProfileSection(notebook)
        self.money = MoneySection(notebook)
        self.promises = PromisesSection(notebook, self._record_undo)
        self.timeline = TimelineSection(notebook)
        self.sections: dict[str, CardSection] = {}

        self.placeholder = plain_label(
            tr("Choose a client from the list, press Ctrl+K to find one, or Ctrl+N to add one."),
            wrap=True,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column = QWidget()
        self._sections_layout = QVBoxLayout(self._column)
        self._sections_layout.setContentsMargins(6, 6, 6, 6)
        self._sections_layout.setSpacing(8)
        self._sections_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._column)

        # What we owe first; the profile, edited least often, last.
        self._add_section("promises", tr("Promises"), self.promises)
        self._add_section("money", tr("Money terms"), self.money)
        self._add_section("timeline", tr("Timeline"), self.timeline)
        self._add_section("profile", tr("Profile & attention"), self.profile)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.scroll_area, 1)

        self.timeline.noteRequested.connect(self.noteRequested)
        notebook.changed.connect(self._on_notebook_changed)
        self.show_client(None)

    # -- extension points ------------------------------------------------------------------
    def add_header_widget(self, widget: QWidget) -> None:
        """Put ``widget`` in the header's bottom row, after any added before (e.g. a sparkline)."""
        self.header.extra.addWidget(widget)

    def add_section(self, key: str, title: str, widget: QWidget) -> CardSection:
        """Add a foldable section: after the card's own promises and money terms, before its
        timeline and profile."""
        return self._add_section(key, title, widget, before="timeline")

    def _add_section(
        self, key: str, title: str, widget: QWidget, before: str | None = None
    ) -> CardSection:
        if key in self.sections:
            raise ValueError(f"the card already has a section {key!r}")
        section = CardSection(key, title, widget)
        index = self._sections_layout.count() - 1  # before the stretch
        if before is not None and before in self.sections:
            index = self._sections_layout.indexOf(self.sections[before])
        self._sections_layout.insertWidget(index, section)
        self.sections[key] = section
        return section

    # -- showing ---------------------------------------------------------------------------
    def show_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self.profile.flush()
        detail = None
        if client_id is not None:
            detail = self.notebook.attempt(client_detail, client_id, self.notebook.now())
        previous = self.client_id
        self.client_id = detail.id if detail else None
        self.detail = detail
        self.placeholder.setVisible(detail is None)
        self.scroll_area.setVisible(detail is not None)
        self.header.setVisible(detail is not None)
        self._show_header(detail)
        self.profile.show_detail(detail)
        self.money.show_client(self.client_id, detail.name if detail else "")
        self.promises.show_client(self.client_id)
        self.timeline.show_client(self.client_id)
        if self.client_id != previous:
            self._revealing = None
            self.scroll_area.verticalScrollBar().setValue(0)
            self.clientChanged.emit(self.client_id or 0)

    def refresh_header(self) -> None:
        if self.client_id is None:
            return
        detail = self.notebook.attempt(client_detail, self.client_id, self.notebook.now())
        if detail is None:
            self.show_client(None)
            return
        self.detail = detail
        self._show_header(detail)

    def _show_header(self, detail: ClientDetail | None) -> None:
        facts = None
        if detail is not None:
            facts = self.notebook.attempt(card_facts, detail, self.notebook.now(), self.notebook.tz)
        self.header.show_client(detail, facts)

    def flush(self) -> bool:
        """Write every pending edit now; True when nothing is left unsaved."""
        return self.profile.flush()

    @property
    def has_unsaved(self) -> bool:
        return self.profile.has_unsaved

    def focus_add_promise(self) -> None:
        section = self.sections["promises"]
        if not section.toggle.isChecked():
            section.toggle.setChecked(True)
        self.scroll_area.ensureWidgetVisible(section, 0, 0)
        self.promises.focus_add()

    def select_note(self, note_id: int) -> bool:
        """Show a note in the timeline (a search hit): unfold the section, scroll the card to
        it, select it and give the list focus. False when the shown client has no such note."""
        return self.client_id is not None and self._reveal(
            "timeline", self.timeline.list, self.timeline.select(note_id)
        )

    def select_promise(self, promise_id: int) -> bool:
        """Show a promise in the checklist (a search hit), as ``select_note`` does a note."""
        return self.client_id is not None and self._reveal(
            "promises", self.promises.list, self.promises.select(promise_id)
        )

    def _reveal(self, key: str, view: QAbstractItemView, found: bool) -> bool:
        if not found:
            return False
        section = self.sections[key]
        if not section.toggle.isChecked():
            section.toggle.setChecked(True)
        view.setFocus(Qt.FocusReason.OtherFocusReason)  # the selection in the active colour
        self._revealing = view
        self._scroll_to_revealed()
        # Again once the layout has settled (the card may have only just been shown).
        QTimer.singleShot(0, self._finish_reveal)
        return True

    def _finish_reveal(self) -> None:
        self._scroll_to_revealed()
        self._revealing = None

    def _scroll_to_revealed(self) -> None:
        view = self._revealing
        if view is None:
            return
        index = view.currentIndex()
        if index.isValid():
            view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            row = view.visualRect(index)
            centre = view.viewport().mapTo(self._column, row.center())
            margin = max(row.height() * 2, self.scroll_area.viewport().height() // 4)
            self.scroll_area.ensureVisible(centre.x(), centre.y(), 0, margin)

    def _record_undo(self, description: str, undo: object) -> None:
        if self.undo_sink is not None:
            self.undo_sink(description, undo)  # type: ignore[arg-type]

    def apply_theme(self) -> None:
        self.money.apply_theme()
        self.promises.apply_theme()
        self.show_client(self.client_id)

    # -- refresh ---------------------------------------------------------------------------
    def _on_notebook_changed(self, changed: Changed) -> None:
        if self.client_id is None or self.client_id not in changed.client_ids:
            return
        if changed.kind == "client":
            if changed.detail == "deleted":
                self.show_client(None)
                return
            if changed.detail.startswith(("merged", "unmerged")):
                # Rows of every section came or went (a merge, or its undo).
                self.show_client(self.client_id)
                return
            detail = self.notebook.attempt(client_detail, self.client_id, self.notebook.now())
            if detail is None:
                self.show_client(None)
                return
            self.detail = detail
            self._show_header(detail)
            self.profile.show_detail(detail)
            self.money.client_name = detail.name
            return
        if changed.kind == "money":
            self.money.refresh()
            return
        if changed.kind == "note" and changed.text_only:
            self.timeline.update_notes(changed.ids)  # the header and promises show no text
            return
        if changed.kind in ("promise", "incident"):
            self.promises.refresh()  # an incident's fix is saved as a promise
        elif changed.kind == "note":
            self.timeline.refresh()
            self.promises.refresh()  # promises typed in a note appear at once
        self.refresh_header()
