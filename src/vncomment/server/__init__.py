"""vncomment over HTTP: a validation service and a live comment box (extra ``server``).

>>> from vncomment.server import Settings, create_app
>>> app = create_app(Settings(min_syllables=12, allow_domain=("vnexpress.net",)))

``vncomment serve`` runs it with uvicorn; see docs/server.md for the API.
"""

from __future__ import annotations

try:
    import fastapi  # noqa: F401
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "vncomment.server needs the server extra: pip install 'vncomment[server]'"
    ) from error

from vncomment.server.app import create_app, report_json
from vncomment.server.settings import Settings

__all__ = ["Settings", "create_app", "report_json"]
