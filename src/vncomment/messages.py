"""Message catalogues: one template per violation code and locale.

Templates use named ``{placeholders}`` filled from a violation's params when the message is
rendered, never earlier, so a site can show the same violation in either language. Only plain
names are substituted (no attribute or index look-ups), so a template cannot reach into objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

__all__ = ["CATALOGUES", "LOCALES", "render"]

CATALOGUES: dict[str, dict[str, str]] = {
    "vi": {
        "too_short": (
            "Bình luận cần tối thiểu {min} chữ tiếng Việt; bình luận của bạn mới có {count} chữ."
        ),
        "too_long": "Bình luận chỉ được tối đa {max} chữ; bình luận của bạn có {count} chữ.",
        "repetitive": (
            "Bình luận lặp đi lặp lại cùng một nội dung. Mời bạn viết ý kiến của mình rõ ràng hơn."
        ),
        "missing_diacritics": (
            "Mời bạn viết tiếng Việt có dấu: {percent}% số chữ trong bình luận chưa có dấu"
            " (ví dụ: {examples})."
        ),
        "contains_link": "Bình luận không được chứa liên kết ({link}).",
        "contains_phone": "Bình luận không được chứa số điện thoại ({phone}).",
    },
    "en": {
        "too_short": (
            "A comment needs at least {min} Vietnamese words; this one has {count}."
        ),
        "too_long": "A comment may have at most {max} words; this one has {count}.",
        "repetitive": "The comment repeats the same words over and over. Please say what you mean.",
        "missing_diacritics": (
            "Please write Vietnamese with diacritics: {percent}% of the words have no marks"
            " (for example: {examples})."
        ),
        "contains_link": "Comments may not contain links ({link}).",
        "contains_phone": "Comments may not contain phone numbers ({phone}).",
    },
}
LOCALES = tuple(CATALOGUES)

_PLACEHOLDER = regex.compile(r"\{(\w+)\}")


def _display(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_display(v) for v in value)
    return str(value)


def render(template: str, params: Mapping[str, Any]) -> str:
    """Fill ``{name}`` placeholders from ``params``; unknown names are left as they are.

    >>> render("cần {min} chữ, có {count}", {"min": 10, "count": 4})
    'cần 10 chữ, có 4'
    >>> render("{links}", {"links": ["a.vn", "b.com"]})
    'a.vn, b.com'
    """

    def fill(m: regex.Match[str]) -> str:
        return _display(params[m[1]]) if m[1] in params else str(m[0])

    return str(_PLACEHOLDER.sub(fill, template))


def template_for(code: str, locale: str) -> str:
    """The catalogue template for ``code``: the locale's, else English, else the code itself."""
    if locale not in CATALOGUES:
        raise ValueError(f"unknown locale {locale!r}; choose one of {', '.join(LOCALES)}")
    return CATALOGUES[locale].get(code) or CATALOGUES["en"].get(code) or code
