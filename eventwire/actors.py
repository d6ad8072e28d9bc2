"""Resolve actor mentions to canonical actors with a country and a type.

Public entry points: ``resolve_actor(text, country=, role=)`` and ``acled_inter(actor)``.

Three dictionaries, all data files:
- data/actors.tsv: named actors (armed groups, parties, organisations, leaders) with aliases;
- data/actor_roles.tsv: role nouns ("police", "gunmen", "protesters") and the ACLED-style name
  they take with a country ("Police Forces of Kenya", "Protesters (Kenya)");
- countries.py: country names, demonyms and capitals ("Russian", "Moscow").

A mention is read as: a named actor anywhere in it, else a country plus a role noun ("Russian
warplanes"), else a bare country (its forces when it does violence, its government when it
speaks: "Moscow claims"), else a role noun with the story's country ("police" in a Kenyan story).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import Country, country_by_capital, country_by_iso3, country_by_name, normalise
from .datafiles import read_tsv
from .model import Actor

# ACLED writes "Government of the United States" but "Protesters (United States)".
_WITH_THE = {"USA", "GBR", "ARE", "COD", "COG", "CAF", "NLD", "PHL", "GMB", "DOM", "CZE"}
# "Turkish-backed allies" are not Turkish; "pro-government militia" is not the government.
_BACKER = re.compile(r"\b[\w'’]+-(backed|led|supported|allied|aligned|sponsored)\b|\bpro-[\w'’]+", re.IGNORECASE)
_MAX_WORDS = 7
_INTER = {
    "state_military": 1, "police": 1, "government": 1,
    "rebel_group": 2, "political_militia": 3, "political_party": 3, "identity_militia": 4,
    "unidentified_armed_group": 3, "rioters": 5, "protesters": 6, "civilians": 7,
    "external_forces": 8, "international_organisation": 8, "ngo": 7, "media": 7,
}


@dataclass(frozen=True)
class _Named:
    canonical: str
    country: str | None
    type: str


@dataclass(frozen=True)
class _Role:
    template: str
    type: str


@lru_cache(maxsize=1)
def _named() -> tuple[dict[str, _Named], dict[str, _Named]]:
    """Folded aliases, and short acronyms that must be written in capitals ("AL", "UN")."""
    by_alias: dict[str, _Named] = {}
    acronyms: dict[str, _Named] = {}
    for row in read_tsv("actors.tsv"):
        named = _Named(row["canonical"], None if row["country"] == "-" else row["country"], row["type"])
        for alias in row["aliases"].split("|"):
            if len(alias) <= 4 and alias.replace(".", "").isupper():
                acronyms[alias.replace(".", "")] = named
            else:
                by_alias[normalise(alias)] = named
    return by_alias, acronyms


@lru_cache(maxsize=1)
def _roles() -> dict[str, _Role]:
    roles: dict[str, _Role] = {}
    for row in read_tsv("actor_roles.tsv"):
        for noun in row["nouns"].split("|"):
            roles[normalise(noun)] = _Role(row["canonical"], row["type"])
    return roles


def canonical_name(template: str, country: Country | None) -> str:
    if country is None:
        return re.sub(r"\s*\{(of|in)\}", "", template)
    the = "the " if country.iso3 in _WITH_THE else ""
    return template.replace("{of}", f"of {the}{country.name}").replace("{in}", f"({country.name})")


@lru_cache(maxsize=20_000)
def resolve_actor(text: str, *, country: str | None = None, role: str | None = None) -> Actor | None:
    """``role``: "violence" (a bare state is its forces) or "statement" (its government)."""
    written = text.strip().strip('"“”')
    head, _, rest = written.partition(" and ")
    if rest and (first := resolve_actor(head, country=country, role=role)) is not None:
        # "the jihadists and their Turkish-backed allies": the first conjunct leads.
        return Actor(written, first.canonical, first.country, first.type)
    named = _find_named(written)
    if named is not None:
        return Actor(written, named.canonical, named.country, named.type)
    words = normalise(_BACKER.sub(" ", written)).split()
    own_country = _find_country(words)
    noun = _find_role(words)
    if noun is not None:
        where = own_country or (country_by_iso3(country) if country else None)
        return Actor(written, canonical_name(noun.template, where), where.iso3 if where else None, noun.type)
    if own_country is not None and _is_bare_country(words, own_country):
        if role == "violence":
            return Actor(written, canonical_name("Military Forces {of}", own_country), own_country.iso3, "state_military")
        return Actor(written, canonical_name("Government {of}", own_country), own_country.iso3, "government")
    return None


def is_named_actor(text: str) -> bool:
    """'Al Shabaab', 'Hamas': names the NER may take for places."""
    by_alias, acronyms = _named()
    return normalise(text) in by_alias or text.replace(".", "") in acronyms


def _find_named(written: str) -> _Named | None:
    by_alias, acronyms = _named()
    for token in re.findall(r"\b[A-Z][A-Z.]{1,4}\b", written):
        if token.replace(".", "") in acronyms:
            return acronyms[token.replace(".", "")]
    words = normalise(written).split()
    for size in range(min(len(words), _MAX_WORDS), 0, -1):
        for start in range(len(words) - size + 1):
            named = by_alias.get(" ".join(words[start : start + size]))
            if named is not None:
                return named
    return None


def _find_country(words: list[str]) -> Country | None:
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            found = country_by_name(phrase) or country_by_capital(phrase)
            if found is not None:
                return found
    return None


def _find_role(words: list[str]) -> _Role | None:
    """The role noun nearest the end: the head of an English noun phrase comes last."""
    roles = _roles()
    for end in range(len(words), 0, -1):
        for size in (3, 2, 1):
            if end - size < 0:
                continue
            role = roles.get(" ".join(words[end - size : end]))
            if role is not None:
                return role
    return None


def _is_bare_country(words: list[str], country: Country) -> bool:
    """'Russia', 'the US', 'Moscow', "Russia's": nothing but the country (or its capital)."""
    rest = [w for w in words if w not in {"the", "s", "its"}]
    return 0 < len(rest) <= 4


def acled_inter(actor: Actor | None) -> int | None:
    """ACLED's inter code: 1 state forces ... 7 civilians, 8 external/other forces."""
    return _INTER.get(actor.type) if actor is not None and actor.type else None
