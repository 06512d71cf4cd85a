"""Link finding: vncomment against linkify-it-py and urlextract.

Run: ``.venv/bin/python benchmarks/links.py`` (a few minutes on 2 cores). Prints

1. links found / traps passed on the same tables: the project's fixtures
   (``tests/fixtures/links_*.json``) and linkify-it's ``links.txt``/``not_links.txt``;
2. our verdict on every ``not_links.txt`` line, with the reason where we differ;
3. found / passed per disguise family (the fixtures' labels name the family);
4. links found in ViCTSD and AIVIVN;
5. time per ViCTSD comment, vncomment ``find_links`` against linkify-it-py ``test()``, and the
   pre-check: the share of comments it lets skip the scan, and the scan's time with and without it;
6. cost per character from 1 KB to 1 MB on adversarial inputs. Peers run in a subprocess with a
   5 s timeout and only up to 10 KB: urlextract alone takes more than 20 s on ``"1." * 8000``.

The shared corpus (``../shared/corpus``) is optional: tables that need it are skipped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from vncomment._normalize import normalize
from vncomment.links import find_links
from vncomment.links._candidates import may_have_links
from vncomment.links._scanner import scan_links

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
PEER_TIMEOUT = 5.0


def _linkify() -> Callable[[str], bool]:
    from linkify_it import LinkifyIt

    linkify = LinkifyIt()
    return lambda text: bool(linkify.test(text))


def _urlextract() -> Callable[[str], bool]:
    from urlextract import URLExtract

    extractor = URLExtract()
    return lambda text: bool(extractor.find_urls(text))


FINDERS: dict[str, Callable[[], Callable[[str], bool]]] = {
    "vncomment": lambda: lambda text: bool(find_links(text)),
    "linkify-it-py": _linkify,
    "urlextract": _urlextract,
}


def linkify_tables() -> tuple[list[str], list[str]]:
    lines = (CORPUS / "linkify-it" / "links.txt").read_text(encoding="utf-8").strip().split("\n")
    links, skip = [], False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if line.startswith("%") or not line.strip():
            continue
        links.append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        skip = bool(nxt.strip()) and not nxt.startswith("%")
    text = (CORPUS / "linkify-it" / "not_links.txt").read_text(encoding="utf-8")
    not_links = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("%")]
    return links, not_links


def victsd() -> list[str]:
    with (CORPUS / "victsd.tsv").open(encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = header.index("text")
        out = []
        for line in f:
            raw = line.rstrip("\n").split("\t")[col]
            out.append(
                raw.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
                .replace("\\\\", "\\")
            )  # fmt: skip
    return out


def table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    print()


def detection() -> None:
    found = [c["input"] for c in json.loads((FIXTURES / "links_found.json").read_text("utf-8"))]
    traps = [c["input"] for c in json.loads((FIXTURES / "links_traps.json").read_text("utf-8"))]
    sets = [("project links (found)", found, True), ("project traps (passed)", traps, False)]
    if (CORPUS / "linkify-it").exists():
        links, not_links = linkify_tables()
        sets += [("linkify links.txt (found)", links, True)]
        sets += [("linkify not_links.txt (passed)", not_links, False)]
    finders = {name: make() for name, make in FINDERS.items()}
    rows = []
    for label, cases, want in sets:
        row = [label]
        for finder in finders.values():
            row.append(f"{sum(finder(c) == want for c in cases)}/{len(cases)}")
        rows.append(row)
    print("## Links found and traps passed\n")
    table(rows, ["table", *finders])


def not_links_verdicts() -> None:
    if not (CORPUS / "linkify-it").exists():
        return
    _, not_links = linkify_tables()
    rows_json = json.loads((FIXTURES / "links_linkify_differences.json").read_text("utf-8"))
    reasons = {row["input"]: row["reason"] for row in rows_json}
    rows = []
    for line in not_links:
        links = find_links(line)
        verdict = "link: " + ", ".join(link.text for link in links) if links else "not a link"
        rows.append([line.replace("|", "\\|"), verdict, reasons.get(line, "agrees")])
    print("## Our verdict on linkify-it's not_links.txt\n")
    table(rows, ["input", "vncomment", "why we differ"])


FAMILIES = [
    "dot symbol", "bracket dot", "spoken comma", "spoken ending", "spelled name",
    "one-syllable name",
]  # fmt: skip


def families() -> None:
    found = json.loads((FIXTURES / "links_found.json").read_text("utf-8"))
    traps = json.loads((FIXTURES / "links_traps.json").read_text("utf-8"))
    finders = {name: make() for name, make in FINDERS.items()}
    rows = []
    for family in FAMILIES:
        links = [c["input"] for c in found if c["label"].startswith(family + ":")]
        safe = [c["input"] for c in traps if c["label"].startswith(family + ":")]
        row = [family]
        for finder in finders.values():
            row.append(f"{sum(map(finder, links))}/{len(links)}")
            row.append(f"{sum(not finder(t) for t in safe)}/{len(safe)}")
        rows.append(row)
    print("## Disguise families (links found, traps passed)\n")
    table(rows, ["family", *(f"{n} {w}" for n in finders for w in ("found", "traps"))])


def corpus_links() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from _corpus import comments

    rows = []
    for name in ("victsd", "aivivn"):
        if not (CORPUS / f"{name}.tsv").exists():
            continue
        texts = list(comments(name))
        links = [link.text for text in texts for link in find_links(text)]
        rows.append([name, str(len(texts)), str(len(links)), ", ".join(sorted(set(links)))[:90]])
    if rows:
        print("## Links found in the corpora (read each one: are they real?)\n")
        table(rows, ["corpus", "comments", "links", "links found (first 90 characters)"])


def precheck() -> None:
    if not (CORPUS / "victsd.tsv").exists():
        return
    analysed = [normalize(text).text for text in victsd()]
    skipped = sum(not may_have_links(text) for text in analysed)

    def with_precheck() -> None:
        for text in analysed:
            if may_have_links(text):
                scan_links(text)

    def scan_all() -> None:  # as before the pre-check: every stage on every comment
        for text in analysed:
            scan_links(text, hints=False)

    times = {}
    for label, run in (
        ("every stage, every comment", scan_all),
        ("pre-check, then hinted stages", with_precheck),
    ):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            run()
            runs.append((time.perf_counter() - start) / len(analysed) * 1e6)
        times[label] = min(runs)
    print(f"## The pre-check on ViCTSD ({len(analysed)} normalised comments, best of 3)\n")
    print(f"It finds nothing link-like in {skipped} comments ({skipped / len(analysed):.0%}).\n")
    rows = [[label, f"{us:.1f} µs"] for label, us in times.items()]
    ratio = times["pre-check, then hinted stages"] / times["every stage, every comment"]
    table([*rows, ["ratio", f"{ratio:.2f}"]], ["link scan", "per comment"])


def per_comment() -> None:
    if not (CORPUS / "victsd.tsv").exists():
        return
    comments = victsd()
    results = {}
    for name in ("vncomment", "linkify-it-py"):
        finder = FINDERS[name]()
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            for text in comments:
                finder(text)
            runs.append((time.perf_counter() - start) / len(comments) * 1e6)
        results[name] = min(runs)
    ratio = results["vncomment"] / results["linkify-it-py"]
    print(f"## Time per ViCTSD comment ({len(comments)} comments, best of 3)\n")
    table(
        [[name, f"{us:.1f} µs"] for name, us in results.items()]
        + [["ratio vncomment / linkify-it-py", f"{ratio:.2f}"]],
        ["finder", "per comment"],
    )


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    '"1." * n': lambda n: "1." * (n // 2),
    '"a-" * n': lambda n: "a-" * (n // 2) + "!",
    '"a." * n': lambda n: "a." * (n // 2),
    '"a@" * n': lambda n: "a@" * (n // 2),
    "long scheme": lambda n: "h" + "t" * (n - 8) + "p://a.vn",
    '"http://" * n': lambda n: "http://" * (n // 7),
    "flood of dots": lambda n: "a" + "." * (n - 5) + "com",
    '"chấm " * n': lambda n: "chấm " * (n // 5),
    '"a.b/" * n': lambda n: "a.b/" * (n // 4),
    '"abc.com/(" * n': lambda n: "abc.com/(" * (n // 9),
    '"http://)" * n': lambda n: "http://)" * (n // 8),
    '"abc chấm " * n': lambda n: "abc chấm " * (n // 9) + "com",
    '"a b c . " * n': lambda n: "a b c . " * (n // 8),
    '"x.cơm " * n': lambda n: "x.cơm " * (n // 6),
    '"a · " * n': lambda n: "a · " * (n // 4),
    '"kiem.com.Ba" * n': lambda n: "kiem.com" + ".Ba" * ((n - 8) // 3),
    "normal text": lambda n: (
        "Bài viết rất hay, cảm ơn tác giả TP.HCM giá 3.5 triệu xem abc.vn nhé. " * (n // 70 + 1)
    )[:n],
}
SIZES = [1_000, 10_000, 100_000, 1_000_000]
PEER_CODE = """
import sys, time
name, kind, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, {bench!r})
from links import ADVERSARIAL, FINDERS
finder = FINDERS[name]()
finder("warm up: compile lazy patterns on abc.com")
text = ADVERSARIAL[kind](n)
start = time.perf_counter()
finder(text)
print((time.perf_counter() - start) / len(text) * 1e9)
"""


def _ns_per_char(kind: str, n: int) -> float:
    text = ADVERSARIAL[kind](n)
    best = float("inf")
    for _ in range(3 if n < 1_000_000 else 1):
        start = time.perf_counter()
        find_links(text)
        best = min(best, time.perf_counter() - start)
    return best / len(text) * 1e9


def _peer_ns_per_char(name: str, kind: str, n: int) -> str:
    code = PEER_CODE.format(bench=str(Path(__file__).parent))
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, name, kind, str(n)],
            capture_output=True, text=True, timeout=PEER_TIMEOUT, check=True,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f">{PEER_TIMEOUT:.0f} s"
    except subprocess.CalledProcessError:
        return "error"
    return f"{float(out.stdout):.0f}"


def linear_time() -> None:
    print("## Cost per character (ns/char) on adversarial inputs\n")
    print("vncomment at 1 KB .. 1 MB; peers at 1 KB and 10 KB only, each in a subprocess with a")
    print(f"{PEER_TIMEOUT:.0f} s timeout (larger sizes would take minutes).\n")
    rows = []
    for kind in ADVERSARIAL:
        ours = [f"{_ns_per_char(kind, n):.0f}" for n in SIZES]
        peers = [_peer_ns_per_char(p, kind, n) for p in ("linkify-it-py", "urlextract")
                 for n in SIZES[:2]]  # fmt: skip
        rows.append([kind, *ours, *peers])
    header = ["input", *(f"ours {n // 1000} KB" for n in SIZES)]
    header += [f"{p} {n // 1000} KB" for p in ("linkify", "urlextract") for n in SIZES[:2]]
    table(rows, header)


def main() -> None:
    detection()
    not_links_verdicts()
    families()
    corpus_links()
    per_comment()
    precheck()
    linear_time()


if __name__ == "__main__":
    main()
