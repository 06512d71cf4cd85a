"""Build ``src/vncomment/locale/``: vncomment's message catalogue as gettext files.

Writes, from :data:`vncomment.messages.BUILT_IN` (the one catalogue):

- ``locale/vncomment.pot``: the template, one entry per key, msgctxt = the key
  (``too_short``, ``cli.ok`` ...), msgid = the English template;
- ``locale/<lang>/LC_MESSAGES/vncomment.po`` and its compiled ``vncomment.mo`` for every shipped
  language other than English (the source language).

Sites reword or translate these with their usual gettext tools (Poedit, Weblate, Django's
``compilemessages``); see docs/messages.md. The ``.mo`` writer follows CPython's
``Tools/i18n/msgfmt.py`` (GNU format, no hash table), so no GNU gettext is needed.

Usage::

    python scripts/build_locales.py                        # rebuild the shipped files
    python scripts/build_locales.py --compile site.po      # compile a .po of yours to site.mo
"""

from __future__ import annotations

import argparse
import ast
import struct
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from vncomment.messages import BUILT_IN, PARAMS

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "vncomment" / "locale"
DOMAIN = "vncomment"
SOURCE_LOCALE = "en"
PLURAL_FORMS = {"vi": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}
LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}

Entry = tuple[str | None, str, str]  # (msgctxt, msgid, msgstr)


def _version() -> str:
    try:
        return version("vncomment")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout never installed
        return "0+unknown"


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def po_text(locale: str | None) -> str:
    """The ``.po`` file for ``locale``, or the ``.pot`` template for ``None``."""
    name = LANGUAGE_NAMES.get(locale or "", "template")
    header = [
        f"# vncomment messages: {name}.",
        "# Source: src/vncomment/messages.py (BUILT_IN), written by scripts/build_locales.py;",
        "# edit messages.py and run the script rather than editing this file.",
        f"# Version: vncomment {_version()}.",
        "# Licence: MIT, the licence of vncomment (see LICENSE).",
        "# msgctxt is the message key (a violation code, or cli.* for the command line);",
        "# msgid is the English template; {placeholders} are filled when a message is shown.",
        'msgid ""',
        'msgstr ""',
        _quote(f"Project-Id-Version: vncomment {_version()}\n"),
        _quote(f"Language: {locale or ''}\n"),
        _quote("MIME-Version: 1.0\n"),
        _quote("Content-Type: text/plain; charset=UTF-8\n"),
        _quote("Content-Transfer-Encoding: 8bit\n"),
        _quote("Last-Translator: vncomment developers\n"),
        _quote("Language-Team: vncomment developers\n"),
    ]
    if locale:  # a template leaves it to the translator (no message here has plural forms)
        header.append(_quote(f"Plural-Forms: {PLURAL_FORMS[locale]}\n"))
    header.append("")
    lines = header
    for key in PARAMS:
        source = BUILT_IN[SOURCE_LOCALE][key]
        if PARAMS[key]:
            lines.append(f"#. placeholders: {', '.join(sorted(PARAMS[key]))}")
            lines.append("#, python-brace-format")
        lines.append(f"msgctxt {_quote(key)}")
        lines.append(f"msgid {_quote(source)}")
        lines.append(f"msgstr {_quote(BUILT_IN[locale][key] if locale else '')}")
        lines.append("")
    return "\n".join(lines)


def parse_po(text: str) -> list[Entry]:
    """The entries of a ``.po`` file (header included as msgid ""), fuzzy ones left out."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current = ""
    fuzzy = False

    def finish() -> None:
        nonlocal fuzzy
        if "msgid" in fields and not fuzzy:
            entries.append((fields.get("msgctxt"), fields["msgid"], fields.get("msgstr", "")))
        fields.clear()
        fuzzy = False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            if "msgstr" in fields:
                finish()
            fuzzy = True
        elif not line or line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword not in ("msgctxt", "msgid", "msgstr"):
                raise ValueError(f"line {number}: unsupported keyword {keyword!r} (plural forms?)")
            if keyword in ("msgctxt", "msgid") and "msgstr" in fields:
                finish()
            current = keyword
            fields[current] = ast.literal_eval(rest)
    finish()
    return entries


def mo_bytes(entries: list[Entry]) -> bytes:
    """A GNU ``.mo`` file holding the translated ``entries`` (msgctxt joined by EOT to msgid)."""
    pairs = sorted(
        ((f"{ctxt}\x04{msgid}" if ctxt is not None else msgid).encode(), msgstr.encode())
        for ctxt, msgid, msgstr in entries
        if msgstr
    )
    keys_start = 7 * 4 + 16 * len(pairs)
    ids = b"".join(k + b"\0" for k, _ in pairs)
    strs = b"".join(v + b"\0" for _, v in pairs)
    offsets: list[int] = []
    position = keys_start
    for key, _ in pairs:
        offsets += [len(key), position]
        position += len(key) + 1
    for _, value in pairs:
        offsets += [len(value), position]
        position += len(value) + 1
    header = struct.pack(
        "Iiiiiii", 0x950412DE, 0, len(pairs), 7 * 4, 7 * 4 + 8 * len(pairs), 0, 0
    )
    return header + struct.pack(f"{len(offsets)}i", *offsets) + ids + strs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", metavar="PO", type=Path, help="compile PO to a .mo beside it")
    args = parser.parse_args(argv)
    if args.compile:
        target = args.compile.with_suffix(".mo")
        target.write_bytes(mo_bytes(parse_po(args.compile.read_text(encoding="utf-8"))))
        print(target)
        return 0
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    (LOCALE_DIR / f"{DOMAIN}.pot").write_text(po_text(None), encoding="utf-8")
    for locale in BUILT_IN:
        if locale == SOURCE_LOCALE:
            continue
        folder = LOCALE_DIR / locale / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        po = po_text(locale)
        (folder / f"{DOMAIN}.po").write_text(po, encoding="utf-8")
        (folder / f"{DOMAIN}.mo").write_bytes(mo_bytes(parse_po(po)))
        print(folder / f"{DOMAIN}.po")
    return 0


if __name__ == "__main__":
    sys.exit(main())
