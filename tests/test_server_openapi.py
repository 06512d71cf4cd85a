"""The service's OpenAPI document, fuzzed with schemathesis: no 500, every answer as documented.

Schemathesis draws bodies from the document (valid ones, and with ``GenerationMode.all`` also
invalid ones) and runs its checks on each answer: not a server error, status code and content
type documented, body matching the documented schema, schema-valid data accepted and invalid
data rejected. The app is built with a short text limit and an allow-list, so the limits and the
"tighten only" bounds of ``rules`` are within reach of the drawn examples.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from vncomment.server import Settings, create_app  # noqa: E402

# Two servers: the default one (e-mail addresses refused, no allow-list: the strictest bounds),
# and one with an allow-list, e-mails allowed, a syllable ceiling and small limits.
default_schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings()))
custom_schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(
    Settings(max_chars=300, max_batch=5, allow_domain=("vnexpress.net", "tuoitre.vn"),
             allow_emails=True, phones=True, max_syllables=200)
))
bounded = settings(max_examples=60, deadline=None, derandomize=True,
                   suppress_health_check=list(HealthCheck))


@default_schema.parametrize()
@bounded
def test_every_answer_of_the_default_server_is_documented(case: schemathesis.Case) -> None:
    case.call_and_validate()


@custom_schema.parametrize()
@bounded
def test_every_answer_of_a_configured_server_is_documented(case: schemathesis.Case) -> None:
    case.call_and_validate()
