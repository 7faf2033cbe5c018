"""The safe viewer never reads a file or navigates, and opens only web/mail/phone links
(RELIABILITY #1)."""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument

from ckbook.ui.safe_text import SafeTextBrowser, is_openable, note_markdown, plain_label


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


def _blocks(viewer: SafeTextBrowser) -> list[tuple[str, bool]]:
    """(text, is a list item) of each rendered block with text."""
    found = []
    block = viewer.document().begin()
    while block.isValid():
        if block.text():
            found.append((block.text(), block.textList() is not None))
        block = block.next()
    return found


def test_typed_note_lines_stay_lines_and_capture_marks_show_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.set_markdown(
        "Talked about the gala.\n"
        "+ send the corrected invoice tomorrow 7:30\n"
        "? can we move the deposit date\n"
        "+ call back by Friday evening\n"
        "She is upset about the delay."
    )
    assert _blocks(viewer) == [
        ("Talked about the gala.", False),
        ("+ send the corrected invoice tomorrow 7:30", False),
        ("? can we move the deposit date", False),
        ("+ call back by Friday evening", False),
        ("She is upset about the delay.", False),
    ]


def test_markdown_lists_still_render_and_a_plain_line_after_one_is_its_own(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.set_markdown("Plan:\n- venue\n- catering\nthen the invoice\n> she said\nwe agreed")
    assert _blocks(viewer) == [
        ("Plan:", False),
        ("venue", True),
        ("catering", True),
        ("then the invoice", False),
        ("she said", False),
        ("we agreed", False),
    ]


def test_fenced_code_is_left_as_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = SafeTextBrowser()
    qtbot.addWidget(viewer)
    viewer.set_markdown("diff:\n```\n+ added line\n? odd\n```\nend")
    assert "+ added line\n? odd" in viewer.toPlainText()
    assert "  \n" not in note_markdown("```\na\nb\n```").split("```")[1]
