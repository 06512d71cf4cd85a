"""The validation service through its own client (no server started): shapes, limits, errors."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select

import vncomment
from vncomment.report import Report, Violation
from vncomment.server import Settings, create_app, report_json
from vncomment.server import app as server_app
from vncomment.server.demo import Comment

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
UNMARKED = "toi khong biet nguoi ta noi gi ve chuyen nay nua, that la kho hieu qua"
WITH_LINK = "Bài viết rất hay, mọi người xem thêm thông tin chi tiết tại abc chấm com nhé"
PHONE = "Ai cần mua xe cũ thì cứ gọi cho mình theo số 0912 345 678 nhé, giá rất tốt"

client = TestClient(create_app())


def validate(body: Any, app_client: TestClient = client) -> httpx.Response:
    return app_client.post("/v1/validate", json=body)


def without_utf16(data: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(json.dumps(data))
    for violation in data["violations"]:
        del violation["span_utf16"]
        violation["params"].pop("spans_utf16", None)
    return data


# --- POST /v1/validate: the answer ---------------------------------------------------------


def test_the_answer_is_the_shape_of_check_json() -> None:
    command = [sys.executable, "-m", "vncomment", "check", "--json", "--", WITH_LINK]
    printed = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert printed.returncode == 1, printed.stderr
    response = validate({"text": WITH_LINK})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert without_utf16(response.json()) == json.loads(printed.stdout)
    assert response.json()["violations"][0]["code"] == "contains_link"


def test_a_passing_comment() -> None:
    assert validate({"text": GOOD}).json() == {"ok": True, "syllable_count": 19, "violations": []}


def test_spans_in_utf16_units_after_an_emoji() -> None:
    text = "😀😀 " + UNMARKED + " abc chấm com"
    report = validate({"text": text}).json()
    assert not report["ok"]
    utf16 = text.encode("utf-16-le")
    checked = 0
    for violation in report["violations"]:
        pairs = [(violation["span"], violation["span_utf16"])]
        pairs += zip(violation["params"].get("spans", []),
                     violation["params"].get("spans_utf16", []), strict=True)
        for span, units in pairs:
            if span is None:
                assert units is None
                continue
            assert units == [span[0] + 2, span[1] + 2]  # two astral characters before
            assert utf16[units[0] * 2 : units[1] * 2].decode("utf-16-le") == text[span[0] : span[1]]
            checked += 1
    assert checked >= 10  # every unmarked word and the link


def test_without_astral_characters_both_spans_agree() -> None:
    (violation,) = validate({"text": WITH_LINK}).json()["violations"]
    assert violation["span"] == violation["span_utf16"] == [60, 72]
    assert WITH_LINK[60:72] == "abc chấm com"


def test_messages_in_english_on_request() -> None:
    (violation,) = validate({"text": "hay quá", "lang": "en"}).json()["violations"]
    assert violation["code"] == "too_short"
    assert "10" in violation["message"] and "Bình luận" not in violation["message"]


def message_in(locale: str) -> str:
    return vncomment.validate("hay quá", locale=locale).violations[0].message


@pytest.mark.parametrize("tag", ["vi-VN", "vi_VN", "VI", "vi-VN.UTF-8"])
def test_any_vietnamese_tag_is_served_in_vietnamese(tag: str) -> None:
    response = validate({"text": "hay quá", "lang": tag})
    assert response.status_code == 200
    (violation,) = response.json()["violations"]
    assert violation["message"] == message_in("vi")


@pytest.mark.parametrize("tag", ["en-US", "en_GB", "EN"])
def test_any_english_tag_is_served_in_english(tag: str) -> None:
    (violation,) = validate({"texts": ["hay quá"], "lang": tag}).json()["results"][0][
        "violations"]
    assert violation["message"] == message_in("en")


def test_a_region_tag_is_a_valid_server_default() -> None:
    regional = TestClient(create_app(Settings(lang="en-US")))
    (violation,) = validate({"text": "hay quá"}, regional).json()["violations"]
    assert violation["message"] == message_in("en")
    assert Settings.from_env({"VNCOMMENT_LANG": "vi_VN"}).lang == "vi"


def test_a_batch_answers_in_order() -> None:
    response = validate({"texts": [GOOD, UNMARKED, WITH_LINK, GOOD]})
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False
    codes = [[v["code"] for v in r["violations"]] for r in body["results"]]
    assert codes == [[], ["missing_diacritics"], ["contains_link"], []]
    assert validate({"texts": [GOOD, GOOD]}).json()["ok"] is True


def test_a_large_batch_is_judged_off_the_event_loop_with_the_same_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [GOOD, UNMARKED, WITH_LINK, PHONE]
    inline = validate({"texts": texts}).json()
    monkeypatch.setattr(server_app, "_INLINE_CHARS", 0)  # every batch goes to a worker thread
    threaded = validate({"texts": texts}).json()
    assert threaded == inline
    assert [r["ok"] for r in threaded["results"]] == [True, False, False, True]
    expected = report_json(vncomment.validate(UNMARKED))
    assert threaded["results"][1] == json.loads(json.dumps(expected))


def test_a_suggestion_param_flows_through_unchanged() -> None:
    # The restorer adds params["suggestion"] to missing_diacritics; the service passes params on.
    text = "toi khong biet"
    violation = Violation("missing_diacritics", {"spans": [(0, 3), (4, 9)],
                                                 "suggestion": "tôi không biết"}, message="m")
    data = report_json(Report(text, (violation,), 3))
    assert data["violations"][0]["params"]["suggestion"] == "tôi không biết"
    assert data["violations"][0]["params"]["spans_utf16"] == [[0, 3], [4, 9]]


def test_suggestions_are_bounded_per_request_and_nothing_else_changes() -> None:
    """Restoring marks is most of the work on unmarked text: a request gets suggestions for at
    most SUGGESTED_CHARS characters of its texts, in order; the verdicts stay the library's."""
    long = (UNMARKED + " ") * (server_app.SUGGESTED_CHARS * 2 // 5 // (len(UNMARKED) + 1))
    texts = [long, long, long, UNMARKED]  # 2/5, 4/5, then past the budget; the short one fits
    results = validate({"texts": texts}).json()["results"]
    unmarked = [next(v for v in r["violations"] if v["code"] == "missing_diacritics")
                for r in results]
    suggested = ["suggestion" in v["params"] for v in unmarked]
    assert suggested == [True, True, False, True]
    for text, result, violation in zip(texts, results, unmarked, strict=True):
        library = json.loads(json.dumps(report_json(vncomment.validate(text))))
        library_unmarked = next(v for v in library["violations"]
                                if v["code"] == "missing_diacritics")
        assert violation["params"].get("suggestion", library_unmarked["params"]["suggestion"]) \
            == library_unmarked["params"]["suggestion"]
        library_unmarked["params"].pop("suggestion")
        violation["params"].pop("suggestion", None)
        assert result == library
    longest = (long + long)[: server_app.SUGGESTED_CHARS]  # one comment box's longest text
    single = validate({"text": longest}).json()
    assert any("suggestion" in v["params"] for v in single["violations"])


# --- request-level rules: tighten only --------------------------------------------------------

strict_client = TestClient(create_app(Settings(allow_domain=("vnexpress.net", "tuoitre.vn"),
                                               allow_emails=True, max_syllables=60)))
LINKED = "Bài viết rất hay, mọi người đọc thêm bài gốc ở vnexpress.net nhé, cảm ơn tác giả"


def test_the_server_allow_list_applies_and_a_request_may_narrow_it() -> None:
    assert validate({"text": LINKED}, strict_client).json()["ok"] is True
    narrowed = validate({"text": LINKED, "rules": {"allow_domains": ["tuoitre.vn"]}},
                        strict_client).json()
    assert [v["code"] for v in narrowed["violations"]] == ["contains_link"]


def test_a_request_may_tighten_the_rules() -> None:
    tighter = {"min_syllables": 20, "phones": True, "max_syllables": 50, "strictness": 0.9}
    body = validate({"text": PHONE, "rules": tighter}, strict_client).json()
    assert {v["code"] for v in body["violations"]} == {"too_short", "contains_phone"}
    assert body["violations"][0]["params"]["min"] == 20
    assert validate({"text": PHONE}, strict_client).json()["ok"] is True


@pytest.mark.parametrize(
    ("rules", "where"),
    [
        ({"min_syllables": 5}, ["rules", "min_syllables"]),
        ({"max_syllables": 100}, ["rules", "max_syllables"]),
        ({"strictness": 0.1}, ["rules", "strictness"]),
        ({"allow_domains": ["evil.example"]}, ["rules", "allow_domains", 0]),
        ({"min_syllables": True}, ["rules", "min_syllables"]),
        ({"min_syllables": "12"}, ["rules", "min_syllables"]),
        ({"min_syllable": 12}, ["rules", "min_syllable"]),
    ],
)
def test_a_request_may_not_loosen_the_rules_nor_name_unknown_ones(
    rules: dict[str, Any], where: list[Any]
) -> None:
    response = validate({"text": GOOD, "rules": rules}, strict_client)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert [d["loc"] for d in error["details"]] == [where]


def test_switches_move_only_towards_the_stricter_side() -> None:
    email = "Bài viết rất hay, ai cần tài liệu thì gửi thư cho mình theo địa chỉ lan@example.com"
    # The default server rejects e-mail addresses: a request may not allow them ...
    assert validate({"text": email, "rules": {"allow_emails": True}}).status_code == 422
    assert validate({"text": email, "rules": {"allow_emails": 0}}).status_code == 422
    # ... but may say so again; and where the server allows them, a request may refuse them.
    assert validate({"text": email, "rules": {"allow_emails": False}}).json()["ok"] is False
    assert validate({"text": email}, strict_client).json()["ok"] is True
    refused = validate({"text": email, "rules": {"allow_emails": False}}, strict_client).json()
    assert [v["code"] for v in refused["violations"]] == ["contains_link"]
    phones_client = TestClient(create_app(Settings(phones=True)))
    assert validate({"text": PHONE, "rules": {"phones": False}}, phones_client).status_code == 422


# --- errors: one shape --------------------------------------------------------------------------


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


@pytest.mark.parametrize(
    "content", [b"{bad", b"", b'{"text": "a"', '{"text": "á"}'.encode("latin-1")]
)
def test_malformed_json_is_422_invalid_json(content: bytes) -> None:
    response = client.post("/v1/validate", content=content,
                           headers={"Content-Type": "application/json"})
    error_of(response, 422, "invalid_json")


@pytest.mark.parametrize(
    ("body", "where", "kind"),
    [
        ({"text": 5}, ["text"], "string_type"),
        ({"text": None}, ["text"], "string_type"),
        ({"text": ["a"]}, ["text"], "string_type"),
        ({"texts": [GOOD, 5]}, ["texts", 1], "string_type"),
        ({"texts": "abc"}, ["texts"], "list_type"),
        ({"texts": []}, ["texts"], "too_short"),
        ({}, ["text"], "missing"),
        ({"text": GOOD, "texts": [GOOD]}, ["text"], "extra_forbidden"),
        ({"text": GOOD, "lang": "fr"}, ["lang"], "value_error"),
        ({"text": GOOD, "lang": "not a tag"}, ["lang"], "value_error"),
        ({"text": GOOD, "lang": "0.1.0"}, ["lang"], "value_error"),
        ({"text": GOOD, "lang": "vix"}, ["lang"], "value_error"),
        ({"text": GOOD, "lang": 5}, ["lang"], "string_type"),
        ({"text": GOOD, "rules": {"colour": "red"}}, ["rules", "colour"], "extra_forbidden"),
        ({"text": GOOD, "rules": []}, ["rules"], "model_type"),
        ([GOOD], [], "model_type"),
        ("just a string", [], "model_type"),
    ],
)
def test_a_wrong_shape_is_422_with_where_and_what(body: Any, where: list[Any], kind: str) -> None:
    error = error_of(validate(body), 422, "invalid_request")
    assert [(d["loc"], d["type"]) for d in error["details"]] == [(where, kind)]


def test_texts_and_batches_have_documented_limits() -> None:
    small = TestClient(create_app(Settings(max_chars=50, max_batch=3)))
    assert validate({"text": "á" * 50}, small).status_code == 200
    error = error_of(validate({"text": "á" * 51}, small), 422, "invalid_request")
    assert error["details"][0]["type"] == "string_too_long"
    error = error_of(validate({"texts": ["a"] * 4}, small), 422, "invalid_request")
    assert error["details"][0] == {"loc": ["texts"], "type": "too_long",
                                   "message": error["details"][0]["message"]}
    limits = small.get("/v1/rules").json()["limits"]
    assert limits["max_chars"] == 50 and limits["max_batch"] == 3
    # A full batch of the longest texts, each character escaped, still fits in the body limit.
    worst = json.dumps({"texts": ["😀" * 50] * 3}, ensure_ascii=True).encode()
    assert len(worst) <= limits["max_body_bytes"]
    response = small.post("/v1/validate", content=worst)
    assert response.status_code == 200


def test_an_answer_stays_small_however_many_links_a_comment_holds() -> None:
    text = "Xem ngay " + "a.vn " * 990
    response = validate({"text": text})
    body = response.json()
    assert body["violations_total"] == 1 + 990  # too_short, then one per link
    assert len(body["violations"]) == server_app.MAX_VIOLATIONS
    link = body["violations"][1]
    assert link["code"] == "contains_link" and link["params"]["link"] == "a.vn"
    assert len(response.content) < 50_000  # 190 KB with every violation
    unmarked = " ".join(["khong", "biet", "gi", "ca"] * 200)  # the spans to underline: all kept
    violations = validate({"text": unmarked}).json()["violations"]
    (params,) = [v["params"] for v in violations if v["code"] == "missing_diacritics"]
    assert len(params["spans"]) == len(params["spans_utf16"]) > server_app.MAX_VIOLATIONS
    assert "violations_total" not in validate({"text": WITH_LINK}).json()


def test_a_request_has_a_budget_of_characters_in_all() -> None:
    budget = TestClient(create_app(Settings(max_chars=50, max_batch=10, max_total_chars=120)))
    assert validate({"texts": ["á" * 40] * 3}, budget).status_code == 200
    error = error_of(validate({"texts": ["á" * 40] * 3 + ["a"]}, budget), 422, "invalid_request")
    assert error["details"] == [{"loc": ["texts"], "type": "too_long_in_total",
                                 "message": "the texts hold 121 characters in all; "
                                            "a request may hold 120"}]
    limits = budget.get("/v1/rules").json()["limits"]
    assert limits["max_total_chars"] == 120
    assert limits["max_body_bytes"] == 64 * 1024 + 120 * 12  # the budget, every char escaped


def test_unknown_paths_and_methods_answer_in_the_same_shape() -> None:
    error_of(client.get("/v2/validate"), 404, "not_found")
    error_of(client.get("/v1/validate"), 405, "method_not_allowed")


# --- the body limit, enforced while reading -----------------------------------------------------

small_body = Settings(max_chars=100, max_batch=1)  # a limit of 64 KiB + 1,200 bytes


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    app = create_app(small_body)
    read: list[bytes] = []

    async def run() -> list[dict[str, Any]]:
        sent: list[dict[str, Any]] = []
        size = str(small_body.max_body_bytes + 1).encode()
        scope = {"type": "http", "method": "POST", "path": "/v1/validate", "raw_path": b"",
                 "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
                 "server": ("test", 80), "client": ("127.0.0.1", 1),
                 "headers": [(b"content-type", b"application/json"), (b"content-length", size)]}

        async def receive() -> dict[str, Any]:
            read.append(b"")
            return {"type": "http.request", "body": b"{", "more_body": True}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await app(scope, receive, send)
        return sent

    sent = asyncio.run(run())
    assert sent[0]["status"] == 413
    assert read == []  # not a byte of the body was read
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["error"]["code"] == "body_too_large"
    assert str(small_body.max_body_bytes) in body["error"]["message"]


def test_a_chunked_body_is_abandoned_as_soon_as_it_passes_the_limit() -> None:
    app = create_app(small_body)
    chunk = b" " * 16384
    chunks_sent = 0

    async def endless_body() -> AsyncIterator[bytes]:
        nonlocal chunks_sent
        yield b'{"text": "'
        for _ in range(1000):  # 16 MB if it were all read
            chunks_sent += 1
            yield chunk

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return await http.post("/v1/validate", content=endless_body())

    response = asyncio.run(run())
    error_of(response, 413, "body_too_large")
    assert chunks_sent <= small_body.max_body_bytes // len(chunk) + 2


# --- the other routes -----------------------------------------------------------------------


def test_healthz_and_rules_in_force() -> None:
    assert client.get("/healthz").json() == {"status": "ok", "version": vncomment.__version__}
    body = strict_client.get("/v1/rules").json()
    assert body["rules"] == {"min_syllables": 10, "max_syllables": 60, "strictness": 0.6,
                             "allow_domains": ["vnexpress.net", "tuoitre.vn"],
                             "allow_emails": True, "phones": False}
    assert body["rule"].startswith("MinSyllables(10) & MaxSyllables(60)")
    assert body["languages"] == ["vi", "en"]


def test_the_openapi_document_states_the_tighten_only_bounds() -> None:
    document = strict_client.get("/openapi.json").json()
    options = document["components"]["schemas"]["RuleOptions"]["properties"]
    assert options["min_syllables"]["anyOf"][0]["minimum"] == 10
    assert options["max_syllables"]["anyOf"][0]["maximum"] == 60
    assert options["strictness"]["anyOf"][0]["minimum"] == 0.6
    assert options["allow_domains"]["anyOf"][0]["items"]["enum"] == ["vnexpress.net", "tuoitre.vn"]
    body = document["paths"]["/v1/validate"]["post"]["requestBody"]["content"]["application/json"]
    assert len(body["schema"]["oneOf"]) == 2
    assert {"413", "422"} <= set(document["paths"]["/v1/validate"]["post"]["responses"])


def test_the_script_is_served() -> None:
    response = client.get("/vncomment.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert b"aria-live" in response.content and b"AbortController" in response.content


def test_cors_only_for_the_allowed_origins() -> None:
    preflight = {"Origin": "https://news.example.vn", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    cors = TestClient(create_app(Settings(allow_origin=("https://news.example.vn",))))
    response = cors.options("/v1/validate", headers=preflight)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://news.example.vn"
    answer = cors.post("/v1/validate", json={"text": GOOD},
                       headers={"Origin": "https://news.example.vn"})
    assert answer.headers["access-control-allow-origin"] == "https://news.example.vn"
    other = cors.post("/v1/validate", json={"text": GOOD}, headers={"Origin": "https://evil.test"})
    assert "access-control-allow-origin" not in other.headers
    plain = client.post("/v1/validate", json={"text": GOOD},
                        headers={"Origin": "https://news.example.vn"})
    assert "access-control-allow-origin" not in plain.headers


def test_the_access_log_is_structured_and_never_holds_the_comment(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "Bí mật của tôi là số nhà mười hai phố Hàng Bạc, đừng nói với ai nhé bạn"
    with caplog.at_level(logging.INFO, logger="vncomment.server.access"):
        validate({"texts": [secret, UNMARKED]})
        client.post("/v1/validate?text=toi%20khong%20biet", content=b"{bad")
    records = [json.loads(r.getMessage()) for r in caplog.records
               if r.name == "vncomment.server.access"]
    assert records[0]["path"] == "/v1/validate" and records[0]["status"] == 200
    assert records[0]["texts"] == 2 and records[0]["rejected"] == 1
    assert records[0]["bytes_in"] > len(secret) and records[0]["ms"] >= 0
    assert records[1]["status"] == 422 and records[1]["path"] == "/v1/validate"
    logged = " ".join(r.getMessage() for r in caplog.records)
    for word in ("Bí mật", "Hàng Bạc", "khong", "toi", "biet", "bad"):
        assert word not in logged


# --- settings from the environment ---------------------------------------------------------


def test_settings_from_environment_variables() -> None:
    settings = Settings.from_env({
        "VNCOMMENT_PORT": "9000", "VNCOMMENT_ALLOW_ORIGIN": "https://a.vn, https://b.vn/",
        "VNCOMMENT_MIN_SYLLABLES": "12", "VNCOMMENT_ALLOW_DOMAIN": "VnExpress.net",
        "VNCOMMENT_PHONES": "yes", "VNCOMMENT_STRICTNESS": "0.7", "VNCOMMENT_MAX_SYLLABLES": "",
    }, port=9001)
    assert settings.port == 9001  # given values win over the environment
    assert settings.allow_origin == ("https://a.vn", "https://b.vn")
    assert settings.allow_domain == ("vnexpress.net",)
    assert (settings.min_syllables, settings.phones, settings.strictness) == (12, True, 0.7)
    assert settings.max_syllables is None
    assert Settings.from_json(settings.to_json()) == settings


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({"VNCOMMENT_PORT": "eighty"}, "VNCOMMENT_PORT"),
        ({"VNCOMMENT_PHONES": "maybe"}, "VNCOMMENT_PHONES"),
        ({"VNCOMMENT_STRICTNESS": "2"}, "strictness"),
        ({"VNCOMMENT_MIN_SYLLABLES": "20", "VNCOMMENT_MAX_SYLLABLES": "10"}, "max_syllables"),
        ({"VNCOMMENT_LANG": "fr"}, "lang"),
        ({"VNCOMMENT_PORT": "99999"}, "port must be between 0 and 65535"),
        ({"VNCOMMENT_WORKERS": "100000"}, "workers must be at most"),  # no fork of each
    ],
)
def test_bad_settings_are_refused_with_the_name(environ: dict[str, str], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        Settings.from_env(environ)


# --- the demo: the pre-save hook keeps bad comments out -----------------------------------------


def count_rows(db: Path) -> int:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        query = select(func.count()).select_from(Comment.__table__)
        return int(connection.execute(query).scalar_one())


def test_demo_saves_good_comments_and_lists_them_newest_first(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    demo = TestClient(create_app(Settings(demo=True, db=str(db))))
    page = demo.get("/")
    assert page.status_code == 200 and 'data-vncomment' in page.text
    assert '<script src="/vncomment.js"' in page.text
    for author, body in (("Lan", GOOD), ("Minh", GOOD.replace("rất hay", "bổ ích"))):
        response = demo.post("/comments", data={"author": author, "body": body},
                             follow_redirects=False)
        assert response.status_code == 303
    listed = demo.get("/").text
    assert listed.index("Minh") < listed.index("Lan")  # newest first
    assert "Ý kiến bạn đọc (2)" in listed
    assert count_rows(db) == 2


def test_demo_rejected_post_shows_messages_and_leaves_the_table_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    demo = TestClient(create_app(Settings(demo=True, db=str(db))))
    demo.post("/comments", data={"author": "Lan", "body": GOOD})
    before = count_rows(db)
    response = demo.post("/comments", data={"author": "Hùng", "body": UNMARKED + " abc chấm com"})
    assert response.status_code == 422
    assert "Mời bạn viết tiếng Việt có dấu" in response.text
    assert "Bình luận không được chứa liên kết (abc chấm com)." in response.text
    assert UNMARKED in response.text  # the reader's text is kept in the box
    assert count_rows(db) == before
    nameless = demo.post("/comments", data={"author": " ", "body": GOOD})
    assert nameless.status_code == 422 and "Mời bạn nhập tên" in nameless.text
    assert count_rows(db) == before
    for spam_name in ("kiemtien.com", "Lan ở kiemtien chấm com"):
        named = demo.post("/comments", data={"author": spam_name, "body": GOOD})
        assert named.status_code == 422 and "Tên hiển thị không được chứa liên kết" in named.text
    assert count_rows(db) == before
    script = demo.post("/comments", data={"author": "<script>x</script>", "body": "<b>hay</b>"})
    assert "<script>x</script>" not in script.text and "&lt;b&gt;hay&lt;/b&gt;" in script.text
