"""Resolve actor mentions to canonical actors with a country and a type.

Public entry point: ``resolve_actor(text, country=, role=)``; helpers used by other stages:
``is_named_actor``, ``canonical_name``, ``acled_inter`` and ``country_evidence`` (the country a
story that names none is about).

Dictionaries, all data files (docs/data-files.md):
- data/actors.tsv: named actors (armed groups, parties, state units, organisations, leaders)
  with aliases;
- data/ethnic_groups.tsv: ethnic and communal groups whose armed members are identity
  militias ("Pokot raiders" -> "Pokot Ethnic Militia (Kenya)");
- data/actor_roles.tsv: role nouns ("police", "armed men", "protesters") and the ACLED-style
  name they take with a country ("Police Forces of Kenya", "Protesters (Kenya)");
- data/actor_types.tsv: the actor types and their ACLED inter codes;
- data/hallmarks.tsv: words of a report that name its unidentified perpetrators apart (a
  drive-by shooting in Mexico is a gang's);
- data/local_units.tsv: groups organised town by town, named after each unit's place
  ("Mahlaing PDF" -> "People's Defense Force - Mahlaing");
- data/coalitions.tsv: the coalition a state's forces are named after where they fight in it
  ("Saudi warplanes" over Yemen are "Operation Restoring Hope");
- data/country_words.tsv: words only one country's press uses ("upazila", "matatu");
- countries.py: country names, demonyms and capitals ("Russian", "Moscow").

A mention is read as: the first named actor in it; else an ethnic group or clan with a
militia-like noun (or doing violence); else a country plus a role noun ("Russian warplanes");
else a bare country (its forces when it does violence, its government when it speaks:
"Moscow claims"); else a role noun with the story's country ("police" in a Kenyan story).
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from . import places
from .countries import Country, country_by_capital, country_by_iso3, country_by_name, normalise
from .datafiles import read_tsv
from .model import Actor

# ACLED writes "Government of the United States" but "Protesters (United States)".
_WITH_THE = {"USA", "GBR", "ARE", "COD", "COG", "CAF", "NLD", "PHL", "GMB", "DOM", "CZE"}
# "Turkish-backed allies" are not Turkish; "pro-government militia" is not the government;
# "STC-affiliated Shabwani Elite forces" are the Shabwani Elite.
_BACKER = re.compile(r"\b[\w'’]+-(backed|led|supported|allied|aligned|sponsored|affiliated)\b|\bpro-[\w'’]+", re.IGNORECASE)
# The head of "officers from the prison", "a group of pastoralists" comes before these words.
_HEAD_ENDS = {"of", "from", "in", "at", "on", "near", "with", "who", "that", "which", "after", "for", "during", "belonging",
              "loyal", "allied"}
# "Matan and Geledle clans", "the Degodia clan": ACLED's "Matan Clan Militia (Kenya)".
_CLAN = re.compile(r"\b([A-Z][\w'-]+)(?: and [A-Z][\w'-]+)? (?:sub-)?clans?\b")
_MAX_WORDS = 7
# The state's own forces and authorities (resolve reads them too: who represses, who regains ground).
STATE_TYPES = {"state_military", "police", "government"}
# Armed groups that are not the state's and that a report can name; with the unnamed ones, the
# armed groups coding and blame read.
NON_STATE_ARMED = {"rebel_group", "political_militia", "identity_militia"}
ARMED_NON_STATE = NON_STATE_ARMED | {"unidentified_armed_group"}
# Role-noun types an ethnic name turns into that group's militia ("Pokot raiders", "Fulani
# gunmen"); people nouns ("Fulani herders") only when they do violence.
_ARMED_TYPES = ARMED_NON_STATE | {"rioters"}
_ETHNIC_MILITIA = "{name} Ethnic Militia {in}"
_COMMUNAL_MILITIA = "Unidentified Communal Militia {in}"
_UNIDENTIFIED_ARMED_GROUP = "Unidentified Armed Group {in}"
# "an IED planted by JNIM militants": whoever plants a device set it off.
_PLANTING = {"plant", "place", "lay", "hide", "bury", "install"}
# The proper name written right before "militia(s)", "militiamen" or "communal militia".
_BEFORE_MILITIA = re.compile(r"\b([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}) (?:communal )?militia")
# Who an unattributed attack is blamed on: armed groups and foreign forces fighting as a
# coalition ("a Saudi-led coalition air raid"), never a party, a state or an organisation.
_BLAMED_TYPES = NON_STATE_ARMED | {"external_forces"}
# "West Pokot", "South Sudan": places named after a group.
_COMPASS = {"west", "east", "north", "south", "central", "upper", "lower"}


@dataclass(frozen=True)
class _Named:
    canonical: str
    country: str | None
    type: str


@dataclass(frozen=True)
class _Role:
    template: str
    type: str
    countries: frozenset[str]  # empty: any country


@dataclass(frozen=True)
class _Ethnic:
    canonical: str
    countries: tuple[str, ...]


@lru_cache(maxsize=1)
def _named() -> tuple[dict[str, _Named], dict[str, _Named]]:
    """Folded aliases, and short acronyms that must be written in capitals ("AL", "UN")."""
    return _alias_tables(
        (row["aliases"].split("|"), _Named(row["canonical"], None if row["country"] == "-" else row["country"], row["type"]))
        for row in read_tsv("actors.tsv"))


def _alias_tables(rows: Iterable[tuple[list[str], object]]) -> tuple[dict, dict]:
    """(aliases, value) rows -> folded alias -> value, and acronym of 2-4 capitals -> the values
    it stands for, in file order ("SNA": the Syrian, then the Somali National Army)."""
    by_alias: dict = {}
    acronyms: dict = {}
    for aliases, value in rows:
        for alias in aliases:
            if len(alias) <= 4 and alias.replace(".", "").isupper():
                acronyms.setdefault(alias.replace(".", ""), []).append(value)
            else:
                by_alias[normalise(alias)] = value
    return by_alias, acronyms


def _for_country(readings: list, home: str | None):
    """An acronym several actors share is the one of the story's country ("SNA" in a Somali
    story), else the first."""
    return next((r for r in readings if home is not None and getattr(r, "country", None) == home), readings[0])


def expand(form: str) -> list[str]:
    """'[armed/unknown] [men/gunmen]' -> every combination: 'armed men', 'armed gunmen', ..."""
    parts = re.split(r"(\[[^\]]*\])", form)
    choices = [part[1:-1].split("/") if part.startswith("[") else [part] for part in parts]
    return ["".join(combo) for combo in itertools.product(*choices)]


@lru_cache(maxsize=1)
def _roles() -> dict[str, list[_Role]]:
    """Role noun -> its readings, country-specific ones first ("military police" in Brazil)."""
    roles: dict[str, list[_Role]] = {}
    for row in read_tsv("actor_roles.tsv"):
        countries = frozenset() if row["countries"] == "-" else frozenset(row["countries"].split("|"))
        role = _Role(row["canonical"], row["type"], countries)
        for form in row["nouns"].split("|"):
            for noun in expand(form):
                roles.setdefault(normalise(noun), []).append(role)
    for readings in roles.values():
        readings.sort(key=lambda r: not r.countries)
    return roles


@lru_cache(maxsize=1)
def _longest_role() -> int:
    return max(len(noun.split()) for noun in _roles())


def is_people_name(text: str) -> bool:
    """'Pokot', 'Kikuyu', 'Fulani': a name of data/ethnic_groups.tsv, a people, not a country's."""
    return normalise(text) in _ethnic_groups()


@lru_cache(maxsize=1)
def _ethnic_groups() -> dict[str, _Ethnic]:
    groups: dict[str, _Ethnic] = {}
    for row in read_tsv("ethnic_groups.tsv"):
        group = _Ethnic(row["canonical"], tuple(row["countries"].split("|")))
        for alias in row["aliases"].split("|"):
            groups[normalise(alias)] = group
    return groups


@lru_cache(maxsize=1)
def _coalitions() -> dict[tuple[str, str], _Named]:
    """(ISO3 of a state, ISO3 of the event's country) -> the coalition its forces fight in there."""
    return {(state, where): _Named(row["canonical"], state, row["type"])
            for row in read_tsv("coalitions.tsv")
            for state in row["states"].split("|") for where in row["countries"].split("|")}


@dataclass(frozen=True)
class _Hallmark:
    words: frozenset[str]
    template: str
    type: str
    countries: frozenset[str]


@lru_cache(maxsize=1)
def _hallmarks() -> tuple[_Hallmark, ...]:
    return tuple(_Hallmark(frozenset(normalise(w) for w in row["words"].split("|")), row["canonical"], row["type"],
                           frozenset(row["countries"].split("|")))
                 for row in read_tsv("hallmarks.tsv"))


@lru_cache(maxsize=1)
def _inter_codes() -> dict[str, int]:
    return {row["type"]: int(row["inter"]) for row in read_tsv("actor_types.tsv") if row["inter"] != "-"}


def canonical_name(template: str, country: Country | None, name: str = "") -> str:
    """'Police Forces {of}' + Kenya -> 'Police Forces of Kenya'; '{name}' is a group's name."""
    template = template.replace("{name}", name)
    if country is None:
        return re.sub(r"\s*\{(of|in)\}", "", template)
    the = "the " if country.iso3 in _WITH_THE else ""
    return template.replace("{of}", f"of {the}{country.name}").replace("{in}", f"({country.name})")


@lru_cache(maxsize=20_000)
def resolve_actor(text: str, *, country: str | None = None, role: str | None = None) -> Actor | None:
    """``country``: the story's ISO3, for mentions that name none ("police").
    ``role``: "violence" (a bare state is its forces, armed herders a militia) or
    "statement" (a bare state or capital is its government)."""
    written = text.strip().strip('"“”')
    head, _, rest = written.partition(" and ")
    if rest and (first := resolve_actor(head, country=country, role=role)) is not None:
        # "the jihadists and their Turkish-backed allies": the first conjunct leads.
        return Actor(written, first.canonical, first.country, first.type)
    story = country_by_iso3(country) if country else None
    local = _local_unit(written)
    if local is not None:
        return local
    named = _find_named(written, country)
    words = normalise(_BACKER.sub(" ", written)).split()
    noun = _find_role(words, None)
    # "AFP Syrian government forces seized ...": a photo credit run into the sentence; a news
    # agency does not fight where the mention names who does.
    if named is not None and not (role == "violence" and named.type == "media" and noun is not None):
        return _named_actor(written, named, story)
    if (own := _own_name(written, story)) is not None:
        return own
    group = _group_militia(written, words, noun, story, role) or _place_militia(written, noun, story)
    if group is not None:
        return group
    own_country = _find_country(normalise(_BACKER.sub(" ", _POSSESSIVE_S.sub("", written)), keep_case=True).split())
    where = own_country or story
    if noun is not None:
        # A unit is named as ACLED names it where it acts: Russian aircraft are "Military
        # Forces of Russia Air Force" over Ukraine, "Military Forces of Russia" over Syria.
        noun = _find_role(words, story or where)
        return _in_coalition(Actor(written, canonical_name(noun.template, where), where.iso3 if where else None, noun.type), story)
    if own_country is not None and _is_bare_country(words):
        if role == "violence":
            forces = Actor(written, canonical_name("Military Forces {of}", own_country), own_country.iso3, "state_military")
            return _in_coalition(forces, story)
        return Actor(written, canonical_name("Government {of}", own_country), own_country.iso3, "government")
    return None


_NAME_RUN = re.compile(r"\b(?:[A-Z][\w'’-]*|al|ibn|bin|of|the|de|la)(?: (?:[A-Z][\w'’-]*|al|ibn|bin|of|the|de|la))*")
_ACRONYM_AFTER = re.compile(r"^\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")


def _own_name(written: str, story: Country | None) -> Actor | None:
    """'the Ye Ogre Group', 'Mon State Revolutionary Union (MSRU)': a group the dictionary does
    not know, named as it names itself rather than as an unidentified one (its type unknown).
    The name ends with a group word and holds a word of its own (group_name_words.tsv):
    'Unidentified Armed Group', 'Syrian Army' and 'Kenya Police Force' are roles."""
    ends, generic = _group_name_words()
    for run in _NAME_RUN.finditer(written):
        words = run.group(0).split()
        while words and (words[0].islower() or words[0] == "The"):
            words.pop(0)
        while words and words[-1].islower():
            words.pop()
        if len(words) < 2 or words[-1].lower() not in ends:
            continue
        if all(w.lower() in _roles() or w.lower() in generic or w.lower() in _COMPASS or w.islower()
               or country_by_name(w) is not None for w in words[:-1]):
            continue
        acronym = _ACRONYM_AFTER.match(written[run.end():])
        name = " ".join(words)
        return Actor(written, f"{acronym.group(1)}: {name}" if acronym else name, story.iso3 if story else None, None)
    return None


@lru_cache(maxsize=1)
def _group_name_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = read_tsv("group_name_words.tsv")
    return (frozenset(r["word"] for r in rows if r["kind"] == "end"),
            frozenset(r["word"] for r in rows if r["kind"] == "generic"))


def partner(text: str, *, country: str | None = None) -> Actor | None:
    """'Syrian and Russian warplanes': the second state whose forces act with the first, ACLED's
    associated actor of a joint attack (the first conjunct leads, resolve_actor)."""
    head, _, rest = text.strip().partition(" and ")
    first = resolve_actor(head, country=country, role="violence") if rest else None
    second = resolve_actor(rest, country=country, role="violence") if first is not None else None
    if second is None or second.type not in STATE_TYPES or second.country in {None, first.country}:
        return None
    return second


def _in_coalition(actor: Actor, story: Country | None) -> Actor:
    """A state's forces under the coalition they fight in where the story is (coalitions.tsv)."""
    coalition = _coalitions().get((actor.country, story.iso3)) if story and actor.type == "state_military" else None
    return _named_actor(actor.name, coalition, story) if coalition is not None else actor


def by_hallmark(actor: Actor | None, text: str) -> Actor | None:
    """'Unidentified Armed Group (Mexico)' of 'armed individuals killed a man in a drive-by
    shooting' -> 'Unidentified Gang (Mexico)': the way a report says it was done names its
    unidentified perpetrators where ACLED names them apart (hallmarks.tsv)."""
    if actor is None or actor.type != "unidentified_armed_group" or actor.country is None:
        return actor
    country = country_by_iso3(actor.country)
    if actor.canonical != canonical_name(_UNIDENTIFIED_ARMED_GROUP, country):
        return actor
    padded = f" {normalise(text)} "
    hallmark = next((h for h in _hallmarks() if actor.country in h.countries and any(f" {w} " in padded for w in h.words)), None)
    return actor if hallmark is None else Actor(actor.name, canonical_name(hallmark.template, country), actor.country, hallmark.type)


def planter(sentences: Iterable[Span], country: str | None = None) -> Actor | None:
    """Who planted the device an explosion report names ("an army vehicle struck an IED likely
    planted by JNIM militants"): the perpetrator ACLED codes, whoever the sentence's subject is.
    The agent of a planting verb in the parse of the report's sentences."""
    for sentence in sentences:
        for token in sentence:
            if token.lemma_ not in _PLANTING:
                continue
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            planted_by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if planted_by is None:
                continue
            actor = resolve_actor(sentence.doc[planted_by.left_edge.i : planted_by.i + 1].text, country=country, role="violence")
            if actor is not None and actor.type != "civilians":
                return actor
    return None


def blamed_group(text: str, country: str | None = None) -> Actor | None:
    """The named armed group a paragraph names ("an IED planted by Al Shabaab", "Al-Shabaab
    claimed the attack", "a Saudi-led coalition air raid"): whom an attack its sentence leaves
    unnamed ("gunmen", "an IED exploded") is coded to. Parties, states and organisations are
    not blamed this way."""
    named = next((n for n in _matches(text, *_named(), country) if n.type in _BLAMED_TYPES), None)
    if named is None:
        return None
    return _named_actor(named.canonical, named, country_by_iso3(country) if country else None)


def is_generic_name(canonical: str | None) -> bool:
    """'Rebels (Syria)', 'Unidentified Armed Group (Kenya)': a role template that names no one
    (unlike 'Islamic State (Syria)', a named group with its country)."""
    return bool(canonical) and canonical.startswith(_generic_prefixes())


@lru_cache(maxsize=1)
def _generic_prefixes() -> tuple[str, ...]:
    return tuple(row["canonical"].split("{in}")[0] + "(" for row in read_tsv("actor_roles.tsv") if "{in}" in row["canonical"])


def is_named_actor(text: str) -> bool:
    """'Al Shabaab', 'Hamas': names the NER may take for places."""
    by_alias, acronyms = _named()
    return normalise(text) in by_alias or text.replace(".", "") in acronyms


# Named actors that belong to one state wherever they are written about: its parties, forces,
# leaders and institutions (not armed groups, which cross borders: Al Shabaab in Kenya).
_NATIONAL_TYPES = {"government", "state_military", "police", "political_party", "political_militia"}
# A proper name: a run of capitalised words ("Nairobi", "San Juan del Cesar" is two runs).
_PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")
# A capitalised word ending in "s": a possessive written without its apostrophe ("Kibakis victory").
_POSSESSIVE = re.compile(r"\b([A-Z][\w-]{3,})s\b")
# "Nairobi's", "Russia's": the possessive ending, off a name before it is looked up.
_POSSESSIVE_S = re.compile(r"['’]s\b")


def country_evidence(text: str) -> list[str]:
    """ISO3 codes a story's own words point to, most pointed to first, for a story that names
    no country and no place: its national parties, state units and leaders, ethnic groups,
    capitals and country words ("Kibaki", "ODM", "Turkana", "Nairobi", "upazila")."""
    text = _without_possessives(text)
    votes: Counter[str] = Counter(_matches(text, *_country_words()))
    # Only a whole name is a capital: "San Juan Cacahuatepec" is no evidence of Puerto Rico,
    # "Rift Valley" none of Anguilla (The Valley).
    for name in _PROPER_NAME.findall(text):
        capital = _capital(name)
        if capital is not None:
            votes[capital] += 1
    return [iso3 for iso3, _ in votes.most_common()]


def _without_possessives(text: str) -> str:
    """'Nairobi's', and 'Kibakis', 'Nairobis' as notes write them without the apostrophe: the
    name itself, when it is a cue (a capitalised word ending in "s" is otherwise left alone)."""
    text = _POSSESSIVE_S.sub("", text)
    by_alias = _country_words()[0]
    return _POSSESSIVE.sub(lambda m: m[1] if normalise(m[1]) in by_alias or _capital(m[1]) else m[0], text)


@lru_cache(maxsize=4096)
def _capital(name: str) -> str | None:
    """ISO3 of the country whose capital ``name`` is, when the capital is what the name most
    likely means: "Nairobi" is Kenya's, "Victoria" (a Hong Kong district, Lake Victoria, the
    Seychelles' capital) and "San Jose" (California's, Costa Rica's) are no evidence."""
    country = country_by_capital(name)
    if country is None:
        return None
    place = places.geocode([places.PlaceQuery(name)])[0]
    return country.iso3 if place is not None and place.country == country.iso3 else None


@lru_cache(maxsize=1)
def _country_words() -> tuple[dict[str, str], dict[str, str]]:
    """Folded word -> ISO3, and capitalised acronyms ("ODM", "IEBC") -> ISO3."""
    pairs = [(row["words"].split("|"), row["iso3"]) for row in read_tsv("country_words.tsv")]
    pairs += [(row["aliases"].split("|"), row["country"]) for row in read_tsv("actors.tsv")
              if row["type"] in _NATIONAL_TYPES and row["country"] != "-"]
    # An ethnic group named like a nation ("Somali") points to that nation's country, a hint
    # the story already counts; a group living in one country to that country ("Turkana":
    # Kenya). One living across borders (Fulani, Pokot) says nothing about which side.
    pairs += [([a for a in row["aliases"].split("|") if country_by_name(a) is None], row["countries"])
              for row in read_tsv("ethnic_groups.tsv") if "|" not in row["countries"]]
    return _alias_tables(pairs)


def _named_actor(written: str, named: _Named, story: Country | None) -> Actor:
    """'Islamic State {in}' is named after the story's country: 'Islamic State (Iraq)'. A group
    whose name holds no country is placed where it acts, as ACLED does (Al Shabaab in Kenya is
    Kenya's); 'Military Forces of Yemen Supreme Political Council' stays Yemen's anywhere."""
    if "{" not in named.canonical:
        home = named.country if _names_a_country(named.canonical) or story is None else story.iso3
        return Actor(written, named.canonical, home, named.type)
    where = story or (country_by_iso3(named.country) if named.country else None)
    return Actor(written, canonical_name(named.canonical, where), where.iso3 if where else None, named.type)


@lru_cache(maxsize=2048)
def _names_a_country(canonical: str) -> bool:
    """'BNP: Bangladesh Nationalist Party', 'QSD: Syrian Democratic Forces': a country name or
    demonym among the name's word sequences. 'Hamas Movement', 'Wagner Group': none."""
    words = normalise(canonical, keep_case=True).split()
    phrases = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1))
    return any(country_by_name(phrase) for phrase in phrases)


@lru_cache(maxsize=1)
def _local_units() -> tuple[tuple[re.Pattern, _Named], ...]:
    """A pattern for "{place} {alias}" or "{alias}-{place}" per row, with the row."""
    units = []
    for row in read_tsv("local_units.tsv"):
        names = "|".join(re.escape(a) if a.isupper() else f"(?i:{re.escape(a)})" for a in row["aliases"].split("|"))
        place = r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
        units.append((re.compile(rf"\b{place} (?:{names})\b|\b(?:{names}) ?[-–] ?{place}"),
                      _Named(row["canonical"], row["country"], row["type"])))
    return tuple(units)


def _local_unit(written: str) -> Actor | None:
    """'the Mahlaing PDF', 'joint forces of PDF-Kalay' -> "People's Defense Force - Mahlaing":
    a local unit of a group named after its place, when the gazetteer knows the place."""
    for pattern, unit in _local_units():
        for found in pattern.finditer(written):
            place = found.group(1) or found.group(2)
            if _is_place_in(place, unit.country):
                return Actor(written, unit.canonical.replace("{place}", place), unit.country, unit.type)
    return None


def _find_named(written: str, home: str | None = None) -> _Named | None:
    """The first named actor of the mention: "suspected JNIM militants near an IS Sahel base" is JNIM;
    "People Power Party (PPP)" the Korean party, not the Pakistani PPP. A backer is not the
    actor when another is named ("STC-affiliated Shabwani Elite forces"), else it leads
    ("Hamas-led militants")."""
    return next(_matches(_BACKER.sub(" ", written), *_named(), home), None) or next(_matches(written, *_named(), home), None)


def _matches(text: str, by_alias: dict, acronyms: dict, home: str | None = None) -> Iterator:
    """What the aliases in ``text`` stand for, in text order: at each word the longest alias of
    two or more words, else an acronym as written in capitals ("PDF-Kalay", "(JCD)"; the reading
    of ``home``, the story's country, where several actors share it), else a one-word alias."""
    cased = normalise(text, keep_case=True).split()
    words = [word.lower() for word in cased]
    start = 0
    while start < len(words):
        longest = range(min(len(words) - start, _MAX_WORDS), 1, -1)
        size = next((n for n in longest if " ".join(words[start : start + n]) in by_alias), 1)
        key = " ".join(words[start : start + size])
        if size > 1 or (cased[start] not in acronyms and key in by_alias):
            yield by_alias[key]
        elif cased[start] in acronyms:
            yield _for_country(acronyms[cased[start]], home)
        start += size


def _find_country(words: list[str]) -> Country | None:
    """The first country named by up to three of the words, as written ("US troops", not "told us")."""
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            found = country_by_name(phrase) or country_by_capital(phrase)
            if found is not None:
                return found
    return None


def _head_words(words: list[str]) -> list[str]:
    """'officers from the county' -> 'officers': an English noun phrase's head comes before
    its prepositional and relative modifiers."""
    for i, word in enumerate(words):
        if word in _HEAD_ENDS and i > 0:
            return words[:i]
    return words


def _find_role(words: list[str], where: Country | None) -> _Role | None:
    """The head's role noun: the last one, longest form first ("police forces" is police,
    "forces" alone the military); a reading for ``where``'s country wins over the general one."""
    roles = _roles()
    for part in (_head_words(words), words):
        for end in range(len(part), 0, -1):
            for size in range(min(_longest_role(), end), 0, -1):
                reading = _reading(roles.get(" ".join(part[end - size : end]), []), where)
                if reading is not None:
                    return reading
    return None


def _reading(readings: list[_Role], where: Country | None) -> _Role | None:
    """The reading for ``where``'s country, else the general one; a form that only has other
    countries' readings is skipped ("military police" in Kenya is read as "police")."""
    iso3 = where.iso3 if where is not None else None
    return next((r for r in readings if not r.countries or iso3 in r.countries), None)


def _group_militia(written: str, words: list[str], noun: _Role | None, story: Country | None, role: str | None) -> Actor | None:
    """'Pokot raiders', 'the Turkana', 'Fulani herders' attacking, 'Matan clan' -> identity militia."""
    if noun is not None and noun.type in STATE_TYPES | {"protesters"}:
        return None
    armed = noun is None or noun.type in _ARMED_TYPES or role == "violence"
    clan = _CLAN.search(written)
    if clan is not None and armed and country_by_name(clan.group(1)) is None:
        return Actor(written, canonical_name("{name} Clan Militia {in}", story, clan.group(1)), story.iso3 if story else None, "identity_militia")
    group = _find_ethnic(words)
    if group is None or not armed:
        return None
    if noun is None and len(words) > 3:
        return None  # "the Pokot community elders' meeting ...": the group is not the actor
    iso3 = story.iso3 if story is not None and story.iso3 in group.countries else group.countries[0]
    home = country_by_iso3(iso3)
    return Actor(written, canonical_name(_ETHNIC_MILITIA, home, group.canonical), iso3, "identity_militia")


def _place_militia(written: str, noun: _Role | None, story: Country | None) -> Actor | None:
    """'Niger militiamen', 'members of a Zamfara militia' in Nigeria -> 'Niger Communal Militia
    (Nigeria)': a communal militia is named after the place in the story's country it comes
    from (Niger is also a Nigerian state)."""
    if noun is None or story is None or noun.template != _COMMUNAL_MILITIA:
        return None
    run = _BEFORE_MILITIA.search(written)
    words = [w for w in run.group(1).split() if w.lower() not in {"the", "a", "an"}] if run else []
    # "Suspected Zamfara militiamen": the longest run of the name's last words that is such a place.
    place = next((" ".join(words[i:]) for i in range(len(words)) if _is_place_in(" ".join(words[i:]), story.iso3)), None)
    if place is None:
        return None
    return Actor(written, canonical_name("{name} Communal Militia {in}", story, place), story.iso3, noun.type)


@lru_cache(maxsize=4096)
def _is_place_in(name: str, iso3: str) -> bool:
    if places.admin1_unit(name, iso3) is not None:
        return True
    if country_by_name(name) is not None:
        return False
    found = places.geocode([places.PlaceQuery(name)], country_hints=[iso3])[0]
    return found is not None and found.country == iso3


def _find_ethnic(words: list[str]) -> _Ethnic | None:
    groups = _ethnic_groups()
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            group = groups.get(" ".join(words[start : start + size]))
            if group is not None and (start == 0 or words[start - 1] not in _COMPASS):
                return group
    return None


def _is_bare_country(words: list[str]) -> bool:
    """'Russia', 'the US', 'Moscow', "Russia's": nothing but the country (or its capital)."""
    rest = [w for w in words if w not in {"the", "s", "its"}]
    return 0 < len(rest) <= 4


def acled_inter(actor: Actor | None) -> int | None:
    """ACLED's inter code (data/actor_types.tsv): 1 state forces ... 7 civilians, 8 external forces."""
    return _inter_codes().get(actor.type) if actor is not None and actor.type else None
