"""Write one benchmark's section of ``docs/benchmarks.md`` without touching the others.

Several scripts (speed, server load, batch throughput, restorer accuracy ...) share the page.
Each owns the text between its own markers and replaces only that::

    from _page import write_section
    write_section("speed", markdown_text)   # between <!-- speed:start --> and <!-- speed:end -->

A section that is not on the page yet is appended at the end; the page is created with its
title when it does not exist. :func:`machine` gives the header line each section should start
with (machine, Python, package versions, date), so that figures are never read without it.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

PAGE = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
_TITLE = """# Benchmarks

Every section below is written by one script of `benchmarks/` (`make bench` runs them all) and
says when, where and with which versions it was measured. Figures from a shared or busy machine
are noisy: compare the ratios measured side by side in one run, not absolute times across
sections.
"""


def machine(*packages: str) -> str:
    """One Markdown line: date, CPU, cores, OS, Python and the versions of ``packages``."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    versions = []
    for name in ("vncomment", *packages):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"*Measured {today} on {cpu}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {sys.version.split()[0]}; {', '.join(versions)}.*"
    )


def write_section(name: str, body: str, page: Path = PAGE) -> None:
    """Put ``body`` between ``<!-- name:start -->`` and ``<!-- name:end -->`` on ``page``."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"section names are lowercase words and hyphens, got {name!r}")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = page.read_text("utf-8") if page.exists() else _TITLE
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    page.write_text(text, "utf-8")
