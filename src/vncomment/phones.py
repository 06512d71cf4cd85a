"""Find Vietnamese phone numbers in a comment.

Vietnamese numbers since the 2018 renumbering:

* mobile: 10 digits, ``03x 05x 07x 08x 09x`` (``0912 345 678``), also written ``+84 912 345
  678`` or ``84912345678`` (the leading 0 dropped after the country code);
* landline: 11 digits, ``02`` + area code (``024 3825 1234``).

Digits may be grouped with single spaces, dots or dashes, and a landline's area code put in
brackets (``(028) 3829 1234``). A number must stand alone: digits or letters glued to either end
(``1.000.000đ``, ``20.11.2023``, ``v0912345678``) make it something else, except a word that
announces it (``Zalo0912345678``, ``sđt0912345678``); and money and dates never start with 0
+ a mobile or landline prefix and the right count of digits. The pattern is bounded (at most 11
digits and one separator between two), so the scan is linear in the text.

>>> scan_phone_numbers("Gọi 0912.345.678 hoặc +84 24 3825 1234, giá 1.000.000đ")
[(4, 16, '0912345678'), (22, 38, '02438251234')]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from vncomment._normalize import Normalized, normalize

__all__ = ["PhoneNumber", "find_phone_numbers", "scan_phone_numbers"]


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    """A phone number: ``span`` and ``text`` in the text as given, ``digits`` normalised
    to the national form (``0912345678``)."""

    span: tuple[int, int]
    text: str
    digits: str


_PHONE = regex.compile(
    # glued only to a word that announces a number (Zalo0912345678, sđt0912345678)
    r"(?:(?<=(?i:zalo|sđt|sdt|đt|dt|tel|hotline|phone|call|lh))|(?<![\w+.,\-]))"
    r"(?P<prefix>\(\+84\)|\+84|84|0|\(0(?=\d\d\d?\)))"  # (028) 3829 1234: the area code in brackets
    r"(?P<rest>(?:(?:\)[ ]?|[ .\-])?\d){8,10})"
    r"(?!\w|[.,\-]?\d)"
)
_MOBILE_SECOND_DIGIT = "35789"


def _national(rest: str) -> str:
    return "0" + "".join(c for c in rest if c.isdigit())


def _valid(digits: str) -> bool:
    if len(digits) == 10:
        return digits[1] in _MOBILE_SECOND_DIGIT
    return len(digits) == 11 and digits.startswith("02")


def scan_phone_numbers(text: str) -> list[tuple[int, int, str]]:
    """Phone numbers in an analysis text: ``(start, end, digits)``."""
    found = []
    for m in _PHONE.finditer(text):
        prefix, rest = m.group("prefix"), m.group("rest")
        if prefix != "0" and rest[:1] == "0":  # "+84 0912..." keeps a stray 0
            rest = rest[1:]
        digits = _national(rest)
        if _valid(digits):
            found.append((m.start(), m.end(), digits))
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
