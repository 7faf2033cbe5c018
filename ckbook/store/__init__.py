"""Storage: peewee models, opening the database, migrations, backups and checks. No Qt here."""
