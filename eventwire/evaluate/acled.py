"""Score against ACLED rows: the ``notes`` text in, the row's coding as gold.

Public entry point: ``score_acled``. Each note is extracted with a publication date three
days after the row's event date, so the event date has to be read from the text. The
highest-confidence current event is scored (``top``), and whether any current event
matches (``any``). A note with no current event is a miss on every metric.
"""
from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from datetime import date, timedelta

from .. import places
from ..countries import country_by_name, normalise
from ..typology import ACLED_SUB_EVENT_TYPES
from .common import NO_EVENT, GoldError, Tally, current, extract_texts, f1, per_label, require_columns
from .split import in_split

COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country", "iso3",
           "admin1", "latitude", "longitude", "fatalities", "notes")
PUBLISHED_AFTER = timedelta(days=3)
# ACLED dates state forces by period: "Police Forces of Kenya (2013-2022)", "(2013-)".
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)")
# Feature words ACLED and GeoNames add to, or leave off, the same admin1 name.
_ADMIN1_SUFFIXES = ("county", "division", "department", "province")


def score_acled(path: str, pipeline, limit: int | None = None, split: str = "report", progress=None) -> dict:
    """Metrics over the rows of ``split`` ("report": the 20% never tuned on; "tune": the other 80%; "all")."""
    rows = read_rows(path, split, limit)
    items = [(r["event_id_cnty"], r["notes"], date.fromisoformat(r["event_date"]) + PUBLISHED_AFTER) for r in rows]
    overall, by_country = Tally(), defaultdict(Tally)
    gold_sub, predicted_sub, no_event = [], [], 0
    for row, events in zip(rows, extract_texts(pipeline, items, progress)):
        found = current(events)
        no_event += not found
        checks = row_checks(row)
        overall.add(found, checks)
        by_country[row["country"]].add(found, checks)
        gold_sub.append(row["sub_event_type"])
        predicted_sub.append((found[0]["acled"]["sub_event_type"] or NO_EVENT) if found else NO_EVENT)
    metrics = overall.metrics()
    metrics["sub_event_macro_f1"] = {"top": f1(gold_sub, predicted_sub, ACLED_SUB_EVENT_TYPES, "macro")}
    return {
        "task": "acled",
        "file": path,
        "split": split,
        "n": overall.n,
        "no_event": no_event,
        "metrics": metrics,
        "by_country": {
            country: {"n": t.n, **{name: v["top"] for name, v in t.metrics().items()}}
            for country, t in sorted(by_country.items(), key=lambda kv: -kv[1].n)
        },
        "sub_event_types": per_label(gold_sub, predicted_sub, ACLED_SUB_EVENT_TYPES),
    }


def read_rows(path: str, split: str, limit: int | None) -> list[dict]:
    """The typed rows of ``split``; a missing column or a malformed row is an error naming file and line."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            require_columns(path, reader.fieldnames, COLUMNS)
            rows = []
            for row in reader:
                if in_split(row["event_id_cnty"], split):
                    rows.append(_checked(path, reader.line_num, row))
                if limit is not None and len(rows) >= limit:
                    break
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise GoldError(f"{path}: cannot read: {err}") from None
    return rows


def _checked(path: str, line: int, row: dict) -> dict:
    """The row with typed gold values; a short or malformed row is an error naming its line."""
    try:
        if None in row.values():
            raise ValueError("fewer fields than the header")
        return {
            **row,
            "event_date": date.fromisoformat(row["event_date"]).isoformat(),
            "fatalities": int(row["fatalities"]),
            "latitude": float(row["latitude"]),
            "longitude": float(row["longitude"]),
        }
    except ValueError as err:
        raise GoldError(f"{path}:{line}: bad row: {err}") from None


def row_checks(row: dict) -> dict:
    """Metric name -> test of one system event against this row."""
    actor = actor_key(row["actor1"])
    actor_country = gold_actor_country(row["actor1"], row["country"], row["iso3"])
    admin1 = admin1_key(row["admin1"])
    country = country_by_name(row["country"])
    admin1_unit = places.admin1_unit(row["admin1"], country.iso3 if country else None)
    gold_fatalities = row["fatalities"]

    def distance(e: dict) -> float:
        loc = e["location"] or {}
        if loc.get("latitude") is None:
            return math.inf
        return places.distance_km(loc["latitude"], loc["longitude"], row["latitude"], row["longitude"])

    def fatalities(e: dict) -> int:
        # ACLED codes 0 when no number is reported; so does a record without fatalities.
        return (e["fatalities"] or {}).get("best") or 0

    return {
        "event_type": lambda e: e["acled"]["event_type"] == row["event_type"],
        "sub_event_type": lambda e: e["acled"]["sub_event_type"] == row["sub_event_type"],
        "actor1": lambda e: bool(e["actor1"]) and actor_key(e["actor1"]["canonical"] or "") == actor,
        "actor1_country": lambda e: bool(e["actor1"]) and e["actor1"]["country"] == actor_country,
        "admin1": lambda e: bool(e["location"]) and admin1_key(e["location"]["admin1"] or "") == admin1,
        # The same GeoNames unit under another spelling ('Ar-Raqqah' for ACLED's 'Ar Raqqa').
        "admin1_unit": lambda e: bool(e["location"]) and (
            admin1_key(e["location"]["admin1"] or "") == admin1
            or (admin1_unit is not None and places.admin1_unit(e["location"]["admin1"], e["location"]["country"]) == admin1_unit)),
        "location_25km": lambda e: distance(e) <= 25,
        "location_100km": lambda e: distance(e) <= 100,
        "fatalities_exact": lambda e: fatalities(e) == gold_fatalities,
        "fatalities_10pct": lambda e: abs(fatalities(e) - gold_fatalities) <= 0.1 * gold_fatalities,
        "event_date": lambda e: e["event_date"] == row["event_date"],
    }


def actor_key(name: str) -> str:
    """'Police Forces of Kenya (2013-2022)' and 'police forces of kenya' compare equal."""
    return normalise(_PERIOD.sub("", name))


def gold_actor_country(actor1: str, country: str, iso3: str = "") -> str | None:
    """ISO3 of an ACLED actor: 'Rioters (Kenya)', 'Military Forces of Kenya (2013-)' -> KEN;
    a group whose name holds no country ('Al Shabaab') takes the row's country."""
    name = _PERIOD.sub("", actor1)
    for candidate in [*re.findall(r"\(([^)]*)\)", name), *_phrases(re.sub(r"\([^)]*\)", " ", name))]:
        found = country_by_name(candidate)
        if found:
            return found.iso3
    found = country_by_name(country)
    return found.iso3 if found else (iso3 or None)


def _phrases(text: str) -> list[str]:
    """Word sequences, longest first: 'Military Forces of Democratic Republic of Congo'."""
    words = text.split()
    return [" ".join(words[i : i + size]) for size in range(len(words), 0, -1) for i in range(len(words) - size + 1)]


def admin1_key(name: str) -> str:
    """'Kakamega County', 'kakamega', 'Dhaka Division', 'Dhaka' -> the same key; accents folded."""
    words = normalise(name).split()
    while len(words) > 1 and words[-1] in _ADMIN1_SUFFIXES:
        words.pop()
    return " ".join(words)


