"""Speed of vncomment beside its peers, written to the "speed" section of docs/benchmarks.md.

    python benchmarks/speed.py            # make bench runs it; needs ../shared/corpus
    python benchmarks/speed.py --quick    # one round, sizes up to 100 KB (a smoke test)

1. Time per ViCTSD comment, side by side in one process, round-robin, best of five rounds of
   CPU time: default ``validate()``, ``validate()`` with each rule alone, linkify-it-py
   ``test()``, urlextract ``has_urls()``, Django's ``urlize()`` and the comment-box check sites
   run today (benchmarks/site_script.py). Ratios are to linkify-it-py: a link finder alone.
2. Time per character of ``validate()`` at 1 KB, 10 KB, 100 KB and 1 MB: ordinary comment text
   and every adversarial row (the core's, issue 11's combining marks, and benchmarks/links.py's).
3. ``import vncomment`` beside ``import regex, unidecode`` and the first ``validate()`` after
   import, each in a fresh interpreter, best of seven, in CPU time.
4. Peak memory (VmHWM) of a process that judges every ViCTSD comment and two megabytes of
   hostile text, beside the same process after the import and one comment.

The machine is shared: figures are noisy, the ratios measured side by side are what to read.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _corpus import comments
from _page import machine, write_section
from site_script import site_script

import vncomment
from vncomment import rules

HERE = Path(__file__).resolve().parent
SIZES = (1_000, 10_000, 100_000, 1_000_000)
SENTENCE = (
    "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này. Tôi thấy người dân "
    "cần được biết nhiều hơn về vấn đề này, mong các cơ quan chức năng sớm vào cuộc 👍\n"
)
# The core's own growth rows: one token, many tokens, marks, keystrokes, invisible characters.
CORE_ROWS: dict[str, Callable[[int], str]] = {
    "normal text": lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n],
    '"a" * n (one token)': lambda n: "a" * n,
    '"á " * n': lambda n: "á " * (n // 2),
    '"ko " * n': lambda n: "ko " * (n // 3),
    '"Vieetj " * n (Telex)': lambda n: "Vieetj " * (n // 7),
    '"Vie^.t " * n (VIQR)': lambda n: "Vie^.t " * (n // 7),
    '"To6i " * n (VNI)': lambda n: "To6i " * (n // 5),
    '"\\u0f73" * n (issue 11)': lambda n: "\u0f73" * n,
    '"a" + "\\u0301\\u0323" * n (issue 11)': lambda n: "a" + "\u0301\u0323" * (n // 2),
    '"a\\u0301 " * n (NFD)': lambda n: "a\u0301 " * (n // 3),
    '"a\\u200b" * n (invisible)': lambda n: "a\u200b" * (n // 2),
    '"2cái " * n (glued numbers)': lambda n: "2cái " * (n // 5),
    '"Park Hang Seo " * n (names)': lambda n: "Park Hang Seo " * (n // 14),
}


def adversarial_rows() -> dict[str, Callable[[int], str]]:
    rows = dict(CORE_ROWS)
    try:
        from links import ADVERSARIAL  # the link finder's rows, kept by its benchmark
    except ImportError as error:  # pragma: no cover - links.py renamed or broken
        print(f"(benchmarks/links.py rows not loaded: {error})", file=sys.stderr)
        return rows
    for name, make in ADVERSARIAL.items():
        rows.setdefault(name, make)
    return rows


def peers() -> dict[str, Callable[[str], object]]:
    from django.conf import settings

    if not settings.configured:
        settings.configure()
    from django.utils.html import urlize
    from linkify_it import LinkifyIt
    from urlextract import URLExtract

    linkify = LinkifyIt()
    extractor = URLExtract()
    found: dict[str, Callable[[str], object]] = {
        "vncomment `validate()`, default rules": vncomment.validate,
    }
    for rule in (
        rules.MinSyllables(10),
        rules.NoRepetition(),
        rules.RequireDiacritics(),
        rules.NoLinks(),
        rules.NoPhoneNumbers(),
    ):
        found[f"`validate(text, {rule!r})`"] = lambda text, rule=rule: vncomment.validate(
            text, rule
        )
    found["linkify-it-py `test()`"] = linkify.test
    found["urlextract `has_urls()`"] = extractor.has_urls
    found["Django `urlize()`"] = urlize
    found["the site's check (site_script.py)"] = site_script
    return found


def per_comment(texts: list[str], rounds: int) -> list[tuple[str, float]]:
    checks = peers()
    for check in checks.values():  # warm: caches and lazy tables, as in a running server
        for text in texts[:200]:
            check(text)
    best = dict.fromkeys(checks, float("inf"))
    for _ in range(rounds):
        for name, check in checks.items():
            start = time.process_time()
            for text in texts:
                check(text)
            best[name] = min(best[name], time.process_time() - start)
    return [(name, 1e6 * seconds / len(texts)) for name, seconds in best.items()]


def per_character(sizes: tuple[int, ...]) -> list[tuple[str, list[float]]]:
    out = []
    for name, make in adversarial_rows().items():
        costs = []
        for size in sizes:
            text = make(size)
            rounds = 3 if len(text) <= 100_000 else 1
            best = float("inf")
            for _ in range(rounds):
                start = time.process_time()
                vncomment.validate(text)
                best = min(best, time.process_time() - start)
            costs.append(1e9 * best / max(len(text), 1))
        out.append((name, costs))
        print(f"  {name}: " + ", ".join(f"{c:.0f}" for c in costs) + " ns/char", flush=True)
    return out


def _fresh_interpreter(code: str, runs: int = 7) -> float:
    best = float("inf")
    for _ in range(runs):
        clock = "time.process_time()"  # CPU time: waiting for a busy machine's cores is not ours
        timed = f"import time\nstart = {clock}\n{code}\nprint({clock} - start)"
        out = subprocess.run(
            [sys.executable, "-c", timed], capture_output=True, text=True, check=True, cwd="/"
        )
        best = min(best, float(out.stdout.split()[-1]))
    return 1e3 * best


def import_times() -> dict[str, float]:
    first = "vncomment.validate('Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin này.')"
    return {
        "import regex, unidecode": _fresh_interpreter("import regex, unidecode"),
        "import vncomment": _fresh_interpreter("import vncomment"),
        "import vncomment + first validate()": _fresh_interpreter(f"import vncomment\n{first}"),
    }


_MEMORY = """
import sys
sys.path.insert(0, {here!r})

def peak():  # VmHWM: the high-water mark of this process's memory (ru_maxrss survives exec)
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))

import vncomment
vncomment.validate("Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này.")
after_import = peak()
if {corpus}:
    from _corpus import comments
    for text in comments("victsd"):
        vncomment.validate(text)
vncomment.validate("a." * 500_000)
vncomment.validate("a" + "\\u0301\\u0323" * 500_000)
print(after_import, peak())
"""


def peak_memory(corpus: bool = True) -> tuple[float, float]:
    code = _MEMORY.format(here=str(HERE), corpus=corpus)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    after_import, peak = map(int, out.stdout.split())
    return after_import / 1024, peak / 1024  # KiB -> MiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round, sizes up to 100 KB")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per comment (best kept)")
    args = parser.parse_args()
    sizes = SIZES[:3] if args.quick else SIZES
    texts = list(comments("victsd"))

    lines = [
        "## Speed",
        "",
        machine("regex", "unidecode", "linkify-it-py", "urlextract", "django"),
        "",
        f"`python benchmarks/speed.py` (`make bench`). CPU time per ViCTSD comment ({len(texts):,}"
        " comments), every check in the same process, round-robin, best of "
        f"{1 if args.quick else args.rounds} rounds. Ratio: to linkify-it-py `test()`, a link"
        " finder alone;"
        " the floor for default `validate()` is 1.0.",
        "",
        "| check | µs per comment | ratio |",
        "|---|---:|---:|",
    ]
    print("per comment ...", flush=True)
    rounds = 1 if args.quick else args.rounds
    timings = per_comment(texts, rounds)
    linkify = dict(timings)["linkify-it-py `test()`"]
    lines += [f"| {name} | {us:.1f} | {us / linkify:.2f} |" for name, us in timings]

    print("per character ...", flush=True)
    growth = per_character(sizes)
    heads = " | ".join(f"{s // 1000:,} KB" for s in sizes)
    lines += [
        "",
        "`validate()` time per character (ns) as the text grows, and the ratio of the largest"
        " size to 1 KB (the floor: at most 2; 1 MB of ordinary text under 1 s, of any hostile"
        " row under 2 s).",
        "",
        f"| input | {heads} | ratio | s at {sizes[-1] // 1000:,} KB |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    for name, costs in growth:
        cells = " | ".join(f"{c:.0f}" for c in costs)
        seconds = costs[-1] * sizes[-1] / 1e9
        lines.append(
            f"| {name.replace('|', '&#124;')} | {cells} | {costs[-1] / costs[0]:.2f} |"
            f" {seconds:.2f} |"
        )

    print("import ...", flush=True)
    imports = import_times()
    base = imports["import regex, unidecode"]
    lines += [
        "",
        "Fresh interpreter, best of seven (CPU time of the statement only). Floors: the import"
        " at most 2× `import regex, unidecode`, the first call under 50 ms.",
        "",
        "| statement | ms | ratio |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{name}` | {ms:.1f} | {ms / base:.2f} |" for name, ms in imports.items()]
    first_call = imports["import vncomment + first validate()"] - imports["import vncomment"]
    lines.append(f"| first `validate()` after import | {first_call:.1f} | |")

    print("memory ...", flush=True)
    after_import, peak = peak_memory()
    lines += [
        "",
        f"Peak memory (VmHWM): {after_import:.0f} MiB after `import vncomment` and one comment,"
        f" {peak:.0f} MiB"
        " after judging every ViCTSD comment and two 1 MB hostile texts.",
    ]
    page = "\n".join(lines)
    print("\n" + page)
    if not args.no_write:
        write_section("speed", page)


if __name__ == "__main__":
    main()
