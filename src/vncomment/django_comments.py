"""django-contrib-comments: a comment form and a moderator that judge comments in Vietnamese.

The form is where a reader sees why: ``VietnameseCommentForm.clean_comment`` rejects a comment with
the Vietnamese message (one error per violation, each with our ``code``), and the comments app
shows the form again (``comments/preview.html``) with the reader's text kept. Use it from the
site's comments app (the package named by ``COMMENTS_APP``)::

    # mysite/comments/__init__.py
    def get_form():
        from vncomment.django_comments import VietnameseCommentForm
        return VietnameseCommentForm

The moderator guards the model being commented on, whatever form posted the comment:
``allow()`` refuses a bad comment (the app answers 400 and nothing is saved), or, with
``on_violation = "hold"``, ``moderate()`` saves it unpublished (``is_public=False``) for a human
to decide. It runs on the ``comment_will_be_posted`` signal, before the comment is saved::

    from django_comments.moderation import moderator
    from vncomment.django_comments import VietnameseCommentModerator

    moderator.register(Article, VietnameseCommentModerator)

Messages follow the active language, as in :mod:`vncomment.django`; the rules default to
:data:`vncomment.rules.DEFAULT`, or are a subclass's ``comment_rules``.
"""

# Django and django-contrib-comments ship no type information: their names are Any here.
# mypy: disable-error-code="import-untyped,misc"

from __future__ import annotations

from typing import Any, ClassVar, Literal

try:
    from django_comments.forms import CommentForm
    from django_comments.moderation import CommentModerator
except ImportError as error:  # pragma: no cover - exercised only without the app installed
    raise ImportError(
        "vncomment.django_comments needs django-contrib-comments:"
        " pip install 'vncomment[comments]'"
    ) from error

import vncomment
from vncomment.django import CommentValidator
from vncomment.rules import Rule

__all__ = ["VietnameseCommentForm", "VietnameseCommentModerator"]


class VietnameseCommentForm(CommentForm):
    """django-contrib-comments' ``CommentForm`` whose comment must pass ``comment_rules``.

    Its own checks (the profanity list, the honeypot, the security hash) still run first.
    Subclass it to change the rules::

        class ReviewForm(VietnameseCommentForm):
            comment_rules = MinSyllables(5) & NoLinks()
    """

    comment_rules: ClassVar[Rule | None] = None

    def clean_comment(self) -> str:
        comment: str = super().clean_comment()
        CommentValidator(self.comment_rules)(comment)  # ValidationError with our codes
        return comment


class VietnameseCommentModerator(CommentModerator):
    """A ``CommentModerator`` that also judges each comment's text with vncomment.

    ``on_violation``: ``"reject"`` (default) makes ``allow()`` refuse a bad comment, which is
    then never saved; ``"hold"`` makes ``moderate()`` keep it unpublished for a moderator.
    ``comment_rules`` defaults to :data:`vncomment.rules.DEFAULT`. The options of
    ``CommentModerator`` (``enable_field``, ``auto_close_field``, ``email_notification`` ...)
    keep working.
    """

    comment_rules: ClassVar[Rule | None] = None
    on_violation: ClassVar[Literal["reject", "hold"]] = "reject"

    def __init__(self, model: Any) -> None:
        if self.on_violation not in ("reject", "hold"):
            raise ValueError(
                f"{type(self).__name__}.on_violation must be 'reject' or 'hold',"
                f" got {self.on_violation!r}"
            )
        if self.comment_rules is not None and not isinstance(self.comment_rules, Rule):
            raise TypeError(
                f"comment_rules must be a vncomment Rule, got {type(self.comment_rules).__name__}"
            )
        super().__init__(model)

    def passes(self, comment: Any) -> bool:
        """Whether the comment's text passes ``comment_rules``."""
        return vncomment.validate(str(comment.comment or ""), self.comment_rules).ok

    def allow(self, comment: Any, content_object: Any, request: Any) -> bool:
        if not super().allow(comment, content_object, request):
            return False
        return self.on_violation != "reject" or self.passes(comment)

    def moderate(self, comment: Any, content_object: Any, request: Any) -> bool:
        if super().moderate(comment, content_object, request):
            return True
        return self.on_violation == "hold" and not self.passes(comment)
