"""Rule objects: equality, hash, repr, composition, and the rules of the foundation."""

from __future__ import annotations

import pytest

from vncomment import analyze, validate
from vncomment import rules as rules_module
from vncomment.rules import (
    DEFAULT,
    AllOf,
    AnyOf,
    MaxSyllables,
    MinSyllables,
    NoLinks,
    NoPhoneNumbers,
    NoRepetition,
    RequireDiacritics,
    Rule,
)

RULES = [
    (MinSyllables(10), "MinSyllables(10)"),
    (MaxSyllables(300), "MaxSyllables(300)"),
    (NoRepetition(), "NoRepetition()"),
    (RequireDiacritics(), "RequireDiacritics()"),
    (RequireDiacritics(strictness=0.8), "RequireDiacritics(strictness=0.8)"),
    (NoLinks(), "NoLinks()"),
    (NoLinks(allow=("vnexpress.net",)), "NoLinks(allow=('vnexpress.net',))"),
    (NoLinks(emails=False), "NoLinks(emails=False)"),
    (NoPhoneNumbers(), "NoPhoneNumbers()"),
    (MinSyllables(5, message="ít nhất {min} chữ"), "MinSyllables(5, message='ít nhất {min} chữ')"),
]


@pytest.mark.parametrize(("rule", "text"), RULES, ids=[r for _, r in RULES])
def test_repr_equality_and_hash(rule: object, text: str) -> None:
    assert repr(rule) == text
    assert eval(text) == rule  # the repr is the constructor call
    assert hash(eval(text)) == hash(rule)
    assert rule != MinSyllables(11)


def test_rules_are_frozen() -> None:
    rule = MinSyllables(10)
    with pytest.raises(AttributeError):
        rule.n = 3  # type: ignore[misc]


def test_and_flattens() -> None:
    a, b, c = MinSyllables(10), NoLinks(), NoRepetition()
    assert (a & b) & c == a & (b & c) == AllOf(a, b, c)
    assert (a & b & c).rules == (a, b, c)
    assert repr(a & b) == "MinSyllables(10) & NoLinks()"


def test_or_flattens_and_nests_in_and() -> None:
    a, b, c = MinSyllables(10), NoLinks(), NoRepetition()
    assert (a | b) | c == AnyOf(a, b, c)
    mixed = (a | b) & c
    assert isinstance(mixed, AllOf) and not isinstance(mixed, AnyOf)
    assert repr(mixed) == "(MinSyllables(10) | NoLinks()) & NoRepetition()"
    assert AllOf(a, b) != AnyOf(a, b)


def test_composition_rejects_non_rules() -> None:
    with pytest.raises(TypeError):
        MinSyllables(10) & "NoLinks"  # type: ignore[operator]
    with pytest.raises(TypeError):
        AllOf(MinSyllables(1), 3)  # type: ignore[arg-type]


def test_and_reports_every_violation_and_or_needs_one() -> None:
    text = "xem abc.com"
    assert validate(text, MinSyllables(10) & NoLinks()).codes == ("too_short", "contains_link")
    assert validate(text, MinSyllables(1) | NoLinks()).ok
    assert validate(text, MinSyllables(10) | NoLinks()).codes == ("too_short", "contains_link")


def test_default_is_the_site_rule() -> None:
    assert MinSyllables(10) & NoRepetition() & RequireDiacritics() & NoLinks() == DEFAULT


@pytest.mark.parametrize(
    ("args", "error"), [(("10",), TypeError), ((-1,), ValueError), ((True,), TypeError)]
)
def test_bad_arguments(args: tuple[object], error: type[Exception]) -> None:
    with pytest.raises(error):
        MinSyllables(*args)  # type: ignore[arg-type]


def test_bad_strictness_and_allow() -> None:
    with pytest.raises(ValueError):
        RequireDiacritics(strictness=1.5)
    with pytest.raises(TypeError):
        NoLinks(allow="vnexpress.net")  # type: ignore[arg-type]


def test_max_syllables_span_starts_past_the_limit() -> None:
    text = "một hai ba bốn năm"
    (v,) = MaxSyllables(3).violations(analyze(text))
    assert v.code == "too_long" and v.params == {"max": 3, "count": 5}
    assert v.span is not None and text[v.span[0] : v.span[1]] == "bốn năm"


def test_custom_message_template() -> None:
    rule = MinSyllables(10, message="Viết thêm đi: cần {min}, mới có {count}.")
    assert validate("ngắn", rule).violations[0].message == "Viết thêm đi: cần 10, mới có 1."
    assert validate("ngắn", rule, locale="en").violations[0].message.startswith("Viết thêm")


REPETITION = [
    ("á á á á á á á á á á", True, "one syllable ten times"),
    ("tuyệt vời tuyệt vời tuyệt vời tuyệt vời tuyệt vời", True, "one word ten times"),
    ("hay quá, hay quá, hay quá, hay quá, hay quá!", True, "a phrase said again and again"),
    ("đẹp đẹp đẹp đẹp đẹp đẹp mua ngay mua ngay", True, "padding with a repeated word"),
    ("tốt lắm tốt lắm tốt lắm, ok, tốt lắm tốt lắm", True, "padding across punctuation"),
    ("Sản phẩm rất rất tốt, giao hàng rất nhanh, đóng gói rất cẩn thận", False,
     "rất said often is normal emphasis"),
    ("Các bạn và các em, các anh và các chị, cảm ơn các bạn nhiều", False,
     "các and và repeat in ordinary Vietnamese"),
    ("Hàng đẹp, hàng tốt, hàng rẻ, hàng chất lượng, sẽ ủng hộ tiếp", False,
     "a word repeated between others is not padding"),
    ("á à ả ã ạ é è ẻ ẽ ẹ", True, "two vowels under every tone: the same syllables, tones aside"),
    ("á é í ó ú ý à è ì ò", True, "single vowels are padding, not words"),
    ("Ơ, à, ừ thì ở nhà ạ, ai ơi, ý là vậy đó", False,
     "real one-letter words (ơ, à, ừ, ở, ạ, ý) among others"),
    ("Bà ba bán bánh bò, bà bá bá bả", False,
     "syllables that differ only in tone are still different words here"),
    ("ha ha ha", False, "too short to judge: left to the length rule"),
    ("Phim hay quá hay quá, cảm ơn đạo diễn và cả đoàn làm phim nhiều lắm", False,
     "one repeated phrase in a real comment"),
]


@pytest.mark.parametrize(("text", "repetitive", "reason"), REPETITION,
                         ids=[r for _, _, r in REPETITION])
def test_no_repetition(text: str, repetitive: bool, reason: str) -> None:
    found = NoRepetition().violations(analyze(text))
    assert bool(found) is repetitive, reason
    if found:
        assert found[0].code == "repetitive"
        assert set(found[0].params) == {"count", "distinct", "effective"}


@pytest.mark.parametrize(
    ("text", "allowed", "reason"),
    [
        ("Đọc thêm ở https://vnexpress.net/bai-viet.html nhé", True, "the site itself"),
        ("Đọc thêm ở e.vnexpress.net/news nhé", True, "a subdomain of the site"),
        ("Đọc thêm ở VNEXPRESS.NET nhé", True, "domains compare case-insensitively"),
        ("Đọc thêm ở fakevnexpress.net nhé", False, "another domain ending in the same letters"),
        ("Đọc thêm ở vnexpress.net.evil.com nhé", False, "the site's name inside another domain"),
        ("Đọc thêm ở abc chấm com nhé", False, "any other link"),
        ("Đọc ở https://evil.com\\@vnexpress.net nhé", False, "browsers read \\ as /: evil.com"),
        ("Đọc ở https://vnexpress.net@evil.com nhé", False, "the site as user name of evil.com"),
        ("Đọc ở vnexpress.net:443/bai-viet nhé", True, "a port is not a scheme"),
        ("Đọc ở vn\u0435xpress.net/bai-viet nhé", False, "a Cyrillic е: another domain"),
    ],
)
def test_no_links_allow(text: str, allowed: bool, reason: str) -> None:
    assert NoLinks(allow=("vnexpress.net",)).violations(analyze(text)) is not allowed, reason


def test_no_links_emails() -> None:
    text = "Góp ý xin gửi về hotro@congty.vn, xem thêm congty.vn"
    found = NoLinks().violations(analyze(text))
    assert [v.params["kind"] for v in found] == ["email", "domain"]
    assert all(text[v.span[0] : v.span[1]] == v.params["link"] for v in found if v.span)
    assert [v.params["kind"] for v in NoLinks(emails=False).violations(analyze(text))] == ["domain"]


def test_each_link_violation_speaks_of_its_own_link_only() -> None:
    # issue 11: a list of every link in each violation made answers grow with the square of
    # the links (8,000 links: 759 MB of JSON); the report lists them all, one violation each.
    links = [f"trang{i}.vn" for i in range(300)]
    report = validate("Bài viết rất hay cảm ơn tác giả đã chia sẻ " + " ".join(links))
    found = [v for v in report.violations if v.code == "contains_link"]
    assert [v.params["link"] for v in found] == links
    assert all(set(v.params) == {"link", "url", "kind"} for v in found)
    assert len(str(report.as_dict())) < 300 * 400


def test_each_phone_violation_speaks_of_its_own_number_only() -> None:
    text = "Bài viết rất hay cảm ơn tác giả, gọi 0912345678 hoặc 0987654321 nhé"
    found = validate(text, NoPhoneNumbers()).violations
    assert [set(v.params) for v in found] == [{"phone", "digits"}] * 2


@pytest.mark.parametrize(
    ("rule", "text", "reason"),
    [
        (AllOf(), "AllOf()", "no rule: the call, not an empty string"),
        (AnyOf(), "AnyOf()", "no rule"),
        (AllOf(MinSyllables(1)), "AllOf(MinSyllables(1))", "one rule keeps its combinator"),
        (AnyOf(MinSyllables(1)), "AnyOf(MinSyllables(1))", "one rule keeps its combinator"),
        (
            MinSyllables(1) & (NoLinks() | NoRepetition()),
            "MinSyllables(1) & (NoLinks() | NoRepetition())",
            "the other kind inside is bracketed",
        ),
        (
            (MinSyllables(1) | NoLinks()) & AnyOf(NoRepetition()),
            "(MinSyllables(1) | NoLinks()) & (AnyOf(NoRepetition()))",
            "a one-rule AnyOf inside an AllOf",
        ),
    ],
)
def test_combinator_repr_is_python_of_the_right_type(rule: Rule, text: str, reason: str) -> None:
    # issue 11 item 14, issue 18 item 1: AllOf and AnyOf are two classes, and the repr builds
    # an equal rule of the same type
    assert repr(rule) == text, reason
    rebuilt = eval(text, vars(rules_module))
    assert rebuilt == rule and type(rebuilt) is type(rule), reason


def test_all_of_and_any_of_are_different_kinds() -> None:
    assert not isinstance(AnyOf(), AllOf) and not isinstance(AllOf(), AnyOf)
    assert AllOf(MinSyllables(1)) != AnyOf(MinSyllables(1))
    assert (MinSyllables(1) & NoLinks()).rules == (MinSyllables(1), NoLinks())
    inner = MinSyllables(1) | NoLinks()
    assert (inner & NoRepetition()).rules == (inner, NoRepetition())  # not flattened: an AnyOf
