"""Rule objects: small, frozen, comparable, composable with ``&`` and ``|``.

A rule reads an :class:`~vncomment.analysis.Analysis` and returns the violations it finds; it
never raises and never renders text (messages are rendered by the report, in its locale).

>>> rule = MinSyllables(10) & NoLinks(allow=("vnexpress.net",))
>>> rule
MinSyllables(10) & NoLinks(allow=('vnexpress.net',))
>>> rule & NoRepetition() == MinSyllables(10) & NoLinks(allow=("vnexpress.net",)) & NoRepetition()
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from vncomment.analysis import Analysis
from vncomment.diacritics import DEFAULT_STRICTNESS, judge, may_be_unmarked
from vncomment.links import Link, link_host, on_site, shows_another_address, site_host
from vncomment.report import Violation

if TYPE_CHECKING:  # the restorer is imported when a rule needs it, not with the rules
    from vncomment.restore import Model

__all__ = [
    "DEFAULT",
    "AllOf",
    "AnyOf",
    "MaxSyllables",
    "MinSyllables",
    "NoLinks",
    "NoPhoneNumbers",
    "NoRepetition",
    "RequireDiacritics",
    "Rule",
]


class Rule:
    """Base class: subclasses are frozen dataclasses that implement :meth:`violations`.

    A rule that takes a ``message`` uses it as the template for its violations, with the same
    ``{placeholders}`` as the catalogue.
    """

    __slots__ = ()

    def violations(self, analysis: Analysis) -> list[Violation]:
        raise NotImplementedError

    def __and__(self, other: Rule) -> AllOf:
        if not isinstance(other, Rule):
            return NotImplemented
        return AllOf(*_flatten(AllOf, (self, other)))

    def __or__(self, other: Rule) -> AnyOf:
        if not isinstance(other, Rule):
            return NotImplemented
        return AnyOf(*_flatten(AnyOf, (self, other)))

    def __repr__(self) -> str:
        # Positional for the first field, keywords for the rest; defaults left out.
        parts = []
        for i, f in enumerate(fields(self)):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value == f.default:
                continue
            parts.append(repr(value) if i == 0 and f.name == "n" else f"{f.name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _flatten(kind: type[AllOf | AnyOf], rules: Iterable[Rule]) -> list[Rule]:
    """``rules`` with each ``kind`` among them replaced by its rules: ``(a & b) & c`` is one
    AllOf of three; an AnyOf inside an AllOf stays whole, and the other way round."""
    flat: list[Rule] = []
    for rule in rules:
        flat.extend(rule.rules if type(rule) is kind else (rule,))
    return flat


def _combinator_repr(rule: AllOf | AnyOf, joiner: str, other: type[Rule]) -> str:
    # With two rules or more, the operator form (a & b); else the call, which is still the
    # right type: AllOf(MinSyllables(1)), AllOf().
    if len(rule.rules) < 2:
        return f"{type(rule).__name__}({', '.join(map(repr, rule.rules))})"
    return joiner.join(f"({r!r})" if type(r) is other else repr(r) for r in rule.rules)


class AllOf(Rule):
    """Every rule must hold; all their violations are reported."""

    __slots__ = ("rules",)

    def __init__(self, *rules: Rule) -> None:
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"AllOf takes rules, got {type(rule).__name__}")
        self.rules: tuple[Rule, ...] = tuple(_flatten(AllOf, rules))

    def violations(self, analysis: Analysis) -> list[Violation]:
        return [v for rule in self.rules for v in rule.violations(analysis)]

    def __eq__(self, other: object) -> bool:
        return type(other) is AllOf and other.rules == self.rules

    def __hash__(self) -> int:
        return hash((AllOf, self.rules))

    def __repr__(self) -> str:
        return _combinator_repr(self, " & ", AnyOf)


class AnyOf(Rule):
    """At least one rule must hold; if none does, the violations of all are reported."""

    __slots__ = ("rules",)

    def __init__(self, *rules: Rule) -> None:
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"AnyOf takes rules, got {type(rule).__name__}")
        self.rules: tuple[Rule, ...] = tuple(_flatten(AnyOf, rules))

    def violations(self, analysis: Analysis) -> list[Violation]:
        found = []
        for rule in self.rules:
            these = rule.violations(analysis)
            if not these:
                return []
            found.extend(these)
        return found

    def __eq__(self, other: object) -> bool:
        return type(other) is AnyOf and other.rules == self.rules

    def __hash__(self) -> int:
        return hash((AnyOf, self.rules))

    def __repr__(self) -> str:
        return _combinator_repr(self, " | ", AllOf)


def _check_count(name: str, n: object) -> None:
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"{name} takes an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"{name} takes a number >= 0, got {n}")


@dataclass(frozen=True, slots=True, repr=False)
class MinSyllables(Rule):
    """At least ``n`` Vietnamese syllables ("chữ"). Code ``too_short``; params ``min``, ``count``.

    >>> from vncomment import validate
    >>> validate("Bài viết hay quá", MinSyllables(10)).violations[0].params
    {'min': 10, 'count': 4}
    """

    n: int
    message: str | None = None

    def __post_init__(self) -> None:
        _check_count("MinSyllables", self.n)

    def violations(self, analysis: Analysis) -> list[Violation]:
        count = analysis.syllable_count
        if count >= self.n:
            return []
        return [Violation("too_short", {"min": self.n, "count": count}, template=self.message)]


@dataclass(frozen=True, slots=True, repr=False)
class MaxSyllables(Rule):
    """At most ``n`` Vietnamese syllables. Code ``too_long``; params ``max``, ``count``; the span
    starts at the first syllable past the limit."""

    n: int
    message: str | None = None

    def __post_init__(self) -> None:
        _check_count("MaxSyllables", self.n)

    def violations(self, analysis: Analysis) -> list[Violation]:
        count = analysis.syllable_count
        if count <= self.n:
            return []
        span = (analysis.syllables[self.n].span[0], len(analysis.text))
        return [Violation("too_long", {"max": self.n, "count": count}, span, template=self.message)]


@dataclass(frozen=True, slots=True, repr=False)
class NoRepetition(Rule):
    """The comment must not be made mostly of repeats. Code ``repetitive``.

    Repeats are counted the way a reader sees padding: a syllable, or a run of up to eight, said
    again right after itself ("á á á", "hay quá hay quá") counts once. A comment is repetitive
    when such repeats are at least half of its syllables; when it uses fewer than a quarter as
    many different syllables as it has, tones aside (one word said ten times among others,
    "á à ả ã ạ é è ẻ ẽ ẹ"); or when half its syllables, and at least ``min_count``, are a
    single letter (single vowels are at most 23 % of a ViCTSD comment, 31 % of an AIVIVN one).
    Ordinary emphasis ("rất rất hay", "các bạn và các em") is far from every line: no comment of
    ViCTSD with 10 syllables or more is flagged, while AIVIVN's flagged reviews (55 of 18,242)
    are canned phrases clicked again and again. Params ``count``, ``distinct`` (different
    syllables, tones aside) and ``effective`` (the count with repeats dropped).
    """

    message: str | None = None
    min_count: int = 4

    def violations(self, analysis: Analysis) -> list[Violation]:
        syllables = analysis.syllable_facts()
        count = len(syllables)
        if count < self.min_count:
            return []
        words = [f.lower for f in syllables]
        distinct = len({f.sound for f in syllables})
        single = list(map(len, words)).count(1)
        padded = single * 2 >= count and single >= self.min_count
        # A word not among the eight before it is never dropped as a repeat, so the count of
        # such words is a lower bound of the effective count; first uses are such words.
        fresh = len(set(words)) * 2 > count or _fresh(words) * 2 > count
        if distinct * 4 > count and not padded and fresh:
            return []
        effective = _effective(words)
        if effective * 2 > count and distinct * 4 > count and not padded:
            return []
        params = {"count": count, "distinct": distinct, "effective": effective}
        return [Violation("repetitive", params, template=self.message)]


_REPEATED_RUN = 8  # the longest run of syllables said again right after itself that counts once


def _effective(words: list[str]) -> int:
    """How many of ``words`` are left when a run of up to eight said again right after itself
    ("hay quá hay quá") counts once."""
    count = len(words)
    effective, i = 0, 0
    while i < count:
        word = words[i]
        for n in range(1, min(i, _REPEATED_RUN) + 1):
            # the first words differ far more often than not: compare the runs only then
            if words[i - n] == word and words[i : i + n] == words[i - n : i]:
                i += n
                break
        else:
            effective += 1
            i += 1
    return effective


def _fresh(words: list[str]) -> int:
    """How many of ``words`` are not among the eight words before them: a lower bound of
    :func:`_effective` in one cheap pass, since a word dropped as a repeat equals one of the
    eight before it."""
    fresh = 0
    last: dict[str, int] = {}
    for i, word in enumerate(words):
        if i - last.get(word, -_REPEATED_RUN - 1) > _REPEATED_RUN:
            fresh += 1
        last[word] = i
    return fresh


@dataclass(frozen=True, slots=True, repr=False)
class RequireDiacritics(Rule):
    """The comment must be typed with Vietnamese diacritics. Code ``missing_diacritics``.

    See :mod:`vncomment.diacritics` for how the decision is made. The comment is flagged when
    the weighted share of unmarked syllables reaches ``1 - strictness`` (default 0.6: a line
    at 40 %, chosen from measurements) and at least three syllables are clearly unmarked.
    Params: ``share`` (the weighted share of syllables judged unmarked, 0-1), ``percent``
    (the same, rounded), ``spans`` (of those syllables, into the text as given),
    ``examples`` (up to five of them) and ``suggestion``: the comment with its marks restored
    (see :mod:`vncomment.restore`), for the reader to accept. ``restorer`` is the restorer model:
    the path of one saved by ``vncomment train-restorer`` (read when the rule is made, so a bad
    path fails at once), a loaded :class:`~vncomment.restore.Model`, or None for the shipped one.
    A rule holding a path compares by the path; one holding a model, by the model's contents.
    ``suggest=False`` leaves ``suggestion`` out and never runs the restorer, which is most of
    the work of judging a comment typed without marks (50,000 such characters: 0.7 s with the
    suggestion, 0.2 s without), for a caller that bounds the work one request may ask for.
    """

    strictness: float = DEFAULT_STRICTNESS
    message: str | None = None
    restorer: str | Model | None = None
    suggest: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.strictness <= 1:
            raise ValueError(f"strictness must be between 0 and 1, got {self.strictness}")
        if isinstance(self.restorer, os.PathLike):
            object.__setattr__(self, "restorer", os.fspath(self.restorer))
        if self.restorer is None:
            return
        from vncomment.restore import Model, load

        if isinstance(self.restorer, str):
            load(self.restorer)  # a missing or broken file fails here, not at the first comment
        elif not isinstance(self.restorer, Model):
            raise TypeError(
                f"restorer takes a path, a vncomment.restore.Model or None, "
                f"got {type(self.restorer).__name__}"
            )

    def violations(self, analysis: Analysis) -> list[Violation]:
        if not may_be_unmarked(analysis, self.strictness):
            return []  # the common case, decided without tokens
        verdict = judge(analysis, self.strictness)
        if not verdict.unmarked_text:
            return []
        params = {
            "share": round(verdict.share, 3),
            "percent": round(verdict.share * 100),
            "spans": [t.span for t in verdict.unmarked],
            "examples": [t.text for t in verdict.unmarked[:5]],
        }
        if self.suggest:
            # the model is loaded on the first rejection, and the text restored only when rejected
            from vncomment.restore import model_for, restore_analysis

            params["suggestion"] = restore_analysis(analysis, model_for(self.restorer))
        return [Violation("missing_diacritics", params, template=self.message)]


def _host_allowed(link: Link, allow: tuple[str, ...]) -> bool:
    # Both readings must be the site: the browser's (link.host, read from the text as written;
    # None for a disguise or a scheme other than http/https) and the reader's (the url): in
    # kiemtien.com@vnexpress.net a browser goes to vnexpress.net, a reader to kiemtien.com.
    # Look-alike letters (vnеxpress.net, Cyrillic е) are another host to the browser.
    # The rest of the link must show no other address: https://vnexpress.net/kiemtien.com
    # and mailto:kiemtien.com@vnexpress.net advertise kiemtien.com.
    if not allow:
        return False
    hosts = (link.host, link_host(link.url))
    return all(
        host and any(on_site(host, site) for site in allow) for host in hosts
    ) and not shows_another_address(link)


@dataclass(frozen=True, slots=True, repr=False)
class NoLinks(Rule):
    """No links, however disguised (see :mod:`vncomment.links`). Code ``contains_link``.

    ``allow`` lists domains that are fine, with their subdomains (a site's own), as host names
    or http(s) URLs without a path (``https://vnexpress.net`` is ``vnexpress.net``; anything
    else raises ValueError); a link is allowed only when both the browser and the reader go
    there (see :attr:`vncomment.links.Link.host`). ``emails=False`` lets e-mail addresses
    through. One violation per link, with its ``span``; params ``link`` (as written), ``url``
    (normalised) and ``kind``, about that link only: the report lists every link, one
    violation each, so a comment with n links gives n small violations, not n lists of n.
    """

    allow: tuple[str, ...] = ()
    emails: bool = True
    message: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.allow, str):
            raise TypeError("NoLinks(allow=...) takes a tuple of domains, not a str")
        object.__setattr__(self, "allow", tuple(site_host(d) for d in self.allow))

    def violations(self, analysis: Analysis) -> list[Violation]:
        found = [
            link
            for link in analysis.links
            if (self.emails or link.kind != "email" or shows_another_address(link))
            and not _host_allowed(link, self.allow)
        ]
        return [
            Violation(
                "contains_link",
                {"link": link.text, "url": link.url, "kind": link.kind},
                link.span,
                template=self.message,
            )
            for link in found
        ]


@dataclass(frozen=True, slots=True, repr=False)
class NoPhoneNumbers(Rule):
    """No Vietnamese phone numbers (mobile or landline, with spaces, dots or +84).
    Code ``contains_phone``; one violation per number; params ``phone`` and ``digits``.
    Not in :data:`DEFAULT`: add it where a site wants it."""

    message: str | None = None

    def violations(self, analysis: Analysis) -> list[Violation]:
        found = analysis.phone_numbers
        return [
            Violation(
                "contains_phone",
                {"phone": p.text, "digits": p.digits},
                p.span,
                template=self.message,
            )
            for p in found
        ]


DEFAULT: Rule = MinSyllables(10) & NoRepetition() & RequireDiacritics() & NoLinks()
"""The rule printed under Vietnamese comment boxes: "Tối thiểu 10 chữ tiếng Việt có dấu. Không
chứa liên kết." """
