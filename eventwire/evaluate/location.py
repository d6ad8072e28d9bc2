"""Score the choice of event location on "Geolocating Political Events in Text" (Halterman).

Public entry point: ``score_location``. Entries whose ``source`` is ``RELABEL`` are gold: a
sentence, its event verb (span ``VERB``) and the place where that event happened (span(s)
``LOCATION``, none when the sentence does not say). The scored event is the one whose trigger
is the labelled verb, else the highest-confidence current event. It is right when its
location name overlaps a gold span. Sentences with no gold place are scored apart: right
when eventwire places nothing there.
"""
from __future__ import annotations

import json
import re
import zipfile

from ..countries import normalise
from .common import GoldError, Tally, current, extract_texts, rate

GOLD_SOURCE = "RELABEL"


def score_location(path: str, pipeline, limit: int | None = None, progress=None) -> dict:
    entries = _read_entries(path, limit)
    items = [(f"loc-{i}", e["text"], None) for i, e in enumerate(entries)]
    located, unplaced, n_unplaced = Tally(), 0, 0
    for entry, events in zip(entries, extract_texts(pipeline, items, progress)):
        found = _for_verb(current(events), entry["verb"])
        if entry["places"]:
            located.add(found, {"place": lambda e: overlaps(e["location"], entry["text"], entry["places"])})
        else:
            n_unplaced += 1
            unplaced += not found or found[0]["location"] is None
    return {
        "task": "location",
        "file": path,
        "n": located.n,
        "n_no_gold_place": n_unplaced,
        "metrics": located.metrics() | {"no_place_when_none": {"value": rate(unplaced, n_unplaced)}},
    }


def _for_verb(events: list[dict], verb: str) -> list[dict]:
    """The events with the labelled verb as trigger first, then the others, best first."""
    verb = verb.lower()
    return sorted(events, key=lambda e: verb not in e["trigger"].lower().split())


def overlaps(location: dict | None, text: str, places: list[tuple[int, int]]) -> bool:
    """Whether the place eventwire chose is one of the gold spans of ``text``: where the sentence
    writes it (the words it was read from, else its gazetteer name)."""
    if not location:
        return False
    name = location["name"]
    written = [w for w in (location.get("text"), name) if w]
    spots = [(m.start(), m.end()) for w in written for m in re.finditer(re.escape(w), text, re.IGNORECASE)]
    if spots:
        return any(s < end and start < e for s, e in spots for start, end in places)
    # Not written as such (a gazetteer spelling, "Al Aziziyah" for "Aziziyah"): share a word.
    words = set(normalise(name).split())
    return any(words & set(normalise(text[start:end]).split()) for start, end in places)


def _read_entries(path: str, limit: int | None) -> list[dict]:
    member, records = _load(path)
    entries = []
    for i, record in enumerate(records, 1):
        if not isinstance(record, dict) or record.get("source") != GOLD_SOURCE:
            continue
        entries.append(_entry(f"{path}:{member}: entry {i}", record))
        if limit is not None and len(entries) >= limit:
            break
    return entries


def _load(path: str) -> tuple[str, list]:
    """The records of the archive's one JSON (Lines) member: a JSON array or one object a line."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.endswith((".jsonl", ".json")) and not n.startswith("__MACOSX")]
            if not members:
                raise GoldError(f"{path}: no .jsonl file inside the archive")
            text = archive.read(members[0]).decode("utf-8")
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    try:
        if text.lstrip().startswith("["):
            return members[0], json.loads(text)
        return members[0], [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as err:
        line = err.lineno if text.lstrip().startswith("[") else _bad_line(text)
        raise GoldError(f"{path}:{members[0]}:{line}: broken JSON: {err.msg}") from None


def _bad_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        try:
            line.strip() and json.loads(line)
        except json.JSONDecodeError:
            return number
    return 0


def _entry(where: str, record: dict) -> dict:
    try:
        text = record["text"]
        verbs = [text[start:end] for start, end in _offsets(record, "VERB")]
        places = _offsets(record, "LOCATION")
    except (KeyError, TypeError) as err:
        raise GoldError(f"{where}: missing {err} (entries need text and spans with start, end, label)") from None
    return {"text": text, "verb": verbs[0] if verbs else "", "places": places}


def _offsets(record: dict, label: str) -> list[tuple[int, int]]:
    """Character ranges of the spans with ``label``. Some relabelled spans carry token numbers
    in start/end ("start": 20, "end": 21 for the words "Atlantic Avenue"): where a span's
    characters are not its words, its token range (token_start..token_end, inclusive) gives
    them, else the first place its words occur."""
    text, tokens = record["text"], {t["id"]: t for t in record.get("tokens") or []}
    found = []
    for span in record.get("spans") or []:
        if span["label"] != label:
            continue
        words = span.get("text")
        if span["end"] > span["start"] and (not words or text[span["start"] : span["end"]] == words):
            found.append((span["start"], span["end"]))
        elif span.get("token_start") in tokens and span.get("token_end") in tokens:
            found.append((tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]))
        elif words and words in text:
            start = text.index(words)
            found.append((start, start + len(words)))
    return found
