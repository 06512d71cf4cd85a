"""vncomment.django on a real Django with SQLite in memory: a model with the pre_save hook, a
ModelForm and a plain Form with the validator, the validator inside a migration, fixtures, SQL
expressions and a site's own gettext wording."""

# Django must be configured before most of its modules are imported:
# ruff: noqa: E402

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import django_site
import pytest

django_site.configure()

# Imported after configure(): these read the settings.
from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.db import connection, models
from django.db.migrations.writer import MigrationWriter
from django.db.models import F, Value
from django.db.models.functions import Concat, Replace
from django.test import override_settings
from django.utils import translation

import vncomment.rules
from vncomment.analysis import Analysis
from vncomment.django import CommentValidator, validate_before_save
from vncomment.messages import BUILT_IN
from vncomment.report import Violation
from vncomment.rules import AnyOf, MinSyllables, NoLinks, NoPhoneNumbers, Rule

GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
SHORT = "Hay quá bạn ơi"
UNMARKED_WITH_LINK = "Bai viet rat hay, cam on tac gia nhe, moi nguoi xem them o abc.com"
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


class Comment(models.Model):
    body = models.TextField()
    note = models.TextField(default="", blank=True)

    class Meta:
        app_label = django_site.APP_LABEL


class ValidatedComment(models.Model):
    body = models.TextField(validators=[CommentValidator()])

    class Meta:
        app_label = django_site.APP_LABEL


LENIENT = MinSyllables(5) & NoLinks()


class LenientComment(models.Model):
    """The issue's case: the field's rules are not the default; the hook must use them."""

    body = models.TextField(validators=[CommentValidator(LENIENT)])

    class Meta:
        app_label = django_site.APP_LABEL


class LenientForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = LenientComment
        fields = ("body",)


class CommentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ValidatedComment
        fields = ("body",)


class ContactForm(forms.Form):
    comment = forms.CharField(validators=[CommentValidator(MinSyllables(5) & NoPhoneNumbers())])


class PendingComment(Comment):
    """A proxy, as an admin's moderation queue has: its saves send it, not Comment, as sender."""

    class Meta:
        proxy = True
        app_label = django_site.APP_LABEL


class ReplyComment(Comment):
    """A multi-table child: its own table, the body in Comment's."""

    parent_note = models.TextField(default="")

    class Meta:
        app_label = django_site.APP_LABEL


validate_before_save(Comment, "body")
validate_before_save(LenientComment, "body")

MODELS = (Comment, ValidatedComment, LenientComment, ReplyComment)


@pytest.fixture(autouse=True)
def tables() -> Iterator[None]:
    with connection.schema_editor() as editor:
        for model in MODELS:
            editor.create_model(model)
    with translation.override("vi"):
        yield
    with connection.schema_editor() as editor:
        for model in MODELS:
            editor.delete_model(model)


def codes_of(error: ValidationError) -> list[str]:
    return [e.code for e in error.error_list]


# --- the validator alone ---------------------------------------------------------------------


def test_validator_accepts_a_good_comment() -> None:
    assert CommentValidator()(GOOD) is None


def test_validator_gives_one_error_per_violation_with_code_and_params() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentValidator()(UNMARKED_WITH_LINK)
    assert codes_of(caught.value) == ["missing_diacritics", "contains_link"]
    link_error = caught.value.error_list[1]
    assert link_error.params is not None and link_error.params["url"] == "abc.com"
    assert caught.value.messages[1] == "Bình luận không được chứa liên kết (abc.com)."


def test_percent_sign_in_a_message_survives_django_formatting() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentValidator()("Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay")
    (message,) = caught.value.messages
    assert "100% số chữ" in message


@dataclass(frozen=True)
class _NoAllCaps(Rule):
    """A site's own rule whose violation has no params: Django does not %-format it."""

    def violations(self, analysis: Analysis) -> list[Violation]:
        text = analysis.normalized.original
        if text.isupper():
            return [Violation("all_caps", {}, (0, len(text)), template="100% chữ in hoa")]
        return []


def test_percent_sign_in_a_message_without_params_is_not_doubled() -> None:
    with pytest.raises(ValidationError) as caught:
        CommentValidator(_NoAllCaps())("BÀI VIẾT RẤT HAY")
    assert caught.value.messages == ["100% chữ in hoa"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", TOO_SHORT_VI),
        ("vi-vn", TOO_SHORT_VI),
        ("vi-VN", TOO_SHORT_VI),
        ("en", "A comment needs at least 10 Vietnamese words; this one has 4."),
        ("en-gb", "A comment needs at least 10 Vietnamese words; this one has 4."),
        ("fr", "A comment needs at least 10 Vietnamese words; this one has 4."),
    ],
)
def test_message_follows_the_active_language(language: str, expected: str) -> None:
    with translation.override(language), pytest.raises(ValidationError) as caught:
        CommentValidator()(SHORT)
    with translation.override(language):
        assert caught.value.messages == [expected]


def test_message_is_rendered_when_shown_not_when_raised() -> None:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        CommentValidator()(SHORT)
    assert caught.value.messages == [TOO_SHORT_VI]  # shown under the "vi" of the fixture


def test_validator_rejects_non_rules() -> None:
    with pytest.raises(TypeError):
        CommentValidator("MinSyllables(5)")  # type: ignore[arg-type]


EQUALITY = [
    ("default", CommentValidator(), CommentValidator(), True),
    ("same rules", CommentValidator(MinSyllables(5)), CommentValidator(MinSyllables(5)), True),
    ("other rules", CommentValidator(MinSyllables(5)), CommentValidator(MinSyllables(6)), False),
    ("default vs rules", CommentValidator(), CommentValidator(MinSyllables(10)), False),
]


@pytest.mark.parametrize(("label", "a", "b", "equal"), EQUALITY, ids=[e[0] for e in EQUALITY])
def test_equality(label: str, a: CommentValidator, b: CommentValidator, equal: bool) -> None:
    assert (a == b) is equal
    if equal:
        assert hash(a) == hash(b)


# --- migrations ------------------------------------------------------------------------------

SERIALIZED = [
    ("default", CommentValidator()),
    ("one rule", CommentValidator(MinSyllables(5))),
    ("composed", CommentValidator(MinSyllables(5) & NoLinks(allow=("báo.vn",), emails=False))),
    ("or inside and", CommentValidator(MinSyllables(3) & (NoLinks() | NoPhoneNumbers()))),
    ("lone AnyOf", CommentValidator(AnyOf(NoLinks()))),
    ("the default rule", CommentValidator(vncomment.rules.DEFAULT)),
]


@pytest.mark.parametrize(("label", "validator"), SERIALIZED, ids=[s[0] for s in SERIALIZED])
def test_migration_writer_serializes_a_validator_that_evaluates_back(
    label: str, validator: CommentValidator
) -> None:
    source, imports = MigrationWriter.serialize(validator)
    assert source.startswith("vncomment.django.CommentValidator(")
    namespace: dict[str, Any] = {}
    exec("\n".join(sorted(imports)), namespace)
    assert eval(source, namespace) == validator


def test_model_field_with_validator_deconstructs() -> None:
    field = ValidatedComment._meta.get_field("body")
    _, _, _, kwargs = field.deconstruct()
    assert kwargs["validators"] == [CommentValidator()]


# --- forms -----------------------------------------------------------------------------------


def test_model_form_saves_a_good_comment() -> None:
    form = CommentForm(data={"body": GOOD})
    assert form.is_valid(), form.errors
    form.save()
    assert ValidatedComment.objects.count() == 1


def test_model_form_rejects_with_our_codes_and_vietnamese_messages() -> None:
    form = CommentForm(data={"body": SHORT})
    assert not form.is_valid()
    assert form.errors["body"] == [TOO_SHORT_VI]
    assert [e["code"] for e in form.errors.get_json_data()["body"]] == ["too_short"]
    assert ValidatedComment.objects.count() == 0


def test_model_form_checks_updates() -> None:
    saved = CommentForm(data={"body": GOOD})
    assert saved.is_valid()
    instance = saved.save()
    form = CommentForm(data={"body": "xem ở abc chấm com"}, instance=instance)
    assert not form.is_valid()
    codes = [e["code"] for e in form.errors.get_json_data()["body"]]
    assert codes == ["too_short", "contains_link"]
    instance.refresh_from_db()
    assert instance.body == GOOD


def test_plain_form_with_custom_rules() -> None:
    assert ContactForm(data={"comment": "Cảm ơn bài viết rất hay"}).is_valid()
    form = ContactForm(data={"comment": "Cần mua thì gọi 0912 345 678 nhé"})
    assert not form.is_valid()
    assert [e["code"] for e in form.errors.get_json_data()["comment"]] == ["contains_phone"]
    assert form.errors["comment"] == ["Bình luận không được chứa số điện thoại (0912 345 678)."]


# --- the pre_save hook -----------------------------------------------------------------------


def test_hook_saves_a_good_comment() -> None:
    Comment.objects.create(body=GOOD)
    assert Comment.objects.get().body == GOOD


def test_hook_rejects_a_bad_comment_and_writes_nothing() -> None:
    with pytest.raises(ValidationError) as caught:
        Comment.objects.create(body=UNMARKED_WITH_LINK)
    errors = caught.value.error_dict["body"]
    assert [e.code for e in errors] == ["missing_diacritics", "contains_link"]
    assert caught.value.message_dict["body"][1] == "Bình luận không được chứa liên kết (abc.com)."
    assert Comment.objects.count() == 0


def test_hook_checks_updates() -> None:
    comment = Comment.objects.create(body=GOOD)
    comment.body = SHORT
    with pytest.raises(ValidationError) as caught:
        comment.save()
    assert [e.code for e in caught.value.error_dict["body"]] == ["too_short"]
    assert Comment.objects.get().body == GOOD


@pytest.mark.parametrize("model", [PendingComment, ReplyComment], ids=["proxy", "child"])
def test_hook_judges_proxies_and_subclasses_of_the_model(model: type[Comment]) -> None:
    with pytest.raises(ValidationError) as caught:
        model.objects.create(body=UNMARKED_WITH_LINK)
    assert [e.code for e in caught.value.error_dict["body"]] == [
        "missing_diacritics", "contains_link"]
    assert Comment.objects.count() == 0
    comment = model.objects.create(body=GOOD)
    comment.body = SHORT
    with pytest.raises(ValidationError):
        comment.save()
    assert Comment.objects.get().body == GOOD
    loaded = model.objects.get()
    loaded.save()  # unchanged text, remembered at post_init: not re-judged
    assert Comment.objects.get().body == GOOD


def test_hook_skips_saves_that_leave_the_field_out() -> None:
    Comment.objects.create(body=GOOD)
    comment = Comment.objects.get()
    comment.body = SHORT  # not written: update_fields below leaves it out
    comment.note = "ghi chú"
    comment.save(update_fields=["note"])
    assert Comment.objects.get().body == GOOD
    assert Comment.objects.get().note == "ghi chú"


def test_hook_connects_once_and_a_second_call_replaces_the_rules() -> None:
    from django.db.models.signals import pre_save

    before = len(pre_save.receivers)
    validate_before_save(Comment, "body")
    validate_before_save(Comment, "body")
    assert len(pre_save.receivers) == before
    with pytest.raises(ValidationError) as caught:
        Comment.objects.create(body=SHORT)
    assert len(caught.value.error_dict["body"]) == 1
    try:
        validate_before_save(Comment, "body", MinSyllables(3))
        assert len(pre_save.receivers) == before
        Comment.objects.create(body=SHORT)  # four syllables are enough now
        with pytest.raises(ValidationError):
            Comment.objects.create(body="Hay quá")
        assert Comment.objects.count() == 1
    finally:
        validate_before_save(Comment, "body")


def test_hook_refuses_an_unknown_field() -> None:
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldDoesNotExist):
        validate_before_save(Comment, "bodi")


# --- one rule set per field ------------------------------------------------------------------


def test_hook_uses_the_rules_of_the_field_s_validator() -> None:
    """A form that accepts a comment and a save() that then rejects it would be a 500."""
    form = LenientForm(data={"body": "Bài viết rất hay, cảm ơn bạn"})
    assert form.is_valid(), form.errors
    form.save()  # the hook judges with LENIENT too: no ValidationError
    assert LenientComment.objects.count() == 1
    with pytest.raises(ValidationError) as caught:
        LenientComment.objects.create(body="Hay, xem abc chấm com")
    assert [e.code for e in caught.value.error_dict["body"]] == ["too_short", "contains_link"]
    assert LenientComment.objects.count() == 1


def test_hook_given_the_field_s_own_rules_is_fine() -> None:
    validate_before_save(LenientComment, "body", MinSyllables(5) & NoLinks())
    validate_before_save(ValidatedComment, "body", vncomment.rules.DEFAULT)
    try:
        with pytest.raises(ValidationError):
            ValidatedComment.objects.create(body=SHORT)
    finally:
        from django.db.models.signals import post_init, pre_save

        uid = "vncomment:django_site.ValidatedComment.body"
        pre_save.disconnect(dispatch_uid=uid)
        post_init.disconnect(dispatch_uid=uid)
        validate_before_save(LenientComment, "body")


def test_hook_refuses_other_rules_than_the_field_s() -> None:
    with pytest.raises(ImproperlyConfigured, match="the field's validator is CommentValidator"):
        validate_before_save(LenientComment, "body", MinSyllables(10))
    with pytest.raises(ImproperlyConfigured):
        validate_before_save(ValidatedComment, "body", MinSyllables(10))
    # The refused call changed nothing: the field's rules still apply.
    LenientComment.objects.create(body="Bài viết rất hay, cảm ơn bạn")


def test_hook_refuses_what_is_not_a_rule() -> None:
    with pytest.raises(TypeError):
        validate_before_save(Comment, "body", "MinSyllables(5)")  # type: ignore[arg-type]


# --- values the database computes, fixtures, and what sends no signal -------------------------


def test_an_f_expression_is_computed_by_the_database_not_judged() -> None:
    comment = Comment.objects.create(body=GOOD)
    comment.body = Concat(F("body"), Value(" Cảm ơn."))
    comment.save()
    comment.refresh_from_db()
    assert comment.body == GOOD + " Cảm ơn."
    comment.body = Replace(F("body"), Value("rất hay"), Value("hay"))
    comment.save()  # the stored text was judged when it was written; SQL only transforms it
    comment.refresh_from_db()
    assert comment.body == GOOD.replace("rất hay", "hay") + " Cảm ơn."


def test_a_literal_value_expression_is_still_judged() -> None:
    with pytest.raises(ValidationError) as caught:
        Comment.objects.create(body=Value(SHORT))
    assert [e.code for e in caught.value.error_dict["body"]] == ["too_short"]
    assert Comment.objects.count() == 0


def test_validator_leaves_expressions_to_the_database() -> None:
    assert CommentValidator()(F("body")) is None
    with pytest.raises(ValidationError):
        CommentValidator()(Value(SHORT))


def test_loaddata_restores_rows_the_hook_would_now_reject(tmp_path: Path) -> None:
    """A fixture (a backup, a test fixture) holds comments published under earlier rules;
    loaddata saves them raw and the hook leaves them alone."""
    fixture = tmp_path / "comments.json"
    rows = [{"model": "django_site.comment", "pk": 7, "fields": {"body": SHORT, "note": ""}}]
    fixture.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    call_command("loaddata", str(fixture), verbosity=0)
    assert Comment.objects.get(pk=7).body == SHORT
    comment = Comment.objects.get(pk=7)
    comment.body = SHORT + " nhé"
    with pytest.raises(ValidationError):
        comment.save()  # an ordinary save that changes its text is judged as always


def test_an_old_comment_is_not_judged_again_unless_its_text_changes() -> None:
    """As with SQLAlchemy: publishing an old comment, or editing another field, must not fail
    because the rules became stricter since it was written."""
    Comment.objects.bulk_create([Comment(body=SHORT)])  # written before the rules were stricter
    comment = Comment.objects.get()
    comment.note = "đã duyệt"
    comment.save()
    assert Comment.objects.get().note == "đã duyệt"
    comment.body = "Hay quá bạn ơi!"
    with pytest.raises(ValidationError):
        comment.save()
    assert Comment.objects.get().body == SHORT


def test_a_new_object_is_judged_even_with_a_primary_key() -> None:
    with pytest.raises(ValidationError):
        Comment(pk=41, body=SHORT).save()
    assert Comment.objects.count() == 0


def test_a_deferred_text_is_neither_loaded_nor_judged() -> None:
    Comment.objects.bulk_create([Comment(body=SHORT)])
    comment = Comment.objects.only("note").get()
    assert "body" not in comment.__dict__
    comment.note = "ghi chú"
    comment.save()  # Django writes only the loaded fields: body is left out
    assert "body" not in comment.__dict__
    assert Comment.objects.get().note == "ghi chú"


def test_bulk_and_queryset_updates_bypass_the_hook_as_documented() -> None:
    """docs/django.md says so: these send no pre_save signal. The test keeps the docs true."""
    Comment.objects.bulk_create([Comment(body=SHORT)])
    comment = Comment.objects.get()
    comment.body = "ngắn"
    Comment.objects.bulk_update([comment], ["body"])
    Comment.objects.update(note="x")
    assert Comment.objects.get().body == "ngắn"


# --- a site's own wording, through Django's gettext ---------------------------------------------


def _compile_po(po: str, target: Path) -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_locales.py"
    spec = importlib.util.spec_from_file_location("build_locales", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(".po").write_text(po, encoding="utf-8")
    target.write_bytes(build.mo_bytes(build.parse_po(po)))


def _po_entry(key: str, msgstr: str) -> str:
    return f'msgctxt "{key}"\nmsgid "{BUILT_IN["en"][key]}"\nmsgstr "{msgstr}"\n'


def test_a_site_rewords_and_translates_with_its_own_django_po(tmp_path: Path) -> None:
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    _compile_po(
        header + _po_entry("too_short", "Viết thêm đi bạn: mới {count}/{min} chữ."),
        tmp_path / "vi" / "LC_MESSAGES" / "django.mo",
    )
    _compile_po(
        header + _po_entry("too_short", "Au moins {min} mots vietnamiens, pas {count}."),
        tmp_path / "fr" / "LC_MESSAGES" / "django.mo",
    )
    with override_settings(LOCALE_PATHS=[str(tmp_path)]):
        with translation.override("vi"), pytest.raises(ValidationError) as caught:
            CommentValidator()("Hay quá, xem abc chấm com")
        with translation.override("vi"):
            assert caught.value.messages == [
                "Viết thêm đi bạn: mới 3/10 chữ.",
                "Bình luận không được chứa liên kết (abc chấm com).",  # not reworded: ours
            ]
        with translation.override("fr"):
            assert caught.value.messages[0] == "Au moins 10 mots vietnamiens, pas 3."
            assert caught.value.messages[1] == "Comments may not contain links (abc chấm com)."
        with translation.override("en"):  # Django gives English no fallback to LANGUAGE_CODE
            assert caught.value.messages[0] == (
                "A comment needs at least 10 Vietnamese words; this one has 3."
            )
    with translation.override("vi"):
        assert caught.value.messages[0] == TOO_SHORT_VI.replace("4 chữ", "3 chữ")
