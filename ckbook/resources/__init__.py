"""The files ckbook ships inside its package: the action icons (``icons/``), the application icon
in the freedesktop layout (``hicolor/``), the desktop launcher and AppStream metainfo, the user
guide (English, and translated as ``guide_<language>.md``) and the compiled translations.

They are package data, found through ``importlib.resources`` the same way from a checkout, an
installed wheel and a PyInstaller bundle (which copies this folder whole). No Qt here: the CLI's
``--install-desktop`` reads these files too.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

from ckbook import APP_ID

LAUNCHER = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"
APP_ICON_SVG = f"hicolor/scalable/apps/{APP_ID}.svg"
#: The PNG sizes rendered from the SVG (packaging/render_icons.py) for menus without SVG support.
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(relative: str) -> Traversable:
    """The shipped file at ``relative`` (slash-separated, e.g. ``"icons/call.svg"``)."""
    found: Traversable = files(__name__)
    for part in relative.split("/"):
        found = found / part
    return found


def user_guide(language: str) -> Traversable:
    """The user guide in ``language`` (``guide_<language>.md``), English when there is none."""
    translated = resource(f"guide_{language}.md")
    return translated if language != "en" and translated.is_file() else resource("guide.md")


def resource_path(relative: str) -> Path:
    """A real file-system path to the shipped file (for Qt style sheets and copies). From a
    folder that is the file itself; from a zip, a temporary copy kept until exit."""
    found = resource(relative)
    if isinstance(found, Path):
        return found
    return _extracted.enter_context(as_file(found))


def app_icon_png(size: int) -> str:
    """The relative name of the application icon rendered at ``size`` pixels."""
    return f"hicolor/{size}x{size}/apps/{APP_ID}.png"


def action_icon_names() -> list[str]:
    """The stems of the action icons under ``icons/``."""
    return sorted(
        entry.name.removesuffix(".svg")
        for entry in resource("icons").iterdir()
        if entry.name.endswith(".svg")
    )
