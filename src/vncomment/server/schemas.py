"""The JSON the service takes and gives, as pydantic models (they make the OpenAPI document).

The request models are built per app from its :class:`~vncomment.server.settings.Settings`, so
the document states exactly what a request may ask: a text of at most ``max_chars`` code points,
a batch of at most ``max_batch`` texts, and ``rules`` that only tighten or narrow the server's
(a higher ``min_syllables``, a higher ``strictness``, a lower ``max_syllables``, a subset of
``allow_domains``, ``allow_emails`` and ``phones`` only towards the stricter side). A request that
asks for more is answered 422, like any other invalid body.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import regex
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    create_model,
)

from vncomment.messages import CATALOGUES, resolve_locale
from vncomment.server.settings import Settings

__all__ = [
    "BatchReport",
    "ErrorBody",
    "Health",
    "Report",
    "RulesInForce",
    "ViolationOut",
    "request_model",
]


def _language(catalogues: Any) -> Any:
    """A language tag served by one of ``catalogues``: itself or its base language.

    Any tag a page may carry (``vi``, ``vi-VN``, ``vi_VN``, ``EN-us``, ``vi_VN.UTF-8``) is read by
    :func:`resolve_locale`, as everywhere in the library. The document states the accepted set
    as a pattern, and the pattern is what is checked first, so that a value the document allows
    is never refused and one it does not allow is never taken.
    """
    languages = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else "[-_]" if c == "-" else c
                for c in name)
        for name in sorted(catalogues, key=len, reverse=True)
    )
    pattern = f"^({languages})([-_][A-Za-z0-9]{{1,8}})*(\\.[A-Za-z0-9_-]+)?(@[A-Za-z0-9_]+)?$"
    python_pattern = regex.compile(pattern.removeprefix("^").removesuffix("$"))

    def check(tag: str) -> str:
        if python_pattern.fullmatch(tag) is None:
            raise ValueError(f"{tag!r} is not the tag of a language served here "
                             f"({', '.join(catalogues)}, or a tag such as vi-VN)")
        return resolve_locale(tag)

    return Annotated[str, AfterValidator(check), WithJsonSchema({
        "type": "string", "pattern": pattern, "examples": ["vi", "vi-VN", "en"],
        "description": "a language tag, served by its catalogue or its base language's "
                       "(GET /v1/rules lists the languages)",
    })]


Span = Annotated[list[int], Field(min_length=2, max_length=2)]


def _only(value: bool) -> Any:
    """A JSON boolean that must be ``value`` (``Literal[False]`` lets 0 through: 0 == False)."""

    def check(given: bool) -> bool:
        if given is not value:
            raise ValueError(f"the server's rules allow only {str(value).lower()} here")
        return given

    return Annotated[bool, AfterValidator(check), WithJsonSchema({"const": value})]


def _integral(value: Any) -> Any:
    # JSON Schema's "integer" includes 271.0; strict mode would refuse it, and still refuses
    # true, "271" and 271.5.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _count(least: int, most: int | None) -> Any:
    # The JSON Schema is written out: pydantic cannot translate bounds behind a validator.
    bounds = {"type": "integer", "minimum": least} | ({} if most is None else {"maximum": most})
    return Annotated[
        int, BeforeValidator(_integral), Field(ge=least, le=most), WithJsonSchema(bounds)
    ]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


def request_model(settings: Settings) -> Any:
    """The body of ``POST /v1/validate`` for an app with these settings."""
    # Built with create_model: the field types are values computed from the settings.
    domain: Any = Literal[settings.allow_domain] if settings.allow_domain else str
    text: Any = Annotated[str, Field(max_length=settings.max_chars)]
    lang: Any = _language(CATALOGUES)
    emails: Any = (bool if settings.allow_emails else _only(False)) | None
    phones: Any = (_only(True) if settings.phones else bool) | None
    rule_options = create_model(
        "RuleOptions",
        __base__=_Strict,
        __doc__="Per-request rules: they may only tighten or narrow the server's "
        "(``GET /v1/rules``).",
        min_syllables=(_count(settings.min_syllables, settings.max_chars) | None, None),
        max_syllables=(_count(0, settings.max_syllables) | None, None),
        strictness=(Annotated[float, Field(ge=settings.strictness, le=1)] | None, None),
        allow_domains=(
            Annotated[list[domain], Field(max_length=len(settings.allow_domain))] | None, None
        ),
        allow_emails=(emails, None),
        phones=(phones, None),
    )
    rules: Any = rule_options | None
    one = create_model(
        "ValidateText",
        __base__=_Strict,
        __doc__="One comment.",
        text=(text, ...),
        lang=(lang, settings.lang),
        rules=(rules, None),
    )
    batch = create_model(
        "ValidateBatch",
        __base__=_Strict,
        __doc__="Several comments, judged by the same rules; answered in the same order.",
        texts=(Annotated[list[text], Field(min_length=1, max_length=settings.max_batch)], ...),
        lang=(lang, settings.lang),
        rules=(rules, None),
    )

    def kind(body: Any) -> str:
        return "batch" if isinstance(body, dict) and "texts" in body else "text"

    return Annotated[
        Annotated[one, Tag("text")] | Annotated[batch, Tag("batch")],
        Discriminator(kind),
    ]


class ViolationOut(BaseModel):
    """One reason, as ``vncomment check --json`` gives it, with spans also in UTF-16 units."""

    code: str = Field(examples=["missing_diacritics"])
    message: str
    span: Span | None = Field(description="[start, end) in code points (Python's str)")
    span_utf16: Span | None = Field(
        description="the same in UTF-16 code units (JavaScript's String)"
    )
    params: dict[str, Any] = Field(
        description="the figures behind it; a 'spans' list comes with 'spans_utf16'"
    )


class Report(BaseModel):
    """The verdict on one comment: the shape of ``vncomment check --json``."""

    ok: bool
    syllable_count: int
    violations: list[ViolationOut]
    violations_total: int | None = Field(
        None, description="present when there were more violations than the first 50 given"
    )


class BatchReport(BaseModel):
    """The verdicts on a batch, in order; ``ok`` when every comment passes."""

    ok: bool
    results: list[Report]


class ErrorDetail(BaseModel):
    loc: list[str | int] = Field(description="where in the body, e.g. ['texts', 3]")
    message: str
    type: str = Field(description="the kind of problem, e.g. string_type, extra_forbidden")


class Error(BaseModel):
    status: int
    code: str = Field(
        description="invalid_json, invalid_request, body_too_large, not_found, "
        "method_not_allowed, internal_error"
    )
    message: str
    details: list[ErrorDetail] = []


class ErrorBody(BaseModel):
    """Every error the service answers has this one shape."""

    error: Error


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class RuleOptionsOut(BaseModel):
    min_syllables: int
    max_syllables: int | None
    strictness: float
    allow_domains: list[str]
    allow_emails: bool
    phones: bool


class Limits(BaseModel):
    max_chars: int = Field(description="code points per text")
    max_batch: int = Field(description="texts per request")
    max_total_chars: int = Field(description="code points per request, all texts together")
    max_body_bytes: int = Field(description="bytes per request body (413 beyond)")


class RulesInForce(BaseModel):
    """What the server judges by, and what a request may change."""

    rules: RuleOptionsOut
    rule: str = Field(description="the rule as Python writes it")
    limits: Limits
    languages: list[str]
