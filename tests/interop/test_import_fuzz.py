"""Random input at every importer (vCard, CSV, JSON): no crash — a report or one InputError
naming the problem — and never a partial write: the notebook holds what it held, or the whole
import."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckbook.interop.transfer import export_file, import_file
from ckbook.services.base import InputError
from ckbook.store.models import Client, ContactDetail, MoneyTerms, Note
from tests.conftest import NOW, TZ
from tests.factories import make_client

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
VCARD_LINES = st.sampled_from(
    ["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "FN:Ada", "N:Doe;John;;;",
     "EMAIL:ada@example.com", "EMAIL;TYPE=work:x@y", "TEL;CELL:+44 1", "UID:u1", "ORG:Acme",
     "NOTE;ENCODING=QUOTED-PRINTABLE:a=", "=C3=BC", "NOTE;ENCODING=b:@@@", "ADR:;;;", " folded",
     "item1.X-ABLabel:_$!<Mobile>!$_", "CATEGORIES:a,b", "X-CKBOOK-CHECKIN-DAYS:soon",
     "AGENT:", "PHOTO;ENCODING=b:AAAA", "BEGIN:VCARD", ""]
)  # fmt: skip
CSV_CELLS = st.sampled_from(
    ["Name", "E-mail Address", "Vorname", "Nachname", "Phone", "uid", "pricing_model", "amount",
     "Ada", "x@y", "", '"', "a,b", "hourly", "-5", "=1+1", "\n", ";", "\t", "é", "Prénom"]
)  # fmt: skip


def _counts() -> tuple[int, ...]:
    return tuple(model.select().count() for model in (Client, ContactDetail, MoneyTerms, Note))


def _import_and_check(kind: str, data: bytes, skip_invalid: bool) -> None:
    before = _counts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in.{kind}"
        path.write_bytes(data)
        try:
            report = import_file(kind, path, NOW, skip_invalid=skip_invalid)
        except InputError as exc:
            assert str(exc)
            assert _counts() == before  # nothing half-written
            return
    after = _counts()
    assert after[0] == before[0] + len(report.new)
    assert len(report.imported) + len(report.duplicates) + len(report.invalid) >= 0


@pytest.fixture
def notebook_with_one(db):  # type: ignore[no-untyped-def]
    make_client(NOW, "Ada", emails=("ada@example.com",))
    return db


@SETTINGS
@given(data=st.binary(max_size=400), kind=st.sampled_from(["vcard", "csv", "json"]))
def test_random_bytes(notebook_with_one, data: bytes, kind: str) -> None:  # type: ignore[no-untyped-def]
    _import_and_check(kind, data, skip_invalid=False)


@SETTINGS
@given(text=st.text(max_size=300), kind=st.sampled_from(["vcard", "csv", "json"]),
       skip=st.booleans())  # fmt: skip
def test_random_text(notebook_with_one, text: str, kind: str, skip: bool) -> None:  # type: ignore[no-untyped-def]
    _import_and_check(kind, text.encode("utf-8", "surrogatepass"), skip_invalid=skip)


@SETTINGS
@given(lines=st.lists(VCARD_LINES, max_size=30), skip=st.booleans())
def test_vcard_like_lines(notebook_with_one, lines: list[str], skip: bool) -> None:  # type: ignore[no-untyped-def]
    _import_and_check("vcard", "\r\n".join(lines).encode(), skip_invalid=skip)


@SETTINGS
@given(rows=st.lists(st.lists(CSV_CELLS, min_size=1, max_size=6), min_size=1, max_size=8),
       delimiter=st.sampled_from([",", ";", "\t"]), skip=st.booleans())  # fmt: skip
def test_csv_like_rows(
    notebook_with_one, rows: list[list[str]], delimiter: str, skip: bool
) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(delimiter.join(row) for row in rows)
    _import_and_check("csv", text.encode(), skip_invalid=skip)


@pytest.fixture(scope="module")
def json_export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real export of a small demo notebook, to cut and tamper with."""
    from ckbook.services.demo import make_demo
    from ckbook.store.database import close_database, open_database

    folder = tmp_path_factory.mktemp("json-export")
    opened = open_database(folder / "nb.sqlite3")
    try:
        make_demo(6, 20, 10, seed=3, now=NOW, tz=TZ)
        export_file("json", folder / "all.json", NOW, TZ)
    finally:
        close_database(opened)
    return (folder / "all.json").read_bytes()


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=100_000), junk=st.binary(max_size=8),
       at=st.integers(min_value=0, max_value=100_000))  # fmt: skip
def test_a_cut_or_tampered_json_export_restores_all_or_nothing(  # type: ignore[no-untyped-def]
    tmp_path_factory, json_export: bytes, cut: int, junk: bytes, at: int
) -> None:
    from ckbook.store.database import close_database, open_database

    data = json_export[: cut % (len(json_export) + 1)]
    spot = at % (len(data) + 1)
    data = data[:spot] + junk + data[spot + len(junk) :]
    opened = open_database(tmp_path_factory.mktemp("fresh") / "nb.sqlite3")
    try:
        _import_and_check("json", data, skip_invalid=False)
        clients = Client.select().count()
        assert clients in (0, 6)  # the whole notebook or nothing
    finally:
        close_database(opened)
