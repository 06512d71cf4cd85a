"""How a chain of labels becomes a link: the evidence for and against, weighed.

A dotted word in a comment is far more often a sentence whose full stop lost its space than a
site: in the 27,068 AIVIVN reviews ``nhanh.shop``, ``tiền.moi``, ``lời.mn``, ``ok.se``,
``2.shop``, ``Trump.Xin`` outnumber real bare domains (``tiki.vn``, ``vnexpress.net``) by about
ten to one. So a chain ending on a TLD is a link only on evidence, weighed by
:meth:`Chain.is_link`: signals strong enough to decide alone (a path, a port, a bracketed dot, a
label mixing scripts, a known short host), then the shapes of sentences and abbreviations that
say "no" (a title-case ending, ``TP.HN``, a file extension), and otherwise points for the ending
and for the name. A weak separator (``kiemtien,com``) or an ending said aloud (``chấm cơm``)
also needs a name-like label before it.

docs/links.md ("How a candidate becomes a link") tables every rule with examples; each constant
below holds the measured evidence for its choice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cached_property, lru_cache

import regex

from vncomment._data import tlds
from vncomment.links._candidates import SPOKEN_VN, separator_kind
from vncomment.links._lookalikes import fold, mixed_script
from vncomment.syllables import is_syllable

# Short-link and messaging hosts: spam links, whatever the shape of their names.
KNOWN_HOSTS = frozenset(
    "bit.ly t.me telegram.me zalo.me m.me wa.me fb.com fb.me fb.watch youtu.be shope.ee "
    "tinyurl.com goo.gl cutt.ly tiny.cc is.gd rebrand.ly ow.ly t.co x.com s.id shorturl.at "
    "rb.gy lnkd.in amzn.to vt.tiktok.com".split()
)
_KNOWN_HOST_LABELS = max(h.count(".") + 1 for h in KNOWN_HOSTS)
# Endings readers know as web addresses: the most registered TLDs, Vietnam's own, and those of
# gambling spam (vip, bet, win, fun), the commonest spam in Vietnamese comments. Not "co",
# which is "có" typed plain (shop.co fai shop, AIVIVN).
WEB_ENDINGS = frozenset(
    "com net org vn edu gov info biz io me xyz top online site store club app dev tv asia "
    "pro live link click vip bet win fun".split()
)
# Two-letter endings that spam favours (the country endings most abused for spam: free or
# cheap to register) and that are no syllable or chat abbreviation here: in ViCTSD and
# AIVIVN no word is ever glued to them by a dot. They weigh as an ending that is no word
# (kiemtien.ru, vaytien.tk are links; a syllable before them, Nga.ru, is not). Not "cc",
# chat slang after abbreviations (vkl.cc), nor "co" ("có", see WEB_ENDINGS).
_ABUSED_COUNTRY_ENDINGS = frozenset("tk ml cf gq ru cn ws pw su".split())
# A comma, or a full stop and a space, is punctuation 37,000 times out of 37,000 in ViCTSD and
# AIVIVN, except between a name and "com", which is no word after a brand or a city the way
# "online", "app", "tv" or "vn" are (kiemtien,com, kiemtien. com; Ronaldo,vn is "Ronaldo,
# Việt Nam"); a space before the comma is no punctuation either (vaynhanh , vn). After a full
# stop a capital starts a sentence (Netflix. Com), unless name and ending are both shouted.
WEAK = frozenset(("comma", "spaced comma", "stop"))
_DISGUISED_ENDINGS = frozenset(("com",))
# Separators with which a title-case ending starts a new sentence (Sài Gòn.Ba, size.Shop).
_SENTENCE_BREAKS = frozenset(("dot", "symbol", "spaced"))
# Web endings that start no sentence, even capitalised after a missing space (Kiemtien.Com).
_NEVER_SENTENCES = frozenset(("com", "vn", "net", "org"))
# No Vietnamese abbreviation ends in these: in capitals they are still domains (VTV.VN, FPT.COM).
_NEVER_ABBREVIATED = frozenset(("vn", "com"))
# Endings that are file extensions more often than sites.
_FILE_ENDINGS = frozenset("zip mov md py pl pm sh rs ps".split())
# Endings no Vietnamese word follows after a missing space: in ViCTSD and AIVIVN no syllable is
# ever glued to them by a dot, while ".shop" (32 times: "nhanh.shop") and ".com" ("bó tay.com",
# the slang) are. So one syllable before them is a name (vay.vn, nha.net), written with a dot.
_NO_WORD_FOLLOWS = frozenset("vn net org edu gov info biz xyz".split())
_WRITTEN_DOTS = frozenset(("dot", "symbol", "bracket"))
# Endings as they are said or misspelt: marks added (cơm, côm, nét), c written k (kom), and vn
# read out letter by letter (vê nờ, vê en, vờ nờ). Only after a name written like a domain
# (ASCII, name-like) and a dot: "cơm" alone, "chấm điểm", "chấm thi" are words.
_SPOKEN_TARGETS = frozenset(("com", "net", "org", "vn"))
_SPOKEN_VN = regex.compile(SPOKEN_VN)
# Digits written for the letters they look like (c0m, n3t, 0rg), as in leetspeak.
_DIGITS_AS_LETTERS = str.maketrans("031", "oel")
# A number, maybe with a unit (15k, 2tr, 500ml, 4h, 3g): not a name. "188bet" is one.
_NUMBER_WITH_UNIT = regex.compile(
    r"\d+(?i:k|tr|tỷ|ty|đ|d|vnd|usd|kg|g|km|m|cm|mm|ml|l|gb|mb|tb|h|p|s|x|th|st|nd|rd)?"
)
_MAX_NAME_LABELS = 126  # a host name has at most 127 labels
_DIRECT_COUNT = 16  # ranges this short are counted directly, longer ones from prefix counts


def _unmarked(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    ).replace("đ", "d")


def spoken_ending(label: str) -> str | None:
    """The web ending ``label`` says or misspells (cơm, kom, nét, vê nờ, c0m), or None."""
    if len(label) > 5 or (label.isascii() and label[:1] not in "kK" and label.isalpha()):
        return None  # the longest is "vê nờ"; plain ASCII misspells c as k, or a letter as a digit
    return _spoken(label)


@lru_cache(maxsize=1024)  # labels of at most five characters: a small, bounded cache
def _spoken(label: str) -> str | None:
    low = label.lower()
    if _SPOKEN_VN.fullmatch(low):
        return "vn"
    plain = _unmarked(low).translate(_DIGITS_AS_LETTERS)
    if plain[:1] == "k":
        plain = "c" + plain[1:]
    return plain if plain != low and plain in _SPOKEN_TARGETS else None


def _joined(label: str) -> str:
    """A name spelled out letter by letter (k i e m) read as one word; others as written."""
    return label.replace(" ", "") if " " in label and not _SPOKEN_VN.fullmatch(label) else label


def _name_like(label: str) -> bool:
    return (
        len(label) >= 3
        and any(c.isalpha() for c in label)
        and not is_syllable(label)
        and not _NUMBER_WITH_UNIT.fullmatch(label)
    )


def _valid_label(label: str) -> bool:
    return 0 < len(label) <= 63 and not label.startswith("-") and not label.endswith("-")


def _ending_points(ending: str) -> int:
    """Evidence from the ending: 2 a web ending, 1 not a word here, 0 reads as a word."""
    low = fold(ending)
    if low in WEB_ENDINGS:
        return 2
    if not ending.isascii():
        return 0 if is_syllable(ending) else 1
    if low in _ABUSED_COUNTRY_ENDINGS:
        return 1
    if len(low) <= 2 or is_syllable(low):
        return 0
    return 1


def _prefix_counts(flags: list[bool]) -> list[int]:
    counts = [0]
    for flag in flags:
        counts.append(counts[-1] + flag)
    return counts


def _not_abbreviated(label: str) -> bool:
    return len(label) > 3 or not (label[0].isupper() or label[0].isdigit())


# Properties of labels (False) and of separators (True) that the evidence counts over a range.
_PROPERTIES: dict[str, tuple[Callable[[str], bool], bool]] = {
    "name": (_name_like, False),
    "domain name": (lambda x: x.isascii() and _name_like(x), False),
    "mixed": (mixed_script, False),
    "not abbreviated": (_not_abbreviated, False),
    "bracket": (lambda k: k == "bracket", True),
    "not a dot": (lambda k: k not in ("dot", "symbol"), True),
    "no sentence break": (lambda k: k not in _SENTENCE_BREAKS, True),
}
# The last label of every known host: only chains ending on one are looked up.
_KNOWN_HOST_ENDINGS = frozenset(h.rpartition(".")[2] for h in KNOWN_HOSTS)


class Chain:
    """Labels joined by separators, as the scanner matched them, and the evidence about them.

    ``caps``: the whole comment is in capitals, so letter case says nothing in it. Every
    question about a range of labels is answered from prefix counts, so that reading every
    ending of a long chain stays linear.
    """

    def __init__(self, labels: list[str], seps: list[str], caps: bool) -> None:
        self.raw = labels
        self.names = [_joined(x) for x in labels]
        self.caps = caps
        all_tlds = tlds()
        self.endings: list[str | None] = []
        self.spoken: list[bool] = []
        for name in self.names:
            low = name.lower()
            tld = low if low in all_tlds else None
            if tld is None and not low.isascii() and (folded := fold(low)) in all_tlds:
                tld = folded
            said = None if tld else spoken_ending(name)
            self.endings.append(tld or said)
            self.spoken.append(said is not None)
        self._seps = seps
        self._counts: dict[str, list[int]] | None = None

    def host(self, i: int, j: int) -> str:
        """Labels ``i`` .. ``j`` as a host name: lowercase, look-alikes in mixed labels read
        as Latin, a spoken ending as the ending it says."""
        names = self.names[i:j]
        host = ".".join(fold(x) if mixed_script(x) else x.lower() for x in names)
        ending = (self.endings[j] or "") if self.spoken[j] else self.names[j]
        ending = fold(ending) if mixed_script(ending) else ending.lower()
        return f"{host}.{ending}" if host else ending

    def has_endings(self) -> bool:
        """Does any label after the first end a name (a TLD or a spoken ending)?"""
        return any(self.endings[1:])

    @cached_property
    def kinds(self) -> list[str]:
        return [separator_kind(s) for s in self._seps]

    @cached_property
    def valid(self) -> list[bool]:
        return [_valid_label(x) for x in self.names]

    @cached_property
    def _run(self) -> list[int]:
        """The leftmost label reachable from each label over valid labels and separators that
        may stand inside a name (a comma only ever stands for the dot before the ending)."""
        run = list(range(len(self.names)))
        for k in range(1, len(run)):
            if self.valid[k - 1] and self.valid[k] and self.kinds[k - 1] not in WEAK:
                run[k] = run[k - 1]
        return run

    def reach(self, j: int) -> int:
        """The first label of the name that ending ``j`` would close (``j`` if none)."""
        if not self.valid[j - 1]:
            return j
        return max(j - _MAX_NAME_LABELS, self._run[j - 1])

    def _any(self, what: str, start: int, stop: int) -> bool:
        """Has any label (or separator) in ``start`` .. ``stop - 1`` property ``what``? Looked
        at directly over a short range, from prefix counts over a long one."""
        flag, of_separators = _PROPERTIES[what]
        items = self.kinds if of_separators else self.names
        if stop - start <= _DIRECT_COUNT:
            return any(map(flag, items[start:stop]))
        if self._counts is None:
            self._counts = {}
        if what not in self._counts:
            self._counts[what] = _prefix_counts([flag(x) for x in items])
        counts = self._counts[what]
        return counts[stop] > counts[start]

    def _known_host(self, i: int, j: int) -> bool:
        if self.endings[j] not in _KNOWN_HOST_ENDINGS:
            return False
        for k in range(2, min(_KNOWN_HOST_LABELS, j - i + 1) + 1):
            if ".".join(fold(x) for x in self.names[j - k + 1 : j + 1]) in KNOWN_HOSTS:
                return True
        return False

    def _shouted(self, i: int, j: int) -> bool:
        return (self.names[i] + self.names[j]).isupper()

    def is_link(self, i: int, j: int, has_path: bool, has_port: bool) -> bool:
        """Do labels ``i`` .. ``j`` (the ending) make a link?"""
        names, kinds = self.names, self.kinds
        ending, value = names[j], self.endings[j] or ""
        spoken = self.spoken[j]
        if names[i].lower() == "www" and not spoken:
            return True
        title = (
            not self.caps
            and len(ending) > 1
            and ending[0].isupper()
            and ending[1:].islower()
            and not self._any("no sentence break", i, j)
        )
        if not spoken and self._known_host(i, j):
            return has_path or not title
        last = kinds[j - 1]
        if last in WEAK:  # only the separator before the ending can be weak (see reach)
            endings = WEB_ENDINGS if last == "spaced comma" else _DISGUISED_ENDINGS
            return (
                not spoken
                and i == j - 1
                and value in endings
                and _name_like(names[i])
                and (last != "stop" or self.caps or ending.islower() or self._shouted(i, j))
            )
        if has_path or has_port or self._any("mixed", i, j + 1):
            return True
        if spoken:  # a name written like a domain, a dot (bracketed or not), an ending said aloud
            return self._any("domain name", i, j)  # ăn (.) cơm is a meal, not a disguise
        if self._any("bracket", i, j):
            return True
        if (
            not self.caps
            and not self._any("not a dot", i, j)
            and not self._any("not abbreviated", i, j + 1)
            and ending.isupper()
            and value not in _NEVER_ABBREVIATED
        ):
            return False  # TP.HN, ThS.BS, ASP.NET: an abbreviation or a product name
        if (title and value not in _NEVER_SENTENCES) or value in _FILE_ENDINGS:
            return False
        name = 2 if self._any("name", i, j) else 1 if j - i >= 2 else 0
        if (
            not name
            and value in _NO_WORD_FOLLOWS
            and last in _WRITTEN_DOTS
            and (ending.islower() or self.caps)  # Tốt.Vn may start a sentence: "Vn mình ..."
            and is_syllable(names[i])
        ):
            name = 1
        return _ending_points(ending) + name >= 3
