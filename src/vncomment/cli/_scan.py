"""``vncomment scan``: judge every comment in an export, streaming, and summarise the verdicts.

The file is read a record at a time and judged by :func:`vncomment.batch.validate_many`
(``--jobs`` processes), each verdict printed and written as it comes: memory stays flat
whatever the size of the file, and only counts are kept for the summary.

``--out`` is written to a temporary file beside it and renamed onto it when the scan is
complete; an interrupted or failed scan leaves an earlier file whole. Ctrl-C (SIGINT) and
SIGTERM stop the scan, print the summary of what was judged, and exit with 130 and 143: the
shells' 128 + signal number, so that a supervisor (systemd, Kubernetes, a CI runner) still sees
which signal ended it.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterator
from types import FrameType

from vncomment.batch import validate_many
from vncomment.cli._base import Command, InputError
from vncomment.cli._io import (
    COMMENT_COLUMNS,
    MAX_COMMENT_CHARS,
    Comment,
    format_of,
    open_reader,
    open_writer,
)
from vncomment.cli._options import add_rule_options, rules_from
from vncomment.cli._show import Progress, Tally, mark, messages, shown, use_color, words_for
from vncomment.report import Report

EPILOG = f"""\
formats (from the extension, or --format):
  .txt                one comment per line (lines end at \\n or \\r\\n); blank lines skipped
  .csv, .tsv          a header row; the comment in --column
  .jsonl, .ndjson     one JSON object per line, the comment in field --column
  .parquet            the comment in column --column (needs: pip install 'vncomment[parquet]')
  without --column: the only column, else the first of {", ".join(COMMENT_COLUMNS)}

examples:
  vncomment scan comments.csv --column noi_dung
  vncomment scan archive.parquet --jobs 0 --quiet --out verdicts.parquet
  zcat dump.jsonl.gz | vncomment scan - --format jsonl --out verdicts.csv

exit status:
  0    the scan ran (rejected comments are a result, not a failure)
  1    with --fail-on-reject: at least one comment was rejected
  2    usage or input error, or records that could not be read (each one reported;
       comments over {MAX_COMMENT_CHARS:,} characters are such records)
  130  interrupted (Ctrl-C); 143: terminated (SIGTERM). The summary so far is printed and
       an earlier --out file is left as it was
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_rule_options(parser)
    parser.add_argument("path", metavar="FILE", help="the file to scan, or - for stdin")
    parser.add_argument("--format", choices=("txt", "csv", "tsv", "jsonl", "parquet"),
                        help="file format (default: from the extension; stdin: txt)")
    parser.add_argument("--column", metavar="NAME",
                        help="CSV/TSV/Parquet column or JSON field holding the comment")
    parser.add_argument("--out", metavar="FILE",
                        help="write one verdict per comment to FILE (.csv, .jsonl or .parquet)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="judge in N processes (default 1; 0: one per core)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    parser.add_argument("--fail-on-reject", action="store_true",
                        help="exit with status 1 when any comment is rejected")


class _Stopped(KeyboardInterrupt):
    """SIGTERM, raised where the scan is, so that it ends like Ctrl-C."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


class _StdoutClosed(Exception):
    """The reader of stdout left and there is no --out to finish: stop scanning."""


class _Table:
    """The rows printed as the verdicts come; widths fixed up front, as nothing is kept."""

    def __init__(self, words: dict[str, str], color: bool, unit: str) -> None:
        self.words, self.color, self.label = words, color, words[unit]
        self.line_w = max(len(self.label), 5)
        self.verdict_w = max(len(words[k]) for k in ("ok", "rejected", "skipped", "verdict"))
        self.count_w = len(words["syllables"])
        self.indent = " " * (self.line_w + self.verdict_w + self.count_w + 6)
        self.started = False

    def row(self, comment: Comment, report: Report | None) -> None:
        words = self.words
        if not self.started:
            self.started = True
            print(f"{self.label:>{self.line_w}}  {words['verdict']:<{self.verdict_w}}  "
                  f"{words['syllables']:>{self.count_w}}  {words['comment']}")
        if report is None:
            verdict, count, text = words["skipped"], "-", shown(comment.text)
            notes = [shown(comment.problem or "")]
        else:
            verdict = words["ok"] if report.ok else words["rejected"]
            count, text, notes = str(report.syllable_count), mark(report, self.color), \
                messages(report)
        text = " ⏎ ".join(text.split("\n"))
        print(f"{comment.line:>{self.line_w}}  {verdict:<{self.verdict_w}}  "
              f"{count:>{self.count_w}}  {text}")
        for note in notes:
            print(f"{self.indent}↳ {note}")


def silence_stdout() -> None:
    """Point stdout at /dev/null: the reader left, and Python must not complain at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run(args: argparse.Namespace) -> int:
    rules = rules_from(args)
    reader = open_reader(args.path, format_of(args.path, args.format), args.column)
    try:
        writer = open_writer(args.out, reader.unit) if args.out else None
    except InputError:
        reader.close()
        raise
    words = words_for(args.lang)
    table = None if args.quiet else _Table(words, use_color(sys.stdout, args.color), reader.unit)
    tally, progress = Tally(), Progress(reader.fraction)
    in_flight: deque[Comment] = deque()  # read, not yet reported: bounded by the read-ahead

    def texts() -> Iterator[str]:
        for comment in reader:
            in_flight.append(comment)
            if comment.problem is None:
                yield comment.text

    def report(comment: Comment, verdict: Report | None) -> None:
        nonlocal table
        tally.add(verdict)
        if writer is not None:
            writer.write(comment, verdict)
        if table is not None:
            try:
                table.row(comment, verdict)
            except BrokenPipeError:
                silence_stdout()
                table = None
                if writer is None:
                    raise _StdoutClosed from None
        progress.update(tally.total + tally.skipped)

    try:
        verdicts = validate_many(texts(), rules, locale=args.lang, jobs=args.jobs)
    except ValueError as error:
        reader.close()
        if writer is not None:
            writer.discard()
        raise InputError(f"--jobs: {error}") from None
    # Python lets only the main thread set handlers; main() called from another thread (an
    # embedding program) leaves SIGTERM to that program.
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if on_main_thread else None
    stopped: int | None = None
    try:
        for verdict in verdicts:
            while in_flight[0].problem is not None:
                report(in_flight.popleft(), None)
            report(in_flight.popleft(), verdict)
        while in_flight:  # unreadable records after the last comment judged
            report(in_flight.popleft(), None)
        progress.update(tally.total + tally.skipped, force=True)
    except _StdoutClosed:
        return 1 if args.fail_on_reject and tally.rejected else 0
    except _Stopped:
        stopped = 128 + signal.SIGTERM
    except KeyboardInterrupt:
        stopped = 128 + signal.SIGINT
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    finally:
        verdicts.close()  # stops the worker processes
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous)
        reader.close()
        progress.close()

    if stopped is not None:
        if writer is not None:
            writer.discard()
        left = f"; {args.out} is left as it was" if args.out else ""
        print(f"vncomment: interrupted after {tally.total + tally.skipped} records{left}",
              file=sys.stderr)
    elif writer is not None:
        writer.commit()
    try:
        if table is not None and table.started:
            print()
        tally.print(words)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    if stopped is not None:
        return stopped
    if tally.skipped:
        return 2
    return 1 if args.fail_on_reject and tally.rejected else 0


COMMANDS = (
    Command(
        name="scan",
        help="judge every comment in a TXT, CSV, TSV, JSONL or Parquet file",
        description="Judge every comment in FILE, streaming: print each verdict, then a "
                    "summary by code; --out writes the verdicts to a file.",
        epilog=EPILOG,
        configure=configure,
        run=run,
    ),
)
