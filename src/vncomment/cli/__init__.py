"""The ``vncomment`` command, for sites and scripts not written in Python.

``vncomment check`` judges comments given on the command line (each argument is the text of
one comment), on standard input (``-``, or no argument when stdin is not a terminal) or in files
(``-f FILE``, the whole file is one comment). A file is only ever read when named with ``-f``: a
comment that happens to look like a path ("README", "ghi chú.txt") is still a comment, so
nothing depends on what exists on disk.

``vncomment scan FILE`` judges a whole export, streaming: TXT (one comment per line), CSV, TSV,
JSON Lines or Parquet (the comment in ``--column``), in ``--jobs`` processes; prints a table
and a summary by code, and writes a verdict per comment with ``--out``.

Exit status: 0 when every comment passes (``scan``: when the scan ran, unless
``--fail-on-reject``), 1 when one is rejected, 2 on a usage or input error, explained in one
line on stderr; ``scan`` also 130 on Ctrl-C and 143 on SIGTERM. Global options (``--lang``,
``--color``, ``--version``) go before or after the command. Untrusted text is printed with its
control characters escaped; colour only on a terminal, never with ``NO_COLOR``; a closed pipe
ends the output quietly.

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
import errno
import importlib
import io
import shlex
import sys
from collections.abc import Sequence
from typing import NoReturn

from vncomment.cli._base import Command, InputError
from vncomment.cli._options import add_global_options
from vncomment.cli._scan import silence_stdout

__all__ = ["COMMANDS", "main"]

COMMANDS: list[str] = [
    "vncomment.cli._check",
    "vncomment.cli._scan",
    "vncomment.cli.serve",
    "vncomment.cli.restore",
]
"""The modules whose ``COMMANDS`` make up ``vncomment``, in the order ``--help`` lists them."""

EPILOG = """\
examples:
  vncomment check "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."
  echo "Hay quá bạn ơi" | vncomment --lang en check
  vncomment scan comments.csv --column noi_dung --out verdicts.csv
  vncomment COMMAND --help          the options of one command

exit status:
  0    every comment passes (scan: the scan ran)
  1    a comment is rejected (scan: only with --fail-on-reject)
  2    usage or input error, explained in one line on stderr
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM)
"""


def _version() -> str:
    import vncomment

    version = getattr(vncomment, "__version__", None)
    if version is None:  # an older tree: ask the installed distribution
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as installed

        try:
            version = installed("vncomment")
        except PackageNotFoundError:
            version = "unknown"
    return f"vncomment {version}"


def _commands() -> list[Command]:
    return [command for module in COMMANDS for command in importlib.import_module(module).COMMANDS]


class _Parser(argparse.ArgumentParser):
    """argparse, with a word about ``--`` when a comment was taken for an option."""

    argv: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        stray = _stray_dash(self.argv, _option_strings(self))
        if stray is not None:  # argparse's own words ("ignored explicit argument") mislead
            message = (f"{stray!r} is not an option; to check a comment that starts with '-', "
                       f"put '--' before it: vncomment check -- {shlex.quote(stray)}")
        super().error(message)


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    top = parser
    while getattr(top, "_vncomment_top", None) is not None:
        top = top._vncomment_top  # type: ignore[attr-defined]
    known = set(top._option_string_actions)
    for action in top._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                known.update(sub._option_string_actions)
    return known


def _stray_dash(argv: Sequence[str], known: set[str]) -> str | None:
    """The first argument that starts with '-' and is no option, before any '--'."""
    for arg in argv:
        if arg == "--":
            return None
        if arg.startswith("-") and arg != "-" and arg.split("=", 1)[0] not in known:
            try:
                float(arg)  # a negative number is a value
            except ValueError:
                return arg
    return None


def _parser(commands: list[Command]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vncomment",
        description="May this reader's comment be published on a Vietnamese website?",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    add_global_options(parser, top=True)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help,
                                    description=command.description or command.help,
                                    epilog=command.epilog or None,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        sub._vncomment_top = parser  # type: ignore[attr-defined]
        command.configure(sub)
        add_global_options(sub, top=False)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 pass, 1 rejected, 2 usage or input error)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # Vietnamese whatever the locale says
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(_commands())
    _Parser.argv = argv
    try:
        args = parser.parse_args(argv)
        status: int = args.run(args)
        sys.stdout.flush()
        return status
    except InputError as error:
        print(f"vncomment: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) left before the end; what it did read was right.
        silence_stdout()
        return 0
    except OSError as error:  # stdout itself cannot be written: a full disk, a lost terminal
        if error.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
            silence_stdout()
            print(f"vncomment: error: cannot write standard output: {error.strerror}",
                  file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
