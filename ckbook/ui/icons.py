"""The app's icons: simple line SVGs shipped in the package (``ckbook/resources/icons``), drawn in
the text colour of the current scheme so they read on light and dark; a freedesktop theme icon when
a file is missing. ``app_icon()`` is the application's own mark (the hicolor SVG and PNGs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ckbook import resources

ICON_DIR: Path = resources.resource_path("icons")
SIZES = (16, 20, 24, 32, 48)

#: Our icon name → the freedesktop theme name used when the SVG is not there.
THEME_FALLBACK = {
    "about": "help-about",
    "call": "call-start",
    "client-new": "contact-new",
    "clients": "system-users",
    "delete": "edit-delete",
    "edit": "document-edit",
    "history": "document-open-recent",
    "merge": "merge",
    "money": "wallet-open",
    "note": "text-x-generic",
    "note-new": "document-new",
    "promise": "checkbox",
    "promise-add": "list-add",
    "quit": "application-exit",
    "save": "document-save",
    "search": "edit-find",
    "settings": "preferences-system",
    "switch": "go-jump",
    "today": "x-office-calendar",
    "undo": "edit-undo",
}


def _text_color() -> str:
    if QGuiApplication.instance() is None:
        return "#000000"
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()


@cache
def _svg_icon(name: str, color: str) -> QIcon | None:
    path = ICON_DIR / f"{name}.svg"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return None
    renderer = QSvgRenderer(QByteArray(source.replace("currentColor", color).encode()))
    if not renderer.isValid():
        return None
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The icon called ``name`` (a file stem in resources/icons), in the current text colour."""
    found = _svg_icon(name, _text_color())
    if found is not None:
        return found
    return QIcon.fromTheme(THEME_FALLBACK.get(name, name))


def available() -> list[str]:
    return resources.action_icon_names()


@cache
def app_icon() -> QIcon:
    """The application icon (window, dialogs, task bar): its PNG sizes, rendered from the SVG."""
    found = QIcon()
    for size in resources.APP_ICON_SIZES:
        found.addFile(str(resources.resource_path(resources.app_icon_png(size))), QSize(size, size))
    return found
