"""Options shared by the commands that judge comments: the rule and the language."""

from __future__ import annotations

import argparse
import sys

from vncomment.cli._base import InputError
from vncomment.messages import LOCALES, resolve_locale
from vncomment.rules import (
    MaxSyllables,
    MinSyllables,
    NoLinks,
    NoPhoneNumbers,
    NoRepetition,
    RequireDiacritics,
    Rule,
)

__all__ = ["add_global_options", "add_rule_options", "rules_from"]


def add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--lang`` and ``--color``, accepted before the command and after it.

    The top-level parser holds the defaults; a command's parser leaves the attribute alone
    unless the option is given after the command (``argparse.SUPPRESS``), so that
    ``vncomment --lang en check ...`` is not overwritten by the command's default.
    """
    group = parser.add_argument_group("output")
    group.add_argument("--lang", type=_language, default="vi" if top else argparse.SUPPRESS,
                       metavar="LANG", help=f"language of the messages and labels: "
                                            f"{', '.join(LOCALES)} or a tag such as vi-VN "
                                            f"(default vi)")
    group.add_argument("--color", choices=("auto", "always", "never"),
                       default="auto" if top else argparse.SUPPRESS,
                       help="mark offending words in colour: auto (default: on a terminal, "
                            "unless NO_COLOR is set), always or never")


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """The options that build the rule, as in :func:`rules_from`."""
    group = parser.add_argument_group("rules (default: the rule under Vietnamese comment boxes)")
    group.add_argument("--min-syllables", type=int, default=10, metavar="N",
                       help="at least N Vietnamese syllables (default 10)")
    group.add_argument("--max-syllables", type=int, metavar="N", help="at most N syllables")
    group.add_argument("--strictness", type=float, default=RequireDiacritics().strictness,
                       metavar="X", help="diacritics strictness, 0 to 1 (default %(default)s)")
    group.add_argument("--allow-domain", action="append", default=[], metavar="DOMAIN",
                       help="links to DOMAIN and its subdomains are fine (repeatable)")
    group.add_argument("--allow-emails", action="store_true", help="e-mail addresses are fine")
    group.add_argument("--phones", action="store_true",
                       help="also reject phone numbers (not part of the default rule)")
    # The option's first name, kept for scripts written before it was renamed (it read as
    # "allow no phones" to some and "no phone check" to others): the same switch, not shown.
    group.add_argument("--no-phones", dest="phones", action=_DeprecatedPhones, nargs=0,
                       help=argparse.SUPPRESS)


class _DeprecatedPhones(argparse.Action):
    """``--no-phones``: ``--phones``, with a note on standard error that it was renamed."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{parser.prog}: --no-phones is deprecated, use --phones (same meaning: also "
              "reject phone numbers)", file=sys.stderr)
        setattr(namespace, self.dest, True)


def _language(tag: str) -> str:
    try:
        return resolve_locale(tag)
    except (TypeError, ValueError) as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def rules_from(args: argparse.Namespace) -> Rule:
    """The default rule, with the parameters given on the command line."""
    try:
        rule: Rule = MinSyllables(args.min_syllables)
        if args.max_syllables is not None:
            rule &= MaxSyllables(args.max_syllables)
        rule &= NoRepetition() & RequireDiacritics(args.strictness)
        rule &= NoLinks(allow=tuple(args.allow_domain), emails=not args.allow_emails)
        if args.phones:
            rule &= NoPhoneNumbers()
    except ValueError as error:
        raise InputError(str(error)) from None
    return rule
