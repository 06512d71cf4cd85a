"""Vietnamese phone numbers: found in every usual writing, never in money or dates."""

from __future__ import annotations

import pytest

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
]
NOT_FOUND = [
    ("money", "lương 1.000.000đ"),
    ("money 0", "giá 090.000đ"),
    ("date", "ngày 20.11.2023"),
    ("too long", "0912345678901"),
    ("old 11-digit mobile prefix", "0123456789"),
    ("letter glued", "v0912345678"),
    ("year range", "2019-2023"),
]


@pytest.mark.parametrize(("label", "text", "digits"), FOUND, ids=[c[0] for c in FOUND])
def test_phone_found(label: str, text: str, digits: str) -> None:
    [phone] = find_phone_numbers(text)
    assert phone.digits == digits
    assert text[phone.span[0] : phone.span[1]] == phone.text


@pytest.mark.parametrize(("label", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_not_a_phone(label: str, text: str) -> None:
    assert find_phone_numbers(text) == []


def test_non_str_raises() -> None:
    with pytest.raises(TypeError, match="bytes"):
        find_phone_numbers(b"0912345678")  # type: ignore[arg-type]
