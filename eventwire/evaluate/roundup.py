"""Score ACLED notes read inside round-ups: articles that report several events, one a paragraph.

Public entry point: ``score_roundup``. The ACLED scorer reads one note at a time; a story that
reports several events is harder, since one paragraph's date, place, toll or event can leak into
the next. Notes of the split are grouped, in a fixed way, into "weekly round-ups": 3 to 6 notes
of one country whose dates lie within 7 days, oldest or newest first, split by blank lines or
(one round-up in three) by single line breaks, published three days after the latest date.
For each note, the highest-confidence current event whose first evidence sentence lies in the
note's paragraph is scored with the ACLED scorer's checks; the same notes read alone are scored
too, so the figures show what reading them together costs.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .acled import PUBLISHED_AFTER, read_rows, row_checks
from .common import Tally, current, extract_texts

METRICS = ("sub_event_type", "actor1", "actor1_country", "admin1", "location_25km", "event_date", "fatalities_exact")
_WINDOW_DAYS = 7


@dataclass
class RoundUp:
    id: str
    text: str
    published: date
    spans: list[tuple[dict, int, int]]  # each note's row and where its paragraph lies in the text


def score_roundup(path: str, pipeline, limit: int | None = None, split: str = "report", progress=None) -> dict:
    """Figures over the notes of ``split`` ("report" unless told), read in round-ups and alone."""
    rows = read_rows(path, split, limit)
    roundups = build_roundups(rows)
    notes = [row for r in roundups for row, _, _ in r.spans]
    alone = extract_texts(pipeline, [(row["event_id_cnty"], row["notes"], _published([row])) for row in notes], progress)
    read_alone = dict(zip((row["event_id_cnty"] for row in notes), alone))
    together = extract_texts(pipeline, [(r.id, r.text, r.published) for r in roundups], progress)
    in_roundups, by_itself, without_event = Tally(), Tally(), 0
    for roundup, events in zip(roundups, together):
        found = current(events)
        for row, start, end in roundup.spans:
            checks = {name: check for name, check in row_checks(row).items() if name in METRICS}
            inside = [e for e in found if e["evidence"] and start <= _source_start(roundup.text, e["evidence"][0]) < end]
            without_event += not inside
            in_roundups.add(inside, checks)
            by_itself.add(current(read_alone[row["event_id_cnty"]]), checks)
    metrics = {name: {"value": values["top"]} for name, values in in_roundups.metrics().items()}
    metrics.update({f"{name}_alone": {"value": values["top"]} for name, values in by_itself.metrics().items()})
    return {"task": "roundup", "file": path, "split": split, "n": in_roundups.n, "roundups": len(roundups),
            "no_event_in_paragraph": without_event, "metrics": metrics}


def build_roundups(rows: list[dict]) -> list[RoundUp]:
    """The round-ups of ``rows``, always the same for the same rows."""
    ordered = sorted(rows, key=lambda r: (r["country"], r["event_date"], r["event_id_cnty"]))
    groups: list[list[dict]] = []
    for row in ordered:
        group = groups[-1] if groups else None
        if group is None or len(group) >= _size(len(groups) - 1) or not _same_week(group[0], row):
            groups.append([row])
        else:
            group.append(row)
    return [_roundup(k, group) for k, group in enumerate(g for g in groups if len(g) >= 3)]


def _size(k: int) -> int:
    """The k-th round-up holds up to 3, 4, 5 or 6 notes in turn."""
    return 3 + k % 4


def _same_week(first: dict, row: dict) -> bool:
    days = (date.fromisoformat(row["event_date"]) - date.fromisoformat(first["event_date"])).days
    return row["country"] == first["country"] and days < _WINDOW_DAYS


def _roundup(k: int, group: list[dict]) -> RoundUp:
    paragraphs = group[::-1] if k % 2 else group
    separator = "\n" if k % 3 == 2 else "\n\n"
    text, spans = "", []
    for row in paragraphs:
        if text:
            text += separator
        spans.append((row, len(text), len(text) + len(row["notes"])))
        text += row["notes"]
    return RoundUp(f"roundup-{k:04d}", text, _published(group), spans)


def _published(rows: list[dict]) -> date:
    return max(date.fromisoformat(r["event_date"]) for r in rows) + PUBLISHED_AFTER


def _source_start(text: str, evidence: dict) -> int:
    """Where the evidence sentence lies in the round-up as written: evidence offsets point into
    the cleaned text, which joins lines a single break splits mid-sentence, so the sentence is
    looked up; of several copies (two notes may open alike), the one nearest its offset."""
    sentence, found = evidence["text"].strip()[:120], []
    at = text.find(sentence)
    while at >= 0:
        found.append(at)
        at = text.find(sentence, at + 1)
    return min(found, key=lambda i: abs(i - evidence["start"]), default=evidence["start"])
