"""Message catalogues: every code has a natural message in both locales."""

from __future__ import annotations

import pytest

from vncomment import validate
from vncomment.messages import CATALOGUES, LOCALES, render
from vncomment.rules import NoPhoneNumbers

CODES = {"too_short", "too_long", "repetitive", "missing_diacritics", "contains_link",
         "contains_phone"}
BAD = {
    "too_short": "ngắn quá",
    "repetitive": "á á á á á á á á á á",
    "missing_diacritics": "toi khong biet nguoi ta noi gi ve chuyen nay nua ban a",
    "contains_link": "Mời các bạn ghé xem tại trang abc chấm com để biết thêm chi tiết nhé",
}


def test_catalogues_cover_every_code() -> None:
    assert set(LOCALES) == {"vi", "en"}
    for locale in LOCALES:
        assert set(CATALOGUES[locale]) == CODES


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("code", sorted(BAD))
def test_messages_render_without_leftover_placeholders(code: str, locale: str) -> None:
    report = validate(BAD[code], locale=locale)
    (violation,) = [v for v in report.violations if v.code == code]
    assert violation.message and "{" not in violation.message


def test_vietnamese_messages_read_naturally() -> None:
    (v,) = validate("Hay quá bạn ơi").violations
    assert v.message == (
        "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."
    )
    link = validate(BAD["contains_link"]).violations[0]
    assert link.message == "Bình luận không được chứa liên kết (abc chấm com)."


def test_phone_message() -> None:
    text = "Liên hệ mình qua số 0912 345 678 nhé"
    (v,) = validate(text, NoPhoneNumbers()).violations
    assert v.message == "Bình luận không được chứa số điện thoại (0912 345 678)."


def test_render_fills_only_plain_names() -> None:
    assert render("{a} và {b}", {"a": 1, "b": [2, 3]}) == "1 và 2, 3"
    assert render("{missing} {a.__class__}", {"a": 1}) == "{missing} {a.__class__}"
