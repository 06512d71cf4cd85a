"""The message catalogue: every key has a natural message in both locales; language tags;
rewording and new languages, checked; the gettext files in step with the catalogue."""

from __future__ import annotations

import copy
import gettext
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import vncomment
from vncomment import messages, validate
from vncomment.messages import (
    BUILT_IN,
    CATALOGUES,
    CLI_WORDS,
    LOCALES,
    PARAMS,
    VIOLATION_CODES,
    catalogue_from_gettext,
    register_catalogue,
    render,
    resolve_locale,
    template_for,
)
from vncomment.rules import MaxSyllables, MinSyllables, NoPhoneNumbers, Rule

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "src" / "vncomment" / "locale"

CODES = {"too_short", "too_long", "repetitive", "missing_diacritics", "contains_link",
         "contains_phone"}
BAD = {
    "too_short": "ngắn quá",
    "repetitive": "á á á á á á á á á á",
    "missing_diacritics": "toi khong biet nguoi ta noi gi ve chuyen nay nua ban a",
    "contains_link": "Mời các bạn ghé xem tại trang abc chấm com để biết thêm chi tiết nhé",
}


@pytest.fixture(autouse=True)
def shipped_catalogues(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts from, and leaves, the catalogues as shipped."""
    monkeypatch.setattr(messages, "CATALOGUES", copy.deepcopy(BUILT_IN))
    yield


def test_catalogues_cover_every_key() -> None:
    assert set(LOCALES) == {"vi", "en"}
    assert set(VIOLATION_CODES) == CODES
    for locale in LOCALES:
        assert set(CATALOGUES[locale]) == set(PARAMS) == CODES | set(CLI_WORDS)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("key", sorted(PARAMS))
def test_templates_name_only_their_params(key: str, locale: str) -> None:
    named = set(messages._PLACEHOLDER.findall(BUILT_IN[locale][key]))
    assert named <= PARAMS[key], named - PARAMS[key]


PRODUCED = [
    ("too_short", "ngắn quá", None),
    ("too_long", "Bài viết rất hay, cảm ơn tác giả nhiều", MaxSyllables(3)),
    ("repetitive", "á á á á á á á á á á", None),
    ("missing_diacritics", "toi khong biet nguoi ta noi gi ve chuyen nay nua ban a", None),
    ("contains_link", "Mời các bạn ghé xem tại trang abc chấm com để biết thêm chi tiết", None),
    ("contains_phone", "Liên hệ mình qua số 0912 345 678 nhé", NoPhoneNumbers()),
]


@pytest.mark.parametrize(("code", "text", "rules"), PRODUCED, ids=[p[0] for p in PRODUCED])
def test_params_are_the_ones_the_rules_produce(code: str, text: str, rules: Rule | None) -> None:
    """PARAMS decides which placeholders a site may use: it must follow the rules' params."""
    (violation,) = [v for v in validate(text, rules).violations if v.code == code]
    assert set(violation.params) == PARAMS[code], (
        f"{code}'s params changed: update vncomment.messages.PARAMS[{code!r}] (and the catalogue"
        " if a template used a param that is gone), then run scripts/build_locales.py"
    )


def test_cli_words_are_in_the_catalogue() -> None:
    assert template_for("cli.rejected", "vi") == "BỊ TỪ CHỐI"
    assert template_for("cli.ok", "en-GB") == "OK"
    total = render(template_for("cli.total", "vi_VN"), {"total": 3, "ok": 2, "rejected": 1})
    assert total == "Tổng cộng 3 bình luận: 2 đạt, 1 bị từ chối."


# --- language tags -----------------------------------------------------------------------------

TAGS = [
    ("vi", "vi"), ("VI", "vi"), ("vi-VN", "vi"), ("vi_VN", "vi"), ("vi-vn", "vi"),
    ("vi_VN.UTF-8", "vi"), (" vi ", "vi"), ("en", "en"), ("en-US", "en"), ("en_GB", "en"),
    ("EN-us", "en"), ("en-Latn-US", "en"),
]


@pytest.mark.parametrize(("tag", "locale"), TAGS)
def test_language_tags_resolve_to_their_base_language(tag: str, locale: str) -> None:
    assert resolve_locale(tag) == locale


@pytest.mark.parametrize("tag", ["vi", "vi-VN", "vi_VN", "VI-vn"])
def test_validate_accepts_any_spelling_of_vietnamese(tag: str) -> None:
    report = validate("Hay quá bạn ơi", locale=tag)
    assert report.locale == "vi"
    assert report.violations[0].message.startswith("Bình luận cần tối thiểu 10 chữ")


def test_validate_accepts_english_variants() -> None:
    report = validate("Hay quá bạn ơi", locale="en-US")
    assert report.violations[0].message.startswith("A comment needs at least 10")


@pytest.mark.parametrize("tag", ["fr", "vn", "zh-Hant-TW"])
def test_a_language_without_a_catalogue_is_an_error_unless_a_default_is_given(tag: str) -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        validate("Hay quá bạn ơi", locale=tag)
    assert resolve_locale(tag, default="en") == "en"


@pytest.mark.parametrize("tag", ["", "v", "vi--VN", "vi VN", "tiếng Việt", "vi-VN-"])
def test_what_is_no_language_tag_is_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="not a language tag"):
        resolve_locale(tag)
    with pytest.raises(ValueError):
        resolve_locale(tag, default="en")  # a default never hides a malformed tag


def test_a_locale_must_be_a_str() -> None:
    with pytest.raises(TypeError):
        resolve_locale(None)  # type: ignore[arg-type]


# --- rewording and new languages -------------------------------------------------------------


def test_a_site_rewords_one_message_and_keeps_the_others() -> None:
    register_catalogue("vi", {"too_short": "Viết thêm vài chữ nữa nhé: mới {count}/{min} chữ."})
    (v,) = validate("Hay quá bạn ơi").violations
    assert v.message == "Viết thêm vài chữ nữa nhé: mới 4/10 chữ."
    (phone,) = validate("Liên hệ mình qua số 0912 345 678 nhé", NoPhoneNumbers()).violations
    assert phone.message == BUILT_IN["vi"]["contains_phone"].format(phone="0912 345 678")


def test_a_site_adds_a_language_missing_keys_fall_back_to_english() -> None:
    register_catalogue("fr-CA", {"too_short": "Il faut au moins {min} mots; il y en a {count}."})
    report = validate("Hay quá, xem abc chấm com", locale="fr_CA")
    assert report.locale == "fr-ca"
    assert [v.message for v in report.violations] == [
        "Il faut au moins 10 mots; il y en a 3.",
        "Comments may not contain links (abc chấm com).",
    ]
    # fr-CA is no catalogue for fr, nor for fr-FR: only a tag and its base language match.
    with pytest.raises(ValueError):
        validate("Hay quá", locale="fr-FR")


def test_a_regional_variant_overrides_only_what_it_names() -> None:
    register_catalogue("vi-VN", {"contains_link": "Không dán đường dẫn ({link}) vào bình luận."})
    texts = "Hay quá, xem abc chấm com"
    assert [v.message for v in validate(texts, locale="vi-VN").violations] == [
        "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 3 chữ.",
        "Không dán đường dẫn (abc chấm com) vào bình luận.",
    ]
    assert validate(texts, locale="vi").violations[1].message == (
        "Bình luận không được chứa liên kết (abc chấm com)."
    )


def test_a_rule_s_own_message_still_wins() -> None:
    register_catalogue("vi", {"too_short": "Ngắn quá."})
    (v,) = validate("Hay quá", MinSyllables(5, message="Cần {min} chữ.")).violations
    assert v.message == "Cần 5 chữ."


BAD_REGISTRATIONS = [
    ("unknown key", "vi", {"too_shrt": "Ngắn quá."}, "unknown message key 'too_shrt'"),
    ("unknown placeholder", "vi", {"too_short": "Cần {minimum} chữ."}, r"names \{minimum\}"),
    ("placeholder of another key", "vi", {"contains_link": "Có số {phone}."}, "names"),
    ("empty template", "vi", {"too_short": " "}, "non-empty str"),
    ("not a str", "vi", {"too_short": 10}, "non-empty str"),
    ("bad tag", "tiếng Việt", {"too_short": "Ngắn."}, "not a language tag"),
]


@pytest.mark.parametrize(
    ("label", "locale", "templates", "error"),
    BAD_REGISTRATIONS,
    ids=[b[0] for b in BAD_REGISTRATIONS],
)
def test_bad_registrations_are_refused_and_change_nothing(
    label: str, locale: str, templates: dict[str, object], error: str
) -> None:
    before = copy.deepcopy(messages.CATALOGUES)
    with pytest.raises(ValueError, match=error):
        register_catalogue(locale, {"too_long": "Dài quá: {count} chữ.", **templates})  # type: ignore[dict-item]
    assert before == messages.CATALOGUES


# --- gettext ---------------------------------------------------------------------------------


def _build_locales() -> ModuleType:
    script = ROOT / "scripts" / "build_locales.py"
    spec = importlib.util.spec_from_file_location("build_locales", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_po_and_mo_are_in_step_with_the_catalogue() -> None:
    build = _build_locales()
    po = (LOCALE_DIR / "vi" / "LC_MESSAGES" / "vncomment.po").read_text(encoding="utf-8")
    assert po == build.po_text("vi"), "run python scripts/build_locales.py"
    assert (LOCALE_DIR / "vncomment.pot").read_text(encoding="utf-8") == build.po_text(None)
    mo = (LOCALE_DIR / "vi" / "LC_MESSAGES" / "vncomment.mo").read_bytes()
    assert mo == build.mo_bytes(build.parse_po(po))


def test_po_header_names_source_version_and_licence() -> None:
    head = (LOCALE_DIR / "vi" / "LC_MESSAGES" / "vncomment.po").read_text(encoding="utf-8")[:600]
    assert "Source: src/vncomment/messages.py" in head
    assert "Version: vncomment" in head
    assert "Licence: MIT" in head


def test_gettext_reads_the_shipped_mo_as_the_catalogue() -> None:
    translations = gettext.translation("vncomment", LOCALE_DIR, ["vi_VN"])
    for key in PARAMS:
        assert translations.pgettext(key, BUILT_IN["en"][key]) == BUILT_IN["vi"][key]
    assert catalogue_from_gettext(translations) == BUILT_IN["vi"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_gnu_msgfmt_accepts_the_po_files(tmp_path: Path) -> None:
    for po in [LOCALE_DIR / "vi" / "LC_MESSAGES" / "vncomment.po", LOCALE_DIR / "vncomment.pot"]:
        subprocess.run(
            ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
            check=True, capture_output=True,
        )


def test_a_site_translates_the_pot_and_registers_it(tmp_path: Path) -> None:
    """The whole gettext round trip: fill in the template, compile it, register it."""
    build = _build_locales()
    pot = (LOCALE_DIR / "vncomment.pot").read_text(encoding="utf-8")
    french = pot.replace(
        'msgid "A comment needs at least {min} Vietnamese words; this one has {count}."\nmsgstr ""',
        'msgid "A comment needs at least {min} Vietnamese words; this one has {count}."\n'
        'msgstr "Il faut au moins {min} mots vietnamiens; il y en a {count}."',
    )
    assert french != pot
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vncomment.po").write_text(french, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_locales.py"), "--compile",
         str(folder / "vncomment.po")],
        check=True, capture_output=True, text=True,
    )
    assert result.stdout.strip().endswith("vncomment.mo")
    assert build.parse_po(french)[1][0] == "too_short"
    translations = gettext.translation("vncomment", tmp_path, ["fr"])
    register_catalogue("fr", catalogue_from_gettext(translations))
    (v,) = vncomment.validate("Hay quá", locale="fr-FR").violations
    assert v.message == "Il faut au moins 10 mots vietnamiens; il y en a 2."


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("code", sorted(BAD))
def test_messages_render_without_leftover_placeholders(code: str, locale: str) -> None:
    report = validate(BAD[code], locale=locale)
    (violation,) = [v for v in report.violations if v.code == code]
    assert violation.message and "{" not in violation.message


def test_vietnamese_messages_read_naturally() -> None:
    (v,) = validate("Hay quá bạn ơi").violations
    assert v.message == (
        "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."
    )
    link = validate(BAD["contains_link"]).violations[0]
    assert link.message == "Bình luận không được chứa liên kết (abc chấm com)."


def test_phone_message() -> None:
    text = "Liên hệ mình qua số 0912 345 678 nhé"
    (v,) = validate(text, NoPhoneNumbers()).violations
    assert v.message == "Bình luận không được chứa số điện thoại (0912 345 678)."


def test_render_fills_only_plain_names() -> None:
    assert render("{a} và {b}", {"a": 1, "b": [2, 3]}) == "1 và 2, 3"
    assert render("{missing} {a.__class__}", {"a": 1}) == "{missing} {a.__class__}"
