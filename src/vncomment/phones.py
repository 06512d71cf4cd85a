"""Find Vietnamese phone numbers in a comment.

Vietnamese numbers since the 2018 renumbering:

* mobile: 10 digits, ``03x 05x 07x 08x 09x`` (``0912 345 678``), also written ``+84 912 345
  678``, ``0084 912 345 678`` or ``84912345678`` (the leading 0 dropped after the country code);
* landline: 11 digits, ``02`` + area code (``024 3825 1234``, ``(028) 3829 1234``).

How a number is read
    The scanner reads *runs*: groups of digits joined by separators. A digit is any decimal
    digit (the analysis text has already folded full-width, mathematical, circled and keycap
    digits, see :mod:`vncomment._normalize`), a superscript or subscript digit (``⁰⁹¹²``), or the
    letter ``O``/``o`` inside a group that holds a real digit (``O912 345 678``: a word "o" is no
    digit). A separator is one or more spaces or tabs (at most three), optionally around one dot,
    middle dot or dash of any kind (``.`` ``·`` ``•`` ``-`` en dash, U+2010, minus: Unicode's
    ``Dash`` property and the middle dots of :func:`vncomment._confusables.middle_dots`), or a
    closing bracket after an area code or country code (``(028) 3829``, ``(+84) 912``).
    Invisible characters between digits are gone before the scan.

Which runs are numbers
    A phone number is a stretch of whole groups whose digits, in the national form, are a
    mobile or landline number. It must stand alone: a letter or digit glued to it
    (``1.000.000đ``, ``v0912345678``) makes it something else, except a word that announces a
    number (``Zalo0912345678``, ``sđt0912345678``). Written in short groups, it must not be the
    head or tail of a longer number: a neighbouring group of two to four digits that is not
    itself the start of another phone number (``0912 345 678 901``, a bank account) makes the
    whole a longer number. A number written as one block of digits is never part of another.
    So money (``1.000.000đ``), dates (``20.11.2023``), times (``08.30 - 09.45``), short codes
    (``mã 0912``) and long numbers are not phone numbers.

Linear time
    A run is matched by a possessive pattern with bounded separators; the groups of a run are
    weighed in Python, each phone candidate looking at most 13 digits ahead.

>>> scan_phone_numbers("Gọi 0912.345.678 hoặc +84 24 3825 1234, giá 1.000.000đ")
[(4, 16, '0912345678'), (22, 38, '02438251234')]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from vncomment._confusables import middle_dots
from vncomment._normalize import Normalized, normalize

__all__ = ["PhoneNumber", "find_phone_numbers", "scan_phone_numbers"]


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A phone number: ``span`` and ``text`` in the text as given, ``digits`` normalised
    to the national form (``0912345678``)."""

    span: tuple[int, int]
    text: str
    digits: str


# Words that announce a number and may be glued to it (Zalo0912345678, sđt0912345678).
_ANNOUNCE = r"(?i:zalo|sđt|sdt|đt|dt|tel|hotline|phone|call|lh)"
_DIGIT = r"\p{Nd}\p{Numeric_Type=Digit}"
# A group of digits: the letter O reads as zero only beside a real digit (O912, 09O2).
_GROUP = rf"[Oo]*+[{_DIGIT}][{_DIGIT}Oo]*+"
_MOBILE_SECOND_DIGIT = "35789"
_MAX_DIGITS = 13  # 0084 + 9: no phone number is longer
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}_]")


@cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    separator = (
        r"\)[ \t]{0,3}"  # (028) 3829, (+84) 912
        rf"|[ \t]{{0,3}}[.{middle_dots()}\p{{Dash}}][ \t]{{0,3}}"  # 0912.345, 0912 - 345, 0912·345
        r"|[ \t]{1,3}"  # 0912 345, double spaces, tabs
    )
    run = regex.compile(
        rf"(?:(?<={_ANNOUNCE})|(?<![\p{{L}}\p{{N}}_+.,\-]))"  # not glued, unless announced
        rf"(?P<lead>\(?\+?)(?:{_GROUP})(?:(?:{separator})(?:{_GROUP}))*+"
    )
    return run, regex.compile(_GROUP)


def _digits(group: str) -> str:
    """A group's digits in ASCII (the letter O is zero); ``#`` for a digit newer than the
    Unicode data of :mod:`unicodedata`, which no phone number holds."""
    return "".join("0" if c in "Oo" else str(unicodedata.digit(c, "#")) for c in group)


def _national(digits: str) -> str | None:
    """The national form of ``digits`` if they are a Vietnamese phone number."""
    if digits.startswith("0084"):
        rest = digits[4:].removeprefix("0")  # "0084 0912..." keeps a stray 0
    elif digits.startswith("84"):
        rest = digits[2:].removeprefix("0")  # "+84 0912..." keeps a stray 0
    elif digits.startswith("0") and not digits.startswith("00"):
        rest = digits[1:]
    else:
        return None
    national = "0" + rest
    if len(national) == 10 and national[1] in _MOBILE_SECOND_DIGIT:
        return national
    if len(national) == 11 and national.startswith("02"):
        return national
    return None


def _may_start(digits: str) -> bool:
    """Can a phone number start with ``digits``?"""
    return (
        digits.startswith(("84", "0084"))
        or "0084".startswith(digits)
        or (digits[:1] == "0" and digits[1:2] != "0")
    )


def _phone_at(groups: list[str], i: int, limit: int) -> tuple[int, str] | None:
    """The last group and national form of a phone number made of whole groups from ``i``
    (before ``limit``)."""
    digits = ""
    for j in range(i, limit):
        digits += groups[j]
        if "#" in digits or len(digits) > _MAX_DIGITS or not _may_start(digits):
            return None
        if national := _national(digits):
            return j, national
    return None


def _short(group: str) -> bool:
    return 2 <= len(group) <= 4


def scan_phone_numbers(text: str) -> list[tuple[int, int, str]]:
    """Phone numbers in an analysis text: ``(start, end, digits)``."""
    run_pattern, group_pattern = _patterns()
    found = []
    for run in run_pattern.finditer(text):
        if run.end() - run.start() < 10:  # too short to hold ten digits
            continue
        spans = [m.span() for m in group_pattern.finditer(text, run.start("lead"), run.end())]
        groups = [_digits(text[a:b]) for a, b in spans]
        usable = len(groups)
        after = run.end()
        if after < len(text) and _WORD_CHAR.match(text, after):
            usable -= 1  # glued to a letter: 1.000.000đ, 0912345678k
        i, previous_end = 0, -1
        while i < usable:
            phone = _phone_at(groups, i, usable)
            if phone is None:
                i += 1
                continue
            j, national = phone
            in_groups = j > i
            head = i > 0 and previous_end != i - 1 and _short(groups[i - 1])
            tail = j + 1 < len(groups) and _short(groups[j + 1])
            if tail and j + 1 < usable and _phone_at(groups, j + 1, usable) is not None:
                tail = False  # a list of numbers: 0912 345 678 0987 654 321
            if in_groups and (head or tail):
                i += 1
                continue
            start = run.start() if i == 0 else spans[i][0]
            found.append((start, spans[j][1], national))
            previous_end = j
            i = j + 1
    return found


def phone_numbers_in(norm: Normalized) -> list[PhoneNumber]:
    """The phone numbers of a normalised comment, with spans into its original text."""
    numbers = []
    for start, end, digits in scan_phone_numbers(norm.text):
        a, b = norm.span(start, end)
        numbers.append(PhoneNumber((a, b), norm.original[a:b], digits))
    return numbers


def find_phone_numbers(text: str) -> list[PhoneNumber]:
    """Every Vietnamese phone number in ``text``, with spans into ``text`` as given.

    >>> [p.digits for p in find_phone_numbers("Zalo: 0987-654-321")]
    ['0987654321']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_phone_numbers() takes a str, got {type(text).__name__}")
    return phone_numbers_in(normalize(text))
