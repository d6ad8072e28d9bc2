"""What every scorer shares: gold-file errors, running the pipeline, choosing the event to
score, and the metrics (rates, F1) in the form the eval table prints.

A scorer returns ``{"task", "file", "n", "metrics": {name: {column: value}}, ...}``; the
columns are ``top`` (the system's highest-confidence current event) and ``any`` (some
current event matches), or ``value`` for one-figure metrics.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date


from ..model import Article, InputError

NO_EVENT = "(no event)"


class GoldError(Exception):
    """A gold file that cannot be scored; ``str()`` names the file (and line) and the problem."""


def require_columns(path: str, header: Sequence[str] | None, needed: Iterable[str]) -> None:
    missing = [c for c in needed if c not in (header or ())]
    if missing:
        raise GoldError(f"{path}:1: missing column(s) {', '.join(missing)}: is this the right file?")


def extract_texts(
    pipeline, items: Sequence[tuple[str, str, date | None]], progress=None
) -> Iterator[list[dict]]:
    """Event dicts per ``(id, text, published)``, in input order; unreadable text -> []."""
    articles = (Article(origin=key, id=key, text=text, published=published) for key, text, published in items)
    for result in pipeline.extract_many(articles):
        events = [] if isinstance(result, InputError) else [e.to_dict() for e in result[1]]
        if progress is not None:
            progress.article(len(events))
        yield events


def current(events: Iterable[dict]) -> list[dict]:
    """The events a story reports as news, best first (history recalled by the story is left out)."""
    return sorted((e for e in events if not e["background"]), key=lambda e: -e["confidence"])


def top_event(events: Iterable[dict]) -> dict | None:
    found = current(events)
    return found[0] if found else None


class Tally:
    """Hit counts per metric for the top event and for "any event matches"."""

    def __init__(self) -> None:
        self.n = 0
        self.top: dict[str, int] = {}
        self.any: dict[str, int] = {}

    def add(self, events: Sequence[dict], checks: dict[str, Callable[[dict], bool]]) -> None:
        """Score one gold item: ``checks`` maps a metric name to a test on one system event."""
        self.n += 1
        for name, check in checks.items():
            self.top[name] = self.top.get(name, 0) + bool(events and check(events[0]))
            self.any[name] = self.any.get(name, 0) + any(check(e) for e in events)

    def metrics(self) -> dict[str, dict[str, float]]:
        return {
            name: {"top": rate(self.top[name], self.n), "any": rate(self.any[name], self.n)}
            for name in self.top
        }


def rate(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str], average: str) -> float | None:
    """F1 over ``labels`` only: a prediction outside them (no event, a non-violent type) is a miss.
    ``macro``: the mean over the labels that occur in the gold or the predictions (a sub-type the
    gold never shows and the system never predicts is not scored); ``weighted``: by gold support."""
    if not gold:
        return None
    rows = per_label(gold, predicted, labels)
    if average == "weighted":
        total = sum(r["support"] for r in rows.values())
        return round(sum(r["f1"] * r["support"] for r in rows.values()) / total, 4) if total else None
    seen = set(gold) | set(predicted)
    scores = [rows[label]["f1"] for label in labels if label in seen]
    return round(sum(scores) / len(scores), 4) if scores else None


def per_label(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, dict]:
    """Precision, recall, F1 and support per label: where the errors are."""
    rows = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        n_pred = sum(p == label for p in predicted)
        n_gold = sum(g == label for g in gold)
        precision, recall = rate(tp, n_pred), rate(tp, n_gold)
        f = round(2 * precision * recall / (precision + recall), 4) if precision and recall else 0.0
        rows[label] = {"precision": precision, "recall": recall, "f1": f, "support": n_gold}
    return rows
