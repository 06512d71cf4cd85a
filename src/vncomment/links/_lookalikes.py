"""Letters of other scripts that read as Latin in a link (``gооgle.vn`` with Cyrillic ``о``).

A label written in Cyrillic or Greek alone is a real internationalised name (``пример.рф``);
a label mixing them with Latin letters is a disguise, since no registry sells one (ICANN's IDN
guidelines forbid mixing scripts in a label). The folding reads such a label as Latin so that
its ending is recognised and its ``url`` shows the site it imitates.
"""

from __future__ import annotations

import regex

# Cyrillic and Greek letters that look like Latin ones (lower and upper case).
_TO_LATIN = str.maketrans(
    "аеорсухіјѕԁӏкмнтвαοριυνκτχεАВЕКМНОРСТХУІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlkmhtbaopiuvktxeABEKMHOPCTXYIJSABEZHIKMNOPTYX",
)
_CYRILLIC_GREEK = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_LATIN = regex.compile(r"\p{Latin}")


def fold(label: str) -> str:
    """``label`` in lowercase with look-alike letters read as Latin."""
    return label.lower().translate(_TO_LATIN)


def mixed_script(label: str) -> bool:
    """Does ``label`` mix Latin with Cyrillic or Greek letters (a look-alike disguise)?"""
    return _CYRILLIC_GREEK.search(label) is not None and _LATIN.search(label) is not None


def lookalikes_of(letter: str) -> str:
    """``letter`` and every character the folding reads as it, in both cases."""
    targets = {letter.lower(), letter.upper()}
    return "".join(sorted(targets | {chr(k) for k, v in _TO_LATIN.items() if chr(v) in targets}))
