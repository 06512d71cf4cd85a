"""How verdicts look on a terminal: the words, the marked comment, the table, the summary."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import TextIO

import regex

from vncomment.messages import CLI_WORDS, template_for
from vncomment.report import Report

__all__ = ["Progress", "Tally", "json_line", "mark", "messages", "shown", "use_color", "words_for"]

# The command's words (ĐẠT, BỊ TỪ CHỐI, the table's headings ...) come from the one message
# catalogue (vncomment.messages, keys "cli.*"), so that a catalogue reworded or added there
# words the command too.


def words_for(locale: str) -> dict[str, str]:
    """The command's words in ``locale``, keyed without the catalogue's ``cli.`` prefix."""
    return {key.removeprefix("cli."): template_for(key, locale) for key in CLI_WORDS}


def use_color(stream: TextIO, choice: str = "auto") -> bool:
    """Colour on a terminal unless ``NO_COLOR`` is set (https://no-color.org); or as told."""
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


_UNSAFE = regex.compile(
    # C0 and C1 controls and DEL (escape sequences: window title, clear screen, OSC 52
    # clipboard, cursor moves that could forge a verdict line), line and paragraph separators,
    # bidirectional overrides and isolates (text shown in another order than it is), and lone
    # surrogates, which no terminal can show.
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(found: regex.Match[str]) -> str:
    char = found.group()
    return {"\t": "\\t", "\r": "\\r"}.get(char) or (
        f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: controls and invisible reorderings escaped.

    A line break (``\\n``, also in ``\\r\\n``) is kept, for the caller to lay out; everything
    else that would act on the terminal instead of being shown is written as ``\\x1b``,
    ``\\u202e``, ``\\t`` ...
    """
    return str(_UNSAFE.sub(_escaped, text.replace("\r\n", "\n")))


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
    """The comment with its offending words underlined (in colour) or in ``[[ ]]``, and every
    control character escaped (:func:`shown`); lines are separated by ``\\n`` alone."""
    opening, closing = ("\x1b[4;31m", "\x1b[0m") if color else ("[[", "]]")
    text, out, at = report.text, [], 0
    for start, end in _marked_spans(report):
        out += [shown(text[at:start]), opening, shown(text[start:end]), closing]
        at = end
    out.append(shown(text[at:]))
    return "".join(out)


def messages(report: Report) -> list[str]:
    # Each link's violation names every link, so identical sentences are printed once. A
    # message quotes the comment (the link it found), so it is escaped like the comment.
    return list(dict.fromkeys(shown(f"{v.message} [{v.code}]") for v in report.violations))


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal.

    ``fraction`` says how much of the input is read (from its size, or its row count), when
    that can be known; otherwise only the count is shown.
    """

    def __init__(self, fraction: Callable[[], float | None], stream: TextIO = sys.stderr) -> None:
        self.fraction, self.stream = fraction, stream
        self.enabled = stream.isatty()
        self.shown = 0.0

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.shown < 0.1 and not force):
            return
        self.shown = now
        share = self.fraction()
        if share is None:
            self.stream.write(f"\r{done}")
        else:
            filled = int(30 * share)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} {done}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


class Tally:
    """What a summary needs, kept as counts: memory does not grow with the number of comments."""

    def __init__(self) -> None:
        self.total = self.rejected = self.skipped = 0
        self.by_code: Counter[str] = Counter()

    def add(self, report: Report | None) -> None:
        if report is None:
            self.skipped += 1
            return
        self.total += 1
        if not report.ok:
            self.rejected += 1
            self.by_code.update(dict.fromkeys(report.codes, 1))

    def print(self, words: dict[str, str]) -> None:
        print(words["total"].format(total=self.total, ok=self.total - self.rejected,
                                    rejected=self.rejected))
        if self.skipped:
            print(words["skipped_total"].format(skipped=self.skipped))
        if not self.by_code:
            return
        width = max(len(words["code"]), *(len(c) for c in self.by_code))
        print(f"{words['code']:<{width}}  {words['count']:>12}  {words['share']:>6}")
        for code, n in sorted(self.by_code.items(), key=lambda item: (-item[1], item[0])):
            print(f"{code:<{width}}  {n:>12}  {n / self.total:>6.0%}")


def json_line(record: object) -> str:
    """One JSON Lines record safe on a terminal: what :func:`shown` escapes is ``\\uXXXX``.

    ``json.dumps`` already escapes C0 controls; C1 controls (``\\x9b`` starts an escape sequence
    on some terminals), separators and bidirectional controls are escaped too, which is
    still the same JSON.
    """
    text = json.dumps(record, ensure_ascii=False, default=str)
    return str(_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text))
