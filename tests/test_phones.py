"""Vietnamese phone numbers: found in every usual writing, never in money or dates."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vncomment.phones import find_phone_numbers

FOUND = [
    ("mobile", "gọi 0912345678 nhé", "0912345678"),
    ("spaces", "0912 345 678", "0912345678"),
    ("dots", "0912.345.678", "0912345678"),
    ("dashes", "091-234-5678", "0912345678"),
    ("+84", "+84912345678", "0912345678"),
    ("+84 spaced", "+84 912 345 678", "0912345678"),
    ("84", "84 912 345 678", "0912345678"),
    ("(+84)", "(+84) 912 345 678", "0912345678"),
    ("03x", "sđt:0356789012.", "0356789012"),
    ("landline", "024.3825.1234", "02438251234"),
    ("landline +84", "+84 24 3825 1234", "02438251234"),
    ("full-width", "０９１２３４５６７８", "0912345678"),
    ("glued to Zalo", "Zalo0912345678 nhé", "0912345678"),
    ("area code in brackets", "ĐT: (028) 3829 1234", "02838291234"),
    ("no-break spaces", "gọi 0912\u00a0345\u00a0678", "0912345678"),
    ("in brackets", "Liên hệ (0912345678) để mua", "0912345678"),
    # separators: any dash, any middle dot, tabs and runs of spaces, spaced dots
    ("en dash", "0912–345–678", "0912345678"),
    ("hyphen U+2010", "0912\u2010345\u2010678", "0912345678"),
    ("minus sign", "0912\u2212345\u2212678", "0912345678"),
    ("middle dot", "0912·345·678", "0912345678"),
    ("bullet", "0912•345•678", "0912345678"),
    ("katakana middle dot", "0912・345・678", "0912345678"),
    ("tabs", "0912\t345\t678", "0912345678"),
    ("double spaces", "SĐT: 0912  345  678", "0912345678"),
    ("spaced dots", "0912 . 345 . 678", "0912345678"),
    ("spaced dashes", "0912 - 345 - 678", "0912345678"),
    # prefixes
    ("0084", "0084 912 345 678", "0912345678"),
    ("+84 with its 0", "+84 0912 345 678", "0912345678"),
    ("landline in groups", "(024) 3825.1234", "02438251234"),
    # digits in disguise
    ("keycap emoji", "0️⃣9️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "0912345678"),
    ("letter O", "O912 345 678", "0912345678"),
    ("letters o inside", "09o2 345 678", "0902345678"),
    ("circled digits", "⓪⑨①②③④⑤⑥⑦⑧", "0912345678"),
    ("negative circled", "⓿❾❶❷❸❹❺❻❼❽", "0912345678"),
    ("superscript digits", "⁰⁹¹²³⁴⁵⁶⁷⁸", "0912345678"),
    ("subscript digits", "₀₉₁₂₃₄₅₆₇₈", "0912345678"),
    ("mathematical digits", "𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "0912345678"),
    ("invisible between digits", "0912\u200b345\u2060678", "0912345678"),
    ("narrow spaces", "0912\u2009345\u200a678", "0912345678"),
    ("after a date", "20.11.2023 - 0912345678", "0912345678"),
    ("a count after it", "Gọi 0912 345 678 2 lần", "0912345678"),
    ("after a word o", "o 0912 345 678", "0912345678"),
]
TWO = [
    ("a list", "0912 345 678 0987 654 321", ["0912345678", "0987654321"]),
    ("blocks", "0912345678 0987654321", ["0912345678", "0987654321"]),
]
NOT_FOUND = [
    ("money", "lương 1.000.000đ"),
    ("money 0", "giá 090.000đ"),
    ("date", "ngày 20.11.2023"),
    ("too long", "0912345678901"),
    ("old 11-digit mobile prefix", "0123456789"),
    ("letter glued", "v0912345678"),
    ("year range", "2019-2023"),
    ("money with dots", "giá 10.000.000đ nhé"),
    ("money in groups", "1 000 000 000 đồng"),
    ("date with dashes", "ngày 20-11-2023"),
    ("times", "mở cửa 08.30 - 09.45 - 10.15"),
    ("times with colons", "08:30 - 17:30"),
    ("short shop code", "mã sản phẩm 0912"),
    ("8-digit order code", "mã đơn 09123456"),
    ("long number in groups", "0912 345 678 901"),
    ("bank account", "STK 0071 0001 23456"),
    ("account in groups", "STK 0912 3456 7890 1"),
    ("glued to a unit", "0912345678k"),
    ("a word O alone", "O O O O O O O O O O"),
    ("digits after a dot", "abc.0912345678"),
]


@pytest.mark.parametrize(("label", "text", "digits"), FOUND, ids=[c[0] for c in FOUND])
def test_phone_found(label: str, text: str, digits: str) -> None:
    [phone] = find_phone_numbers(text)
    assert phone.digits == digits
    assert text[phone.span[0] : phone.span[1]] == phone.text


@pytest.mark.parametrize(("label", "text", "digits"), TWO, ids=[c[0] for c in TWO])
def test_two_phones(label: str, text: str, digits: list[str]) -> None:
    assert [p.digits for p in find_phone_numbers(text)] == digits


@pytest.mark.parametrize(("label", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_a_phone(label: str, text: str) -> None:
    assert find_phone_numbers(text) == []


def test_non_str_raises() -> None:
    with pytest.raises(TypeError, match="bytes"):
        find_phone_numbers(b"0912345678")  # type: ignore[arg-type]


@pytest.mark.parametrize("unit", ["0912 ", "0.", "O0 ", "09 12-34·56\t", "0", " - ", "+84 "])
def test_linear_on_hostile_input(unit: str) -> None:
    # A guard with huge headroom, not a benchmark: 200,000 characters in about 2 s here.
    text = unit * (200_000 // len(unit))
    start = time.perf_counter()
    find_phone_numbers(text)
    assert time.perf_counter() - start < 30


@given(st.text(alphabet=st.characters() | st.sampled_from("0123456789O .-·\t+()")))
def test_never_crashes_and_spans_hold(text: str) -> None:
    for phone in find_phone_numbers(text):
        assert text[phone.span[0] : phone.span[1]] == phone.text
        assert len(phone.digits) in (10, 11) and phone.digits.isascii() and phone.digits[0] == "0"
