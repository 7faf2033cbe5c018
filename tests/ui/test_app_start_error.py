"""A notebook that cannot open is explained in a plain-text box (RELIABILITY #1): the message
carries the user's --db path, which must never be read as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ckbook import app


def test_the_cannot_open_box_is_plain_text(qtbot, tmp_path, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    folder = tmp_path / "<img src=zero><b>x<b>"  # markup in the --db path
    folder.mkdir()
    path = folder / "notes.sqlite3"
    path.write_text("my shopping list\n")
    shown: list[tuple[Qt.TextFormat, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    # The static helper the box used to be: it renders AutoText (and would block the test).
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, _t, text: shown.append((Qt.TextFormat.AutoText, text))
    )
    assert app.main(["--db", str(path)]) == 2
    assert len(shown) == 1
    text_format, text = shown[0]
    assert text_format == Qt.TextFormat.PlainText
    assert str(path) in text and "This file is not a ckbook notebook" in text
    assert "not a ckbook database" in capsys.readouterr().err
    assert Path(path).read_text() == "my shopping list\n"


@pytest.mark.parametrize("text", ["<b>bold</b>", "a & b < c"])
def test_start_error_box_shows_text_as_typed(qtbot, text):  # type: ignore[no-untyped-def]
    box = app.start_error_box(text)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == text


def test_an_unreachable_server_is_one_plain_box(qtbot, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    from tests.store.test_server import closed_port

    url = f"postgresql://ada:s3cret@127.0.0.1:{closed_port()}/<b>book"
    shown: list[tuple[Qt.TextFormat, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.textFormat(), box.text()))
    )
    assert app.main(["--db", url]) == 2
    assert len(shown) == 1
    text_format, text = shown[0]
    assert text_format == Qt.TextFormat.PlainText
    assert text.startswith("cannot connect to postgresql://ada@127.0.0.1:") and "refused" in text
    assert "s3cret" not in text and "\n" not in text
    assert "Traceback" not in capsys.readouterr().err
