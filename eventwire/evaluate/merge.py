"""Merge quality: does the store group the reports of one happening, and only those?

Public entry point: ``score_merge``. Two measures, both through the real pipeline and store:

- the merge test set (tests/data/merge: short stories by several outlets on the same events,
  in different words and numbers, plus distractors sharing a place, a day or a type): pairwise
  precision, recall and F1 of "these two articles report the same event" against
  ``expected.tsv``;
- when given ACLED's development file: ACLED notes are distinct events by construction, so
  every note merged with another is a false merge. Notes are taken from ``split`` (the report
  split unless told), densest first (one country, consecutive days), where wrong merges have
  the most chances.
"""
from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from ..model import Article, InputError
from ..store import EventQuery, Store
from .common import GoldError, rate, require_columns
from .split import in_split

MERGE_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "merge"
ACLED_NOTES = 400  # notes ingested for the false-merge rate unless ``limit`` says otherwise
PUBLISHED_AFTER = timedelta(days=3)


def score_merge(path: str | None = None, pipeline=None, limit: int | None = None, split: str = "report") -> dict:
    """``path``: a folder holding articles.jsonl and expected.tsv (default: the repository's
    merge set), or ACLED's acled_dev.csv, which adds the false-merge rate on ACLED notes."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    folder = Path(path) if path and Path(path).is_dir() else MERGE_SET
    gold = _read_expected(folder / "expected.tsv")
    shared = _events_per_article(pipeline, _merge_set_articles(folder / "articles.jsonl"))
    predicted = {pair for pair in combinations(sorted(gold), 2) if shared[pair[0]] & shared[pair[1]]}
    expected = {pair for pair in combinations(sorted(gold), 2) if gold[pair[0]] == gold[pair[1]]}
    hits = len(predicted & expected)
    precision, recall = rate(hits, len(predicted)), rate(hits, len(expected))
    metrics = {
        "pair_precision": {"value": precision},
        "pair_recall": {"value": recall},
        "pair_f1": {"value": _f1(precision, recall)},
    }
    result = {"task": "merge", "file": str(folder), "n": len(gold), "gold_pairs": len(expected),
              "predicted_pairs": len(predicted), "metrics": metrics,
              "wrong_pairs": sorted(f"{a} + {b}" for a, b in predicted - expected),
              "missed_pairs": sorted(f"{a} + {b}" for a, b in expected - predicted)}
    if path and Path(path).is_file():
        notes = _acled_notes(path, limit or ACLED_NOTES, split)
        merged = _events_per_article(pipeline, notes)
        owners = defaultdict(set)
        for note, event_ids in merged.items():
            for event_id in event_ids:
                owners[event_id].add(note)
        falsely = {note for notes_of in owners.values() if len(notes_of) > 1 for note in notes_of}
        metrics["acled_notes_falsely_merged"] = {"value": rate(len(falsely), len(notes))}
        result["acled_notes"] = len(notes)
        result["split"] = split
    return result


def _events_per_article(pipeline, articles: list[Article]) -> dict[str, set[str]]:
    """Ingest into a fresh SQLite store; each article's ids of merged news events."""
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/merge.db") as store:
        for result in pipeline.extract_many(articles):
            if not isinstance(result, InputError):
                store.ingest(*result)
        shared: dict[str, set[str]] = {a.id: set() for a in articles}
        for event in store.events(EventQuery()):
            for source in event["sources"]:
                shared[source["article_id"]].add(event["event_id"])
        return shared


def _merge_set_articles(path: Path) -> list[Article]:
    if not path.exists():
        raise GoldError(f"{path}: not found: the merge test set lives in tests/data/merge of the repository")
    articles = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            articles.append(Article(origin=f"{path}:{n}", id=r["id"], text=r["text"], url=r.get("url"),
                                    title=r.get("title"), source=r.get("source"),
                                    published=date.fromisoformat(r["published"])))
    return articles


def _read_expected(path: Path) -> dict[str, str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    require_columns(str(path), list(rows[0]) if rows else None, ("article_id", "event"))
    return {r["article_id"]: r["event"] for r in rows}


def _acled_notes(path: str, n: int, split: str) -> list[Article]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        require_columns(path, reader.fieldnames, ("event_id_cnty", "event_date", "country", "notes"))
        rows = [r for r in reader if in_split(r["event_id_cnty"], split) and r["notes"].strip()]
    rows.sort(key=lambda r: (r["country"], r["event_date"], r["event_id_cnty"]))
    return [Article(origin=f"{path}:{r['event_id_cnty']}", id=r["event_id_cnty"], text=r["notes"],
                    published=date.fromisoformat(r["event_date"]) + PUBLISHED_AFTER) for r in rows[:n]]


def _f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return 0.0 if precision is not None and recall is not None else None
    return round(2 * precision * recall / (precision + recall), 4)
