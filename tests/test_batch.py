"""validate_many: the same reports as validate(), in order, streaming, in worker processes."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from vncomment import validate
from vncomment.analysis import Analysis
from vncomment.batch import validate_many
from vncomment.report import Violation
from vncomment.rules import DEFAULT, MinSyllables, NoLinks, NoPhoneNumbers, Rule

FIXTURES = Path(__file__).parent / "fixtures"


def sample() -> list[str]:
    """Varied comments from the project's fixtures: passing, short, links, unmarked, empty."""
    with (FIXTURES / "cli_comments.csv").open(encoding="utf-8", newline="") as f:
        texts = [row["noi_dung"] for row in csv.DictReader(f)]
    traps = json.loads((FIXTURES / "links_traps.json").read_text(encoding="utf-8"))
    texts += [trap["input"] for trap in traps]
    texts += ["", "   ", "Hay quá", "Bai viet rat hay, cam on tac gia da chia se thong tin nay",
              "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."]
    return texts


def test_jobs_two_equals_sequential() -> None:
    texts = sample() * 3
    rules = DEFAULT & NoPhoneNumbers()
    expected = [validate(t, rules, locale="en") for t in texts]
    assert len({r.ok for r in expected}) == 2  # both verdicts occur
    got = list(validate_many(texts, rules, locale="en-US", jobs=2, chunksize=7))
    assert got == expected
    assert [r.text for r in got] == texts


def test_default_rule_every_core_and_one_job() -> None:
    texts = sample()
    expected = [validate(t) for t in texts]
    assert list(validate_many(texts)) == expected
    assert list(validate_many(iter(texts), jobs=0)) == expected
    assert list(validate_many([], jobs=2)) == []


class Counting:
    """An endless source of comments that counts how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        while True:
            self.taken += 1
            yield f"Bình luận số {self.taken} về bài viết này rất hay và bổ ích cho mọi người"


@pytest.mark.parametrize("jobs", [1, 2])
def test_streams_with_bounded_read_ahead(jobs: int) -> None:
    source = Counting()
    reports = validate_many(source, jobs=jobs, chunksize=10)
    first = next(reports)
    assert first.text.startswith("Bình luận số 1 ")
    ahead = source.taken
    for _ in range(500):
        next(reports)
    assert source.taken - 501 <= ahead  # reading stays a bounded distance ahead
    assert ahead <= (1 if jobs == 1 else jobs * 4 * 10)
    reports.close()  # stops the workers; an endless source must not keep them busy


def test_errors_from_workers_reach_the_caller() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        list(validate_many(["Hay quá", None], jobs=2))  # type: ignore[list-item]


@dataclass(frozen=True)
class WithCallback(Rule):
    """A user's rule holding a lambda: fine in one process, cannot be sent to another."""

    test: Any = field(default=lambda analysis: False)

    def violations(self, analysis: Analysis) -> list[Violation]:
        return [Violation("custom")] if self.test(analysis) else []


def test_unpicklable_rule_is_refused_up_front_for_jobs() -> None:
    rule = MinSyllables(3) & WithCallback()
    assert [r.ok for r in validate_many(["Hay quá đi thôi"], rule)] == [True]
    with pytest.raises(TypeError, match="does not pickle"):
        validate_many(["Hay quá"], rule, jobs=2)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"jobs": -1}, ValueError), ({"jobs": 1.5}, ValueError), ({"chunksize": 0}, ValueError),
     ({"locale": "fr"}, ValueError), ({"rules": "DEFAULT"}, TypeError)],
)
def test_bad_arguments(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        validate_many(["Hay quá"], **kwargs)


def test_rules_reach_the_workers() -> None:
    text = "Mời các bạn ghé thăm trang tinhte.vn để đọc thêm nhiều bài viết hay và bổ ích"
    allow = NoLinks(allow=("tinhte.vn",))
    assert [r.ok for r in validate_many([text] * 3, allow, jobs=2, chunksize=1)] == [True] * 3
    assert [r.ok for r in validate_many([text] * 3, jobs=2, chunksize=1)] == [False] * 3


def test_no_more_processes_than_cores_are_started() -> None:
    """A pool forks all its workers at once: jobs far past the cores must not fork them all."""
    import multiprocessing

    from vncomment.batch import _cores

    texts = sample()
    reports = validate_many(texts, jobs=_cores() + 3, chunksize=1)
    first = next(reports)
    started = len(multiprocessing.active_children())
    assert [first.ok, *(r.ok for r in reports)] == [validate(t).ok for t in texts]
    assert started <= _cores()
