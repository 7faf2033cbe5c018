"""Walk an incident from opened to resolved as a user would, and the offer after an upset call."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont

from ckbook.services.care import get_incident, incidents
from ckbook.services.due import Due
from ckbook.services.notes import add_note
from ckbook.services.promises import get_promise
from ckbook.services.today import Section, today_report
from ckbook.ui.incident_dialog import IncidentDialog, to_qdatetime
from tests.factories import make_client


def _open(qtbot, notebook, client_id, incident_id=None, **kw):  # type: ignore[no-untyped-def]
    dialog = IncidentDialog(notebook, client_id, incident_id, **kw)
    qtbot.addWidget(dialog)
    return dialog


def _save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def _bold(box) -> bool:  # type: ignore[no-untyped-def]
    return QFont(box.font()).bold()


def test_walk_an_incident_from_opened_to_resolved(qtbot, notebook, clock, now, tz):
    cid = make_client(now, "Ada")
    # Opened: what happened, when, how bad.
    dialog = _open(qtbot, notebook, cid)
    assert dialog.next_step.text() == "Next: acknowledged and apologised"
    qtbot.keyClicks(dialog.what, "Invitations printed with the wrong date")
    dialog.severity.setCurrentText("major")
    dialog.happened.setDateTime(to_qdatetime(now - timedelta(days=1), tz))
    _save(qtbot, dialog)
    iid = dialog.incident_id
    stored = get_incident(iid)
    assert (stored.what, stored.severity, stored.happened_at) == (
        "Invitations printed with the wrong date",
        "major",
        now - timedelta(days=1),
    )
    (row,) = today_report(now, tz).rows(Section.INCIDENTS)
    assert row.text.endswith("next: apologise")

    # Later that day: apologised by phone, and the fix promised for Friday.
    clock.set(now + timedelta(hours=2))
    dialog = _open(qtbot, notebook, cid, iid)
    assert _bold(dialog.apology_box) and not _bold(dialog.fix_box)
    dialog.apology_box.setChecked(True)
    qtbot.keyClicks(dialog.apology, "Called her, apologised, no excuses")
    qtbot.keyClicks(dialog.fix, "Reprint and courier the invitations")
    dialog.fix_has_due.setChecked(True)
    dialog.fix_due.setDate(QDate(2026, 11, 20))
    _save(qtbot, dialog)
    stored = get_incident(iid)
    assert stored.apologised_at == clock.now() and stored.apology.startswith("Called her")
    promise = get_promise(stored.fix_promise_id)
    assert (promise.text, promise.due, promise.status) == (
        "Reprint and courier the invitations",
        Due(date(2026, 11, 20)),
        "open",
    )
    assert stored.next_step() == "root cause"
    upcoming = [r.text for r in today_report(clock.now(), tz).rows(Section.UPCOMING)]
    assert "Reprint and courier the invitations" in upcoming

    # Reopened: saving again does not make a second fix promise.
    dialog = _open(qtbot, notebook, cid, iid)
    assert dialog.fix_has_due.isChecked() and dialog.fix_due.date() == QDate(2026, 11, 20)
    assert _bold(dialog.root_cause_box)
    qtbot.keyClicks(dialog.root_cause, "Proof was not signed off before printing")
    qtbot.keyClicks(dialog.prevention, "Client signs every proof before it goes out")
    qtbot.keyClicks(dialog.goodwill, "Place cards for free")
    _save(qtbot, dialog)
    stored = get_incident(iid)
    assert stored.fix_promise_id == promise.id
    assert stored.next_step() == "resolve"

    # Resolved.
    dialog = _open(qtbot, notebook, cid, iid)
    assert dialog.next_step.text() == "Next: resolved"
    dialog.resolved_box.setChecked(True)
    _save(qtbot, dialog)
    stored = get_incident(iid)
    assert stored.resolved_at == clock.now() and not stored.is_open
    assert incidents(cid, open_only=True) == []
    assert today_report(clock.now(), tz).rows(Section.INCIDENTS) == ()


def test_empty_what_keeps_the_dialog_open_and_says_why(qtbot, notebook, now):
    cid = make_client(now)
    dialog = _open(qtbot, notebook, cid)
    with qtbot.waitSignal(notebook.message) as said:
        assert dialog.save() is False
    assert said.args[0] == "warning" and "what happened" in said.args[1]
    assert incidents(cid) == []


def test_only_an_upset_note_is_offered_an_incident(qtbot, notebook, now):
    cid = make_client(now)
    nid = add_note(cid, now, mood="angry").ids[0]
    assert IncidentDialog.offer_later(None, notebook, cid, nid, "content") is None
    assert IncidentDialog.offer_later(None, notebook, cid, nid, None) is None
    for mood in ("frustrated", "angry"):
        box = IncidentDialog.offer_later(None, notebook, cid, nid, mood)
        assert box is not None and mood in box.text()
        box.close()


def test_the_guide_shows_and_the_incident_links_to_its_note(qtbot, notebook, now):
    cid = make_client(now)
    nid = add_note(cid, now, mood="frustrated").ids[0]
    dialog = _open(qtbot, notebook, cid, note_id=nid, show_guide=True)
    assert dialog.guide is not None
    texts = " ".join(label.text() for label in dialog.guide.findChildren(type(dialog.next_step)))
    for word in ("Listen", "Be patient", "Stay positive", "Fix and follow up"):
        assert word in texts
    qtbot.keyClicks(dialog.what, "Catering arrived late")
    _save(qtbot, dialog)
    assert get_incident(dialog.incident_id).note_id == nid
    # Once a note has its incident, it is not offered again.
    assert IncidentDialog.offer_later(None, notebook, cid, nid, "angry") is None


def test_the_offer_after_an_angry_call_does_not_block_and_opens_the_dialog(qtbot, notebook, now):
    cid = make_client(now)
    nid = add_note(cid, now, mood="angry").ids[0]
    assert IncidentDialog.offer_later(None, notebook, cid, nid, "neutral") is None
    box = IncidentDialog.offer_later(None, notebook, cid, nid, "angry")
    assert box is not None and box.isVisible()
    assert "Listen" in box.informativeText()
    record = next(b for b in box.buttons() if b.text() == "Record what went wrong")
    record.click()
    dialog = IncidentDialog.opened_later
    assert dialog is not None and dialog.isVisible() and dialog.guide is not None
    # (Not handed to qtbot: the dialog deletes itself once saved.)
    assert dialog.what.toPlainText() == "Ada Lovelace sounded angry during the call"  # drafted
    dialog.what.clear()
    qtbot.keyClicks(dialog.what, "Shouted about the late catering")
    _save(qtbot, dialog)
    (row,) = incidents(cid)
    assert (row.what, row.note_id) == ("Shouted about the late catering", nid)


def test_an_angry_call_is_offered_an_incident_once_the_call_has_ended(qtbot, notebook, now):
    from ckbook.services.notes import update_note
    from ckbook.ui.incident_dialog import MoodWatcher

    cid = make_client(now)
    watcher = MoodWatcher(notebook)
    nid = notebook.run(add_note, cid, now, kind="call").ids[0]
    notebook.run(update_note, nid, now, mood="angry")
    assert watcher.last_offer is None  # still on the call: nothing pops up
    notebook.run(update_note, nid, now, duration_seconds=300)
    box = watcher.last_offer
    assert box is not None and box.isVisible()
    box.close()
    notebook.run(update_note, nid, now, body="more")
    assert watcher.last_offer is box  # offered once
    other = notebook.run(add_note, cid, now, kind="email", mood="frustrated").ids[0]
    assert watcher.last_offer is not box and other in watcher.offered
    watcher.last_offer.close()
