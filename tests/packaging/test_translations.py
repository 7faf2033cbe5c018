"""The translation catalogues are in step with the code and complete, per area (the table in
packaging/translations.py): what lupdate finds in the code is what the committed .ts holds,
every message is translated with the source's {placeholders} and both plural forms, and the
shipped catalogue (and the English plural table) is what compiling the .ts files gives."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.ui.test_screenshot_scripts import load

translations = load("translations")
AREAS = list(translations.AREAS)
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(source, disambiguation) -> <message> of a .ts file."""
    root = ElementTree.parse(ts).getroot()
    return {
        (m.findtext("source") or "", m.findtext("comment") or ""): m for m in root.iter("message")
    }


def forms(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def fresh_extract(area: str, language: str, tmp_path: Path) -> Path:
    """lupdate run on the area's code into a copy of the committed file (what `make
    translations` would change)."""
    committed = translations.ts_path(language, area)
    copy = tmp_path / f"{language}-{area}.ts"
    shutil.copyfile(committed, copy)
    subprocess.run(
        [translations._tool("pyside6-lupdate"), *map(str, translations.area_files()[area]),
         "-locations", "none", "-no-obsolete",
         *(["-pluralonly"] if language in translations.PLURAL_ONLY else []),
         "-target-language", translations.LANGUAGES[language], "-ts", str(copy)],
        check=True, capture_output=True,
    )  # fmt: skip
    return copy


@pytest.mark.parametrize("language", list(translations.LANGUAGES))
@pytest.mark.parametrize("area", AREAS)
def test_the_catalogue_holds_exactly_the_messages_of_the_code(area, language, tmp_path):
    committed = messages(translations.ts_path(language, area))
    fresh = messages(fresh_extract(area, language, tmp_path))
    missing = sorted(set(fresh) - set(committed))
    vanished = sorted(set(committed) - set(fresh))
    assert not missing, (
        f"{area}: {len(missing)} messages in the code, not in the .ts (run make translations, "
        f"then translate them), e.g. {missing[:10]}"
    )
    assert not vanished, f"{area}: {len(vanished)} in the .ts, gone from the code: {vanished[:10]}"


@pytest.mark.parametrize("language", list(translations.LANGUAGES))
@pytest.mark.parametrize("area", AREAS)
def test_every_message_is_translated_with_its_placeholders_and_plural_forms(area, language):
    problems = []
    for (source, comment), message in messages(translations.ts_path(language, area)).items():
        translation = message.find("translation")
        assert translation is not None
        label = f"{source!r}" + (f" ({comment})" if comment else "")
        if translation.get("type") == "unfinished":
            problems.append(f"unfinished: {label}")
            continue
        texts = forms(message)
        if message.get("numerus") == "yes":
            if len(texts) != 2:
                problems.append(f"{len(texts)} plural forms, not 2: {label}")
            # The singular may say its number in words ("im letzten Monat"); the others not.
            if texts and "%n" not in texts[-1]:
                problems.append(f"plural form without %n: {label}")
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in texts:
            if not text.strip():
                problems.append(f"empty: {label}")
            elif sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"placeholders {wanted} vs {text!r}: {label}")
    assert not problems, f"{area}: {len(problems)} problems\n" + "\n".join(problems[:30])


def test_the_shipped_catalogues_are_the_compiled_ts_files(tmp_path):
    for language in translations.LANGUAGES:
        if language in translations.PLURAL_ONLY:
            fresh = translations.release(language, tmp_path / "en_plurals.json")
            shipped = translations.plurals_path()
        else:
            fresh = translations.release(language, tmp_path / f"ckbook_{language}.qm")
            shipped = translations.qm_path(language)
        assert fresh.read_bytes() == shipped.read_bytes(), f"{shipped.name}: run make translations"


def test_every_module_belongs_to_exactly_one_area():
    """A new module is extracted into some area's catalogue (the resources hold no text)."""
    package = translations.ROOT / "ckbook"
    modules = {p for p in package.rglob("*.py") if not {"migrations", "resources"} & set(p.parts)}
    claimed = [path for files in translations.area_files().values() for path in files]
    assert len(claimed) == len(set(claimed))
    assert modules == set(claimed)


@pytest.mark.parametrize("language", list(translations.LANGUAGES))
def test_a_message_in_several_areas_is_translated_the_same_in_each(language):
    """One catalogue holds every area: a source text two areas share has one translation
    (lrelease keeps only one of them, whichever comes first)."""
    found: dict[tuple[str, str], dict[str, list[str]]] = {}
    for area in AREAS:
        path = translations.ts_path(language, area)
        if path.exists():
            for key, message in messages(path).items():
                found.setdefault(key, {})[area] = forms(message)
    differing = {
        key: by_area
        for key, by_area in found.items()
        if len({tuple(texts) for texts in by_area.values()}) > 1
    }
    assert not differing, "\n".join(f"{key}: {by_area}" for key, by_area in differing.items())
