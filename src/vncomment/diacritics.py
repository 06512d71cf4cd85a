"""Was this comment typed without diacritics ("không dấu")?

Counting letters with marks is wrong both ways: a correct sentence can be two-thirds plain
syllables ("Anh ta cho con xe ra sau nhà trong khi trời mưa to quá" has 31 % marked), and one
accented letter does not make a comment accented. What decides is how each plain syllable is
really written. Every Vietnamese syllable in the text (see :mod:`vncomment.analysis`) is read as
evidence:

* a syllable with any mark (tone, vowel mark or đ) is evidence for accented text, weight 1;
* a plain syllable that Vietnamese spelling only allows with marks ("viet": a stop coda without
  sắc or nặng; "nguoi": no plain rhyme uoi), or one typed in Telex/VIQR ("Vieetj"), is certainly
  unmarked, weight 1;
* any other plain syllable weighs ``1 - share``, where ``share`` is how often that plain form is
  written plain in real Vietnamese text (wordfreq: ra 0.99, xe 0.94, cho 0.91, trong 0.90,
  con 0.45, ban 0.15, khong 0.00; ``data/plain_share.tsv``, built by
  ``scripts/build_plain_share.py``); a plain syllable unknown to that list weighs 0.5;
* some plain syllables are evidence of nothing: the plain parts of a name (two to four
  capitalised words) with a foreign word in it ("Park Hang Seo", "Son Heung Min"), and words
  in capitals in a comment mostly in lowercase, which are abbreviations and model names ("bản
  AT", "TOP"); nor are tokens that are not Vietnamese syllables at all (English words, chat
  spellings, numbers), or Vietnamese-shaped English words ("to", "can", "man") in a comment or
  a phrase that reads as English (see :mod:`vncomment.analysis`).

Words that are each usually written plain can still betray plain typing together: in accented
text the chance that n syllables in a row all lack marks is 11-16 % for n = 1 but at most
0.2 % for n = 5 (VIETNAMESE.md). So a comment with five or more syllables and not one mark
("cho con ra sau trong khi anh ta con ra xe") is "không dấu" whatever its words.

Otherwise, the comment's unmarked share is ``U / (U + M)``, with ``U`` the unmarked weight and
``M`` the marked count. It is "không dấu" when the share reaches ``1 - strictness``, at least 3
syllables are clearly unmarked (weight >= 0.5), so one or two slips never decide it, and at
least one is certainly unmarked (weight >= 0.95: "viet", "nguoi", "khong", "Vieetj"), a word a
reader sees is wrong. Correct plain words alone ("Anh Minh ơi, con trai anh ngoan lắm nha":
anh, Minh, con, trai, ngoan, nha are all real words) never make a comment with marks "không
dấu". A comment with fewer than 3 clearly unmarked syllables is never called "không dấu" by
this rule: very short texts cannot be decided, and are left to the length rule.

Evidence (``benchmarks/diacritics.py``, ViCTSD comments with >= 10 syllables, 7,788 of them):
the unmarked share of accented comments has median 0.05, 99th percentile 0.22, 99.9th 0.41;
with every other word stripped of its marks the 1st percentile is 0.36, the median 0.50; fully
stripped text sits at 1.0. The default ``strictness`` 0.6 puts the line at 0.40: 99.9 % of
accented comments pass (most of the rest are in fact typed without marks), and so do 99.8 % and
99.1 % of them with one or two marked words stripped; 96.8 % of the half-stripped ones and all
the stripped ones are flagged. A stricter 0.65 flags 99.3 % of half-stripped text but lets only
98.1 % of two-slip comments through. Short comments (4-9 syllables) with marks pass at 99.7 %.
``docs/diacritics.md`` has the whole table.
"""

from __future__ import annotations

from dataclasses import dataclass

from vncomment._data import plain_shares
from vncomment.analysis import Analysis, Facts, Token

__all__ = ["CERTAIN", "DEFAULT_STRICTNESS", "Verdict", "judge", "may_be_unmarked", "plain_share"]

MIN_UNMARKED = 3  # one or two slips never decide
ALL_PLAIN = 5  # five plain syllables in a row: <= 0.2 % of accented text (VIETNAMESE.md)
_NAME_WORDS = 4  # a name has at most four words: Park Hang Seo, Nguyễn Thị Minh Khai
CERTAIN = 0.95  # weight of a syllable a reader sees is wrong: written plain < 5 % of the time
DEFAULT_STRICTNESS = 0.6


@dataclass(frozen=True, slots=True)
class Verdict:
    """``share``: weighted unmarked share (0-1); ``unmarked``: syllables judged typed without
    marks, in text order; ``unmarked_text``: the comment as a whole is "không dấu"."""

    unmarked_text: bool
    share: float
    unmarked: tuple[Token, ...]


def plain_share(plain: str) -> float | None:
    """How often ``plain`` is written plain in real Vietnamese text, or None if unknown.

    >>> plain_share("ra") > 0.95, plain_share("khong")
    (True, 0.0)
    """
    share = plain_shares().get(plain.lower())
    return None if share is None or share[0] < 0 else share[0]


def _neutral(analysis: Analysis) -> set[tuple[int, int]]:
    """Spans of plain syllables that are evidence of nothing: the parts of a name with a foreign
    word in it ("Park Hang Seo": two to four capitalised words next to each other, one of them
    not a Vietnamese syllable), and words in capitals ("AT", "TOP") in a comment mostly written in
    lowercase, which are abbreviations and model names."""
    tokens, text = analysis.tokens, analysis.text
    upper = [i for i, t in enumerate(tokens) if t.text[0].isupper()]
    capitals = [
        tokens[i].span for i in upper if len(tokens[i].text) > 1 and tokens[i].text.isupper()
    ]
    neutral = set(capitals) if 2 * len(capitals) < len(tokens) else set()
    title = [i for i in upper if tokens[i].text[1:].islower() or len(tokens[i].text) == 1]
    runs: list[list[Token]] = []
    for i in title:
        gap = text[tokens[i - 1].span[1] : tokens[i].span[0]] if i else ""
        if runs and tokens[i - 1] is runs[-1][-1] and not gap.strip(" -"):
            runs[-1].append(tokens[i])
        else:
            runs.append([tokens[i]])
    for run in runs:
        if 1 < len(run) <= _NAME_WORDS and any(t.kind == "word" and len(t.text) > 1 for t in run):
            neutral.update(t.span for t in run)
    return neutral


def judge(analysis: Analysis, strictness: float = DEFAULT_STRICTNESS) -> Verdict:
    """Weigh the syllables of ``analysis``; see the module docstring."""
    unmarked = [
        (token, facts.weight)
        for token, facts in zip(analysis.syllables, analysis.syllable_facts(), strict=True)
        if facts.weight >= 0
    ]
    if not unmarked:
        return Verdict(False, 0.0, ())
    marked = analysis.syllable_count - len(unmarked)
    # Only capitalised words can be names or abbreviations: look for them only when one is here.
    if any(t.text[0].isupper() for t, _ in unmarked):
        names = _neutral(analysis)
        plain = [(t, w) for t, w in unmarked if t.span not in names]
    else:
        plain = unmarked
    if not plain:
        return Verdict(False, 0.0, ())
    weight = sum(w for _, w in plain)
    share = weight / (weight + marked) if weight else 0.0
    if marked == 0 and len(plain) >= ALL_PLAIN:
        return Verdict(True, share, tuple(t for t, _ in plain))
    clear = tuple(t for t, w in plain if w >= 0.5)
    certain = any(w >= CERTAIN for _, w in plain)
    flagged = certain and len(clear) >= MIN_UNMARKED and share >= 1.0 - strictness
    return Verdict(flagged, share, clear)


def may_be_unmarked(analysis: Analysis, strictness: float = DEFAULT_STRICTNESS) -> bool:
    """False when :func:`judge` would not flag ``analysis``, decided from the syllables' cached
    facts alone, without tokens. Names and capitals are not looked for: they only take
    syllables out of the evidence, which never makes a comment "không dấu", so a comment that is
    not flagged with them in is not flagged without them."""
    facts: list[Facts] = analysis.syllable_facts()
    weights = [f.weight for f in facts if f.weight >= 0]
    if not weights:
        return False
    marked = len(facts) - len(weights)
    if marked == 0 and len(weights) >= ALL_PLAIN:
        return True
    weight = sum(weights)
    share = weight / (weight + marked) if weight else 0.0
    clear = sum(w >= 0.5 for w in weights)
    return max(weights) >= CERTAIN and clear >= MIN_UNMARKED and share >= 1.0 - strictness
