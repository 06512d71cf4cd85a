"""How verdicts look on a terminal: the words, the marked comment, the table, the summary."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from typing import TextIO

from vncomment.report import Report

__all__ = ["WORDS", "Progress", "mark", "messages", "print_summary", "use_color"]

WORDS = {
    "vi": {
        "ok": "ĐẠT",
        "rejected": "BỊ TỪ CHỐI",
        "syllables": "chữ",
        "line": "dòng",
        "verdict": "kết quả",
        "comment": "bình luận",
        "code": "mã lỗi",
        "count": "số bình luận",
        "share": "tỉ lệ",
        "total": "Tổng cộng {total} bình luận: {ok} đạt, {rejected} bị từ chối.",
    },
    "en": {
        "ok": "OK",
        "rejected": "REJECTED",
        "syllables": "words",
        "line": "line",
        "verdict": "verdict",
        "comment": "comment",
        "code": "code",
        "count": "comments",
        "share": "share",
        "total": "{total} comments: {ok} passed, {rejected} rejected.",
    },
}


def use_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _marked_spans(report: Report) -> list[tuple[int, int]]:
    """The offending stretches of text, merged when only spaces separate them."""
    spans: list[tuple[int, int]] = []
    for violation in report.violations:
        if violation.span:
            spans.append(tuple(violation.span))  # type: ignore[arg-type]
        spans += [(int(s[0]), int(s[1])) for s in violation.params.get("spans", ())]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and not report.text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(report: Report, color: bool) -> str:
    """The comment with its offending words underlined (on a terminal) or in ``[[ ]]``."""
    opening, closing = ("\x1b[4;31m", "\x1b[0m") if color else ("[[", "]]")
    text, out, at = report.text, [], 0
    for start, end in _marked_spans(report):
        out += [text[at:start], opening, text[start:end], closing]
        at = end
    out.append(text[at:])
    return "".join(out)


def messages(report: Report) -> list[str]:
    # Each link's violation names every link, so identical sentences are printed once.
    return list(dict.fromkeys(f"{v.message} [{v.code}]" for v in report.violations))


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.stream = total, stream
        self.enabled = total > 0 and stream.isatty()
        self.shown = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.1 and done < self.total):
            return
        self.shown = now
        filled = 30 * done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def print_summary(reports: list[Report], words: dict[str, str]) -> None:
    rejected = sum(not r.ok for r in reports)
    print(words["total"].format(total=len(reports), ok=len(reports) - rejected, rejected=rejected))
    by_code = Counter(code for r in reports for code in dict.fromkeys(r.codes))
    if not by_code:
        return
    width = max(len(words["code"]), *(len(c) for c in by_code))
    print(f"{words['code']:<{width}}  {words['count']:>12}  {words['share']:>6}")
    for code, n in sorted(by_code.items(), key=lambda item: (-item[1], item[0])):
        print(f"{code:<{width}}  {n:>12}  {n / len(reports):>6.0%}")
