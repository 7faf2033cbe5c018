"""Numbered schema steps, run in order by peewee's playhouse.migrations (see store/database.py)."""
