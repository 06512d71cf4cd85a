"""The restorer's language model: smoothed syllable bigrams over a unigram prior.

A :class:`Model` holds counts: how often each syllable form occurs (``unigrams``, lowercase NFC,
with its marks) and how often one follows another inside a run of syllables (``bigrams``; the
boundary ``<s>`` stands for the start and the end of a run). The probability of a syllable
after another is interpolated absolute discounting (Ney, Essen and Kneser 1994), with the
unigram distribution as the lower order:

    P(w | v) = (max(c(v w) - D, 0) + D * N(v) * P1(w)) / c(v)

where ``c(v)`` counts the pairs starting with ``v`` and ``N(v)`` how many different syllables
follow it. ``P1`` comes from the unigram counts, which may come from a larger text than the pairs
(the shipped model: wordfreq's Vietnamese list for ``P1``, free localisation text for the pairs).
When the pairs come from text of another register than the one restored (formal software
strings for reader comments), the decoder can trust them less: ``bigram_weight`` scales the
log-ratio ``log P(w | v) - log P1(w)``; 1.0 is the plain model.

File format (``save``/``load``): a gzip-compressed UTF-8 text file.

* lines starting with ``#`` are the header: what the model was built from, with the version
  and licence of each source;
* ``%param NAME VALUE`` lines: ``discount`` and ``bigram_weight``;
* ``%unigrams N`` then N lines ``form<TAB>count``: the vocabulary; a form's id is its line
  number counted from 1 (id 0 is the boundary ``<s>``);
* ``%bigrams M`` then M lines ``id1<TAB>id2<TAB>count``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import math
import os
import zlib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from vncomment.restore._candidates import candidates

__all__ = ["BOUNDARY", "DEFAULT_MODEL", "SHIFT", "Model", "default_model"]

BOUNDARY = "<s>"
DEFAULT_MODEL = "data/restorer.txt.gz"
FORMAT = "vncomment-restorer 1"
SHIFT = 21  # bigram keys are id1 << SHIFT | id2: room for two million forms
_BOUNDARY_SHARE = 1 / 16  # P1 of the boundary: about one run end per 16 syllables
_UNSEEN = 0.5  # an unseen form counts as half an occurrence in P1
# The largest model text read: about ten million pairs, more than every pair of syllables a
# site's comments could show (ViCTSD's 10,000 comments: 89k pairs, 1.2 MB); a bound, so that a
# gzip bomb or /dev/zero given as a model is an error and not the end of the process's memory.
MAX_TEXT = 128 << 20
_MIB = MAX_TEXT >> 20
_MAX_WEIGHT = 10.0  # how far pairs may be trusted beyond the plain model (1.0)


class Model:
    """Counts of syllables and syllable pairs, and the probabilities smoothed from them.

    Build one with :func:`vncomment.restore.train` or :meth:`load`; the shipped one with
    :func:`vncomment.restore.default_model`. Two models are equal when their counts and
    parameters are (compared through :attr:`digest`), so a rule holding one stays a value.
    """

    __slots__ = (
        "_candidates",
        "_context",
        "_digest",
        "_ids",
        "_log_unseen",
        "_logp1",
        "bigram_weight",
        "bigrams",
        "cache",
        "discount",
        "header",
        "path",
        "unigrams",
        "vocab",
    )

    def __init__(
        self,
        unigrams: Mapping[str, float],
        bigrams: Mapping[tuple[str, str], float],
        *,
        header: Iterable[str] = (),
        discount: float = 0.75,
        bigram_weight: float = 1.0,
    ) -> None:
        vocab = [BOUNDARY, *sorted(w for w in unigrams if w != BOUNDARY)]
        ids = {w: i for i, w in enumerate(vocab)}
        for pair in bigrams:  # every form in a pair is in the vocabulary, counted at least so
            for w in pair:
                if w not in ids:
                    ids[w] = len(vocab)
                    vocab.append(w)
        counts = [0.0] * len(vocab)
        for w, c in unigrams.items():
            if w != BOUNDARY:
                counts[ids[w]] = float(c)
        self._init(
            vocab,
            counts,
            {ids[a] << SHIFT | ids[b]: float(c) for (a, b), c in bigrams.items() if c > 0},
            tuple(header),
            discount,
            bigram_weight,
        )

    def _init(
        self,
        vocab: list[str],
        unigrams: list[float],
        bigrams: dict[int, float],
        header: tuple[str, ...],
        discount: float,
        bigram_weight: float,
    ) -> None:
        if len(vocab) >= 1 << SHIFT:
            raise ValueError(f"a model holds at most {(1 << SHIFT) - 1} forms")
        if not 0 < discount < 1:
            raise ValueError(f"discount must be between 0 and 1, got {discount}")
        if not 0 <= bigram_weight <= _MAX_WEIGHT:
            raise ValueError(
                f"bigram_weight must be between 0 and {_MAX_WEIGHT}, got {bigram_weight}"
            )
        # a negative, infinite or NaN count would make every probability after it meaningless
        # (or raise in the middle of a restore): refused where the model is made
        if not all(0 <= c < math.inf for c in unigrams[1:]):
            raise ValueError("syllable counts must be finite and not negative")
        if not all(0 < c < math.inf for c in bigrams.values()):
            raise ValueError("pair counts must be finite and positive")
        self.vocab = vocab
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.header = header
        self.discount = discount
        self.bigram_weight = bigram_weight
        self.path: str | None = None
        self._digest: str | None = None
        self._ids = {w: i for i, w in enumerate(vocab)}
        total = sum(unigrams[1:])
        scale = 1.0 / total if total else 1.0
        self._logp1 = [math.log(_BOUNDARY_SHARE)] + [
            math.log(c * scale) if c > 0 else -math.inf for c in unigrams[1:]
        ]
        self._log_unseen = math.log(_UNSEEN * scale) if total else math.log(1e-9)
        # per left context: (c(v), N(v)), the pair count and the number of different followers
        context: dict[int, list[float]] = {}
        for key, c in bigrams.items():
            entry = context.setdefault(key >> SHIFT, [0.0, 0.0])
            entry[0] += c
            entry[1] += 1
        self._context = {v: (c, n) for v, (c, n) in context.items()}
        self.cache: dict[int, float] = {}
        self._candidates: dict[tuple[str, int], tuple[tuple[str, int], ...]] = {}

    # -- lookups used by the decoder ---------------------------------------------------------

    def id(self, form: str) -> int:
        """The id of ``form`` (lowercase NFC), or -1 when the model has never seen it."""
        return self._ids.get(form, -1)

    def count(self, form: str) -> float:
        """How often ``form`` occurred in the unigram counts (0 when unseen)."""
        i = self._ids.get(form, -1)
        return self.unigrams[i] if i > 0 else 0.0

    def candidates(self, plain: str, width: int) -> tuple[tuple[str, int], ...]:
        """The ``width`` most frequent forms (and their ids) the model knows among the
        candidates of ``plain`` (see :func:`~vncomment.restore.candidates`)."""
        found = self._candidates.get((plain, width))
        if found is None:
            known = [(f, i) for f in candidates(plain) if (i := self._ids.get(f, -1)) > 0]
            known.sort(key=lambda fi: -self.unigrams[fi[1]])
            found = self._candidates[plain, width] = tuple(known[:width])
        return found

    def logp(self, prev: int, word: int) -> float:
        """Log probability of form id ``word`` after form id ``prev`` (-1: a form never seen)."""
        key = prev << SHIFT | word if prev >= 0 and word >= 0 else -1
        if key >= 0:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        log1 = self._logp1[word] if word >= 0 else self._log_unseen
        if log1 == -math.inf:
            log1 = self._log_unseen
        context = self._context.get(prev) if prev >= 0 else None
        if context is None:
            result = log1
        else:
            total, followers = context
            pair = self.bigrams.get(key, 0.0) if key >= 0 else 0.0
            d = self.discount
            p = (max(pair - d, 0.0) + d * followers * math.exp(log1)) / total
            result = log1 + self.bigram_weight * (math.log(p) - log1)
        if key >= 0:
            if len(self.cache) > 1 << 20:
                self.cache.clear()
            self.cache[key] = result
        return result

    # -- value semantics ---------------------------------------------------------------------

    @property
    def digest(self) -> str:
        """SHA-256 of the model's saved form: equal digests, equal models."""
        if self._digest is None:
            self._digest = hashlib.sha256(self._text().encode("utf-8")).hexdigest()
        return self._digest

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        return other is self or other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        where = f"{self.path!r}, " if self.path else ""
        return (
            f"<Model {where}{len(self.vocab) - 1} forms, {len(self.bigrams)} pairs, "
            f"sha256 {self.digest[:12]}>"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_from_text, (self._text(), self.path))

    # -- files -------------------------------------------------------------------------------

    def _text(self) -> str:
        out = io.StringIO()
        out.write(f"# {FORMAT}\n")
        for line in self.header:
            out.write(f"# {line}\n")
        out.write(f"%param discount {self.discount!r}\n")
        out.write(f"%param bigram_weight {self.bigram_weight!r}\n")
        out.write(f"%unigrams {len(self.vocab) - 1}\n")
        for w, c in zip(self.vocab[1:], self.unigrams[1:], strict=True):
            out.write(f"{w}\t{_number(c)}\n")
        out.write(f"%bigrams {len(self.bigrams)}\n")
        mask = (1 << SHIFT) - 1
        for key in sorted(self.bigrams):
            out.write(f"{key >> SHIFT}\t{key & mask}\t{_number(self.bigrams[key])}\n")
        return out.getvalue()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model to ``path`` (gzip-compressed text; see the module docstring)."""
        data = gzip.compress(self._text().encode("utf-8"), compresslevel=9, mtime=0)
        Path(path).write_bytes(data)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Model:
        """Read a model written by :meth:`save`. Raises ``ValueError`` for anything else,
        including a file that cannot be read and one larger than :data:`MAX_TEXT` unpacked (a
        gzip bomb, ``/dev/zero``): it is read up to the bound and no further."""
        where = os.fspath(path)
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_TEXT + 1)  # gzip never shrinks a model's text
                if len(raw) > MAX_TEXT:
                    raise ValueError(f"{where} is larger than any restorer model ({_MIB} MiB)")
                with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unpacked:
                    data = unpacked.read(MAX_TEXT + 1)
            if len(data) > MAX_TEXT:
                raise ValueError(f"{where} unpacks to more than any restorer model ({_MIB} MiB)")
            text = data.decode("utf-8")
        except OSError as e:  # also a gzip error (BadGzipFile), a directory, no permission
            raise ValueError(f"{where} is not a vncomment restorer model: {e}") from e
        except (EOFError, UnicodeDecodeError, zlib.error) as e:
            raise ValueError(f"{where} is not a vncomment restorer model: {e}") from e
        return _from_text(text, where)


def _number(c: float) -> str:
    return str(int(c)) if c == int(c) else f"{c:.6g}"


def _from_text(text: str, path: str | None = None) -> Model:
    where = path or "model"
    if not text.startswith(f"# {FORMAT}\n"):
        raise ValueError(f"{where} is not a vncomment restorer model (no '# {FORMAT}' line)")
    header: list[str] = []
    params = {"discount": 0.75, "bigram_weight": 1.0}
    pos = 0
    try:
        while True:
            end = text.index("\n", pos)
            line = text[pos:end]
            pos = end + 1
            if line.startswith("# "):
                if line != f"# {FORMAT}":
                    header.append(line[2:])
            elif line.startswith("%param "):
                _, name, value = line.split(" ")
                if name not in params:
                    raise ValueError(f"unknown parameter {name!r}")
                params[name] = float(value)
            elif line.startswith("%unigrams "):
                n = int(line.split(" ")[1])
                break
            else:
                raise ValueError(f"unexpected line {line!r}")
        end = pos
        for _ in range(n):
            end = text.index("\n", end) + 1
        fields = text[pos:end].split()
        vocab = [BOUNDARY, *fields[0::2]]
        unigrams = [0.0, *map(float, fields[1::2])]
        line_end = text.index("\n", end)
        if not text.startswith("%bigrams ", end):
            raise ValueError("no %bigrams section")
        m = int(text[end:line_end].split(" ")[1])
        numbers = text[line_end + 1 :].split()
        if len(numbers) != 3 * m or len(vocab) != n + 1:
            raise ValueError("the counts do not match the section sizes")
        left = list(map(int, numbers[0::3]))
        right = list(map(int, numbers[1::3]))
        if m and (min(left) < 0 or max(left) > n or min(right) < 0 or max(right) > n):
            raise ValueError("a pair names a form that is not in the vocabulary")
        keys = [a << SHIFT | b for a, b in zip(left, right, strict=True)]
        bigrams = dict(zip(keys, map(float, numbers[2::3]), strict=True))
        model = Model.__new__(Model)
        model._init(
            vocab, unigrams, bigrams, tuple(header), params["discount"], params["bigram_weight"]
        )
    except ValueError as e:
        raise ValueError(f"{where} is not a valid vncomment restorer model: {e}") from e
    model.path = path
    return model


@cache
def default_model() -> Model:
    """The model shipped with vncomment, loaded on first use and kept."""
    with as_file(files("vncomment").joinpath(DEFAULT_MODEL)) as path:
        model = Model.load(path)
    model.path = None  # it is the default, wherever the package is installed
    return model
