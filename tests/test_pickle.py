"""Every public object survives pickle, so it can cross process boundaries (pools, Dask)."""

from __future__ import annotations

import inspect
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import vncomment
import vncomment.rules
from vncomment import CommentRejected, Link, Report, Violation, analyze, find_links, validate
from vncomment.phones import PhoneNumber, find_phone_numbers
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
)

SPAM = "Ai cần mua đất nền thì vào abc chấm com hoặc gọi 0912 345 678 nhé các bạn ơi"

RULES = [
    DEFAULT,
    MinSyllables(5, message="Ít nhất {min} chữ"),
    MaxSyllables(300),
    NoRepetition(min_count=3),
    RequireDiacritics(0.8),
    NoLinks(allow=("vnexpress.net",), emails=False),
    NoPhoneNumbers(),
    AllOf(),
    AnyOf(),
    AllOf(MinSyllables(1)),
    MinSyllables(10) & (NoLinks() | NoPhoneNumbers()),
    (MinSyllables(3) | MaxSyllables(2)) & RequireDiacritics(),
]


def round_trip(value: Any) -> Any:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


@pytest.mark.parametrize("rule", RULES, ids=repr)
def test_rules_round_trip(rule: vncomment.Rule) -> None:
    copy = round_trip(rule)
    assert copy == rule and type(copy) is type(rule)
    assert repr(copy) == repr(rule)
    assert validate(SPAM, copy) == validate(SPAM, rule)


def test_every_rule_class_is_covered() -> None:
    public = {getattr(vncomment.rules, name) for name in vncomment.rules.__all__}
    classes = {c for c in public if inspect.isclass(c) and c is not vncomment.Rule}
    assert classes <= {type(rule) for rule in RULES} | {
        type(r) for rule in RULES if isinstance(rule, AllOf) for r in rule.rules
    }


def test_report_and_violations_round_trip() -> None:
    for locale in ("vi", "en"):
        report = validate(SPAM, DEFAULT & NoPhoneNumbers(), locale=locale)
        assert report.violations, "the sample must be rejected to test violations"
        copy = round_trip(report)
        assert copy == report and type(copy) is Report
        assert copy.codes == report.codes and copy.ok is False
        for violation in report.violations:
            assert round_trip(violation) == violation
            assert type(round_trip(violation)) is Violation
    assert round_trip(validate("Hay quá")) == validate("Hay quá")


def test_comment_rejected_round_trips_with_its_violations() -> None:
    with pytest.raises(CommentRejected) as caught:
        vncomment.check(SPAM, DEFAULT & NoPhoneNumbers())
    rejected = caught.value
    copy = round_trip(rejected)
    assert type(copy) is CommentRejected
    assert copy == rejected and hash(copy) == hash(rejected)
    assert copy.violations == rejected.violations and copy.codes == rejected.codes
    assert str(copy) == str(rejected) and copy.args == rejected.args
    assert len(rejected.violations) == 2
    assert copy != CommentRejected(rejected.violations[:1])


def test_links_phone_numbers_and_analysis_round_trip() -> None:
    links = find_links(SPAM + " xem thêm tại https://vnexpress.net/abc")
    phones = find_phone_numbers(SPAM)
    assert links and phones
    assert all(type(round_trip(x)) is Link and round_trip(x) == x for x in links)
    assert all(type(round_trip(x)) is PhoneNumber and round_trip(x) == x for x in phones)
    analysis = analyze(SPAM)
    copy = round_trip(analysis)
    assert (copy.text, copy.tokens, copy.syllables) == (
        analysis.text, analysis.tokens, analysis.syllables)
    assert copy.links == analysis.links


def test_check_in_a_process_pool_raises_comment_rejected() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(CommentRejected) as caught:
            pool.submit(vncomment.check, "Hay quá").result(timeout=60)
        assert caught.value.codes == ("too_short",)
        passing = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."
        assert pool.submit(vncomment.check, passing).result(timeout=60) is None
