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


def test_an_article_eventwire_fails_on_is_reported_and_the_stream_goes_on(pipeline, monkeypatch):
    from eventwire import pipeline as stage

    real = stage.resolve

    def failing(parsed, mentions, published):
        if parsed.clean.origin == "bad":
            raise IndexError("a bug")
        return real(parsed, mentions, published)

    monkeypatch.setattr(stage, "resolve", failing)
    stream = [Article(origin="bad", text="Gunmen killed four villagers in Zamfara on Monday."),
              Article(origin="good", text="Hundreds of teachers marched in Nairobi on Monday.")]
    bad, good = pipeline.extract_many(stream, date(2024, 5, 9))
    assert isinstance(bad, InputError) and bad.origin == "bad" and "IndexError: a bug" in str(bad)
    assert good[1][0].coding.acled_sub_event_type == "Peaceful protest"


def test_an_article_the_parse_fails_on_costs_only_that_article(pipeline, monkeypatch):
    real = pipeline.parser.parse

    def parse(article):
        if article.origin == "bad":
            raise IndexError("a bug")
        return real(article)

    def parse_many(articles, batch_size):
        return [parse(a) for a in articles]

    monkeypatch.setattr(pipeline.parser, "parse", parse)
    monkeypatch.setattr(pipeline.parser, "parse_many", parse_many)
    stream = [Article(origin="good", text="Hundreds of teachers marched in Nairobi on Monday."),
              Article(origin="bad", text="Gunmen killed four villagers in Zamfara on Monday.")]
    good, bad = pipeline.extract_many(stream, date(2024, 5, 9))
    assert isinstance(bad, InputError) and bad.origin == "bad" and "IndexError: a bug" in str(bad)
    assert good[1][0].coding.acled_sub_event_type == "Peaceful protest"
