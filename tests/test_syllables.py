"""Counting and the spelling grammar: a table of cases with reasons, hunspell-vi, properties."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vncomment import count_syllables
from vncomment.syllables import is_syllable, parse

FIXTURES = Path(__file__).parent / "fixtures"
CASES = json.loads((FIXTURES / "counting.json").read_text("utf-8"))["cases"]
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")

# Entries of hunspell-vi that are not Vietnamese syllables by the spelling rules, and why.
HUNSPELL_NOT_SYLLABLES = {
    "ABC ASCII GIF HCM HK HTML HĐND JPEG LHQ PDF PNG TCVN TV UBND URL VIQR VISCII VN VNI Tp v":
        "abbreviations",
    "Telex Unicode basoi email gen gram internet intranet ka palăng ping tivi tout web":
        "loanwords that break Vietnamese spelling (coda l/s/x, k before a, g before e)",
    "quoàng quoạng quoắt": "dialect spellings with a double medial (qu + oa)",
}
KNOWN = {w for words in HUNSPELL_NOT_SYLLABLES for w in words.split()}


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_counting_table(case: dict[str, object]) -> None:
    assert count_syllables(str(case["text"])) == case["count"], case["reason"]


def _hunspell_words() -> list[str]:
    lines = HUNSPELL.read_text("utf-8").splitlines()[1:]
    return [line.split("/")[0].strip() for line in lines if line.strip()]


def _old_placement(word: str) -> str:
    """hoà -> hòa, thuỷ -> thủy: move the tone of an open oa/oe/uy rhyme to its first vowel."""
    nfd = unicodedata.normalize("NFD", word)
    for tone in "\u0300\u0301\u0303\u0309\u0323":
        for rhyme in ("oa", "oe", "uy"):
            marked = rhyme[0] + rhyme[1] + tone
            if nfd.lower().endswith(marked):
                moved = nfd[: -len(marked)] + rhyme[0] + tone + rhyme[1]
                return unicodedata.normalize("NFC", moved)
    return word


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_every_hunspell_syllable_is_accepted() -> None:
    words = _hunspell_words()
    rejected = sorted(w for w in words if not is_syllable(w) and w not in KNOWN)
    assert rejected == []
    assert len(words) > 6000


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_old_placement_variants_of_hunspell_are_accepted() -> None:
    variants = {_old_placement(w) for w in _hunspell_words()} - set(_hunspell_words())
    assert len(variants) > 50  # hoà -> hòa, thuỷ -> thủy, ...
    assert sorted(w for w in variants if not is_syllable(w)) == []


def test_old_placement_helper() -> None:
    assert [_old_placement(w) for w in ("hoà", "thuỷ", "khoẻ", "hoàng")] == [
        "hòa", "thủy", "khỏe", "hoàng",
    ]


ENGLISH_NOT_VIETNAMESE = (
    "love this product thanks service delivery good fast very with what from would should "
    "people think please really quality price shipping customer great nice best world"
).split()


@pytest.mark.parametrize("word", ENGLISH_NOT_VIETNAMESE)
def test_english_words_are_not_syllables(word: str) -> None:
    assert not is_syllable(word)


@pytest.mark.parametrize(
    ("word", "plain_ok", "reason"),
    [
        ("cho", True, "a real plain word"),
        ("viet", False, "stop coda without sắc or nặng"),
        ("tac", False, "stop coda without sắc or nặng"),
        ("nguoi", False, "no plain rhyme uoi: only uôi, ươi"),
        ("duoc", False, "no plain rhyme uoc"),
        ("khuyen", False, "uyên needs its circumflex"),
        ("trong", True, "a real plain word"),
    ],
)
def test_plain_forms(word: str, plain_ok: bool, reason: str) -> None:
    syllable = parse(word)
    assert syllable is not None and not syllable.marked
    assert syllable.plain_ok is plain_ok, reason


def test_parse_reads_tone_and_marks() -> None:
    s = parse("Người")
    assert s is not None
    assert (s.onset, s.rhyme, s.tone, s.marked) == ("ng", "ươi", "huyền", True)
    assert parse("hoà") == parse("hòa")  # both tone placements read the same


vietnamese_text = st.lists(
    st.sampled_from(
        "Tôi không biết người ta nói gì về chuyện này nữa hoà hòa thuỷ thủy khỏe quốc "
        "gì giếng Covid-19 ko dc 😍 2023 TP.HCM nguoi viet".split()
    ),
    max_size=30,
)
spaces = st.sampled_from([" ", "  ", "\n", "\t", " \n ", "\u200b "])


@given(vietnamese_text, st.lists(spaces, min_size=30, max_size=30))
def test_count_is_invariant_under_nfd_case_and_whitespace(
    words: list[str], gaps: list[str]
) -> None:
    text = " ".join(words)
    n = count_syllables(text)
    assert count_syllables(unicodedata.normalize("NFD", text)) == n
    assert count_syllables(text.upper()) == n
    assert count_syllables(text.lower()) == n
    assert count_syllables("".join(w + g for w, g in zip(words, gaps, strict=False))) == n


@given(st.text())
def test_count_is_total(text: str) -> None:
    assert count_syllables(text) >= 0
