"""Render the desktop pieces of the window: the welcome page of an empty notebook, Help › User
guide, Help › Keyboard shortcuts, Settings (with Appearance) and the dialog an uncaught error
shows, in the light and the dark scheme, at the size given.

    .venv/bin/python packaging/screenshots_desktop.py shots/ [--size 1024x700] [--lang de]

Saves ``welcome-*.png``, ``guide-*.png``, ``shortcuts-*.png``, ``settings-*.png`` and
``crash-*.png`` (``*`` = light, dark) into the folder given. ``--clients`` is accepted for the
screenshot test's sake and unused: these screens need no demo data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ckbook import i18n
from ckbook.app import install_translations
from ckbook.services.clock import FixedClock
from ckbook.store.database import close_database, open_database

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


def _save(app: QApplication, widget: QWidget, path: Path) -> Path:
    widget.show()
    app.processEvents()
    widget.grab().save(str(path))
    return path


def render(app: QApplication, folder: Path, scheme: str, size: tuple[int, int]) -> list[Path]:
    from ckbook.logs import describe
    from ckbook.services.settings import Settings
    from ckbook.ui import theme
    from ckbook.ui.care_card import install_care
    from ckbook.ui.crash import CrashDialog, summary
    from ckbook.ui.main_window import MainWindow
    from ckbook.ui.notebook import Notebook
    from ckbook.ui.settings_dialog import SettingsDialog
    from ckbook.ui.welcome import DemoOpener, install_welcome

    theme.force_scheme(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    settings = QSettings(
        str(folder / f".settings-desktop-{scheme}.ini"), QSettings.Format.IniFormat
    )
    notebook = Notebook(FixedClock(NOW, TZ), "~/.local/share/ckbook/ckbook.sqlite3")
    window = MainWindow(notebook, settings=settings)
    install_care(window, notebook)
    install_welcome(window, notebook, lambda: None, DemoOpener(notebook.message.emit, folder))
    window.resize(*size)
    shots = [_save(app, window, folder / f"welcome-{scheme}.png")]
    for name, show in (("guide", window.show_user_guide), ("shortcuts", window.show_shortcuts)):
        show()
        viewer = window.findChild(QWidget, "helpViewer")
        assert viewer is not None
        shots.append(_save(app, viewer, folder / f"{name}-{scheme}.png"))
        viewer.close()
        viewer.deleteLater()
        app.processEvents()
    dialog = SettingsDialog(Settings(color_scheme=scheme), None, False, window)
    dialog.resize(480, 320)  # room around it, as a window manager would show it
    shots.append(_save(app, dialog, folder / f"settings-{scheme}.png"))
    dialog.close()
    try:
        raise KeyError("client_id")
    except KeyError as error:
        details = describe(type(error), error, error.__traceback__)
    crash = CrashDialog(
        summary(), details, Path.home() / ".local/state/ckbook/log/ckbook.log", window
    )
    shots.append(_save(app, crash, folder / f"crash-{scheme}.png"))
    crash.close()
    window.close_to_tray = True  # hide without quitting
    window.close()
    window.deleteLater()
    app.processEvents()
    Path(settings.fileName()).unlink(missing_ok=True)
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1024x700")
    parser.add_argument("--clients", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--lang", default="en", help="the window's language (en, de)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translations(app, args.lang)
    with tempfile.TemporaryDirectory() as scratch:
        opened = open_database(str(Path(scratch) / "empty.sqlite3"))
        try:
            for scheme in ("light", "dark"):
                for shot in render(app, args.folder, scheme, (width, height)):
                    print(shot)
        finally:
            close_database(opened)
            for translator in translators:
                app.removeTranslator(translator)
            i18n.uninstall()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
