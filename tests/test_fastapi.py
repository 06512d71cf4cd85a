"""vncomment.pydantic as a FastAPI request body field, through FastAPI's test client."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

from vncomment.pydantic import VietnameseComment

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."

app = FastAPI()
saved: list[str] = []


class CommentIn(BaseModel):
    author: str
    body: VietnameseComment


@app.post("/comments")
def post_comment(comment: CommentIn) -> dict[str, int]:
    saved.append(comment.body)
    return {"id": len(saved)}


client = TestClient(app)


def test_good_comment_is_accepted() -> None:
    before = len(saved)
    response = client.post("/comments", json={"author": "Lan", "body": GOOD})
    assert response.status_code == 200
    assert saved[before:] == [GOOD]


def test_bad_comment_gets_422_with_our_code_and_vietnamese_message() -> None:
    before = len(saved)
    response = client.post("/comments", json={"author": "Lan", "body": "Hay quá, xem abc chấm com"})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["type"] == "too_short"
    assert error["loc"] == ["body", "body"]
    assert error["msg"].startswith("Bình luận cần tối thiểu 10 chữ tiếng Việt;")
    assert "Bình luận không được chứa liên kết (abc chấm com)." in error["msg"]
    assert [v["code"] for v in error["ctx"]["violations"]] == ["too_short", "contains_link"]
    assert error["ctx"]["violations"][1]["span"] == [13, 25]
    assert len(saved) == before


def test_missing_diacritics_is_reported_by_code() -> None:
    body = "Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay"
    response = client.post("/comments", json={"author": "Lan", "body": body})
    assert response.status_code == 422
    assert [e["type"] for e in response.json()["detail"]] == ["missing_diacritics"]
