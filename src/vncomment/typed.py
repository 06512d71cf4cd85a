"""Syllables typed in an input-method spelling instead of with marks: Telex, VIQR and VNI.

Without a working Vietnamese keyboard some readers type the keystrokes themselves: Telex
("Vieetj Nam", "nguowif", "ddi"), VIQR ("Vie^.t Nam", "ddi") or VNI, where digits are the marks
("Vie65t Nam", "To6i", "d9i", "d9u7o7c5": 1-5 the tones sắc huyền hỏi ngã nặng, 6 the
circumflex, 7 the horn, 8 the breve, 9 đ). A reader sees Vietnamese typed without diacritics,
so the analysis counts these as syllables and the diacritics rule as unmarked.

A word is decoded only when it is not already a syllable, carries an input-method signal (a
doubled vowel, w, dd, a final tone letter, a VIQR mark after a vowel, or a VNI digit after a
letter) and decodes to exactly one valid syllable; common English words that happen to decode
("been" -> bên, "its" -> ít) are listed in the data file and left alone. A VNI word starts with
a letter, so numbers, times and prices ("5h30", "2k3", "4G", "3.5") are never read as VNI, and
its digits must make one syllable: "iPhone15" and "U23" (two tones) or "Top10" (0 is no key)
are not. One keystroke alone ("A4", "Top1", "hix") is as often a paper size, a model or a chat
word as a mark: the analysis reads it as a keystroke only in a comment where some word shows
two (see :func:`strong_keystrokes`).

>>> decode_typed("Vieetj"), decode_typed("nguowif"), decode_typed("ddi"), decode_typed("hello")
('Việt', 'người', 'đi', None)
>>> decode_typed("Vie^.t")
'Việt'
>>> decode_vni("Vie65t"), decode_vni("To6i"), decode_vni("d9u7o7c5"), decode_vni("iPhone15")
('Việt', 'Tôi', 'được', None)
"""

from __future__ import annotations

import unicodedata

import regex

from vncomment.syllables import parse

__all__ = ["VIQR_WORD", "decode_typed", "decode_vni", "strong_keystrokes"]

_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
_VIQR_SHAPES = {"^": "\u0302", "(": "\u0306", "+": "\u031b"}
_VOWELS = "aeiouy"
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
# VNI shape keys: the letters each marks (the nearest one before the key) and the mark.
_VNI_SHAPES = {"6": ("aeo", "\u0302"), "7": ("ou", "\u031b"), "8": ("a", "\u0306")}
# Letters, then digits 1-9 among letters: a word that starts with a digit is a number.
_VNI_WORD = regex.compile(r"[A-Za-z]{1,7}(?:[1-9]{1,3}[A-Za-z]{0,6}){1,6}")
_TELEX_SIGNAL = regex.compile(r"aa|ee|oo|w|^dd|[sfrxj]$", regex.IGNORECASE)
# A VIQR mark that is not sentence punctuation: one of ^ ( + ' ` ~, or any mark inside a word.
# Bounded to one syllable's length so that scanning stays linear on any input.
VIQR_WORD = regex.compile(
    r"(?>[A-Za-z]{1,8}(?:[\^(+'`?~.]{1,3}[A-Za-z]{1,8}){1,3}|[A-Za-z]{0,7}[aeiouyAEIOUY][\^(+'`~]{1,3})"
    r"(?![\p{L}\p{M}\p{N}])"
)


def _place_tone(letters: str, tone: str) -> str:
    """Put the tone where Vietnamese writes it: on the vowel with a shape mark (the last one:
    người), else the last vowel before a coda (tiến), else the first of two (hòa, mía) or the
    middle of three (ngoài, khuỷu). "gi" and "qu" belong to the onset."""
    if not tone:
        return letters
    lower = letters.lower()
    vowels = [i for i, c in enumerate(lower) if unicodedata.normalize("NFD", c)[0] in _VOWELS]
    if lower.startswith(("gi", "qu")) and len(vowels) > 1 and vowels[0] == 1:
        vowels = vowels[1:]
    if not vowels:
        return letters
    shaped = [i for i in vowels if lower[i] in "ăâêôơư"]
    if shaped:
        at = shaped[-1]
    elif len(vowels) == 1 or vowels[-1] < len(lower) - 1:
        at = vowels[-1]
    else:
        at = vowels[0] if len(vowels) == 2 else vowels[1]
    return unicodedata.normalize("NFC", letters[: at + 1] + tone + letters[at + 1 :])


def _telex(word: str) -> str | None:
    tone = ""
    if len(word) > 1 and word[-1].lower() in _TELEX_TONES:
        tone, word = _TELEX_TONES[word[-1].lower()], word[:-1]
    if word[:2].lower() == "dd":
        word = ("Đ" if word[0].isupper() else "đ") + word[2:]
    for double, shaped in (("aa", "â"), ("ee", "ê"), ("oo", "ô")):
        i = word.lower().find(double)
        if i >= 0:
            word = word[:i] + (shaped.upper() if word[i].isupper() else shaped) + word[i + 2 :]
    while "w" in word.lower():
        i = word.lower().index("w")
        word = word[:i] + word[i + 1 :]
        head = word[:i].lower()
        # w marks the last a/o/u before it; "uo" takes the horn on both (ươ)
        j = max(head.rfind("a"), head.rfind("o"), head.rfind("u"))
        if j < 0:
            if i == 0 and word[:1].lower() in ("", "u"):
                word = "ư" + word[1:] if word[:1] else "ư"
                continue
            return None
        if head[j] == "o" and j > 0 and head[j - 1] == "u":
            word = word[: j - 1] + "ươ" + word[j + 1 :]
        else:
            word = word[:j] + {"a": "ă", "o": "ơ", "u": "ư"}[head[j]] + word[j + 1 :]
    return _place_tone(word, tone)


def _viqr(word: str) -> str | None:
    out: list[str] = []
    for ch in word:
        mark = _VIQR_SHAPES.get(ch) or _VIQR_TONES.get(ch)
        if mark is None:
            out.append(ch)
        elif out and unicodedata.normalize("NFD", out[-1])[0].lower() in _VOWELS:
            out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
        else:
            return None
    text = "".join(out)
    if text[:2].lower() == "dd":
        text = ("Đ" if text[0].isupper() else "đ") + text[2:]
    return text


def decode_vni(word: str) -> str | None:
    """The syllable that ``word`` spells in VNI, or None (see the module docstring)."""
    if not _VNI_WORD.fullmatch(word):
        return None
    letters: list[str] = []
    tone = ""
    shaped: set[int] = set()
    for ch in word:
        if ch.isalpha():
            letters.append(ch)
        elif ch in _VNI_TONES:
            if tone:
                return None  # two tones: a code or a model ("U23", "iPhone15")
            tone = _VNI_TONES[ch]
        elif ch in _VNI_SHAPES:
            targets, mark = _VNI_SHAPES[ch]
            at = next(
                (i for i in range(len(letters) - 1, -1, -1)
                 if letters[i].lower() in targets and i not in shaped),
                None,
            )  # fmt: skip
            if at is None:
                return None
            letters[at] = unicodedata.normalize("NFC", letters[at] + mark)
            shaped.add(at)
        elif ch == "9" and letters and letters[0] in "dD" and 0 not in shaped:
            letters[0] = "Đ" if letters[0] == "D" else "đ"
            shaped.add(0)
        else:
            return None
    decoded = _place_tone("".join(letters), tone)
    syllable = parse(decoded)
    return decoded if syllable is not None and syllable.marked else None


def strong_keystrokes(word: str) -> bool:
    """Does ``word`` show an input method beyond doubt: Telex ``dd`` or two Telex keystrokes
    ("Vieetj"), or two VNI keys or ``d9`` ("Vie65t", "d9i")? One alone ("hix", "A4") is as
    often a chat word, a name, a brand or a model.

    >>> strong_keystrokes("Vie65t"), strong_keystrokes("d9i"), strong_keystrokes("A4")
    (True, True, False)
    """
    digits = sum(c.isdigit() for c in word)
    if digits:
        return digits >= 2 or word[:2].lower() == "d9"
    return _strong_telex(word)


def _strong_telex(word: str) -> bool:
    """Does ``word`` show Telex beyond doubt: ``dd``, or two keystrokes ("Vieetj": ee and j)?
    One keystroke alone ("hix", "Noo", "Lux") is as often a chat word, a name or a brand.

    >>> _strong_telex("Vieetj"), _strong_telex("ddi"), _strong_telex("Noo"), _strong_telex("hix")
    (True, True, False, False)
    """
    low = word.lower()
    return low.startswith("dd") or len(_TELEX_SIGNAL.findall(low)) >= 2


def decode_typed(word: str, not_typed: frozenset[str] = frozenset()) -> str | None:
    """The syllable that ``word`` spells in Telex or VIQR, or None.

    ``not_typed`` holds lowercase words never to decode (common English words).
    """
    if not word.isascii() or word.lower() in not_typed:
        return None
    # "oo" spells a rare rhyme (xoong, boong) but is far more often Telex ô (khoong = không)
    if parse(word) is not None and "oo" not in word.lower():
        return None
    if VIQR_WORD.fullmatch(word):
        decoded = _viqr(word)
    elif word.isalpha() and _TELEX_SIGNAL.search(word):
        decoded = _telex(word)
    else:
        return None
    if decoded is None or decoded == word:
        return None
    syllable = parse(decoded)
    return decoded if syllable is not None and syllable.marked else None
