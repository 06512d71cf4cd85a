"""Rebuild ``src/vncomment/data/tlds.txt`` from IANA's list of top-level domains.

Usage::

    python scripts/refresh_tlds.py                 # fetch https://data.iana.org/TLD/...
    python scripts/refresh_tlds.py --from FILE     # a local copy of tlds-alpha-by-domain.txt

The output keeps IANA's version line, stores every TLD lowercase, and adds the Unicode form of
each punycode (``xn--``) TLD on its own line, so a scanner can look up either spelling.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import urllib.request
from pathlib import Path

IANA_URL = "https://data.iana.org/TLD/tlds-alpha-by-domain.txt"
OUT = Path(__file__).resolve().parents[1] / "src" / "vncomment" / "data" / "tlds.txt"


def build(source_text: str, source_name: str) -> str:
    lines = source_text.splitlines()
    version = next((ln.lstrip("# ").strip() for ln in lines if ln.startswith("#")), "unknown")
    tlds: list[str] = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tld = line.lower()
        tlds.append(tld)
        if tld.startswith("xn--"):
            tlds.append(tld.encode("ascii").decode("idna"))
    today = datetime.date.today().isoformat()
    header = [
        "# Top-level domains from IANA's Root Zone Database, lowercase, one per line.",
        f"# Source: {source_name}",
        f"# IANA {version}",
        f"# Built on {today} by scripts/refresh_tlds.py; punycode TLDs are followed by their",
        "# Unicode form. Licence: IANA publishes this list for public use (public domain facts).",
    ]
    return "\n".join(header + tlds) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="local copy of IANA's list")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source is not None:
        text = args.source.read_text(encoding="utf-8")
        name = f"{IANA_URL} (local copy read from {args.source.name})"
    else:
        with urllib.request.urlopen(IANA_URL, timeout=30) as response:
            text = response.read().decode("utf-8")
        name = IANA_URL
    args.out.write_text(build(text, name), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
