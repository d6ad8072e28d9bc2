"""Train the ACLED sub-event classifier shipped as eventwire/data/subevent_model.npz.

    pip install -e ".[train]"
    python scripts/train_subevent.py --acled ../shared/data/acled_dev.csv

Trains on the 80% "train" split of the ACLED development rows (eventwire.evaluate.split) and
prints accuracy and macro-F1 on the 20% "report" split and on each country held out in turn.
The notes are ACLED's; only the learned weights (a vocabulary of n-grams and coefficients) are
written to the repository.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from eventwire.classify import features, normalise_for_model
from eventwire.evaluate.split import is_report_row
from eventwire.typology import ACLED_SUB_EVENT_TYPES

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "subevent_model.npz"


def analyzer(text: str) -> list[str]:
    return features(normalise_for_model(text))


def fit(texts, labels):
    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=3, sublinear_tf=True, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=8.0, max_iter=2000, class_weight="balanced")
    model.fit(x, labels)
    return vectorizer, model


def score(vectorizer, model, texts, labels) -> str:
    predicted = model.predict(vectorizer.transform(texts))
    return f"accuracy {accuracy_score(labels, predicted):.3f}, macro-F1 {f1_score(labels, predicted, average='macro'):.3f} (n={len(labels)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--acled", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = [r for r in csv.DictReader(args.acled.open(encoding="utf-8")) if r["sub_event_type"] in ACLED_SUB_EVENT_TYPES]
    train = [r for r in rows if not is_report_row(r["event_id_cnty"])]
    report = [r for r in rows if is_report_row(r["event_id_cnty"])]

    for country in ("Kenya", "Bangladesh", "Benin"):
        others = [r for r in train if r["country"] != country]
        held = [r for r in report if r["country"] == country]
        v, m = fit([r["notes"] for r in others], [r["sub_event_type"] for r in others])
        print(f"trained without {country}, scored on its report rows: {score(v, m, [r['notes'] for r in held], [r['sub_event_type'] for r in held])}")

    vectorizer, model = fit([r["notes"] for r in train], [r["sub_event_type"] for r in train])
    print(f"report split: {score(vectorizer, model, [r['notes'] for r in report], [r['sub_event_type'] for r in report])}")
    vocabulary = vectorizer.get_feature_names_out()
    np.savez_compressed(
        args.out,
        labels=np.array(model.classes_, dtype=str),
        vocabulary=np.array(vocabulary, dtype=str),
        idf=vectorizer.idf_.astype(np.float16),
        coef=model.coef_.T.astype(np.float16),
        intercept=model.intercept_.astype(np.float32),
    )
    print(f"{args.out}: {len(vocabulary)} features, {len(model.classes_)} labels, {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
