"""Reading comments and writing verdicts, streaming: UTF-8 only, every problem said in one line.

Readers yield :class:`Comment` records one at a time, so a scan holds one row (plus the batch's
read-ahead) whatever the size of the file. Lines end at ``\\n`` (``\\r\\n`` too) and nowhere else:
U+001C, U+2028 and the other characters ``str.splitlines()`` also breaks on are text inside a
comment, so line numbers are the ones an editor shows.

A problem with the whole input (not UTF-8, not JSON, an unclosed quote, a lone surrogate, a
missing file or column) raises :class:`InputError`. A problem with one record (a CSV row without
the comment field, a JSON record whose field is missing or not text, a comment over
:data:`MAX_COMMENT_CHARS`) is that record's ``problem``: it is reported and the scan goes on.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import regex

from vncomment.cli._base import InputError
from vncomment.cli._show import json_line
from vncomment.report import Report

__all__ = [
    "COMMENT_COLUMNS",
    "FORMATS",
    "MAX_COMMENT_CHARS",
    "Comment",
    "Reader",
    "ResultWriter",
    "argument_text",
    "open_reader",
    "open_writer",
    "read_text",
]

COMMENT_COLUMNS = ("comment", "text", "body", "content", "binh_luan", "noi_dung")
"""Field names ``scan`` looks for, in this order, when ``--column`` is not given."""

FORMATS = {".txt": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

MAX_COMMENT_CHARS = 1_000_000
"""The longest comment ``scan`` judges. News sites cap comments at a few thousand characters;
a million-character "comment" in an export is a broken row or an attack, and is reported as such
(``problem``) instead of judged. The CSV reader's own field limit (131,072) is lifted so that
such a row cannot abort the scan."""

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_SURROGATE = regex.compile(r"[\ud800-\udfff]")

_PARQUET_HINT = "reading or writing Parquet needs pyarrow: pip install 'vncomment[parquet]'"


@dataclass(frozen=True)
class Comment:
    """One record of the input: the comment, where it is, or why it cannot be judged."""

    source: str | None  # a file name or "-", None for text given as an argument
    line: int  # the line where the record starts (Parquet: the row number), from 1
    text: str
    problem: str | None = None


# --- whole inputs (check) --------------------------------------------------------------------


def _not_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> InputError:
    return InputError(f"{name}: not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                      f"{error.start}); save it as UTF-8 and try again")


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # strict; a BOM (Windows Notepad) is dropped
    except UnicodeDecodeError as error:
        raise _not_utf8(data, error, name) from None


def read_text(name: str) -> str:
    """The whole of file ``name`` (``-``: standard input) as text."""
    if name == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    try:
        return decode(Path(name).read_bytes(), name)
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None


def argument_text(text: str, position: int) -> str:
    """A comment given as an argument, refused when it was not UTF-8 on the command line.

    Python keeps the bytes of an undecodable argument as lone surrogates (U+DC80-U+DCFF);
    printing them later would fail half-way through the output, so they are refused first.
    """
    found = _SURROGATE.search(text)
    if not found:
        return text
    what = f"a lone surrogate U+{ord(found.group()):04X}"
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the bytes the shell sent
        raw.decode("utf-8")
    except UnicodeEncodeError:
        pass  # a surrogate that stands for no byte: given from Python, not from a shell
    except UnicodeDecodeError as error:
        what = f"byte 0x{raw[error.start]:02x} at offset {error.start}"
    raise InputError(f"argument {position} is not UTF-8 text ({what}); "
                     "the shell or terminal must send UTF-8")


def _refuse_surrogate(text: str, where: str) -> str:
    found = _SURROGATE.search(text)
    if found:
        raise InputError(f"{where}: the comment holds a lone surrogate "
                         f"U+{ord(found.group()):04X}, which is not a character; "
                         "fix the export (it was probably cut inside an emoji)")
    return text


# --- readers (scan) --------------------------------------------------------------------------


def format_of(path: str, given: str | None) -> str:
    if given:
        return given
    if path == "-":
        return "txt"
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: unknown file type {suffix or '(none)'!r}; use --format")
    return FORMATS[suffix]


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


def _too_long(text: str) -> str | None:
    if len(text) > MAX_COMMENT_CHARS:
        return (f"the comment has {len(text):,} characters, over the {MAX_COMMENT_CHARS:,} "
                "this command judges")
    return None


class Reader:
    """The comments of one input, read lazily; ``unit`` names what ``Comment.line`` counts."""

    unit = "line"

    def __init__(self, path: str, column: str | None) -> None:
        self.path, self.column = path, column
        self.name = "standard input" if path == "-" else path
        self.size = 0  # bytes, when known
        self.stream: IO[bytes] = self._open()  # now: a missing file is an error before output

    def __iter__(self) -> Iterator[Comment]:
        raise NotImplementedError

    def fraction(self) -> float | None:
        """How much of the input has been read, from 0 to 1, when that can be known."""
        if not self.size:
            return None
        try:
            return min(1.0, self.stream.tell() / self.size)
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        if self.stream is not sys.stdin.buffer:
            self.stream.close()

    def _open(self) -> IO[bytes]:
        if self.path == "-":
            return sys.stdin.buffer
        try:
            stream = open(self.path, "rb")  # noqa: SIM115 - closed by close()
            self.size = os.fstat(stream.fileno()).st_size
        except OSError as error:
            raise InputError(f"cannot read {self.path}: {error.strerror or error}") from None
        return stream

    def lines(self) -> Iterator[tuple[int, str]]:
        """``(number, line)`` with its ending, split at ``\\n`` only, each decoded strictly."""
        number = 0
        try:
            for number, raw in enumerate(self.stream, 1):  # binary files split at b"\n" only
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    raise InputError(
                        f"{self.name}, line {number}: not UTF-8 text (byte "
                        f"0x{raw[error.start]:02x} at offset {error.start} of the line); "
                        "save it as UTF-8 and try again") from None
                yield number, line.removeprefix("\ufeff") if number == 1 else line
        except OSError as error:
            raise InputError(f"cannot read {self.name} after line {number}: "
                             f"{error.strerror or error}") from None


def _strip_ending(line: str) -> str:
    return line[:-2] if line.endswith("\r\n") else line.removesuffix("\n")


class TextReader(Reader):
    """One comment per line; blank lines are skipped."""

    def __init__(self, path: str, column: str | None) -> None:
        if column is not None:
            raise InputError(f"--column {column}: a text file has one comment per line and no "
                             "columns; give --format csv, tsv or jsonl if it has them")
        super().__init__(path, column)

    def __iter__(self) -> Iterator[Comment]:
        for number, line in self.lines():
            text = _strip_ending(line)
            if text.strip():
                yield Comment(self.path, number, text, _too_long(text))


class CsvReader(Reader):
    """A header row, then one record per row; a quoted field may span lines."""

    delimiter = ","

    def __iter__(self) -> Iterator[Comment]:
        reader = csv.reader(self._numbered(), delimiter=self.delimiter, strict=True)
        self._line = 0
        start = 1
        try:
            header = next(reader, None)
            if header is None:
                return
            column = pick_column(header, self.column, self.name)
            index = header.index(column)
            start = self._line + 1
            for row in reader:
                if not row:  # a blank line
                    start = self._line + 1
                    continue
                if index >= len(row):
                    yield Comment(self.path, start, "", f"the row has {len(row)} field"
                                  f"{'s' if len(row) != 1 else ''}, no {column!r} (field "
                                  f"{index + 1})")
                else:
                    yield Comment(self.path, start, row[index], _too_long(row[index]))
                start = self._line + 1
        except csv.Error as error:
            if "unexpected end of data" in str(error):
                raise InputError(f"{self.name}, line {start}: a quoted field opened in this "
                                 "record is never closed") from None
            raise InputError(f"{self.name}, line {self._line}: {error}") from None

    def _numbered(self) -> Iterator[str]:
        for number, line in self.lines():
            self._line = number
            yield line


class TsvReader(CsvReader):
    """Tab-separated values, quoted as spreadsheets and pandas write them."""

    delimiter = "\t"


class JsonLinesReader(Reader):
    """One JSON object per line, the comment in a field (or a bare JSON string per line)."""

    def __iter__(self) -> Iterator[Comment]:
        column = self.column
        for number, line in self.lines():
            if not line.strip():
                continue
            where = f"{self.name}, line {number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{where}: not JSON ({error.msg})") from None
            if isinstance(record, dict):
                if column is None:  # decided once, by the first record
                    column = pick_column(list(record), None, where)
                if column not in record:
                    yield Comment(self.path, number, "", f"no {column!r} field")
                    continue
                record = record[column]
            if not isinstance(record, str):
                kind = "null" if record is None else type(record).__name__
                yield Comment(self.path, number, "", f"the comment is {kind}, not text")
                continue
            yield Comment(self.path, number, _refuse_surrogate(record, where), _too_long(record))


class ParquetReader(Reader):
    """A Parquet file, read one row group batch at a time; ``line`` is the row number."""

    unit = "row"
    batch_rows = 4096

    def __init__(self, path: str, column: str | None) -> None:
        if path == "-":
            raise InputError("Parquet is read from a file, not from standard input")
        try:
            import pyarrow.parquet  # type: ignore[import-untyped]
        except ImportError:
            raise InputError(_PARQUET_HINT) from None
        super().__init__(path, column)
        try:
            self.file = pyarrow.parquet.ParquetFile(self.stream)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
        except Exception as error:  # pyarrow.ArrowInvalid and friends: not a Parquet file
            raise InputError(f"{path}: not a Parquet file ({error})") from None
        names = self.file.schema_arrow.names
        self.column_name = pick_column(names, column, path)
        kind = self.file.schema_arrow.field(self.column_name).type
        if not (pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind)):
            raise InputError(f"{path}: column {self.column_name!r} holds {kind}, not text")
        self.rows = self.file.metadata.num_rows
        self.done = 0

    def __iter__(self) -> Iterator[Comment]:
        try:
            for batch in self.file.iter_batches(batch_size=self.batch_rows,
                                                columns=[self.column_name]):
                for text in batch.column(0).to_pylist():
                    self.done += 1
                    if text is None:
                        yield Comment(self.path, self.done, "", "no comment (null)")
                    else:
                        yield Comment(self.path, self.done, text, _too_long(text))
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read {self.path} after row {self.done}: {error}") from None

    def fraction(self) -> float | None:
        return self.done / self.rows if self.rows else None

    def close(self) -> None:
        self.file.close()
        super().close()


_READERS: dict[str, type[Reader]] = {
    "txt": TextReader, "csv": CsvReader, "tsv": TsvReader, "jsonl": JsonLinesReader,
    "parquet": ParquetReader,
}


def open_reader(path: str, kind: str, column: str | None) -> Reader:
    return _READERS[kind](path, column)


# --- verdicts (scan --out) -------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP's CSV injection advice).

    Excel, LibreOffice and Google Sheets read a cell starting with one of ``= + - @``, a tab or
    a carriage return as a formula (``=HYPERLINK(...)``, ``@SUM(...)``); a leading apostrophe
    makes them show it as text, and it is what they themselves add.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _messages(report: Report) -> str:
    return " ".join(dict.fromkeys(v.message for v in report.violations))


class ResultWriter:
    """Verdicts written to a temporary file beside ``path``, renamed onto it by :meth:`commit`.

    Until then an earlier file at ``path`` is untouched: an interrupted or failed scan leaves
    the previous results whole. A path that is not a regular file (``/dev/stdout``, a pipe) is
    written directly.
    """

    suffixes: tuple[str, ...] = ()

    def __init__(self, path: str, unit: str) -> None:
        self.path, self.unit = path, unit
        target = Path(path)
        self.direct = target.exists() and not target.is_file()
        try:
            if self.direct:
                self.temp = path
                self.handle = open(path, "wb")  # noqa: SIM115 - closed by commit/discard
            else:
                fd, self.temp = tempfile.mkstemp(dir=target.parent or ".",
                                                 prefix=f".{target.name}.", suffix=".part")
                self.handle = os.fdopen(fd, "wb")
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}") from None
        self.start()

    def start(self) -> None:
        pass

    def write(self, comment: Comment, report: Report | None) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def failed(self, error: OSError) -> InputError:
        return InputError(f"cannot write {self.path}: {error.strerror or error}")

    def commit(self) -> None:
        try:
            self.finish()
            self.handle.close()
            if not self.direct:
                _set_default_mode(self.temp, self.path)
                os.replace(self.temp, self.path)
        except OSError as error:
            self.discard()
            raise self.failed(error) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # a full disk again; the file goes anyway
            self.handle.close()
        if not self.direct:
            Path(self.temp).unlink(missing_ok=True)


def _set_default_mode(temp: str, path: str) -> None:
    # mkstemp makes the file private (0600); give it the mode the old file had, or the mode a
    # new file gets under the user's umask.
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


class CsvWriter(ResultWriter):
    suffixes = (".csv",)

    def start(self) -> None:
        self.text = _Utf8(self.handle, self)
        self.csv = csv.writer(self.text)
        self._row([self.unit, "ok", "syllable_count", "codes", "messages", "comment", "problem"])

    def _row(self, cells: Iterable[Any]) -> None:
        self.csv.writerow([spreadsheet_safe(c) if isinstance(c, str) else c for c in cells])

    def write(self, comment: Comment, report: Report | None) -> None:
        if report is None:
            self._row([comment.line, "", "", "", "", comment.text, comment.problem])
        else:
            self._row([comment.line, "true" if report.ok else "false", report.syllable_count,
                       " ".join(report.codes), _messages(report), comment.text, ""])


class JsonLinesWriter(ResultWriter):
    suffixes = (".jsonl", ".ndjson")

    def start(self) -> None:
        self.text = _Utf8(self.handle, self)

    def write(self, comment: Comment, report: Report | None) -> None:
        record: dict[str, Any] = {self.unit: comment.line, "comment": comment.text}
        if report is None:
            record.update(ok=None, problem=comment.problem)
        else:
            record.update(report.as_dict())
        # Escaped like the terminal's JSON: a reader that splits at U+2028 or U+0085 too
        # (str.splitlines) still gets one record per line.
        self.text.write(json_line(record) + "\n")


class ParquetWriter(ResultWriter):
    suffixes = (".parquet", ".pq")
    batch_rows = 10_000

    def start(self) -> None:
        import pyarrow

        self.schema = pyarrow.schema([
            (self.unit, pyarrow.int64()), ("ok", pyarrow.bool_()),
            ("syllable_count", pyarrow.int32()), ("codes", pyarrow.string()),
            ("messages", pyarrow.string()), ("comment", pyarrow.string()),
            ("problem", pyarrow.string()),
        ])
        self.rows: dict[str, list[Any]] = {name: [] for name in self.schema.names}
        self.writer: Any = None

    def write(self, comment: Comment, report: Report | None) -> None:
        values = (
            [comment.line, None, None, None, None, comment.text, comment.problem]
            if report is None else
            [comment.line, report.ok, report.syllable_count, " ".join(report.codes),
             _messages(report), comment.text, None]
        )
        for name, value in zip(self.schema.names, values, strict=True):
            self.rows[name].append(value)
        if len(self.rows["ok"]) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow
        import pyarrow.parquet

        table = pyarrow.Table.from_pydict(self.rows, schema=self.schema)
        try:
            if self.writer is None:
                self.writer = pyarrow.parquet.ParquetWriter(self.handle, self.schema)
            self.writer.write_table(table)
        except OSError as error:
            raise self.failed(error) from None
        for column in self.rows.values():
            column.clear()

    def finish(self) -> None:
        if self.rows["ok"] or self.writer is None:
            self._flush()
        self.writer.close()


class _Utf8:
    """A text sink over the binary file that turns a failed write into an InputError."""

    def __init__(self, handle: IO[bytes], owner: ResultWriter) -> None:
        self.handle, self.owner = handle, owner

    def write(self, text: str) -> int:
        try:
            return self.handle.write(text.encode("utf-8"))
        except OSError as error:
            raise self.owner.failed(error) from None


_WRITERS: tuple[type[ResultWriter], ...] = (CsvWriter, JsonLinesWriter, ParquetWriter)


def open_writer(path: str, unit: str) -> ResultWriter:
    """The writer for ``--out path``, chosen by its extension; refused before any scan."""
    suffix = Path(path).suffix.lower()
    for kind in _WRITERS:
        if suffix in kind.suffixes:
            if kind is ParquetWriter:
                try:
                    import pyarrow.parquet  # noqa: F401
                except ImportError:
                    raise InputError(_PARQUET_HINT) from None
            return kind(path, unit)
    raise InputError(f"--out {path}: use a .csv, .jsonl or .parquet file name")
