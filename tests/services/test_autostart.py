"""Start at login: the XDG autostart entry is written whole (0644), removed when off, and its Exec
line survives paths with spaces, quotes and percent signs."""

from __future__ import annotations

import stat
import sys

import pytest

from ckbook.services.autostart import (
    BACKGROUND_FLAG,
    autostart_dir,
    autostart_enabled,
    autostart_file,
    desktop_entry,
    launch_command,
    quote_exec_argument,
    set_autostart,
)


def test_entry_goes_under_xdg_config_home(tmp_path, monkeypatch):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    assert autostart_file(env) == tmp_path / "cfg" / "autostart" / "ckbook.desktop"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # unset or relative: ~/.config, as the spec says
    assert autostart_dir({}) == tmp_path / "home" / ".config" / "autostart"
    assert autostart_dir({"XDG_CONFIG_HOME": "rel/cfg"}) == tmp_path / "home" / ".config/autostart"


def test_on_writes_a_readable_entry_off_removes_it(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert not autostart_enabled(env)
    path = set_autostart(True, ["/usr/bin/ckbook-gui", BACKGROUND_FLAG], env)
    assert autostart_enabled(env)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    text = path.read_text()
    assert "Exec=/usr/bin/ckbook-gui --background\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert [p.name for p in path.parent.iterdir()] == ["ckbook.desktop"]  # no temp left
    set_autostart(True, ["/opt/other"], env)  # rewriting replaces it
    assert "Exec=/opt/other\n" in path.read_text()
    set_autostart(False, [], env)
    assert not path.exists()
    set_autostart(False, [], env)  # already off: fine


def _unescape_string(value: str) -> str:
    """The Desktop Entry string-level unescape (\\s \\n \\t \\r \\\\)."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append(
                {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(
                    value[i + 1], "\\" + value[i + 1]
                )
            )
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _split_exec(line: str) -> list[str]:
    """Split an Exec value by the spec: quoted arguments escape " ` $ and backslash."""
    words, i = [], 0
    while i < len(line):
        if line[i] == " ":
            i += 1
            continue
        if line[i] == '"':
            i += 1
            word = []
            while line[i] != '"':
                if line[i] == "\\" and line[i + 1] in '"`$\\':
                    i += 1
                word.append(line[i])
                i += 1
            words.append("".join(word))
            i += 1
        else:
            end = line.find(" ", i)
            end = len(line) if end < 0 else end
            words.append(line[i:end])
            i = end
    return words


@pytest.mark.parametrize(
    "argument",
    [
        "/usr/bin/ckbook-gui",
        "/home/ann/My Notebooks/client book.sqlite3",
        'odd "quoted" name',
        "back\\slash",
        "cost$HOME`x`",
        "100% done",
        "",
    ],
)
def test_exec_arguments_read_back_exactly(argument):
    line = quote_exec_argument(argument)
    # a launcher unescapes the string, splits by the spec's quoting, then turns %% into %
    words = _split_exec(_unescape_string(line))
    assert [w.replace("%%", "%") for w in words] == [argument]


def test_a_line_break_cannot_sneak_into_the_entry():
    with pytest.raises(ValueError):
        desktop_entry(["ckbook", "--db", "a\nExec=rm -rf ~"])


def test_launch_command_prefers_the_installed_launcher(tmp_path):
    assert launch_command(None, which=lambda name: "/usr/bin/ckbook-gui") == [
        "/usr/bin/ckbook-gui",
        BACKGROUND_FLAG,
    ]
    command = launch_command("nb.sqlite3", which=lambda name: None)
    assert command[:3] == [sys.executable, "-m", "ckbook.app"]
    assert command[3] == "--db" and command[4].endswith("/nb.sqlite3") and command[4][0] == "/"
    assert launch_command("postgresql://h/db", which=lambda n: None)[4] == "postgresql://h/db"
