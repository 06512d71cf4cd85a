"""Normalise a comment for analysis while remembering where every character came from.

The analysis text is the caller's text with:

* zero-width characters, soft hyphens, word joiners, BOMs and bidi controls removed
  (they are invisible, and spammers put them inside link endings to dodge filters);
* ð/Ð read as đ/Đ (Icelandic eth is typed for đ often enough on some keyboards);
* full-width ASCII (``ｗｗｗ``) and the ideographic and full-width dots (``．。｡``) folded to
  ASCII, which browsers do too (IDNA), and so are styled letters and digits (mathematical
  bold or script ``𝐤𝐢𝐞𝐦``, circled ``ⓚ①``, the small and leader dots ``﹒․``: NFKC);
* no-break, thin and other wide spaces read as a plain space;
* each base character with its combining marks composed to NFC, so text typed with combining
  marks ("Unicode tổ hợp") reads exactly like precomposed text.

Every analysis character maps back to a ``[start, end)`` range of the original text, so spans
found on the analysis text are reported on the text as given. Most comments are already NFC and
free of invisible characters; for them the map is the identity and costs nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
)
# Styled letters and digits that browsers and readers take for plain ones: mathematical bold,
# italic, script ... (𝐤𝐢𝐞𝐦), circled and parenthesised (ⓚ, ①, ⑴), squared (🄰), and the small and
# leader dots (﹒ ․) are folded with NFKC, one character at a time; negative circled and squared
# letters (🅚, 🅺), which NFKC leaves alone, by _FOLD.
_STYLED = "\u2024\u2460-\u24ff\ufe50-\ufe6b\U0001d400-\U0001d7ff\U0001f130-\U0001f189"
_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"  # no-break, thin, ideographic ... spaces
_STYLED_RE = regex.compile(f"[{_STYLED}]")
_NEEDS_WORK = regex.compile(
    f"[{_INVISIBLE}{_STYLED}{_SPACES}ðÐ\uff01-\uff5e\u3002\uff61\\p{{M}}]"
)
_INVISIBLE_RE = regex.compile(f"[{_INVISIBLE}]+")
# A base character with the combining marks that follow it; marks with no base, or after a
# space, stand alone (so that no span reaches back over a space).
_CLUSTER = regex.compile(r"[^\s\p{M}]\p{M}*|\s|\p{M}+")

_FOLD = {0xFF01 + i: 0x21 + i for i in range(0x5E)}  # full-width ASCII -> ASCII
_FOLD.update({0x3002: ord("."), 0xFF61: ord("."), ord("ð"): ord("đ"), ord("Ð"): ord("Đ")})
_FOLD.update({ord(c): ord(" ") for c in "\u00a0\u202f\u205f\u3000"})
_FOLD.update({c: ord(" ") for c in range(0x2000, 0x200B)})
_FOLD.update({0x1F150 + i: ord("A") + i for i in range(26)})  # 🅐 negative circled
_FOLD.update({0x1F170 + i: ord("A") + i for i in range(26)})  # 🅰 negative squared


@dataclass(frozen=True, slots=True)
class Normalized:
    """The analysis text and the way back to the original.

    ``starts[i]``/``ends[i]`` give the range of the original text that analysis character ``i``
    came from; both are ``None`` when the two texts are the same.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` in the analysis text to the original text."""
        if self.starts is None or self.ends is None:
            return (start, end)
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for analysis.

    >>> normalize("Vie\\u0323\\u0302t").text == "Việt"
    True
    >>> n = normalize("a\\u200bb.ｃｏｍ")
    >>> n.text, n.span(0, 3)
    ('ab.com', (0, 4))
    """
    if not _NEEDS_WORK.search(text) and unicodedata.is_normalized("NFC", text):
        return Normalized(text, text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # Invisible characters split clusters only visually: drop them first, keeping positions.
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for m in _INVISIBLE_RE.finditer(text):
        pieces.append(text[last : m.start()])
        origin.extend(range(last, m.start()))
        last = m.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text)))
    visible = "".join(pieces).translate(_FOLD)
    for m in _CLUSTER.finditer(visible):
        a, b = m.span()
        if _STYLED_RE.match(m.group()):
            composed = unicodedata.normalize("NFKC", m.group())
        else:
            composed = unicodedata.normalize("NFC", m.group()) if b - a > 1 else m.group()
        lo, hi = origin[a], origin[b - 1] + 1
        out.append(composed)
        starts.extend([lo] * len(composed))
        ends.extend([hi] * len(composed))
    return Normalized(text, "".join(out), tuple(starts), tuple(ends))
