"""The analysis text reads a comment the way the eye does, maps back exactly, and is linear."""

from __future__ import annotations

import time
import unicodedata

import pytest
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from vncomment import find_links, validate
from vncomment._confusables import fold_lookalikes, lookalike_table, styled_table
from vncomment._normalize import MAX_MARKS, Normalized, display_order, normalize
from vncomment.rules import DEFAULT, NoPhoneNumbers

# (label, text as given, analysis text, why)
CASES = [
    # invisible characters: every Default_Ignorable_Code_Point, and U+FFF9-FFFB
    ("zero-width space", "kiem\u200btien", "kiemtien", "invisible: removed"),
    ("soft hyphen", "kiem\u00adtien", "kiemtien", "invisible unless a line breaks there"),
    ("tag characters", "kiem\U000e0020\U000e0041\U000e007ftien", "kiemtien", "tags are invisible"),
    ("deprecated format", "kiem\u206a\u206b\u206c\u206d\u206e\u206ftien", "kiemtien", "U+206A-F"),
    ("grapheme joiner", "kiem\u034ftien", "kiemtien", "CGJ is default-ignorable"),
    ("variation selectors", "kiem\ufe00tien\U000e0100", "kiemtien", "VS1, VS17"),
    ("Hangul fillers", "kiem\u3164tien\u115f\u1160\uffa0", "kiemtien", "fillers draw nothing"),
    ("Khmer inherent vowels", "kiem\u17b4\u17b5tien", "kiemtien", "U+17B4/5"),
    ("Mongolian selectors", "kiem\u180b\u180c\u180d\u180ftien", "kiemtien", "U+180B-D, 180F"),
    ("interlinear annotation", "kiem\ufff9tien\ufffa\ufffb", "kiemtien", "no glyph of their own"),
    ("word joiner and BOM", "\ufeffkiem\u2060tien", "kiemtien", "invisible"),
    ("invisible between digits", "0912\u200b345\u200c678", "0912345678", "phone hidden"),
    # spaces
    ("hair space joins", "kiem\u200atien.com", "kiemtien.com", "narrower than a word space"),
    ("thin space joins", "kiem\u2009tien", "kiemtien", "narrower than a word space"),
    ("six-per-em joins", "kiem\u2006tien", "kiemtien", "narrower than a word space"),
    ("medium math space joins", "kiem\u205ftien", "kiemtien", "4/18 em"),
    ("narrow spaces between digits", "0912\u2009345\u2009678", "0912345678", "one number"),
    ("narrow space before a dot", "kiem\u200a. com", "kiem . com", "not between letters"),
    ("narrow no-break space", "rất\u202fhay", "rất hay", "French and phones type it"),
    ("no-break space", "rất\u00a0hay", "rất hay", "a space"),
    ("ideographic space", "rất\u3000hay", "rất hay", "a space"),
    # marks
    ("mark on a dot", "kiemtien.\u0301com", "kiemtien.com", "the eye sees a dot"),
    ("marks on a dot", "kiemtien.\u0323\u0301\u0300com", "kiemtien.com", "the eye sees a dot"),
    ("keycap digits", "0\ufe0f\u20e39\ufe0f\u20e3", "09", "keycap emoji are digits"),
    ("mark on a symbol", "a\u2022\u0301b", "a\u2022b", "a bullet stays a bullet"),
    (
        "strikethrough",
        "k\u0336i\u0336e\u0336m\u0336.c\u0336o\u0336m\u0336",
        "kiem.com",
        "decoration",
    ),
    ("underline", "k\u0332i\u0332e\u0332m\u0332", "kiem", "composes with nothing: dropped"),
    ("enclosing circle", "c\u20ddo\u20ddm\u20dd", "com", "an enclosing mark decorates"),
    ("tone typed first", "Tie\u0301\u0302ng", "Tiếng", "drawn stacked as ế"),
    ("horn typed last", "mu\u031bo\u0300\u031bi", "mười", "drawn stacked as ờ"),
    ("d with a stroke", "d\u0335e\u0323p D\u0335a\u0300", "đẹp Đà", "drawn as đ (UTS #39)"),
    ("doubled tone", "ca\u0301\u0301m", "cám", "the eye sees one"),
    ("Thai marks kept", "ที่นี่", "ที่นี่", "marks of other scripts spell"),
    ("stray mark after a space", "a \u0301b", "a \u0301b", "stands alone, spans stay apart"),
    (
        "many marks bounded",
        "\u0e01" + "\u0e48" * 50,
        "\u0e01" + "\u0e48" * MAX_MARKS,
        "a letter keeps four marks",
    ),
    # look-alikes folded everywhere (styled Latin)
    ("small capitals", "ᴋɪᴇᴍᴛɪᴇɴ.ᴄᴏᴍ", "kiemtien.com", "LATIN LETTER SMALL CAPITAL"),
    ("mathematical script", "𝓀𝒾𝑒𝓂.𝒸ℴ𝓂", "kiem.com", "NFKC and letterlike script o"),
    ("double-struck", "𝕜𝕚𝕖𝕞.ℂ𝕆𝕄", "kiem.COM", "letterlike ℂ and mathematical"),
    ("letterlike", "ℯℊℎℓ", "eghl", "styled letters outside the mathematical block"),
    ("modifier letters", "ᵏⁱᵉᵐ", "kiem", "superscript letters"),
    ("Roman numeral c", "ⅽom", "com", "small Roman numeral one hundred"),
    ("dotless i", "kıemtıen", "kiemtien", "confusables: ı is i"),
    ("IPA letters", "ɡɑme", "game", "script g, alpha"),
    ("one dot leader", "abc․com", "abc.com", "looks like a full stop"),
    ("Vai full stop", "abc\ua60ecom", "abc.com", "looks like a full stop"),
    ("full-width", "ｗｗｗ．ａｂｃ。ｃｏｍ", "www.abc.com", "browsers fold them (IDNA)"),
    ("circled", "ⓚⓘⓔⓜ①", "kiem1", "NFKC"),
    ("ligatures", "ﬁnd kieﬀ", "find kieff", "NFKC"),
    ("negative squared", "🅺🅸🅴🅼", "KIEM", "no NFKC form"),
    ("eth", "ðẹp", "đẹp", "typed for đ"),
    # look-alikes of other scripts are text
    ("Russian", "Москва — столица России", "Москва — столица России", "a sentence, not a disguise"),
    ("Greek", "Καλημέρα κόσμε", "Καλημέρα κόσμε", "a sentence"),
    ("Armenian", "Բարև օր", "Բարև օր", "Armenian օ folds only in a link"),
    ("superscript digits", "50m² H₂O", "50m² H₂O", "notation, not disguised digits"),
    # display order
    ("right-to-left override", "xem \u202emoc.cba\u202c nhé", "xem abc.com nhé", "displayed"),
    ("override to the end", "\u202e876 543 2190", "0912 345 678", "no PDF: to the end"),
    ("override ends at a line", "\u202ecba\nxyz", "abc\nxyz", "paragraphs reset levels"),
    ("nested override", "\u202eabc \u202ddef\u202c ghi\u202c", "ihg def cba", "LRO inside RLO"),
    ("marks follow their base", "\u202ete\u0323\u0302iv\u202c", "việt", "L3: a base and its marks"),
    ("embedding keeps Latin order", "\u202bxin chào\u202c", "xin chào", "only overrides reverse"),
    ("isolate removed", "abc\u2067.com\u2069", "abc.com", "an isolate does not reverse Latin"),
]


@pytest.mark.parametrize(("label", "text", "expected", "why"), CASES, ids=[c[0] for c in CASES])
def test_analysis_text(label: str, text: str, expected: str, why: str) -> None:
    norm = normalize(text)
    assert norm.text == expected, why
    _check_map(norm)


def _check_map(norm: Normalized) -> None:
    """Every analysis character comes from a non-empty range of the original text."""
    if norm.starts is None or norm.ends is None:
        assert norm.text == norm.original
        return
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for start, end in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= start < end <= len(norm.original)
    if not norm.reordered:  # in reading order, the ranges never go back
        assert list(norm.starts) == sorted(norm.starts)
    for start in range(len(norm.text) + 1):
        for end in range(start, min(len(norm.text), start + 3) + 1):
            a, b = norm.span(start, end)
            assert 0 <= a <= b <= len(norm.original)


SPANS = [
    # (text, analysis substring, the original text it maps to)
    ("Xem kiem\u200btien.com nhé", "kiemtien.com", "kiem\u200btien.com"),
    ("Xem \u202emoc.cba\u202c nhé", "abc.com", "moc.cba"),
    ("\u202eabc \u202ddef\u202c ghi\u202c", "def", "def"),
    ("Tie\u0302\u0301ng Vie\u0323\u0302t", "Việt", "Vie\u0323\u0302t"),
    ("a" + "\u0301" * 100 + " b", "b", "b"),
    ("kiem\u200atien.\u0301com", "kiemtien.com", "kiem\u200atien.\u0301com"),
    ("ｗｗｗ．ａｂｃ。ｃｏｍ", "abc", "ａｂｃ"),
]


@pytest.mark.parametrize(("text", "found", "original"), SPANS)
def test_span_round_trip(text: str, found: str, original: str) -> None:
    norm = normalize(text)
    start = norm.text.index(found)
    a, b = norm.span(start, start + len(found))
    assert text[a:b] == original


# Every Vietnamese letter, in both cases, with every tone.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VIETNAMESE = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | set("bcdđghklmnpqrstvx")
)
VIETNAMESE += [c.upper() for c in VIETNAMESE]


def test_vietnamese_letters_untouched() -> None:
    text = " ".join(VIETNAMESE)
    assert normalize(text).text == text
    assert normalize(text).starts is None  # the fast path: nothing to do
    assert normalize(unicodedata.normalize("NFD", text)).text == text
    assert not set(VIETNAMESE) & {chr(c) for c in lookalike_table()}


@pytest.mark.parametrize(
    "text",
    [
        "Thời tiết hôm nay đẹp quá, mọi người đi chơi vui vẻ nhé",
        "Hoà bình, thuỷ chung, khoẻ mạnh",  # old tone placement
        "Hòa bình, thủy chung, khỏe mạnh",  # new tone placement
        "NGƯỜI VIỆT NAM YÊU NƯỚC",
    ],
)
def test_vietnamese_sentences_untouched(text: str) -> None:
    assert normalize(text).text == text
    assert normalize(unicodedata.normalize("NFD", text)).text == text


@pytest.mark.parametrize(
    ("text", "syllables"),
    [
        ("Москва — столица России, и это очень красивый город.", 0),
        ("这是一个很好的文章，谢谢作者。", 0),
        ("정말 좋은 기사입니다. 감사합니다.", 0),
        ("บทความนี้ดีมาก ขอบคุณครับ", 0),
        ("Gia đình 👨\u200d👩\u200d👧 vui vẻ ❤\ufe0f 👍🏽", 4),
    ],
)
def test_other_scripts_make_no_links_or_syllables(text: str, syllables: int) -> None:
    norm = normalize(text)
    letters = {c for c in text if unicodedata.category(c) in ("Lo", "Ll", "Lu", "So")}
    assert letters <= set(norm.text)  # letters and emoji stay; invisible characters go
    assert find_links(text) == []
    assert validate(text).syllable_count == syllables


def test_links_hidden_by_unicode_are_found() -> None:
    for text in [
        "Xem kiem\u200atien.com nhé",
        "Xem \u202emoc.neitmeik\u202c nhé",
        "Xem kiemtien.\u0301com nhé",
        "Xem ᴋɪᴇᴍᴛɪᴇɴ.ᴄᴏᴍ nhé",
        "Xem 𝓀𝒾𝑒𝓂𝓉𝒾𝑒𝓃.𝒸ℴ𝓂 nhé",
        "Xem kıemtıen.ⅽom nhé",
        "Xem kiemtien\U000e0020.c\u034fom nhé",
        "Xem kiemtien\ufff9.\ufffbcom nhé",
    ]:
        [link] = find_links(text)
        assert link.url == "kiemtien.com", text
        assert text[link.span[0] : link.span[1]] == link.text


@pytest.mark.parametrize(
    "text",
    ["Xem kiemtien.cօm nhé", "Xem kiemtien.ꓚꓳꓟ nhé", "Xem gօօgle.vn nhé", "Xem ꓖꓳꓳꓖꓡꓰ.ꓚꓳꓟ nhé"],
)
def test_other_scripts_lookalikes_in_links(text: str) -> None:
    # Armenian and Lisu letters stay themselves in the analysis text, but the link scanner
    # reads a label with them as the Latin letters they imitate.
    assert normalize(text).text == text
    [link] = find_links(text)
    assert link.text == text.split()[1]


def test_fold_lookalikes() -> None:
    assert fold_lookalikes("ᴋɪᴇᴍ ⅽօm") == "kiem cօm"  # Armenian օ is text
    assert fold_lookalikes("ᴋɪᴇᴍ ⅽօm ꓮꓐꓚ кот", scripts=True) == "kiem com ABC kot"
    assert set(styled_table()) < set(lookalike_table())


@pytest.mark.parametrize(
    "text",
    [
        "\u0f73" * 200_000,  # decomposes to two marks each: NFC would sort them
        "a" + "\u0301\u0323" * 100_000,
        "a" + "\u0301" * 200_000 + "b",
        ".\u0301" * 100_000,
        ("\u202e\u202d" * 62 + "abc ") * 1_500,  # the deepest levels UAX #9 allows
        "\u202eab\n" * 15_000,  # a paragraph each
        "a\u200a" * 100_000,
        "a\u200b" * 100_000,
    ],
    ids=[
        "U+0F73",
        "acute+dot",
        "one run",
        "marked dots",
        "nested overrides",
        "lines",
        "hair",
        "zw",
    ],
)
def test_linear_on_hostile_input(text: str) -> None:
    # A guard with huge headroom, not a benchmark: about 0.5 s here for 200,000 characters
    # (quadratic NFC took 30 s for 80,000 marks).
    start = time.perf_counter()
    norm = normalize(text)
    assert time.perf_counter() - start < 10
    assert len(norm.text) <= len(text)


@pytest.mark.parametrize(
    "text",
    ["\u0f73" * 200_000, "a" + "\u0301\u0323" * 100_000, "Bài viết hay quá " + "\u0301" * 200_000],
    ids=["U+0F73", "acute+dot", "after words"],
)
def test_validate_linear_on_marks(text: str) -> None:
    # Issue 11's reproductions through every entry point: 80,000 U+0F73 took 30 s, 50,000
    # pairs 11 s. A guard with huge headroom: about 0.2 s here.
    start = time.perf_counter()
    report = validate(text, DEFAULT & NoPhoneNumbers())
    assert time.perf_counter() - start < 10
    assert [v.code for v in report.violations] == ["too_short"]


def test_marks_bounded_keeps_span() -> None:
    text = "a" + "\u0301\u0323" * 1000 + " b"
    norm = normalize(text)
    assert norm.text == "ạ b"  # one dot below composes; the other marks compose with nothing
    assert norm.span(0, 1) == (0, 2001)  # the dropped marks belong to the letter's range


@given(st.text())
def test_normalize_never_crashes_and_maps_inside(text: str) -> None:
    _check_map(normalize(text))


_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.text(alphabet=st.characters() | st.sampled_from(_BIDI_CONTROLS + "\n\u0301")))
def test_display_order_is_a_permutation(text: str) -> None:
    order = display_order(text)
    assert sorted(order) == [i for i, c in enumerate(text) if c not in _BIDI_CONTROLS]
    _check_map(normalize(text))


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from("abc xy 12 .,-:/\t" + _BIDI_CONTROLS), max_size=24))
def test_display_order_matches_the_reference_bidi(text: str) -> None:
    # The unicode-bidi crate (python-bidi) implements all of UAX #9: for Latin letters,
    # digits, punctuation and every bidi control, the order read here is the order it shows.
    # (Brackets are left out: it also mirrors them, and pairs them by N0, which is not done
    # here.)
    mine = "".join(text[i] for i in display_order(text))
    shown = get_display(text, base_dir="L")
    assert mine == "".join(c for c in shown if c not in _BIDI_CONTROLS)
