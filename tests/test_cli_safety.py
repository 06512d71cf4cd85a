"""The command against hostile input and a hostile environment (issue 11, items 8-11).

Signals, closed pipes and full disks are real: a subprocess, os.kill, a closed pipe, /dev/full.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import GOOD, LINK, SHORT, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and devices")

PREVIOUS = "line,ok\n1,true\n"  # an earlier --out file that must survive a failed scan


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vncomment", *args]


def big_file(path: Path, rows: int = 40_000) -> Path:
    path.write_text("\n".join(f"{GOOD} {i}" if i % 2 else f"{SHORT} {i}" for i in range(rows)),
                    encoding="utf-8")
    return path


def no_leftovers(directory: Path) -> bool:
    return not [p for p in directory.iterdir() if p.name.endswith(".part")]


# --- item 8: --out is replaced only by a complete result; signals end the scan cleanly --------


def test_failed_scan_leaves_the_previous_out_file(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    out.write_text(PREVIOUS, encoding="utf-8")
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"comment": GOOD}) + "\n" + json.dumps({"comment": SHORT})
                      + "\n{broken\n", encoding="utf-8")
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 2
    assert "line 3: not JSON" in result.stderr
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert no_leftovers(tmp_path)
    # The same scan without the bad line replaces the file at the end, keeping its mode.
    os.chmod(out, 0o640)
    source.write_text(json.dumps({"comment": GOOD}) + "\n", encoding="utf-8")
    assert run("scan", str(source), "--out", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("line,ok,syllable_count")
    assert os.stat(out).st_mode & 0o777 == 0o640
    assert no_leftovers(tmp_path)


@pytest.mark.parametrize(
    ("sent", "jobs", "status"),
    [(signal.SIGINT, "1", 130), (signal.SIGINT, "2", 130), (signal.SIGTERM, "1", 143),
     (signal.SIGTERM, "2", 143)],
    ids=["ctrl-c", "ctrl-c-jobs-2", "sigterm", "sigterm-jobs-2"],
)
def test_signal_prints_the_summary_so_far_and_keeps_out(
    sent: signal.Signals, jobs: str, status: int, tmp_path: Path
) -> None:
    source = big_file(tmp_path / "c.txt")
    out = tmp_path / "results.csv"
    out.write_text(PREVIOUS, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    with (tmp_path / "stderr").open("wb") as errors:
        process = subprocess.Popen(
            command("scan", str(source), "--out", str(out), "--jobs", jobs),
            stdout=subprocess.PIPE, stderr=errors, env=env, start_new_session=True,
        )
        assert process.stdout is not None
        for _ in range(3):  # the header and a verdict or two: the scan is under way
            process.stdout.readline()
        if sent == signal.SIGINT:
            os.killpg(process.pid, sent)  # Ctrl-C reaches the process group, workers too
        else:
            process.send_signal(sent)  # a supervisor signals the main process
        stdout = process.stdout.read().decode("utf-8")
        process.wait(timeout=120)
    stderr = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().startswith("vncomment: interrupted after ")
    assert f"{out} is left as it was" in stderr
    summary = [line for line in stdout.splitlines() if line.startswith("Tổng cộng ")]
    assert len(summary) == 1
    judged = int(summary[0].split()[2])
    assert 1 <= judged < 40_000
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert no_leftovers(tmp_path)


# --- item 9: a lone surrogate is bad input, named in one line ---------------------------------


def test_invalid_utf8_argument_is_an_input_error() -> None:
    done = subprocess.run([*command("check", GOOD), "Hay qu\xe1 b\xe1n".encode("latin-1")],
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stdout == b""  # not even the verdict on the good comment
    assert done.stderr.decode("utf-8").splitlines() == [
        "vncomment: error: argument 2 is not UTF-8 text (byte 0xe1 at offset 6); "
        "the shell or terminal must send UTF-8"
    ]


def test_lone_surrogate_in_jsonl_is_an_input_error(tmp_path: Path) -> None:
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"comment": GOOD}) + "\n"
                      + '{"comment": "Hay qu\\u00e1 \\ud83d b\\u1ea1n"}\n', encoding="utf-8")
    result = run("scan", str(source))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"vncomment: error: {source}, line 2: the comment holds a lone surrogate U+D83D, "
        "which is not a character; fix the export (it was probably cut inside an emoji)"
    ]


# --- item 10: nothing in a comment acts on the terminal; CSV cells are no formulas ------------

HOSTILE = [
    "Bình luận \x1b]0;pwned\x07 đổi tiêu đề cửa sổ",  # window title
    "Bình luận \x1b[2J\x1b[H xóa màn hình",  # clear screen, cursor home
    "Bình luận \x1b]52;c;ZWNobyBoaQ==\x07 ghi clipboard",  # OSC 52
    "Hay quá\x1b[1A\x1b[2K\r✓ ĐẠT · 19 chữ",  # a forged verdict line over the real one
    "Hay quá \x9b31m C1 \x85 \u202eđảo chiều\u202c \u2028 hết",  # C1 CSI, NEL, bidi, LS
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_control_characters_are_shown_escaped(text: str, tmp_path: Path) -> None:
    check = run("check", text)
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"comment": text}) + "\n", encoding="utf-8")
    scan = run("scan", str(source))
    as_json = run("check", "--json", text)
    for output in (check.stdout, scan.stdout, as_json.stdout):
        assert not set(output) & {"\x1b", "\x07", "\x9b", "\x85", "\u202e", "\u2028", "\r"}
    assert "\\x1b" in check.stdout + scan.stdout or "\\x9b" in check.stdout
    assert check.stdout.count("ĐẠT") == 0 or "\\x1b[1A" in check.stdout
    json.loads(as_json.stdout)  # still one JSON document


def test_colour_is_our_own_escape_sequences_only() -> None:
    result = run("check", "--color", "always", HOSTILE[0] + " xem abc.com nhé")
    sequences = result.stdout.split("\x1b")[1:]
    assert sequences and all(s.startswith(("[4;31m", "[0m")) for s in sequences)


def test_csv_out_neutralises_formula_cells(tmp_path: Path) -> None:
    formulas = ['=HYPERLINK("http://evil.example","Bấm vào đây")', "+84 912 345 678",
                "-hay quá", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]
    source, out, jsonl = tmp_path / "c.jsonl", tmp_path / "out.csv", tmp_path / "out.jsonl"
    source.write_text("".join(json.dumps({"comment": f}) + "\n" for f in formulas),
                      encoding="utf-8")
    assert run("scan", str(source), "--out", str(out)).returncode == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["comment"] for r in rows] == ["'" + f for f in formulas]
    assert all(not r["messages"].startswith(("=", "+", "-", "@")) for r in rows)
    # JSON Lines is data for programs: the comment stays exactly as written.
    assert run("scan", str(source), "--out", str(jsonl)).returncode == 0
    lines = jsonl.read_text(encoding="utf-8").split("\n")[:-1]
    assert [json.loads(line)["comment"] for line in lines] == formulas


# --- item 11: closed pipes, full disks, malformed CSV ----------------------------------------


def closed_pipe(*args: str) -> tuple[int, bytes]:
    process = subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader left before the first byte (`| head -c0`)
    errors = process.stderr.read()
    return process.wait(timeout=120), errors


def test_closed_pipe_keeps_the_verdicts_status(tmp_path: Path) -> None:
    assert closed_pipe("check", GOOD) == (0, b"")
    assert closed_pipe("check", GOOD, SHORT) == (1, b"")
    # 3,000 passing comments, then a rejected one: --fail-on-reject tells whether it was reached
    source = tmp_path / "c.txt"
    source.write_text("".join(f"{GOOD} {i}\n" for i in range(3_000)) + SHORT + "\n",
                      encoding="utf-8")
    # Nobody reads the table: the scan stops at the first write that fails, long before the
    # end, so the rejected comment is never judged.
    assert closed_pipe("scan", str(source), "--fail-on-reject") == (0, b"")
    # With --out there is still a reader, the file: the scan goes on to the end.
    out = tmp_path / "out.csv"
    assert closed_pipe("scan", str(source), "--fail-on-reject", "--out", str(out),
                       "--jobs", "2") == (1, b"")
    assert sum(1 for _ in out.open(encoding="utf-8")) == 3_002  # header + every comment


def test_full_disk_is_one_clear_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command("check", GOOD), stdout=full, stderr=subprocess.PIPE,
                              timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "vncomment: error: cannot write standard output: No space left on device"]
    source = tmp_path / "c.txt"
    source.write_text(f"{GOOD}\n{SHORT}\n", encoding="utf-8")
    (tmp_path / "out.csv").symlink_to("/dev/full")
    result = run("scan", str(source), "--out", str(tmp_path / "out.csv"), "--quiet")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"vncomment: error: cannot write {tmp_path / 'out.csv'}: No space left on device"]


def test_csv_row_without_the_comment_field_is_reported(tmp_path: Path) -> None:
    source, out = tmp_path / "c.csv", tmp_path / "out.jsonl"
    source.write_text(f"id,author,noi_dung\n1,Lan,\"{GOOD}\"\n2,Minh\n3,An,{SHORT}\n",
                      encoding="utf-8")
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 2  # the scan ran; an unreadable record is an input error
    row = next(line for line in result.stdout.splitlines() if line.split()[:1] == ["3"])
    assert row.split()[1:3] == ["BỎ", "QUA"]
    assert "↳ the row has 2 fields, no 'noi_dung' (field 3)" in result.stdout
    assert "Tổng cộng 2 bình luận: 1 đạt, 1 bị từ chối." in result.stdout
    assert "Bỏ qua 1 bản ghi không đọc được" in result.stdout
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    assert [(r["line"], r["ok"]) for r in got] == [(2, True), (3, None), (4, False)]
    assert got[1]["problem"] == "the row has 2 fields, no 'noi_dung' (field 3)"


def test_unterminated_quote_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "c.csv"
    source.write_text(f'id,comment\n1,"{GOOD}"\n2,"{SHORT}\n3,{SHORT}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"vncomment: error: {source}, line 3: a quoted field opened in this record is never "
        "closed"]
    assert not out.exists() and no_leftovers(tmp_path)


def test_huge_fields_do_not_abort_the_scan(tmp_path: Path) -> None:
    long_ok = " ".join([GOOD] * 2_000)  # ~170,000 characters, over csv's 131,072
    too_long = "a" * 1_000_001
    assert len(long_ok) > 131_072
    source, out = tmp_path / "c.csv", tmp_path / "out.jsonl"
    with source.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["comment"], [long_ok], [too_long], [SHORT]])
    result = run("scan", str(source), "--out", str(out), "--quiet", "--lang", "en")
    assert result.returncode == 2
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    assert [(r["line"], r["ok"]) for r in got] == [(2, False), (3, None), (4, False)]
    assert got[0]["syllable_count"] == 2_000 * 19  # judged whole (and found repetitive)
    assert "problem" not in got[0] and got[0]["comment"] == long_ok
    assert got[1]["problem"] == ("the comment has 1,000,001 characters, over the 1,000,000 "
                                 "this command judges")
    assert result.stdout.splitlines()[:2] == [
        "2 comments: 0 passed, 2 rejected.",
        "1 records could not be read and were skipped (see above).",
    ]


def test_links_in_messages_are_escaped_too() -> None:
    result = run("check", "Ai cần thì vào abc.com\x1b[2J nhé, còn nhiều lô đẹp lắm các bạn ơi")
    assert "\x1b" not in result.stdout
    assert LINK  # the module's sample link comment stays in use by the other tests
