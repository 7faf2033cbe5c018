"""The command line in German (``LANG=de_DE.UTF-8``): help with argparse's own words, output,
errors and confirmations from the catalogue; ``--json`` the same bytes as in English and loaded
without Qt; and the messages services and the store raise, in German once installed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from ckbook import i18n
from ckbook.services.base import InputError
from ckbook.services.clients import ClientInput, add_client, find_client
from ckbook.store.errors import StorageProblem, explain
from ckbook.store.maintenance import diagnose, trouble_words

NOW = "2026-11-18T10:00"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "ckbook" / "resources" / "translations"


def _env(tmp_path: Path, language: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LC_NUMERIC", "LC_TIME")
    }
    env.update(
        LANG=language,
        TZ="Europe/Berlin",
        CKBOOK_DB=str(tmp_path / "book.sqlite3"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env


def _ckbook(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ckbook", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def german(tmp_path: Path) -> dict[str, str]:
    return _env(tmp_path, "de_DE.UTF-8")


def test_help_is_german_with_argparse_words(german: dict[str, str]) -> None:
    shown = _ckbook(german, "--help")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert out.startswith("Aufruf: ckbook [-h]")
    assert "\nPositionsargumente:\n" in out
    assert "\nOptionen:\n" in out
    assert "diese Hilfe anzeigen und beenden" in out
    assert "Versionsnummer anzeigen und beenden" in out
    assert "Kunden auflisten" in out
    for english in ("usage:", "positional arguments", "show this help", "list clients"):
        assert english not in out
    sub = _ckbook(german, "promise", "add", "--help")
    assert "Aufruf: ckbook promise add [-h]" in sub.stdout
    assert "Nummer oder eindeutiger Name des Kunden" in sub.stdout


def test_errors_are_german(german: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "book.sqlite3"
    gone = _ckbook(german, "clients", "--db", str(missing))
    assert gone.returncode == 2
    assert gone.stderr == (
        f"ckbook: Fehler: kein Notizbuch unter {missing} (nichts wurde angelegt; prüfen Sie den "
        "Pfad)\n"
    )
    # argparse's own messages (a required argument, an invalid choice) come translated too.
    short = _ckbook(german, "promise", "add")
    assert short.returncode == 2
    assert short.stderr == "ckbook: Fehler: folgende Argumente fehlen: CLIENT, TEXT\n"
    wrong = _ckbook(german, "incident", "add", "Ann", "x", "--severity", "huge")
    assert "ungültige Auswahl: 'huge' (möglich sind 'minor', 'major', 'critical')" in wrong.stderr


def test_success_and_table_are_german(german: dict[str, str]) -> None:
    added = _ckbook(
        german, "client", "add", "Anna Schmidt", "--org", "Acme", "--email", "a@acme.de"
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == [
        "Kunde 1 angelegt: Anna Schmidt (Acme)",
        "  Betreuungsstufe normal: Kontakt alle 14 Tage, Antwort innerhalb von 24 Std., "
        "bevorzugt E-Mail",
        "  E-Mail: a@acme.de",
    ]
    assert added.stderr.startswith("ckbook: neues Notizbuch angelegt unter ")
    listed = _ckbook(german, "clients")
    assert listed.stdout == "1  Anna Schmidt · Acme · aktiv · a@acme.de\n"
    promised = _ckbook(
        german, "promise", "add", "Anna Schmidt", "Angebot schicken", "--due", "2026-11-20T15:00"
    )
    assert promised.stdout.splitlines() == [
        "Zusage 1 an Anna Schmidt: Angebot schicken",
        "  fällig Fr., 20. Nov. 2026 15:00",
    ]
    due = _ckbook(german, "due", "--now", "2026-11-23T09:00")
    assert due.stdout.splitlines()[:3] == [
        "1 Zusage überfällig (Stand: Mo., 23. Nov. 2026 09:00)",
        "",
        "Überfällig:",
    ]


def test_json_is_the_same_in_german_and_loads_no_qt(tmp_path: Path) -> None:
    english = _env(tmp_path, "C.UTF-8")
    german = _env(tmp_path, "de_DE.UTF-8")
    _ckbook(english, "demo", "--clients", "4", "--notes", "8", "--promises", "6", "--now", NOW)
    for command in (
        ("clients", "--json"),
        ("due", "--json", "--now", NOW),
        ("today", "--json", "--now", NOW),
        ("check", "--json"),
        ("notes", "#1", "--json"),
    ):
        said_en, said_de = _ckbook(english, *command), _ckbook(german, *command)
        assert said_en.returncode == said_de.returncode == 0, said_de.stderr
        assert said_de.stdout == said_en.stdout
    # An error of a --json command stays English too: a script reads it.
    bad_en = _ckbook(english, "notes", "Nobody", "--json")
    bad_de = _ckbook(german, "notes", "Nobody", "--json")
    assert bad_de.stderr == bad_en.stderr == "ckbook: error: no client named 'Nobody'\n"
    timed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ckbook", "clients", "--json"],
        env=german,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert timed.returncode == 0
    assert "PySide6" not in timed.stderr


@pytest.fixture
def installed_german() -> Iterator[None]:
    assert i18n.install("de") == "de"
    try:
        yield
    finally:
        i18n.uninstall()


def test_service_and_store_messages_are_german_when_installed(
    db: object, now: object, installed_german: None, tmp_path: Path
) -> None:
    add_client(ClientInput(name="Ann"), now)  # type: ignore[arg-type]
    with pytest.raises(InputError) as missing:
        find_client("Nobody")
    assert str(missing.value) == "kein Kunde namens 'Nobody'"
    with pytest.raises(InputError) as empty:
        add_client(ClientInput(name="   "), now)  # type: ignore[arg-type]
    assert str(empty.value) == "Kundenname ist leer"
    assert explain(StorageProblem.DISK_FULL).startswith("der Datenträger ist voll")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, just some text" * 10)
    trouble = diagnose(str(junk))
    assert trouble is not None
    assert trouble_words(trouble)[0].startswith("Diese Datei ist kein ckbook-Notizbuch")


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]")


@pytest.mark.parametrize("area", ["cli", "core"])
def test_catalogue_is_complete_and_keeps_placeholders(area: str) -> None:
    """Every message of the area translated, each translation with the source's placeholders
    (a lost ``{file}`` would raise KeyError at .format only in German)."""
    root = ET.parse(TRANSLATIONS / "de" / f"{area}.ts").getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"not translated: {source!r}"
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            assert form.strip(), f"empty translation: {source!r}"
            assert set(_PLACEHOLDER.findall(form)) == set(_PLACEHOLDER.findall(source)), (
                source,
                form,
            )
