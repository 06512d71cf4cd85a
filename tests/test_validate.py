"""validate() and check(): the report API, and hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vncomment
from vncomment import CommentRejected, Report, Violation, check, validate
from vncomment.rules import DEFAULT, MinSyllables, NoLinks, NoPhoneNumbers

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."


def test_good_comment_passes() -> None:
    report = validate(GOOD)
    assert report.ok and bool(report)
    assert report.violations == ()
    assert report.syllable_count == 19
    assert check(GOOD) is None


def test_short_comment_reports_count_and_minimum() -> None:
    report = validate("Hay quá bạn ơi")
    assert not report.ok and not bool(report)
    (violation,) = report.violations
    assert violation.code == "too_short"
    assert violation.params == {"min": 10, "count": 4}
    assert violation.span is None
    assert "10" in violation.message and "4" in violation.message


def test_every_violation_is_reported() -> None:
    report = validate("xem tai abc.com")
    assert report.codes == ("too_short", "contains_link")


def test_check_raises_comment_rejected() -> None:
    with pytest.raises(CommentRejected) as info:
        check("ngắn quá")
    assert isinstance(info.value, ValueError)
    assert info.value.codes == ("too_short",)
    assert isinstance(info.value.violations[0], Violation)
    assert "tối thiểu 10 chữ" in str(info.value)


def test_locale_en() -> None:
    report = validate("ngắn quá", locale="en")
    assert report.violations[0].message.startswith("A comment needs at least 10")
    assert report.locale == "en"


def test_unknown_locale_is_an_error() -> None:
    with pytest.raises(ValueError, match="locale"):
        validate(GOOD, locale="fr")


def test_custom_rules() -> None:
    assert validate("ba chữ thôi", MinSyllables(3)).ok
    assert not validate("ba chữ thôi", MinSyllables(4)).ok


def test_spans_point_into_the_original_text() -> None:
    text = "Xem thêm ở đây nhé mọi người: vne\u200bxpress.net hay lắm"
    (violation,) = validate(text, NoLinks()).violations
    assert violation.span is not None
    start, end = violation.span
    assert text[start:end] == "vne\u200bxpress.net"


def test_a_stray_mark_after_a_space_does_not_pull_the_space_into_a_span() -> None:
    from vncomment import analyze

    text = "Ok \u0301xyz và\u0300 abc.com"
    spans = [t.span for t in analyze(text).tokens]
    assert [text[a:b] for a, b in spans] == ["Ok", "\u0301xyz", "và\u0300", "abc", "com"]
    assert [text[a:b] for a, b in (v.span for v in validate(text, NoLinks()).violations)] == [
        "abc.com"
    ]


def test_as_dict_is_json_ready() -> None:
    import json

    data = validate("xem abc.com", locale="en").as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["ok"] is False
    assert {v["code"] for v in data["violations"]} == {"too_short", "contains_link"}


@pytest.mark.parametrize("value", [None, b"bytes", 42, 3.5, ["list"], object()])
def test_non_str_is_a_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        validate(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(value).__name__):
        vncomment.count_syllables(value)  # type: ignore[arg-type]


def test_rules_must_be_a_rule() -> None:
    with pytest.raises(TypeError, match="Rule"):
        validate(GOOD, rules=[MinSyllables(3)])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "\ud800 lone surrogate \udfff",
        "\x00 NUL \x00 inside",
        "\u202e override \u202d and \u2066 isolate",
        "\u0301\u0301\u0301 marks with no base",
        "\ufeff" * 100,
        "a" * 100_000,
        "Việt " * 200_000,
        "Mục 1.2.3.4² và ①.②.③.④, bước ⑴.⑵.⑶.⑷ và ١.٢.٣.٤",
    ],
    ids=["surrogates", "nul", "bidi", "lone marks", "bom", "long word", "1 MB", "other digits"],
)
def test_hostile_strings_get_a_report(text: str) -> None:
    report = validate(text)
    assert isinstance(report, Report)
    for v in report.violations:
        assert v.span is None or 0 <= v.span[0] <= v.span[1] <= len(text)


@given(st.text())
def test_validate_is_total_and_spans_lie_inside(text: str) -> None:
    report = validate(text)
    assert report.syllable_count >= 0
    for v in report.violations:
        assert v.message
        assert v.span is None or 0 <= v.span[0] <= v.span[1] <= len(text)


@pytest.mark.parametrize(
    "unit",
    ["1.", "a-", "a.", "a@", "http://", "h t t p ", ".", "chấm ", "a[.]", "1:", "a^.", "Vie^.t",
     "a.a.a.à", "0912 ", "+84", "a.b/", "a,com/", "abc.com/(", "http://)", "//a)", "[::1]:8)",
     "mailto:a@b)", "x@a.vn)", "Hà, 1.2.3.4/", "abc. com"],
)  # fmt: skip
def test_no_catastrophic_backtracking(unit: str) -> None:
    # A guard with huge headroom, not a benchmark: 200 KB of junk in well under 10 s (about
    # 0.5 s here), through every scanner: tokens, Telex/VIQR, links, phone numbers.
    text = unit * (200_000 // len(unit))
    start = time.process_time()  # CPU time: a busy machine's wait for a core is no backtracking
    validate(text, DEFAULT & NoPhoneNumbers())
    assert time.process_time() - start < 10
