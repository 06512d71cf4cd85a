"""Rebuild ``src/vncomment/data/confusables.tsv`` from Unicode's ``confusables.txt`` (UTS #39).

Usage::

    python scripts/build_confusables.py                # fetch the version named below
    python scripts/build_confusables.py --from FILE    # a local copy of confusables.txt

The table keeps only what :mod:`vncomment._confusables` needs: single characters that a reader
takes for one ASCII letter or digit, or for a full stop. Each row is ``code point, reads as,
kind``:

``styled``
    a styled form of a Latin letter or digit, with no text of its own: a letter or number of the
    Latin, Common or Inherited script (small capitals ``ᴄ``, dotless ``ı``, modifier letters
    ``ᵏ``, letterlike ``ℯ ℂ``, Roman numerals ``ⅽ``, mathematical letters ``𝓴 𝕜``) or a symbol
    whose compatibility decomposition is a font, circle or square variant of one (outlined
    ``𜳖``), small capitals by their character name (``ᴛ`` is LATIN LETTER SMALL CAPITAL T,
    which confusables.txt maps to Cyrillic ``т``). Superscript and subscript digits are left
    out: ``m²`` and ``H₂O`` are notation. Folded everywhere.
``script``
    a letter of another script that looks like a Latin one (Cyrillic ``а``, Greek ``ο``,
    Armenian ``օ``, Lisu ``ꓮ``, Cherokee ``Ꭺ`` ...). A sentence in that script is ordinary
    text, so these are folded only where a link is being read.
``dot``
    punctuation that looks like a full stop (one dot leader ``․``, Vai and Syriac full stops).
``middot``
    the middle dot ``·`` and everything ``confusables.txt`` maps to it (``• ‧ ∙ ⋅ ・``): a
    separator in phone numbers, and (the link scanner decides) between a name and an ending.

A letter's reading is its NFKC form when that is one ASCII character, else the prototype in
``confusables.txt``; where the prototype is ``l`` for a capital or for something first confused
with ``I`` (``Ι``, ``ꓲ``), it reads ``I``; where it is a Latin letter outside ASCII for a
lowercase letter (``к`` is paired with ``ĸ``, ``т`` with ``ᴛ``), the lowercase of what its
capital reads as (``К`` reads ``K``, so ``к`` reads ``k``). No Vietnamese letter may appear in
the table: the build stops if one does.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import unicodedata
import urllib.request
from pathlib import Path

import regex

VERSION = "17.0.0"
URL = f"https://www.unicode.org/Public/{VERSION}/security/confusables.txt"
OUT = Path(__file__).resolve().parents[1] / "src" / "vncomment" / "data" / "confusables.tsv"

_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN_LIKE = regex.compile(r"[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]")
_LETTER_OR_NUMBER = regex.compile(r"[\p{L}\p{N}]")
_LETTER = regex.compile(r"\p{L}")
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")
_LATIN = regex.compile(r"\p{Script=Latin}")
_PUNCTUATION = regex.compile(r"\p{P}")
_STYLED_SYMBOL = regex.compile(r"[\p{So}&&[\p{dt=font}\p{dt=circle}\p{dt=square}]]", regex.V1)
_SUPER_SUB_NUMBER = regex.compile(r"[\p{N}&&[\p{dt=super}\p{dt=sub}]]", regex.V1)
_MIDDLE_DOT = "\u00b7"
_SMALL_CAPITAL = regex.compile(r"(?:LATIN|MODIFIER) LETTER SMALL CAPITAL ([A-Z])")
_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


def _parse(text: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Header fields, and for each single source character its prototype and the first
    character of its confusion chain (``# →I→``), when the prototype is one character."""
    header: dict[str, str] = {}
    prototype: dict[str, str] = {}
    first_step: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line.lstrip("#\ufeff ").partition(":")
            if key in ("Version", "Date") and value:
                header[key] = value.strip()
            continue
        data, _, comment = line.partition("#")
        fields = [f.strip() for f in data.split(";")]
        if len(fields) < 3:
            continue
        source = "".join(chr(int(cp, 16)) for cp in fields[0].split())
        target = "".join(chr(int(cp, 16)) for cp in fields[1].split())
        if len(source) != 1 or len(target) != 1:
            continue
        prototype[source] = target
        chain = comment.partition("\t#")[2].strip()
        if chain.startswith("→"):
            first_step[source] = chain[1:].partition("→")[0]
    return header, prototype, first_step


def _reading(char: str, prototype: str, first_step: str) -> str:
    nfkc = unicodedata.normalize("NFKC", char)
    if len(nfkc) == 1 and (nfkc in _ASCII_ALNUM or nfkc == "."):
        return nfkc
    if prototype == "l" and (_UPPER.match(char) or (first_step == "I" and not _LOWER.match(char))):
        return "I"
    return prototype


def _lower_by_capital(char: str, prototype: str, readings: dict[str, str]) -> str | None:
    """A lowercase letter that confusables.txt pairs with a Latin letter outside ASCII (``к``
    with ``ĸ``, ``т`` with ``ᴛ``, ``ε`` with ``ꞓ``) reads as the lowercase of what its capital
    reads as (``К`` is ``K``)."""
    capital = char.upper()
    if (
        _LOWER.match(char)
        and len(capital) == 1
        and _LATIN.match(prototype)
        and not prototype.isascii()
        and readings.get(capital, "").isalpha()
    ):
        return readings[capital].lower()
    return None


def _kind(char: str, reading: str) -> str | None:
    if reading == _MIDDLE_DOT:
        return "middot"
    if reading == ".":
        return "dot" if _PUNCTUATION.match(char) else None
    if reading not in _ASCII_ALNUM or _SUPER_SUB_NUMBER.match(char):
        return None
    if _LATIN_LIKE.match(char) and (_LETTER_OR_NUMBER.match(char) or _STYLED_SYMBOL.match(char)):
        return "styled"
    if _LETTER.match(char) and not _LATIN_LIKE.match(char):
        return "script"
    return None


def build(source_text: str, source_name: str) -> str:
    header, prototype, first_step = _parse(source_text)
    version, date = header.get("Version", "unknown"), header.get("Date", "unknown")
    rows: dict[str, tuple[str, str]] = {}
    readings = {c: _reading(c, p, first_step.get(c, "")) for c, p in prototype.items()}
    rows[_MIDDLE_DOT] = (_MIDDLE_DOT, "middot")  # the prototype itself
    for char, proto in prototype.items():
        if char.isascii():
            continue
        reading = readings[char]
        if reading not in _ASCII_ALNUM and reading not in (".", _MIDDLE_DOT):
            reading = _lower_by_capital(char, proto, readings) or reading
        kind = _kind(char, reading)
        if kind:
            rows[char] = (reading, kind)
    # Styled letters that confusables.txt leaves out or maps to another script's letter:
    # modifier letters and letterlike symbols read by their compatibility form (NFKC), small
    # capitals (ᴛ, which it maps to Cyrillic т) by their character name.
    for cp in range(0x80, sys.maxunicode + 1):
        char = chr(cp)
        if char in rows or 0xD800 <= cp < 0xE000:
            continue
        reading = unicodedata.normalize("NFKC", char)
        if small_capital := _SMALL_CAPITAL.fullmatch(unicodedata.name(char, "")):
            reading = small_capital[1].lower()
        if len(reading) == 1 and reading in _ASCII_ALNUM and _kind(char, reading) == "styled":
            rows[char] = (reading, "styled")
    vietnamese = set(_VIETNAMESE + _VIETNAMESE.upper())
    vietnamese |= {c for v in list(vietnamese) for c in unicodedata.normalize("NFD", v)}
    if clash := sorted(vietnamese & rows.keys()):
        raise SystemExit(f"Vietnamese letters would be folded: {clash}")
    today = datetime.date.today().isoformat()
    lines = [
        "# Characters that look like one ASCII letter or digit, or like a full stop.",
        f"# Source: confusables.txt, Unicode Security Mechanisms for UTS #39, Version {version}",
        f"#   (Date: {date}), {URL} (read from {source_name}),",
        f"#   with NFKC and character properties (Python unicodedata"
        f" {unicodedata.unidata_version}, regex {regex.__version__}).",
        "# Licence: Unicode License v3, https://www.unicode.org/license.txt (c) Unicode, Inc.",
        f"# Built on {today} by scripts/build_confusables.py.",
        "# Columns: code point, reads as, kind (styled: folded everywhere; script: a letter of",
        "# another script, folded only where a link is read; dot: looks like a full stop;",
        "# middot: looks like a middle dot).",
    ]
    for char in sorted(rows):
        reading, kind = rows[char]
        lines.append(f"{ord(char):04X}\t{reading}\t{kind}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="a local confusables.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source:
        text, name = args.source.read_text(encoding="utf-8-sig"), args.source.name
    else:
        with urllib.request.urlopen(URL, timeout=60) as response:
            text, name = response.read().decode("utf-8-sig"), URL
    table = build(text, name)
    args.out.write_text(table, encoding="utf-8")
    rows = sum(1 for line in table.splitlines() if not line.startswith("#"))
    print(f"{args.out}: {rows} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
