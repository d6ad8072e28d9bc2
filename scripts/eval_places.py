"""Measure place resolution on the development data (../shared/data), split as `eventwire eval` is.

    python scripts/eval_places.py geocoder [--split tune|report] [--misses 30]
    python scripts/eval_places.py notes --limit 800 [--split report]

geocoder: every ACLED row's gold `location` string geocoded alone, with the row's country as
the only hint: share within 25 km of the gold coordinates, and share whose admin1 matches.
notes: the whole pipeline on the row's `notes` (publication date = event date + 3 days); the
location of the highest-confidence non-background event is scored the same way. A miss is
labelled by where it was lost: no event, no location, the wrong phrase chosen (the gold
location string is in the note but another place was picked) or wrong geocoding.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from eventwire.countries import country_by_name, normalise
from eventwire.evaluate.split import is_report_row
from eventwire.model import Location
from eventwire.places import PlaceQuery, distance_km, geocode, same_admin1

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled_dev.csv"


@dataclass
class Tally:
    rows: int = 0
    within25: int = 0
    admin1: int = 0

    def add(self, row: dict, loc: Location | None) -> tuple[bool, bool]:
        near = loc is not None and loc.latitude is not None and km(row, loc) <= 25
        admin = loc is not None and same_admin1(loc.admin1, row["admin1"])
        self.rows += 1
        self.within25 += near
        self.admin1 += admin
        return near, admin

    def line(self, label: str) -> str:
        n = max(self.rows, 1)
        return f"{label}: rows={self.rows} within25km={self.within25 / n:.3f} admin1={self.admin1 / n:.3f}"


def km(row: dict, loc: Location) -> float:
    return distance_km(float(row["latitude"]), float(row["longitude"]), loc.latitude, loc.longitude)


def read_rows(split: str) -> list[dict]:
    if not DATA.exists():
        sys.exit(f"{DATA}: not found; the development data lives in ../shared/data beside the repository")
    with DATA.open(encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if is_report_row(r["event_id_cnty"]) == (split == "report")]


def describe(loc: Location | None) -> str:
    if loc is None:
        return "-"
    return f"{loc.name} [{loc.precision}, {loc.admin1}, {loc.latitude},{loc.longitude}]"


def as_written(location: str) -> PlaceQuery:
    """ACLED's "Dhaka - Paltan" is written "Paltan, Dhaka" in a story."""
    town, _, part = location.partition(" - ")
    return PlaceQuery(part, container=town) if part else PlaceQuery(town)


def run_geocoder(rows: list[dict], misses: int) -> None:
    total, per_country = Tally(), {}
    shown = 0
    for row in rows:
        country = country_by_name(row["country"])
        hints = [country.iso3] if country else []
        loc = geocode([as_written(row["location"])], hints)[0]
        near, admin = total.add(row, loc)
        per_country.setdefault(row["country"], Tally()).add(row, loc)
        if not near and shown < misses:
            shown += 1
            print(f"MISS {row['country']}: {row['location']!r} gold admin1={row['admin1']} admin2={row['admin2']} -> {describe(loc)}")
    big = sorted(per_country.items(), key=lambda kv: -kv[1].rows)[:6]
    for name, tally in big:
        print(tally.line(f"  {name}"))
    print(total.line("geocoder"))


def run_notes(rows: list[dict], limit: int, misses: int) -> None:
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    rows = rows[:limit]
    pipeline = Pipeline(today=date(2026, 11, 25))
    articles = [
        Article(origin=f"acled:{r['event_id_cnty']}", text=r["notes"], id=r["event_id_cnty"],
                published=date.fromisoformat(r["event_date"]) + timedelta(days=3))
        for r in rows
    ]
    total, losses, shown = Tally(), Counter(), 0
    for row, result in zip(rows, pipeline.extract_many(articles)):
        events = [] if isinstance(result, Exception) else [e for e in result[1] if not e.background]
        best = max(events, key=lambda e: e.confidence, default=None)
        loc = best.location if best else None
        near, admin = total.add(row, loc)
        if not near:
            loss = loss_kind(row, best, loc)
            losses[loss] += 1
            if shown < misses:
                shown += 1
                print(f"MISS[{loss}] {row['location']!r} ({row['admin1']}) -> {describe(loc)} :: {row['notes'][:160]}")
    print("losses (not within 25 km):", dict(losses.most_common()))
    print(total.line("notes"))


def loss_kind(row: dict, event, loc: Location | None) -> str:
    if event is None:
        return "no event"
    if loc is None:
        return "no location"
    gold = normalise(row["location"].split(" - ")[-1])
    if gold and gold in normalise(row["notes"]) and normalise(loc.name) != gold:
        return "other phrase chosen" if loc.precision != "country" else "country only"
    return "geocoding"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", choices=["geocoder", "notes"])
    parser.add_argument("--split", choices=["tune", "report"], default="report")
    parser.add_argument("--limit", type=int, default=800)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    rows = read_rows(args.split)
    if args.task == "geocoder":
        run_geocoder(rows, args.misses)
    else:
        run_notes(rows, args.limit, args.misses)


if __name__ == "__main__":
    main()
