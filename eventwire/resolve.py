"""RESOLVE stage: mentions -> coded, located, dated, attributed events of one article.

Public entry point: ``resolve(parsed, mentions, published) -> list[EventRecord]``.

1. Every place entity of the article is geocoded once (``geography.locate_story``), with the
   countries the story names as hints, so "Hama" goes to Syria in a Syrian story.
2. Each mention's spans are resolved: actors through the actor dictionary, its date through
   ``event_dates.event_date``.
3. Mentions that refer to one happening are folded into one event, in text order: a mention
   joins the latest earlier event it is compatible with (same PLOVER type, no conflicting
   sub-event type, actor, place or date; a march and the police response told in one sentence
   are one protest); "the offensive" and bare "killed" never open a new event when an earlier
   one fits. A paragraph that states its own day or town, or opens with an event told afresh
   by other doers, reports another event (a round-up's next report).
4. Each event is coded (``event_coding.code_event``: PLOVER, ACLED through the learned
   classifier and the crosswalk, CAMEO), then given the story's tolls (``tolls.attach_tolls``):
   this is what keeps "Moscow claims to have killed 300" on the air strikes and "the fighting
   has killed 327" on the offensive.
5. Each record names the actors ACLED codes for its type (``event_actors.record_actors``; an
   unnamed attacker is the group the paragraph, or a claim in the next one, blames) and gets a
   confidence; the event the story gives a toll for is its main event.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from . import actors, numbers, typology
from .detect import (
    CLAIM_TYPES,
    MATERIAL_TYPES,
    STATEMENT,
    Mention,
    TriggerEntry,
    cues,
    describes_other_thing,
    is_definite,
    is_reference_point,
    is_route_end,
    places_come_from,
    trigger_lexicon,
)
from .event_actors import record_actors
from .event_coding import code_event, model_support
from .event_dates import event_date, finer
from .event_draft import Draft
from .geography import StoryPlaces, locate_story, paragraph_town
from .model import (
    Actor,
    CasualtyClaim,
    Coding,
    EventRecord,
    Evidence,
    Location,
    ResolvedDate,
)
from .parse import ParsedArticle, next_paragraph_text, paragraph_bounds, paragraph_start, paragraph_text
from .tolls import attach_tolls

_REMOTE_VIOLENCE = "Explosions/Remote violence"
# How much of a long paragraph the classifier reads around an event's lead sentence.
_CONTEXT_CHARS = 800


def resolve(parsed: ParsedArticle, mentions: list[Mention], published: ResolvedDate) -> list[EventRecord]:
    story = locate_story(parsed)
    drafts: list[Draft] = []
    _drop_places_of_other_clauses(mentions)
    for mention in _specific_first(mentions):
        start, end = paragraph_bounds(mention.sentence)
        town = paragraph_town(story, parsed.doc, start, end)
        fallback = _fallback_place(drafts, start, town, story)
        draft = _draft(mention, story.located, story.country, published, parsed, fallback)
        # Placed: the event has a place of its own, or its paragraph names a town.
        target = _coreferent(drafts, draft, mention, draft.own_place or town is not None)
        if target is not None:
            _fold(target, draft)
        elif not mention.anaphoric and draft.plover_type != STATEMENT.plover_type:
            drafts.append(draft)
    _name_generic_groups(drafts)
    coded = [_code(d) for d in drafts]
    attach_tolls(parsed, mentions, drafts, [c.coding for c in coded])
    return [_record(parsed, c) for c in coded]


def _specific_first(mentions: list[Mention]) -> list[Mention]:
    """Mentions in text order, except that a bare verb ("killed") the sentence does not place comes
    after an event of its kind in its sentence: in "Three people were killed after a bus was
    ambushed" the deaths are the ambush's, not those of an earlier paragraph's event that fits
    them. A killing placed in its own clause ("In Samarra a merchant was killed, and in Abu Ghraib
    four were hurt when a bomb exploded") stays a report of its own. A demand in the sentence of
    a protest comes after the protest, whose claim it is."""
    specific = {(m.sentence.start, m.entry.plover_type) for m in mentions if not _is_bare(m)}
    protesting = {m.sentence.start for m in mentions if m.entry.plover_type == "PROTEST"}

    def waits(m: Mention) -> bool:
        unplaced_verb = _is_bare(m) and m.trigger.pos_ == "VERB" and not m.own_places
        return unplaced_verb and (m.sentence.start, m.entry.plover_type) in specific

    def claim_of_protest(m: Mention) -> bool:  # folds into its sentence's protest (_claim_of_protest)
        return m.entry.plover_type in CLAIM_TYPES and m.sentence.start in protesting

    return sorted(mentions, key=lambda m: (m.sentence.start, waits(m), claim_of_protest(m)))


def _is_bare(mention: Mention) -> bool:
    return mention.anaphoric or mention.entry.acled_sub_event_type is None


# --- article context ---------------------------------------------------------------------------

def _drop_places_of_other_clauses(mentions: list[Mention]) -> None:
    """A borrowed sentence place that another trigger of the sentence owns is not this event's:
    "launched an offensive after a ceasefire in Lebanon took effect" puts the ceasefire there."""
    for mention in mentions:
        if not mention.own_places:
            owned = {p.start for m in mentions if m.own_places and m.sentence.start == mention.sentence.start
                     and not _describes_recipient(m, mention) for p in m.places}
            mention.places = [p for p in mention.places if p.start not in owned]


def _describes_recipient(other: Mention, mention: Mention) -> bool:
    """'attacked elders who were on a meeting in Forole': the meeting tells where the targets were."""
    target = mention.recipient
    return target is not None and other.trigger in set(target.root.subtree)


def _fallback_place(drafts: list[Draft], paragraph: int, town: Location | None,
                    story: StoryPlaces) -> tuple[Location | None, str]:
    """Where an event its sentence does not place happened, and why: where the latest event of
    its paragraph (starting at character ``paragraph``) did, else in ``town``, the paragraph's
    first town (a round-up's paragraph places its own report, not the one before); only then the
    story's first place, where a wire story is ("Demonstrators threw stones" after protests
    spread to Mombasa is still Nairobi's), its latest located event, or where it was filed from."""
    same_paragraph = [d for d in drafts if paragraph_start(d.mentions[-1].sentence) == paragraph]
    candidates = (
        (_story_location(same_paragraph), "where an earlier event of its paragraph happened"),
        (town, "the first place its paragraph names"),
        (story.first_place, "the first place the story names"),
        (_story_location(drafts), "where the story's previous event happened"),
        (story.filed_from, "the dateline"),
    )
    return next(((loc, reason) for loc, reason in candidates if loc is not None), (None, "no place named"))


def _story_location(drafts: list["Draft"]) -> Location | None:
    """An event the story places nowhere happens where its latest located event did."""
    for draft in reversed(drafts):
        if draft.location is not None and draft.plover_type in MATERIAL_TYPES and draft.location.precision != "country":
            return draft.location
    return None


# --- one mention ------------------------------------------------------------------------------

def _draft(
    mention: Mention, located: dict[int, Location], story_country: str | None, published: ResolvedDate,
    parsed: ParsedArticle, fallback: tuple[Location | None, str],
) -> Draft:
    if mention.entry.plover_type in CLAIM_TYPES and _is_crowd(mention.agent):
        mention = replace(mention, entry=_as_protest(mention.entry))
    entry = mention.entry
    # Of two places as precise, the event's own, not one that describes who or what it involves.
    placed = [p for p in mention.places if p.start in located]
    placed = [p for p in placed if not is_reference_point(p) and not is_route_end(p)] or placed
    locations = [replace(located[p.start], text=p.text) for p in sorted(placed, key=describes_other_thing)]
    location, location_reason = _best_location(locations), "named in its sentence"
    if not mention.anaphoric and _stands_in(fallback[0], location, entry.plover_type in MATERIAL_TYPES):
        location, location_reason = fallback
    when, background = event_date(mention, published, parsed)
    context_country = (location.country if location else None) or story_country
    role = "violence" if entry.plover_type in MATERIAL_TYPES and entry.plover_type != "AGREE" else "statement"
    actor1 = _actor1(mention, context_country, role)
    actor2 = actors.resolve_actor(mention.recipient.text, country=context_country) if mention.recipient else None
    return Draft(
        mentions=[mention],
        plover_type=entry.plover_type,
        sub_event_type=entry.acled_sub_event_type,
        actor1=actor1,
        actor2=actor2,
        location=location,
        own_place=bool(locations),
        date=when,
        own_date=mention.own_date,
        background=background,
        other_locations=[loc for loc in locations if loc is not location],
        context_country=context_country,
        location_reason=location_reason if location is not None else "no place named",
    )


def _actor1(mention: Mention, country: str | None, role: str) -> Actor | None:
    """The mention's agent. A fight the parse gives no subject is led by its first-named side
    ("Clashes between Borana and Gabra militias left five dead"), unless that side is unarmed
    ("a land dispute between a family and its neighbours")."""
    if mention.agent is not None:
        country = _speakers_country(mention.agent) or country
        return actors.resolve_actor(_with_origin(mention.agent).text, country=country, role=role)
    side = _first_side(mention.sentence) if mention.entry.plover_type == "ASSAULT" else None
    actor = actors.resolve_actor(side.text, country=country, role=role) if side is not None else None
    return actor if actor is not None and actor.type != "civilians" else None


def _speakers_country(agent: Span) -> str | None:
    """'Russia's defence ministry said its forces had captured the village': the state whose
    forces "its" or "their" are is the speaker's, not the country the story happens in."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in agent.root.children):
        return None
    said = agent.root.sent.root
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None) if said.lemma_ in cues()["reporting"] else None
    if speaker is None or speaker == agent.root:
        return None
    found = actors.resolve_actor(agent.doc[speaker.left_edge.i : speaker.right_edge.i + 1].text, role="statement")
    return found.country if found is not None and found.type in actors.STATE_TYPES else None


def _with_origin(agent: Span) -> Span:
    """The agent with its own modifiers, which the parse may leave off: '[Garre] militia',
    '[IS] militants', 'armed fighters [from the Pokot tribe]', 'militiamen [from Somalia]' say
    who it is."""
    origin = next((c for c in agent.root.children if c.dep_ == "prep" and c.lower_ == "from" and c.i >= agent.end),
                  None) or _origin_in_relative_clause(agent)
    start = min(agent.start, agent.root.left_edge.i)
    before = agent.doc[start - 1] if start > 0 else None
    if before is not None and (before.pos_ == "PROPN" or (len(before) > 1 and before.is_upper)):
        start -= 1  # "IS militants" with "IS" parsed as a verb
    return agent.doc[start : origin.right_edge.i + 1 if origin is not None else agent.end]


def _origin_in_relative_clause(agent: Span) -> Token | None:
    """'armed men [who were suspected to be from Ethiopia]'."""
    return next((t.head for t in places_come_from(agent) if t.head.i >= agent.end and t.head.dep_ == "prep"), None)


def _first_side(sentence: Span) -> Span | None:
    """What follows "between" in the sentence: resolve_actor reads its first conjunct, the
    first side. The rest of the sentence, not the parse's object of "between", which the
    small model often cuts short ("between [size] around 100 soldiers and ...")."""
    between = next((token for token in sentence if token.lower_ == "between"), None)
    if between is None or between.i + 1 >= sentence.end:
        return None
    return sentence.doc[between.i + 1 : sentence.end]


def _is_crowd(agent: Span | None) -> bool:
    actor = actors.resolve_actor(agent.text) if agent is not None else None
    return actor is not None and actor.type in {"protesters", "rioters"}


def _as_protest(entry: TriggerEntry) -> TriggerEntry:
    """'Protesters demanded justice': what a crowd in the street demands is its protest, and
    that is the event ACLED and PLOVER code (the demand is the protest's claim)."""
    protest = trigger_lexicon()["protest"][0]
    return replace(protest, lemma=entry.lemma, pos=entry.pos, modifiers=entry.modifiers, weight=entry.weight)


def _stands_in(story_place: Location | None, own: Location | None, material: bool) -> bool:
    """Whether the story's place stands in for an event that has none. A demand is made where
    the story's events are; but a country alone places no statement: in "Kuwait restored ties
    with Libya" the states are its parties."""
    return own is None and story_place is not None and (material or story_place.precision != "country")


def _best_location(locations: list[Location]) -> Location | None:
    """The most precise place: a town over a province over a country."""
    order = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
    return min(locations, key=lambda loc: order.get(loc.precision, 5), default=None)


# --- folding mentions into events ---------------------------------------------------------------

def _coreferent(drafts: list[Draft], new: Draft, mention: Mention, placed: bool) -> Draft | None:
    for draft in reversed(drafts):
        if _compatible(draft, new, mention, placed):
            return draft
    return None


def _compatible(old: Draft, new: Draft, mention: Mention, placed: bool) -> bool:
    if new.plover_type == STATEMENT.plover_type:
        return _reports(old, new)
    if _one_crowd_scene(old, new, mention) or _claim_of_protest(old, new, mention):
        return True
    if old.plover_type != new.plover_type or old.background != new.background:
        return False
    if not _sub_types_agree(old.sub_event_type, new.sub_event_type):
        return False
    bare = mention.anaphoric or new.sub_event_type is None
    # "Rioters clashed with soldiers. Soldiers fired, killing two": a bare killing by either side
    # of a two-sided event is part of it.
    if not (_actors_agree(old.actor1, new.actor1) or (bare and old.actor2 is not None and _actors_agree(old.actor2, new.actor1))):
        return False
    if old.own_date and new.own_date and old.date.date != new.date.date:
        return False
    if _other_paragraph_event(old, new, mention, placed):
        return False
    if bare:
        return True  # "the offensive", "killed": refers back when type and actor fit
    return _places_agree(old.location, new.location)


def _one_crowd_scene(old: Draft, new: Draft, mention: Mention) -> bool:
    """'Police fired tear gas at thousands of protesters as demonstrators marched towards
    parliament': a march and what the police did to a crowd, told in one sentence, are one
    protest, though their verbs have other subjects and PLOVER types."""
    if mention.sentence != old.mentions[-1].sentence or old.background != new.background:
        return False
    kinds = {_crowd_kind(old), _crowd_kind(new)}
    return kinds == {"march", "response"} and _places_agree(old.location, new.location)


# Who makes a protest's claims: a crowd, or people with no organisation named.
_CROWDS = {"protesters", "rioters", "civilians"}


def _claim_of_protest(old: Draft, new: Draft, mention: Mention) -> bool:
    """'Dozens of orphans gathered in Talgar in protest, calling for financial aid': what a crowd
    demands or denounces in the sentence of its protest is that protest's claim, not an event of its
    own; a state's or a party's demand ("The PRC demanded that the US cancel the sale") stays one."""
    return (new.plover_type in CLAIM_TYPES and old.plover_type == "PROTEST" and not old.background
            and mention.sentence == old.mentions[-1].sentence and _actors_agree(old.actor1, new.actor1)
            and (new.actor1.type in _CROWDS if new.actor1 is not None
                 else (_named_protest(old) or _gathers(mention.sentence)) and not _names_someone(mention.agent)))


def _gathers(sentence: Span) -> bool:
    """'gathered in Talgar ..., calling for aid': a gathering that makes a demand (cues.tsv `assembly`)."""
    return any(t.lemma_.lower() in cues()["assembly"] for t in sentence)


def _names_someone(agent: Span | None) -> bool:
    """'The PRC', 'Archbishop Desmond Tutu': a doer with a name, if one eventwire cannot resolve."""
    return agent is not None and any(t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} for t in agent)


def _named_protest(draft: Draft) -> bool:
    """A protest some word of the text names, not only the learned model's reading of a demand."""
    return any(m.entry.weight > 0 for m in draft.mentions)


# Sub-event types that are what the state did to a crowd.
_AGAINST_CROWDS = {"Protest with intervention", "Excessive force against protesters"}


def _crowd_kind(draft: Draft) -> str | None:
    """'march' for a protest trigger, 'response' for one whose word makes it police action
    against a crowd (Protest with intervention, Excessive force against protesters)."""
    if draft.plover_type == "PROTEST" and draft.sub_event_type is None:
        return "march"
    if draft.plover_type != "PROTEST" and draft.sub_event_type in _AGAINST_CROWDS:
        return "response"
    return None


def _other_paragraph_event(old: Draft, new: Draft, mention: Mention, placed: bool) -> bool:
    """A round-up's paragraphs ("On 20 December, men protested in Kapsabet.\n\nOn 17 December,
    residents protested in Kitui") report as many events, whatever their verbs: a mention in
    another paragraph is another event when the two paragraphs state different days, or name
    different towns or districts for it, even when both lie in one province; so is a mention
    whose sentence states a day and whose paragraph its place (``placed``: "On 30 December,
    teachers protested in Dhaka" after a clash in Dhaka that day): a story goes on about its
    event without restating both, unless it points back ("The strikes on Monday hit a market in
    Idlib"). Within a paragraph a second place is most often part of the
    first ("Manaus ... in the Cidade Nova neighborhood")."""
    if paragraph_start(old.mentions[-1].sentence) == paragraph_start(mention.sentence):
        return False
    if old.date.precision == new.date.precision == "day" and old.date.date != new.date.date:
        return True
    if mention.dates and placed and not mention.anaphoric and not is_definite(mention.trigger):
        return True
    fresh = _opens_paragraph(mention) and _told_afresh(mention)
    if fresh and (old.actor1 is None or new.actor1 is None or old.actor1.canonical != new.actor1.canonical):
        return True
    places = (old.location, new.location) if old.own_place and new.own_place else (None, None)
    precise = None not in places and "country" not in (places[0].precision, places[1].precision)
    return precise and not _places_agree(*places)


def _opens_paragraph(mention: Mention) -> bool:
    return mention.sentence.start_char == paragraph_start(mention.sentence)


def _told_afresh(mention: Mention) -> bool:
    """An event told as news, pointing back at nothing: 'Ethnic raiders attack civilians', 'First
    of three days of riots called for by opposition leaders', not "The gunmen then ...", "They
    ...", "the attack". Opening a paragraph, it reports another event unless its doers are the
    event before's by name ("Moscow claims to have killed 300" after Russian strikes goes on
    about them)."""
    agent = mention.agent
    if mention.anaphoric or is_definite(mention.trigger) or (agent is not None and agent.root.pos_ == "PRON"):
        return False
    return agent is None or not any(t.dep_ in {"det", "poss"} and t.lower_ not in {"a", "an", "some"} for t in agent.root.children)


def _reports(old: Draft, statement: Draft) -> bool:
    """A speech sentence right after a statement event, by a speaker of the same state."""
    last = old.mentions[-1].sentence
    return (
        old.plover_type not in MATERIAL_TYPES
        and statement.actor1 is not None
        and old.actor1 is not None
        and _actors_agree(old.actor1, statement.actor1)
        and statement.mentions[0].sentence.start - last.end <= 1
    )


def _sub_types_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    # One bombardment is reported as air, missile and artillery strikes in the same story.
    return typology.acled_event_type(a) == typology.acled_event_type(b) == _REMOTE_VIOLENCE


def _actors_agree(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None or a.canonical == b.canonical:
        return True
    if actors.is_generic_name(a.canonical) or actors.is_generic_name(b.canonical):
        return a.type == b.type  # "the militants" are the JNIM fighters the story named
    # "Russia" (its forces) and "Moscow" (its government) are one state actor.
    return a.country == b.country and a.type in actors.STATE_TYPES and b.type in actors.STATE_TYPES


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return True
    return a.name == b.name or (a.admin1 is not None and a.admin1 == b.admin1)


def _fold(target: Draft, new: Draft) -> None:
    target.mentions.extend(new.mentions)
    # "attempted to detonate a suicide pack": what was meant does not type what happened.
    if not all(m.status == "planned" for m in new.mentions):
        target.sub_event_type = target.sub_event_type or new.sub_event_type
    target.actor1 = _more_specific(target.actor1, new.actor1)
    if target.actor2 is None and not _victims_of_battle(target, new.actor2):
        target.actor2 = new.actor2
    if target.location is None or (new.own_place and not target.own_place):
        target.location, target.own_place, target.location_reason = new.location, new.own_place, new.location_reason
    elif new.location is not None and new.location.name != target.location.name:
        target.other_locations.append(new.location)
    target.other_locations.extend(new.other_locations)
    # "IS Sahel claimed responsibility but said the attack occurred on 2 July": a claimed day does
    # not replace the day the event was reported on.
    claimed = all(m.status == "claimed" for m in new.mentions) and target.date.precision == "day"
    # "... killed 2 pastoralists around 8 June. They had been kidnapped in April": a vaguer date
    # never replaces a finer one.
    if new.own_date and not claimed and (finer(new.date, target.date) or not (target.own_date or finer(target.date, new.date))):
        target.date, target.own_date = new.date, True


def _victims_of_battle(target: Draft, actor: Actor | None) -> bool:
    """'The fighting has killed 327 people': the dead of a battle are its toll, not its other side."""
    return (actor is not None and actor.type == "civilians" and target.sub_event_type is not None
            and typology.acled_event_type(target.sub_event_type) == "Battles")


def _more_specific(a: Actor | None, b: Actor | None) -> Actor | None:
    """Keep the first actor, unless it is the government standing in for its forces."""
    if a is None:
        return b
    if b is not None and a.type == "government" and b.type == "state_military" and a.country == b.country:
        return b
    return a


def _name_generic_groups(drafts: list[Draft]) -> None:
    """'the rebels' in a story that names one rebel group of that country is that group.

    Only when the story names exactly one: two named groups leave the generic mention generic.
    """
    named = {
        a.country: a
        for d in drafts
        for a in (d.actor1, d.actor2)
        if a is not None and a.type == "rebel_group" and a.canonical and not actors.is_generic_name(a.canonical)
    }
    by_country = Counter(a.country for a in named.values())
    for draft in drafts:
        for attr in ("actor1", "actor2"):
            actor = getattr(draft, attr)
            if actor is None or actor.type != "rebel_group" or not actors.is_generic_name(actor.canonical):
                continue
            group = named.get(actor.country)
            if group is not None and by_country[actor.country] == 1:
                setattr(draft, attr, replace(actor, canonical=group.canonical))


# --- coding and the record ------------------------------------------------------------------------

@dataclass
class _Coded:
    """A folded event with its codes, coded once: the codes decide tolls and make the record."""

    draft: Draft
    lead: Mention  # the mention that states the event best
    paragraph: str  # the classifier's context
    coding: Coding


def _code(draft: Draft) -> _Coded:
    # A protest a word of the text names leads its claim ("calling for aid", folded by
    # _claim_of_protest): the claim is what it demands, not what it is.
    named = draft.plover_type == "PROTEST" and _named_protest(draft)
    leading = [m for m in draft.mentions if not (named and m.entry.plover_type in CLAIM_TYPES)]
    # "an attack to capture the positions was fended off": what was done leads, not what was meant.
    lead = max(leading or draft.mentions, key=lambda m: (not m.anaphoric, m.status != "planned", m.entry.weight))
    # The classifier's context: 'Demonstrators marched. They stoned the police station' is a
    # violent demonstration, which neither sentence says alone.
    paragraph = paragraph_text(lead.sentence, limit=_CONTEXT_CHARS)
    return _Coded(draft, lead, paragraph, code_event(draft, lead, paragraph))


def _record(parsed: ParsedArticle, coded: _Coded) -> EventRecord:
    draft, lead, context, coding = coded.draft, coded.lead, coded.paragraph, coded.coding
    evidence = _evidence(draft.mentions)
    killed = _killed_claims(draft, coding)
    fatalities = numbers.reconcile(killed)
    article_id = parsed.clean.article_id
    event_id = hashlib.sha256(f"{article_id}:{lead.trigger.idx}:{coding.plover_type}".encode()).hexdigest()[:16]
    status = _status(draft.mentions)
    extra = {
        "locations": [loc.to_dict() for loc in draft.other_locations],
        "counts": [c.to_dict() for c in draft.claims if c.kind != "killed"],
        "date_reason": draft.date.reason,
        "location_reason": draft.location_reason,
    }
    actor1, actor2, assoc = record_actors(coding, draft, context + _claim_after(lead))
    if assoc is not None:
        extra["assoc_actor_1"] = assoc.to_dict()
    return EventRecord(
        event_id=event_id,
        article_id=article_id,
        coding=coding,
        event_date=draft.date,
        background=draft.background,
        status=status,
        actor1=actor1,
        actor2=actor2,
        location=draft.location,
        fatalities=fatalities,
        evidence=evidence,
        confidence=_confidence(draft, lead, coding, model_support(context, coding), bool(killed)),
        trigger=lead.trigger_text,
        extra=extra,
    )


# "Al Shabaab claimed responsibility for the attack", "... claimed the bombing".
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b[^.]{0,40}\b(?:responsibility|attack|bombing|blast|killing|raid|ambush)", re.I)


def _claim_after(lead: Mention) -> str:
    """The next paragraph, where it claims the event: a wire story names the group that claimed
    an attack right after its lead ("... killing seven.\n\nAl Shabaab claimed responsibility for
    the attack"), which the blame of an unnamed attacker may read."""
    following = next_paragraph_text(lead.sentence)
    return "\n" + following if _CLAIM.search(following) else ""


def _evidence(mentions: list[Mention]) -> list[Evidence]:
    sentences = sorted({(m.sentence.start_char, m.sentence.end_char): m.sentence for m in mentions}.items())
    return [Evidence(span.text, start, end) for (start, end), span in sentences]


def _status(mentions: list[Mention]) -> str:
    """What the story itself reports outranks what someone claims or denies."""
    statuses = {m.status for m in mentions}
    for status in ("reported", "claimed", "denied", "planned"):
        if status in statuses:
            return status
    return "reported"


def _killed_claims(draft: Draft, coding: Coding) -> list[CasualtyClaim]:
    if coding.acled_sub_event_type == "Peaceful protest":
        return []  # a death near a peaceful protest is another event (or the protest's cause)
    killed = [c for c in draft.claims if c.kind == "killed"]
    if draft.actor1 is None or not killed:
        return killed
    # "Moscow claims to have killed 300": the claimant is the attacker itself.
    claimed = any(m.status == "claimed" for m in draft.mentions)
    return [c if c.source or not claimed else replace(c, source=draft.actor1.name) for c in killed]


def _confidence(draft: Draft, lead: Mention, coding: Coding, support: float, has_toll: bool) -> float:
    score = 0.3 + 0.35 * lead.entry.weight + 0.1 * support
    score += 0.08 if draft.actor1 is not None else 0.0
    # A statement placed only where the story's events are is no more certain for it.
    score += 0.07 if draft.own_place or (draft.location is not None and draft.plover_type in MATERIAL_TYPES) else 0.0
    score += 0.05 if draft.own_date else 0.0
    score += 0.05 if len(draft.mentions) > 1 else 0.0
    score += 0.05 if coding.acled_sub_event_type else 0.0
    # The lead sentence states the news; later sentences add consequences and context.
    score += 0.05 if draft.mentions[0].sentence.start == 0 else 0.0
    # A story gives the toll of its main event: the dead are what it reports.
    score += 0.05 if has_toll else 0.0
    # What only describes someone of another event ("a man accused of") is not the news.
    score -= 0.1 if all(m.setting for m in draft.mentions) else 0.0
    if draft.background or lead.status in {"planned", "denied"}:
        score *= 0.7
    return min(score, 0.99)
