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
"""

from __future__ import annotations

import html

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget
from typing_extensions import override

#: Link schemes a click may hand to the desktop; file:, javascript:, qrc: and the rest are ignored.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


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
        """Show ``text`` as Markdown; raw HTML in it is shown as text, images stay blank."""
        self.document().setMarkdown(text, MARKDOWN_FEATURES)

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
