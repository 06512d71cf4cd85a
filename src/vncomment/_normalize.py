"""Normalise a comment for analysis: read it the way a reader's eye does, and remember where every
character came from.

A spammer hides a link from a scanner with characters the eye does not see or does not tell
apart; the analysis text undoes each of those tricks, by Unicode's own data:

* **order**: text inside a bidi override (``U+202E moc.cba`` is displayed ``abc.com``) is read
  in the order it is displayed: the Unicode Bidirectional Algorithm (UAX #9) for a
  left-to-right paragraph, without bracket pairs (N0), marks kept after their base letter. On
  40,000 random strings of Latin letters, digits, punctuation and bidi controls it gives the
  order of the unicode-bidi crate (python-bidi 0.6.12) every time (the alphabet and lengths of
  ``test_display_order_matches_the_reference_bidi`` in tests/test_normalize.py, which compares
  500 of them on every run). Only texts with an override (U+202D, U+202E) are reordered:
  elsewhere the letters of a word are displayed in the order they are stored, and Arabic or
  Hebrew text is read in its own (logical) order;
* **invisible characters** are removed: every ``Default_Ignorable_Code_Point`` (zero-width
  spaces and joiners, soft hyphen, bidi controls, tags U+E0000-E007F, variation selectors,
  U+206A-206F, the combining grapheme joiner, Hangul fillers, Khmer U+17B4/5, Mongolian
  U+180B-180F), and the interlinear annotation characters U+FFF9-FFFB. Those three are not
  default-ignorable (an annotation-aware renderer must see them) but they have no glyph of their
  own: a browser draws the text around them and nothing for them, so they are read as nothing;
* **narrow spaces between letters join them**: hair, thin, six-per-em, punctuation and medium
  mathematical spaces (U+200A, U+2009, U+2006, U+2008, U+205F) are narrower than a word space
  and come from no keyboard or input method; between two letters or digits (``kiem\u200atien``)
  the eye reads one word (none occurs in the 37,000 ViCTSD and AIVIVN comments). The narrow
  no-break space U+202F stays a space: French and Mongolian text and the number formats of
  phones put it between words as they type. Elsewhere all of them, and the wide and no-break
  spaces, are a plain space;
* **look-alikes** are folded to the ASCII character they imitate: full-width ASCII and the
  ideographic and full-width dots (``ｗｗｗ．。｡``), as browsers do (IDNA); styled Latin letters
  and digits and full-stop look-alikes from Unicode's confusables data (``ᴋɪᴇᴍ ℯ 𝓴 ⅽ ı ᵏ ․``,
  see :mod:`vncomment._confusables`); circled, parenthesised, squared and small forms by NFKC
  (``ⓚ ① ⑴ ﹒``); negative circled and squared letters (``🅚 🅺``), which NFKC leaves alone. Letters
  of other scripts that look Latin (Cyrillic ``а``, Greek ``ο``, Armenian ``օ``) are *not*
  folded here: a Russian sentence is text, not a disguise; the link scanner folds them inside the
  labels of a web address; ð/Ð read as đ/Đ (Icelandic eth is typed for đ on some keyboards);
* **combining marks**: a letter with its marks is composed to NFC, so text typed with combining
  marks ("Unicode tổ hợp") reads exactly like precomposed text. A mark that composes with
  nothing draws over a letter without making another one: on a Latin letter it is dropped
  (``k̶i̶e̶m̶`` struck through, underlined or circled by a "fancy text" generator is ``kiem``;
  every Vietnamese letter has a precomposed form, so no Vietnamese mark is ever left over), and
  so is a mark on a dot, a digit or any other non-letter (``abc.\\u0301com`` is a dot to the
  eye). Marks on the letters of other scripts (Thai vowels, Devanagari signs) are kept. No
  Vietnamese letter carries more than two marks, so a letter keeps at most four and the rest
  are dropped: NFC's canonical reordering is an insertion sort, quadratic on an unbounded run
  of marks.

Every analysis character maps back to a ``[start, end)`` range of the original text, so spans
found on the analysis text are reported on the text as given. Most comments are already NFC and
hold none of the characters above; one regular expression tells so, and for them the map is
the identity and costs nothing. Everything else is linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from vncomment._confusables import styled_table

# A letter keeps this many combining marks (Vietnamese needs two: ệ = e + circumflex + dot).
MAX_MARKS = 4

_INVISIBLE = r"\p{Default_Ignorable_Code_Point}\ufff9-\ufffb"
_NARROW_SPACES = "\u2006\u2008\u2009\u200a\u205f"
# No-break, en, em, thin, hair, narrow no-break, ideographic ... spaces: read as a plain space.
_SPACES = "\u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
# Styled characters NFKC reads as one or more ASCII ones: circled and parenthesised (ⓚ ① ⑴),
# Latin ligatures (ﬁ ﬀ), small forms (﹒ ﹐), mathematical alphanumerics, squared letters (🄰).
_STYLED = "\u2024\u2460-\u24ff\ufb00-\ufb06\ufe50-\ufe6b\U0001d400-\U0001d7ff\U0001f130-\U0001f189"
_OVERRIDES = "\u202d\u202e"

_INVISIBLE_RE = regex.compile(f"[{_INVISIBLE}]++")
_JOINING_SPACES = regex.compile(
    rf"(?<=[\p{{L}}\p{{N}}]\p{{M}}{{0,{MAX_MARKS}}})[{_NARROW_SPACES}]++(?=[\p{{L}}\p{{N}}])"
)
# What needs more than a table lookup: combining marks (with the base before them, found by
# hand: a pattern starting at every base would try every character) and styled characters
# for NFKC.
_CLUSTER = regex.compile(rf"[{_STYLED}]\p{{M}}*+|(?P<marks>\p{{M}}++)")
_LETTER = regex.compile(r"\p{L}")
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
_MARKS = regex.compile(r"\p{M}+")
# UTS #39 confuses đ with d + U+0335 (short stroke overlay), which NFC does not compose.
_STROKE, _STROKED = "\u0335", {"d": "đ", "D": "Đ"}
_LETTER_MARKS = frozenset("\u0302\u0306\u031b")  # â ê ô, ă, ơ ư: they make the letter
_STYLED_RE = regex.compile(f"[{_STYLED}]")

_FOLD = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # full-width ASCII -> ASCII
_FOLD.update({0x3002: ord("."), 0xFF61: ord("."), ord("ð"): ord("đ"), ord("Ð"): ord("Đ")})
_FOLD.update({ord(c): ord(" ") for c in _SPACES})
_FOLD.update({0x1F150 + i: ord("A") + i for i in range(26)})  # 🅐 negative circled
_FOLD.update({0x1F170 + i: ord("A") + i for i in range(26)})  # 🅰 negative squared


@cache
def _fold_table() -> dict[int, int | str]:
    table: dict[int, int | str] = dict(styled_table())
    table.update(_FOLD)
    return table


# Characters that normalisation changes, besides the look-alikes of the fold table.
_SPECIAL = regex.compile(f"[{_INVISIBLE}{_STYLED}{_SPACES}\\p{{M}}]")


@cache
def _maybe_work() -> re.Pattern[str]:
    """One character class for the check on every comment: each character of the Basic
    Multilingual Plane that normalisation changes, and any character beyond it (checked one by
    one). A class of the BMP alone compiles to a bitmap in the standard library's engine: one
    lookup per character, several times faster than the ``regex`` module's property classes."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    codes = {ord(c) for c in _SPECIAL.findall(bmp)} | {c for c in _fold_table() if c < 0x10000}
    ranges, run = [], sorted(codes)
    i = 0
    while i < len(run):
        j = i
        while j + 1 < len(run) and run[j + 1] == run[j] + 1:
            j += 1
        ranges.append(f"\\u{run[i]:04x}" + (f"-\\u{run[j]:04x}" if j > i else ""))
        i = j + 1
    return re.compile(f"[{''.join(ranges)}\\U00010000-\\U0010ffff]")


def _needs_work(text: str) -> bool:
    """Does ``text`` hold a character that normalisation changes (NFC aside)?"""
    for m in _maybe_work().finditer(text):
        c = m.group()
        if c < "\U00010000" or ord(c) in _fold_table() or _SPECIAL.match(c):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Normalized:
    """The analysis text and the way back to the original.

    ``starts[i]``/``ends[i]`` give the range of the original text that analysis character ``i``
    came from; both are ``None`` when the two texts are the same. ``reordered`` is true when
    some characters were read in display order (a bidi override), so that a range of the
    analysis text may come from its characters in reverse.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    reordered: bool = False

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` in the analysis text to the original text."""
        if self.starts is None or self.ends is None:
            return (start, end)
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        if self.reordered:
            return (min(self.starts[start:end]), max(self.ends[start:end]))
        return (self.starts[start], self.ends[end - 1])


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for analysis.

    >>> normalize("Vie\\u0323\\u0302t").text == "Việt"
    True
    >>> n = normalize("a\\u200bb.ｃｏｍ")
    >>> n.text, n.span(0, 3)
    ('ab.com', (0, 4))
    >>> n = normalize("xem \\u202emoc.cba\\u202c nhé")
    >>> n.text, n.span(4, 11)
    ('xem abc.com nhé', (5, 12))
    """
    if not _needs_work(text) and unicodedata.is_normalized("NFC", text):
        return Normalized(text, text)
    reordered = any(c in text for c in _OVERRIDES)
    if reordered:
        origin = display_order(text)
        chars = "".join([text[i] for i in origin])
    else:
        chars, origin = text, list(range(len(text)))
    chars, origin = _drop(chars, origin, _INVISIBLE_RE)
    chars, origin = _drop(chars, origin, _JOINING_SPACES)
    chars = chars.translate(_fold_table())

    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _CLUSTER.finditer(chars):
        a, b = m.span()
        # marks belong to the character before them, unless it is a space (marks after a
        # space stand alone, so that no span reaches back over the space)
        if m.group("marks") and a > last and not chars[a - 1].isspace():
            a -= 1
        if a > last:  # characters that map one to one
            out.append(chars[last:a])
            starts.extend(origin[last:a])
            ends.extend([i + 1 for i in origin[last:a]])
        last = b
        composed = _compose(chars[a : min(b, a + 1 + MAX_MARKS)])
        if reordered:  # a cluster's characters stay together, but may come from anywhere
            lo, hi = min(origin[a:b]), max(origin[a:b]) + 1
        else:
            lo, hi = origin[a], origin[b - 1] + 1
        out.append(composed)
        starts.extend([lo] * len(composed))
        ends.extend([hi] * len(composed))
    out.append(chars[last:])
    starts.extend(origin[last:])
    ends.extend([i + 1 for i in origin[last:]])
    return Normalized(text, "".join(out), tuple(starts), tuple(ends), reordered)


def _compose(cluster: str) -> str:
    """A base character and its (already bounded) marks, or marks alone, as the eye reads them."""
    base = cluster[0]
    if unicodedata.category(base)[0] == "M":  # marks with no base stand alone
        return unicodedata.normalize("NFC", cluster)
    if len(cluster) > 1 and not _LETTER.match(base):  # a mark on a dot, digit or symbol
        cluster = base
    if _STYLED_RE.match(base):
        return unicodedata.normalize("NFKC", cluster)
    if base in _STROKED and _STROKE in cluster:  # đ has no decomposition: d + stroke is đ
        base = _STROKED[base]
        cluster = base + cluster[1:].replace(_STROKE, "", 1)
    composed = unicodedata.normalize("NFC", cluster)
    if len(composed) > 1 and _LATIN_LETTER.match(base):
        # A circumflex, breve or horn typed after the tone (e + acute + circumflex) is drawn
        # stacked as ế, but NFC keeps marks of one class in typed order: put them first.
        shaped = sorted(cluster[1:], key=lambda mark: mark not in _LETTER_MARKS)
        composed = min(composed, unicodedata.normalize("NFC", base + "".join(shaped)), key=len)
        return str(_MARKS.sub("", composed))  # strikethrough, underline, circles: decoration
    return composed


def _drop(chars: str, origin: list[int], pattern: regex.Pattern[str]) -> tuple[str, list[int]]:
    """``chars`` without the matches of ``pattern``, and the origin of what is left."""
    pieces: list[str] = []
    kept: list[int] = []
    last = 0
    for m in pattern.finditer(chars):
        pieces.append(chars[last : m.start()])
        kept.extend(origin[last : m.start()])
        last = m.end()
    if not last:
        return chars, origin
    pieces.append(chars[last:])
    kept.extend(origin[last:])
    return "".join(pieces), kept


# --- Display order (UAX #9), for texts with a bidi override --------------------------------

_MAX_DEPTH = 125  # UAX #9's limit on explicit embedding levels
_PARAGRAPH_SEPARATORS = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")
# LRE, RLE, LRO, RLO: (the new level is odd, the direction they force)
_EMBEDDINGS = {
    "\u202a": (False, None),
    "\u202b": (True, None),
    "\u202d": (False, "L"),
    "\u202e": (True, "R"),
}
_ISOLATES = {"\u2066": False, "\u2067": True, "\u2068": False}  # LRI, RLI, FSI: right to left?
_PDF, _PDI, _FSI = "\u202c", "\u2069", "\u2068"
_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Units of display: a base and its marks move together (UAX #9 L3); controls stand alone.
_UNIT = regex.compile(rf"[^\p{{M}}{_CONTROLS}]\p{{M}}*+|[{_CONTROLS}]|\p{{M}}++")


def display_order(text: str) -> list[int]:
    """Indices of ``text`` in the order they are displayed, bidi controls left out.

    The Unicode Bidirectional Algorithm (UAX #9) for a left-to-right paragraph: explicit levels
    (X1-X10: embeddings, overrides, isolates, at most 125 deep), weak types (W1-W7), neutrals
    (N1, N2; bracket pairs, N0, are not paired), implicit levels (I1, I2), trailing whitespace
    (L1) and reordering (L2). A base and its marks move as one (L3). Linear in the length of
    the text: every pass is one walk over the characters, and L2 walks a tree of runs once.
    """
    units: list[tuple[int, int]] = []  # (start, end) of each unit: a base and its marks
    levels: list[int] = []
    types: list[str] = []  # bidi class, after an override's
    original: list[str] = []  # bidi class as written (L1 reads it)
    shown: list[bool] = []  # not a bidi control (X9 removes embeddings; isolates go later)
    partner: dict[int, int] = {}  # isolate initiator unit -> its matching PDI unit
    stack: list[tuple[int, str | None, int]] = [(0, None, -1)]  # level, override, isolate unit
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    fsi_rtl = _first_strong_isolates(text) if _FSI in text else {}
    for m in _UNIT.finditer(text):
        c = m.group()[0]
        level, override, _ = stack[-1]
        bidi = unicodedata.bidirectional(c)
        if c in _EMBEDDINGS:  # X2-X5: removed by X9, so no unit
            odd, forced = _EMBEDDINGS[c]
            new = level + 1 + ((level + 1) % 2 != odd)
            if new <= _MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                stack.append((new, forced, -1))
            elif not overflow_isolates:
                overflow_embeddings += 1
            continue
        if c == _PDF:  # X7
            if overflow_embeddings and not overflow_isolates:
                overflow_embeddings -= 1
            elif not overflow_isolates and stack[-1][2] < 0 and len(stack) > 1:
                stack.pop()
            continue
        unit = len(units)
        if c in _ISOLATES:  # X5a-c: the initiator is at the outer level
            rtl = fsi_rtl.get(m.start(), False) if c == _FSI else _ISOLATES[c]
            new = level + 1 + ((level + 1) % 2 != rtl)
            if new <= _MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append((new, None, unit))
            else:
                overflow_isolates += 1
        elif c == _PDI:  # X6a: the PDI is at the level its initiator had
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while stack[-1][2] < 0:
                    stack.pop()
                partner[stack.pop()[2]] = unit
                valid_isolates -= 1
            level, override, _ = stack[-1]
        elif bidi == "B":  # X8: a paragraph separator ends every embedding
            stack = [(0, None, -1)]
            overflow_isolates = overflow_embeddings = valid_isolates = 0
            level, override = 0, None
        units.append(m.span())
        levels.append(level)
        original.append(bidi or "L")
        types.append(override if override and bidi != "B" else bidi or "L")
        shown.append(c not in _ISOLATES and c != _PDI)
    order: list[int] = []
    embedding = levels[:]
    for paragraph in _paragraphs(original):
        _resolve(paragraph, levels, embedding, types, original, partner)
        for unit in _reorder(levels, paragraph):
            if shown[unit]:
                order.extend(range(*units[unit]))
    return order


def _first_strong_isolates(text: str) -> dict[int, bool]:
    """For each FSI, is the first strong letter of its content (up to its PDI, nested isolates
    skipped) right-to-left (P2, P3)? One backward walk: a PDI opens a frame, an initiator
    closes one, a strong letter is the first one of the open frame so far."""
    rtl: dict[int, bool] = {}
    frames: list[bool | None] = [None]
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c == _PDI:
            frames.append(None)
        elif c in _ISOLATES:
            first = frames.pop() if len(frames) > 1 else frames[0]
            if c == _FSI:
                rtl[i] = bool(first)
            if len(frames) == 1:
                frames[0] = None
        elif c in _PARAGRAPH_SEPARATORS:
            frames = [None]
        else:
            bidi = unicodedata.bidirectional(c)
            if bidi in ("L", "R", "AL"):
                frames[-1] = bidi != "L"
    return rtl


def _paragraphs(original: list[str]) -> list[range]:
    """The units of each paragraph, its separator included."""
    paragraphs, start = [], 0
    for k, bidi in enumerate(original):
        if bidi == "B":
            paragraphs.append(range(start, k + 1))
            start = k + 1
    paragraphs.append(range(start, len(original)))
    return paragraphs


_NEUTRALS = frozenset(("B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"))
_ISOLATE_TYPES = frozenset(("LRI", "RLI", "FSI", "PDI"))
_RESET_BY_L1 = _ISOLATE_TYPES | {"WS", "BN"}  # before a separator or at a line's end


def _sequences(units: range, levels: list[int], partner: dict[int, int]) -> list[list[int]]:
    """BD13: the isolating run sequences of a paragraph (level runs joined across isolates)."""
    runs: list[list[int]] = []
    for k in units:
        if runs and levels[runs[-1][-1]] == levels[k] and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    continuing: dict[int, list[int]] = {}  # a matched PDI's unit -> the sequence it continues
    sequences = []
    for run in runs:
        sequence = continuing.pop(run[0], None)
        if sequence is None:
            sequence = []
            sequences.append(sequence)
        sequence.extend(run)
        if run[-1] in partner:
            continuing[partner[run[-1]]] = sequence
    return sequences


def _resolve(
    units: range,
    levels: list[int],
    embedding: list[int],
    types: list[str],
    original: list[str],
    partner: dict[int, int],
) -> None:
    """W1-W7, N1-N2, I1-I2 on each isolating run sequence of a paragraph, then L1; in place.
    ``embedding`` holds the levels before I1 and I2 raise them (sos and eos read those)."""
    if not units:
        return
    for seq in _sequences(units, levels, partner):
        level = embedding[seq[0]]
        before = seq[0] - 1
        sos = max(level, embedding[before] if before >= units.start else 0)
        after = seq[-1] + 1
        last_is_initiator = types[seq[-1]] in ("LRI", "RLI", "FSI") and seq[-1] not in partner
        end_level = embedding[after] if after < units.stop and not last_is_initiator else 0
        eos = max(level, end_level)
        t = [types[k] for k in seq]
        _weak(t, "R" if sos % 2 else "L")
        _neutral(t, "R" if sos % 2 else "L", "R" if eos % 2 else "L", "R" if level % 2 else "L")
        for k, kind in zip(seq, t, strict=True):  # I1, I2
            if level % 2 == 0:
                levels[k] += 1 if kind == "R" else 2 if kind in ("EN", "AN") else 0
            elif kind in ("L", "EN", "AN"):
                levels[k] += 1
    # L1: separators, and whitespace before them or at the end of the line, at paragraph level
    trailing = True
    for k in reversed(units):
        if original[k] in ("B", "S"):
            levels[k] = 0
            trailing = True
        elif trailing and original[k] in _RESET_BY_L1:
            levels[k] = 0
        else:
            trailing = False


def _weak(t: list[str], sos: str) -> None:
    """W1-W7 on the types of one isolating run sequence, in place."""
    previous = sos
    for i, kind in enumerate(t):  # W1: a lone mark takes the type before it
        if kind == "NSM":
            t[i] = "ON" if previous in _ISOLATE_TYPES else previous
        previous = t[i]
    strong = sos
    for i, kind in enumerate(t):  # W2, W3
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            t[i] = "AN"
    t[:] = ["R" if kind == "AL" else kind for kind in t]
    for i in range(1, len(t) - 1):  # W4: one separator between two numbers
        if t[i] == "ES" and t[i - 1] == t[i + 1] == "EN":
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    i = 0
    while i < len(t):  # W5: terminators next to a European number
        if t[i] != "ET":
            i += 1
            continue
        j = i
        while j < len(t) and t[j] == "ET":
            j += 1
        if (i > 0 and t[i - 1] == "EN") or (j < len(t) and t[j] == "EN"):
            t[i:j] = ["EN"] * (j - i)
        i = j
    t[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in t]  # W6
    strong = sos
    for i, kind in enumerate(t):  # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            t[i] = "L"


def _neutral(t: list[str], sos: str, eos: str, embedding: str) -> None:
    """N1, N2 on the types of one isolating run sequence, in place."""
    i = 0
    while i < len(t):
        if t[i] not in _NEUTRALS and t[i] != "BN":
            i += 1
            continue
        j = i
        while j < len(t) and (t[j] in _NEUTRALS or t[j] == "BN"):
            j += 1
        left = sos if i == 0 else "R" if t[i - 1] in ("EN", "AN") else t[i - 1]
        right = eos if j == len(t) else "R" if t[j] in ("EN", "AN") else t[j]
        t[i:j] = [left if left == right else embedding] * (j - i)
        i = j


class _Run:
    """A run of characters at levels ``lo..hi`` or higher (rule L2 reverses it once for each
    of those levels from 1 up), holding unit indices at level ``hi`` and deeper runs."""

    __slots__ = ("children", "hi", "lo")

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self.children: list[_Run | int] = []


def _reorder(levels: list[int], units: range) -> list[int]:
    """Rule L2 of UAX #9 on one line: from the highest level down to the lowest odd one,
    reverse every run at that level or higher. The runs nest: they are built as a tree and
    walked once, each run flipping the order of its content when it spans an odd number of
    those levels."""
    if not units:
        return []
    lowest_odd = min(levels[k] for k in units) | 1
    root = _Run(0, 0)
    stack = [root]
    for i in units:
        level = levels[i]
        while stack[-1].hi > level:  # close the runs above this level; a run reaching below
            run = stack.pop()  # it goes on at this level: split it
            if run.lo <= level:
                outer = _Run(run.lo, level)
                outer.children.append(run)
                run.lo = level + 1
                stack[-1].children[-1] = outer
                stack.append(outer)
        if stack[-1].hi < level:
            run = _Run(stack[-1].hi + 1, level)
            stack[-1].children.append(run)
            stack.append(run)
        stack[-1].children.append(i)
    order: list[int] = []
    walk: list[tuple[_Run | int, bool]] = [(root, False)]
    while walk:
        item, flipped = walk.pop()
        if isinstance(item, int):
            order.append(item)
            continue
        reversals = item.hi - max(item.lo, lowest_odd) + 1
        flipped ^= reversals > 0 and reversals % 2 == 1
        # pushed so that they pop in reading order, or in reverse when flipped
        walk.extend(
            (child, flipped) for child in (item.children if flipped else reversed(item.children))
        )
    return order
