"""The scan: scheme URLs first, then chains outside them, then IPv6; each character once.

A path is read only for a candidate that is a link, and the scan resumes after each link's
text, so each character of a path is read once; ``benchmarks/links.py`` shows the cost per
character flat from 1 KB to 1 MB on adversarial inputs.
"""

from __future__ import annotations

import ipaddress

import regex

from vncomment.links._candidates import (
    CHAIN,
    IPV6,
    IPV6_HINT,
    SCHEME,
    SCHEME_HINT,
    SPLIT,
    may_have_chain,
)
from vncomment.links._evidence import Chain
from vncomment.links._hosts import TRAILING, url_end

Found = tuple[int, int, str, str]  # start, end, url, kind

_LOWER = regex.compile(r"\p{Ll}")
_PORT = regex.compile(r":\d{1,5}(?!\d)")
_LOCAL = regex.compile(r"[\w.+\-%'\"]{1,64}\Z")
_HOST_CHARACTER = regex.compile(r"[\p{L}\p{N}]")
_LAST_WORD = regex.compile(r"(?r)[\p{L}\p{N}\p{M}]++")  # searched backwards from a URL's end


def _has_path(text: str, pos: int) -> bool:
    """Does a path, query or fragment with something in it start at ``pos``?"""
    return (
        pos + 1 < len(text)
        and text[pos] in "/?#"
        and not text[pos + 1].isspace()
        and text[pos + 1] not in TRAILING + "<>|`)]}'\""
    )


def _path_end(text: str, pos: int) -> int:
    """End of the path, query or fragment starting at ``pos``, if any."""
    return url_end(text, pos) if pos < len(text) and text[pos] in "/?#" else pos


def _ipv4(labels: list[str]) -> bool:
    """Four numbers up to 255, none with a leading zero: "1.000.000.000" (đồng) is money."""
    return len(labels) == 4 and all(
        x.isascii() and x.isdigit() and len(x) <= 3 and int(x) <= 255 and (x == "0" or x[0] != "0")
        for x in labels
    )


def _ipv4_link(text: str, labels: list[str], seps: list[str], starts: list[int]) -> Found | None:
    """Four numbers joined by plain dots, alone in the chain or after a comma (nhé, 1.2.3.4)."""
    ip, last = len(labels) - 4, len(labels) - 1
    if not (
        ip >= 0
        and _ipv4(labels[ip:])
        and all(x == "." for x in seps[ip:])
        and (ip == 0 or seps[ip - 1] != ".")
    ):
        return None
    start, end = starts[ip], starts[last] + len(labels[last])
    port = _PORT.match(text, end)
    after = _path_end(text, port.end() if port else end)
    return (start, after, ".".join(labels[ip:]) + text[end:after], "ip")


def _email(text: str, start: int, end: int, host: str, floor: int) -> Found | None:
    """``local@`` before the domain at ``start``; the local part never reaches back into the
    link before it (``kiemtien.com@vnexpress.net`` is a web address, then a domain)."""
    local = _LOCAL.search(text, max(floor, start - 66), start - 1)
    word = local.group().lstrip(".'\"+-%") if local else ""
    return (start - 1 - len(word), end, f"{word}@{host}", "email") if word else None


def _domain(text: str, chain: Chain, starts: list[int], i: int, j: int, floor: int) -> Found | None:
    """The link that labels ``i`` .. ``j`` make, if they make one."""
    start, end = starts[i], starts[j] + len(chain.raw[j])
    at = i == 0 and start and text[start - 1] == "@"
    if at and (email := _email(text, start, end, chain.host(i, j), floor)):
        return email
    after, has_port, has_path = end, False, False
    if j == len(chain.raw) - 1:
        port = _PORT.match(text, end)
        has_port = port is not None
        after = port.end() if port else end
        has_path = _has_path(text, after)
    if not chain.is_link(i, j, has_path, has_port):
        return None
    # Only a link reads its path: the scan resumes after it, so each character is read once.
    after = _path_end(text, after)
    return (start, after, chain.host(i, j) + text[end:after], "domain")


def _chain_links(text: str, m: regex.Match[str], caps: bool, floor: int) -> list[Found]:
    """The links in one chain, read from the right: each ending closes the longest name before
    it; left of a link, the rest of the chain is read again (kiemtien.com.-.vnexpress.net)."""
    parts = SPLIT.split(m.group())
    labels, seps = parts[0::2], parts[1::2]
    offsets = [m.start()]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    starts = offsets[0::2]
    if ip := _ipv4_link(text, labels, seps, starts):
        return [ip]
    chain = Chain(labels, seps, caps)
    if not chain.has_endings():
        return []
    found: list[Found] = []
    j = len(labels) - 1
    while j >= 1:
        i = chain.reach(j) if chain.endings[j] and chain.valid[j] else j
        link = _domain(text, chain, starts, i, j, floor) if i < j else None
        if link:
            found.append(link)
            j = i - 1
        else:
            j -= 1
    found.reverse()
    return found


def _scheme_link(text: str, m: regex.Match[str]) -> Found | None:
    rest = m.end()
    end = url_end(text, rest)
    body = text[rest:end]
    script = m.group("script") or m.group("script_data") or m.group("script_file")
    if script:
        return (m.start(), end, f"{script.lower()}:{body}", "url") if body else None
    host = regex.split(r"[/?#]", body, maxsplit=1)[0]
    if not _HOST_CHARACTER.search(host):
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


def _ipv6_links(text: str) -> list[Found]:
    found = []
    for m in IPV6.finditer(text):
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
            end = url_end(text, end)
        found.append((m.start(), end, text[m.start() : end].lower(), "ip"))
    return found


def _scheme_links(text: str) -> list[Found]:
    found = []
    pos = 0
    while m := SCHEME.search(text, pos):
        link = _scheme_link(text, m)
        if link:
            found.append(link)
        # Resume after the URL text: never re-scan it for another scheme.
        pos = max(m.end(), link[1] if link else url_end(text, m.end()))
    return found


def scan_links(text: str, hints: bool = True) -> list[Found]:
    """Links in an *analysis* text (see :mod:`vncomment._normalize`).

    Returns ``(start, end, url, kind)`` tuples, in order, not overlapping. Each stage runs only
    when its cheap hint finds something; ``hints=False`` runs them all (the tests that check
    the hints compare both).

    >>> scan_links("xem abc.vn/tin và hxxp://x.com")
    [(4, 14, 'abc.vn/tin', 'domain'), (18, 30, 'http://x.com', 'url')]
    """
    found = _scheme_links(text) if not hints or SCHEME_HINT.search(text) else []
    urls = [(a, b) for a, b, _, _ in found] + [(len(text), len(text))]
    u = 0  # the first scheme URL that does not end before the chain
    caps = _LOWER.search(text) is None
    may_chain = not hints or may_have_chain(text)
    pos = floor = 0  # floor: the end of the last link before the chain
    while may_chain and (m := CHAIN.search(text, pos)):
        pos = m.end()
        while urls[u][1] <= m.start():
            floor = max(floor, urls[u][1])
            u += 1
        start, end = urls[u]
        if start <= m.start():
            # Inside a scheme URL: resume where the URL ends, not the chain. A chain that runs
            # on past the URL into a link (https://vnexpress.net/?r=kiemtien chấm com) makes
            # one link of them, as a reader reads it: no browser opens it as written.
            pos = end
            tail = _chain_links(text, m, caps, floor) if m.end() > end else []
            last = _LAST_WORD.search(text, m.end(), end) if m.end() < end else None
            if tail and (stop := tail[-1][1]) > end:
                a, _, url, kind = found[u]
                found[u] = (a, stop, url + text[end:stop], kind)
                pos = stop
            elif last and last.end() == end and last.start() > m.start():
                pos = last.start()  # the URL's last word may start such a chain (?r=abc chấm com)
            continue
        links = _chain_links(text, m, caps, floor)
        found.extend(links)
        if links:
            pos = max(pos, links[-1][1])
            floor = links[-1][1]
    if not hints or IPV6_HINT.search(text):
        found.extend(_ipv6_links(text))
    found.sort(key=lambda f: (f[0], -f[1]))
    kept: list[Found] = []
    for link in found:
        if not kept or link[0] >= kept[-1][1]:
            kept.append(link)
    return kept
