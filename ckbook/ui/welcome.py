"""The first-start page: on a notebook with no client, the window opens here instead of on an
empty Today, with the three ways in — add a first client, import contacts from a file, or try the
demo notebook (a separate file, opened in a new window, so the user's own stays empty). The page
steps aside for Today as soon as the notebook holds a client."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QProcess, QSize, Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from ckbook.i18n import tr
from ckbook.paths import data_dir
from ckbook.services.autostart import ckbook_command
from ckbook.services.base import Changed
from ckbook.services.demo import notebook_is_empty
from ckbook.ui import icons
from ckbook.ui.icons import app_icon
from ckbook.ui.notebook import Notebook
from ckbook.ui.safe_text import plain_label

DEMO_FILENAME = "demo.sqlite3"


class WelcomePage(QWidget):
    newClientRequested = Signal()
    importRequested = Signal()
    demoRequested = Signal()

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(64, 64)))
        title = plain_label(tr("Welcome to ckbook"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = plain_label(
            tr(
                "Your notebook is empty. Start with the people you serve: each client gets an "
                "attention profile, money terms agreed up front, call notes and every promise "
                "you make them."
            ),
            wrap=True,
        )
        self.new_client = QCommandLinkButton(
            tr("Add your first client"),
            tr("A name, how much attention they need, and the money terms (Ctrl+N)"),
        )
        self.import_file = QCommandLinkButton(
            tr("Import your contacts"),
            tr(
                "From a vCard or CSV file saved by your phone, Google Contacts or Outlook; "
                "you see what will be added before anything is"
            ),
        )
        self.demo = QCommandLinkButton(
            tr("Try the demo notebook"),
            tr(
                "Sixty made-up clients with notes and promises, in a separate notebook opened in "
                "a new window; yours stays as it is"
            ),
        )
        self.where = plain_label(
            tr("This notebook: {location}").format(location=location), wrap=True
        )
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setEnabled(False)  # muted
        self.apply_theme()
        self.new_client.clicked.connect(self.newClientRequested)
        self.import_file.clicked.connect(self.importRequested)
        self.demo.clicked.connect(self.demoRequested)

        heading = QHBoxLayout()
        heading.addWidget(icon)
        heading.addWidget(title, 1)
        column = QVBoxLayout()
        column.addLayout(heading)
        column.addWidget(intro)
        column.addSpacing(12)
        for button in (self.new_client, self.import_file, self.demo):
            column.addWidget(button)
        column.addSpacing(12)
        column.addWidget(self.where)
        body = QWidget()
        body.setLayout(column)
        body.setMaximumWidth(620)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(body, 4)
        outer.addStretch(1)
        outer.setAlignment(body, Qt.AlignmentFlag.AlignVCenter)

    def apply_theme(self) -> None:
        """Our line icons in the scheme's text colour (the style's arrow is dark on dark)."""
        for button, name in (
            (self.new_client, "client-new"),
            (self.import_file, "clients"),
            (self.demo, "note"),
        ):
            button.setIcon(icons.icon(name))
            button.setIconSize(QSize(24, 24))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_theme()
        super().changeEvent(event)

    def focus_start(self) -> None:
        self.new_client.setFocus(Qt.FocusReason.OtherFocusReason)


class DemoOpener:
    """Makes the demo notebook once (``ckbook demo`` in its own process, so this window's
    notebook is never touched) and opens it in a new ckbook window."""

    def __init__(
        self,
        say: Callable[[str, str], None],
        folder: Path | None = None,
        start_detached: Callable[[str, list[str]], tuple[bool, int]] = QProcess.startDetached,
    ) -> None:
        self.path = (folder or data_dir()) / DEMO_FILENAME
        self._say = say
        self._start_detached = start_detached
        self.process: QProcess | None = None

    def open(self) -> None:
        if self.process is not None:
            return  # being made
        if self.path.exists():
            self._start_window()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        command = ckbook_command()
        self.process = QProcess()
        self.process.finished.connect(self._on_process_finished)
        self._say("info", tr("Making the demo notebook…"))
        self.process.start(command[0], [*command[1:], "demo", "--db", str(self.path)])

    def _on_process_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if code != 0 or not self.path.exists():
            why = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
            why = why or tr("exit {code}").format(code=code)
            self._say("error", tr("The demo notebook could not be made: {why}").format(why=why))
            return
        self._start_window()

    def _start_window(self) -> None:
        command = ckbook_command()
        started, _pid = self._start_detached(command[0], [*command[1:], "--db", str(self.path)])
        if started:
            self._say(
                "info",
                tr("The demo notebook opens in a new window ({path})").format(path=self.path),
            )
        else:
            self._say("error", tr("The demo notebook's window could not be started"))


def install_welcome(
    window: Any, notebook: Notebook, start_import: Callable[[], object], demo: DemoOpener
) -> WelcomePage | None:
    """On an empty notebook, open the window on the welcome page (None otherwise). Adding a
    client, importing some, or any change that leaves clients in the notebook moves on to Today."""
    if not notebook.attempt(notebook_is_empty):
        return None
    page = WelcomePage(notebook.location)
    window.add_page("welcome", tr("Welcome"), page)

    window.show_page("welcome")
    page.newClientRequested.connect(lambda: window.trigger("new_client"))
    page.importRequested.connect(start_import)
    page.demoRequested.connect(demo.open)

    def on_changed(_changed: Changed) -> None:
        if window.current_page() != "welcome" or notebook.attempt(notebook_is_empty) is not False:
            return
        window.show_page("today" if "today" in window.pages else "clients")

    notebook.changed.connect(on_changed)
    return page
