"""The vncomment command, run as a real subprocess: exit codes, output shapes, inputs."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from terminal import read_all

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này với mọi người."
SHORT = "Hay quá bạn ơi"
LINK = "Ai cần mua đất nền giá rẻ thì vào abc chấm com xem nhé, còn nhiều lô đẹp lắm."
# How a legacy Windows tool saves Vietnamese: Windows-1258, tone marks as separate characters.
CP1258 = unicodedata.normalize("NFD", "Bài học hay").encode("cp1258")
TOO_SHORT_VI = "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 4 chữ."


def run(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    # An ASCII stdout, so that printing Vietnamese works only if the command makes it UTF-8.
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-m", "vncomment", *args],
        input=stdin, capture_output=True, env=env, cwd=cwd, timeout=60, check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


# --- check -----------------------------------------------------------------------------------

EXIT_CODES = [
    ("one good", [GOOD], 0),
    ("one short", [SHORT], 1),
    ("good and short", [GOOD, SHORT], 1),
    ("looser rule lets it pass", ["--min-syllables", "4", SHORT], 0),
    ("no input", [], 2),
    ("unknown option", ["--frobnicate", GOOD], 2),
    ("strictness out of range", ["--strictness", "2", GOOD], 2),
    ("negative minimum", ["--min-syllables", "-1", GOOD], 2),
    ("unknown language", ["--lang", "fr", GOOD], 2),
]


@pytest.mark.parametrize(("label", "args", "status"), EXIT_CODES, ids=[e[0] for e in EXIT_CODES])
def test_check_exit_codes(label: str, args: list[str], status: int) -> None:
    result = run("check", *args)
    assert result.returncode == status, result.stderr
    if status == 2:
        assert result.stdout == ""
        assert result.stderr.strip()


def test_check_prints_verdict_message_and_marks_offending_words() -> None:
    result = run("check", LINK)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "✗ BỊ TỪ CHỐI · 16 chữ",
        "    Ai cần mua đất nền giá rẻ thì vào [[abc chấm com]] xem nhé, còn nhiều lô đẹp lắm.",
        "  - Bình luận không được chứa liên kết (abc chấm com). [contains_link]",
    ]


def test_check_marks_unmarked_words() -> None:
    result = run("check", "Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay nhe")
    assert "[[Bai viet rat hay]], [[cam on tac gia" in result.stdout
    assert "[missing_diacritics]" in result.stdout


def test_check_json_shape_one_object_per_input() -> None:
    result = run("check", "--json", GOOD, SHORT)
    assert result.returncode == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"ok": True, "syllable_count": 19, "violations": []}
    assert second == {
        "ok": False,
        "syllable_count": 4,
        "violations": [
            {"code": "too_short", "message": TOO_SHORT_VI, "span": None,
             "params": {"min": 10, "count": 4}},
        ],
    }


def test_check_json_span_points_into_the_text() -> None:
    (line,) = run("check", "--json", LINK).stdout.splitlines()
    (violation,) = json.loads(line)["violations"]
    start, end = violation["span"]
    assert LINK[start:end] == "abc chấm com"


def test_check_english() -> None:
    result = run("check", "--lang", "en", SHORT)
    assert "A comment needs at least 10 Vietnamese words; this one has 4." in result.stdout
    assert "REJECTED" in result.stdout


def test_check_rule_options() -> None:
    text = "Mời các bạn ghé thăm trang tinhte.vn để đọc thêm nhiều bài viết hay và bổ ích"
    assert run("check", text).returncode == 1
    assert run("check", "--allow-domain", "tinhte.vn", text).returncode == 0
    mail = "Có thắc mắc gì xin gửi thư về hop.thu@baomoi.vn, tòa soạn sẽ trả lời các bạn sớm"
    assert run("check", mail).returncode == 1
    assert run("check", "--allow-emails", mail).returncode == 0
    phone = "Cần tuyển cộng tác viên bán hàng online, liên hệ 0912 345 678 để biết thêm chi tiết."
    assert run("check", phone).returncode == 0
    assert run("check", "--phones", phone).returncode == 1
    assert run("check", "--max-syllables", "12", GOOD).returncode == 1


@pytest.mark.parametrize("command", ["check", "serve"])
def test_phones_is_documented_and_no_phones_is_a_hidden_deprecated_alias(command: str) -> None:
    shown = run(command, "--help").stdout
    assert "--phones" in shown and "--no-phones" not in shown


def test_no_phones_still_rejects_phone_numbers_and_says_it_is_deprecated() -> None:
    phone = "Cần tuyển cộng tác viên bán hàng online, liên hệ 0912 345 678 để biết thêm chi tiết."
    old = run("check", "--json", "--no-phones", phone)
    new = run("check", "--json", "--phones", phone)
    assert (old.returncode, old.stdout) == (new.returncode, new.stdout) == (1, old.stdout)
    assert "contains_phone" in old.stdout
    assert "--no-phones is deprecated, use --phones" in old.stderr and new.stderr == ""


def test_check_reads_stdin() -> None:
    result = run("check", "--json", "-", stdin=(GOOD + "\n").encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["syllable_count"] == 19


def test_check_reads_files_only_with_f(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text(SHORT, encoding="utf-8")
    result = run("check", "--json", "-f", "good.txt", "--file", "short.txt", cwd=tmp_path)
    assert [json.loads(line)["ok"] for line in result.stdout.splitlines()] == [True, False]
    assert result.returncode == 1
    # Without -f the same words are a (too short) comment, even though the file exists.
    result = run("check", "--json", "good.txt", cwd=tmp_path)
    assert json.loads(result.stdout)["violations"][0]["code"] == "too_short"


def test_check_accepts_a_utf8_bom(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert run("check", "-f", str(tmp_path / "bom.txt")).returncode == 0


def test_check_non_utf8_file_is_an_input_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Bình luận".encode("utf-16"))
    result = run("check", GOOD, "-f", str(latin))
    assert result.returncode == 2
    assert result.stdout == ""  # not even the verdict on the good comment before it
    assert "latin.txt: not UTF-8 text" in result.stderr


def test_check_missing_file_is_an_input_error(tmp_path: Path) -> None:
    result = run("check", "-f", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "cannot read" in result.stderr and "nope.txt" in result.stderr


def test_check_non_utf8_stdin_is_an_input_error() -> None:
    result = run("check", "-", stdin=CP1258)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "standard input: not UTF-8 text" in result.stderr


# --- scan ------------------------------------------------------------------------------------


def test_scan_csv_prints_table_and_summary_and_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    result = run("scan", str(FIXTURES / "cli_comments.csv"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["dòng", "kết", "quả", "chữ", "bình", "luận"]
    assert "↳ Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 2 chữ." \
        " [too_short]" in result.stdout
    assert "[[abc chấm com]]" in result.stdout
    summary = lines[lines.index("Tổng cộng 6 bình luận: 2 đạt, 4 bị từ chối.") + 1 :]
    assert summary[0].split() == ["mã", "lỗi", "số", "bình", "luận", "tỉ", "lệ"]
    assert sorted(row.split()[0] for row in summary[1:]) == [
        "contains_link", "missing_diacritics", "repetitive", "too_short"
    ]
    assert result.stderr == ""  # no progress bar when stderr is not a terminal

    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["line"] for r in rows] == ["2", "3", "4", "5", "6", "8"]  # a comment spans 6-7
    assert [r["codes"] for r in rows] == [
        "", "too_short", "contains_link", "missing_diacritics", "", "repetitive"
    ]
    assert rows[4]["comment"].startswith("Tôi đồng ý với ý kiến trên.\nChính sách")
    assert rows[1]["messages"] == (
        "Bình luận cần tối thiểu 10 chữ tiếng Việt; bình luận của bạn mới có 2 chữ."
    )


def test_scan_jsonl_in_and_out(tmp_path: Path) -> None:
    source = tmp_path / "comments.jsonl"
    source.write_text(
        json.dumps({"id": 1, "body": GOOD}, ensure_ascii=False) + "\n\n"
        + json.dumps({"id": 2, "body": SHORT}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "results.jsonl"
    result = run("scan", str(source), "--column", "body", "--out", str(out), "--lang", "en")
    assert result.returncode == 0
    assert "2 comments: 1 passed, 1 rejected." in result.stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["ok"]) for r in records] == [(1, True), (3, False)]
    assert set(records[1]) == {"line", "comment", "ok", "syllable_count", "violations"}
    assert records[1]["violations"][0]["code"] == "too_short"


def test_scan_txt_skips_blank_lines_and_can_fail(tmp_path: Path) -> None:
    source = tmp_path / "comments.txt"
    source.write_text(f"{GOOD}\n\n{SHORT}\n", encoding="utf-8")
    result = run("scan", str(source), "--quiet")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "Tổng cộng 2 bình luận: 1 đạt, 1 bị từ chối."
    assert run("scan", str(source), "--fail-on-reject").returncode == 1
    assert run("scan", "--fail-on-reject", "-", stdin=GOOD.encode()).returncode == 0


SCAN_ERRORS = [
    ("unknown column", ["cli_comments.csv", "--column", "nope"], "no column 'nope'"),
    ("unknown type", ["cli_comments.csv.bak"], "use --format"),
    ("bad output type", ["cli_comments.csv", "--out", "results.xlsx"], ".csv, .jsonl or .parquet"),
    ("missing file", ["nope.csv"], "cannot read nope.csv"),
    ("column of a text file", ["cli_comments.csv", "--format", "txt", "--column", "noi_dung"],
     "a text file has one comment per line and no columns"),
]


@pytest.mark.parametrize(("label", "args", "says"), SCAN_ERRORS, ids=[e[0] for e in SCAN_ERRORS])
def test_scan_input_errors(label: str, args: list[str], says: str, tmp_path: Path) -> None:
    (tmp_path / "cli_comments.csv").write_bytes((FIXTURES / "cli_comments.csv").read_bytes())
    (tmp_path / "cli_comments.csv.bak").write_bytes(b"x")
    result = run("scan", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert says in result.stderr
    assert not (tmp_path / "results.xlsx").exists()


# scan streams: the rows before a bad line are printed, then one line says what is wrong.


def test_scan_bad_jsonl_line(tmp_path: Path) -> None:
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"comment": GOOD}) + "\n{oops\n", encoding="utf-8")
    result = run("scan", str(source))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"vncomment: error: {source}, line 2: not JSON (Expecting property name enclosed in "
        "double quotes)"
    ]
    assert "Tổng cộng" not in result.stdout  # no summary of a scan that did not finish


def test_scan_non_utf8_file(tmp_path: Path) -> None:
    source = tmp_path / "c.txt"
    source.write_bytes(GOOD.encode("utf-8") + b"\n" + CP1258 + b"\n")
    result = run("scan", str(source))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"vncomment: error: {source}, line 2: not UTF-8 text (byte 0xcc at offset 2 of the "
        "line); save it as UTF-8 and try again"
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_scan_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    import pty

    source = tmp_path / "c.txt"
    source.write_text(f"{GOOD}\n{SHORT}\n", encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "vncomment", "scan", str(source), "--quiet"],
            stdout=subprocess.PIPE, stderr=follower, timeout=60, check=False,
        )
        os.close(follower)
        shown = read_all(leader)
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert b"100%" in shown and b"#" * 30 in shown
    assert b"#" not in done.stdout


def test_python_dash_m_and_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout and "scan" in result.stdout
    assert "-f FILE" in run("check", "--help").stdout
