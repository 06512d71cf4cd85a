"""vncomment.sqlalchemy on a real SQLite database: bad comments never reach it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, String, create_engine, event, func, literal, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from vncomment import CommentRejected
from vncomment.rules import MinSyllables, NoPhoneNumbers
from vncomment.sqlalchemy import validate_before_save

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
OTHER_GOOD = "Tôi đồng ý với ý kiến của tác giả, chính sách này cần được xem xét lại sớm."
SHORT = "Hay quá bạn ơi"
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


class Base(DeclarativeBase):
    pass


class Comment(Base):
    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    author: Mapped[str] = mapped_column(String(100), default="")


class Review(Base):
    __tablename__ = "review"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(2000))


validate_before_save(Comment.body)
validate_before_save(Review.text, MinSyllables(3) & NoPhoneNumbers(), locale="en")


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def statements(engine: Engine) -> list[str]:
    """Every SQL statement sent to the database, from the moment the test starts."""
    sent: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        sent.append(statement.split()[0].upper())

    return sent


def count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Comment)) or 0


def test_good_comment_is_saved(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Comment(body=GOOD))
        session.commit()
    assert count(engine) == 1


def test_bad_comment_is_rejected_before_any_sql(engine: Engine, statements: list[str]) -> None:
    with Session(engine) as session:
        session.add(Comment(body=SHORT))
        with pytest.raises(CommentRejected) as caught:
            session.commit()
    assert caught.value.codes == ("too_short",)
    assert str(caught.value) == TOO_SHORT_VI
    assert "INSERT" not in statements
    assert count(engine) == 0


def test_one_bad_comment_stops_the_whole_flush(engine: Engine, statements: list[str]) -> None:
    with Session(engine) as session:
        session.add_all([Comment(body=GOOD), Comment(body="xem tại abc chấm com")])
        with pytest.raises(CommentRejected) as caught:
            session.flush()
    assert caught.value.codes == ("too_short", "contains_link")
    assert "INSERT" not in statements
    assert count(engine) == 0


def test_session_stays_usable_after_a_rejection(engine: Engine) -> None:
    with Session(engine) as session:
        comment = Comment(body=SHORT)
        session.add(comment)
        with pytest.raises(CommentRejected):
            session.commit()
        assert session.is_active
        comment.body = GOOD  # the reader fixes it; the same session saves it
        session.commit()
    assert count(engine) == 1


def test_update_is_rejected_and_rollback_restores_the_value(
    engine: Engine, statements: list[str]
) -> None:
    with Session(engine) as session:
        session.add(Comment(body=GOOD))
        session.commit()
    statements.clear()
    with Session(engine) as session:
        comment = session.scalars(select(Comment)).one()
        comment.body = "Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay"
        with pytest.raises(CommentRejected) as caught:
            session.commit()
        assert caught.value.codes == ("missing_diacritics",)
        assert "UPDATE" not in statements
        session.rollback()
        assert comment.body == GOOD
    with Session(engine) as session:
        assert session.scalars(select(Comment.body)).all() == [GOOD]


def test_unchanged_comment_is_not_checked_again(engine: Engine) -> None:
    validate_before_save(Comment.body, MinSyllables(3))
    try:
        with Session(engine) as session:
            session.add(Comment(body="Hay quá bạn"))  # fine under the looser rule
            session.commit()
    finally:
        validate_before_save(Comment.body)  # back to the default rules
    with Session(engine) as session:
        comment = session.scalars(select(Comment)).one()
        comment.author = "Lan"  # body untouched: an old comment is not re-judged by new rules
        session.commit()
        comment.body = "Hay quá bạn ơi"
        with pytest.raises(CommentRejected):
            session.commit()


def test_none_is_left_alone(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Comment(body=None))
        session.commit()
    assert count(engine) == 1


def test_autoflush_before_a_query_checks_too(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Comment(body=SHORT))
        with pytest.raises(CommentRejected):
            session.scalars(select(Comment)).all()
        with session.no_autoflush:
            assert session.scalars(select(Comment)).all() == []


def test_rules_and_locale_per_attribute(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Review(text="Sản phẩm tốt lắm"))
        session.commit()
        session.add(Review(text="Cần mua thì liên hệ 0912 345 678"))
        with pytest.raises(CommentRejected) as caught:
            session.commit()
    assert caught.value.codes == ("contains_phone",)
    assert str(caught.value) == "Comments may not contain phone numbers (0912 345 678)."


def test_refuses_what_is_not_a_mapped_attribute() -> None:
    with pytest.raises(TypeError):
        validate_before_save("Comment.body")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        validate_before_save(Comment.body, locale="fr")
    with pytest.raises(ValueError):
        validate_before_save(Comment.body, locale="tiếng Việt")


def test_locale_takes_any_spelling_of_a_language_tag(engine: Engine) -> None:
    validate_before_save(Comment.body, locale="en_US")
    try:
        with Session(engine) as session:
            session.add(Comment(body=SHORT))
            with pytest.raises(CommentRejected) as caught:
                session.commit()
        assert str(caught.value) == "A comment needs at least 10 Vietnamese words; this one has 4."
    finally:
        validate_before_save(Comment.body)


# --- values the database computes, and what bypasses the unit of work ------------------------


def test_an_sql_expression_is_computed_by_the_database_not_judged(engine: Engine) -> None:
    with Session(engine) as session:
        comment = Comment(body=GOOD)
        session.add(comment)
        session.commit()
        comment.body = Comment.body + " Cảm ơn."  # type: ignore[assignment]
        session.commit()
        assert comment.body == GOOD + " Cảm ơn."
        comment.body = func.replace(Comment.body, "rất hay", "hay")  # type: ignore[assignment]
        session.commit()
        assert comment.body == GOOD.replace("rất hay", "hay") + " Cảm ơn."


def test_an_sql_expression_in_a_new_object_is_not_judged(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Comment(body=func.trim("   hay quá   ")))
        session.commit()
        assert session.scalars(select(Comment.body)).one() == "hay quá"


def test_a_literal_string_is_still_judged(engine: Engine, statements: list[str]) -> None:
    with Session(engine) as session:
        session.add(Comment(body=literal(SHORT)))
        with pytest.raises(CommentRejected) as caught:
            session.commit()
    assert caught.value.codes == ("too_short",)
    assert "INSERT" not in statements


def test_legacy_bulk_methods_bypass_the_hook_as_documented(engine: Engine) -> None:
    """docs/sqlalchemy.md says so: these emit no flush events. The test keeps the docs true."""
    with Session(engine) as session:
        session.bulk_insert_mappings(Comment, [{"body": SHORT}])  # type: ignore[arg-type]
        session.bulk_save_objects([Comment(body=SHORT)])
        session.commit()
    assert count(engine) == 2
