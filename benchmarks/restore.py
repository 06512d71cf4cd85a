"""Accuracy and cost of the diacritics restorer (issue 17). Prints Markdown tables and writes
its section of docs/benchmarks.md.

    python benchmarks/restore.py [--split test] [--model PATH] [--no-page]

Data (../shared/corpus, see its README; measured with, never shipped): the ViCTSD comments of
``--split`` (default ``test``) typed with marks, every character passed through ``unidecode``.
Each is restored and compared word by word with the comment as written (NFC): syllable accuracy
counts the Vietnamese syllables of the original restored exactly (compared in lowercase, since
pyvi changes case; vncomment keeps it), and "comments right" the comments whose every syllable is.

Rows:
- most frequent form: each syllable alone, its most frequent marked form in the shipped unigrams;
- pyvi ``ViUtils.add_accents`` (the one restorer on PyPI), its KeyErrors counted as failures;
- the shipped model (floor 75 %);
- a model trained by ``vncomment.restore.train`` on ViCTSD's ``train`` and ``valid`` splits, a
  stand-in for a site's own comments (floor 88 %): built here, kept in memory, never written.
Then the time per comment (median) and the load time of the shipped data file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from importlib.resources import files

import regex
from _corpus import CORPUS, unescape
from _page import machine, write_section
from unidecode import unidecode

from vncomment.analysis import analyze
from vncomment.diacritics import judge
from vncomment.restore import DEFAULT_MODEL, Model, default_model, restore, train
from vncomment.syllables import parse

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
FLOORS = {"shipped": 75.0, "trained": 88.0}


def victsd(splits: set[str]) -> list[str]:
    path = CORPUS / "victsd.tsv"
    if not path.exists():
        sys.exit(f"{path} not found: the corpus lives in ../shared/corpus beside the project")
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [unescape(r["text"]) for r in rows if r["split"] in splits]


def accented(texts: list[str]) -> list[str]:
    """Comments typed with marks (the diacritics rule passes them), in NFC."""
    out = []
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        if unidecode(text) != text and not judge(analyze(text)).unmarked_text:
            out.append(text)
    return out


def score(
    name: str, restorer: Callable[[str], str], comments: list[str]
) -> tuple[str, float, float, int, float]:
    """(name, syllable accuracy %, comments right %, failures, median ms per comment)."""
    right = total = whole = failures = 0
    times = []
    for original in comments:
        stripped = unidecode(original)
        start = time.process_time()  # CPU time: the machine may be shared
        try:
            restored = restorer(stripped)
        except KeyError:
            restored = stripped  # pyvi raises on some inputs: nothing restored
            failures += 1
        times.append(time.process_time() - start)
        want = WORD.findall(original)
        got = WORD.findall(restored)
        if len(got) != len(want):
            got = [""] * len(want)
        ok = True
        for w, g in zip(want, got, strict=True):
            if parse(w) is None:
                continue
            total += 1
            if w.lower() == g.lower():
                right += 1
            else:
                ok = False
        whole += ok
    n = len(comments)
    return name, 100 * right / total, 100 * whole / n, failures, 1000 * statistics.median(times)


def most_frequent(model: Model) -> Model:
    """The shipped unigrams alone: each syllable gets its most frequent form."""
    return Model(dict(zip(model.vocab[1:], model.unigrams[1:], strict=True)), {})


def load_time() -> float:
    """Median CPU seconds to read and parse the shipped data file, over 5 fresh loads."""
    data = files("vncomment").joinpath(DEFAULT_MODEL)
    times = []
    for _ in range(5):
        start = time.process_time()
        Model.load(str(data))
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="test")
    parser.add_argument("--model", help="also score the model saved at this path")
    parser.add_argument("--no-trained", action="store_true", help="skip the trained model")
    parser.add_argument("--no-page", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()

    comments = accented(victsd({args.split}))
    syllables = sum(1 for c in comments for w in WORD.findall(c) if parse(w))
    shipped = default_model()
    rows = []
    baseline = most_frequent(shipped)
    rows.append(
        score("most frequent form (shipped unigrams)", lambda t: restore(t, baseline), comments)
    )
    try:
        from pyvi import ViUtils  # type: ignore[import-untyped]

        rows.append(score("pyvi ViUtils.add_accents", ViUtils.add_accents, comments))
    except ImportError:
        print("pyvi not installed: its row is left out", file=sys.stderr)
    rows.append(score("vncomment, shipped model", restore, comments))
    if args.model:
        rows.append(score(f"vncomment, {args.model}", lambda t: restore(t, args.model), comments))
    trained_note = ""
    if not args.no_trained:
        start = time.perf_counter()
        site = train(victsd({"train", "valid"}))
        seconds = time.perf_counter() - start
        rows.append(
            score("vncomment, trained on ViCTSD train+valid", lambda t: restore(t, site), comments)
        )
        size = len(gzip.compress(site._text().encode("utf-8")))
        trained_note = (
            f"The trained model: {len(site.vocab) - 1} forms, {len(site.bigrams)} pairs, "
            f"{size / 1e6:.2f} MB saved, trained in {seconds:.1f} s."
        )
    load = load_time()
    size = files("vncomment").joinpath(DEFAULT_MODEL).read_bytes()

    lines = [
        machine("pyvi", "wordfreq"),
        "",
        f"ViCTSD `{args.split}` comments typed with marks, stripped by unidecode and restored: "
        f"{len(comments)} comments, {syllables} syllables (`python benchmarks/restore.py`).",
        "",
        "| restorer | syllables right | comments entirely right | errors raised | "
        "median CPU ms per comment |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, acc, whole, failures, ms in rows:
        lines.append(f"| {name} | {acc:.1f} % | {whole:.1f} % | {failures} | {ms:.2f} |")
    lines += [
        "",
        f"Shipped data file: {len(size) / 1e6:.2f} MB, {len(shipped.vocab) - 1} forms, "
        f"{len(shipped.bigrams)} pairs; loaded in {1000 * load:.0f} ms of CPU (median of 5; "
        "floor 300 ms). " + trained_note,
        "",
        "Floors: shipped model >= 75 % of syllables, trained model >= 88 %, <= 2 ms per comment.",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_page and args.split == "test" and not args.model:
        write_section("restore", "## Diacritics restorer\n\n" + text)


if __name__ == "__main__":
    main()
