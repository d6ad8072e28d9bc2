"""Whom an event's record names: actor 1, actor 2 and the associated actor, as ACLED codes them.

Public entry point: ``record_actors(coding, draft, paragraph) -> EventActors``. The draft's
actors are who its sentences name; ACLED's coding depends on the event's type: the people of a
protest or riot are "Protesters (Country)" or "Rioters (Country)" whoever leads them, civilians
are never the perpetrators of violence, and violence its report attributes to no one goes to
the armed group the paragraph blames, else to an unidentified armed group.
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from . import actors, countries
from .event_draft import Draft
from .model import Actor, Coding

_CROWDS = {"Protests": ("Protesters {in}", "protesters"), "Riots": ("Rioters {in}", "rioters")}
_CROWD_MEMBERS = {None, "civilians", "protesters", "rioters", "political_party", "political_militia"}
# Violence whose perpetrator a report may leave unnamed; air strikes and shelling are left out
# (they come from armies, and the story usually says whose).
_UNNAMED_PERPETRATOR = {"Armed clash", "Attack", "Abduction/forced disappearance", "Remote explosive/landmine/IED",
                        "Grenade", "Suicide bomb", "Sexual violence", "Looting/property destruction"}
# Event types whose unnamed perpetrator is the armed group the paragraph names.
_ARMED_EVENTS = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Strategic developments"}


class EventActors(NamedTuple):
    actor1: Actor | None
    actor2: Actor | None
    assoc: Actor | None  # ACLED's associated actor of actor 1: the party that led a crowd, the
    # second state of a joint attack


def record_actors(coding: Coding, draft: Draft, paragraph: str) -> EventActors:
    """Actor1, actor2 and the associated actor of the record, as ACLED codes them for the
    event's type."""
    crowd = _CROWDS.get(coding.acled_event_type or "")
    if crowd is not None:
        return _crowd_actors(crowd, draft)
    if coding.acled_event_type in _ARMED_EVENTS:
        actor1, actor2 = _violence_actors(coding, draft, paragraph)
        joint = actor1 is not None and actor1.type in actors.STATE_TYPES
        return EventActors(actor1, actor2, actors.partner(actor1.name, country=draft.context_country) if joint else None)
    return EventActors(draft.actor1, draft.actor2, None)


def _crowd_actors(crowd: tuple[str, str], draft: Draft) -> EventActors:
    """ACLED codes the people in every protest as 'Protesters (Country)' and in every riot as
    'Rioters (Country)', whoever the sentence makes its subject: a party or union that led them
    is the associated actor, police who dispersed them ("police fired tear gas at rioters") the
    other side."""
    actor = draft.actor1
    # "Ukrainian protesters", "Israeli settlers": the crowd's own people; the police who
    # dispersed it say nothing of the crowd's country.
    own = actor.country if actor and actor.type not in actors.STATE_TYPES else None
    iso3 = own or (draft.location.country if draft.location else None) or draft.context_country
    country = countries.country_by_iso3(iso3) if iso3 else None
    name = actor.name if actor and actor.type in _CROWD_MEMBERS else crowd[1]
    crowd_actor = Actor(name, actors.canonical_name(crowd[0], country), iso3, crowd[1])
    assoc = actor if actor is not None and actor.type in {"political_party", "political_militia"} else None
    actor2 = actor if actor is not None and actor.type in actors.STATE_TYPES and (
        draft.actor2 is None or draft.actor2.type in _CROWD_MEMBERS) else draft.actor2
    return EventActors(crowd_actor, actor2, assoc)


def _violence_actors(coding: Coding, draft: Draft, paragraph: str) -> tuple[Actor | None, Actor | None]:
    """Who did it and to whom. Civilians are the targets of violence, never its perpetrators
    ("a man was shot dead by ..." read with the man as subject); in a battle, people who fight
    each other ("herders and farmers clashed") are a communal militia."""
    actor, target = draft.actor1, draft.actor2
    iso3 = (draft.location.country if draft.location else None) or draft.context_country
    explosion = coding.acled_event_type == "Explosions/Remote violence"
    planter = actors.planter((m.sentence for m in draft.mentions), iso3) if explosion else None
    if planter is not None and (actor is None or actor.canonical != planter.canonical):
        actor, target = planter, target or actor  # "an army vehicle struck an IED planted by JNIM"
    if actor is not None and actor.type == "civilians" and coding.acled_event_type == "Battles":
        actor = replace(actors.resolve_actor("militia", country=actor.country), name=actor.name)
    elif actor is not None and actor.type == "civilians" and coding.acled_event_type != "Strategic developments":
        actor, target = None, target or actor
    if actor is None and target is not None and target.type == "civilians" and coding.acled_sub_event_type == "Other":
        return target, None  # "3,000 villagers were forced to flee": ACLED codes a displacement to the displaced
    if actor is None:
        return actors.by_hallmark(_unnamed_perpetrator(coding, target, paragraph, iso3), paragraph), target
    if actor.type == "state_military" and actor.country and coding.acled_sub_event_type == "Air/drone strike":
        # "Russian forces launched an airstrike": the air arm, where ACLED names it apart.
        air = actors.resolve_actor(f"{countries.country_by_iso3(actor.country).name} air force", country=iso3)
        actor = replace(air, name=actor.name) if air is not None and air.canonical.startswith(actor.canonical) else actor
    return actors.by_hallmark(actor, paragraph), target


def _unnamed_perpetrator(coding: Coding, target: Actor | None, paragraph: str, iso3: str | None) -> Actor | None:
    """Whom ACLED codes for violence its report attributes to no one: an arrest to the state's
    police; else the armed group the paragraph blames ("Al Shabaab claimed the attack"), not the
    target ("an IED exploded near a QSD vehicle"); else, for the kinds of violence reports leave
    unattributed, 'Unidentified Armed Group (Country)'."""
    if coding.acled_sub_event_type == "Arrests":
        return replace(actors.resolve_actor("police", country=iso3), name="(not named)")
    if coding.acled_sub_event_type == "Agreement":
        return None  # "after a ceasefire took effect": an agreement has parties, no culprit to blame
    blamed = actors.blamed_group(paragraph, iso3)
    if blamed is not None and (target is None or blamed.canonical != target.canonical):
        return blamed
    if coding.acled_sub_event_type in _UNNAMED_PERPETRATOR:
        country = countries.country_by_iso3(iso3) if iso3 else None
        return Actor("(not named)", actors.canonical_name("Unidentified Armed Group {in}", country), iso3,
                     "unidentified_armed_group")
    return None
