"""Two small ASGI middlewares: the body limit and the access log.

The body limit is enforced while the body is read: a ``Content-Length`` over the limit is
answered 413 before a byte is read, and a body sent without one (chunked) is counted as it
arrives and abandoned as soon as it passes the limit, so a client cannot make the server hold
more than ``limit`` bytes of it.

The access log writes one JSON object per request to the ``vncomment.server.access`` logger:
method, path (never the query string), status, duration, body sizes, and for ``/v1/validate``
how many texts were judged and how many rejected. It never holds the comments, nor anything
read from them.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["COUNTS_KEY", "AccessLog", "BodyLimit", "BodyTooLarge"]

access_logger = logging.getLogger("vncomment.server.access")

COUNTS_KEY = "vncomment.counts"
"""Scope key where ``/v1/validate`` leaves ``(texts, rejected)`` for the access log."""


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when the body passes the limit; answered 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")
        self.limit = limit


class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int, too_large: ASGIApp) -> None:
        self.app, self.limit, self.too_large = app, limit, too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self.too_large(scope, receive, send)
                return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, counted_receive, send)


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not access_logger.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, bytes_in, bytes_out = 500, 0, 0

        async def counted_receive() -> Message:
            nonlocal bytes_in
            message = await receive()
            bytes_in += len(message.get("body", b""))
            return message

        async def counted_send(message: Message) -> None:
            nonlocal status, bytes_out
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                bytes_out += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counted_receive, counted_send)
        finally:
            record: dict[str, Any] = {
                "event": "request",
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 2),
                "bytes_in": bytes_in,
                "bytes_out": bytes_out,
                "client": scope["client"][0] if scope.get("client") else None,
            }
            counts = scope.get(COUNTS_KEY)
            if counts is not None:
                record["texts"], record["rejected"] = counts
            access_logger.info(json.dumps(record))
