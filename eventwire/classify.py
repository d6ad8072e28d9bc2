"""ACLED sub-event type from text: a linear model learned from expert-coded event notes.

Public entry points: ``SubEventClassifier`` (``load()``, ``predict(text)``) and ``tagged_sub_event``
(the sub-event type an ACLED note tag names, data/note_tags.tsv).

The model (data/subevent_model.npz) is trained by scripts/train_subevent.py on the tuning split
(80% by a fixed hash; the other 20% are what `eventwire eval` reports on) of the ACLED
development notes and of the CASE 2021 task 2 news snippets in ACLED's classes. It
stores a vocabulary, idf weights, one coefficient row per feature and how many texts of each
type it learned from (``learned_from_few``); prediction is a few numpy lookups, no
scikit-learn at run time.

The text is normalised first (``normalise_for_model``, shared by training and prediction) so
the model learns event language, not places, names or dates: nationalities ("Russian") become
`<demonym>`, other capitalised words inside a sentence `<name>`, numbers `<num>`, ACLED's note
tags and date openers go, and other words lose their inflection ("clashed" -> "clash").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from .countries import is_demonym
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
    """Lower-case stems with names masked: 'Russian warplanes struck Aleppo on 3 May' ->
    ['<demonym>', 'warplan', 'struck', '<name>', 'on', '<num>', '<name>']."""
    text = _DATE_OPENER.sub("", _TAG.sub(" ", text))
    tokens: list[str] = []
    sentence_start = True
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isdigit():
            tokens.append("<num>")
        elif shape := _shape(word, sentence_start):
            if not tokens or tokens[-1] != shape:
                tokens.append(shape)
        else:
            tokens.append(stem(word.lower()))
        sentence_start = text[match.end() : match.end() + 2].startswith((". ", "! ", "? "))
    return tokens


def _shape(word: str, sentence_start: bool) -> str | None:
    """'<demonym>' for a nationality wherever it stands, '<name>' for another capitalised word
    inside a sentence (a sentence's first word may be any word; an acronym is kept: 'IED')."""
    if not word[0].isupper():
        return None
    if is_demonym(word):
        return "<demonym>"
    return None if sentence_start or word.isupper() else "<name>"


# Doubled consonants an inflection adds ("kidnapped", "stopping"); a stem may end in ll, ss, ff.
_DOUBLED = re.compile(r"([bdgkmnprt])\1$")


def stem(word: str) -> str:
    """'clashes', 'clashed', 'clashing' -> 'clash'; 'attacked', 'attacks' -> 'attack': a few
    English suffixes go so that a word's inflections share one feature (a few hundred notes
    name a rare event; each form alone would be rarer still). Stems need not be words
    ('fired' -> 'fir'), only the same for every form."""
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _DOUBLED.sub(r"\1", word[: -len(suffix)]).removesuffix("e")
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def features(tokens: Sequence[str]) -> list[str]:
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))]


# A sub-event type learned from fewer texts than this is not the model's to overrule (resolve
# stage) nor to find an event of where no trigger did (detect stage): it saw territory changes,
# chemical weapons, suicide bombs, agreements and new bases in 11 to 27 tuning notes and
# snippets each, every other type in 41 or more. Among a PLOVER type's options it may still
# choose them (CV: forbidding that lost the one suicide bombing among the ACLED notes it read).
MIN_TEXTS = 30


class SubEventClassifier:
    def __init__(self, labels: Sequence[str], vocabulary: dict[str, int], idf: np.ndarray, coef: np.ndarray,
                 intercept: np.ndarray, texts: Sequence[int]):
        self.labels = list(labels)
        self.vocabulary = vocabulary
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.texts = dict(zip(self.labels, (int(n) for n in texts)))  # training texts per label

    def learned_from_few(self, label: str) -> bool:
        """Whether the model saw fewer than MIN_TEXTS texts of this sub-event type (or none)."""
        return self.texts.get(label, 0) < MIN_TEXTS

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "SubEventClassifier":
        path = resources.files("eventwire").joinpath("data", "subevent_model.npz")
        with resources.as_file(path) as file, np.load(file, allow_pickle=False) as data:
            vocabulary = {term: i for i, term in enumerate(data["vocabulary"].tolist())}
            return cls(data["labels"].tolist(), vocabulary, data["idf"].astype(np.float32),
                       data["coef"].astype(np.float32), data["intercept"].astype(np.float32), data["texts"])

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
