"""The marked spellings a syllable typed without marks may stand for, from the syllable grammar.

Every vowel letter may take the vowel marks Vietnamese writes on it (a: ă â; e: ê; o: ô ơ;
u: ư), a leading d may be đ, and one tone goes on the vowel that carries a vowel mark (the last
one: người, quốc) or, in a rhyme without one, on any vowel of the rhyme; of these spellings the
ones :func:`vncomment.syllables.parse` accepts as complete syllables (every vowel mark its rhyme
needs: "người", not "nguơi") are the candidates. Both tone placements (hòa, hoà) are kept: which
one a reader meant is for the model to say.

>>> sorted(candidates("viet"))
['viết', 'việt']
>>> len(candidates("ma")), "mà" in candidates("ma"), "mã" in candidates("ma")
(6, True, True)
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

from vncomment.syllables import TONE_MARKS, parse

__all__ = ["candidates"]

_SHAPES = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "i": "i", "y": "y"}
_STOPS = ("c", "ch", "p", "t")


def _complete(word: str) -> bool:
    """Is ``word`` a syllable with every vowel mark its rhyme needs?"""
    syllable = parse(word)
    if syllable is None:
        return False
    if syllable.tone == "ngang" and word.endswith(_STOPS):
        return False  # a stop coda takes sắc or nặng: "viêt" is no syllable
    rest = syllable.rhyme
    if syllable.onset == "qu":
        spelled = {"u" + rest, "o" + rest, rest}
    elif syllable.onset == "gi":
        spelled = {rest, "i" + rest}
    else:
        spelled = {rest}
    return any(r in spelled for r in syllable.rhymes)


@lru_cache(maxsize=1 << 14)
def candidates(plain: str) -> tuple[str, ...]:
    """Every complete syllable spelled ``plain`` (lowercase ASCII) with marks, the unmarked
    spelling included when it is itself a syllable; lowercase NFC, in no particular order."""
    if not plain.isascii() or not plain.isalpha() or len(plain) > 7:
        return ()
    options = []
    for i, ch in enumerate(plain):
        if ch == "d" and i == 0:
            options.append("dđ")
        else:
            options.append(_SHAPES.get(ch, ch))
    vowels = [i for i, ch in enumerate(plain) if ch in _SHAPES]
    if plain.startswith(("qu", "gi")) and len(vowels) > 1 and vowels[0] == 1:
        vowels = vowels[1:]  # the u of qu and the i of gi belong to the onset
    found: list[str] = []
    for letters in itertools.product(*options):
        shaped = "".join(letters)
        spellings = [shaped]
        marked = [i for i in vowels if shaped[i] not in _SHAPES]
        for i in marked[-1:] or vowels:
            for tone in TONE_MARKS:
                spellings.append(
                    unicodedata.normalize("NFC", shaped[: i + 1] + tone + shaped[i + 1 :])
                )
        found.extend(s for s in spellings if _complete(s))
    return tuple(dict.fromkeys(found))
