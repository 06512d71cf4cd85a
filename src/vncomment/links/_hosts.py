"""Read a link's host the way a browser does (the WHATWG URL standard), and a site's name.

An allow-list is only as safe as its reading of the host. The scanner reads a comment after
normalisation (full-width ``／`` is ``/`` there), but a browser splits the URL *as written* on
ASCII delimiters only, and maps the host afterwards (UTS #46): ``http://vnexpress.net／@evil.com``
goes to ``evil.com``, whose user name is ``vnexpress.net／``. So :func:`browser_host` reads the
original text: tabs and newlines dropped, the authority ending at ``/ \\ ? #``, the user info
before the last ``@``, the port after ``:``; the host percent-decoded, NFKC-mapped and
lowercased, and refused when it holds a forbidden code point. A link whose text is not one URL
as written (a spoken or spaced dot) has no browser host: no browser opens it as written.
"""

from __future__ import annotations

import unicodedata

import regex

_URL_RUN = regex.compile(r"[^\s<>|`()\[\]{}]*+")
_MAX_URL = 4096
TRAILING = ".,;:!?*"  # the sentence's punctuation after a URL, not the URL's
_OPENING_BRACKET = {")": "(", "]": "[", "}": "{"}  # the opening bracket of each closing one

_TAB_OR_NEWLINE = regex.compile(r"[\t\n\r]")
_SCHEME = regex.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):(?!\d+(?:[/?#\\@]|\Z))")
AUTHORITY_END = regex.compile(r"[/\\?#]")  # where a URL's user info, host and port end
_PERCENT = regex.compile(r"(?:%[0-9A-Fa-f]{2})+")
_IGNORED = regex.compile(r"\p{Default_Ignorable_Code_Point}")
# Forbidden domain code points (WHATWG URL, "host parsing"): a host holding one is no host.
_FORBIDDEN = regex.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
# IDNA maps these full stops to "." (UTS #46); NFKC leaves the ideographic ones alone.
_IDEOGRAPHIC_STOPS = str.maketrans("\u3002\uff61", "..")
_HOST_NAME_LABEL = regex.compile(r"[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}\-]{0,61}(?<!-))?")


def url_end(text: str, start: int) -> int:
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
        elif c in _OPENING_BRACKET and depth[_OPENING_BRACKET[c]]:
            depth[_OPENING_BRACKET[c]] -= 1
        else:
            break
        pos += 1
    end = pos
    quotes = {q: text.count(q, start, end) for q in "'\""}
    while end > start:
        c = text[end - 1]
        if c in TRAILING:
            end -= 1
        elif c in quotes and quotes[c] % 2:
            quotes[c] -= 1
            end -= 1
        else:
            break
    return end


def _map_host(host: str) -> str | None:
    """Percent-decode and map a host as a browser does (UTS #46 approximated by NFKC and
    case folding), or None when it cannot be a host."""
    try:
        host = _PERCENT.sub(lambda m: bytes.fromhex(m.group().replace("%", "")).decode(), host)
    except UnicodeDecodeError:
        return None
    host = _IGNORED.sub("", unicodedata.normalize("NFKC", host).translate(_IDEOGRAPHIC_STOPS))
    host = host.casefold()
    if not host or _FORBIDDEN.search(host):
        return None
    return host


def read_host(url: str, email: bool = False) -> str | None:
    """The host a browser goes to for ``url`` as written, or None when it is not an http(s)
    URL a browser would open (another scheme, a forbidden character in the host) or, unless
    ``email``, when it carries user info: ``http://kiemtien.com@vnexpress.net`` shows a reader
    one host and sends the browser to another, and no site's own link needs one.

    A URL without a scheme is read as after ``http://``, as linkifiers and address bars do;
    ``mailto:`` as its address.

    >>> read_host("http://vnexpress.net／@evil.com", email=True), read_host("a@b.vn", email=True)
    ('evil.com', 'b.vn')
    >>> read_host("HTTPS://VnExpress.net/x"), read_host("javascript://vnexpress.net/%0a")
    ('vnexpress.net', None)
    """
    url = _TAB_OR_NEWLINE.sub("", url.strip("\x00- "))
    if url[:7].lower() == "mailto:":
        url = url[7:]
    elif m := _SCHEME.match(url):
        if m.group(1).lower() not in ("http", "https"):
            return None
        url = url[m.end() :]
    url = url.lstrip("/\\")
    end = AUTHORITY_END.search(url)
    authority = url[: end.start()] if end else url
    _, at, host = authority.rpartition("@")
    if at and not email:
        return None
    if host.startswith("["):
        inside, closed, _ = host[1:].partition("]")
        return inside.lower() if closed and inside else None
    return _map_host(host.partition(":")[0])


def browser_host(text: str, start: int, end: int, email: bool = False) -> str | None:
    """The host a browser goes to for the link ``text[start:end]``, reading the URL as written
    from ``start`` to where the URL text ends (which may be past ``end``: a port and user info,
    more labels), or None when the URL as written stops before ``end``; see :func:`read_host`."""
    stop = url_end(text, start)
    if stop < end:
        return None
    return read_host(text[start:stop], email)


def site_host(entry: str) -> str:
    """An allow-list entry as a host name: ``https://vnexpress.net``, ``vnexpress.net/`` and
    ``VnExpress.net.`` are ``vnexpress.net``. Raises ValueError for what is not a host name.

    >>> site_host("https://VnExpress.net/")
    'vnexpress.net'
    """
    if not isinstance(entry, str):
        raise TypeError(f"an allowed site is a str, got {type(entry).__name__}")
    text = entry.strip()
    m = _SCHEME.match(text)
    if m and text[m.end() : m.end() + 2] == "//":
        if m.group(1).lower() not in ("http", "https"):
            raise ValueError(f"allowed site {entry!r}: only http and https sites can be allowed")
        text = text[m.end() + 2 :]
    host, _, path = text.partition("/")
    if path:
        raise ValueError(f"allowed site {entry!r} has a path: give the host name alone")
    for char, what in (("@", "user info"), ("?", "a query"), ("#", "a fragment"), (":", "a port")):
        if char in host:
            raise ValueError(f"allowed site {entry!r} has {what}: give the host name alone")
    mapped = _map_host(host)
    name = mapped[:-1] if mapped and mapped.endswith(".") else mapped
    labels = name.split(".") if name else []
    if (
        len(labels) < 2
        or len(name or "") > 253
        or not all(_HOST_NAME_LABEL.fullmatch(x) for x in labels)
        or labels[-1].isdigit()
    ):
        raise ValueError(
            f"allowed site {entry!r} is not a host name (like 'vnexpress.net' or "
            "'https://vnexpress.net')"
        )
    return name or ""


def link_host(url: str) -> str | None:
    """The host of a ``url`` as the scanner normalised it (:class:`Link.url`), lowercase.

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
