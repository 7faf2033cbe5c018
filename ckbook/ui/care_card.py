"""The care log on a client's card: the "Incidents", "Requests" and "Insight" sections. Each piece
has ``set_client(client_id)`` and refreshes itself when the notebook says something of that client
changed. (The card's own header says how long since the last contact against the cadence, shows
the touchpoints sparkline, open incidents and requests awaiting reply: ``client_card``.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.services import dates
from ckbook.services.base import Changed, Kind
from ckbook.services.care import IncidentRow, incidents
from ckbook.services.clients import client_detail
from ckbook.services.insight import KeptRateSeries, kept_rate_series
from ckbook.services.people import me
from ckbook.ui import theme
from ckbook.ui.dialogs.choices import label
from ckbook.ui.incident_dialog import IncidentDialog, MoodWatcher, next_step_text
from ckbook.ui.insight_chart import KeptRateChart
from ckbook.ui.line_list import ItemLine, LineListSection
from ckbook.ui.notebook import Notebook
from ckbook.ui.request_dialog import RequestsSection
from ckbook.ui.safe_text import plain_label
from ckbook.ui.today_page import TodayPage


class IncidentLine(ItemLine):
    def __init__(self, section: IncidentsSection, row: IncidentRow, now: datetime) -> None:
        super().__init__(section)
        self.row = row
        tz = section.notebook.tz
        when = dates.absolute_day(row.happened_at.astimezone(tz).date())
        severity = label("severity", row.severity)
        if row.is_open:
            status = tr("{severity}, {day} — next: {step}").format(
                severity=severity, day=when, step=next_step_text(row.next_step())
            )
        elif row.resolved_at is not None:
            status = tr("{severity}, {day} — resolved {resolved}").format(
                severity=severity,
                day=when,
                resolved=dates.absolute_day(row.resolved_at.astimezone(tz).date()),
            )
        else:
            status = tr("{severity}, {day} — resolved").format(severity=severity, day=when)
        other = me().others(row.author)
        if other:
            status = tr("{status} · recorded by {name}").format(status=status, name=other)
        colours = theme.colors()
        tint = None
        if row.is_open and row.severity != "minor":
            tint = colours.overdue
        elif not row.is_open:
            tint = colours.muted
        self.open_button = QPushButton(tr("Next step…") if row.is_open else tr("View…"))
        self.open_button.setToolTip(tr("Record how it was owned, step by step"))
        self.open_button.clicked.connect(lambda: section.open_incident(row.id))
        self._lay_out(row.what, status, tint, [self.open_button])


class IncidentsSection(LineListSection[IncidentLine]):
    """The card's "Incidents" section: open ones first, then resolved ones."""

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(
            notebook,
            tr("Nothing has gone wrong."),
            tr("Something went wrong…"),
            tr("Record what went wrong and how you own it"),
            parent,
        )

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        self._clear_lines()
        if self.client_id is None:
            return
        rows = self.notebook.attempt(incidents, self.client_id) or []
        rows.sort(key=lambda r: (not r.is_open, -r.happened_at.timestamp()))
        now = self.notebook.now()
        self._show_lines(IncidentLine(self, row, now) for row in rows)
        open_count = sum(1 for r in rows if r.is_open)
        if not rows:
            self.empty.setText(tr("Nothing has gone wrong."))
        else:
            self.empty.setText(
                tr("%n open", "incidents", open_count) if open_count else tr("All resolved.")
            )

    def open_incident(self, incident_id: int | None = None) -> int | None:
        if self.client_id is None:
            return None
        return IncidentDialog.ask(self, self.notebook, self.client_id, incident_id)

    @override
    def _on_add_button_clicked(self) -> None:
        self.open_incident()

    @override
    def _on_notebook_changed(self, changed: Changed) -> None:
        if self.client_id in changed.client_ids and changed.kind in ("incident", "client"):
            self.refresh()


class InsightSection(QWidget):
    """The kept-rate chart: this client's bars against everyone's line."""

    def __init__(self, notebook: Notebook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.client_id: int | None = None
        self.client_name = ""
        self._overall: KeptRateSeries | None = None  # shared by every card; dropped on change
        self.chart = KeptRateChart()
        self.caption = plain_label(wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        layout.addWidget(self.caption)
        notebook.changed.connect(self._on_notebook_changed)

    def set_client(self, client_id: int | None, client_name: str = "") -> None:
        self.client_id = client_id
        self.client_name = client_name
        self.refresh()

    def refresh(self) -> None:
        if self.client_id is None:
            return
        now, tz = self.notebook.now(), self.notebook.tz
        if self._overall is None:
            self._overall = self.notebook.attempt(kept_rate_series, now, tz)
        mine = self.notebook.attempt(kept_rate_series, now, tz, self.client_id)
        if self._overall is None or mine is None:
            return
        self.chart.set_series(self._overall, mine, self.client_name)
        self.caption.setText(self.chart.describe())

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.kind not in (Kind.PROMISE, Kind.CLIENT, Kind.INCIDENT):
            return
        if _moves_kept_rates(changed):
            self._overall = None  # everyone's line: read again only when it can have moved
        if self.client_id in changed.client_ids:
            self.refresh()


#: Changes that leave every kept rate as it was: a promise made, captured or reworded (still
#: open), a client's details edited. Only closing, reopening, and hiding or restoring a client
#: (their promises leave or rejoin everyone's line) move a rate.
_RATE_KEEPING = {Kind.PROMISE: ("added", "captured", "updated"), Kind.CLIENT: ("added", "updated")}


def _moves_kept_rates(changed: Changed) -> bool:
    if changed.kind not in (Kind.PROMISE, Kind.CLIENT):
        return False  # an incident (its fix promise is linked, not closed)
    return changed.detail not in _RATE_KEEPING[changed.kind]


class CareCard(QObject):
    """The care sections of one card, switched together to the card's client.

    A QObject so that, given a parent (the card), it lives as long as the card: the window's
    ``clientOpened`` reaches it even when whoever installed it kept no reference."""

    def __init__(self, notebook: Notebook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.incidents = IncidentsSection(notebook)
        self.requests = RequestsSection(notebook)
        self.insight = InsightSection(notebook)

    def set_client(self, client_id: int | None) -> None:
        name, channel = "", "email"
        if client_id is not None:
            detail = self.notebook.attempt(client_detail, client_id, self.notebook.now())
            if detail is None:
                client_id = None
            else:
                name, channel = detail.name, detail.preferred_channel
        self.incidents.set_client(client_id)
        self.requests.set_client(client_id, channel)
        self.insight.set_client(client_id, name)


@dataclass
class CareWiring:
    """What ``install_care`` made (kept by the composition root)."""

    today: TodayPage
    card: CareCard
    mood_watcher: MoodWatcher


def install_care(window: Any, notebook: Notebook) -> CareWiring:
    """Wire the care log into the main window: the Today page (the window opens on it; Ctrl+1),
    its rows' requests (open card, call note, incident), the card's Incidents, Requests and
    Insight sections, and the offer after an upset note."""
    today = TodayPage(notebook, record_undo=window.record_undo, settings=window.settings)
    window.add_page("today", tr("Today"), today)

    def start_call(client_id: int) -> None:
        window.open_client(client_id)
        window.handlers["call_note"]()  # looked up now: another feature may have replaced it

    today.open_client_requested.connect(window.open_client)
    today.call_note_requested.connect(start_call)
    today.incident_requested.connect(
        lambda client_id, incident_id: IncidentDialog.ask(window, notebook, client_id, incident_id)
    )

    care = CareCard(notebook, parent=window.card)
    window.card.add_section("incidents", tr("Incidents"), care.incidents)
    window.card.add_section("requests", tr("Requests"), care.requests)
    window.card.add_section("insight", tr("Insight"), care.insight)
    window.clientOpened.connect(care.set_client)
    current = window.current_client_id()
    if current is not None:
        care.set_client(current)
    return CareWiring(today, care, MoodWatcher(notebook, window))
