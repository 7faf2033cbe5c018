"""Plain rows from a query, read at once.

``tuples(query)`` is ``list(query.tuples())`` typed as what it is: peewee's stubs say ``.tuples()``
returns the query itself, so a model query would seem to yield model instances. Reading the rows at
once also closes the cursor, so no open iterator holds a WAL snapshot (RELIABILITY #10).
"""

from __future__ import annotations

from typing import Any

from peewee import SelectBase


def tuples(query: SelectBase) -> list[tuple[Any, ...]]:
    """The query's rows as tuples, in its column order, each value converted by its field."""
    rows: list[tuple[Any, ...]] = list(query.tuples().execute())  # untyped: a cursor of tuples
    return rows
