"""vncomment with Django REST Framework: a real APIView and ModelSerializer saving to SQLite in
memory, requests made with DRF's APIRequestFactory and rendered as a client receives them."""

# Django must be configured before most of its modules are imported:
# ruff: noqa: E402

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import django_site
import pytest

django_site.configure()

from django.db import connection, models
from django.test import override_settings
from django.utils import translation
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from vncomment.django import CommentValidator, validate_before_save
from vncomment.rules import MinSyllables, NoLinks, NoPhoneNumbers

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
SHORT = "Hay quá bạn ơi"
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."
FULL_DETAILS = override_settings(
    REST_FRAMEWORK={"EXCEPTION_HANDLER": "vncomment.drf.exception_handler"}
)


class ApiComment(models.Model):
    author = models.CharField(max_length=100)
    body = models.TextField(validators=[CommentValidator(MinSyllables(5) & NoLinks())])

    class Meta:
        app_label = django_site.APP_LABEL


validate_before_save(ApiComment, "body")  # the last guard, with the field's rules


class ApiCommentSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    class Meta:
        model = ApiComment
        fields = ("id", "author", "body")


class CommentsView(APIView):
    authentication_classes = ()  # an open comment API: no session, no CSRF check

    def post(self, request: Request) -> Response:
        serializer = ApiCommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data, status=status.HTTP_201_CREATED)


class ContactSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """A plain serializer: the validator on a field of DRF's own."""

    message = serializers.CharField(
        validators=[CommentValidator(MinSyllables(5) & NoPhoneNumbers())]
    )


@pytest.fixture(autouse=True)
def table() -> Iterator[None]:
    with connection.schema_editor() as editor:
        editor.create_model(ApiComment)
    with translation.override("vi"):
        yield
    with connection.schema_editor() as editor:
        editor.delete_model(ApiComment)


def post(body: str, author: str = "Lan") -> tuple[int, Any]:
    request = APIRequestFactory().post(
        "/api/comments/", {"author": author, "body": body}, format="json"
    )
    response = CommentsView.as_view()(request)
    response.render()
    return response.status_code, json.loads(response.content)


def test_good_comment_is_created() -> None:
    code, data = post(GOOD)
    assert code == 201
    assert data["body"] == GOOD
    assert ApiComment.objects.get().body == GOOD


def test_the_field_s_rules_are_the_serializer_s_and_the_hook_s() -> None:
    """Five syllables pass the field's rules; the pre_save hook agrees, so no 500."""
    code, _ = post("Bài viết rất hay, cảm ơn bạn")
    assert code == 201
    assert ApiComment.objects.count() == 1


def test_default_response_has_the_vietnamese_message_and_nothing_is_saved() -> None:
    code, data = post("Hay, xem abc chấm com")
    assert code == 400
    assert data == {"body": [
        "Bình luận cần tối thiểu 5 chữ tiếng Việt; bình luận của bạn mới có 2 chữ.",
        "Bình luận không được chứa liên kết (abc chấm com).",
    ]}
    assert ApiComment.objects.count() == 0


@FULL_DETAILS
def test_exception_handler_sends_our_codes_beside_the_messages() -> None:
    code, data = post("Hay, xem abc chấm com")
    assert code == 400
    assert data == {"body": [
        {"message": "Bình luận cần tối thiểu 5 chữ tiếng Việt; bình luận của bạn mới có 2 chữ.",
         "code": "too_short"},
        {"message": "Bình luận không được chứa liên kết (abc chấm com).", "code": "contains_link"},
    ]}
    assert ApiComment.objects.count() == 0


@FULL_DETAILS
def test_exception_handler_keeps_drf_s_own_codes() -> None:
    request = APIRequestFactory().post("/api/comments/", {"body": ""}, format="json")
    response = CommentsView.as_view()(request)
    response.render()
    data = json.loads(response.content)
    assert data["author"][0]["code"] == "required"
    assert data["body"][0]["code"] == "blank"


@FULL_DETAILS
def test_exception_handler_leaves_other_errors_alone() -> None:
    request = APIRequestFactory().get("/api/comments/")
    response = CommentsView.as_view()(request)
    response.render()
    assert response.status_code == 405
    assert set(json.loads(response.content)) == {"detail"}


def test_english_when_the_active_language_is() -> None:
    with translation.override("en-us"):
        code, data = post(SHORT)
    assert code == 400
    assert data == {"body": ["A comment needs at least 5 Vietnamese words; this one has 4."]}


def test_plain_serializer_keeps_codes_on_error_details() -> None:
    serializer = ContactSerializer(data={"message": "Cần mua thì gọi 0912 345 678 nhé"})
    assert not serializer.is_valid()
    (detail,) = serializer.errors["message"]
    assert detail.code == "contains_phone"
    assert str(detail) == "Bình luận không được chứa số điện thoại (0912 345 678)."
    assert ContactSerializer(data={"message": "Cảm ơn bài viết rất hay"}).is_valid()


def test_percent_in_a_message_reaches_the_client_once() -> None:
    field = serializers.CharField(validators=[CommentValidator()])
    with pytest.raises(serializers.ValidationError) as caught:
        field.run_validation("Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay")
    (detail,) = caught.value.detail
    assert detail.code == "missing_diacritics"
    assert "100% số chữ" in str(detail)


def test_without_drf_the_import_names_the_extra() -> None:
    """Where DRF is missing (blocked in a fresh interpreter), the error says what to
    install."""
    code = "import sys; sys.modules['rest_framework.exceptions'] = None; import vncomment.drf"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "pip install 'vncomment[drf]'" in result.stderr
