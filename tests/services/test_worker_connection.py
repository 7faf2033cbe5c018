"""A worker thread reads through its own connection, and holds none once its job is done."""

from __future__ import annotations

import threading

from ckbook.services.base import worker_connection
from ckbook.store.models import Client, database_proxy
from tests.factories import make_client


def test_a_worker_has_its_own_connection_and_closes_it(db, now):
    make_client(now, "Ada")
    main_connection = database_proxy.obj.connection()
    seen: dict[str, object] = {}

    def job() -> None:
        with worker_connection():
            seen["same"] = database_proxy.obj.connection() is main_connection
            seen["names"] = [name for (name,) in Client.select(Client.name).tuples()]
        seen["closed after"] = database_proxy.obj.is_closed()

    worker = threading.Thread(target=job)
    worker.start()
    worker.join(10)
    assert seen == {"same": False, "names": ["Ada"], "closed after": True}
    assert not database_proxy.obj.is_closed()  # the GUI thread's connection is untouched
