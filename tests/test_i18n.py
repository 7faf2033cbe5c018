"""ckbook.i18n without a window: English plurals from the English plural table (no Qt), the
German catalogue installed and removed, numbers written the locale's way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ckbook import i18n
from tests.ui.test_screenshot_scripts import load

ENGLISH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n client</numerusform>
            <numerusform>%n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <comment>promises</comment>
        <translation>
            <numerusform>%n open promise</numerusform>
            <numerusform>%n open promises</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def english_table(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The English plural table compiled the way ``make translations`` compiles it."""
    source = tmp_path / "ui.ts"
    source.write_text(ENGLISH_TS, encoding="utf-8")
    table = tmp_path / "en_plurals.json"
    table.write_text(json.dumps(load("translations").english_plurals([source])), "utf-8")
    monkeypatch.setattr(i18n, "english_plurals_path", lambda: table)
    monkeypatch.setattr(i18n, "_english_plurals", None)
    yield
    i18n._english_plurals = None


def test_english_plurals_read_one_and_many(english_table):  # type: ignore[no-untyped-def]
    count = 1
    assert i18n.tr("%n clients", "", count) == "1 client"
    count = 1361
    assert i18n.tr("%n clients", "", count) == "1,361 clients"
    count = 0
    assert i18n.tr("%n clients", "", count) == "0 clients"
    assert i18n.tr("%n open", "promises", 1) == "1 open promise"
    assert i18n.tr("%n open", None, 1) == "1 open"  # another message: the source text


def test_the_shipped_english_table_is_read_and_loads_no_qt():
    probe = (
        "import sys, ckbook.i18n as i; i.install(); i.tr('%n clients', '', 1);"
        "print(i.language(), 'PySide6' in ' '.join(sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["en", "False"]
    entries = json.loads(Path(i18n.english_plurals_path()).read_text(encoding="utf-8"))
    assert all(entry["one"] and entry["other"] for entry in entries), "an English form is missing"


def test_german_is_installed_and_removed(german):  # type: ignore[no-untyped-def]
    assert i18n.language() == "de"
    assert i18n.format_number(1361.5, 2) == "1.361,50"
    i18n.uninstall()
    assert i18n.language() == "en" and i18n.format_number(1361.5, 2) == "1,361.50"
