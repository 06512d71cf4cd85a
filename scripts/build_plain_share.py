"""Build ``src/vncomment/data/plain_share.tsv``: how often each plain syllable is written plain.

For every Vietnamese-shaped syllable written without marks ("cho", "khong") the table gives the
share of its occurrences in real Vietnamese text that are written exactly so, against all the
marked words with the same letters ("chó", "chờ", "chợ", ...):

    share = freq(plain) / (freq(plain) + sum(freq(marked forms)))

"ra" is written plain 99 % of the time it occurs, "khong" 0 %: an unmarked "ra" says nothing,
an unmarked "khong" says the text was typed without marks. Frequencies come from wordfreq's
Vietnamese list (subtitles, Wikipedia, news and web text; Apache 2.0 code, data CC BY-SA 4.0).

The table also flags plain syllables that are common English words (wordfreq English, Zipf >= 4),
and lists common English words that are not Vietnamese syllables (Zipf >= 4.3, and any of
Zipf >= 4 that would read as Telex input: "been" -> bên): evidence that a comment is English,
and words never to decode as Telex. So English text is not judged as Vietnamese without marks.

Usage: python scripts/build_plain_share.py  (needs ``pip install wordfreq``)
"""

from __future__ import annotations

import datetime
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

from unidecode import unidecode
from wordfreq import get_frequency_dict, zipf_frequency  # type: ignore[import-untyped]

from vncomment.syllables import parse
from vncomment.typed import decode_typed

OUT = Path(__file__).resolve().parents[1] / "src" / "vncomment" / "data" / "plain_share.tsv"
ENGLISH_ZIPF = 4.0  # flag Vietnamese-shaped plain syllables that are English words too
ENGLISH_WORD_ZIPF = 4.3  # list other common English words


def main() -> int:
    vi = get_frequency_dict("vi", wordlist="small")
    plain_freq: dict[str, float] = defaultdict(float)
    marked_freq: dict[str, float] = defaultdict(float)
    for word, freq in vi.items():
        syllable = parse(word)
        if syllable is None:
            continue
        plain = unidecode(word).lower()
        if syllable.marked:
            marked_freq[plain] += freq
        else:
            plain_freq[plain] += freq
    english = {
        w.replace("\u2019", "'")
        for w in get_frequency_dict("en", wordlist="small")
        if w.isascii() and w.replace("'", "").isalpha() and zipf_frequency(w, "en") >= ENGLISH_ZIPF
    }
    rows = []
    for plain in sorted(plain_freq.keys() | marked_freq.keys() | {w for w in english if parse(w)}):
        p, m = plain_freq.get(plain, 0.0), marked_freq.get(plain, 0.0)
        share = p / (p + m) if p + m else -1.0  # -1: unknown to the Vietnamese list
        rows.append(f"{plain}\t{share:.3f}\t{int(plain in english)}")
    english_words = sorted(
        w
        for w in english
        if not parse(w)
        and (zipf_frequency(w, "en") >= ENGLISH_WORD_ZIPF or decode_typed(w) is not None)
    )
    header = [
        f"# plain_share.tsv: built {datetime.date.today()} by scripts/build_plain_share.py",
        f"# source: wordfreq {version('wordfreq')} Vietnamese and English 'small' lists",
        "#   (https://github.com/rspeer/wordfreq; data CC BY-SA 4.0, code Apache 2.0)",
        "# columns: plain syllable, share of occurrences written plain (-1 = not in the",
        "#   Vietnamese list), 1 if a common English word (Zipf >= 4)",
        "# rows after '## english' are common English words that are not Vietnamese syllables",
    ]
    OUT.write_text("\n".join([*header, *rows, "## english", *english_words]) + "\n", "utf-8")
    print(f"wrote {len(rows)} syllables and {len(english_words)} English words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
