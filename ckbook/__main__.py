"""``python -m ckbook``: the same as the ``ckbook`` command."""

from ckbook.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
