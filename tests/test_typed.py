"""Keystroke spellings: VNI digits decoded like Telex and VIQR; numbers stay numbers."""

from __future__ import annotations

import pytest

from vncomment import count_syllables, validate
from vncomment.typed import decode_vni, strong_keystrokes

VNI = [
    ("To6i", "Tôi", "6 after a vowel: circumflex"),
    ("d9i", "đi", "d9 is đ"),
    ("Vie65t", "Việt", "shape then tone after the vowel"),
    ("d9u7o7c5", "được", "7 horns u and o each; the tone at the end of the word"),
    ("ngu7o7i2", "người", "tone key after the whole word"),
    ("ca1m o7n", None, "two words: decoded one at a time (see the next rows)"),
    ("ca1m", "cám", "a tone key before the coda"),
    ("o7n", "ơn", "no onset"),
    ("hoa2", "hòa", "the tone where Vietnamese writes it"),
    ("D9a6u", "Đâu", "capitals kept"),
    ("nghie6ng2", "nghiềng", "the longest onset and rhyme"),
    ("5h30", None, "a time starts with a digit"),
    ("2k3", None, "a year starts with a digit"),
    ("4G", None, "a network starts with a digit"),
    ("iPhone15", None, "a model: two tone keys make no syllable"),
    ("U23", None, "a team: two tone keys"),
    ("Top10", None, "0 is no VNI key"),
    ("Mi8", None, "8 (breve) marks only a"),
    ("S21", None, "no vowel"),
    ("Covid19", None, "two tone keys on a word that is no syllable"),
]


@pytest.mark.parametrize(("word", "decoded", "reason"), VNI)
def test_decode_vni(word: str, decoded: str | None, reason: str) -> None:
    assert decode_vni(word) == decoded, reason


STRENGTH = [
    ("Vie65t", True, "two keys"),
    ("d9i", True, "d9"),
    ("To6i", False, "one key: as often a model or a size (A4)"),
    ("A4", False, "one key"),
    ("Vieetj", True, "Telex: two keystrokes"),
    ("hix", False, "Telex: one keystroke"),
]


@pytest.mark.parametrize(("word", "strong", "reason"), STRENGTH)
def test_strong_keystrokes(word: str, strong: bool, reason: str) -> None:
    assert strong_keystrokes(word) is strong, reason


COMMENTS = [
    (
        "To6i ye6u Vie65t Nam, d9u7o7c5 so61ng o73 d9a6y la2 nie62m ha5nh phu1c lo71n cu3a to6i",
        15,
        ("missing_diacritics",),
        "a VNI comment: every word a syllable, typed without marks",
    ),
    (
        "Mua giấy A4 ở đâu rẻ, iPhone15 giá 20 triệu, U23 thắng 2k3 lúc 5h30 nhé các bạn",
        12,
        (),
        "sizes, models, teams, years and times in an accented comment stay what they are",
    ),
    (
        "Máy Top1 bán chạy nhất năm nay, giá 3.5 triệu, Covid-19 qua rồi mua thôi các bạn",
        14,
        (),
        "one VNI key alone (Top1) is a model in a comment with no keystrokes",
    ),
    (
        "Ha2 No65i ho6m nay mu7a to, d9u7o7ng ngap5 he61t ro62i ca1c ba5n",
        12,
        ("missing_diacritics",),
        "one key (Ha2, mu7a, ca1c) is VNI in a comment where others show two",
    ),
]


@pytest.mark.parametrize(("text", "count", "codes", "reason"), COMMENTS)
def test_vni_comments(text: str, count: int, codes: tuple[str, ...], reason: str) -> None:
    report = validate(text)
    assert (report.syllable_count, report.codes) == (count, codes), reason
    assert count_syllables(text) == count, reason
