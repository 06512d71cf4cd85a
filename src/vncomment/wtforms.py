"""WTForms (and so Flask): a field validator that rejects comments in Vietnamese.

::

    from wtforms import Form, TextAreaField
    from vncomment.wtforms import Comment

    class CommentForm(Form):
        body = TextAreaField(validators=[Comment()])

The message's language is ``locale`` when given, else the form's own (WTForms'
``meta.locales``, the list it also uses for its built-in messages: the first language vncomment
has a catalogue for, English if none), else Vietnamese. WTForms keeps one string per raised
error, so one error carries every violation: its text joins their messages (each distinct
sentence once, in rule order), and it is a :class:`RejectionMessage`, a ``str`` that also has
``codes`` and ``violations`` for an API that answers in JSON.
"""

# WTForms ships no type information (types-WTForms is a separate project).
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from typing import Any

try:
    from wtforms.validators import ValidationError
except ImportError as error:  # pragma: no cover - exercised only without WTForms installed
    raise ImportError(
        "vncomment.wtforms needs WTForms: pip install 'vncomment[wtforms]'"
    ) from error

import vncomment
from vncomment.messages import resolve_locale
from vncomment.report import Violation
from vncomment.rules import Rule

__all__ = ["Comment", "RejectionMessage"]


class RejectionMessage(str):
    """The error WTForms shows (a ``str``), with the ``violations`` behind it and their
    ``codes``, so ``form.body.errors[0].codes`` is ``("too_short", ...)``."""

    violations: tuple[Violation, ...]

    def __new__(cls, violations: tuple[Violation, ...]) -> RejectionMessage:
        message = super().__new__(cls, " ".join(dict.fromkeys(v.message for v in violations)))
        message.violations = violations
        return message

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.violations)


class Comment:
    """Validator: the field's text must pass ``rules`` (default :data:`vncomment.rules.DEFAULT`).

    ``None`` (no data at all) is left to ``DataRequired``/``Optional``; an empty string is
    judged like any text (it is too short).
    """

    def __init__(self, rules: Rule | None = None, locale: str | None = None) -> None:
        if rules is not None and not isinstance(rules, Rule):
            raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
        self.rules = rules
        self.locale = None if locale is None else resolve_locale(locale)  # ValueError now

    def __call__(self, form: Any, field: Any) -> None:
        if field.data is None:
            return
        report = vncomment.validate(str(field.data), self.rules, locale=self._locale_of(form))
        if not report.ok:
            raise ValidationError(RejectionMessage(report.violations))

    def _locale_of(self, form: Any) -> str:
        if self.locale is not None:
            return self.locale
        locales = getattr(getattr(form, "meta", None), "locales", None)
        wanted: list[str] = list(locales) if locales else []
        for tag in wanted:
            try:
                return resolve_locale(tag)
            except ValueError:  # a language vncomment has no catalogue for, or no tag at all
                continue
        return "en" if wanted else "vi"

    def __repr__(self) -> str:
        args = [] if self.rules is None else [repr(self.rules)]
        if self.locale is not None:
            args.append(f"locale={self.locale!r}")
        return f"Comment({', '.join(args)})"
