"""pydantic v2 (and FastAPI): a comment field type that rejects in Vietnamese.

>>> from pydantic import BaseModel, ValidationError
>>> class CommentIn(BaseModel):
...     body: VietnameseComment
>>> CommentIn(body="Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.").body[:8]
'Bài viết'
>>> try:
...     CommentIn(body="hay quá")
... except ValidationError as error:
...     print(error.errors()[0]["type"], "|", error.errors()[0]["msg"])
too_short | Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 2 chữ.

Custom rules or English messages: ``Annotated[str, CommentRules(MinSyllables(5), locale="en")]``.

Several violations, one error: pydantic records at most one error per validator and field, so
the error's ``type`` is the *first* violation's code, ``msg`` joins their messages (in rule
order, each distinct sentence once), and ``ctx["violations"]`` lists them as
``{"code", "message", "span", "params"}`` (the shape of :meth:`vncomment.Report.as_dict`), which
FastAPI returns in its 422 ``detail``. ``ctx["codes"]`` holds every code and
``ctx["violation_count"]`` their number.

One error stays small whatever the comment holds: ``violations`` and ``msg`` detail the first
:data:`MAX_DETAILED` violations only, so a spam comment made of links gets a 422 response about
as large as its request (measured with FastAPI's test client, 2,000 links in a 25 KB body: 63 KB,
against 690 KB with every violation detailed, and 58 MB before violations stopped listing every
link of the comment).

pydantic fills ``{name}`` in an error's template from its ``ctx``, one key after another. The
template here is just ``{message}`` and ``message`` is the last key of ``ctx``, so the reader's
own words (which may contain braces) are inserted last and never read as a template.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

try:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import PydanticCustomError, core_schema
except ImportError as error:  # pragma: no cover - exercised only without pydantic installed
    raise ImportError(
        "vncomment.pydantic needs pydantic 2: pip install 'vncomment[pydantic]'"
    ) from error

import vncomment
from vncomment.messages import resolve_locale
from vncomment.rules import Rule

__all__ = ["MAX_DETAILED", "CommentRules", "VietnameseComment"]

MAX_DETAILED = 20
"""Violations spelled out in one error; more than a reader fixes at once, and a bounded size."""


@dataclass(frozen=True, slots=True)
class CommentRules:
    """Marker for ``Annotated[str, CommentRules(rules, locale="vi")]``; ``rules`` defaults to
    :data:`vncomment.rules.DEFAULT`; ``locale`` is a language tag (``"vi"``, ``"vi-VN"``, ``"en"``
    ...)."""

    rules: Rule | None = None
    locale: str = "vi"

    def __post_init__(self) -> None:
        if self.rules is not None and not isinstance(self.rules, Rule):
            raise TypeError(f"rules must be a vncomment Rule, got {type(self.rules).__name__}")
        resolve_locale(self.locale)  # ValueError now, not at the first request

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # After the str schema, so strict/lax str handling and constraints stay pydantic's own.
        return core_schema.no_info_after_validator_function(self._validate, handler(source))

    def _validate(self, value: str) -> str:
        report = vncomment.validate(value, self.rules, locale=self.locale)
        if report.ok:
            return value
        detailed = replace(report, violations=report.violations[:MAX_DETAILED])
        found = detailed.as_dict()["violations"]
        raise PydanticCustomError(
            report.codes[0],
            "{message}",
            {
                "codes": list(report.codes),
                "violation_count": len(report.violations),
                "violations": found,
                # Last, see the module docstring; deduplicated because each link's violation
                # names every link, so two links would print the same sentence twice.
                "message": " ".join(dict.fromkeys(v["message"] for v in found)),
            },
        )


VietnameseComment = Annotated[str, CommentRules()]
"""A ``str`` field holding a publishable comment under the default rules, Vietnamese messages."""
