"""What a validation returns: a :class:`Report` of :class:`Violation` objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from vncomment.messages import render, template_for

__all__ = ["CommentRejected", "Report", "Violation"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One reason a comment may not be published.

    ``code`` is stable snake_case (``too_short``, ``missing_diacritics``, ``contains_link`` ...);
    ``params`` hold the numbers and words behind it; ``span`` is ``(start, end)`` into the text
    as given, or ``None`` when the whole comment is concerned; ``message`` is rendered in the
    report's locale from the catalogue, or from the rule's own ``template`` when it has one.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    span: tuple[int, int] | None = None
    message: str = ""
    template: str | None = field(default=None, repr=False, compare=False)

    def rendered(self, locale: str) -> Violation:
        """This violation with its message rendered in ``locale`` ("vi" or "en")."""
        template = self.template or template_for(self.code, locale)
        return replace(self, message=render(template, self.params))


@dataclass(frozen=True, slots=True)
class Report:
    """The verdict on one comment. ``bool(report)`` is ``report.ok``."""

    text: str
    violations: tuple[Violation, ...]
    syllable_count: int
    locale: str = "vi"

    @property
    def ok(self) -> bool:
        return not self.violations

    def __bool__(self) -> bool:
        return self.ok

    @property
    def codes(self) -> tuple[str, ...]:
        """The violation codes, in order."""
        return tuple(v.code for v in self.violations)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``ok``, ``syllable_count`` and the violations."""
        return {
            "ok": self.ok,
            "syllable_count": self.syllable_count,
            "violations": [
                {
                    "code": v.code,
                    "message": v.message,
                    "span": list(v.span) if v.span else None,
                    "params": dict(v.params),
                }
                for v in self.violations
            ],
        }


class CommentRejected(ValueError):
    """Raised by :func:`vncomment.check` and the save hooks; ``violations`` says why."""

    def __init__(self, violations: tuple[Violation, ...] | list[Violation]) -> None:
        self.violations = tuple(violations)
        super().__init__(" ".join(v.message or v.code for v in self.violations))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.violations)

    # An exception pickles as its class called with ``args`` (here the joined message), which
    # this constructor cannot take: rebuild it from the violations, so that it crosses process
    # boundaries (ProcessPoolExecutor, Dask) as itself.
    def __reduce__(self) -> tuple[type[CommentRejected], tuple[tuple[Violation, ...]]]:
        return type(self), (self.violations,)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CommentRejected):
            return NotImplemented
        return type(other) is type(self) and other.violations == self.violations

    def __hash__(self) -> int:
        return hash((type(self), self.codes))
