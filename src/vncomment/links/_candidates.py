"""What the scanner looks for: schemes, chains of labels joined by dots however written, IPv6.

Each pattern below carries the evidence for it. Every pattern is possessive or bounded (labels
at most 63 characters, short separators) and starts only at a word start, so a scan is linear;
:func:`may_have_links` is the cheap test that lets a comment with nothing link-like skip the scan.
"""

from __future__ import annotations

import unicodedata

import regex

from vncomment.links._lookalikes import lookalikes_of

_LABEL_CHARS = r"\p{L}\p{N}\p{M}\p{So}"  # besides the hyphen

# Dot symbols: punctuation or mathematical symbols that Unicode names a dot, a full stop, a
# bullet or a hyphenation point (· • ∙ ⋅ ‧ ・ ...), and the symbols UTS #39 confuses with the
# middle dot (᛫). Spammers put them where the dot goes (kiemtien·com, kiemtien•vn);
# ". ． 。 ｡ ﹒ ․" are folded to "." by normalisation. The string is what
# dot_symbols_from_unicode() derives from the Unicode data (tests/test_links_precheck.py checks
# it), kept literal so that importing costs nothing. Letters UTS #39 confuses with the middle
# dot (ꞏ, ᐧ) are left out: they are letters of their scripts, so they stay inside labels.
DOT_SYMBOLS = (
    "\u00b7\u0387\u0589\u06d4\u1362\u166e\u16eb\u1803\u1809\u2022\u2027\u2219\u22c5\u2cf9\u2cfe"
    "\u2e31\u2e33\u2e3c\u3002\u30fb\ua4ff\ua60e\ua6f3\ufe52\uff0e\uff61\uff65\U00010101"
    "\U00010a50\U00010af4\U00011049\U000115c4\U00016af5\U00016e98\U0001bc9f\U0001da88"
)
_DOT_NAME = regex.compile(
    r"(?:^|\s)(?:DOT|FULL STOP|BULLET|HYPHENATION POINT|DOT OPERATOR|BULLET OPERATOR|ANO TELEIA)$"
)
# Words in a name that make the symbol several dots, a dot on something else, or a shape.
_NOT_ONE_DOT = frozenset(
    "TWO THREE FOUR FIVE DOUBLE TRIPLE TINY LARGE WITHIN WITH OVER CIRCLED SQUARED CIRCLE WHITE "
    "BLACK TRIANGULAR HYPHEN SESAME INVERSE VERTICAL SUPRALINEAR SUBLINEAR RADICAL HIGH LOW "
    "N-ARY".split()
)


def dot_symbols_from_unicode() -> str:
    """Every symbol (besides ".") that is one dot by its Unicode name or looks like the middle
    dot by UTS #39: see DOT_SYMBOLS."""
    from vncomment._confusables import middle_dots

    confused = set(middle_dots())
    found = []
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        name = unicodedata.name(c, "")
        one_dot = _DOT_NAME.search(name) and not _NOT_ONE_DOT.intersection(name.split())
        if unicodedata.category(c) in ("Po", "Sm") and (one_dot or c in confused):
            found.append(c)
    return "".join(found)


_DOTS = "." + DOT_SYMBOLS
# A dot spoken or spelled out: "chấm" (Vietnamese), "cham" (typed without marks), "dot".
SPOKEN_DOT = r"(?i:chấm|cham|dot)"
# A comma spoken: "phẩy", "phay". A real comma is punctuation (see _evidence); the word is not.
SPOKEN_COMMA = r"(?i:phẩy|phay)"
# Brackets and quotes of any script, by their Unicode category (opening and initial
# punctuation, closing and final): [.] (.) {.} <.> 「.」 【.】 «.» “.”. Not the ASCII quotes,
# which name the full stop in a sentence (dấu "." và ",").
_OPENERS = r"\p{Ps}\p{Pi}<"
_CLOSERS = r"\p{Pe}\p{Pf}>"
_BRACKETED = rf"[{_OPENERS}][ \t]{{0,2}}(?:[{_DOTS}]|{SPOKEN_DOT})[ \t]{{0,2}}[{_CLOSERS}]"
SEPARATOR = (
    r"(?:\.[ \t]{1,3}(?=(?i:com)\b)"  # kiemtien. com: a full stop and a space, weak
    r"|(?:\.{2,3}|…)(?=(?i:com)\b)"  # kiemtien...com, kiemtien…com: an ellipsis, as weak
    rf"|[{_DOTS}]"  # abc.com, abc·com, abc•com
    rf"|[ \t]{{1,3}}[{_DOTS}][ \t]{{0,3}}"  # abc . com, abc .vn, abc • com
    rf"|\s{{1,3}}(?:{SPOKEN_DOT}|{SPOKEN_COMMA})\s{{1,3}}"  # abc chấm com, abc phẩy com
    rf"|[ \t]?{_BRACKETED}[ \t]?"  # abc[.]com, abc(dot)com, abc{{.}}com, abc ( . ) com
    r"|[ \t]?,[ \t]?)"  # abc,com, abc , vn: weak
)
# A name spelled out letter by letter ("k i e m t i e n . c o m", "a b c chấm v n"): single
# letters or digits of one case with one space between, starting at the run's first letter
# (so that a long run of single letters is read once). Spaced initials (T P H C M) need a dot
# and an ending after them, like any name, to be read as a link.
_SPELLED = (
    r"(?<!(?<![\p{L}\p{N}])[a-zA-Z0-9] )"  # one case: "c o m P.5" is c o m and a word
    r"(?:(?:[a-z0-9] ){1,62}[a-z0-9]|(?:[A-Z0-9] ){1,62}[A-Z0-9])(?![\p{L}\p{N}])"
)
# "vn" read out letter by letter: vê nờ, vê en, vờ nờ, vê-nờ.
SPOKEN_VN = r"(?i:v[êờ][ \-]?(?:nờ|en))"
# A label starts and ends on a letter, digit or mark; hyphens and symbols (emoji, ™, °) stand
# between them (kiem-tien.vn, i❤u.vn), and symbols also before a dot (kiemtien😍.com, ➡.ws).
# A dash or emoji glued to a link is no part of it and cannot hide it (-kiemtien.com-,
# 👉kiemtien.com👈, abc.vn✅).
_WORD = r"\p{L}\p{N}\p{M}"
_LABEL = (
    rf"(?>{_SPELLED}|{SPOKEN_VN}(?![\p{{L}}\p{{N}}])"
    rf"|[{_WORD}]++(?:[\p{{So}}\-]++[{_WORD}]++)*+(?:\p{{So}}++(?=[{_DOTS}]))?"
    rf"|\p{{So}}++(?=[{_DOTS}]))"  # symbols alone: ➡.ws
)
# A chain starts at a word start and each character is consumed once (possessive).
CHAIN = regex.compile(rf"(?<![{_WORD}_]){_LABEL}(?:{SEPARATOR}{_LABEL})++")
SPLIT = regex.compile(rf"({SEPARATOR})")

SCHEME = regex.compile(
    # Schemes that run code or read files (javascript:, data:text/html,..., file:/): links
    # that no site may allow, whatever host follows.
    r"(?<![\p{L}\p{N}.+\-])(?P<script>(?i:javascript|vbscript)):(?=\S)"
    r"|(?<![\p{L}\p{N}.+\-])(?P<script_data>(?i:data)):(?=[\w.+\-]+/[\w.+\-]+[;,])"
    r"|(?<![\p{L}\p{N}.+\-])(?P<script_file>(?i:file)):(?=/)"
    # http and its misspellings, also spaced out: h t t p s : / /, https ://, hxxp[:]//
    r"|(?<![\p{L}\p{N}])(?i:(?P<http>h[ ]?(?:[tx][ ]?){1,3}p|h[ ]?p[ ]?p[ ]?t)(?P<s>[ ]?s)?)"
    r"[ ]{0,2}(?::|\[:\])[ ]{0,2}/[ ]?/[ ]?"
    r"|(?<![\p{L}\p{N}.+\-])(?P<other>(?i:[a-z][a-z0-9+.\-]{1,15}))://"
    r"|(?<![\p{L}\p{N}])(?P<mailto>(?i:mailto)):(?=[^\s@]{1,64}@)"
    r"|(?<![\w/:])(?P<neutral>//)(?=[\p{L}\p{N}])"
)
IPV6 = regex.compile(r"(?<![\w:.])(\[)?([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?(1)\])")

# Something link-like, as cheap to find as possible: necessary conditions of the patterns
# above, each alternative starting on a rare character (a regex that starts on a lookbehind or
# a space is tried at every position: five times slower on ViCTSD). If none finds anything,
# the scanner would find nothing either (tests/test_links_precheck.py checks it on every
# fixture and on drawn texts); each also lets the scan skip the stage it guards.
_C_LOOKALIKES = lookalikes_of("c")
CHAIN_HINT = regex.compile(
    # a dot after a label or a space, and then spaced, glued, or a stop
    rf"[{_DOTS}](?<=[{_LABEL_CHARS}\- \t].)"
    rf"(?:(?<=[ \t].)|(?=[{_LABEL_CHARS}\-])|(?<=\.)[ \t]{{1,3}}(?i:com))"
    r"|(?:\.\.|…)(?i:com)"  # an ellipsis before com
    rf"|[{_OPENERS}][ \t]{{0,2}}[{_DOTS}]"  # a bracketed dot
    rf"|,(?:[ \t]?[{_C_LOOKALIKES}]|(?<=[ \t],))"  # a comma before com, or after a space
)
SPOKEN_HINT = regex.compile(rf"{SPOKEN_DOT}|{SPOKEN_COMMA}")  # also bracketed: (chấm)
SCHEME_HINT = regex.compile(r"/[ ]?/|:(?<=(?i:mailto|javascript|vbscript|data|file):)")
IPV6_HINT = regex.compile(r":[0-9A-Fa-f]{0,4}:")


def may_have_chain(text: str) -> bool:
    return CHAIN_HINT.search(text) is not None or SPOKEN_HINT.search(text) is not None


def may_have_links(text: str) -> bool:
    """Could the scanner find a link in ``text`` (an analysis text)? False means certainly not."""
    return (
        may_have_chain(text)
        or SCHEME_HINT.search(text) is not None
        or IPV6_HINT.search(text) is not None
    )


_OPENER = regex.compile(rf"[{_OPENERS}]")


def separator_kind(sep: str) -> str:
    """What a separator is: dot, symbol, spaced, spelled, bracket, comma, spaced comma, stop."""
    if sep == ".":
        return "dot"
    if len(sep) == 1 and sep in DOT_SYMBOLS:
        return "symbol"
    bare = sep.strip()
    if _OPENER.match(bare):
        return "bracket"
    if bare == ",":
        return "comma" if sep[0] == "," else "spaced comma"
    if (sep[0] == "." and len(sep) > 1) or sep == "…":
        return "stop"  # a full stop and a space, or an ellipsis
    return "spelled" if any(c.isalpha() for c in sep) else "spaced"
