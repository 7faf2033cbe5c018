"""One application id everywhere, and a launcher and metainfo that the desktop's own validators
accept: the launcher's file name and Icon, the metainfo id and launchable, the icon files, the
notification hint, what the window tells the desktop, and the newest release is the version."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMessageBox

from ckbook import APP_ID, __version__, app, resources
from tests.packaging.conftest import need_tool

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def launcher() -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(resources.resource(resources.LAUNCHER).read_text(encoding="utf-8"))
    return parser


def metainfo() -> ET.Element:
    return ET.fromstring(resources.resource(resources.METAINFO).read_bytes())


def test_the_app_id_names_the_launcher_the_metainfo_and_the_icon():
    assert APP_ID.count(".") >= 2 and APP_ID.split(".")[0] == "io"  # reverse DNS
    entry = launcher()["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    assert resources.resource(resources.APP_ICON_SVG).is_file()
    from ckbook.services.autostart import desktop_entry
    from ckbook.ui.desktop_notifications import DESKTOP_ENTRY

    assert DESKTOP_ENTRY == APP_ID
    assert f"Icon={APP_ID}\n" in desktop_entry(["ckbook-gui"])


def test_the_newest_release_in_the_metainfo_is_the_package_version():
    releases = metainfo().findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].find("description") is not None  # release notes, not just a number


def test_the_launcher_passes_desktop_file_validate():
    tool = need_tool("desktop-file-validate", "desktop-file-utils")
    path = resources.resource_path(resources.LAUNCHER)
    done = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_metainfo_passes_appstreamcli_validate():
    tool = need_tool("appstreamcli", "appstream")
    path = resources.resource_path(resources.METAINFO)
    done = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "E:" not in done.stdout and "W:" not in done.stdout, done.stdout


def test_every_icon_size_is_the_svg_rendered_at_that_size(qapp):
    from tests.ui.test_screenshot_scripts import load

    render = load("render_icons").render
    svg = resources.resource_path(resources.APP_ICON_SVG)
    for size in resources.APP_ICON_SIZES:
        shipped = QImage(str(resources.resource_path(resources.app_icon_png(size))))
        assert (shipped.width(), shipped.height()) == (size, size)
        fresh = render(svg, size).convertToFormat(shipped.format())
        # Equal up to antialiasing rounding between Qt versions: re-run render_icons.py when not.
        differing = sum(
            1
            for y in range(size)
            for x in range(size)
            if abs(fresh.pixelColor(x, y).alpha() - shipped.pixelColor(x, y).alpha()) > 8
        )
        assert differing <= size * size // 50, (size, differing)
        corner, centre = shipped.pixelColor(0, 0), shipped.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0 and centre.alpha() == 255  # a rounded mark on transparency


def test_every_action_icon_the_window_names_is_shipped():
    from ckbook.ui.main_window import action_specs

    shipped = set(resources.action_icon_names())
    assert {spec.icon for spec in action_specs()} <= shipped
    assert "check-on" in shipped  # the promise list's tick (a style sheet names its file)


def test_the_window_tells_the_desktop_its_id_and_icon(qapp, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    assert app.main(["--now", "not a date"]) == 2  # stops right after the identity is set
    assert QGuiApplication.desktopFileName() == APP_ID
    icon = QGuiApplication.windowIcon()
    assert not icon.isNull() and 16 in {s.width() for s in icon.availableSizes()}


def test_every_screenshot_the_metainfo_and_readme_show_is_in_the_repository():
    """The metainfo lists screenshots only at a public http(s) address (none yet: see the
    comment there); each one it lists, and each picture the README shows, is in the
    repository at the size the metainfo says."""
    root = Path(__file__).resolve().parents[2]
    for image in metainfo().iter("image"):
        url = image.text or ""
        assert url.startswith("https://"), url
        shipped = root / "docs" / "screenshots" / url.rsplit("/docs/screenshots/", 1)[-1]
        assert shipped.is_file(), url
        picture = QImage(str(shipped))
        assert (picture.width(), picture.height()) == (
            int(image.get("width", 0)),
            int(image.get("height", 0)),
        ), url
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = [
        line.split("](", 1)[1].rstrip(")")
        for line in readme.splitlines()
        if line.startswith("![") and "](" in line
    ]
    assert "docs/screenshots/call-light.png" in shown  # a call note beside the window and Today
    for path in shown:
        assert (root / path).is_file(), path
