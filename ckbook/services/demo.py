"""Realistic demo notebooks: varied clients, notes, promises, incidents and requests.

The data is a pure function of the seed and ``now`` (one ``random.Random(seed)``, drawn in a fixed
order), so a demo can be reproduced exactly and tests can rely on it. The first few rows of each
kind rotate through every category (attention level, mood, promise state, request state, incident
stage), so even a tiny demo shows every case; after that, choices are weighted to look lived-in.

It is fast enough for a stress notebook (10,000 clients, 200,000 notes, 100,000 promises): rows
are generated client by client and written with multi-row INSERTs in chunks, with explicit ids,
inside one transaction, so SQLite commits (and syncs) once.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal
from itertools import accumulate
from typing import Any, TypeVar

from peewee import (
    AutoField,
    CharField,
    Field,
    ForeignKeyField,
    IntegerField,
    TextField,
    fn,
)

from ckbook.i18n import tr
from ckbook.services.base import InputError, write_transaction
from ckbook.services.bulk import bulk_mode as _bulk_mode
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.store.models import (
    ATTENTION_LEVELS,
    CHANNELS,
    MOODS,
    NOTE_KINDS,
    BaseModel,
    Client,
    ClientTag,
    ContactDetail,
    Incident,
    MoneyTerms,
    Note,
    Promise,
    Request,
    Tag,
    database_proxy,
    mint_uid,
)
from ckbook.store.rows import tuples
from ckbook.store.server import lock_for_bulk_write, reset_id_sequences

T = TypeVar("T")

#: Above these a demo is a mistake (a typo'd zero), not a stress test.
MAX_CLIENTS = 1_000_000
MAX_ROWS = 10_000_000
#: Notes are spread over this many days before now, so check-in health varies.
HISTORY_DAYS = 548

#: Rows buffered per table before they are written: bounds memory, not statement size.
_CHUNK_ROWS = 500

FIRST_NAMES = (
    "Ada", "Aisha", "Alejandro", "Amara", "Anders", "Anna", "Arjun", "Beatriz", "Ben", "Carla",
    "Chen", "Chloe", "Dario", "Divya", "Elena", "Emeka", "Emma", "Farah", "Felix", "Freya",
    "Gabriel", "Grace", "Hamid", "Hannah", "Hugo", "Ines", "Isaac", "Jana", "Jonas", "Julia",
    "Kai", "Karin", "Kofi", "Lars", "Leila", "Liam", "Lucia", "Malik", "Maria", "Mateo",
    "Maya", "Mei", "Nadia", "Niamh", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rosa",
    "Ruth", "Sami", "Sara", "Sean", "Sofia", "Stefan", "Tariq", "Tess", "Theo", "Valentina",
    "Viktor", "Yara", "Yusuf", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Abbott", "Adeyemi", "Andersson", "Baker", "Bianchi", "Brennan", "Castillo", "Chowdhury",
    "Costa", "Dubois", "Eriksen", "Fischer", "Fitzgerald", "Garcia", "Haddad", "Hansen",
    "Hoffmann", "Ibrahim", "Jansen", "Kaur", "Kowalski", "Lambert", "Larsen", "Lindqvist",
    "Lovelace", "MacLeod", "Mensah", "Moreau", "Müller", "Nakamura", "Novak", "Nowak", "O'Brien",
    "Okafor", "Olsen", "Park", "Patel", "Petrov", "Quinn", "Rossi", "Santos", "Schmidt",
    "Silva", "Singh", "Sørensen", "Tanaka", "Thompson", "Varga", "Vogel", "Wagner", "Walsh",
    "Weber", "Wong", "Yilmaz", "Zhang", "Zimmermann",
)  # fmt: skip
ORG_WORDS = (
    "Amber", "Atlas", "Blue Harbour", "Bright", "Cedar", "Copper", "Evergreen", "Foxglove",
    "Granite", "Harbourside", "Juniper", "Lantern", "Maple", "Meridian", "Northgate", "Oak & Ivy",
    "Orchard", "Pinecrest", "Quayside", "Riverside", "Saffron", "Silverline", "Summit",
    "Thistle", "Westbrook", "Willow",
)  # fmt: skip
# (pattern, trade) — {w} an org word, {s} a surname; the trade also picks tags and topics.
ORG_PATTERNS = (
    ("{w} Events", "events"),
    ("{w} Weddings & Parties", "events"),
    ("{s} Event Management", "events"),
    ("{s} & {s2} Consulting", "consulting"),
    ("{w} Advisory", "consulting"),
    ("{w} Strategy Partners", "consulting"),
    ("{w} Creative Agency", "agency"),
    ("{w} Studio", "agency"),
    ("{s} Communications", "agency"),
    ("{s} Plumbing & Heating", "trades"),
    ("{w} Electrical", "trades"),
    ("{s} Joinery", "trades"),
    ("{s} Builders", "trades"),
    ("{w} Catering", "events"),
    ("{w} Foundation", "charity"),
)
TRADES = ("events", "consulting", "agency", "trades", "charity")
TAGS = (
    "wedding", "corporate", "vip", "referral", "retainer", "seasonal", "charity", "late payer",
    "fast payer", "renovation", "b2b", "newsletter", "speaks German", "long-term", "trial",
    "needs invoice PO",
)  # fmt: skip
TRADE_TAGS = {
    "events": ("wedding", "corporate", "seasonal"),
    "consulting": ("b2b", "retainer", "long-term"),
    "agency": ("b2b", "retainer", "trial"),
    "trades": ("renovation", "referral", "fast payer"),
    "charity": ("charity", "newsletter", "needs invoice PO"),
}
STREETS = (
    "Station Road", "Mill Lane", "Church Street", "Harbour View", "Elm Grove", "Queen's Walk",
    "Market Square", "Linden Allee", "Canal Street", "Orchard Close", "High Street", "Hill Rise",
)  # fmt: skip
TOWNS = (
    "Bristol", "Leeds", "Galway", "Utrecht", "Aarhus", "Freiburg", "Porto", "Ghent", "York",
    "Malmö", "Cork", "Lyon",
)  # fmt: skip
HANDLING_NOTES = (
    "Prefers short calls before 10am.",
    "Email first, then call only if it is urgent.",
    "Never call on Fridays (school run).",
    "Likes a written summary after every call.",
    "The decision-maker is the business partner: copy both on anything about money.",
    "Sensitive about budget overruns; flag them early, in writing.",
    "Answers fastest by text message.",
    "Hates jargon: keep it plain and short.",
    "Wants two or three options, never a single recommendation.",
    "Half the year in Singapore: check the time zone before calling.",
    "Slow to reply in August.",
    "Always asks for a discount; hold firm on the day rate.",
    "Prefers video calls with cameras on.",
    "Invoices go to accounts, not to them directly.",
    "Likes to chat first; budget ten minutes for small talk.",
    "Needs everything confirmed by email, even after a call.",
)
TOPICS = {
    "events": (
        "the spring gala budget", "the venue shortlist", "the wedding seating plan",
        "the conference catering", "the staff summer party", "the product launch party",
        "the charity auction", "the board away-day",
    ),
    "consulting": (
        "the Q3 retainer", "the market-entry report", "the pricing review", "the board deck",
        "the hiring plan", "the grant application",
    ),
    "agency": (
        "the brand refresh", "the website launch", "the annual report design", "the photo shoot",
        "the social media calendar", "the sponsorship deck",
    ),
    "trades": (
        "the kitchen refit quote", "the boiler replacement", "the rewiring schedule",
        "the loft conversion", "the bathroom tiles", "the office move",
    ),
    "charity": (
        "the fundraising dinner", "the donor newsletter", "the volunteer day",
        "the grant report", "the winter appeal",
    ),
}  # fmt: skip
THINGS = (
    "floor plan", "quote", "mood board", "invoice", "timeline", "contract", "menu", "proofs",
    "schedule", "guest list", "colour palette", "draft",
)  # fmt: skip
PLACES = (
    "their office", "the venue", "the site", "a café near the station", "our studio",
    "the trade fair", "the client's home",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OPENERS = {
    "call": (
        "Quick call about {topic}.",
        "Long call walking through {topic}.",
        "{first} called about {topic}.",
        "Check-in call; mostly about {topic}.",
    ),
    "meeting": (
        "Met at {place} to go over {topic}.",
        "Site visit for {topic}.",
        "Workshop on {topic} with {first} and the team.",
    ),
    "email": (
        "Email from {first} about {topic}.",
        "Replied to {first}'s email on {topic}.",
    ),
    "message": (
        "Message from {first}: a question about {topic}.",
        "Short text thread on {topic}.",
    ),
    "other": (
        "Ran into {first} at {place}; chatted about {topic}.",
        "Sent a handwritten thank-you card after {topic}.",
    ),
}
MOOD_LINES = {
    "delighted": (
        "Thrilled with the {thing}: said they would refer us to a friend.",
        "Very happy. Called it *exactly* what they had in mind.",
    ),
    "content": (
        "Happy with progress so far.",
        "Fine with the {thing}; a couple of small tweaks.",
    ),
    "neutral": (
        "Mostly logistics, no strong feelings either way.",
        "Businesslike; wants the {thing} by {weekday}.",
    ),
    "frustrated": (
        "A bit frustrated that the {thing} took longer than planned.",
        "Not thrilled about the price change; explained why again.",
    ),
    "angry": (
        "Upset that the {thing} slipped again; wants to talk to me, not the team.",
        "Angry about the invoice error. Apologised on the spot.",
    ),
}
BULLETS = (
    "confirmed the headcount at {n}",
    "budget stays at {amount}",
    "wants two more options for the {thing}",
    "moved the deadline to {weekday}",
    "invoice goes to accounts, PO number needed",
    "loves the warm colours, not the blue",
    "needs sign-off from {first2} first",
    "parking at the venue is limited",
    "prefers the Thursday slot",
    "will send the {thing} by {weekday}",
    "asked about our availability in spring",
    "mentioned a possible second project",
)
NEXT_STEPS = (
    "send the revised {thing}",
    "book a follow-up call for {weekday}",
    "check supplier availability",
    "confirm the dates in writing",
    "draft the {thing} and share it",
)
PROMISE_TEXTS = (
    "send the revised {thing}",
    "call {first} back about {topic}",
    "email the updated quote for {topic}",
    "share the {thing} draft",
    "check the supplier's delivery date",
    "book the venue walkthrough",
    "send the invoice with the agreed discount",
    "confirm the dates for {topic} in writing",
    "introduce {first} to our photographer",
    "send three options for the {thing}",
    "chase the permit for {topic}",
    "post the signed contract",
)
INCIDENTS = (
    ("Sent the invoice to the wrong address.", "minor"),
    ("Missed the agreed 10am call.", "minor"),
    ("Delivered the wrong version of the {thing}.", "major"),
    ("Supplier arrived two hours late at the venue.", "major"),
    ("Double-billed the deposit.", "major"),
    ("Shared the {thing} with the wrong client.", "critical"),
    ("Water leak after the fitting; floor damaged.", "critical"),
)
APOLOGIES = (
    "Called the same day and apologised without excuses.",
    "Apologised in person and in writing.",
    "Apology email, then a call to talk it through.",
)
FIXES = (
    "Corrected and re-sent within the hour.",
    "Refunded the difference immediately.",
    "Redid the work at our cost.",
)
ROOT_CAUSES = (
    "Address book had two entries for the client.",
    "Calendar invite was in the wrong time zone.",
    "Version naming on shared drive was ambiguous.",
    "Supplier booking not confirmed the day before.",
)
PREVENTIONS = (
    "Checklist step: confirm suppliers 24h ahead.",
    "One contact record per client; merged duplicates.",
    "Final files go out from the 'approved' folder only.",
)
GOODWILL = (
    "10% off the next invoice.",
    "Free extra revision round.",
    "Flowers and a handwritten note.",
)
REQUEST_SUMMARIES = (
    "asked for an updated quote",
    "wants to move the meeting to next week",
    "question about the last invoice",
    "needs the floor plan as a PDF",
    "asked whether we can add 20 guests",
    "wants a call about the delay",
    "asked for two references",
    "asked for our insurance certificate",
)
CURRENCIES = ("EUR", "GBP", "USD", "CHF")
DISCOUNTS = (
    ("10%", "if paid within 10 days"),
    ("5%", "on a 12-month retainer"),
    ("first hour free", ""),
    ("15% on the second event", "if booked before March"),
    ("free site visit", "when the job goes ahead"),
    ("EUR 200 off", "for a referral that signs"),
)
SCOPE_IN = (
    "planning, supplier booking, on-the-day coordination",
    "discovery workshop, report, two review calls",
    "design, two revision rounds, print-ready files",
    "labour and standard fittings",
    "strategy, monthly reporting, quarterly review",
)
SCOPE_OUT = (
    "travel outside the city",
    "printing and postage",
    "materials above the standard range",
    "weekend work",
    "stock photography licences",
)

# Promise categories; the first promises of a demo rotate through all of them.
_FORCED_PROMISES = (
    "overdue",
    "overdue-timed",
    "today",
    "today-timed",
    "upcoming",
    "upcoming-timed",
    "undated",
    "kept",
    "broken",
    "renegotiated",
    "cancelled",
)
_REQUEST_STATES = ("overdue", "waiting", "acknowledged", "answered")
# Incident stages: 0 logged, 1 apologised, 2 fixed, 3 root cause, 4 prevention, 5 goodwill,
# 6 resolved; the first incidents of a demo go resolved, just logged, fixed, ... so that even a
# small demo (a handful of incidents) shows the far apart ones.
_INCIDENT_STAGES = (6, 0, 2, 1, 5, 3, 4)
_STATUSES = ("active", "lead", "paused", "former")  # the first four clients show each
# Cumulative weights for _pick, in the order of the options they weigh.
_STATUS_WEIGHTS = tuple(accumulate((72, 12, 9, 7)))
_LEVEL_WEIGHTS = tuple(accumulate((30, 50, 20)))  # light, standard, high-touch
_CHANNEL_WEIGHTS = tuple(accumulate((35, 40, 18, 7)))  # call, email, message, in person
_NOTE_KIND_WEIGHTS = tuple(accumulate((42, 18, 24, 12, 4)))  # call, meeting, email, ...
_MOOD_WEIGHTS = tuple(accumulate((15, 40, 25, 14, 6)))  # delighted ... angry
_STAGE_WEIGHTS = tuple(accumulate((6, 2, 2, 2, 1, 1, 1)))  # mostly resolved
_REQUEST_WEIGHTS = tuple(accumulate((15, 15, 15, 55)))  # mostly answered


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind a demo wrote."""

    clients: int
    contacts: int
    tags: int
    money_terms: int
    notes: int
    promises: int
    incidents: int
    requests: int

    def describe(self) -> str:
        return tr(
            "{clients} clients, {notes} notes, {promises} promises, {money_terms} money terms, "
            "{incidents} incidents, {requests} requests, {contacts} contact details, {tags} tags"
        ).format(**self.__dict__)


class NotEmptyError(InputError):
    """Demo data was asked for an empty notebook, and this one has clients."""


def notebook_is_empty() -> bool:
    """True when the open database holds no client (deleted ones count: they can be restored)."""
    return not Client.select().exists()


# Columns whose values we already hand over in stored form (ints, text, ids): no conversion.
_PLAIN_FIELDS = (AutoField, IntegerField, CharField, TextField, ForeignKeyField)


class _Sink:
    """Buffers rows per table and writes each chunk with one ``executemany``.

    peewee's ``insert_many`` builds the SQL text of every multi-row INSERT in Python, which
    profiling showed to be two thirds of a 10,000-client demo; one prepared single-row INSERT
    run by the driver's ``executemany`` writes the same rows several times faster. Values still
    go through each field's ``db_value``, so they are stored exactly as the models store them.

    Tables are flushed in dependency order, every table up to the full one, so a foreign key
    always points at a row already written.
    """

    ORDER: tuple[type[BaseModel], ...] = (
        Client,
        ContactDetail,
        ClientTag,
        MoneyTerms,
        Note,
        Promise,
        Incident,
        Request,
    )

    def __init__(self, fields: dict[type[BaseModel], Sequence[Field]]) -> None:
        database = database_proxy.obj
        self.cursor = database.cursor()
        self.sql: dict[type[BaseModel], str] = {}
        self.converters: dict[type[BaseModel], list[Callable[[Any], Any] | None]] = {}
        self.constants: dict[type[BaseModel], list[Any]] = {}
        for model in self.ORDER:
            given = list(fields[model])
            # Columns left out take the model's Python-side default (the schema has none).
            # (Compared by name: a peewee Field's == builds an SQL expression.)
            names = {field.name for field in given}
            defaulted = [
                field
                for field in model._meta.sorted_fields
                if field.name not in names and field.default is not None
            ]
            columns = ", ".join(f'"{field.column_name}"' for field in given + defaulted)
            params = ", ".join([database.param] * (len(given) + len(defaulted)))
            self.sql[model] = (
                f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({params})'
            )
            self.converters[model] = [
                None if isinstance(field, _PLAIN_FIELDS) else field.db_value for field in given
            ]
            self.constants[model] = [
                field.db_value(field.default() if callable(field.default) else field.default)
                for field in defaulted
            ]
        self.rows: dict[type[BaseModel], list[tuple[Any, ...]]] = {m: [] for m in self.ORDER}
        self.written = dict.fromkeys(self.ORDER, 0)

    def add(self, model: type[BaseModel], row: tuple[Any, ...]) -> None:
        rows = self.rows[model]
        rows.append(row)
        if len(rows) >= _CHUNK_ROWS:
            self.flush(upto=model)

    def flush(self, upto: type[BaseModel] | None = None) -> None:
        for model in self.ORDER:
            rows = self.rows[model]
            if rows:
                converters, constants = self.converters[model], self.constants[model]
                self.cursor.executemany(
                    self.sql[model],
                    [
                        [
                            value if convert is None else convert(value)
                            for convert, value in zip(converters, row, strict=True)
                        ]
                        + constants
                        for row in rows
                    ],
                )
                self.written[model] += len(rows)
                rows.clear()
            if model is upto:
                return


class _Words(dict[str, object]):
    """The words a note's templates ask for, each drawn only when a template first uses it."""

    def __init__(self, demo: _Demo, **fixed: object) -> None:
        super().__init__(fixed)
        self.demo = demo

    def __missing__(self, key: str) -> object:
        one, rng = self.demo._one, self.demo.rng
        value: object
        if key == "first2":
            value = one(FIRST_NAMES)
        elif key == "thing":
            value = one(THINGS)
        elif key == "place":
            value = one(PLACES)
        elif key == "weekday":
            value = one(WEEKDAYS)
        elif key == "n":
            value = rng.randint(12, 300)
        elif key == "amount":
            value = f"{rng.randint(2, 90) * 500:,}"
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _pick(rng: random.Random, index: int, options: Sequence[T], weights: Sequence[float]) -> T:
    """The index-th option for the first few rows (so every option shows), then a weighted draw.

    ``weights`` are cumulative (see ``itertools.accumulate``), so they are not summed each time.
    """
    if index < len(options):
        return options[index]
    return options[bisect(weights, rng.random() * weights[-1])]


def _next_id(model: type[Client | Note | Promise | Tag]) -> int:
    return (model.select(fn.max(model.id)).scalar() or 0) + 1


class _Demo:
    """One demo run: the random source, the clock, the id counters and the sink."""

    def __init__(self, rng: random.Random, now: datetime, tz: tzinfo) -> None:
        self.rng = rng
        self.now = now.astimezone(UTC)
        self.tz = tz
        self.local_now = self.now.astimezone(tz)
        self.today = self.local_now.date()
        self.history_start = self.now - timedelta(days=HISTORY_DAYS)
        self.client_id = _next_id(Client)
        self.note_id = _next_id(Note)
        self.promise_id = _next_id(Promise)
        self.incident_count = 0
        self.request_count = 0
        self.promise_count = 0
        self.note_count = 0
        self.used_names: set[str] = set()
        # A client's promises, incidents and requests wait here until its notes are in the sink:
        # they point at notes, and promises still append a line to their note's body.
        self.pending: list[tuple[type[BaseModel], tuple[Any, ...]]] = []
        self.tag_ids = self._ensure_tags()
        self.sink = _Sink(
            {
                Client: (
                    Client.id, Client.name, Client.organisation, Client.address, Client.status,
                    Client.client_since, Client.handling_notes, Client.attention_level,
                    Client.checkin_days, Client.response_hours, Client.preferred_channel,
                    Client.created_at, Client.updated_at, Client.uid,
                ),
                ContactDetail: (
                    ContactDetail.client, ContactDetail.kind, ContactDetail.value,
                    ContactDetail.label, ContactDetail.position,
                ),
                ClientTag: (ClientTag.client, ClientTag.tag),
                MoneyTerms: (
                    MoneyTerms.client, MoneyTerms.version, MoneyTerms.pricing_model,
                    MoneyTerms.amount, MoneyTerms.currency, MoneyTerms.budget_ceiling,
                    MoneyTerms.payment_terms_days, MoneyTerms.deposit, MoneyTerms.discount,
                    MoneyTerms.discount_condition, MoneyTerms.scope_in, MoneyTerms.scope_out,
                    MoneyTerms.agreed_on, MoneyTerms.confirmed_by_client,
                    MoneyTerms.change_reason, MoneyTerms.created_at,
                ),
                Note: (
                    Note.id, Note.client, Note.kind, Note.started_at, Note.duration_seconds,
                    Note.mood, Note.body, Note.created_at, Note.updated_at,
                ),
                Promise: (
                    Promise.id, Promise.client, Promise.note, Promise.text, Promise.made_at,
                    Promise.due_date, Promise.due_time, Promise.remind_before_minutes,
                    Promise.status, Promise.closed_at, Promise.renegotiated_from,
                ),
                Incident: (
                    Incident.client, Incident.note, Incident.what, Incident.happened_at,
                    Incident.severity, Incident.apologised_at, Incident.apology, Incident.fix,
                    Incident.root_cause, Incident.prevention, Incident.goodwill,
                    Incident.resolved_at, Incident.created_at,
                ),
                Request: (
                    Request.client, Request.note, Request.received_at, Request.channel,
                    Request.summary, Request.acknowledged_at, Request.answered_at,
                ),
            }
        )  # fmt: skip

    # -- helpers ---------------------------------------------------------------------------

    def _ensure_tags(self) -> dict[str, int]:
        existing: dict[str, int] = dict(
            tuples(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(TAGS)))
        )
        missing = [name for name in TAGS if name not in existing]
        if missing:
            first = _next_id(Tag)
            rows = [(first + i, name) for i, name in enumerate(missing)]
            Tag.insert_many(rows, fields=(Tag.id, Tag.name)).execute()
            existing.update({name: tag_id for tag_id, name in rows})
        return existing

    def _local_instant(self, day: date, minute_of_day: int) -> datetime:
        local = datetime.combine(day, time(minute_of_day // 60, minute_of_day % 60), tzinfo=self.tz)
        return local.astimezone(UTC)

    def _working_time(self, around: datetime) -> datetime:
        """A moment in local working hours on the day of ``around``, never after now."""
        day = around.astimezone(self.tz).date()
        instant = self._local_instant(day, self.rng.randint(8 * 60, 18 * 60 + 30))
        if instant > self.now:
            instant = self.now - timedelta(minutes=self.rng.randint(5, 180))
        return instant

    def _between(self, start: datetime, end: datetime) -> datetime:
        if end <= start:
            return start
        return start + timedelta(seconds=self.rng.uniform(0, (end - start).total_seconds()))

    def _unique_name(self, index: int) -> str:
        rng = self.rng
        name = ""
        for _ in range(6):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            name = f"{first} {last}"
            if name in self.used_names:
                name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
            if name not in self.used_names:
                break
        else:
            name = f"{name} ({index + 1})"  # a big demo runs out of plausible names
        self.used_names.add(name)
        return name

    def _one(self, options: Sequence[T]) -> T:
        """A uniform pick; cheaper than ``Random.choice`` in the loops that run 200,000 times."""
        return options[int(self.rng.random() * len(options))]

    def _later(self, model: type[BaseModel], row: tuple[Any, ...]) -> None:
        self.pending.append((model, row))

    # -- clients ---------------------------------------------------------------------------

    def client(self, index: int, note_count: int, promise_count: int) -> None:
        rng = self.rng
        client_id = self.client_id
        self.client_id += 1
        name = self._unique_name(index)
        first = name.split()[0]
        last = name.split()[-1]
        if rng.random() < 0.75:
            pattern, trade = rng.choice(ORG_PATTERNS)
            organisation = pattern.format(
                w=rng.choice(ORG_WORDS), s=last, s2=rng.choice(LAST_NAMES)
            )
        else:
            organisation, trade = "", rng.choice(TRADES)
        status = _pick(rng, index, _STATUSES, _STATUS_WEIGHTS)
        level = _pick(rng, index, ATTENTION_LEVELS, _LEVEL_WEIGHTS)
        defaults = ATTENTION_DEFAULTS[level]
        # Most keep the level's defaults; some were tuned by hand.
        checkin_days = defaults["checkin_days"]
        response_hours = defaults["response_hours"]
        if rng.random() < 0.3:
            checkin_days = max(3, checkin_days + rng.choice((-7, -3, 3, 7, 14)))
            response_hours = max(2, response_hours + rng.choice((-2, 2, 12, 24)))
        channel = _pick(rng, index, CHANNELS, _CHANNEL_WEIGHTS)
        handling = " ".join(rng.sample(HANDLING_NOTES, rng.choice((0, 1, 1, 2, 2, 3))))
        since_days = rng.randint(20, 1100)
        client_since = self.today - timedelta(days=since_days)
        created_at = self._local_instant(client_since, 9 * 60)
        address = ""
        if rng.random() < 0.6:
            address = (
                f"{rng.randint(1, 180)} {rng.choice(STREETS)}\n"
                f"{rng.choice(TOWNS)} {rng.randint(1000, 9999)}"
            )
        self.sink.add(
            Client,
            (
                client_id, name, organisation, address, status, client_since, handling, level,
                checkin_days, response_hours, channel, created_at, created_at, mint_uid(),
            ),
        )  # fmt: skip
        self._contacts(client_id, first, last, organisation)
        self._tags(client_id, trade)
        self._money(client_id, trade, client_since)
        notes = self._notes(client_id, note_count, status, checkin_days, created_at, first, trade)
        self._promises(client_id, promise_count, notes, first, trade, created_at)
        self._care(client_id, notes, response_hours, first, created_at)
        for note in notes:
            self.sink.add(Note, tuple(note))
        for model, row in self.pending:
            self.sink.add(model, row)
        self.pending.clear()

    def _contacts(self, client_id: int, first: str, last: str, organisation: str) -> None:
        rng = self.rng
        local = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
        domains = []
        if organisation:
            words = [w for w in organisation.lower().split() if w.isalpha()]
            domains.append("".join(words[:2]) + ".example")
        domains.append(rng.choice(("mail.example", "post.example", "inbox.example")))
        emails = [f"{local}@{domains[0]}"]
        if rng.random() < 0.35:
            emails.append(f"{first.lower()}{rng.randint(1, 99)}@{domains[-1]}")
        if organisation and rng.random() < 0.2:
            emails.append(f"accounts@{domains[0]}")
        for position, value in enumerate(dict.fromkeys(emails)):
            label = "accounts" if value.startswith("accounts@") else ("work", "home")[position % 2]
            self.sink.add(ContactDetail, (client_id, "email", value, label, position))
        # Numbers from ranges reserved for fiction (Ofcom drama numbers, US 555-01xx).
        phones = []
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            style = rng.randrange(3)
            if style == 0:
                phones.append((f"+44 7700 900{rng.randint(0, 999):03d}", "mobile"))
            elif style == 1:
                phones.append((f"+44 20 7946 0{rng.randint(0, 999):03d}", "office"))
            else:
                phones.append((f"+1 202 555 01{rng.randint(0, 99):02d}", "assistant"))
        # A number drawn twice is one phone (as the client form keeps it), not two.
        unique: dict[str, str] = {}
        for value, label in phones:
            unique.setdefault(value, label)
        for position, (value, label) in enumerate(unique.items()):
            self.sink.add(ContactDetail, (client_id, "phone", value, label, position))

    def _tags(self, client_id: int, trade: str) -> None:
        rng = self.rng
        names = list(dict.fromkeys(rng.sample(TRADE_TAGS[trade], rng.randint(0, 2))))
        if rng.random() < 0.3:
            extra = rng.choice(TAGS)
            if extra not in names:
                names.append(extra)
        for name in names:
            self.sink.add(ClientTag, (client_id, self.tag_ids[name]))

    def _money(self, client_id: int, trade: str, client_since: date) -> None:
        rng = self.rng
        if rng.random() >= 0.8:
            return  # "money not discussed yet"
        model = rng.choice(
            {
                "events": ("fixed", "fixed", "per item", "hourly"),
                "consulting": ("hourly", "retainer", "retainer", "fixed"),
                "agency": ("retainer", "fixed", "hourly"),
                "trades": ("fixed", "hourly", "per item"),
                "charity": ("fixed", "hourly"),
            }[trade]
        )
        low, high = {
            "hourly": (45, 180),
            "fixed": (800, 25000),
            "retainer": (500, 6000),
            "per item": (5, 250),
        }[model]
        currency = rng.choices(CURRENCIES, (60, 20, 15, 5))[0]
        amount = Decimal(rng.randint(low * 4, high * 4)) / 4  # quarters: 95.25, 1200.50, ...
        versions = rng.choices((1, 2, 3), (70, 22, 8))[0]
        agreed = client_since + timedelta(days=rng.randint(0, 30))
        for version in range(1, versions + 1):
            discount, condition = ("", "")
            if rng.random() < 0.35:
                discount, condition = rng.choice(DISCOUNTS)
            budget = None
            if model in ("hourly", "per item") and rng.random() < 0.5:
                budget = Decimal(rng.randint(20, 400) * 50)
            deposit = None
            if model == "fixed" and rng.random() < 0.6:
                deposit = (amount * Decimal(rng.choice((10, 20, 25, 30))) / 100).quantize(
                    Decimal("0.01")
                )
            reason = ""
            if version > 1:
                reason = rng.choice(
                    (
                        "annual rate review",
                        "scope grew: added on-the-day coordination",
                        "moved to a retainer after the pilot",
                        "agreed discount for a longer commitment",
                    )
                )
                amount = (amount * Decimal(rng.choice((90, 105, 110, 115))) / 100).quantize(
                    Decimal("0.01")
                )
            created = self._local_instant(min(agreed, self.today), 11 * 60)
            self.sink.add(
                MoneyTerms,
                (
                    client_id, version, model, amount, currency, budget,
                    rng.choice((14, 30, 30, 45, 60)), deposit, discount, condition,
                    rng.choice(SCOPE_IN), rng.choice(SCOPE_OUT), min(agreed, self.today),
                    rng.random() < 0.8, reason, min(created, self.now),
                ),
            )  # fmt: skip
            agreed += timedelta(days=rng.randint(60, 300))

    # -- notes -----------------------------------------------------------------------------

    def _notes(
        self,
        client_id: int,
        count: int,
        status: str,
        checkin_days: int,
        created_at: datetime,
        first: str,
        trade: str,
    ) -> list[list[Any]]:
        """The client's notes (mutable rows: promises add a line to their note's body)."""
        if count == 0:
            return []
        rng = self.rng
        start = max(created_at, self.history_start)
        # When we last spoke decides the client's check-in health: green, yellow or red.
        if status in ("active", "lead"):
            plan = rng.choices(("green", "yellow", "red"), (65, 15, 20))[0]
            factor = {
                "green": rng.uniform(0, 0.9),
                "yellow": rng.uniform(1.05, 1.45),
                "red": rng.uniform(1.6, 4.0),
            }[plan]
            last = self.now - timedelta(days=checkin_days * factor)
        else:
            last = self.now - timedelta(days=rng.uniform(45, 400))
        last = self._working_time(max(last, start))
        moments = sorted([self._working_time(self._between(start, last)) for _ in range(count - 1)])
        moments.append(max(min(last, self.now), moments[-1] if moments else last))
        notes: list[list[Any]] = []
        one, rand = self._one, self.rng.random
        for started_at in moments:
            index = self.note_count
            self.note_count += 1
            kind = _pick(rng, index, NOTE_KINDS, _NOTE_KIND_WEIGHTS)
            mood: str | None = _pick(rng, index, MOODS, _MOOD_WEIGHTS)
            if kind in ("email", "message") and index >= len(MOODS) and rand() < 0.3:
                mood = None  # nobody records a mood for every email
            duration = None
            if kind == "call":
                duration = rng.randint(90, 50 * 60)
            elif kind == "meeting":
                duration = rng.randint(20 * 60, 150 * 60)
            words = _Words(self, first=first, topic=one(TOPICS[trade]))
            parts = [one(OPENERS[kind]).format_map(words)]
            if mood is not None:
                parts.append(" " + one(MOOD_LINES[mood]).format_map(words))
            bullets = one((0, 0, 1, 2, 2, 3))
            if bullets:
                parts.append("\n\n")
                parts.append(
                    "\n".join(
                        "- " + line.format_map(words) for line in rng.sample(BULLETS, bullets)
                    )
                )
            if rand() < 0.4:
                parts.append("\n\n**Next:** " + one(NEXT_STEPS).format_map(words) + ".")
            body = "".join(parts)
            ended = started_at + timedelta(seconds=duration or 0)
            notes.append(
                [
                    self.note_id, client_id, kind, started_at, duration, mood, body,
                    started_at, min(ended, self.now),
                ]
            )  # fmt: skip
            self.note_id += 1
        return notes

    # -- promises --------------------------------------------------------------------------

    def _due_after(self, made_at: datetime, days: int, timed: bool) -> tuple[date, time | None]:
        day = made_at.astimezone(self.tz).date() + timedelta(days=days)
        if not timed:
            return day, None
        return day, time(self.rng.randint(9, 17), self.rng.choice((0, 0, 15, 30, 45)))

    def _deadline(self, due_date: date | None, due_time: time | None) -> datetime | None:
        if due_date is None:
            return None
        if due_time is None:
            return datetime.combine(due_date + timedelta(days=1), time(0), tzinfo=self.tz)
        return datetime.combine(due_date, due_time, tzinfo=self.tz)

    def _forced(self, kind: str) -> tuple[datetime, date | None, time | None, str]:
        """A quick-captured promise of one category, placed relative to now."""
        rng = self.rng
        made_at = self.now - timedelta(days=rng.randint(2, 6), minutes=rng.randint(0, 300))
        timed = kind.endswith("-timed")
        base = kind.removesuffix("-timed")
        due_time = time(rng.randint(9, 17), rng.choice((0, 30))) if timed else None
        if base == "overdue":
            return made_at, self.today - timedelta(days=rng.randint(1, 5)), due_time, "open"
        if base == "today":
            if timed:
                # Later today, so it is due today rather than already overdue.
                later = self.local_now + timedelta(hours=2)
                if later.date() != self.today:
                    return made_at, self.today, None, "open"
                return made_at, self.today, time(later.hour, 0), "open"
            return made_at, self.today, None, "open"
        if base == "upcoming":
            return made_at, self.today + timedelta(days=rng.randint(1, 6)), due_time, "open"
        if base == "undated":
            return made_at, None, None, "open"
        made_at = self.now - timedelta(days=rng.randint(20, 40))
        due_date, due_time = self._due_after(made_at, rng.randint(3, 10), rng.random() < 0.4)
        return made_at, due_date, due_time, base

    def _promises(
        self,
        client_id: int,
        count: int,
        notes: list[list[Any]],
        first: str,
        trade: str,
        created_at: datetime,
    ) -> None:
        rng = self.rng
        remaining = count
        start = max(created_at, self.history_start)
        while remaining > 0:
            words = {
                "first": first,
                "topic": rng.choice(TOPICS[trade]),
                "thing": rng.choice(THINGS),
            }
            text = rng.choice(PROMISE_TEXTS).format(**words)
            note: list[Any] | None = None
            index = self.promise_count
            if index < len(_FORCED_PROMISES):
                made_at, due_date, due_time, status = self._forced(_FORCED_PROMISES[index])
            else:
                if notes and rng.random() < 0.8:
                    note = rng.choice(notes)
                    made_at = note[8] + timedelta(minutes=rng.randint(1, 30))
                else:
                    made_at = self._working_time(self._between(start, self.now))
                made_at = min(made_at, self.now)
                if rng.random() < 0.08:
                    due_date, due_time = None, None
                else:
                    due_date, due_time = self._due_after(
                        made_at, rng.randint(0, 21), rng.random() < 0.35
                    )
                deadline = self._deadline(due_date, due_time)
                if deadline is None:
                    old = self.now - made_at > timedelta(days=60)
                    status = rng.choices(
                        ("open", "kept", "cancelled"), (20, 70, 10) if old else (80, 15, 5)
                    )[0]
                elif deadline <= self.now:
                    status = rng.choices(
                        ("kept", "broken", "renegotiated", "cancelled", "open"),
                        (80, 9, 5, 4, 2),
                    )[0]
                else:
                    status = rng.choices(
                        ("open", "kept", "cancelled", "renegotiated"), (85, 10, 3, 2)
                    )[0]
            if status == "renegotiated" and remaining < 2:
                status = "kept"
            remaining -= self._promise(
                client_id, note, text, made_at, due_date, due_time, status, None
            )
            self.promise_count += 1

    def _promise(
        self,
        client_id: int,
        note: list[Any] | None,
        text: str,
        made_at: datetime,
        due_date: date | None,
        due_time: time | None,
        status: str,
        renegotiated_from: int | None,
    ) -> int:
        """Write one promise (and its successor when renegotiated); returns how many rows."""
        rng = self.rng
        promise_id = self.promise_id
        self.promise_id += 1
        deadline = self._deadline(due_date, due_time)
        closed_at = None
        if status != "open":
            if deadline is None:
                closed_at = made_at + timedelta(days=rng.uniform(1, 30))
            elif status == "kept":
                closed_at = max(made_at, deadline - timedelta(hours=rng.uniform(0, 72)))
            elif status == "broken":
                closed_at = deadline + timedelta(days=rng.uniform(1, 10))
            else:  # cancelled or renegotiated: before the due, once the plan changed
                closed_at = self._between(made_at, min(deadline, self.now))
            closed_at = min(closed_at, self.now)
        remind = rng.choices((None, 15, 30, 60, 120, 1440), (70, 5, 8, 10, 3, 4))[0]
        note_id = note[0] if note is not None else None
        self._later(
            Promise,
            (
                promise_id, client_id, note_id, text, made_at, due_date, due_time, remind,
                status, closed_at, renegotiated_from,
            ),
        )  # fmt: skip
        if note is not None and rng.random() < 0.7:
            note[6] += f"\n\n**Promised:** {text}"
        if status != "renegotiated" or due_date is None or closed_at is None:
            return 1
        # The successor carries the new due; open unless its day has come and gone too.
        new_date = max(due_date, self.today) + timedelta(days=rng.randint(1, 14))
        if new_date - self.today > timedelta(days=45):
            new_date = due_date + timedelta(days=rng.randint(3, 14))
        new_deadline = self._deadline(new_date, due_time)
        assert new_deadline is not None
        new_status = "open" if new_deadline > self.now else rng.choice(("kept", "kept", "broken"))
        return 1 + self._promise(
            client_id, note, text, closed_at, new_date, due_time, new_status, promise_id
        )

    # -- incidents and requests ------------------------------------------------------------

    def _care(
        self,
        client_id: int,
        notes: list[list[Any]],
        response_hours: int,
        first: str,
        created_at: datetime,
    ) -> None:
        rng = self.rng
        recent_start = max(created_at, self.now - timedelta(days=120))
        incidents = 0
        if rng.random() < 0.08:
            incidents = 2 if rng.random() < 0.25 else 1
        for _ in range(incidents):
            stage = _pick(rng, self.incident_count, _INCIDENT_STAGES, _STAGE_WEIGHTS)
            self.incident_count += 1
            what, severity = rng.choice(INCIDENTS)
            happened = self._between(recent_start, self.now - timedelta(days=1))
            step = timedelta(days=rng.uniform(0.1, 4))
            note_id = rng.choice(notes)[0] if notes and rng.random() < 0.5 else None
            self._later(
                Incident,
                (
                    client_id, note_id, what.format(thing=rng.choice(THINGS)),
                    happened, severity,
                    min(happened + step, self.now) if stage >= 1 else None,
                    rng.choice(APOLOGIES) if stage >= 1 else "",
                    rng.choice(FIXES) if stage >= 2 else "",
                    rng.choice(ROOT_CAUSES) if stage >= 3 else "",
                    rng.choice(PREVENTIONS) if stage >= 4 else "",
                    rng.choice(GOODWILL) if stage >= 5 else "",
                    min(happened + step * 4, self.now) if stage >= 6 else None,
                    happened,
                ),
            )  # fmt: skip
        requests = rng.choice((1, 2)) if rng.random() < 0.3 else 0
        for _ in range(requests):
            state = _pick(rng, self.request_count, _REQUEST_STATES, _REQUEST_WEIGHTS)
            self.request_count += 1
            limit = timedelta(hours=response_hours)
            acknowledged = answered = None
            if state == "overdue":
                received = self.now - limit - timedelta(hours=rng.uniform(1, 72))
            elif state == "waiting":
                received = self.now - limit * rng.uniform(0.05, 0.8)
            elif state == "acknowledged":
                received = self.now - timedelta(hours=rng.uniform(2, 96))
                acknowledged = received + limit * rng.uniform(0.1, 0.9)
            else:
                received = self._between(recent_start, self.now - timedelta(days=1))
                acknowledged = received + limit * rng.uniform(0.1, 0.9)
                answered = acknowledged + timedelta(hours=rng.uniform(0.5, 48))
            acknowledged = min(acknowledged, self.now) if acknowledged else None
            answered = min(answered, self.now) if answered else None
            self._later(
                Request,
                (
                    client_id, None, received, rng.choice(CHANNELS),
                    f"{first} {rng.choice(REQUEST_SUMMARIES)}", acknowledged, answered,
                ),
            )  # fmt: skip


def _spread(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """Deal ``total`` items to len(weights) bins in proportion to the weights (at random)."""
    counts = [0] * len(weights)
    if total and weights:
        for index in rng.choices(range(len(weights)), weights=weights, k=total):
            counts[index] += 1
    return counts


def make_demo(
    clients: int,
    notes: int,
    promises: int,
    seed: int,
    now: datetime,
    tz: tzinfo,
    only_into_empty: bool = False,
) -> DemoSummary:
    """Add a realistic demo notebook to the open database, in one transaction.

    Same seed and ``now`` give the same notebook. Raises InputError for impossible sizes, and
    with ``only_into_empty`` NotEmptyError when the notebook has a client: checked inside the
    transaction, under the write lock, so two demos started at once cannot both find it empty.
    """
    for value, what, limit in (
        (clients, "clients", MAX_CLIENTS),
        (notes, "notes", MAX_ROWS),
        (promises, "promises", MAX_ROWS),
    ):
        if not isinstance(value, int) or value < 0:
            raise InputError(
                tr("number of {what} must be zero or more, not {value!r}").format(
                    what=what, value=value
                )
            )
        if value > limit:
            raise InputError(
                tr("number of {what} is too large ({value}; at most {limit})").format(
                    what=what, value=value, limit=limit
                )
            )
    if clients == 0 and (notes or promises):
        raise InputError(tr("notes and promises need at least one client"))
    if now.tzinfo is None:
        raise InputError("now must be timezone-aware")
    rng = random.Random(seed)
    # Some clients talk to us far more than others: a skewed share of notes and promises.
    weights = [rng.lognormvariate(0, 0.9) for _ in range(clients)]
    note_counts = _spread(rng, notes, weights)
    promise_counts = _spread(rng, promises, weights)
    with write_transaction():
        # The demo numbers its rows itself: no other writer may take an id meanwhile.
        lock_for_bulk_write(database_proxy.obj, _Sink.ORDER)
        if only_into_empty and not notebook_is_empty():
            raise NotEmptyError("the notebook already has clients")
        with _bulk_mode(_Sink.ORDER):
            demo = _Demo(rng, now, tz)
            for index in range(clients):
                demo.client(index, note_counts[index], promise_counts[index])
            demo.sink.flush()
            written = demo.sink.written
        reset_id_sequences(database_proxy.obj, _Sink.ORDER)
    return DemoSummary(
        clients=written[Client],
        contacts=written[ContactDetail],
        tags=len(demo.tag_ids),
        money_terms=written[MoneyTerms],
        notes=written[Note],
        promises=written[Promise],
        incidents=written[Incident],
        requests=written[Request],
    )
