"""vncomment.pydantic: the error type is our code, the message Vietnamese, all violations kept."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from vncomment.pydantic import MAX_DETAILED, CommentRules, VietnameseComment
from vncomment.rules import MinSyllables, NoLinks, NoPhoneNumbers

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


class CommentIn(BaseModel):
    author: str
    body: VietnameseComment


class ShortNote(BaseModel):
    note: Annotated[str, CommentRules(MinSyllables(3) & NoPhoneNumbers(), locale="en")]


class Bounded(BaseModel):
    # Constraints go before the marker, so that pydantic keeps them on its str schema.
    body: Annotated[str, Field(max_length=50), CommentRules()]


def only_error(error: ValidationError) -> dict[str, object]:
    (found,) = error.errors()
    return dict(found)


def test_good_comment_is_accepted_unchanged() -> None:
    assert CommentIn(author="Lan", body=GOOD).body == GOOD


def test_one_violation_gives_our_code_and_vietnamese_message() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentIn(author="Lan", body="Hay quá bạn ơi")
    error = only_error(caught.value)
    assert error["type"] == "too_short"
    assert error["loc"] == ("body",)
    assert error["msg"] == TOO_SHORT_VI
    assert error["ctx"] == {
        "codes": ["too_short"],
        "violation_count": 1,
        "violations": [
            {"code": "too_short", "message": TOO_SHORT_VI, "span": None,
             "params": {"min": 10, "count": 4}},
        ],
        "message": TOO_SHORT_VI,
    }


def test_several_violations_first_code_all_messages_full_list() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentIn(author="Lan", body="xem ở abc chấm com và tinhte.vn")
    error = only_error(caught.value)
    assert error["type"] == "too_short"
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["codes"] == ["too_short", "contains_link", "contains_link"]
    assert [v["span"] for v in ctx["violations"]][1:] == [[6, 18], [22, 31]]
    links = [
        "Bình luận không được chứa liên kết (abc chấm com).",
        "Bình luận không được chứa liên kết (tinhte.vn).",
    ]
    assert [v["message"] for v in ctx["violations"]][1:] == links
    too_short = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 3 chữ."
    assert error["msg"] == " ".join([too_short, *links])


BRACES = [
    ("ctx key last", "xem abc.com/{message}", "abc.com/{message}"),
    ("ctx keys before it", "xem http://abc.com/{codes}?q={violations}",
     "http://abc.com/{codes}?q={violations}"),
    ("str.format and % syntax", "http://a.vn/%(count)s{0}{}", "http://a.vn/%(count)s{0}{}"),
]


@pytest.mark.parametrize(("label", "text", "link"), BRACES, ids=[b[0] for b in BRACES])
def test_braces_in_the_comment_are_never_a_template(label: str, text: str, link: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Annotated[str, CommentRules(NoLinks())]).validate_python(text)
    assert only_error(caught.value)["msg"] == f"Bình luận không được chứa liên kết ({link})."


def test_custom_rules_and_english() -> None:
    assert ShortNote(note="Giao hàng nhanh").note == "Giao hàng nhanh"
    with pytest.raises(ValidationError) as caught:
        ShortNote(note="Mua hàng gọi 0912.345.678")
    error = only_error(caught.value)
    assert error["type"] == "contains_phone"
    assert error["msg"] == "Comments may not contain phone numbers (0912.345.678)."


def test_pydantic_constraints_still_apply() -> None:
    with pytest.raises(ValidationError) as caught:
        Bounded(body=GOOD)
    assert [e["type"] for e in caught.value.errors()] == ["string_too_long"]


def test_non_strings_are_pydantic_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentIn(author="Lan", body=12345)  # type: ignore[arg-type]
    assert only_error(caught.value)["type"] == "string_type"


def test_json_schema_is_a_string() -> None:
    assert CommentIn.model_json_schema()["properties"]["body"]["type"] == "string"


def test_marker_is_frozen_comparable_and_checked() -> None:
    assert CommentRules(MinSyllables(3)) == CommentRules(MinSyllables(3))
    assert hash(CommentRules()) == hash(CommentRules())
    with pytest.raises(TypeError):
        CommentRules("MinSyllables(3)")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CommentRules(locale="fr")


def test_locale_is_any_spelling_of_a_language_tag() -> None:
    adapter = TypeAdapter(Annotated[str, CommentRules(MinSyllables(3), locale="en_US")])
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("Hay quá")
    assert only_error(caught.value)["msg"] == (
        "A comment needs at least 3 Vietnamese words; this one has 2."
    )
    assert CommentRules(locale="vi-VN").locale == "vi-VN"
    with pytest.raises(ValueError):
        CommentRules(locale="tiếng Việt")


def test_an_error_details_a_bounded_number_of_violations() -> None:
    """A comment made of links must not make an error (a 422 response) quadratic in size."""
    links = " ".join(f"site{i}.com" for i in range(300))
    with pytest.raises(ValidationError) as caught:
        CommentIn(author="Lan", body=f"Bài viết rất hay, cảm ơn tác giả đã chia sẻ. {links}")
    error = only_error(caught.value)
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["violation_count"] == 300 and len(ctx["codes"]) == 300
    assert len(ctx["violations"]) == MAX_DETAILED
    assert ctx["violations"][-1]["message"] == (
        f"Bình luận không được chứa liên kết (site{MAX_DETAILED - 1}.com)."
    )
    assert str(error["msg"]).count("Bình luận không được chứa liên kết") == MAX_DETAILED
    assert len(caught.value.json()) < 30_000  # 14 KB; 90 KB when every violation was detailed
