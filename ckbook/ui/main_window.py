"""The notebook window: pages (the client list beside the open client's card, Today once it
exists), the menus, toolbar and keyboard table of DESIGN.md, and the status bar.

Public API other features hook into (keep it stable):

- ``MainWindow(notebook, parent=None)``; the title starts with "ckbook".
- ``add_page(key, title, widget)``, ``show_page(key)``, ``current_page()``. The "clients" page
  exists from the start; adding a "today" page makes the window open on it (Ctrl+1 shows it).
  Showing another page focuses it (``focus_page``): its ``focus_start()`` when it has one.
- ``client_in_view()``: the client Ctrl+Shift+C and Ctrl+P act on: the open card's on Clients,
  else the page's ``current_client_id()`` (Today's selected row); None makes them ask.
- ``action(name) -> QAction`` for: new_client (Ctrl+N), quick_switch (Ctrl+K), call_note
  (Ctrl+Shift+C), add_promise (Ctrl+P), search (Ctrl+F), today (Ctrl+1), save (Ctrl+S), quit
  (Ctrl+Q), undo (Ctrl+Z), settings; also clients, money_terms, delete_client, about.
  Triggering an action calls ``handlers[name]()``; replace a handler to wire a feature
  (``window.handlers["call_note"] = start_call``). "save" always flushes the card's pending edits
  before calling its handler.
- ``menus`` ("file", "edit", "view", "client", "help") and ``toolbar``.
- ``open_client(client_id)``, ``current_client_id()``, signal ``clientOpened(int)``.
- ``note_opener(note_id | None, client_id, kind)``: called when the user opens a note in the
  timeline or asks for a new one; when None, an existing note is shown read-only.
- ``card`` (``ClientCard``: ``add_header_widget``, ``add_section``, ``client_id``) and
  ``client_list`` (``ClientListView``).
- ``show_status(text, timeout_ms=5000)``; ``notebook.message`` goes to the status bar, errors
  also to a message box (plain text).
- ``close_to_tray`` (default False): when True, closing hides the window; when False (or on
  Quit), pending edits are written, deleted clients purged, and the application quits.
- ``record_undo(description, undo)`` puts an undo step on the window's stack (Ctrl+Z; also from a
  text field that has no typing of its own to undo).

Window geometry, the splitter and the list's columns are kept in QSettings ("ckbook").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSettings,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ckbook import APP_NAME, __version__, i18n, logs, resources
from ckbook.i18n import tr
from ckbook.services.base import Changed, Kind
from ckbook.services.clients import (
    client_detail,
    delete_client,
    purge_deleted_clients,
    restore_client,
)
from ckbook.services.merging import Merged, matching_clients, merge_clients, unmerge
from ckbook.services.money import add_client_with_terms
from ckbook.services.notes import get_note
from ckbook.services.settings import load_settings
from ckbook.ui import icons, theme
from ckbook.ui.card_sections.timeline import note_heading
from ckbook.ui.client_card import ClientCard
from ckbook.ui.client_list import ClientListView
from ckbook.ui.dialogs.confirm import (
    DeleteClientDialog,
    DuplicateClientDialog,
    MergeClientsDialog,
)
from ckbook.ui.dialogs.new_client import NewClientDialog
from ckbook.ui.notebook import Notebook
from ckbook.ui.quick_switcher import ClientPicker
from ckbook.ui.safe_text import SafeTextBrowser, plain_label
from ckbook.ui.single_instance import LaunchRequest

log = logging.getLogger(__name__)

NoteOpener = Callable[[int | None, int, str], object]


@dataclass(frozen=True)
class _ActionSpec:
    name: str
    text: str
    shortcut: str | None
    icon: str
    menu: str
    tip: str


def action_specs() -> tuple[_ActionSpec, ...]:
    """The window's actions, their texts in the installed language (read when the window is
    built, after ``i18n.install``)."""
    return (
        _ActionSpec(
            "new_client", tr("&New client…"), "Ctrl+N", "client-new", "file", tr("Add a client")
        ),
        _ActionSpec(
            "save", tr("&Save now"), "Ctrl+S", "save", "file", tr("Write every pending edit now")
        ),
        _ActionSpec("quit", tr("&Quit"), "Ctrl+Q", "quit", "file", tr("Save everything and quit")),
        _ActionSpec("undo", tr("&Undo"), "Ctrl+Z", "undo", "edit", tr("Undo the last change")),
        _ActionSpec(
            "search", tr("&Search…"), "Ctrl+F", "search", "edit", tr("Search notes and clients")
        ),
        _ActionSpec(
            "settings", tr("Se&ttings…"), None, "settings", "edit", tr("Reminders and more")
        ),
        _ActionSpec("today", tr("&Today"), "Ctrl+1", "today", "view", tr("What needs you today")),
        _ActionSpec("clients", tr("&Clients"), None, "clients", "view", tr("The client list")),
        _ActionSpec(
            "quick_switch", tr("&Go to client…"), "Ctrl+K", "switch", "view", tr("Find a client")
        ),
        _ActionSpec(
            "call_note", tr("&Call note"), "Ctrl+Shift+C", "call", "client", tr("Start a call note")
        ),
        _ActionSpec(
            "add_promise",
            tr("Add &promise"),
            "Ctrl+P",
            "promise-add",
            "client",
            tr("Add a promise to the open client"),
        ),
        _ActionSpec(
            "money_terms", tr("&Money terms…"), None, "money", "client", tr("Record money terms")
        ),
        _ActionSpec(
            "merge_client",
            tr("Mer&ge another client into this one…"),
            None,
            "merge",
            "client",
            tr("Make two cards of one person one"),
        ),
        _ActionSpec(
            "delete_client", tr("&Delete client…"), None, "delete", "client", tr("Delete client")
        ),
        _ActionSpec("user_guide", tr("User &guide"), "F1", "note", "help", tr("How ckbook works")),
        _ActionSpec(
            "shortcuts",
            tr("&Keyboard shortcuts"),
            "Ctrl+/",
            "switch",
            "help",
            tr("Every key of the window"),
        ),
        _ActionSpec(
            "log_folder",
            tr("Open the &log folder"),
            None,
            "history",
            "help",
            tr("Where ckbook writes what went wrong (to send us)"),
        ),
        _ActionSpec("about", tr("&About ckbook"), None, "about", "help", tr("About ckbook")),
    )


TOOLBAR = ("new_client", "quick_switch", "call_note", "add_promise", "search", "today", "clients")
#: Shortcuts that work even while a text field has focus (a field must not swallow them).
GLOBAL_KEYS = ("new_client", "quick_switch", "call_note", "add_promise", "search", "today",
               "save", "quit")  # fmt: skip
TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
DEFAULT_SIZE = QSize(1280, 800)
#: The client list's share of the window when nothing was saved: its columns at 1280, and never
#: so much that the card gets less than this.
LIST_WIDTH = 620
CARD_MIN_WIDTH = 500


def fitting_size(wanted: QSize, area: QRect) -> QSize:
    """``wanted``, shrunk to fit ``area`` (a screen's available geometry) with room for the
    window frame."""
    return QSize(
        max(1, min(wanted.width(), area.width() - 16)),
        max(1, min(wanted.height(), area.height() - 48)),
    )


def splitter_sizes(window_width: int) -> list[int]:
    """The client list and the card side by side in a window this wide: the list gets its
    columns' width while the card keeps room for promise lines; at 1024 they share it."""
    list_width = max(300, min(LIST_WIDTH, window_width - CARD_MIN_WIDTH))
    return [list_width, max(1, window_width - list_width)]


def shortcuts_markdown(actions: Iterable[QAction]) -> str:
    """A Markdown table of the actions that have a key, in the desktop's way of writing keys."""
    rows = [
        (
            action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            action.toolTip().rsplit(" (", 1)[0],
        )
        for action in actions
        if not action.shortcut().isEmpty()
    ]
    keys_heading, does_heading = tr("keys"), tr("does")
    lines = [f"| {keys_heading} | {does_heading} |", "| --- | --- |"]
    lines += [f"| {keys} | {does} |" for keys, does in rows]
    lines += ["", tr("Ctrl+K, Ctrl+F, Ctrl+N and the others work while you type in a field too.")]
    return "\n".join(lines)


def has_own_undo(widget: QObject) -> bool:
    """True when the text field ``widget`` has typing of its own that Ctrl+Z would take back."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit) or widget
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.document().isUndoAvailable()
    return False


class _ShortcutGuard(QObject):
    """Installed on text fields of the window: lets the window's global shortcuts through
    instead of letting the field take them as editing keys (Ctrl+K "delete to end of line").
    Ctrl+Z goes to the window's undo when the window has a step to undo and the field has no
    typing of its own to take back (the empty filter box focused after a delete)."""

    def __init__(
        self,
        sequences: Callable[[], list[QKeySequence]],
        window_undo: Callable[[QObject], QKeySequence | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._sequences = sequences
        self._window_undo = window_undo

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            combo = QKeySequence(event.keyCombination())  # type: ignore[attr-defined]
            undo = self._window_undo(watched)
            wanted = [*self._sequences(), *([undo] if undo is not None else [])]
            if any(combo.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in wanted):
                return True  # not accepted: the shortcut map runs the window's action
        return False


class NoteViewer(QDialog):
    """A note shown read-only in the safe viewer (when no note editor is installed)."""

    def __init__(
        self, title: str, body: str, parent: QWidget | None = None, *, document: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.viewer = SafeTextBrowser()
        if document:  # a text written to be read (Help), not a note typed line by line
            self.viewer.set_document(body)
        else:
            self.viewer.set_markdown(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title))
        layout.addWidget(self.viewer, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)


class MainWindow(QMainWindow):
    clientOpened = Signal(int)

    def __init__(
        self,
        notebook: Notebook,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        background_loads: bool = False,
    ) -> None:
        super().__init__(parent)
        self.notebook = notebook
        self.settings = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
        self.close_to_tray = False
        self.note_opener: NoteOpener | None = None
        self.handlers: dict[str, Callable[[], object]] = {}
        self.menus: dict[str, QMenu] = {}
        self._actions: dict[str, QAction] = {}
        self._undo: list[tuple[str, Callable[[], object]]] = []
        self._deleted: list[int] = []
        self._quitting = False
        self._closed = False
        self._error_box: QMessageBox | None = None
        self._viewers: list[QDialog] = []
        self._specs = action_specs()

        title = f"ckbook — {notebook.location}" if notebook.location else "ckbook"
        self.setWindowTitle(
            tr("{title} (read-only)").format(title=title) if notebook.read_only else title
        )
        self.setObjectName("ckbookMainWindow")
        if notebook.read_only:
            # Always visible: every change the user tries will be refused.
            self.read_only_label = plain_label(
                tr(
                    "Read-only: your database role may read this notebook but not change it; "
                    "nothing can be saved"
                )
                if "://" in notebook.location
                else tr(
                    "Read-only: this notebook's file or folder cannot be written; nothing can be "
                    "saved"
                )
            )
            self.read_only_label.setObjectName("readOnlyState")
            self.read_only_label.setStyleSheet("font-weight: bold")
            self.statusBar().addPermanentWidget(self.read_only_label)

        # -- pages --------------------------------------------------------------------------
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._page_actions: dict[str, QAction] = {}
        self._page_group = QActionGroup(self)
        # The app loads the client list on a worker (the window paints first); tests at once.
        self.client_list = ClientListView(notebook, background=background_loads)
        self.card = ClientCard(notebook, self.record_undo)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("clientsSplitter")
        self.splitter.addWidget(self.client_list)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(splitter_sizes(DEFAULT_SIZE.width()))
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self.toolbar = self._build_toolbar()
        self._build_menus()
        self.add_page("clients", tr("Clients"), self.splitter)
        self.statusBar().setSizeGripEnabled(True)

        self.client_list.clientSelected.connect(self._on_client_list_client_selected)
        self.client_list.clientActivated.connect(self._on_client_list_client_activated)
        self.card.noteRequested.connect(self._on_card_note_requested)
        notebook.message.connect(self._on_notebook_message)
        self._guard = _ShortcutGuard(self._global_sequences, self._window_undo_for, self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
            app.aboutToQuit.connect(self._on_app_about_to_quit)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        notebook.changed.connect(self._on_notebook_changed)
        self.color_scheme: str | None = None  # None: the scheme is not the window's to set
        self._update_client_actions()
        self.resize(fitting_size(DEFAULT_SIZE, self._available_area()))
        self._restore_state()

    # -- actions, menus, toolbar -------------------------------------------------------------
    def _build_actions(self) -> None:
        defaults: dict[str, Callable[[], object]] = {
            "new_client": self.new_client,
            "quick_switch": self.quick_switch,
            "call_note": self._default_call_note,
            "add_promise": self.add_promise,
            "search": self._default_search,
            "today": self._default_today,
            "save": self._default_save,
            "quit": self.quit,
            "undo": self.undo,
            "settings": lambda: self.show_status(tr("Settings are not available yet.")),
            "clients": lambda: self.show_page("clients"),
            "money_terms": self.change_money_terms,
            "merge_client": self.merge_into_current_client,
            "delete_client": self.delete_current_client,
            "user_guide": self.show_user_guide,
            "shortcuts": self.show_shortcuts,
            "log_folder": self.open_log_folder,
            "about": self.show_about,
        }
        for spec in self._specs:
            action = QAction(icons.icon(spec.icon), spec.text, self)
            action.setObjectName(f"action_{spec.name}")
            tip = spec.tip
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                native = QKeySequence(spec.shortcut).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                tip = f"{tip} ({native})"
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, n=spec.name: self.trigger(n))
            self.addAction(action)
            self._actions[spec.name] = action
            self.handlers[spec.name] = defaults[spec.name]
        self._actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self._actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        for key, title in (
            ("file", tr("&File")),
            ("edit", tr("&Edit")),
            ("view", tr("&View")),
            ("client", tr("&Client")),
            ("help", tr("&Help")),
        ):
            self.menus[key] = self.menuBar().addMenu(title)
        for spec in self._specs:
            if spec.name in ("quit", "settings", "today", "clients"):
                continue
            self.menus[spec.menu].addAction(self._actions[spec.name])
            if spec.name in ("save", "log_folder"):
                self.menus[spec.menu].addSeparator()
        self.menus["edit"].addSeparator()
        self.menus["edit"].addAction(self._actions["settings"])
        self.menus["file"].addAction(self._actions["quit"])
        self.menus["view"].addSeparator()

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        for name in TOOLBAR:
            action = self._actions[name]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
                button.setToolTip(action.toolTip())
        return toolbar

    def action(self, name: str) -> QAction:
        """The window's action called ``name`` (see the module docstring for the names)."""
        return self._actions[name]

    def trigger(self, name: str) -> None:
        """Run the handler of action ``name`` (what the shortcut, menu and toolbar do)."""
        if name == "save":
            self.card.flush()
        handler = self.handlers.get(name)
        if handler is not None:
            handler()

    def _global_sequences(self) -> list[QKeySequence]:
        return [
            self._actions[n].shortcut()
            for n in GLOBAL_KEYS
            if not self._actions[n].shortcut().isEmpty()
        ]

    def _window_undo_for(self, field: QObject) -> QKeySequence | None:
        """Ctrl+Z, when pressed in ``field`` it should undo the window's last step."""
        shortcut = self._actions["undo"].shortcut()
        if not self._undo or shortcut.isEmpty() or has_own_undo(field):
            return None
        return shortcut

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not isinstance(new, TEXT_WIDGETS):
            return
        if new.window() is not self or new.property("ckbookShortcutGuard"):
            return
        new.installEventFilter(self._guard)
        new.setProperty("ckbookShortcutGuard", True)

    # -- pages -------------------------------------------------------------------------------
    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a page; a "today" page becomes the page the window opens on."""
        if key in self.pages:
            raise ValueError(f"the window already has a page {key!r}")
        self.pages[key] = widget
        self.stack.addWidget(widget)
        if key in ("today", "clients"):
            action = self._actions[key]
        else:
            action = QAction(title, self)
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
        action.setCheckable(True)
        self._page_group.addAction(action)
        self._page_actions[key] = action
        view = self.menus["view"]
        first = view.actions()[0] if view.actions() else None
        if key in ("today", "clients") and first is not None:
            view.insertAction(first, action)  # the two main pages lead the menu
        else:
            view.addAction(action)
        if key == "today" or len(self.pages) == 1:
            self.show_page(key)

    def show_page(self, key: str) -> None:
        """Show page ``key``; when it was not showing, keyboard focus goes to where work starts
        there (Today's list; the client list), not to whatever widget Qt picks next."""
        widget = self.pages[key]
        changed = self.stack.currentWidget() is not widget
        self.stack.setCurrentWidget(widget)
        self._page_actions[key].setChecked(True)
        if changed:
            self.focus_page(key)

    def focus_page(self, key: str) -> None:
        """Keyboard focus where work starts on page ``key``: its ``focus_start()`` when it has
        one; on Clients the list (on the open client's row), or the filter box while the list is
        empty."""
        widget = self.pages[key]
        start = getattr(widget, "focus_start", None)
        if callable(start):
            start()
        elif widget is self.splitter:
            table = self.client_list.table
            if table.model().rowCount():
                table.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.client_list.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        for key, widget in self.pages.items():
            if widget is current:
                return key
        return ""

    # -- clients -----------------------------------------------------------------------------
    def open_client(self, client_id: int) -> None:
        """Show ``client_id``'s card on the clients page (and select it in the list)."""
        if "clients" in self.pages:
            self.show_page("clients")
        self.client_list.select_client(client_id)
        self.card.show_client(client_id)
        self._update_client_actions()
        if self.card.client_id == client_id:
            self.clientOpened.emit(client_id)

    def current_client_id(self) -> int | None:
        return self.card.client_id

    def _on_client_list_client_selected(self, client_id: int) -> None:
        if client_id != self.card.client_id:
            self.open_client(client_id)

    def _on_client_list_client_activated(self, client_id: int) -> None:
        self.open_client(client_id)
        self.card.setFocus()

    def _update_client_actions(self) -> None:
        has_client = self.card.client_id is not None
        for name in ("money_terms", "merge_client", "delete_client"):
            self._actions[name].setEnabled(has_client)

    def new_client(self) -> int | None:
        """Ctrl+N: set up a client (and their money terms); opens the new card."""
        today = self.notebook.now().astimezone(self.notebook.tz).date()
        answer = NewClientDialog.ask(self, today)
        while answer is not None:
            # One card per person: someone with this name, email or phone may be here already.
            matches = self.notebook.attempt(
                matching_clients, answer.client.name, answer.client.emails, answer.client.phones
            )
            if matches:
                choice, match_id = DuplicateClientDialog.ask(self, answer.client.name, matches)
                if choice == "open":
                    self.open_client(match_id)
                    self.show_status(
                        tr("Opened the client already in your notebook; nothing added")
                    )
                    return None
                if choice == "back":
                    answer = NewClientDialog.ask(self, today, answer)
                    continue
            # One use-case: the client and the terms typed for them are stored together or not
            # at all; when not, the dialog comes back with everything typed and the reason.
            changed, problem = self._run_saying_why(
                add_client_with_terms, answer.client, answer.money, self.notebook.now()
            )
            if changed is not None:
                break
            answer = NewClientDialog.ask(self, today, answer, problem)
        else:
            return None
        client_id = changed.ids[0]
        self.open_client(client_id)
        self.show_status(tr("Added {name}").format(name=answer.client.name))
        return client_id

    def _run_saying_why(
        self, use_case: Callable[..., Changed], *args: object
    ) -> tuple[Changed | None, str]:
        """``notebook.run(use_case, *args)``, and when it fails, the message it gave."""
        said: list[str] = []

        def hear(_level: str, text: str) -> None:
            said.append(text)

        self.notebook.message.connect(hear)
        try:
            changed = self.notebook.run(use_case, *args)
        finally:
            self.notebook.message.disconnect(hear)
        return changed, (said[-1] if said else tr("Not saved."))

    def quick_switch(self) -> int | None:
        client_id = ClientPicker.ask(self, self.notebook)
        if client_id is not None:
            self.open_client(client_id)
        return client_id

    def client_in_view(self) -> int | None:
        """The client the page on screen is about: on Clients the open card's; on another page
        its selected row's (the page's ``current_client_id()``), else None."""
        page = self.pages.get(self.current_page())
        if page is None or page is self.splitter:
            return self.card.client_id
        current = getattr(page, "current_client_id", None)
        found = current() if callable(current) else None
        return found if isinstance(found, int) else None

    def _client_or_ask(self, title: str) -> int | None:
        """The client on screen (``client_in_view``); when none, asks which (and opens it)."""
        client_id = self.client_in_view()
        if client_id is not None:
            return client_id
        client_id = ClientPicker.ask(self, self.notebook, title)
        if client_id is not None:
            self.open_client(client_id)
        return client_id

    def add_promise(self) -> None:
        """Ctrl+P: focus "add a promise" on the open client's card (asks which client first)."""
        client_id = self._client_or_ask(tr("Add a promise for…"))
        if client_id is None:
            return
        if self.card.client_id != client_id:
            self.open_client(client_id)  # the selected Today row's client
        self.show_page("clients")
        self.card.focus_add_promise()

    def change_money_terms(self) -> None:
        if self.card.client_id is not None:
            self.card.money.change_terms()

    def merge_into_current_client(self) -> bool:
        """Client › Merge another client into this one: pick the other card, confirm, and
        everything of theirs moves to the open card (one transaction; Ctrl+Z separates them)."""
        keep_id, detail = self.card.client_id, self.card.detail
        if keep_id is None or detail is None:
            return False
        other_id = ClientPicker.ask(
            self, self.notebook, tr("Merge into {name}").format(name=detail.name)
        )
        if other_id is None:
            return False
        if other_id == keep_id:
            self.show_status(tr("That is this client; pick the other card of the same person"))
            return False
        other = self.notebook.attempt(client_detail, other_id, self.notebook.now())
        if other is None or not MergeClientsDialog.ask(self, detail.name, other.name):
            return False
        self.card.flush()
        merged = self.notebook.run(merge_clients, keep_id, other_id, self.notebook.now())
        if not isinstance(merged, Merged) or merged.record is None:
            return False
        record = merged.record
        self._deleted.append(other_id)  # gone for good at quit, like a delete

        def separate() -> None:
            if self.notebook.run(unmerge, record, self.notebook.now()) is not None:
                if other_id in self._deleted:
                    self._deleted.remove(other_id)
                self.open_client(keep_id)

        self.record_undo(
            tr("merge {other} into {name}").format(other=other.name, name=detail.name), separate
        )
        self.open_client(keep_id)
        self.show_status(
            tr("Merged {other} into {name}. Undo (Ctrl+Z) separates them again.").format(
                other=other.name, name=detail.name
            )
        )
        return True

    def delete_current_client(self) -> bool:
        client_id = self.card.client_id
        detail = self.card.detail
        if client_id is None or detail is None:
            return False
        if not DeleteClientDialog.ask(self, detail.name):
            return False
        self.card.flush()
        if self.notebook.run(delete_client, client_id, self.notebook.now()) is None:
            return False
        self._deleted.append(client_id)
        name = detail.name

        def restore() -> None:
            if self.notebook.run(restore_client, client_id) is not None:
                if client_id in self._deleted:
                    self._deleted.remove(client_id)
                self.open_client(client_id)

        self.record_undo(tr("delete {name}").format(name=name), restore)
        self.card.show_client(None)
        self._update_client_actions()
        # On the list, not wherever Qt puts focus as the card empties (the filter box, whose
        # own Ctrl+Z would take back filter typing instead of the delete).
        self.client_list.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_status(tr("Deleted {name}. Undo (Ctrl+Z) brings them back.").format(name=name))
        return True

    # -- notes -------------------------------------------------------------------------------
    def _on_card_note_requested(self, note_id: int, client_id: int, kind: str) -> None:
        if self.note_opener is not None:
            self.note_opener(note_id or None, client_id, kind)
            return
        if not note_id:
            self.show_status(tr("The note editor is not available yet."))
            return
        note = self.notebook.attempt(get_note, note_id)
        if note is None:
            return
        viewer = NoteViewer(f"{note.client_name} — {note_heading(note, self.notebook.tz)}",
                            note.body, self)  # fmt: skip
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.finished.connect(lambda _r, v=viewer: self._viewers.remove(v))
        self._viewers.append(viewer)
        viewer.show()

    def _default_call_note(self) -> None:
        client_id = self._client_or_ask(tr("Call note with…"))
        if client_id is None:
            return
        if self.note_opener is not None:
            self.note_opener(None, client_id, "call")
        else:
            self.show_status(tr("Call notes are not available yet."))

    def _default_search(self) -> None:
        """Until full-text search exists: filter the client list."""
        self.show_page("clients")
        self.client_list.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.client_list.filter_edit.selectAll()

    def _default_today(self) -> None:
        if "today" in self.pages:
            self.show_page("today")
            self.focus_page("today")  # also when Today was showing and focus had wandered
        else:
            self.show_status(tr("Today is not available yet."))

    def _default_save(self) -> None:
        if not self.card.has_unsaved:
            self.show_status(tr("Everything is saved."))

    # -- undo --------------------------------------------------------------------------------
    def record_undo(self, description: str, undo: Callable[[], object]) -> None:
        self._undo.append((description, undo))
        self._actions["undo"].setText(tr("&Undo {what}").format(what=description))

    def undo(self) -> bool:
        if not self._undo:
            self.show_status(tr("Nothing to undo."))
            return False
        description, step = self._undo.pop()
        step()
        self._actions["undo"].setText(
            tr("&Undo {what}").format(what=self._undo[-1][0]) if self._undo else tr("&Undo")
        )
        self.show_status(tr("Undone: {what}").format(what=description))
        return True

    # -- a second launch on this notebook ----------------------------------------------------
    def answer_launch(self, request: LaunchRequest) -> None:
        """Another ``ckbook`` was started on this notebook: come forward (out of the tray or the
        taskbar) and open what it asked for. A start at login (background) changes nothing."""
        if request.background:
            return
        self.bring_forward()
        if request.open_client is not None:
            self.open_client(request.open_client)
            if self.card.client_id == request.open_client:
                log.info("a second launch asked for it: opened client %d", request.open_client)

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    # -- messages ----------------------------------------------------------------------------
    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def _on_notebook_message(self, level: str, text: str) -> None:
        self.show_status(text, 10000 if level != "info" else 5000)
        if level != "error":
            return
        if self._error_box is None:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("ckbook")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self._error_box = box
        self._error_box.setText(text)
        self._error_box.open()

    def show_user_guide(self) -> None:
        """Help › User guide: the short guide shipped with the app, in the safe viewer."""
        guide = resources.user_guide(i18n.language()).read_text("utf-8")
        self._show_text(tr("ckbook — user guide"), guide)

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts: every key of the window, from its actions."""
        self._show_text(
            tr("ckbook — keyboard shortcuts"), shortcuts_markdown(self._actions.values())
        )

    def _show_text(self, title: str, markdown: str) -> None:
        viewer = NoteViewer(title, markdown, self, document=True)
        viewer.setObjectName("helpViewer")
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.finished.connect(lambda _r, v=viewer: self._viewers.remove(v))
        self._viewers.append(viewer)
        viewer.resize(fitting_size(QSize(680, 620), self._available_area()))
        viewer.show()

    def open_log_folder(self) -> None:
        folder = logs.log_dir()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_status(tr("The log folder is {folder}").format(folder=folder), 15000)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("About ckbook"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"ckbook {__version__}\n" + tr("A notebook for the clients you serve."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- theme -------------------------------------------------------------------------------
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self.apply_theme()

    def use_color_scheme(self, choice: str) -> None:
        """Use the colour scheme chosen in Settings ("system", "light", "dark") from now on, and
        again whenever Settings change it."""
        app = QApplication.instance()
        if choice == self.color_scheme or not isinstance(app, QApplication):
            return
        theme.apply_choice(app, choice)
        self.color_scheme = choice
        self.apply_theme()

    def _on_notebook_changed(self, changed: Changed) -> None:
        if changed.kind != Kind.SETTINGS or self.color_scheme is None:
            return
        chosen = self.notebook.attempt(load_settings)
        if chosen is not None:
            self.use_color_scheme(chosen.color_scheme)

    def apply_theme(self) -> None:
        """Redraw icons and colours for the current light/dark scheme."""
        for spec in self._specs:
            self._actions[spec.name].setIcon(icons.icon(spec.icon))
        self.card.apply_theme()
        self.client_list.table.viewport().update()

    # -- state and closing -------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        splitter_restored = False
        by_hand = s.value("clients/columns_by_hand", False, type=bool)
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("clients/splitter", self.splitter.restoreState),
            ("clients/header", lambda v: self.client_list.restore_header(v, bool(by_hand))),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restored = restore(QByteArray(value))
                splitter_restored |= bool(restored) and key == "clients/splitter"
        self.fit_to_screen()
        # Nothing saved: share the width the window has when it is first shown.
        self._split_at_show = not splitter_restored

    def _available_area(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def fit_to_screen(self) -> None:
        """Keep the window on the screen it is on: a geometry saved on a larger screen, or at
        another scale (a 1280×800 screen at scale 2 is 640×400), is shrunk and moved inside."""
        if self.isMaximized() or self.isFullScreen():
            return
        area = self._available_area()
        size = fitting_size(self.size(), area)
        if size != self.size():
            self.resize(size)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
        y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("clients/splitter", self.splitter.saveState())
        s.setValue("clients/header", self.client_list.table.horizontalHeader().saveState())
        s.setValue("clients/columns_by_hand", self.client_list.sized_by_hand)
        s.sync()

    def flush_pending(self) -> bool:
        """Write every pending edit of this window now."""
        return self.card.flush()

    def quit(self) -> None:
        """Ctrl+Q: write everything, close the window and quit the application."""
        self._quitting = True
        if not self.close():
            self._quitting = False

    def _on_app_about_to_quit(self) -> None:
        self.flush_pending()
        if not self._closed:
            self.save_state()
            self._purge_deleted()

    def _purge_deleted(self) -> None:
        if self._deleted:
            self.notebook.attempt(purge_deleted_clients, list(self._deleted))
            self._deleted.clear()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the splitter's width now, or setSizes scales them later
        card_width = self.splitter.sizes()[1] if len(self.splitter.sizes()) > 1 else 0
        # A split saved in a wider window (or at a smaller scale) can leave the card a sliver.
        squeezed = card_width < min(CARD_MIN_WIDTH, self.width() // 3)
        if self._split_at_show or squeezed:
            self.splitter.setSizes(splitter_sizes(self.width()))
        self._split_at_show = False
        super().showEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        saved = self.flush_pending()
        self.save_state()
        if self.close_to_tray and not self._quitting:
            event.ignore()
            self.hide()
            return
        if not saved and not self._confirm_close_unsaved():
            event.ignore()
            return
        self._purge_deleted()
        self._closed = True
        event.accept()
        self._quit_application()

    def _confirm_close_unsaved(self) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Not saved"),
            tr("Some edits could not be saved (see the message on the card). Quit anyway?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _quit_application(self) -> None:
        """Closing the window ends the app (unless it closes to a tray)."""
        QCoreApplication.quit()
