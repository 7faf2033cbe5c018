"""`ckbook migrate-to`: a notebook copied whole to a PostgreSQL server and back to a new file,
every table's count and checksum compared, the source left as it was; a target that holds rows,
an existing file or the notebook itself is refused with nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ckbook.cli import main
from ckbook.store.copy import _models, _summary
from ckbook.store.database import close_database, open_database
from tests.conftest import NOW_ARG
from tests.rows import row_counts

pytestmark = pytest.mark.postgresql


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def summaries(target: str) -> dict[str, tuple[int, str]]:
    """{table: (rows, checksum)} of a notebook, as migrate-to compares them."""
    opened = open_database(target, create=False, bind=False)
    try:
        return {
            s.table: (s.rows, s.checksum)
            for s in (_summary(opened.database, model) for model in _models())
        }
    finally:
        close_database(opened)


def ckbook(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_notebook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.sqlite3"
    code, _, err = ckbook(
        capsys, "demo", "--db", str(path), "--clients", "40", "--notes", "300",
        "--promises", "200", "--now", NOW_ARG,
    )  # fmt: skip
    assert code == 0, err
    return path


def test_a_demo_notebook_round_trips_through_the_server_unchanged(  # type: ignore[no-untyped-def]
    demo_notebook, empty_server_database, tmp_path, capsys
):
    before = summaries(str(demo_notebook))
    assert before["client"][0] == 40 and before["note"][0] == 300
    bytes_before = file_digest(demo_notebook)

    code, out, err = ckbook(capsys, "migrate-to", empty_server_database, "--db", str(demo_notebook))
    assert code == 0, err
    assert "every table's count and checksum match" in out
    assert summaries(empty_server_database) == before
    assert file_digest(demo_notebook) == bytes_before  # the source was only read

    back = tmp_path / "back.sqlite3"
    code, out, err = ckbook(
        capsys, "migrate-to", str(back), "--db", empty_server_database, "--json"
    )
    assert code == 0, err
    assert summaries(str(back)) == before
    assert not list(tmp_path.glob(".back.sqlite3.*"))  # no temporary file left behind

    # The copies are notebooks to work in: search finds the demo's words, new rows get new ids.
    for target in (empty_server_database, str(back)):
        code, out, err = ckbook(capsys, "client", "add", "Zoe New", "--db", target, "--json")
        assert code == 0, err
        assert '"id": 41' in out
        code, out, err = ckbook(capsys, "search", "Zoe", "--db", target, "--json")
        assert code == 0 and "Zoe New" in out, err


def test_a_target_with_rows_is_refused_and_left_as_it_was(  # type: ignore[no-untyped-def]
    demo_notebook, empty_server_database, capsys
):
    code, _, err = ckbook(capsys, "client", "add", "Already Here", "--db", empty_server_database)
    assert code == 0, err
    held = row_counts(empty_server_database)
    code, out, err = ckbook(capsys, "migrate-to", empty_server_database, "--db", str(demo_notebook))
    assert (code, out) == (2, "")
    assert "already holds a notebook" in err and err.count("\n") == 1
    assert row_counts(empty_server_database) == held


def test_a_file_target_never_replaces_a_file_or_the_notebook(  # type: ignore[no-untyped-def]
    demo_notebook, tmp_path, capsys
):
    existing = tmp_path / "taken.sqlite3"
    existing.write_text("mine")
    bytes_before = file_digest(demo_notebook)
    for target in (existing, demo_notebook):
        code, out, err = ckbook(capsys, "migrate-to", str(target), "--db", str(demo_notebook))
        assert (code, out) == (2, ""), err
        assert "nothing was written" in err
    assert existing.read_text() == "mine"
    assert file_digest(demo_notebook) == bytes_before


def test_a_copy_that_differs_is_not_kept(  # type: ignore[no-untyped-def]
    demo_notebook, empty_server_database, tmp_path, capsys, monkeypatch
):
    import ckbook.store.copy as copy

    real = copy._for_target

    def one_name_changed(database, fields, row):  # type: ignore[no-untyped-def]
        row = real(database, fields, row)
        is_client = fields[0].model._meta.table_name == "client"
        return (row[0], "Someone Else", *row[2:]) if is_client else row

    monkeypatch.setattr(copy, "_for_target", one_name_changed)
    for target in (empty_server_database, str(tmp_path / "copy.sqlite3")):
        code, out, err = ckbook(capsys, "migrate-to", target, "--db", str(demo_notebook))
        assert (code, out) == (2, "")
        assert "the copy of table client differs" in err and "nothing was kept" in err
    held = row_counts(empty_server_database)
    assert sum(n for table, n in held.items() if table != "schema_migration") == 0
    assert not (tmp_path / "copy.sqlite3").exists()
    assert not list(tmp_path.glob(".copy.sqlite3.*"))


def test_text_that_copy_must_escape_arrives_as_written_and_is_searchable(  # type: ignore[no-untyped-def]
    tmp_path, empty_server_database, capsys, now
):
    """Rows go to the server as COPY's text stream and into a file with the search index rebuilt
    once: backslashes, tabs, line breaks and a literal \\N survive, and both copies find them."""
    from ckbook.services.notes import add_note, get_note
    from ckbook.services.search import search
    from tests.factories import make_client

    body = "Contract:\tC:\\temp\\N and \\N\r\nnext line \\\\ end"
    source = tmp_path / "source.sqlite3"
    opened = open_database(str(source))
    try:
        okafor = make_client(now, "Ada Okafor", organisation="Back\\slash\tEvents")
        note = add_note(okafor, now, body=body).ids[0]
        stored = get_note(note).body
        assert "\t" in stored and "\\N" in stored and "\n" in stored
    finally:
        close_database(opened)
    back = tmp_path / "back.sqlite3"
    for target, origin in (
        (empty_server_database, str(source)),
        (str(back), empty_server_database),
    ):
        code, _, err = ckbook(capsys, "migrate-to", target, "--db", origin)
        assert code == 0, err
        copied = open_database(target, create=False)
        try:
            assert get_note(note).body == stored
            assert {(h.kind, h.id) for h in search("okafor contract")} == {("note", note)}
        finally:
            close_database(copied)
