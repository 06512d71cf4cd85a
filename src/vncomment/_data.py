"""Data files shipped with vncomment, loaded on first use."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def plain_table() -> tuple[dict[str, tuple[float, bool]], frozenset[str]]:
    """``data/plain_share.tsv``: plain syllable -> (share written plain, common English word),
    and the common English words that are not Vietnamese syllables."""
    shares: dict[str, tuple[float, bool]] = {}
    english: set[str] = set()
    in_shares = True
    for line in files("vncomment").joinpath("data/plain_share.tsv").read_text("utf-8").splitlines():
        if line == "## english":
            in_shares = False
        elif line and not line.startswith("#"):
            if in_shares:
                plain, share, is_english = line.split("\t")
                shares[plain] = (float(share), is_english == "1")
            else:
                english.add(line)
    return shares, frozenset(english)
