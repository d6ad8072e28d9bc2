"""Train the ACLED sub-event classifier shipped as eventwire/data/subevent_model.npz.

    pip install -e ".[train]"
    python scripts/train_subevent.py --acled ../shared/data/acled_dev.csv --case ../shared/data/case2021_task2_dev.tsv

Trains on the tuning split (eventwire.evaluate.split: the 80% of rows `eventwire eval` does not
report on) of the ACLED development notes and, with --case, of the CASE 2021 task 2 snippets
whose label is one of the 25 ACLED-derived classes (news sentences, closer to articles than
ACLED's notes; their labels are ACLED's sub-event types one to one, data/crosswalk_case.tsv).

Before training it prints cross-validated figures inside the tuning split: each of --folds
folds (a hash of the row id) is read by a model trained on the other folds. By default the
classifier alone is scored; --pipeline runs the whole extractor on each held-out fold (the
ACLED rows of --cv-notes, every 4th tuning note by default, and the CASE snippets) with that
fold's model, which is what `eventwire eval` would show on text the model never saw.
The notes are ACLED's; only the learned weights (a vocabulary of n-grams and coefficients) and
the number of texts of each type are written to the repository.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from eventwire.classify import SubEventClassifier, features, normalise_for_model
from eventwire.evaluate.case import _crosswalk
from eventwire.evaluate.common import NO_EVENT, f1, top_event
from eventwire.evaluate.split import in_split
from eventwire.typology import ACLED_SUB_EVENT_TYPES

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "subevent_model.npz"
C = 32.0  # weak regularisation: 5-fold CV inside the tuning split prefers it to 2 and 8
MIN_DF = 3
CASE_WEIGHT = 3.0  # a CASE snippet counts as 3 ACLED notes (CV: CASE F1 0.63 at 3, 0.37 at 0, 0.62 at 8)


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str  # an ACLED sub-event type
    source: str  # "acled" or "case"
    published: date | None = None


def analyzer(text: str) -> list[str]:
    return features(normalise_for_model(text))


def acled_examples(path: Path) -> list[Example]:
    """The tuning rows of the ACLED development file, published 3 days after the event (as scored)."""
    with path.open(encoding="utf-8", newline="") as f:
        return [Example(r["event_id_cnty"], r["notes"], r["sub_event_type"], "acled", date.fromisoformat(r["event_date"]))
                for r in csv.DictReader(f)
                if r["sub_event_type"] in ACLED_SUB_EVENT_TYPES and in_split(r["event_id_cnty"], "tune")]


def case_examples(path: Path) -> list[Example]:
    """The tuning snippets of CASE 2021 task 2 in the 25 ACLED-derived classes, under ACLED's names."""
    acled_name = {label: next(iter(acled)) for acled, _, label in _crosswalk() if "-" not in acled}
    with path.open(encoding="utf-8", newline="") as f:
        return [Example(r["id"], r["EventSnippet"], acled_name[r["SubType"]], "case")
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["SubType"] in acled_name and in_split(r["id"], "tune")]


def fold(example: Example, folds: int) -> int:
    """A fold drawn from the id by a hash of its own, independent of the report/tune split's."""
    return int(hashlib.sha256(f"fold:{example.source}:{example.id}".encode()).hexdigest(), 16) % folds


def fit(examples: Sequence[Example], case_weight: float, min_df: int = MIN_DF) -> SubEventClassifier:
    examples = [e for e in examples if e.source == "acled" or case_weight > 0]
    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=min_df, sublinear_tf=True, dtype=np.float32)
    x = vectorizer.fit_transform([e.text for e in examples])
    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    model.fit(x, [e.label for e in examples], sample_weight=[case_weight if e.source == "case" else 1.0 for e in examples])
    # float16 weights, as shipped, so that the figures are those of the shipped model.
    vocabulary = {term: i for i, term in enumerate(vectorizer.get_feature_names_out())}
    texts = Counter(e.label for e in examples)
    return SubEventClassifier(list(model.classes_), vocabulary, vectorizer.idf_.astype(np.float16).astype(np.float32),
                              model.coef_.T.astype(np.float16).astype(np.float32), model.intercept_.astype(np.float32),
                              [texts[label] for label in model.classes_])


def save(classifier: SubEventClassifier, out: Path) -> None:
    vocabulary = sorted(classifier.vocabulary, key=classifier.vocabulary.get)
    np.savez_compressed(
        out,
        labels=np.array(classifier.labels, dtype=str),
        vocabulary=np.array(vocabulary, dtype=str),
        idf=classifier.idf.astype(np.float16),
        coef=classifier.coef.astype(np.float16),
        intercept=classifier.intercept,
        texts=np.array([classifier.texts[label] for label in classifier.labels], dtype=np.int32),
    )
    print(f"{out}: {len(vocabulary)} features, {len(classifier.labels)} labels, {out.stat().st_size / 1e6:.1f} MB")


def figures(source: str, gold: Sequence[str], predicted: Sequence[str]) -> str:
    """ACLED: sub-event accuracy and macro-F1 (as `eventwire eval`); CASE: weighted F1 over the 25 classes."""
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    average = "macro" if source == "acled" else "weighted"
    return f"{source}: accuracy {accuracy:.3f}, {average}-F1 {f1(gold, predicted, ACLED_SUB_EVENT_TYPES, average):.3f} (n={len(gold)})"


def cross_validate(train: Sequence[Example], scored: Sequence[Example], folds: int, case_weight: float, read) -> None:
    """Each fold of ``scored`` read by ``read(classifier, examples)`` with a model fitted on the other folds."""
    predicted: dict[tuple[str, str], str] = {}
    for k in range(folds):
        classifier = fit([e for e in train if fold(e, folds) != k], case_weight)
        held = [e for e in scored if fold(e, folds) == k]
        predicted.update(zip(((e.source, e.id) for e in held), read(classifier, held)))
    for source in ("acled", "case"):
        held = [e for e in scored if e.source == source]
        if held:
            print(f"{folds}-fold CV, {figures(source, [e.label for e in held], [predicted[e.source, e.id] for e in held])}")


def classifier_reads(classifier: SubEventClassifier, examples: Sequence[Example]) -> list[str]:
    return [classifier.predict(e.text)[0][0] for e in examples]


def pipeline_reads(classifier: SubEventClassifier, examples: Sequence[Example]) -> list[str]:
    """The sub-event type of the extractor's top event, with ``classifier`` in place of the shipped model."""
    from datetime import timedelta

    from eventwire import event_coding
    from eventwire.evaluate.common import extract_texts
    from eventwire.pipeline import Pipeline

    SubEventClassifier.load = lambda: classifier  # type: ignore[method-assign]
    event_coding._predicted.cache_clear()
    items = [(f"{e.source}-{e.id}", e.text, e.published and e.published + timedelta(days=3)) for e in examples]
    return [(event["acled"]["sub_event_type"] or NO_EVENT) if (event := top_event(events)) else NO_EVENT
            for events in extract_texts(Pipeline(), items)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acled", type=Path, required=True)
    parser.add_argument("--case", type=Path, help="the CASE 2021 task 2 file: its tuning snippets are trained on and scored")
    parser.add_argument("--case-weight", type=float, default=CASE_WEIGHT, help="a snippet's training weight (0: scored, not trained on)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: train only)")
    parser.add_argument("--pipeline", action="store_true", help="cross-validate the whole extractor, not the classifier alone")
    parser.add_argument("--cv-notes", type=Path, help="ACLED rows the extractor reads in --pipeline CV (default: every 4th tuning row)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    train = acled_examples(args.acled) + (case_examples(args.case) if args.case else [])
    if args.folds:
        if args.pipeline:
            notes = acled_examples(args.cv_notes) if args.cv_notes else acled_examples(args.acled)[::4]
            scored = notes + [e for e in train if e.source == "case"]
            cross_validate(train, scored, args.folds, args.case_weight, pipeline_reads)
        else:
            cross_validate(train, train, args.folds, args.case_weight, classifier_reads)
    save(fit(train, args.case_weight), args.out)


if __name__ == "__main__":
    main()
