"""Accuracy of RequireDiacritics on real comments, and its cost. Prints Markdown tables.

    python benchmarks/diacritics.py [--strictness 0.5 0.6 ...]

Rows (data in ../shared/corpus, see its README):
- accented: ViCTSD comments with >= 10 syllables, as written (should pass);
- stripped: the same with every word passed through unidecode (should be flagged);
- one/two slips: accented comments with one or two marked words stripped (should pass);
- half stripped: the same with every other word stripped (should be flagged);
- AIVIVN plain: AIVIVN comments typed entirely without marks with >= 10 Vietnamese-shaped
  syllables (should be flagged);
- short: ViCTSD comments of 4-9 syllables with some mark, as written (should pass) and
  stripped (should be flagged).
"""

from __future__ import annotations

import argparse
import random
import time

from _corpus import comments
from unidecode import unidecode

from vncomment import analyze, validate
from vncomment.diacritics import judge
from vncomment.rules import MinSyllables, NoLinks, NoRepetition, RequireDiacritics


def strip_every_other(text: str) -> str:
    return " ".join(unidecode(w) if i % 2 else w for i, w in enumerate(text.split(" ")))


def strip_some(text: str, n: int, rng: random.Random) -> str:
    """Strip the marks of ``n`` marked words: a typist's slips."""
    words = text.split(" ")
    marked = [i for i, w in enumerate(words) if unidecode(w) != w]
    for i in rng.sample(marked, min(n, len(marked))):
        words[i] = unidecode(words[i])
    return " ".join(words)


def is_plain(text: str) -> bool:
    return all(unidecode(c) == c for c in text if c.isalpha())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--strictness", type=float, nargs="*", default=[0.5, 0.6, 0.65, 0.7, 0.8])
    args = parser.parse_args()

    counted = [(c, len(analyze(c).syllables)) for c in comments("victsd")]
    victsd = [c for c, n in counted if n >= 10]
    short = [c for c, n in counted if 4 <= n < 10 and not is_plain(c)]
    aivivn = [c for c in comments("aivivn") if is_plain(c) and len(analyze(c).syllables) >= 10]
    sets = {
        "ViCTSD accented (pass)": (victsd, False),
        "ViCTSD accented, no all-plain (pass)": ([c for c in victsd if not is_plain(c)], False),
        "ViCTSD accented, one slip (pass)": (
            [strip_some(c, 1, random.Random(i)) for i, c in enumerate(victsd)],
            False,
        ),
        "ViCTSD accented, two slips (pass)": (
            [strip_some(c, 2, random.Random(i)) for i, c in enumerate(victsd)],
            False,
        ),
        "ViCTSD stripped (flag)": ([unidecode(c) for c in victsd], True),
        "ViCTSD every other word stripped (flag)": ([strip_every_other(c) for c in victsd], True),
        "AIVIVN typed without marks (flag)": (aivivn, True),
        "ViCTSD short (4-9 syllables) with marks (pass)": (short, False),
        "ViCTSD short, stripped (flag)": ([unidecode(c) for c in short], True),
    }
    analyses = {name: [analyze(c) for c in texts] for name, (texts, _) in sets.items()}
    print("| set | comments | " + " | ".join(f"strictness {s}" for s in args.strictness) + " |")
    print("|---|---:|" + "---:|" * len(args.strictness))
    for name, (_, flag) in sets.items():
        cells = []
        for strictness in args.strictness:
            right = sum(judge(a, strictness).unmarked_text == flag for a in analyses[name])
            cells.append(f"{100 * right / len(analyses[name]):.2f} %")
        print(f"| {name} | {len(analyses[name])} | " + " | ".join(cells) + " |")
    print("\n(each cell: share of comments judged as the set expects)\n")

    print("| set | weighted unmarked share: 1st pct | median | 99th pct | 99.9th pct |")
    print("|---|---:|---:|---:|---:|")
    for name in ("ViCTSD accented (pass)", "ViCTSD every other word stripped (flag)"):
        shares = sorted(judge(a).share for a in analyses[name])
        cells = [
            shares[min(len(shares) - 1, int(q * len(shares)))] for q in (0.01, 0.5, 0.99, 0.999)
        ]
        print(f"| {name} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
    print()

    without = MinSyllables(10) & NoRepetition() & NoLinks()
    with_rule = without & RequireDiacritics()
    texts = victsd

    def timed(rule: object) -> float:
        start = time.perf_counter()
        for c in texts:
            validate(c, rule)  # type: ignore[arg-type]
        return time.perf_counter() - start

    # Warm both (data files, caches), then alternate rounds so drift hits both alike.
    timed(without), timed(with_rule)
    rounds = [(timed(without), timed(with_rule)) for _ in range(5)]
    base, full = min(r[0] for r in rounds), min(r[1] for r in rounds)
    print("| validate() on ViCTSD (>= 10 syllables) | µs per comment |")
    print("|---|---:|")
    print(f"| without RequireDiacritics | {1e6 * base / len(texts):.1f} |")
    print(f"| with RequireDiacritics | {1e6 * full / len(texts):.1f} |")
    print(f"| cost of the rule | {100 * (full - base) / base:+.1f} % |")


if __name__ == "__main__":
    main()
