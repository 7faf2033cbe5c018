"""The one safe way to show user text: note bodies as Markdown with no resource loading, and plain
labels for everything else (RELIABILITY #1).

``QTextBrowser``/``QTextDocument`` resolve ``<img src="/path">`` (and Markdown ``![](/path)``) from
disk by default — a note holding ``<img src="/dev/zero">`` aborted the process. Overriding
``QTextBrowser.loadResource`` alone is not enough: when it returns nothing, ``QTextDocument`` and
its image handler fall back to reading the file themselves. So the browser's document is a
``_SealedDocument`` whose ``loadResource`` answers every image with a 1×1 transparent placeholder
and every other resource with empty bytes, which leaves no fallback to run. Raw HTML in Markdown is
shown as text, links never navigate the viewer, and a click opens only http, https, mailto and tel
links, through the desktop.

Notes are typed one item per line (a remark, a ``+ `` promise, a ``? `` request), so
``note_markdown`` keeps every typed line a line before Markdown sees it: a single line break is a
hard break, ``+``/``?`` capture lines show literally (Markdown would read ``+ `` as a bullet and
pull the next line into it), and a plain line after a list item or quote starts its own paragraph
instead of running on inside it. Fenced code blocks are left as typed.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget
from typing_extensions import override

#: Link schemes a click may hand to the desktop; file:, javascript:, qrc: and the rest are ignored.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


#: Capture marks (services.capture): a line starting "+ " is a promise, "? " a request.
_CAPTURE_LINE = re.compile(r"^(\s*)([+?])(\s)")
_LIST_OR_QUOTE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)|^ {0,3}>")
_FENCE = re.compile(r"^ {0,3}(`{3,}(?!.*`)|~{3,})")  # a backtick after ``` is inline code


def note_markdown(body: str) -> str:
    """``body`` with each typed line kept a line when rendered as Markdown (see the module
    docstring); fenced code is untouched."""
    out: list[str] = []
    fence = ""  # the open fence's run of ` or ~, or "" outside code
    in_container = False  # the last non-blank line belongs to a list item or a quote
    for raw in body.replace("\r\n", "\n").split("\n"):
        opening = _FENCE.match(raw)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append(raw)
            continue
        if opening:
            fence = opening.group(1)
            in_container = False
            out.append(raw)
            continue
        if not raw.strip():
            out.append(raw)
            continue
        line = _CAPTURE_LINE.sub(r"\1\\\2\3", raw, count=1)
        starts_block = bool(_LIST_OR_QUOTE.match(line))
        indented = raw.startswith(("  ", "\t"))
        previous = out[-1] if out else ""
        if previous.strip():
            if in_container and not starts_block and not indented:
                out.append("")  # not a lazy continuation: its own paragraph
            else:
                out[-1] = previous.rstrip() + "  "  # a hard line break
        in_container = starts_block or (in_container and indented)
        out.append(line)
    return "\n".join(out)


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


class _SealedDocument(QTextDocument):
    """A document that never loads anything: images are blank, other resources empty."""

    _BLANK: QImage | None = None

    @override
    def loadResource(self, type: int, name: QUrl | str, /) -> object:
        if type == QTextDocument.ResourceType.ImageResource:
            if _SealedDocument._BLANK is None:
                _SealedDocument._BLANK = _blank_image()
            return _SealedDocument._BLANK
        return QByteArray()


def is_openable(url: QUrl) -> bool:
    """True for the links a click may open outside the app."""
    return url.isValid() and url.scheme().lower() in OPENABLE_SCHEMES


class SafeTextBrowser(QTextBrowser):
    """A read-only viewer for Markdown note bodies that loads no resource and navigates nowhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_SealedDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.anchorClicked.connect(self._on_anchor_clicked)

    def set_markdown(self, text: str) -> None:
        """Show ``text`` as Markdown, each typed line a line (``note_markdown``); raw HTML in it
        is shown as text, images stay blank."""
        self.document().setMarkdown(note_markdown(text), MARKDOWN_FEATURES)

    def set_document(self, text: str) -> None:
        """Show ``text`` as ordinary Markdown, written to be read (the user guide): wrapped lines
        run on into their paragraph. The same sealed document: nothing loads."""
        self.document().setMarkdown(text, MARKDOWN_FEATURES)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_plain(self, text: str) -> None:
        self.document().setPlainText(text)

    @override
    def setDocument(self, document: QTextDocument) -> None:
        if not isinstance(document, _SealedDocument):
            raise TypeError("SafeTextBrowser only shows a sealed document")
        super().setDocument(document)

    @override
    def loadResource(self, type: int, name: QUrl | str, /) -> object:
        return QByteArray()

    @override
    def doSetSource(
        self,
        name: QUrl | str,
        /,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        """Never navigate: the viewer shows what it was given and nothing else."""

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_openable(url):
            QDesktopServices.openUrl(url)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that shows ``text`` literally (no rich text, no links)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    return label


def heading_label(text: str = "", scale: float = 1.0) -> QLabel:
    """A plain label in bold, its font ``scale`` times the normal size."""
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows ``text`` literally: Qt guesses rich text in tooltips, so the text
    is escaped inside an explicit paragraph (no tag in it can take effect)."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>' if text else ""
