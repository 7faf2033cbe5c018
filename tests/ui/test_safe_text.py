"""The safe viewer never reads a file or navigates, and opens only web/mail/phone links
(RELIABILITY #1)."""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument

from ckbook.ui.safe_text import SafeTextBrowser, is_openable, plain_label


def _big_png(tmp_path) -> str:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "big.png")
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(path)
    return path


def test_markdown_images_and_html_never_load_local_files(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    png = _big_png(tmp_path)
    fifo = str(tmp_path / "pipe")
    os.mkfifo(fifo)  # opening this for reading would block the test forever
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.resize(600, 600)
    viewer.set_markdown(
        f'# Call\n\n![x]({png})\n\n<img src="/dev/zero">\n\n<img src="{fifo}">\n\n'
        f"![y](file://{png}) ![z](qrc:/x.png)"
    )
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.document().size().height() < 150  # no 300 px image was laid out
    resource = viewer.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl.fromLocalFile(png)
    )
    assert resource.width() <= 1
    assert "<img" in viewer.toPlainText()  # raw HTML is shown as text, not obeyed


def test_html_set_directly_still_loads_nothing(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.setHtml(f'<img src="{_big_png(tmp_path)}"><img width=40 height=40 src="/dev/zero">')
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.document().size().height() < 100


def test_links_open_only_safe_schemes_and_never_navigate(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.set_markdown("[site](https://example.com) [file](file:///etc/passwd)")
    for link in ("https://example.com", "file:///etc/passwd", "javascript:alert(1)", "tel:+4930"):
        viewer.anchorClicked.emit(QUrl(link))
    assert opened == ["https://example.com", "tel:+4930"]
    viewer.setSource(QUrl.fromLocalFile("/etc/hostname"))
    assert "site" in viewer.toPlainText()  # still showing the note, not the file


def test_openable_schemes() -> None:
    assert is_openable(QUrl("mailto:ada@example.com"))
    assert is_openable(QUrl("HTTP://example.com"))
    assert not is_openable(QUrl("file:///etc/passwd"))
    assert not is_openable(QUrl("ftp://example.com"))


def test_plain_label_shows_markup_literally(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = plain_label('<img src="/dev/zero"><b>bold</b>')
    qtbot.addWidget(label)
    label.show()
    assert label.text() == '<img src="/dev/zero"><b>bold</b>'
    assert label.textFormat().name == "PlainText"
