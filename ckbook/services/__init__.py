"""Domain rules and use-cases. No Qt here: everything runs and is tested without a display."""
