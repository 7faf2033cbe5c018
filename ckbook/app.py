"""The GUI's composition root: parse arguments, open the database, build the notebook and the
windows, connect them, run. Nothing else in ckbook reaches for a global."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from typing_extensions import override

from ckbook import APP_ID, APP_NAME, __version__, i18n, logs
from ckbook.i18n import tr
from ckbook.paths import resolve_db_target
from ckbook.services import dates
from ckbook.services.clock import Clock, OffsetClock, SystemClock, local_zone, parse_now
from ckbook.services.settings import load_settings
from ckbook.store.database import OpenedDatabase, close_database, open_database
from ckbook.store.errors import StoreError
from ckbook.ui.single_instance import LaunchRequest, SingleInstance, hand_over

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ckbook", description=tr("Open the ckbook notebook window.")
    )
    parser.add_argument(
        "--db",
        help=tr("SQLite file (or postgresql:// URL); default: CKBOOK_DB or the user data folder"),
    )
    parser.add_argument(
        "--now", help=tr("start the clock at this ISO instant; it then runs on (demos, tests)")
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help=tr(
            "start in the tray without opening the window (start at login); "
            "opens the window when there is no tray"
        ),
    )
    parser.add_argument(
        "--open-client",
        type=int,
        metavar="ID",
        help=tr("open this client's card (in the window already open on this notebook, if any)"),
    )
    args, _qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    return args


def make_clock(now: str | None) -> Clock:
    tz = local_zone()
    if now:
        # Pinned start, then real time: reminders still come due while the window is open.
        return OffsetClock(parse_now(now, tz), tz)
    return SystemClock(tz)


def install_sigterm_handler(app: QApplication) -> QTimer:
    """Quit cleanly on SIGTERM (pending saves are written on aboutToQuit).

    Python only runs signal handlers between bytecodes, so a timer wakes the interpreter
    regularly while Qt's event loop sleeps in C++.
    """
    # exit(), not quit(): Qt 6's quit() first closes every window and gives up when one refuses,
    # as a window closing into the tray does, so SIGTERM was ignored and nothing flushed.
    # exit() always leaves the event loop; aboutToQuit still runs every flush.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))
    signal.signal(signal.SIGINT, lambda *_: app.exit(0))
    wake = QTimer(app)
    wake.setInterval(250)
    wake.timeout.connect(lambda: None)
    wake.start()
    return wake


def build(opened: OpenedDatabase, clock: Clock, app: QApplication):  # type: ignore[no-untyped-def]
    """Create the notebook and its main window; returns the window (shown by the caller)."""
    from ckbook.ui.main_window import MainWindow
    from ckbook.ui.notebook import Notebook

    notebook = Notebook(clock, opened.location, parent=app, read_only=opened.read_only)
    window = MainWindow(notebook, background_loads=True)
    if opened.created:
        window.show_status(
            tr("Created a new notebook at {location}").format(location=opened.location), 15000
        )
    return window


def log_window_shown(window: QWidget) -> None:
    """One line in the log: how big the window opened, on what screen, on which page (what a
    report about a window that does not fit needs first)."""
    screen = window.screen()
    area = screen.availableGeometry() if screen is not None else None
    log.info(
        "window shown: %d×%d on a %s screen at scale %.3g, page %s",
        window.width(),
        window.height(),
        f"{area.width()}×{area.height()}" if area is not None else "unknown",
        window.devicePixelRatioF(),
        getattr(window, "current_page", lambda: "")(),
    )


def start_error_box(text: str, detail: str = "") -> QMessageBox:
    """The box saying why the notebook cannot open. Plain text (RELIABILITY #1): the message
    holds the user's --db path, which rich text would read as markup (an <img> loads a file)."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr("ckbook cannot open the notebook"), text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)  # informative text follows the box's text format
    return box


def install_live_changes(app: QApplication, window, opened: OpenedDatabase):  # type: ignore[no-untyped-def]
    """What the CLI, an import or another process writes shows in the window within ~2 s (a
    poll of SQLite's data_version on a worker). None on PostgreSQL (no data_version there)."""
    if opened.path is None:
        return None
    from ckbook.store.changes import ChangeFeed
    from ckbook.ui.live_changes import LiveChanges

    live = LiveChanges(window.notebook, ChangeFeed(opened.path), parent=app)
    live.start()
    app.aboutToQuit.connect(live.stop)
    return live


def hand_over_or_explain(instance: SingleInstance, request: LaunchRequest) -> int:
    """A second launch: pass the request to the window open on this notebook and exit 0; when
    that window does not answer, say so and exit 1 (never a second window on one notebook)."""
    if hand_over(instance.server_name, request):
        log.info("ckbook is already open on this notebook; brought its window forward")
        return 0
    text = tr(
        "ckbook is already running on this notebook ({holder}) but does not answer. "
        "Close it (or end that process) and start ckbook again."
    ).format(holder=instance.holder())
    print(tr("ckbook: error: {message}").format(message=text), file=sys.stderr)
    start_error_box(text).exec()
    return 1


def recover_at_start(target: str | None, error: Exception, clock: Clock) -> OpenedDatabase | None:
    """Explain why the notebook cannot open, in plain words, without changing it; when a good
    backup exists and the file is damaged or unreadable, offer to restore it (the bad file is
    moved aside, never deleted). Returns the notebook opened after a restore, else None."""
    from ckbook.paths import resolve_db_target
    from ckbook.store import maintenance

    location = resolve_db_target(target)
    trouble = maintenance.diagnose(location) if "://" not in location else None
    if trouble is None:
        start_error_box(str(error)).exec()
        return None
    words, backup_helps = maintenance.trouble_words(trouble)
    good = maintenance.newest_good_backup(location) if backup_helps else None
    box = start_error_box(f"{location}\n\n{words}", str(error))
    restore = None
    if good is not None:
        made = dates.moment_text(good.made_at, clock.now(), clock.tz, long=True)
        restore = box.addButton(
            tr("Restore the backup of {made} ({counts})").format(made=made, counts=good.counts()),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
    box.exec()
    if good is None or box.clickedButton() is not restore:
        return None
    aside = maintenance.restore_over_unusable(location, good.path, clock.now())
    log.warning("restored %s from %s; the unusable file is kept at %s", location, good.path, aside)
    return open_database(target)


def install_translations(app: QCoreApplication, code: str | None = None) -> list[QTranslator]:
    """Show the window in the user's language (``code``: the environment's by default): ckbook's
    own catalogue (ckbook.i18n), and Qt's for what Qt writes itself — the standard buttons
    ("Abbrechen"), the file dialogs, the text fields' context menus. PySide6 ships Qt's
    catalogues in its translations folder, which QLibraryInfo finds in a venv, a wheel install
    and the bundle alike. Returns the translators installed into ``app`` (none for English)."""
    language = i18n.install(code)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        installed.append(qt_own)
        log.info("language %s, Qt's own text too", language)
    else:
        log.warning("language %s, but Qt's own text stays English: no %s", language, folder)
    ours = i18n.qt_translator()
    if ours is not None:
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def main(argv: Sequence[str] | None = None) -> int:
    log_file = logs.start_logging()
    # Before the arguments are parsed: --help is shown in the user's language too.
    i18n.install()
    try:
        return _run(parse_args(argv), log_file)
    finally:
        logs.stop_logging()


def _run(args: argparse.Namespace, log_file: Path | None) -> int:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    # Before the QApplication exists: on Wayland the window's app id is read once, at start.
    QGuiApplication.setDesktopFileName(APP_ID)
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    # Before the first widget: every text a widget sets when it is built is translated then.
    install_translations(app)
    from ckbook.ui.icons import app_icon

    app.setWindowIcon(app_icon())  # every window and dialog, and the task bar
    request = LaunchRequest(open_client=args.open_client, background=args.background)
    # One window per notebook, decided before the database is opened (a second launch neither
    # upgrades nor backs up a notebook the first one has open).
    instance = SingleInstance(resolve_db_target(args.db), parent=app)
    if not instance.acquire():
        return hand_over_or_explain(instance, request)
    try:
        clock = make_clock(args.now)
    except ValueError as exc:
        start_error_box(str(exc)).exec()
        print(tr("ckbook: error: {message}").format(message=exc), file=sys.stderr)
        return 2
    try:
        opened = open_database(args.db)
    except StoreError as exc:
        print(tr("ckbook: error: {message}").format(message=exc), file=sys.stderr)
        try:
            recovered = recover_at_start(args.db, exc, clock)
        except StoreError as again:  # the restore itself failed: say so, change nothing more
            start_error_box(str(again)).exec()
            return 2
        if recovered is None:
            return 2
        opened = recovered
    _wake = install_sigterm_handler(app)
    composed = compose(app, opened, clock, args.db)
    window = composed.window
    if os.environ.get(REPORT_FIRST_PAINT):
        report_first_paint(app, window)
    from ckbook.ui.tray import Tray

    if not (args.background and Tray.available()):
        window.show()
        log_window_shown(window)
    if args.open_client is not None:
        window.open_client(args.open_client)
    # A second launch on this notebook: bring this window forward and do what it was asked.
    instance.requested.connect(window.answer_launch)
    from ckbook.ui.crash import CrashReporter

    # An uncaught error is logged and shown once while the window runs on; a hard crash leaves
    # the threads' stacks in the log folder, shown at the next start.
    crashes = CrashReporter(log_file, window, app)
    crashes.report_previous_crash(logs.previous_faults())
    crashes.install()
    logs.start_fault_log()
    try:
        return app.exec()
    finally:
        logs.stop_fault_log()
        crashes.uninstall()
        close_database(opened)
        instance.release()


@dataclass(frozen=True)
class Composed:
    """The window and the parts wired into it (kept alive for the app's lifetime)."""

    window: Any
    reminders: Any
    care: Any
    notes: Any
    search: Any
    transfer: Any
    welcome: Any
    live: Any
    backups: Any
    collector: dict[str, Any]


def compose(
    app: QApplication, opened: OpenedDatabase, clock: Clock, db_argument: str | None
) -> Composed:
    """Build the main window and wire every part into it (the benchmark composes the same)."""
    window = build(opened, clock, app)
    from ckbook.ui.reminder_wiring import install_reminders

    reminders = install_reminders(app, window, window.notebook, db_argument)
    from ckbook.ui.care_card import install_care

    care = install_care(window, window.notebook)  # Today (the window opens on it), card care
    from ckbook.ui.call_window import install_notes
    from ckbook.ui.search_panel import install_search

    # Call notes and the note editor (one writer thread; flushed and stopped on aboutToQuit,
    # which SIGTERM reaches through app.quit()), and Ctrl+F search on a worker.
    notes = install_notes(window, window.notebook)
    search = install_search(window, window.notebook)
    from ckbook.ui.transfer import install_transfer

    transfer = install_transfer(window, window.notebook)  # File › Import…, Export… (worker)
    from ckbook.ui.welcome import DemoOpener, install_welcome

    # An empty notebook opens on the welcome page: first client, import, or the demo.
    welcome = install_welcome(
        window,
        window.notebook,
        transfer.start_import,
        DemoOpener(window.notebook.message.emit),
    )
    settings = window.notebook.attempt(load_settings)
    window.use_color_scheme(settings.color_scheme if settings is not None else "system")
    live = install_live_changes(app, window, opened)
    backups = None
    if opened.path is not None:
        from ckbook.ui.backups import install_backups

        # Automatic backups (a worker; at start when a day old, every 30 min of changes, at
        # quit) and File › Restore from backup….
        backups = install_backups(window, window.notebook, opened.location)
    # The cycle collector runs while the user does not type (ui.collector), from a few seconds
    # on: what start-up loaded is in by then, and is frozen out of later collections.
    collector: dict[str, Any] = {}

    def start_collector() -> None:
        from ckbook.ui.collector import IdleCollector

        collector["idle"] = IdleCollector(app)
        app.aboutToQuit.connect(collector["idle"].stop)

    QTimer.singleShot(COLLECTOR_AFTER_MS, start_collector)
    return Composed(
        window, reminders, care, notes, search, transfer, welcome, live, backups, collector
    )


#: When the idle-time cycle collector takes over from Python's (after start-up's loads).
COLLECTOR_AFTER_MS = 4000

#: Set (to anything) by the benchmark: print when the window first paints and when Today first
#: shows its rows (``time.time()``), then quit.
REPORT_FIRST_PAINT = "CKBOOK_REPORT_FIRST_PAINT"


def report_first_paint(app: QApplication, window: Any) -> None:
    """What ``REPORT_FIRST_PAINT`` asks for (tests/perf/bench.py measures start with it)."""

    class FirstPaint(QObject):
        @override
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painted = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
            if painted and watched.window() is window:  # type: ignore[attr-defined]
                print(f"first-paint {time.time():.6f}", flush=True)
                app.removeEventFilter(self)
            return False

    spy = FirstPaint(app)
    app.installEventFilter(spy)
    today = getattr(window, "pages", {}).get("today")

    def rows_shown() -> None:
        QTimer.singleShot(0, lambda: _rows_painted(today))

    def _rows_painted(page: Any) -> None:
        page.repaint()  # the rows are laid out and drawn before the time is taken
        print(f"today-rows {time.time():.6f}", flush=True)
        app.exit(0)

    if today is not None:
        today.refreshed.connect(rows_shown)
    else:
        QTimer.singleShot(0, lambda: app.exit(0))


if __name__ == "__main__":
    raise SystemExit(main())
