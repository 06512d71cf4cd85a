"""Find links in a comment, including the disguises spammers use, in linear time.

A comment policy ("Không chứa liên kết") is stricter than a Markdown renderer: anything a reader
could type into a browser counts. The scanner reads the *analysis* text (see
:mod:`vncomment._normalize`: invisible characters are gone, full-width letters and the dots
``．。｡`` are ASCII), finds candidates, and weighs the evidence for each.

Candidates
    * a scheme, also misspelt or spaced out (``http``, ``hxxp``, ``hppt``, ``h t t p s : / /``,
      ``https ://``, ``ftp``, any ``name://``), ``mailto:`` with an ``@``, or ``//host``;
    * a *chain* of labels joined by dots, where a dot may be written ``.``, with spaces before it
      (``abc . com``, ``abc .vn``), spelled out (``chấm``, ``cham``, ``dot``, any case) or
      bracketed (``[.]``, ``(.)``, ``[dot]``, ``(dot)``), or, weakest, a comma or a full stop
      and a space between a name-like label and ``com`` (``kiemtien,com``, ``kiemtien. com``,
      lowercase after a full stop) or a space and a comma before a web ending
      (``vaynhanh , vn``); a chain ending on a
      current IANA TLD (``data/tlds.txt``; Cyrillic and Greek look-alikes are read as Latin) is
      a domain, one after ``local@`` an e-mail address, four numbers up to 255 without leading
      zeros an IPv4 address (``10.000.000.000`` đồng is money);
    * IPv6 addresses (validated by :mod:`ipaddress`).

How a domain candidate becomes a link
    Strong signals make it a link on their own: ``www.``, a port, a path, a bracketed dot, a
    label mixing Latin with Cyrillic/Greek letters (a look-alike disguise), a known short or
    messaging host (bit.ly, t.me, zalo.me ...). Scheme URLs, e-mail addresses and IPs are links
    outright. Without a strong signal the candidate may be a sentence whose full stop lacks its
    space, which is very common: in the AIVIVN reviews ``nhanh.shop``, ``tiền.moi``, ``lời.mn``,
    ``ok.se``, ``2.shop``, ``Trump.Xin`` outnumber real bare domains (``tiki.vn``,
    ``vnexpress.net``) by about ten to one. So it must not look like one:

    * a title-case ending after a bare or spaced dot (``Sài Gòn.Ba``, ``size.Shop``,
      ``shop.Top``) starts a new sentence: not a link, unless it is Com, Vn, Net or Org, which
      start no sentence (``Kiemtien.Com``, ``Shopee.Vn`` are weighed like any other candidate);
    * an abbreviation shape (every label at most 3 characters and capitalised, the ending in
      capitals, not .VN or .COM: ``TP.HN``, ``ThS.BS``, ``ASP.NET``) is a Vietnamese
      abbreviation or a product name: not a link. In a comment written all in capitals case
      says nothing, so there neither rule applies (``XEM ABC.NET NHÉ`` is a link, and so is a
      shouted ``ASP.NET``: asp.net is a domain); ``ABC.VN`` and ``FPT.COM`` are links anywhere;
    * a file extension (``file.zip``) is a file name: not a link;
    * otherwise the evidence is scored and 3 points make a link. The ending gives 2 when it is
      one of the endings readers know as web addresses (``com``, ``vn``, ``net`` ...; not
      ``co``, which is "có" typed plain: ``shop.co fai``), 1 when
      it is not a word of the sentence (a longer ending that is not a Vietnamese syllable:
      ``shop``, ``xyz``, or a non-Latin one: ``рф``), 0 when it reads as a word (a Vietnamese
      syllable such as ``moi``, ``ma``, ``co``; or two Latin letters, which in Vietnamese
      chat are abbreviations: ``mn``, ``ng``, ``ae``, ``kg``). The name gives 2 when some label
      is name-like (three or more characters, not a single Vietnamese syllable, not a number
      with a unit such as ``15k``), else 1 for three or more labels (``s.l.o.w.io``), else 0.

    So ``abc.vn`` (2+2), ``abc chấm com`` (2+2), ``abc.shop`` (1+2) and ``việtnam.vn`` are
    links; ``nhanh.shop`` (1+0), ``cheta.si`` (0+2), ``tay.com`` (2+0) are not.

Linear time
    Every pattern is possessive or bounded (labels at most 63 characters, short separators),
    starts only at a word boundary, and never re-scans a character it has consumed: a path is
    read only for a candidate that is a link, and the scanners resume after each link's text.
    The evidence is weighed in Python on the matches. ``benchmarks/links.py`` shows the cost per
    character flat from 1 KB to 1 MB on adversarial inputs.

>>> [(link.text, link.url, link.kind) for link in find_links("Mua tại abc chấm com nhé")]
[('abc chấm com', 'abc.com', 'domain')]
>>> find_links("Giao hàng nhanh.shop nhiệt tình, TP.HCM và TP.HN")
[]
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from vncomment._normalize import Normalized, normalize
from vncomment.syllables import is_syllable

__all__ = ["KNOWN_HOSTS", "Link", "find_links", "link_host", "lookalike", "scan_links"]


@dataclass(frozen=True, slots=True)
class Link:
    """A link found in a comment.

    ``span`` indexes the text as given, ``text`` is that slice, ``url`` the normalised address
    (``https://abc.com/x``, ``abc.com``, ``a@b.vn``, ``1.2.3.4``) and ``kind`` one of ``url``,
    ``domain``, ``email``, ``ip``.
    """

    span: tuple[int, int]
    text: str
    url: str
    kind: str


# Short-link and messaging hosts: spam links, whatever the shape of their names.
KNOWN_HOSTS = frozenset(
    "bit.ly t.me telegram.me zalo.me m.me wa.me fb.com fb.me fb.watch youtu.be shope.ee "
    "tinyurl.com goo.gl cutt.ly tiny.cc is.gd rebrand.ly ow.ly t.co x.com s.id shorturl.at "
    "rb.gy lnkd.in amzn.to vt.tiktok.com".split()
)
# Endings readers know as web addresses: the most registered TLDs, Vietnam's own, and those of
# gambling spam (vip, bet, win, fun), the commonest spam in Vietnamese comments.
_WEB_ENDINGS = frozenset(
    "com net org vn edu gov info biz io me xyz top online site store club app dev tv asia "
    "pro live link click vip bet win fun".split()
)
# Separators that are punctuation far more often than disguised dots (see _judge), and the
# endings after which they are disguises all the same.
_WEAK = frozenset(("comma", "spaced comma", "stop"))
_DISGUISED_ENDINGS = frozenset(("com",))
# Web endings that start no sentence, even capitalised after a full stop without its space.
_NEVER_SENTENCES = frozenset(("com", "vn", "net", "org"))
# No Vietnamese abbreviation ends in these: in capitals they are still domains (VTV.VN, FPT.COM).
_NEVER_ABBREVIATED = frozenset(("vn", "com"))
# Endings that are file extensions more often than sites.
_FILE_ENDINGS = frozenset("zip mov md py pl pm sh rs ps".split())

# Cyrillic and Greek letters that look like Latin ones (lower and upper case).
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁӏкмнтвαοριυνκτχεАВЕКМНОРСТХУІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdlkmhtbaopiuvktxeABEKMHOPCTXYIJSABEZHIKMNOPTYX",
)
_CYRILLIC_GREEK = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_LATIN = regex.compile(r"\p{Latin}")
_LOWER = regex.compile(r"\p{Ll}")

_L = r"\p{L}\p{N}\p{M}\p{So}"  # label characters, besides the hyphen
_SEP = (
    rf"(?:\.[ \t]{{1,3}}(?=(?i:{'|'.join(_DISGUISED_ENDINGS)})\b)"  # abc. com: weak, see _judge
    r"|\."
    r"|[ \t]{1,3}\.[ \t]{0,3}"  # abc . com, abc .vn
    r"|\s{1,3}(?i:chấm|cham|dot)\s{1,3}"  # abc chấm com
    r"|[ \t]?(?:\[(?:\.|(?i:dot|chấm|cham))\]|\((?:\.|(?i:dot|chấm|cham))\))[ \t]?"  # abc[.]com
    r"|[ \t]?,[ \t]?)"  # abc,com: weak, see _judge
)
# A chain starts at a word start and each character is consumed once (possessive).
_CHAIN = regex.compile(rf"(?<![{_L}_\-])[{_L}\-]++(?:{_SEP}[{_L}\-]++)++")
_SPLIT = regex.compile(rf"({_SEP})")
_SCHEME = regex.compile(
    # http and its misspellings, also spaced out: h t t p s : / /, https ://, hxxp[:]//
    r"(?<![\p{L}\p{N}])(?i:(?P<http>h[ ]?(?:[tx][ ]?){1,3}p|h[ ]?p[ ]?p[ ]?t)(?P<s>[ ]?s)?)"
    r"[ ]{0,2}(?::|\[:\])[ ]{0,2}/[ ]?/[ ]?"
    r"|(?<![\p{L}\p{N}.+\-])(?P<other>(?i:[a-z][a-z0-9+.\-]{1,15}))://"
    r"|(?<![\p{L}\p{N}])(?P<mailto>(?i:mailto)):(?=[^\s@]{1,64}@)"
    r"|(?<![\w/:])(?P<neutral>//)(?=[\p{L}\p{N}])"
)
_URL_RUN = regex.compile(r"[^\s<>|`()\[\]{}]*+")
_MAX_URL = 4096
_TRAILING = ".,;:!?*"  # the sentence's punctuation after a URL, not the URL's
_PORT = regex.compile(r":\d{1,5}(?!\d)")
_LOCAL = regex.compile(r"[\w.+\-%'\"]{1,64}\Z")
_IPV6 = regex.compile(r"(?<![\w:.])(\[)?([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?(1)\])")
# A number, maybe with a unit (15k, 2tr, 500ml, 4h, 3g): not a name. "188bet" is one.
_NUMBER_WITH_UNIT = regex.compile(
    r"\d+(?i:k|tr|tỷ|ty|đ|d|vnd|usd|kg|g|km|m|cm|mm|ml|l|gb|mb|tb|h|p|s|x|th|st|nd|rd)?"
)
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_MAX_ENDINGS = 4


@cache
def _tlds() -> frozenset[str]:
    text = resources.files("vncomment").joinpath("data/tlds.txt").read_text(encoding="utf-8")
    return frozenset(ln for ln in text.splitlines() if ln and not ln.startswith("#"))


def _fold(label: str) -> str:
    return label.lower().translate(_LOOKALIKES)


def _is_tld(label: str) -> bool:
    tlds = _tlds()
    return label.lower() in tlds or _fold(label) in tlds


def lookalike(text: str) -> bool:
    """Does ``text`` hold Cyrillic or Greek letters, which look like Latin ones?"""
    return _CYRILLIC_GREEK.search(text) is not None


def _mixed_script(label: str) -> bool:
    return bool(_CYRILLIC_GREEK.search(label)) and bool(_LATIN.search(label))


def _url_end(text: str, start: int) -> int:
    """End of the URL text starting at ``start``: stop at an unbalanced closing bracket, then
    drop trailing punctuation and an unpaired quote (the sentence's, not the URL's).

    Reads only as far as the URL goes (never to the end of the line first), at most
    ``_MAX_URL`` characters, so scanners that resume after a URL stay linear."""
    depth = {"(": 0, "[": 0, "{": 0}
    pos, limit = start, min(len(text), start + _MAX_URL)
    while (pos := _URL_RUN.match(text, pos, limit).end()) < limit:
        c = text[pos]
        if c in depth:
            depth[c] += 1
        elif c in _CLOSERS and depth[_CLOSERS[c]]:
            depth[_CLOSERS[c]] -= 1
        else:
            break
        pos += 1
    end = pos
    quotes = {q: text.count(q, start, end) for q in "'\""}
    while end > start:
        c = text[end - 1]
        if c in _TRAILING:
            end -= 1
        elif c in quotes and quotes[c] % 2:
            quotes[c] -= 1
            end -= 1
        else:
            break
    return end


def _word_like_ending(ending: str) -> int:
    """Evidence from the ending: 2 a web ending, 1 not a word here, 0 reads as a word."""
    low = _fold(ending)
    if low in _WEB_ENDINGS:
        return 2
    if not ending.isascii():
        return 0 if is_syllable(ending) else 1
    if len(low) <= 2 or is_syllable(low):
        return 0
    return 1


def _name_like(label: str) -> bool:
    return (
        len(label) >= 3
        and any(c.isalpha() for c in label)
        and not is_syllable(label)
        and not _NUMBER_WITH_UNIT.fullmatch(label)
    )


def _abbreviation(labels: list[str]) -> bool:
    ending = labels[-1]
    return (
        all(len(x) <= 3 and (x[0].isupper() or x[0].isdigit()) for x in labels)
        and ending.isupper()
        and _fold(ending) not in _NEVER_ABBREVIATED
    )


def _valid_label(label: str) -> bool:
    return 0 < len(label) <= 63 and not label.startswith("-") and not label.endswith("-")


def _sep_kind(sep: str) -> str:
    if sep == ".":
        return "dot"
    if "," in sep:
        return "comma" if sep[0] == "," else "spaced comma"
    if sep[0] == "." and len(sep) > 1:
        return "stop"  # a full stop and a space
    if "[" in sep or "(" in sep:
        return "bracket"
    return "spelled" if any(c.isalpha() for c in sep) else "spaced"


def _judge(
    labels: list[str], kinds: list[str], has_path: bool, has_port: bool, caps: bool
) -> bool:
    """Is this chain of labels (ending on a TLD) a link? See the module docstring.

    ``caps``: the whole text is in capitals, so letter case says nothing here.
    """
    host = ".".join(_fold(x) for x in labels)
    ending = labels[-1]
    # A title-case ending after a bare dot starts a new sentence whose full stop lost its space
    # (Sài Gòn.Ba, size.Shop, shop.Top, game.Vip); Com, Vn, Net, Org start none and are
    # weighed below (Kiemtien.Com, Shopee.Vn).
    title = (
        not caps
        and len(ending) > 1
        and ending[0].isupper()
        and ending[1:].islower()
        and all(k in ("dot", "spaced") for k in kinds)
    )
    if any(host == h or host.endswith("." + h) for h in KNOWN_HOSTS):
        return has_path or not title
    if weak := _WEAK.intersection(kinds):
        # A comma, or a full stop and a space, is punctuation 37,000 times out of 37,000 in
        # real comments, except between a name and "com", which is no word after a brand or a
        # city the way "online", "app", "tv" or "vn" are (kiemtien,com, kiemtien. com); a
        # space before the comma is no punctuation either (vaynhanh , vn). After a full stop a
        # capital starts a sentence, unless name and ending are both shouted (KIEMTIEN. COM).
        endings = _WEB_ENDINGS if weak == {"spaced comma"} else _DISGUISED_ENDINGS
        return (
            len(labels) == 2
            and _fold(ending) in endings
            and _name_like(labels[0])
            and ("stop" not in kinds or caps or ending.islower() or "".join(labels).isupper())
        )
    if has_path or has_port or "bracket" in kinds or any(map(_mixed_script, labels)):
        return True
    if not caps and all(k == "dot" for k in kinds) and _abbreviation(labels):
        return False
    if (title and _fold(ending) not in _NEVER_SENTENCES) or _fold(ending) in _FILE_ENDINGS:
        return False
    names = labels[:-1]
    name = 2 if any(map(_name_like, names)) else 1 if len(names) >= 2 else 0
    return _word_like_ending(ending) + name >= 3


def _ipv4(labels: list[str]) -> bool:
    """Four numbers up to 255, none with a leading zero: "1.000.000.000" (đồng) is money."""
    return len(labels) == 4 and all(
        x.isascii() and x.isdigit() and len(x) <= 3 and int(x) <= 255 and (x == "0" or x[0] != "0")
        for x in labels
    )


def _has_path(text: str, pos: int) -> bool:
    """Does a path, query or fragment with something in it start at ``pos``?"""
    return (
        pos + 1 < len(text)
        and text[pos] in "/?#"
        and not text[pos + 1].isspace()
        and text[pos + 1] not in _TRAILING + "<>|`)]}'\""
    )


def _path_end(text: str, pos: int) -> int:
    """End of the path, query or fragment starting at ``pos``, if any."""
    return _url_end(text, pos) if pos < len(text) and text[pos] in "/?#" else pos


def _chain_links(
    text: str, m: regex.Match[str], caps: bool
) -> list[tuple[int, int, str, str]]:
    parts = _SPLIT.split(m.group())
    labels, seps = parts[0::2], parts[1::2]
    offsets = [m.start()]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    starts = offsets[0::2]  # start of each label in text
    last = len(labels) - 1
    # Four numbers joined by plain dots, alone in the chain or after a comma ("nhé, 1.2.3.4").
    ip = last - 3
    if (
        ip >= 0
        and _ipv4(labels[ip:])
        and all(x == "." for x in seps[ip:])
        and (ip == 0 or seps[ip - 1] != ".")
    ):
        start, end = starts[ip], starts[last] + len(labels[last])
        port = _PORT.match(text, end)
        after = port.end() if port else end
        after = _path_end(text, after)
        return [(start, after, ".".join(labels[ip:]) + text[end:after], "ip")]
    # The domain ends on the rightmost label that makes a link, usually the last one
    # ("vnexpress.net.Ba" ends one earlier); a few tries bound the work on long chains.
    tries = 0
    for j in range(last, 0, -1):
        if not _is_tld(labels[j]):
            continue
        tries += 1
        if tries > _MAX_ENDINGS:
            break
        i = j
        # Extend left over valid labels, whatever their dots (a name has at most 127 labels),
        # but a comma only ever stands for the dot before the ending.
        while i > 0 and j - i < 126 and _valid_label(labels[i - 1]):
            if _sep_kind(seps[i - 1]) in _WEAK and i < j:
                break
            i -= 1
        if i == j or not all(map(_valid_label, labels[i : j + 1])):
            continue
        start, end = starts[i], starts[j] + len(labels[j])
        names = labels[i : j + 1]
        kinds = [_sep_kind(s) for s in seps[i:j]]
        host = ".".join(_fold(x) if _mixed_script(x) else x.lower() for x in names)
        if start > 0 and text[start - 1] == "@":
            local = _LOCAL.search(text, max(0, start - 66), start - 1)
            if local:
                word = local.group().lstrip(".'\"+-%")
                if word:
                    at = start - 1 - len(word)
                    return [(at, end, f"{word}@{host}", "email")]
        after, has_port, has_path = end, False, False
        if j == last:
            port = _PORT.match(text, end)
            has_port = port is not None
            after = port.end() if port else end
            has_path = _has_path(text, after)
        if (names[0].lower() == "www" and len(names) >= 2) or _judge(
            names, kinds, has_path, has_port, caps
        ):
            # Only a link reads its path: the scanner resumes after it, so each character of a
            # path is read once.
            after = _path_end(text, after)
            return [(start, after, host + text[end:after], "domain")]
    return []


def _scheme_link(text: str, m: regex.Match[str]) -> tuple[int, int, str, str] | None:
    rest = m.end()
    end = _url_end(text, rest)
    body = text[rest:end]
    host = regex.split(r"[/?#]", body, maxsplit=1)[0]
    if not regex.search(r"[\p{L}\p{N}]", host):
        return None
    if m.group("mailto"):
        return (m.start(), end, "mailto:" + body, "email") if "@" in body else None
    if m.group("neutral"):
        # //host needs a dotted name or localhost; "//test" alone is too weak.
        if not regex.search(r"\p{L}", host) or ("." not in host and host.lower() != "localhost"):
            return None
        return (m.start(), end, "//" + body, "url")
    http = "https" if m.group("s") else "http"
    scheme = http if m.group("http") else m.group("other").lower()
    return (m.start(), end, f"{scheme}://{body}", "url")


def _ipv6_links(text: str) -> list[tuple[int, int, str, str]]:
    found = []
    for m in _IPV6.finditer(text):
        address = m.group(2)
        groups = [g for g in address.split(":") if g]
        if len(groups) < 3 and not m.group(1):
            continue
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            continue
        end = m.end()
        if m.group(1) and _PORT.match(text, end):
            end = _url_end(text, end)
        found.append((m.start(), end, text[m.start() : end].lower(), "ip"))
    return found


def scan_links(text: str) -> list[tuple[int, int, str, str]]:
    """Links in an *analysis* text (see :mod:`vncomment._normalize`).

    Returns ``(start, end, url, kind)`` tuples, in order, not overlapping.

    >>> scan_links("xem abc.vn/tin và hxxp://x.com")
    [(4, 14, 'abc.vn/tin', 'domain'), (18, 30, 'http://x.com', 'url')]
    """
    found: list[tuple[int, int, str, str]] = []
    pos = 0
    while m := _SCHEME.search(text, pos):
        link = _scheme_link(text, m)
        if link:
            found.append(link)
        # Resume after the URL text: never re-scan it for another scheme.
        pos = max(m.end(), link[1] if link else _url_end(text, m.end()))
    schemes = iter([(a, b) for a, b, _, _ in found] + [(len(text), len(text))])
    covered = next(schemes)
    caps = _LOWER.search(text) is None
    pos = 0
    while m := _CHAIN.search(text, pos):
        pos = m.end()
        while covered[1] <= m.start():
            covered = next(schemes)
        if covered[0] <= m.start():  # inside a scheme URL: resume after it
            pos = max(pos, covered[1])
            continue
        links = _chain_links(text, m, caps)
        found.extend(links)
        if links:
            pos = max(pos, links[-1][1])
    if ":" in text:
        found.extend(_ipv6_links(text))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[tuple[int, int, str, str]] = []
    for link in found:
        if not kept or link[0] >= kept[-1][1]:
            kept.append(link)
    return kept


def link_host(url: str) -> str | None:
    """The host of a ``url`` as :func:`scan_links` returns it, lowercase, or None.

    A rule allowing a site checks ``host == site or host.endswith("." + site)``.

    >>> link_host("https://user@Abc.com:80/x"), link_host("a@b.vn"), link_host("abc.vn/x")
    ('abc.com', 'b.vn', 'abc.vn')
    """
    m = regex.match(
        # Browsers read a backslash as a slash: "https://evil.com\\@site.vn" goes to evil.com.
        r"(?:[a-z][a-z0-9+.\-]*://|mailto:|//)?(?:[^@/?#\s\\]*@)?(\[[^\]]*\]|[^:/?#\s\\]+)",
        url,
        flags=regex.IGNORECASE,
    )
    if not m:
        return None
    host = m.group(1).strip("[]").rstrip(".").lower()
    return host or None


def links_in(norm: Normalized) -> list[Link]:
    """The links of a normalised comment, with spans into its original text."""
    links = []
    for start, end, url, kind in scan_links(norm.text):
        a, b = norm.span(start, end)
        links.append(Link((a, b), norm.original[a:b], url, kind))
    return links


def find_links(text: str) -> list[Link]:
    """Every link in ``text``, with spans into ``text`` as given.

    Total on any ``str``; raises ``TypeError`` for anything else.

    >>> find_links("Liên hệ zalo.me/0912345678 hoặc ｗｗｗ．abc．com")[1].url
    'www.abc.com'
    """
    if not isinstance(text, str):
        raise TypeError(f"find_links() takes a str, got {type(text).__name__}")
    return links_in(normalize(text))
