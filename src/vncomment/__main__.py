"""``python -m vncomment``: the same as the ``vncomment`` command."""

from vncomment.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
