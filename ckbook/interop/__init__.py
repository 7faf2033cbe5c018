"""File formats in and out of the notebook (vCard, CSV, iCalendar, JSON). No Qt here."""
