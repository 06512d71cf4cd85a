"""The length cap a site should put before ``validate()``: how long real comments are, and what
a long one costs.

Prints the length percentiles of the corpus comments (``../shared/corpus``: ViCTSD news comments
and AIVIVN reviews) and the time ``validate()`` takes per character for ordinary text and for
hostile text (runs of dotted single letters, the input that makes link finders work hardest),
from 1,000 to 100,000 characters: the cap README and docs/index.md recommend comes from these.

    python benchmarks/length_cap.py
"""

from __future__ import annotations

import time

from _corpus import comments

from vncomment import validate

ORDINARY = (
    "Giá nhà ở Hà Nội tăng nhanh hơn thu nhập quá nhiều, người trẻ như tôi làm cả đời chắc cũng"
    " khó mua nổi một căn hộ. "
)
HOSTILE = "a." * 60 + "á á " * 30
SIZES = (1_000, 3_000, 10_000, 100_000)


def lengths() -> None:
    print("comment length in characters")
    print(f"{'corpus':8} {'n':>6} {'median':>7} {'p99':>6} {'p99.9':>6} {'max':>6}")
    for name in ("victsd", "aivivn"):
        found = sorted(len(text) for text in comments(name))
        n = len(found)
        print(
            f"{name:8} {n:>6} {found[n // 2]:>7} {found[int(n * 0.99)]:>6}"
            f" {found[int(n * 0.999)]:>6} {found[-1]:>6}"
        )


def timings() -> None:
    print("\nvalidate() time (best of 3) by length")
    print(f"{'text':8} {'chars':>7} {'ms':>9} {'µs/char':>8}")
    for name, unit in (("ordinary", ORDINARY), ("hostile", HOSTILE)):
        for size in SIZES:
            text = (unit * (size // len(unit) + 1))[:size]
            validate(text)
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                validate(text)
                best = min(best, time.perf_counter() - start)
            print(f"{name:8} {size:>7} {best * 1e3:>9.1f} {best / size * 1e6:>8.2f}")


if __name__ == "__main__":
    lengths()
    timings()
