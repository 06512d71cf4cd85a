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
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import vncomment
from vncomment.messages import LOCALES
from vncomment.report import Report
from vncomment.rules import (
    MaxSyllables,
    MinSyllables,
    NoLinks,
    NoPhoneNumbers,
    NoRepetition,
    RequireDiacritics,
    Rule,
)

__all__ = ["main"]

COMMENT_COLUMNS = ("comment", "text", "body", "content", "binh_luan", "noi_dung")
"""Field names ``scan`` looks for, in this order, when ``--column`` is not given."""

_WORDS = {
    "vi": {
        "ok": "ĐẠT",
        "rejected": "BỊ TỪ CHỐI",
        "syllables": "chữ",
        "line": "dòng",
        "verdict": "kết quả",
        "comment": "bình luận",
        "code": "mã lỗi",
        "count": "số bình luận",
        "share": "tỉ lệ",
        "total": "Tổng cộng {total} bình luận: {ok} đạt, {rejected} bị từ chối.",
    },
    "en": {
        "ok": "OK",
        "rejected": "REJECTED",
        "syllables": "words",
        "line": "line",
        "verdict": "verdict",
        "comment": "comment",
        "code": "code",
        "count": "comments",
        "share": "share",
        "total": "{total} comments: {ok} passed, {rejected} rejected.",
    },
}


class _InputError(Exception):
    """A usage or input problem: reported on stderr, exit status 2."""


@dataclass(frozen=True)
class _Comment:
    source: str | None  # a file name or "-", None for text given as an argument
    line: int
    text: str


# --- arguments -------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    rules = argparse.ArgumentParser(add_help=False)
    group = rules.add_argument_group("rules (default: the rule under Vietnamese comment boxes)")
    group.add_argument("--min-syllables", type=int, default=10, metavar="N",
                       help="at least N Vietnamese syllables (default 10)")
    group.add_argument("--max-syllables", type=int, metavar="N", help="at most N syllables")
    group.add_argument("--strictness", type=float, default=RequireDiacritics().strictness,
                       metavar="X", help="diacritics strictness, 0 to 1 (default %(default)s)")
    group.add_argument("--allow-domain", action="append", default=[], metavar="DOMAIN",
                       help="links to DOMAIN and its subdomains are fine (repeatable)")
    group.add_argument("--allow-emails", action="store_true", help="e-mail addresses are fine")
    group.add_argument("--no-phones", action="store_true",
                       help="also reject phone numbers (not part of the default rule)")
    group.add_argument("--lang", choices=LOCALES, default="vi",
                       help="language of the messages (default vi)")

    parser = argparse.ArgumentParser(
        prog="vncomment",
        description="May this reader's comment be published on a Vietnamese website?",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", parents=[rules], help="judge comments given as text, on stdin or in files",
        description="Judge each comment: the arguments are comment texts ('-' reads standard "
                    "input); files are read only when named with -f. Put '--' before a comment "
                    "that starts with '-'.",
    )
    check.add_argument("texts", nargs="*", metavar="TEXT", help="a comment, or - for stdin")
    check.add_argument("-f", "--file", action="append", default=[], metavar="FILE",
                       help="read one comment from FILE (repeatable)")
    check.add_argument("--json", action="store_true",
                       help="one JSON object per comment (JSON Lines)")

    scan = commands.add_parser(
        "scan", parents=[rules], help="judge every comment in a TXT, CSV or JSONL file",
        description="Judge every comment in FILE: .txt (one per line), .csv or .jsonl/.ndjson "
                    "('-' reads standard input as --format says, txt by default).",
    )
    scan.add_argument("path", metavar="FILE")
    scan.add_argument("--format", choices=("txt", "csv", "jsonl"),
                      help="file format (default: from the extension)")
    scan.add_argument("--column", metavar="NAME",
                      help=f"CSV column or JSON field holding the comment "
                           f"(default: the first of {', '.join(COMMENT_COLUMNS)})")
    scan.add_argument("--out", metavar="FILE",
                      help="write one result per comment to FILE (.csv or .jsonl)")
    scan.add_argument("-q", "--quiet", action="store_true", help="print only the summary")
    scan.add_argument("--fail-on-reject", action="store_true",
                      help="exit with status 1 when any comment is rejected")
    return parser


def _rules(args: argparse.Namespace) -> Rule:
    """The default rule, with the parameters given on the command line."""
    try:
        rule: Rule = MinSyllables(args.min_syllables)
        if args.max_syllables is not None:
            rule &= MaxSyllables(args.max_syllables)
        rule &= NoRepetition() & RequireDiacritics(args.strictness)
        rule &= NoLinks(allow=tuple(args.allow_domain), emails=not args.allow_emails)
        if args.no_phones:
            rule &= NoPhoneNumbers()
    except ValueError as error:
        raise _InputError(str(error)) from None
    return rule


# --- reading ---------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # strict; a BOM (Windows Notepad) is dropped
    except UnicodeDecodeError as error:
        raise _InputError(
            f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start});"
            " save it as UTF-8 and try again"
        ) from None


def _read(name: str) -> str:
    if name == "-":
        return _decode(sys.stdin.buffer.read(), "standard input")
    try:
        return _decode(Path(name).read_bytes(), name)
    except OSError as error:
        raise _InputError(f"cannot read {name}: {error.strerror or error}") from None


def _check_inputs(args: argparse.Namespace) -> list[_Comment]:
    if not args.texts and not args.file:
        raise _InputError("nothing to check: give a comment, '-' for standard input, or -f FILE")
    comments: list[_Comment] = []
    for text in args.texts:
        if text == "-":
            comments.append(_Comment("-", 1, _read("-").rstrip("\r\n")))
        else:
            comments.append(_Comment(None, 1, text))
    comments += [_Comment(name, 1, _read(name).rstrip("\r\n")) for name in args.file]
    return comments


def _format_of(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.path).suffix.lower()
    formats = {".txt": "txt", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
    if args.path == "-":
        return "txt"
    if suffix not in formats:
        raise _InputError(f"{args.path}: unknown file type {suffix or '(none)'!r}; use --format")
    return formats[suffix]


def _pick_column(available: Sequence[str], column: str | None, name: str) -> str:
    if column is not None:
        if column not in available:
            raise _InputError(f"{name}: no column {column!r}; it has {', '.join(available)}")
        return column
    if len(available) == 1:
        return available[0]
    for candidate in COMMENT_COLUMNS:
        if candidate in available:
            return candidate
    raise _InputError(f"{name}: which column holds the comments? use --column, one of "
                     f"{', '.join(available)}")


def _scan_inputs(args: argparse.Namespace) -> list[_Comment]:
    name, kind = args.path, _format_of(args)
    text = _read(name)
    if kind == "txt":
        lines = enumerate(text.splitlines(), 1)
        return [_Comment(name, n, line) for n, line in lines if line.strip()]
    if kind == "csv":
        return list(_csv_comments(text, name, args.column))
    return list(_jsonl_comments(text, name, args.column))


def _csv_comments(text: str, name: str, column: str | None) -> Iterator[_Comment]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return
        index = header.index(_pick_column(header, column, name))
        start = reader.line_num + 1
        for row in reader:
            if row:
                yield _Comment(name, start, row[index] if index < len(row) else "")
            start = reader.line_num + 1
    except csv.Error as error:
        raise _InputError(f"{name}, line {reader.line_num}: {error}") from None


def _jsonl_comments(text: str, name: str, column: str | None) -> Iterator[_Comment]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise _InputError(f"{name}, line {n}: not JSON ({error.msg})") from None
        if isinstance(record, dict):
            column = _pick_column(list(record), column, f"{name}, line {n}")
            record = record[column]
        if not isinstance(record, str):
            raise _InputError(f"{name}, line {n}: the comment is not a string")
        yield _Comment(name, n, record)


# --- showing ---------------------------------------------------------------------------------


def _marked_spans(report: Report) -> list[tuple[int, int]]:
    """The offending stretches of text, merged when only spaces separate them."""
    spans: list[tuple[int, int]] = []
    for violation in report.violations:
        if violation.span:
            spans.append(tuple(violation.span))  # type: ignore[arg-type]
        spans += [(int(s[0]), int(s[1])) for s in violation.params.get("spans", ())]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not report.text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(report: Report, color: bool) -> str:
    """The comment with its offending words underlined (on a terminal) or in ``[[ ]]``."""
    opening, closing = ("\x1b[4;31m", "\x1b[0m") if color else ("[[", "]]")
    text, out, at = report.text, [], 0
    for start, end in _marked_spans(report):
        out += [text[at:start], opening, text[start:end], closing]
        at = end
    out.append(text[at:])
    return "".join(out)


def _messages(report: Report) -> list[str]:
    # Each link's violation names every link, so identical sentences are printed once.
    return list(dict.fromkeys(f"{v.message} [{v.code}]" for v in report.violations))


def _print_check(comment: _Comment, report: Report, words: dict[str, str], color: bool) -> None:
    verdict = words["ok"] if report.ok else words["rejected"]
    where = {None: "", "-": " · stdin"}.get(comment.source, f" · {comment.source}")
    mark = "✓" if report.ok else "✗"
    print(f"{mark} {verdict} · {report.syllable_count} {words['syllables']}{where}")
    for line in _mark(report, color).splitlines() or [""]:
        print(f"    {line}")
    for message in _messages(report):
        print(f"  - {message}")


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.enabled = total > 0 and stream.isatty()
        self.shown = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.1 and done < self.total):
            return
        self.shown = now
        filled = 30 * done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _open_out(path: str) -> tuple[TextIO, str]:
    kind = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(Path(path).suffix.lower())
    if kind is None:
        raise _InputError(f"--out {path}: use a .csv or .jsonl file name")
    try:
        return open(path, "w", encoding="utf-8", newline=""), kind
    except OSError as error:
        raise _InputError(f"cannot write {path}: {error.strerror or error}") from None


def _print_summary(reports: list[Report], words: dict[str, str]) -> None:
    rejected = sum(not r.ok for r in reports)
    print(words["total"].format(total=len(reports), ok=len(reports) - rejected, rejected=rejected))
    by_code = Counter(code for r in reports for code in dict.fromkeys(r.codes))
    if not by_code:
        return
    width = max(len(words["code"]), *(len(c) for c in by_code))
    print(f"{words['code']:<{width}}  {words['count']:>12}  {words['share']:>6}")
    for code, n in sorted(by_code.items(), key=lambda item: (-item[1], item[0])):
        print(f"{code:<{width}}  {n:>12}  {n / len(reports):>6.0%}")


# --- commands --------------------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    rules, comments = _rules(args), _check_inputs(args)
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    words = _WORDS[args.lang]
    reports = [vncomment.validate(c.text, rules, locale=args.lang) for c in comments]
    for comment, report in zip(comments, reports, strict=True):
        if args.json:
            print(json.dumps(report.as_dict(), ensure_ascii=False, default=str))
        else:
            _print_check(comment, report, words, color)
    return 0 if all(reports) else 1


def _run_scan(args: argparse.Namespace) -> int:
    rules, comments = _rules(args), _scan_inputs(args)
    out, kind = _open_out(args.out) if args.out else (None, "")
    words = _WORDS[args.lang]
    progress = _Progress(len(comments), sys.stderr)
    reports = []
    for done, comment in enumerate(comments, 1):
        reports.append(vncomment.validate(comment.text, rules, locale=args.lang))
        progress.update(done)
    progress.close()

    if out is not None:
        with out:
            _write_results(out, kind, comments, reports)
    if not args.quiet:
        _print_table(comments, reports, words, sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    _print_summary(reports, words)
    return 1 if args.fail_on_reject and not all(reports) else 0


def _print_table(
    comments: list[_Comment], reports: list[Report], words: dict[str, str], color: bool
) -> None:
    line_w = max(len(words["line"]), *(len(str(c.line)) for c in comments)) if comments else 4
    verdict_w = max(len(words[k]) for k in ("ok", "rejected", "verdict"))
    count_w = len(words["syllables"])
    indent = " " * (line_w + verdict_w + count_w + 6)
    print(f"{words['line']:>{line_w}}  {words['verdict']:<{verdict_w}}  "
          f"{words['syllables']:>{count_w}}  {words['comment']}")
    for comment, report in zip(comments, reports, strict=True):
        verdict = words["ok"] if report.ok else words["rejected"]
        text = " ⏎ ".join(_mark(report, color).splitlines())
        print(f"{comment.line:>{line_w}}  {verdict:<{verdict_w}}  "
              f"{report.syllable_count:>{count_w}}  {text}")
        for message in _messages(report):
            print(f"{indent}↳ {message}")
    print()


def _write_results(out: TextIO, kind: str, comments: list[_Comment], reports: list[Report]) -> None:
    if kind == "jsonl":
        for comment, report in zip(comments, reports, strict=True):
            record: dict[str, Any] = {"line": comment.line, "comment": comment.text}
            record.update(report.as_dict())
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return
    writer = csv.writer(out)
    writer.writerow(["line", "ok", "syllable_count", "codes", "messages", "comment"])
    for comment, report in zip(comments, reports, strict=True):
        writer.writerow([
            comment.line,
            "true" if report.ok else "false",
            report.syllable_count,
            " ".join(report.codes),
            " ".join(dict.fromkeys(v.message for v in report.violations)),
            comment.text,
        ])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status (0 pass, 1 rejected, 2 usage or input error)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # Vietnamese whatever the locale says
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return _run_check(args) if args.command == "check" else _run_scan(args)
    except _InputError as error:
        print(f"vncomment: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) left: stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
