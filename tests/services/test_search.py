"""Full-text search: what a user finds when typing into Ctrl+F or `ckbook search`."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckbook.services.clients import ClientInput, add_client, delete_client, update_client
from ckbook.services.notes import add_note, delete_note, update_note
from ckbook.services.promises import add_promise, update_promise
from ckbook.services.search import Term, fts_query, parse_terms, search
from tests.factories import make_client


def _kinds_ids(hits):
    return {(h.kind, h.id) for h in hits}


def test_finds_notes_promises_and_clients_with_the_client_named(db, now, tz):
    ada = make_client(now, "Ada Lovelace", organisation="Analytical Engines")
    note = add_note(ada, now, body="Discussed the engine proposal at length").ids[0]
    promise = add_promise(ada, "send the proposal by Friday", now, tz).ids[0]
    other = make_client(now, "Proposal Partners")

    hits = search("proposal")

    assert _kinds_ids(hits) == {("note", note), ("promise", promise), ("client", other)}
    by_kind = {h.kind: h for h in hits}
    assert by_kind["note"].client_name == "Ada Lovelace"
    assert by_kind["note"].client_id == ada
    assert by_kind["promise"].client_name == "Ada Lovelace"
    assert by_kind["client"].client_name == "Proposal Partners"


def test_matching_words_are_marked_in_the_snippet(db, now):
    ada = make_client(now)
    add_note(ada, now, body="We talked about the café and the invoice.")
    (hit,) = search("cafe invoice")
    assert hit.marked("[", "]") == "We talked about the [café] and the [invoice]."
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["café", "invoice"]


def test_several_words_must_all_match(db, now):
    ada = make_client(now)
    both = add_note(ada, now, body="quote for the roof and the windows").ids[0]
    add_note(ada, now, body="quote for the roof only")
    assert _kinds_ids(search("roof windows")) == {("note", both)}


def test_a_phrase_matches_the_words_in_that_order(db, now):
    ada = make_client(now)
    phrase = add_note(ada, now, body="the revised quote arrives").ids[0]
    add_note(ada, now, body="quote was revised")
    assert _kinds_ids(search('"revised quote"')) == {("note", phrase)}


def test_a_prefix_finds_every_word_it_starts(db, now):
    ada = make_client(now)
    a = add_note(ada, now, body="a proposal").ids[0]
    b = add_note(ada, now, body="she proposed it").ids[0]
    add_note(ada, now, body="propane heater")
    assert _kinds_ids(search("propos*")) == {("note", a), ("note", b)}
    assert _kinds_ids(search("propos")) == set()


def test_as_you_type_the_unfinished_last_word_is_a_prefix(db, now):
    ada = make_client(now)
    note = add_note(ada, now, body="the proposal").ids[0]
    assert _kinds_ids(search("propo", prefix_last=True)) == {("note", note)}
    assert search("propo ", prefix_last=True) == []


def test_the_index_follows_edits_and_deletes(db, now, tz):
    ada = make_client(now)
    note = add_note(ada, now, body="first draft").ids[0]
    update_note(note, now, body="final version")
    assert search("draft") == []
    assert _kinds_ids(search("final")) == {("note", note)}

    promise = add_promise(ada, "call back", now, tz).ids[0]
    update_promise(promise, text="write back")
    assert search("call") == []
    assert _kinds_ids(search("write")) == {("promise", promise)}

    update_client(ada, now, name="Augusta King", handling_notes="prefers mornings")
    assert _kinds_ids(search("mornings")) == {("client", ada)}
    assert search("lovelace") == []

    delete_note(
        note,
    )
    assert search("final") == []


def test_deleted_clients_and_their_notes_are_not_found(db, now):
    ada = make_client(now, "Ada Lovelace")
    add_note(ada, now, body="secret plan")
    delete_client(ada, now)
    assert search("secret") == []
    assert search("lovelace") == []


def test_rows_written_before_the_index_existed_are_found(db_path, now):
    """The migration rebuilds the index from existing rows."""
    from ckbook.store.database import close_database, open_database

    opened = open_database(db_path)
    ada = make_client(now)
    note = add_note(ada, now, body="old words").ids[0]
    for fts in ("note_fts", "promise_fts", "client_fts"):
        opened.database.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
    assert search("old") == []
    module = __import__("importlib").import_module("ckbook.store.migrations.0002_search")
    for fts, _table, _cols in module.INDEXES:
        opened.database.execute_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    assert _kinds_ids(search("old words")) == {("note", note)}
    close_database(opened)


def test_query_syntax_is_read_as_plain_words(db, now):
    ada = make_client(now)
    note = add_note(ada, now, body="NOT the OR case: (brackets) and col:on").ids[0]
    for text in ["NOT", "OR case", "(brackets", "col:on", 'case"', '"unclosed phrase', "NEAR("]:
        search(text)  # never raises
    assert _kinds_ids(search("NOT")) == {("note", note)}
    assert _kinds_ids(search("col:on")) == {("note", note)}


def test_parse_terms():
    assert parse_terms('roof "revised quote" propos*') == [
        Term("roof"),
        Term("revised quote", phrase=True),
        Term("propos", prefix=True),
    ]
    assert parse_terms('  "" * - ') == []
    assert fts_query([Term('a"b'), Term("c", prefix=True)]) == '"a""b" AND "c"*'


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40))
def test_any_text_searches_without_error(db, text):
    hits = search(text)
    assert isinstance(hits, list)
    search(text, prefix_last=True)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from('ab "*-():^+NOTAD\x00\n'), max_size=30))
def test_operator_soup_searches_without_error(db, text):
    search(text)
    search(text, prefix_last=True)


def test_client_added_with_organisation_is_found_by_it(db, now):
    client = add_client(ClientInput(name="Bob", organisation="Builders Ltd"), now).ids[0]
    assert _kinds_ids(search("builders")) == {("client", client)}


def test_the_like_fallback_for_postgresql_finds_the_same_things(db, now, tz):
    from ckbook.services.search import _like_search

    ada = make_client(now, "Ada Lovelace")
    note = add_note(ada, now, body="the engine proposal").ids[0]
    promise = add_promise(ada, "send the proposal", now, tz).ids[0]
    hits = _like_search(parse_terms("PROPOSAL engine"), 50)
    assert _kinds_ids(hits) == {("note", note)}
    (hit,) = hits
    assert hit.client_id == ada and hit.client_name == "Ada Lovelace"
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["engine", "proposal"]
    assert _kinds_ids(_like_search(parse_terms("proposal"), 50)) == {
        ("note", note),
        ("promise", promise),
    }


@pytest.mark.sqlite_only("FTS5's integrity-check; on PostgreSQL the index is a generated column")
def test_index_stays_in_step_with_cascaded_deletes(db, now, tz):
    from ckbook.services.clients import purge_deleted_clients

    ada = make_client(now, "Ada Lovelace")
    add_note(ada, now, body="cascade me")
    add_promise(ada, "cascade promise", now, tz)
    delete_client(ada, now)
    purge_deleted_clients()
    for fts in ("note_fts", "promise_fts", "client_fts"):
        # FTS5 compares the index with its content table and raises when they differ.
        db.database.execute_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    count = db.database.execute_sql(
        "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'cascade'"
    ).fetchone()[0]
    assert count == 0


def test_the_clients_name_is_part_of_what_their_notes_and_promises_match(db, now, tz):
    okafor = make_client(now, "Ada Okafor", organisation="Okafor Events")
    other = make_client(now, "Bob Builder")
    about = add_note(okafor, now, body="Went through the **contract** terms.").ids[0]
    add_note(okafor, now, body="Talked about the menu.")
    add_note(other, now, body="The contract is signed.")
    promise = add_promise(okafor, "send the contract by Friday", now, tz).ids[0]

    hits = search("okafor contract")
    assert _kinds_ids(hits) == {("note", about), ("promise", promise)}
    assert all(h.client_name == "Ada Okafor" for h in hits)
    assert _kinds_ids(search("OKAFOR EVENTS contr", prefix_last=True)) == {
        ("note", about),
        ("promise", promise),
    }
    assert search("okafor menu contract") == []  # every word must still be matched somewhere
    (note,) = [h for h in hits if h.kind == "note"]
    assert note.snippet == "Went through the contract terms."
    assert [note.snippet[a:b] for a, b in note.highlights] == ["contract"]


def test_snippets_show_text_not_markdown(db, now):
    ada = make_client(now)
    add_note(
        ada,
        now,
        body="# Call\n\n- prefers the *smaller* hall\n\n"
        "**Next:** see [the plan](https://x.example) for the florist",
    )
    (hit,) = search("florist")
    assert "**" not in hit.snippet and "](" not in hit.snippet and "\n" not in hit.snippet
    assert "see the plan for the florist" in hit.snippet
    if not db.location.startswith("postgresql"):  # ts_headline shows a shorter fragment
        assert hit.snippet.endswith("Next: see the plan for the florist")
        assert "prefers the smaller hall" in hit.snippet
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["florist"]


def test_a_common_word_is_ranked_among_its_newest_matches_only(db, now, monkeypatch):  # type: ignore[no-untyped-def]
    """Both ways of finding matches: few (all ranked) and more than the window (the newest)."""
    import ckbook.services.search as search_module

    ada = make_client(now, "Ada Lovelace")
    notes = [add_note(ada, now, body=f"zebra parade number {n}").ids[0] for n in range(6)]
    if db.location.startswith("postgresql"):
        # The server chooses the way by its statistics of the words (autovacuum keeps them).
        db.database.execute_sql("ANALYZE note")
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    assert {h.id for h in search("zebra") if h.kind == "note"} == set(notes[-3:])
    monkeypatch.setattr(search_module, "RANK_WINDOW", 10)
    assert {h.id for h in search("zebra") if h.kind == "note"} == set(notes)


def test_only_the_name_and_organisation_count_as_the_clients_words(db, now, tz):
    """Handling notes are not the name; a deleted client's notes stay out; accents fold."""
    named = make_client(now, "Zoé Okafor")
    noted = make_client(now, "Bea Builder", handling_notes="met through okafor")
    gone = make_client(now, "Cy Okafor")
    about = add_note(named, now, body="The contract arrived.").ids[0]
    add_note(noted, now, body="Her contract arrived.")
    add_note(gone, now, body="His contract arrived.")
    delete_client(gone, now)

    assert _kinds_ids(search("okafor contract")) == {("note", about)}
    assert _kinds_ids(search("zoe contract")) == {("note", about)}
    assert _kinds_ids(search('"zoe okafor" contr*')) == {("note", about)}
