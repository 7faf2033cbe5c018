"""The one way ckbook speaks the user's language: translated text and locale-formatted numbers.

Every user-visible string goes through :func:`tr` (the window, dialogs, notifications, the CLI,
and the messages services and the store raise for people). ``pyside6-lupdate`` extracts the calls
into the ``.ts`` files under ``ckbook/resources/translations/`` (``packaging/translations.py``);
every call must therefore be written literally as ``tr("text")``, ``tr("text", "disambiguation")``
or ``tr("%n clients", "", count)`` — lupdate reads nothing else (not ``n=``, not a computed
text). All strings share one context (``""``): lupdate gives a bare ``tr`` call that context
wherever it stands, so one source text has one translation.

Placeholders are ``{name}`` filled with ``str.format`` after translating (a translator may move
them); ``%n`` is the count of a plural form, written the locale's way. A plural's source text is
its English plural (``"%n clients"``); its English singular comes from the English plural table
(``en/<area>.ts``, compiled to ``en_plurals.json``, read without Qt), so English reads "1 client".

Importing this module loads no Qt: services and the store use :func:`tr` and stay free of it.
:func:`install` (called once by the window and the CLI) loads the compiled catalogue with QtCore's
``QTranslator`` and the formatting rules with ``QLocale``; until then text is English, numbers are
written the English way.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale, QTranslator

#: Languages with a complete catalogue (besides English, the source language).
LANGUAGES = ("de",)

_ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec")  # fmt: skip
_ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Locales whose numbers and day names are exactly the English defaults above (no QLocale needed).
_ENGLISH_LOCALES = frozenset({"C", "POSIX", "en", "en_US"})


@dataclass
class _Installed:
    language: str = "en"
    translator: QTranslator | None = None
    locale: QLocale | None = None
    #: What was looked up under this installation: texts without a count, (source,
    #: disambiguation) -> text; the locale's names and separators by kind. Today's report asks
    #: for the same few tens of words thousands of times (a Qt call each cost a third of it).
    texts: dict[tuple[str, str | None], str] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)


_state = _Installed()
#: (disambiguation, source) -> (one, other): the English forms of plural messages.
_english_plurals: dict[tuple[str, str], tuple[str, str]] | None = None


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the installed language (English when none is, or the catalogue lacks it).

    With ``n`` (a plural form), ``%n`` becomes the count written the locale's way."""
    if n < 0:
        known = _state.texts.get((text, disambiguation))
        if known is not None:
            return known
    translated = None
    if _state.translator is not None:
        translated = _state.translator.translate("", text, disambiguation, n)
    if n < 0:
        _state.texts[(text, disambiguation)] = translated or text
        return translated or text
    result = translated or _english_plural(text, disambiguation, n)
    return result.replace("%n", format_number(n)) if "%n" in result else result


def _english_plural(text: str, disambiguation: str | None, n: int) -> str:
    global _english_plurals
    if _english_plurals is None:
        try:
            entries = json.loads(english_plurals_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = []
        _english_plurals = {
            (entry["comment"], entry["source"]): (entry["one"], entry["other"]) for entry in entries
        }
    forms = _english_plurals.get((disambiguation or "", text))
    chosen = (forms[0] if n == 1 else forms[1]) if forms is not None else ""
    return chosen or text


def language() -> str:
    """The installed language's code: ``"en"`` or one of :data:`LANGUAGES`."""
    return _state.language


def system_language() -> str:
    """The language the user's environment asks for, as glibc reads it: ``LANGUAGE`` (its first
    entry), ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; ``"en"`` when none is set or it is C/POSIX."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0]
        if value:
            code = value.split(".")[0].split("@")[0]
            return "en" if code in ("C", "POSIX") else code.split("_")[0].lower()
    return "en"


def catalogue_path(code: str) -> Any:
    """Where the compiled catalogue of a language is shipped (a checkout, a wheel or a bundle
    alike: package data found through importlib.resources)."""
    return resources.files("ckbook.resources").joinpath("translations", f"ckbook_{code}.qm")


def english_plurals_path() -> Any:
    """Where the English plural table is shipped (beside the catalogues)."""
    return resources.files("ckbook.resources").joinpath("translations", "en_plurals.json")


def install(code: str | None = None) -> str:
    """Load the catalogue and formatting rules of ``code`` (default: the system's language).

    A language without a catalogue falls back to English text; numbers and dates still follow
    the locale the environment names. Returns the language whose text is now shown."""
    wanted = system_language() if code is None else code
    locale_name = _locale_name() if code is None else code
    _state.locale = None
    _state.translator = None
    _state.language = "en"
    _state.texts.clear()
    _state.names.clear()
    if wanted not in LANGUAGES and locale_name in _ENGLISH_LOCALES:
        # English text written the English way: nothing to load, and the command line does
        # not pay for importing QtCore (~70 ms).
        return _state.language
    from PySide6.QtCore import QLocale, QTranslator

    _state.locale = QLocale(locale_name)
    if wanted in LANGUAGES:
        translator = QTranslator()
        data = catalogue_path(wanted).read_bytes()
        # QTranslator.load(bytes) keeps a pointer into the buffer: hold it as long as the
        # translator lives.
        translator._ckbook_data = data  # type: ignore[attr-defined]
        if translator.load(data):
            _state.translator = translator
            _state.language = wanted
    return _state.language


def uninstall() -> None:
    """Back to English text and English formatting (tests use it to leave no state behind)."""
    _state.language, _state.translator, _state.locale = "en", None, None
    _state.texts.clear()
    _state.names.clear()


def qt_translator() -> QTranslator | None:
    """The installed catalogue, for the window to install into the QApplication too."""
    return _state.translator


def _locale_name() -> str:
    for name in ("LC_ALL", "LC_NUMERIC", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return value.split(".")[0].split("@")[0]
    return "C"


def _locale_names(kind: str) -> tuple[str, ...]:
    """The installed locale's ``kind`` of names (or separators), looked up once."""
    known = _state.names.get(kind)
    if known is not None:
        return known
    assert _state.locale is not None
    from PySide6.QtCore import QLocale

    locale = _state.locale
    short, full = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    names: tuple[str, ...] = {
        "months": lambda: tuple(locale.monthName(m, short) for m in range(1, 13)),
        "month names": lambda: tuple(locale.monthName(m, full) for m in range(1, 13)),
        "weekdays": lambda: tuple(locale.dayName(d, short) for d in range(1, 8)),
        "weekday names": lambda: tuple(locale.dayName(d, full) for d in range(1, 8)),
        "separators": lambda: (locale.decimalPoint(), locale.groupSeparator()),
    }[kind]()
    _state.names[kind] = names
    return names


def decimal_point() -> str:
    return _locale_names("separators")[0] if _state.locale is not None else "."


def group_separator() -> str:
    return _locale_names("separators")[1] if _state.locale is not None else ","


def format_number(value: int | Decimal | float, places: int | None = None) -> str:
    """A number the locale's way ("1,361.50" / "1.361,50"); ``places`` fixes the decimals,
    otherwise an int has none and a Decimal keeps its own."""
    if isinstance(value, int) and places is None:
        text = f"{value:,}"
    else:
        if places is None:
            exponent = Decimal(value).as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        text = f"{Decimal(value):,.{places}f}"
    if _state.locale is None:
        return text
    point, group = decimal_point(), group_separator()
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def month_abbreviation(month: int) -> str:
    """``Nov`` / ``Nov.`` for month 1..12, in the installed locale."""
    if _state.locale is None:
        return _ENGLISH_MONTHS[month - 1]
    return _locale_names("months")[month - 1]


def weekday_abbreviation(weekday: int) -> str:
    """``Mon`` / ``Mo.`` for Python's weekday 0 (Monday) .. 6, in the installed locale."""
    if _state.locale is None:
        return _ENGLISH_WEEKDAYS[weekday]
    return _locale_names("weekdays")[weekday]


_ENGLISH_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                        "August", "September", "October", "November", "December")  # fmt: skip
_ENGLISH_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                          "Sunday")  # fmt: skip


def month_name(month: int) -> str:
    """``November`` for month 1..12, in the installed locale (a heading's full date)."""
    if _state.locale is None:
        return _ENGLISH_MONTH_NAMES[month - 1]
    return _locale_names("month names")[month - 1]


def weekday_name(weekday: int) -> str:
    """``Wednesday`` / ``Mittwoch`` for Python's weekday 0 (Monday) .. 6, in the installed
    locale."""
    if _state.locale is None:
        return _ENGLISH_WEEKDAY_NAMES[weekday]
    return _locale_names("weekday names")[weekday]
