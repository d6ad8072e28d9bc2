"""Where a story's places are: every place entity of an article geocoded once.

Public entry point: ``locate_story(parsed) -> StoryPlaces``.

The countries the story names as places ("in Ukraine") are strong hints, so "Hama" goes to
Syria in a Syrian story; the countries it names only through people ("Russian forces",
"Al Shabaab") and, in a story that names no country, the words only one country's press uses
("upazila", "MCA") are weaker ones. Places the story's other places outvote are namesakes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import actors, countries, places
from .detect import cues, is_passive_doer, trigger_lexicon
from .model import Location
from .parse import ParsedArticle

# A place abroad smaller than this, in a story whose places lie in one other country, is a namesake.
_NAMESAKE_POPULATION = 200_000


@dataclass
class StoryPlaces:
    located: dict[int, Location]  # the location of each place entity, by its first token
    country: str | None  # ISO3 of where the story's places are (else the country it names first)
    filed_from: Location | None  # the dateline's town, when it lies in that country
    first_place: Location | None  # the story's first town, else its first region or country


def locate_story(parsed: ParsedArticle) -> StoryPlaces:
    filed = _dateline_place(parsed)
    named, people = _country_hints(parsed, filed)
    if not named:
        # Words only one country's press uses ("upazila", "MCA", "Kibaki") say where a story is
        # that names no country: Yala next to an MCA is the Kenyan town, not the Thai city.
        named = actors.country_evidence(parsed.doc.text)[:1]
    located, hints = _geocode_article(parsed, (named, [iso3 for iso3 in people if iso3 not in named]))
    country = _story_country(located) or (hints[0] if hints else None)
    return StoryPlaces(located, country, _filing_place(filed, hints), _first_place(located))


def _country_hints(parsed: ParsedArticle, filed: Location | None) -> tuple[list[str], list[str]]:
    """ISO3 codes of the countries the story names as places ("in Ukraine", "Kenya Defence
    Forces"), most named first, and of those it names only through people: demonyms and named
    actors ("Russian forces", "Al Shabaab"). Who fights is weaker evidence of where than a
    place name: Russian forces shell Donetsk in Ukraine, not the Donetsk in Russia."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    people: set[str] = set()
    for ent in parsed.doc.ents:
        if ent.label_ in {"GPE", "NORP", "LOC"}:
            country = countries.country_by_name(ent.text)
            _count_country(country, ent.start, counts, first)
            if country is not None and (ent.label_ == "NORP" or _country_as_modifier(ent) or _country_as_topic(ent)):
                people.add(country.iso3)
        elif ent.label_ in {"ORG", "PERSON", "NORP"} and actors.is_named_actor(ent.text):
            actor = actors.resolve_actor(ent.text)
            if actor is not None and actor.country:
                people.add(actor.country)
    for token in parsed.doc:
        if token.pos_ in {"PROPN", "ADJ"} and token.text[:1].isupper() and not token.ent_type_ in {"GPE", "NORP", "LOC"}:
            country = countries.country_by_name(token.text)
            _count_country(country, token.i, counts, first)
            if country is not None and (token.pos_ == "ADJ" or countries.is_demonym(token.text)):
                people.add(country.iso3)  # "Kazakh flags", whatever the tagger calls "Kazakh"
    named_as_place = {iso for iso in counts if iso not in people}
    for ent in parsed.doc.ents:  # a country written as a place counts as such, whatever else names it
        as_place = ent.label_ in {"GPE", "LOC"} and not _country_as_modifier(ent) and not _country_as_topic(ent)
        country = countries.country_by_name(ent.text) if as_place else None
        if country is not None and countries.normalise(ent.text) == countries.normalise(country.name):
            named_as_place.add(country.iso3)
    hints = sorted(named_as_place, key=lambda iso: (-counts[iso], first[iso]))
    weak = sorted(people - named_as_place, key=lambda iso: (-counts.get(iso, 0), first.get(iso, 0)))
    # A story filed from Mogadishu is about Somalia unless it names other countries.
    if filed and filed.country and filed.country not in hints:
        hints.append(filed.country)
    return hints, [iso for iso in weak if iso not in hints]


def _hyphenated_describer(ent: Span) -> bool:
    """'the Ankara-backed militants in Afrin', 'Moscow-installed officials': a place made part of
    a participle describes who acts, it does not place the event ('Vaulx-en-Velin' is a town).
    Where 'Nairobi-based journalists' are based is where they most likely protest."""
    word = _word_after_hyphen(ent)
    return word is not None and word.tag_ == "VBN" and word.is_lower and word.lower_ != "based"


def _is_sea(ent: Span) -> bool:
    """'the Red Sea coastline', 'the Black Sea': a sea, not the unit named after it ('Red Sea state')."""
    doc = ent.doc
    unit = ent.end < len(doc) and doc[ent.end].lower_ in places.ADMIN_WORDS
    return not unit and any(t.lower_ in cues()["water_body"] for t in ent) and not any(t.lower_ in places.ADMIN_WORDS for t in ent)


def _country_as_modifier(ent: Span) -> bool:
    """'the Somalia border', 'Sudan refugees', 'the Myanmar military forces', 'the Somalia-based
    group': a country naming a border or people, not a place of the story's events ('a West Bank
    settlement' is one)."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    named = len(after) > 0 and (after[0].pos_ == "NOUN" or (len(after) == 2 and after[0].pos_ == "ADJ" and after[1].pos_ == "NOUN"))
    settled = len(after) > 0 and after[0].lower_ in places.SETTLEMENT_WORDS
    # 'the Somalia-based militant group', 'Iran-backed rebels': a country made part of a describing word.
    hyphened = (word := _word_after_hyphen(ent)) is not None and word.is_lower
    return (named and not settled or hyphened) and countries.country_by_name(ent.text) is not None


def _word_after_hyphen(ent: Span):
    """The word a name is joined to by an unspaced hyphen ('backed' in 'Iran-backed'), if any."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    joined = len(after) == 2 and after[0].text == "-" and not doc[ent.end - 1].whitespace_ and not after[0].whitespace_
    return after[1] if joined else None


def _country_as_topic(ent: Span) -> bool:
    """'the invasion of Ukraine', 'solidarity with Ukraine', 'migrants from Colombia', 'protested
    against the war in Ukraine', 'sending weapons to Ukraine': a country a noun or verb is about,
    comes from or goes to, or the place of what a protest is against, is no place of the story's
    events ('the north of Syria', 'shelled positions in Syria' are); nor is one a protest supports or
    condemns ('supporting Ukraine'), nor one that acts ('its invasion by Russia', "Russia's invasion")."""
    if countries.country_by_name(ent.text) is None:
        return False
    table = cues()
    named = ent.root
    while named.dep_ == "compound":
        named = named.head  # 'chanting "Syria Out"': the country is part of the object
    if named.dep_ == "dobj":
        return named.head.lemma_ in table["topic_verb"]
    if named.dep_ == "poss":
        # "against Russia's invasion of Ukraine": the country whose deed is named does it.
        return named.head.pos_ == "NOUN" and named.head.lemma_.lower() in trigger_lexicon()
    if ent.root.dep_ != "pobj":
        return False
    prep = ent.root.head
    if prep.lower_ == "by":
        return True  # an agent: "its invasion by Russia", "shelled by Russia"
    head = prep.head
    if head.pos_ == "VERB":
        return prep.lower_ in table["topic_prep"]
    if head.pos_ != "NOUN" or head.lower_ in table["place_part"]:
        return False
    return prep.lower_ in table["topic_prep"] or (head.dep_ == "pobj" and head.head.lower_ in table["topic_prep"])


def _dateline_place(parsed: ParsedArticle) -> Location | None:
    """Where the story was filed: a town, or a country ("Beirut, Lebanon" is Beirut)."""
    dateline = parsed.clean.dateline
    if dateline is None:
        return None
    name = dateline.place.title() if dateline.place.isupper() else dateline.place
    return places.geocode([places.PlaceQuery(name)])[0]


def _filing_place(place: Location | None, hints: list[str]) -> Location | None:
    """Where the story was filed, when it is in the country the story is about: the last guess
    for an event whose own place the gazetteer does not know ("at Lido beach")."""
    return place if place is not None and place.precision != "country" and hints[:1] == [place.country] else None


def _count_country(country, position: int, counts: Counter, first: dict[str, int]) -> None:
    if country is not None:
        counts[country.iso3] += 1
        first.setdefault(country.iso3, position)


def _geocode_article(parsed: ParsedArticle, hints: tuple[list[str], list[str]]) -> tuple[dict[int, Location], list[str]]:
    """Location of every place entity, keyed by the entity's first token, and the story's
    country hints (the countries it names as places, else the country its places agree on,
    else the country of its people)."""
    named, weak = hints
    ents = [e for e in parsed.doc.ents
            if e.label_ in {"GPE", "LOC", "FAC"} and not actors.is_named_actor(e.text) and not _country_as_modifier(e)
            and not _is_sea(e) and not _hyphenated_describer(e)]
    # Each entity's chain: the names written after it to say where it lies.
    chains = [_containers(e, ents) for e in ents]
    queries = [_place_query(e, ents, chain) for e, chain in zip(ents, chains)]
    results = _containers_stand_for_their_place(ents, chains, places.geocode(queries, named, weak))
    votes = _place_votes(queries, results)
    if not named and len(results) > 1 and votes:
        # A story that names no country: the country most of its places agree on decides the
        # ambiguous ones ("Ol Kalou" next to two Kenyan towns is the Kenyan one).
        named = [votes.most_common(1)[0][0]]
        results = _containers_stand_for_their_place(ents, chains, places.geocode(queries, named, weak))
        votes = _place_votes(queries, results)
    results = _without_namesakes(queries, results, votes, weak)
    results = _unknown_places_where_their_container_is(ents, chains, queries, results)
    # "Middlebury College in Middlebury (Vermont)": a name the story places once is that place throughout.
    placed = {countries.normalise(q.name): loc for q, loc in zip(queries, results) if q.container and loc is not None}
    results = [loc if q.container else placed.get(countries.normalise(q.name), loc) for q, loc in zip(queries, results)]
    results = _without_topic_countries(ents, _coded_places(ents, results))
    if not named:
        named = [loc.country for loc in results if loc is not None and loc.country][:1] or weak[:1]
    return {e.start: loc for e, loc in zip(ents, results) if loc is not None}, named


# "in Mkocheni village (coded as Taveta with GP2)", "arrived in Slovakia [coded to Vysne Nemecke]",
# "Lafia Kpada and Duma communities, coded to Lafia Kpada":
# ACLED's notes say where they coded an event whose own place is vague or unknown.
_CODED_AS = re.compile(r"\s*(?:[a-z]+)?[\s,]*[(\[]?\s*(?:location\s+|event\s+)?coded\s+(?:as|to|at)\s+")


def _coded_places(ents: list[Span], results: list[Location | None]) -> list[Location | None]:
    """A place followed by a remark that it was coded as another is located at that other."""
    text = ents[0].doc.text if ents else ""
    coded = list(results)
    for i, (ent, following) in enumerate(zip(ents, ents[1:])):
        if results[i + 1] is not None and _CODED_AS.fullmatch(text, ent.end_char, following.start_char):
            coded[i] = results[i + 1]
    return coded


def _without_topic_countries(ents: list[Span], results: list[Location | None]) -> list[Location | None]:
    """'demonstrated in Ochsenfurt against the war in Ukraine', 'a grant to Nepal': a country the
    story is about is no place of its events where the story names a town or unit; where it names
    none ('shot during the German occupation of Latvia') the country is the place, unless it is
    the doer."""
    named_place = any(loc is not None and loc.precision != "country" for loc in results)
    # 'shelled by Russia', 'a militia backed by the United Arab Emirates': the country acts; where is
    # another matter, so it is no place of the story's events even where the story names none.
    return [None if loc is not None and loc.precision == "country" and (is_passive_doer(e) or named_place and _country_as_topic(e))
            else loc for e, loc in zip(ents, results)]


def _containers_stand_for_their_place(ents: list[Span], chains: list[list[Span]],
                                      results: list[Location | None]) -> list[Location | None]:
    """'clashed in Chatmohar upazila (Pabna, Rajshahi)': the names after a place only say where
    it lies, so an event the parse hangs on 'Rajshahi' happens in Chatmohar, and 'Rio Negro' after
    Viedma is Argentina's province, not Uruguay's department, when the story's places are counted.
    A container that does not name the place's unit ("Dogbo, Azove, Lalo": a list of towns) keeps
    its own location."""
    results = list(results)
    index = {e.start: i for i, e in enumerate(ents)}
    described: set[int] = set()
    for i, chain in enumerate(chains):
        if i in described or results[i] is None:
            continue
        for container in chain:
            j = index[container.start]
            described.add(j)
            if _holds(results[j], results[i]):
                results[j] = results[i]
    return results


def _unknown_places_where_their_container_is(ents: list[Span], chains: list[list[Span]], queries: list[places.PlaceQuery],
                                             results: list[Location | None]) -> list[Location | None]:
    """'Courts Romestand in Vienne': a name the gazetteer does not know lies where the story places
    its container (Vienne the town, as the story reads it), not at the container's namesake unit
    (the Vienne département) that a container read alone would be."""
    index = {e.start: i for i, e in enumerate(ents)}
    placed = list(results)
    for i, (chain, query) in enumerate(zip(chains, queries)):
        known = places.is_known_place(query.name) or countries.country_by_name(query.name) is not None
        if query.container is None or results[i] is None or known:
            continue
        own = results[index[chain[0].start]] if chain else None
        if own is not None:
            placed[i] = own
    return placed


def _holds(unit: Location | None, place: Location) -> bool:
    """Whether a located container names the place's country, first- or second-level unit (by
    name: a namesake unit abroad, "Rio Negro" of Uruguay, still names Viedma's province)."""
    if unit is None or place.precision == "country":
        return False
    if unit.precision == "country":
        return unit.country == place.country
    # A locality is stored with its unit's precision but is no unit ("Azove" of Couffo).
    if unit.precision == "admin1":
        return places.same_admin1(unit.name, unit.admin1) and places.same_admin1(unit.admin1, place.admin1)
    if unit.precision == "admin2":
        return unit.name == unit.admin2 and countries.normalise(unit.admin2) == countries.normalise(place.admin2 or "")
    return unit == place


def _place_votes(queries: list[places.PlaceQuery], results: list[Location | None]) -> Counter:
    """How many of a story's places lie in each country. An administrative unit's or a city's
    name is rarely shared across countries, a village's often is ("the Dam in Amsterdam": a
    Syrian village Dam, the Dutch capital): a unit, a city of 100,000 or a town named like its
    province (Isiolo, Migori) counts twice, a place found only under another spelling ("Jima"
    for Ethiopia's Jimma) once: "Jima area ... in Lamu county" is no Ethiopian story."""
    votes = Counter()
    for query, loc in zip(queries, results):
        if loc is None or loc.precision == "country":
            continue
        if not _own_name(loc, query):
            votes[loc.country] += 1
            continue
        major = not places.is_compass_name(loc.name) and (
            loc.precision in {"admin1", "admin2"} or places.population(loc.geonameid) >= 100_000
            or places.admin1_unit(loc.name, loc.country) is not None)
        votes[loc.country] += 2 if major else 1
    return votes


def _without_namesakes(queries: list[places.PlaceQuery], results: list[Location | None], votes: Counter,
                       weak: list[str]) -> list[Location | None]:
    """'Members of the Bangladesh Students' Union rallied in Dhaka': where most of a story's
    places lie in one country, a place elsewhere under 200,000 people (Union, New Jersey), found
    under another of its names, or named by a direction ("Kar Paung Kya (East)" is no region of
    Cameroon), is a namesake. Its name is looked up in that country, else
    it is dropped."""
    if not votes:
        return results
    (home, most), = votes.most_common(1)
    kept = []
    for query, loc in zip(queries, results):
        if (loc is not None and loc.precision != "country" and loc.country != home and votes[loc.country] < most
                and (places.population(loc.geonameid) < _NAMESAKE_POPULATION or not _own_name(loc, query)
                     or places.is_compass_name(loc.name))):
            loc = places.geocode([query], [home], weak)[0]
            loc = loc if loc is not None and loc.country == home else None
        kept.append(loc)
    return kept


def _own_name(loc: Location, query: places.PlaceQuery) -> bool:
    """Whether the place was found under its own name ("Lamu county" is Lamu's; an unknown
    village's container is found under the container's), not one of its alternate spellings
    ("Turi" is an old name of Turin, "Kybaky" a spelling of a Ukrainian village)."""
    written = [query.name] + ([query.container] if query.container else [])
    return countries.normalise(loc.name) in {countries.normalise(n) for w in written for n in (w, places.bare_name(w))}


def _place_query(ent: Span, ents: list[Span], chain: list[Span]) -> places.PlaceQuery:
    doc = ent.doc
    features = cues()["place_feature"]
    # Each name of a chain lies in the next: the first is the nearest container, the last the region.
    landmark = _is_landmark(ent)
    containers = [e.text.strip() for e in chain]
    city = _city_before_dash(ent, ents)
    if city is not None:
        containers.insert(0, city)  # ACLED's "Dhaka - Shahbagh": Shahbagh in Dhaka
    feature = None
    for token in doc[ent.end : min(ent.end + 4, len(doc))]:
        if token.lower_ in features:
            feature = token.lower_
            break
        if not (token.ent_type_ in {"GPE", "LOC"} or token.lower_ in {"and", ","}):
            break
    if feature is None and _contains_place_before(ent, ents):
        feature = places.CONTAINER  # "Bosaso town (Bossaso, Bari)": Bari region, not the Italian city
    # A beach, square or school is no populated place: a gazetteer hit of its name outside the
    # town that follows is a namesake ("Carnot middle school in Grasse"), one inside names its
    # quarter or its town ("Shailkupa police station (Jhenaidah, Khulna)").
    feature = places.LANDMARK if landmark and containers else feature
    return places.PlaceQuery(name=ent.text.strip(), container=containers[0] if containers else None,
                             feature=feature, region=containers[-1] if len(containers) > 1 else None)


def _is_landmark(ent: Span) -> bool:
    """"Lido beach in Mogadishu", "Vittorio Veneto square in Trieste": a landmark, whose town
    follows "in". A camp or a village is a settlement, whatever the model calls it."""
    doc = ent.doc
    return (ent.label_ == "FAC" and ent[-1].lower_ not in places.SETTLEMENT_WORDS) or any(
        cues()["place_feature"].get(token.lower_) == "landmark" for token in doc[ent.end : _described_end(ent)])


def _described_end(ent: Span) -> int:
    """The index after the words that say what kind of place a name is: "Kyauk Tan village",
    "Gaziosmanpasa town center", "Carnot middle school" (lower-case words may stand between)."""
    doc = ent.doc
    end = ent.end
    for i in range(ent.end, min(ent.end + 4, len(doc))):
        word = doc[i].lower_
        if word in cues()["place_feature"] or word in places.SETTLEMENT_WORDS:
            end = i + 1
        elif not (doc[i].is_lower and doc[i].pos_ in {"ADJ", "NOUN"}):
            break
    return end


def _containers(ent: Span, ents: list[Span]) -> list[Span]:
    """The names written after a place to say where it lies, nearest first: "Kan Hpyu village,
    [Wetlet] township ([Shwebo] district, [Sagaing] region)"."""
    doc = ent.doc
    chain, containers = ent, []
    while True:
        end = _described_end(chain)
        # "in" links a place to its town: "al-Tijara neighbourhood in central Damascus" (a
        # direction word may stand before the town), "Rogers Park in Beaumont (Texas)" (not the
        # Chicago quarter), "Bara in Idleb governorate"; "of" links a place named with its kind:
        # "Kyauk Tan village of Mahlaing township".
        links = {",", "(", "in", "of"} if end > chain.end else {",", "(", "in"}
        skip = 1 if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].pos_ == "ADJ" else 0
        following = next((e for e in ents if e.start == end + 1 + skip), None)
        if following is None or doc[end].lower_ not in links:
            return containers
        containers.append(following)
        chain = following


def _contains_place_before(ent: Span, ents: list[Span]) -> bool:
    """Whether the name closes a chain ("Bosaso town (Bossaso, Bari)"): a bracket or comma after
    another place, and nothing but a closing bracket or the sentence's end after it."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text not in {",", "("}:
        return False
    closing = ent.end >= len(doc) or doc[ent.end].text in {")", "."}
    start = ent.start - 2
    # Back over the chain's other links, feature words and names the model did not take for places.
    while start > 0 and (doc[start].text in {",", "("} or doc[start].lower_ in cues()["place_feature"]
                         or doc[start].lower_ in places.SETTLEMENT_WORDS or doc[start].text[:1].isupper()):
        if any(e.end == start + 1 for e in ents):
            return closing
        start -= 1
    return False


def _city_before_dash(ent: Span, ents: list[Span]) -> str | None:
    """'Dhaka - Shahbagh' (spaced dash): the town ACLED and some reports write before its district.
    A route ("Nairobi-Naivasha highway") has no spaces around its dash."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "-" or not doc[ent.start - 2].whitespace_:
        return None
    return next((e.text.strip() for e in ents if e.end == ent.start - 1), None)


def _story_country(located: dict[int, Location]) -> str | None:
    """The country where the story's places are: whose 'rebels' and 'civilians' an unplaced
    event speaks of. Not the most named country: a story on Russian strikes in Syria names
    Russia most."""
    votes = Counter(loc.country for loc in located.values() if loc.country and loc.precision != "country")
    return votes.most_common(1)[0][0] if votes else None


def paragraph_town(story: StoryPlaces, doc: Doc, start: int, end: int) -> Location | None:
    """The first town or region placed between two character offsets (a paragraph's): where an
    unplaced event of a round-up's paragraph happened, rather than the paragraph before's."""
    inside = {k: loc for k, loc in story.located.items() if start <= doc[k].idx < end and loc.precision != "country"}
    return _first_place(inside)


def _first_place(located: dict[int, Location]) -> Location | None:
    """The story's first town, else its first region or country: where an unplaced event of a
    short report most likely happened ("Protests erupted. ... in Migori")."""
    ordered = [located[k] for k in sorted(located)]
    return next((loc for loc in ordered if loc.precision != "country"), ordered[0] if ordered else None)
