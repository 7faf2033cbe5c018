"""Writing many rows at once into the open notebook (the demo, a restore from a JSON export):
``store.bulk`` on the bound database."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Model

from ckbook.store.bulk import bulk_writes
from ckbook.store.models import database_proxy


@contextmanager
def bulk_mode(models: Sequence[type[Model]]) -> Iterator[None]:
    """Inside the caller's transaction: a bigger page cache, and full-text indexes rebuilt once."""
    with bulk_writes(database_proxy.obj, models):
        yield
