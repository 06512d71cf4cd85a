"""``vncomment serve --demo``: a news article with its comment box, as a site would have it.

The page is an ordinary HTML form (``POST /comments``) that works without JavaScript; the
``vncomment.js`` script tag enhances it with live feedback. Comments are saved in SQLite
through :func:`vncomment.sqlalchemy.validate_before_save`, the same pre-save hook a Python site
would use, so a comment the script never saw (posted straight to the server) is judged again at
the database: a rejected one is answered 422 with the messages and the table is left unchanged.
"""

from __future__ import annotations

import html
from datetime import datetime, timezone
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import DateTime, String, Text, create_engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from starlette.concurrency import run_in_threadpool

import vncomment
from vncomment.report import CommentRejected
from vncomment.rules import NoLinks, Rule
from vncomment.server.settings import Settings
from vncomment.sqlalchemy import validate_before_save

__all__ = ["Comment", "add_demo"]

_LISTED = 50  # comments shown under the article, newest first
_AUTHOR_MAX = 80


class _Base(DeclarativeBase):
    pass


class Comment(_Base):
    """A reader's comment under the demo article."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    author: Mapped[str] = mapped_column(String(_AUTHOR_MAX))
    body: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _page() -> Template:
    return Template(files("vncomment.server").joinpath("templates/article.html").read_text("utf-8"))


def _comment_items(comments: list[Comment]) -> str:
    if not comments:
        return '<li class="empty">Chưa có bình luận nào. Hãy là người đầu tiên!</li>'
    return "\n".join(
        f'<li class="comment"><p class="meta"><strong>{html.escape(c.author)}</strong> · '
        f'<time datetime="{c.created.isoformat()}">{c.created:%H:%M %d/%m/%Y}</time></p>'
        f"<p>{html.escape(c.body)}</p></li>"
        for c in comments
    )


def add_demo(app: FastAPI, settings: Settings, rule: Rule) -> None:
    """Add ``GET /`` and ``POST /comments`` to ``app``, saving in ``settings.db``."""
    url = URL.create("sqlite", database=settings.db)  # any file name, "?" and "#" included
    engine = create_engine(url, connect_args={"check_same_thread": False})
    try:
        _Base.metadata.create_all(engine)
    except OperationalError:  # another worker process created the table first
        _Base.metadata.create_all(engine)
    sessions = sessionmaker(engine)
    # The hook is registered for the class, once per process; a later app replaces its rule.
    validate_before_save(Comment.body, rule, locale=settings.lang)
    page = _page()
    name_rule = NoLinks(allow=settings.allow_domain, emails=not settings.allow_emails)

    def listed() -> tuple[int, list[Comment]]:
        with sessions() as session:
            query = select(Comment).order_by(Comment.id.desc()).limit(_LISTED)
            total = session.scalar(select(func.count()).select_from(Comment)) or 0
            return total, list(session.scalars(query))

    def render(author: str = "", body: str = "", errors: list[str] | None = None) -> str:
        total, comments = listed()
        error_items = "".join(f"<li>{html.escape(e)}</li>" for e in errors or ())
        return page.substitute(
            rule_min=settings.min_syllables,
            count=total,
            comments=_comment_items(comments),
            author=html.escape(author, quote=True),
            body=html.escape(body),
            errors_hidden="" if errors else " hidden",
            errors=error_items,
            max_chars=settings.max_chars,
        )

    def save(author: str, body: str) -> list[str]:
        """The problems with the comment, or none when it was saved."""
        problems = []
        if not author.strip():
            problems.append("Mời bạn nhập tên hiển thị.")
        elif len(author) > _AUTHOR_MAX:
            problems.append(f"Tên hiển thị tối đa {_AUTHOR_MAX} ký tự.")
        elif not vncomment.validate(author, name_rule).ok:
            # The name is published beside the comment: a link there is a link published.
            problems.append("Tên hiển thị không được chứa liên kết.")
        if len(body) > settings.max_chars:
            problems.append(f"Bình luận tối đa {settings.max_chars} ký tự.")
        if problems:
            return problems
        with sessions() as session:
            session.add(Comment(author=author.strip(), body=body,
                                created=datetime.now(timezone.utc)))
            try:
                session.commit()
            except CommentRejected as rejected:
                session.rollback()
                return list(dict.fromkeys(v.message for v in rejected.violations))
        return []

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def article() -> HTMLResponse:
        return HTMLResponse(await run_in_threadpool(render))

    @app.post("/comments", include_in_schema=False)
    async def post_comment(request: Request) -> Response:
        form = _form(await request.body())
        author, body = form.get("author", ""), form.get("body", "")
        # A browser sends the textarea's line breaks as CRLF; the reader typed LF.
        body = body.replace("\r\n", "\n")
        problems = await run_in_threadpool(save, author, body)
        if not problems:
            return RedirectResponse("/#binh-luan", status_code=303)
        content = await run_in_threadpool(render, author, body, problems)
        return HTMLResponse(content, status_code=422)


def _form(body: bytes) -> dict[str, Any]:
    """An ``application/x-www-form-urlencoded`` body, first value of each field."""
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}
