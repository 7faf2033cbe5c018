"""The command line: ``ckbook`` and its subcommands (DESIGN.md, "Command line").

With no subcommand it opens the notebook window (``ckbook.app``, imported only then, so the
command line never loads Qt's GUI; only QtCore's translator, for the user's language). Every
command takes ``--db`` and ``--now``; output is for people, in their language, or JSON with
``--json``. Exit 0 on success; 2 with one line on stderr naming what is wrong when the input is
bad or the database cannot be used — and then nothing was written, because every input is read
before the database is touched and each use-case validates before it writes.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, NoReturn, TextIO

from ckbook import APP_NAME, __version__, i18n
from ckbook.i18n import tr
from ckbook.services import clock, dates, limits
from ckbook.services.base import InputError
from ckbook.services.due import Due
from ckbook.services.rules import ATTENTION_DEFAULTS
from ckbook.services.text import for_terminal, require_utf8
from ckbook.services.vocabulary import note_kind_word, word
from ckbook.store.errors import ReadOnlyError, StoreError, classify, explain
from ckbook.store.models import ATTENTION_LEVELS, CHANNELS, CLIENT_STATUSES, SEVERITIES

if TYPE_CHECKING:
    from ckbook.services.care import RequestRow
    from ckbook.store.database import OpenedDatabase

EXIT_OK = 0
EXIT_BAD_INPUT = 2

# As ckbook.store.team.Rights names them (not imported here: the parser stays light).
TEAM_RIGHTS = ("read-only", "member", "owner")
DEMO_DEFAULTS = {"clients": 60, "notes": 600, "promises": 300, "seed": 1}
# As ckbook.interop.transfer names them (not imported here: vobject and icalendar load only
# for import and export).
IMPORT_FORMATS = ("vcard", "csv", "json")
EXPORT_FORMATS = ("vcard", "csv", "ics", "json")


def _client_help() -> str:
    return tr(
        "the client's id or unique name; #ID is always the id (digits that are also another "
        "client's name are refused as ambiguous)"
    )


class UsageError(Exception):
    """Bad arguments: reported as one line, exit 2 (argparse would print usage and exit)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _argparse_words() -> dict[str, str]:
    """argparse's own words in the installed language.

    argparse asks the standard library's gettext for them (``argparse._``, bound at its import,
    and ``argparse.ngettext``), in whatever gettext domain the program set; Python ships no
    catalogue for them and ckbook's catalogue is Qt's, so :func:`_argparse_speaking` answers
    those calls from this table. Keys are argparse's message ids, left as they are (their
    ``%`` placeholders are filled by argparse after the lookup); words argparse only says to a
    programmer (a parser built wrongly) are not here and stay English.
    """
    return {
        "usage: ": tr("usage: "),
        "positional arguments": tr("positional arguments"),
        "options": tr("options"),
        "show this help message and exit": tr("show this help message and exit"),
        "argument %(argument_name)s: %(message)s": tr("argument %(argument_name)s: %(message)s"),
        "unrecognized arguments: %s": tr("unrecognized arguments: %s"),
        "not allowed with argument %s": tr("not allowed with argument %s"),
        "ignored explicit argument %r": tr("ignored explicit argument %r"),
        "the following arguments are required: %s": tr("the following arguments are required: %s"),
        "one of the arguments %s is required": tr("one of the arguments %s is required"),
        "expected one argument": tr("expected one argument"),
        "expected at most one argument": tr("expected at most one argument"),
        "expected at least one argument": tr("expected at least one argument"),
        "expected %s argument": tr("expected %s argument"),
        "expected %s arguments": tr("expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s": tr(
            "ambiguous option: %(option)s could match %(matches)s"
        ),
        "unexpected option string: %s": tr("unexpected option string: %s"),
        "invalid %(type)s value: %(value)r": tr("invalid %(type)s value: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": tr(
            "invalid choice: %(value)r (choose from %(choices)s)"
        ),
        "unknown parser %(parser_name)r (choices: %(choices)s)": tr(
            "unknown parser %(parser_name)r (choices: %(choices)s)"
        ),
    }


@contextmanager
def _argparse_speaking() -> Iterator[None]:
    """While inside, argparse's own words (usage, option group titles, its error messages) come
    in the installed language; outside, argparse is as it was (tests call :func:`main` in one
    process, and other code may use argparse)."""
    words = _argparse_words()

    def gettext(message: str) -> str:
        return words.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        # German, like English, has one form for 1 and another for every other count.
        return gettext(singular if n == 1 else plural)

    saved = {name: getattr(argparse, name, None) for name in ("_", "ngettext")}
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                delattr(argparse, name)
            else:
                setattr(argparse, name, value)


# -- arguments -----------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, json_output: bool = True) -> None:
    # SUPPRESS: a value given before the subcommand is not overwritten by this one's default.
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help=tr("SQLite file or postgresql:// URL (default: $CKBOOK_DB or the user data folder)"),
    )
    parser.add_argument(
        "--now",
        default=argparse.SUPPRESS,
        metavar="ISO",
        help=tr("pretend it is this local date or date-time (e.g. 2026-11-18T10:00)"),
    )
    if json_output:
        parser.add_argument("--json", action="store_true", help=tr("print JSON"))


def build_parser() -> argparse.ArgumentParser:
    client_help = _client_help()
    parser = _Parser(
        prog=APP_NAME,
        description=tr("A client relationship notebook. With no command, opens the window."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=tr("show program's version number and exit"),
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help=tr("add ckbook (launcher and icon) to your application menu, for you only"),
    )
    parser.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help=tr("take out what --install-desktop added (files changed since are left)"),
    )
    parser.add_argument("--db", help=tr("SQLite file or postgresql:// URL"))
    parser.add_argument("--now", metavar="ISO", help=tr("pretend it is this local date-time"))
    # Window options (no command), listed here so that their values are not read as a command;
    # ckbook.app parses them again.
    parser.add_argument(
        "--open-client",
        type=int,
        metavar="ID",
        help=tr("with no command: open this client's card (in the window already open, if any)"),
    )
    parser.add_argument(
        "--background", action="store_true", help=tr("with no command: start in the tray")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    client = commands.add_parser("client", help=tr("add a client (ckbook client add NAME)"))
    client_commands = client.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = client_commands.add_parser("add", help=tr("add a client with an attention profile"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--org", default="", help=tr("organisation"))
    add.add_argument("--email", action="append", default=[], help=tr("email (repeatable)"))
    add.add_argument("--phone", action="append", default=[], help=tr("phone (repeatable)"))
    add.add_argument("--tag", action="append", default=[], help=tr("tag (repeatable)"))
    add.add_argument("--status", choices=CLIENT_STATUSES, default="active")
    add.add_argument(
        "--attention",
        choices=ATTENTION_LEVELS,
        default="standard",
        help=tr("attention level; sets the check-in cadence and response time unless given"),
    )
    add.add_argument("--checkin-days", type=int, metavar="N", help=tr("check in every N days"))
    add.add_argument("--response-hours", type=int, metavar="N", help=tr("reply within N hours"))
    add.add_argument("--channel", choices=CHANNELS, default="email", help=tr("preferred channel"))
    _common(add)
    add.set_defaults(handler=_client_add, writes=True, creates=True)

    merge = client_commands.add_parser(
        "merge", help=tr("merge OTHER into KEEP (everything moves; one transaction)")
    )
    merge.add_argument(
        "keep", metavar="KEEP", help=tr("the client that stays: {how}").format(how=client_help)
    )
    merge.add_argument(
        "other", metavar="OTHER", help=tr("the client merged away: {how}").format(how=client_help)
    )
    _common(merge)
    merge.set_defaults(handler=_client_merge)

    clients = commands.add_parser("clients", help=tr("list clients"))
    _common(clients)
    clients.set_defaults(handler=_clients)

    promise = commands.add_parser("promise", help=tr("add a promise (ckbook promise add ...)"))
    promise_commands = promise.add_subparsers(dest="action", metavar="ACTION", required=True)
    padd = promise_commands.add_parser("add", help=tr("record something we said we would do"))
    padd.add_argument("client", metavar="CLIENT", help=client_help)
    padd.add_argument("text", metavar="TEXT", help=tr("what was promised; a due is read from it"))
    padd.add_argument(
        "--due",
        metavar="WHEN",
        help=tr("2026-11-20, 2026-11-20T15:00 or a phrase like 'next Friday 3pm'"),
    )
    _common(padd)
    padd.set_defaults(handler=_promise_add, writes=True)

    due = commands.add_parser(
        "due", help=tr("promises due or overdue, check-ins and replies overdue")
    )
    due.add_argument(
        "--within", type=int, default=7, metavar="DAYS", help=tr("also list promises due this soon")
    )
    due.add_argument(
        "--everyone",
        action="store_true",
        help=tr("on a server notebook: everyone's promises and requests, not only yours"),
    )
    _common(due)
    due.set_defaults(handler=_due)

    incident = commands.add_parser("incident", help=tr("record something that went wrong"))
    incident_commands = incident.add_subparsers(dest="action", metavar="ACTION", required=True)
    iadd = incident_commands.add_parser("add", help=tr("record what went wrong for a client"))
    iadd.add_argument("client", metavar="CLIENT", help=client_help)
    iadd.add_argument("text", metavar="TEXT", help=tr("what happened"))
    iadd.add_argument("--severity", choices=SEVERITIES, default="minor")
    _common(iadd)
    iadd.set_defaults(handler=_incident_add, writes=True)

    request = commands.add_parser("request", help=tr("a client message awaiting our reply"))
    request_commands = request.add_subparsers(dest="action", metavar="ACTION", required=True)
    radd = request_commands.add_parser("add", help=tr("log a client message that needs us"))
    radd.add_argument("client", metavar="CLIENT", help=client_help)
    radd.add_argument("text", metavar="TEXT", help=tr("what they asked for"))
    radd.add_argument(
        "--received", metavar="ISO", help=tr("when it came in (local date-time; default: now)")
    )
    radd.add_argument("--channel", choices=CHANNELS, default="email")
    _common(radd)
    radd.set_defaults(handler=_request_add, writes=True)
    for verb, what in (
        ("ack", tr("acknowledge: tell them it arrived")),
        ("answer", tr("mark answered")),
    ):
        mark = request_commands.add_parser(verb, help=what)
        mark.add_argument("id", type=_id, metavar="ID", help=tr("the request's id"))
        _common(mark)
        mark.set_defaults(handler=_request_mark, writes=True)

    today = commands.add_parser("today", help=tr("the Today sections: what needs you, in order"))
    _common(today)
    today.set_defaults(handler=_today)

    notes = commands.add_parser("notes", help=tr("a client's notes, newest first"))
    notes.add_argument("client", metavar="CLIENT", help=client_help)
    _common(notes)
    notes.set_defaults(handler=_notes)

    search = commands.add_parser(
        "search",
        help=tr("search notes, promises and clients"),
        description=tr(
            'Words must all match; "a phrase" matches in order; propos* matches a '
            "prefix. Anything else is read as plain words."
        ),
    )
    search.add_argument("text", metavar="TEXT", help=tr("what to look for"))
    search.add_argument("--limit", type=int, default=50, metavar="N", help=tr("at most N hits"))
    _common(search)
    search.set_defaults(handler=_search)

    demo = commands.add_parser(
        "demo",
        help=tr("fill a database with realistic demo data"),
        description=tr(
            "Fill the notebook with realistic demo data. Refuses a notebook that "
            "already has clients (so real data is never mixed with made-up people) unless --force."
        ),
    )
    for name, how_many in (
        ("clients", tr("how many clients")),
        ("notes", tr("how many notes")),
        ("promises", tr("how many promises")),
    ):
        demo.add_argument(
            f"--{name}", type=int, default=DEMO_DEFAULTS[name], metavar="N", help=how_many
        )
    demo.add_argument("--seed", type=int, default=DEMO_DEFAULTS["seed"], metavar="S")
    demo.add_argument(
        "--force", action="store_true", help=tr("add to a notebook that already has clients")
    )
    _common(demo)
    demo.set_defaults(handler=_demo, writes=True, creates=True)

    backup = commands.add_parser(
        "backup", help=tr("copy the notebook safely, even while the window is open")
    )
    backup.add_argument(
        "--to",
        metavar="PATH",
        help=tr("the copy's file (default: a new file in backups/ beside the notebook)"),
    )
    backup.add_argument(
        "--overwrite", action="store_true", help=tr("replace the file --to names if it exists")
    )
    backup.add_argument(
        "--list", action="store_true", help=tr("list the notebook's backups, newest first")
    )
    _common(backup)
    backup.set_defaults(handler=_backup, opens_db=False)

    restore = commands.add_parser(
        "restore",
        help=tr("replace the notebook with a backup"),
        description=tr(
            "Replace the notebook with a backup file. The backup is checked first; the "
            "current notebook is kept beside it as a safety copy. Close the window before "
            "restoring."
        ),
    )
    restore.add_argument("file", metavar="FILE", help=tr("the backup to restore"))
    _common(restore)
    restore.set_defaults(handler=_restore, opens_db=False)

    imports = commands.add_parser(
        "import",
        help=tr("add or update clients from a vCard or CSV file; restore a JSON export"),
        description=tr(
            "Add or update the clients in FILE (vcard, csv), in one transaction. Every "
            "record is checked first: an invalid one stops the import (nothing is written) unless "
            "--skip-invalid. A record is the client with the same UID, else the same name and an "
            "email or phone in common, else the same name and organisation: that client is updated "
            "with what the file says (nothing the file lacks is blanked); anyone else is new. The "
            "file's encoding is detected and reported. json restores a whole `ckbook export json` "
            "into an empty notebook."
        ),
    )
    imports.add_argument("format", choices=IMPORT_FORMATS, metavar="vcard|csv|json")
    imports.add_argument("file", metavar="FILE")
    imports.add_argument(
        "--dry-run", action="store_true", help=tr("report what would be imported; write nothing")
    )
    imports.add_argument(
        "--skip-invalid", action="store_true", help=tr("import the valid records, list the others")
    )
    imports.add_argument(
        "--map",
        metavar="FIELD=COLUMN,…",
        default="",
        help=tr(
            "csv: read FIELD from the column named COLUMN (fields: name, first_name, "
            "last_name, organisation, emails, phones, address, tags, handling_notes, uid, …)"
        ),
    )
    _common(imports)
    imports.set_defaults(handler=_import, writes=True, creates=True)

    export = commands.add_parser(
        "export",
        help=tr("write clients (vcard, csv), open promises as to-dos (ics), or everything (json)"),
        description=tr(
            "Write FILE (owner-only, published only once complete; an existing file "
            "only with --overwrite, the notebook itself never): vcard and csv hold "
            "the clients (csv with attention profile and current money terms), ics the open "
            "promises with dues and the coming check-ins as to-dos, json the whole notebook."
        ),
    )
    export.add_argument("format", choices=EXPORT_FORMATS, metavar="vcard|csv|ics|json")
    export.add_argument("file", metavar="FILE")
    export.add_argument(
        "--as",
        dest="as_entries",
        choices=("todos", "events"),
        default="todos",
        help=tr(
            "ics: open promises as to-dos (default) or as events, for calendars that ignore "
            "tasks (promises without a due are left out of events)"
        ),
    )
    export.add_argument(
        "--vcard-version",
        choices=("4.0", "3.0"),
        default="4.0",
        help=tr("vcard: the version written (3.0 for programs that read nothing newer)"),
    )
    export.add_argument(
        "--overwrite",
        action="store_true",
        help=tr("replace FILE if it exists (never the notebook)"),
    )
    _common(export)
    export.set_defaults(handler=_export)

    check = commands.add_parser(
        "check",
        help=tr("check the notebook's integrity, links and search index (repairs only the index)"),
    )
    _common(check)
    check.set_defaults(handler=_check, opens_db=False)

    migrate = commands.add_parser(
        "migrate-to",
        help=tr("copy the whole notebook to a PostgreSQL server (team mode) or back to a new file"),
        description=tr(
            "Copy every table of the notebook (--db) into TARGET, compare row counts and "
            "a checksum per table, and leave the notebook itself untouched. TARGET is "
            "postgresql://user@host/dbname (an empty database) or a file that does not exist yet."
        ),
    )
    migrate.add_argument("target", metavar="TARGET", help=tr("postgresql://… URL or a new file"))
    _common(migrate)
    migrate.set_defaults(handler=_migrate_to)

    team = commands.add_parser(
        "team", help=tr("who may do what on a server notebook: print or apply GRANT statements")
    )
    team_commands = team.add_subparsers(dest="team_command", required=True, metavar="VERB")
    grant = team_commands.add_parser(
        "grant",
        help=tr("give a database role read-only, member or owner rights on the notebook"),
        description=tr(
            "Print the GRANT statements giving ROLE rights on the notebook's tables "
            "(--apply runs them, all or none). read-only: read every table; member: also add, "
            "change and delete; owner: also run schema upgrades."
        ),
    )
    grant.add_argument("role", metavar="ROLE", help=tr("the person's PostgreSQL role"))
    grant.add_argument("--as", dest="rights", required=True, choices=TEAM_RIGHTS)
    grant.add_argument("--apply", action="store_true", help=tr("run the statements on the server"))
    _common(grant, json_output=False)
    grant.set_defaults(handler=_team)
    revoke = team_commands.add_parser(
        "revoke", help=tr("take every right on the notebook back from a database role")
    )
    revoke.add_argument("role", metavar="ROLE", help=tr("the person's PostgreSQL role"))
    revoke.add_argument("--apply", action="store_true", help=tr("run the statements on the server"))
    _common(revoke, json_output=False)
    revoke.set_defaults(handler=_team)
    login = team_commands.add_parser(
        "login",
        help=tr("keep your password for a server notebook in the system keyring"),
        description=tr(
            "Ask for the password of the role URL names, check it with the server and keep it "
            "in the system keyring (never in a file): later --db URL finds it there. From a "
            "pipe, the password is the first line read."
        ),
    )
    logout = team_commands.add_parser(
        "logout", help=tr("take your password for a server notebook out of the system keyring")
    )
    for sign in (login, logout):
        sign.add_argument(
            "url",
            nargs="?",
            metavar="URL",
            help=tr("postgresql://user@host/dbname, without the password (default: --db)"),
        )
        _common(sign, json_output=False)
        sign.set_defaults(handler=_team_sign_in, opens_db=False)
    return parser


# -- helpers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What every command gets: its arguments, the local zone, now, the --due value read, and
    where the database is."""

    args: argparse.Namespace
    tz: tzinfo
    now: datetime
    due: Due | None
    location: str
    received: datetime | None = None  # request add --received, read before the database opens
    opened: OpenedDatabase | None = None  # the notebook, for commands that need more than models

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))


#: What json.dumps (ensure_ascii=False) leaves raw but a terminal acts on: DEL and C1 (U+009B
#: is CSI to xterm), bidi controls, and lone surrogates (which UTF-8 cannot even carry). Outside
#: strings JSON has none of them, so escaping them keeps the same values.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _print_json(value: object) -> None:
    # Indented for a person at a terminal; one line for a pipe or a file, where it is read by a
    # program and the indenting encoder (pure Python) was most of a big listing's time.
    indent = 2 if sys.stdout.isatty() else None
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    print(_JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))


def _say(text: str = "", *, file: TextIO | None = None) -> None:
    """Print a line for a person: every piece of user text goes out through here, so stored text
    can never move the cursor, recolour, retitle or reverse the terminal (``for_terminal``)."""
    print(for_terminal(text), file=file)


_local = clock.instant_json  # every instant in JSON: local, with its offset, to the minute


def _shown(instant: datetime, tz: tzinfo) -> str:
    return dates.absolute_moment(instant, tz)


def _duration(seconds: int | None) -> str | None:
    if seconds is None:
        return None
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _due_text(due: Due | None, tz: tzinfo) -> str:
    """A due as Today shows it: a time in a daylight-saving gap as the clock will show it."""
    if due is None:
        return tr("no due date")
    return tr("due {when}").format(when=due.on_the_clock(tz).describe())


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


# -- commands ------------------------------------------------------------------------------


def _client_merge(ctx: Context) -> int:
    from ckbook.services.clients import client_detail, find_client
    from ckbook.services.merging import merge_clients

    keep = find_client(ctx.args.keep)
    other = find_client(ctx.args.other)
    if keep == other:
        raise InputError(
            tr("KEEP and OTHER are the same client (#{id}): name two clients").format(id=keep)
        )
    gone = client_detail(other, ctx.now)
    merged = merge_clients(keep, other, ctx.now, forget_other=True)
    moved = merged.record.counts() if merged.record else {}
    detail = client_detail(keep, ctx.now)
    if ctx.json:
        _print_json(
            {
                "id": detail.id,
                "name": detail.name,
                "merged": {"id": gone.id, "name": gone.name},
                "moved": moved,
                "emails": list(detail.emails),
                "phones": list(detail.phones),
                "tags": list(detail.tags),
            }
        )
        return EXIT_OK
    counts = ", ".join(f"{count} {table}" for table, count in moved.items() if count)
    _say(
        tr("Merged client {old_id} ({old_name}) into {id}: {name}").format(
            old_id=gone.id, old_name=gone.name, id=detail.id, name=detail.name
        )
    )
    _say("  " + (tr("moved {counts}").format(counts=counts) if counts else tr("moved nothing")))
    return EXIT_OK


def _client_add(ctx: Context) -> int:
    from ckbook.services.clients import ClientInput, add_client, client_detail

    args = ctx.args
    defaults = ATTENTION_DEFAULTS[args.attention]
    data = ClientInput(
        name=args.name,
        organisation=args.org,
        emails=tuple(args.email),
        phones=tuple(args.phone),
        tags=tuple(args.tag),
        status=args.status,
        attention_level=args.attention,
        checkin_days=(
            args.checkin_days if args.checkin_days is not None else defaults["checkin_days"]
        ),
        response_hours=(
            args.response_hours if args.response_hours is not None else defaults["response_hours"]
        ),
        preferred_channel=args.channel,
    )
    from ckbook.services.merging import matching_clients

    matches = matching_clients(data.name, data.emails, data.phones)
    client_id = add_client(data, ctx.now).ids[0]
    for match in matches:  # added all the same (scripts rely on it), but never silently
        logging.getLogger(__name__).warning(
            "client %d may be the same person as client %d, %s; "
            "`ckbook client merge %d %d` makes them one",
            client_id,
            match.id,
            match.describe(),
            match.id,
            client_id,
        )
    detail = client_detail(client_id, ctx.now)
    if ctx.json:
        _print_json(
            {
                "id": detail.id,
                "name": detail.name,
                "organisation": detail.organisation,
                "emails": list(detail.emails),
                "phones": list(detail.phones),
                "tags": list(detail.tags),
                "status": detail.status,
                "attention_level": detail.attention_level,
                "checkin_days": detail.checkin_days,
                "response_hours": detail.response_hours,
                "preferred_channel": detail.preferred_channel,
                "client_since": detail.client_since.isoformat() if detail.client_since else None,
            }
        )
        return EXIT_OK
    if detail.organisation:
        added = tr("Added client {id}: {name} ({organisation})")
    else:
        added = tr("Added client {id}: {name}")
    _say(added.format(id=detail.id, name=detail.name, organisation=detail.organisation))
    days, hours = detail.checkin_days, detail.response_hours
    _say(
        "  "
        + tr(
            "{level} attention: check in every {days} days, reply within {hours} h, "
            "prefers {channel}"
        ).format(
            level=word(detail.attention_level),
            days=days,
            hours=hours,
            channel=word(detail.preferred_channel),
        )
    )
    for label, values in ((tr("email"), detail.emails), (tr("phone"), detail.phones)):
        for value in values:
            _say(f"  {label}: {value}")
    if detail.tags:
        _say("  " + tr("tags: {tags}").format(tags=", ".join(detail.tags)))
    return EXIT_OK


def _clients(ctx: Context) -> int:
    from ckbook.services.clients import client_summaries

    rows = client_summaries(ctx.now, ctx.tz)
    if ctx.json:
        _print_json(
            [
                {
                    "id": row.id,
                    "name": row.name,
                    "organisation": row.organisation,
                    "emails": list(row.emails),
                    "phones": list(row.phones),
                    "tags": list(row.tags),
                    "status": row.status,
                    "attention_level": row.attention_level,
                    "health": row.health.value,
                    "last_contact": _local(row.last_contact, ctx.tz),
                    "open_promises": row.open_promises,
                    "next_due": row.next_due.to_json() if row.next_due else None,
                }
                for row in rows
            ]
        )
        return EXIT_OK
    if not rows:
        _say(tr("No clients yet. Add one with: ckbook client add NAME"))
        return EXIT_OK
    width = len(str(max(row.id for row in rows)))
    for row in rows:
        parts = [f"{row.id:>{width}}  {row.name}"]
        if row.organisation:
            parts.append(row.organisation)
        parts.append(word(row.status))
        parts.extend(row.emails)
        parts.extend(row.phones)
        if row.tags:
            parts.append("#" + " #".join(row.tags))
        _say(" · ".join(parts))
    return EXIT_OK


def _promise_add(ctx: Context) -> int:
    from ckbook.services.clients import find_client
    from ckbook.services.promises import add_promise, get_promise

    client_id = find_client(ctx.args.client)
    changed = add_promise(client_id, ctx.args.text, ctx.now, ctx.tz, due=ctx.due)
    row = get_promise(changed.ids[0])
    if ctx.json:
        _print_json(row.to_json(ctx.tz))
        return EXIT_OK
    _say(
        tr("Promise {id} to {client}: {text}").format(
            id=row.id, client=row.client_name, text=row.text
        )
    )
    _say(f"  {_due_text(row.due, ctx.tz)}")
    return EXIT_OK


def _due(ctx: Context) -> int:
    from ckbook.services.agenda import due_report
    from ckbook.services.reminders import whose_reminders

    owner = whose_reminders(ctx.args.everyone)
    report = due_report(ctx.now, ctx.tz, within_days=ctx.args.within, owner=owner)
    if ctx.json:
        _print_json(report.to_json(ctx.tz))
        return EXIT_OK
    as_of = _shown(report.now, ctx.tz)
    _say(tr("{summary} (as of {time})").format(summary=report.summary(), time=as_of))
    within = ctx.args.within
    for title, promises in (
        (tr("Overdue:"), report.overdue),
        (tr("Due today:"), report.due_today),
        (tr("Coming up (next %n days):", "", within), report.upcoming),
    ):
        if promises:
            _say(f"\n{title}")
            for p in promises:
                _say(f"  [{p.subject_id}] {p.client_name}: {p.text} — {_due_text(p.due, ctx.tz)}")
    if report.checkins:
        _say("\n" + tr("Check-ins overdue:"))
        for c in report.checkins:
            last = _shown(c.at, ctx.tz) if c.at else tr("never")
            said = tr("{client} ({flag}) — last contact {time}")
            _say(f"  [{c.client_id}] " + said.format(client=c.client_name, flag=c.flag, time=last))
    if report.requests:
        _say("\n" + tr("Replies overdue:"))
        for r in (row.request for row in report.requests if row.request is not None):
            said = tr("{client}: {summary} — received {time} by {channel}").format(
                client=r.client_name,
                summary=r.summary,
                time=_shown(r.received_at, ctx.tz),
                channel=word(r.channel),
            )
            _say(f"  [{r.id}] {said}")
    return EXIT_OK


def _incident_add(ctx: Context) -> int:
    from ckbook.services.care import add_incident, get_incident
    from ckbook.services.clients import find_client

    client_id = find_client(ctx.args.client)
    changed = add_incident(client_id, ctx.args.text, ctx.now, severity=ctx.args.severity)
    row = get_incident(changed.ids[0])
    if ctx.json:
        _print_json(row.to_json(ctx.tz))
        return EXIT_OK
    _say(
        tr("Incident {id} for {client} ({severity}): {what}").format(
            id=row.id, client=row.client_name, severity=word(row.severity), what=row.what
        )
    )
    _say("  " + tr("next: {step}").format(step=word(row.next_step())))
    return EXIT_OK


def _request_json(row: RequestRow, ctx: Context) -> dict[str, object]:
    return row.to_json(ctx.now, ctx.tz)


def _request_add(ctx: Context) -> int:
    from ckbook.services.care import add_request, requests
    from ckbook.services.clients import find_client

    client_id = find_client(ctx.args.client)
    changed = add_request(
        client_id,
        ctx.args.text,
        ctx.now,
        channel=ctx.args.channel,
        received_at=ctx.received,
    )
    (row,) = requests(ids=list(changed.ids))
    if ctx.json:
        _print_json(_request_json(row, ctx))
        return EXIT_OK
    _say(
        tr("Request {id} from {client} by {channel}: {summary}").format(
            id=row.id, client=row.client_name, channel=word(row.channel), summary=row.summary
        )
    )
    received, reply_by = _shown(row.received_at, ctx.tz), _shown(row.deadline, ctx.tz)
    if row.overdue(ctx.now):
        times = tr("received {received}, reply by {reply_by} — overdue")
    else:
        times = tr("received {received}, reply by {reply_by}")
    _say("  " + times.format(received=received, reply_by=reply_by))
    return EXIT_OK


def _request_mark(ctx: Context) -> int:
    from ckbook.services.base import NotFoundError
    from ckbook.services.care import acknowledge_request, answer_request, requests

    mark = acknowledge_request if ctx.args.action == "ack" else answer_request
    if not requests(ids=[ctx.args.id]):
        raise NotFoundError(tr("no request with id {id}").format(id=ctx.args.id))
    mark(ctx.args.id, ctx.now)
    (row,) = requests(ids=[ctx.args.id])
    if ctx.json:
        _print_json(_request_json(row, ctx))
        return EXIT_OK
    if row.answered_at:
        done = tr("Request {id} from {client} answered: {summary}")
    else:
        done = tr("Request {id} from {client} acknowledged: {summary}")
    _say(done.format(id=row.id, client=row.client_name, summary=row.summary))
    return EXIT_OK


def _today(ctx: Context) -> int:
    from ckbook.services.today import section_title, today_report

    report = today_report(ctx.now, ctx.tz)
    if ctx.json:
        _print_json(report.to_json(ctx.tz))
        return EXIT_OK
    as_of, snoozed = _shown(report.now, ctx.tz), report.snoozed
    if snoozed:
        said = tr("{summary} (as of {time}, %n snoozed)", "", snoozed)
    else:
        said = tr("{summary} (as of {time})")
    _say(said.format(summary=report.summary(), time=as_of))
    for section, rows in report.sections:
        if not rows:
            continue
        _say(f"\n{section_title(section)} ({len(rows)}):")
        for row in rows:
            flag = f" [{row.flag}]" if row.flag else ""
            what = f"{row.client_name}: {row.text} — {row.when}{flag}"
            _say(f"  [{word(row.kind.value)} {row.subject_id}] {what}")
    return EXIT_OK


def _notes(ctx: Context) -> int:
    from ckbook.services.clients import find_client
    from ckbook.services.notes import notes_for_client
    from ckbook.services.people import me

    rows = notes_for_client(find_client(ctx.args.client))
    team = me().team
    if ctx.json:
        _print_json(
            [
                {
                    "id": n.id,
                    "client_id": n.client_id,
                    "client": n.client_name,
                    "kind": n.kind,
                    "started_at": _local(n.started_at, ctx.tz),
                    "duration_seconds": n.duration_seconds,
                    "duration": _duration(n.duration_seconds),
                    "mood": n.mood,
                    "body": n.body,
                    "author": n.author,
                }
                for n in rows
            ]
        )
        return EXIT_OK
    if not rows:
        _say(tr("No notes yet."))
        return EXIT_OK
    for index, n in enumerate(rows):
        header = [_shown(n.started_at, ctx.tz), note_kind_word(n.kind)]
        if n.duration_seconds is not None:
            minutes = max(1, round(n.duration_seconds / 60))
            header.append(tr("{minutes} min").format(minutes=minutes))
        if n.mood:
            header.append(word(n.mood))
        if team:  # who wrote it: the team's notes are several people's
            header.append(tr("by {name}").format(name=n.author) if n.author else "—")
        if index:
            _say()
        _say(f"[{n.id}] " + " · ".join(header))
        for line in n.body.splitlines() or [""]:
            _say(f"    {line}".rstrip())
    return EXIT_OK


def _search(ctx: Context) -> int:
    from ckbook.services.search import search

    hits = search(ctx.args.text, ctx.args.limit)
    if ctx.json:
        _print_json([hit.to_json(ctx.tz) for hit in hits])
        return EXIT_OK
    if not hits:
        _say(tr("Nothing found."))
        return EXIT_OK
    for hit in hits:
        header = [hit.kind, hit.client_name]
        if hit.detail:
            header.append(hit.detail)
        if hit.when is not None:
            header.append(_shown(hit.when, ctx.tz))
        _say(f"[{word(hit.kind)} {hit.id}] " + " · ".join(header[1:]))
        _say("    " + _one_line(hit.marked("[", "]")))
    return EXIT_OK


def _demo(ctx: Context) -> int:
    from ckbook.services.demo import NotEmptyError, make_demo

    started = time.perf_counter()
    try:
        args = ctx.args
        summary = make_demo(
            args.clients,
            args.notes,
            args.promises,
            args.seed,
            ctx.now,
            ctx.tz,
            only_into_empty=not args.force,  # checked inside the demo's transaction
        )
    except NotEmptyError:
        raise InputError(
            tr(
                "{notebook} already has clients; demo data goes into an empty notebook "
                "(use another --db, or --force to add to this one)"
            ).format(notebook=ctx.location)
        ) from None
    seconds = time.perf_counter() - started
    if ctx.json:
        _print_json({"database": ctx.location, "seconds": round(seconds, 3), **summary.__dict__})
        return EXIT_OK
    _say(
        tr("Demo notebook in {notebook}: {what} ({seconds} s)").format(
            notebook=ctx.location,
            what=summary.describe(),
            seconds=i18n.format_number(seconds, places=2),
        )
    )
    return EXIT_OK


def _backup(ctx: Context) -> int:
    from pathlib import Path

    from ckbook.store.maintenance import backup, list_backups

    if ctx.args.list:
        if ctx.args.to or ctx.args.overwrite:
            raise UsageError(tr("--list lists backups; it takes no --to or --overwrite"))
        found = list_backups(ctx.location)
        if ctx.json:
            _print_json([b.to_json(ctx.tz) for b in found])
        elif not found:
            _say(
                tr("No backups of {notebook} yet. Make one with: ckbook backup").format(
                    notebook=ctx.location
                )
            )
        else:
            for item in found:
                _say(item.describe(ctx.tz))
        return EXIT_OK
    target = Path(ctx.args.to) if ctx.args.to else None
    local_now = ctx.now.astimezone(ctx.tz)
    written = backup(ctx.location, target, local_now, overwrite=ctx.args.overwrite)
    if ctx.json:
        _print_json({"database": ctx.location, "backup": str(written)})
    else:
        _say(tr("Backed up {notebook} to {file}").format(notebook=ctx.location, file=written))
    return EXIT_OK


def _migrate_to(ctx: Context) -> int:
    from ckbook.store.copy import copy_notebook

    assert ctx.opened is not None  # the command opens the notebook (opens_db)
    copied = copy_notebook(ctx.opened, ctx.args.target)
    if ctx.json:
        _print_json(copied.to_json())
        return EXIT_OK
    for table in copied.tables:
        rows = f"{i18n.format_number(table.rows):>9}"
        said = tr("{rows} rows  sha256 {checksum}…  same").format(
            rows=rows, checksum=table.checksum[:16]
        )
        print(f"  {table.table:<14} {said}")
    print(
        tr(
            "Copied {rows} rows from {source} to {target} ({seconds} s); every table's count "
            "and checksum match. The notebook itself was not changed."
        ).format(
            rows=i18n.format_number(copied.rows),
            source=copied.source,
            target=copied.target,
            seconds=i18n.format_number(copied.seconds, places=1),
        )
    )
    return EXIT_OK


def _team(ctx: Context) -> int:
    from ckbook.store.team import Rights, apply_statements, grant_statements, revoke_statements

    assert ctx.opened is not None  # the command opens the notebook (opens_db)
    database, role = ctx.opened.database, ctx.args.role
    if ctx.args.team_command == "grant":
        rights = Rights(ctx.args.rights)
        statements = grant_statements(database, role, rights)
        done = tr("{role} now has {rights} rights on {notebook}").format(
            role=role, rights=rights, notebook=ctx.location
        )
    else:
        statements = revoke_statements(database, role)
        done = tr("{role} has no rights on {notebook} any more").format(
            role=role, notebook=ctx.location
        )
    if not ctx.args.apply:
        for statement in statements:
            print(f"{statement};")
        return EXIT_OK
    apply_statements(database, statements)
    print(done)
    return EXIT_OK


def _read_password(prompt: str) -> str:
    """The password typed at the terminal (not echoed), or the first line of a pipe."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.removesuffix("\n").removesuffix("\r")


def _team_sign_in(ctx: Context) -> int:
    from urllib.parse import urlsplit

    from ckbook.store.database import check_password, is_server, without_password
    from ckbook.store.passwords import forget_password, keyring_key, store_password

    url = ctx.args.url or ctx.location
    if not is_server(url):
        raise UsageError(
            tr(
                "team {verb} is for a server notebook: give its URL, postgresql://user@host/dbname"
            ).format(verb=ctx.args.team_command)
        )
    shown = without_password(url)
    if urlsplit(url).password is not None:
        raise UsageError(
            tr(
                "give the URL without its password ({url}); ckbook asks for it and keeps it in "
                "the system keyring"
            ).format(url=shown)
        )
    key = keyring_key(url)
    if ctx.args.team_command == "logout":
        if forget_password(url):
            print(tr("Signed out of {url}: its password left the system keyring").format(url=shown))
        else:
            print(tr("No password for {key} was kept in the system keyring").format(key=key))
        return EXIT_OK
    password = _read_password(tr("Password for {key}: ").format(key=key))
    if not password:
        raise UsageError(tr("no password given; nothing was stored"))
    role = check_password(url, password)
    store_password(url, password)
    done = tr("Signed in to {url} as {role}; the password is kept in the system keyring")
    print(done.format(url=shown, role=role))
    return EXIT_OK


def _restore(ctx: Context) -> int:
    from pathlib import Path

    from ckbook.store.maintenance import restore

    safety, target = restore(Path(ctx.args.file), ctx.location, ctx.now.astimezone(ctx.tz))
    if ctx.json:
        _print_json(
            {"database": str(target), "restored_from": ctx.args.file, "safety_copy": str(safety)}
        )
    else:
        _say(tr("Restored {notebook} from {file}").format(notebook=target, file=ctx.args.file))
        if safety is not None:
            _say(tr("The notebook as it was is kept in {file}").format(file=safety))
    return EXIT_OK


class _TerminalProgress:
    """``Importing… 45%`` on one line of a terminal's stderr; nothing when stderr is piped, so a
    script's output stays what it was."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.shown = -1
        self.on = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.on or total <= 0:
            return
        percent = min(100, done * 100 // total)
        if percent != self.shown:
            self.shown = percent
            print(f"\r{self.what}… {percent}%", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.on and self.shown >= 0:
            print("\r\033[K", end="", file=sys.stderr, flush=True)  # clear the line


def _import(ctx: Context) -> int:
    from ckbook.interop.transfer import import_file

    args = ctx.args
    progress = _TerminalProgress(tr("Reading") if args.dry_run else tr("Importing"))
    try:
        report = import_file(
            args.format,
            args.file,
            ctx.now,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            mapping=args.map,
            progress=progress,
        )
    finally:
        progress.close()
    if ctx.json:
        _print_json(
            {
                "dry_run": report.dry_run,
                "summary": report.summary(),
                "source": report.source,
                "imported": [
                    {
                        "where": i.where,
                        "name": i.name,
                        "id": i.client_id,
                        "outcome": i.outcome,
                        "changes": [c.__dict__ for c in i.changes],
                    }
                    for i in report.imported
                ],
                "duplicates": [s.__dict__ for s in report.duplicates],
                "invalid": [s.__dict__ for s in report.invalid],
            }
        )
    else:
        _say(report.summary())
        if report.source:
            _say(f"  {report.source}")
        for item in report.imported:
            if item.outcome == "unchanged":
                continue
            shown = f"[{item.client_id}] " if item.client_id is not None else ""
            changes = "; ".join(c.describe() for c in item.changes)
            outcome = tr("new", "import") if item.outcome == "new" else tr("updated", "import")
            said = f"{outcome}: {shown}{item.name} ({item.where})"
            _say(f"  {said}: {changes}" if changes else f"  {said}")
        for skip in report.duplicates:
            _say("  " + tr("skipped: {why}").format(why=skip.describe()))
        for skip in report.invalid:
            _say("  " + tr("invalid: {why}").format(why=skip.describe()))
    if report.refused:  # a dry run: the real import would stop here
        return _fail(report.refusal())
    return EXIT_OK


def _export(ctx: Context) -> int:
    from ckbook.interop.transfer import export_file

    args = ctx.args
    if args.as_entries == "events" and args.format != "ics":
        return _fail(tr("--as events applies to ics exports only"))
    if args.vcard_version != "4.0" and args.format != "vcard":
        return _fail(tr("--vcard-version applies to vcard exports only"))
    progress = _TerminalProgress(tr("Exporting"))
    try:
        result = export_file(
            args.format,
            args.file,
            ctx.now,
            ctx.tz,
            overwrite=args.overwrite,
            as_events=args.as_entries == "events",
            progress=progress,
            vcard_version=args.vcard_version,
        )
    finally:
        progress.close()
    if ctx.json:
        _print_json(
            {
                "format": result.kind,
                "file": str(result.path),
                "count": result.count,
                "bytes": result.size,
                "seconds": round(result.seconds, 3),
            }
        )
    else:
        _say(result.describe())
    return EXIT_OK


def _check(ctx: Context) -> int:
    from ckbook.store.maintenance import check

    report = check(ctx.location)
    if ctx.json:
        _print_json({**report.__dict__, "ok": report.ok})
    else:
        _say("\n".join(report.lines()))
    problem = report.problem()
    # DESIGN allows 0 and 2 only: problems found are reported like bad input, in one line.
    return EXIT_OK if problem is None else _fail(f"{report.location}: {problem}")


# -- entry point ---------------------------------------------------------------------------


def _install_desktop() -> int:
    from ckbook.services.launcher import install_desktop

    try:
        report = install_desktop()
    except OSError as exc:
        return _fail(tr("could not install the launcher: {why}").format(why=exc.strerror or exc))
    for line in report.lines():
        print(line)
    if report.refused:
        refused = len(report.refused)
        return _fail(tr("%n file(s) in the way were not ckbook's; left as they were", "", refused))
    print(tr("ckbook is in your application menu (it may take a moment to appear)"))
    return EXIT_OK


def _uninstall_desktop() -> int:
    from ckbook.services.launcher import uninstall_desktop

    try:
        report = uninstall_desktop()
    except OSError as exc:
        return _fail(tr("could not remove the launcher: {why}").format(why=exc.strerror or exc))
    for line in report.lines(removed=True):
        print(line)
    if not report.written and not report.refused:
        print(tr("ckbook was not in your application menu"))
    return EXIT_OK


def _fail(message: str) -> int:
    _say(tr("ckbook: error: {message}").format(message=_one_line(message)), file=sys.stderr)
    return EXIT_BAD_INPUT


def _id(text: str) -> int:
    """An argparse type: a row id, 1 to 2**63-1 (a larger one would overflow the query)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value not in limits.IDS:
        raise argparse.ArgumentTypeError(
            tr("{text!r} is not an id (a whole number from {range})").format(
                text=text, range=limits.IDS.describe()
            )
        )
    return value


#: Numeric options checked against the services' limits before the database opens.
_RANGES = (
    ("checkin_days", "--checkin-days", limits.CHECKIN_DAYS),
    ("response_hours", "--response-hours", limits.RESPONSE_HOURS),
    ("within", "--within", limits.WITHIN_DAYS),
    ("limit", "--limit", limits.SEARCH_LIMIT),
)


def _parse_inputs(args: argparse.Namespace) -> tuple[tzinfo, datetime, Due | None]:
    """Read every value that needs no database, so bad input fails before anything opens."""
    from ckbook.services.due_phrases import parse_due

    tz = clock.local_zone()
    now = clock.parse_now(args.now, tz) if args.now else datetime.now(UTC)
    due = None
    if getattr(args, "due", None) is not None:
        try:
            due = parse_due(args.due, now, tz)
        except ValueError as exc:
            raise UsageError(f"--due: {exc}") from None
    if getattr(args, "received", None) is not None:
        clock.parse_now(args.received, tz, option="--received")
    for name, option, allowed in _RANGES:
        allowed.check_optional(getattr(args, name, None), option)
    return tz, now, due


def _run(args: argparse.Namespace) -> int:
    from ckbook.store.database import close_database, open_database, remove_new_notebook

    try:
        tz, now, due = _parse_inputs(args)
    except ValueError as exc:  # parse_now names the value and the option
        raise UsageError(str(exc)) from None
    handler: Callable[[Context], int] = args.handler
    if not getattr(args, "opens_db", True):
        # restore and check must see the file as it is, not opened (and upgraded) first.
        from ckbook.paths import resolve_db_target

        return handler(Context(args, tz, now, due, resolve_db_target(args.db)))
    writes = getattr(args, "writes", False) and not getattr(args, "dry_run", False)
    creates = getattr(args, "creates", False)
    opened = open_database(args.db, create=creates)
    succeeded = False
    try:
        if writes and opened.read_only:
            if opened.path is None:
                refusal = tr(
                    "the notebook at {notebook} is read-only (your database role may read it "
                    "but not change it); nothing was changed"
                )
            else:
                refusal = tr(
                    "the notebook at {notebook} is read-only (its file or folder cannot be "
                    "written); nothing was changed"
                )
            raise ReadOnlyError(refusal.format(notebook=opened.location))
        received = clock.parse_now(args.received, tz) if getattr(args, "received", None) else None
        status = handler(Context(args, tz, now, due, opened.location, received, opened))
        succeeded = True
        return status
    finally:
        close_database(opened)
        if opened.created:
            if succeeded and writes:
                created = tr("ckbook: created a new notebook at {notebook}")
                _say(created.format(notebook=opened.location), file=sys.stderr)
            else:
                # A failed command or a dry run leaves no notebook behind it made for nothing.
                remove_new_notebook(opened)


#: Arguments that name files: any bytes the file system allows, so they are not checked as text.
_PATH_ARGUMENTS = frozenset({"db", "file", "to"})
_POSITIONALS = frozenset({"name", "client", "text", "format"})


def _refuse_non_utf8(args: argparse.Namespace) -> None:
    """InputError naming the first text argument that is not valid UTF-8, before anything runs
    (Python keeps such bytes as lone surrogates, which nothing can store or print)."""
    for dest, value in vars(args).items():
        if dest not in _PATH_ARGUMENTS:
            where = dest.upper() if dest in _POSITIONALS else f"--{dest.replace('_', '-')}"
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    require_utf8(item, where)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ckbook``; returns the exit status (the console script passes it to sys.exit).

    Text for people is in the user's language (``LANGUAGE``/``LC_*``/``LANG``); ``--json``
    output, and the error line of a ``--json`` command, stay English whatever the language, so
    a script reads the same words everywhere."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if _speaks_language(arguments):
        i18n.install()
    else:
        i18n.uninstall()  # English, also when a caller in this process had installed another
    with _argparse_speaking():
        return _main(arguments)


def _speaks_language(arguments: list[str]) -> bool:
    """Whether to load the user's language and number style: not for a ``--json`` command (read
    by a program: English, and no QtCore loaded). English written the English way loads
    nothing either (``i18n.install``)."""
    options = arguments[: arguments.index("--")] if "--" in arguments else arguments
    return "--json" not in options


def _main(arguments: list[str]) -> int:
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(arguments)
        if args.install_desktop:
            return _install_desktop()
        if args.uninstall_desktop:
            return _uninstall_desktop()
        if args.command is None:
            # No command: the window. It reads --db/--now (and Qt's own options) itself, and is
            # imported only now so that every other command runs without loading Qt.
            app = importlib.import_module("ckbook.app")
            return int(app.main(arguments))
        if extra:
            raise UsageError(
                tr("unrecognized arguments: {arguments}").format(arguments=" ".join(extra))
            )
        _refuse_non_utf8(args)
        # Warnings (a value stored out of range, read clipped) as one line each; no-op when
        # logging is already set up (tests).
        logging.basicConfig(level=logging.WARNING, format=f"{APP_NAME}: warning: %(message)s")
        return _run(args)
    except SystemExit as exc:  # --help and --version print and exit 0
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except UsageError as exc:
        return _fail(str(exc))
    except InputError as exc:  # unknown client, ambiguous name, invalid value
        return _fail(str(exc))
    except StoreError as exc:  # not a database, written by a newer ckbook, ...
        return _fail(str(exc))
    except OverflowError as exc:
        # A safety net: limits and the id type keep numbers in range before anything runs.
        return _fail(tr("a number is out of range: {why}").format(why=exc))
    except BrokenPipeError:
        # `ckbook clients | head`: the reader left; say nothing more (and do not let Python
        # complain while flushing stdout at exit).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        problem = classify(exc)
        if problem is None:
            raise  # our bug: keep the traceback
        return _fail(f"{explain(problem)} ({_one_line(str(exc))})")
