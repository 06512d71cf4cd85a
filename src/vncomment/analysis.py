"""One analysis per comment, read by every rule.

:func:`analyze` normalises the text once (see :mod:`vncomment._normalize`), splits it into
tokens with spans into the text as given, and classifies each token:

* ``"syllable"``: letters written like a Vietnamese syllable, with or without marks
  (:mod:`vncomment.syllables`), or typed as Telex, VIQR or VNI keystrokes ("Vieetj",
  "Vie^.t", "Vie65t": :mod:`vncomment.typed`); these are the "chữ" a site counts;
* ``"number"``: digits only ("2023", "19" in "Covid-19");
* ``"word"``: any other run of letters and digits: English words that break Vietnamese
  spelling ("love", "Covid"), chat spellings (ko, dc, mjnh, ok), abbreviations (TP, HCM), "4h".
  A number glued to a syllable ("2cái") is two tokens, a number and a syllable; a word whose
  last letter is stretched ("hayyyy", "lắmmmm") is the syllable a reader sees.

:attr:`Analysis.syllables` are the syllables that count: not those inside links, and not the
Vietnamese-shaped common English words ("to", "can", "man") of a comment that reads as English.

Emoji, punctuation and symbols are not tokens. Links and phone numbers are found lazily, once,
on the same normalised text, the first time a rule asks for them; the words of a link
("abc chấm com", "vnexpress.net/bai-viet-hay") are not counted as syllables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain, compress
from operator import itemgetter
from typing import TYPE_CHECKING, Literal, NamedTuple

import regex

from vncomment._data import english_words, plain_shares
from vncomment._normalize import Normalized, normalize
from vncomment.syllables import Syllable, parse
from vncomment.typed import VIQR_WORD, decode_typed, decode_vni, strong_keystrokes

if TYPE_CHECKING:
    from vncomment.links import Link
    from vncomment.phones import PhoneNumber

__all__ = ["UNKNOWN_SHARE", "Analysis", "Facts", "Token", "analyze", "count_syllables"]

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A VIQR word ("Vie^.t") holds punctuation, so it is tried first and split again if it fails.
_TOKEN = regex.compile(f"(?P<viqr>{VIQR_WORD.pattern})|{_WORD.pattern}")
# The fast path splits words with the standard library's engine, several times faster than
# the regex module here. Its class of letters and digits is _WORD's within these blocks, where
# both engines' Unicode versions agree and no character is a combining mark (tests/
# test_analysis_fast.py checks every code point). Other text, and text where a VIQR word may
# start (the same pattern, at the start of a word), takes the general path.
_FAST_BLOCKS = (
    "\x00-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u206f\u20a0-\u20cf\u2100-\u2bff"
    "\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uac00-\ud7a3\U0001f000-\U0001faff"
)
_NOT_FAST = re.compile(f"[^{_FAST_BLOCKS}]")
_MAY_BE_VIQR = re.compile(
    r"(?<![^\W_])" + VIQR_WORD.pattern.replace(r"(?![\p{L}\p{M}\p{N}])", r"(?![^\W_])")
)
_FAST_WORD = re.compile(r"[^\W_]+")
# Tokens longer than this are no real word (the longest common English words have about 20
# letters; a Vietnamese syllable has at most 7): they are classified each time, never cached,
# so that the caches are bounded in bytes as well as in entries.
_LONGEST_CACHED = 24
_CACHED_WORDS = 1 << 15
_NUMBER = regex.compile(r"\p{N}+")
_PHRASE = 3  # unambiguous English words in a row that make an English phrase
# A number glued to a word of three letters or more ("2cái"; not "5a", "20ha", "7up": units).
_GLUED = regex.compile(r"(\p{N}+)(\p{L}[\p{L}\p{M}]{2,})")

TokenKind = Literal["syllable", "number", "word"]


class Token(NamedTuple):
    """A run of letters and digits: its normalised ``text``, ``span`` into the text as given.

    ``syllable`` is the parsed syllable for ``kind == "syllable"``; ``typed`` is "telex",
    "viqr" or "vni" when the marks were typed as keystrokes, and then ``syllable`` is the
    decoded one.
    """

    text: str
    span: tuple[int, int]
    kind: TokenKind
    syllable: Syllable | None = None
    typed: str | None = None


# How a token votes on the language of its comment (see _left_out).
_OTHER, _ENGLISH, _SHORT_ENGLISH, _AMBIGUOUS, _VIETNAMESE = range(5)
_COUNTS = (False, False, False, True, True)  # by vote: the syllables
_MARKED = -1.0  # the diacritics weight of a marked syllable


class Facts(NamedTuple):
    """What the rules read of one token, from its text and input method alone (cached per
    word): its ``lower`` text, ``syllable``, ``typed``, ``vote`` on the comment's language,
    diacritics ``weight`` (-1 for a marked syllable: see :mod:`vncomment.diacritics`) and
    whether it is ``capitalised``; ``sound`` is the syllable's onset and rhyme, tones aside."""

    lower: str
    syllable: Syllable | None
    typed: str | None
    vote: int
    weight: float
    capitalised: bool
    sound: tuple[str, str] | None


class Analysis:
    """The normalised text of one comment, its tokens, and (on demand) its links and phones.

    Most comments are decided without building their tokens: the words are looked up in a
    cache of what the rules read of each (:class:`Facts`), and :attr:`tokens`, with their
    spans, are made the first time they are asked for (a violation's spans, a custom rule).
    """

    __slots__ = (
        "_counted", "_links", "_phones", "_syllables", "_tokens", "_words", "normalized",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError(f"expected a str, got {type(text).__name__}")
        self.normalized: Normalized = normalize(text)
        self._words: list[str] | None = None
        self._tokens: tuple[Token, ...] | None = None
        self._counted: list[Facts] | None = None
        self._syllables: tuple[Token, ...] | None = None
        self._links: tuple[Link, ...] | None = None
        self._phones: tuple[PhoneNumber, ...] | None = None
        text = self.normalized.text
        if _NOT_FAST.search(text) is None and _MAY_BE_VIQR.search(text) is None:
            self._words = _FAST_WORD.findall(text)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Every run of letters and digits, classified, with its span into the text as given."""
        if self._tokens is None:
            self._tokens = self._tokenize()
        return self._tokens

    def _tokenize(self) -> tuple[Token, ...]:
        text = self.normalized.text
        identity = self.normalized.starts is None
        tokens: list[Token] = []
        if self._words is not None:  # the fast path's words: no VIQR, no combining marks
            for m in _FAST_WORD.finditer(text):
                tokens.extend(self._words_at(m.start(), m.group(), identity))
        else:
            for m in _TOKEN.finditer(text):
                if m.group("viqr"):
                    tokens.extend(self._viqr(m))
                else:
                    tokens.extend(self._words_at(m.start(), m.group(), identity))
        if any(t.typed in _KEYSTROKES for t in tokens):
            tokens = _settle_keystrokes(tokens)
        return tuple(tokens)

    def _words_at(self, start: int, word: str, identity: bool = False) -> list[Token]:
        """Tokens of a run of letters and digits at ``start`` of the analysis text."""
        tokens = []
        for offset, part, kind in _parts(word):
            a = start + offset
            span = (a, a + len(part)) if identity else self.normalized.span(a, a + len(part))
            tokens.append(_new_token(Token, (part, span, *kind)))
        return tokens

    def _viqr(self, m: regex.Match[str]) -> list[Token]:
        decoded = decode_typed(m.group(), english_words())
        if decoded is None:  # not VIQR after all ("TP.HCM", "don't"): ordinary words
            text = self.normalized.text
            return [
                t
                for w in _WORD.finditer(text, *m.span())
                for t in self._words_at(w.start(), w.group())
            ]
        span = self.normalized.span(*m.span())
        return [Token(m.group(), span, "syllable", parse(decoded), "viqr")]

    @property
    def syllables(self) -> tuple[Token, ...]:
        """The Vietnamese syllables ("chữ") that count: not the words inside links, and not
        Vietnamese-shaped English words ("to", "can") in a comment that reads as English."""
        if self._syllables is None:
            outside = list(self.tokens)
            if self.links:
                links = iter(self.links)
                link = next(links, None)
                outside = []
                for token in self.tokens:
                    while link is not None and link.span[1] <= token.span[0]:
                        link = next(links, None)
                    if link is None or token.span[0] < link.span[0]:
                        outside.append(token)
            facts = [_token_facts(t) for t in outside]
            left_out = _left_out([f.vote for f in facts])
            kept = [i for i, t in enumerate(outside) if t.kind == "syllable" and i not in left_out]
            self._syllables = tuple(outside[i] for i in kept)
            if self._counted is None:
                self._counted = [facts[i] for i in kept]
        return self._syllables

    def syllable_facts(self) -> list[Facts]:
        """What the rules read of each syllable of :attr:`syllables`, in order. Without links
        or keystrokes this needs no token: the common comment is decided from cached facts."""
        if self._counted is None:
            words = self._words
            # keystrokes are settled against the whole comment (_settle_keystrokes): with tokens
            if words is not None and _TYPED_WORDS.isdisjoint(words) and not self.links:
                found = list(map(_FACTS.get, words))
                if None in found:
                    found = [f or _word_facts(w) for f, w in zip(found, words, strict=True)]
                facts = list(chain.from_iterable(found))  # type: ignore[arg-type]
                if _TYPED_WORDS.isdisjoint(words):  # the new words may be keystrokes
                    votes = list(map(_VOTE, facts))
                    counted: Iterable[Facts] = compress(facts, map(_COUNTS.__getitem__, votes))
                    left_out = _left_out(votes)
                    if left_out:
                        counted = (f for i, f in enumerate(facts) if f.vote >= _AMBIGUOUS
                                   and i not in left_out)  # fmt: skip
                    self._counted = list(counted)
                    return self._counted
            self._counted = [_token_facts(t) for t in self.syllables]
        return self._counted

    @property
    def syllable_count(self) -> int:
        """How many syllables count: ``len(analysis.syllables)``, without making the tokens."""
        if self._syllables is not None:
            return len(self._syllables)
        return len(self.syllable_facts())

    @property
    def text(self) -> str:
        """The text as given."""
        return self.normalized.original

    @property
    def links(self) -> tuple[Link, ...]:
        """Links in the text (see :func:`vncomment.find_links`), found on first use."""
        if self._links is None:
            from vncomment.links import links_in

            self._links = tuple(links_in(self.normalized))
        return self._links

    @property
    def phone_numbers(self) -> tuple[PhoneNumber, ...]:
        """Phone numbers in the text, found on first use."""
        if self._phones is None:
            from vncomment.phones import phone_numbers_in

            self._phones = tuple(phone_numbers_in(self.normalized))
        return self._phones

    def __repr__(self) -> str:
        return f"<Analysis {len(self.syllables)} syllables, {len(self.tokens)} tokens>"


_Kind = tuple[TokenKind, Syllable | None, str | None]
_new_token = tuple.__new__  # Token(...) without NamedTuple's Python-level __new__


def _parts(word: str) -> list[tuple[int, str, _Kind]]:
    """The tokens of a run of letters and digits: (offset, text, kind). A number glued to a
    syllable ("2cái", "1chút") is two tokens; "4h", "15k", "3G" stay one word."""
    glued = _GLUED.fullmatch(word) if word[0].isdecimal() else None
    if glued and _classify(glued[2])[0] == "syllable":
        return [(0, glued[1], _classify(glued[1])), (len(glued[1]), glued[2], _classify(glued[2]))]
    return [(0, word, _classify(word))]


def _classify(word: str) -> _Kind:
    """:func:`_classify_word`, cached for words of real length."""
    return _classify_cached(word) if len(word) <= _LONGEST_CACHED else _classify_word(word)


def _classify_word(word: str) -> _Kind:
    """A token's kind, parsed syllable and input method ("telex", "vni"), which depend on the
    word only."""
    if not word.isalpha() and len(word) <= _LONGEST_VNI and (vni := decode_vni(word)):
        return "syllable", parse(vni), "vni"
    # Telex first: decode_typed leaves syllables alone, except Telex-looking ones ("khoong")
    decoded = decode_typed(word, english_words()) if len(word) <= 10 else None
    if decoded is not None:
        return "syllable", parse(decoded), "telex"
    syllable = parse(word) if len(word) <= 8 else None  # the longest is "nghiêng"
    if syllable is None and (unstretched := _unstretch(word)):
        syllable = parse(unstretched)
    if syllable is not None:
        return "syllable", syllable, None
    return ("number" if _NUMBER.fullmatch(word) else "word"), None, None


_classify_cached = lru_cache(maxsize=_CACHED_WORDS)(_classify_word)
_KEYSTROKES = ("telex", "vni")  # the input methods settled against the whole comment
_LONGEST_VNI = 12  # nghie6ng2, d9u7o7c5: a syllable and its keys
_FACTS: dict[str, tuple[Facts, ...]] = {}  # word -> the facts of its tokens (_word_facts)
_TYPED_WORDS: set[str] = set()  # the words of _FACTS read as Telex or VNI keystrokes
_VOTE = itemgetter(3)


def _word_facts(word: str) -> tuple[Facts, ...]:
    facts = tuple(_facts(part, kind[1], kind[2]) for _, part, kind in _parts(word))
    if len(word) <= _LONGEST_CACHED:  # longer words are never keystrokes (at most 12)
        if len(_FACTS) >= _CACHED_WORDS:
            _FACTS.clear()  # bounded: the common words are back within a few comments
            _TYPED_WORDS.clear()
        _FACTS[word] = facts
        if any(f.typed in _KEYSTROKES for f in facts):
            _TYPED_WORDS.add(word)
    return facts


def _token_facts(token: Token) -> Facts:
    if len(token.text) > _LONGEST_CACHED:
        return _facts(token.text, token.syllable, token.typed)
    return _facts_cached(token.text, token.syllable, token.typed)


def _facts(text: str, syllable: Syllable | None, typed: str | None) -> Facts:
    """The :class:`Facts` of a token; see :func:`_left_out` for the votes and
    :mod:`vncomment.diacritics` for the weights."""
    lower = text.lower()
    shares = plain_shares()
    weight = 0.0
    if syllable is None:
        english = lower in english_words()
        vote = (_ENGLISH if len(text) > 2 else _SHORT_ENGLISH) if english else _OTHER
    else:
        share = shares.get(lower)
        plain = typed is None and not syllable.marked
        vote = _AMBIGUOUS if plain and share is not None and share[1] else _VIETNAMESE
        if not plain and typed is None:
            weight = _MARKED
        elif typed is not None or not syllable.plain_ok:
            weight = 1.0
        elif share is not None and share[0] >= 0:
            weight = 1.0 - share[0]
        else:
            weight = UNKNOWN_SHARE
    sound = (syllable.onset, syllable.rhyme) if syllable else None
    return Facts(lower, syllable, typed, vote, weight, text[0].isupper(), sound)


_facts_cached = lru_cache(maxsize=_CACHED_WORDS)(_facts)
UNKNOWN_SHARE = 0.5  # the weight of a plain syllable that the share table does not know


def _unstretch(word: str) -> str | None:
    """The word a reader sees in one whose last letter is typed three times or more for
    emphasis: "hayyyy" hay, "quáaaa" quá, "điiii" đi (no syllable ends in a doubled letter)."""
    last = word[-1].lower()
    start = len(word) - 1
    while start > 0 and word[start - 1].lower() == last:
        start -= 1
    if len(word) - start < 3 or start > 8 or not last.isalpha():
        return None
    head = word[:start]
    if head and unicodedata.normalize("NFD", head[-1])[0].lower() == last:
        return head  # the stretched vowel repeats a marked one: quá + aaa
    return head + word[-1]


def _settle_keystrokes(tokens: list[Token]) -> list[Token]:
    """One Telex or VNI keystroke alone ("hix", "Lux", "Noo", "A4", "Top1") is a keystroke only
    in a comment typed with keystrokes, where some word shows two, dd or d9 ("Vieetj", "ddi",
    "Vie65t") or is VIQR: elsewhere it is the word as written, a syllable ("xoong") or a chat
    word, a brand, a name or a model."""
    weak = [
        i for i, t in enumerate(tokens) if t.typed in _KEYSTROKES and not strong_keystrokes(t.text)
    ]
    if not weak or len(weak) < sum(t.typed is not None for t in tokens):
        return tokens
    for i in weak:
        syllable = parse(tokens[i].text)
        kind: TokenKind = "syllable" if syllable else "word"
        tokens[i] = tokens[i]._replace(kind=kind, syllable=syllable, typed=None)
    return tokens


def _left_out(votes: list[int]) -> set[int]:
    """The syllables (by index) that do not count: plain ones that are also common English
    words ("to", "can", "me", "man") when the comment reads as English.

    Only unambiguous words vote: common English words of three letters or more that cannot be
    Vietnamese syllables ("love", "this", "and") against marked syllables and plain syllables
    that are not English words. Ambiguous words do not vote, since in text typed without marks
    most common syllables are English words too (ban, cam, on, rat, co). Short English words
    (ok, dc, sp, vs) are Vietnamese chat as often as English. In a comment that reads as
    Vietnamese, the ambiguous words of an English phrase are left out all the same.
    """
    english = votes.count(_ENGLISH)
    vietnamese = votes.count(_VIETNAMESE)
    ambiguous = set()
    if _AMBIGUOUS in votes:
        ambiguous = {i for i, v in enumerate(votes) if v == _AMBIGUOUS}
    if english <= vietnamese and (vietnamese or not ambiguous):
        # a phrase needs _PHRASE unambiguous English words: with fewer, it finds none
        return _english_phrases(votes, ambiguous) if english >= _PHRASE and ambiguous else set()
    return ambiguous


def _english_phrases(votes: list[int], ambiguous: set[int]) -> set[int]:
    """The ambiguous words of English phrases inside a Vietnamese comment: runs of words in a
    row, each ambiguous or an English word, with at least three English words of three letters
    or more ("but I think this is not true at all"). Names and loanwords come one or two at a
    time ("Man United", "Apple Watch", "shop online") and leave the words around them alone."""
    found: set[int] = set()
    run: list[int] = []
    sure = 0
    for i, vote in enumerate((*votes, None)):
        if vote in (_AMBIGUOUS, _SHORT_ENGLISH):
            run.append(i)
            continue
        if vote == _ENGLISH:
            run.append(i)
            sure += 1  # "is", "ok", "vs" join a phrase but do not make one
            continue
        if sure >= _PHRASE:
            found.update(j for j in run if j in ambiguous)
        run, sure = [], 0
    return found


def analyze(text: str) -> Analysis:
    """Analyse ``text`` once for any number of rules.

    >>> [t.kind for t in analyze("Covid-19 ko sao đâu").tokens]
    ['word', 'number', 'word', 'syllable', 'syllable']
    """
    return Analysis(text)


def count_syllables(text: str) -> int:
    """How many Vietnamese syllables ("chữ") ``text`` has, marked or not: the count that
    :class:`~vncomment.rules.MinSyllables` compares. Numbers, emoji, chat spellings, English
    words and the words of links do not count (see :attr:`Analysis.syllables`). Raises
    ``TypeError`` for anything but a ``str``.

    >>> count_syllables("Sinh hoạt chi bộ 🙂 ok!! xem abc chấm com")
    5
    """
    return Analysis(text).syllable_count
