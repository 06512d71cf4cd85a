"""vncomment: may this reader's comment be published on a Vietnamese website?

Vietnamese news sites print the rule under every comment box: "Tối thiểu 10 chữ tiếng Việt có
dấu. Không chứa liên kết." (at least ten Vietnamese words, typed with diacritics, no links).

>>> from vncomment import validate
>>> report = validate("Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.")
>>> report.ok, report.syllable_count
(True, 16)
>>> validate("hay qua").codes
('too_short',)
>>> validate("toi khong biet nguoi ta noi gi ve chuyen nay").codes
('missing_diacritics',)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vncomment import restore  # the subpackage, callable: vncomment.restore(text)
    from vncomment.analysis import Analysis, Token, analyze, count_syllables
    from vncomment.links import Link, find_links
    from vncomment.report import CommentRejected, Report, Violation
    from vncomment.rules import Rule

# Every public name is imported on first use, so that ``import vncomment`` costs almost
# nothing: a process pays for the analysis, the link finder or the restorer when it uses them.
_LAZY = {
    "Analysis": "vncomment.analysis",
    "Token": "vncomment.analysis",
    "analyze": "vncomment.analysis",
    "count_syllables": "vncomment.analysis",
    "CommentRejected": "vncomment.report",
    "Report": "vncomment.report",
    "Violation": "vncomment.report",
    "Link": "vncomment.links",
    "find_links": "vncomment.links",
    "Rule": "vncomment.rules",
    "restore": "vncomment.restore",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'vncomment' has no attribute {name!r}")
    imported = import_module(module)
    value = imported if module == f"vncomment.{name}" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

# The one place the version is written: pyproject.toml reads it ([tool.setuptools.dynamic]).
__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "CommentRejected",
    "Link",
    "Report",
    "Rule",
    "Token",
    "Violation",
    "analyze",
    "check",
    "count_syllables",
    "find_links",
    "restore",
    "validate",
]


def validate(text: str, rules: Rule | None = None, *, locale: str = "vi") -> Report:
    """Check ``text`` against ``rules`` (default :data:`vncomment.rules.DEFAULT`).

    Never raises for a ``str``, whatever it holds; raises ``TypeError`` for anything else.
    Messages are rendered in ``locale``: a language tag such as "vi" (default), "vi-VN" or "en"
    (see :func:`vncomment.messages.resolve_locale`).
    """
    from vncomment.analysis import Analysis
    from vncomment.messages import resolve_locale
    from vncomment.report import Report
    from vncomment.rules import DEFAULT, Rule

    if not isinstance(text, str):
        raise TypeError(f"validate() takes a str, got {type(text).__name__}")
    if rules is not None and not isinstance(rules, Rule):
        raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
    locale = resolve_locale(locale)  # "vi-VN", "vi_VN", "en-US" ...; ValueError if no catalogue
    analysis = Analysis(text)
    found = (DEFAULT if rules is None else rules).violations(analysis)
    return Report(
        text=text,
        violations=tuple(v.rendered(locale) for v in found),
        syllable_count=analysis.syllable_count,
        locale=locale,
    )


def check(text: str, rules: Rule | None = None, *, locale: str = "vi") -> None:
    """Like :func:`validate`, but raise :class:`CommentRejected` when the comment fails.

    >>> from vncomment import CommentRejected
    >>> try:
    ...     check("ok")
    ... except CommentRejected as rejected:
    ...     print(rejected.codes)
    ('too_short',)
    """
    from vncomment.report import CommentRejected

    report = validate(text, rules, locale=locale)
    if not report.ok:
        raise CommentRejected(report.violations)
