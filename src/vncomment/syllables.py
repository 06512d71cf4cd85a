"""Vietnamese syllables by the spelling rules of the language.

A written syllable is ``onset + rhyme`` plus one of six tones. The onset is one of
``b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x`` or none; the rhyme is an
optional medial (o/u), a nucleus (a single vowel, a diphthong or a triphthong) and an optional
coda (``c ch m n ng nh p t``, or a final glide written i/y/o/u). The grammar below generates
the rhyme inventory from nuclei and the codas each one takes, and checks the spelling rules:

* ``k``, ``gh`` and ``ngh`` stand only before i, e, ê, y; ``c``, ``g`` and ``ng`` never do;
* ``gi`` + i is written once (``gì``, ``gìn``, ``giếng``), and ``qu`` carries the medial u
  (``quốc``, ``quyết``, ``quen``);
* a syllable ending in c, ch, p or t takes only sắc or nặng;
* the tone sits on any vowel of the rhyme, so old (hòa, thủy) and new (hoà, thuỷ) placement are
  both accepted; more than one tone mark is not a syllable.

The grammar is checked against every syllable of Debian's hunspell-vi dictionary, and their
old-placement variants, in ``tests/test_syllables.py``.

Text typed without marks is matched on the base letters: "viet" and "nguoi" are syllables (the
plain forms of "việt" and "người") and :func:`parse` says that they cannot be written without
marks. Marks may also be partly missing ("nguơi"), as in real typing slips.

>>> is_syllable("Việt"), is_syllable("nguoi"), is_syllable("ko"), is_syllable("chat")
(True, True, False, True)
>>> parse("hoà").tone == parse("hòa").tone == "huyền"
True
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

__all__ = [
    "BASE_LETTERS",
    "FRONT_VOWELS",
    "ONSETS",
    "RHYMES",
    "TONES",
    "TONE_MARKS",
    "Syllable",
    "is_syllable",
    "parse",
]

TONES = ("ngang", "huyền", "sắc", "hỏi", "ngã", "nặng")
# Combining tone marks -> tone number (the index in TONES)
TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
BASE_LETTERS = str.maketrans("ăâêôơưđ", "aaeooud")  # str.translate: each letter's base letter

ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip

_STOPS = ("c", "ch", "p", "t")
# Nucleus (with any medial and final glide) -> the codas it takes; "" is an open syllable.
_ALL = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
_NUCLEI: dict[str, tuple[str, ...]] = {
    "a": _ALL,
    "ă": ("c", "m", "n", "ng", "p", "t"),
    "â": ("c", "m", "n", "ng", "p", "t"),
    "e": ("", "c", "ch", "m", "n", "ng", "nh", "p", "t"),
    "ê": ("", "ch", "m", "n", "ng", "nh", "p", "t"),
    "i": ("", "ch", "m", "n", "nh", "p", "t"),
    "y": ("", "m", "n", "nh", "t"),
    "o": ("", "c", "m", "n", "ng", "p", "t"),
    "ô": ("", "c", "m", "n", "ng", "p", "t"),
    "ơ": ("", "c", "m", "n", "ng", "p", "t"),
    "u": ("", "c", "m", "n", "ng", "p", "t"),
    "ư": ("", "c", "m", "n", "ng", "p", "t"),
    "oo": ("c", "ng"),
    "ôô": ("c", "ng"),
    "iê": ("c", "m", "n", "ng", "p", "t"),
    "yê": ("c", "m", "n", "ng", "p", "t"),
    "uô": ("c", "m", "n", "ng", "p", "t"),
    "ươ": ("c", "m", "n", "ng", "p", "t"),
    # medial o / u
    "oa": _ALL,
    "oă": ("c", "m", "n", "ng", "p", "t"),
    "oe": ("", "c", "m", "n", "ng", "p", "t"),
    "uâ": ("c", "n", "ng", "t"),
    "uê": ("", "ch", "n", "nh", "t"),
    "uy": ("", "ch", "n", "nh", "p", "t"),
    "uyê": ("n", "t"),
    "uơ": ("",),
    # open rhymes ending in a glide
    **dict.fromkeys(
        "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi "
        "uya uyu ươi ươu".split(),
        ("",),
    ),
}
RHYMES: frozenset[str] = frozenset(n + c for n, codas in _NUCLEI.items() for c in codas)
FRONT_VOWELS = ("i", "e", "ê", "y")  # after k, gh, ngh only; never after c, g, ng


def _base(s: str) -> str:
    return s.translate(BASE_LETTERS)


# Plain spelling of a rhyme -> every marked rhyme it may stand for ("uoi" -> uôi, ươi).
_BY_BASE: dict[str, tuple[str, ...]] = {}
for _r in sorted(RHYMES):
    _BY_BASE[_base(_r)] = (*_BY_BASE.get(_base(_r), ()), _r)


@dataclass(frozen=True, slots=True)
class Syllable:
    """A word parsed as a Vietnamese syllable.

    ``onset`` and ``rhyme`` are lowercase and toneless, as typed; ``rhymes`` lists the full
    spellings from the inventory that the typed rhyme may stand for ("uoi" -> uôi, ươi).
    ``marked`` is true when the word differs from its ``unidecode`` form: it has a diacritic
    (a tone, a vowel mark, or đ).
    ``plain_ok`` is true when the word with every mark removed is still correctly written
    Vietnamese ("cho", "con"), false when Vietnamese spelling only allows it with marks
    ("viet": a stop coda needs sắc or nặng; "nguoi": there is no unmarked rhyme uoi).
    """

    onset: str
    rhyme: str
    tone: str
    marked: bool
    plain_ok: bool
    rhymes: tuple[str, ...]


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâêôơưđ")


@lru_cache(maxsize=1 << 16)
def _letters(word: str) -> tuple[str, int] | None:
    """Lowercase ``word`` without its tone mark, and the tone index; None if not letters."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        t = TONE_MARKS.get(ch)
        if t is None:
            kept.append(ch)
        elif tone:
            return None  # two tone marks
        else:
            tone = t
    toneless = unicodedata.normalize("NFC", "".join(kept))
    if not toneless or not _LETTERS.issuperset(toneless):
        return None
    return toneless, tone


def _rhyme_matches(typed: str) -> tuple[str, ...]:
    """The inventory rhymes that ``typed`` spells, allowing any vowel mark to be missing."""
    return tuple(
        rhyme
        for rhyme in _BY_BASE.get(_base(typed), ())
        if all(t in (r, _base(r)) for t, r in zip(typed, rhyme, strict=True))
    )


def _rhymes_after(onset: str, rest: str) -> tuple[str, ...]:
    if not rest and onset != "gi":  # only gi + i is written with the i left out (gì)
        return ()
    if onset == "qu":
        # qu carries the medial: quốc = q+uôc, quen = q+oen, quyết = q+uyêt; quít, quạu, quều
        medial = (*_rhyme_matches("u" + rest), *_rhyme_matches("o" + rest))
        return medial or tuple(r for r in _rhyme_matches(rest) if r[0] in "aăâeêiy")
    if onset == "gi":
        return _rhyme_matches(rest) or _rhyme_matches("i" + rest)  # gì, gìn, giếng
    found = _rhyme_matches(rest)
    if onset in ("k", "gh", "ngh"):
        return tuple(r for r in found if r.startswith(FRONT_VOWELS))
    if onset in ("c", "g", "ng"):
        return tuple(r for r in found if not r.startswith(FRONT_VOWELS))
    if onset:
        return tuple(r for r in found if not r.startswith("yê"))
    return found


@lru_cache(maxsize=1 << 16)
def parse(word: str) -> Syllable | None:
    """Parse ``word`` (one token, any case, NFC or NFD) as a Vietnamese syllable, or None.

    >>> parse("Người")
    Syllable(onset='ng', rhyme='ươi', tone='huyền', marked=True, plain_ok=False, rhymes=('ươi',))
    >>> parse("viet").plain_ok, parse("cho").plain_ok
    (False, True)
    >>> parse("hòc") is None  # a stop coda takes only sắc or nặng
    True
    """
    letters = _letters(word)
    if letters is None:
        return None
    toneless, tone = letters
    stop = _base(toneless).endswith(_STOPS)
    if tone not in (0, 2, 5) and stop:
        return None
    for onset in ONSETS:
        if not toneless.startswith(onset):
            continue
        rest = toneless[len(onset) :]
        rhymes = _rhymes_after(onset, rest)
        if rhymes:
            plain = _rhymes_after(_base(onset), _base(rest))
            return Syllable(
                onset=onset,
                rhyme=rest,
                tone=TONES[tone],
                marked=unidecode(word) != word,  # any tone, vowel mark or đ
                plain_ok=not stop and any(r == _base(r) for r in plain),
                rhymes=rhymes,
            )
    return None


def is_syllable(word: str) -> bool:
    """True when ``word`` is written like a Vietnamese syllable, with or without marks."""
    return parse(word) is not None
