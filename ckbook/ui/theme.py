"""Light and dark: which scheme the system uses, and the few semantic colours the views draw with.

The window follows the system's scheme (``QStyleHints.colorScheme``) unless the user picked light
or dark in Settings (``apply_choice``); the palette comes from the platform. Colours that carry
meaning (health dots, due today, overdue) have one shade per scheme so they stay readable on both
backgrounds. ``force_scheme`` also serves screenshots and platforms (like offscreen) whose theme
does not switch the palette by itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from ckbook.i18n import tr
from ckbook.services.rules import Health, PromiseState


@dataclass(frozen=True)
class Colors:
    green: str
    yellow: str
    red: str
    none: str
    due_today: str
    overdue: str
    muted: str
    banner_bg: str
    banner_fg: str
    error: str


LIGHT = Colors(
    green="#2e8b47",
    yellow="#c99400",
    red="#c93232",
    none="#9a9a9a",
    due_today="#b85c00",
    overdue="#c62828",
    muted="#6b6b6b",
    banner_bg="#fff3cd",
    banner_fg="#5c4500",
    error="#b00020",
)
DARK = Colors(
    green="#5cc879",
    yellow="#f0c63c",
    red="#ff6e6e",
    none="#8c8c8c",
    due_today="#ffa64d",
    overdue="#ff7070",
    muted="#a8a8a8",
    banner_bg="#4a3b10",
    banner_fg="#ffe7a3",
    error="#ff8080",
)


def is_dark() -> bool:
    """True when the system (or a forced scheme) is dark; judged by the palette when unknown."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors() -> Colors:
    return DARK if is_dark() else LIGHT


def health_color(health: Health | str) -> QColor:
    palette = colors()
    return QColor(
        {
            Health.GREEN: palette.green,
            Health.YELLOW: palette.yellow,
            Health.RED: palette.red,
        }.get(Health(health), palette.none)
    )


def health_text(health: Health) -> str:
    """A client's check-in health in words, in the installed language."""
    return {
        Health.GREEN: tr("on time", "check-in health"),
        # past the cadence: time to get in touch
        Health.YELLOW: tr("check in", "check-in health"),
        Health.RED: tr("overdue", "check-in health"),
        Health.NONE: "—",
    }[Health(health)]


class _Worded(Mapping[Health, str]):
    """``HEALTH_TEXT[health]``: the words looked up when read, so in the installed language."""

    def __getitem__(self, health: Health) -> str:
        return health_text(health)

    def __iter__(self) -> Iterator[Health]:
        return iter(Health)

    def __len__(self) -> int:
        return len(Health)


HEALTH_TEXT: Mapping[Health, str] = _Worded()


def promise_state_text(state: PromiseState) -> str:
    """Where a promise stands, in words (``overdue``), in the installed language."""
    return {
        PromiseState.NO_DUE: tr("no due", "promise state"),
        PromiseState.UPCOMING: tr("upcoming", "promise state"),
        PromiseState.DUE_TODAY: tr("due today", "promise state"),
        PromiseState.OVERDUE: tr("overdue", "promise state"),
        PromiseState.CLOSED: tr("closed", "promise state"),
    }[PromiseState(state)]


def promise_color(state: PromiseState) -> QColor | None:
    """Orange for due today, red for overdue, muted for closed; None: the normal text colour."""
    palette = colors()
    if state == PromiseState.DUE_TODAY:
        return QColor(palette.due_today)
    if state == PromiseState.OVERDUE:
        return QColor(palette.overdue)
    if state == PromiseState.CLOSED:
        return QColor(palette.muted)
    return None


def tint(widget: QWidget, colour: str) -> None:
    """Draw ``widget``'s text (a label's) in ``colour``, e.g. ``colors().overdue``."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)


@cache
def _dot(color_name: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color_name))
    margin = size * 0.2
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    return QIcon(pixmap)


def health_dot(health: Health | str, size: int = 16) -> QIcon:
    """A filled circle in the health colour of the current scheme."""
    return _dot(health_color(health).name(), size)


def _dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor("#2b2b2b"), QColor("#1f1f1f"), QColor("#e8e8e8")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#262626"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3a3a"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a8a8a"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#353535"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.Highlight: QColor("#3d6fb4"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7fb2ff"),
        QPalette.ColorRole.Mid: QColor("#404040"),
        QPalette.ColorRole.Midlight: QColor("#4a4a4a"),
        QPalette.ColorRole.Dark: QColor("#181818"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


#: The platform's own style and palette, kept the first time ``force_scheme`` replaces them, so
#: "follow the system" can give them back.
_platform_look: tuple[str, QPalette] | None = None


def force_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Switch to ``scheme`` (Settings, screenshots, tests). Asks the platform first; where the
    platform theme does not follow (offscreen, some desktops), sets Fusion with a matching
    palette."""
    global _platform_look
    QGuiApplication.styleHints().setColorScheme(scheme)
    want_dark = scheme == Qt.ColorScheme.Dark
    window_lightness = app.palette().color(QPalette.ColorRole.Window).lightness()
    if (window_lightness < 128) == want_dark:
        return
    if _platform_look is None:
        _platform_look = (app.style().name(), QPalette(app.palette()))
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if want_dark else app.style().standardPalette())


def follow_system(app: QApplication) -> None:
    """Back to the desktop's own scheme, style and palette."""
    global _platform_look
    QGuiApplication.styleHints().unsetColorScheme()
    if _platform_look is not None:
        style, palette = _platform_look
        app.setStyle(style)
        app.setPalette(palette)
        _platform_look = None


SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply_choice(app: QApplication, choice: str) -> None:
    """Use the scheme chosen in Settings: "light", "dark", or "system" (anything else)."""
    scheme = SCHEMES.get(choice)
    if scheme is None:
        follow_system(app)
    else:
        force_scheme(app, scheme)


#: The due beside a line is a chip: a rounded, outlined button that looks clickable in light and
#: dark themes (palette colours), and says so with a pointing hand.
CHIP_STYLE = (
    "QPushButton { border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px;"
    " background: palette(base); text-align: left; }"
    "QPushButton:hover, QPushButton:focus { border-color: palette(highlight); }"
    "QPushButton:disabled { border-style: dashed; }"
)
