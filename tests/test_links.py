"""Tables of links that must be found and traps that must pass, plus linkify-it's fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vncomment.links import Link, find_links, link_host, scan_links

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus"


def _table(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return rows


@pytest.mark.parametrize("case", _table("links_found.json"), ids=lambda c: c["label"])
def test_link_is_found(case: dict[str, Any]) -> None:
    found = find_links(case["input"])
    assert [link.text for link in found] == [case["expected"]], case["reason"]
    link = found[0]
    assert case["input"][link.span[0] : link.span[1]] == link.text


@pytest.mark.parametrize("case", _table("links_traps.json"), ids=lambda c: c["label"])
def test_trap_is_not_a_link(case: dict[str, Any]) -> None:
    assert find_links(case["input"]) == [], case["reason"]


@pytest.mark.parametrize(
    ("text", "url", "kind"),
    [
        ("hxxps[:]//x.xyz", "https://x.xyz", "url"),
        ("h t t p : / / x.xyz", "http://x.xyz", "url"),
        ("ABC chấm COM", "abc.com", "domain"),
        ("gооgle.vn/a", "google.vn/a", "domain"),  # look-alikes folded in the url
        ("Ai@Gmail.com", "Ai@gmail.com", "email"),
        ("8.8.8.8", "8.8.8.8", "ip"),
    ],
)
def test_url_is_normalised(text: str, url: str, kind: str) -> None:
    [link] = find_links(text)
    assert (link.url, link.kind) == (url, kind)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://user:pw@Sub.Abc.com:80/x?y", "sub.abc.com"),
        ("abc.vn/x", "abc.vn"),
        ("a@b.vn", "b.vn"),
        ("mailto:a@b.vn", "b.vn"),
        ("//abc.vn", "abc.vn"),
        ("[2001:db8::1]:8080/x", "2001:db8::1"),
        ("vnexpress.net:443/x", "vnexpress.net"),
        ("https://evil.com\\@vnexpress.net", "evil.com"),
        ("", None),
    ],
)
def test_link_host(url: str, host: str | None) -> None:
    assert link_host(url) == host


def test_spans_map_back_through_normalisation() -> None:
    text = "xem ｋｉｅｍｔｉｅｎ．ｃｏｍ và kiem\u200btien.vn"
    links = find_links(text)
    assert [link.text for link in links] == ["ｋｉｅｍｔｉｅｎ．ｃｏｍ", "kiem\u200btien.vn"]
    assert [link.url for link in links] == ["kiemtien.com", "kiemtien.vn"]


def test_several_links_in_order() -> None:
    found = scan_links("abc.vn bcd.vn http://c.vn d@e.vn")
    assert [f[2] for f in found] == ["abc.vn", "bcd.vn", "http://c.vn", "d@e.vn"]


@pytest.mark.parametrize("bad", [None, b"abc.com", 3, ["abc.com"]])
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        find_links(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["", "\x00", "\ud800abc.com\udfff", "a.\x00com", "chấm", "@", "http://\ud800"]
)
def test_total_on_odd_strings(text: str) -> None:
    assert all(isinstance(link, Link) for link in find_links(text))


def _linkify_cases() -> list[tuple[str, str]]:
    lines = (CORPUS / "linkify-it" / "links.txt").read_text(encoding="utf-8").strip().split("\n")
    cases, skip = [], False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if line.startswith("%") or not line.strip():
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        nxt = "" if nxt.startswith("%") else nxt
        cases.append((line, nxt if nxt.strip() else line))
        skip = bool(nxt.strip())
    return cases


@pytest.mark.skipif(not (CORPUS / "linkify-it").exists(), reason="shared corpus absent")
def test_linkify_links_found() -> None:
    # Where we read links.txt otherwise, and why.
    known = {
        "a.ws": [],  # one letter and a two-letter ending: a chat abbreviation as often
        # A web address before "@" is read as one (kiemtien.com@vnexpress.net is two links).
        "192.168.1.1@gmail.com": ["192.168.1.1", "gmail.com"],
    }
    cases = _linkify_cases()
    assert len(cases) == 117
    for text, expected in cases:
        found = [link.text for link in find_links(text)]
        assert found == known[text] if text in known else found[:1] == [expected], text


@pytest.mark.skipif(not (CORPUS / "linkify-it").exists(), reason="shared corpus absent")
def test_linkify_not_links_verdicts_are_documented() -> None:
    text = (CORPUS / "linkify-it" / "not_links.txt").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("%")]
    flagged = {ln for ln in lines if find_links(ln)}
    documented = {row["input"] for row in _table("links_linkify_differences.json")}
    assert flagged == documented


@pytest.mark.parametrize(
    ("text", "found", "reason"),
    [
        ("Xem ABC.VN nhé", ["abc.vn"], "no abbreviation ends in .VN"),
        ("Mua ở FPT.COM đi", ["fpt.com"], "no abbreviation ends in .COM"),
        ("Vào ABC.VN/dang-ky ngay", ["abc.vn/dang-ky"], "a path makes a link whatever the case"),
        ("ABC.NET:8080", ["abc.net:8080"], "so does a port"),
        ("XEM ABC.NET NHÉ", ["abc.net"], "in an all-capitals comment case is no evidence"),
        ("Học ASP.NET cơ bản", [], "a product name in a comment that uses lowercase"),
        ("BÁC SĨ Ở TP.HN VÀ THS.BS", [], "all-capitals abbreviations still read as words"),
        ("SÀI GÒN.BA MẸ ĐI LÀM", [], "an all-capitals sentence break: both sides are syllables"),
    ],
)
def test_letter_case(text: str, found: list[str], reason: str) -> None:
    assert [link.url for link in find_links(text)] == found, reason
