"""marshmallow: a validator for ``fields.String(validate=Comment())`` that keeps our codes.

marshmallow's errors are whatever a validator raises; vncomment raises one dict per violation, in
the shape of :meth:`vncomment.Report.as_dict` less its params, so a client reads the message and
can switch on the code::

    >>> from marshmallow import Schema, fields, ValidationError
    >>> class CommentIn(Schema):
    ...     body = fields.String(required=True, validate=Comment())
    >>> try:
    ...     CommentIn().load({"body": "Hay quá bạn ơi"})
    ... except ValidationError as error:
    ...     print(error.messages["body"][0]["code"], "|", error.messages["body"][0]["message"])
    too_short | Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ.

``error.messages`` is then ``{"body": [{"code": ..., "message": ..., "span": ...}, ...]}``: one
entry per violation; other validators of the field (``Length`` ...) add their strings beside them.
Params are left out: they exist to fill message templates, and an error response is no place for
every link of a spam comment.

``locale`` is a language tag, or a function returning one for the current request (``lambda:
flask.g.language``), since marshmallow has no locale of its own; Vietnamese by default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from marshmallow import ValidationError
    from marshmallow.validate import Validator
except ImportError as error:  # pragma: no cover - exercised only without marshmallow installed
    raise ImportError(
        "vncomment.marshmallow needs marshmallow: pip install 'vncomment[marshmallow]'"
    ) from error

import vncomment
from vncomment.messages import resolve_locale
from vncomment.rules import Rule

__all__ = ["Comment"]


class Comment(Validator):
    """The value must be a ``str`` passing ``rules`` (default :data:`vncomment.rules.DEFAULT`).

    >>> Comment()
    <Comment(rules=None, locale='vi', error=None)>
    """

    def __init__(
        self, rules: Rule | None = None, *, locale: str | Callable[[], str] = "vi"
    ) -> None:
        if rules is not None and not isinstance(rules, Rule):
            raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
        if not callable(locale):
            resolve_locale(locale)  # ValueError now, not at the first request
        self.rules = rules
        self.locale = locale

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValidationError("Not a valid string.")
        locale = self.locale() if callable(self.locale) else self.locale
        report = vncomment.validate(value, self.rules, locale=locale)
        if not report.ok:
            raise ValidationError(
                [
                    {"code": v.code, "message": v.message, "span": list(v.span) if v.span else None}
                    for v in report.violations
                ]
            )
        return value

    def _repr_args(self) -> str:
        return f"rules={self.rules!r}, locale={self.locale!r}"
