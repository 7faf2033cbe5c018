"""The one rule for free text a person types or a file brings in, and for showing it on a terminal.

Every free-text field (client names, organisations, tags, emails, phones, addresses, promise
text, note bodies, requests, incidents, money terms' words, imported records) goes through
``clean_line`` or ``clean_block`` at the use-case boundary, before it is checked or stored:

- NUL and every other control character (C0, DEL, C1) is removed, except that a block (a note,
  an address) keeps tabs and line breaks: CR LF, CR, U+0085, U+2028 and U+2029 become LF. In a
  one-line field (a name, a promise) tabs and line breaks become one space.
- Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed:
  invisible, they reorder the text around them (U+202E turns "due 12-01" into "10-21 eud" in a
  card, a notification or a terminal). The marks U+200E, U+200F and U+061C are *kept*: they only
  act as one strong character of their direction, reorder nothing beyond the text they sit in,
  and mixed right-to-left and left-to-right text needs them to read correctly. They do not count
  as visible.
- Lone surrogates (what Python makes of bytes that are not UTF-8) are refused, not removed: the
  text was not what the person meant, and SQLite cannot store it.
- The result is normalised to NFC, so "Zoé" typed as one character or as "e" + combining accent
  is the same name (found, compared, searched alike).

Nothing else is changed: other invisible characters (zero-width joiners in emoji and Indic or
Persian words, soft hyphens) are legitimate. A *required* field (``require_text``) must keep at
least one visible character after cleaning: a name of only spaces, marks or fillers is refused.

``for_terminal`` shows what may remain (rows stored before this rule, text from elsewhere) on a
terminal without letting it act: escape sequences, carriage returns and direction controls are
written out as ``\\x1b``-style escapes, so nothing can colour, move the cursor, retitle the window,
hide text or reverse a line.
"""

from __future__ import annotations

import re
import unicodedata

from ckbook.i18n import tr
from ckbook.services.base import InputError

#: Line breaks other than LF that a block keeps as LF (and a line turns into a space).
_OTHER_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
#: Removed from every text: controls other than tab and LF (C0, DEL, C1) and the bidirectional
#: embeddings, overrides and isolates. Tab and LF are handled by the caller's shape (kept in a
#: block, a space in a line).
_REMOVED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_SPACE = re.compile("[\t\n]")
_ASCII_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Letters and symbols that render as nothing (Hangul fillers, braille blank, Khmer inherent
#: vowels, the combining grapheme joiner): a name made of them is invisible.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\u034f")
#: Unicode categories that draw nothing by themselves: separators, controls, formats (the
#: direction marks among them), surrogates, unassigned, and combining marks with no base.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Cn", "Mn", "Me"})


def forbidden(ch: str) -> bool:
    """Whether ``ch`` never survives cleaning (a control other than tab and LF, a bidi control,
    a lone surrogate). Tab and LF are allowed in blocks only."""
    return bool(_REMOVED.match(ch) or _SURROGATE.match(ch) or ch in "\r\u0085\u2028\u2029")


def require_utf8(value: str, what: str) -> str:
    """``value`` unless it holds bytes that were not UTF-8 (Python keeps them as lone
    surrogates: a command-line argument, a file name); else InputError naming ``what`` and the
    first such byte."""
    found = _SURROGATE.search(value)
    if found is not None:
        code = ord(found.group())
        # surrogateescape turns byte 0xNN into U+DCNN: name the byte the person can look for.
        shown = f"byte 0x{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise InputError(
            tr("{what} is not valid UTF-8 text ({shown}); retype it").format(what=what, shown=shown)
        )
    return value


def nfc(text: str) -> str:
    """``text`` in Unicode's composed form (NFC); already-composed text is returned as is."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_block(value: str | None, what: str = "text") -> str:
    """Multi-line text (a note, an address, how they like to be handled) as it is stored:
    controls and bidi controls removed, line breaks as LF, tabs kept, NFC. Not stripped: a note
    keeps its blank lines and indentation. InputError naming ``what`` for text that is not
    valid UTF-8."""
    text = value or ""
    require_utf8(text, what)
    if not text.isascii() or _REMOVED.search(text):  # the common case pays one scan
        text = _OTHER_BREAKS.sub("\n", text)
        text = _REMOVED.sub("", text)
        text = nfc(text)
    return text


def clean_line(value: str | None, what: str = "text") -> str:
    """One-line text (a name, a tag, a promise) as it is stored: ``clean_block`` with tabs and
    line breaks as one space each, stripped at both ends."""
    text = value or ""
    if text.isascii() and not _ASCII_CONTROLS.search(text):  # most text: one scan
        return text.strip()
    return _LINE_SPACE.sub(" ", clean_block(text, what)).strip()


def visible(text: str) -> bool:
    """Whether ``text`` has at least one character that draws something."""
    return any(
        unicodedata.category(ch) not in _INVISIBLE_CATEGORIES and ch not in _BLANK_GLYPHS
        for ch in text
    )


def require_text(
    value: str | None, what: str, max_length: int = 10_000, *, multiline: bool = False
) -> str:
    """``value`` cleaned (``clean_line``, or ``clean_block`` stripped when ``multiline``); else
    InputError naming ``what``: empty, nothing visible, or longer than ``max_length``."""
    text = clean_block(value, what).strip() if multiline else clean_line(value, what)
    if not text:
        raise InputError(tr("{what} is empty").format(what=what))
    if not visible(text):
        raise InputError(tr("{what} has no visible character").format(what=what))
    if len(text) > max_length:
        raise InputError(
            tr("{what} is too long ({length} characters; at most {most})").format(
                what=what, length=len(text), most=max_length
            )
        )
    return text


def optional_text(value: str | None, what: str, max_length: int, *, multiline: bool = False) -> str:
    """Like ``require_text``, but empty (or invisible) text is allowed and stored as ""."""
    text = clean_block(value, what).strip() if multiline else clean_line(value, what)
    if not visible(text):
        return ""
    if len(text) > max_length:
        raise InputError(
            tr("{what} is too long ({length} characters; at most {most})").format(
                what=what, length=len(text), most=max_length
            )
        )
    return text


#: What ``for_terminal`` writes out as an escape: controls other than tab and LF, the bidi
#: controls, and lone surrogates (which a UTF-8 terminal could not even receive).
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` safe to print for a person: every character that would make a terminal act
    (ESC and the rest of C0 and C1, DEL, CR) or reorder the line (bidi controls) is written
    as a visible escape (``\\x1b``, ``\\u202e``); tabs and line breaks stay."""
    return _TERMINAL_UNSAFE.sub(_escaped, text)
