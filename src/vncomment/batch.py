"""Judge many comments: :func:`validate_many`, streaming, on one core or on all of them.

>>> from vncomment.batch import validate_many
>>> texts = ["Hay quá", "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."]
>>> [report.ok for report in validate_many(texts)]
[False, True]

Reports come back in input order. Input is read lazily, a bounded number of chunks ahead of the
report being handed out, so a generator over a file of any size is judged in flat memory. With
``jobs > 1`` the chunks are judged in worker processes (the rule is sent to each worker once);
a rule that cannot be pickled (a lambda in a custom rule) raises ``TypeError`` up front.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from vncomment import validate
from vncomment.messages import resolve_locale
from vncomment.report import Report, Violation
from vncomment.rules import Rule

__all__ = ["validate_many"]

DEFAULT_CHUNKSIZE = 256
"""Comments per task sent to a worker: large enough that the cost of sending a task is small
beside judging ~256 comments (about 60 ms), small enough to keep every worker busy."""

_PENDING_PER_JOB = 4
"""Chunks in flight per worker: how far input is read ahead of the report handed out."""


def validate_many(
    texts: Iterable[str],
    rules: Rule | None = None,
    *,
    locale: str = "vi",
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Generator[Report, None, None]:
    """Yield ``validate(text, rules, locale=locale)`` for each text, in input order.

    ``jobs`` is the number of processes: 1 (default) judges in this process, ``0`` uses every
    core. No more processes are started than the cores this process may run on: judging is CPU
    work, so more would only cost memory, and a pool forks all its workers at once (``jobs=99999``
    tried to fork 99,999 processes). At most 4 chunks of ``chunksize`` texts per process are read
    ahead of the report being yielded. Closing the iterator early (``break``) stops the workers.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ValueError(f"jobs must be an int >= 0, got {jobs!r}")
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise ValueError(f"chunksize must be an int >= 1, got {chunksize!r}")
    if rules is not None and not isinstance(rules, Rule):
        raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
    locale = resolve_locale(locale)  # "vi-VN" is "vi"; an unknown one is refused now
    workers = min(jobs or _cores(), _cores())
    if jobs == 1:
        return (validate(text, rules, locale=locale) for text in texts)
    # Checked whenever processes were asked for, so that a call fails alike on every machine.
    try:
        pickle.dumps(rules)
    except Exception as error:  # pickle raises several types; all mean the same here
        raise TypeError(f"jobs > 1 sends the rule to other processes, and it does not pickle: "
                        f"{error}") from error
    if workers == 1:
        return (validate(text, rules, locale=locale) for text in texts)
    return _in_processes(texts, rules, locale, workers, chunksize)


def _cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _in_processes(
    texts: Iterable[str], rules: Rule | None, locale: str, workers: int, chunksize: int
) -> Generator[Report, None, None]:
    source = iter(texts)
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(rules, locale))
    pending: deque[tuple[list[str], Future[list[_Verdict]]]] = deque()
    try:
        while True:
            while len(pending) < workers * _PENDING_PER_JOB:
                chunk = list(islice(source, chunksize))
                if not chunk:
                    break
                pending.append((chunk, pool.submit(_validate_chunk, chunk)))
            if not pending:
                return
            chunk, verdicts = pending.popleft()
            for text, (violations, count) in zip(chunk, verdicts.result(), strict=True):
                yield Report(text=text, violations=violations, syllable_count=count, locale=locale)
    finally:
        # Also on break, an exception or Ctrl-C: drop the queued chunks, let workers end.
        pool.shutdown(wait=True, cancel_futures=True)


_worker_rules: Rule | None = None
_worker_locale = "vi"


def _start_worker(rules: Rule | None, locale: str) -> None:
    global _worker_rules, _worker_locale
    _worker_rules, _worker_locale = rules, locale
    # Ctrl-C reaches the whole process group; the parent decides what to do about it, so the
    # workers must not each print a KeyboardInterrupt traceback. SIGTERM ends a worker at once,
    # whatever handler the parent had when it forked (the command's turns it into a summary).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


_Verdict = tuple[tuple[Violation, ...], int]


def _validate_chunk(texts: list[str]) -> list[_Verdict]:
    # The text is not sent back: the parent still holds it, and it is most of a report's size.
    reports = (validate(text, _worker_rules, locale=_worker_locale) for text in texts)
    return [(report.violations, report.syllable_count) for report in reports]
