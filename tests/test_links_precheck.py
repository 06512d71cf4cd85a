"""The cheap pre-check never hides a link the scanner would find, and the dot symbols are
what the Unicode data says they are."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from vncomment import strategies
from vncomment._normalize import normalize
from vncomment.links._candidates import DOT_SYMBOLS, dot_symbols_from_unicode, may_have_links
from vncomment.links._scanner import scan_links

FIXTURES = Path(__file__).parent / "fixtures"


def _misses(text: str) -> bool:
    """Would the pre-check, or a stage's hint, skip a link the full scan finds?"""
    analysed = normalize(text).text
    every_stage = scan_links(analysed, hints=False)
    return (not may_have_links(analysed) and bool(every_stage)) or scan_links(
        analysed
    ) != every_stage


def test_each_stage_skipped_by_its_hint_finds_nothing() -> None:
    texts = [
        row["input"]
        for name in ("links_found.json", "links_traps.json")
        for row in json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    ]
    for text in texts:
        analysed = normalize(text).text
        assert scan_links(analysed) == scan_links(analysed, hints=False), text


def test_dot_symbols_are_derived_from_unicode() -> None:
    assert dot_symbols_from_unicode() == DOT_SYMBOLS, "rebuild DOT_SYMBOLS from the derivation"


def test_precheck_never_skips_a_fixture_link() -> None:
    texts = [
        row["input"]
        for name in ("links_found.json", "links_traps.json", "links_linkify_differences.json")
        for row in json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    ]
    assert not [t for t in texts if _misses(t)]


@given(strategies.links(), strategies.comments())
def test_precheck_never_skips_a_drawn_link(link: str, comment: str) -> None:
    assert not _misses(f"{comment} {link} {comment}")


# Texts built from the pieces every candidate pattern is made of, to find the corners where
# the pre-check and the scanner could disagree.
_PIECES = st.sampled_from(
    ["a", "abc", "kiemtien", "com", "vn", "cơm", "vê nờ", "k", " ", "  ", "\t", ".", ",", ":",
     "/", "@", "[", "]", "(", ")", "{", "}", "<", ">", "·", "•", "chấm", "phẩy", "dot", "http",
     "s", "mailto", "1", "255", "2001", "db8", "::", "-", "_", "с", "о", "Com", "COM", "www"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_precheck_never_skips_a_link_in_pieces(text: str) -> None:
    assert not _misses(text), text
