"""SQLAlchemy 2.x: reject a bad comment when the session flushes, before any SQL is sent.

One line per column::

    from vncomment.sqlalchemy import validate_before_save

    validate_before_save(Comment.body)

Why ``before_flush``: it is the one hook that runs before the flush opens its transaction and
emits any statement. Raising there leaves the database untouched and the session usable: the
rejected object stays pending (or dirty) so the app can fix the value, ``expunge`` it or
``rollback()``. Mapper ``before_insert``/``before_update`` run inside the flush, after earlier
rows of the same flush may have been sent, and an exception there forces a rollback of the whole
session transaction. An attribute ``set`` event fires on every assignment, before the app has
finished building the object (a draft, a value filled in two steps), which is too early.

Only objects whose value changed are checked: new objects, and persistent ones whose attribute
has a change in its history. ``None`` is left alone (a nullable column with nothing to publish),
and so is an SQL expression given as the value (``Comment.body + " thêm"``, ``func.lower(...)``):
the database computes it during the flush, so there is no text to judge before. Like every
flush-time check, this also runs on autoflush, so a query that autoflushes a bad comment raises
:class:`~vncomment.CommentRejected`. What bypasses the unit of work is not checked: Core and ORM
bulk statements (``insert()``, ``update()``) and the legacy ``Session.bulk_save_objects()``,
``bulk_insert_mappings()`` and ``bulk_update_mappings()``, which emit no flush events.
"""

from __future__ import annotations

from typing import Any

try:
    from sqlalchemy import event, inspect
    from sqlalchemy.orm import InstrumentedAttribute, Session, UOWTransaction
    from sqlalchemy.sql import ClauseElement
    from sqlalchemy.sql.elements import BindParameter
except ImportError as error:  # pragma: no cover - exercised only without SQLAlchemy installed
    raise ImportError(
        "vncomment.sqlalchemy needs SQLAlchemy 2: pip install 'vncomment[sqlalchemy]'"
    ) from error

import vncomment
from vncomment.messages import resolve_locale
from vncomment.report import CommentRejected
from vncomment.rules import Rule

__all__ = ["validate_before_save"]

# (mapped class, attribute name) -> (rules, locale); read by the one session listener below.
_watched: dict[tuple[type[Any], str], tuple[Rule | None, str]] = {}


def validate_before_save(
    attribute: InstrumentedAttribute[Any], rules: Rule | None = None, *, locale: str = "vi"
) -> None:
    """Check ``attribute`` (e.g. ``Comment.body``) on every flush of every ``Session``.

    Raises :class:`~vncomment.CommentRejected` from the flush (``session.commit()``,
    ``session.flush()`` or an autoflush) when a new or changed value fails ``rules`` (default
    :data:`vncomment.rules.DEFAULT`), with messages in ``locale`` (a language tag: ``"vi"``,
    ``"vi-VN"``, ``"en"`` ...). Calling it again for the same attribute replaces its rules;
    subclasses of the mapped class are checked too.
    """
    if not isinstance(attribute, InstrumentedAttribute):
        raise TypeError(
            "validate_before_save() takes a mapped attribute such as Comment.body,"
            f" got {type(attribute).__name__}"
        )
    if rules is not None and not isinstance(rules, Rule):
        raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
    locale = resolve_locale(locale)  # ValueError here, not at the first flush
    mapped = attribute.class_
    if not isinstance(mapped, type):
        raise TypeError("validate_before_save() takes an attribute of a mapped class, not an alias")
    _watched[(mapped, attribute.key)] = (rules, locale)
    if not event.contains(Session, "before_flush", _reject_bad_comments):
        event.listen(Session, "before_flush", _reject_bad_comments)


def _reject_bad_comments(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        for (cls, key), (rules, locale) in _watched.items():
            if not isinstance(obj, cls):
                continue
            if obj not in session.new and not inspect(obj).attrs[key].history.has_changes():
                continue
            value = getattr(obj, key)
            if isinstance(value, BindParameter) and isinstance(value.value, str):
                value = value.value  # literal("..."): a plain string sent as a parameter
            if value is None or _computed_by_the_database(value):
                continue
            report = vncomment.validate(value, rules, locale=locale)
            if not report.ok:
                raise CommentRejected(report.violations)


def _computed_by_the_database(value: Any) -> bool:
    """An SQL expression (``Comment.body + " thêm"``, ``func.lower(...)``, ``literal(...)``):
    the unit of work sends it as SQL and the database computes the stored text."""
    return isinstance(value, ClauseElement) or hasattr(value, "__clause_element__")
