"""Reading an import file as text, whatever encoding it was saved in, and saying which.

In order: a file that is not text at all (an image, a PDF, an archive, a notebook) is named as
such; a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8; then a charset the
file declares (a vCard 2.1 ``CHARSET=ISO-8859-1``) if it reads the whole file; then
charset-normalizer's detection (Windows-1252, ISO-8859-x, UTF-16 without a mark…). The result
says how the text was read, so the preview and the CLI can show it ("read as Windows-1252
(detected)") and a wrong guess is visible before anything is written.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from ckbook.i18n import tr
from ckbook.services.base import InputError
from ckbook.store.open_files import is_open_notebook

#: Larger import files are refused before reading (a contacts export is a few MB at most).
MAX_IMPORT_BYTES = 200 * 1024 * 1024

#: Leading bytes of files people pick by mistake, and what to call them.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"CHARSET=\"?([A-Za-z0-9_-]+)", re.IGNORECASE)
#: When the detector finds several encodings equally likely (short files often read the same in
#: Windows-1250 and -1252 but for a letter or two), the one Western files are most often in.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")
#: Codec names as people know them.
_SHOWN = {
    "utf_8": "UTF-8",
    "utf_8_sig": "UTF-8 with a byte-order mark",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16 (little-endian)",
    "utf_16_be": "UTF-16 (big-endian)",
    "utf_32": "UTF-32",
    "latin_1": "ISO-8859-1",
    "iso8859_15": "ISO-8859-15",
    "iso8859_2": "ISO-8859-2",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "mac_roman": "Mac Roman",
}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as shown to people: "UTF-8", "Windows-1252", …
    how: str  # "byte-order mark", "declared", "detected", "" for plain UTF-8

    def describe(self) -> str:
        """``read as Windows-1252 (detected)``; empty for plain UTF-8, which needs no word."""
        if not self.how:
            return ""
        how = {
            "byte-order mark": tr("byte-order mark"),
            "declared": tr("declared", "encoding"),
            "detected": tr("detected", "encoding"),
        }.get(self.how, self.how)
        return tr("read as {encoding} ({how})").format(encoding=self.encoding, how=how)


def shown_encoding(codec: str) -> str:
    name = codecs.lookup(codec).name.replace("-", "_")
    if name in _SHOWN:
        return _SHOWN[name]
    if name.startswith("iso8859_"):
        return f"ISO-8859-{name[8:]}"
    return name.upper().replace("_", "-")


def _what_binary(data: bytes) -> str | None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    return None


def decode(data: bytes, declared_ok: bool = False) -> DecodedText:
    """The text of ``data``; InputError when it is not text. ``declared_ok``: the format may
    declare its charset inline (vCard ``CHARSET=``), and the file may be read in it."""
    binary = _what_binary(data)
    if binary is not None:
        raise InputError(tr("is not a text file (it looks like {binary})").format(binary=binary))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            how = "" if codec == "utf-8-sig" else "byte-order mark"  # as good as plain UTF-8
            try:
                return DecodedText(data.decode(codec), shown_encoding(codec), how)
            except UnicodeDecodeError as exc:
                raise InputError(
                    tr("starts like {encoding} text but byte {byte} is not").format(
                        encoding=shown_encoding(codec), byte=exc.start
                    )
                ) from None
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8", "")
    except UnicodeDecodeError:
        pass
    if declared_ok:
        names = {m.group(1).decode("ascii").lower() for m in _DECLARED.finditer(data)}
        names.discard("utf-8")
        if len(names) == 1:
            codec = names.pop()
            try:
                return DecodedText(data.decode(codec), shown_encoding(codec), "declared")
            except (LookupError, UnicodeDecodeError):
                pass
    results = list(from_bytes(data))
    if not results:
        raise InputError(tr("is not a text file (no text encoding reads it)"))
    best = results[0]
    tied = [
        r for r in results if r.chaos <= best.chaos + 0.01 and r.coherence >= best.coherence - 0.01
    ]
    for wanted in _PREFERRED:
        match = next((r for r in tied if wanted in r.could_be_from_charset), None)
        if match is not None:
            best, codec = match, wanted
            break
    else:
        codec = best.encoding
    text = str(best)
    if "\x00" in text and b"\x00" in data[:4096]:
        raise InputError(tr("is not a text file (no text encoding reads it)"))
    return DecodedText(text, shown_encoding(codec), "detected")


def read_import_text(path: str | os.PathLike[str], declared_ok: bool = False) -> DecodedText:
    """The text of the file at ``path`` (see ``decode``); InputError names the file and why."""
    file = Path(path)
    if is_open_notebook(file):
        # Never read through a second descriptor: closing it would drop SQLite's locks.
        raise InputError(
            tr("{file} is the notebook itself; import reads vCard, CSV or JSON files").format(
                file=file
            )
        )
    try:
        if file.is_dir():
            raise InputError(tr("{file} is a folder, not a file").format(file=file))
        size = file.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InputError(
                tr("{file} is too large to import ({size} MB)").format(
                    file=file, size=size // (1024 * 1024)
                )
            )
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(
            tr("cannot read {file}: {why}").format(file=file, why=exc.strerror or exc)
        ) from None
    try:
        return decode(data, declared_ok)
    except InputError as exc:
        raise InputError(tr("{file} {why}").format(file=file, why=exc)) from None
