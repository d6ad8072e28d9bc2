"""Whom a record names (event_actors.record_actors): ACLED's actors for the event's type."""
from __future__ import annotations

from eventwire.actors import resolve_actor
from eventwire.event_actors import record_actors
from eventwire.event_draft import Draft
from eventwire.model import Coding, Location, ResolvedDate

_KISUMU = Location("Kisumu", "KEN", precision="city")


def _draft(actor1_text, actor2_text=None, plover_type="ASSAULT"):
    return Draft(mentions=[], plover_type=plover_type, sub_event_type=None,
                 actor1=resolve_actor(actor1_text, country="KEN") if actor1_text else None,
                 actor2=resolve_actor(actor2_text, country="KEN") if actor2_text else None,
                 location=_KISUMU, own_place=True, date=ResolvedDate(None, "unknown"), own_date=False,
                 background=False, context_country="KEN")


def test_police_dispersing_a_riot_are_its_other_side_and_the_crowd_is_rioters():
    riot = Coding("PROTEST", acled_event_type="Riots", acled_sub_event_type="Violent demonstration")
    named = record_actors(riot, _draft("police", "rioters"), "Police fired tear gas at rioters in Kisumu.")
    assert (named.actor1.canonical, named.actor2.canonical, named.assoc) == ("Rioters (Kenya)", "Police Forces of Kenya", None)


def test_violence_its_report_leaves_unnamed_goes_to_the_group_the_paragraph_blames():
    attack = Coding("ASSAULT", acled_event_type="Explosions/Remote violence",
                    acled_sub_event_type="Remote explosive/landmine/IED")
    named = record_actors(attack, _draft(None), "An IED exploded in Mandera. Al Shabaab claimed the attack.")
    assert named.actor1.canonical == "Al Shabaab"
    assert named.assoc is None


def test_an_attack_nobody_is_blamed_for_is_an_unidentified_armed_group():
    attack = Coding("ASSAULT", acled_event_type="Violence against civilians", acled_sub_event_type="Attack")
    named = record_actors(attack, _draft(None, "villagers"), "Two villagers were shot dead in Kisumu.")
    assert named.actor1.canonical == "Unidentified Armed Group (Kenya)"
    assert named.actor2.type == "civilians"
