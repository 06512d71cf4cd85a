"""Properties: our links are found between any two words; abbreviations never are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vncomment.links import find_links
from vncomment.strategies import abbreviations, links

SENTENCES = st.sampled_from(
    [
        "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.",
        "Tôi ở Sài Gòn, ba mẹ ở quê, giao hàng nhanh và shop tư vấn nhiệt tình.",
        "ThS.BS Nguyễn Văn A ở TP.HCM nói giá 3.5 triệu là hợp lý.",
        "Mua ở đâu vậy mọi người ơi",
    ]
)


@settings(max_examples=100)
@given(SENTENCES, links(), st.data())
def test_link_between_words_is_found(sentence: str, link: str, data: st.DataObject) -> None:
    words = sentence.split(" ")
    at = data.draw(st.integers(0, len(words)))
    before = " ".join(words[:at])
    text = f"{before} {link} " + " ".join(words[at:])
    start, end = len(before) + 1, len(before) + 1 + len(link)
    spans = [found.span for found in find_links(text)]
    assert any(a <= start and end <= b for a, b in spans), (text, spans)


@settings(max_examples=100)
@given(SENTENCES, abbreviations(), st.data())
def test_abbreviation_anywhere_is_not_a_link(
    sentence: str, abbreviation: str, data: st.DataObject
) -> None:
    words = sentence.split(" ")
    at = data.draw(st.integers(0, len(words)))
    text = " ".join([*words[:at], abbreviation, *words[at:]])
    assert find_links(text) == [], text
