"""Read a comment as runs of syllables, and pick the most probable marks for a run (Viterbi).

Which syllables are restored: see :func:`restore_analysis`. A run is a stretch of Vietnamese
syllables separated only by white space: punctuation, numbers, emoji, links and other words end
it, in training as in restoring. In a run, a syllable written with marks, or typed as Telex,
VIQR or VNI keystrokes (decoded exactly by :mod:`vncomment.typed`), is fixed; a syllable typed
without marks may be any of its :func:`~vncomment.restore.candidates` the model has seen (the
``WIDTH`` most frequent; for a site's model that has seen none, the shipped model's most
frequent one), and the decoder finds the sequence with the highest probability under the
bigram model.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from vncomment._data import english_words
from vncomment.analysis import Analysis
from vncomment.diacritics import CERTAIN, judge, plain_share
from vncomment.restore._model import SHIFT, Model, default_model
from vncomment.typed import decode_typed, decode_vni

__all__ = ["Slot", "restore_analysis", "runs"]

WIDTH = 8  # forms kept per plain syllable; ViCTSD valid: 4 -> 76.5 %, 8 -> 76.8 %, 12 -> 76.8 %


class Slot(NamedTuple):
    """One syllable of a run: ``form`` lowercase NFC as read (decoded if typed); ``plain`` is
    true for a syllable typed without marks, ``slip`` for one Vietnamese never or rarely
    (< 5 %) writes so ("viet", "khong"); ``output`` is the decoded text of a typed one."""

    span: tuple[int, int]
    form: str
    plain: bool
    output: str | None = None
    slip: bool = False


def _restorable(analysis: Analysis) -> set[tuple[int, int]]:
    """Spans of the syllables to read: those the analysis counts as Vietnamese. A comment made
    only of plain syllables that are also English words ("cam on ban") counts none of them;
    without a single English word beside them they are read as Vietnamese all the same."""
    counted = {t.span for t in analysis.syllables}
    if counted:
        return counted
    english = english_words()
    if any(t.syllable is None and t.text.lower() in english for t in analysis.tokens):
        return counted
    links = [link.span for link in analysis.links]
    return {
        t.span
        for t in analysis.tokens
        if t.syllable is not None and not any(a <= t.span[0] < b for a, b in links)
    }


def runs(analysis: Analysis) -> Iterator[list[Slot]]:
    """The runs of syllables of ``analysis``, in text order."""
    counted = _restorable(analysis)
    text = analysis.text
    run: list[Slot] = []
    end = -1
    for token in analysis.tokens:
        start = token.span[0]
        if run and text[end:start].strip():
            yield run
            run = []
        end = token.span[1]
        syllable = token.syllable
        if token.span not in counted or syllable is None:
            if run:
                yield run
                run = []
            continue
        if token.typed is not None:
            if token.typed == "vni":
                decoded = decode_vni(token.text) or token.text
            else:
                decoded = decode_typed(token.text, english_words()) or token.text
            run.append(Slot(token.span, _lower(decoded), False, decoded))
        else:
            # restored only where the text as given is the word as read: a word that normalising
            # changed (styled or full-width letters) is left as written
            written = text[token.span[0] : token.span[1]]
            plain = not syllable.marked and written == token.text
            slip = plain and (not syllable.plain_ok or _rarely_plain(token.text))
            run.append(Slot(token.span, _lower(token.text), plain, None, slip))
    if run:
        yield run


def _rarely_plain(word: str) -> bool:
    """Is ``word`` written plain less than 5 % of the time ("khong", "duoc")?"""
    share = plain_share(word)
    return share is not None and share < 1 - CERTAIN


def _lower(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


def _best(model: Model, run: list[Slot]) -> list[str]:
    """The most probable form of each slot of ``run``."""
    states: list[tuple[tuple[str, int], ...]] = []
    for slot in run:
        known = model.candidates(slot.form, WIDTH) if slot.plain else ()
        if slot.plain and not known and model is not (shipped := default_model()):
            # a site's model that never saw the word: the shipped model's most frequent form
            known = tuple((f, -1) for f, _ in shipped.candidates(slot.form, 1))
        states.append(known or ((slot.form, model.id(slot.form)),))
    logp = model.logp
    cache = model.cache  # transition log probabilities already computed
    # scores[k]: best log probability of a path ending in state k; back[n][k]: its predecessor
    scores = [logp(0, i) for _, i in states[0]]
    back: list[list[int]] = []
    for prev_states, these in itertools.pairwise(states):
        new_scores = []
        pointers = []
        for _, i in these:
            best_k, best = 0, -1e300
            for k, (_, j) in enumerate(prev_states):
                step = cache.get(j << SHIFT | i) if i > 0 and j >= 0 else None
                s = scores[k] + (logp(j, i) if step is None else step)
                if s > best:
                    best_k, best = k, s
            new_scores.append(best)
            pointers.append(best_k)
        scores = new_scores
        back.append(pointers)
    final = [s + logp(i, 0) for s, (_, i) in zip(scores, states[-1], strict=True)]
    k = max(range(len(final)), key=final.__getitem__)
    path = [k]
    for pointers in reversed(back):
        k = pointers[k]
        path.append(k)
    path.reverse()
    return [states[n][k][0] for n, k in enumerate(path)]


def _with_case(form: str, written: str) -> str:
    """``form`` (lowercase) with the case of ``written`` letter by letter."""
    if len(form) != len(written):
        return written
    return "".join(f.upper() if w.isupper() else f for f, w in zip(form, written, strict=True))


def restore_analysis(analysis: Analysis, model: Model) -> str:
    """The text of ``analysis`` with marks restored (see :func:`vncomment.restore.restore`).

    In a comment typed without marks (judged so by :mod:`vncomment.diacritics`, or with no mark
    at all) every plain syllable is restored. In a comment typed with marks or with Telex/VIQR
    keystrokes, plain syllables are what the reader meant ("cho", "con" are words; a Telex
    typist types "nay" for nay and "nayf" for này), and only slips Vietnamese never or rarely
    (< 5 % of the time) writes plain ("viet", "khong") are restored.
    """
    text = analysis.text
    syllables = analysis.syllables
    keys = any(t.typed is not None for t in syllables)
    marked = any(t.syllable is not None and t.syllable.marked for t in syllables)
    everything = not keys and (not marked or judge(analysis).unmarked_text)
    pieces: list[str] = []
    done = 0
    for run in runs(analysis):
        if not everything:
            run = [s if s.slip or not s.plain else s._replace(plain=False) for s in run]
        if not any(slot.plain or slot.output is not None for slot in run):
            continue
        forms = _best(model, run)
        for slot, form in zip(run, forms, strict=True):
            start, end = slot.span
            if slot.output is not None:
                new = slot.output
            elif slot.plain and form != slot.form:
                new = _with_case(form, text[start:end])
            else:
                continue
            pieces.append(text[done:start])
            pieces.append(new)
            done = end
    pieces.append(text[done:])
    return "".join(pieces)
