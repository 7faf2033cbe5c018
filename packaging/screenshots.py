"""Render the notebook window with demo data to PNGs, in the light and the dark scheme.

    .venv/bin/python packaging/screenshots.py shots/ [--clients 300] [--size 1280x800] [--lang de]

Fills a temporary database with ``ckbook.services.demo.make_demo``, opens the main window
offscreen on a busy client, and saves ``main-light.png``, ``main-dark.png`` (and the lower part of
the card, ``card-lower-*.png``), and a call note typed with that client (``call-*.png``, the call
window over the main window, as a call looks) into the folder given. ``--lang de`` shows the
window in German (ckbook's and Qt's catalogues, as a German desktop gets them), to see what
longer words cut.
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
from PySide6.QtWidgets import QApplication

from ckbook import i18n
from ckbook.app import install_translations
from ckbook.i18n import tr
from ckbook.services.clients import client_summaries
from ckbook.services.clock import FixedClock
from ckbook.services.money import clients_without_money_terms
from ckbook.store.database import close_database, open_database

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


def fill(clients: int) -> None:
    from ckbook.services.demo import make_demo

    make_demo(clients, clients * 12, clients * 4, 7, NOW, TZ)


def busiest_client() -> int:
    """A client with money terms, several open promises and notes: the most telling card."""
    without = set(clients_without_money_terms())
    rows = [r for r in client_summaries(NOW, TZ) if r.id not in without] or client_summaries(
        NOW, TZ
    )
    rows.sort(key=lambda r: (r.open_promises, r.last_contact is not None), reverse=True)
    return rows[0].id


def render(app: QApplication, folder: Path, scheme: str, size: tuple[int, int]) -> list[Path]:
    from ckbook.ui import theme
    from ckbook.ui.main_window import MainWindow
    from ckbook.ui.notebook import Notebook

    theme.force_scheme(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    settings = QSettings(str(folder / f".settings-{scheme}.ini"), QSettings.Format.IniFormat)
    notebook = Notebook(FixedClock(NOW, TZ), "demo notebook")
    window = MainWindow(notebook, settings=settings)
    try:  # the card's care sections and Today, as the app shows them
        from ckbook.ui.care_card import install_care
    except ImportError:
        pass
    else:
        install_care(window, notebook)
        window.show_page("clients")
    window.resize(*size)
    window.show()
    window.open_client(busiest_client())
    window.card.money.history_button.setChecked(True)
    window.show_status(tr("Saved {time}").format(time="10:00:00"))
    app.processEvents()
    shots = [folder / f"main-{scheme}.png"]
    window.grab().save(str(shots[0]))
    bar = window.card.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    app.processEvents()
    shots.append(folder / f"card-lower-{scheme}.png")
    window.grab().save(str(shots[1]))
    shots.append(render_call(app, folder, window, notebook, scheme))
    window.close_to_tray = True  # hide without quitting
    window.close()
    window.deleteLater()
    app.processEvents()
    Path(settings.fileName()).unlink(missing_ok=True)
    return shots


#: What the call-note screenshot types, line by line: notes, a promise with its due read from
#: the words, and one more.
CALL_LINES = (
    "Wants the venue walk-through moved to the morning; the caterer needs numbers by Monday.",
    "Budget stays as agreed, no extras without asking first.",
    "+ send the revised seating plan by Friday 3pm",
    "+ call the florist tomorrow about the centrepieces",
    "Happy with the first draft of the menu.",
)


def render_call(
    app: QApplication, folder: Path, window: object, notebook: object, scheme: str
) -> Path:
    """A call note typed with the open client: the call window over the main window."""
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtTest import QTest

    from ckbook.ui.call_window import install_notes

    notes = install_notes(window, notebook, recovery_dir=folder / ".recovery")  # type: ignore[arg-type]
    call = notes.start_call()
    assert call is not None, "no client open for the call"
    for line in CALL_LINES:
        QTest.keyClicks(call.editor.editor, line)
        QTest.keyClick(call.editor.editor, Qt.Key.Key_Return)
    call.mood_box.setCurrentIndex(max(0, call.mood_box.findText("content")))
    call.resize(620, 480)
    notes.save_all()  # every promise line saved: its due shows as a chip, not as pending
    QTest.qWait(800)
    card_bar = window.card.scroll_area.verticalScrollBar()  # type: ignore[attr-defined]
    card_bar.setValue(0)
    app.processEvents()
    backdrop = window.grab()  # type: ignore[attr-defined]
    picture = QPixmap(backdrop)
    painter = QPainter(picture)
    at = backdrop.rect().center() - call.rect().center()
    x, y = at.x() + 120, at.y() + 30
    # The desktop would draw a frame and a shadow around the window: a plain stand-in for both.
    painter.fillRect(x + 6, y + 6, call.width(), call.height(), QColor(0, 0, 0, 60))
    painter.drawPixmap(x, y, call.grab())
    painter.setPen(QColor(0, 0, 0, 140))
    painter.drawRect(x - 1, y - 1, call.width() + 1, call.height() + 1)
    painter.end()
    shot = folder / f"call-{scheme}.png"
    picture.save(str(shot))
    notes.save_all()
    call.close()
    notes.shutdown()
    app.processEvents()
    return shot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--lang", default="en", help="the window's language (en, de)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translations(app, args.lang)
    with tempfile.TemporaryDirectory() as scratch:
        opened = open_database(str(Path(scratch) / "demo.sqlite3"))
        try:
            fill(args.clients)
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
