"""Django REST Framework: vncomment's codes in the API's error response.

DRF needs nothing special to *check* a comment: :class:`vncomment.django.CommentValidator` works
on a serializer field (``serializers.CharField(validators=[CommentValidator()])``), and a
``ModelSerializer`` copies it from the model field. DRF turns each of its errors into an
``ErrorDetail`` that keeps our ``code`` (``too_short``, ``contains_link`` ...), so
``serializer.errors["body"][0].code`` and ``ValidationError.get_full_details()`` have it.

What DRF does not do is *send* the codes: its default exception handler answers
``{"body": ["Bình luận cần tối thiểu 10 chữ ..."]}``, messages only. :func:`exception_handler`
answers with the full details instead, every message beside its code, for every validation error
of the API (DRF's own codes too: ``required``, ``blank``, ``max_length``)::

    REST_FRAMEWORK = {"EXCEPTION_HANDLER": "vncomment.drf.exception_handler"}

    # 400 {"body": [{"message": "Bình luận cần tối thiểu 10 chữ ...", "code": "too_short"}]}

It is a site-wide choice (clients that read ``errors["body"][0]`` as a string must read
``["message"]``), which is why it is a setting to opt into and not a default. Other exceptions
get DRF's own response unchanged.
"""

# DRF ships no type information (djangorestframework-stubs is a separate project).
# mypy: disable-error-code="import-untyped"

from __future__ import annotations

from typing import Any

try:
    from rest_framework.exceptions import ValidationError
except ImportError as error:  # pragma: no cover - exercised only without DRF installed
    raise ImportError(
        "vncomment.drf needs Django REST Framework: pip install 'vncomment[drf]'"
    ) from error

__all__ = ["exception_handler"]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Any:
    """DRF's exception handler, with ``{"message", "code"}`` for each validation error."""
    # Imported here: rest_framework.views reads the Django settings when it is imported.
    from rest_framework.views import exception_handler as drf_exception_handler

    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = exc.get_full_details()
    return response
