"""Build ``src/vncomment/data/restorer.txt.gz``, the diacritics restorer shipped with vncomment.

Only text whose licence allows shipping derived data goes in:

* unigrams: wordfreq's Vietnamese 'small' list (https://github.com/rspeer/wordfreq; data
  CC BY-SA 4.0), the frequency of each syllable form with its marks, from subtitles, Wikipedia,
  news and web text; plus the syllables of the localisation text below;
* bigrams: the Vietnamese localisations of free software in Debian, downloaded with
  ``apt-get download`` and unpacked with ``dpkg-deb -x`` into a temporary directory (never into
  the repository): Firefox ESR and Thunderbird language packs (MPL-2.0), LibreOffice's user
  interface and help (MPL-2.0), Chromium's Vietnamese strings (BSD-3-Clause), the GNOME help
  (CC BY-SA 3.0) and CLDR's Vietnamese locale and emoji names (Unicode-DFS-2016). Every
  string is one text; the pairs are counted exactly as :func:`vncomment.restore.train` counts
  a comment. No copyleft-licensed software text (GPL, LGPL) goes in: the package is MIT and an
  adopter should not have to ship a GPL-derived file with it. (The Vietnamese catalogues of
  The Battle for Wesnoth, GPL-2.0-or-later, were in the first model; Chromium and GNOME's
  help replace them.)

The header of the data file names every source with its version and licence.
``../shared/corpus`` (ViCTSD, AIVIVN) has no data licence and is never read here.

Usage: python scripts/build_restorer.py [--debs DIR]   (needs apt-get, dpkg-deb, wordfreq)
  --debs DIR  use the .deb files already in DIR instead of downloading them
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import html
import io
import itertools
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from wordfreq import get_frequency_dict  # type: ignore[import-untyped]

from vncomment.restore import Model, count_text
from vncomment.syllables import parse

OUT = Path(__file__).resolve().parents[1] / "src" / "vncomment" / "data" / "restorer.txt.gz"

# Debian package -> licence of its Vietnamese text (from its /usr/share/doc/*/copyright)
PACKAGES = {
    "firefox-esr-l10n-vi": "MPL-2.0",
    "thunderbird-l10n-vi": "MPL-2.0",
    "libreoffice-l10n-vi": "MPL-2.0",
    "libreoffice-help-vi": "MPL-2.0",
    "chromium-l10n": "BSD-3-Clause",
    "gnome-user-docs": "CC-BY-SA-3.0",
    "unicode-cldr-core": "Unicode-DFS-2016",
}
WORDFREQ_SCALE = 1e9  # wordfreq frequencies are stored as counts per billion words
# Bigram log-ratios are scaled by this when decoding: the pairs come from software strings, not
# comments, and trusting them fully costs accuracy on comments (see docs/restore.md).
BIGRAM_WEIGHT = 0.4  # best of 0.3-0.6 on ViCTSD's valid split (76.3-76.8 %; 1.0 was 3 points worse)
DISCOUNT = 0.5  # ViCTSD valid, at weight 0.4: 0.3 -> 76.77 %, 0.5 -> 76.84 %, 0.75 -> 76.74 %

_CLDR_TEXT = {"main", "annotations", "annotationsDerived", "subdivisions"}  # not collation rules
_TAG = re.compile(r"<[^>]+>")
_FTL_VALUE = re.compile(r"^(?:[\w.-]+\s*=|\s+(?:\.[\w-]+\s*=|\*?\[[\w-]+\]))\s*(.*)$")
_PLACEABLE = re.compile(r"\{[^{}]*\}|%\d*\$?[sdS]|&[\w.-]+;|\$\w+|\\n|~")


def mo_strings(data: bytes) -> Iterator[str]:
    """The translated strings of a GNU gettext .mo catalogue."""
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    _, n, _, table = struct.unpack(order + "4I", data[4:20])
    for i in range(n):
        length, offset = struct.unpack(order + "2I", data[table + 8 * i : table + 8 * i + 8])
        if i == 0 and length and data[offset : offset + length].startswith(b"Project-Id"):
            continue  # the catalogue's own header
        for piece in data[offset : offset + length].split(b"\0"):  # plural forms
            yield piece.decode("utf-8", "replace")


def xpi_strings(data: bytes) -> Iterator[str]:
    """The strings of a Mozilla language pack: Fluent (.ftl) and .properties values."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith((".ftl", ".properties")):
                continue
            for line in z.read(name).decode("utf-8", "replace").splitlines():
                if line.lstrip().startswith("#"):
                    continue
                if name.endswith(".ftl"):
                    m = _FTL_VALUE.match(line)
                    value = m[1] if m else line.strip()
                else:
                    value = line.split("=", 1)[1] if "=" in line else ""
                yield value


def html_strings(text: str) -> Iterator[str]:
    """The text of a LibreOffice help page or a GNOME (Mallard) help page, one paragraph at a
    time; the page's metadata (authors, translators, links) left out."""
    body = text.split("<body", 1)[-1]
    body = re.sub(r"<(script|style|info)\b.*?</\1>", " ", body, flags=re.S)
    for block in re.split(r"</?(?:p|h\d|li|td|th|div|br|title|desc|item)\b[^>]*>", body):
        yield html.unescape(_TAG.sub(" ", block))


def pak_strings(data: bytes) -> Iterator[str]:
    """The strings of a Chromium locale pack (.pak, format version 5, UTF-8)."""
    version_, encoding, count = struct.unpack("<IB3xH", data[:10])
    if version_ != 5 or encoding != 1:
        sys.exit(f"unknown .pak format {version_}/{encoding}")
    entries = [struct.unpack("<HI", data[12 + 6 * i : 18 + 6 * i]) for i in range(count + 1)]
    for (_, start), (_, end) in itertools.pairwise(entries):
        yield data[start:end].decode("utf-8", "replace")


def cldr_strings(text: str) -> Iterator[str]:
    """The element texts of a CLDR locale file: names of languages, places, units, emoji."""
    for value in re.findall(r">([^<>]+)</", text):
        yield from html.unescape(value).split(" | ")  # emoji keywords are separated by |


def package_strings(root: Path) -> Iterator[str]:
    """Every Vietnamese string in an unpacked package."""
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".mo" and "/vi/" in path.as_posix():
            yield from mo_strings(path.read_bytes())
        elif path.suffix == ".xpi":
            yield from xpi_strings(path.read_bytes())
        elif path.suffix in (".html", ".page") and "/help/vi/" in path.as_posix():
            yield from html_strings(path.read_text("utf-8", "replace"))
        elif path.name == "vi.pak":
            yield from pak_strings(path.read_bytes())
        elif path.name == "vi.xml" and path.parent.name in _CLDR_TEXT:
            yield from cldr_strings(path.read_text("utf-8"))


def unpack(debs: Path, work: Path) -> list[tuple[str, str, str, Path]]:
    """(package, version, licence, unpacked root) for every package of ``PACKAGES``."""
    found = []
    for package, licence in PACKAGES.items():
        matches = sorted(debs.glob(f"{package}_*.deb"))
        if not matches:
            sys.exit(f"{package}_*.deb not found in {debs}")
        deb = matches[-1]
        root = work / package
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        pkg_version = subprocess.run(
            ["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True
        ).stdout.strip()
        found.append((package, pkg_version, licence, root))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--debs", type=Path, help="directory with the .deb files")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    parser.add_argument("--bigram-weight", type=float, default=BIGRAM_WEIGHT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        debs = args.debs
        if debs is None:
            debs = work / "debs"
            debs.mkdir()
            subprocess.run(["apt-get", "download", *PACKAGES], check=True, cwd=debs)
        unigrams: Counter[str] = Counter()
        bigrams: Counter[tuple[str, str]] = Counter()
        header = []
        for package, pkg_version, licence, root in unpack(debs, work):
            before = unigrams.total()
            for text in package_strings(root):
                text = _PLACEABLE.sub(" , ", text)  # a placeholder ends a run of syllables
                count_text(text, unigrams, bigrams)
            header.append(
                f"source: Debian {package} {pkg_version} ({licence}): "
                f"{unigrams.total() - before} syllables of Vietnamese text"
            )
    prior: dict[str, float] = dict(unigrams)
    wordfreq_forms = 0
    for word, freq in get_frequency_dict("vi", wordlist="small").items():
        syllable = parse(word)
        if syllable is None or not word.isalpha():
            continue
        prior[word] = prior.get(word, 0.0) + round(freq * WORDFREQ_SCALE)
        wordfreq_forms += 1
    header = [
        f"built {datetime.date.today()} by scripts/build_restorer.py",
        f"source: wordfreq {version('wordfreq')} Vietnamese 'small' list, {wordfreq_forms} "
        "syllable forms as counts per billion words (https://github.com/rspeer/wordfreq; "
        "data CC BY-SA 4.0)",
        *header,
        "licence of this file: counts derived from the texts above, not the texts; "
        "CC BY-SA 4.0 (wordfreq, and GNOME's help under CC BY-SA 3.0), MPL-2.0, BSD-3-Clause "
        "and Unicode-DFS-2016 (the other Debian sources); nothing GPL- or LGPL-licensed",
    ]
    model = Model(
        prior, bigrams, header=header, bigram_weight=args.bigram_weight, discount=DISCOUNT
    )
    model.save(args.out)
    size = args.out.stat().st_size
    forms, pairs = len(model.vocab) - 1, len(model.bigrams)
    print(f"wrote {forms} forms, {pairs} pairs ({size} bytes) to {args.out}")
    with gzip.open(args.out, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            print(line.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
