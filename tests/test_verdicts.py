"""Differential test: today's default verdicts against the stored ones.

tests/fixtures/verdicts.json holds ~3,300 comments written for the project (accented, stripped,
Telex, VIQR, VNI, links, numbers, English, emoji, NFD, long ...) with the violation codes and
syllable count that ``validate()`` gave when it was built. Speed work and reshaping must not
move any of them; a change of verdict made on purpose is reviewed here, then recorded with
``python scripts/build_verdicts.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from vncomment import validate

FIXTURE = Path(__file__).parent / "fixtures" / "verdicts.json"


def _short(text: str, limit: int = 160) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def test_verdicts_unchanged() -> None:
    cases = json.loads(FIXTURE.read_text("utf-8"))["cases"]
    assert len(cases) > 3000
    differences = []
    for case in cases:
        report = validate(case["text"])
        now = {"codes": list(report.codes), "syllables": report.syllable_count}
        was = {"codes": case["codes"], "syllables": case["syllables"]}
        if now != was:
            differences.append(
                f"[{case['family']}] {_short(case['text'])}\n"
                f"    stored: {was['codes']} {was['syllables']} syllables\n"
                f"    now:    {now['codes']} {now['syllables']} syllables"
            )
    assert not differences, (
        f"{len(differences)} of {len(cases)} verdicts changed:\n"
        + "\n".join(differences[:60])
        + "\nIf every change above is intended, record them: python scripts/build_verdicts.py"
    )
