"""Today at a glance: a repeated notice is one row that opens its list, a filter box narrows
the rows, and the sections folded by hand stay folded across reports and restarts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt

from ckbook.services.due import Due
from ckbook.services.money import MoneyTermsInput, set_money_terms
from ckbook.services.promises import add_promise
from ckbook.services.today import NoticeGroup, RowKind, Section, today_report
from ckbook.ui.today_page import FOLDED_KEY, GROUP_ROLE, TodayModel, TodayPage
from tests.factories import make_client


def loaded(qtbot, page: TodayPage) -> TodayPage:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.pending, timeout=10_000)
    return page


def fresh(qtbot, page: TodayPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()


def _page(qtbot, notebook, settings: QSettings | None = None) -> TodayPage:  # type: ignore[no-untyped-def]
    page = TodayPage(notebook, settings=settings)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return loaded(qtbot, page)


def _settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def _texts(page: TodayPage) -> list[str]:
    return [row.text for row in page.shown_rows_now()]


def test_nine_clients_without_money_terms_are_one_row_that_opens_their_list(qtbot, notebook, now):
    ids = {name: make_client(now, name) for name in ("Ann", "Ben", "Cleo", "Dora")}
    page = _page(qtbot, notebook)
    section = page.model.section_index(Section.MONEY)
    assert section.data() == "Money not discussed yet (4)"
    assert page.model.rowCount(section) == 1
    row = page.model.index(0, 0, section)
    assert row.data() == "4 clients without money terms"
    assert row.siblingAtColumn(1).data() == "Ann, Ben, Cleo and 1 more"
    assert isinstance(row.data(GROUP_ROLE), NoticeGroup)
    # Enter on the row opens the list; Enter on a name opens that client's card.
    page.view.setCurrentIndex(row)
    assert not page.done_button.isEnabled()  # nothing to tick for many clients at once
    assert page.card_button.text() == "Open list" and page.card_button.isEnabled()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.group_list
    assert dialog is not None and dialog.isVisible()
    assert dialog.client_ids() == [ids["Ann"], ids["Ben"], ids["Cleo"], ids["Dora"]]
    dialog.list.setCurrentRow(2)
    with qtbot.waitSignal(page.open_client_requested) as opened:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened.args == [ids["Cleo"]]
    with qtbot.waitSignal(page.open_client_requested) as opened:
        dialog.list.setCurrentRow(0)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [ids["Ann"]]
    # The button under the mouse opens the same list.
    dialog.close()
    qtbot.mouseClick(page.card_button, Qt.MouseButton.LeftButton)
    assert page.group_list is not None and page.group_list.isVisible()
    assert len(page.group_list.client_ids()) == 4


def test_a_new_client_without_terms_changes_the_group_row_in_place(
    qtmodeltester, notebook, now, tz
):
    for name in ("Ann", "Ben"):
        make_client(now, name)
    model = TodayModel()
    model.set_report(today_report(now, tz))
    qtmodeltester.check(model)
    resets: list[bool] = []
    changed: list[str] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda *_: changed.append("inserted"))
    model.dataChanged.connect(lambda first, *_: changed.append(str(first.data())))
    make_client(now, "Cleo")
    assert model.set_report(today_report(now, tz)) is False
    section = model.section_index(Section.MONEY)
    assert model.rowCount(section) == 1 and not resets and "inserted" not in changed
    assert model.index(0, 0, section).data() == "3 clients without money terms"
    qtmodeltester.check(model)
    # Down to one client: the group gives way to the client's own row.
    cid = make_client(now, "Dora")
    for client in (cid, *[c for c in range(1, cid)]):
        set_money_terms(client, MoneyTermsInput("hourly"), now)
    make_client(now, "Eve")
    model.set_report(today_report(now, tz))
    section = model.section_index(Section.MONEY)
    assert model.rowCount(section) == 1
    assert model.row_at(model.index(0, 0, section)).client_name == "Eve"
    qtmodeltester.check(model)


def test_the_filter_narrows_rows_by_client_or_text_and_esc_clears_it(qtbot, notebook, now, tz):
    ada = make_client(now, "Ada")
    set_money_terms(ada, MoneyTermsInput("hourly"), now)
    add_promise(ada, "send the seating plan", now, tz, due=Due(date(2026, 11, 17)))
    bob = make_client(now, "Bob")
    set_money_terms(bob, MoneyTermsInput("hourly"), now)
    add_promise(bob, "book the band", now, tz, due=Due(date(2026, 11, 16)))
    add_promise(bob, "print the menu", now, tz, due=Due(date(2026, 11, 20)))
    for name in ("Cleo", "Dan"):
        make_client(now, name)
    page = _page(qtbot, notebook)
    everything = _texts(page)
    assert len(everything) == 4  # two overdue, one coming up, one group
    # Ctrl+L reaches the box from the list; typing narrows at once.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()
    qtbot.keyClicks(page.filter, "bob")
    assert _texts(page) == ["book the band", "print the menu"]
    overdue = page.model.section_index(Section.OVERDUE)
    money = page.model.section_index(Section.MONEY)
    assert page.view.isRowHidden(money.row(), money.parent())  # no row left: heading hidden too
    assert not page.view.isRowHidden(overdue.row(), overdue.parent())
    assert page.current_row() is not None and page.current_row().client_name == "Bob"
    page.set_filter("seating")
    assert _texts(page) == ["send the seating plan"]
    page.set_filter("cleo")
    assert _texts(page) == ["2 clients without money terms"]
    page.set_filter("nobody")
    assert _texts(page) == [] and page.no_match.isVisible()
    assert "nobody" in page.no_match.text()
    # A new report keeps the filter (a row added arrives hidden if it does not match).
    add_promise(ada, "call the nobody venue", now, tz, due=Due(date(2026, 11, 19)))
    fresh(qtbot, page)
    assert _texts(page) == ["call the nobody venue"]
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Escape)
    assert page.filter.text() == "" and len(_texts(page)) == 5
    qtbot.keyClick(page.filter, Qt.Key.Key_Escape)  # a second Esc goes back to the list
    assert page.view.hasFocus()


def test_folded_sections_stay_folded_across_reports_and_restarts(
    qtbot, notebook, now, tz, tmp_path
):
    cid = make_client(now, "Ada")
    add_promise(cid, "send the seating plan", now, tz, due=Due(date(2026, 11, 17)))
    settings = _settings(tmp_path)
    page = _page(qtbot, notebook, settings)
    money = page.model.section_index(Section.MONEY)
    page.view.collapse(money)
    assert page.folded == {Section.MONEY}
    assert settings.value(FOLDED_KEY) == "money_not_discussed"  # one value: a plain string
    add_promise(cid, "book the band", now, tz, due=Due(date(2026, 11, 16)))
    fresh(qtbot, page)
    assert not page.view.isExpanded(page.model.section_index(Section.MONEY))
    page.close()
    # The next start (a new page over the same settings) opens with it folded.
    again = _page(qtbot, notebook, _settings(tmp_path))
    assert not again.view.isExpanded(again.model.section_index(Section.MONEY))
    assert again.view.isExpanded(again.model.section_index(Section.OVERDUE))
    again.view.expand(again.model.section_index(Section.MONEY))
    assert _settings(tmp_path).value(FOLDED_KEY) == ""
    assert again.select(RowKind.PROMISE, 1)


def test_a_hand_edited_fold_setting_is_read_past(qtbot, notebook, now, tmp_path):
    make_client(now, "Ada")
    settings = _settings(tmp_path)
    settings.setValue(FOLDED_KEY, "no_such_section,money_not_discussed")
    page = _page(qtbot, notebook, settings)
    assert page.folded == {Section.MONEY}


def test_today_in_german_says_its_date_rows_and_group_in_german(german, qtbot, notebook, now, tz):  # type: ignore[no-untyped-def]
    cid = make_client(now, "Ada")
    set_money_terms(cid, MoneyTermsInput("hourly"), now)
    add_promise(cid, "send the seating plan", now, tz, due=Due(date(2026, 11, 15)))
    add_promise(cid, "book the band", now, tz, due=Due(date(2026, 11, 20)))
    for name in ("Ben", "Cleo"):
        make_client(now, name)
    page = _page(qtbot, notebook)
    assert page.title.text() == "Heute – Mittwoch, 18. November"
    assert "1 überfällige Zusage" in page.summary.text()
    overdue = page.model.section_index(Section.OVERDUE)
    assert overdue.data() == "Überfällige Zusagen (1)"
    assert page.model.index(0, 2, overdue).data() == "3 Tage überfällig"
    upcoming = page.model.section_index(Section.UPCOMING)
    assert page.model.index(0, 2, upcoming).data() == "in 2 Tagen"
    money = page.model.section_index(Section.MONEY)
    assert page.model.index(0, 0, money).data() == "2 Kunden ohne Konditionen"
    assert page.filter.placeholderText() == "Nach Kunde oder Text filtern (Strg+L)"
