"""Read the evaluation corpus in ``../shared/corpus`` (never shipped with the project)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in _UNESCAPE:
            out.append(_UNESCAPE[pair])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def comments(name: str) -> Iterator[str]:
    """The ``text`` column of ``victsd`` or ``aivivn``, unescaped."""
    path = CORPUS / f"{name}.tsv"
    if not path.exists():
        sys.exit(f"{path} not found: the corpus lives in ../shared/corpus beside the project")
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield unescape(row["text"])
