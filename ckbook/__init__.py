"""ckbook: a desktop client relationship notebook.

The one place for the application's identity: its version (pyproject reads it from here), its
short name (folders, settings, the window title) and its reverse-DNS id (the launcher's file name,
the AppStream id, the icon name, and what the window tells the desktop it belongs to).
"""

__version__ = "0.1.0"
APP_NAME = "ckbook"
APP_ID = "io.github.ckbook.Ckbook"
