"""One analysis per comment, read by every rule.

:func:`analyze` normalises the text once (see :mod:`vncomment._normalize`), splits it into
tokens with spans into the text as given, and classifies each token:

* ``"syllable"``: letters written like a Vietnamese syllable, with or without marks
  (:mod:`vncomment.syllables`), or typed as Telex/VIQR keystrokes ("Vieetj", "Vie^.t",
  :mod:`vncomment.typed`); these are the "chữ" a site counts;
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

import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

import regex

from vncomment._data import english_words, plain_shares
from vncomment._normalize import Normalized, normalize
from vncomment.syllables import Syllable, parse
from vncomment.typed import VIQR_WORD, decode_typed, strong_telex

if TYPE_CHECKING:
    from vncomment.links import Link
    from vncomment.phones import PhoneNumber

__all__ = ["Analysis", "Token", "analyze"]

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# A VIQR word ("Vie^.t") holds punctuation, so it is tried first and split again if it fails.
_TOKEN = regex.compile(f"(?P<viqr>{VIQR_WORD.pattern})|{_WORD.pattern}")
# What every VIQR word holds (a mark between two letters, or ^ ( + ' ` ~ after a vowel). Text
# without it (94 % of ViCTSD comments) is split by _WORD alone, with the same tokens.
_VIQR_HINT = regex.compile(r"[A-Za-z][\^(+'`?~.]{1,3}[A-Za-z]|[aeiouyAEIOUY][\^(+'`~]")
# Tokens longer than this are no real word (the longest common English words have about 20
# letters; a Vietnamese syllable has at most 7): they are classified each time, never cached,
# so that the cache is bounded in bytes as well as in entries.
_LONGEST_CACHED = 24
_NUMBER = regex.compile(r"\p{N}+")
_PHRASE = 3  # unambiguous English words in a row that make an English phrase
# A number glued to a word of three letters or more ("2cái"; not "5a", "20ha", "7up": units).
_GLUED = regex.compile(r"(\p{N}+)(\p{L}[\p{L}\p{M}]{2,})")

TokenKind = Literal["syllable", "number", "word"]


class Token(NamedTuple):
    """A run of letters and digits: its normalised ``text``, ``span`` into the text as given.

    ``syllable`` is the parsed syllable for ``kind == "syllable"``; ``typed`` is "telex" or
    "viqr" when the marks were typed as keystrokes, and then ``syllable`` is the decoded one.
    """

    text: str
    span: tuple[int, int]
    kind: TokenKind
    syllable: Syllable | None = None
    typed: str | None = None


class Analysis:
    """The normalised text of one comment, its tokens, and (on demand) its links and phones."""

    __slots__ = ("_links", "_phones", "_syllables", "normalized", "tokens")

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError(f"expected a str, got {type(text).__name__}")
        self.normalized: Normalized = normalize(text)
        text = self.normalized.text
        identity = self.normalized.starts is None
        tokens: list[Token] = []
        if _VIQR_HINT.search(text) is None:
            # The common case, one step per token: a cached classification and a tuple.
            span = self.normalized.span
            for m in _WORD.finditer(text):
                word = m.group()
                if word[0].isdecimal():
                    tokens.extend(self._words(m.start(), word, identity))
                    continue
                kind = _classify(word)
                where = m.span() if identity else span(*m.span())
                tokens.append(_new_token(Token, (word, where, *kind)))
        else:
            for m in _TOKEN.finditer(text):
                if m.group("viqr"):
                    tokens.extend(self._viqr(m))
                else:
                    tokens.extend(self._words(m.start(), m.group(), identity))
        if any(t.typed == "telex" for t in tokens):
            tokens = _settle_telex(tokens)
        self.tokens: tuple[Token, ...] = tuple(tokens)
        self._syllables: tuple[Token, ...] | None = None
        self._links: tuple[Link, ...] | None = None
        self._phones: tuple[PhoneNumber, ...] | None = None

    def _words(self, start: int, word: str, identity: bool = False) -> list[Token]:
        """Tokens of a run of letters and digits at ``start`` of the analysis text. A number
        glued to a syllable ("2cái", "1chút") is two tokens; "4h", "15k", "3G" stay one word."""
        glued = _GLUED.fullmatch(word) if word[0].isdecimal() else None
        if glued and _classify(glued[2])[0] == "syllable":
            cut = start + len(glued[1])
            return [*self._words(start, glued[1], identity), *self._words(cut, glued[2], identity)]
        end = start + len(word)
        span = (start, end) if identity else self.normalized.span(start, end)
        return [Token(word, span, *_classify(word))]

    def _viqr(self, m: regex.Match[str]) -> list[Token]:
        decoded = decode_typed(m.group(), english_words())
        if decoded is None:  # not VIQR after all ("TP.HCM", "don't"): ordinary words
            text = self.normalized.text
            return [
                t
                for w in _WORD.finditer(text, *m.span())
                for t in self._words(w.start(), w.group())
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
            self._syllables = _vietnamese_syllables(outside)
        return self._syllables

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


def _classify(word: str) -> _Kind:
    """:func:`_classify_word`, cached for words of real length."""
    return _classify_cached(word) if len(word) <= _LONGEST_CACHED else _classify_word(word)


def _classify_word(word: str) -> _Kind:
    """A token's kind, parsed syllable and input method ("telex"), which depend on the word only."""
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


_classify_cached = lru_cache(maxsize=1 << 15)(_classify_word)


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


def _settle_telex(tokens: list[Token]) -> list[Token]:
    """One Telex keystroke alone ("hix", "Lux", "Thor", "Noo", "Hoon") is Telex only in a
    comment typed with keystrokes, where some word shows two or dd ("Vieetj", "nguowif", "ddi")
    or is VIQR: elsewhere it is the word as written, a syllable ("xoong") or a chat word, a brand
    or a name."""
    weak = [i for i, t in enumerate(tokens) if t.typed == "telex" and not strong_telex(t.text)]
    if not weak or len(weak) < sum(t.typed is not None for t in tokens):
        return tokens
    for i in weak:
        syllable = parse(tokens[i].text)
        kind: TokenKind = "syllable" if syllable else "word"
        tokens[i] = tokens[i]._replace(kind=kind, syllable=syllable, typed=None)
    return tokens


def _vietnamese_syllables(tokens: list[Token]) -> tuple[Token, ...]:
    """The syllables of ``tokens``, leaving out plain ones that are also common English words
    ("to", "can", "me", "man") when the comment reads as English.

    Only unambiguous words vote: common English words of three letters or more that cannot be
    Vietnamese syllables ("love", "this", "and") against marked syllables and plain syllables
    that are not English words. Ambiguous words do not vote, since in text typed without marks
    most common syllables are English words too (ban, cam, on, rat, co). Short English words
    (ok, dc, sp, vs) are Vietnamese chat as often as English. In a comment that reads as
    Vietnamese, the ambiguous words of an English phrase are left out all the same.
    """
    shares, english_words = _plain_share_tables()
    english = 0
    vietnamese = 0
    ambiguous = set()
    for i, t in enumerate(tokens):
        if t.syllable is None:
            english += len(t.text) > 2 and t.text.lower() in english_words
        elif (
            t.typed is None
            and not t.syllable.marked
            and shares.get(t.text.lower(), _NOT_ENGLISH)[1]
        ):
            ambiguous.add(i)
        else:
            vietnamese += 1
    if english <= vietnamese and (vietnamese or not ambiguous):
        # a phrase needs _PHRASE unambiguous English words: with fewer, it finds none
        found = _english_phrases(tokens, ambiguous, english_words) if english >= _PHRASE else None
        if not found:
            return tuple(t for t in tokens if t.kind == "syllable")
        ambiguous = found
    return tuple(
        t
        for i, t in enumerate(tokens)
        if t.kind == "syllable" and i not in ambiguous
    )


_NOT_ENGLISH = (0.0, False)


def _plain_share_tables() -> tuple[dict[str, tuple[float, bool]], frozenset[str]]:
    return plain_shares(), english_words()


def _english_phrases(
    tokens: list[Token], ambiguous: set[int], english_words: frozenset[str]
) -> set[int]:
    """The ambiguous words of English phrases inside a Vietnamese comment: runs of words in a
    row, each ambiguous or an English word, with at least three English words of three letters
    or more ("but I think this is not true at all"). Names and loanwords come one or two at a
    time ("Man United", "Apple Watch", "shop online") and leave the words around them alone."""
    found: set[int] = set()
    run: list[int] = []
    sure = 0
    for i, t in enumerate((*tokens, None)):
        if t is not None and i in ambiguous:
            run.append(i)
            continue
        if t is not None and t.syllable is None and t.text.lower() in english_words:
            run.append(i)
            sure += len(t.text) > 2  # "is", "ok", "vs" join a phrase but do not make one
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
    return len(Analysis(text).syllables)
