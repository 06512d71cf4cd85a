"""The diacritics restorer: what it changes, what it never touches, models saved and loaded, the
rule's suggestion and the two commands (real subprocesses). Fixtures written for the project."""

from __future__ import annotations

import gzip
import pickle
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st
from unidecode import unidecode

import vncomment
from vncomment import analyze, validate
from vncomment.diacritics import judge
from vncomment.restore import Model, candidates, default_model, load, restore, train
from vncomment.rules import RequireDiacritics

# --- fixtures ------------------------------------------------------------------------------

TELEX = [
    ("Tooi yeeu Vieetj Nam", "Tôi yêu Việt Nam"),
    ("Hoom nay ddi hocj muoonj quas", "Hôm nay đi học muộn quá"),
    ("DDaay laf nguowif Vieetj", "Đây là người Việt"),
    ("Baif vieets raats hay, tacs giar vieets toots!", "Bài viết rất hay, tác giả viết tốt!"),
    ("TOOI KHOONG BIEETS", "TÔI KHÔNG BIẾT"),
]
VIQR = [
    ("Vie^.t Nam vo^ ddi.ch", "Việt Nam vô địch"),
    ("To^i ye^u Vie^.t Nam", "Tôi yêu Việt Nam"),
    ("Ngu+o+`i ta no'i gi`?", "Người ta nói gì?"),
]
# Comments typed without marks (>= 10 syllables), as a reader on a phone types them.
PLAIN_COMMENTS = [
    "toi khong biet nguoi ta noi gi ve chuyen nay ca",
    "Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay.",
    "hom nay troi mua to qua nen toi o nha doc bao ca ngay",
    "Gia xang tang lien tuc nhu the nay thi nguoi dan song sao noi?",
    "doi tuyen Viet Nam da choi rat tot trong tran dau toi qua, chuc mung!",
    "Minh thay chinh sach nay hop ly, mong duoc ap dung som tren ca nuoc 👍",
]
# A site's own published comments, for training a model in a test.
SITE_COMMENTS = [
    "Hôm nay trời đẹp quá, tôi đi dạo công viên.",
    "Cảm ơn bạn đã chia sẻ bài viết rất hay.",
    "Tôi đồng ý với ý kiến của bạn.",
    "Bài viết hay quá, cảm ơn tác giả.",
    "Giá xăng tăng thì giá cả đều tăng.",
    "Trời mưa to quá, đường ngập hết rồi.",
    "toi khong dong y voi bai viet nay chut nao ca",  # typed without marks: not learnt
]

PLAIN_WORDS = (
    "toi khong biet nguoi ta noi gi ve chuyen nay ca hom troi mua to qua nen o nha doc bao "
    "gia xang tang lien tuc nhu the thi dan song sao doi tuyen viet nam choi rat tot tran dau "
    "chuc mung minh thay chinh sach hop ly mong duoc ap dung som tren nuoc con cho xe ra"
).split()
MARKED_WORDS = "tôi không biết người Việt Nam hôm nay trời đẹp quá cảm ơn bạn rất nhiều".split()
OTHER = [
    "2024", "100k", "19", "😀", "👍🏻", "🇻🇳", "!!", "?", ":)", "...", "(", ")", "\"", "-",
    "https://vnexpress.net/bai-viet-hay-123.html", "abc@gmail.com", "Covid", "love", "ok",
    "TP.HCM", "iPhone", "www.example.com",
]
SEPARATORS = [" ", "  ", ", ", ". ", "\n", " - ", "\t", "! "]
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def _cased(word: str, how: int) -> str:
    return (word, word.capitalize(), word.upper())[how]


def _comment(pieces: list[tuple[str, int]], separators: list[str]) -> str:
    out = []
    for (word, how), sep in zip(pieces, separators, strict=False):
        out += [_cased(word, how), sep]
    return "".join(out)


pieces = st.lists(
    st.tuples(st.sampled_from(PLAIN_WORDS + MARKED_WORDS + OTHER), st.integers(0, 2)),
    min_size=1,
    max_size=25,
)
separators = st.lists(st.sampled_from(SEPARATORS), min_size=25, max_size=25)


# --- what changes and what does not ------------------------------------------------------


def _plain_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the syllables typed without marks (as the analysis reads them), outside links."""
    analysis = analyze(text)
    links = [link.span for link in analysis.links]
    return [
        t.span
        for t in analysis.tokens
        if t.typed is None and t.syllable is not None and not t.syllable.marked
        and not any(a <= t.span[0] < b for a, b in links)
    ]


@given(pieces, separators)
def test_restoring_changes_only_the_marks_of_plain_syllables(words, seps):
    text = _comment(words, seps)
    restored = restore(text)
    assert len(restored) == len(text)  # a restored letter is one letter, NFC
    inside = {i for start, end in _plain_spans(text) for i in range(start, end)}
    for i, (before, after) in enumerate(zip(text, restored, strict=True)):
        if i not in inside:
            assert after == before, (text, restored, i)
        else:  # the same base letter, in the same case
            assert unidecode(after) == before or (before in "dD" and after in "đĐ")
            assert after.isupper() == before.isupper()


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_text_keeps_everything_outside_its_syllables(text):
    restored = restore(text)
    analysis = analyze(text)
    links = [link.span for link in analysis.links]
    spans = [
        t.span
        for t in analysis.tokens
        if t.kind == "syllable" and not any(a <= t.span[0] < b for a, b in links)
    ]
    # outside the syllables the text is the same, piece by piece
    pattern, last = [], 0
    for start, end in spans:
        pattern.append(regex.escape(text[last:start]))
        last = end
    pattern.append(regex.escape(text[last:]))
    assert regex.fullmatch("(?s)" + ".*?".join(pattern), restored), (text, restored)


@given(
    st.lists(
        st.tuples(st.sampled_from([*MARKED_WORDS, "cho", "con", "xe", "ra", "trong", *OTHER]),
                  st.integers(0, 1)),
        min_size=1,
        max_size=25,
    ),
    separators,
)
def test_an_accented_comment_comes_back_unchanged(words, seps):
    text = _comment(words, seps)
    syllables = analyze(text).syllables
    assume(any(t.syllable is not None and t.syllable.marked for t in syllables))
    assume(not judge(analyze(text)).unmarked_text)
    assert restore(text) == text


@pytest.mark.parametrize(("typed", "expected"), TELEX + VIQR)
def test_typed_keystrokes_are_decoded_exactly(typed, expected):
    assert restore(typed) == expected


VNI = [
    ("Vie65t Nam vo6 d9i5ch", "Việt Nam vô địch"),
    ("To6i ye6u Vie65t Nam", "Tôi yêu Việt Nam"),
]


@pytest.mark.parametrize(("typed", "expected"), VNI)
def test_vni_keystrokes_are_decoded_exactly(typed, expected):
    if all(t.typed is None for t in analyze(typed).tokens):
        pytest.skip("this version of vncomment.typed does not read VNI yet")
    assert restore(typed) == expected


def test_plain_words_of_an_accented_comment_stay_but_slips_are_restored():
    assert restore("Con mèo nhà tôi ra xe") == "Con mèo nhà tôi ra xe"
    assert restore("Cảm ơn bạn, bai viet hay lắm") == "Cảm ơn bạn, bài viết hay lắm"


def test_a_typical_comment_is_restored_with_its_case_and_emoji():
    assert restore("Cam on ban rat nhieu! 😀") == "Cảm ơn bạn rất nhiều! 😀"
    assert restore("cam on ban") == "cảm ơn bạn"  # each also an English word, but no English
    assert restore("I can see the man") == "I can see the man"  # English stays English
    assert restore("HOM NAY TOI DI HOC") == "HÔM NAY TÔI ĐI HỌC"
    text = "Xem them o https://vnexpress.net/bai-viet nhe, gia 100k thoi"
    restored = restore(text)
    assert "https://vnexpress.net/bai-viet" in restored and "100k" in restored
    assert restored.startswith("Xem thêm")


def test_nfd_input_is_left_alone_where_marked():
    nfd = unicodedata.normalize("NFD", "Việt Nam vo dich")
    restored = restore(nfd)
    assert restored.startswith(unicodedata.normalize("NFD", "Việt Nam"))


def test_candidates_come_from_the_grammar():
    assert set(candidates("viet")) == {"viết", "việt"}  # a stop coda: sắc or nặng only
    assert "người" in candidates("nguoi") and "nguơi" not in candidates("nguoi")
    assert {"hòa", "hoà"} <= set(candidates("hoa"))  # both tone placements
    assert "đi" in candidates("di") and candidates("xyz") == ()


def test_restore_takes_only_text():
    with pytest.raises(TypeError):
        restore(b"toi")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        restore("toi", model=3)  # type: ignore[arg-type]


def test_the_package_is_callable_and_exported():
    assert vncomment.restore("Cam on ban rat nhieu") == restore("Cam on ban rat nhieu")
    assert vncomment.restore.train is train
    assert "restore" in vncomment.__all__


# --- the rule's suggestion ---------------------------------------------------------------


@pytest.mark.parametrize("comment", PLAIN_COMMENTS)
def test_the_suggestion_passes_the_diacritics_rule(comment):
    report = validate(comment)
    found = [v for v in report.violations if v.code == "missing_diacritics"]
    assert found, comment
    suggestion = found[0].params["suggestion"]
    assert suggestion != comment
    assert unidecode(suggestion) == unidecode(comment)
    assert "missing_diacritics" not in validate(suggestion).codes, suggestion


def test_no_suggestion_is_computed_for_accepted_comments():
    report = validate("Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.")
    assert report.ok


# --- models: train, save, load, compare --------------------------------------------------


@pytest.fixture(scope="module")
def site_model() -> Model:
    return train(SITE_COMMENTS, header=["test comments"])


def test_training_learns_from_accented_comments_only(site_model):
    assert site_model.count("quá") == 3
    assert site_model.count("không") == 0  # the unaccented comment is skipped
    assert site_model.count("dong") == 0
    assert restore("troi mua to qua", model=site_model) == "trời mưa to quá"


def test_save_and_load_round_trip(site_model, tmp_path):
    path = tmp_path / "site.model.gz"
    site_model.save(path)
    loaded = Model.load(path)
    assert loaded == site_model and hash(loaded) == hash(site_model)
    assert loaded.vocab == site_model.vocab and loaded.bigrams == site_model.bigrams
    assert loaded.header == site_model.header == ("test comments",)
    for text in PLAIN_COMMENTS:
        assert restore(text, model=loaded) == restore(text, model=site_model)
        assert restore(text, model=str(path)) == restore(text, model=site_model)
    assert load(path) is load(str(path))  # read once
    assert pickle.loads(pickle.dumps(site_model)) == site_model
    assert train(SITE_COMMENTS[:3]) != site_model
    assert "forms" in repr(loaded) and str(path) in repr(loaded)


def test_a_file_that_is_no_model_is_refused(tmp_path):
    junk = tmp_path / "junk.gz"
    junk.write_bytes(b"not gzip at all")
    with pytest.raises(ValueError, match="not a vncomment restorer model"):
        Model.load(junk)
    wrong = tmp_path / "wrong.gz"
    wrong.write_bytes(gzip.compress(b"# something else\n"))
    with pytest.raises(ValueError, match="not a vncomment restorer model"):
        Model.load(wrong)
    cut = tmp_path / "cut.gz"
    text = gzip.decompress(Path(default_model_file()).read_bytes())
    cut.write_bytes(gzip.compress(text[: len(text) // 2]))
    with pytest.raises(ValueError):
        Model.load(cut)
    stray = tmp_path / "stray.gz"
    stray.write_bytes(gzip.compress(
        "# vncomment-restorer 1\n%unigrams 1\nđi\t3\n%bigrams 1\n0\t7\t1\n".encode()
    ))
    with pytest.raises(ValueError, match="not in the vocabulary"):
        Model.load(stray)


_TINY = (
    "# vncomment-restorer 1\n%param discount 0.75\n"
    "%unigrams 2\nbạn\t5\ncảm\t3\n%bigrams 1\n2\t1\t4\n"
)


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("2\t1\t4", "2\t1\t-4", "pair counts"),  # raised 'math domain error' mid-restore
        ("2\t1\t4", "2\t1\tnan", "pair counts"),
        ("bạn\t5", "bạn\t-5", "syllable counts"),
        ("bạn\t5", "bạn\tinf", "syllable counts"),
        ("bạn\t5", "bạn\tnan", "syllable counts"),  # was loaded, and restored nonsense
        ("discount 0.75", "discount nan", "discount"),
        ("%param discount 0.75", "%param bigram_weight nan", "bigram_weight"),
        ("%param discount 0.75", "%param discont 0.5", "unknown parameter"),
    ],
)
def test_a_model_with_impossible_numbers_is_refused_when_loaded(tmp_path, old, new, why):
    path = tmp_path / "hostile.gz"
    path.write_bytes(gzip.compress(_TINY.replace(old, new).encode()))
    with pytest.raises(ValueError, match=why):
        Model.load(path)
    path.write_bytes(gzip.compress(_TINY.encode()))
    assert restore("cam on ban", model=Model.load(path)).startswith("cảm")  # the fixture is sound


def test_a_gzip_bomb_or_a_directory_is_refused_without_reading_it_all(tmp_path):
    import zlib

    from vncomment.restore._model import MAX_TEXT

    bomb = tmp_path / "bomb.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip
    chunk = b"# vncomment-restorer 1\n" + b"0" * (1 << 20)
    with bomb.open("wb") as f:
        for _ in range(MAX_TEXT // len(chunk) + 2):  # just past the bound: 1 GiB reads the same
            f.write(packer.compress(chunk))
        f.write(packer.flush())
    assert bomb.stat().st_size < MAX_TEXT // 500
    with pytest.raises(ValueError, match="unpacks to more than any restorer model"):
        Model.load(bomb)
    with pytest.raises(ValueError, match="not a vncomment restorer model"):  # IsADirectoryError
        RequireDiacritics(restorer=str(tmp_path))
    done = _run("restore", "--model", str(tmp_path), "cam on ban")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def default_model_file() -> str:
    from importlib.resources import files

    from vncomment.restore import DEFAULT_MODEL

    return str(files("vncomment").joinpath(DEFAULT_MODEL))


def test_the_shipped_model_names_its_sources():
    model = default_model()
    sources = [line for line in model.header if line.startswith("source:")]
    assert any("wordfreq" in s and "CC BY-SA 4.0" in s for s in sources)
    assert all("(" in s for s in sources[1:])  # each Debian package with its licence
    # the package is MIT: no copyleft text may go into the data it ships (Wesnoth's GPL
    # catalogues were in the first model)
    assert not any("GPL" in s for s in sources)
    assert Path(default_model_file()).stat().st_size < 8_000_000


def test_rule_with_a_restorer_path_and_a_model(site_model, tmp_path):
    path = tmp_path / "site.model.gz"
    site_model.save(path)
    by_path = RequireDiacritics(restorer=str(path))
    assert by_path == RequireDiacritics(restorer=path)  # a Path is kept as its str
    assert hash(by_path) == hash(RequireDiacritics(restorer=str(path)))
    assert repr(by_path) == f"RequireDiacritics(restorer={str(path)!r})"
    by_model = RequireDiacritics(restorer=site_model)
    assert by_model == RequireDiacritics(restorer=Model.load(path))  # compared by contents
    assert by_model != RequireDiacritics() and by_model != by_path
    assert "RequireDiacritics(restorer=<Model" in repr(by_model)
    assert pickle.loads(pickle.dumps(by_path)) == by_path
    comment = "troi mua to qua, duong ngap het roi, toi khong di dau duoc"
    violation = by_model.violations(analyze(comment))[0]
    assert violation.params["suggestion"] == restore(comment, model=site_model)
    assert violation.params["suggestion"].startswith("trời mưa to quá, đường ngập hết rồi")
    with pytest.raises(ValueError, match="cannot read the restorer model"):
        RequireDiacritics(restorer=str(tmp_path / "missing.gz"))
    with pytest.raises(TypeError):
        RequireDiacritics(restorer=3)  # type: ignore[arg-type]


def test_a_rule_holding_a_model_is_refused_by_django_migrations_and_a_path_is_written(
    site_model, tmp_path
):
    pytest.importorskip("django")
    import django_site

    django_site.configure()
    from django.db.migrations.writer import MigrationWriter

    from vncomment.django import CommentValidator

    # the repr of a loaded model is no Python: the migration file would not import
    with pytest.raises(ValueError, match="path of the saved restorer model"):
        MigrationWriter.serialize(CommentValidator(RequireDiacritics(restorer=site_model)))
    path = tmp_path / "site.model.gz"
    site_model.save(path)
    validator = CommentValidator(RequireDiacritics(restorer=str(path)))
    source, imports = MigrationWriter.serialize(validator)
    namespace: dict[str, object] = {}
    exec("\n".join(sorted(imports)), namespace)
    assert eval(source, namespace) == validator


# --- the commands ------------------------------------------------------------------------


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vncomment", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_cli_restore_arguments_stdin_and_files(tmp_path):
    done = _run("restore", "Cam on ban rat nhieu", "Tooi yeeu Vieetj Nam")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Cảm ơn bạn rất nhiều", "Tôi yêu Việt Nam"]
    done = _run("restore", stdin="hom nay troi dep qua\n")
    assert done.returncode == 0 and done.stdout.strip() == restore("hom nay troi dep qua")
    comment = tmp_path / "comment.txt"
    comment.write_text("Vie^.t Nam vo^ ddi.ch\n", "utf-8")
    done = _run("restore", "-f", str(comment))
    assert done.returncode == 0 and done.stdout == "Việt Nam vô địch\n"
    done = _run("restore", "--model", str(tmp_path / "missing.gz"), "toi")
    assert done.returncode == 2 and done.stdout == "" and "restorer model" in done.stderr


def test_cli_train_restorer_then_restore(tmp_path):
    source = tmp_path / "comments.csv"
    rows = ["id,noi_dung"] + [f'{i},"{c}"' for i, c in enumerate(SITE_COMMENTS)]
    source.write_text("\n".join(rows) + "\n", "utf-8")
    out = tmp_path / "site.model.gz"
    done = _run("train-restorer", str(source), "--column", "noi_dung", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "7 comments" in done.stderr
    assert Model.load(out) == train(SITE_COMMENTS, header=Model.load(out).header)
    done = _run("restore", "--model", str(out), "troi mua to qua")
    assert done.stdout.strip() == "trời mưa to quá"
    jsonl = tmp_path / "comments.jsonl"
    jsonl.write_text("".join(f'{{"text": "{c}"}}\n' for c in SITE_COMMENTS), "utf-8")
    out2 = tmp_path / "jsonl.model.gz"
    done = _run("train-restorer", str(jsonl), "-o", str(out2))
    assert done.returncode == 0
    assert Model.load(out2).vocab == Model.load(out).vocab  # the same comments, another format


def test_cli_train_restorer_errors_write_nothing(tmp_path):
    out = tmp_path / "model.gz"
    done = _run("train-restorer", str(tmp_path / "missing.csv"), "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    empty = tmp_path / "empty.txt"
    empty.write_text("toi khong biet gi ca het nha ban oi\n", "utf-8")  # nothing accented
    done = _run("train-restorer", str(empty), "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    assert "no comment typed with marks" in done.stderr
    assert not list(tmp_path.glob(".vncomment-model-*"))


def test_training_skips_comments_too_short_to_judge_but_without_any_mark():
    model = train(["cam on ban", "Hôm nay trời đẹp", "Vieetj Nam"])
    assert model.count("cam") == model.count("ban") == 0
    assert model.count("hôm") == model.count("việt") == 1


def test_cli_train_restorer_writes_through_a_link_and_never_over_a_special_file(tmp_path):
    import os

    source = tmp_path / "comments.txt"
    source.write_text("\n".join(SITE_COMMENTS) + "\n", "utf-8")
    target = tmp_path / "models" / "v1.model.gz"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "site.model.gz"
    link.symlink_to(target)
    done = _run("train-restorer", str(source), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and Model.load(target).count("quá") == 3  # the link is kept
    fifo = tmp_path / "pipe"  # as root, "-o /dev/null" used to replace the device by a file
    os.mkfifo(fifo)
    done = _run("train-restorer", str(source), "-o", str(fifo))
    assert done.returncode == 2 and "not a regular file" in done.stderr
    assert not fifo.is_file() and fifo.is_fifo()
