"""Render the application icon's PNG sizes from its SVG, into the package's hicolor folder.

    .venv/bin/python packaging/render_icons.py        (make icons)

Run it after changing ``ckbook/resources/hicolor/scalable/apps/<APP_ID>.svg``; the PNGs are
committed (menus that do not read SVG use them; a test checks they match the SVG).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from ckbook.resources import APP_ICON_SIZES, APP_ICON_SVG, app_icon_png, resource_path


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent ``size``×``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = resource_path(APP_ICON_SVG)
    root = svg.parents[3]  # …/resources (hicolor/scalable/apps/<id>.svg)
    for size in APP_ICON_SIZES:
        target = root / app_icon_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
