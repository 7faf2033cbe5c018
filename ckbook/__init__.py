"""ckbook: a desktop client relationship notebook."""

__version__ = "0.1.0"
APP_NAME = "ckbook"
