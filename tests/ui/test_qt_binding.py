"""The Qt binding keeps Python's reference counts straight. PySide6 6.12.0 on CPython 3.11 dropped
a reference to None on every void call and to True on every signal emit, so a busy window aborted
with "deallocating None" after about 5,000 calls; pyproject.toml keeps that release out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    number = Signal(int)


def test_void_calls_and_emits_keep_none_true_and_false_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    thing = _Emitter()
    thing.number.connect(lambda _value: None)
    before = [sys.getrefcount(v) for v in (None, True, False)]
    for _ in range(200):
        thing.setObjectName("x")
        thing.number.emit(1)
        thing.blockSignals(False)
    after = [sys.getrefcount(v) for v in (None, True, False)]
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]
