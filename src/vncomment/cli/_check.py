"""``vncomment check``: judge comments given as arguments, on standard input or in files."""

from __future__ import annotations

import argparse
import json
import sys

import vncomment
from vncomment.cli._base import Command, InputError
from vncomment.cli._io import Comment, read_text
from vncomment.cli._options import add_rule_options, rules_from
from vncomment.cli._show import WORDS, mark, messages, use_color
from vncomment.report import Report


def configure(parser: argparse.ArgumentParser) -> None:
    add_rule_options(parser)
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="a comment, or - for stdin")
    parser.add_argument("-f", "--file", action="append", default=[], metavar="FILE",
                        help="read one comment from FILE (repeatable)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per comment (JSON Lines)")


def _inputs(args: argparse.Namespace) -> list[Comment]:
    if not args.texts and not args.file:
        raise InputError("nothing to check: give a comment, '-' for standard input, or -f FILE")
    comments: list[Comment] = []
    for text in args.texts:
        if text == "-":
            comments.append(Comment("-", 1, read_text("-").rstrip("\r\n")))
        else:
            comments.append(Comment(None, 1, text))
    comments += [Comment(name, 1, read_text(name).rstrip("\r\n")) for name in args.file]
    return comments


def _print(comment: Comment, report: Report, words: dict[str, str], color: bool) -> None:
    verdict = words["ok"] if report.ok else words["rejected"]
    where = {None: "", "-": " · stdin"}.get(comment.source, f" · {comment.source}")
    sign = "✓" if report.ok else "✗"
    print(f"{sign} {verdict} · {report.syllable_count} {words['syllables']}{where}")
    for line in mark(report, color).splitlines() or [""]:
        print(f"    {line}")
    for message in messages(report):
        print(f"  - {message}")


def run(args: argparse.Namespace) -> int:
    rules, comments = rules_from(args), _inputs(args)
    color = use_color(sys.stdout)
    words = WORDS[args.lang]
    reports = [vncomment.validate(c.text, rules, locale=args.lang) for c in comments]
    for comment, report in zip(comments, reports, strict=True):
        if args.json:
            print(json.dumps(report.as_dict(), ensure_ascii=False, default=str))
        else:
            _print(comment, report, words, color)
    return 0 if all(reports) else 1


COMMANDS = (
    Command(
        name="check",
        help="judge comments given as text, on stdin or in files",
        description="Judge each comment: the arguments are comment texts ('-' reads standard "
                    "input); files are read only when named with -f. Put '--' before a comment "
                    "that starts with '-'.",
        configure=configure,
        run=run,
    ),
)
