"""vncomment.django_comments in a real Django project with django-contrib-comments installed:
comments posted through the app's own view (``/comments/post/``) to SQLite in memory."""

# Django must be configured before most of its modules are imported:
# ruff: noqa: E402

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import django_site
import pytest

django_site.configure()

# Imported after configure(): these need the apps loaded.
from django.db import connection, models
from django.test import Client, override_settings
from django.utils import translation
from django_comments.models import Comment
from django_comments.moderation import moderator

from vncomment.django_comments import VietnameseCommentForm, VietnameseCommentModerator
from vncomment.rules import MinSyllables, NoLinks

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
SHORT = "Hay quá bạn ơi"
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


class Article(models.Model):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = django_site.APP_LABEL


class Photo(models.Model):
    caption = models.CharField(max_length=200)

    class Meta:
        app_label = django_site.APP_LABEL


class HoldingModerator(VietnameseCommentModerator):
    on_violation = "hold"


class ShortReviewForm(VietnameseCommentForm):
    comment_rules = MinSyllables(3) & NoLinks()


moderator.register(Article, VietnameseCommentModerator)
moderator.register(Photo, HoldingModerator)


@pytest.fixture(autouse=True)
def tables() -> Iterator[None]:
    with connection.schema_editor() as editor:
        editor.create_model(Article)
        editor.create_model(Photo)
    with translation.override("vi"):
        yield
    Comment.objects.all().delete()
    with connection.schema_editor() as editor:
        editor.delete_model(Article)
        editor.delete_model(Photo)


def post(target: models.Model, text: str, form_class: Any = VietnameseCommentForm) -> Any:
    """Post ``text`` on ``target`` the way a reader's browser does, security fields included."""
    data = form_class(target).generate_security_data()
    data.update(name="Lan", email="lan@example.vn", url="", comment=text)
    return Client().post("/comments/post/", data)


# --- the form, through the comments app's view ------------------------------------------------


def test_form_saves_a_good_comment() -> None:
    article = Article.objects.create(title="Giá xăng")
    response = post(article, GOOD)
    assert response.status_code == 302, response.content[:500]
    saved = Comment.objects.get()
    assert saved.comment == GOOD and saved.is_public
    assert saved.content_object == article


def test_form_shows_the_vietnamese_message_and_saves_nothing() -> None:
    article = Article.objects.create(title="Giá xăng")
    response = post(article, SHORT)
    assert response.status_code == 200  # the preview page, with the form and its errors
    form = response.context["form"]
    assert form.errors["comment"] == [TOO_SHORT_VI]
    assert [e["code"] for e in form.errors.get_json_data()["comment"]] == ["too_short"]
    assert TOO_SHORT_VI in response.content.decode()
    assert SHORT in response.content.decode()  # the reader's text is kept for fixing
    assert Comment.objects.count() == 0


def test_form_gives_one_error_per_violation() -> None:
    article = Article.objects.create(title="Giá xăng")
    response = post(article, "Bai viet hay qua, xem them o abc.com nhe moi nguoi oi")
    codes = [e["code"] for e in response.context["form"].errors.get_json_data()["comment"]]
    assert codes == ["missing_diacritics", "contains_link"]
    assert Comment.objects.count() == 0


def test_form_message_follows_the_active_language() -> None:
    article = Article.objects.create(title="Giá xăng")
    with translation.override("en-us"):
        form = VietnameseCommentForm(article, data={**VietnameseCommentForm(article).initial,
                                                    "name": "Lan", "email": "lan@example.vn",
                                                    "comment": SHORT})
        assert not form.is_valid()
        assert form.errors["comment"] == [
            "A comment needs at least 10 Vietnamese words; this one has 4."
        ]


def test_a_form_subclass_sets_its_own_rules() -> None:
    article = Article.objects.create(title="Giá xăng")
    data = {**ShortReviewForm(article).generate_security_data(), "name": "Lan",
            "email": "lan@example.vn", "comment": SHORT}
    assert ShortReviewForm(article, data=data).is_valid()
    data["comment"] = "Mời các bạn xem ở abc chấm com"
    form = ShortReviewForm(article, data=data)
    assert not form.is_valid()
    assert [e["code"] for e in form.errors.get_json_data()["comment"]] == ["contains_link"]


# --- the moderator, behind the app's stock form -----------------------------------------------

STOCK_FORM = override_settings(COMMENTS_APP="django_comments")


@STOCK_FORM
def test_moderator_rejects_a_bad_comment_the_stock_form_let_through() -> None:
    article = Article.objects.create(title="Giá xăng")
    response = post(article, SHORT)
    assert response.status_code == 400  # "comment_will_be_posted receiver ... killed the comment"
    assert Comment.objects.count() == 0


@STOCK_FORM
def test_moderator_allows_a_good_comment() -> None:
    article = Article.objects.create(title="Giá xăng")
    assert post(article, GOOD).status_code == 302
    assert Comment.objects.get().is_public


@STOCK_FORM
def test_holding_moderator_keeps_a_bad_comment_unpublished() -> None:
    photo = Photo.objects.create(caption="Hồ Gươm")
    assert post(photo, "Đẹp quá, mời xem thêm ở abc chấm com nhé").status_code == 302
    held = Comment.objects.get()
    assert held.comment == "Đẹp quá, mời xem thêm ở abc chấm com nhé"
    assert held.is_public is False


@STOCK_FORM
def test_holding_moderator_publishes_a_good_comment() -> None:
    photo = Photo.objects.create(caption="Hồ Gươm")
    assert post(photo, GOOD).status_code == 302
    assert Comment.objects.get().is_public is True


def test_moderator_options_are_checked() -> None:
    class Typo(VietnameseCommentModerator):
        on_violation = "holdd"  # type: ignore[assignment]

    class NotARule(VietnameseCommentModerator):
        comment_rules = "MinSyllables(3)"  # type: ignore[assignment]

    with pytest.raises(ValueError, match="'reject' or 'hold'"):
        Typo(Article)
    with pytest.raises(TypeError, match="vncomment Rule"):
        NotARule(Article)


def test_without_the_comments_app_the_import_names_the_extra() -> None:
    """Where django-contrib-comments is missing (blocked in a fresh interpreter), the error says
    what to install."""
    code = (
        "import sys; sys.modules['django_comments.forms'] = None; import vncomment.django_comments"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "pip install 'vncomment[comments]'" in result.stderr
