"""The pipeline over a stream: input order kept, input errors passed through, any batching."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article, InputError


@pytest.mark.parametrize("batch_chars", [1, 200, 100_000])
def test_stream_order_and_errors_survive_any_batching(pipeline, batch_chars):
    stream = [
        Article(origin="a", text="Gunmen killed four villagers in Zamfara on Monday."),
        InputError("b", "empty file; nothing to read"),
        Article(origin="c", text="Hundreds of teachers marched peacefully in Nairobi on Monday to demand higher pay."),
        Article(origin="d", text=""),
    ]
    results = list(pipeline.extract_many(stream, date(2024, 5, 9), batch_size=2, batch_chars=batch_chars))
    assert [r.origin if isinstance(r, InputError) else r[0].origin for r in results] == ["a", "b", "c", "d"]
    assert isinstance(results[3], InputError)
    assert results[0][1][0].coding.acled_sub_event_type == "Attack"
    assert results[2][1][0].coding.acled_sub_event_type == "Peaceful protest"
