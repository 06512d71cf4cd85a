"""Properties of vncomment, stated with its own strategies (vncomment.strategies).

The key test, as in hypothesis-jsonschema: what a strategy generates passes (or fails, for
``invalid_comments``) the rules it was built for. The rest: stripping marks makes a comment
"không dấu"; a link between any two words is found, with a span over it, and an abbreviation
never is; NFC/NFD and case do not change a verdict; ``validate`` is total on any text, with
spans inside it and messages in both locales. Run longer with ``HYPOTHESIS_PROFILE=thorough``.
"""

from __future__ import annotations

import re
import sys
import types
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from unidecode import unidecode

from vncomment import Report, count_syllables, find_links, validate
from vncomment.messages import LOCALES
from vncomment.strategies import (
    CODES,
    _spellings,
    _tones,
    _with_tone,
    abbreviations,
    comments,
    invalid_comments,
    links,
    syllables,
)
from vncomment.syllables import parse

ANY_INVALID = st.sampled_from(CODES).flatmap(invalid_comments)
ANY_COMMENT = st.one_of(comments(), ANY_INVALID)
# Text made of what the scanners look at: Vietnamese letters, combining marks, dots, slashes,
# brackets, at signs, invisible and full-width characters, digits and spaces.
NASTY = st.lists(
    st.sampled_from(
        [
            *"aAăâđĐeêioôơuưyhtpswcmnv.:/@[]()-_ \n\t0123456789",
            *("chấm", "dot", "www", "com", "vn", "\u0301", "\u0323", "\u200b", "．", "。", "ｗ"),
        ]
    ),
    max_size=60,
).map("".join)


def _spans(report: Report) -> list[tuple[int, int]]:
    spans = []
    for v in report.violations:
        if v.span is not None:
            spans.append(v.span)
        spans.extend(v.params.get("spans", ()))
    return spans


# --- syllables() ---------------------------------------------------------------------------


@pytest.mark.parametrize("marked", [None, True, False])
@given(data=st.data())
def test_generated_syllables_parse(marked: bool | None, data: st.DataObject) -> None:
    syllable = data.draw(syllables(marked=marked), label="syllable")
    parsed = parse(syllable)
    assert parsed is not None, syllable
    if marked is not None:
        assert parsed.marked is marked, syllable
    # In Vietnamese company: alone, a plain "a" or "to" is read as an English word.
    assert count_syllables(f"Tôi thấy {syllable} rồi") == 4, syllable


@cache
def _every_syllable() -> frozenset[str]:
    """The whole grammar of the strategy (about 20,000 syllables), not a sample of it."""
    return frozenset(
        _with_tone(spelling, tone, place)
        for spelling in _spellings()
        for tone in _tones(spelling, None)
        for place in range(len(spelling.places))
    )


def test_every_spelling_of_the_grammar_parses_with_every_tone_and_placement() -> None:
    assert sorted(s for s in _every_syllable() if parse(s) is None) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hòa", True), ("hoà", True), ("khỏe", True), ("khoẻ", True), ("thủy", True),
        ("thuỷ", True), ("quốc", True), ("gì", True), ("giếng", True), ("nghiêng", True),
        ("kem", True), ("ghi", True), ("người", True), ("khuỷu", True),
        ("ke", True), ("hòc", False), ("ce", False), ("ci", False), ("ghe", True), ("nga", True),
        ("ngi", False), ("qốc", False), ("bóa", False),
    ],
)  # fmt: skip
def test_grammar_spells_like_the_language(word: str, expected: bool) -> None:
    """The strategy's grammar holds the words it should and not the misspellings."""
    assert (word in _every_syllable()) is expected


# --- comments() and invalid_comments() -------------------------------------------------------


@given(comments())
@example("Bài viết rất hay cảm ơn tác giả đã chia sẻ thông tin")
def test_generated_comments_pass_the_default_rule(text: str) -> None:
    report = validate(text)
    assert report.ok, report.violations
    assert 10 <= report.syllable_count <= 60


@given(comments(min_syllables=20, max_syllables=24))
def test_comments_have_the_syllables_asked_for(text: str) -> None:
    report = validate(text)
    assert report.ok, report.violations
    assert 20 <= report.syllable_count <= 24


@pytest.mark.parametrize(("low", "high"), [(9, 20), (12, 11), (0, 5)])
def test_comments_refuse_bounds_below_the_default_rule(low: int, high: int) -> None:
    with pytest.raises(ValueError):
        comments(low, high)


@pytest.mark.parametrize("code", CODES)
@given(data=st.data())
def test_invalid_comments_fail_with_their_code_only(code: str, data: st.DataObject) -> None:
    text = data.draw(invalid_comments(code), label="comment")
    report = validate(text)
    assert report.codes and set(report.codes) == {code}, report.violations


def test_invalid_comments_refuse_an_unknown_code() -> None:
    with pytest.raises(ValueError, match="too_short"):
        invalid_comments("too_long")


@given(comments())
# Found by this test: "Bạn ơi cảm ơn bạn, rất hay và có ý nghĩa" stripped is read as English.
@example("Bạn ơi cảm ơn bạn, rất hay và có ý nghĩa")
def test_stripping_marks_with_unidecode_makes_a_comment_unmarked(text: str) -> None:
    # unidecode also rewrites emoji and "…"; the verdict is about the letters.
    stripped = unidecode(text)
    assert "missing_diacritics" in validate(stripped).codes, stripped


# --- links() and abbreviations() ---------------------------------------------------------------


@given(links())
def test_every_drawn_link_is_found_on_its_own(link: str) -> None:
    found = find_links(link)
    assert found, link
    assert validate(link).codes.count("contains_link") >= 1


@given(comments(), links(), st.data())
def test_a_link_between_any_two_words_is_found(text: str, link: str, data: st.DataObject) -> None:
    words = text.split(" ")
    at = data.draw(st.integers(0, len(words)), label="position")
    before = " ".join(words[:at])
    joined = " ".join([*words[:at], link, *words[at:]])
    start = len(before) + 1 if at else 0
    end = start + len(link)
    report = validate(joined)
    assert "contains_link" in report.codes, joined
    spans = [v.span for v in report.violations if v.code == "contains_link" and v.span]
    assert any(a <= start and end <= b for a, b in spans), (joined, spans)


@given(comments(), abbreviations(), st.data())
def test_an_abbreviation_between_any_two_words_is_not_a_link(
    text: str, abbreviation: str, data: st.DataObject
) -> None:
    words = text.split(" ")
    at = data.draw(st.integers(0, len(words)), label="position")
    joined = " ".join([*words[:at], abbreviation, *words[at:]])
    assert find_links(joined) == [], joined
    assert "contains_link" not in validate(joined).codes


# --- Invariance: NFC/NFD, case ------------------------------------------------------------------


@given(st.one_of(ANY_COMMENT, st.text(), NASTY))
def test_nfc_and_nfd_give_the_same_verdict(text: str) -> None:
    codes = validate(text).codes
    for form in ("NFC", "NFD"):
        assert validate(unicodedata.normalize(form, text)).codes == codes, form


@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
@given(ANY_COMMENT)
# Found by this test (thorough profile): upper case hides a link behind the abbreviation shape.
@example("Bài viết rất hay, cảm ơn tác giả, xem thêm ở abc.vn nhé mọi người")
@example("Bài viết rất hay, cảm ơn tác giả, xem thêm ở abc.vn:8080 nhé mọi người")
def test_case_does_not_change_the_verdict(case: Any, text: str) -> None:
    assert validate(case(text)).codes == validate(text).codes, case(text)


# --- validate() on anything ----------------------------------------------------------------------


@given(st.one_of(st.text(), NASTY, ANY_COMMENT))
@example("")
@example("\ud800 NUL\x00 \u202e abc.vn")
def test_validate_is_total_with_spans_inside_the_text(text: str) -> None:
    report = validate(text)
    assert report.ok is (report.codes == ())
    for a, b in _spans(report):
        assert 0 <= a <= b <= len(text), (text, a, b)
    for link in find_links(text):
        a, b = link.span
        assert 0 <= a < b <= len(text) and text[a:b] == link.text, (text, link)


@given(st.one_of(ANY_INVALID, st.text(), NASTY))
def test_every_message_is_non_empty_in_both_locales(text: str) -> None:
    for locale in LOCALES:
        report = validate(text, locale=locale)
        for violation in report.violations:
            assert violation.message.strip(), (locale, violation)
            assert "{" not in violation.message or "{" in text, (locale, violation.message)


# --- docs/testing.md ----------------------------------------------------------------------------


def test_the_fastapi_example_of_the_docs_runs() -> None:
    pytest.importorskip("fastapi")
    doc = Path(__file__).parent.parent / "docs" / "testing.md"
    code = re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)[0]
    # A real module, so that pydantic and FastAPI resolve the annotations of its models.
    module = types.ModuleType("docs_testing_example")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, str(doc), "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    tests = [f for name, f in vars(module).items() if name.startswith("test_")]
    assert len(tests) == 4
    for test in tests:
        settings(max_examples=10)(test)()
