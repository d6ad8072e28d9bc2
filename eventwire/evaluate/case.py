"""Score against CASE 2021 shared task 2: news snippets -> fine-grained event class.

Public entry point: ``score_case``. The system's highest-confidence current event is mapped to
a CASE label through data/crosswalk_case.tsv. A snippet with no event, or whose event has no
CASE label, is predicted "(no event)" and so counted wrong. Figures are given over the 25
ACLED-derived classes (the shared task's published setting: best weighted F1 0.839) and over
all 30 labels of the file.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from ..datafiles import read_tsv
from .split import in_split
from .common import NO_EVENT, GoldError, extract_texts, f1, per_label, rate, require_columns, top_event

COLUMNS = ("id", "EventSnippet", "SubType")
PUBLISHED_BEST_WEIGHTED_F1 = 0.839  # Haneczok et al. 2021, 25 seen classes


def score_case(path: str, pipeline, limit: int | None = None, split: str = "report", progress=None) -> dict:
    """Metrics over the snippets of ``split`` ("report": 20% by id, never tuned on; "tune"; "all")."""
    rows = _read_rows(path, split, limit)
    items = [(f"case-{r['id']}", r["EventSnippet"], None) for r in rows]
    gold = [r["SubType"] for r in rows]
    predicted = [case_label(top_event(events)) for events in extract_texts(pipeline, items, progress)]
    acled_labels = acled_derived_labels()
    seen = [i for i, g in enumerate(gold) if g in acled_labels]
    gold25, predicted25 = [gold[i] for i in seen], [predicted[i] for i in seen]
    all_labels = sorted(set(gold))
    return {
        "task": "case",
        "file": path,
        "split": split,
        "n": len(rows),
        "n_25": len(seen),
        "no_event": predicted.count(NO_EVENT),
        "published_best_weighted_f1": PUBLISHED_BEST_WEIGHTED_F1,
        "metrics": {
            "weighted_f1_25": {"value": f1(gold25, predicted25, acled_labels, "weighted")},
            "macro_f1_25": {"value": f1(gold25, predicted25, acled_labels, "macro")},
            "accuracy_25": {"value": rate(sum(g == p for g, p in zip(gold25, predicted25)), len(seen))},
            "weighted_f1_all": {"value": f1(gold, predicted, all_labels, "weighted")},
            "macro_f1_all": {"value": f1(gold, predicted, all_labels, "macro")},
            "accuracy_all": {"value": rate(sum(g == p for g, p in zip(gold, predicted)), len(gold))},
        },
        "labels": per_label(gold, predicted, all_labels),
    }


def case_label(event: dict | None) -> str:
    """The CASE label of one event record, or "(no event)"."""
    if event is None:
        return NO_EVENT
    sub_event_type = event["acled"]["sub_event_type"] or "-"
    for acled_allowed, plover_allowed, label in _crosswalk():
        if sub_event_type in acled_allowed and (plover_allowed is None or event["plover"]["type"] in plover_allowed):
            return label
    return NO_EVENT


def acled_derived_labels() -> list[str]:
    return [label for acled, _, label in _crosswalk() if "-" not in acled]


@lru_cache(maxsize=1)
def _crosswalk() -> tuple[tuple[frozenset[str], frozenset[str] | None, str], ...]:
    return tuple(
        (frozenset(row["acled_sub_event_type"].split("|")),
         None if row["plover_type"] == "*" else frozenset(row["plover_type"].split("|")),
         row["case_label"])
        for row in read_tsv("crosswalk_case.tsv")
    )


def _read_rows(path: str, split: str, limit: int | None) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            require_columns(path, reader.fieldnames, COLUMNS)
            rows = []
            for row in reader:
                if None in row.values() or not row["EventSnippet"].strip() or not row["SubType"].strip():
                    raise GoldError(f"{path}:{reader.line_num}: bad row: expected id, snippet and label separated by tabs")
                if in_split(row["id"], split):
                    rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    return rows
