"""vncomment.dask.annotate on a real dask.distributed LocalCluster with two worker processes."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from vncomment import validate  # noqa: E402
from vncomment.dask import annotate  # noqa: E402
from vncomment.rules import (  # noqa: E402
    DEFAULT,
    MinSyllables,
    NoLinks,
    NoPhoneNumbers,
    NoRepetition,
    RequireDiacritics,
)

FIXTURES = Path(__file__).parent / "fixtures"


def comments() -> list[str]:
    with (FIXTURES / "cli_comments.csv").open(encoding="utf-8", newline="") as f:
        texts = [row["noi_dung"] for row in csv.DictReader(f)]
    traps = json.loads((FIXTURES / "links_traps.json").read_text(encoding="utf-8"))
    texts += [trap["input"] for trap in traps]
    texts += ["", "Hay quá", "Gọi 0912 345 678 để mua hàng giá rẻ nhất thị trường nhé các bạn",
              "Bai viet rat hay, cam on tac gia da chia se thong tin nay nhe"]
    return texts


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        yield client


def frame(texts: list[str]) -> object:
    return pd.DataFrame({"id": range(len(texts)), "body": texts, "site": "vnexpress"})


def test_annotate_on_two_worker_processes_matches_validate(client: object) -> None:
    texts = comments() * 4
    ddf = dd.from_pandas(frame(texts), npartitions=6)
    rules = DEFAULT & NoPhoneNumbers()
    annotated = annotate(ddf, "body", rules, locale="en")
    with distributed.get_task_stream(client) as stream:
        got = annotated.compute()
    expected = [validate(t, rules, locale="en") for t in texts]
    assert got["comment_ok"].tolist() == [r.ok for r in expected]
    assert got["comment_codes"].tolist() == [" ".join(r.codes) for r in expected]
    assert got["body"].tolist() == texts and got["id"].tolist() == list(range(len(texts)))
    assert {True, False} == set(got["comment_ok"])
    # the work ran in the two worker processes (not in this one)
    assert len({task["worker"] for task in stream.data}) == 2
    pids = client.run(os.getpid)  # type: ignore[attr-defined]
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    # meta is right: what Dask announced before computing is what came out
    assert dict(annotated.dtypes) == dict(got.dtypes)
    assert got["comment_ok"].dtype == bool


def test_parquet_archive_audit(client: object, tmp_path: Path) -> None:
    texts = comments() * 3
    dd.from_pandas(frame(texts), npartitions=4).to_parquet(tmp_path / "archive")
    archive = dd.read_parquet(tmp_path / "archive")
    rules = MinSyllables(10) & NoRepetition() & RequireDiacritics() & NoLinks(
        allow=("vnexpress.net",))
    rejected = annotate(archive, "body", rules)
    rejected = rejected[~rejected["comment_ok"]]
    rejected.to_parquet(tmp_path / "rejected")
    out = pd.read_parquet(tmp_path / "rejected").sort_values("id")
    expected = [(i, " ".join(r.codes)) for i, r in
                enumerate(validate(t, rules) for t in texts) if not r.ok]
    assert list(zip(out["id"], out["comment_codes"], strict=True)) == expected
    assert not out["comment_ok"].any()


def test_bad_arguments_are_refused_up_front() -> None:
    ddf = dd.from_pandas(frame(["Hay quá"]), npartitions=1)
    with pytest.raises(KeyError, match="no column 'comment'"):
        annotate(ddf, "comment")
    with pytest.raises(ValueError, match="unknown locale"):
        annotate(ddf, "body", locale="fr")
    with pytest.raises(TypeError, match="Rule"):
        annotate(ddf, "body", rules="DEFAULT")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="already has a 'comment_ok'"):
        annotate(annotate(ddf, "body"), "body")


def test_missing_comment_names_its_row() -> None:
    texts: list[object] = ["Hay quá", None, "Bài viết rất hay"]
    ddf = dd.from_pandas(pd.DataFrame({"body": texts}, index=[10, 11, 12]), npartitions=1)
    with pytest.raises(TypeError, match=r"at index 11; drop or fill missing comments"):
        annotate(ddf, "body").compute(scheduler="sync")
    done = annotate(ddf.dropna(subset=["body"]), "body").compute(scheduler="sync")
    assert done["comment_ok"].tolist() == [False, False]
