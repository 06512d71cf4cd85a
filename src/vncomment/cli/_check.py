"""``vncomment check``: judge comments given as arguments, on standard input or in files.

Every input is read and judged before anything is printed, so an input error (exit status 2)
comes with nothing on stdout, and the exit status is known before the first line is written:
when the reader of stdout leaves early (``| head -1``), the status is still the verdict's.
"""

from __future__ import annotations

import argparse
import sys

import vncomment
from vncomment.cli._base import Command, InputError
from vncomment.cli._io import Comment, argument_text, read_text
from vncomment.cli._options import add_rule_options, rules_from
from vncomment.cli._show import json_line, mark, messages, shown, use_color, words_for
from vncomment.report import Report

EPILOG = """\
examples:
  vncomment check "Hay quá bạn ơi"
  echo "Bài viết rất hay, cảm ơn tác giả đã chia sẻ." | vncomment check
  vncomment check -f comment.txt --json
  vncomment check -- "-hay quá"          a comment that starts with '-' goes after '--'

exit status:
  0  every comment passes
  1  at least one comment is rejected
  2  usage or input error (explained on stderr; nothing on stdout)
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_rule_options(parser)
    parser.add_argument("texts", nargs="*", metavar="TEXT",
                        help="a comment, or - for stdin (default: stdin when it is not a "
                             "terminal)")
    parser.add_argument("-f", "--file", action="append", default=[], metavar="FILE",
                        help="read one comment from FILE (repeatable)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per comment (JSON Lines)")


def _inputs(args: argparse.Namespace) -> list[Comment]:
    texts = list(args.texts)
    if not texts and not args.file:
        # `echo ... | vncomment check`: a pipe or a file on stdin is the comment; an empty one
        # (cron's /dev/null) is no comment at all.
        piped = "" if sys.stdin is None or sys.stdin.isatty() else read_text("-")
        if not piped:
            raise InputError("nothing to check: give a comment, '-' for standard input, "
                             "or -f FILE")
        return [Comment("-", 1, piped.rstrip("\r\n"))]
    comments: list[Comment] = []
    for position, text in enumerate(texts, 1):
        if text == "-":
            comments.append(Comment("-", 1, read_text("-").rstrip("\r\n")))
        else:
            comments.append(Comment(None, 1, argument_text(text, position)))
    comments += [Comment(name, 1, read_text(name).rstrip("\r\n")) for name in args.file]
    return comments


def _print(comment: Comment, report: Report, words: dict[str, str], color: bool) -> None:
    verdict = words["ok"] if report.ok else words["rejected"]
    where = {None: "", "-": " · stdin"}.get(comment.source, f" · {shown(comment.source or '')}")
    sign = "✓" if report.ok else "✗"
    print(f"{sign} {verdict} · {report.syllable_count} {words['syllables']}{where}")
    for line in mark(report, color).split("\n"):
        print(f"    {line}")
    for message in messages(report):
        print(f"  - {message}")


def run(args: argparse.Namespace) -> int:
    rules, comments = rules_from(args), _inputs(args)
    color = use_color(sys.stdout, args.color)
    words = words_for(args.lang)
    reports = [vncomment.validate(c.text, rules, locale=args.lang) for c in comments]
    status = 0 if all(reports) else 1
    try:
        for comment, report in zip(comments, reports, strict=True):
            if args.json:
                print(json_line(report.as_dict()))
            else:
                _print(comment, report, words, color)
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # main() silences stdout; the verdict stands whoever reads it
    return status


COMMANDS = (
    Command(
        name="check",
        help="judge comments given as text, on stdin or in files",
        description="Judge each comment: the arguments are comment texts ('-' reads standard "
                    "input, as does no argument when stdin is not a terminal); files are read "
                    "only when named with -f. Put '--' before a comment that starts with '-'.",
        epilog=EPILOG,
        configure=configure,
        run=run,
    ),
)
