"""``vncomment restore`` and ``vncomment train-restorer``: the diacritics restorer on the command
line (see :mod:`vncomment.restore`).

``restore`` prints each text with its marks restored: texts given as arguments, ``-`` (or no
argument when stdin is not a terminal) for standard input, ``-f FILE`` for a whole file; as in
``check``, a file is read only when named with ``-f``. ``train-restorer`` learns a model from a
site's own published comments (the formats ``scan`` reads: TXT, CSV, TSV, JSON Lines, Parquet,
streaming) and writes it where ``--out`` says, all at once: a failed run leaves no file.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from vncomment.cli._base import Command, InputError
from vncomment.cli._io import Reader, argument_text, format_of, open_reader, read_text
from vncomment.restore import Model, default_model, load, restore, train

__all__ = ["COMMANDS"]

_RESTORE_EPILOG = """\
examples:
  vncomment restore "Cam on ban rat nhieu"
  echo "Hom nay troi dep qua" | vncomment restore
  vncomment restore -f comment.txt --model site.model.gz

exit status: 0 done, 2 usage or input error (a missing or broken model, unreadable input)."""

_TRAIN_EPILOG = """\
examples:
  vncomment train-restorer comments.csv --column noi_dung -o site.model.gz
  vncomment train-restorer published.jsonl -o site.model.gz
  vncomment restore --model site.model.gz "Cam on ban rat nhieu"

Comments typed without marks are skipped: the model learns how your readers write with marks.
exit status: 0 written, 2 usage or input error (nothing written)."""


def _model(path: str | None) -> Model:
    if path is None:
        return default_model()
    try:
        return load(path)
    except ValueError as error:
        raise InputError(str(error)) from None


def _configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("texts", nargs="*", metavar="TEXT",
                        help="a text, or - for stdin (default: stdin when it is not a terminal)")
    parser.add_argument("-f", "--file", action="append", default=[], metavar="FILE",
                        help="restore the whole of FILE (repeatable)")
    parser.add_argument("--model", metavar="PATH",
                        help="a model written by train-restorer (default: the shipped one)")


def _run_restore(args: argparse.Namespace) -> int:
    texts: list[str] = []
    if not args.texts and not args.file:
        piped = "" if sys.stdin is None or sys.stdin.isatty() else read_text("-")
        if not piped:
            raise InputError("nothing to restore: give a text, '-' for standard input, "
                             "or -f FILE")
        texts.append(piped.rstrip("\r\n"))
    for position, text in enumerate(args.texts, 1):
        texts.append(read_text("-").rstrip("\r\n") if text == "-"
                     else argument_text(text, position))
    texts += [read_text(name).rstrip("\r\n") for name in args.file]
    model = _model(args.model)
    restored = [restore(text, model) for text in texts]  # all of it before printing anything
    try:
        for text in restored:
            print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return 0


def _configure_train(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="FILE",
                        help="published comments: .txt (one per line), .csv, .tsv, .jsonl, "
                             ".parquet, or - for lines on stdin")
    parser.add_argument("-o", "--out", required=True, metavar="PATH",
                        help="where to write the model (gzip text; load it with --model)")
    parser.add_argument("--column", metavar="NAME",
                        help="the field holding the comment (CSV, TSV, JSON Lines, Parquet)")
    parser.add_argument("--format", choices=("txt", "csv", "tsv", "jsonl", "parquet"),
                        help="the input format, when the file name does not say it")


def _texts(reader: Reader, counts: dict[str, int]) -> Iterator[str]:
    for comment in reader:
        if comment.problem is not None:
            counts["problems"] += 1
            continue
        counts["comments"] += 1
        yield comment.text


def _run_train(args: argparse.Namespace) -> int:
    # The model is written beside its target and renamed over it, which replaces whatever the
    # name held: so the target is the file a symbolic link points to (the link is kept), and
    # it must be a regular file or nothing (as root, "-o /dev/null" replaced the device).
    out = Path(os.path.realpath(args.out))
    if out.is_dir():
        raise InputError(f"--out {args.out} is a directory; give a file name")
    if out.exists() and not out.is_file():
        raise InputError(f"--out {args.out} is not a regular file; give a file name")
    reader = open_reader(args.input, format_of(args.input, args.format), args.column)
    counts = {"comments": 0, "problems": 0}
    source = "standard input" if args.input == "-" else Path(args.input).name
    try:
        model = train(_texts(reader, counts), header=[
            f"trained {datetime.date.today()} by vncomment train-restorer from {source}",
        ])
    finally:
        reader.close()
    if counts["comments"] == 0:
        raise InputError(f"{reader.name}: no comments to learn from")
    if len(model.vocab) <= 1:
        raise InputError(f"{reader.name}: no comment typed with marks to learn from")
    directory = out.parent if str(out.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=".vncomment-model-", dir=directory)
        os.close(fd)
        try:
            model.save(temp)
            os.replace(temp, out)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as error:
        raise InputError(f"cannot write {args.out}: {error.strerror or error}") from None
    skipped = f", {counts['problems']} records skipped" if counts["problems"] else ""
    print(f"learnt {len(model.vocab) - 1} syllable forms and {len(model.bigrams)} pairs from "
          f"{counts['comments']} comments{skipped}; wrote {args.out}", file=sys.stderr)
    return 0


COMMANDS = (
    Command(
        name="restore",
        help="print texts with the diacritics restored",
        description="Restore the marks of syllables typed without them; everything else is "
                    "printed as written. The arguments are texts ('-' reads standard input, as "
                    "does no argument when stdin is not a terminal); files only with -f.",
        epilog=_RESTORE_EPILOG,
        configure=_configure_restore,
        run=_run_restore,
    ),
    Command(
        name="train-restorer",
        help="learn a diacritics restorer from a site's own comments",
        description="Learn a restorer model from published comments, streaming, and write it "
                    "to --out (use it with 'vncomment restore --model', "
                    "RequireDiacritics(restorer=...) or 'vncomment serve --restorer').",
        epilog=_TRAIN_EPILOG,
        configure=_configure_train,
        run=_run_train,
    ),
)
