"""Qt's date and time values as Python's, typed: PySide6's stubs type ``toPython()`` as object."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime


def py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def py_time(value: QTime) -> time:
    return time(value.hour(), value.minute(), value.second(), value.msec() * 1000)
