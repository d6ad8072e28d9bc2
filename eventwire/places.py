"""Resolve place names to GeoNames places: coordinates, country, admin1 and a precision.

Public entry points: ``geocode(queries, country_hints, weak_hints)``, ``is_known_place(name)`` and
``is_known_unit(name)``.

The gazetteer (data/gazetteer.sqlite, built by scripts/build_gazetteer.py from GeoNames data
shipped in PyPI packages) holds populated places of 500+ people and first- and second-level
administrative units, indexed by accent- and punctuation-folded names and their alternate names.
Units carry the names national sources and ACLED write ("Bayern", "Nairobi", "Atacora").

Choosing among places of one name is a score, not a rule per name:
- a candidate inside the written container ("Baragoi, Samburu": Baragoi in Samburu) wins, and
  one also inside the chain's region ("Bailundo (Bailundo, Huambo)") beats one that is not;
- the countries the story names ("country hints", first ones weigh more), and less the
  countries of the people it names ("Russian forces");
- a feature word ("Idlib province", "Kandi commune") prefers the administrative unit of
  that level; without one a town beats the unit it names;
- then population, on a log scale.
A name the gazetteer lacks inside a known container ("Ikurungu village, Kirinyaga County"), or
knows only outside it, resolves to the container, with the container's precision: never to some
other town. A chain ("Kan Hpyu village, Wetlet township (Shwebo district, Sagaing region)") falls
back from the nearest container to the region.
A country name resolves to the country with precision "country" and no coordinates: a
country centroid is never passed off as the place of an event.
"""
from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .countries import country_by_name, normalise
from .datafiles import read_tsv
from .model import Location

ADMIN_WORDS = frozenset(
    "province provinces governorate governorates state region county counties division department "
    "oblast district districts prefecture municipality muhafazat wilayah upazila upazilla sub-county "
    "subcounty commune zila sadar constituency lga".split()
)
# "Faridpur Sadar": Bangladesh's upazila of a district's seat, written after the district's name.
ADMIN2_FEATURES = frozenset("district districts municipality upazila upazilla sub-county subcounty commune zila sadar constituency lga".split())
ADMIN1_FEATURES = ADMIN_WORDS - ADMIN2_FEATURES
# The feature of a name read as the container of another: any administrative unit.
CONTAINER = "container"
# The feature of a query for a landmark followed by its town ("Lido beach in Mogadishu").
LANDMARK = "landmark"
# A "locality" (a Kenyan ward or location from an IEBC list) has no point of its own: it is
# stored at its county's place, so it says no more than the county does.
_PRECISION = {"locality": "admin1"}
# An administrative unit counts at least this many people (the gazetteer gives some none, others
# only their capital's), so a state ("Vermont") outweighs a suburb of its name while a large city
# still outweighs its province ("Aleppo", "Kakamega"). A locality counts as a village, so in a
# story about its country it beats a town abroad ("Eastleigh" of Nairobi, not of Hampshire).
_UNIT_POPULATION = {"admin1": 300_000, "admin2": 50_000, "locality": 1_000}
# At or below this size (a unit counted at its kind's floor: a district is, a province is not) a place
# outside the story's countries is taken for a namesake, not the place.
_FOREIGN_POPULATION = 50_000
# How far from its town a place named like a landmark of the town may lie to be its quarter.
_QUARTER_KM = 25
# Words written after a settlement's name that are not part of it: "Kisii town", "Kibera slums".
SETTLEMENT_WORDS = frozenset(
    "town township village city municipality ward area slums slum estate camp refugee neighbourhood neighborhood suburb island settlement".split()
)
# "Bago-West", "Shan (North)", "Shan-North": part of a unit named by a direction (ACLED, MIMU), where
# the gazetteer knows only the whole unit.
_COMPASS_PART = re.compile(r"\s*[-(]\s*(north|south|east|west|central)\)?$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(al|el|ad|as|ash|an|ar|at|az)\s+")
_TELL = re.compile(r"^(tall|tell|tel)\b")
_DOUBLED = re.compile(r"([aeou])\1")
# Letters accent folding does not reduce to ASCII, as the press writes them without diacritics.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae"})


@dataclass(frozen=True)
class PlaceQuery:
    name: str
    container: str | None = None  # "Baragoi, Samburu" -> "Samburu"
    feature: str | None = None  # "province", "county", "city" ... written after the name
    region: str | None = None  # the last of a longer chain: "Kan Hpyu, Wetlet (Shwebo, Sagaing)" -> "Sagaing"


@dataclass(frozen=True)
class _Candidate:
    geonameid: int
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int
    kind: str


def name_keys(name: str) -> set[str]:
    """The folded forms a name is indexed and looked up under: 'Tall Rif`at' ~ 'Tal Rifaat'."""
    key = normalise(plain_letters(name))
    keys = {key, _TELL.sub("tal", key), _ARTICLE.sub("", key)}
    keys |= {k.replace(" ", "") for k in keys if " " in k and len(k) < 20}
    keys |= {_DOUBLED.sub(r"\1", k) for k in keys if len(k) > 6}  # Rifaat ~ Rif`at
    return {k for k in keys if k}


def plain_letters(name: str) -> str:
    """'Şanlıurfa' -> 'Şanliurfa', 'Łódzkie' -> 'Lódzkie': the letters folding leaves out."""
    return name.translate(_LETTERS)


@lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    path = resources.files("eventwire").joinpath("data", "gazetteer.sqlite")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_CODE = re.compile(r"[A-Z]{3}")  # IATA airport codes


@lru_cache(maxsize=50_000)
def _candidates(name: str) -> tuple[_Candidate, ...]:
    keys = sorted(name_keys(name))
    marks = ",".join("?" * len(keys))
    rows = _db().execute(
        f"SELECT DISTINCT p.* FROM name n JOIN place p ON p.geonameid = n.geonameid WHERE n.key IN ({marks})",
        keys,
    ).fetchall()
    candidates = tuple(_Candidate(*row) for row in rows)
    if _CODE.fullmatch(name.strip()):
        # "ALP", "CSN", "MAT" are parties and unions far more often than the airport codes
        # GeoNames lists as alternate names of Aleppo, Carson City and Matadi.
        return tuple(c for c in candidates if c.name == name.strip())
    if len(name.strip()) <= 3:
        # A name this short is someone's abbreviation ("Dam" of Damascus): only a place called so.
        return tuple(c for c in candidates if normalise(c.name) == normalise(name))
    return candidates


def bare_name(name: str) -> str:
    """The name without the feature words written with it: "Lamu county", "Kisii town" -> "Lamu", "Kisii"."""
    return _strip_settlement_words(_strip_admin_words(name))


def is_known_place(name: str, min_population: int = 0, own_name: bool = False) -> bool:
    """Whether the gazetteer has a place of that name (with ``own_name``: as the place's own
    name, not one of its alternate spellings: "Tour" is an alias of Tours, not its name)."""
    bare = bare_name(name)  # "Ar-Raqqa city", "Faridpur Sadar"
    return any(
        (c.population >= min_population or c.kind == "admin1") and (not own_name or normalise(c.name) == normalise(bare))
        for c in _candidates(name) or _candidates(bare)
    )


def is_compass_name(name: str) -> bool:
    """'East', 'Western', 'Far North': a name of direction many countries give a unit (cues.tsv
    `compass`), which places nothing in a story that names none of those countries."""
    words = normalise(name).split()
    return bool(words) and all(word in _compass_words() for word in words)


@lru_cache(maxsize=1)
def _compass_words() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_tsv("cues.tsv") if row["cue"] == "compass")


def is_known_unit(name: str) -> bool:
    """Whether the gazetteer has an administrative unit of that name: a first- or second-level
    one, or a locality (a Kenyan constituency or ward, a Bangladeshi upazila)."""
    return any(c.kind in {"admin1", "admin2", "locality"} for c in _candidates(name) or _candidates(_strip_admin_words(name)))


def geocode(queries: Sequence[PlaceQuery], country_hints: Sequence[str] = (), weak_hints: Sequence[str] = ()) -> list[Location | None]:
    """``country_hints``: the countries the story names as places, first ones weigh more;
    ``weak_hints``: those it names only through people ("Russian forces"), a lighter push."""
    return [_geocode_one(q, country_hints, tuple(weak_hints)) for q in queries]


def _geocode_one(query: PlaceQuery, hints: Sequence[str], weak: tuple[str, ...] = ()) -> Location | None:
    country = country_by_name(query.name)
    if country is not None and query.feature == LANDMARK:
        return _landmark_town(query, None, hints, weak)  # "the US Embassy in Cork"
    if country is not None and query.feature not in ADMIN_WORDS:
        return Location(name=country.name, country=country.iso3, precision="country")
    stripped = _strip_admin_words(query.name)
    candidates = _candidates_as_written(query.name)
    if not candidates:
        return _container_location(query, hints, weak)
    container = _container_matches(query.container) if query.container else None
    if stripped != query.name and query.feature != LANDMARK:  # "Kakamega County": the feature word is part of the name
        feature = next((w.lower() for w in query.name.split() if w.lower() in ADMIN_WORDS), None)
        query = PlaceQuery(stripped, query.container, feature, query.region)
    region = _container_matches(query.region) if query.region else None
    best = max(candidates, key=lambda c: _score(c, query, hints, container, weak, region))
    if is_compass_name(query.name) and best.country not in hints and not _inside(best, container):
        return None  # "South", "West": a unit of that name lies in many countries, none the story names
    if query.feature == LANDMARK:
        return _landmark_town(query, best, hints, weak)
    # The nearest written container the gazetteer knows ("Kyauk Tan village of Mahlaing township
    # (Meiktila district, Mandalay region)": Mandalay, where it lacks the township).
    holder = query.container if container and any(container) else query.region if region and any(region) else None
    # Two written containers the place lies outside of say more than the size of the nearer one
    # ("Bhagalpur area, Savar upazila (Dhaka)": not the larger Bhagalpur in Bihar).
    outside_region = region is not None and any(region)
    if (holder and not _inside(best, container) and not _inside(best, region)
            and country_by_name(holder) is None and not is_compass_name(holder)
            and (outside_region or _may_contain(holder, best))):
        # "Fatehpur union, Hathazari (Chittagong)": no Fatehpur the gazetteer knows lies in the
        # written container, so the town of that name in India is not the place. A country
        # container says too little for that ("Jerusalem (West Bank)": GeoNames puts it in
        # Israel), and so does a unit named by a direction alone ("Sirt, West": Libya's, not Iceland's).
        return _container_location(query, hints, weak)
    if (hints and best.country not in hints and best.country not in weak and _size(best) <= _FOREIGN_POPULATION
            and not _inside(best, container)):
        # A village-sized namesake abroad is not the place a story about the hinted country means,
        # unless its written container confirms it ("Loveland (Ohio)" in a story naming Ukraine).
        return _container_location(query, hints, weak)
    return _location(best)


def _location(best: _Candidate) -> Location:
    return Location(
        name=best.name,
        country=best.country,
        admin1=best.admin1,
        admin2=best.admin2,
        latitude=round(best.latitude, 4),
        longitude=round(best.longitude, 4),
        precision=_PRECISION.get(best.kind, best.kind),
        geonameid=best.geonameid if best.geonameid > 0 else None,
    )


def _landmark_town(query: PlaceQuery, named: _Candidate | None, hints: Sequence[str], weak: tuple[str, ...]) -> Location | None:
    """A landmark's place: its town ("Carnot middle school in Grasse": Grasse, not Carnot in the
    Central African Republic; "the Madison County Courthouse in Huntsville": Huntsville), or the
    quarter it is named after where a populated place of that very name lies by the town
    ("Shailkupa police station (Jhenaidah)"; not Saint-Michel-sur-Orge for "Saint-Michel square
    in Paris")."""
    region = query.region if query.region != query.container else None
    town = _geocode_one(PlaceQuery(query.container, container=region), hints, weak)
    if (named is not None and named.kind == "city" and normalise(named.name) == normalise(query.name)
            and town is not None and town.latitude is not None
            and distance_km(named.latitude, named.longitude, town.latitude, town.longitude) <= _QUARTER_KM):
        return _location(named)
    return town


def _candidates_as_written(name: str) -> tuple[_Candidate, ...]:
    """Places of a name, else of the name without its feature words ("Kakamega County", "Kisii
    Town"), else of the whole unit a direction names part of ("Shan-South state")."""
    stripped = _strip_admin_words(name)
    return (_candidates(name) or _candidates(stripped) or _candidates(_strip_settlement_words(name))
            or _candidates(_COMPASS_PART.sub("", stripped)))


def _container_location(query: PlaceQuery, hints: Sequence[str], weak: tuple[str, ...]) -> Location | None:
    """An unknown village in a known unit or town ("Paltan, Dhaka"): the container, at its
    own precision, rather than a namesake somewhere else."""
    if not query.container:
        return None
    # The written container is an administrative unit more often than a town ("Semenivka,
    # Donetsk" is the oblast); a unit is placed at its own-named town anyway.
    region = query.region if query.region != query.container else None
    return _geocode_one(PlaceQuery(query.container, container=region, feature=CONTAINER), hints, weak)


def _may_contain(container: str, place: _Candidate) -> bool:
    """Whether the written container can be where the place lies: a unit ("Rupganj upazila", or a
    name the gazetteer has as a unit or locality) or a town larger than the place. "Dhaka city
    (New Market)" names a quarter of Dhaka in brackets: no town called New Market holds a city of
    ten million."""
    if _strip_admin_words(container) != container:
        return True
    found = _candidates(container)
    return any(c.kind != "city" or c.population > place.population for c in found)


def _strip_settlement_words(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SETTLEMENT_WORDS:
        words.pop()
    return " ".join(words)


def same_admin1(ours: str | None, theirs: str | None) -> bool:
    """Whether two admin1 names are the same unit, spelling and feature words aside."""
    if not ours or not theirs:
        return False
    return normalise(_strip_admin_words(ours)) == normalise(_strip_admin_words(theirs))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km; the store's PostgreSQL
    filter computes the same in SQL)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@lru_cache(maxsize=10_000)
def population(geonameid: int | None) -> int:
    """Inhabitants of a gazetteer place (0 when unknown or not a populated place)."""
    if not geonameid:
        return 0
    row = _db().execute("SELECT population FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
    return row[0] if row else 0


def admin1_unit(name: str | None, country: str | None) -> int | None:
    """The GeoNames id of the first-level unit ``name`` denotes in ``country`` (ISO3), through
    the gazetteer's names and alternate names: 'Ar Raqqa' and 'Ar-Raqqah' are one governorate,
    'Lower Shabelle' is 'Shabeellaha Hoose'. None when no single unit has that name."""
    if not name or not country:
        return None
    units = {c.geonameid for c in _candidates(_strip_admin_words(name) or name) if c.kind == "admin1" and c.country == country}
    return units.pop() if len(units) == 1 else None


def _strip_admin_words(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in ADMIN_WORDS]
    return " ".join(words) or name


def _container_matches(container: str) -> tuple[set[str], set[str]]:
    """Countries and admin1/admin2 names a written container can stand for."""
    country = country_by_name(container)
    found = _candidates_as_written(container)
    # A unit of that name is what a container names: "(Vermont)" is the state, not the towns
    # called Vermont in Illinois and Wisconsin.
    found = [c for c in found if c.kind in {"admin1", "admin2"}] or found
    # "Atlanta (Georgia)": a country's name may be a state's too.
    return {country.iso3} if country else set(), {normalise(name) for c in found for name in (c.admin1, c.admin2) if name}


def _inside(c: _Candidate, container: tuple[set[str], set[str]] | None) -> bool:
    if container is None:
        return False
    countries, units = container
    return c.country in countries or any(n and normalise(n) in units for n in (c.admin1, c.admin2))


def _size(c: _Candidate) -> int:
    """People counted for a place, at least its kind's floor (a province is never village-sized)."""
    return max(c.population, _UNIT_POPULATION.get(c.kind, 0))


def _score(c: _Candidate, query: PlaceQuery, hints: Sequence[str], container, weak: tuple[str, ...], region=None) -> float:
    score = math.log10(_size(c) + 10)
    if normalise(c.name) == normalise(query.name):
        score += 1.5  # the place's own name beats someone's alternate spelling
    if c.country in hints:
        score += 4.0 if c.country == hints[0] else 2.5
    elif c.country in weak:
        score += 1.0  # a city of a million (Donetsk) still beats a town of 50,000 in the people's country
    if _inside(c, container):
        score += 6.0
    if _inside(c, region):
        score += 6.0  # "Bailundo (Bailundo, Huambo)": of the two Bailundos inside a Bailundo, Huambo's
    feature = query.feature or ""
    if feature == CONTAINER:
        score += 2.0 if c.kind in {"admin1", "admin2"} else 0.0
    elif c.kind == "admin1":
        score += 3.0 if feature in ADMIN1_FEATURES else -1.0
    elif c.kind == "admin2":
        score += 3.0 if feature in ADMIN2_FEATURES else -1.5
    elif c.kind == "locality":
        score -= 1.0  # a town of that name, where there is one, is the better guess
    return score
