"""``vncomment scan``: judge every comment in an export and summarise the verdicts."""

from __future__ import annotations

import argparse
import sys

import vncomment
from vncomment.cli._base import Command
from vncomment.cli._io import (
    COMMENT_COLUMNS,
    Comment,
    format_of,
    open_out,
    scan_inputs,
    write_results,
)
from vncomment.cli._options import add_rule_options, rules_from
from vncomment.cli._show import WORDS, Progress, mark, messages, print_summary, use_color
from vncomment.report import Report


def configure(parser: argparse.ArgumentParser) -> None:
    add_rule_options(parser)
    parser.add_argument("path", metavar="FILE")
    parser.add_argument("--format", choices=("txt", "csv", "jsonl"),
                        help="file format (default: from the extension)")
    parser.add_argument("--column", metavar="NAME",
                        help=f"CSV column or JSON field holding the comment "
                             f"(default: the first of {', '.join(COMMENT_COLUMNS)})")
    parser.add_argument("--out", metavar="FILE",
                        help="write one result per comment to FILE (.csv or .jsonl)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    parser.add_argument("--fail-on-reject", action="store_true",
                        help="exit with status 1 when any comment is rejected")


def run(args: argparse.Namespace) -> int:
    rules = rules_from(args)
    comments = scan_inputs(args.path, format_of(args.path, args.format), args.column)
    out, kind = open_out(args.out) if args.out else (None, "")
    words = WORDS[args.lang]
    progress = Progress(len(comments), sys.stderr)
    reports = []
    for done, comment in enumerate(comments, 1):
        reports.append(vncomment.validate(comment.text, rules, locale=args.lang))
        progress.update(done)
    progress.close()

    if out is not None:
        with out:
            write_results(out, kind, comments, reports)
    if not args.quiet:
        _print_table(comments, reports, words, use_color(sys.stdout))
    print_summary(reports, words)
    return 1 if args.fail_on_reject and not all(reports) else 0


def _print_table(
    comments: list[Comment], reports: list[Report], words: dict[str, str], color: bool
) -> None:
    line_w = max(len(words["line"]), *(len(str(c.line)) for c in comments)) if comments else 4
    verdict_w = max(len(words[k]) for k in ("ok", "rejected", "verdict"))
    count_w = len(words["syllables"])
    indent = " " * (line_w + verdict_w + count_w + 6)
    print(f"{words['line']:>{line_w}}  {words['verdict']:<{verdict_w}}  "
          f"{words['syllables']:>{count_w}}  {words['comment']}")
    for comment, report in zip(comments, reports, strict=True):
        verdict = words["ok"] if report.ok else words["rejected"]
        text = " ⏎ ".join(mark(report, color).splitlines())
        print(f"{comment.line:>{line_w}}  {verdict:<{verdict_w}}  "
              f"{report.syllable_count:>{count_w}}  {text}")
        for message in messages(report):
            print(f"{indent}↳ {message}")
    print()


COMMANDS = (
    Command(
        name="scan",
        help="judge every comment in a TXT, CSV or JSONL file",
        description="Judge every comment in FILE: .txt (one per line), .csv or .jsonl/.ndjson "
                    "('-' reads standard input as --format says, txt by default).",
        configure=configure,
        run=run,
    ),
)
