"""ui calls services; it never touches the database driver itself (no peewee, no sqlite3): every
connection a worker needs is opened by services (``services.base.worker_connection``) through the
one helper, ``ui.worker.Worker``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ckbook.ui

UI = Path(ckbook.ui.__file__).parent
DRIVERS = ("peewee", "playhouse", "sqlite3")


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


UI_MODULES = sorted(UI.rglob("*.py"))


def test_the_ui_package_has_modules_to_check() -> None:
    assert len(UI_MODULES) > 20 and UI / "worker.py" in UI_MODULES


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda p: str(p.relative_to(UI)))
def test_no_ui_module_imports_the_database_driver(path: Path) -> None:
    drivers = {m for m in imported_modules(path) if m.split(".")[0] in DRIVERS}
    assert not drivers, f"{path.name} imports {sorted(drivers)}: call a services function instead"


def test_the_check_sees_an_import_hidden_in_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from peewee import fn\n    import sqlite3 as s\n")
    assert imported_modules(module) == {"peewee", "sqlite3"}
