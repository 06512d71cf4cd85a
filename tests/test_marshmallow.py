"""vncomment.marshmallow with real marshmallow schemas; what a schema accepts is stored in SQLite
with SQLAlchemy, what it rejects never is."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from marshmallow import Schema, ValidationError, fields, post_load, validate
from sqlalchemy import Engine, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from vncomment.marshmallow import Comment
from vncomment.rules import MinSyllables, NoPhoneNumbers

TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


class Base(DeclarativeBase):
    pass


class StoredComment(Base):
    __tablename__ = "marshmallow_comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    author: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(String(4000))


class CommentIn(Schema):
    author = fields.String(required=True)
    body = fields.String(required=True, validate=[validate.Length(max=60), Comment()])

    @post_load
    def make_comment(self, data: dict[str, Any], **kwargs: Any) -> StoredComment:
        return StoredComment(**data)


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


def submit(engine: Engine, payload: dict[str, Any]) -> dict[str, Any] | None:
    """What an API view does: load, store when valid, else return the errors."""
    try:
        comment = CommentIn().load(payload)
    except ValidationError as error:
        return dict(error.messages)  # type: ignore[arg-type]
    with Session(engine) as session:
        session.add(comment)
        session.commit()
    return None


def stored(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(StoredComment)) or 0


def test_good_comment_is_loaded_and_stored(engine: Engine) -> None:
    body = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin này."
    assert submit(engine, {"author": "Lan", "body": body}) is None
    with Session(engine) as session:
        assert body in session.scalars(select(StoredComment.body)).all()


def test_bad_comment_gives_codes_and_vietnamese_messages_and_is_not_stored(
    engine: Engine,
) -> None:
    errors = submit(engine, {"author": "Lan", "body": "Hay quá, xem abc chấm com"})
    assert errors == {"body": [
        {"code": "too_short",
         "message": "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 3 chữ.",
         "span": None},
        {"code": "contains_link", "message": "Bình luận không được chứa liên kết (abc chấm com).",
         "span": [13, 25]},
    ]}
    assert stored(engine) == 0


def test_other_validators_of_the_field_add_their_strings(engine: Engine) -> None:
    errors = submit(engine, {"author": "Lan", "body": "hay quá " * 10})
    assert errors is not None
    (length, repetitive) = errors["body"]
    assert length == "Longer than maximum length 60."
    assert repetitive["code"] == "repetitive"
    assert stored(engine) == 0


def test_missing_and_non_string_values_are_marshmallow_s_errors(engine: Engine) -> None:
    assert submit(engine, {"author": "Lan"}) == {"body": ["Missing data for required field."]}
    assert submit(engine, {"author": "Lan", "body": 12}) == {"body": ["Not a valid string."]}
    assert stored(engine) == 0


def test_validator_alone_with_rules_and_locale() -> None:
    check = Comment(MinSyllables(3) & NoPhoneNumbers(), locale="en-US")
    assert check("Giao hàng nhanh") == "Giao hàng nhanh"
    with pytest.raises(ValidationError) as caught:
        check("Gọi 0912 345 678 nhé bạn")
    assert caught.value.messages == [
        {"code": "contains_phone",
         "message": "Comments may not contain phone numbers (0912 345 678).",
         "span": [4, 16]},
    ]


def test_locale_may_be_chosen_per_request() -> None:
    current = {"language": "vi"}

    class Note(Schema):
        body = fields.String(validate=Comment(locale=lambda: current["language"]))

    with pytest.raises(ValidationError) as caught:
        Note().load({"body": "Hay quá bạn ơi"})
    assert caught.value.messages["body"][0]["message"] == TOO_SHORT_VI  # type: ignore[index]
    current["language"] = "en_GB"
    with pytest.raises(ValidationError) as caught:
        Note().load({"body": "Hay quá bạn ơi"})
    assert caught.value.messages["body"][0]["message"] == (  # type: ignore[index]
        "A comment needs at least 10 Vietnamese words; this one has 4."
    )


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        Comment("MinSyllables(3)")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Comment(locale="fr")


def test_without_marshmallow_the_import_names_the_extra() -> None:
    """Where marshmallow is missing (blocked in a fresh interpreter), the error says what to
    install."""
    code = "import sys; sys.modules['marshmallow'] = None; import vncomment.marshmallow"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "pip install 'vncomment[marshmallow]'" in result.stderr
