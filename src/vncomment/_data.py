"""The data tables shipped with vncomment, by name, each read from its file on first use.

Nothing is read at import: ``import vncomment`` stays cheap, and a process that never judges a
comment never reads a table. Each file names its source, version and licence in its header and
is rebuilt by a script in ``scripts/``.

* :func:`plain_shares`: plain syllable -> (share of its occurrences written plain in real
  Vietnamese text, is a common English word); ``data/plain_share.tsv``,
  ``scripts/build_plain_share.py`` (wordfreq);
* :func:`english_words`: common English words that are not Vietnamese syllables, never read as
  Telex; the same file, after its ``## english`` line;
* :func:`tlds`: IANA's top-level domains; ``data/tlds.txt``, ``scripts/refresh_tlds.py``.
"""

from __future__ import annotations

from functools import cache


def _read(name: str) -> list[str]:
    """The lines of ``data/<name>`` that are not blank or comments (``#``)."""
    from importlib.resources import files  # only when a table is first read: it imports a lot

    text = files("vncomment").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("# ")]


@cache
def _plain_share_file() -> tuple[dict[str, tuple[float, bool]], frozenset[str]]:
    shares: dict[str, tuple[float, bool]] = {}
    lines = _read("plain_share.tsv")
    split = lines.index("## english")
    for line in lines[:split]:
        plain, share, is_english = line.split("\t")
        shares[plain] = (float(share), is_english == "1")
    return shares, frozenset(lines[split + 1 :])


def plain_shares() -> dict[str, tuple[float, bool]]:
    """Plain syllable -> (share written plain, 0-1 or -1 when unknown; common English word)."""
    return _plain_share_file()[0]


def english_words() -> frozenset[str]:
    """Common English words (lowercase) that are not Vietnamese syllables."""
    return _plain_share_file()[1]


@cache
def tlds() -> frozenset[str]:
    """IANA's top-level domains, lowercase, with the Unicode form after each punycode one."""
    return frozenset(_read("tlds.txt"))


def plain_table() -> tuple[dict[str, tuple[float, bool]], frozenset[str]]:
    """``(plain_shares(), english_words())``; kept for code written against the old name."""
    return _plain_share_file()
