"""Letters of other scripts that read as Latin in a link (``gооgle.vn`` with Cyrillic ``о``).

A label written in Cyrillic or Greek alone is a real internationalised name (``пример.рф``);
a label mixing them with Latin letters is a disguise, since no registry sells one (ICANN's IDN
guidelines forbid mixing scripts in a label). The folding reads such a label as Latin so that
its ending is recognised and its ``url`` shows the site it imitates.
"""

from __future__ import annotations

import regex

from vncomment._confusables import lookalike_table

# Letters of other scripts that look like Latin ones (Cyrillic а, Greek ο, Armenian օ, Lisu ꓮ,
# Cherokee Ꭺ ...): Unicode's confusables data (UTS #39), see vncomment._confusables.
_CYRILLIC_GREEK = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_LATIN = regex.compile(r"\p{Latin}")


def fold(label: str) -> str:
    """``label`` in lowercase with look-alike letters read as Latin."""
    table = lookalike_table()
    return label.translate(table).lower().translate(table)


def mixed_script(label: str) -> bool:
    """Does ``label`` mix Latin with Cyrillic or Greek letters, or with letters of another
    script that look Latin (a look-alike disguise)?"""
    if _LATIN.search(label) is None:
        return False
    table = lookalike_table()
    return _CYRILLIC_GREEK.search(label) is not None or any(
        ord(c) in table and not c.isascii() and _LATIN.match(c) is None for c in label
    )


def lookalikes_of(letter: str) -> str:
    """``letter`` and every character the folding reads as it, in both cases."""
    targets = {letter.lower(), letter.upper()}
    return "".join(sorted(targets | {chr(k) for k, v in lookalike_table().items() if v in targets}))
