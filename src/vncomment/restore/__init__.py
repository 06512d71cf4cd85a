"""Restore the diacritics of a comment typed without them ("khong dau" -> "không dấu").

How it decides: each syllable typed without marks may stand for the marked spellings the syllable
grammar allows with the same letters ("ban": bạn, bán, bàn, bản, ban ...); a syllable bigram model,
smoothed with interpolated absolute discounting over unigram frequencies, scores every sequence of
choices in a run of syllables, and the Viterbi algorithm finds the best. Syllables typed as Telex
or VIQR keystrokes are decoded exactly; syllables already marked, and everything that is not a
syllable (numbers, emoji, links, English words, punctuation, spacing), are left as written, and
each restored letter keeps the case it was typed in.

Measured evidence (``benchmarks/restore.py``, ViCTSD test comments typed with marks, stripped by
unidecode; ``docs/benchmarks.md``): the shipped model, built only from permissively and
CC BY-SA licensed text (wordfreq's Vietnamese list and Debian's Vietnamese localisations and
help; nothing GPL), restores 76.6 % of the
syllables (each syllable's most frequent form: 70.3 %; pyvi's ``add_accents``: 63.7 %); a model
trained on a site's own comments (ViCTSD's train and valid splits standing in) 89.7 %.

>>> from vncomment.restore import restore
>>> restore("Cam on ban rat nhieu!")
'Cảm ơn bạn rất nhiều!'
>>> restore("Vieetj Nam 🇻🇳 vo dich, xem https://vnexpress.net 2024")
'Việt Nam 🇻🇳 vô địch, xem https://vnexpress.net 2024'

A site trains its own model from the comments it has published:

>>> from vncomment.restore import train
>>> model = train(["Tôi đi học.", "Hôm nay tôi đi làm."] * 3)
>>> restore("hom nay toi di hoc", model=model)
'hôm nay tôi đi học'
"""

from __future__ import annotations

import os
import sys
import types
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from vncomment.analysis import Analysis
from vncomment.diacritics import judge
from vncomment.restore._candidates import candidates
from vncomment.restore._decode import restore_analysis, runs
from vncomment.restore._model import BOUNDARY, DEFAULT_MODEL, Model, default_model

__all__ = [
    "DEFAULT_MODEL",
    "Model",
    "ModelLike",
    "candidates",
    "count_text",
    "default_model",
    "load",
    "model_for",
    "restore",
    "restore_analysis",
    "train",
]

ModelLike = Model | str | os.PathLike[str] | None
"""What ``model=`` takes: a loaded :class:`Model`, the path of a saved one, or None for the
model shipped with vncomment."""


@lru_cache(maxsize=8)
def _load(path: str, mtime: int, size: int) -> Model:
    # mtime and size are read only as the cache key: a file saved again is read again
    return Model.load(path)


def load(path: str | os.PathLike[str]) -> Model:
    """The model saved at ``path``, read once and kept while the file stays the same."""
    p = os.path.abspath(os.fspath(path))
    try:
        stat = os.stat(p)
    except OSError as e:
        raise ValueError(f"cannot read the restorer model {os.fspath(path)!r}: {e}") from e
    return _load(p, stat.st_mtime_ns, stat.st_size)


def model_for(model: ModelLike) -> Model:
    """The :class:`Model` that ``model`` names (see :data:`ModelLike`)."""
    if model is None:
        return default_model()
    if isinstance(model, Model):
        return model
    if isinstance(model, (str, os.PathLike)):
        return load(model)
    raise TypeError(f"model must be a Model, a path or None, got {type(model).__name__}")


def restore(text: str, model: ModelLike = None) -> str:
    """``text`` with the marks restored on the syllables typed without them.

    Everything else stays exactly as written: case, punctuation, spacing, emoji, links, numbers
    and words already marked. Telex and VIQR keystrokes ("Vieetj", "Vie^.t") are decoded.
    ``model`` is a :class:`Model`, the path of a saved one, or None for the shipped model.
    Raises ``TypeError`` for anything but a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"restore() takes a str, got {type(text).__name__}")
    return restore_analysis(Analysis(text), model_for(model))


def train(
    texts: Iterable[str], *, header: Iterable[str] = (), discount: float = 0.75
) -> Model:
    """A model learnt from ``texts`` (each one comment, read one at a time).

    Comments typed without marks (judged by :mod:`vncomment.diacritics`, or with no mark at
    all: "cam on ban" is too short to judge, but would teach "cam" for cảm) are skipped, and so
    are syllables typed without marks that Vietnamese never or rarely writes so ("khong" in an
    accented comment): the model learns only how readers write with marks. ``header`` lines
    are saved with the model (say where the comments come from).
    """
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"train() takes strings, got {type(text).__name__}")
        count_text(text, unigrams, bigrams)
    return Model(unigrams, bigrams, header=header, discount=discount)


def count_text(
    text: str, unigrams: Counter[str], bigrams: Counter[tuple[str, str]]
) -> None:
    """Add the syllables and syllable pairs of ``text`` to the counts (see :func:`train`)."""
    analysis = Analysis(text)
    if not any(t.typed is not None or t.syllable.marked for t in analysis.syllables if t.syllable):
        return  # no mark at all: too short for the judgement below, but typed without marks
    if judge(analysis).unmarked_text:
        return
    for run in runs(analysis):
        previous = BOUNDARY
        for slot in run:
            if slot.slip:
                if previous != BOUNDARY:  # a slip ("khong"): the run ends before it
                    bigrams[previous, BOUNDARY] += 1
                previous = BOUNDARY
                continue
            unigrams[slot.form] += 1
            bigrams[previous, slot.form] += 1
            previous = slot.form
        if previous != BOUNDARY:
            bigrams[previous, BOUNDARY] += 1


class _CallableModule(types.ModuleType):
    """``vncomment.restore`` is this package and, called, :func:`restore`."""

    def __call__(self, text: str, model: ModelLike = None) -> str:
        return restore(text, model)


sys.modules[__name__].__class__ = _CallableModule
