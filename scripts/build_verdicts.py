"""Build tests/fixtures/verdicts.json: default ``validate()`` verdicts on ~3,300 varied comments.

    python scripts/build_verdicts.py            # re-judge the stored comments with today's code
    python scripts/build_verdicts.py --redraw   # draw the comments again, then judge them

``tests/test_verdicts.py`` compares today's verdicts (violation codes and syllable count) with
this file, so a change of speed or shape that changes a verdict is seen. When a verdict changes
on purpose (a new disguise found, a new input method read), review the differences the test
prints, then rerun this script (without ``--redraw``) and commit the fixture with the change.

The comments are written for the project, never taken from a corpus: sentences drawn with a
fixed seed from a vocabulary below and from :mod:`vncomment.strategies`, in families that
each exercise one part of the analysis (accented, stripped, half stripped, Telex, VIQR, VNI,
links, abbreviations, numbers, English, emoji, chat spellings, NFD, long, hostile repeats).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from unidecode import unidecode

import vncomment

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "verdicts.json"
DESCRIPTION = (
    "Default validate() verdicts (codes, syllable count) on comments written for the project; "
    "built by scripts/build_verdicts.py, checked by tests/test_verdicts.py"
)

WORDS = (
    "bài viết rất hay cảm ơn tác giả đã chia sẻ thông tin hữu ích tôi thấy người dân cần được "
    "biết nhiều hơn về vấn đề chúng ta mọi người nên đọc kỹ trước khi bình luận đúng quá nhưng "
    "mà vẫn chưa đủ những gì xảy ra ở năm nay giá nhà đất tăng giảm lương thấp cao học sinh "
    "giáo viên bác sĩ bệnh viện giao thông đường phố kẹt xe mưa nắng trời hôm ngày mai tuần "
    "tháng đi làm về gia đình con cái cha mẹ ông bà bạn bè hàng xóm chính quyền địa phương "
    "kiểm tra xử lý nghiêm trách nhiệm pháp luật quy định mới cũ tốt xấu đẹp buồn vui lo lắng "
    "hy vọng mong sớm muộn thật sự chắc chắn có lẽ thể không cũng đều luôn thường ít lắm thêm "
    "nữa rồi đây đó kia ai sao thế nào bao giờ tại vì nếu thì để với cho trong ngoài trên dưới "
    "sau giữa bên cạnh máy ô tô buýt tàu điện sân bay thành nông thôn miền lũ lụt bão môi "
    "trường rác thải nhiễm sức khỏe thực phẩm an toàn bóng đá đội tuyển cầu thủ trận đấu chiến "
    "thắng kinh tế doanh nghiệp thị ngân lãi suất tiết kiệm đầu tư công việc thu nhập cuộc sống "
    "xã hội văn hóa lịch sử truyền thống quê hương nước tương lai trẻ già ủng hộ phản đối đồng "
    "ý góp phóng viên tòa soạn báo đăng nhanh chính xác khách quan cảm động tự hào thương yêu "
    "nhớ mãi chúc may mắn bình an hạnh phúc xin hỏi trả lời giúp nghĩ hiểu nói ăn uống ngủ chờ "
    "đợi nhận gửi mua bán thuê tiền triệu tỷ hoà thuỷ khuya quyết nguyện giữ gìn huỳnh quang "
    "người Việt Nam Hà Nội Sài Gòn Đà Nẵng anh chị em cô chú bác ra xe con ta sao"
).split()
NAMES = ("Park Hang Seo", "Messi", "Apple", "Samsung Galaxy", "Facebook", "Google", "Tesla")
ENGLISH = (
    "this is a great article thank you so much for sharing I think the government should do "
    "more about traffic and pollution in the city but nobody cares what people say here"
).split()
CHAT = ("ko", "k", "dc", "đc", "mjnh", "hok", "bít", "ok", "vs", "j", "z", "ntn", "ae", "mn")
EMOJI = ("😂", "👍", "❤️", "🙏", "😡", "👏", "🤣", "🥰", "😭", "🔥")
NUMBERS = (
    "5h30", "iPhone15", "2k3", "U23", "3.5", "Covid-19", "4G", "100k", "1.000.000đ", "2023",
    "20/11", "15%", "9h", "3 triệu", "50 tỷ", "1tr2", "Q.1", "TP.HCM", "5G", "A4", "G7", "x2",
)
LINKS = (
    "vnexpress.net", "https://tuoitre.vn/bai-viet", "www.kiemtien.com", "kiemtien chấm com",
    "abc[.]com", "bit.ly/abc", "t.me/nhom", "lienhe@gmail.com", "192.168.1.1", "kiemtien. com",
    "shopee.vn/sp", "hxxp://spam.xyz", "tiki . vn", "zalo.me/0912", "abc(.)net",
)
TELEX_TONE = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VIQR_TONE = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}
VNI_TONE = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def sentence(rng: random.Random, lo: int, hi: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    out = []
    for i, w in enumerate(words):
        out.append(w.capitalize() if i == 0 or out[-1].endswith(".") else w)
        if rng.random() < 0.08:
            out[-1] += rng.choice((",", ".", "!", "?", "..."))
    return " ".join(out)


def _keys(word: str, shapes: dict[str, str], tones: dict[str, str], tone_at_end: bool) -> str:
    """``word`` typed in an input method: shapes after their letter, the tone after its vowel
    or at the end of the word."""
    out, tone = [], ""
    for ch in word:
        if ch in "đĐ":
            out.append(shapes[ch])
            continue
        base, *marks = unicodedata.normalize("NFD", ch)
        out.append(base)
        for mark in marks:
            if mark in tones:
                tone = tones[mark]
                if not tone_at_end:
                    out.append(tone)
            else:
                out.append(shapes[base.lower() + mark])
    if tone_at_end:
        out.append(tone)
    return "".join(out)


def telex(word: str) -> str:
    shapes = {"a\u0302": "a", "e\u0302": "e", "o\u0302": "o", "a\u0306": "w", "o\u031b": "w",
              "u\u031b": "w", "đ": "d", "Đ": "D"}  # fmt: skip
    typed = _keys(word, shapes, TELEX_TONE, tone_at_end=True)
    return typed.replace("đ", "dd").replace("Đ", "Dd")


def viqr(word: str) -> str:
    shapes = {"a\u0302": "^", "e\u0302": "^", "o\u0302": "^", "a\u0306": "(", "o\u031b": "+",
              "u\u031b": "+", "đ": "dd", "Đ": "DD"}  # fmt: skip
    return _keys(word, shapes, VIQR_TONE, tone_at_end=False)


def vni(word: str, tone_at_end: bool) -> str:
    shapes = {"a\u0302": "6", "e\u0302": "6", "o\u0302": "6", "a\u0306": "8", "o\u031b": "7",
              "u\u031b": "7", "đ": "d9", "Đ": "D9"}  # fmt: skip
    return _keys(word, shapes, VNI_TONE, tone_at_end)


def typed(rng: random.Random, encode: Callable[[str], str]) -> str:
    return " ".join(encode(w) for w in sentence(rng, 4, 25).split())


def hypothesis_examples(strategy: object, n: int) -> list[str]:
    from hypothesis import HealthCheck, Phase, given, settings

    found: list[str] = []

    @settings(max_examples=n, derandomize=True, database=None, phases=[Phase.generate],
              deadline=None, suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def collect(text: str) -> None:
        found.append(text)

    collect()
    return found


def draw() -> list[tuple[str, str]]:
    from vncomment import strategies

    rng = random.Random(20261130)
    cases: list[tuple[str, str]] = []

    def add(family: str, n: int, make: Callable[[], str]) -> None:
        cases.extend((family, make()) for _ in range(n))

    add("accented", 300, lambda: sentence(rng, 3, 40))
    add("stripped", 200, lambda: unidecode(sentence(rng, 3, 40)))
    add("half stripped", 150, lambda: " ".join(
        unidecode(w) if rng.random() < rng.choice((0.1, 0.3, 0.5)) else w
        for w in sentence(rng, 8, 40).split()))
    add("telex", 150, lambda: typed(rng, telex))
    add("viqr", 100, lambda: typed(rng, viqr))
    add("vni, tone after the vowel", 75, lambda: typed(rng, lambda w: vni(w, False)))
    add("vni, tone at the end", 75, lambda: typed(rng, lambda w: vni(w, True)))
    add("links", 150, lambda: f"{sentence(rng, 5, 20)} {rng.choice(LINKS)} {sentence(rng, 0, 8)}")
    add("numbers", 150, lambda: " ".join(
        rng.choice(NUMBERS) if rng.random() < 0.2 else w for w in sentence(rng, 5, 30).split()))
    add("english", 100, lambda: " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(5, 25)))
        + (" " + sentence(rng, 0, 15) if rng.random() < 0.5 else ""))
    add("names", 75, lambda: f"{sentence(rng, 3, 15)} {rng.choice(NAMES)} {sentence(rng, 3, 15)}")
    add("emoji", 100, lambda: " ".join(
        w + rng.choice(EMOJI) if rng.random() < 0.2 else w for w in sentence(rng, 3, 30).split()))
    add("chat", 100, lambda: " ".join(
        rng.choice(CHAT) if rng.random() < 0.3 else w for w in sentence(rng, 5, 30).split()))
    add("nfd", 100, lambda: unicodedata.normalize("NFD", sentence(rng, 3, 40)))
    add("long", 30, lambda: " ".join(sentence(rng, 20, 60) for _ in range(rng.randint(5, 60))))
    add("repeats", 60, lambda: " ".join([rng.choice(WORDS)] * rng.randint(3, 30)))
    add("hostile", 40, lambda: rng.choice(("a.", "á ", "x ", "a\u0301\u0323", "ab.", "..", "@a"))
        * rng.randint(10, 400))
    cases += [("strategies.comments", t) for t in hypothesis_examples(strategies.comments(), 500)]
    for code in strategies.CODES:
        cases += [(f"strategies.invalid_comments({code!r})", t)
                  for t in hypothesis_examples(strategies.invalid_comments(code), 125)]
    cases += [("strategies.links", f"{sentence(rng, 8, 20)} {t}")
              for t in hypothesis_examples(strategies.links(), 150)]
    cases += [("strategies.abbreviations", f"{sentence(rng, 8, 20)} {t} {sentence(rng, 0, 5)}")
              for t in hypothesis_examples(strategies.abbreviations(), 100)]
    return cases


def verdict(text: str) -> dict[str, object]:
    report = vncomment.validate(text)
    return {"codes": list(report.codes), "syllables": report.syllable_count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redraw", action="store_true", help="draw the comments again")
    args = parser.parse_args()
    if args.redraw or not FIXTURE.exists():
        texts = draw()
    else:
        texts = [(c["family"], c["text"]) for c in json.loads(FIXTURE.read_text("utf-8"))["cases"]]
    cases = [{"family": family, "text": text, **verdict(text)} for family, text in texts]
    FIXTURE.write_text(
        json.dumps({"description": DESCRIPTION, "cases": cases}, ensure_ascii=False, indent=0)
        + "\n",
        "utf-8",
    )
    print(f"{len(cases)} verdicts written to {FIXTURE}", file=sys.stderr)


if __name__ == "__main__":
    main()
