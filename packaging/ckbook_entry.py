"""The bundle's program: the ``ckbook`` command (the window when no command is given)."""

from ckbook.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
