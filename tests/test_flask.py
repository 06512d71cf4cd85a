"""vncomment.wtforms in a real Flask app: a WTForms form posted through Flask's test client,
comments stored with plain SQLAlchemy on SQLite (Flask-SQLAlchemy is not needed)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, jsonify, render_template_string, request
from sqlalchemy import Engine, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from werkzeug.datastructures import MultiDict
from wtforms import Form, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from vncomment.rules import MinSyllables, NoLinks
from vncomment.sqlalchemy import validate_before_save
from vncomment.wtforms import Comment, RejectionMessage

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
SHORT = "Hay quá bạn ơi"
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."
TOO_SHORT_EN = "A comment needs at least 10 Vietnamese words; this one has 4."


class Base(DeclarativeBase):
    pass


class StoredComment(Base):
    __tablename__ = "flask_comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    author: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(String(4000))


validate_before_save(StoredComment.body)  # the last guard behind the form, same default rules


class CommentForm(Form):
    author = StringField(validators=[DataRequired()])
    body = TextAreaField(validators=[DataRequired(), Length(max=4000), Comment()])


PAGE = """<form method="post">{% for error in form.body.errors %}
<p class="error">{{ error }}</p>{% endfor %}
<textarea name="body">{{ form.body.data or "" }}</textarea></form>"""


def create_app(engine: Engine) -> Flask:
    app = Flask(__name__)

    def form_for_request() -> CommentForm:
        # The reader's language, for vncomment's messages and WTForms' own. WTForms ships no
        # Vietnamese catalogue and refuses a list it has none for: "en" ends the list.
        language = request.accept_languages.best_match(["vi", "en"]) or "vi"
        return CommentForm(request.form, meta={"locales": [language, "en"]})

    @app.post("/comments")
    def post_comment() -> Any:
        form = form_for_request()
        if not form.validate():
            return render_template_string(PAGE, form=form), 422
        with Session(engine) as session:
            session.add(StoredComment(author=form.author.data, body=form.body.data))
            session.commit()
        return "", 303, {"Location": "/"}

    @app.post("/api/comments")
    def api_post_comment() -> Any:
        form = form_for_request()
        if not form.validate():
            codes = {name: [getattr(e, "codes", ()) for e in errors]
                     for name, errors in form.errors.items()}
            return jsonify(errors=form.errors, codes=codes), 422
        with Session(engine) as session:
            session.add(StoredComment(author=form.author.data, body=form.body.data))
            session.commit()
        return jsonify(ok=True), 201

    return app


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def stored(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(StoredComment)) or 0


def test_good_comment_is_stored(engine: Engine) -> None:
    client = create_app(engine).test_client()
    response = client.post("/comments", data={"author": "Lan", "body": GOOD})
    assert response.status_code == 303
    with Session(engine) as session:
        assert session.scalars(select(StoredComment.body)).all() == [GOOD]


def test_bad_comment_shows_the_vietnamese_message_and_is_not_stored(engine: Engine) -> None:
    client = create_app(engine).test_client()
    response = client.post("/comments", data={"author": "Lan", "body": SHORT})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'<p class="error">{TOO_SHORT_VI}</p>' in page
    assert f">{SHORT}</textarea>" in page  # the reader's text is kept for fixing
    assert stored(engine) == 0


def test_message_follows_the_reader_s_language(engine: Engine) -> None:
    client = create_app(engine).test_client()
    response = client.post(
        "/comments", data={"author": "Lan", "body": SHORT}, headers={"Accept-Language": "en-US"}
    )
    assert f'<p class="error">{TOO_SHORT_EN}</p>' in response.get_data(as_text=True)
    assert stored(engine) == 0


def test_api_answers_with_messages_and_codes(engine: Engine) -> None:
    client = create_app(engine).test_client()
    response = client.post("/api/comments", data={"author": "Lan", "body": "Hay, xem abc chấm com"})
    assert response.status_code == 422
    data = response.get_json()
    assert data["codes"] == {"body": [["too_short", "contains_link"]]}
    assert data["errors"] == {"body": [
        "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 2 chữ."
        " Bình luận không được chứa liên kết (abc chấm com)."
    ]}
    assert stored(engine) == 0


def test_wtforms_own_validators_keep_their_say(engine: Engine) -> None:
    client = create_app(engine).test_client()
    response = client.post("/api/comments", data={"author": "Lan", "body": ""})
    assert response.status_code == 422
    assert response.get_json()["codes"] == {"body": [[]]}  # DataRequired's message, not ours
    assert stored(engine) == 0


# --- the validator on its own -------------------------------------------------------------------


def form_with(validator: Comment, text: str | None, locales: Any = False) -> Form:
    class OneField(Form):
        body = TextAreaField(validators=[validator])

    form = OneField(MultiDict({} if text is None else {"body": text}), meta={"locales": locales})
    form.validate()
    return form


LOCALE_CASES = [
    ("no locales: Vietnamese", None, False, TOO_SHORT_VI),
    ("form asks vi_VN", None, ["vi_VN", "en"], TOO_SHORT_VI),
    ("form asks en_US", None, ["en_US", "vi"], TOO_SHORT_EN),
    ("first language with a catalogue", None, ["fr_FR", "vi"], TOO_SHORT_VI),
    ("no language with a catalogue: English", None, ["fr_FR", "de"], TOO_SHORT_EN),
    ("explicit wins over the form", "en", ["vi", "en"], TOO_SHORT_EN),
]


@pytest.mark.parametrize(
    ("label", "locale", "locales", "expected"), LOCALE_CASES, ids=[c[0] for c in LOCALE_CASES]
)
def test_locale(label: str, locale: str | None, locales: Any, expected: str) -> None:
    form = form_with(Comment(locale=locale), SHORT, locales)
    assert form.errors == {"body": [expected]}


def test_error_is_a_str_with_codes_and_violations() -> None:
    rules = MinSyllables(2) & NoLinks()
    (error,) = form_with(Comment(rules), "mời xem abc.com và def.vn").errors["body"]
    assert isinstance(error, RejectionMessage) and isinstance(error, str)
    assert error.codes == ("contains_link", "contains_link")
    assert [v.params["link"] for v in error.violations] == ["abc.com", "def.vn"]


def test_no_data_is_left_to_other_validators() -> None:
    form = form_with(Comment(), None)
    assert form.body.data is None and form.errors == {}


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        Comment("MinSyllables(3)")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Comment(locale="fr")
    assert repr(Comment(MinSyllables(3), locale="en-US")) == "Comment(MinSyllables(3), locale='en')"


def test_without_wtforms_the_import_names_the_extra() -> None:
    """Where WTForms is missing (blocked in a fresh interpreter), the error says what to
    install."""
    code = "import sys; sys.modules['wtforms.validators'] = None; import vncomment.wtforms"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "pip install 'vncomment[wtforms]'" in result.stderr
