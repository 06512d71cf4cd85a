"""RequireDiacritics: cases written for the project, each with the reason for its verdict."""

from __future__ import annotations

import unicodedata

import pytest
from unidecode import unidecode

from vncomment import analyze, validate
from vncomment.diacritics import judge, plain_share
from vncomment.rules import RequireDiacritics

ACCENTED = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."

CASES = [
    ("Anh ta cho con xe ra sau nhà trong khi trời mưa to quá", False,
     "correct Vietnamese, two thirds plain: cho, con, xe, ra, trong are written plain"),
    ("cho con ra sau trong khi anh ta con ra xe", True,
     "every word is a real plain word, but not one mark in eleven syllables"),
    ("Toi khong biet nguoi ta noi gi ve chuyen nay nua", True,
     "khong, biet, nguoi, chuyen can only be written with marks"),
    (ACCENTED, False, "accented comment"),
    ("Bài viết rất hay, cam ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người.", False,
     "one slip (cam) in an accented comment"),
    ("Bài viết rất hay, cam on tác giả đã chia sẻ thông tin hữu ích này với mọi nguoi.", False,
     "two or three slips in a long accented comment"),
    (unicodedata.normalize("NFD", ACCENTED), False, "combining marks are marks"),
    (ACCENTED.upper(), False, "uppercase keeps its marks"),
    (unidecode(ACCENTED).upper(), True, "uppercase without marks"),
    ("Bài viet rat hay, cam on tác gia da chia se thong tin huu ich nay voi moi nguoi.", True,
     "mixed text that is mostly unmarked"),
    ("Bài viết rất hay cam on tac gia da chia se thong tin huu ich", True,
     "starts accented, then the keyboard switched off"),
    ("Vieetj Nam voo ddichj, tooi raats vui vif ddieeuf nayf", True,
     "raw Telex keystrokes are not marks"),
    ("Vie^.t Nam vo^ ddi.ch, to^i ra^'t vui vi` ddie^`u na`y", True,
     "VIQR keystrokes are not marks"),
    ("I really love this product, thank you for the fast delivery and the good service", False,
     "English is not Vietnamese without marks"),
    ("we can go to the man in a hat and so on it is", False,
     "Vietnamese-shaped English words in an English sentence"),
    ("khong", False, "one word cannot be decided"),
    ("sp ok, dc, ko sao", False, "chat spellings are neither marked nor unmarked"),
    ("Giao hàng nhanh, sp ok, shop tư vấn nhiệt tình, sẽ ủng hộ dài dài", False,
     "accented review with chat words and English"),
    ("Son Heung Min ghi bàn, Kim Min Jae chơi hay", False,
     "Korean names: capitalised words with a foreign one (Heung, Jae) are a name"),
    ("Mua bản AT hay MT, HOT nhất là bản TOP", False,
     "words in capitals amid lowercase are abbreviations and model names"),
    ("hix hix, xem phim Thor xong buồn ngủ quá", False,
     "a final s/f/r/x/j alone is not Telex in a comment that never shapes a vowel"),
    ("Vieetj Nam voo ddichj, mootj nuwowcs raats vui vif hix", True,
     "in a Telex comment, tone letters alone are Telex too"),
    ("Anh Minh ơi, con trai anh ngoan lắm nha, chúc gia đình anh an khang.", False,
     "every plain word is a real word (anh, Minh, con, nha, an): no reader sees a missing mark"),
    ("Sang năm Minh Long học lớp ba, con trai giỏi lắm, ba thương con nha.", False,
     "the same with names and the Southern ba, nha"),
    ("Mỗi người có quan điểm riêng, but I think this is not true at all, sorry nha", False,
     "an English phrase (but, not, at) is English, not Vietnamese typed plain"),
    ("Hang Dep Lam Shop Giao Hang Nhanh Dong Goi Can Than Se Ung Ho Tiep", True,
     "a whole sentence in title case is no name, though it holds an English word (Shop)"),
    ("Hôm qua Nguyen Van Anh va Tran Thi Hoa di hoc ve muon", True,
     "Vietnamese names typed without marks are not excused"),
]


@pytest.mark.parametrize(("text", "flagged", "reason"), CASES, ids=[c[2][:40] for c in CASES])
def test_cases(text: str, flagged: bool, reason: str) -> None:
    assert bool(RequireDiacritics().violations(analyze(text))) is flagged, reason


def test_nfd_behaves_like_nfc() -> None:
    for text, _, _ in CASES:
        nfc, nfd = judge(analyze(text)), judge(analyze(unicodedata.normalize("NFD", text)))
        assert (nfd.unmarked_text, nfd.share) == (nfc.unmarked_text, nfc.share)
        assert [t.text for t in nfd.unmarked] == [t.text for t in nfc.unmarked]


def test_violation_points_at_the_unmarked_words() -> None:
    text = "Toi khong biet nguoi ta noi gi ve chuyen nay nua"
    (v,) = validate(text, RequireDiacritics()).violations
    assert v.code == "missing_diacritics"
    words = [text[a:b] for a, b in v.params["spans"]]
    assert {"khong", "biet", "nguoi", "chuyen"} <= set(words)
    assert v.params["percent"] == 100
    assert 0 < v.params["share"] <= 1
    assert "khong" in v.message


def test_strictness_moves_the_line() -> None:
    text = "Bài viết rất hay, cam on tác gia da chia sẻ thông tin hữu ích này"
    share = judge(analyze(text)).share
    assert 0.2 < share < 0.6
    assert RequireDiacritics(strictness=1.0 - share + 0.01).violations(analyze(text))
    assert not RequireDiacritics(strictness=1.0 - share - 0.01).violations(analyze(text))


def test_plain_share_table() -> None:
    assert plain_share("ra") > 0.9  # "ra" is almost always written plain
    assert plain_share("khong") == 0.0  # "không" always carries its marks
    assert plain_share("xyzzy") is None


def test_tone_letter_words_are_not_counted_outside_telex() -> None:
    # "Lux" and "Thor" are a brand and a film, not "lũ" and "thỏ" typed in Telex
    assert len(analyze("Mua dầu gội Lux ở đâu vậy mọi người, Lux có tốt không").syllables) == 11
    assert len(analyze("Vieetj Nam raats vui").syllables) == 4


def test_tokens_and_syllables_agree_on_one_keystroke_words() -> None:
    analysis = analyze("Tôi thấy cái xoong hix rồi")
    kinds = {t.text: (t.kind, t.typed) for t in analysis.tokens}
    assert kinds["xoong"] == ("syllable", None)  # a syllable as written, not Telex for xông
    assert kinds["hix"] == ("word", None)
    assert [t.text for t in analysis.syllables] == ["Tôi", "thấy", "cái", "xoong", "rồi"]
