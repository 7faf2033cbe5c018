"""The built wheel carries everything the app reads at run time (icons, launcher, metainfo,
migrations, the licence) and, unpacked on its own, finds them the way a checkout does."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ckbook import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("ckbook-*.whl")
    return built


def shipped_files() -> set[str]:
    """Every file under ckbook/resources and the migrations, as wheel member names (the
    translators' .ts sources stay out: the compiled catalogue they make is shipped)."""
    names = set()
    for folder in ("ckbook/resources", "ckbook/store/migrations"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".ts":
                names.add(path.relative_to(ROOT).as_posix())
    return names


def test_the_wheel_holds_every_resource_migration_and_the_licence(wheel):
    with zipfile.ZipFile(wheel) as archive:
        members = set(archive.namelist())
        metadata = email.message_from_bytes(
            archive.read(f"ckbook-{__version__}.dist-info/METADATA")
        )
    assert shipped_files() <= members, sorted(shipped_files() - members)
    assert "ckbook/resources/translations/ckbook_de.qm" in members
    assert not any(name.endswith(".ts") for name in members)
    assert f"ckbook/resources/{APP_ID}.desktop" in members
    assert f"ckbook-{__version__}.dist-info/licenses/LICENSE" in members
    assert metadata["Version"] == __version__
    assert metadata["License-Expression"] == "LicenseRef-Proprietary"
    assert not any(name.startswith(("tests/", "packaging/")) for name in members)


def test_the_unpacked_wheel_finds_its_icons_and_installs_the_launcher(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    probe = (
        "import ckbook.resources as r, ckbook.ui.icons as i, sys;"
        "print(r.resource_path(r.APP_ICON_SVG)); print(i.ICON_DIR); print(len(i.available()))"
    )
    environment = {
        **os.environ,
        "PYTHONPATH": str(site),
        "XDG_DATA_HOME": str(tmp_path / "share"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    svg, icon_dir, count = done.stdout.split("\n")[:3]
    assert svg.startswith(str(site)) and icon_dir.startswith(str(site)) and int(count) >= 19
    german = (
        "import ckbook.i18n as i; print(i.install('de')); print(i.catalogue_path('de'));"
        "print(i.tr('&File')); i.uninstall(); print(i.tr('%n clients', '', 1))"
    )
    done = subprocess.run(
        [sys.executable, "-c", german],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    language, catalogue, file_menu, one_client = done.stdout.split("\n")[:4]
    assert language == "de" and catalogue.startswith(str(site)) and file_menu == "&Datei"
    assert one_client == "1 client"  # the English plural table is shipped too
    done = subprocess.run(
        [sys.executable, "-m", "ckbook", "--install-desktop"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").is_file()
