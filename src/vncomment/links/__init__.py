"""Find links in a comment, including the disguises spammers use, in linear time.

A comment policy ("Không chứa liên kết") is stricter than a Markdown renderer: anything a reader
could type into a browser counts. The finder reads the *analysis* text of
:mod:`vncomment._normalize` (invisible characters gone, full-width and styled letters folded)
in four steps, one module each:

* :mod:`._candidates`: what looks like a link — schemes (also misspelt or spaced out), chains
  of labels joined by a dot however it is written (``.``, ``·``, `` chấm ``, ``[.]``, a comma
  before ``com`` ...), names spelled out letter by letter, IPv6 — and the cheap pre-check that
  lets a comment with nothing link-like skip the rest;
* :mod:`._evidence`: when a chain is a link rather than a sentence whose full stop lost its
  space, with the measurements behind each rule;
* :mod:`._lookalikes`: letters of other scripts read as Latin;
* :mod:`._hosts`: the host a browser goes to, read the WHATWG way, which allow-lists check.

>>> [(link.text, link.url, link.kind) for link in find_links("Mua tại abc chấm com nhé")]
[('abc chấm com', 'abc.com', 'domain')]
>>> find_links("Giao hàng nhanh.shop nhiệt tình, TP.HCM và TP.HN")
[]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

import regex

from vncomment._normalize import Normalized, normalize
from vncomment.links._candidates import may_have_links
from vncomment.links._evidence import KNOWN_HOSTS
from vncomment.links._hosts import AUTHORITY_END, browser_host, link_host, site_host
from vncomment.links._scanner import scan_links

__all__ = [
    "KNOWN_HOSTS",
    "Link",
    "find_links",
    "link_host",
    "on_site",
    "shows_another_address",
    "site_host",
]


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
    _comment: str = field(default="", repr=False, compare=False)  # the text as given

    @property
    def host(self) -> str | None:
        """The host a browser goes to when the link is opened as written, read by the WHATWG
        URL rules from the comment as given, which may run past ``text``
        (``vnexpress.net:8080@evil.com`` goes to ``evil.com``); or None when no browser would
        open it as written (a spoken or spaced dot, a scheme other than http and https) or
        when it carries user info, which shows a reader one host and sends the browser to
        another.

        >>> [link.host for link in find_links("ｖｎｅｘｐｒｅｓｓ．ｎｅｔ, abc chấm com")]
        ['vnexpress.net', None]
        """
        comment, (start, end) = self._comment, self.span
        if comment[start:end] != self.text:  # made by hand: read its text alone
            comment, start, end = self.text, 0, len(self.text)
        return browser_host(comment, start, end, email=self.kind == "email")


def on_site(host: str, site: str) -> bool:
    """Is ``host`` the ``site`` (a :func:`site_host`) or one of its subdomains? A subdomain that
    spells another address (``kiemtien.com.vnexpress.net``) is not: a reader goes there.

    >>> on_site("video.vnexpress.net", "vnexpress.net")
    True
    >>> on_site("kiemtien.com.vnexpress.net", "vnexpress.net")
    False
    """
    host = host.rstrip(".")
    if host == site:
        return True
    sub = host.removesuffix("." + site)
    return sub != host and not scan_links(sub)


_SCHEME_PREFIX = regex.compile(r"(?i:[a-z][a-z0-9+.\-]*:(?://)?|//)?")


def shows_another_address(link: Link) -> bool:
    """Does the link show a reader another address besides its host: in its user info or an
    e-mail's local part, or in its path, query or fragment (percent-decoded)? A site's own URL
    is no carrier: ``https://vnexpress.net/kiemtien.com`` and
    ``mailto:kiemtien.com@vnexpress.net`` advertise ``kiemtien.com`` to whoever reads them.

    >>> links = find_links("vnexpress.net/a-b.html và vnexpress.net/kiemtien.vn")
    >>> [shows_another_address(link) for link in links]
    [False, True]
    """
    scheme = _SCHEME_PREFIX.match(link.url) if link.kind in ("url", "email") else None
    body = link.url[scheme.end() :] if scheme else link.url
    end = AUTHORITY_END.search(body)
    authority, rest = (body[: end.start()], body[end.start() :]) if end else (body, "")
    user = authority.rpartition("@")[0]
    # Each part read on its own (a space between), once: no recursion, so the cost is linear.
    shown = unquote(f"{user} {rest}", errors="replace")
    return bool(shown.strip()) and bool(scan_links(normalize(shown).text))


def links_in(norm: Normalized) -> list[Link]:
    """The links of a normalised comment, with spans into its original text."""
    if not may_have_links(norm.text):  # nothing link-like: three comments in four
        return []
    links = []
    for start, end, url, kind in scan_links(norm.text):
        a, b = norm.span(start, end)
        links.append(Link((a, b), norm.original[a:b], url, kind, norm.original))
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
