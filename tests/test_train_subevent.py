"""The sub-event classifier's training script: what it trains on and how it folds the data."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter

import pytest

from conftest import DEV_DATA, REPO, needs_dev_data

pytest.importorskip("sklearn", reason="scikit-learn is a training extra: pip install -e '.[train]'")
_spec = importlib.util.spec_from_file_location("train_subevent", REPO / "scripts" / "train_subevent.py")
train_subevent = sys.modules["train_subevent"] = importlib.util.module_from_spec(_spec)  # dataclasses look their module up
_spec.loader.exec_module(train_subevent)


@needs_dev_data
def test_case_snippets_are_trained_on_under_acled_names_and_only_from_the_tuning_split():
    examples = train_subevent.case_examples(DEV_DATA / "case2021_task2_dev.tsv")
    labels = Counter(e.label for e in examples)
    assert "Air/drone strike" in labels and "Non-state actor overtakes territory" in labels
    assert not {"AIR_STRIKE", "DIPLO", "NATURAL_DISASTER"} & set(labels)  # CASE names, and labels ACLED lacks, are out
    assert len(examples) == 338  # the 25-class tuning snippets `eventwire eval --split tune --only case` scores


def test_folds_are_even_and_independent_of_the_report_split():
    from eventwire.evaluate.split import in_split

    ids = [f"KEN{n}" for n in range(5000)]
    tuning = [train_subevent.Example(i, "", "Attack", "acled") for i in ids if in_split(i, "tune")]
    sizes = Counter(train_subevent.fold(e, 5) for e in tuning)
    assert sorted(sizes) == [0, 1, 2, 3, 4]
    assert min(sizes.values()) > 0.8 * len(tuning) / 5


def test_a_fitted_model_reads_the_event_kind_from_the_words():
    texts = {
        "Armed clash": ["Soldiers clashed with militants near the town.", "Police and gunmen exchanged fire."],
        "Peaceful protest": ["Teachers marched peacefully to demand pay.", "Traders held a peaceful demonstration."],
        "Arrests": ["Police arrested two suspects.", "Officers detained a journalist."],
    }
    examples = [train_subevent.Example(f"{label}{n}", text, label, "acled")
                for label, group in texts.items() for n, text in enumerate(group * 3)]
    classifier = train_subevent.fit(examples, case_weight=1.0, min_df=1)
    assert classifier.predict("Nurses marched peacefully to demand pay.")[0][0] == "Peaceful protest"
    assert classifier.predict("Gunmen exchanged fire with soldiers.")[0][0] == "Armed clash"
    assert classifier.predict("Police detained two suspects.")[0][0] == "Arrests"


def test_pipeline_cv_reads_a_text_with_the_fold_model(monkeypatch):
    from eventwire import event_coding
    from eventwire.classify import SubEventClassifier

    monkeypatch.setattr(SubEventClassifier, "load", SubEventClassifier.load)  # restored after the test
    texts = {"Armed clash": "Soldiers clashed with militants near the town.", "Arrests": "Police arrested two suspects."}
    examples = [train_subevent.Example(f"{label}{n}", text, label, "acled") for label, text in texts.items() for n in range(3)]
    classifier = train_subevent.fit(examples, case_weight=1.0, min_df=1)
    try:
        read = train_subevent.pipeline_reads(classifier, [train_subevent.Example("1", "Police arrested two teachers in Nairobi.", "Arrests", "case")])
    finally:
        event_coding._predicted.cache_clear()  # the fold model's readings are not the shipped model's
    assert read == ["Arrests"]
