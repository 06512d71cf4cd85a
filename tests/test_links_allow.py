"""The allow-list against a hostile reader: every way of reaching another host is reported."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from vncomment import validate
from vncomment.analysis import Analysis
from vncomment.links import find_links, site_host
from vncomment.links._hosts import read_host
from vncomment.rules import NoLinks

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này nhé, xem "
SITE = NoLinks(allow=("vnexpress.net",))


def _refused(rule: NoLinks, text: str) -> bool:
    return bool(rule.violations(Analysis(GOOD + text + " ạ")))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("http://vnexpress.net／@evil.com", "full-width slash: the browser's host is evil.com"),
        ("http://vnexpress.net＼@evil.com", "full-width backslash"),
        ("http://vnexpress.net？@evil.com", "full-width question mark"),
        ("http://vnexpress.net＃@evil.com", "full-width number sign"),
        ("kiemtien chấm com chấm vnexpress.net", "a spoken dot joins another site on"),
        ("kiemtien.com . vnexpress.net", "a spaced dot joins another site on"),
        ("kiemtien[.]com[.]vnexpress.net", "bracketed dots join another site on"),
        ("kiemtien.com.-.vnexpress.net", "the first link must be reported"),
        ("kiemtien.com." + "a" * 64 + ".vnexpress.net", "a label too long between them"),
        ("https://vnexpress.net chấm kiemtien chấm com", "a disguise right after the URL"),
        ("vnexpress.net:8080@evil.com", "port and user info without a scheme"),
        ("kiemtien.com@vnexpress.net", "a web address as an e-mail's local part"),
        ("javascript://vnexpress.net/%0aalert(1)", "only http and https can be allowed"),
        ("data:text/html,<script>alert(1)</script>", "a data: URL"),
        ("file:///etc/passwd", "a file: URL"),
        ("hxxp://vnexpress.net", "a defanged scheme is a disguise"),
        ("vnexpress.net.kiemtien.Xyz", "a title-case ending after the allowed host"),
        ("http://vnexpress.net\t.evil.com", "browsers drop the tab: vnexpress.net.evil.com"),
        ("vnеxpress.net", "a Cyrillic е: another host"),
        ("vnexpress chấm net", "the site itself, disguised: no browser opens it as written"),
        ("https://vnexpress.net/kiemtien.com", "another address shown in the path"),
        ("vnexpress.net/zalo.me/0912345678", "a known host in the path of a bare domain"),
        ("https://vnexpress.net/?ref=kiemtien(.)com", "a disguised address in the query"),
        ("https://vnexpress.net/?ref=kiemtien chấm com", "the URL runs on into a disguise"),
        ("https://vnexpress.net/kiemtien . vn", "the path's last word starts a spaced link"),
        ("https://vnexpress.net/#www.kiemtien.vn", "another address in the fragment"),
        ("https://vnexpress.net/r?u=https%3A%2F%2Fkiemtien.com", "a percent-encoded URL"),
        ("https://kiemtien.com@vnexpress.net/", "another address as the user info"),
        ("mailto:kiemtien.com@vnexpress.net", "a mailto: whose local part is an address"),
        ("mailto:ban@vnexpress.net?body=https://evil.com", "a mailto: body with a URL"),
    ],
)
def test_allow_list_bypass_is_refused(text: str, why: str) -> None:
    assert _refused(SITE, text), why


@pytest.mark.parametrize(
    "text",
    [
        "https://vnexpress.net/tim-kiem?q=Москва",  # look-alikes are judged in the host only
        "https://VnExpress.net/the-thao",
        "vnexpress.net",
        "vnexpress.net.",
        "(https://vnexpress.net/a)",
        "ｖｎｅｘｐｒｅｓｓ．ｎｅｔ",  # full-width: browsers read it as ASCII
        "https://video.vnexpress.net/x",
        "ban@vnexpress.net",
        "mailto:ban.doc@vnexpress.net",
        "https://vnexpress.net/the-thao/u23-viet-nam-thang-4567890.html#box_comment",
        "https://vnexpress.net/tim-kiem?q=TP.HCM%20gi%C3%A1%201.000.000%C4%91",
    ],
)
def test_the_site_itself_is_allowed(text: str) -> None:
    assert find_links(text), text
    assert not _refused(SITE, text), text


@pytest.mark.parametrize(
    "text",
    ["kiemtien.com.Ba.Ba.Ba.Ba", "kiemtien.com.zip.zip.zip.zip.zip", "kiemtien.com" + ".Ba" * 300],
)
def test_chain_reading_never_gives_up(text: str) -> None:
    assert "contains_link" in validate(GOOD + text).codes


def test_a_web_address_before_an_at_is_a_link_even_without_emails() -> None:
    assert _refused(NoLinks(emails=False), "www.kiemtien.com@gmail.com")
    assert not _refused(NoLinks(emails=False), "nguyen.van.a@gmail.com")
    # with a scheme too: mailto: never carries another address through emails=False
    assert _refused(NoLinks(emails=False), "mailto:www.kiemtien.com@gmail.com")
    assert _refused(NoLinks(emails=False), "mailto:ban@gmail.com?body=kiemtien.com")
    assert not _refused(NoLinks(emails=False), "mailto:nguyen.van.a@gmail.com")


@pytest.mark.parametrize(
    ("entry", "host"),
    [
        ("vnexpress.net", "vnexpress.net"),
        ("https://vnexpress.net", "vnexpress.net"),
        ("HTTP://VnExpress.net/", "vnexpress.net"),
        ("vnexpress.net/", "vnexpress.net"),
        ("vnexpress.net.", "vnexpress.net"),
        ("ｖｎｅｘｐｒｅｓｓ．ｎｅｔ", "vnexpress.net"),
        ("việtnam.vn", "việtnam.vn"),
    ],
)
def test_allow_entries_are_normalised_to_their_host(entry: str, host: str) -> None:
    assert site_host(entry) == host
    rule = NoLinks(allow=(entry,))
    assert rule.allow == (host,)
    assert not _refused(rule, "https://vnexpress.net/a") or host != "vnexpress.net"


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("https://vnexpress.net/tin-tuc", "path"),
        ("ftp://vnexpress.net", "only http and https"),
        ("vnexpress.net:443", "port"),
        ("user@vnexpress.net", "user info"),
        ("vnexpress", "not a host name"),
        ("", "not a host name"),
        ("*.vnexpress.net", "not a host name"),
        ("vnexpress..net", "not a host name"),
        ("1.2.3.4", "not a host name"),
        ("vnexpress net", "not a host name"),
    ],
)
def test_bad_allow_entries_are_refused_clearly(entry: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        NoLinks(allow=(entry,))


def test_read_host_follows_whatwg() -> None:
    assert read_host("https://evil.com\\@vnexpress.net") == "evil.com"
    assert read_host("http://a@b@evil.com/x", email=True) == "evil.com"
    assert read_host("http://vnexpress%2Enet/") == "vnexpress.net"
    assert read_host("http://evil%2Fcom/") is None  # a decoded / is forbidden
    assert read_host("http://vnexpress.net%2F@evil.com", email=True) == "evil.com"
    assert read_host("http://vnexpress.net@evil.com") is None  # user info: shows another host
    assert read_host("http://[2001:db8::1]:80/") == "2001:db8::1"
    assert read_host("http://vnex\u00adpress.net") == "vnexpress.net"  # ignorable: dropped


_NAMES = st.from_regex(r"[a-z]{2,8}[0-9]{1,3}", fullmatch=True)
_ALLOWED = st.builds(
    "{}.{}".format,
    st.from_regex(r"[a-z][a-z0-9]{2,9}", fullmatch=True),
    st.sampled_from(["vn", "net", "com", "com.vn", "org"]),
)
_SECOND = st.builds(
    "{}.{}".format, _NAMES, st.sampled_from(["com", "net", "xyz", "vip", "info", "vn"])
)
# What may stand between two hosts: delimiters a browser reads differently from the eye,
# disguised and spaced dots, separators the chain reading must see through.
_JOINS = st.sampled_from(
    ["", " ", ".", "-", " . ", ". ", " chấm ", " dot ", "[.]", "(.)", "{.}", "<.>", " ( . ) ",
     "·", "•", ".-.", "." + "a" * 64 + ".", "\t.", "\t", "\n.", "／@", "＼@", "？@", "＃@",
     "@", ":8080@", ":@", "%2F@", "/@", "\\@", "\\", "?", "#", ", ", ",", " phẩy "]
)  # fmt: skip
_SCHEMES = st.sampled_from(["", "http://", "https://", "HTTPS://", "//", "https:\\\\"])


@given(_ALLOWED, _SECOND, _JOINS, _SCHEMES, st.booleans(), st.booleans())
def test_any_link_reaching_another_host_is_reported(
    allowed: str, second: str, join: str, scheme: str, second_first: bool, title: bool
) -> None:
    assume(not second.endswith(allowed) and not allowed.endswith(second))
    if title:  # a title-case ending, glued to the allowed host: vnexpress.net.kiemtien.Xyz
        second = second.rpartition(".")[0] + ".Xyz"
        text = f"{scheme}{allowed}.{second}"
    elif second_first:
        text = f"{scheme}{second}{join}{allowed}"
    elif join[:1] in "/\\?#" and join:
        return  # a path, query or fragment of the allowed site goes nowhere else (a00.vn/@x.com)
    else:
        text = f"{scheme}{allowed}{join}{second}"
    assert _refused(NoLinks(allow=(allowed,)), text), text
