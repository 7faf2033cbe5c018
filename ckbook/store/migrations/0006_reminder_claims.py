"""0006: a reminder's claim to be shown, so one process shows each occurrence.

``reminder_log.claimed_by`` holds the token of the claim (one conditional UPDATE in a write
transaction; only one process can win it) while the pop-up is on its way to the desktop, and is
cleared once it was shown. A claim left by a process that died before showing is taken over after
a lease (``reminder_rules.CLAIM_LEASE``), so a crash never loses a reminder. Rows already in the
log were shown before they were recorded: they start with no claim.
"""

from peewee import *


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("reminder_log", "claimed_by", CharField(max_length=32, null=True))
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_column("reminder_log", "claimed_by"))
