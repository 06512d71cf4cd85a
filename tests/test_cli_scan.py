"""vncomment scan as a real subprocess: line numbers, formats, --jobs, --out, flat memory."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import GOOD, LINK, SHORT, run

import vncomment

# What str.splitlines() also breaks on, and an editor does not: each is text inside a comment.
SEPARATORS = ["\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"]


def editor_lines(data: bytes) -> list[str]:
    """The lines as an editor numbers them: split at \\n, a \\r before it dropped."""
    return [line.removesuffix("\r") for line in data.decode("utf-8").split("\n")]


def records(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines.pop() == ""
    return [json.loads(line) for line in lines]


def test_txt_line_numbers_are_an_editors(tmp_path: Path) -> None:
    comments = [f"{GOOD[:20]}{sep}{GOOD[20:]}" for sep in SEPARATORS]
    data = ("\r\n".join(comments[:3]) + "\n\n" + "\n".join(comments[3:]) + "\r\n").encode()
    source, out = tmp_path / "c.txt", tmp_path / "out.jsonl"
    source.write_bytes(data)
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    got = records(out)
    lines = editor_lines(data)
    assert [r["line"] for r in got] == [1, 2, 3, 5, 6, 7, 8, 9]
    assert [lines[int(r["line"]) - 1] for r in got] == comments  # each is on its line, whole
    assert [r["comment"] for r in got] == comments
    assert all(r["ok"] for r in got)


def test_jsonl_with_raw_separators_is_json(tmp_path: Path) -> None:
    # JSON allows U+2028 and U+001C-like characters raw inside strings (json.dumps writes
    # U+2028 raw with ensure_ascii=False); only \n ends a JSON Lines record.
    rows = [{"id": i, "comment": f"{GOOD[:30]}{sep}{GOOD[30:]}"} for i, sep in
            enumerate(["\u2028", "\u2029", "\x85"])]
    data = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    assert "\u2028" in data
    source, out = tmp_path / "c.jsonl", tmp_path / "out.csv"
    source.write_text(data, encoding="utf-8", newline="")
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        got = list(csv.DictReader(f))
    assert [(r["line"], r["ok"], r["comment"]) for r in got] == [
        (str(n), "true", row["comment"]) for n, row in enumerate(rows, 1)]


def test_csv_records_spanning_lines_start_where_an_editor_shows_them(tmp_path: Path) -> None:
    rows = [["1", f"{GOOD}\r\n{GOOD}"], ["2", f"{SHORT}\u2028{SHORT}"], ["3", LINK],
            ["4", f"\x1c{GOOD}\n\n{GOOD}"], ["5", GOOD]]
    source, out = tmp_path / "c.csv", tmp_path / "out.jsonl"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)  # \r\n between records, as Excel writes
        writer.writerow(["id", "comment"])
        writer.writerows(rows)
    result = run("scan", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    got = records(out)
    assert [r["line"] for r in got] == [2, 4, 5, 6, 9]
    lines = editor_lines(source.read_bytes())
    assert [lines[int(r["line"]) - 1].split(",")[0] for r in got] == ["1", "2", "3", "4", "5"]
    assert [r["comment"] for r in got] == [row[1] for row in rows]


def test_tsv_reads_its_column(tmp_path: Path) -> None:
    source = tmp_path / "c.tsv"
    source.write_text(f"id\tbinh_luan\tauthor\n1\t{GOOD}\tLan\n2\t{SHORT}\tMinh\n"
                      f"3\t\"{LINK}\n{GOOD}\"\tAn\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("scan", str(source), "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert [(r["line"], r["ok"]) for r in records(out)] == [(2, True), (3, False), (4, False)]
    assert "3 comments: 1 passed, 2 rejected." in result.stdout
    # --column picks another one; --format reads a file whatever its name
    (tmp_path / "c.data").write_bytes(source.read_bytes())
    result = run("scan", str(tmp_path / "c.data"), "--format", "tsv", "--column", "author",
                 "--quiet")
    assert result.stdout.startswith("Tổng cộng 3 bình luận: 0 đạt, 3 bị từ chối.")


def test_parquet_in_and_out(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [GOOD, SHORT, None, LINK, "=HYPERLINK(\"http://x.vn\")"] * 600
    source, out = tmp_path / "archive.parquet", tmp_path / "verdicts.parquet"
    pq.write_table(pa.table({"id": list(range(len(texts))), "noi_dung": texts}), source,
                   row_group_size=1000)
    result = run("scan", str(source), "--out", str(out), "--quiet", "--jobs", "2")
    assert result.returncode == 2, result.stderr  # the null rows could not be judged
    table = pq.read_table(out)
    assert table.column_names == ["row", "ok", "syllable_count", "codes", "messages",
                                  "comment", "problem"]
    got = table.to_pylist()
    assert [r["row"] for r in got] == list(range(1, len(texts) + 1))
    expected = [None if t is None else vncomment.validate(t) for t in texts]
    assert [r["ok"] for r in got] == [None if e is None else e.ok for e in expected]
    assert [r["codes"] for r in got[:5]] == ["", "too_short", None, "contains_link",
                                            "too_short contains_link"]
    assert got[2]["problem"] == "no comment (null)"
    assert got[4]["comment"] == texts[4]  # Parquet cells are data, never formulas
    assert "Tổng cộng 2400 bình luận: 600 đạt, 1800 bị từ chối." in result.stdout
    assert "Bỏ qua 600 bản ghi" in result.stdout


def test_parquet_errors(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": [1, 2], "body": [GOOD, SHORT]}), source)
    result = run("scan", str(source), "--column", "id")
    assert (result.returncode, result.stdout) == (2, "")
    assert "column 'id' holds int64, not text" in result.stderr
    (tmp_path / "b.parquet").write_text("id,body\n", encoding="utf-8")
    result = run("scan", str(tmp_path / "b.parquet"))
    assert (result.returncode, result.stdout) == (2, "")
    assert "not a Parquet file" in result.stderr


def without_pyarrow(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command in a Python where ``import pyarrow`` fails, as without the extra."""
    code = ("import sys; sys.modules['pyarrow'] = None; from vncomment.cli import main; "
            "sys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, cwd=cwd, timeout=60, check=False)


def test_parquet_without_pyarrow_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.parquet").write_bytes(b"PAR1")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    hint = "needs pyarrow: pip install 'vncomment[parquet]'"
    for args in (["scan", "a.parquet"], ["scan", "a.txt", "--out", "v.parquet"]):
        result = without_pyarrow(*args, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, ""), result.stderr
        assert result.stderr.strip().endswith(hint)
    assert without_pyarrow("scan", "a.txt", "--quiet", cwd=tmp_path).returncode == 0


def test_jobs_give_the_same_verdicts(tmp_path: Path) -> None:
    texts = [GOOD, SHORT, LINK, "Bai viet rat hay, cam on tac gia da chia se thong tin nay"]
    source = tmp_path / "c.txt"
    source.write_text("\n".join(f"{t} {i}" for i in range(300) for t in texts), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2", "0"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = run("scan", str(source), "--jobs", jobs, "--out", str(out))
        assert result.returncode == 0, result.stderr
        outputs.append((result.stdout, out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1] == outputs[2]
    result = run("scan", str(source), "--jobs", "-1")
    assert (result.returncode, result.stdout) == (2, "")
    assert "--jobs" in result.stderr


def peak_rss_kib(source: Path, out: Path) -> int:
    """Peak resident memory of one scan with --out, measured inside its own process.

    On Linux from VmHWM, the peak of this process's own memory: ru_maxrss survives exec, so
    a child started from a large pytest process would report at least the parent's size
    (under the whole suite, both scans would then read the same figure and prove nothing).
    """
    code = (
        "import resource, sys\n"
        "from vncomment.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "try:\n"
        "    with open('/proc/self/status', encoding='ascii') as status_file:\n"
        "        peak = next(int(line.split()[1]) for line in status_file\n"
        "                    if line.startswith('VmHWM:'))\n"
        "except OSError:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "scan", str(source), "--quiet", "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.splitlines()[-1])


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
def test_memory_is_flat_in_the_file_size(tmp_path: Path) -> None:
    # 10,000 distinct comments (a third of them rejected); the large file repeats them 20
    # times, as an archive repeats its vocabulary. The core's word caches are bounded by
    # entries, not by the file, so with the same words in both files they end the same size,
    # and the comparison sees only what the scan itself keeps: holding the rows or reports of
    # a 200,000-row file would take far more than half again as much.
    def write(path: Path, rows: int) -> None:
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write("id,comment\n")
            for i in range(rows):
                n = i % 10_000
                text = (f"Bình luận số {n} về bài viết này rất hay và bổ ích" if n % 3
                        else f"Hay quá {n}")
                f.write(f"{i},{text}\n")

    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    write(small, 10_000)
    write(large, 200_000)
    small_kib = peak_rss_kib(small, tmp_path / "small.csv.out.csv")
    large_kib = peak_rss_kib(large, tmp_path / "large.out.csv")
    with (tmp_path / "large.out.csv").open(encoding="utf-8", newline="") as verdicts:
        oks = [row["ok"] for row in csv.DictReader(verdicts)]
    assert len(oks) == 200_000 and oks.count("false") == 20 * 3_334, oks[:3]
    assert large_kib <= 1.5 * small_kib, (small_kib, large_kib)
