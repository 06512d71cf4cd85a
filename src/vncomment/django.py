"""Django: a field validator and a ``pre_save`` hook that reject comments in Vietnamese.

Two lines in an app::

    from vncomment.django import CommentValidator, validate_before_save

    body = models.TextField(validators=[CommentValidator()])   # forms and full_clean()
    validate_before_save(Comment, "body")                      # every save(), even without a form

Why both: Django runs field validators only in forms and ``full_clean()``, never in ``save()``;
the ``pre_save`` hook is the last point before the database for code paths (admin actions,
scripts, API views) that skip the form. The hook uses the rules of the field's own
``CommentValidator``, so a form and a save can never disagree about one comment.
``QuerySet.update()``, ``bulk_create()`` and ``bulk_update()`` send no ``pre_save`` signal, so they
are not checked: that is Django's design, not ours. A value that is an SQL expression (``F()``,
``Concat``...) is computed by the database and is not checked either; fixture loading
(``loaddata``, a ``raw`` save) is left alone, as it restores rows that were published already.

Each violation becomes one error carrying our stable ``code`` and its ``params``, with the message
rendered in the active language when it is shown, as Django's own validators render theirs late:
the site's own gettext translation of the message when it has one (msgctxt = the code, msgid =
the English template, see docs/messages.md), else vncomment's catalogue for the language
(:func:`vncomment.messages.resolve_locale`; English for a language it has no catalogue for).

Importing this module needs Django but not configured settings, so it can be imported anywhere.
"""

# Django ships no type information (django-stubs is a separate project): its names are Any here.
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

import ast
from typing import Any

try:
    from django.core.exceptions import ImproperlyConfigured, ValidationError
    from django.db.migrations.serializer import BaseSerializer
    from django.db.migrations.writer import MigrationWriter
    from django.db.models import Model, Value
    from django.db.models.signals import post_init, pre_save
    from django.utils.functional import lazy
    from django.utils.translation import get_language, pgettext
except ImportError as error:  # pragma: no cover - exercised only without Django installed
    raise ImportError(
        "vncomment.django needs Django: pip install 'vncomment[django]'"
    ) from error

import vncomment
from vncomment.messages import BUILT_IN, render, resolve_locale, template_for
from vncomment.report import Violation
from vncomment.rules import DEFAULT, AllOf, AnyOf, Rule

__all__ = ["CommentValidator", "validate_before_save"]


def _active_locale() -> str:
    """vncomment's locale for Django's active language: its own, its base language's, else
    English (as Django shows its source language for a language it has no translation for)."""
    try:
        return resolve_locale(get_language() or "en", default="en")
    except ValueError:  # a LANGUAGE_CODE that is no language tag at all
        return "en"


def _template(violation: Violation) -> str:
    """The rule's own template, else the site's gettext wording, else vncomment's catalogue."""
    if violation.template:
        return violation.template
    source = BUILT_IN["en"].get(violation.code)
    if source is not None:
        translated = str(pgettext(violation.code, source))
        if translated != source:
            return translated
    return template_for(violation.code, _active_locale())


def _message(violation: Violation) -> str:
    # ValidationError %-formats its message when it has params, so a literal "%" (as in "100% số
    # chữ") must then be doubled; the user's own words are never used as a template.
    message = render(_template(violation), violation.params)
    return message.replace("%", "%%") if violation.params else message


def _computed_by_the_database(value: Any) -> bool:
    """``F("body")``, ``Concat(...)``, ``Lower(...)``: the value is SQL, known only once the
    database has computed it. A ``Value("...")`` wrapping a literal string is still checked."""
    return hasattr(value, "resolve_expression") and not (
        isinstance(value, Value) and isinstance(value.value, str)
    )


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
        if value is None or _computed_by_the_database(value):
            return
        if isinstance(value, Value):
            value = value.value
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
        rule: Rule = self.value  # a rule's repr is the Python that builds it
        source = repr(rule)
        try:  # except a value that has no source: a restorer model loaded or trained in memory
            ast.parse(source, mode="eval")
        except SyntaxError:
            raise ValueError(
                f"{source} cannot be written into a migration: give RequireDiacritics the path "
                "of the saved restorer model (restorer='site.model.gz'), not the loaded model"
            ) from None
        return source, {f"from {c.__module__} import {c.__name__}" for c in _classes(rule)}


def _classes(rule: Rule) -> set[type[Rule]]:
    """The rule classes ``repr(rule)`` names: a combinator of two rules or more is written with
    its operator (``a & b``), one of fewer with its name (``AllOf(a)``)."""
    if isinstance(rule, (AllOf, AnyOf)):
        inner = {cls for r in rule.rules for cls in _classes(r)}
        return inner if len(rule.rules) > 1 else inner | {type(rule)}
    return {type(rule)}


MigrationWriter.register_serializer(Rule, _RuleSerializer)


def validate_before_save(model: type[Model], field: str, rules: Rule | None = None) -> None:
    """Reject ``model.save()`` with ``ValidationError({field: [...]})`` when ``field`` fails.

    The rules are those of the field's ``CommentValidator`` when it has one, so that a form and
    a save judge a comment alike; ``rules`` given here as well must be the same (else
    ``ImproperlyConfigured``). A field without the validator is checked with ``rules``, default
    :data:`vncomment.rules.DEFAULT`.

    Only a new object or a changed text is judged, as by the SQLAlchemy hook: saving a loaded
    comment whose text is as it was loaded (to publish it, to edit another field) does not
    re-judge it under today's rules. Django keeps no history of a field, so the text is
    remembered when an instance is built (``post_init``) and after each save it passes.

    Connects one receiver per (model, field) and signal: calling again for the same field
    replaces them (as :func:`vncomment.sqlalchemy.validate_before_save` does). Left alone:
    ``None`` (a nullable field with nothing to publish); a save with ``update_fields`` that
    leaves ``field`` out; a value the database computes (``F()``, ``Concat`` ...); fixture loading
    (``raw`` saves from ``loaddata``, which restore rows published before).
    """
    if rules is not None and not isinstance(rules, Rule):
        raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
    model_field = model._meta.get_field(field)  # fail now, not at the first save, when wrong
    validators_of_field = getattr(model_field, "validators", ())
    on_field = [v for v in validators_of_field if isinstance(v, CommentValidator)]
    if rules is not None:
        for validator in on_field:
            if (DEFAULT if validator.rules is None else validator.rules) != rules:
                raise ImproperlyConfigured(
                    f"validate_before_save({model._meta.label}, {field!r}) was given {rules!r},"
                    f" but the field's validator is {validator!r}: a form would accept comments"
                    " that save() then rejects. Leave rules out to use the field's."
                )
    validators = on_field or [CommentValidator(rules)]
    attname = model_field.attname
    remembered = f"_vncomment_judged_{attname}"  # in the instance's __dict__, like Django's caches

    # The receivers listen to every sender and keep the model's subclasses: a proxy model
    # (an admin's ``PendingComment``) and a multi-table child send their own class as sender,
    # and with ``sender=model`` their saves went unjudged.
    def remember_loaded_text(sender: type[Model], instance: Model, **kwargs: Any) -> None:
        if not issubclass(sender, model):
            return
        # Read from __dict__: a deferred field (.only(), .defer()) must not cost a query here.
        if attname in instance.__dict__:
            instance.__dict__[remembered] = instance.__dict__[attname]

    def reject_bad_comment(
        sender: type[Model],
        instance: Model,
        raw: bool = False,
        update_fields: Any = None,
        **kwargs: Any,
    ) -> None:
        if not issubclass(sender, model):
            return
        if raw or (update_fields is not None and field not in update_fields):
            return
        value = getattr(instance, attname)
        unchanged = remembered in instance.__dict__ and instance.__dict__[remembered] == value
        if unchanged and not instance._state.adding:
            return
        errors: list[ValidationError] = []
        for validator in validators:
            try:
                validator(value)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError({field: errors})
        if isinstance(value, str):
            instance.__dict__[remembered] = value

    uid = f"vncomment:{model._meta.label}.{field}"
    pre_save.disconnect(dispatch_uid=uid)
    pre_save.connect(reject_bad_comment, weak=False, dispatch_uid=uid)
    post_init.disconnect(dispatch_uid=uid)
    post_init.connect(remember_loaded_text, weak=False, dispatch_uid=uid)
