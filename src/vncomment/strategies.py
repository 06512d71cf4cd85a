"""Hypothesis strategies for testing code that handles Vietnamese comments.

Use them with ``@given``::

    from hypothesis import given
    from vncomment.strategies import comments, invalid_comments, links

    @given(comments())
    def test_good_comments_are_saved(text: str) -> None:
        assert my_site.accepts(text)

    @given(invalid_comments("contains_link"))
    def test_spam_is_rejected(text: str) -> None:
        assert not my_site.accepts(text)

* :func:`syllables` draws Vietnamese syllables built from the spelling grammar of
  :mod:`vncomment.syllables` (onset, rhyme, tone and the spelling rules), not from a word list;
* :func:`comments` draws comments that pass :data:`vncomment.rules.DEFAULT`: sentences of common
  words and grammar syllables, with punctuation, numbers, emoji, abbreviations, newlines, and
  sometimes in NFD (combining marks);
* :func:`invalid_comments` draws comments that fail for one given reason;
* :func:`links` draws links as spammers write them, :func:`abbreviations` dotted Vietnamese
  abbreviations and numbers that are not links.

Every strategy is built from ``sampled_from``, ``lists`` and plain draws, never from filters, so
a failing example shrinks to a short, readable comment: the words of the vocabulary below come
in the order of a sentence ("Bài viết rất hay cảm ơn tác giả ...") and shrink towards it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without Hypothesis
    raise ImportError(
        "vncomment.strategies needs Hypothesis: pip install 'vncomment[hypothesis]'"
    ) from error

from vncomment.syllables import BASE_LETTERS as _BASE
from vncomment.syllables import FRONT_VOWELS as _FRONT
from vncomment.syllables import ONSETS, RHYMES, TONE_MARKS

__all__ = ["CODES", "abbreviations", "comments", "invalid_comments", "links", "syllables"]

CODES = ("too_short", "missing_diacritics", "contains_link", "repetitive")
"""The codes :func:`invalid_comments` can draw comments for: the rules of ``DEFAULT``."""

# --- Syllables, from the spelling grammar -------------------------------------------------------

_TONE_MARKS = ("", *TONE_MARKS)  # by tone number: ngang huyền sắc hỏi ngã nặng
_STOP_TONES = (2, 5)  # a syllable ending in c, ch, p, t takes only sắc or nặng
_VOWELS = frozenset("aăâeêioôơuưy")
_SHAPED = frozenset("ăâêôơư")
_BEFORE_FRONT = {"c": "k", "g": "gh", "ng": "ngh"}  # kem, ghi, nghe
_NO_MEDIAL = frozenset(("b", "c", "m", "p", "ph", "v"))  # labials take no medial o/u; c is qu
_TWO_PLACES = frozenset(("oa", "oe", "uy"))  # hòa/hoà, khỏe/khoẻ, thủy/thuỷ


class _Spelling(NamedTuple):
    """A toneless lowercase syllable, where its tone mark may go, and whether it ends in a stop."""

    text: str
    places: tuple[int, ...]
    stop: bool

    @property
    def plain(self) -> bool:
        return self.text == self.text.translate(_BASE)


def _has_medial(rhyme: str) -> bool:
    """oa, oă, oe (and oai, oay ...) and uâ, uê, uy, uơ (and uyê, uây ...)."""
    return (rhyme[:1] == "o" and rhyme[1:2] in ("a", "ă", "e")) or (
        rhyme[:1] == "u" and rhyme[1:2] in ("â", "ê", "y", "ơ")
    )


def _spell(onset: str, rhyme: str) -> _Spelling | None:
    """Write ``onset`` + ``rhyme`` by the spelling rules, or None when Vietnamese has no such
    syllable shape. ``onset`` is one of the sounds (k, gh, ngh are spellings of c, g, ng)."""
    medial = _has_medial(rhyme)
    if onset == "qu":  # qu carries the medial u: qua = qu + oa, quốc = qu + uôc, quyết = qu + uyêt
        if not (medial or rhyme == "uôc"):
            return None
        written = rhyme[1:]
    elif onset == "gi":  # gi + i is written once: gì, gìn, giếng
        if medial or rhyme.startswith("y"):
            return None
        written = rhyme[1:] if rhyme.startswith("i") else rhyme
    else:
        if medial and onset in _NO_MEDIAL:
            return None
        if rhyme.startswith("yê") and onset:  # yên, yêu stand alone; after an onset: tiên, tiêu
            return None
        if rhyme.startswith("iê") and not onset:
            return None
        if rhyme.startswith(_FRONT):
            onset = _BEFORE_FRONT.get(onset, onset)
        written = rhyme
    vowels = [i for i, c in enumerate(written) if c in _VOWELS]
    shaped = [i for i in vowels if written[i] in _SHAPED]
    places: tuple[int, ...]
    if not vowels:  # gì, gìn: the tone sits on the i of gi
        places = (-1,)
    elif shaped:  # người, tiến, quốc: on the (last) vowel with a shape mark
        places = (shaped[-1],)
    elif written[-1] not in _VOWELS:  # toàn, huỳnh: before a coda, on the last vowel
        places = (vowels[-1],)
    elif len(vowels) == 3:  # ngoài, khuỷu
        places = (vowels[1],)
    elif written in _TWO_PLACES:  # old and new placement are both correct
        places = (vowels[0], vowels[1])
    else:  # mía, múa, máy, núi
        places = (vowels[0],)
    return _Spelling(
        onset + written,
        tuple(len(onset) + p for p in places),
        written.translate(_BASE).endswith(("c", "ch", "p", "t")),
    )


@cache
def _spellings() -> tuple[_Spelling, ...]:
    """Every onset × rhyme the spelling rules allow, shortest first (they shrink to "a")."""
    rhymes = sorted(RHYMES, key=lambda r: (len(r), r.translate(_BASE), r))
    found = []
    for onset in ONSETS:
        if onset in ("k", "gh", "ngh"):
            continue  # spelt from c, g, ng by _spell
        for rhyme in rhymes:
            spelling = _spell(onset, rhyme)
            if spelling is not None:
                found.append(spelling)
    return tuple(sorted(found, key=lambda s: len(s.text)))


def _tones(spelling: _Spelling, marked: bool | None) -> tuple[int, ...]:
    if spelling.stop:
        return _STOP_TONES
    if marked and spelling.plain:
        return (1, 2, 3, 4, 5)  # no other mark: a tone makes it marked
    return (0, 1, 2, 3, 4, 5)


def _with_tone(spelling: _Spelling, tone: int, place: int) -> str:
    text, at = spelling.text, spelling.places[place]
    return unicodedata.normalize("NFC", text[: at + 1] + _TONE_MARKS[tone] + text[at + 1 :])


@st.composite
def _marked_syllable(draw: st.DrawFn, spellings: tuple[_Spelling, ...], marked: bool | None) -> str:
    spelling = draw(st.sampled_from(spellings))
    tone = draw(st.sampled_from(_tones(spelling, marked)))
    place = draw(st.integers(0, len(spelling.places) - 1)) if len(spelling.places) > 1 else 0
    return _with_tone(spelling, tone, place)


@cache
def _plain_forms() -> tuple[str, ...]:
    """The base-letter forms of every spelling: viet, nguoi, cho ... (no tone, no marks)."""
    return tuple(dict.fromkeys(s.text.translate(_BASE) for s in _spellings()))


_CASES = (str.lower, str.capitalize, str.upper)


def syllables(marked: bool | None = None) -> st.SearchStrategy[str]:
    """Vietnamese syllables built from the spelling grammar, in lower, title or upper case.

    Onset × rhyme × tone with the spelling rules of :mod:`vncomment.syllables`: k/gh/ngh before
    i, e, ê, y and c/g/ng elsewhere, gi and qu, stop codas (c, ch, p, t) only with sắc or nặng,
    and both tone placements for hòa/hoà, khỏe/khoẻ, thủy/thuỷ. ``marked=True`` draws only
    syllables with a diacritic (tone, vowel mark or đ), ``marked=False`` only plain ones (the
    letters of a syllable with every mark removed, as in text typed without marks: "viet",
    "nguoi", "cho"), ``None`` either. Every one is accepted by :func:`vncomment.syllables.parse`.

    Example::

        @given(syllables(marked=True))
        def test_marked_syllables_count(syllable: str) -> None:
            assert count_syllables(syllable) == 1
    """
    case = st.sampled_from(_CASES)
    if marked is False:
        base = st.sampled_from(_plain_forms())
    else:
        base = _marked_syllable(_spellings(), marked)
    return st.tuples(base, case).map(lambda drawn: drawn[1](drawn[0]))


# --- Comments ------------------------------------------------------------------------------------

# Common words of Vietnamese news comments, written for this module. The first ones read as a
# sentence, so an example shrinks to "Bài viết rất hay cảm ơn tác giả đã chia sẻ ...". Words
# that spell a dot ("chấm", "cham", "dot") are left out: they would join neighbours into a link.
_VOCABULARY = tuple(
    "bài_viết rất hay cảm_ơn tác_giả đã chia_sẻ thông_tin hữu_ích này tôi thấy người dân cần "
    "được biết nhiều hơn về vấn_đề của chúng_ta mọi_người nên đọc kỹ trước khi bình_luận ý_kiến "
    "đúng quá nhưng mà vẫn chưa đủ và những gì xảy_ra ở Việt_Nam Hà_Nội Sài_Gòn Đà_Nẵng năm nay "
    "giá nhà đất tăng giảm lương thấp cao học_sinh sinh_viên giáo_viên bác_sĩ bệnh_viện "
    "giao_thông đường phố kẹt_xe mưa nắng trời hôm_nay ngày_mai tuần tháng đi_làm về_nhà "
    "gia_đình con_cái cha_mẹ ông_bà bạn_bè hàng_xóm chính_quyền địa_phương cơ_quan chức_năng "
    "kiểm_tra xử_lý nghiêm trách_nhiệm pháp_luật quy_định mới cũ tốt xấu đẹp buồn vui lo_lắng "
    "hy_vọng mong sớm muộn thật_sự chắc_chắn có_lẽ có_thể không cũng đều luôn thường ít lắm "
    "thêm nữa rồi đây đó kia ai sao thế_nào bao_giờ tại_sao vì nếu thì để với cho ra trong "
    "ngoài trên dưới sau giữa bên cạnh xe_máy ô_tô xe_buýt tàu_điện sân_bay thành_phố "
    "nông_thôn miền_Trung miền_Tây lũ_lụt bão môi_trường rác_thải ô_nhiễm sức_khỏe thực_phẩm "
    "an_toàn bóng_đá đội_tuyển cầu_thủ trận_đấu chiến_thắng kinh_tế doanh_nghiệp thị_trường "
    "ngân_hàng lãi_suất tiết_kiệm đầu_tư công_việc thu_nhập cuộc_sống xã_hội văn_hóa lịch_sử "
    "truyền_thống quê_hương đất_nước tương_lai thế_hệ trẻ già ủng_hộ phản_đối đồng_ý góp_ý "
    "phóng_viên tòa_soạn báo đăng nhanh chính_xác khách_quan cảm_động tự_hào thương yêu nhớ "
    "mãi chúc may_mắn bình_an khoẻ_mạnh hạnh_phúc xin hỏi trả_lời giúp cảm_thấy nghĩ hiểu nói "
    "làm sống ăn uống ngủ chờ đợi nhận gửi mua bán thuê trả tiền triệu tỷ hoà_bình thuỷ_điện "
    "toà_án khuya quyết_định nguyện_vọng giữ_gìn huỳnh_quang".split()
)
_WORDS = tuple(w.replace("_", " ") for w in _VOCABULARY)


def _is_plain(syllable: str) -> bool:
    return unicodedata.normalize("NFD", syllable).isascii()


def _plain_count(word: str) -> int:
    return sum(_is_plain(s) for s in word.split())


# Abbreviations and numbers that count no syllable and are not links, in any case.
_EXTRAS = (
    "TP.HCM", "TP.HN", "Q.1", "P.5", "PGS.TS", "ThS.BS", "GS.TS", "Th.S", "Q.BT", "2023", "15%",
    "3.5", "1.000.000đ", "20.11.2023", "9h30", "100k", "v.v.",
)  # fmt: skip
_EMOJI = ("😂", "👍", "❤️", "🙏", "😡", "👏")
# After a word: mostly a space; sometimes a comma, the end of a sentence, a newline or an emoji.
_SEPARATORS = (
    " ", " ", " ", " ", " ", " ", ", ", ". ", "! ", "? ", "... ", "  ", ".\n", "!\n\n", " 😂 ",
    " 👍 ", "\n",
)  # fmt: skip
_ENDINGS = ("", ".", "!", "...", "?", "!!!", " 👍", " ❤️", " 🙏")
_SENTENCE_ENDS = (". ", "! ", "? ", "... ", ".\n", "!\n\n", "\n")


@cache
def _comment_syllables(marked: bool) -> tuple[str, ...]:
    """Grammar syllables for comments, lowercase NFC, without the spelled-out dots and without
    single letters: four of those ("À a á ả") are padding to NoRepetition, whatever their tones."""
    if marked:
        found = [
            _with_tone(s, t, 0)
            for s in _spellings()
            for t in _tones(s, True)
            if s.text.translate(_BASE) not in ("cham", "dot") and len(s.text) > 1
        ]
    else:
        found = [
            p for p in _plain_forms() if p not in ("cham", "dot") and "oo" not in p and len(p) > 1
        ]
    return tuple(dict.fromkeys(found))


class _Sentence:
    """Pieces of a comment being drawn, with their count of syllables and plain syllables."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.count = 0
        self.plain = 0
        self.used_words: set[int] = set()
        self.used_syllables: set[str] = set()

    def add(self, text: str, syllables: int, plain: int) -> None:
        self.pieces.append(text)
        self.count += syllables
        self.plain += plain
        self.used_syllables.update(s.lower() for s in text.split())


@st.composite
def _words(draw: st.DrawFn, min_syllables: int, max_syllables: int) -> list[tuple[str, bool]]:
    """Words of a comment with ``min_syllables`` to ``max_syllables`` syllables: common words,
    each used once, and grammar syllables not used before; ``(word, is_extra)`` pairs. Plain
    syllables stay under 40 % of the target, so the comment reads as typed with marks whatever
    each plain word weighs; that is the line of RequireDiacritics."""
    vocabulary = _WORDS
    target = draw(st.integers(min_syllables, max_syllables))
    budget = max(0, (2 * target - 1) // 5)
    built = _Sentence()
    words: list[tuple[str, bool]] = []
    kinds = st.sampled_from(("word", "word", "word", "word", "syllable", "plain", "extra"))
    while built.count < target:
        kind = draw(kinds)
        if kind == "extra":
            words.append((draw(st.sampled_from(_EXTRAS)), True))
            continue
        plain = kind == "plain" and built.plain < budget
        if plain or kind == "syllable":
            pool = _comment_syllables(not plain)
            word = pool[draw(st.integers(0, len(pool) - 1))]
            if word not in built.used_syllables:
                built.add(word, 1, int(plain))
                words.append((word, False))
                continue
        # A common word not used yet that fits the syllable and plain budgets.
        room, plain_room = max_syllables - built.count, budget - built.plain
        fitting = [
            i
            for i, w in enumerate(vocabulary)
            if i not in built.used_words
            and len(w.split()) <= room
            and _plain_count(w) <= plain_room
        ]
        if fitting:
            i = draw(st.sampled_from(fitting))
            built.used_words.add(i)
            word = vocabulary[i]
            built.add(word, len(word.split()), _plain_count(word))
            words.append((word, False))
        else:  # long comments: the next marked grammar syllable not used yet
            pool = _comment_syllables(True)
            word = next(s for s in pool if s not in built.used_syllables)
            built.add(word, 1, 0)
            words.append((word, False))
    return words


@st.composite
def _punctuated(draw: st.DrawFn, words: list[tuple[str, bool]]) -> str:
    """Join words into sentences: separators, capitals after a sentence ends, an ending."""
    shout = draw(st.sampled_from((False, False, False, False, True)))
    out: list[str] = []
    capital = True
    for n, (word, extra) in enumerate(words):
        if not extra:
            if shout:
                word = word.upper()
            elif capital:
                word = word[0].upper() + word[1:]
            capital = False
        out.append(word)
        if n < len(words) - 1:
            separator = draw(st.sampled_from(_SEPARATORS))
            capital = capital or separator in _SENTENCE_ENDS
            out.append(separator)
    out.append(draw(st.sampled_from(_ENDINGS)))
    return "".join(out).strip(" ")


def _maybe_nfd(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """About one comment in five typed with combining marks ("Unicode tổ hợp")."""
    forms = st.sampled_from(("NFC", "NFC", "NFC", "NFC", "NFD"))
    return st.builds(unicodedata.normalize, forms, text)


@st.composite
def _sentences(draw: st.DrawFn, min_syllables: int, max_syllables: int) -> str:
    return draw(_punctuated(draw(_words(min_syllables, max_syllables))))


def comments(min_syllables: int = 10, max_syllables: int = 60) -> st.SearchStrategy[str]:
    """Comments that pass :data:`vncomment.rules.DEFAULT`, with ``min_syllables`` to
    ``max_syllables`` Vietnamese syllables.

    Sentences of common words and syllables from the spelling grammar, most with marks, with
    commas, full stops, "...", "!!!", newlines, emoji, numbers (2023, 3.5, 1.000.000đ, 9h30)
    and abbreviations (TP.HCM, PGS.TS, v.v.); some all in capitals, some in NFD. No word is
    repeated and fewer than 40 % of the syllables are plain, so each one passes every rule of
    ``DEFAULT``. ``min_syllables`` must be at least 10, the default rule's minimum.

    Example::

        @given(comments())
        def test_comment_form_saves_valid_comments(text: str) -> None:
            response = client.post("/comments", json={"body": text})
            assert response.status_code == 201
    """
    if min_syllables < 10:
        raise ValueError(f"comments pass DEFAULT only from 10 syllables, got {min_syllables}")
    if max_syllables < min_syllables:
        raise ValueError(f"max_syllables {max_syllables} < min_syllables {min_syllables}")
    return _maybe_nfd(_sentences(min_syllables, max_syllables))


# --- Invalid comments -----------------------------------------------------------------------------

_MARK_CHARS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _strip_marks(text: str) -> str:
    """Remove the Vietnamese tone and vowel marks and write đ as d; leave all else alone."""
    kept = (c for c in unicodedata.normalize("NFD", text) if c not in _MARK_CHARS)
    return unicodedata.normalize("NFC", "".join(kept).replace("đ", "d").replace("Đ", "D"))


@cache
def _marked_single_words() -> tuple[str, ...]:
    """Marked one-syllable words of the vocabulary, for padding made of repeats."""
    found = (s for w in _WORDS for s in w.lower().split() if not _is_plain(s))
    return tuple(dict.fromkeys(found))


@st.composite
def _repetitive(draw: st.DrawFn) -> str:
    """A phrase said over and over ("hay quá hay quá hay quá ..."), sometimes after a few other
    words; repeats are at least half of the syllables, and there are at least 10."""
    pool = _marked_single_words()
    phrase = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=True))
    size = len(phrase)
    times = draw(st.integers(max(2, -(-10 // size)), max(2, -(-10 // size)) + 6))
    others = [w for w in pool if w not in phrase]
    lead = draw(st.lists(st.sampled_from(others), max_size=size * (times - 2), unique=True))
    separator = draw(st.sampled_from((" ", ", ", "! ", "\n")))
    said = separator.join([" ".join(phrase)] * times)
    text = " ".join([*lead, said]) + draw(st.sampled_from(("", "!!!", " 😂", "...")))
    return text[0].upper() + text[1:]


@st.composite
def _with_link(draw: st.DrawFn) -> str:
    words = draw(_sentences(10, 40)).split(" ")
    at = draw(st.integers(0, len(words)))
    return " ".join([*words[:at], draw(links()), *words[at:]])


def invalid_comments(code: str) -> st.SearchStrategy[str]:
    """Comments that :data:`vncomment.rules.DEFAULT` rejects with ``code``, and for no other
    reason:

    * ``"too_short"``: 0 to 9 syllables, typed with marks;
    * ``"missing_diacritics"``: a valid comment of 10 or more syllables with every mark removed;
    * ``"contains_link"``: a valid comment with a link from :func:`links` between two words;
    * ``"repetitive"``: a phrase of up to four marked syllables said over and over, at least
      10 syllables in all.

    Any other code raises ``ValueError``.

    Example::

        @given(invalid_comments("contains_link"))
        def test_spam_gets_400(text: str) -> None:
            assert client.post("/comments", json={"body": text}).status_code == 422
    """
    if code == "too_short":
        return _maybe_nfd(_sentences(0, 9))
    if code == "missing_diacritics":
        # Without words that strip to English ("thế" -> the): a comment of many would be read
        # as English and fall short of 10 syllables as well.
        return _sentences(10, 60).map(_strip_marks)
    if code == "contains_link":
        return _maybe_nfd(_with_link())
    if code == "repetitive":
        return _maybe_nfd(_repetitive())
    raise ValueError(f"unknown code {code!r}; choose one of {', '.join(CODES)}")


# --- Links ----------------------------------------------------------------------------------------

# Names that are not Vietnamese syllables, as spam domains are (glued words, brands).
_NAMES = st.sampled_from(
    ["kiemtien", "abc", "dienmayabc", "thoitrang24h", "shopgiare", "vaynhanh", "tintuc-moi",
     "abc123", "xn--vitnam-jk8b", "việtnam", "muabannhanh", "gamebai", "nhacai99", "188bet"]
)  # fmt: skip
_LINK_ENDINGS = st.sampled_from(
    ["com", "vn", "net", "org", "xyz", "info", "com.vn", "io", "top", "me", "vip", "bet"]
)
_PATHS = st.sampled_from(["", "/", "/dang-ky", "/a/b?c=1&d=2", "#top", "/?ref=fb"])
_SHORT_PATHS = st.sampled_from(["3xYz", "kiemtien", "0912345678", "shopabc", "dQw4w9WgXcQ"])
_SCHEMES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "ftp://", "hxxp://", "hxxps[:]//", "hppt://",
     "https ://", "h t t p s : / / ", "//"]
)  # fmt: skip
# Dots as spammers write them; full-width, ideographic, small and leader dots are undone by
# normalisation.
_DOTS = st.sampled_from(
    [".", " chấm ", " CHẤM ", " Chấm ", " cham ", " dot ", " DOT ", "[.]", "(.)", "(dot)", "[dot]",
     "[chấm]", "(cham)", " . ", " .", "．", "。", "｡", "﹒", "․", "\u00a0.\u00a0",
     # dot symbols, dots in braces and angle brackets, spaced brackets
     "·", "•", "∙", "⋅", "‧", "・", "･", " · ", "{.}", "<.>", "( . )", " [ . ] ", "(·)", "{dot}"]
)  # fmt: skip
# Names written like domains (ASCII, not a Vietnamese syllable), for the spoken disguises.
_ASCII_NAMES = st.sampled_from(
    ["kiemtien", "abc", "dienmayabc", "shopgiare", "vaynhanh", "abc123", "muabannhanh", "nhacai99"]
)
# Endings as they are said or misspelt, after a spoken or written dot.
_SPOKEN_ENDINGS = st.sampled_from(["cơm", "côm", "kom", "vê nờ", "vê en", "vờ nờ", "nét", "CƠM"])
# One syllable before an ending that no word follows, with a written dot.
_SYLLABLE_NAMES = st.sampled_from(["vay", "nha", "xe", "tien", "nhà", "shop"])
# Styled letters: mathematical bold, mathematical sans-serif, circled (a-z only).
_STYLES = (0x1D41A, 0x1D5BA, 0x24D0)
_INVISIBLE = st.sampled_from(["\u200b", "\u00ad", "\u200c", "\u2060", "\ufeff"])
# Latin -> Cyrillic or Greek look-alikes.
_LOOKALIKES = (
    {"o": "о", "a": "а", "c": "с", "e": "е", "p": "р"},
    {"o": "ο", "i": "ι", "v": "ν", "t": "τ", "k": "κ", "a": "α", "e": "ε", "u": "υ"},
)


@st.composite
def _disguised(draw: st.DrawFn) -> str:
    name, ending = draw(_NAMES), draw(_LINK_ENDINGS)
    trick = draw(
        st.sampled_from(
            ["dot", "invisible", "lookalike", "fullwidth", "styled", "com", "spoken comma",
             "spoken ending", "spelled", "syllable"]
        )
    )  # fmt: skip
    if trick == "dot":
        return name + draw(_DOTS) + ending.replace(".", draw(_DOTS))
    if trick == "spoken comma":  # kiemtien phẩy com
        return draw(_NAMES) + draw(st.sampled_from([" phẩy ", " phay ", " PHẨY "])) + ending
    if trick == "spoken ending":  # kiemtien chấm cơm, vaynhanh chấm vê nờ
        dot = draw(st.sampled_from([" chấm ", " cham ", " dot ", ".", "[.]", " . "]))
        return draw(_ASCII_NAMES) + dot + draw(_SPOKEN_ENDINGS)
    if trick == "spelled":  # k i e m t i e n . c o m
        spelled = " ".join(draw(_ASCII_NAMES))
        dot = draw(st.sampled_from([" . ", " chấm ", ".", " [.] ", " · "]))
        tail = draw(st.sampled_from(["com", "vn", "net", "xyz"]))
        return spelled + dot + (" ".join(tail) if draw(st.booleans()) else tail)
    if trick == "syllable":  # vay.vn, nha.net, xe.com.vn
        dot = draw(st.sampled_from([".", "·", "[.]"]))
        tail = draw(st.sampled_from(["vn", "net", "org", "com.vn", "info", "xyz"]))
        return draw(_SYLLABLE_NAMES) + dot + tail
    if trick == "com":  # the weakest disguises, read as links only before com
        return draw(_NAMES) + draw(st.sampled_from([",", ". ", " , "])) + "com"
    if trick == "styled":
        style = draw(st.sampled_from(_STYLES))
        return "".join(
            chr(style + ord(c) - ord("a")) if "a" <= c <= "z" else c for c in f"{name}.{ending}"
        )
    if trick == "invisible":
        at = draw(st.integers(1, len(ending) - 1)) if len(ending) > 1 else 1
        return f"{name}.{ending[:at]}{draw(_INVISIBLE)}{ending[at:]}"
    if trick == "lookalike":
        table = draw(st.sampled_from(_LOOKALIKES))
        swapped = "".join(table.get(c, c) for c in ending)
        if swapped == ending:  # nothing to swap in the ending: swap in the name
            swapped_name = "".join(table.get(c, c) for c in name)
            return f"{swapped_name}.{ending}/x" if swapped_name != name else f"{name}.{ending}"
        return f"{name}.{swapped}"
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in f"{name}.{ending}")


@cache
def _known_hosts() -> tuple[str, ...]:
    from vncomment.links import KNOWN_HOSTS

    return tuple(sorted(KNOWN_HOSTS))


@st.composite
def _plain(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(["scheme", "www", "bare", "short", "email", "ip", "ipv6", "port", "mailto"])
    )
    host = f"{draw(_NAMES)}.{draw(_LINK_ENDINGS)}"
    if kind == "scheme":
        return draw(_SCHEMES) + host + draw(_PATHS)
    if kind == "www":
        return draw(st.sampled_from(["www.", "WWW."])) + host + draw(_PATHS)
    if kind == "bare":
        return host + draw(_PATHS)
    if kind == "short":
        return f"{draw(st.sampled_from(_known_hosts()))}/{draw(_SHORT_PATHS)}"
    if kind == "port":
        return f"{host}:{draw(st.sampled_from(['8080', '443', '3000']))}"
    local = draw(st.sampled_from(["lienhe", "nguyen.van.a", "ban+tin", "hotro_24h"]))
    if kind == "email":
        return f"{local}@{host}"
    if kind == "mailto":
        return f"mailto:{local}@{host}"
    if kind == "ip":
        octets = draw(st.lists(st.integers(0, 255), min_size=4, max_size=4))
        port = draw(st.sampled_from(["", ":8080"]))
        return ".".join(map(str, octets)) + port + draw(_PATHS)
    return draw(st.sampled_from(["2001:db8::1:2", "[2001:db8::1]:8080", "fe80::1:2:3"]))


def links(disguised: bool = True) -> st.SearchStrategy[str]:
    """Links as spammers write them: schemes (also misspelt and spaced out), www, bare domains
    with paths and ports, IDN and punycode, short and messaging links (every host of
    :data:`vncomment.links.KNOWN_HOSTS`), e-mail addresses and ``mailto:``, IPv4 and IPv6; with
    ``disguised`` also spelled-out, spaced and bracketed dots (also in braces, angle brackets
    and spaced brackets), full-width, ideographic, small and leader dots, dot symbols (· • ∙ ⋅
    ・), a comma or a full stop and a space before ``com``, a spoken comma (``phẩy com``),
    endings said or misspelt (``chấm cơm``, ``chấm vê nờ``, ``kom``, ``nét``), names spelled
    letter by letter (``k i e m t i e n . c o m``), one syllable before an ending no word
    follows (``vay.vn``), invisible characters, Cyrillic and Greek look-alikes, full-width and
    styled letters (𝐤𝐢𝐞𝐦, ⓚⓘⓔⓜ). Every one is
    a link to :func:`vncomment.links.find_links`, wherever it stands between two words.

    Example::

        @given(links())
        def test_spam_is_rejected(link: str) -> None:
            assert not my_site.accepts("Bài viết rất hay, xem thêm ở " + link)
    """
    return st.one_of(_plain(), _disguised()) if disguised else _plain()


_ABBREVIATIONS = [
    "TP.HCM", "TP.HN", "Tp.HN", "Q.1", "Q.BT", "Q.PN", "H.CC", "P.5", "ThS.BS", "TS.BS",
    "PGS.TS", "Th.S", "T.Ư", "U.23", "v.v.", "GS.TS", "TX.ST", "Node.js", "readme.md",
    "main.py", "Nguyễn Văn A.",
]  # fmt: skip
# Not ASP.NET: it is safe only where the comment uses lowercase too; in a comment written all in
# capitals it reads like any short domain (asp.net is one), see vncomment.links.


@st.composite
def _number(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["decimal", "money", "date", "time", "percent", "version"]))
    a, b = draw(st.integers(0, 99)), draw(st.integers(0, 99))
    if kind == "decimal":
        return f"{a}.{b} triệu"
    if kind == "money":
        return f"{draw(st.integers(1, 999))}.000.000đ"
    if kind == "date":
        day, month = draw(st.integers(1, 31)), draw(st.integers(1, 12))
        return f"{day}.{month}.{draw(st.integers(1990, 2030))}"
    if kind == "time":
        return f"{draw(st.integers(0, 23))}.{draw(st.integers(0, 59)):02d} sáng"
    if kind == "percent":
        return f"{a}.{b}%"
    return f"v{a}.{b}.{draw(st.integers(0, 9))}"


def abbreviations() -> st.SearchStrategy[str]:
    """Vietnamese abbreviations, names and numbers that look dotted but are not links
    (TP.HCM, ThS.BS, Q.1, v.v., Node.js, 3.5 triệu, 1.000.000đ, 20.11.2023, v1.2.3 ...), in a
    comment written in any case.

    Example::

        @given(abbreviations())
        def test_abbreviations_are_not_spam(abbreviation: str) -> None:
            assert my_site.accepts("Bác sĩ ở " + abbreviation + " nói rất đúng, cảm ơn bài viết.")
    """
    return st.one_of(st.sampled_from(_ABBREVIATIONS), _number())
