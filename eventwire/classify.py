"""ACLED sub-event type from text: a linear model learned from expert-coded event notes.

Public entry points: ``SubEventClassifier`` (``load()``, ``predict(text)``) and ``tagged_sub_event``
(the sub-event type an ACLED note tag names, data/note_tags.tsv).

The model (data/subevent_model.npz) is trained by scripts/train_subevent.py on 80% of the
development notes (a fixed hash split; the other 20% are what `eventwire eval` reports on). It
stores a vocabulary, idf weights and one coefficient row per feature; prediction is a few
numpy lookups, no scikit-learn at run time.

The text is normalised first (``normalise_for_model``, shared by training and prediction) so
the model learns event language, not places, names or dates: capitalised words inside a
sentence become a shape token, digits become 0, ACLED's note tags and date openers go.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from .datafiles import read_tsv

# "Defusal: On 3 May, ...": the tag ACLED opens some notes with (note_tags.tsv). The model reads
# notes without it and without bracketed asides.
_OPENING_TAG = re.compile(r"^\s*([A-Z][A-Za-z /-]{2,40}):\s+")
_TAG = re.compile(rf"{_OPENING_TAG.pattern}|\[[^\]]*\]")
_DATE_OPENER = re.compile(r"^\s*(on|around|between|in|during)\b[^,]{0,60}\d{4}\)?,\s*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+")


@lru_cache(maxsize=1)
def _note_tags() -> dict[str, str]:
    return {row["tag"].lower(): row["sub_event_type"] for row in read_tsv("note_tags.tsv")}


def tagged_sub_event(text: str) -> str | None:
    """'Defusal: On 3 May, police defused ...' -> 'Disrupted weapons use': the tag ACLED opens
    such notes with names the event's kind more surely than any word of the note."""
    match = _OPENING_TAG.match(text)
    return _note_tags().get(match.group(1).lower()) if match else None


def normalise_for_model(text: str) -> list[str]:
    """Lower-case tokens with names masked: 'Russian warplanes struck Aleppo' ->
    ['russian', 'warplanes', 'struck', '<name>']. Demonyms stay (they carry no place)."""
    text = _DATE_OPENER.sub("", _TAG.sub(" ", text))
    tokens: list[str] = []
    sentence_start = True
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isdigit():
            tokens.append("<num>")
        elif word[0].isupper() and not sentence_start and not word.isupper() and not word.endswith(("n", "i", "sh", "ese")):
            if not tokens or tokens[-1] != "<name>":
                tokens.append("<name>")
        else:
            tokens.append(word.lower())
        sentence_start = text[match.end() : match.end() + 2].startswith((". ", "! ", "? "))
    return tokens


def features(tokens: Sequence[str]) -> list[str]:
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))]


class SubEventClassifier:
    def __init__(self, labels: Sequence[str], vocabulary: dict[str, int], idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray):
        self.labels = list(labels)
        self.vocabulary = vocabulary
        self.idf = idf
        self.coef = coef
        self.intercept = intercept

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "SubEventClassifier":
        path = resources.files("eventwire").joinpath("data", "subevent_model.npz")
        with resources.as_file(path) as file, np.load(file, allow_pickle=False) as data:
            vocabulary = {term: i for i, term in enumerate(data["vocabulary"].tolist())}
            return cls(data["labels"].tolist(), vocabulary, data["idf"].astype(np.float32),
                       data["coef"].astype(np.float32), data["intercept"].astype(np.float32))

    def predict(self, text: str) -> list[tuple[str, float]]:
        """All sub-event types with their probability, most likely first."""
        counts: dict[int, int] = {}
        for feature in features(normalise_for_model(text)):
            index = self.vocabulary.get(feature)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        scores = self.intercept.copy()
        if counts:
            index = np.fromiter(counts, dtype=np.int64)
            weights = (1 + np.log(np.fromiter(counts.values(), dtype=np.float32))) * self.idf[index]
            weights /= np.linalg.norm(weights)
            scores = scores + weights @ self.coef[index]
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        order = np.argsort(-probs)
        return [(self.labels[i], float(probs[i])) for i in order]

    def predict_many(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        return [self.predict(t) for t in texts]
