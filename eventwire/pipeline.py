"""The extraction pipeline: read -> clean -> parse -> detect -> resolve -> EventRecord.

Public entry point: ``Pipeline``. One instance loads the NLP model and the lexicons once;
``extract`` handles one article, ``extract_many`` a stream (parsed in batches through spaCy,
which is several times faster than one article at a time).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from .clean import clean
from .detect import detect
from .event_dates import published_date
from .model import Article, CleanArticle, EventRecord, InputError
from .parse import ParsedArticle, Parser
from .resolve import resolve

Result = tuple[CleanArticle, list[EventRecord]]


class Pipeline:
    """``today`` bounds the publication year inferred for undated stories (default: today)."""

    def __init__(self, *, today: date | None = None, parser: Parser | None = None) -> None:
        self.parser = parser or Parser()
        self.today = today or date.today()

    @property
    def nlp(self):
        return self.parser.nlp

    def extract(self, article: Article, published: date | None = None) -> Result:
        """Clean, parse and code one article. Raises InputError for unusable input."""
        return self._code(self.parser.parse(clean(article, published)))

    def extract_many(
        self, articles: Iterable[Article | InputError], published: date | None = None, batch_size: int = 64,
        batch_chars: int = 100_000,
    ) -> Iterator[Result | InputError]:
        """Like ``extract`` over a stream, in input order; input errors, and an article eventwire
        itself fails on, are yielded as InputErrors, not raised.
        Articles are parsed in batches of at most ``batch_size`` articles and about
        ``batch_chars`` characters: 64 short notes parse fastest together, while 64 long stories
        at once would hold close to a gigabyte of parses."""
        for batch in _batches(articles, batch_size, batch_chars):
            cleaned = [_clean_or_error(a, published) for a in batch]
            good = [c for c in cleaned if isinstance(c, CleanArticle)]
            parsed = iter(self._parse_batch(good))
            for item in cleaned:
                if isinstance(item, InputError):
                    yield item
                elif isinstance(doc := next(parsed), InputError):
                    yield doc
                else:
                    yield self._code_or_error(doc)

    # A fault of eventwire's on one article costs that article, named, not the rest of the run.

    def _parse_batch(self, batch: list[CleanArticle]) -> list[ParsedArticle | InputError]:
        try:
            return list(self.parser.parse_many(batch, batch_size=len(batch) or 1))
        except Exception:  # noqa: BLE001 - one article broke the batch: find it, keep the others
            return [self._parse_or_error(article) for article in batch]

    def _parse_or_error(self, article: CleanArticle) -> ParsedArticle | InputError:
        try:
            return self.parser.parse(article)
        except Exception as err:  # noqa: BLE001
            return _fault(article.origin, err)

    def _code_or_error(self, parsed: ParsedArticle) -> Result | InputError:
        try:
            return self._code(parsed)
        except Exception as err:  # noqa: BLE001
            return _fault(parsed.clean.origin, err)

    def _code(self, parsed: ParsedArticle) -> Result:
        article = parsed.clean
        published = published_date(
            article.text, article.published, article.published_precision, self.today,
            article.dateline.raw if article.dateline else None,
        )
        if article.published is None and published.date is not None:
            article = replace(article, published=published.date, published_source="inferred",
                              published_precision=published.precision)
            parsed = ParsedArticle(article, parsed.doc)
        return article, resolve(parsed, detect(parsed), published)


def _fault(origin: str, err: Exception) -> InputError:
    return InputError(origin, f"eventwire could not read this article ({type(err).__name__}: {err}); please report it with the file")


def _batches(articles: Iterable[Article | InputError], size: int, chars: int) -> Iterator[list[Article | InputError]]:
    batch: list[Article | InputError] = []
    total = 0
    for article in articles:
        batch.append(article)
        total += len((article.text or article.html or "") if isinstance(article, Article) else "")
        if len(batch) >= size or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def _clean_or_error(item: Article | InputError, published: date | None) -> CleanArticle | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return clean(item, published)
    except InputError as err:
        return err
