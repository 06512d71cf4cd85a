"""Reading comments and writing results: UTF-8 only, every problem an :class:`InputError`."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from vncomment.cli._base import InputError
from vncomment.report import Report

__all__ = ["COMMENT_COLUMNS", "Comment", "read_text"]

COMMENT_COLUMNS = ("comment", "text", "body", "content", "binh_luan", "noi_dung")
"""Field names ``scan`` looks for, in this order, when ``--column`` is not given."""


@dataclass(frozen=True)
class Comment:
    source: str | None  # a file name or "-", None for text given as an argument
    line: int
    text: str


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # strict; a BOM (Windows Notepad) is dropped
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start});"
            " save it as UTF-8 and try again"
        ) from None


def read_text(name: str) -> str:
    if name == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    try:
        return decode(Path(name).read_bytes(), name)
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None


def format_of(path: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(path).suffix.lower()
    formats = {".txt": "txt", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
    if path == "-":
        return "txt"
    if suffix not in formats:
        raise InputError(f"{path}: unknown file type {suffix or '(none)'!r}; use --format")
    return formats[suffix]


def pick_column(available: Sequence[str], column: str | None, name: str) -> str:
    if column is not None:
        if column not in available:
            raise InputError(f"{name}: no column {column!r}; it has {', '.join(available)}")
        return column
    if len(available) == 1:
        return available[0]
    for candidate in COMMENT_COLUMNS:
        if candidate in available:
            return candidate
    raise InputError(f"{name}: which column holds the comments? use --column, one of "
                     f"{', '.join(available)}")


def scan_inputs(path: str, kind: str, column: str | None) -> list[Comment]:
    text = read_text(path)
    if kind == "txt":
        lines = enumerate(text.splitlines(), 1)
        return [Comment(path, n, line) for n, line in lines if line.strip()]
    if kind == "csv":
        return list(_csv_comments(text, path, column))
    return list(_jsonl_comments(text, path, column))


def _csv_comments(text: str, name: str, column: str | None) -> Iterator[Comment]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return
        index = header.index(pick_column(header, column, name))
        start = reader.line_num + 1
        for row in reader:
            if row:
                yield Comment(name, start, row[index] if index < len(row) else "")
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(f"{name}, line {reader.line_num}: {error}") from None


def _jsonl_comments(text: str, name: str, column: str | None) -> Iterator[Comment]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}, line {n}: not JSON ({error.msg})") from None
        if isinstance(record, dict):
            column = pick_column(list(record), column, f"{name}, line {n}")
            record = record[column]
        if not isinstance(record, str):
            raise InputError(f"{name}, line {n}: the comment is not a string")
        yield Comment(name, n, record)


def open_out(path: str) -> tuple[TextIO, str]:
    kind = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(Path(path).suffix.lower())
    if kind is None:
        raise InputError(f"--out {path}: use a .csv or .jsonl file name")
    try:
        return open(path, "w", encoding="utf-8", newline=""), kind
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None


def write_results(out: TextIO, kind: str, comments: list[Comment], reports: list[Report]) -> None:
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
