"""Syllable analysis against Debian's hunspell-vi and the project's counting table.

    python benchmarks/syllables.py

Prints how many hunspell-vi entries the spelling grammar accepts (and, grouped by the reason
the tests give, which it does not), how many old-placement variants (hoà -> hòa) it accepts,
and the counting table's result. Needs /usr/share/hunspell/vi_VN.dic (apt install hunspell-vi);
the counting table is the project's own (tests/fixtures/counting.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_syllables import (  # noqa: E402  (the tests' own word lists, read once)
    HUNSPELL,
    HUNSPELL_NOT_SYLLABLES,
    _hunspell_words,
    _old_placement,
)

from vncomment import count_syllables  # noqa: E402
from vncomment.syllables import is_syllable  # noqa: E402


def main() -> None:
    print("| check | accepted | of | notes |")
    print("|---|---:|---:|---|")
    if HUNSPELL.exists():
        words = _hunspell_words()
        rejected = {w for w in words if not is_syllable(w)}
        print(f"| hunspell-vi entries | {len(words) - len(rejected)} | {len(words)} | |")
        for group, reason in HUNSPELL_NOT_SYLLABLES.items():
            listed = set(group.split()) & rejected
            print(f"| not syllables: {reason} | | {len(listed)} | {', '.join(sorted(listed))} |")
        unexplained = rejected - {w for g in HUNSPELL_NOT_SYLLABLES for w in g.split()}
        print(f"| rejected without a listed reason | | {len(unexplained)} | |")
        variants = {_old_placement(w) for w in words} - set(words)
        ok = sum(map(is_syllable, variants))
        print(f"| old tone placement variants (hoà -> hòa) | {ok} | {len(variants)} | |")
    else:
        print(f"| hunspell-vi | | | {HUNSPELL} not found: apt install hunspell-vi |")
    cases = json.loads((ROOT / "tests/fixtures/counting.json").read_text("utf-8"))["cases"]
    right = sum(count_syllables(c["text"]) == c["count"] for c in cases)
    print(f"| counting table (tests/fixtures/counting.json) | {right} | {len(cases)} | |")


if __name__ == "__main__":
    main()
