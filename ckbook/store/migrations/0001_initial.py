"""0001: create every table of the first schema.

The models are frozen copies, independent of ckbook.store.models, so later model changes never
change what this step does.
"""

from peewee import *


def up(migrator, db):
    class Client(Model):
        name = CharField(index=True, max_length=200)
        organisation = CharField(max_length=200, default="")
        address = TextField(default="")
        status = CharField(max_length=16, default="active")
        client_since = DateField(null=True)
        handling_notes = TextField(default="")
        attention_level = CharField(max_length=16, default="standard")
        checkin_days = IntegerField(default=14)
        response_hours = IntegerField(default=24)
        preferred_channel = CharField(max_length=16, default="email")
        created_at = DateTimeField()
        updated_at = DateTimeField()
        deleted_at = DateTimeField(index=True, null=True)
        version = IntegerField(default=1)

        class Meta:
            database = db
            table_name = "client"

    db.create_tables([Client])

    class Tag(Model):
        name = CharField(unique=True, max_length=80)

        class Meta:
            database = db
            table_name = "tag"

    db.create_tables([Tag])

    class ClientTag(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        tag = ForeignKeyField(Tag, on_delete="CASCADE")

        class Meta:
            database = db
            table_name = "client_tag"
            indexes = ((("client", "tag"), True),)

    db.create_tables([ClientTag])

    class ContactDetail(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        kind = CharField(max_length=8)
        value = CharField(max_length=300)
        label = CharField(max_length=40, default="")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "contact_detail"

    db.create_tables([ContactDetail])

    class Note(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        kind = CharField(max_length=16, default="call")
        started_at = DateTimeField(index=True)
        duration_seconds = IntegerField(null=True)
        mood = CharField(null=True, max_length=16)
        body = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "note"
            indexes = ((("client", "started_at"), False),)

    db.create_tables([Note])

    class Promise(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        note = ForeignKeyField(Note, null=True, on_delete="SET NULL")
        text = TextField()
        made_at = DateTimeField()
        due_date = DateField(index=True, null=True)
        due_time = TimeField(null=True)
        remind_before_minutes = IntegerField(null=True)
        status = CharField(index=True, max_length=16, default="open")
        closed_at = DateTimeField(null=True)
        renegotiated_from = ForeignKeyField("self", null=True, on_delete="SET NULL")

        class Meta:
            database = db
            table_name = "promise"
            indexes = ((("client", "status"), False),)

    db.create_tables([Promise])

    class Incident(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        note = ForeignKeyField(Note, null=True, on_delete="SET NULL")
        what = TextField()
        happened_at = DateTimeField()
        severity = CharField(max_length=16, default="minor")
        apologised_at = DateTimeField(null=True)
        apology = TextField(default="")
        fix = TextField(default="")
        fix_promise = ForeignKeyField(Promise, null=True, on_delete="SET NULL")
        root_cause = TextField(default="")
        prevention = TextField(default="")
        goodwill = TextField(default="")
        resolved_at = DateTimeField(index=True, null=True)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "incident"

    db.create_tables([Incident])

    class MoneyTerms(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        version = IntegerField()
        pricing_model = CharField(max_length=16)
        amount = TextField(null=True)
        currency = CharField(max_length=3, default="EUR")
        budget_ceiling = TextField(null=True)
        payment_terms_days = IntegerField(null=True)
        deposit = TextField(null=True)
        discount = TextField(default="")
        discount_condition = TextField(default="")
        scope_in = TextField(default="")
        scope_out = TextField(default="")
        agreed_on = DateField(null=True)
        confirmed_by_client = BooleanField(default=False)
        change_reason = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "money_terms"
            indexes = ((("client", "version"), True),)

    db.create_tables([MoneyTerms])

    class ReminderLog(Model):
        kind = CharField(max_length=24)
        subject_id = IntegerField()
        occurrence = CharField(max_length=64)
        due_at = DateTimeField()
        fired_at = DateTimeField(null=True)
        snoozed_until = DateTimeField(null=True)
        done_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "reminder_log"
            indexes = ((("kind", "subject_id", "occurrence"), True),)

    db.create_tables([ReminderLog])

    class Request(Model):
        client = ForeignKeyField(Client, on_delete="CASCADE")
        note = ForeignKeyField(Note, null=True, on_delete="SET NULL")
        received_at = DateTimeField()
        channel = CharField(max_length=16, default="email")
        summary = TextField()
        acknowledged_at = DateTimeField(null=True)
        answered_at = DateTimeField(index=True, null=True)

        class Meta:
            database = db
            table_name = "request"

    db.create_tables([Request])

    class Setting(Model):
        key = CharField(primary_key=True, max_length=80)
        value = TextField()

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("setting"))
    migrator.migrate(migrator.drop_table("request"))
    migrator.migrate(migrator.drop_table("reminder_log"))
    migrator.migrate(migrator.drop_table("money_terms"))
    migrator.migrate(migrator.drop_table("incident"))
    migrator.migrate(migrator.drop_table("promise"))
    migrator.migrate(migrator.drop_table("note"))
    migrator.migrate(migrator.drop_table("contact_detail"))
    migrator.migrate(migrator.drop_table("client_tag"))
    migrator.migrate(migrator.drop_table("tag"))
    migrator.migrate(migrator.drop_table("client"))
