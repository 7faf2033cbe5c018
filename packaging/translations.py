"""Keep the translation catalogues in step with the code: ``make translations``.

``pyside6-lupdate`` extracts every ``tr(...)`` call (see ckbook/i18n.py) into one ``.ts`` file
per area and language under ``ckbook/resources/translations/<lang>/`` (areas keep the files
small and let people translate one part at a time); ``pyside6-lrelease`` compiles a language's
areas into the one catalogue the app loads, ``ckbook/resources/translations/ckbook_<lang>.qm``
(committed, so a checkout, a wheel and the bundle all carry it).

English is the source language, but a plural's source text is only its plural ("%n clients"):
``en/<area>.ts`` holds the plural messages alone (``lupdate -pluralonly``) with their English
singular and plural forms, compiled into ``en_plurals.json``, which ckbook.i18n reads without Qt
(so the English command line still loads no Qt).

A file belongs to the first area whose patterns match it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "ckbook" / "resources" / "translations"
LANGUAGES = {"de": "de_DE", "en": "en_US"}
#: Languages whose files hold only the plural messages (the source language).
PLURAL_ONLY = ("en",)

#: Area name -> glob patterns (relative to the repository root), first match wins.
AREAS: dict[str, list[str]] = {
    "today": [
        "ckbook/ui/today_page.py",
        "ckbook/services/today.py",
        "ckbook/services/dates.py",
        "ckbook/services/money.py",
    ],
    "card": [
        "ckbook/ui/card_sections/*.py",
        "ckbook/ui/dialogs/*.py",
        "ckbook/ui/client_card.py",
        "ckbook/ui/call_window.py",
        "ckbook/ui/note_editor.py",
        "ckbook/ui/note_text.py",
        "ckbook/ui/due_chip.py",
        "ckbook/ui/care_card.py",
        "ckbook/ui/incident_dialog.py",
        "ckbook/ui/request_dialog.py",
        "ckbook/ui/line_list.py",
        "ckbook/ui/insight_chart.py",
    ],
    "ui": ["ckbook/app.py", "ckbook/logs.py", "ckbook/ui/*.py", "ckbook/ui/**/*.py"],
    "cli": ["ckbook/cli.py"],
    "core": [
        "ckbook/*.py",
        "ckbook/services/*.py",
        "ckbook/store/*.py",
        "ckbook/interop/*.py",
    ],
}


def area_files() -> dict[str, list[Path]]:
    """Each area's source files; every Python file of the package belongs to exactly one."""
    claimed: set[Path] = set()
    result: dict[str, list[Path]] = {}
    for area, patterns in AREAS.items():
        files: list[Path] = []
        for pattern in patterns:
            for path in sorted(ROOT.glob(pattern)):
                if path not in claimed and "migrations" not in path.parts:
                    claimed.add(path)
                    files.append(path)
        result[area] = files
    return result


def ts_path(language: str, area: str) -> Path:
    return TRANSLATIONS / language / f"{area}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"ckbook_{language}.qm"


def plurals_path() -> Path:
    return TRANSLATIONS / "en_plurals.json"


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def update(language: str) -> None:
    """Extract the current source texts into the language's area files (new ones unfinished,
    vanished ones dropped), then compile the catalogue."""
    for area, files in area_files().items():
        target = ts_path(language, area)
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, files), "-locations", "none", "-no-obsolete",
             *(["-pluralonly"] if language in PLURAL_ONLY else []),
             "-target-language", LANGUAGES[language], "-ts", str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    release(language)


def english_plurals(ts_files: list[Path]) -> list[dict[str, str]]:
    """The English forms of the plural messages in ``ts_files`` (``lupdate -pluralonly``)."""
    entries = []
    for path in ts_files:
        for message in ElementTree.parse(path).getroot().iter("message"):
            forms = [form.text or "" for form in message.iter("numerusform")]
            entries.append(
                {
                    "source": message.findtext("source") or "",
                    "comment": message.findtext("comment") or "",
                    "one": forms[0] if forms else "",
                    "other": forms[1] if len(forms) > 1 else "",
                }
            )
    return sorted(entries, key=lambda e: (e["source"], e["comment"]))


def release(language: str, qm: Path | None = None) -> Path:
    """Compile the language's area files into one catalogue (``qm`` or the shipped one); for
    English, the plural table (``en_plurals.json``)."""
    if language in PLURAL_ONLY:
        target = qm or plurals_path()
        files = [ts_path(language, area) for area in AREAS if ts_path(language, area).exists()]
        text = json.dumps(english_plurals(files), ensure_ascii=False, indent=1)
        target.write_text(text + "\n", encoding="utf-8")
        return target
    target = qm or qm_path(language)
    sources = [str(ts_path(language, area)) for area in AREAS if ts_path(language, area).exists()]
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", *sources, "-qm", str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true", help="only compile the .qm")
    args = parser.parse_args()
    for language in LANGUAGES:
        release(language) if args.release_only else update(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
