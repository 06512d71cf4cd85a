"""How many ViCTSD and AIVIVN verdicts a change moved: save the verdicts of one version of the
code, then compare another version against them.

    # the code as it was (any checkout of src/ on PYTHONPATH), then the code as it is
    PYTHONPATH=/tmp/old/src python benchmarks/corpus_verdicts.py --save /tmp/verdicts.json
    python benchmarks/corpus_verdicts.py --compare /tmp/verdicts.json

A verdict is the violation codes and the syllable count of default ``validate()``. The saved
file holds figures about ../shared/corpus and stays outside the project (it has no licence).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _corpus import comments

import vncomment

CORPORA = ("victsd", "aivivn")


def verdicts(name: str) -> list[list[object]]:
    return [
        [list(r.codes), r.syllable_count] for r in map(vncomment.validate, comments(name))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write this code's verdicts here")
    action.add_argument("--compare", type=Path, help="compare this code's verdicts to a file")
    parser.add_argument("--show", type=int, default=10, help="changed comments shown per corpus")
    args = parser.parse_args()
    print(f"vncomment from {Path(vncomment.__file__).parent}")
    if args.save:
        args.save.write_text(json.dumps({n: verdicts(n) for n in CORPORA}), "utf-8")
        print(f"saved to {args.save}")
        return
    saved = json.loads(args.compare.read_text("utf-8"))
    for name in CORPORA:
        texts = list(comments(name))
        now = verdicts(name)
        changed = [
            (t, old, new) for t, old, new in zip(texts, saved[name], now, strict=True) if old != new
        ]
        moved = sum(bool(old[0]) != bool(new[0]) for _, old, new in changed)
        print(f"{name}: {len(changed)} of {len(texts)} verdicts changed"
              f" ({moved} between pass and reject)")
        for text, old, new in changed[: args.show]:
            print(f"  {old} -> {new}: {text[:120]!r}")


if __name__ == "__main__":
    main()
