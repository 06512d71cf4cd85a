"""The ``vncomment`` command, for sites and scripts not written in Python.

``vncomment check`` judges comments given on the command line (each argument is the text of
one comment), on standard input (``-``) or in files (``-f FILE``, the whole file is one comment).
A file is only ever read when named with ``-f``: a comment that happens to look like a path
("README", "ghi chú.txt") is still a comment, so nothing depends on what exists on disk.

``vncomment scan FILE`` judges a whole export: TXT (one comment per line, blank lines skipped),
CSV or JSON Lines (the comment in ``--column``), prints a table and a summary by code, and can
write a result per comment with ``--out``.

Exit status: 0 when every comment passes (``scan``: when the scan ran, unless
``--fail-on-reject``), 1 when one is rejected, 2 on a usage or input error (unreadable file,
text that is not UTF-8), which is explained on stderr with nothing written to stdout: every
input is read before anything is printed.

Adding a command
----------------
One module in this package plus one line in :data:`COMMANDS`:

1. Write ``vncomment/cli/NAME.py`` with a ``COMMANDS`` tuple of
   :class:`~vncomment.cli._base.Command` records (usually one; a module may hold a family,
   such as ``restore`` and ``train-restorer``)::

       from vncomment.cli._base import Command, InputError
       from vncomment.cli._options import add_rule_options, rules_from

       def configure(parser):          # an argparse sub-parser of its own
           add_rule_options(parser)    # --min-syllables ... --lang, if it judges comments
           parser.add_argument("--port", type=int, default=8000)

       def run(args):                  # returns the exit status
           import uvicorn              # extras are imported here, never at the top
           ...
           return 0

       COMMANDS = (Command("serve", "one-line help", configure, run, description="..."),)

2. Add ``"vncomment.cli.NAME"`` to :data:`COMMANDS` below.

``run`` raises :class:`~vncomment.cli._base.InputError` for a usage or input problem: ``main``
prints it as one ``vncomment: error: ...`` line and exits with status 2. Keep the module's
top-level imports to the standard library and vncomment's core, so that ``vncomment check``
works without the command's extra installed.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence

from vncomment.cli._base import Command, InputError

__all__ = ["COMMANDS", "main"]

COMMANDS: list[str] = [
    "vncomment.cli._check",
    "vncomment.cli._scan",
]
"""The modules whose ``COMMANDS`` make up ``vncomment``, in the order ``--help`` lists them."""


def _commands() -> list[Command]:
    return [command for module in COMMANDS for command in importlib.import_module(module).COMMANDS]


def _parser(commands: list[Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vncomment",
        description="May this reader's comment be published on a Vietnamese website?",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help,
                                    description=command.description or command.help,
                                    epilog=command.epilog or None)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 pass, 1 rejected, 2 usage or input error)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # Vietnamese whatever the locale says
            stream.reconfigure(encoding="utf-8")
    args = _parser(_commands()).parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except InputError as error:
        print(f"vncomment: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) left: stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
