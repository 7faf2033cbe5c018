"""The card area in German: the client card, the call window and the money-terms and new-client
dialogs show German words, while every choice made in a German combo box stores the English word
the database, the exports and the services use."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ckbook.services.clients import client_detail
from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.services.notes import get_note
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.ui.call_window import CallWindow, NoteWindows
from ckbook.ui.client_card import ClientCard
from ckbook.ui.dialogs.money_terms import MoneyTermsDialog
from ckbook.ui.dialogs.new_client import NewClientDialog
from ckbook.ui.incident_dialog import IncidentDialog
from ckbook.ui.request_dialog import RequestDialog
from tests.factories import make_client
from tests.ui.test_call_window import writer  # noqa: F401  (a fixture)

TODAY = date(2026, 11, 18)


def _items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def _choose(box: QComboBox, shown: str) -> None:
    """Pick the item showing ``shown`` as a user does (``activated`` follows a user's pick)."""
    index = box.findText(shown)
    assert index >= 0, f"{shown!r} not among {_items(box)}"
    box.setCurrentIndex(index)
    box.activated.emit(index)


def _form_labels(widget: QWidget) -> set[str]:
    """The row labels of every form layout inside ``widget``."""
    labels: set[str] = set()
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                labels.add(item.widget().text())  # type: ignore[union-attr]
    return labels


@pytest.fixture
def ada(db, now):  # type: ignore[no-untyped-def]
    return make_client(
        now, "Ada Lovelace", organisation="Analytical", preferred_channel="call",
        handling_notes="Likes short calls",
    )  # fmt: skip


@pytest.fixture
def card(german, qtbot, notebook, ada):  # type: ignore[no-untyped-def]
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.resize(1000, 900)
    widget.show()
    widget.show_client(ada)
    return widget


def test_the_card_shows_german_sections_labels_and_buttons(card) -> None:  # type: ignore[no-untyped-def]
    titles = [section.title.text() for section in card.sections.values()]
    assert titles == ["Zusagen", "Konditionen", "Chronik", "Profil & Betreuung"]
    assert card.sections["money"].toggle.toolTip() == "Konditionen ein- oder ausblenden"
    money = card.money
    assert money.banner.text() == "Konditionen noch nicht besprochen"
    assert money.edit_button.text() == "Konditionen erfassen…"
    promises = card.promises
    assert promises.show_closed.text() == "Erledigte anzeigen"
    assert promises.empty.text() == "Noch keine Zusagen."
    assert promises.add_edit.placeholderText().startswith("Zusage (Strg+P), z. B.")
    assert card.timeline.new_button.text() == "Neue Notiz"
    assert card.timeline.open_button.text() == "Öffnen"
    labels = _form_labels(card.profile)
    assert {"Organisation", "Betreuungsstufe", "Kontakt alle", "Bevorzugter Kanal"} <= labels
    assert {"Kunde seit", "Betreuungswünsche", "Schlagwörter"} <= labels
    assert card.profile.checkin_days.suffix() == " Tage"


def test_the_money_terms_on_the_card_read_german(card, notebook, ada, now) -> None:  # type: ignore[no-untyped-def]
    terms = MoneyTermsInput(
        pricing_model="fixed", amount=Decimal("1361.50"), currency="EUR", payment_terms_days=1
    )
    notebook.run(set_money_terms, ada, terms, now)
    money = card.money
    # The amount is services.money.format_money's (written the locale's way there).
    assert money._values["pricing"].text().startswith("Festpreis, 1")
    assert money._values["payment"].text() == "1 Tag"  # the German singular
    assert money.edit_button.text() == "Konditionen ändern…"
    assert money.history_button.text() == "Verlauf (1 Version)"
    assert _form_labels(money) >= {"Preismodell", "Zahlungsbedingungen", "Vereinbart am"}


def test_a_profile_choice_shown_in_german_stores_the_english_word(card, ada, now) -> None:  # type: ignore[no-untyped-def]
    profile = card.profile
    assert _items(profile.status) == ["Interessent", "aktiv", "pausiert", "ehemalig"]
    assert _items(profile.preferred_channel) == ["Anruf", "E-Mail", "Nachricht", "persönlich"]
    assert profile.preferred_channel.currentText() == "Anruf"  # "call", as stored

    _choose(profile.status, "pausiert")
    _choose(profile.preferred_channel, "persönlich")
    _choose(profile.attention_level, "intensiv")
    stored = client_detail(ada, now)
    assert (stored.status, stored.preferred_channel) == ("paused", "in person")
    assert stored.attention_level == "high-touch"
    # The level's usual cadence came with it, as it does in English.
    assert stored.checkin_days == ATTENTION_DEFAULTS["high-touch"]["checkin_days"]
    # Shown again from the database: still German, still the same choice.
    card.show_client(ada)
    assert profile.status.currentText() == "pausiert"
    assert profile.attention_level.currentText() == "intensiv"


@pytest.fixture
def call(german, qtbot, notebook, writer, ada) -> CallWindow:  # type: ignore[no-untyped-def]  # noqa: F811
    notes = NoteWindows(notebook, writer, pick_client=lambda: ada)
    window = notes.start_call(ada)
    assert window is not None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def test_the_call_window_speaks_german_and_stores_the_english_mood(call, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert call.windowTitle() == "Gespräch — Ada Lovelace — ckbook"
    assert call.end_button.text() == "Gespräch beenden"
    assert call.pin_button.text() == "Im Vordergrund"
    hints = call.hints_label.text().splitlines()
    assert hints[:2] == ["Bevorzugt: Anruf", "Betreuung: Likes short calls"]
    assert "Konditionen noch nicht besprochen" in hints
    assert "Keine offenen Zusagen" in hints
    assert call.editor.preview_button.text() == "Vorschau"
    assert call.editor.captures.title.text() == "Zusagen in dieser Notiz"
    assert _items(call.mood_box)[:2] == ["Stimmung…", "begeistert"]

    call.mood_box.setCurrentIndex(call.mood_box.findText("verärgert"))
    assert not call.calm_guide.isHidden()
    assert (
        "Zuhören — Lassen Sie den Kunden alles erzählen"
        in call.calm_guide.findChildren(QLabel)[1].text()
    )
    qtbot.keyClicks(call.editor.editor, "Lieferung kam zu spat")  # QTest types ASCII only
    note_id = call.note_id
    with qtbot.waitSignal(call.closed, timeout=5000):
        call.end_call()
    assert get_note(note_id).mood == "angry"


def test_the_money_terms_dialog_speaks_german_and_stores_the_english_pricing_model(
    german, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = MoneyTermsDialog(None, TODAY, "Ada Lovelace")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Konditionen erfassen — Ada Lovelace"
    labels = _form_labels(dialog)
    assert {"Preismodell", "Betrag", "Budgetobergrenze", "Anzahlung", "Zugesagter Rabatt"} <= labels
    form = dialog.form
    assert _items(form.pricing_model) == ["pro Stunde", "Festpreis", "Pauschale", "pro Stück"]
    assert form.confirmed.text() == "Vom Kunden bestätigt"
    assert form.amount.placeholderText() == "z. B. 95,00"

    form.pricing_model.setCurrentIndex(form.pricing_model.findText("Pauschale"))
    qtbot.keyClicks(form.amount, "1.361,50")  # written the German way
    assert form.readings["amount"].text().startswith("→ 1")  # read, not refused
    qtbot.keyClicks(form.payment_terms_days, "30 Tage")
    dialog.accept()
    assert dialog.result_terms is not None
    assert dialog.result_terms.pricing_model == "retainer"
    assert dialog.result_terms.amount == Decimal("1361.50")
    assert dialog.result_terms.payment_terms_days == 30


def test_the_new_client_dialog_speaks_german_and_stores_english_choices(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewClientDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Neuer Kunde"
    assert dialog.save_button.text() == "Kunden anlegen"
    assert dialog.money_box.title() == "Konditionen — gleich zu Beginn vereinbaren"
    labels = _form_labels(dialog)
    assert {"Name", "E-Mail-Adressen", "Stufe", "Antwort binnen", "Bevorzugter Kanal"} <= labels
    assert dialog.status.currentText() == "aktiv"
    assert dialog.attention_level.currentText() == "normal"

    dialog.save_button.setEnabled(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name yet
    assert dialog.field_error.text() == "Kundenname ist leer"
    assert dialog.focusWidget() is dialog.name  # the problem points at its field in German too

    qtbot.keyClicks(dialog.name, "Grace Hopper")
    dialog.status.setCurrentIndex(dialog.status.findText("Interessent"))
    dialog.attention_level.setCurrentIndex(dialog.attention_level.findText("intensiv"))
    assert dialog.checkin_days.value() == ATTENTION_DEFAULTS["high-touch"]["checkin_days"]
    dialog.preferred_channel.setCurrentIndex(dialog.preferred_channel.findText("Nachricht"))
    dialog.money_box.setChecked(False)
    value = dialog.value()
    client = value.client
    assert (client.status, client.attention_level) == ("lead", "high-touch")
    assert client.preferred_channel == "message"
    assert value.money is None


def test_incident_and_request_choices_shown_in_german_store_english(  # type: ignore[no-untyped-def]
    german, qtbot, notebook, ada
) -> None:
    incident = IncidentDialog(notebook, ada)
    qtbot.addWidget(incident)
    assert incident.windowTitle() == "Etwas ist schiefgelaufen"
    assert incident.next_step.text() == "Als Nächstes: einräumen und entschuldigen"
    assert _items(incident.severity) == ["gering", "erheblich", "kritisch"]
    incident.severity.setCurrentIndex(incident.severity.findText("kritisch"))
    incident.what.setPlainText("Falsche Adresse")
    assert incident.save()
    from ckbook.services.care import get_incident

    assert get_incident(incident.incident_id).severity == "critical"

    request = RequestDialog(notebook, "in person")
    qtbot.addWidget(request)
    assert request.channel.currentText() == "persönlich"
    request.channel.setCurrentIndex(request.channel.findText("E-Mail"))
    request.summary.setPlainText("Rückruf erbeten")
    assert request.value().channel == "email"


def test_english_again_once_german_is_gone(qtbot, notebook, ada) -> None:  # type: ignore[no-untyped-def]
    """No German left behind by the tests above (the fixture uninstalls it)."""
    widget = ClientCard(notebook)
    qtbot.addWidget(widget)
    widget.show_client(ada)
    assert widget.sections["promises"].title.text() == "Promises"
    assert widget.profile.status.currentText() == "active"


def test_a_problem_the_rules_word_in_german_is_shown_under_its_field(german, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewClientDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "N" * 300)  # longer than the rules allow
    qtbot.keyClicks(dialog.money.amount, "95")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_value is None
    assert dialog.field_error.text().startswith("Kundenname")  # the services' German
    assert dialog.focusWidget() is dialog.name
    assert dialog.who_form.getWidgetPosition(dialog.field_error)[0] == 1  # right under the name
