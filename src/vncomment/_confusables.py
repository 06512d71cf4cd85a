"""Characters that a reader takes for ASCII letters, digits or a full stop (UTS #39 data).

``data/confusables.tsv`` (built by ``scripts/build_confusables.py`` from Unicode's
``confusables.txt``) lists about 1,500 single characters, each with the ASCII character it
reads as and one of three kinds:

``styled``
    styled forms of Latin letters and digits that carry no text of their own: small capitals
    (``ᴄ``), dotless ``ı``, modifier letters (``ᵏ``), letterlike and mathematical letters
    (``ℯ 𝓴 𝕜``), Roman numerals (``ⅽ``), circled and outlined letters. Nobody writes a sentence
    in them except to dress up (or hide) Latin text, so :func:`vncomment._normalize.normalize`
    folds them everywhere.
``script``
    letters of other scripts that look like Latin ones (Cyrillic ``а``, Greek ``ο``, Armenian
    ``օ``, Lisu ``ꓮ``, Cherokee ``Ꭺ`` ...). A Russian or Armenian sentence is ordinary text:
    folding it would turn ``Москва`` into ``MockBa`` and invent words, so these are folded
    only where a link is being read (a label of a domain candidate), with ``scripts=True``.
``dot``
    punctuation that looks like a full stop (``․ ꘎ ܁``), folded everywhere.
``middot``
    the middle dot and what looks like it (``· • ‧ ∙ ⋅ ・``): not folded (a bullet starts a
    list item), but :func:`middle_dots` lists them for scanners that read them as separators.

The table is read on first use, not on import.

>>> fold_lookalikes("𝓴𝓲𝓮𝓶 ᴛɪᴇɴ ⅽօm")
'kiem tien cօm'
>>> fold_lookalikes("ⅽօm", scripts=True)
'com'
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["fold_lookalikes", "lookalike_table", "middle_dots", "styled_table"]

_KINDS = ("styled", "script", "dot", "middot")


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("vncomment").joinpath("data/confusables.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, reading, kind = line.split("\t")
            if kind not in _KINDS:
                raise ValueError(f"confusables.tsv: unknown kind {kind!r} for U+{code}")
            rows.append((chr(int(code, 16)), reading, kind))
    return tuple(rows)


@cache
def styled_table() -> dict[int, str]:
    """A :meth:`str.translate` table of the characters folded everywhere (styled letters and
    digits, full-stop look-alikes)."""
    return {ord(char): reading for char, reading, kind in _rows() if kind in ("styled", "dot")}


@cache
def lookalike_table() -> dict[int, str]:
    """A :meth:`str.translate` table of every look-alike, letters of other scripts included:
    for reading the labels of a web address."""
    return {ord(char): reading for char, reading, kind in _rows() if kind != "middot"}


@cache
def middle_dots() -> str:
    """The middle dot U+00B7 and every character that looks like it (``• ‧ ∙ ⋅ ・``)."""
    return "".join(char for char, _, kind in _rows() if kind == "middot")


def fold_lookalikes(text: str, *, scripts: bool = False) -> str:
    """``text`` with each look-alike character replaced by the ASCII character it reads as;
    with ``scripts=True`` also the Latin-looking letters of other scripts."""
    return text.translate(lookalike_table() if scripts else styled_table())
