"""``ckbook --install-desktop``: the launcher and icon land in the user's XDG data folders, the
launcher starts this very ckbook, and a file there that ckbook did not write is never replaced."""

from __future__ import annotations

import subprocess

from ckbook import APP_ID, cli, resources
from ckbook.services.launcher import install_desktop, launcher_text, uninstall_desktop
from tests.packaging.conftest import need_tool

COMMAND = ["/opt/my apps/ckbook-gui"]


def env(tmp_path):  # type: ignore[no-untyped-def]
    return {"XDG_DATA_HOME": str(tmp_path / "share")}


def test_install_puts_the_launcher_and_every_icon_size_in_the_data_home(tmp_path):
    report = install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    share = tmp_path / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    assert entry in report.written and not report.refused
    assert (share / "icons" / resources.APP_ICON_SVG).read_bytes() == (
        resources.resource(resources.APP_ICON_SVG).read_bytes()
    )
    for size in resources.APP_ICON_SIZES:
        assert (share / "icons" / resources.app_icon_png(size)).is_file()
    text = entry.read_text(encoding="utf-8")
    # A path with a space is quoted by the Desktop Entry rules; TryExec hides a removed ckbook.
    assert 'Exec="/opt/my apps/ckbook-gui"\n' in text
    assert 'TryExec="/opt/my apps/ckbook-gui"\n' in text
    assert f"Icon={APP_ID}\n" in text


def test_the_installed_launcher_passes_desktop_file_validate(tmp_path):
    tool = need_tool("desktop-file-validate", "desktop-file-utils")
    install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    done = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_installing_again_changes_nothing_and_a_newer_launcher_replaces_ours(tmp_path):
    install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    again = install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    assert not again.written and not again.refused
    moved = install_desktop(env(tmp_path), ["/elsewhere/ckbook-gui"], tmp_path / "record")
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert moved.written == (entry,)  # ours (recorded), so it follows the new command
    assert "Exec=/elsewhere/ckbook-gui\n" in entry.read_text(encoding="utf-8")


def test_a_file_ckbook_did_not_write_is_left_alone_and_named(tmp_path):
    theirs = tmp_path / "share" / "icons" / resources.app_icon_png(48)
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"a distribution's own icon")
    report = install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    assert report.refused == (theirs,)
    assert theirs.read_bytes() == b"a distribution's own icon"
    assert any("left alone" in line and str(theirs) in line for line in report.lines())
    # The rest is installed all the same.
    assert (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").is_file()


def test_the_command_line_installs_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert cli.main(["--install-desktop"]) == 0
    out = capsys.readouterr().out
    assert "application menu" in out
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"installed {entry}" in out
    theirs = tmp_path / "share" / "icons" / resources.app_icon_png(16)
    theirs.write_bytes(b"someone else's")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    # Recorded as ours before; changed since by someone else: refused, exit 2, one error line.
    assert cli.main(["--install-desktop"]) == 2
    assert "not ckbook's" in capsys.readouterr().err
    assert theirs.read_bytes() == b"someone else's"


def test_the_launcher_text_keeps_every_other_key_of_the_shipped_one():
    shipped = resources.resource(resources.LAUNCHER).read_text(encoding="utf-8").splitlines()
    made = launcher_text(["ckbook-gui"]).splitlines()
    assert [line for line in shipped if not line.startswith("Exec=")] == [
        line for line in made if not line.startswith(("Exec=", "TryExec="))
    ]


def test_uninstall_removes_only_what_it_wrote_and_is_unchanged(tmp_path, monkeypatch, capsys):
    install_desktop(env(tmp_path), COMMAND, tmp_path / "record")
    share = tmp_path / "share"
    changed = share / "icons" / resources.app_icon_png(32)
    changed.write_bytes(b"edited by the user since")
    report = uninstall_desktop(env(tmp_path), tmp_path / "record")
    assert report.refused == (changed,) and changed.read_bytes() == b"edited by the user since"
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert len(report.written) == len(resources.APP_ICON_SIZES) + 1  # launcher, SVG, PNGs - 1
    monkeypatch.setenv("XDG_DATA_HOME", str(share))
    assert cli.main(["--uninstall-desktop"]) == 0  # nothing left of ours: says so
    assert "was not in your application menu" in capsys.readouterr().out
