"""Judge a Dask DataFrame of comments, on one machine or a cluster (extra ``dask``).

>>> import pandas as pd
>>> import dask.dataframe as dd
>>> from vncomment.dask import annotate
>>> comments = dd.from_pandas(pd.DataFrame({"body": [
...     "Hay quá", "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin hữu ích này."]}),
...     npartitions=1)
>>> annotate(comments, "body").compute()[["comment_ok", "comment_codes"]].values.tolist()
[[False, 'too_short'], [True, '']]

:func:`annotate` adds two columns, built once per partition by ``map_partitions`` with their
``meta`` declared, so Dask never runs the rule on sample data to guess the types: the work
happens where the partitions are, on the workers of whatever scheduler is in use
(``dask.distributed`` included; the rule travels to them pickled).
"""

from __future__ import annotations

from typing import Any

try:
    import dask.dataframe  # noqa: F401  # fail here, naming the extra, not at the first compute()
    import pandas as pd  # type: ignore[import-untyped]  # Dask's own dependency
except ImportError as error:  # pragma: no cover - exercised only without Dask installed
    raise ImportError("vncomment.dask needs Dask: pip install 'vncomment[dask]'") from error

from vncomment import validate
from vncomment.messages import resolve_locale
from vncomment.rules import Rule

__all__ = ["annotate"]

OK_COLUMN = "comment_ok"
CODES_COLUMN = "comment_codes"


def annotate(ddf: Any, column: str, rules: Rule | None = None, *, locale: str = "vi") -> Any:
    """``ddf`` with ``comment_ok`` (bool) and ``comment_codes`` (the violation codes separated
    by spaces, empty when the comment passes) judged from ``ddf[column]``.

    Lazy, like any Dask operation: nothing runs until ``compute()``, ``to_parquet()`` ...
    A missing value in ``column`` raises ``TypeError`` when its partition is computed, naming
    the row; drop or fill them first (``ddf.dropna(subset=[column])``).
    """
    if column not in ddf.columns:
        names = ", ".join(map(str, ddf.columns))
        raise KeyError(f"no column {column!r}; the DataFrame has {names}")
    if rules is not None and not isinstance(rules, Rule):
        raise TypeError(f"rules must be a vncomment Rule, got {type(rules).__name__}")
    locale = resolve_locale(locale)  # "vi-VN" is "vi"; an unknown one is refused now
    for name in (OK_COLUMN, CODES_COLUMN):
        if name in ddf.columns:
            raise ValueError(f"the DataFrame already has a {name!r} column")
    # _meta is the empty pandas frame Dask keeps for the types (its documented meta object).
    meta = ddf._meta.assign(**{
        OK_COLUMN: pd.Series([], dtype=bool),
        CODES_COLUMN: pd.Series([], dtype=_text_dtype()),
    })
    return ddf.map_partitions(_annotate_partition, column, rules, locale, meta=meta)


def _text_dtype() -> Any:
    # The dtype pandas itself gives a column of text: object before pandas 3, "str" after.
    # Meta and partitions use the same, so that Dask's checks and later concatenations agree.
    import pandas as pd

    return pd.Series(["text"]).dtype


def _annotate_partition(frame: Any, column: str, rules: Rule | None, locale: str) -> Any:
    import pandas as pd

    ok, codes = [], []
    for index, text in zip(frame.index, frame[column], strict=True):
        if not isinstance(text, str):
            raise TypeError(
                f"column {column!r} holds {text!r} ({type(text).__name__}), not a comment, at "
                f"index {index!r}; drop or fill missing comments first "
                f"(ddf.dropna(subset=[{column!r}]))"
            )
        report = validate(text, rules, locale=locale)
        ok.append(report.ok)
        codes.append(" ".join(report.codes))
    return frame.assign(**{
        OK_COLUMN: pd.Series(ok, index=frame.index, dtype=bool),
        CODES_COLUMN: pd.Series(codes, index=frame.index, dtype=_text_dtype()),
    })
