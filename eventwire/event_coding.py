"""How an event is coded: its PLOVER type and mode, ACLED event and sub-event type, CAMEO code.

Public entry point: ``code_event(draft, lead, paragraph) -> Coding``. Two of its readings serve
the rest of the resolve stage: ``aimed_at_crowd`` (violence aimed at demonstrators, which also
decides which event a toll belongs to) and ``model_support`` (how strongly the learned model
backs a coding, part of the confidence). The ACLED sub-event type comes from an ACLED note tag,
the trigger word, the learned classifier reading the paragraph and the crosswalk (``typology``);
then who took part settles territory and arrest types.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from . import actors, typology
from .classify import SubEventClassifier, tagged_sub_event
from .detect import Mention, cues, trigger_lexicon
from .event_draft import Draft
from .model import Actor, Coding

# Types whose ACLED sub-event type the learned classifier chooses among the crosswalk's options.
_CLASSIFIED_TYPES = {"ASSAULT", "PROTEST", "COERCE"}
# How sure the classifier must be to overrule the sub-event type a trigger word fixes. A word
# names a weapon or an act reliably ("air strike", "curfew", "seized the town"), but not who
# took part, which is what tells a clash between armed groups from a riot or a mob killing.
# Set on held-out tuning data: a fifth of the tuning notes read by a model trained on the other
# four fifths, and the CASE tuning snippets (lower overrules more notes right but loses snippets).
_OVERRULE = 0.6
_OVERRULE_WHO = 0.5
# Arson by a crowd ("villagers set fire to his house") is mob violence: who, not the act, decides.
_DEFINED_BY_WHO = {"Armed clash", "Attack", "Mob violence", "Violent demonstration", "Peaceful protest",
                   "Protest with intervention", "Excessive force against protesters", "Looting/property destruction"}
_EXPLOSIVES = {"Remote explosive/landmine/IED", "Grenade"}
_REFLEXIVE = {"himself", "herself", "themselves"}
_TERRITORY = {"Non-state actor overtakes territory", "Government regains territory"}


def code_event(draft: Draft, lead: Mention, paragraph: str) -> Coding:
    """The event's codes. The ACLED sub-event type, surest first: an ACLED note tag; violence
    aimed at demonstrators; the learned classifier among the PLOVER type's options, which keeps
    the type a weapon doer or the trigger word fixes unless it is sure of another (and always
    one it learned from a few texts), and never swaps an aircraft or heavy weapon as the doer
    for a type defined by who took part; else the crosswalk; a chemical agent
    named in the lead sentence, or bombers killing themselves, override all of these. Then whether the ground was surely taken, who took it and
    whether anyone resisted settle territory types, and who detained people settles arrest
    against abduction."""
    entry = lead.entry
    sub = draft.sub_event_type
    if (tagged := tagged_sub_event(paragraph)) is not None:
        sub = tagged
    elif draft.plover_type in _CLASSIFIED_TYPES:
        doer = _weapon_doer(draft)
        # A phrase that names the sub-type ("protests turned violent", "a general strike") is
        # surer than the paragraph's words.
        phrased = sub if entry.modifiers and entry.plover_type == "PROTEST" and sub == entry.acled_sub_event_type \
            else None
        classified = phrased or _classified_sub_event(draft, paragraph, doer or sub)
        # "Warplanes pounded the village, killing 6 civilians": the model reads the dead civilians
        # as an attack on them, but ACLED codes violence by its means before its target.
        sub = aimed_at_crowd(draft) or (doer if doer and classified in _DEFINED_BY_WHO else classified)
    elif sub is None:
        _, sub = typology.acled_for(entry.plover_type, entry.plover_mode)
    sub = _chemical(draft, lead) or _suicide(sub, lead) or sub
    sub = _unopposed(_by_actor_type(_unconfirmed_territory(sub, draft), draft.actor1, draft.context_country), paragraph,
                     draft.plover_type)
    return Coding(
        plover_type=entry.plover_type,
        plover_mode=entry.plover_mode,
        acled_event_type=typology.acled_event_type(sub) if sub else None,
        acled_sub_event_type=sub,
        cameo=entry.cameo,
    )


def _classified_sub_event(draft: Draft, text: str, hint: str | None) -> str | None:
    """The classifier's choice among the sub-types this PLOVER type can take. A trigger that
    fixes its sub-type ("air strike", "seized the town") keeps it unless the classifier is
    sure of another (an ACLED-trained model knows "rioters clashed with police" is a riot)."""
    # A type the model did not learn, or learned from a few texts (territory, suicide bombs,
    # chemical weapons), is not the model's to overrule.
    if hint is not None and SubEventClassifier.load().learned_from_few(hint):
        return hint
    allowed = typology.acled_options().get(draft.plover_type, frozenset())
    scores = {label: p for label, p in _predicted(text).items() if label in allowed}
    if not scores:
        return hint
    best = max(scores, key=scores.get)
    if hint is not None and scores[best] < (_OVERRULE_WHO if hint in _DEFINED_BY_WHO else _OVERRULE):
        return hint
    return best


def _weapon_doer(draft: Draft) -> str | None:
    """'Warplanes hit a base', 'the vehicle was struck by a missile': an aircraft or a heavy
    weapon as the doer makes the violence an air strike or shelling, whatever the verb."""
    doers = cues()["weapon_agent"]
    for mention in draft.mentions:
        if mention.agent is None or mention.entry.plover_type != "ASSAULT":
            continue
        root = mention.agent.root
        head = root.lemma_.lower()
        words = [*(f"{c.lemma_.lower()} {head}" for c in root.children if c.dep_ == "compound"), head]
        found = next((doers[w] for w in words if w in doers), None)
        if found is not None:
            return found
    return None


def _chemical(draft: Draft, lead: Mention) -> str | None:
    """'Rebels fired shells filled with poison gas', 'a helicopter dropped chlorine': violence
    whose lead sentence names a chemical agent is a chemical weapon attack, whatever the verb or
    the weapon that carried it (cues.tsv `chemical_agent`; the classifier saw the type in only a
    few CASE snippets). An agent that names another violent event ("air strikes in retaliation
    for a chlorine attack") is that event's, not the lead's."""
    if draft.plover_type != "ASSAULT":
        return None
    sentence = lead.sentence
    agents = cues()["chemical_agent"]
    for agent, sub in agents.items():
        for found in re.finditer(rf"\b{re.escape(agent)}\b", sentence.text.lower()):
            if not _names_another_event(sentence.char_span(found.start(), found.end(), alignment_mode="expand").root, lead):
                return sub
    return None


def _suicide(sub: str | None, lead: Mention) -> str | None:
    """'Two militants detonated explosives, killing themselves': a bombing whose doers die by
    their own hand in it is a suicide bombing."""
    if sub not in _EXPLOSIVES:
        return None
    killed_self = any(
        token.lemma_.lower() == "kill" and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE for c in token.children)
        for token in lead.sentence
    )
    return "Suicide bomb" if killed_self else None


def _names_another_event(word: Token, lead: Mention) -> bool:
    """'gas' in 'a poison gas attack' modifies the attack: it is the attack's weapon. A noun
    that is itself only ever a chemical attack ('mortars filled with chlorine gas') is the agent
    named, not another event."""
    named = word
    while named.dep_ in {"compound", "amod", "nmod"} and named.head != named:
        named = named.head
    entries = trigger_lexicon().get(named.lemma_.lower(), [])
    return named != word and named != lead.trigger and any(e.acled_sub_event_type != "Chemical weapon" for e in entries)


def aimed_at_crowd(draft: Draft) -> str | None:
    """'Officers attacked a peaceful demonstration', 'troops opened fire on protesters':
    violence aimed at demonstrators by anyone but another crowd is excessive force against them
    (rioters are fought, not repressed: that is a violent demonstration or mob violence)."""
    if draft.plover_type != "ASSAULT" or (draft.actor1 is not None and draft.actor1.type in {"protesters", "rioters"}):
        return None
    for mention in draft.mentions:
        target = mention.recipient
        if target is None:
            continue
        actor = actors.resolve_actor(target.text)
        entries = trigger_lexicon().get(target.root.lemma_.lower(), [])
        if (actor is not None and actor.type == "protesters") or any(e.plover_type == "PROTEST" and not e.modifiers for e in entries):
            return "Excessive force against protesters"
    return None


@lru_cache(maxsize=64)
def _predicted(text: str) -> dict[str, float]:
    return dict(SubEventClassifier.load().predict(text))


def model_support(text: str, coding: Coding) -> float:
    """How strongly the learned model, reading the paragraph on its own, backs the ACLED coding
    (0 for events ACLED does not code): a second, independent signal for the confidence."""
    return _predicted(text).get(coding.acled_sub_event_type, 0.0) if coding.acled_sub_event_type else 0.0


def _unconfirmed_territory(sub: str | None, draft: Draft) -> str | None:
    """'Al Shabaab claimed to have overrun the base', 'troops attempted to capture the town':
    ground only claimed or sought is not known to have changed hands; what is known is the fight."""
    if sub not in _TERRITORY:
        return sub
    taking = [m for m in draft.mentions if m.entry.acled_sub_event_type in _TERRITORY]
    return "Armed clash" if taking and all(m.status in {"claimed", "planned"} for m in taking) else sub


def _by_actor_type(sub: str | None, actor: Actor | None, country: str | None) -> str | None:
    """Territory taken by the state's own forces is regained; by anyone else, a foreign army
    included ('Russian forces took the town' in Ukraine), overtaken. Only the state arrests:
    people an armed group 'detained' are abducted."""
    if actor is None:
        return sub
    # Armed groups not of the state, named or not: people they "detain" are abducted, not arrested.
    if sub == "Arrests" and actor.type in actors.ARMED_NON_STATE:
        return "Abduction/forced disappearance"
    if sub not in _TERRITORY:
        return sub
    foreign = actor.country is not None and country is not None and actor.country != country
    return "Government regains territory" if actor.type in actors.STATE_TYPES and not foreign else "Non-state actor overtakes territory"


def _unopposed(sub: str | None, text: str, plover_type: str) -> str | None:
    """'Took over the village without resistance', 'withdrew from the crossing, which allowed IS
    to seize it without resistance': ground that changed hands without a fight is a non-violent
    transfer (cues.tsv `unopposed`); a withdrawal alone is a change of the group's activity."""
    lowered = text.lower()
    withdrawal = plover_type == "RETREAT" and sub == "Change to group/activity"
    phrases = [p for p, value in cues()["unopposed"].items() if value == "taken" or not withdrawal]
    if (sub in _TERRITORY or withdrawal) and any(phrase in lowered for phrase in phrases):
        return "Non-violent transfer of territory"
    return sub
