"""Distributed extraction gives what Pipeline.extract_many gives, in input order."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.batch import extract_distributed
from eventwire.model import Article, InputError

from conftest import SEED

ARTICLES = [
    Article(origin="seed.txt", text=SEED.read_text(encoding="utf-8")),
    InputError("missing.txt", "no such file"),
    Article(origin="dhaka.txt", text="Police arrested 12 protesters in Dhaka on Monday, officials said."),
    Article(origin="empty.txt", text="   "),
    Article(origin="kenya.txt", text="Gunmen killed three herders in Marsabit County on Sunday, police said."),
]


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None) as local:
        yield local


def summary(results):
    return [
        (r.origin, str(r)) if isinstance(r, InputError) else (r[0].origin, [e.event_id for e in r[1]])
        for r in results
    ]


def test_two_workers_give_the_pipeline_results_in_input_order(cluster, pipeline):
    published = date(2024, 12, 1)
    distributed = list(extract_distributed(ARTICLES, published=published, scheduler=cluster.scheduler_address, chunk_size=2))
    assert summary(distributed) == summary(pipeline.extract_many(ARTICLES, published))
    assert [type(r).__name__ for r in distributed] == ["tuple", "InputError", "tuple", "InputError", "tuple"]
    assert distributed[0][1][0].coding.acled_sub_event_type == "Air/drone strike"
