"""Hypothesis strategies for testing code that handles Vietnamese comments.

Use them with ``@given``::

    from hypothesis import given
    from vncomment.strategies import abbreviations, links

    @given(links())
    def test_spam_is_rejected(link: str) -> None:
        assert not my_site.accepts("Bài viết rất hay, xem thêm ở " + link)

:func:`links` draws links as spammers write them (each one is found by
:func:`vncomment.links.find_links`); :func:`abbreviations` draws Vietnamese abbreviations and
numbers that look dotted but are not links.
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without Hypothesis
    raise ImportError(
        "vncomment.strategies needs Hypothesis: pip install 'vncomment[hypothesis]'"
    ) from error

__all__ = ["abbreviations", "links"]

# Names that are not Vietnamese syllables, as spam domains are (glued words, brands).
_NAMES = st.sampled_from(
    ["kiemtien", "dienmayabc", "thoitrang24h", "shopgiare", "vaynhanh", "tintuc-moi", "abc123",
     "xn--vitnam-jk8b", "việtnam", "muabannhanh", "gamebai", "nhacai99"]
)  # fmt: skip
_ENDINGS = st.sampled_from(["com", "vn", "net", "org", "xyz", "info", "com.vn", "io", "top", "me"])
_PATHS = st.sampled_from(["", "/", "/dang-ky", "/a/b?c=1&d=2", "#top", "/?ref=fb"])
_SHORT = st.sampled_from(
    ["bit.ly/3xYz", "t.me/kiemtien", "zalo.me/0912345678", "m.me/shopabc", "wa.me/84912345678",
     "fb.com/kiemtien", "youtu.be/dQw4w9WgXcQ", "shope.ee/abc123", "tinyurl.com/xyz99", "bit.ly"]
)  # fmt: skip
_SCHEMES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "ftp://", "hxxp://", "hxxps[:]//", "hppt://",
     "https ://", "h t t p s : / / ", "//"]
)  # fmt: skip
# Dots as spammers write them; full-width and ideographic ones are undone by normalisation.
_DOTS = st.sampled_from(
    [".", " chấm ", " CHẤM ", " cham ", " dot ", " DOT ", "[.]", "(.)", "(dot)", "[dot]",
     " . ", " .", "．", "。", "｡"]
)  # fmt: skip
_INVISIBLE = st.sampled_from(["\u200b", "\u00ad", "\u200c", "\u2060", "\ufeff"])
_LOOKALIKE = {"o": "о", "a": "а", "c": "с", "e": "е", "p": "р"}  # Latin -> Cyrillic


@st.composite
def _disguised(draw: st.DrawFn) -> str:
    name, ending = draw(_NAMES), draw(_ENDINGS)
    trick = draw(st.sampled_from(["dot", "invisible", "lookalike", "fullwidth"]))
    if trick == "dot":
        return name + draw(_DOTS) + ending.replace(".", draw(_DOTS))
    if trick == "invisible":
        at = draw(st.integers(1, len(ending) - 1)) if len(ending) > 1 else 1
        return f"{name}.{ending[:at]}{draw(_INVISIBLE)}{ending[at:]}"
    if trick == "lookalike":
        swapped = "".join(_LOOKALIKE.get(c, c) for c in ending)
        if swapped == ending:  # nothing to swap in the ending: swap in the name
            swapped_name = "".join(_LOOKALIKE.get(c, c) for c in name)
            return f"{swapped_name}.{ending}/x" if swapped_name != name else f"{name}.{ending}"
        return f"{name}.{swapped}"
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in f"{name}.{ending}")


@st.composite
def _plain(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["scheme", "www", "bare", "short", "email", "ip", "ipv6"]))
    host = f"{draw(_NAMES)}.{draw(_ENDINGS)}"
    if kind == "scheme":
        return draw(_SCHEMES) + host + draw(_PATHS)
    if kind == "www":
        return "www." + host + draw(_PATHS)
    if kind == "bare":
        return host + draw(_PATHS)
    if kind == "short":
        return draw(_SHORT)
    if kind == "email":
        local = draw(st.sampled_from(["lienhe", "nguyen.van.a", "ban+tin", "hotro_24h"]))
        return f"{local}@{host}"
    if kind == "ip":
        octets = draw(st.lists(st.integers(0, 255), min_size=4, max_size=4))
        port = draw(st.sampled_from(["", ":8080"]))
        return ".".join(map(str, octets)) + port + draw(_PATHS)
    return draw(st.sampled_from(["2001:db8::1:2", "[2001:db8::1]:8080", "fe80::1:2:3"]))


def links(disguised: bool = True) -> st.SearchStrategy[str]:
    """Links as spammers write them: schemes (also misspelt and spaced out), www, bare domains
    with paths, IDN and punycode, short and messaging links, e-mail addresses, IPv4 and IPv6;
    with ``disguised`` also spelled-out, spaced and bracketed dots, invisible characters,
    Cyrillic look-alikes and full-width letters. Every one is a link to
    :func:`vncomment.links.find_links`."""
    return st.one_of(_plain(), _disguised()) if disguised else _plain()


_ABBREVIATIONS = [
    "TP.HCM", "TP.HN", "Tp.HN", "Q.1", "Q.BT", "Q.PN", "H.CC", "P.5", "ThS.BS", "TS.BS",
    "PGS.TS", "Th.S", "T.Ư", "U.23", "v.v.", "GS.TS", "TX.ST", "ASP.NET", "Node.js",
]  # fmt: skip


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
    """Vietnamese abbreviations and numbers that look dotted but are not links
    (TP.HCM, ThS.BS, Q.1, v.v., 3.5 triệu, 1.000.000đ, 20.11.2023, v1.2.3 ...)."""
    return st.one_of(st.sampled_from(_ABBREVIATIONS), _number())
