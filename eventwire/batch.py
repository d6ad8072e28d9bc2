"""Extraction spread over Dask workers: the same results as ``Pipeline.extract_many``, in
input order, from a local cluster of processes or a running Dask scheduler.

Public entry point: ``extract_distributed``. Articles travel in chunks (one task per chunk,
so spaCy still parses in batches); each worker process loads one Pipeline the first time a
chunk reaches it and keeps it. Input errors never leave the client: they are yielded in place.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from .model import Article, InputError
from .pipeline import Pipeline, Result

CHUNK_SIZE = 64
CONNECT_TIMEOUT = "10s"
CHUNKS_IN_FLIGHT_PER_WORKER = 2  # enough to keep workers busy without reading the whole input


def extract_distributed(
    articles: Iterable[Article | InputError],
    *,
    published: date | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Result | InputError]:
    """Like ``Pipeline(...).extract_many(articles, published)``. ``scheduler``: the address of a
    running Dask scheduler ("tcp://host:8786"); without one, a LocalCluster of ``workers``
    single-threaded processes is started for the run and closed after it."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    try:
        client = Client(scheduler or cluster, timeout=CONNECT_TIMEOUT)
    except OSError as err:
        raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    try:
        window = max(1, len(client.scheduler_info()["workers"]) or workers) * CHUNKS_IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        stream = iter(articles)
        while chunk := list(islice(stream, chunk_size)):
            good = [a for a in chunk if isinstance(a, Article)]
            pending.append((chunk, client.submit(_extract_chunk, good, published, pure=False)))
            if len(pending) >= window:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass(frozen=True)
class _Failed:
    """An InputError on its way back from a worker (its constructor does not survive pickling)."""

    origin: str
    problem: str


def _merge(chunk: list[Article | InputError], future) -> Iterator[Result | InputError]:
    """The chunk's results in input order: the client's input errors, the workers' results."""
    results = iter(future.result())
    for item in chunk:
        if isinstance(item, InputError):
            yield item
            continue
        result = next(results)
        yield InputError(result.origin, result.problem) if isinstance(result, _Failed) else result


def _extract_chunk(articles: list[Article], published: date | None) -> list[Result | _Failed]:
    return [
        _Failed(r.origin, r.problem) if isinstance(r, InputError) else r
        for r in _worker_pipeline().extract_many(articles, published)
    ]


@lru_cache(maxsize=1)
def _worker_pipeline() -> Pipeline:
    """One Pipeline per worker process, loaded by the first chunk it gets."""
    return Pipeline()
