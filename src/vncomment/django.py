"""Django: a field validator and a ``pre_save`` hook that reject comments in Vietnamese.

Two lines in an app::

    from vncomment.django import CommentValidator, validate_before_save

    body = models.TextField(validators=[CommentValidator()])   # forms and full_clean()
    validate_before_save(Comment, "body")                      # every save(), even without a form

Why both: Django runs field validators only in forms and ``full_clean()``, never in ``save()``;
the ``pre_save`` hook is the last point before the database for code paths (admin actions,
scripts, API views) that skip the form. ``QuerySet.update()`` and ``bulk_create()`` send no
``pre_save`` signal, so they are not checked: that is Django's design, not ours.

Each violation becomes one error carrying our stable ``code`` and its ``params``, with the message
rendered in the active language when it is shown (Vietnamese for ``vi*``, English otherwise), as
Django's own validators render theirs late.

Importing this module needs Django but not configured settings, so it can be imported anywhere.
"""

# Django ships no type information (django-stubs is a separate project): its names are Any here.
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from typing import Any

try:
    from django.core.exceptions import ValidationError
    from django.db.migrations.serializer import BaseSerializer
    from django.db.migrations.writer import MigrationWriter
    from django.db.models import Model
    from django.db.models.signals import pre_save
    from django.utils.functional import lazy
    from django.utils.translation import get_language
except ImportError as error:  # pragma: no cover - exercised only without Django installed
    raise ImportError(
        "vncomment.django needs Django: pip install 'vncomment[django]'"
    ) from error

import vncomment
from vncomment.report import Violation
from vncomment.rules import AllOf, AnyOf, Rule

__all__ = ["CommentValidator", "validate_before_save"]


def _active_locale() -> str:
    """Vietnamese when the active language is ``vi`` or a variant of it, English otherwise."""
    language = get_language() or ""
    return "vi" if language.lower().split("-")[0].split("_")[0] == "vi" else "en"


def _message(violation: Violation) -> str:
    # ValidationError %-formats its message when it has params, so a literal "%" (as in "100% số
    # chữ") must then be doubled; the user's own words are never used as a template.
    message = violation.rendered(_active_locale()).message
    return message.replace("%", "%%") if violation.params else message


_lazy_message = lazy(_message, str)


class CommentValidator:
    """Validate a comment field: ``models.TextField(validators=[CommentValidator()])``.

    ``rules`` defaults to :data:`vncomment.rules.DEFAULT`. Raises ``ValidationError`` holding one
    error per violation, each with ``code`` and ``params`` from vncomment.

    >>> CommentValidator()
    CommentValidator()
    >>> from vncomment.rules import MinSyllables
    >>> CommentValidator(MinSyllables(5)) == CommentValidator(MinSyllables(5))
    True
    """

    def __init__(self, rules: Rule | None = None) -> None:
        if rules is not None and not isinstance(rules, Rule):
            raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
        self.rules = rules

    def __call__(self, value: Any) -> None:
        if value is None:
            return
        report = vncomment.validate(str(value), self.rules)
        if not report.ok:
            raise ValidationError(
                [
                    ValidationError(_lazy_message(v), code=v.code, params=dict(v.params))
                    for v in report.violations
                ]
            )

    def deconstruct(self) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
        """Written explicitly (not ``@deconstructible``) so the path is the public one."""
        kwargs = {} if self.rules is None else {"rules": self.rules}
        return ("vncomment.django.CommentValidator", (), kwargs)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CommentValidator) and other.rules == self.rules

    def __hash__(self) -> int:
        return hash((CommentValidator, self.rules))

    def __repr__(self) -> str:
        return "CommentValidator()" if self.rules is None else f"CommentValidator({self.rules!r})"


class _RuleSerializer(BaseSerializer):  # type: ignore[misc]
    """Writes a rule into a migration as Python source (``MinSyllables(5) & NoLinks()``), with
    an import for each rule class it names."""

    def serialize(self) -> tuple[str, set[str]]:
        rule: Rule = self.value
        return _source(rule), {f"from {c.__module__} import {c.__name__}" for c in _classes(rule)}


def _is_operator(rule: Rule) -> bool:
    return isinstance(rule, AllOf) and len(rule.rules) > 1


def _source(rule: Rule) -> str:
    """Like the rule's repr, except that a combinator of fewer than two rules is spelled out
    (its repr is its only rule's, which would lose the wrapper)."""
    if _is_operator(rule):
        assert isinstance(rule, AllOf)
        joiner = " | " if isinstance(rule, AnyOf) else " & "
        return joiner.join(f"({_source(r)})" if _is_operator(r) else _source(r) for r in rule.rules)
    if isinstance(rule, AllOf):
        return f"{type(rule).__name__}({', '.join(_source(r) for r in rule.rules)})"
    return repr(rule)


def _classes(rule: Rule) -> set[type[Rule]]:
    if isinstance(rule, AllOf):
        inner = {cls for r in rule.rules for cls in _classes(r)}
        return inner if _is_operator(rule) else inner | {type(rule)}
    return {type(rule)}


MigrationWriter.register_serializer(Rule, _RuleSerializer)


def validate_before_save(model: type[Model], field: str, rules: Rule | None = None) -> None:
    """Reject ``model.save()`` with ``ValidationError({field: [...]})`` when ``field`` fails.

    Connects one ``pre_save`` receiver per (model, field): calling again for the same field
    replaces its rules (as :func:`vncomment.sqlalchemy.validate_before_save` does). ``None``
    values are left alone (a nullable field with nothing to publish); a save with
    ``update_fields`` that leaves ``field`` out is not checked.
    """
    model._meta.get_field(field)  # fail now, not at the first save, when the name is wrong
    validator = CommentValidator(rules)

    def reject_bad_comment(
        sender: type[Model], instance: Model, update_fields: Any = None, **kwargs: Any
    ) -> None:
        if update_fields is not None and field not in update_fields:
            return
        try:
            validator(getattr(instance, field))
        except ValidationError as error:
            raise ValidationError({field: error.error_list}) from None

    uid = f"vncomment:{model._meta.label}.{field}"
    pre_save.disconnect(sender=model, dispatch_uid=uid)
    pre_save.connect(reject_bad_comment, sender=model, weak=False, dispatch_uid=uid)

