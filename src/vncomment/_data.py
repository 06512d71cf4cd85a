"""Data files shipped with vncomment, loaded on first use."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def plain_table() -> tuple[dict[str, tuple[float, bool]], frozenset[str]]:
    """``data/plain_share.tsv``: plain syllable -> (share written plain, common English word),
    and the English words that must not be read as Telex/VIQR."""
    shares: dict[str, tuple[float, bool]] = {}
    not_typed: set[str] = set()
    in_shares = True
    for line in files("vncomment").joinpath("data/plain_share.tsv").read_text("utf-8").splitlines():
        if line == "## not-typed":
            in_shares = False
        elif line and not line.startswith("#"):
            if in_shares:
                plain, share, english = line.split("\t")
                shares[plain] = (float(share), english == "1")
            else:
                not_typed.add(line)
    return shares, frozenset(not_typed)
