"""The cycle collector runs while the user does not type, never in the middle of typing (unless
garbage piles up past a bound), and gives Python's own collector back when the app stops."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from ckbook.ui import collector as collector_module
from ckbook.ui.collector import IdleCollector


def _cycles(n: int) -> None:
    for _ in range(n):
        a: list[object] = []
        a.append(a)


def test_collects_only_after_a_quiet_spell_and_hands_back_on_stop(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(collector_module, "YOUNG_AFTER", 100)
    monkeypatch.setattr(collector_module, "QUIET_YOUNG_S", 0.4)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    idle = IdleCollector(app)
    try:
        assert not gc.isenabled()
        _cycles(500)
        for _ in range(8):  # typing: a key every 100 ms, so never 0.4 s quiet
            qtbot.keyClick(field, Qt.Key.Key_A)
            qtbot.wait(100)
        assert idle.collections == []
        qtbot.waitUntil(lambda: bool(idle.collections), timeout=3000)  # quiet now
        assert idle.collections[0][0] == 1 and gc.get_count()[0] < 100
    finally:
        idle.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0
