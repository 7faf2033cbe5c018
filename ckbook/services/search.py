"""Full-text search over notes, promises and clients.

On SQLite the FTS5 tables of migration 0002 answer (kept in step by triggers); on PostgreSQL a
plain ILIKE over the same columns does.

What the user types is never handed to FTS5 as query syntax. ``fts_query`` reads it as: words
(all must match), ``"quoted phrases"``, and ``prefix*`` words, and writes an FTS5 query in which
every piece is a quoted string; everything else (stray quotes, operators, brackets, colons, a lone
``*``) is read as plain words or ignored. So no text can make a search fail.

Ranking: FTS5's bm25 (lower is better), over the newest ``RANK_WINDOW`` matches of each kind
when a word is common (ranking all 200,000 notes holding "the" took 220 ms; the window takes
~10 ms), and only the hits returned get a snippet.

A client's name counts as part of each of their notes and promises: "okafor contract" finds the
note of Ada Okafor about the contract although the note never says "Okafor" (``_named_hits``:
the clients whose name or organisation holds some of the words, then their notes and promises
holding the rest; these come first, newest first). Snippets are plain text: the Markdown marks of
a note (``**Next:**``, list dashes, links) are left out (``plain_text``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, tzinfo

import peewee
from peewee import fn

from ckbook.services.clock import instant_json
from ckbook.store.models import Client, Note, Promise, database_proxy
from ckbook.store.rows import tuples

#: Marks FTS5 puts around matched words; control characters nobody types into a note.
MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
#: With more matches than this in one kind, only the newest this many are ranked (speed).
RANK_WINDOW = 2000
#: Clients looked at per word that matches names, and their newest notes or promises read.
NAMED_CLIENTS = 100
NAMED_ROWS = 500
#: Hits found through the client's name rank before every other (bm25 ranks are small).
NAMED_RANK = -1_000_000.0
KINDS = ("client", "promise", "note")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    """``note``, ``promise`` or ``client``."""
    id: int
    client_id: int
    client_name: str
    snippet: str
    """Plain text around the match (the client's name and organisation for a client)."""
    highlights: tuple[tuple[int, int], ...]
    """(start, end) character ranges of ``snippet`` that matched."""
    rank: float
    """Lower is better."""
    when: datetime | None = None
    """A note's start, a promise's making; None for a client."""
    detail: str = ""
    """A note's kind, a promise's status; empty for a client."""

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each match wrapped in the given marks (e.g. for a terminal)."""
        out: list[str] = []
        last = 0
        for start, end in self.highlights:
            out += [self.snippet[last:start], open_mark, self.snippet[start:end], close_mark]
            last = end
        out.append(self.snippet[last:])
        return "".join(out)

    def to_json(self, tz: tzinfo) -> dict[str, object]:
        return {
            "kind": self.kind,
            "id": self.id,
            "client_id": self.client_id,
            "client": self.client_name,
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "rank": self.rank,
            "when": instant_json(self.when, tz),
            "detail": self.detail,
        }


# --- reading the user's text ------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Term:
    text: str
    """Words, as typed (a phrase may hold several)."""
    prefix: bool = False
    phrase: bool = False


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def parse_terms(text: str, prefix_last: bool = False) -> list[Term]:
    """The user's text as terms. ``prefix_last`` (search as you type) makes an unfinished last
    word a prefix, so "propo" already finds "proposal"."""
    text = _CONTROL.sub(" ", text)
    terms: list[Term] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            close = text.find('"', i + 1)
            end = n if close == -1 else close
            body = text[i + 1 : end]
            i = end + 1
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            if _has_word(body):
                terms.append(Term(" ".join(body.split()), prefix=prefix, phrase=True))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if _has_word(word):
            terms.append(Term(word, prefix=prefix))
    if prefix_last and terms and not text[-1].isspace():
        last = terms[-1]
        if not last.phrase and not last.prefix and len(last.text) >= 2:
            terms[-1] = Term(last.text, prefix=True)
    return terms


def fts_query(terms: list[Term]) -> str:
    """An FTS5 query that every term must match; always valid syntax."""
    parts = []
    for term in terms:
        quoted = '"' + term.text.replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " AND ".join(parts)


_MARKDOWN = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # a link or image: its text
    (re.compile(r"(^|\n)[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)"), r"\1"),
    (re.compile(r"\*\*|__|~~|`+"), ""),  # strong, struck, code
    (re.compile(r"(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])"), ""),  # emphasis
)


def plain_text(markdown: str) -> str:
    """A note's Markdown as the words it shows, on one line (its lines joined by " · "): no
    ``**``, ``#``, list marks or link targets (FTS5's highlight marks pass through)."""
    for pattern, replacement in _MARKDOWN:
        markdown = pattern.sub(replacement, markdown)
    lines = (" ".join(line.split()) for line in markdown.splitlines())
    return " · ".join(line for line in lines if line)  # a heading or list item stays apart


def _highlights(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    marked = plain_text(marked)
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in marked:
        if ch == MARK_OPEN:
            start = length
        elif ch == MARK_CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), tuple(spans)


# --- SQLite FTS5 --------------------------------------------------------------------------------


def _fts_top(
    database: peewee.Database, fts: str, query: str, limit: int
) -> list[tuple[int, float, str]]:
    """(rowid, rank, snippet marked) of the best ``limit`` matches of one FTS table.

    Ranking every match of a common word costs a pass over all of them (220 ms for "the" over
    200,000 notes), so when there are more than ``RANK_WINDOW`` matches only the newest
    ``RANK_WINDOW`` are ranked: FTS5 finds that window's oldest rowid by walking the index
    backwards and ranks from there (about 10 ms). The snippet is computed for returned rows only.
    """
    row = database.execute_sql(
        f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (query, RANK_WINDOW - 1),
    ).fetchone()
    window = " AND rowid >= ?" if row else ""
    params: tuple[object, ...] = (MARK_OPEN, MARK_CLOSE, ELLIPSIS, SNIPPET_TOKENS, query)
    if row:
        params += (row[0],)
    return [
        (rowid, rank, marked or "")
        for rowid, rank, marked in database.execute_sql(
            f"SELECT rowid, rank, snippet({fts}, -1, ?, ?, ?, ?) FROM {fts} "
            f"WHERE {fts} MATCH ?{window} ORDER BY rank LIMIT ?",
            (*params, limit),
        ).fetchall()
    ]


def _sqlite_search(database: peewee.Database, query: str, limit: int) -> list[SearchHit]:
    hits: list[SearchHit] = []
    # A little over the limit, so hits of deleted clients dropped below do not leave it short.
    # Deleted clients are filtered in Python: "deleted_at IS NULL" in the WHERE made SQLite walk
    # every live client through the deleted_at index (110 ms) instead of looking up 60 ids.
    fetch = limit + 10

    found = _fts_top(database, "client_fts", query, fetch)
    if found:
        clients = {
            c.id: c
            for c in Client.select(Client.id, Client.name, Client.deleted_at).where(
                Client.id.in_([rowid for rowid, _, _ in found])
            )
            if c.deleted_at is None
        }
        for rowid, rank, marked in found:
            client = clients.get(rowid)
            if client is None:
                continue
            # The client's snippet is its best column; show name (and organisation) when the
            # match is in handling notes, so the hit is still recognisable.
            snippet, spans = _highlights(marked)
            hits.append(SearchHit("client", rowid, rowid, client.name, snippet, spans, rank))

    # Promises and notes: the hit also says when (made, started) and what (status, kind).
    for kind, model, when, detail in (
        ("promise", Promise, Promise.made_at, Promise.status),
        ("note", Note, Note.started_at, Note.kind),
    ):
        found = _fts_top(database, f"{kind}_fts", query, fetch)
        if not found:
            continue
        items = {
            item.id: item
            for item in model.select(
                model.id, when, detail, Client.id, Client.name, Client.deleted_at
            )
            .join(Client)
            .where(model.id.in_([r for r, _, _ in found]))
            if item.client.deleted_at is None
        }
        for rowid, rank, marked in found:
            item = items.get(rowid)
            if item is None:
                continue
            snippet, spans = _highlights(marked)
            hits.append(
                SearchHit(
                    kind,
                    rowid,
                    item.client.id,
                    item.client.name,
                    snippet,
                    spans,
                    rank,
                    getattr(item, when.name),
                    getattr(item, detail.name),
                )
            )
    hits.sort(key=lambda h: (h.rank, KINDS.index(h.kind), h.id))
    return hits[:limit]


# --- the client's name as part of what matches ------------------------------------------------


_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str) -> list[str]:
    """Words as FTS5's unicode61 tokenizer sees them: letters and digits, case and accents
    folded."""
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def _matches(term: Term, tokens: list[str]) -> bool:
    words = _tokens(term.text)
    if not words:
        return False
    last = len(words) - 1
    for start in range(len(tokens) - last):
        for offset, word in enumerate(words):
            token = tokens[start + offset]
            if not (token == word or (term.prefix and offset == last and token.startswith(word))):
                break
        else:
            return True
    return False


def _named_hits(database: peewee.Database, terms: list[Term], limit: int) -> list[SearchHit]:
    """Notes and promises of clients whose name or organisation holds some of the words, that
    hold all the others: the client's name is part of what each of their notes is about."""
    if len(terms) < 2:
        return []
    found: set[int] = set()
    for term in terms:
        query = "{name organisation} : " + fts_query([term])
        found.update(
            rowid
            for (rowid,) in database.execute_sql(
                "SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT ?",
                (query, NAMED_CLIENTS),
            ).fetchall()
        )
    if not found:
        return []
    # Clients grouped by the words their name does not hold: those their rows must hold.
    rest_of: dict[tuple[int, ...], list[int]] = {}
    names: dict[int, str] = {}
    for cid, name, organisation in tuples(
        Client.select(Client.id, Client.name, Client.organisation).where(
            Client.id.in_(sorted(found)) & Client.deleted_at.is_null()
        )
    ):
        tokens = _tokens(f"{name} {organisation}")
        rest = tuple(i for i, term in enumerate(terms) if not _matches(term, tokens))
        if 0 < len(rest) < len(terms):
            rest_of.setdefault(rest, []).append(cid)
            names[cid] = name
    hits: list[SearchHit] = []
    for rest, client_ids in rest_of.items():
        wanted = [terms[i] for i in rest]
        if any(term.prefix and len(term.text) < 3 for term in wanted):
            continue  # "ada co" while typing: every note matches "co*"; wait for a real word
        for kind, model, text_field, when, detail in (
            ("promise", Promise, Promise.text, Promise.made_at, Promise.status),
            ("note", Note, Note.body, Note.started_at, Note.kind),
        ):
            # SQL narrows by plain ASCII words (a needed condition: SQLite's lower() folds only
            # ASCII); the exact test on words, accents folded, follows in Python.
            condition = model.client.in_(client_ids)
            for word in {w for term in wanted for w in _tokens(term.text) if w.isascii()}:
                condition &= fn.instr(fn.lower(text_field), word) > 0
            rows = tuples(
                model.select(model.id, model.client, text_field, when, detail)
                .where(condition)
                .order_by(when.desc())
                .limit(NAMED_ROWS)
            )
            for rowid, cid, text, at, what in rows:
                if not all(_matches(term, _tokens(text)) for term in wanted):
                    continue
                snippet, spans = _plain_snippet(plain_text(text), wanted)
                rank = NAMED_RANK - (at.timestamp() if at else 0) / 1e12  # newest first
                hits.append(SearchHit(kind, rowid, cid, names[cid], snippet, spans, rank, at, what))
    hits.sort(key=lambda h: (h.rank, KINDS.index(h.kind), h.id))
    return hits[:limit]


# --- other databases: ILIKE ---------------------------------------------------------------------


def _plain_snippet(text: str, terms: list[Term]) -> tuple[str, tuple[tuple[int, int], ...]]:
    words = [re.escape(t.text) for t in terms]
    pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = max(0, (first.start() if first else 0) - 60)
    window = text[start : start + 160]
    snippet = (ELLIPSIS if start else "") + window + (ELLIPSIS if start + 160 < len(text) else "")
    offset = len(ELLIPSIS) if start else 0
    spans = (
        tuple((m.start() + offset, m.end() + offset) for m in pattern.finditer(window))
        if pattern
        else ()
    )
    return snippet, spans


def _like_search(terms: list[Term], limit: int) -> list[SearchHit]:
    def all_match(*fields: peewee.Field) -> peewee.Expression:
        condition: peewee.Expression | None = None
        for term in terms:
            pattern = f"%{term.text}%"
            any_field = fields[0] ** pattern
            for field in fields[1:]:
                any_field = any_field | (field**pattern)
            condition = any_field if condition is None else condition & any_field
        assert condition is not None
        return condition

    hits: list[SearchHit] = []
    live = Client.deleted_at.is_null()
    for client in (
        Client.select()
        .where(live & all_match(Client.name, Client.organisation, Client.handling_notes))
        .limit(limit)
    ):
        text = " · ".join(x for x in (client.name, client.organisation) if x)
        snippet, spans = _plain_snippet(text, terms)
        hits.append(SearchHit("client", client.id, client.id, client.name, snippet, spans, 0.0))
    for kind, model, text_field, when, detail, rank in (
        ("promise", Promise, Promise.text, Promise.made_at, Promise.status, 1.0),
        ("note", Note, Note.body, Note.started_at, Note.kind, 2.0),
    ):
        for item in (
            model.select(model, Client.id, Client.name)
            .join(Client)
            .where(live & all_match(text_field))
            .order_by(when.desc())
            .limit(limit)
        ):
            snippet, spans = _plain_snippet(getattr(item, text_field.name), terms)
            hits.append(
                SearchHit(
                    kind,
                    item.id,
                    item.client.id,
                    item.client.name,
                    snippet,
                    spans,
                    rank,
                    getattr(item, when.name),
                    getattr(item, detail.name),
                )
            )
    return hits[:limit]


def search(text: str, limit: int = 50, prefix_last: bool = False) -> list[SearchHit]:
    """The best ``limit`` hits for ``text`` over notes, promises and clients (not deleted ones).

    Never raises for any text: an empty or word-less text gives no hits."""
    terms = parse_terms(text, prefix_last=prefix_last)
    if not terms or limit <= 0:
        return []
    database = database_proxy.obj
    if isinstance(database, peewee.SqliteDatabase):
        named = _named_hits(database, terms, limit)
        seen = {(h.kind, h.id) for h in named}
        found = [
            h
            for h in _sqlite_search(database, fts_query(terms), limit)
            if (h.kind, h.id) not in seen
        ]
        return (named + found)[:limit]
    return _like_search(terms, limit)
