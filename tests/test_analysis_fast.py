"""The fast path of the analysis reads exactly what the general path reads."""

from __future__ import annotations

import re

import regex

from vncomment import analyze, count_syllables, validate
from vncomment.analysis import _FAST_BLOCKS, _FAST_WORD, _LONGEST_CACHED, _WORD, _classify_cached


def _fast_code_points() -> list[str]:
    blocks = re.findall(r"(.)-(.)", _FAST_BLOCKS, re.DOTALL)
    return [chr(c) for a, b in blocks for c in range(ord(a), ord(b) + 1)]


def test_fast_blocks_hold_no_mark_and_split_words_like_the_general_pattern() -> None:
    # The standard library's engine and the regex module may know different Unicode versions:
    # within the fast blocks they must agree on every code point, and none may be a mark.
    mark = regex.compile(r"\p{M}")
    disagree = [
        f"U+{ord(c):04X}"
        for c in _fast_code_points()
        if bool(_FAST_WORD.fullmatch(c)) != bool(_WORD.fullmatch(c)) or mark.match(c)
    ]
    assert not disagree, f"characters the fast path would split differently: {disagree[:20]}"


CASES = [
    ("Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.", "accented"),
    ("toi khong biet nguoi ta noi gi ve chuyen nay nua dau", "stripped"),
    ("Vieetj Nam raats ddepj, tooi yeeu queee huowng minh nhieu lawms", "Telex: general path"),
    ("Vie^.t Nam ra^'t dde^.p, to^i ye^u que^ hu+o+ng", "VIQR: general path"),
    ("Mua 2cái áo ở TP.HCM giá 100k, iPhone15 và Covid-19 nha mọi người ơi", "numbers"),
    ("Xem thêm tại abc chấm com nhé các bạn ơi hay lắm đó", "a link: general path"),
    ("I think this is not true at all, nhưng mà bài viết này rất hay", "an English phrase"),
    ("Park Hang Seo va doi tuyen Viet Nam da thang tran nay roi", "a name"),
    ("Bài viết\u00a0rất hay ❤️ cảm ơn tác giả đã chia sẻ", "no-break space, emoji"),
]


def test_fast_and_general_paths_agree() -> None:
    for text, reason in CASES:
        fast = analyze(text)
        general = analyze(text)
        general._words = None  # forces the general path
        assert fast.syllable_count == len(general.syllables), reason
        assert [f.lower for f in fast.syllable_facts()] == [
            t.text.lower() for t in general.syllables
        ], reason
        assert validate(text).syllable_count == count_syllables(text), reason


def test_long_tokens_are_not_cached() -> None:
    # issue 11: a cache keyed by whole tokens of any length grows with the input, not the words
    from vncomment.analysis import _FACTS, _classify

    word = "a" * (_LONGEST_CACHED + 1) + "b"
    validate(f"Bài viết rất hay {word} cảm ơn tác giả")
    assert word not in _FACTS
    before = _classify_cached.cache_info()
    assert _classify(word) == ("word", None, None)
    after = _classify_cached.cache_info()
    assert (after.misses, after.currsize) == (before.misses, before.currsize)
    short = "b" * _LONGEST_CACHED
    _classify(short)
    assert _classify_cached.cache_info().misses + _classify_cached.cache_info().hits > (
        after.misses + after.hits
    )
