"""The one message catalogue: a template per key and locale, locale tags, and rewording.

Keys are the violation codes (``too_short``, ``contains_link`` ...) and the command line's words
(``cli.ok``, ``cli.total`` ...). Templates use named ``{placeholders}`` filled from a violation's
params when the message is rendered, never earlier, so a site can show the same violation in any
language. Only plain names are substituted (no attribute or index look-ups), so a template cannot
reach into objects.

Locales are language tags in any spelling a framework hands over (``vi``, ``vi-VN``, ``vi_VN``,
``en-US``, ``vi_VN.UTF-8``), matched case-insensitively: the whole tag when a site registered
it, else its base language (:func:`resolve_locale`). A key missing from a locale's catalogue falls
back to its base language, then to English, the source language.

A site rewords a message or adds a language with :func:`register_catalogue` (keys and
placeholders are checked, so a typo fails at start-up, not in front of a reader), or from gettext
files with :func:`catalogue_from_gettext`. ``scripts/build_locales.py`` writes the same catalogue
as gettext files (``vncomment/locale/``: msgctxt is the key, msgid the English template), which
``tests/test_messages.py`` keeps in step with this module.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from typing import Any

import regex

__all__ = [
    "BUILT_IN",
    "CATALOGUES",
    "CLI_WORDS",
    "LOCALES",
    "PARAMS",
    "VIOLATION_CODES",
    "catalogue_from_gettext",
    "register_catalogue",
    "render",
    "resolve_locale",
    "template_for",
]

# The params each key's template may name: a violation's params (see vncomment.rules), or the
# figures the command line fills in. register_catalogue() refuses any other placeholder.
PARAMS: dict[str, frozenset[str]] = {
    "too_short": frozenset({"min", "count"}),
    "too_long": frozenset({"max", "count"}),
    "repetitive": frozenset({"count", "distinct", "effective"}),
    "missing_diacritics": frozenset({"share", "percent", "spans", "examples", "suggestion"}),
    "contains_link": frozenset({"link", "url", "kind"}),
    "contains_phone": frozenset({"phone", "digits"}),
    "cli.ok": frozenset(),
    "cli.rejected": frozenset(),
    "cli.syllables": frozenset(),
    "cli.line": frozenset(),
    "cli.verdict": frozenset(),
    "cli.comment": frozenset(),
    "cli.code": frozenset(),
    "cli.count": frozenset(),
    "cli.share": frozenset(),
    "cli.total": frozenset({"total", "ok", "rejected"}),
    "cli.row": frozenset(),
    "cli.skipped": frozenset(),
    "cli.skipped_total": frozenset({"skipped"}),
}
VIOLATION_CODES = tuple(k for k in PARAMS if not k.startswith("cli."))
CLI_WORDS = tuple(k for k in PARAMS if k.startswith("cli."))

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
        # The command line's verdict table and summary.
        "cli.ok": "ĐẠT",
        "cli.rejected": "BỊ TỪ CHỐI",
        "cli.syllables": "chữ",
        "cli.line": "dòng",
        "cli.verdict": "kết quả",
        "cli.comment": "bình luận",
        "cli.code": "mã lỗi",
        "cli.count": "số bình luận",
        "cli.share": "tỉ lệ",
        "cli.total": "Tổng cộng {total} bình luận: {ok} đạt, {rejected} bị từ chối.",
        "cli.row": "hàng",
        "cli.skipped": "BỎ QUA",
        "cli.skipped_total": "Bỏ qua {skipped} bản ghi không đọc được (xem từng dòng ở trên).",
    },
    "en": {
        "too_short": "A comment needs at least {min} Vietnamese words; this one has {count}.",
        "too_long": "A comment may have at most {max} words; this one has {count}.",
        "repetitive": "The comment repeats the same words over and over. Please say what you mean.",
        "missing_diacritics": (
            "Please write Vietnamese with diacritics: {percent}% of the words have no marks"
            " (for example: {examples})."
        ),
        "contains_link": "Comments may not contain links ({link}).",
        "contains_phone": "Comments may not contain phone numbers ({phone}).",
        "cli.ok": "OK",
        "cli.rejected": "REJECTED",
        "cli.syllables": "words",
        "cli.line": "line",
        "cli.verdict": "verdict",
        "cli.comment": "comment",
        "cli.code": "code",
        "cli.count": "comments",
        "cli.share": "share",
        "cli.total": "{total} comments: {ok} passed, {rejected} rejected.",
        "cli.row": "row",
        "cli.skipped": "SKIPPED",
        "cli.skipped_total": "{skipped} records could not be read and were skipped (see above).",
    },
}
LOCALES = ("vi", "en")
"""The locales vncomment ships; a site may register more (:func:`register_catalogue`)."""

_SOURCE_LOCALE = "en"
_PLACEHOLDER = regex.compile(r"\{(\w+)\}")
# A BCP 47 tag (vi, vi-VN, zh-Hant-TW) or a POSIX locale name (vi_VN, vi_VN.UTF-8, sr_RS@latin).
_TAG = regex.compile(
    r"(?P<tag>[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*)(?:\.[\w-]+)?(?:@\w+)?", regex.IGNORECASE
)


def _normalise_tag(tag: object) -> str:
    if not isinstance(tag, str):
        raise TypeError(f"a locale is a language tag such as 'vi' or 'vi-VN', got {tag!r}")
    match = _TAG.fullmatch(tag.strip())
    if match is None:
        raise ValueError(f"{tag!r} is not a language tag (such as 'vi', 'vi-VN', 'vi_VN', 'en')")
    return str(match["tag"]).lower().replace("_", "-")


def _candidates(tag: str) -> list[str]:
    """``zh-hant-tw`` -> ``zh-hant-tw``, ``zh-hant``, ``zh``: the tag, then ever shorter."""
    parts = tag.split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def resolve_locale(tag: str, default: str | None = None) -> str:
    """The registered locale that serves ``tag``: the tag itself, else its base language.

    Case, ``-`` or ``_`` and a POSIX codeset (``.UTF-8``) do not matter. A language with no
    catalogue gives ``default`` when one is given (the framework adapters pass ``"en"``, as
    Django shows its own source language then), else ``ValueError``, so that ``validate(...,
    locale="vn")`` is a clear error rather than silently English.

    >>> resolve_locale("vi_VN"), resolve_locale("EN-us"), resolve_locale("vi-VN.UTF-8")
    ('vi', 'en', 'vi')
    >>> resolve_locale("fr", default="en")
    'en'
    """
    for candidate in _candidates(_normalise_tag(tag)):
        if candidate in CATALOGUES:
            return candidate
    if default is not None:
        return resolve_locale(default)
    raise ValueError(
        f"unknown locale {tag!r}: vncomment has catalogues for {', '.join(CATALOGUES)}"
        " (vncomment.messages.register_catalogue() adds a language)"
    )


def register_catalogue(locale: str, templates: Mapping[str, str]) -> None:
    """Add a language, or reword some messages of one, for the whole process.

    ``templates`` maps keys (:data:`VIOLATION_CODES`, :data:`CLI_WORDS`) to templates; keys
    left out keep their current text (for a new language: its base language's, else English).
    Raises ``ValueError`` for an unknown key, a placeholder the key's params do not have
    (:data:`PARAMS`) or a malformed language tag, and registers nothing then. Call it at start-up
    (an ``AppConfig.ready()``, an app factory): the catalogues are shared by every thread.

    >>> register_catalogue("vi", {"too_short": "Viết thêm đi: mới {count}/{min} chữ."})
    >>> import vncomment
    >>> vncomment.validate("Hay quá").violations[0].message
    'Viết thêm đi: mới 2/10 chữ.'
    >>> register_catalogue("vi", {"too_short": "Cần {minimum} chữ."})
    Traceback (most recent call last):
    ValueError: the template for 'too_short' names {minimum}; it may use {count}, {min}
    >>> register_catalogue("vi", {"too_short": BUILT_IN["vi"]["too_short"]})  # as shipped again
    """
    tag = _normalise_tag(locale)
    checked: dict[str, str] = {}
    for key, template in templates.items():
        if key not in PARAMS:
            raise ValueError(
                f"unknown message key {key!r}; the keys are {', '.join(PARAMS)}"
                " (a rule of your own takes its text from its message= argument)"
            )
        if not isinstance(template, str) or not template.strip():
            raise ValueError(f"the template for {key!r} must be a non-empty str, got {template!r}")
        unknown = sorted(set(_PLACEHOLDER.findall(template)) - PARAMS[key])
        if unknown:
            allowed = ", ".join(f"{{{p}}}" for p in sorted(PARAMS[key])) or "no placeholder"
            named = ", ".join(f"{{{p}}}" for p in unknown)
            raise ValueError(f"the template for {key!r} names {named}; it may use {allowed}")
        checked[key] = template
    CATALOGUES.setdefault(tag, {}).update(checked)


def catalogue_from_gettext(translations: gettext.NullTranslations) -> dict[str, str]:
    """The templates a gettext catalogue translates, ready for :func:`register_catalogue`.

    Entries are looked up as vncomment's ``.pot`` writes them (msgctxt = key, msgid = English
    template); untranslated ones are left out so they keep their fallback::

        translations = gettext.translation("vncomment", "locale", ["fr"])
        register_catalogue("fr", catalogue_from_gettext(translations))
    """
    found = {}
    for key, source in BUILT_IN[_SOURCE_LOCALE].items():
        text = translations.pgettext(key, source)
        if text != source:
            found[key] = text
    return found


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


def template_for(key: str, locale: str) -> str:
    """The template for ``key`` in ``locale`` (any tag :func:`resolve_locale` accepts): the
    locale's, else its base language's, else English, else the key itself.

    >>> template_for("cli.ok", "vi-VN")
    'ĐẠT'
    """
    for candidate in (*_candidates(resolve_locale(locale)), _SOURCE_LOCALE):
        template = CATALOGUES.get(candidate, {}).get(key)
        if template:
            return template
    return key


# The catalogues as shipped, before any site registered its own wording: the source of the
# gettext files, and what a test restores.
BUILT_IN: dict[str, dict[str, str]] = {locale: dict(t) for locale, t in CATALOGUES.items()}
