"""The screenshot scripts in packaging/ keep working as the window changes (they render the real
window with demo data; a rename in the UI must not silently break them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("script", ["screenshots", "screenshots_today", "screenshots_desktop"])
def test_a_screenshot_script_renders_readable_pngs(qapp, tmp_path, script, capsys):
    assert load(script).main([str(tmp_path), "--clients", "12"]) == 0
    shots = sorted(tmp_path.glob("*.png"))
    assert {s.stem.rsplit("-", 1)[-1] for s in shots} == {"light", "dark"}
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 400 and image.height() >= 300, shot  # not an empty grab


@pytest.mark.parametrize("script", ["screenshots", "screenshots_today", "screenshots_desktop"])
def test_a_screenshot_script_renders_german_and_leaves_english_behind(qapp, tmp_path, script):
    from ckbook import i18n

    assert load(script).main([str(tmp_path), "--clients", "12", "--lang", "de"]) == 0
    assert len(list(tmp_path.glob("*.png"))) >= 4
    assert i18n.language() == "en" and qapp.translate("QShortcut", "Ctrl") == "Ctrl"
