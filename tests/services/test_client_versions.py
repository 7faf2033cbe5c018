"""Optimistic locking of client edits (RELIABILITY #8, team mode): a save made over a version the
editor did not load is refused with ConflictError and writes nothing; the update itself is
``WHERE version = ?``, so a change committed between the read and the write is never undone."""

from __future__ import annotations

import pytest

from ckbook.services import clients
from ckbook.services.base import ConflictError, InputError
from ckbook.services.clients import (
    FieldConflictError,
    client_detail,
    update_client,
    update_client_fields,
)
from tests.factories import make_client
from tests.rows import execute_elsewhere


def test_an_edit_over_an_unseen_version_is_refused(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada", organisation="Analytical")
    loaded = client_detail(ada, now).version  # both editors load the card
    update_client(ada, now, loaded, organisation="Engines Ltd")  # the first saves
    with pytest.raises(ConflictError, match="Ada was changed elsewhere since it was loaded"):
        update_client(ada, now, loaded, name="Ada King")  # the second has not seen it
    detail = client_detail(ada, now)
    assert (detail.name, detail.organisation, detail.version) == ("Ada", "Engines Ltd", loaded + 1)
    assert issubclass(ConflictError, InputError)  # the UI and CLI report it as bad input
    update_client(ada, now, detail.version, name="Ada King")  # after a reload it saves
    assert client_detail(ada, now).name == "Ada King"


def test_a_change_committed_between_read_and_write_is_not_undone(db, now, monkeypatch):  # type: ignore[no-untyped-def]
    """On PostgreSQL (READ COMMITTED, no lock up front) another editor can commit after this
    transaction read the row; simulated here by bumping the version right after the read."""
    ada = make_client(now, "Ada", organisation="Analytical")
    read = clients.client_detail

    def read_then_someone_saves(client_id: int, at):  # type: ignore[no-untyped-def]
        detail = read(client_id, at)
        clients.Client.update(organisation="Engines Ltd", version=clients.Client.version + 1).where(
            clients.Client.id == client_id
        ).execute()
        return detail

    monkeypatch.setattr(clients, "client_detail", read_then_someone_saves)
    with pytest.raises(ConflictError):
        update_client(ada, now, name="Ada King")
    monkeypatch.undo()
    detail = client_detail(ada, now)
    assert (detail.name, detail.organisation) == ("Ada", "Analytical")  # all rolled back


def test_two_editors_of_different_fields_both_keep_their_change(db, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada", organisation="Analytical", phones=("+44 1",))
    update_client(ada, now, organisation="Engines Ltd")
    update_client(ada, now, phones=["+44 2"])
    update_client(ada, now, checkin_days=30)
    detail = client_detail(ada, now)
    assert (detail.organisation, detail.phones, detail.checkin_days) == (
        "Engines Ltd",
        ("+44 2",),
        30,
    )
    assert detail.version == 4


def test_field_by_field_edits_keep_others_fields_and_refuse_the_same_one(db, db_target, now):  # type: ignore[no-untyped-def]
    ada = make_client(now, "Ada", organisation="Analytical")
    loaded = client_detail(ada, now)  # both people load the card
    execute_elsewhere(  # the other person saves the organisation
        db_target,
        "UPDATE client SET organisation = 'Engines Ltd', version = version + 1 WHERE id = ?",
        (ada,),
    )
    update_client_fields(ada, now, {"name": "Ada King"}, {"name": loaded.name})
    with pytest.raises(FieldConflictError, match="organisation changed elsewhere") as refused:
        update_client_fields(
            ada, now, {"organisation": "Difference Ltd"}, {"organisation": loaded.organisation}
        )
    assert refused.value.stored_now == {"organisation": "Engines Ltd"}
    detail = client_detail(ada, now)
    assert (detail.name, detail.organisation) == ("Ada King", "Engines Ltd")
    # the same value as theirs is no conflict; after seeing theirs, saving puts yours over it
    update_client_fields(ada, now, {"organisation": "Engines Ltd"}, {"organisation": "Analytical"})
    update_client_fields(
        ada, now, {"organisation": "Difference Ltd"}, {"organisation": "Engines Ltd"}
    )
    assert client_detail(ada, now).organisation == "Difference Ltd"


@pytest.mark.postgresql
def test_on_the_server_an_edit_waits_for_anothers_uncommitted_change_and_sees_it(  # type: ignore[no-untyped-def]
    db, db_target, now
):
    """READ COMMITTED reads the row as it was before another person's uncommitted UPDATE; the
    edit locks the row (FOR UPDATE) so it waits, then compares against what they committed."""
    import threading

    import psycopg

    ada = make_client(now, "Ada", organisation="Analytical")
    with psycopg.connect(db_target) as other:
        other.execute(
            "UPDATE client SET organisation = 'Engines Ltd', version = version + 1 WHERE id = %s",
            (ada,),
        )
        committer = threading.Timer(0.3, other.commit)
        committer.start()
        try:
            with pytest.raises(FieldConflictError) as refused:
                update_client_fields(
                    ada, now, {"organisation": "Difference Ltd"}, {"organisation": "Analytical"}
                )
        finally:
            committer.join()
    assert refused.value.stored_now == {"organisation": "Engines Ltd"}
    assert client_detail(ada, now).organisation == "Engines Ltd"
