"""The ASGI app: ``create_app(settings)`` and its routes, thin over :func:`vncomment.validate`.

Routes: ``POST /v1/validate`` (one text or a batch), ``GET /v1/rules``, ``GET /healthz``,
``GET /vncomment.js`` (the comment-box script), the OpenAPI document at ``/openapi.json`` (read
at ``/docs``), and with ``demo`` the article page of :mod:`vncomment.server.demo`.

Every error is answered in one shape, ``{"error": {"status", "code", "message", "details"}}``:
422 ``invalid_json`` / ``invalid_request``, 413 ``body_too_large``, 404, 405, 500.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Mapping
from importlib import metadata
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from pydantic import TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import Receive, Scope, Send

import vncomment
from vncomment.messages import CATALOGUES
from vncomment.report import Report as CoreReport
from vncomment.rules import AllOf, AnyOf, RequireDiacritics, Rule
from vncomment.server.middleware import COUNTS_KEY, AccessLog, BodyLimit
from vncomment.server.schemas import (
    BatchReport,
    ErrorBody,
    Health,
    Report,
    RulesInForce,
    request_model,
)
from vncomment.server.settings import Settings

__all__ = ["create_app", "report_json"]

logger = logging.getLogger("vncomment.server")

# Up to this many characters a request is judged on the event loop: 99.5 % of ViCTSD comments
# are shorter (median 87), and judging one takes about a millisecond. Longer requests go to a
# worker thread, so the loop keeps answering others meanwhile (see SUGGESTED_CHARS below).
_INLINE_CHARS = 1_000

_ERROR_CODES = {
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    422: "invalid_request",
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (413, "The body is larger than the limit (GET /v1/rules: limits.max_body_bytes)"),
        (422, "Not JSON, or not the shape described here (details say where)"),
    )
}


def _version() -> str:
    try:
        return metadata.version("vncomment")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


class _JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    body = {"error": {"status": status, "code": code, "message": message,
                      "details": details or []}}
    return _JSON(body, status_code=status, headers=headers)


def _utf16_units(text: str) -> list[int] | None:
    """Code point index -> UTF-16 index, or None when they are the same (no astral character)."""
    if text.isascii() or max(text) < "\U00010000":
        return None
    units, at = [], 0
    for char in text:
        units.append(at)
        at += 2 if char >= "\U00010000" else 1
    units.append(at)
    return units


def report_json(report: CoreReport) -> dict[str, Any]:
    """``Report.as_dict()`` (the ``check --json`` shape) with every span also in UTF-16 units."""
    data = report.as_dict()
    units = _utf16_units(report.text)

    def utf16(span: Any) -> list[int] | None:
        if span is None:
            return None
        start, end = int(span[0]), int(span[1])
        return [start, end] if units is None else [units[start], units[end]]

    for i, violation in enumerate(data["violations"]):
        params = violation.pop("params")
        spans = params.get("spans")
        if isinstance(spans, (list, tuple)):
            params["spans_utf16"] = [utf16(s) for s in spans]
        data["violations"][i] = {**violation, "span_utf16": utf16(violation["span"]),
                                 "params": params}
    return data


# An answer grows with the violations: a comment of 1,000 links has 1,001 (190 KB of JSON).
# The service gives the first MAX_VIOLATIONS and says how many there were ("violations_total");
# a page shows a few messages, and the words to underline are in one violation's spans anyway.
MAX_VIOLATIONS = 50


def _bounded(report: dict[str, Any]) -> dict[str, Any]:
    if len(report["violations"]) > MAX_VIOLATIONS:
        report["violations_total"] = len(report["violations"])
        report["violations"] = report["violations"][:MAX_VIOLATIONS]
    return report


# Restoring the marks of a comment typed without them, for its suggestion, is most of the work
# of judging it (50,000 such characters: 0.7 s with the suggestion, 0.2 s without), and a batch
# of them held one worker for seconds. A request gets suggestions for its texts, in order, while
# they fit in SUGGESTED_CHARS characters in all: the longest text one comment box may send.
SUGGESTED_CHARS = 5_000


def _without_suggestion(rule: Rule) -> Rule:
    if isinstance(rule, (AllOf, AnyOf)):
        return type(rule)(*map(_without_suggestion, rule.rules))
    if isinstance(rule, RequireDiacritics):
        return dataclasses.replace(rule, suggest=False)
    return rule


def _judge(texts: list[str], rule: Rule, lang: str) -> list[dict[str, Any]]:
    reports, budget, plain_rule = [], SUGGESTED_CHARS, None
    for text in texts:
        if len(text) <= budget:
            budget -= len(text)
            judged_by = rule
        else:
            plain_rule = plain_rule or _without_suggestion(rule)
            judged_by = plain_rule
        reports.append(_bounded(report_json(vncomment.validate(text, judged_by, locale=lang))))
    return reports


def _details(errors: Any) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        loc = list(error.get("loc", ()))
        if loc[:1] in (["text"], ["batch"]):
            loc = loc[1:]  # the discriminator's tag, not a place in the body
        message = str(error.get("msg", "invalid"))
        if loc[:1] == ["rules"] and error.get("type") != "extra_forbidden":
            message += " (a request may only tighten the server's rules: GET /v1/rules)"
        details.append({"loc": loc, "message": message, "type": str(error.get("type", ""))})
    return details


def _invalid(errors: Any) -> Response:
    if any(e.get("type") == "json_invalid" for e in errors):
        reason = (errors[0].get("ctx") or {}).get("error", "JSON decode error")
        return error_response(422, "invalid_json", f"the body is not JSON: {reason}",
                              _details(errors))
    return error_response(422, "invalid_request", "the body is not a valid request (see details)",
                          _details(errors))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service for ``settings`` (default: the default rule, no CORS, no demo)."""
    settings = Settings() if settings is None else settings
    default_rule = settings.rule()
    script = files("vncomment.server").joinpath("static/vncomment.js").read_bytes()

    app = FastAPI(
        title="vncomment",
        version=_version(),
        summary="May this reader's comment be published on a Vietnamese website?",
        description=(
            "Judges comments by the rule under Vietnamese comment boxes: at least "
            f"{settings.min_syllables} Vietnamese syllables typed with diacritics, no links. "
            "Spans are given in code points (`span`) and in UTF-16 code units (`span_utf16`)."
        ),
    )

    async def too_large(scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413, "body_too_large",
            f"the request body is larger than {settings.max_body_bytes} bytes",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)

    if settings.allow_origin:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.allow_origin),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            max_age=600,
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes, too_large=too_large)
    app.add_middleware(AccessLog)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = _ERROR_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.status_code == 413 else f"{exc.detail}: {request.url.path}"
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "the server failed; it has been logged")

    request_adapter: TypeAdapter[Any] = TypeAdapter(request_model(settings))
    request_schema = request_adapter.json_schema(ref_template="#/components/schemas/{model}")
    request_defs = request_schema.pop("$defs", {})

    @app.post(
        "/v1/validate",
        response_model=Report | BatchReport,
        responses=_ERRORS,
        summary="Judge one comment or a batch",
        description=(
            f"`{{\"text\": ...}}` answers a report; `{{\"texts\": [...]}}` (at most "
            f"{settings.max_batch}) answers `{{\"ok\", \"results\"}}` in the same order. A text "
            f"holds at most {settings.max_chars} code points, a request "
            f"{settings.max_total_chars} in all."
        ),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": request_schema}},
            }
        },
    )
    async def validate(request: Request) -> Response:
        # The body is read and parsed here rather than by FastAPI, so that every way it can be
        # wrong (not JSON, whatever the Content-Type; not the shape) gets the service's own 422.
        try:
            body = request_adapter.validate_json(await request.body())
        except ValidationError as error:
            return _invalid(error.errors())
        rule = default_rule
        if body.rules is not None:
            options = body.rules.model_dump(exclude_none=True)
            if options:
                if "allow_domains" in options:
                    options["allow_domain"] = tuple(options.pop("allow_domains"))
                rule = settings.rule(**options)
        single = hasattr(body, "text")
        texts = [body.text] if single else body.texts
        total = sum(map(len, texts))
        if total > settings.max_total_chars:  # a bound the JSON Schema cannot state
            return _invalid([{
                "loc": ["texts"], "type": "too_long_in_total",
                "msg": f"the texts hold {total} characters in all; a request may hold "
                       f"{settings.max_total_chars}",
            }])
        if total <= _INLINE_CHARS:
            reports = _judge(texts, rule, body.lang)
        else:
            reports = await run_in_threadpool(_judge, texts, rule, body.lang)
        request.scope[COUNTS_KEY] = (len(texts), sum(not r["ok"] for r in reports))
        if single:
            return _JSON(reports[0])
        return _JSON({"ok": all(r["ok"] for r in reports), "results": reports})

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = FastAPI.openapi(app)
            document.setdefault("components", {}).setdefault("schemas", {}).update(request_defs)
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]

    rules_in_force = {
        "rules": settings.rule_options(),
        "rule": repr(default_rule),
        "limits": {
            "max_chars": settings.max_chars,
            "max_batch": settings.max_batch,
            "max_total_chars": settings.max_total_chars,
            "max_body_bytes": settings.max_body_bytes,
        },
        "languages": list(CATALOGUES),
    }

    @app.get("/v1/rules", response_model=RulesInForce, summary="The rules and limits in force")
    async def rules() -> Response:
        return _JSON(rules_in_force)

    @app.get("/healthz", response_model=Health, summary="Liveness")
    async def healthz() -> Response:
        return _JSON({"status": "ok", "version": app.version})

    @app.get("/vncomment.js", include_in_schema=False)
    async def comment_box_script() -> Response:
        return Response(script, media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})

    if settings.demo:
        from vncomment.server.demo import add_demo

        add_demo(app, settings, default_rule)
    return app


def app_from_environ() -> FastAPI:
    """The factory ``uvicorn --factory`` calls in each worker: settings from the environment."""
    given = os.environ.get("VNCOMMENT_SERVER_SETTINGS")
    return create_app(Settings.from_json(given) if given else Settings.from_env())
