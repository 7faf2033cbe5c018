"""Render the Today page and a client card's header and care pieces (contact line, touchpoints
sparkline, kept-rate chart, requests, incidents) with demo data, in the light and the dark scheme.

    .venv/bin/python packaging/screenshots_today.py shots/ [--clients 300] [--size 1024x700] \
        [--lang de]

Saves ``today-light.png``, ``today-dark.png``, ``card-insight-light.png`` and
``card-insight-dark.png`` into the folder given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from ckbook import i18n
from ckbook.app import install_translations
from ckbook.services.care import add_request
from ckbook.services.clock import FixedClock
from ckbook.services.demo import make_demo
from ckbook.services.insight import kept_rates_by_client
from ckbook.store.database import close_database, open_database

TZ = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=TZ)


def telling_client() -> int:
    """The client with the most promises kept or broken this year: the fullest chart."""
    series = kept_rates_by_client(NOW, TZ)
    return max(series, key=lambda cid: (series[cid].kept + series[cid].broken, -cid))


def render(
    app: QApplication, folder: Path, scheme: str, client_id: int, size: tuple[int, int]
) -> list[Path]:
    from ckbook.services.clients import client_detail
    from ckbook.services.insight import card_facts
    from ckbook.ui import theme
    from ckbook.ui.care_card import CareCard
    from ckbook.ui.client_card import ClientHeader
    from ckbook.ui.notebook import Notebook
    from ckbook.ui.today_page import TodayPage

    theme.force_scheme(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    notebook = Notebook(FixedClock(NOW, TZ), "demo")
    today = TodayPage(notebook)
    today.resize(*size)
    today.show()
    if today.pending:  # the report is built on a worker; wait for it
        loop = QEventLoop()
        today.refreshed.connect(loop.quit)
        loop.exec()
    # Folded as a user would after a look (the fold is kept), so the picture shows every kind
    # of section, down to the one row standing for the clients without money terms.
    from ckbook.services.today import Section

    for section in (Section.UPCOMING, Section.CHECKINS, Section.REQUESTS):
        today.view.collapse(today.model.section_index(section))
    today.focus_start()
    app.processEvents()
    saved = [folder / f"today-{scheme}.png"]
    today.grab().save(str(saved[0]))

    care = CareCard(notebook)
    header = ClientHeader()
    detail = client_detail(client_id, NOW)
    header.show_client(detail, card_facts(detail, NOW, TZ))
    card = QWidget()
    layout = QVBoxLayout(card)
    for title, widget in (
        ("", header),
        ("Insight", care.insight),
        ("Requests", care.requests),
        ("Incidents", care.incidents),
    ):
        if title:
            heading = QLabel(title)
            heading.setTextFormat(Qt.TextFormat.PlainText)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            layout.addWidget(line)
            layout.addWidget(heading)
        layout.addWidget(widget)
    layout.addStretch(1)
    care.set_client(client_id)
    card.resize(760, 720)
    card.show()
    app.processEvents()
    saved.append(folder / f"card-insight-{scheme}.png")
    card.grab().save(str(saved[1]))
    today.close()
    card.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--size", default="1024x700", help="Today's size")
    parser.add_argument("--lang", default="en", help="the window's language (en, de)")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    args.folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translations(app, args.lang)
    path = Path(tempfile.mkdtemp()) / "screens.sqlite3"
    opened = open_database(str(path))
    try:
        make_demo(args.clients, args.clients * 12, args.clients * 4, 7, NOW, TZ)
        client_id = telling_client()
        # One message still waiting past the client's response time, so the card shows one.
        add_request(
            client_id, "Can we add two guests to Saturday?", NOW, "message", NOW - timedelta(days=2)
        )
        for scheme in ("light", "dark"):
            for png in render(app, args.folder, scheme, client_id, (width, height)):
                print(png)
    finally:
        close_database(opened)
        for translator in translators:
            app.removeTranslator(translator)
        i18n.uninstall()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
