"""The window at any size and on first start: a saved geometry from a larger screen (or another
scale) is brought back onto this one, the client list's columns share the width it has, an empty
notebook opens on the welcome page, light / dark / follow-system from Settings, and Help's user
guide and keyboard shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, add_client
from ckbook.services.settings import Settings, load_settings, update_settings
from ckbook.ui import theme
from ckbook.ui.client_list import Column
from ckbook.ui.main_window import MainWindow, fitting_size, shortcuts_markdown, splitter_sizes
from ckbook.ui.settings_dialog import SettingsDialog
from ckbook.ui.welcome import DemoOpener, install_welcome
from tests.factories import make_client

DESIGN_KEYS = ("Ctrl+N", "Ctrl+K", "Ctrl+Shift+C", "Ctrl+P", "Ctrl+F", "Ctrl+1", "Ctrl+S", "Ctrl+Q")


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "ckbook.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, notebook, settings):  # type: ignore[no-untyped-def]
    win = MainWindow(notebook, settings=settings)
    win.close_to_tray = True  # closing at teardown must not quit the test's application
    qtbot.addWidget(win)
    return win


def screen_area() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_a_geometry_saved_on_a_larger_screen_is_brought_onto_this_one(qtbot, notebook, settings):
    big = MainWindow(notebook, settings=settings)
    qtbot.addWidget(big)
    area = screen_area()
    big.setGeometry(area.right() + 400, area.bottom() + 300, area.width() * 2, area.height() * 2)
    big.save_state()  # what a 2560×1600 screen (or scale 1 before scale 2) left behind
    restored = MainWindow(notebook, settings=settings)
    qtbot.addWidget(restored)
    restored.show()
    frame = restored.frameGeometry()
    # (the offscreen platform draws a made-up frame a pixel or two outside the window)
    assert area.adjusted(-4, -4, 4, 4).contains(frame), (frame, area)


def test_the_first_start_size_fits_the_screen(window):
    area = screen_area()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert fitting_size(QSize(1280, 800), QRect(0, 0, 640, 400)) == QSize(624, 352)  # scale 2
    assert fitting_size(QSize(1280, 800), QRect(0, 0, 1920, 1080)) == QSize(1280, 800)


def test_at_1024_the_card_keeps_room_and_at_1280_the_list_gets_its_columns():
    assert splitter_sizes(1280) == [620, 660]
    list_width, card_width = splitter_sizes(1024)
    assert card_width >= 500 and list_width + card_width == 1024


def test_the_client_lists_columns_share_its_width(qtbot, notebook, now):
    from ckbook.ui.client_list import ClientListView

    make_client(now, "Ada Lovelace", organisation="Analytical Engines Ltd")
    view = ClientListView(notebook)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in Column)
    room = view.table.viewport().width()
    assert room - len(Column) <= used <= room  # all of it, none scrolled out of sight
    wide = header.sectionSize(Column.NAME)
    view.resize(1000, 400)
    qtbot.waitUntil(lambda: header.sectionSize(Column.NAME) > wide)  # the name grows with it
    view.sized_by_hand = True  # the user dragged a column: their widths stay
    kept = header.sectionSize(Column.NAME)
    view.resize(600, 400)
    qtbot.wait(20)
    assert header.sectionSize(Column.NAME) == kept


def test_an_empty_notebook_opens_on_the_welcome_page_and_moves_on_once_it_has_a_client(
    qtbot, window, notebook, now, tmp_path
):
    from ckbook.ui.care_card import install_care

    install_care(window, notebook)
    asked: list[str] = []
    window.handlers["new_client"] = lambda: asked.append("new client")
    page = install_welcome(
        window, notebook, lambda: asked.append("import"), DemoOpener(lambda *_: None, tmp_path)
    )
    assert page is not None and window.current_page() == "welcome"
    page.new_client.click()
    page.import_file.click()
    assert asked == ["new client", "import"]
    notebook.run(add_client, ClientInput(name="Ada Lovelace"), now)  # e.g. an import finished
    assert window.current_page() == "today"


def test_a_notebook_with_clients_has_no_welcome_page(window, notebook, now, tmp_path):
    make_client(now)
    assert install_welcome(window, notebook, lambda: None, DemoOpener(print, tmp_path)) is None
    assert "welcome" not in window.pages


def test_the_demo_is_made_in_its_own_file_and_opened_in_a_new_window(qtbot, notebook, tmp_path):
    said: list[tuple[str, str]] = []
    started: list[list[str]] = []

    def start_detached(program: str, arguments: list[str]) -> tuple[bool, int]:
        started.append([program, *arguments])
        return True, 4242

    opener = DemoOpener(lambda level, text: said.append((level, text)), tmp_path, start_detached)
    opener.open()  # runs the real `ckbook demo --db …` in its own process
    qtbot.waitUntil(lambda: bool(started), timeout=30_000)
    assert opener.path.stat().st_size > 100_000  # sixty clients, their notes and promises
    assert started[0][-2:] == ["--db", str(opener.path)]
    assert not any(level == "error" for level, _text in said), said
    opener.open()  # made once; the second time it only opens
    assert len(started) == 2 and opener.process is None


@pytest.fixture
def restore_look(qapp):  # type: ignore[no-untyped-def]
    style = qapp.style().name()
    palette = qapp.palette()
    yield
    theme.follow_system(qapp)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_settings_choose_light_dark_or_the_system_and_the_window_follows(
    qtbot, window, notebook, restore_look
):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.use_color_scheme("dark")
    assert theme.is_dark()
    notebook.run(update_settings, color_scheme="light")  # what the Settings dialog stores
    assert window.color_scheme == "light" and not theme.is_dark()
    notebook.run(update_settings, color_scheme="dark")
    assert theme.is_dark()
    notebook.run(update_settings, color_scheme="system")
    assert window.color_scheme == "system"
    assert QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark or theme.is_dark()
    assert load_settings().color_scheme == "system"


def test_the_settings_dialog_offers_the_three_schemes(qtbot, db):
    dialog = SettingsDialog(Settings(color_scheme="dark"))
    qtbot.addWidget(dialog)
    assert dialog.value().color_scheme == "dark"
    dialog.color_scheme.setCurrentIndex(dialog.color_scheme.findData("system"))
    assert dialog.value().color_scheme == "system"
    with pytest.raises(InputError, match="system, light or dark"):
        update_settings(color_scheme="purple")


def test_help_shows_the_user_guide_and_every_key_of_design(qtbot, window):
    window.action("user_guide").trigger()
    guide = window.findChild(QWidget, "helpViewer")
    assert guide is not None and guide.isVisible()
    text = guide.viewer.toPlainText()  # type: ignore[attr-defined]
    assert "ckbook in five minutes" in text and "Ctrl+Shift+C" in text
    guide.close()
    table = shortcuts_markdown(window.findChildren(type(window.action("save"))))
    for keys in DESIGN_KEYS:
        assert f"| {keys} |" in table, keys
    window.action("shortcuts").trigger()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "helpViewer") is not None)


def test_a_saved_split_that_leaves_the_card_a_sliver_is_shared_again(qtbot, notebook, settings):
    first = MainWindow(notebook, settings=settings)
    qtbot.addWidget(first)
    first.show()
    width = first.splitter.width()
    first.splitter.setSizes([width - 40, 40])  # saved at scale 1, opened at scale 2
    first.save_state()
    second = MainWindow(notebook, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes()[1] >= min(500, second.width() // 3)


def test_at_1024_the_card_header_leaves_the_client_list_its_width(qtbot, notebook, settings, now):
    from ckbook.services.notes import add_note
    from ckbook.ui.main_window import CARD_MIN_WIDTH

    cid = make_client(
        now, "Maximiliane Konstantinopoulou-Wetherby", organisation="Riverside Weddings & Events"
    )
    add_note(cid, now, body="Called about the venue.")
    window = MainWindow(notebook, settings=settings)
    window.close_to_tray = True
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.show_page("clients")
    window.open_client(cid)
    header = window.card.header
    qtbot.waitUntil(lambda: header.name.text() != "" and header.sparkline_caption.text() != "")
    qtbot.wait(50)  # the layouts settle (a label's new text is laid out on the next pass)
    # A long name and the sparkline wrap or sit beside the contact line: the header asks for
    # less than the card's share, so the client list keeps the rest.
    assert header.minimumSizeHint().width() <= CARD_MIN_WIDTH
    assert window.splitter.sizes()[0] >= window.width() - CARD_MIN_WIDTH - 8


_OPEN_AND_SAVE = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from ckbook.services.clock import SystemClock
from ckbook.store.database import close_database, open_database
from ckbook.ui.main_window import MainWindow
from ckbook.ui.notebook import Notebook

app = QApplication(sys.argv[:1])
opened = open_database(sys.argv[1])
from ckbook.services.clients import ClientInput, add_client, client_summaries
from ckbook.services.notes import add_note

clock = SystemClock()
rows = client_summaries(clock.now(), clock.tz)
if rows:
    client = rows[0].id
else:  # a card with a long name, an organisation and a touchpoint: the widest header
    name = "Maximiliane Konstantinopoulou-Wetherby"
    client = add_client(ClientInput(name, organisation="Riverside Weddings"), clock.now()).ids[0]
    add_note(client, clock.now(), body="Called about the venue.")
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(Notebook(clock, "x"), settings=settings)
if sys.argv[3] != "-":
    window.resize(*(int(v) for v in sys.argv[3].split("x")))
window.show()
window.open_client(client)
for _ in range(20):
    app.processEvents()
area = QGuiApplication.primaryScreen().availableGeometry()
print(*area.getRect(), *window.frameGeometry().getRect(), *window.splitter.sizes())
window.save_state()
window.close_to_tray = True
window.close()
close_database(opened)
"""


def test_a_1024_window_saved_at_scale_1_opens_inside_a_scale_2_screen(tmp_path):
    """A 1280×800 screen at QT_SCALE_FACTOR=2 is 640×400: the window saved at 1024×700 comes
    back inside it, and the card is not left a sliver (a real second start, in its own process)."""
    import json
    import os
    import subprocess
    import sys

    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1280, "height": 800}]})
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    env.pop("QT_SCALE_FACTOR", None)
    args = [str(tmp_path / "notebook.sqlite3"), str(tmp_path / "window.ini")]

    def start(size: str, scale: str | None) -> list[int]:
        run_env = {**env, **({"QT_SCALE_FACTOR": scale} if scale else {})}
        done = subprocess.run(
            [sys.executable, "-c", _OPEN_AND_SAVE, *args, size],
            env=run_env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        return [int(v) for v in done.stdout.split()]

    first = start("1024x700", None)
    assert first[:4] == [0, 0, 1280, 800] and first[6] >= 1024 and first[7] >= 700
    ax, ay, aw, ah, x, y, w, h, *split = start("-", "2")
    assert (aw, ah) == (640, 400)
    assert x >= ax and y >= ay and x + w <= ax + aw + 4 and y + h <= ay + ah + 4, (x, y, w, h)
    assert split[1] >= min(500, w // 3)
